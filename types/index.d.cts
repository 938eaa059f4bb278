// Type definitions for jianbao (剪报): the page JSON of schema `jianbao/1`
// and the functions of the WebAssembly build. Hand-written; kept in step with
// src/model.rs and crates/wasm/src/lib.rs. This file types `require("jianbao")`;
// index.d.ts (ESM) re-exports it and adds the default export `init`.

/**
 * A half-open range `[start, end)` into the input text, in UTF-16 code units,
 * so that `input.slice(start, end)` returns the raw text it came from.
 */
export type Span = [start: number, end: number];

/** What sort of piece an article is. */
export type Kind =
  /** Has a dateline such as `本报讯`. */
  | "news"
  /** A longer piece with a `□ 本报记者` byline or no dateline. */
  | "feature"
  /** A picture with its caption; the body is the caption. */
  | "photo"
  /** A piece under a recurring column name (栏目), often signed at the end. */
  | "column"
  /** An advertisement or a marker of one. */
  | "ad";

/** Whether a block is running text or a subhead (小标题). */
export type BlockType = "paragraph" | "heading";

/** One edition-line credit: `本版编辑 林禾` → `{ role: "本版编辑", name: "林禾" }`. */
export interface Staff {
  role: string;
  name: string;
}

/** Page furniture: never guessed; null / empty when the page prints none. */
export interface PageInfo {
  /** ISO date `YYYY-MM-DD` from a date line such as `2019年4月19日·星期五`. */
  date: string | null;
  /** The weekday as printed, e.g. `星期五`. */
  weekday: string | null;
  /** Edition staff in printed order. */
  staff: Staff[];
  /** E-mail addresses found on furniture lines. */
  emails: string[];
  /** Telephone numbers found on furniture lines. */
  phones: string[];
  /** Source ranges of the furniture lines. */
  spans: Span[];
}

/** Person names by role, each list in printed order. */
export interface Byline {
  /** 记者, 本报记者, 实习生, 见习记者, 特约记者. */
  reporters: string[];
  /** 通讯员. */
  correspondents: string[];
  /** 摄, 摄影, 摄影报道, 图. */
  photographers: string[];
  /** 文/ and signed authors. */
  authors: string[];
}

/** One paragraph or subhead of an article body. */
export interface Block {
  type: BlockType;
  text: string;
  /** Several ranges when the block was joined across a column break. */
  spans: Span[];
}

/** One article with its display type, credits and body. */
export interface Article {
  kind: Kind;
  /** Recurring column name (栏目), e.g. `读者来信`. */
  column: string | null;
  /** 引题: the display line printed above the main title. */
  kicker: string | null;
  /** 主题: the main headline. */
  title: string | null;
  /** 副题: the display line(s) below the main title, joined with one space. */
  subtitle: string | null;
  /** The lead-in word, e.g. `本报讯` or `新华社北京11月21日电`. */
  dateline: string | null;
  byline: Byline;
  /** The body in reading order. */
  blocks: Block[];
  /** A closing line naming the author and unit, as printed (cleaned). */
  signature: string | null;
  /**
   * How sure the parser is of this article as a whole, 0–1 (where it
   * starts and ends, which lines are its headline and which its body).
   */
  confidence: number;
  /** Every source range the article was built from. */
  spans: Span[];
  column_spans: Span[];
  kicker_spans: Span[];
  title_spans: Span[];
  subtitle_spans: Span[];
  signature_spans: Span[];
  /** How sure each display field's placement with this article is (null with the field). */
  kicker_confidence: number | null;
  title_confidence: number | null;
  subtitle_confidence: number | null;
}

/** Something the parser could not place or had to guess. */
export interface Warning {
  /** Stable machine-readable code, e.g. `unplaced_text`, `unpaired_quote`. */
  code: string;
  /** A human-readable sentence. */
  message: string;
  spans: Span[];
}

/**
 * Where a page's text came from, as far as the caller knew: absent from a
 * page of `parse(text)`; `encoding` when it was parsed from bytes, `page`
 * when its file held several pages, `file` when an export named the file.
 */
export interface Source {
  file?: string;
  /** The page's number in its file (pages divided by form feeds), from 1. */
  page?: number;
  /** The encoding its bytes were decoded from. */
  encoding?: Encoding;
  /**
   * The markup of positioned text the page was read from; its spans then
   * index the text rebuilt from the lines (see {@link LayoutPage}).
   */
  layout?: "hocr" | "alto" | "bbox-layout";
}

/** One parsed newspaper page (schema `jianbao/1`). */
export interface Page {
  schema: "jianbao/1";
  /** What the page's furniture (date line, edition line) says. */
  page: PageInfo;
  /** Display lines that belong to no article (slogans, section banners). */
  banners: string[];
  /** The articles, in the order in which their bodies start in the input. */
  articles: Article[];
  /**
   * How much the input looks like a newspaper page, 0–1; below 0.5 a
   * `not_newspaper` warning says so too.
   */
  looks_like_newspaper: number;
  /** Source ranges of each banner, parallel to `banners`. */
  banner_spans: Span[][];
  /** How sure each banner is to belong to no article, parallel to `banners`. */
  banner_confidence: number[];
  /** Text the parser could not place, or had to guess about. */
  warnings: Warning[];
  /** Where the text came from; absent when nothing is known (see {@link Source}). */
  source?: Source;
}

