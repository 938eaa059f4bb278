//! Input decoding: the bytes of a page file, in whatever encoding it was
//! saved, to text.
//!
//! Chinese newspaper text arrives as UTF-8 from most tools, but older
//! archives and Windows programs save GBK / GB18030 (Simplified Chinese) or
//! Big5 (Traditional Chinese), and some editors UTF-16. [`decode`] finds out
//! which and returns the text with the encoding's name:
//!
//! ```
//! use jianbao::decode::decode;
//!
//! // "本报讯" saved as GBK by a Windows editor.
//! let gbk = [0xB1, 0xBE, 0xB1, 0xA8, 0xD1, 0xB6];
//! let decoded = decode(&gbk).unwrap();
//! assert_eq!(decoded.text, "本报讯");
//! assert_eq!(decoded.encoding, "GB18030");
//! ```
//!
//! The order of the checks:
//!
//! 1. A byte-order mark (UTF-8, UTF-16LE, UTF-16BE) decides, and is dropped.
//! 2. Bytes with NULs may be UTF-16 without a mark, little- or big-endian:
//!    the NULs are the high halves of line breaks, spaces and digits (and
//!    the low halves of characters such as 一, U+4E00). Taken when one
//!    reading is plausible text: CJK, punctuation, ASCII, nothing
//!    undecodable.
//! 3. Valid UTF-8 is taken as it is.
//! 4. UTF-16 without a mark and (next to) without NULs (CJK text only),
//!    when one byte order reads as plausible, punctuated CJK text.
//! 5. UTF-8 but for a few bytes (a damaged or cut-off file): read as UTF-8,
//!    each invalid sequence a U+FFFD, listed in [`Decoded::invalid`].
//! 6. Otherwise a legacy encoding: GB18030 (a superset of GBK and GB2312) or
//!    Big5. Text that looks Japanese or Korean (Shift_JIS, EUC-JP, EUC-KR)
//!    is refused by name: it would decode as GB18030 without errors, into
//!    nonsense; so is text that looks like a Western single-byte encoding
//!    (windows-1252 / Latin-1) when the Chinese reading fails. How the guess
//!    is made depends on the build:
//!    - natively, [`chardetng`] guesses and [`encoding_rs`] decodes; the
//!      Japanese and Korean encodings are refused when chardetng is sure of
//!      them;
//!    - in WebAssembly, the host's decoder (the JavaScript engine's
//!      `TextDecoder`, handed in by the npm package's layer through
//!      [`decode_using`]) decodes, which keeps encoding_rs's tables and
//!      chardetng out of the `.wasm`, and the guess is a score (see
//!      [`decode_using`]). [`decode`] itself, built for wasm32, has no
//!      legacy decoder and refuses legacy encodings.
//!
//! Steps 1 to 5, the refusals below and the UTF-8 and UTF-16 decoders are
//! the same code in both builds; only the legacy decoders and the guess
//! between them differ (the `native` backend, or [`decode_using`]).
//!
//! Whatever the route, bytes that are not text (an image, a PDF, random
//! data) are refused with a [`DecodeError`] rather than turned into a page
//! of mojibake.
//!
//! [`decode_named`] skips the detection: the caller names the encoding.

use std::fmt;

#[cfg(not(target_arch = "wasm32"))]
mod native;

/// Text decoded from bytes, with the name of the encoding it was in.
///
/// ```
/// let d = jianbao::decode::decode("剪报".as_bytes()).unwrap();
/// assert_eq!((d.text.as_str(), d.encoding), ("剪报", "UTF-8"));
/// assert!(d.invalid.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without any byte-order mark.
    pub text: String,
    /// The encoding the bytes were in: `"UTF-8"`, `"UTF-16LE"`, `"UTF-16BE"`,
    /// `"GB18030"` (also for GBK and GB2312, its subsets) or `"Big5"`.
    pub encoding: &'static str,
    /// Byte sequences of a UTF-8 or UTF-16 input that were not valid in its
    /// encoding, each now one U+FFFD in `text`, in order. Always empty for the
    /// legacy encodings (their decoders do not say where).
    pub invalid: Vec<Invalid>,
}

/// One invalid byte sequence of the input, replaced by U+FFFD.
///
/// ```
/// // UTF-8 with one stray byte: still UTF-8, the byte reported.
/// let mut bytes = "本报讯（记者 张三）近日，某工会开展活动。".repeat(10).into_bytes();
/// bytes.insert(6, 0xFF);
/// let d = jianbao::decode::decode(&bytes).unwrap();
/// assert_eq!(d.encoding, "UTF-8");
/// assert_eq!(d.invalid, [jianbao::decode::Invalid { byte: 6, len: 1, at: 6 }]);
/// assert_eq!(&d.text[6..9], "\u{FFFD}");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Invalid {
    /// Where the sequence starts in the input, in bytes (after any
    /// byte-order mark is counted).
    pub byte: usize,
    /// Its length in bytes.
    pub len: usize,
    /// Where its U+FFFD is in [`Decoded::text`], in bytes.
    pub at: usize,
}

/// Bytes that are not text in any encoding [`decode`] supports.
///
/// Its message names the supported encodings and why the bytes did not fit:
///
/// ```
/// let err = jianbao::decode::decode(&[0x00, 0x01, 0x02, 0x03, 0x04, 0x05]).unwrap_err();
/// assert!(err.to_string().starts_with("not text in any supported encoding"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    guess: Option<&'static str>,
    reason: String,
}

impl DecodeError {
    /// The encoding that came closest, if any was tried before giving up.
    ///
    /// ```
    /// let err = jianbao::decode::decode(&[0x00; 16]).unwrap_err();
    /// assert_eq!(err.guess(), Some("UTF-8"));
    /// ```
    pub fn guess(&self) -> Option<&'static str> {
        self.guess
    }

    /// Why the bytes were refused, without the leading sentence of the
    /// [`Display`](fmt::Display) form.
    ///
    /// ```
    /// let err = jianbao::decode::decode(&[0x00; 16]).unwrap_err();
    /// assert!(err.reason().contains("control characters"));
    /// ```
    pub fn reason(&self) -> &str {
        &self.reason
    }

    /// Bytes that look like a Japanese or Korean legacy encoding.
    fn foreign(encoding: Legacy) -> Self {
        let language = if encoding == Legacy::EucKr {
            "Korean"
        } else {
            "Japanese"
        };
        DecodeError {
            guess: Some(encoding.name()),
            reason: format!("looks like {} ({language})", encoding.name()),
        }
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "not text in any supported encoding (UTF-8, UTF-16, GB18030, Big5): {}",
            self.reason
        )
    }
}

