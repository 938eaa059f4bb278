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

use jianbao::{Options, Page, SCHEMA};
use js_sys::{Array, ArrayBuffer, Reflect, Uint8Array, JSON};
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
    if value.is_undefined() || value.is_null() {
        return Ok(Options::default());
    }
    if !value.is_object() || value.is_function() || Array::is_array(value) {
        return Err(error(format_args!(
            "{function}: options must be an object such as {{ keepAds: false, spans: true }}, got {}",
            type_name(value)
        )));
    }
    let json = JSON::stringify(value)
        .ok()
        .and_then(|s| s.as_string())
        .ok_or_else(|| error(format_args!("{function}: options must be a plain object")))?;
    serde_json::from_str(&json).map_err(|e| {
        // serde_json's message ends with a position in the JSON text, which
        // means nothing to a caller who passed an object: drop it.
        let message = e.to_string();
        let position = format!(" at line {} column {}", e.line(), e.column());
        let message = message.strip_suffix(&position).unwrap_or(&message);
        error(format_args!("{function}: invalid options: {message}"))
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
    let page: Page = serde_wasm_bindgen::from_value(value.clone()).map_err(|e| {
        error(format_args!(
            "{function}: not a jianbao page: {}",
            message(e)
        ))
    })?;
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

/// A serde-wasm-bindgen error's message, without the `Error: ` that its
/// `Display` (the JS error's `toString()`) starts with.
fn message(e: serde_wasm_bindgen::Error) -> String {
    let text = e.to_string();
    text.strip_prefix("Error: ").unwrap_or(&text).to_string()
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
    let text = text_arg(&text, "parse")?;
    let options = options_arg(&options, "parse")?;
    to_js(&jianbao::parse(&text, &options))
}

/// Decodes bytes of unknown encoding (UTF-8, UTF-16, GB18030/GBK, Big5) and
/// parses the text. Spans index into the decoded text: call `decodeBytes`
/// then `parse` to keep that text and learn the encoding.
#[wasm_bindgen(js_name = parseBytes)]
pub fn parse_bytes(bytes: JsValue, options: JsValue) -> Result<JsValue, JsError> {
    let bytes = bytes_arg(&bytes, "parseBytes")?;
    let options = options_arg(&options, "parseBytes")?;
    let decoded = decode_or_throw(&bytes, "parseBytes")?;
    to_js(&jianbao::parse(&decoded.text, &options))
}

/// What `decodeBytes` returns.
#[derive(Serialize)]
struct DecodedJs<'a> {
    text: &'a str,
    encoding: &'a str,
}

/// Decodes bytes of unknown encoding to `{ text, encoding }`, `encoding`
/// being `"UTF-8"`, `"UTF-16LE"`, `"UTF-16BE"`, `"GB18030"` or `"Big5"`.
#[wasm_bindgen(js_name = decodeBytes)]
pub fn decode_bytes(bytes: JsValue) -> Result<JsValue, JsError> {
    let bytes = bytes_arg(&bytes, "decodeBytes")?;
    let decoded = decode_or_throw(&bytes, "decodeBytes")?;
    to_js(&DecodedJs {
        text: &decoded.text,
        encoding: decoded.encoding,
    })
}

fn decode_or_throw(bytes: &[u8], function: &str) -> Result<jianbao::decode::Decoded, JsError> {
    jianbao::decode::decode_using(bytes, text_decoder)
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
    let inputs: Vec<CsvInput> = serde_wasm_bindgen::from_value(pages).map_err(|e| {
        error(format_args!(
            "toCsv: not an array of {{ source?, page }}: {e}"
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
