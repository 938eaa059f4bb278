//! The WebAssembly interface: what the npm package `jianbao` exports.
//!
//! A thin layer over [`jianbao::parse`], [`jianbao::decode`] and [`jianbao::render`]
//! that moves values between Rust and plain JavaScript objects. It holds no
//! parsing logic. The page object it returns is the page JSON of FORMAT.md:
//! `JSON.stringify(parse(text))` is byte for byte what the native CLI's
//! `jianbao --format json` prints for the same text.
//!
//! Every function checks its arguments and reports bad input (wrong types,
//! unknown options, undecodable bytes, a malformed page) as a thrown JS
//! `Error` whose message starts with `jianbao:`, never as a trap.

use jianbao::decode::Decoded;
use jianbao::formats::{self, RenderOptions};
use jianbao::{Document, Options, Page, Source, SourcedPage, SCHEMA};
use js_sys::{Array, ArrayBuffer, JsString, Object, Reflect, Uint8Array, JSON};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;
use web_sys::TextDecoder;

/// A JS `Error` with the package's message prefix.
fn error(message: impl std::fmt::Display) -> JsError {
    JsError::new(&format!("jianbao: {message}"))
}

/// Any serialisable value as plain JS data: `None` → `null`, maps → objects,
/// so that `JSON.stringify` gives what `serde_json` gives.
fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| error(format_args!("cannot convert the result to JavaScript: {e}")))
}

/// The `text` argument: a JS string, nothing else.
fn text_arg(value: &JsValue, function: &str) -> Result<String, JsError> {
    value.as_string().ok_or_else(|| {
        error(format_args!(
            "{function}: text must be a string, got {}",
            type_name(value)
        ))
    })
}

/// The `options` argument: `undefined` / `null` for the defaults, else a
/// plain object read exactly as the native side reads options JSON
/// (`keep_ads` or `keepAds`, `spans`; unknown keys are an error).
fn options_arg(value: &JsValue, function: &str) -> Result<Options, JsError> {
    options_with(value, function, &[]).map(|(options, _)| options)
}

/// [`options_arg`] for the functions that take bytes: also `encoding`, the
/// name of the encoding to decode them as instead of detecting it.
fn bytes_options_arg(
    value: &JsValue,
    function: &str,
) -> Result<(Options, Option<String>), JsError> {
    let (options, mut extra) = options_with(value, function, &["encoding"])?;
    let encoding = match extra.pop().flatten() {
        None => None,
        Some(v) if v.is_null() => None,
        Some(v) => Some(v.as_string().ok_or_else(|| {
            error(format_args!(
                "{function}: invalid options: encoding must be a string such as \"GBK\", got {}",
                type_name(&v)
            ))
        })?),
    };
    Ok((options, encoding))
}

/// The parser options in `value`, and the values of the `extra` keys
/// (taken out of a copy before the rest is read as [`Options`]).
fn options_with(
    value: &JsValue,
    function: &str,
    extra: &[&str],
) -> Result<(Options, Vec<Option<JsValue>>), JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok((Options::default(), vec![None; extra.len()]));
    }
    if !value.is_object() || value.is_function() || Array::is_array(value) {
        return Err(error(format_args!(
            "{function}: options must be an object such as {{ keepAds: false, spans: true }}, got {}",
            type_name(value)
        )));
    }
    let mut taken = Vec::with_capacity(extra.len());
    let rest: JsValue = if extra.is_empty() {
        value.clone()
    } else {
        let copy = Object::assign(&Object::new(), value.unchecked_ref());
        for key in extra {
            let key = JsValue::from_str(key);
            let v = Reflect::get(&copy, &key).unwrap_or(JsValue::UNDEFINED);
            taken.push((!v.is_undefined()).then_some(v));
            let _ = Reflect::delete_property(&copy, &key);
        }
        copy.into()
    };
    let json = stringify(&rest, function)?;
    let options = from_json(&json)
        .map_err(|message| error(format_args!("{function}: invalid options: {message}")))?;
    Ok((options, taken))
}