impl std::error::Error for DecodeError {}

/// The Unicode encodings, decoded here in Rust in every build.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unicode {
    Utf8,
    Utf16Le,
    Utf16Be,
}

impl Unicode {
    fn name(self) -> &'static str {
        match self {
            Unicode::Utf8 => "UTF-8",
            Unicode::Utf16Le => "UTF-16LE",
            Unicode::Utf16Be => "UTF-16BE",
        }
    }

    /// The encoding named by a byte-order mark at the start of `bytes`, and
    /// the bytes after the mark.
    fn by_bom(bytes: &[u8]) -> Option<(Unicode, &[u8])> {
        if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
            Some((Unicode::Utf8, rest))
        } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
            Some((Unicode::Utf16Le, rest))
        } else {
            bytes
                .strip_prefix(b"\xFE\xFF")
                .map(|rest| (Unicode::Utf16Be, rest))
        }
    }

    /// Decodes `bytes` (without a byte-order mark) as the WHATWG Encoding
    /// Standard does: every maximal ill-formed subsequence, lone surrogate
    /// or odd last byte becomes one U+FFFD, each listed (`base` is where
    /// `bytes` start in the input).
    fn decode(self, bytes: &[u8], base: usize) -> (String, Vec<Invalid>) {
        let mut invalid = Vec::new();
        let mut text = String::with_capacity(bytes.len());
        match self {
            Unicode::Utf8 => {
                let mut rest = bytes;
                loop {
                    match std::str::from_utf8(rest) {
                        Ok(valid) => {
                            text.push_str(valid);
                            break;
                        }
                        Err(e) => {
                            let (valid, after) = rest.split_at(e.valid_up_to());
                            text.push_str(std::str::from_utf8(valid).unwrap_or_default());
                            // No error length: a sequence cut off by the end.
                            let len = e.error_len().unwrap_or(after.len());
                            invalid.push(Invalid {
                                byte: base + (bytes.len() - rest.len()) + valid.len(),
                                len,
                                at: text.len(),
                            });
                            text.push(char::REPLACEMENT_CHARACTER);
                            rest = &after[len..];
                        }
                    }
                }
            }
            Unicode::Utf16Le | Unicode::Utf16Be => {
                let units = bytes.chunks_exact(2).map(|pair| {
                    let pair = [pair[0], pair[1]];
                    if self == Unicode::Utf16Le {
                        u16::from_le_bytes(pair)
                    } else {
                        u16::from_be_bytes(pair)
                    }
                });
                let mut unit = 0usize;
                for c in char::decode_utf16(units) {
                    match c {
                        Ok(c) => {
                            text.push(c);
                            unit += c.len_utf16();
                        }
                        Err(_) => {
                            invalid.push(Invalid {
                                byte: base + 2 * unit,
                                len: 2,
                                at: text.len(),
                            });
                            text.push(char::REPLACEMENT_CHARACTER);
                            unit += 1;
                        }
                    }
                }
                if bytes.len() % 2 == 1 {
                    invalid.push(Invalid {
                        byte: base + bytes.len() - 1,
                        len: 1,
                        at: text.len(),
                    });
                    text.push(char::REPLACEMENT_CHARACTER);
                }
            }
        }
        (text, invalid)
    }

    /// The encoding named by `label` (case and `-`/`_` ignored), if Unicode.
    fn by_label(label: &str) -> Option<Unicode> {
        match label {
            "utf8" => Some(Unicode::Utf8),
            "utf16" | "utf16le" | "ucs2" => Some(Unicode::Utf16Le),
            "utf16be" => Some(Unicode::Utf16Be),
            _ => None,
        }
    }
}

/// The legacy encodings the backends decode: the two Chinese ones that
/// [`decode`] reads, and the Japanese and Korean ones it refuses by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Legacy {
    Gb18030,
    Big5,
    ShiftJis,
    EucJp,
    #[cfg_attr(target_arch = "wasm32", allow(dead_code))]
    Iso2022Jp,
    EucKr,
}

impl Legacy {
    /// The name reported in [`Decoded::encoding`] and [`DecodeError::guess`].
    fn name(self) -> &'static str {
        match self {
            Legacy::Gb18030 => "GB18030",
            Legacy::Big5 => "Big5",
            Legacy::ShiftJis => "Shift_JIS",
            Legacy::EucJp => "EUC-JP",
            Legacy::Iso2022Jp => "ISO-2022-JP",
            Legacy::EucKr => "EUC-KR",
        }
    }

    /// The encoding's label in the WHATWG Encoding Standard (what
    /// `TextDecoder` takes).
    fn label(self) -> &'static str {
        match self {
            Legacy::Gb18030 => "gb18030",
            Legacy::Big5 => "big5",
            Legacy::ShiftJis => "shift_jis",
            Legacy::EucJp => "euc-jp",
            Legacy::Iso2022Jp => "iso-2022-jp",
            Legacy::EucKr => "euc-kr",
        }
    }
}

/// Decodes the bytes of a page file to text, detecting the encoding.
///
/// See the [module documentation](self) for the order of the checks. Fails
/// when the best decoding still has more than a small fraction of
/// undecodable sequences (over 1 in 100 characters, or in a text shorter
/// than that any at all, or more than one for UTF-8 and UTF-16), or when a fifth or more of its characters are
/// control characters other than tab, line feed, form feed and carriage
/// return. A U+FFFD that the input itself holds (written by an earlier tool
/// into valid UTF-8) is text like any other, with or without a byte-order
/// mark.
///
/// ```
/// use jianbao::decode::decode;
///
/// // UTF-16LE with a byte-order mark, as Windows Notepad saves "Unicode".
/// let mut bytes = vec![0xFF, 0xFE];
/// bytes.extend("本报讯\n".encode_utf16().flat_map(u16::to_le_bytes));
/// let d = decode(&bytes).unwrap();
/// assert_eq!((d.text.as_str(), d.encoding), ("本报讯\n", "UTF-16LE"));
///
/// // A PNG header is not a newspaper page.
/// assert!(decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10").is_err());
/// ```
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    #[cfg(not(target_arch = "wasm32"))]
    return decode_with(bytes, native::guess);
    #[cfg(target_arch = "wasm32")]
    return decode_using(bytes, |_, _| None);
}

