"""Shared fixtures of the Python tests (run by scripts/test.sh after
`pip install .`): the repository, the native CLI to compare with, and the
raw pages of ../shared (sample pages and corpus)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("JIANBAO_SHARED", ROOT.parent / "shared"))


def cli_path() -> Path:
    """The native CLI (`cargo build --release`), or JIANBAO_CLI."""
    if "JIANBAO_CLI" in os.environ:
        return Path(os.environ["JIANBAO_CLI"])
    target = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    if not target.is_absolute():
        target = ROOT / target
    return target / "release" / "jianbao"


def raw_pages(folder: str) -> list[Path]:
    pages = sorted((SHARED / folder).glob("*.txt"))
    if not pages:
        pytest.fail(f"no raw pages (*.txt) in {SHARED / folder}")
    return pages


@pytest.fixture(scope="session")
def cli() -> Path:
    path = cli_path()
    if not path.exists():
        pytest.fail(f"the native CLI is not built ({path}): run `cargo build --release`")
    return path


@pytest.fixture(scope="session")
def sample_pages() -> list[Path]:
    return raw_pages("pages")


@pytest.fixture(scope="session")
def corpus_pages() -> list[Path]:
    return raw_pages("corpus")


@pytest.fixture(scope="session")
def all_pages(sample_pages: list[Path], corpus_pages: list[Path]) -> list[Path]:
    return sample_pages + corpus_pages


def run_cli(cli: Path, *args: str | os.PathLike[str], stdin: bytes | None = None) -> str:
    """The CLI's stdout (UTF-8) for `args`; fails the test on a non-zero exit."""
    done = subprocess.run(
        [str(cli), *map(str, args)], input=stdin, capture_output=True, check=False
    )
    if done.returncode != 0:
        pytest.fail(f"jianbao {' '.join(map(str, args))}: exit {done.returncode}: {done.stderr.decode()}")
    return done.stdout.decode("utf-8")


def plain_sources(records: str) -> str:
    """The CLI's article records (`--format articles`) with each source named
    by the file alone, as the Python layer names it: the CLI writes the page's
    source object, {"file": ..., "encoding": ...}."""
    import re

    return re.sub(
        r'^\{"source":\{"file":("(?:[^"\\]|\\.)*")(?:,"encoding":"[^"]*")?\},',
        r'{"source":\1,',
        records,
        flags=re.M,
    )
