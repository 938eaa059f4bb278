"""The Python module against the native CLI, byte for byte, over the sample
pages and the corpus; its errors; its parallel entry point."""

from __future__ import annotations

import json
import re
import threading
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import jianbao
from conftest import ROOT, plain_sources, run_cli

# The CLI prints compact JSON (serde_json: no spaces, non-ASCII as is) and a
# line break; `--pretty` indents by two spaces, as json.dumps(indent=2) does.
COMPACT = {"ensure_ascii": False, "separators": (",", ":")}
PRETTY = {"ensure_ascii": False, "indent": 2}


def text_of(path: Path) -> str:
    """The page text as the CLI decodes it (encoding detected)."""
    return jianbao.decode_bytes(path.read_bytes())["text"]


def without_source(line: str, file: object) -> str:
    """A page JSON line of the CLI without the `source` key it ends with
    (naming the file and the encoding, which `parse` does not know)."""
    suffix = ',"source":' + json.dumps({"file": str(file), "encoding": "UTF-8"}, **COMPACT) + "}"
    assert line.endswith(suffix), line[-120:]
    return line[: -len(suffix)] + "}"


def cli_json_lines(cli: Path, pages: list[Path], *flags: str) -> list[str]:
    """One CLI run over all pages in `--format jsonl`: each line is the
    page's JSON with a trailing "source" key, so stripping the source gives
    the page JSON that `parse` gives (checked in test_json_per_file)."""
    out = run_cli(cli, "--format", "jsonl", *flags, *pages)
    lines = out.splitlines()
    assert len(lines) == len(pages)
    return [without_source(line, page) for page, line in zip(pages, lines)]


def test_json_per_file_equals_cli(cli: Path, sample_pages: list[Path]) -> None:
    for path in sample_pages:
        page = jianbao.parse(text_of(path))
        assert json.dumps(page, **COMPACT) == without_source(run_cli(cli, path).rstrip("\n"), path)
        source = {"file": str(path), "encoding": "UTF-8"}
        assert json.dumps({**page, "source": source}, **PRETTY) + "\n" == run_cli(cli, "--pretty", path)


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


def test_parse_to_jsonl_equals_cli(cli: Path, all_pages: list[Path]) -> None:
    texts = [text_of(p) for p in all_pages]
    sources = [str(p) for p in all_pages]
    records = jianbao.parse_to_jsonl(texts, sources)
    assert records == [jianbao.to_jsonl(jianbao.parse(t), s) for t, s in zip(texts, sources)]
    assert "".join(records) == plain_sources(run_cli(cli, "-f", "articles", *all_pages))
    added = "2024-01-02T03:04:05Z"
    dolma = jianbao.parse_to_jsonl(iter(texts), tuple(sources), format="dolma", added=added, threads=2)
    assert "".join(dolma) == run_cli(cli, "-f", "dolma", "--added", added, *all_pages)
    options = {"keep_ads": False, "spans": False}
    assert jianbao.parse_to_jsonl(texts, sources, threads=1, **options) == [
        jianbao.to_jsonl(jianbao.parse(t, **options), s) for t, s in zip(texts, sources)
    ]
    assert jianbao.parse_to_jsonl([], []) == []


def test_renderers_equal_cli(cli: Path, sample_pages: list[Path], corpus_pages: list[Path]) -> None:
    for path in sample_pages + corpus_pages[:12]:
        page = jianbao.parse(text_of(path))
        source = str(path)
        assert jianbao.to_markdown(page) == run_cli(cli, "-f", "markdown", path)
        assert jianbao.to_text(page) == run_cli(cli, "-f", "text", path)
        assert jianbao.to_jsonl(page, source) == plain_sources(run_cli(cli, "-f", "articles", path))
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
    text = "𠀀𠀀新闻标题\n\n本报讯（记者 张三）近日，某车站职工自发完成了大幅剪纸画。\n"
    page = jianbao.parse(text)
    units = text.encode("utf-16-le")
    article = page["articles"][0]
    start, end = article["blocks"][0]["spans"][0]
    # The paragraph's source (its dateline and byline left out), found 2
    # units per 𠀀 later than a code-point count would put it.
    assert units[2 * start : 2 * end].decode("utf-16-le") == "近日，某车站职工自发完成了大幅剪纸画。"
    assert end <= len(units) // 2
    # Lone surrogates (possible in a Python str) become U+FFFD, one unit each.
    assert jianbao.parse("本报讯\ud800近日。")["schema"] == "jianbao/1"


