# Type stubs for the Python module `jianbao` (剪报), shipped in the wheel as
# jianbao/__init__.pyi with py.typed. Hand-written; kept in step with
# src/model.rs (the page, schema "jianbao/1") and crates/python/src/lib.rs
# (the functions); tests/python/test_types.py checks both against the module.

from typing import Iterable, Literal, Sequence, Tuple, TypedDict, Union

__version__: str
SCHEMA: Literal["jianbao/1"]

# [start, end) into the input text in UTF-16 code units (as in JavaScript),
# a tuple (a list once the page has been through JSON). In Python:
# text.encode("utf-16-le")[2 * start : 2 * end].decode("utf-16-le").
Span = Tuple[int, int]

Kind = Literal["news", "feature", "photo", "column", "ad"]
BlockType = Literal["paragraph", "heading"]

class Staff(TypedDict):
    role: str
    name: str

class PageInfo(TypedDict):
    date: str | None
    weekday: str | None
    staff: list[Staff]
    emails: list[str]
    phones: list[str]
    spans: list[Span]

class Byline(TypedDict):
    reporters: list[str]
    correspondents: list[str]
    photographers: list[str]
    authors: list[str]

# `type` is a key, not an attribute: the functional form.
Block = TypedDict("Block", {"type": BlockType, "text": str, "spans": list[Span]})

class Article(TypedDict):
    kind: Kind
    column: str | None
    kicker: str | None
    title: str | None
    subtitle: str | None
    dateline: str | None
    byline: Byline
    blocks: list[Block]
    signature: str | None
    confidence: float
    spans: list[Span]
    column_spans: list[Span]
    kicker_spans: list[Span]
    title_spans: list[Span]
    subtitle_spans: list[Span]
    signature_spans: list[Span]
    kicker_confidence: float | None
    title_confidence: float | None
    subtitle_confidence: float | None

class PageWarning(TypedDict):
    code: str
    message: str
    spans: list[Span]

class Page(TypedDict):
    schema: Literal["jianbao/1"]
    page: PageInfo
    banners: list[str]
    articles: list[Article]
    looks_like_newspaper: float
    banner_spans: list[list[Span]]
    banner_confidence: list[float]
    warnings: list[PageWarning]

Encoding = Literal["UTF-8", "UTF-16LE", "UTF-16BE", "GB18030", "Big5"]

class Decoded(TypedDict):
    text: str
    encoding: Encoding

BytesLike = Union[bytes, bytearray, memoryview]

def parse(text: str, *, keep_ads: bool = True, spans: bool = True) -> Page:
    """Parses one raw page of text into the page dict (schema "jianbao/1").

    Raises TypeError when `text` is not a str. Never fails otherwise.
    """

def parse_bytes(data: BytesLike, *, keep_ads: bool = True, spans: bool = True) -> Page:
    """Decodes bytes of unknown encoding (UTF-8, UTF-16, GB18030/GBK, Big5)
    and parses the text. Raises ValueError when the bytes are no text."""

def decode_bytes(data: BytesLike) -> Decoded:
    """Decodes bytes of unknown encoding to {"text", "encoding"}."""

def parse_many(
    texts: Iterable[str],
    threads: int | None = None,
    *,
    keep_ads: bool = True,
    spans: bool = True,
) -> list[Page]:
    """Parses many pages in parallel in Rust (GIL released), in input order.
    `threads`: worker threads, None for all cores."""

def parse_to_jsonl(
    texts: Iterable[str],
    sources: Iterable[str],
    *,
    format: Literal["articles", "dolma"] = "articles",
    added: str | None = None,
    threads: int | None = None,
    keep_ads: bool = True,
    spans: bool = True,
) -> list[str]:
    """Parses many pages in parallel in Rust straight to their article
    records (the CLI's --format articles or dolma), one str of JSON Lines per
    page, without building dicts. `sources` names each page."""

def to_markdown(page: Page) -> str:
    """The page as Markdown."""

def to_text(page: Page) -> str:
    """The page as plain reading text."""

def to_jsonl(page: Page, source: str | None = None) -> str:
    """One JSON line per article: source, date, weekday, then the article."""

def to_csv(pages: Iterable[Union[Page, Tuple[str | None, Page]]]) -> str:
    """Pages as one CSV table (header row, a row per article); each item is
    a page or a (source, page) pair."""

def to_dolma(page: Page, source: str, *, added: str | None = None) -> str:
    """One dolma document (a JSON line) per article: {id, text, source, added,
    created, metadata, attributes}; id is "SOURCE#N"; added defaults to now."""

def to_tei(page: Page, source: str | None = None) -> str:
    """The page as one TEI P5 XML document."""

__all__: Sequence[str]
