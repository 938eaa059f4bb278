"""jianbao as a step of a datatrove pipeline: page documents in, one
document per article out.

    python examples/python/datatrove_articles.py IN_DIR OUT_DIR [--tasks N]

IN_DIR holds JSON Lines of pages (``*.jsonl``, the page text under ``text``,
its name under ``id``, as datatrove's JsonlReader reads them); OUT_DIR gets
``00000.jsonl``, … (one per task) with one datatrove document per article:
``id`` = ``PAGE_ID#N``, ``text`` = the title and body, ``metadata`` = the
article's fields (kind, column, kicker, title, subtitle, dateline, byline,
signature, source ranges, …), the page's date, weekday and staff, and where
the title, paragraphs and subheads sit in ``text`` (``attributes``) — the
dolma document jianbao writes, as a datatrove Document.

``JianbaoArticles`` drops into any datatrove pipeline between a reader and
the steps that filter, deduplicate or tokenize articles; with
``SlurmPipelineExecutor`` or ``RayPipelineExecutor`` instead of the local
one the same pipeline runs on a cluster.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime, timezone

from datatrove.data import Document, DocumentsPipeline
from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.base import PipelineStep
from datatrove.pipeline.readers import JsonlReader
from datatrove.pipeline.writers import JsonlWriter

import jianbao


class JianbaoArticles(PipelineStep):
    """Each page document becomes one document per article of the page."""

    name = "📰 jianbao articles"
    type = "🔧 - PARSE"

    def __init__(self, keep_ads: bool = True, added: str | None = None) -> None:
        super().__init__()
        self.keep_ads = keep_ads
        self.added = added or datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        for page_doc in data:
            self.stat_update("pages")
            with self.track_time():
                page = jianbao.parse(page_doc.text, keep_ads=self.keep_ads)
                dolma = jianbao.to_dolma(page, page_doc.id, added=self.added)
            for line in dolma.split("\n"):
                if not line:
                    continue
                record = json.loads(line)
                article = Document(
                    text=record["text"],
                    id=record["id"],
                    metadata={
                        "source": record["source"],
                        "added": record["added"],
                        "created": record["created"],
                        **record["metadata"],
                        "attributes": record["attributes"],
                    },
                )
                self.stat_update("articles")
                self.update_doc_stats(article)
                yield article


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("in_dir", help="folder of JSON Lines of pages (*.jsonl)")
    ap.add_argument("out_dir", help="folder for the article documents")
    ap.add_argument("--tasks", type=int, default=1, help="tasks (one per input file at most) and local workers")
    ap.add_argument("--added", help="the added timestamp (default: now, UTC)")
    ap.add_argument("--logs", default=None, help="datatrove's logging folder (default: OUT_DIR/_logs)")
    args = ap.parse_args(argv)
    executor = LocalPipelineExecutor(
        pipeline=[
            JsonlReader(args.in_dir, glob_pattern="*.jsonl", compression=None),
            JianbaoArticles(added=args.added),
            JsonlWriter(args.out_dir, output_filename="${rank}.jsonl", compression=None),
        ],
        tasks=args.tasks,
        workers=args.tasks,
        logging_dir=args.logs or f"{args.out_dir.rstrip('/')}/_logs",
    )
    executor.run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