/// [`decode`] with the legacy encodings (GB18030, Big5, and the Japanese
/// and Korean ones it refuses) read by a decoder of the host's:
/// `decode_as(label, bytes)` decodes `bytes` as the encoding of that WHATWG
/// Encoding Standard label (`"gb18030"`, `"big5"`, `"shift_jis"`,
/// `"euc-jp"`, `"euc-kr"`), undecodable sequences as U+FFFD and no
/// byte-order mark stripped, or returns `None` when it has no decoder for
/// it.
///
/// The guess between the readings: Japanese and Korean are refused by
/// name when a reading looks like them (kana; Hangul with next to no
/// hanja), else GB18030 or Big5, whichever reading has fewer undecodable
/// sequences, then more common CJK ideographs, then GB18030.
///
/// This is how the WebAssembly build decodes, with the JavaScript engine's
/// `TextDecoder` as `decode_as`; steps 1 to 3 (byte-order marks, UTF-16 by
/// its NULs, UTF-8) never call it.
///
/// ```
/// use jianbao::decode::decode_using;
///
/// let utf8 = decode_using("剪报".as_bytes(), |_, _| None).unwrap();
/// assert_eq!(utf8.encoding, "UTF-8");
/// // GBK bytes with no legacy decoder at hand are refused.
/// let gbk = [0xB1, 0xBE, 0xB1, 0xA8, 0xD1, 0xB6];
/// assert!(decode_using(&gbk, |_, _| None).is_err());
/// ```
pub fn decode_using(
    bytes: &[u8],
    decode_as: impl Fn(&str, &[u8]) -> Option<String>,
) -> Result<Decoded, DecodeError> {
    decode_with(bytes, |b| {
        guess_by_decoding(b, |legacy, b| decode_as(legacy.label(), b))
    })
}

/// Decodes `bytes` as the encoding named `label` instead of detecting it:
/// `UTF-8`, `UTF-16LE` (or `UTF-16`), `UTF-16BE`, `GB18030` (or `GBK`,
/// `GB2312`, `CP936`) or `Big5` (or `CP950`); case, `-` and `_` do not
/// matter. A byte-order mark of that encoding is dropped. Undecodable
/// sequences become U+FFFD (listed in [`Decoded::invalid`] for UTF-8 and
/// UTF-16) and nothing is refused: the caller said what the bytes are.
/// Built for wasm32, the legacy encodings need [`decode_named_using`].
///
/// ```
/// use jianbao::decode::decode_named;
///
/// let gbk = [0xB1, 0xBE, 0xB1, 0xA8, 0xD1, 0xB6];
/// assert_eq!(decode_named(&gbk, "gbk").unwrap().text, "本报讯");
/// // The same bytes forced to be Big5 are something else, but no error.
/// assert_eq!(decode_named(&gbk, "Big5").unwrap().encoding, "Big5");
/// assert!(decode_named(&gbk, "latin-9").unwrap_err().to_string().contains("unknown encoding"));
/// ```
pub fn decode_named(bytes: &[u8], label: &str) -> Result<Decoded, DecodeError> {
    #[cfg(not(target_arch = "wasm32"))]
    return decode_named_using(bytes, label, native::decode_label);
    #[cfg(target_arch = "wasm32")]
    return decode_named_using(bytes, label, |_, _| None);
}

/// [`decode_named`] with the legacy encodings read by a decoder of the
/// host's, as [`decode_using`] takes it.
pub fn decode_named_using(
    bytes: &[u8],
    label: &str,
    decode_as: impl Fn(&str, &[u8]) -> Option<String>,
) -> Result<Decoded, DecodeError> {
    let key: String = label
        .chars()
        .filter(|c| !matches!(c, '-' | '_' | ' '))
        .flat_map(char::to_lowercase)
        .collect();
    if let Some(unicode) = Unicode::by_label(&key) {
        let rest = match Unicode::by_bom(bytes) {
            Some((marked, rest)) if marked == unicode => rest,
            _ => bytes,
        };
        let (text, invalid) = unicode.decode(rest, bytes.len() - rest.len());
        return Ok(Decoded {
            text,
            encoding: unicode.name(),
            invalid,
        });
    }
    let legacy = match key.as_str() {
        "gb18030" | "gbk" | "gb2312" | "cp936" | "windows936" => Legacy::Gb18030,
        "big5" | "big5hkscs" | "cp950" => Legacy::Big5,
        _ => {
            return Err(DecodeError {
                guess: None,
                reason: format!(
                "unknown encoding {label:?} (known: UTF-8, UTF-16LE, UTF-16BE, GB18030, GBK, Big5)"
            ),
            })
        }
    };
    let text = decode_as(legacy.label(), bytes).ok_or_else(|| DecodeError {
        guess: Some(legacy.name()),
        reason: format!(
            "{} cannot be decoded here (no decoder for it)",
            legacy.name()
        ),
    })?;
    Ok(Decoded {
        text,
        encoding: legacy.name(),
        invalid: Vec::new(),
    })
}

