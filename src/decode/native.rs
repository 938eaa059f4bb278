//! The native legacy-encoding backend: [`chardetng`] guesses, [`encoding_rs`]
//! decodes.

use encoding_rs::{Encoding, BIG5, EUC_JP, EUC_KR, GB18030, ISO_2022_JP, SHIFT_JIS};

use super::{DecodeError, Legacy};

fn encoding(legacy: Legacy) -> &'static Encoding {
    match legacy {
        Legacy::Gb18030 => GB18030,
        Legacy::Big5 => BIG5,
        Legacy::ShiftJis => SHIFT_JIS,
        Legacy::EucJp => EUC_JP,
        Legacy::Iso2022Jp => ISO_2022_JP,
        Legacy::EucKr => EUC_KR,
    }
}

/// `bytes` as `legacy`, undecodable sequences as U+FFFD, a byte-order mark
/// kept as a character. Always `Some`: encoding_rs has every encoding.
pub(super) fn decode_legacy(legacy: Legacy, bytes: &[u8]) -> Option<String> {
    let (text, _) = encoding(legacy).decode_without_bom_handling(bytes);
    Some(text.into_owned())
}

/// chardetng's guess: GB18030 or Big5 with the text, or the refusal of an
/// encoding it is sure is Japanese or Korean.
pub(super) fn guess(bytes: &[u8]) -> Result<(Legacy, String), DecodeError> {
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    let (guessed, confident) = detector.guess_assess(None, false);
    let foreign = [
        Legacy::ShiftJis,
        Legacy::EucJp,
        Legacy::Iso2022Jp,
        Legacy::EucKr,
    ]
    .into_iter()
    .find(|&legacy| confident && guessed == encoding(legacy));
    if let Some(legacy) = foreign {
        return Err(DecodeError::foreign(legacy));
    }
    // chardetng answers GBK for Simplified Chinese; GB18030 decodes the same
    // bytes and more. Any other guess falls back to GB18030.
    let legacy = if guessed == BIG5 {
        Legacy::Big5
    } else {
        Legacy::Gb18030
    };
    let text = decode_legacy(legacy, bytes).unwrap_or_default();
    Ok((legacy, text))
}

/// `bytes` as the encoding of a WHATWG label (`"gb18030"`, `"big5"`), as
/// the host decoder of [`super::decode_named_using`] does it.
pub(super) fn decode_label(label: &str, bytes: &[u8]) -> Option<String> {
    let encoding = Encoding::for_label(label.as_bytes())?;
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    Some(text.into_owned())
}
