//! The WebAssembly interface: what the npm package `jianbao` exports.
//!
//! A thin layer over [`crate::parse`], [`crate::decode`] and [`crate::render`]
//! that moves values between Rust and plain JavaScript objects. It holds no
//! parsing logic. The page object it returns is the page JSON of FORMAT.md:
//! `JSON.stringify(parse(text))` is byte for byte what the native CLI's
//! `jianbao --format json` prints for the same text.
//!
//! Every function checks its arguments and reports bad input (wrong types,
//! unknown options, undecodable bytes, a malformed page) as a thrown JS
//! `Error` whose message starts with `jianbao:`, never as a trap.

use js_sys::{Array, ArrayBuffer, Reflect, Uint8Array, JSON};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::{Options, Page, SCHEMA};

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
    let page: Page = serde_wasm_bindgen::from_value(value.clone())
        .map_err(|e| error(format_args!("{function}: not a jianbao page: {e}")))?;
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
    if value.is_undefined() || value.is_null() {
        Ok(None)
    } else {
        value.as_string().map(Some).ok_or_else(|| {
            error(format_args!(
                "{function}: source must be a string, got {}",
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
    let text = text_arg(&text, "parse")?;
    let options = options_arg(&options, "parse")?;
    to_js(&crate::parse(&text, &options))
}

/// The crate's version, which is also the npm package's.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