def test_decode_bytes() -> None:
    text = "本报讯（记者 张三）近日，某车站职工自发完成了大幅剪纸画。\n" * 3
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
    (lambda: jianbao.parse_many(5), TypeError, "parse_many: texts must be an iterable of str (a list of pages), got int"),
    (lambda: jianbao.parse_many(["a", 2]), TypeError, "parse_many: texts[1] must be str, got int"),
    (lambda: jianbao.parse_many(["a"], threads=0), ValueError, "parse_many: threads must be between 1 and 4096, got 0"),
    (lambda: jianbao.parse_many(["a"], threads=-3), ValueError, "parse_many: threads must be between 1 and 4096, got -3"),
    (lambda: jianbao.parse_many(["a"], threads="2"), TypeError, "parse_many: threads must be a positive int or None, got str"),
    (lambda: jianbao.parse_many(["a"], threads=True), TypeError, "parse_many: threads must be a positive int or None, got bool"),
    (lambda: jianbao.parse_to_jsonl(["a"], ["a", "b"]), ValueError, "parse_to_jsonl: 2 sources for 1 texts (one name per page)"),
    (lambda: jianbao.parse_to_jsonl(["a"], "a"), TypeError, "parse_to_jsonl: sources must be an iterable of str, got one str"),
    (lambda: jianbao.parse_to_jsonl(["a"], [None]), TypeError, "parse_to_jsonl: sources[0] must be str, got NoneType"),
    (lambda: jianbao.parse_to_jsonl(["a"], ["a"], format="tei"), ValueError, 'parse_to_jsonl: format must be "articles" or "dolma", got "tei"'),
    (lambda: jianbao.parse_to_jsonl(["a"], ["a"], threads=0), ValueError, "parse_to_jsonl: threads must be between 1 and 4096, got 0"),
    (lambda: jianbao.to_markdown([]), TypeError, "to_markdown: page must be a dict as parse() returns it, got list"),
    (lambda: jianbao.to_markdown({"schema": "jianbao/1"}), ValueError, "to_markdown: not a jianbao page: missing field `page`"),
    (lambda: jianbao.to_text({**jianbao.parse(""), "schema": "jianbao/2"}), ValueError, 'to_text: unsupported page schema "jianbao/2" (expected "jianbao/1")'),
    (lambda: jianbao.to_text({**jianbao.parse(""), "articles": [{"kind": "poem"}]}), ValueError, "to_text: not a jianbao page: unknown variant `poem`"),
    (lambda: jianbao.to_jsonl(jianbao.parse(""), 7), TypeError, "to_jsonl: source must be str, got int"),
    (lambda: jianbao.to_csv(jianbao.parse("")), TypeError, "to_csv: pages must be a list of page dicts or (source, page) pairs, got one dict"),
    (lambda: jianbao.to_csv([("a", jianbao.parse(""), 1)]), ValueError, "to_csv: pages[0]: a pair must be (source, page), got 3 items"),
    (lambda: jianbao.to_csv([("a", "page")]), TypeError, "to_csv: pages[0]: page must be a dict as parse() returns it, got str"),
    (lambda: jianbao.to_dolma(jianbao.parse(""), None), TypeError, "to_dolma: source must be str, got NoneType"),
    (lambda: jianbao.to_dolma(jianbao.parse(""), "a", added=5), TypeError, "to_dolma: added must be str, got int"),
    (lambda: jianbao.to_tei({}), ValueError, "to_tei: not a jianbao page: missing field `schema`"),
    (lambda: jianbao.to_tei(jianbao.parse(""), b"a"), TypeError, "to_tei: source must be str, got bytes"),
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


def test_dolma_and_tei_equal_cli(cli: Path, sample_pages: list[Path], corpus_pages: list[Path]) -> None:
    added = "2024-01-02T03:04:05Z"
    for path in sample_pages + corpus_pages[:12]:
        page = jianbao.parse(text_of(path))
        assert jianbao.to_dolma(page, str(path), added=added) == run_cli(cli, "-f", "dolma", "--added", added, path)
        assert jianbao.to_tei(page, str(path)) == run_cli(cli, "-f", "tei", path)


def test_dolma_documents(all_pages: list[Path]) -> None:
    """Each article a document: stable id, title + body as text, the parts'
    ranges in code points of the text, the article's keys as metadata."""
    before = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(int(time.time())))
    for path in all_pages:
        page = jianbao.parse(text_of(path))
        lines = jianbao.to_dolma(page, path.name).splitlines()
        assert len(lines) == len(page["articles"])
        for n, (line, article) in enumerate(zip(lines, page["articles"])):
            doc = json.loads(line)
            assert list(doc) == ["id", "text", "source", "added", "created", "metadata", "attributes"]
            assert doc["id"] == f"{path.name}#{n}" and doc["source"] == path.name
            # time.time(), not time.gmtime(): the latter reads a coarse clock.
            assert before <= doc["added"] <= time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time()))
            assert doc["created"] == page["page"]["date"]
            parts = ([article["title"]] if article["title"] else []) + [b["text"] for b in article["blocks"]]
            assert doc["text"] == "\n\n".join(parts)
            text = doc["text"]
            attributes = doc["attributes"]
            assert [text[s:e] for s, e, _ in attributes["jianbao__title"]] == parts[: 1 if article["title"] else 0]
            assert [text[s:e] for s, e, _ in attributes["jianbao__paragraph"]] == [
                b["text"] for b in article["blocks"] if b["type"] == "paragraph"
            ]
            assert [text[s:e] for s, e, _ in attributes["jianbao__heading"]] == [
                b["text"] for b in article["blocks"] if b["type"] == "heading"
            ]
            metadata = doc["metadata"]
            # Spans are tuples in the dict, arrays in JSON: compare as JSON.
            article = json.loads(json.dumps(article))
            assert {k: v for k, v in article.items() if k != "blocks"} == {
                k: v for k, v in metadata.items() if k not in ("block_spans", "date", "weekday", "staff")
            }
            assert metadata["block_spans"] == [b["spans"] for b in article["blocks"]]
            assert metadata["staff"] == page["page"]["staff"]