/// `JSON.stringify(value)`.
fn stringify(value: &JsValue, function: &str) -> Result<String, JsError> {
    JSON::stringify(value)
        .ok()
        .and_then(|s| s.as_string())
        .ok_or_else(|| error(format_args!("{function}: not a plain object")))
}

/// A value read from JSON text, or serde_json's message without the
/// position in the text (which means nothing to a caller who passed an
/// object).
fn from_json<T: serde::de::DeserializeOwned>(json: &str) -> Result<T, String> {
    serde_json::from_str(json).map_err(|e| {
        let message = e.to_string();
        let position = format!(" at line {} column {}", e.line(), e.column());
        message
            .strip_suffix(&position)
            .unwrap_or(&message)
            .to_string()
    })
}

/// The `bytes` argument: a `Uint8Array` (a Node `Buffer` is one), any other
/// typed array or `DataView` (its bytes), or an `ArrayBuffer`.
fn bytes_arg(value: &JsValue, function: &str) -> Result<Vec<u8>, JsError> {
    if ArrayBuffer::is_view(value) {
        let get = |key: &str| Reflect::get(value, &JsValue::from_str(key)).ok();
        let buffer = get("buffer");
        let offset = get("byteOffset").and_then(|v| v.as_f64());
        let length = get("byteLength").and_then(|v| v.as_f64());
        if let (Some(buffer), Some(offset), Some(length)) = (buffer, offset, length) {
            let view =
                Uint8Array::new_with_byte_offset_and_length(&buffer, offset as u32, length as u32);
            return Ok(view.to_vec());
        }
    } else if value.is_instance_of::<ArrayBuffer>() {
        return Ok(Uint8Array::new(value).to_vec());
    }
    Err(error(format_args!(
        "{function}: bytes must be a Uint8Array or an ArrayBuffer, got {}",
        type_name(value)
    )))
}

/// A page object (as [`parse`] returns it) back as a [`Page`].
fn page_arg(value: &JsValue, function: &str) -> Result<Page, JsError> {
    if !value.is_object() || Array::is_array(value) {
        return Err(error(format_args!(
            "{function}: page must be a page object as parse() returns it, got {}",
            type_name(value)
        )));
    }
    let page: Page = from_json(&stringify(value, function)?)
        .map_err(|message| error(format_args!("{function}: not a jianbao page: {message}")))?;
    check_schema(&page, function)?;
    Ok(page)
}

fn check_schema(page: &Page, function: &str) -> Result<(), JsError> {
    if page.schema == SCHEMA {
        Ok(())
    } else {
        Err(error(format_args!(
            "{function}: unsupported page schema {:?} (expected {SCHEMA:?})",
            page.schema
        )))
    }
}

/// The optional `source` argument: a string, or `undefined` / `null`.
fn source_arg(value: &JsValue, function: &str) -> Result<Option<String>, JsError> {
    optional_string_arg(value, function, "source")
}

/// An optional string argument: a string, or `undefined` / `null`.
fn optional_string_arg(
    value: &JsValue,
    function: &str,
    what: &str,
) -> Result<Option<String>, JsError> {
    if value.is_undefined() || value.is_null() {
        Ok(None)
    } else {
        value.as_string().map(Some).ok_or_else(|| {
            error(format_args!(
                "{function}: {what} must be a string, got {}",
                type_name(value)
            ))
        })
    }
}

/// `typeof value`, with `null` and arrays told apart, for error messages.
fn type_name(value: &JsValue) -> String {
    if value.is_null() {
        "null".to_string()
    } else if Array::is_array(value) {
        "an array".to_string()
    } else {
        value.js_typeof().as_string().unwrap_or_default()
    }
}

