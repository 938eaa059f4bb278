"""Pages per second on the corpus: the Python module's parse_many, the Dask
example on a local cluster, and the native CLI — the figures of the README's
"Python and clusters".

    target/venv/bin/python scripts/bench-python.py [--copies K] [--threads N] [--runs R]

The input is every raw page of ../shared/corpus (or $JIANBAO_CORPUS), K
times over (default 20). Needs `pip install .`, the CLI
(`cargo build --release`) and the packages of tests/python/requirements.txt.
Prints a Markdown table; each figure is the best of --runs runs (3).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import jianbao

ROOT = Path(__file__).resolve().parents[1]


def best(runs: int, work) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--copies", type=int, default=20)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--runs", type=int, default=3, help="runs of each; the best counts")
    args = ap.parse_args()
    runs = args.runs
    corpus = Path(os.environ.get("JIANBAO_CORPUS", ROOT.parent / "shared" / "corpus"))
    sources = sorted(corpus.glob("*.txt"))
    if not sources:
        sys.exit(f"no pages in {corpus}")
    cli = Path(os.environ.get("JIANBAO_CLI", ROOT / "target" / "release" / "jianbao"))
    texts = [jianbao.decode_bytes(p.read_bytes())["text"] for p in sources] * args.copies
    n = len(texts)
    megabytes = sum(len(t.encode()) for t in texts) / 1e6
    rows = []

    def row(what: str, seconds: float, note: str = "") -> None:
        rows.append((what, f"{n / seconds:,.0f}", f"{megabytes / seconds:.1f}", note))

    threads = args.threads
    row(
        f"`parse_many(texts, threads={threads})` → dicts",
        best(runs, lambda: jianbao.parse_many(texts, threads=threads)),
        "parse in Rust (GIL released), then the dicts (GIL held)",
    )
    row(
        f"`parse_many(texts, threads={threads}, spans=False)`",
        best(runs, lambda: jianbao.parse_many(texts, threads=threads, spans=False)),
        "fewer objects to build",
    )
    names = [f"{i}.txt" for i in range(n)]
    row(
        f"`parse_to_jsonl(texts, names, threads={threads})` → records",
        best(runs, lambda: jianbao.parse_to_jsonl(texts, names, threads=threads)),
        "parse and render in Rust, no dicts (what the Dask example runs)",
    )
    row("`[parse(t) for t in texts]`", best(runs, lambda: [jianbao.parse(t) for t in texts]), "one thread")
    row(
        "`parse` + `to_jsonl` per page",
        best(runs, lambda: [jianbao.to_jsonl(jianbao.parse(t), "x") for t in texts]),
        "one thread; records as the CLI's `articles`",
    )

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "pages"
        folder.mkdir()
        for copy in range(args.copies):
            for p in sources:
                shutil.copyfile(p, folder / f"{copy:03d}_{p.name}")
        files = sorted(str(p) for p in folder.iterdir())

        def cli_run() -> None:
            with open(os.devnull, "wb") as null:
                subprocess.run([str(cli), "-j", str(threads), "-f", "articles", *files], stdout=null, check=True)

        row(f"CLI `jianbao -j {threads} -f articles` ({n} files)", best(runs, cli_run), "reads, decodes, parses, writes")

        summaries = []
        walls = []
        for i in range(runs):
            out = Path(tmp) / f"out{i}"
            start = time.perf_counter()
            done = subprocess.run(
                [sys.executable, str(ROOT / "examples/python/dask_articles.py"), str(folder), str(out),
                 "--workers", str(threads), "--partition-pages", "128"],
                capture_output=True, text=True, check=True,
            )
            walls.append(time.perf_counter() - start)
            summaries.append(json.loads(done.stdout.splitlines()[-1]))
        fastest = min(summaries, key=lambda s: s["seconds"])
        row(
            f"Dask, local cluster of {threads} worker processes",
            fastest["seconds"],
            f"from submit to files written; {min(walls):.1f} s with cluster start and stop",
        )

    print(f"{n} pages ({megabytes:.1f} MB of UTF-8), {threads} threads / workers, best of {runs}:\n")
    print("| run | pages/s | MB/s | note |\n| --- | --- | --- | --- |")
    for what, pages, mb, note in rows:
        print(f"| {what} | {pages} | {mb} | {note} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
