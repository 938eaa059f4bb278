"""The Python module against the native CLI, byte for byte, over the sample
pages and the corpus; its errors; its parallel entry point."""

from __future__ import annotations

import json
import re
import threading
import time
from pathlib import Path

import pytest

import jianbao
from conftest import ROOT, run_cli

# The CLI prints compact JSON (serde_json: no spaces, non-ASCII as is) and a
# line break; `--pretty` indents by two spaces, as json.dumps(indent=2) does.
COMPACT = {"ensure_ascii": False, "separators": (",", ":")}
PRETTY = {"ensure_ascii": False, "indent": 2}


def text_of(path: Path) -> str:
    """The page text as the CLI decodes it (encoding detected)."""
    return jianbao.decode_bytes(path.read_bytes())["text"]


def cli_json_lines(cli: Path, pages: list[Path], *flags: str) -> list[str]:
    """One CLI run over all pages in `--format jsonl`: each line is
    {"source": FILE, ...the page's own keys}, so stripping the source gives
    the page JSON that `jianbao FILE` prints (checked in test_json_per_file)."""
    out = run_cli(cli, "--format", "jsonl", *flags, *pages)
    lines = out.splitlines()
    assert len(lines) == len(pages)
    pages_json = []
    for page, line in zip(pages, lines):
        prefix = '{"source":' + json.dumps(str(page), ensure_ascii=False) + ","
        assert line.startswith(prefix), line[:80]
        pages_json.append("{" + line[len(prefix) :])
    return pages_json


def test_json_per_file_equals_cli(cli: Path, sample_pages: list[Path]) -> None:
    for path in sample_pages:
        page = jianbao.parse(text_of(path))
        assert json.dumps(page, **COMPACT) + "\n" == run_cli(cli, path)
        assert json.dumps(page, **PRETTY) + "\n" == run_cli(cli, "--pretty", path)


@pytest.mark.parametrize(
    "flags, options",
    [
        ((), {}),
        (("--drop-ads", "--no-spans"), {"keep_ads": False, "spans": False}),
        (("--drop-ads",), {"keep_ads": False}),
    ],
)
def test_json_equals_cli_over_pages_and_corpus(
    cli: Path, all_pages: list[Path], flags: tuple[str, ...], options: dict[str, bool]
) -> None:
    expected = cli_json_lines(cli, all_pages, *flags)
    assert len(all_pages) >= 100
    for path, want in zip(all_pages, expected):
        got = json.dumps(jianbao.parse(text_of(path), **options), **COMPACT)
        assert got == want, path.name
        got = json.dumps(jianbao.parse_bytes(path.read_bytes(), **options), **COMPACT)
        assert got == want, path.name


def test_parse_many_equals_parse(corpus_pages: list[Path]) -> None:
    texts = [text_of(p) for p in corpus_pages]
    one_by_one = [jianbao.parse(t) for t in texts]
    assert jianbao.parse_many(texts) == one_by_one
    assert jianbao.parse_many(texts, threads=2) == one_by_one
    assert jianbao.parse_many(iter(texts), 1) == one_by_one
    assert jianbao.parse_many(tuple(texts), threads=2, spans=False) == [
        jianbao.parse(t, spans=False) for t in texts
    ]
    assert jianbao.parse_many([]) == []


def test_renderers_equal_cli(cli: Path, sample_pages: list[Path], corpus_pages: list[Path]) -> None:
    for path in sample_pages + corpus_pages[:12]:
        page = jianbao.parse(text_of(path))
        source = str(path)
        assert jianbao.to_markdown(page) == run_cli(cli, "-f", "markdown", path)
        assert jianbao.to_text(page) == run_cli(cli, "-f", "text", path)
        assert jianbao.to_jsonl(page, source) == run_cli(cli, "-f", "articles", path)
        assert jianbao.to_csv([(source, page)]) == run_cli(cli, "-f", "csv", path)