/// Parses one raw page of text into the page object (schema `jianbao/1`).
///
/// `options` is `undefined` or `{ keepAds?, keep_ads?, spans? }`.
#[wasm_bindgen]
pub fn parse(text: JsValue, options: JsValue) -> Result<JsValue, JsError> {
    if let Some(length) = text.dyn_ref::<JsString>().map(JsString::length) {
        enough_memory(length as usize * 3, "parse")?;
    }
    let text = text_arg(&text, "parse")?;
    let options = options_arg(&options, "parse")?;
    to_js(&jianbao::parse(&text, &options))
}

/// Decodes bytes of unknown encoding (UTF-8, UTF-16, GB18030/GBK, Big5) and
/// parses the text as one page. The page's `source.encoding` names the
/// encoding; invalid bytes of a damaged UTF-8 or UTF-16 file are a warning
/// `invalid_bytes`. Spans index into the decoded text: call `decodeBytes`
/// then `parse` to keep that text. `options` may also name the `encoding`
/// (`"GBK"`, `"UTF-16LE"`, …) instead of detecting it.
#[wasm_bindgen(js_name = parseBytes)]
pub fn parse_bytes(bytes: JsValue, options: JsValue) -> Result<JsValue, JsError> {
    let bytes = bytes_arg(&bytes, "parseBytes")?;
    let (options, encoding) = bytes_options_arg(&options, "parseBytes")?;
    let decoded = decode_or_throw(&bytes, encoding.as_deref(), "parseBytes")?;
    drop(bytes);
    enough_memory(decoded.text.len(), "parseBytes")?;
    to_js(&Document::from_decoded(decoded).parse_whole(&options))
}

/// Parses a text or a file's bytes (`string`, or bytes as `parseBytes`
/// takes them) as a file of one or more pages divided by form feeds: an
/// array of pages, each parsed on its own, each one's spans indexing the
/// whole text, each one's `source.page` its number when there are several.
#[wasm_bindgen(js_name = parseMany)]
pub fn parse_many(input: JsValue, options: JsValue) -> Result<JsValue, JsError> {
    let (document, options) = document_arg(&input, &options, "parseMany")?;
    to_js(&document.parse_all(&options))
}

/// A page's JSON in parts: the head (everything but the articles), each
/// article's JSON, and where in the head (UTF-16) the articles go.
fn page_parts(mut page: SourcedPage) -> Result<PageParts, JsError> {
    let articles = std::mem::take(&mut page.page.articles)
        .iter()
        .map(serde_json::to_string)
        .collect::<Result<Vec<String>, _>>()
        .map_err(error)?;
    let head = serde_json::to_string(&page).map_err(error)?;
    // The one `"articles":[` key of the compact JSON (a string value
    // would have its quotes escaped).
    const KEY: &str = "\"articles\":[";
    let at = head.find(KEY).map_or(head.len(), |i| i + KEY.len());
    let at = head[..at].encode_utf16().count();
    Ok(PageParts { head, articles, at })
}

/// Parses positioned lines as one page: `lines` is an array of
/// `{ text, x, y, w, h, size?, bold?, page? }` (page units, origin at the
/// top left, y down; `size` the type size where known). Returns
/// `{ number, text, page }`: `text` is the text rebuilt from the lines in
/// reading order, which the page's spans index.
#[wasm_bindgen(js_name = parseLayout)]
pub fn parse_layout(lines: JsValue, options: JsValue) -> Result<JsValue, JsError> {
    if !Array::is_array(&lines) {
        return Err(error(format_args!(
            "parseLayout: lines must be an array of {{ text, x, y, w, h, size?, bold?, page? }}, got {}",
            type_name(&lines)
        )));
    }
    let lines: Vec<jianbao::PositionedLine> = serde_wasm_bindgen::from_value(lines)
        .map_err(|e| error(format_args!("parseLayout: invalid line: {e}")))?;
    let options = options_arg(&options, "parseLayout")?;
    to_js(&jianbao::parse_layout(&lines, &options))
}

