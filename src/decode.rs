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
//! 2. Bytes whose NULs all sit at odd offsets (or all at even ones) are
//!    UTF-16 without a mark, little- (or big-) endian: the NULs are the high
//!    halves of line breaks, spaces and digits.
//! 3. Valid UTF-8 is taken as it is.
//! 4. Otherwise [`chardetng`] guesses between the legacy encodings and
//!    [`encoding_rs`] decodes: GB18030 (a superset of GBK and GB2312) or Big5.
//!    Text the detector is sure is Japanese or Korean (Shift_JIS, EUC-JP,
//!    ISO-2022-JP, EUC-KR) is refused by name.
//!
//! Whatever the route, bytes that are not text (an image, a PDF, random
//! data) are refused with a [`DecodeError`] rather than turned into a page
//! of mojibake. UTF-16 without a byte-order mark and without a single ASCII
//! character is not recognised.

use std::fmt;

use encoding_rs::{
    Encoding, BIG5, EUC_JP, EUC_KR, GB18030, ISO_2022_JP, SHIFT_JIS, UTF_16BE, UTF_16LE, UTF_8,
};

/// Text decoded from bytes, with the name of the encoding it was in.
///
/// ```
/// let d = jianbao::decode::decode("剪报".as_bytes()).unwrap();
/// assert_eq!(d, jianbao::decode::Decoded { text: "剪报".into(), encoding: "UTF-8" });
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without any byte-order mark.
    pub text: String,
    /// The encoding the bytes were in: `"UTF-8"`, `"UTF-16LE"`, `"UTF-16BE"`,
    /// `"GB18030"` (also for GBK and GB2312, its subsets) or `"Big5"`.
    pub encoding: &'static str,
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

/// Decodes the bytes of a page file to text, detecting the encoding.
///
/// See the [module documentation](self) for the order of the checks. Fails
/// when the best decoding still has more than a small fraction of
/// undecodable sequences (over 1 in 100 characters, or any at all in a text
/// shorter than that), or when a fifth or more of its characters are
/// control characters other than tab, line feed, form feed and carriage
/// return.
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
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let rest = &bytes[bom_len..];
        // A file that starts with a BOM but is not in that encoding is checked
        // like any other: at most a few undecodable sequences.
        let (text, _) = encoding.decode_without_bom_handling(rest);
        return checked(text.into_owned(), name(encoding), false);
    }
    if let Some((encoding, text)) = utf16_by_nuls(bytes) {
        return checked(text, name(encoding), false);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        // Valid UTF-8 stays as it is, even with U+FFFD written into it by an
        // earlier tool; only binary data (mostly control bytes) is refused.
        return checked(text.to_owned(), "UTF-8", true);
    }

    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    let (guessed, confident) = detector.guess_assess(None, false);
    // Japanese and Korean legacy encodings would decode as GB18030 without
    // errors, into nonsense: refuse them by name when the detector is sure.
    let foreign = [SHIFT_JIS, EUC_JP, ISO_2022_JP, EUC_KR]
        .into_iter()
        .find(|&e| confident && guessed == e);
    if let Some(encoding) = foreign {
        return Err(DecodeError {
            guess: Some(encoding.name()),
            reason: format!(
                "looks like {} ({})",
                encoding.name(),
                if encoding == EUC_KR {
                    "Korean"
                } else {
                    "Japanese"
                }
            ),
        });
    }
    // chardetng answers GBK for Simplified Chinese; GB18030 decodes the same
    // bytes and more. Other guesses (a single-byte Latin or Cyrillic
    // encoding, usually for binary data or a very short text) fall back to
    // the common case, and the checks decide.
    let encoding = if guessed == BIG5 { BIG5 } else { GB18030 };
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    checked(text.into_owned(), name(encoding), false)
}

/// The name reported for an `encoding_rs` encoding.
fn name(encoding: &'static Encoding) -> &'static str {
    if encoding == UTF_8 {
        "UTF-8"
    } else if encoding == UTF_16LE {
        "UTF-16LE"
    } else if encoding == UTF_16BE {
        "UTF-16BE"
    } else if encoding == BIG5 {
        "Big5"
    } else {
        "GB18030"
    }
}

/// UTF-16 without a byte-order mark, told by its NUL bytes: in text with any
/// ASCII (line breaks, spaces, digits) the high byte of those characters is
/// NUL, so NULs gather at odd offsets (little-endian) or even ones
/// (big-endian) and (almost) never at the other parity.
fn utf16_by_nuls(bytes: &[u8]) -> Option<(&'static Encoding, String)> {
    if bytes.len() < 2 {
        return None;
    }
    // Per parity: units with a NUL in that half, and how many of those have
    // a text character (printable ASCII, tab, line break) in the other half.
    let (mut even, mut odd) = ((0usize, 0usize), (0usize, 0usize));
    let texty = |b: u8| matches!(b, b'\t' | b'\n' | b'\r' | 0x20..=0x7e);
    for pair in bytes.chunks_exact(2) {
        if pair[0] == 0 {
            even.0 += 1;
            even.1 += usize::from(texty(pair[1]));
        }
        if pair[1] == 0 {
            odd.0 += 1;
            odd.1 += usize::from(texty(pair[0]));
        }
    }
    let units = bytes.len() / 2;
    // At least one unit in fifty has a NUL half (a page has a line break
    // every few dozen characters), nine in ten of those pair it with ASCII
    // text, and the other parity has at most a tenth as many NULs (binary
    // data has NULs anywhere).
    let utf16 = |(nuls, texty): (usize, usize), other: usize| {
        nuls >= 3.min(units) && nuls * 50 >= units && texty * 10 >= nuls * 9 && other * 10 <= nuls
    };
    let encoding = if utf16(odd, even.0) {
        UTF_16LE
    } else if utf16(even, odd.0) {
        UTF_16BE
    } else {
        return None;
    };
    // Without a mark, any undecodable unit (a lone surrogate) rules it out.
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    (!had_errors).then(|| (encoding, text.into_owned()))
}

/// Accepts a decoding unless it is mostly undecodable or control characters.
fn checked(text: String, encoding: &'static str, trust_fffd: bool) -> Result<Decoded, DecodeError> {
    let (mut chars, mut replacements, mut controls) = (0usize, 0usize, 0usize);
    for c in text.chars() {
        chars += 1;
        if c == char::REPLACEMENT_CHARACTER {
            replacements += 1;
        } else if c.is_control() && !matches!(c, '\t' | '\n' | '\u{c}' | '\r') {
            controls += 1;
        }
    }
    let refuse = |reason: String| {
        Err(DecodeError {
            guess: Some(encoding),
            reason,
        })
    };
    if !trust_fffd && replacements > 0 && replacements * 100 > chars {
        return refuse(format!(
            "read as {encoding}, {replacements} of {chars} characters are undecodable"
        ));
    }
    if controls > 0 && controls * 5 >= chars {
        return refuse(format!(
            "read as {encoding}, {controls} of {chars} characters are control characters"
        ));
    }
    Ok(Decoded { text, encoding })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "北师大工会构建安全健康复教复学环境\n本报讯（记者 任洁 通讯员 刘建武）购买物资、设立防疫专项经费。\n2020年5月20日·星期三\n";
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
        for text in ["本报讯", "公交职工做刺绣", "记者 张三", "２０２０年"] {
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

    #[test]
    fn error_is_std_error() {
        let err: Box<dyn std::error::Error> = Box::new(decode(&[0u8; 8]).unwrap_err());
        assert!(err.to_string().contains("GB18030, Big5"));
    }
}
