//! The WebAssembly legacy-encoding backend: the JavaScript engine's
//! `TextDecoder` (browsers, web workers, Node 11 and later) decodes, and
//! [`guess_by_decoding`](super::guess_by_decoding) scores its readings. It
//! keeps encoding_rs's decoders and tables and chardetng's model out of the
//! `.wasm`.

use web_sys::TextDecoder;

use super::{DecodeError, Legacy};

/// `bytes` as `legacy` by `new TextDecoder(label).decode(bytes)`:
/// undecodable sequences become U+FFFD (not `fatal`), and the Encoding
/// Standard strips no byte-order mark outside UTF-8 and UTF-16. `None` when
/// the engine has no decoder for `legacy` (its constructor throws a
/// `RangeError`, as in a Node built without full ICU).
pub(super) fn decode_legacy(legacy: Legacy, bytes: &[u8]) -> Option<String> {
    let decoder = TextDecoder::new_with_label(legacy.label()).ok()?;
    decoder.decode_with_u8_array(bytes).ok()
}

/// GB18030 or Big5 with the text, or the refusal of Japanese or Korean, by
/// decoding and scoring.
pub(super) fn guess(bytes: &[u8]) -> Result<(Legacy, String), DecodeError> {
    super::guess_by_decoding(bytes, decode_legacy)
}