/// [`parse_layout`] for the web page's worker: page `number` of a file
/// whose pages' rebuilt texts are put one after another, this one starting
/// at `offset` (UTF-16 code units). Returns `{ text, head, articles, at }`:
/// the page's rebuilt text, and its JSON in the parts
/// `Document.parsePageParts` gives, spans shifted by `offset`.
#[wasm_bindgen(js_name = layoutPageParts)]
pub fn layout_page_parts(
    lines: JsValue,
    number: u32,
    offset: u32,
    options: JsValue,
) -> Result<JsValue, JsError> {
    let lines: Vec<jianbao::PositionedLine> = serde_wasm_bindgen::from_value(lines)
        .map_err(|e| error(format_args!("layoutPageParts: invalid line: {e}")))?;
    let options = options_arg(&options, "layoutPageParts")?;
    let mut parsed = jianbao::parse_layout(&lines, &options);
    parsed.shift_spans(offset);
    let page = SourcedPage {
        page: parsed.page,
        source: Source {
            page: Some(number),
            ..Source::default()
        },
    };
    let parts = page_parts(page)?;
    #[derive(Serialize)]
    struct Parts {
        text: String,
        head: String,
        articles: Vec<String>,
        at: usize,
    }
    to_js(&Parts {
        text: parsed.text,
        head: parts.head,
        articles: parts.articles,
        at: parts.at,
    })
}

/// Reads positioned text in markup (hOCR, ALTO, `pdftotext -bbox-layout`;
/// a string or bytes) into `{ format, pages: [[line, …], …] }`, each
/// page's lines as `parseLayout` takes them, or `null` when the input is
/// none of them.
#[wasm_bindgen(js_name = readMarkup)]
pub fn read_markup(input: JsValue) -> Result<JsValue, JsError> {
    let text = match input.as_string() {
        Some(text) => text,
        None => {
            let bytes = bytes_arg(&input, "readMarkup")?;
            decode_or_throw(&bytes, None, "readMarkup")?.text
        }
    };
    let Some((m, lines)) = jianbao::markup::read(&text) else {
        return Ok(JsValue::NULL);
    };
    let mut numbers: Vec<u32> = lines.iter().map(|l| l.page).collect();
    numbers.sort_unstable();
    numbers.dedup();
    let pages: Vec<Vec<&jianbao::PositionedLine>> = numbers
        .iter()
        .map(|&n| lines.iter().filter(|l| l.page == n).collect())
        .collect();
    #[derive(Serialize)]
    struct Read<'a> {
        format: &'static str,
        pages: Vec<Vec<&'a jianbao::PositionedLine>>,
    }
    to_js(&Read {
        format: m.name(),
        pages,
    })
}

/// Parses positioned text in markup — tesseract hOCR, ALTO XML or poppler's
/// `pdftotext -bbox-layout` XHTML, told apart by content — given as a
/// string or bytes (decoded as `parseBytes` does). Returns
/// `{ format, pages: [{ number, text, page }] }` (`format`: `"hocr"`,
/// `"alto"` or `"bbox-layout"`), or `null` when the input is none of them.
#[wasm_bindgen(js_name = parseMarkup)]
pub fn parse_markup(input: JsValue, options: JsValue) -> Result<JsValue, JsError> {
    let text = match input.as_string() {
        Some(text) => text,
        None => {
            let bytes = bytes_arg(&input, "parseMarkup")?;
            decode_or_throw(&bytes, None, "parseMarkup")?.text
        }
    };
    let options = options_arg(&options, "parseMarkup")?;
    #[derive(Serialize)]
    struct Parsed {
        format: &'static str,
        pages: Vec<jianbao::LayoutPage>,
    }
    match jianbao::parse_markup(&text, &options) {
        Some((m, pages)) => to_js(&Parsed {
            format: m.name(),
            pages,
        }),
        None => Ok(JsValue::NULL),
    }
}