/**
 * Options for {@link parse}. Every key is optional; `keepAds` and `keep_ads`
 * are the same option (give one). Unknown keys throw.
 */
export interface Options {
  /** Keep advertisements (kind `ad`) among the articles. Default `true`. */
  keep_ads?: boolean;
  /** Same as `keep_ads`. */
  keepAds?: boolean;
  /** Fill the `spans` / `*_spans` ranges. Default `true`; when `false` every range list is `[]`. */
  spans?: boolean;
}

/** Options of the functions that take bytes: the parser's, and the encoding to read them as. */
export interface BytesOptions extends Options {
  /**
   * Decode as this encoding instead of detecting it: `"UTF-8"`, `"UTF-16LE"`
   * (or `"UTF-16"`), `"UTF-16BE"`, `"GB18030"` (or `"GBK"`, `"GB2312"`), `"Big5"`;
   * case, `-` and `_` do not matter.
   */
  encoding?: string;
}

/** Bytes as the byte-taking functions accept them (a Node `Buffer` is a `Uint8Array`). */
export type Bytes = Uint8Array | ArrayBuffer | ArrayBufferView;

/** The encodings {@link decodeBytes} and {@link parseBytes} detect. */
export type Encoding = "UTF-8" | "UTF-16LE" | "UTF-16BE" | "GB18030" | "Big5";

/** What {@link decodeBytes} returns. */
export interface Decoded {
  /** The decoded text (spans from `parse(text)` index into this). */
  text: string;
  /** The encoding that was detected (`"GB18030"` also for GBK and GB2312). */
  encoding: Encoding;
  /** Invalid byte sequences of a UTF-8 or UTF-16 input, each now one U+FFFD in `text`. */
  invalid: { byte: number; len: number }[];
}

/** One output format of {@link render} (the CLI's `--format` list). */
export interface Format {
  name: string;
  aliases: string[];
  /** File extension, without the dot. */
  extension: string;
  mime: string;
  summary: string;
  /** How several pages are joined: one a line, each headed by its name, or CSV rows under one header. */
  join: "lines" | "headed" | "rows";
}

/** One item of {@link render}: a page and the file it came from. */
export interface RenderItem {
  file?: string | null;
  page: Page;
}

/** A file's text split into pages (at form feeds), parsed one page at a time. */
export class Document {
  /** Opens a text, or bytes (decoded as `parseBytes` decodes them). @throws Error on undecodable bytes. */
  constructor(input: string | Bytes, options?: { encoding?: string });
  /** The whole text, which every span of every page indexes. */
  text(): string;
  /** The encoding of the bytes; `undefined` for a text. */
  encoding(): Encoding | undefined;
  /** The pages: their numbers in the file and `[start, end)` in UTF-16 code units of `text()`. */
  pages(): { number: number; start: number; end: number }[];
  /** Parses page `index` (from 0). */
  parsePage(index: number, options?: Options): Page;
  /**
   * Parses page `index` as JSON text in parts, for interfaces that read each
   * article only when they show it: `head.slice(0, at) + articles.join(",") +
   * head.slice(at)` is the page's JSON.
   */
  parsePageParts(index: number, options?: Options): { head: string; articles: string[]; at: number };
  /** Frees the WebAssembly memory the document holds. */
  free(): void;
}

/** One row group of {@link toCsv}: a page and where it came from. */
export interface CsvInput {
  source?: string | null;
  page: Page;
}

/**
 * Parses one raw page of text into its articles.
 * @throws Error on bad options (unknown key, wrong type) or a non-string text.
 */
export function parse(text: string, options?: Options): Page;

/**
 * Decodes bytes of unknown encoding (UTF-8, UTF-16, GB18030/GBK, Big5), then
 * parses them. Spans index into the decoded text: use {@link decodeBytes} and
 * {@link parse} to keep that text (and learn the encoding).
 * @throws Error on bad options or bytes that cannot be decoded.
 */
export function parseBytes(bytes: Bytes, options?: BytesOptions): Page;

/**
 * Parses a text, or bytes, as a file of one or more pages divided by form
 * feeds (`\f`, as pdftotext writes them): each page parsed on its own, its
 * spans indexing the whole (decoded) text, its `source.page` its number when
 * there are several.
 * @throws Error on bad options or bytes that cannot be decoded.
 */
export function parseMany(input: string | Bytes, options?: BytesOptions): Page[];

/**
 * A line (or a fragment of one) of positioned text: page units, origin at
 * the page's top left, y growing downward.
 */