/// [`decode`] with the legacy-encoding guess as a parameter (the tests run
/// the WebAssembly build's guess natively through it).
fn decode_with(
    bytes: &[u8],
    guess: impl FnOnce(&[u8]) -> Result<(Legacy, String), DecodeError>,
) -> Result<Decoded, DecodeError> {
    if let Some((encoding, rest)) = Unicode::by_bom(bytes) {
        // A file that starts with a BOM but is not in that encoding is checked
        // like any other: at most a few undecodable sequences.
        let (text, invalid) = encoding.decode(rest, bytes.len() - rest.len());
        return checked(text, encoding.name(), invalid, bytes.len());
    }
    if let Some((encoding, text)) = utf16_without_bom(bytes, true) {
        return checked(text, encoding.name(), Vec::new(), bytes.len());
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        // Valid UTF-8 stays as it is, even with U+FFFD written into it by an
        // earlier tool; only binary data (mostly control bytes) is refused.
        return checked(text.to_owned(), "UTF-8", Vec::new(), bytes.len());
    }
    if let Some((encoding, text)) = utf16_without_bom(bytes, false) {
        return checked(text, encoding.name(), Vec::new(), bytes.len());
    }
    if let Some((text, invalid)) = nearly_utf8(bytes) {
        return checked(text, "UTF-8", invalid, bytes.len());
    }
    // GB18030 or Big5, unless it looks Japanese or Korean. Other guesses (a
    // single-byte Latin or Cyrillic encoding, usually for binary data or a
    // very short text) fall back to the common case, GB18030, and the checks
    // decide; a refusal then names a Western encoding when the bytes look
    // like one.
    let (encoding, text) = guess(bytes)?;
    checked(text, encoding.name(), Vec::new(), bytes.len()).map_err(|err| {
        match looks_single_byte(bytes) {
            true => DecodeError {
                guess: Some("windows-1252"),
                reason: format!(
                "looks like windows-1252 / ISO-8859-1 (Latin-1, a Western European encoding); {}",
                err.reason
            ),
            },
            false => err,
        }
    })
}

/// UTF-16 without a byte-order mark, little- or big-endian, whichever
/// reading is [plausible] text with no undecodable unit. With `by_nuls`,
/// only bytes whose NULs suggest UTF-16 are read: a NUL in at least one unit
/// in fifty, nine in ten of them paired with ASCII text (the high half of a
/// line break, space or digit). Without (text with next to no ASCII, so next
/// to no NUL), the reading must also hold CJK punctuation, one character in
/// a hundred or more (which no legacy encoding's bytes read as UTF-16 give),
/// and fewer than half its units may be two ASCII bytes (which ASCII text
/// with a few legacy characters would be).
fn utf16_without_bom(bytes: &[u8], by_nuls: bool) -> Option<(Unicode, String)> {
    if bytes.len() < 2 || bytes.len() % 2 == 1 {
        return None;
    }
    let units = bytes.len() / 2;
    // Per parity: units with a NUL in that half, and how many of those have
    // a text character (printable ASCII, tab, line break) in the other half.
    let (mut even, mut odd, mut ascii) = ((0usize, 0usize), (0usize, 0usize), 0usize);
    let texty = |b: u8| matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x20..=0x7e);
    for pair in bytes.chunks_exact(2) {
        if pair[0] == 0 {
            even.0 += 1;
            even.1 += usize::from(texty(pair[1]));
        }
        if pair[1] == 0 {
            odd.0 += 1;
            odd.1 += usize::from(texty(pair[0]));
        }
        ascii += usize::from(texty(pair[0]) && texty(pair[1]));
    }
    let candidate = |(nuls, texty): (usize, usize)| {
        !by_nuls || (nuls >= 3.min(units) && nuls * 50 >= units && texty * 10 >= nuls * 9)
    };
    if !by_nuls && ascii * 2 >= units {
        return None;
    }
    let mut best: Option<(Unicode, String, f64)> = None;
    for (encoding, nuls) in [(Unicode::Utf16Le, odd), (Unicode::Utf16Be, even)] {
        if !candidate(nuls) {
            continue;
        }
        // Without a mark, any undecodable unit (a lone surrogate) rules it out.
        let (text, invalid) = encoding.decode(bytes, 0);
        if !invalid.is_empty() {
            continue;
        }
        let score = plausible(&text);
        let punctuated = by_nuls || {
            let marks = text
                .chars()
                .filter(|c| matches!(c, '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FF65}'))
                .count();
            marks > 0 && marks * 100 >= text.chars().count()
        };
        if score >= 0.9 && punctuated && best.as_ref().is_none_or(|b| score > b.2) {
            best = Some((encoding, text, score));
        }
    }
    best.map(|(encoding, text, _)| (encoding, text))
}

/// The share of `text`'s characters that a Chinese page plausibly holds:
/// ASCII text, Latin-1 letters, general punctuation and the symbols papers
/// print (①, □, ★, box drawing), CJK punctuation, kana, bopomofo, CJK
/// ideographs (all blocks), full-width forms. Control characters (but tab,
/// line feed, form feed, carriage return), private-use, Hangul (where
/// GB2312's commonest characters land when read as UTF-16), Yi, Vai, the
/// Latin and Cyrillic extensions and the like are not. Bytes of another
/// encoding read as UTF-16 score well under nine in ten; text about 1.
fn plausible(text: &str) -> f64 {
    let (mut all, mut good) = (0usize, 0usize);
    for c in text.chars() {
        all += 1;
        good += usize::from(matches!(c,
            '\t' | '\n' | '\u{c}' | '\r' | ' '..='~' | '\u{A0}'..='\u{FF}'
            | '\u{2000}'..='\u{206F}' | '\u{2100}'..='\u{218F}' | '\u{2460}'..='\u{27BF}'
            | '\u{3000}'..='\u{33FF}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}'
            | '\u{F900}'..='\u{FAFF}' | '\u{FE30}'..='\u{FE4F}'
            | '\u{FF00}'..='\u{FFEF}' | '\u{20000}'..='\u{3134F}'));
    }
    if all == 0 {
        0.0
    } else {
        good as f64 / all as f64
    }
}

/// UTF-8 but for a few bytes: at most one invalid sequence in a hundred
/// characters (or only a sequence cut off at the end of a text of twenty
/// characters or more), and twenty or more valid multi-byte characters for
/// each (bytes of a legacy encoding are next to never valid UTF-8
/// sequences).
fn nearly_utf8(bytes: &[u8]) -> Option<(String, Vec<Invalid>)> {
    let (text, invalid) = Unicode::Utf8.decode(bytes, 0);
    let chars = text.chars().count();
    let multibyte = text.chars().filter(|c| !c.is_ascii()).count() - invalid.len();
    (few(&invalid, chars, bytes.len()) && multibyte >= 20 * invalid.len())
        .then_some((text, invalid))
}