/// A text or bytes as a [`Document`], with the parser options.
fn document_arg(
    input: &JsValue,
    options: &JsValue,
    function: &str,
) -> Result<(Document, Options), JsError> {
    if let Some(length) = input.dyn_ref::<JsString>().map(JsString::length) {
        let options = options_arg(options, function)?;
        enough_memory(length as usize * 3, function)?;
        return Ok((Document::from_text(text_arg(input, function)?), options));
    }
    let bytes = bytes_arg(input, function).map_err(|_| {
        error(format_args!(
            "{function}: input must be a string, a Uint8Array or an ArrayBuffer, got {}",
            type_name(input)
        ))
    })?;
    let (options, encoding) = bytes_options_arg(options, function)?;
    let decoded = decode_or_throw(&bytes, encoding.as_deref(), function)?;
    drop(bytes);
    enough_memory(decoded.text.len(), function)?;
    Ok((Document::from_decoded(decoded), options))
}

/// How many times its input a parse may take in memory at most, as the
/// README promises (with room to spare).
const MEMORY_PER_INPUT_BYTE: usize = 12;

/// Makes sure the WebAssembly memory can grow to what parsing `len` bytes
/// of text takes, before parsing starts: running out halfway would be a
/// trap (`RuntimeError: unreachable`) that leaves the module unusable. The
/// room reserved is given back at once, for the parse to use.
fn enough_memory(len: usize, function: &str) -> Result<(), JsError> {
    let need = len.saturating_mul(MEMORY_PER_INPUT_BYTE);
    let mut room: Vec<u8> = Vec::new();
    room.try_reserve_exact(need).map_err(|_| {
        error(format_args!(
            "{function}: not enough memory to parse {:.1} MB of text (about {} MB needed); split the input",
            len as f64 / 1e6,
            need / 1_000_000
        ))
    })
}

/// What `decodeBytes` returns.
#[derive(Serialize)]
struct DecodedJs<'a> {
    text: &'a str,
    encoding: &'a str,
    /// Invalid byte sequences of a UTF-8 or UTF-16 input, now U+FFFD:
    /// `{ byte, len }`, in bytes of the input.
    invalid: Vec<InvalidJs>,
}

#[derive(Serialize)]
struct InvalidJs {
    byte: usize,
    len: usize,
}

/// Decodes bytes of unknown encoding to `{ text, encoding, invalid }`,
/// `encoding` being `"UTF-8"`, `"UTF-16LE"`, `"UTF-16BE"`, `"GB18030"` or
/// `"Big5"`; `options` may name the `encoding` instead.
#[wasm_bindgen(js_name = decodeBytes)]
pub fn decode_bytes(bytes: JsValue, options: JsValue) -> Result<JsValue, JsError> {
    let bytes = bytes_arg(&bytes, "decodeBytes")?;
    let encoding = encoding_option(&options, "decodeBytes")?;
    let decoded = decode_or_throw(&bytes, encoding.as_deref(), "decodeBytes")?;
    to_js(&DecodedJs {
        text: &decoded.text,
        encoding: decoded.encoding,
        invalid: decoded
            .invalid
            .iter()
            .map(|i| InvalidJs {
                byte: i.byte,
                len: i.len,
            })
            .collect(),
    })
}

/// The options of `decodeBytes`: `undefined`, or `{ encoding }`.
fn encoding_option(value: &JsValue, function: &str) -> Result<Option<String>, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    let encoding =
        Reflect::get(value, &JsValue::from_str("encoding")).unwrap_or(JsValue::UNDEFINED);
    if encoding.is_undefined() || encoding.is_null() {
        return Ok(None);
    }
    encoding.as_string().map(Some).ok_or_else(|| {
        error(format_args!(
            "{function}: invalid options: encoding must be a string such as \"GBK\", got {}",
            type_name(&encoding)
        ))
    })
}

fn decode_or_throw(
    bytes: &[u8],
    encoding: Option<&str>,
    function: &str,
) -> Result<Decoded, JsError> {
    match encoding {
        Some(label) => jianbao::decode::decode_named_using(bytes, label, text_decoder),
        None => jianbao::decode::decode_using(bytes, text_decoder),
    }
    .map_err(|e| error(format_args!("{function}: {e}")))
}

