"""The type stubs shipped with the package (jianbao.pyi → jianbao/__init__.pyi
and py.typed): mypy finds and uses them, and their TypedDicts name exactly
the keys the module returns."""

from __future__ import annotations

import ast
import subprocess
import sys
import textwrap
from pathlib import Path

import jianbao

GOOD = '''
from __future__ import annotations
from typing import TYPE_CHECKING
import jianbao

if TYPE_CHECKING:
    from jianbao import Article, Page

def titles(page: Page) -> list[str]:
    return [a["title"] or "" for a in page["articles"]]

def first(pages: list[Page]) -> Article | None:
    return pages[0]["articles"][0] if pages and pages[0]["articles"] else None

page = jianbao.parse("本报讯 近日。", keep_ads=False, spans=True)
many: list[Page] = jianbao.parse_many(["a", "b"], threads=2)
decoded = jianbao.decode_bytes(b"abc")
encoding: str = decoded["encoding"]
from_bytes: Page = jianbao.parse_bytes(bytearray(b"abc"))
start, end = page["articles"][0]["spans"][0] if page["articles"] else (0, 0)
date: str | None = page["page"]["date"]
md: str = jianbao.to_markdown(page) + jianbao.to_text(page) + jianbao.to_jsonl(page, "a.txt")
csv: str = jianbao.to_csv([page, ("a.txt", page), (None, page)])
version: str = jianbao.__version__
records: list[str] = jianbao.parse_to_jsonl(["a"], ["a.txt"], format="dolma", threads=1)
corpus: str = jianbao.to_dolma(page, "a.txt", added="2024-01-02T03:04:05Z") + jianbao.to_tei(page, None)
print(titles(page), first(many), start, end, date, md, csv, version, encoding, from_bytes, records, corpus)
'''

BAD = '''
import jianbao

page = jianbao.parse(b"bytes")
jianbao.parse("x", keep_ads="no")
n: int = page["articles"][0]["title"]
page["articles"][0]["headline"]
jianbao.parse_many(["a"], threads="2")
jianbao.to_csv(["not a page"])
jianbao.parse_to_jsonl(["a"], ["a"], format="tei")
'''


def mypy(tmp_path: Path, name: str, source: str) -> subprocess.CompletedProcess[str]:
    program = tmp_path / f"{name}.py"
    program.write_text(textwrap.dedent(source), "utf-8")
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-error-summary",
         "--cache-dir", str(tmp_path / ".mypy_cache"), str(program)],
        capture_output=True, text=True, check=False, cwd=tmp_path,
    )


def test_mypy_accepts_correct_use(tmp_path: Path) -> None:
    done = mypy(tmp_path, "good", GOOD)
    assert done.returncode == 0, done.stdout + done.stderr


def test_mypy_rejects_wrong_use(tmp_path: Path) -> None:
    done = mypy(tmp_path, "bad", BAD)
    assert done.returncode == 1, done.stdout + done.stderr
    errors = [line for line in done.stdout.splitlines() if ": error:" in line]
    # One error for each wrong line (4 to 10), so the stubs were read.
    lines = sorted({int(line.split(":")[1]) for line in errors})
    assert lines == [4, 5, 6, 7, 8, 9, 10], done.stdout
    assert 'Argument 1 to "parse" has incompatible type "bytes"' in done.stdout
    assert '"Article" has no key "headline"' in done.stdout


def stub_typeddicts() -> dict[str, list[str]]:
    """The keys of every TypedDict in the installed stub, by name."""
    stub = Path(jianbao.__file__).with_name("__init__.pyi")
    assert stub.exists(), "the wheel ships jianbao/__init__.pyi"
    assert stub.with_name("py.typed").exists(), "the wheel ships py.typed"
    tree = ast.parse(stub.read_text("utf-8"))
    found: dict[str, list[str]] = {}
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and any(
            isinstance(b, ast.Name) and b.id == "TypedDict" for b in node.bases
        ):
            found[node.name] = [
                s.target.id for s in node.body
                if isinstance(s, ast.AnnAssign) and isinstance(s.target, ast.Name)
            ]
        elif (
            isinstance(node, ast.Assign)
            and isinstance(node.value, ast.Call)
            and isinstance(node.value.func, ast.Name)
            and node.value.func.id == "TypedDict"
        ):
            fields = node.value.args[1]
            assert isinstance(fields, ast.Dict)
            found[node.value.args[0].value] = [k.value for k in fields.keys]  # type: ignore[union-attr]
    return found


def test_stub_keys_are_the_output_keys(all_pages: list[Path]) -> None:
    """Each TypedDict lists exactly the keys the dicts have, in order: a field
    added to the model must be added to jianbao.pyi too."""
    shapes = stub_typeddicts()
    seen: dict[str, list[list[str]]] = {}

    def note(name: str, value: dict[str, object]) -> None:
        seen.setdefault(name, []).append(list(value))

    for path in all_pages:
        page = jianbao.parse_bytes(path.read_bytes())
        note("Page", page)
        note("PageInfo", page["page"])
        for staff in page["page"]["staff"]:
            note("Staff", staff)
        for warning in page["warnings"]:
            note("PageWarning", warning)
        for article in page["articles"]:
            note("Article", article)
            note("Byline", article["byline"])
            for block in article["blocks"]:
                note("Block", block)
    note("Decoded", jianbao.decode_bytes(b"abc"))
    assert set(seen) == set(shapes), (sorted(seen), sorted(shapes))
    for name, key_lists in seen.items():
        for keys in key_lists:
            assert keys == shapes[name], f"{name}: output keys {keys}, stub keys {shapes[name]}"