TEI = "{http://www.tei-c.org/ns/1.0}"


def xml_text(value: str | None) -> str | None:
    """`value` as TEI holds it: characters XML 1.0 cannot hold as U+FFFD."""
    if value is None:
        return None
    return re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", "\ufffd", value)


def check_tei(root: ET.Element, page: dict) -> None:  # type: ignore[type-arg]
    """The TEI tree holds the page: one div per article, in order, with its
    heads, dateline, byline by role, paragraphs, subheads and signature."""
    assert root.tag == f"{TEI}TEI"
    assert root.find(f"{TEI}teiHeader/{TEI}fileDesc/{TEI}titleStmt/{TEI}title") is not None
    body = root.find(f"{TEI}text/{TEI}body")
    assert body is not None
    divs = body.findall(f"{TEI}div[@type='article']")
    assert len(divs) == len(page["articles"])
    assert [d.findtext(f"{TEI}p") for d in body.findall(f"{TEI}div[@type='banner']")] == [
        xml_text(b) for b in page["banners"]
    ]
    for n, (div, article) in enumerate(zip(divs, page["articles"]), 1):
        assert div.get("subtype") == article["kind"] and div.get("n") == str(n)
        heads = {h.get("type"): h.text for h in div.findall(f"{TEI}head")}
        for key, kind in [("column", "column"), ("kicker", "kicker"), ("title", "main"), ("subtitle", "subtitle")]:
            assert heads.get(kind) == xml_text(article[key]), (key, heads)
        assert div.findtext(f"{TEI}dateline") == xml_text(article["dateline"])
        roles = {"reporter": "reporters", "correspondent": "correspondents", "photographer": "photographers", "author": "authors"}
        persons = div.findall(f"{TEI}byline/{TEI}persName")
        for role, key in roles.items():
            assert [p.text for p in persons if p.get("role") == role] == [xml_text(n) for n in article["byline"][key]]
        paragraphs = [p.text or "" for p in div.iter(f"{TEI}p")]
        wanted = [xml_text(b["text"]) for b in article["blocks"] if b["type"] == "paragraph"]
        assert paragraphs == (wanted or [""])
        subheads = [h.text for h in div.iter(f"{TEI}head") if h.get("type") == "sub"]
        assert subheads == [xml_text(b["text"]) for b in article["blocks"] if b["type"] == "heading"]
        assert div.findtext(f"{TEI}closer/{TEI}signed") == xml_text(article["signature"])


def test_tei_is_valid_xml_holding_the_page(cli: Path, all_pages: list[Path]) -> None:
    for path in all_pages:
        page = jianbao.parse(text_of(path))
        check_tei(ET.fromstring(jianbao.to_tei(page, str(path)).encode("utf-8")), page)
    # Several pages on stdout: one teiCorpus of TEI documents.
    corpus = ET.fromstring(run_cli(cli, "-f", "tei", *all_pages[:5]).encode("utf-8"))
    assert corpus.tag == f"{TEI}teiCorpus"
    documents = corpus.findall(f"{TEI}TEI")
    assert len(documents) == 5
    for root, path in zip(documents, all_pages):
        check_tei(root, jianbao.parse(text_of(path)))
        assert root.findtext(f"{TEI}teiHeader/{TEI}fileDesc/{TEI}sourceDesc/{TEI}bibl/{TEI}idno") == str(path)


def test_tei_escapes_hostile_text() -> None:
    text = '标题<b>&amp;"引号"\n\n本报讯（记者 张三）近日，<script>alert(1)</script> & 控制\x01字符\x0b。\n'
    page = jianbao.parse(text)
    assert any("<script>" in b["text"] for a in page["articles"] for b in a["blocks"])
    root = ET.fromstring(jianbao.to_tei(page, 'a<b>&"c".txt').encode("utf-8"))
    assert root.findtext(f"{TEI}teiHeader/{TEI}fileDesc/{TEI}titleStmt/{TEI}title") == 'a<b>&"c".txt'
    check_tei(root, page)