/// The legacy encodings (GB18030, Big5, …) as the JavaScript engine's
/// `TextDecoder` reads them: `new TextDecoder(label).decode(bytes)`, not
/// `fatal` (undecodable sequences become U+FFFD). `None` when the engine has
/// no decoder for `label` (its constructor throws a `RangeError`, as in a
/// Node built without full ICU).
fn text_decoder(label: &str, bytes: &[u8]) -> Option<String> {
    let decoder = TextDecoder::new_with_label(label).ok()?;
    decoder.decode_with_u8_array(bytes).ok()
}

/// The page (as `parse` returns it) as Markdown.
#[wasm_bindgen(js_name = toMarkdown)]
pub fn to_markdown(page: JsValue) -> Result<String, JsError> {
    Ok(jianbao::render::to_markdown(&page_arg(
        &page,
        "toMarkdown",
    )?))
}

/// The page as plain text.
#[wasm_bindgen(js_name = toText)]
pub fn to_text(page: JsValue) -> Result<String, JsError> {
    Ok(jianbao::render::to_text(&page_arg(&page, "toText")?))
}

/// The page's articles as JSON Lines, one article a line, each starting
/// with `source` (or `null`), `date` and `weekday`.
#[wasm_bindgen(js_name = toJsonl)]
pub fn to_jsonl(page: JsValue, source: JsValue) -> Result<String, JsError> {
    let page = page_arg(&page, "toJsonl")?;
    let source = source_arg(&source, "toJsonl")?;
    Ok(jianbao::render::to_jsonl_articles(&page, source.as_deref()))
}

/// The page's articles as dolma documents, one JSON line each, for corpora:
/// `{id, text, source, added, created, metadata, attributes}`, `id` being
/// `SOURCE#N`. `added` (a timestamp string) defaults to now, in UTC.
#[wasm_bindgen(js_name = toDolma)]
pub fn to_dolma(page: JsValue, source: JsValue, added: JsValue) -> Result<String, JsError> {
    let page = page_arg(&page, "toDolma")?;
    let source = source.as_string().ok_or_else(|| {
        error(format_args!(
            "toDolma: source must be a string (the input's name), got {}",
            type_name(&source)
        ))
    })?;
    let added = match optional_string_arg(&added, "toDolma", "added")? {
        Some(added) => added,
        None => {
            let seconds = (js_sys::Date::now() / 1000.0).max(0.0) as u64;
            jianbao::render::dolma_timestamp(seconds)
        }
    };
    Ok(jianbao::render::to_dolma(&page, &source, Some(&added)))
}

/// The page as one TEI P5 XML document; `source` (optional) names the input.
#[wasm_bindgen(js_name = toTei)]
pub fn to_tei(page: JsValue, source: JsValue) -> Result<String, JsError> {
    let page = page_arg(&page, "toTei")?;
    let source = source_arg(&source, "toTei")?;
    Ok(jianbao::render::to_tei(&page, source.as_deref()))
}

/// One item of `toCsv`'s argument.
#[derive(Deserialize)]
struct CsvInput {
    #[serde(default)]
    source: Option<String>,
    page: Page,
}

/// Pages as one CSV table, a row per article: `pages` is an array of
/// `{ source?, page }`.
#[wasm_bindgen(js_name = toCsv)]
pub fn to_csv(pages: JsValue) -> Result<String, JsError> {
    if !Array::is_array(&pages) {
        return Err(error(format_args!(
            "toCsv: pages must be an array of {{ source?, page }}, got {}",
            type_name(&pages)
        )));
    }
    let inputs: Vec<CsvInput> = from_json(&stringify(&pages, "toCsv")?).map_err(|message| {
        error(format_args!(
            "toCsv: not an array of {{ source?, page }}: {message}"
        ))
    })?;
    for input in &inputs {
        check_schema(&input.page, "toCsv")?;
    }
    let rows: Vec<(Option<&str>, &Page)> = inputs
        .iter()
        .map(|input| (input.source.as_deref(), &input.page))
        .collect();
    Ok(jianbao::render::to_csv(&rows))
}