def test_renderers_take_any_equal_dict(sample_pages: list[Path]) -> None:
    # The page goes back into Rust through serde: a copy that went through
    # JSON (lists, plain dicts) renders the same.
    page = jianbao.parse(text_of(sample_pages[0]))
    copy = json.loads(json.dumps(page))
    assert jianbao.to_markdown(copy) == jianbao.to_markdown(page)
    lines = jianbao.to_jsonl(page).splitlines()
    assert len(lines) == len(page["articles"]) > 0
    first = json.loads(lines[0])
    assert list(first)[:3] == ["source", "date", "weekday"] and first["source"] is None
    csv = jianbao.to_csv([page, ("b.txt", page)])
    assert csv.startswith("source,date,kind,")
    assert csv.count("\r\n") >= 1 + 2 * len(page["articles"])


def test_spans_are_utf16_offsets() -> None:
    # 𠀀 is outside the BMP: two UTF-16 units, one Python character.
    text = "𠀀𠀀新闻标题\n\n本报讯（记者 张三）近日，某车队职工自发设计了大型十字绣。\n"
    page = jianbao.parse(text)
    units = text.encode("utf-16-le")
    article = page["articles"][0]
    start, end = article["blocks"][0]["spans"][0]
    # The paragraph's source line, found 2 units per 𠀀 later than a
    # code-point count would put it.
    assert units[2 * start : 2 * end].decode("utf-16-le") == "本报讯（记者 张三）近日，某车队职工自发设计了大型十字绣。"
    assert end <= len(units) // 2
    # Lone surrogates (possible in a Python str) become U+FFFD, one unit each.
    assert jianbao.parse("本报讯\ud800近日。")["schema"] == "jianbao/1"


def test_decode_bytes() -> None:
    text = "本报讯（记者 张三）近日，某车队职工自发设计了大型十字绣。\n" * 3
    assert jianbao.decode_bytes(text.encode("gbk")) == {"text": text, "encoding": "GB18030"}
    assert jianbao.decode_bytes(bytearray(text.encode("utf-16"))) == {"text": text, "encoding": "UTF-16LE"}
    assert jianbao.decode_bytes(memoryview(text.encode("big5", "ignore")))["encoding"] == "Big5"
    assert jianbao.parse_bytes(text.encode("gbk")) == jianbao.parse(text)


