"""The engine examples in examples/python, run as a user runs them: a local
Dask cluster of 2 worker processes, and a datatrove pipeline; their records
must be the CLI's."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jianbao
from conftest import ROOT, plain_sources, run_cli

EXAMPLES = ROOT / "examples" / "python"
ADDED = "2024-01-02T03:04:05Z"


def run_example(name: str, *args: str | Path) -> str:
    done = subprocess.run(
        [sys.executable, str(EXAMPLES / name), *map(str, args)],
        capture_output=True, text=True, check=False, timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def parts(out_dir: Path, pattern: str) -> str:
    """The output files in name order, concatenated."""
    files = sorted(out_dir.glob(pattern))
    assert files, f"no {pattern} in {out_dir}"
    return "".join(f.read_text("utf-8") for f in files)


def pages_jsonl(pages: list[Path], path: Path) -> Path:
    """The pages as JSON Lines {"id": NAME, "text": TEXT}."""
    with path.open("w", encoding="utf-8") as f:
        for page in pages:
            text = jianbao.decode_bytes(page.read_bytes())["text"]
            f.write(json.dumps({"id": page.name, "text": text}, ensure_ascii=False) + "\n")
    return path


def test_dask_folder_to_article_records_on_two_workers(
    cli: Path, corpus_pages: list[Path], tmp_path: Path
) -> None:
    folder = corpus_pages[0].parent
    out = tmp_path / "out"
    summary = json.loads(
        run_example("dask_articles.py", folder, out, "--workers", "2", "--partition-pages", "8").splitlines()[-1]
    )
    want = plain_sources(run_cli(cli, "--format", "articles", *corpus_pages))
    assert parts(out, "part-*.jsonl") == want
    assert summary["pages"] == len(corpus_pages)
    assert summary["records"] == want.count("\n") > len(corpus_pages)
    assert summary["parts"] == -(-len(corpus_pages) // 8)
    # Both workers of the local cluster parsed pages.
    assert summary["workers_used"] == 2


def test_dask_jsonl_to_dolma_documents(cli: Path, all_pages: list[Path], tmp_path: Path) -> None:
    source = pages_jsonl(all_pages, tmp_path / "pages.jsonl")
    out = tmp_path / "out"
    summary = json.loads(
        run_example(
            "dask_articles.py", source, out, "--workers", "2", "--format", "dolma",
            "--added", ADDED, "--blocksize", "256kB",
        ).splitlines()[-1]
    )
    want = run_cli(cli, "--input-format", "jsonl", "--format", "dolma", "--added", ADDED, source)
    assert parts(out, "part-*.jsonl") == want
    assert summary["pages"] == len(all_pages)
    assert summary["parts"] > 1


def test_datatrove_step(cli: Path, corpus_pages: list[Path], tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    source = pages_jsonl(corpus_pages, inputs / "pages.jsonl")
    out = tmp_path / "out"
    run_example("datatrove_articles.py", inputs, out, "--added", ADDED, "--logs", tmp_path / "logs")
    documents = [json.loads(line) for line in parts(out, "*.jsonl").splitlines()]
    want = [
        json.loads(line)
        for line in run_cli(cli, "--input-format", "jsonl", "--format", "dolma", "--added", ADDED, source).split("\n")
        if line
    ]
    assert len(documents) == len(want) > len(corpus_pages)
    for document, dolma in zip(documents, want):
        assert document["id"] == dolma["id"]
        # datatrove's writer leaves out empty values (an article without text).
        assert document.get("text", "") == dolma["text"]
        metadata = document["metadata"]
        assert metadata["attributes"] == dolma["attributes"]
        for key in ("source", "added", "created"):
            assert metadata[key] == dolma[key]
        for key, value in dolma["metadata"].items():
            assert metadata[key] == value, key