/// A text or a file's bytes opened as a file of pages, to parse one page at
/// a time (so that a caller can show progress, or stop between pages):
/// `new Document(input, { encoding? })`, then `pages()`, `parsePage(i)`.
/// Call `free()` when done.
#[wasm_bindgen(js_name = Document)]
pub struct DocumentJs {
    document: Document,
}

/// One page's place in a [`DocumentJs`]'s text, in UTF-16 code units.
#[derive(Serialize)]
struct PageRangeJs {
    number: u32,
    start: u32,
    end: u32,
}

#[wasm_bindgen(js_class = Document)]
impl DocumentJs {
    /// Opens `input` (a string, or bytes as `parseBytes` takes them, with
    /// `options.encoding` to name their encoding).
    #[wasm_bindgen(constructor)]
    pub fn new(input: JsValue, options: JsValue) -> Result<DocumentJs, JsError> {
        let (document, _) = document_arg(&input, &options, "Document")?;
        Ok(DocumentJs { document })
    }

    /// The whole text, which every span of every page indexes.
    pub fn text(&self) -> String {
        self.document.text().to_owned()
    }

    /// The encoding the bytes were in, or `undefined` for a text.
    pub fn encoding(&self) -> Option<String> {
        self.document.encoding().map(str::to_owned)
    }

    /// The pages: `[{ number, start, end }]`, `start` and `end` in UTF-16
    /// code units of `text()`.
    pub fn pages(&self) -> Result<JsValue, JsError> {
        let ranges: Vec<PageRangeJs> = self
            .document
            .pages()
            .iter()
            .map(|r| PageRangeJs {
                number: r.number,
                start: r.start_utf16,
                end: r.end_utf16,
            })
            .collect();
        to_js(&ranges)
    }

    /// Parses page `index` (from 0) into the page object.
    #[wasm_bindgen(js_name = parsePage)]
    pub fn parse_page(&self, index: u32, options: JsValue) -> Result<JsValue, JsError> {
        let options = options_arg(&options, "Document.parsePage")?;
        let index = self.page_index(index, "Document.parsePage")?;
        to_js(&self.document.parse_page(index, &options))
    }

    /// Parses page `index` like `parsePage`, but returns its JSON, as text,
    /// in parts, for a user interface that reads a large file page by page
    /// and each article only when it shows it: `{ head, articles, at }`,
    /// `head` the page without its articles, `articles` each article's JSON,
    /// `at` where in `head` they go: `head.slice(0, at) +
    /// articles.join(",") + head.slice(at)` is the page's JSON, what
    /// `JSON.stringify(parsePage(index))` gives.
    #[wasm_bindgen(js_name = parsePageParts)]
    pub fn parse_page_parts(&self, index: u32, options: JsValue) -> Result<JsValue, JsError> {
        let options = options_arg(&options, "Document.parsePageParts")?;
        let index = self.page_index(index, "Document.parsePageParts")?;
        let page = self.document.parse_page(index, &options);
        to_js(&page_parts(page)?)
    }

    fn page_index(&self, index: u32, function: &str) -> Result<usize, JsError> {
        let pages = self.document.pages().len();
        let index = index as usize;
        if index < pages {
            Ok(index)
        } else {
            Err(error(format_args!(
                "{function}: no page {index} (the document has {pages})"
            )))
        }
    }
}

/// What `Document.parsePageParts` returns.
#[derive(Serialize)]
struct PageParts {
    head: String,
    articles: Vec<String>,
    at: usize,
}

/// The output formats of `render`: `[{ name, aliases, extension, mime,
/// summary, join }]`, the same list as the CLI's `--format`.
#[wasm_bindgen]
pub fn formats() -> Result<JsValue, JsError> {
    to_js(formats::FORMATS)
}

/// What `render` takes as options.
#[derive(Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
struct RenderOptionsJs {
    pretty: bool,
    bom: bool,
    added: Option<String>,
}

