"""Raw newspaper pages to article records on a Dask cluster.

    python examples/python/dask_articles.py INPUT OUT_DIR [options]

INPUT is a folder of page files (``*.txt``, any encoding jianbao detects:
UTF-8, UTF-16, GB18030/GBK, Big5) or JSON Lines of pages (a ``.jsonl`` file,
a folder of them or a glob; the page text under ``--text-field``, its name
under ``--id-field``). Paths may be local or any fsspec URL the workers can
read (``s3://…`` with s3fs installed, ``gs://…``, ``hdfs://…``).

OUT_DIR gets ``part-00000.jsonl``, ``part-00001.jsonl``, … : one JSON line per
article, in input order, as the CLI writes them (``--format articles``: the
``jianbao --format articles`` record; ``--format dolma``: dolma documents).
A summary line (pages, records, workers used, seconds, pages/s) goes to
stdout as JSON.

Where it runs:

- no ``--scheduler``: a local cluster of ``--workers`` worker processes
  (one thread each) on this machine, started and stopped by the script;
- ``--scheduler tcp://HOST:8786``: an existing cluster (``dask scheduler`` on
  one machine, ``dask worker tcp://HOST:8786`` on each of the others, each
  with ``pip install jianbao``). Nothing else changes; INPUT and OUT_DIR
  must then be paths every worker can reach (shared storage or a URL).

Each task reads its own pages, so page text never passes through the
client: the pages are split into partitions of ``--partition-pages`` files
(folder input) or ``--blocksize`` bytes (JSON Lines input), and each worker
parses a partition with jianbao's Rust parser and writes it.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import datetime, timezone
from typing import Iterable

import dask
import dask.bag as db
import fsspec
from dask.distributed import Client, LocalCluster, get_task_stream

import jianbao


def parse_files(paths: Iterable[str], fmt: str, added: str) -> list[str]:
    """A partition of page files (on a worker) → its records, as one text."""
    texts, sources = [], []
    for path in paths:
        with fsspec.open(path, "rb") as f:
            data = f.read()
        try:
            texts.append(jianbao.decode_bytes(data)["text"])
        except ValueError as e:  # not text in any encoding jianbao reads
            print(f"jianbao: {path}: {e}", file=sys.stderr)
            continue
        sources.append(path)
    # Parsed and rendered in Rust; the worker's one thread is the pool.
    records = jianbao.parse_to_jsonl(texts, sources, format=fmt, added=added, threads=1)
    # One element per partition: its file is exactly this text.
    return ["".join(records)]


def parse_lines(
    lines: Iterable[str], fmt: str, added: str, text_field: str, id_field: str
) -> list[str]:
    """A partition of JSON Lines of pages (on a worker) → its records."""
    texts, sources = [], []
    for line in lines:
        if not line.strip():
            continue
        record = json.loads(line)
        texts.append(record[text_field])
        sources.append(str(record[id_field]))
    records = jianbao.parse_to_jsonl(texts, sources, format=fmt, added=added, threads=1)
    return ["".join(records)]


def page_files(folder: str) -> list[str]:
    """The page files of a folder (local or URL), sorted by name, as paths
    in the form given (a relative folder stays relative, as in the CLI)."""
    fs, root = fsspec.core.url_to_fs(folder)
    names = sorted(name.rsplit("/", 1)[-1] for name in fs.glob(root.rstrip("/") + "/*.txt"))
    return [f"{folder.rstrip('/')}/{name}" for name in names]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("input", help="folder of *.txt pages, or JSON Lines of pages (file, folder or glob)")
    ap.add_argument("out_dir", help="folder for part-NNNNN.jsonl (created)")
    ap.add_argument("--scheduler", help="address of a running Dask scheduler (default: a local cluster)")
    ap.add_argument("--workers", type=int, default=2, help="local cluster: worker processes (default 2)")
    ap.add_argument("--format", choices=["articles", "dolma"], default="articles")
    ap.add_argument("--added", help="dolma: the added timestamp (default: now, UTC)")
    ap.add_argument("--input-format", choices=["auto", "text", "jsonl"], default="auto")
    ap.add_argument("--text-field", default="text")
    ap.add_argument("--id-field", default="id")
    ap.add_argument("--partition-pages", type=int, default=64, help="folder input: pages per task")
    ap.add_argument("--blocksize", default="32MiB", help="JSON Lines input: bytes per task")
    args = ap.parse_args(argv)

    added = args.added or datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    jsonl = args.input_format == "jsonl" or (
        args.input_format == "auto" and (args.input.endswith((".jsonl", ".json")) or "*" in args.input)
    )

    if args.scheduler:
        client = Client(args.scheduler)
        cluster = None
    else:
        cluster = LocalCluster(
            n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None
        )
        client = Client(cluster)
    try:
        start = time.perf_counter()
        if jsonl:
            bag = db.read_text(args.input, blocksize=args.blocksize, encoding="utf-8")
            parts = bag.map_partitions(
                parse_lines, args.format, added, args.text_field, args.id_field
            )
            counted = bag.filter(lambda line: bool(line.strip())).count()
        else:
            paths = page_files(args.input)
            if not paths:
                print(f"no *.txt pages in {args.input}", file=sys.stderr)
                return 1
            bag = db.from_sequence(paths, partition_size=args.partition_pages)
            parts = bag.map_partitions(parse_files, args.format, added)
            counted = len(paths)
        out_fs, out_root = fsspec.core.url_to_fs(args.out_dir)
        out_fs.makedirs(out_root, exist_ok=True)
        out = args.out_dir.rstrip("/")
        files = [f"{out}/part-{i:05d}.jsonl" for i in range(parts.npartitions)]
        with get_task_stream(client) as stream:
            writes = parts.to_textfiles(files, encoding="utf-8", compute=False)
            # One pass over the input: the count shares the read tasks.
            _, pages = dask.compute(writes, counted)
        seconds = time.perf_counter() - start
        records = 0
        for name in files:
            with fsspec.open(name, "rt", encoding="utf-8") as f:
                records += sum(1 for _ in f)
        workers = sorted({task["worker"] for task in stream.data})
        summary = {
            "pages": pages,
            "records": records,
            "parts": len(files),
            "workers_used": len(workers),
            "seconds": round(seconds, 3),
            "pages_per_s": round(pages / seconds, 1) if seconds > 0 else None,
        }
        print(json.dumps(summary))
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