/// At most one invalid sequence in a hundred characters, or only a sequence
/// cut off at the end (of `len` bytes) of a text of twenty characters or more.
fn few(invalid: &[Invalid], chars: usize, len: usize) -> bool {
    let cut_off = match invalid {
        [only] => only.byte + only.len == len && chars >= 20,
        _ => false,
    };
    invalid.len() * 100 <= chars || cut_off
}

/// Bytes outside ASCII mostly alone between ASCII bytes, as in Western text
/// in a single-byte encoding (`café` in windows-1252), where Chinese
/// encodings have them in pairs or longer runs.
fn looks_single_byte(bytes: &[u8]) -> bool {
    let (mut runs, mut single, mut run) = (0usize, 0usize, 0usize);
    for &b in bytes.iter().chain([&0u8]) {
        if b >= 0x80 {
            run += 1;
        } else if run > 0 {
            runs += 1;
            single += usize::from(run == 1);
            run = 0;
        }
    }
    runs > 0 && single * 10 >= runs * 8
}

/// What the legacy-encoding guess counts in a decoding.
#[derive(Debug, Default)]
struct Census {
    /// Characters outside ASCII.
    non_ascii: usize,
    /// U+FFFD: undecodable byte sequences.
    replacements: usize,
    /// Common CJK ideographs, U+4E00–U+9FFF (CJK compatibility ideographs,
    /// U+F900–U+FAFF, count as hanja in Korean text, not here).
    cjk: usize,
    /// Hiragana and katakana, U+3040–U+30FF (not the half-width forms).
    kana: usize,
    /// Hangul syllables, U+AC00–U+D7A3.
    hangul: usize,
    /// CJK compatibility ideographs, U+F900–U+FAFF.
    compatibility: usize,
}

impl Census {
    fn of(text: &str) -> Census {
        let mut census = Census::default();
        for c in text.chars().filter(|c| !c.is_ascii()) {
            census.non_ascii += 1;
            match c {
                char::REPLACEMENT_CHARACTER => census.replacements += 1,
                '\u{4E00}'..='\u{9FFF}' => census.cjk += 1,
                '\u{3040}'..='\u{30FF}' => census.kana += 1,
                '\u{AC00}'..='\u{D7A3}' => census.hangul += 1,
                '\u{F900}'..='\u{FAFF}' => census.compatibility += 1,
                _ => {}
            }
        }
        census
    }

    /// Japanese: at least 5 kana, and a fifth or more of the non-ASCII
    /// characters. Chinese text has next to none (GB2312 and Big5 hold kana,
    /// but Chinese prose does not use them).
    fn japanese(&self) -> bool {
        self.kana >= 5 && self.kana * 5 >= self.non_ascii
    }

    /// Korean: at least 20 Hangul syllables and no more than one hanja
    /// (Chinese character) for every 20 of them. Chinese GB2312 text read as
    /// EUC-KR is part Hangul, part hanja or undecodable, by the rows its
    /// characters sit in.
    fn korean(&self) -> bool {
        self.hangul >= 20 && (self.cjk + self.compatibility) * 20 <= self.hangul
    }
}

/// The guess between the legacy encodings by decoding, where no statistical
/// detector is at hand ([`decode_using`]; the WebAssembly build, with
/// `TextDecoder` as `decode_as`; it returns `None` for an encoding it cannot
/// decode, and an undecodable sequence as U+FFFD).
///
/// 1. Japanese and Korean are refused by name: EUC-JP when the GB18030
///    reading is [Japanese](Census::japanese) (EUC-JP and GB2312 put kana at
///    the same codes, so EUC-JP kana survive that reading); Shift_JIS when the
///    Shift_JIS reading has no undecodable sequence and is Japanese; EUC-KR
///    when the EUC-KR reading has no undecodable sequence and is
///    [Korean](Census::korean).
/// 2. Otherwise GB18030 or Big5, whichever reading has fewer U+FFFD, then
///    more common CJK ideographs (U+4E00–U+9FFF), then GB18030. Big5 text
///    read as GB18030 turns many of its most frequent characters into
///    private-use, kana and Greek codes; GBK text read as Big5 keeps at best
///    as many ideographs, so the tie goes to GB18030, the common case.
fn guess_by_decoding(
    bytes: &[u8],
    decode_as: impl Fn(Legacy, &[u8]) -> Option<String>,
) -> Result<(Legacy, String), DecodeError> {
    let gb18030 = decode_as(Legacy::Gb18030, bytes).map(|text| {
        let census = Census::of(&text);
        (text, census)
    });
    if gb18030.as_ref().is_some_and(|(_, c)| c.japanese()) {
        return Err(DecodeError::foreign(Legacy::EucJp));
    }
    for (encoding, looks) in [
        (Legacy::ShiftJis, Census::japanese as fn(&Census) -> bool),
        (Legacy::EucKr, Census::korean),
    ] {
        if let Some(text) = decode_as(encoding, bytes) {
            let census = Census::of(&text);
            if census.replacements == 0 && looks(&census) {
                return Err(DecodeError::foreign(encoding));
            }
        }
    }
    let big5 = decode_as(Legacy::Big5, bytes).map(|text| {
        let census = Census::of(&text);
        (text, census)
    });
    let better = |(_, b): &(String, Census), (_, g): &(String, Census)| {
        (b.replacements, std::cmp::Reverse(b.cjk)) < (g.replacements, std::cmp::Reverse(g.cjk))
    };
    match (gb18030, big5) {
        (Some(gb), Some(big5)) if better(&big5, &gb) => Ok((Legacy::Big5, big5.0)),
        (Some(gb), _) => Ok((Legacy::Gb18030, gb.0)),
        (None, Some(big5)) => Ok((Legacy::Big5, big5.0)),
        (None, None) => Err(DecodeError {
            guess: Some(Legacy::Gb18030.name()),
            reason: "neither GB18030 nor Big5 can be decoded here (no TextDecoder for them)"
                .to_string(),
        }),
    }
}