/// Pages in an output format, byte for byte what the CLI writes for the
/// same files: `format` is a name of `formats()`; `items` an array of
/// `{ file?, page }` (pages as `parse` and the others return them, or
/// their JSON text); `options` `{ pretty?, bom?, added? }` (`added`: the
/// timestamp of dolma documents, the time of the call unless given).
/// `options` `{ pretty?, bom? }`.
#[wasm_bindgen]
pub fn render(format: JsValue, items: JsValue, options: JsValue) -> Result<String, JsError> {
    let name = format.as_string().ok_or_else(|| {
        error(format_args!(
            "render: format must be a string, got {}",
            type_name(&format)
        ))
    })?;
    let format = formats::find(&name).ok_or_else(|| {
        let names: Vec<&str> = formats::FORMATS.iter().map(|f| f.name).collect();
        error(format_args!(
            "render: unknown format {name:?} (known: {})",
            names.join(", ")
        ))
    })?;
    if !Array::is_array(&items) {
        return Err(error(format_args!(
            "render: items must be an array of {{ file?, page }}, got {}",
            type_name(&items)
        )));
    }
    let options: RenderOptionsJs = if options.is_undefined() || options.is_null() {
        RenderOptionsJs::default()
    } else {
        from_json(&stringify(&options, "render")?)
            .map_err(|message| error(format_args!("render: invalid options: {message}")))?
    };
    let items = Array::from(&items);
    let mut pages = Vec::with_capacity(items.length() as usize);
    for item in items.iter() {
        let get = |object: &JsValue, key: &str| {
            Reflect::get(object, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
        };
        let value = get(&item, "page");
        // A page's JSON text (as `parsePageParts` gives it), or a page object
        // as JSON text: read as JSON either way.
        let json = match value.as_string() {
            Some(json) => json,
            None if value.is_object() && !Array::is_array(&value) => stringify(&value, "render")?,
            None => {
                return Err(error(format_args!(
                    "render: page must be a page object or its JSON text, got {}",
                    type_name(&value)
                )))
            }
        };
        let (page, mut source) = page_json(&json)?;
        let file = source_arg(&get(&item, "file"), "render")?;
        if file.is_some() {
            source.file = file;
        }
        pages.push(SourcedPage { page, source });
    }
    let options = RenderOptions {
        pretty: options.pretty,
        bom: options.bom,
        // Dolma's `added`: the time of the call unless given.
        added: Some(options.added.unwrap_or_else(|| {
            let seconds = (js_sys::Date::now() / 1000.0).max(0.0) as u64;
            jianbao::render::dolma_timestamp(seconds)
        })),
    };
    Ok(format.render(&pages, &options))
}

/// A page's JSON text as a [`Page`] and its [`Source`].
fn page_json(json: &str) -> Result<(Page, Source), JsError> {
    #[derive(Deserialize)]
    struct SourceOnly {
        #[serde(default)]
        source: Source,
    }
    let invalid = |message: String| error(format_args!("render: not a jianbao page: {message}"));
    let page: Page = from_json(json).map_err(invalid)?;
    check_schema(&page, "render")?;
    let SourceOnly { source } = from_json(json).map_err(invalid)?;
    Ok((page, source))
}

/// The file name one page is written to in `format`, as the CLI's `-o`
/// names it: `STEM.EXT`, or `STEM.pN.EXT` for page N of several.
#[wasm_bindgen(js_name = fileName)]
pub fn file_name(format: &str, stem: &str, page: Option<u32>) -> Result<String, JsError> {
    let format = formats::find(format)
        .ok_or_else(|| error(format_args!("fileName: unknown format {format:?}")))?;
    Ok(format.file_name(stem, page))
}

/// The crate's version, which is also the npm package's.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// Parses and returns only the number of articles, so that `npm run bench`
/// can time the parser apart from the conversion of its result to JS
/// objects. Built only with the `bench-wasm` feature, never shipped.
#[cfg(feature = "bench-wasm")]
#[wasm_bindgen(js_name = parseOnly)]
pub fn parse_only(text: &str) -> usize {
    jianbao::parse(text, &Options::default()).articles.len()
}