ERRORS = [
    (lambda: jianbao.parse(b"abc"), TypeError, "parse: text must be str, got bytes (for raw bytes of unknown encoding use parse_bytes)"),
    (lambda: jianbao.parse(None), TypeError, "parse: text must be str, got NoneType"),
    (lambda: jianbao.parse("x", keep_ads=1), TypeError, "parse: keep_ads must be True or False, got int"),
    (lambda: jianbao.parse("x", spans="no"), TypeError, "parse: spans must be True or False, got str"),
    (lambda: jianbao.parse("x", keepAds=False), TypeError, "keepAds"),
    (lambda: jianbao.parse_bytes("abc"), TypeError, "parse_bytes: data must be bytes, bytearray or memoryview, got str (for text use parse)"),
    (lambda: jianbao.parse_bytes(b"\0" * 64), ValueError, "parse_bytes: not text in any supported encoding (UTF-8, UTF-16, GB18030, Big5): read as UTF-8, 64 of 64 characters are control characters"),
    (lambda: jianbao.decode_bytes(bytes([1, 2, 3, 4]) * 50), ValueError, "decode_bytes: not text in any supported encoding (UTF-8, UTF-16, GB18030, Big5): read as UTF-8, 200 of 200 characters are control characters"),
    (lambda: jianbao.parse_many("one page"), TypeError, "parse_many: texts must be an iterable of str (a list of pages), got one str"),
    (lambda: jianbao.parse_many(5), TypeError, "parse_many: texts must be an iterable of str, got int"),
    (lambda: jianbao.parse_many(["a", 2]), TypeError, "parse_many: texts[1] must be str, got int"),
    (lambda: jianbao.parse_many(["a"], threads=0), ValueError, "parse_many: threads must be between 1 and 4096, got 0"),
    (lambda: jianbao.parse_many(["a"], threads=-3), ValueError, "parse_many: threads must be between 1 and 4096, got -3"),
    (lambda: jianbao.parse_many(["a"], threads="2"), TypeError, "parse_many: threads must be a positive int or None, got str"),
    (lambda: jianbao.parse_many(["a"], threads=True), TypeError, "parse_many: threads must be a positive int or None, got bool"),
    (lambda: jianbao.to_markdown([]), TypeError, "to_markdown: page must be a dict as parse() returns it, got list"),
    (lambda: jianbao.to_markdown({"schema": "jianbao/1"}), ValueError, "to_markdown: not a jianbao page: missing field `page`"),
    (lambda: jianbao.to_text({**jianbao.parse(""), "schema": "jianbao/2"}), ValueError, 'to_text: unsupported page schema "jianbao/2" (expected "jianbao/1")'),
    (lambda: jianbao.to_text({**jianbao.parse(""), "articles": [{"kind": "poem"}]}), ValueError, "to_text: not a jianbao page: unknown variant `poem`"),
    (lambda: jianbao.to_jsonl(jianbao.parse(""), 7), TypeError, "to_jsonl: source must be str, got int"),
    (lambda: jianbao.to_csv(jianbao.parse("")), TypeError, "to_csv: pages must be a list of page dicts or (source, page) pairs, got one dict"),
    (lambda: jianbao.to_csv([("a", jianbao.parse(""), 1)]), ValueError, "to_csv: pages[0]: a pair must be (source, page), got 3 items"),
    (lambda: jianbao.to_csv([("a", "page")]), TypeError, "to_csv: pages[0]: page must be a dict as parse() returns it, got str"),
]


@pytest.mark.parametrize("call, kind, message", ERRORS)
def test_bad_input_raises_a_clear_error(call, kind, message) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(kind) as raised:
        call()
    assert message in str(raised.value)


def test_version_is_the_workspace_version(cli: Path) -> None:
    cargo = (ROOT / "Cargo.toml").read_text("utf-8")
    version = re.search(r'^\[workspace\.package\]\nversion = "([^"]+)"', cargo, re.M)
    assert version is not None
    assert jianbao.__version__ == version.group(1)
    assert run_cli(cli, "--version").strip() == f"jianbao {jianbao.__version__}"
    assert jianbao.SCHEMA == "jianbao/1"
    assert set(jianbao.__all__) >= {"parse", "parse_bytes", "parse_many", "to_markdown", "to_text", "to_jsonl", "to_csv", "__version__"}


def test_parse_many_releases_the_gil(corpus_pages: list[Path]) -> None:
    """While parse_many parses, a Python thread keeps running. The longest
    pause that thread sees is the part of the call that holds the GIL (the
    dicts are built at the end); with the GIL held throughout it would be the
    whole call."""
    texts = [text_of(p) for p in corpus_pages] * 8
    stop = threading.Event()
    longest = [0.0]

    def ticker() -> None:
        last = time.perf_counter()
        while not stop.is_set():
            now = time.perf_counter()
            longest[0] = max(longest[0], now - last)
            last = now

    for _ in range(3):
        longest[0] = 0.0
        stop.clear()
        thread = threading.Thread(target=ticker)
        thread.start()
        time.sleep(0.02)
        start = time.perf_counter()
        # Little output (no spans, no ads): parsing is most of the call.
        pages = jianbao.parse_many(texts, threads=1, keep_ads=False, spans=False)
        elapsed = time.perf_counter() - start
        stop.set()
        thread.join()
        assert len(pages) == len(texts)
        if longest[0] < 0.8 * elapsed:
            break
    assert elapsed > 0.05, f"the call was too short to tell ({elapsed:.3f} s)"
    assert longest[0] < 0.8 * elapsed, f"a Python thread stood still {longest[0]:.3f} s of a {elapsed:.3f} s call"