/// Accepts a decoding unless it is mostly undecodable or control characters.
/// `invalid` lists what the decoder replaced in `len` bytes; when it cannot
/// say (the legacy decoders), every U+FFFD of the text counts as undecodable.
fn checked(
    text: String,
    encoding: &'static str,
    invalid: Vec<Invalid>,
    len: usize,
) -> Result<Decoded, DecodeError> {
    let (mut chars, mut replacements, mut controls) = (0usize, 0usize, 0usize);
    for c in text.chars() {
        chars += 1;
        if c == char::REPLACEMENT_CHARACTER {
            replacements += 1;
        } else if c.is_control() && !matches!(c, '\t' | '\n' | '\u{c}' | '\r') {
            controls += 1;
        }
    }
    let unicode = matches!(encoding, "UTF-8" | "UTF-16LE" | "UTF-16BE");
    if unicode {
        replacements = invalid.len();
    }
    let refuse = |reason: String| {
        Err(DecodeError {
            guess: Some(encoding),
            reason,
        })
    };
    // A decoder that lists its replacements may leave one in a short text (a
    // sequence cut off at the end); the others, none.
    let too_many = if unicode {
        !few(&invalid, chars, len)
    } else {
        replacements * 100 > chars
    };
    if replacements > 0 && too_many {
        return refuse(format!(
            "read as {encoding}, {replacements} of {chars} characters are undecodable"
        ));
    }
    if controls > 0 && controls * 5 >= chars {
        return refuse(format!(
            "read as {encoding}, {controls} of {chars} characters are control characters"
        ));
    }
    Ok(Decoded {
        text,
        encoding,
        invalid,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::{Encoding, BIG5, EUC_JP, EUC_KR, GB18030, SHIFT_JIS};

    const SAMPLE: &str = "南理工工会营造温馨舒心返岗复工氛围\n本报讯（记者 韦晴 通讯员 陆晓川）调配物资、设立防汛专项资金。\n2020年5月20日·星期三\n";
    const TRADITIONAL: &str =
        "臺北市政府今日舉行記者會，說明颱風過後的災情與復原進度。\n本報記者 陳明 攝影\n";

    fn encode(encoding: &'static Encoding, text: &str) -> Vec<u8> {
        let (bytes, _, had_errors) = encoding.encode(text);
        assert!(!had_errors, "sample not encodable in {}", encoding.name());
        bytes.into_owned()
    }

    /// A fixed pseudo-random byte string (xorshift), the same on every run.
    fn garbage(len: usize, mut seed: u64) -> Vec<u8> {
        (0..len)
            .map(|_| {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                (seed >> 24) as u8
            })
            .collect()
    }

    fn ok(bytes: &[u8]) -> (String, &'static str) {
        let d = decode(bytes).unwrap_or_else(|e| panic!("{e}"));
        (d.text, d.encoding)
    }

    #[test]
    fn utf8_as_is() {
        assert_eq!(ok(SAMPLE.as_bytes()), (SAMPLE.to_string(), "UTF-8"));
    }

    #[test]
    fn utf8_bom_dropped() {
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend(SAMPLE.as_bytes());
        assert_eq!(ok(&bytes), (SAMPLE.to_string(), "UTF-8"));
    }

    #[test]
    fn empty_is_empty_utf8() {
        assert_eq!(ok(b""), (String::new(), "UTF-8"));
    }

    #[test]
    fn gbk() {
        let bytes = encode(encoding_rs::GBK, SAMPLE);
        assert!(std::str::from_utf8(&bytes).is_err());
        assert_eq!(ok(&bytes), (SAMPLE.to_string(), "GB18030"));
    }

    #[test]
    fn gb18030_four_byte_sequences() {
        // U+20000 (𠀀) and U+00E9 (é) need GB18030's four-byte form.
        let text = "𠀀字与café，本报讯。".repeat(3);
        let bytes = encode(GB18030, &text);
        assert_eq!(ok(&bytes), (text, "GB18030"));
    }

    #[test]
    fn big5() {
        let bytes = encode(BIG5, TRADITIONAL);
        assert_eq!(ok(&bytes), (TRADITIONAL.to_string(), "Big5"));
    }

    #[test]
    fn utf16le_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend(SAMPLE.encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(ok(&bytes), (SAMPLE.to_string(), "UTF-16LE"));
    }

    #[test]
    fn utf16be_with_bom() {
        let mut bytes = vec![0xFE, 0xFF];
        bytes.extend(SAMPLE.encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(ok(&bytes), (SAMPLE.to_string(), "UTF-16BE"));
    }

    #[test]
    fn utf16_without_bom_by_nuls() {
        let le: Vec<u8> = SAMPLE.encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(ok(&le), (SAMPLE.to_string(), "UTF-16LE"));
        let be: Vec<u8> = SAMPLE.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(ok(&be), (SAMPLE.to_string(), "UTF-16BE"));
        // ASCII only: valid UTF-8 too, but the NULs say UTF-16.
        let ascii: Vec<u8> = "2020-05-20\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(ok(&ascii), ("2020-05-20\n".to_string(), "UTF-16LE"));
    }

    #[test]
    fn a_truncated_last_character_is_tolerated() {
        let mut bytes = encode(encoding_rs::GBK, &SAMPLE.repeat(2));
        bytes.push(0xB1); // the first half of 本
        let (text, encoding) = ok(&bytes);
        assert_eq!(encoding, "GB18030");
        assert_eq!(text, format!("{}\u{FFFD}", SAMPLE.repeat(2)));
    }

    #[test]
    fn garbage_is_refused() {
        // A few random bytes can spell valid GB18030 by chance; from a couple
        // of hundred on, about one character in eight is undecodable.
        for seed in 1..=20 {
            for len in [200, 1000, 20_000] {
                let bytes = garbage(len, seed);
                let err = decode(&bytes).expect_err(&format!("seed {seed} len {len} decoded"));
                let msg = err.to_string();
                assert!(
                    msg.starts_with(
                        "not text in any supported encoding (UTF-8, UTF-16, GB18030, Big5): read as "
                    ),
                    "{msg}"
                );
            }
        }
    }

    #[test]
    fn japanese_and_korean_are_refused_by_name() {
        let japanese = "東京都は今日、新しい計画を発表しました。これは重要なニュースです。";
        let err = decode(&encode(SHIFT_JIS, japanese)).unwrap_err();
        assert_eq!(err.guess(), Some("Shift_JIS"));
        assert_eq!(
            err.to_string(),
            "not text in any supported encoding (UTF-8, UTF-16, GB18030, Big5): looks like Shift_JIS (Japanese)"
        );
        let korean = "서울시는 오늘 새로운 계획을 발표했습니다. 이것은 중요한 뉴스입니다.";
        let err = decode(&encode(EUC_KR, korean)).unwrap_err();
        assert_eq!(err.reason(), "looks like EUC-KR (Korean)");
        // The same texts in UTF-8 are text like any other.
        assert!(decode(japanese.as_bytes()).is_ok());
    }

    #[test]
    fn short_gbk_snippets() {
        for text in ["本报讯", "地铁职工学剪纸", "记者 张三", "２０２０年"] {
            assert_eq!(
                ok(&encode(encoding_rs::GBK, text)),
                (text.to_string(), "GB18030")
            );
        }
    }

    #[test]
    fn binary_formats_are_refused() {
        let zeros = decode(&[0u8; 64]).unwrap_err();
        assert_eq!(zeros.guess(), Some("UTF-8"));
        assert_eq!(
            zeros.reason(),
            "read as UTF-8, 64 of 64 characters are control characters"
        );
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        png.extend(garbage(500, 7));
        assert!(decode(&png).is_err());
        let elf = b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0\x3e\0\x01\0\0\0";
        assert!(decode(elf).is_err());
    }

    /// [`decode`] as the WebAssembly build does it: the scored guess, with
    /// encoding_rs standing in for `TextDecoder` (both follow the WHATWG
    /// Encoding Standard).
    fn scored(bytes: &[u8]) -> Result<Decoded, DecodeError> {
        decode_with(bytes, |b| guess_by_decoding(b, native::decode_legacy))
    }

    #[test]
    fn scored_guess_agrees_with_chardetng() {
        let japanese = "東京都は今日、新しい計画を発表しました。これは重要なニュースです。";
        let korean = "서울시는 오늘 새로운 계획을 발표했습니다. 이것은 중요한 뉴스입니다.";
        let mut truncated = encode(encoding_rs::GBK, &SAMPLE.repeat(2));
        truncated.push(0xB1);
        let mut inputs = vec![
            encode(encoding_rs::GBK, SAMPLE),
            encode(encoding_rs::GBK, &SAMPLE.repeat(50)),
            encode(GB18030, &"𠀀字与café，本报讯。".repeat(3)),
            encode(BIG5, TRADITIONAL),
            encode(BIG5, &TRADITIONAL.repeat(50)),
            encode(BIG5, "本報訊（記者 王小明）"),
            encode(SHIFT_JIS, japanese),
            encode(EUC_JP, japanese),
            encode(EUC_KR, korean),
            truncated,
        ];
        for text in ["本报讯", "地铁职工学剪纸", "记者 张三", "２０２０年"] {
            inputs.push(encode(encoding_rs::GBK, text));
        }
        for bytes in &inputs {
            assert_eq!(scored(bytes), decode(bytes), "{bytes:x?}");
        }
    }

    #[test]
    fn scored_guess_refuses_japanese_and_korean() {
        let japanese = "東京都は今日、新しい計画を発表しました。これは重要なニュースです。";
        for (encoding, name) in [(SHIFT_JIS, "Shift_JIS"), (EUC_JP, "EUC-JP")] {
            let err = scored(&encode(encoding, japanese)).unwrap_err();
            assert_eq!(err.reason(), format!("looks like {name} (Japanese)"));
        }
        let korean = "서울시는 오늘 새로운 계획을 발표했습니다. 이것은 중요한 뉴스입니다.";
        let err = scored(&encode(EUC_KR, korean)).unwrap_err();
        assert_eq!(err.reason(), "looks like EUC-KR (Korean)");
    }

    #[test]
    fn scored_guess_takes_chinese_prose_for_chinese() {
        // Chinese prose read as EUC-KR is part Hangul, part hanja or
        // undecodable (by the GB2312 rows of its characters), never
        // Hangul alone; it has no kana.
        let prose = "中国人民银行今天宣布，为支持实体经济发展，决定下调金融机构存款准备金率。\n\
                     据新华社上海电 常务副市长主持召开市政府专项会议，部署进一步做好稳外贸工作。\n";
        for text in [prose, SAMPLE] {
            let bytes = encode(encoding_rs::GBK, &text.repeat(20));
            assert_eq!(scored(&bytes).map(|d| d.encoding), Ok("GB18030"));
        }
        let bytes = encode(BIG5, &TRADITIONAL.repeat(20));
        assert_eq!(scored(&bytes).map(|d| d.encoding), Ok("Big5"));
    }

    #[test]
    fn scored_guess_refuses_garbage() {
        for seed in 1..=20 {
            for len in [200, 1000, 20_000] {
                let err = scored(&garbage(len, seed))
                    .expect_err(&format!("seed {seed} len {len} decoded"));
                assert!(err.reason().starts_with("read as "), "{err}");
            }
        }
    }

    #[test]
    fn scored_guess_without_decoders() {
        let bytes = encode(encoding_rs::GBK, SAMPLE);
        let none = decode_with(&bytes, |b| guess_by_decoding(b, |_, _| None)).unwrap_err();
        assert_eq!(none.guess(), Some("GB18030"));
        assert!(none.reason().contains("no TextDecoder"), "{none}");
        // Only GB18030 available: it is taken.
        let gb_only = |legacy: Legacy, b: &[u8]| {
            (legacy == Legacy::Gb18030)
                .then(|| native::decode_legacy(legacy, b))
                .flatten()
        };
        let d = decode_with(&bytes, |b| guess_by_decoding(b, gb_only)).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (SAMPLE, "GB18030"));
    }

    #[test]
    fn unicode_decoders_match_encoding_rs() {
        let mut inputs: Vec<Vec<u8>> = vec![
            b"".to_vec(),
            SAMPLE.as_bytes().to_vec(),
            b"ab\xE5\x89".to_vec(),
            b"\xF0\x9F\x98x\xC0\xAF\xED\xA0\x80\xFFz".to_vec(),
            // Lone surrogates both ways round, and an odd last byte.
            vec![0x3D, 0xD8, 0x41, 0x00, 0x00, 0xDC, 0x42],
        ];
        inputs.extend((1..=10).map(|seed| garbage(301, seed)));
        for bytes in &inputs {
            for (unicode, encoding) in [
                (Unicode::Utf8, encoding_rs::UTF_8),
                (Unicode::Utf16Le, encoding_rs::UTF_16LE),
                (Unicode::Utf16Be, encoding_rs::UTF_16BE),
            ] {
                let (want, had_errors) = encoding.decode_without_bom_handling(bytes);
                let (text, invalid) = unicode.decode(bytes, 0);
                assert_eq!(
                    (text.as_str(), !invalid.is_empty()),
                    (want.as_ref(), had_errors),
                    "{unicode:?} {bytes:x?}"
                );
                // Each listed sequence is a U+FFFD where it says.
                for i in &invalid {
                    assert_eq!(&text[i.at..i.at + 3], "\u{FFFD}");
                    assert!(i.byte + i.len <= bytes.len() && i.len > 0);
                }
            }
        }
    }

    #[test]
    fn utf16_without_bom_with_many_u4e00_characters() {
        // 一 (U+4E00) and the like put a NUL at the other parity from the
        // line breaks' NULs; they must not rule UTF-16 out.
        let text = "一一一，一二三四。\n第一版 一月一日\n".repeat(20) + SAMPLE;
        for (bytes, want) in [
            (
                text.encode_utf16()
                    .flat_map(u16::to_le_bytes)
                    .collect::<Vec<_>>(),
                "UTF-16LE",
            ),
            (
                text.encode_utf16().flat_map(u16::to_be_bytes).collect(),
                "UTF-16BE",
            ),
        ] {
            assert_eq!(ok(&bytes), (text.clone(), want));
            assert_eq!(scored(&bytes).map(|d| d.encoding), Ok(want));
        }
    }

    #[test]
    fn cjk_only_utf16_without_bom() {
        // Not one ASCII character, so no line break's NUL (the only NUL is
        // the low half of the ideographic space, U+3000).
        let text =
            "南理工工会营造温馨舒心返岗复工氛围　本报讯（记者韦晴）调配物资、设立防汛专项资金。";
        assert!(!text.chars().any(|c| c.is_ascii()));
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(ok(&le), (text.to_string(), "UTF-16LE"));
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(ok(&be), (text.to_string(), "UTF-16BE"));
        assert_eq!(scored(&le).map(|d| d.encoding), Ok("UTF-16LE"));
    }

    #[test]
    fn utf8_but_for_a_few_bytes() {
        let page = SAMPLE.repeat(5);
        // One stray byte in the middle, one sequence cut off at the end.
        let mut bytes = page.as_bytes().to_vec();
        bytes.insert(9, 0xC0);
        bytes.extend_from_slice(&"本".as_bytes()[..2]);
        let d = decode(&bytes).unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert_eq!(
            d.invalid,
            [
                Invalid {
                    byte: 9,
                    len: 1,
                    at: 9
                },
                Invalid {
                    byte: bytes.len() - 2,
                    len: 2,
                    at: page.len() + 3
                },
            ]
        );
        let mut want = page.clone();
        want.insert(9, '\u{FFFD}');
        want.push('\u{FFFD}');
        assert_eq!(d.text, want);
        assert_eq!(scored(&bytes), Ok(d));
        // Many bad bytes are not "a few": GBK stays GBK.
        let gbk = encode(encoding_rs::GBK, &page);
        assert_eq!(ok(&gbk).1, "GB18030");
    }

    #[test]
    fn a_bom_and_u_fffd_in_the_text_are_read_as_without_a_bom() {
        // An earlier tool wrote U+FFFD for what it could not read.
        let text = "本报讯\u{FFFD}\u{FFFD}\u{FFFD}记者\n".repeat(3);
        let plain = ok(text.as_bytes());
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend(text.as_bytes());
        assert_eq!(ok(&bom), plain);
        assert!(decode(&bom).unwrap().invalid.is_empty());
    }

    #[test]
    fn latin1_is_named_in_the_refusal() {
        let text = "Caf\u{e9} cr\u{e8}me br\u{fb}l\u{e9}e, na\u{ef}ve r\u{e9}sum\u{e9} \u{e0} la fa\u{e7}on de Gen\u{e8}ve. ";
        let bytes = encode(encoding_rs::WINDOWS_1252, &text.repeat(4));
        for result in [decode(&bytes), scored(&bytes)] {
            let err = result.unwrap_err();
            assert_eq!(err.guess(), Some("windows-1252"));
            assert!(err.reason().starts_with("looks like windows-1252"), "{err}");
        }
        // GBK has its bytes outside ASCII in pairs: not taken for Latin-1.
        assert!(!looks_single_byte(&encode(encoding_rs::GBK, SAMPLE)));
    }

    #[test]
    fn decode_named_forces_the_encoding() {
        let gbk = encode(encoding_rs::GBK, SAMPLE);
        for label in ["GBK", "gb18030", "GB2312", "cp936"] {
            let d = decode_named(&gbk, label).unwrap();
            assert_eq!((d.text.as_str(), d.encoding), (SAMPLE, "GB18030"));
        }
        let big5 = encode(BIG5, TRADITIONAL);
        assert_eq!(decode_named(&big5, "big5").unwrap().text, TRADITIONAL);
        // UTF-16 named: read so even with no NUL and no mark; a mark of that
        // encoding is dropped.
        let mut le = vec![0xFF, 0xFE];
        le.extend(SAMPLE.encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode_named(&le, "utf-16le").unwrap().text, SAMPLE);
        assert_eq!(decode_named(&le[2..], "UTF_16").unwrap().text, SAMPLE);
        // Forced UTF-8 on GBK bytes: nothing refused, every bad byte listed.
        let d = decode_named(&gbk, "utf8").unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert_eq!(d.text.matches('\u{FFFD}').count(), d.invalid.len());
        assert!(!d.invalid.is_empty());
        let err = decode_named(b"x", "koi8-r").unwrap_err();
        assert_eq!(err.guess(), None);
        assert!(
            err.reason().starts_with("unknown encoding \"koi8-r\""),
            "{err}"
        );
    }

    #[test]
    fn error_is_std_error() {
        let err: Box<dyn std::error::Error> = Box::new(decode(&[0u8; 8]).unwrap_err());
        assert!(err.to_string().contains("GB18030, Big5"));
    }
}