export interface PositionedLine {
  text: string;
  x: number;
  y: number;
  w: number;
  h: number;
  /** Type size in page units, where known (else `h` stands for it). */
  size?: number | null;
  /** Set in bold, where known. */
  bold?: boolean | null;
  /** Page number, from 1 (0 when unknown). */
  page?: number;
}

/** One page parsed from positioned lines. */
export interface LayoutPage {
  /** The page's number. */
  number: number;
  /** The text rebuilt from the lines in reading order: the page's spans index it. */
  text: string;
  page: Page;
}

/**
 * Parses positioned lines as one page: fragments on one baseline joined,
 * fake bold (each glyph drawn twice) undone, columns and headlines put in
 * reading order, and type sizes and positions used as evidence.
 * @throws Error when `lines` is not an array of lines, or on bad options.
 */
export function parseLayout(lines: PositionedLine[], options?: Options): LayoutPage;

/** Options of {@link parsePdf}. */
export interface PdfOptions extends Options {
  /** A pdf.js module to use (browsers without a bundler); else `pdfjs-dist` is imported. */
  pdfjs?: unknown;
  /** With `pdfjs`: where its character maps (`cmaps/`) are served. */
  cMapUrl?: string;
  /** Called as each page is parsed, before the next is read. */
  onPage?: (result: LayoutPage, number: number, count: number) => void | Promise<void>;
}

/**
 * Parses a PDF (its text layer, read by pdf.js) page by page: one
 * {@link LayoutPage} per page.
 */
export function parsePdf(bytes: Bytes, options?: PdfOptions): Promise<LayoutPage[]>;

/**
 * Parses tesseract hOCR, ALTO XML or poppler's `pdftotext -bbox-layout`
 * XHTML (told apart by content) page by page; `null` when the input is
 * none of them.
 */
export function parseMarkup(
  input: string | Bytes,
  options?: Options,
): { format: "hocr" | "alto" | "bbox-layout"; pages: LayoutPage[] } | null;

/** Reads hOCR, ALTO or bbox-layout XHTML into each page's positioned lines; `null` when it is none of them. */
export function readMarkup(input: string | Bytes): { format: "hocr" | "alto" | "bbox-layout"; pages: PositionedLine[][] } | null;

/**
 * {@link parseLayout} for pages whose rebuilt texts are put one after
 * another (the web page's worker): the page's text and its JSON in parts,
 * spans shifted by `offset` (UTF-16 code units).
 */
export function layoutPageParts(
  lines: PositionedLine[],
  number: number,
  offset: number,
  options?: Options,
): { text: string; head: string; articles: string[]; at: number };

/**
 * Decodes bytes of unknown encoding to text, telling which encoding it was.
 * @throws Error on bytes that cannot be decoded.
 */
export function decodeBytes(bytes: Bytes, options?: { encoding?: string }): Decoded;

/** The output formats {@link render} writes, the CLI's `--format` list. */
export function formats(): Format[];

/**
 * Pages in an output format (a name of {@link formats}), byte for byte what
 * the CLI writes for the same files. `bom` starts a CSV with a byte-order mark;
 * `added` is the timestamp of dolma documents (the time of the call unless given).
 * @throws Error on an unknown format or a malformed page.
 */
export function render(format: string, items: readonly RenderItem[], options?: { pretty?: boolean; bom?: boolean; added?: string }): string;

/** The file name the CLI's `-o` gives one page: `STEM.EXT`, or `STEM.pN.EXT` for page N of several. */
export function fileName(format: string, stem: string, page?: number | null): string;

/** Does nothing in Node (the module is ready once loaded); kept so that `await init(); parse(text)` runs everywhere. */
export function init(input?: unknown): Promise<unknown>;

/** Does nothing in Node; see {@link init}. */
export function initSync(module?: unknown): unknown;

/** The package's (and crate's) version, e.g. `"0.1.0"`. */
export function version(): string;

/** The page as Markdown. @throws Error when `page` is not a page object. */
export function toMarkdown(page: Page): string;

/** The page as plain text. @throws Error when `page` is not a page object. */
export function toText(page: Page): string;

/**
 * The page's articles as JSON Lines, one article a line, each tagged with
 * `source` when given. @throws Error when `page` is not a page object.
 */
export function toJsonl(page: Page, source?: string | null): string;

/** Pages as one CSV table, a row per article. @throws Error on a malformed page. */
export function toCsv(pages: readonly CsvInput[]): string;

/**
 * The page's articles as dolma documents, one JSON line each, for corpora:
 * `{id, text, source, added, created, metadata, attributes}`, `id` being
 * `SOURCE#N`. `added` (an RFC 3339 timestamp) defaults to now, in UTC.
 * @throws Error when `page` is not a page object or `source` not a string.
 */
export function toDolma(page: Page, source: string, added?: string | null): string;

/**
 * The page as one TEI P5 XML document; `source` names the input.
 * @throws Error when `page` is not a page object.
 */
export function toTei(page: Page, source?: string | null): string;
