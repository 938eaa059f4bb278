//! Character classes: what one char (or the UTF-8 bytes of one) is, for
//! cleaning and for matching. Pure predicates and tables, no rule about how
//! clean text reads (those are in [`super::rules`]):
//!
//! - ideographs: [`is_cjk`], [`is_ideographic`], and read from UTF-8
//!   bytes without decoding, [`utf8_key`], [`is_ideograph_key`] and
//!   [`wide_run_with`] (runs of one-cell-wide CJK glyphs);
//! - punctuation: [`is_cjk_punct`], [`is_cjk_text`], [`is_terminal_punct`],
//!   [`is_closing_punct`], [`ends_sentence`];
//! - white space and invisible chars: [`is_ws`], [`is_newline`],
//!   [`is_invisible`], and trims that read a byte when they can
//!   ([`trim_start`], [`trim_end`]);
//! - width: [`fold_width`], [`fold_char`], [`folds`] (full width to half
//!   width);
//! - Latin letters: [`is_latin_letter`].

use std::borrow::Cow;

/// CJK ideograph (the ranges the scorer counts: CJK Unified Ideographs,
/// Extension A, Compatibility Ideographs).
///
/// ```
/// use jianbao::clean::is_cjk;
/// assert!(is_cjk('工') && !is_cjk('，') && !is_cjk('A'));
/// ```
pub fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}')
}

/// Whether `key` holds at least `n` ideographs ([`is_cjk`]): read only as
/// far as the `n`th (a line of running text holds dozens; counting them all
/// would read every line to its end).
pub(crate) fn has_ideographs(key: &str, n: usize) -> bool {
    key.chars().filter(|&c| is_cjk(c)).take(n).count() == n
}

/// Ideographic text in a wider sense than [`is_cjk`]: also the rarer
/// ideograph extensions (names such as `𠮷`), radicals, `〇` `々` and kana.
/// White space next to these goes like next to [`is_cjk`].
///
/// ```
/// use jianbao::clean::is_ideographic;
/// assert!(is_ideographic('工') && is_ideographic('𠮷') && is_ideographic('〇'));
/// assert!(!is_ideographic('，') && !is_ideographic('A'));
/// ```
pub fn is_ideographic(c: char) -> bool {
    is_cjk(c)
        || matches!(c,
            '\u{2e80}'..='\u{2fdf}'      // radicals, Kangxi radicals
            | '\u{3005}'..='\u{3007}'    // 々 〆 〇
            | '\u{3021}'..='\u{3029}'    // Hangzhou numerals
            | '\u{3040}'..='\u{30ff}'    // kana (not the middle dot, see is_cjk_punct)
            | '\u{31f0}'..='\u{31ff}'
            | '\u{20000}'..='\u{3134f}') // extensions B–G, compatibility supplement
            && c != '\u{30fb}'
}

/// A char's UTF-8 bytes read as one big-endian number: `a` → `0x61`, `工`
/// → `0xE5_B7_A5`. One char, one key; the keys of three-byte chars are what
/// [`wide_run_with`] reads without decoding.
///
/// ```text
/// utf8_key('工') = 0xE5B7A5
/// ```
#[inline]
pub(crate) const fn utf8_key(c: char) -> u32 {
    let mut b = [0; 4];
    let bytes = c.encode_utf8(&mut b).as_bytes();
    let mut key = 0;
    let mut i = 0;
    while i < bytes.len() {
        key = key << 8 | bytes[i] as u32;
        i += 1;
    }
    key
}

/// The [`utf8_key`] of an ideograph U+4E00–U+9FFF: `E4 B8 80`–`E9 BF BF`.
#[inline(always)]
pub(crate) const fn is_ideograph_key(key: u32) -> bool {
    (key >> 8).wrapping_sub(0xe4b8) < 0xea00 - 0xe4b8
}

/// Length in bytes of the run of *plain wide glyphs* that opens `bytes`:
/// ideographs U+4E00–U+9FFF and the most frequent CJK punctuation
/// ([`COMMON_CJK_PUNCT`]). Each is one cell wide, CJK text, nothing to
/// fold or drop, kept as it is by cleaning. Read three bytes at a time
/// without decoding (a range test and one table look-up, no branch per
/// kind), calling `f` with each one's [`utf8_key`] (its three bytes as a
/// number: no decoding needed). `bytes` must be valid UTF-8 from a char
/// boundary.
///
/// ```text
/// wide_run_with("工会，职工 ".as_bytes(), f) = 15
/// ```
#[inline(always)]
pub(crate) fn wide_run_with(bytes: &[u8], mut f: impl FnMut(u32)) -> usize {
    let wide = |v: u32| is_ideograph_key(v) | (COMMON_PUNCT_UTF8[common_punct_slot(v)] == v);
    let mut i = 0;
    // Four bytes read at once while there are four (the fourth is dropped).
    while let Some(&four) = bytes.get(i..).and_then(|b| b.first_chunk::<4>()) {
        let v = u32::from_be_bytes(four) >> 8;
        if !wide(v) {
            return i;
        }
        f(v);
        i += 3;
    }
    if let Some(&[b0, b1, b2]) = bytes.get(i..) {
        let v = u32::from(b0) << 16 | u32::from(b1) << 8 | u32::from(b2);
        if wide(v) {
            f(v);
            i += 3;
        }
    }
    i
}

/// Slot of a three-byte UTF-8 sequence in [`COMMON_PUNCT_UTF8`]: a
/// multiplicative hash, perfect on [`COMMON_CJK_PUNCT`] (checked when the
/// table is built, at compile time).
const fn common_punct_slot(v: u32) -> usize {
    (v.wrapping_mul(0x8ff3_4739) >> 28) as usize
}

/// The most frequent CJK punctuation: [`is_cjk_text`] that cleaning keeps
/// as it is ([`stays_as_is`](super::rules::stays_as_is)).
pub(super) const COMMON_CJK_PUNCT: [char; 11] = [
    '，', '。', '、', '“', '”', '：', '；', '（', '）', '《', '》',
];

/// The UTF-8 bytes (as a number) of each [`COMMON_CJK_PUNCT`] char, by
/// [`common_punct_slot`]; `u32::MAX` in an empty slot, which no three
/// bytes read as a number equal (0 would: three NULs).
static COMMON_PUNCT_UTF8: [u32; 16] = {
    let chars = COMMON_CJK_PUNCT;
    let mut table = [u32::MAX; 16];
    let mut k = 0;
    while k < chars.len() {
        let v = utf8_key(chars[k]);
        let slot = common_punct_slot(v);
        assert!(
            table[slot] == u32::MAX,
            "common_punct_slot must be perfect on them"
        );
        table[slot] = v;
        k += 1;
    }
    table
};

/// Full-width punctuation that sits next to CJK text: the scorer's set
/// `，。、；：？！“”‘’（）《》〈〉【】—…·「」『』` and other full-width
/// brackets, quotes, dashes and marks (`〔〕［］｛｝〖〗〘〙～〜〝〞〟―⋯・〃`).
///
/// ```
/// use jianbao::clean::is_cjk_punct;
/// assert!(is_cjk_punct('，') && is_cjk_punct('“') && is_cjk_punct('〔'));
/// assert!(!is_cjk_punct(',') && !is_cjk_punct('工'));
/// ```
pub fn is_cjk_punct(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '？'
            | '！'
            | '“'
            | '”'
            | '‘'
            | '’'
            | '（'
            | '）'
            | '《'
            | '》'
            | '〈'
            | '〉'
            | '【'
            | '】'
            | '—'
            | '…'
            | '·'
            | '「'
            | '」'
            | '『'
            | '』'
            | '〔'
            | '〕'
            | '［'
            | '］'
            | '｛'
            | '｝'
            | '〖'
            | '〗'
            | '〘'
            | '〙'
            | '～'
            | '〜'
            | '〝'
            | '〞'
            | '〟'
            | '―'
            | '⋯'
            | '・'
            | '〃'
    )
}

/// CJK text for spacing purposes: [`is_ideographic`] or [`is_cjk_punct`].
/// No white space stays next to such a char in clean text.
///
/// ```
/// use jianbao::clean::is_cjk_text;
/// assert!(is_cjk_text('工') && is_cjk_text('。') && !is_cjk_text('1'));
/// ```
pub fn is_cjk_text(c: char) -> bool {
    is_ideographic(c) || is_cjk_punct(c)
}

/// Punctuation that ends a sentence: `。！？…⋯` and ASCII `!` `?` (not `.`,
/// which is as often a decimal point or an abbreviation).
///
/// ```
/// use jianbao::clean::is_terminal_punct;
/// assert!(is_terminal_punct('。') && is_terminal_punct('？') && is_terminal_punct('…'));
/// assert!(!is_terminal_punct('，') && !is_terminal_punct('.'));
/// ```
pub fn is_terminal_punct(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '…' | '⋯' | '!' | '?')
}

/// Closing quote or bracket that may follow the end of a sentence
/// (`”’」』）》〉】〕］` and ASCII `"` `'` `)`).
///
/// ```
/// use jianbao::clean::is_closing_punct;
/// assert!(is_closing_punct('”') && is_closing_punct('）') && !is_closing_punct('“'));
/// ```
pub fn is_closing_punct(c: char) -> bool {
    matches!(
        c,
        '”' | '’'
            | '」'
            | '』'
            | '）'
            | '》'
            | '〉'
            | '】'
            | '〕'
            | '］'
            | '〗'
            | '〞'
            | '〟'
            | '"'
            | '\''
            | ')'
    )
}

/// Whether `s` ends a sentence: its last non-white-space char, past closing
/// quotes and brackets, is [`is_terminal_punct`]. Useful to tell a paragraph
/// end or a subhead (no final punctuation) from a hard-wrapped line.
///
/// ```
/// use jianbao::clean::ends_sentence;
/// assert!(ends_sentence("展览将持续至12月15日。"));
/// assert!(ends_sentence("他说：“好。”  "));
/// assert!(!ends_sentence("社区食堂建设走出新路子"));
/// assert!(!ends_sentence("为居民提供便利性、"));
/// ```
pub fn ends_sentence(s: &str) -> bool {
    s.chars()
        .rev()
        .find(|&c| !is_ws(c) && !is_invisible(c) && !is_closing_punct(c))
        .is_some_and(is_terminal_punct)
}

/// White space as the scorer's `\s` sees it (Unicode white space, including
/// U+3000 and NBSP, and the separators U+001C–U+001F).
///
/// ```
/// use jianbao::clean::is_ws;
/// assert!(is_ws(' ') && is_ws('\u{3000}') && is_ws('\u{a0}') && is_ws('\t'));
/// assert!(!is_ws('工') && !is_ws('\u{200b}'));
/// ```
pub fn is_ws(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{1c}'..='\u{1f}')
}

/// A line break: `\n`, `\r`, and the other Unicode line and paragraph
/// separators (U+000B, U+000C, U+001C–U+001E, U+0085, U+2028, U+2029).
pub(super) fn is_newline(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0b}' | '\u{0c}' | '\u{1c}'
            ..='\u{1e}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// Invisible format chars that are dropped: BOM, zero-width space, word
/// joiner, soft hyphen.
pub(super) fn is_invisible(c: char) -> bool {
    matches!(c, '\u{feff}' | '\u{200b}' | '\u{2060}' | '\u{ad}')
}

/// A byte that opens a char that is no white space: a printable ASCII
/// glyph, or the lead byte of a three-byte char from U+4000 on (white space
/// beyond ASCII opens with `C2`, `E1`, `E2` or `E3`). Most lines and
/// keys open and close with one, and need no look-up of their ends.
fn opens_no_space(b: u8) -> bool {
    (0x21..0x7f).contains(&b) || (0xe4..0xf0).contains(&b)
}

/// The three bytes of the char U+4000–U+9FFF (ideographs, with the
/// hexagram signs among them: no white space, punctuation or invisible
/// char) that opens `bytes`, if one does: read on its lead byte, E4–E9.
pub(crate) fn opening_cjk(bytes: &[u8]) -> Option<&[u8]> {
    match bytes {
        [0xe4..=0xe9, _, _, ..] => Some(&bytes[..3]),
        _ => None,
    }
}

/// `s` ends in a char U+4000–U+9FFF (see [`opening_cjk`]): its lead byte,
/// E4–E9, three bytes from the end.
pub(crate) fn ends_in_cjk(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 3 && (0xe4..=0xe9).contains(&b[b.len() - 3])
}

/// [`str::trim_start`], reading one byte when the text opens with a glyph.
pub(crate) fn trim_start(s: &str) -> &str {
    match s.as_bytes().first() {
        Some(&b) if opens_no_space(b) => s,
        _ => s.trim_start(),
    }
}

/// [`str::trim_end`], reading a byte or three when the text ends in a
/// glyph.
pub(crate) fn trim_end(s: &str) -> &str {
    let b = s.as_bytes();
    let glyph_ends = match b.last() {
        Some(&last) if last < 0x80 => opens_no_space(last),
        // Three bytes from the end a lead byte: the last char is that one.
        Some(_) => b.len() >= 3 && (0xe4..0xf0).contains(&b[b.len() - 3]),
        None => false,
    };
    if glyph_ends {
        s
    } else {
        s.trim_end()
    }
}

/// Full-width ASCII to half width, for matching: letters, digits and the
/// other full-width ASCII forms (U+FF01–FF5E) become ASCII, except those that
/// are punctuation in Chinese text ([`is_cjk_punct`]: `，；：？！（）［］｛｝～`),
/// which stay full width. U+3000 becomes a space and the BOM (U+FEFF) goes.
/// Nothing else changes (white space is not collapsed).
///
/// ```
/// use jianbao::clean::fold_width;
/// assert_eq!(fold_width("\u{feff}１１月２０日电"), "11月20日电");
/// assert_eq!(fold_width("ＡＢＣ　１２％，（好）"), "ABC 12%，（好）");
/// ```
pub fn fold_width(s: &str) -> Cow<'_, str> {
    // Most lines have nothing to fold: borrow them whole.
    if !s.chars().any(folds) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\u{feff}' => {}
            '\u{3000}' => out.push(' '),
            _ => out.push(fold_char(c)),
        }
    }
    Cow::Owned(out)
}

/// A char that [`fold_width`] changes: U+3000, U+FEFF, or a full-width
/// form other than CJK punctuation (`Ａ１％` yes, `，（` no).
#[inline]
pub(crate) fn folds(c: char) -> bool {
    matches!(c, '\u{3000}' | '\u{feff}')
        || matches!(c, '\u{ff01}'..='\u{ff64}') && fold_char(c) != c
}

/// One char to half width (see [`fold_width`]); also the half-width CJK forms
/// `｡｢｣､` to full width.
#[inline]
pub(crate) fn fold_char(c: char) -> char {
    match c {
        '\u{ff01}'..='\u{ff5e}' if !is_cjk_punct(c) => {
            char::from_u32(c as u32 - 0xfee0).unwrap_or(c)
        }
        '\u{ff61}' => '。',
        '\u{ff62}' => '「',
        '\u{ff63}' => '」',
        '\u{ff64}' => '、',
        _ => c,
    }
}

/// A letter of the Latin alphabets (ASCII, Latin-1, Latin Extended-A and
/// -B: below U+0250).
pub(super) fn is_latin_letter(c: char) -> bool {
    c.is_alphabetic() && (c as u32) < 0x250
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ends_are_trimmed_of_every_white_space() {
        // Glyph ends (one byte read) and every other kind of end.
        for (raw, trimmed) in [
            ("工会", "工会"),
            ("a工会z", "a工会z"),
            ("\u{3000}\u{3000}工会。\u{3000}", "工会。"),
            ("\u{a0}工\u{2003}", "工"),
            (" 𠀀 ", "𠀀"),
            ("，会，", "，会，"),
            ("é工é", "é工é"),
            ("\t", ""),
        ] {
            assert_eq!(trim_end(trim_start(raw)), trimmed, "{raw:?}");
            assert_eq!(trim_end(trim_start(raw)), raw.trim(), "{raw:?}");
        }
    }

    #[test]
    fn utf8_keys_are_the_bytes_of_a_char() {
        assert_eq!(utf8_key('a'), 0x61);
        assert_eq!(utf8_key('é'), 0xC3A9);
        assert_eq!(utf8_key('工'), 0xE5B7A5);
        assert_eq!(utf8_key('𠮷'), 0xF0A0AEB7);
        for c in [
            '\u{4dff}', '\u{4e00}', '工', '\u{9fff}', '\u{a000}', '，', 'a',
        ] {
            let ideograph = ('\u{4e00}'..='\u{9fff}').contains(&c);
            assert_eq!(is_ideograph_key(utf8_key(c)), ideograph, "{c:?}");
        }
    }

    #[test]
    fn wide_runs_are_ideographs_and_common_punctuation() {
        assert_eq!(wide_run_with("工会，职工 ".as_bytes(), |_| {}), 15);
        assert_eq!(wide_run_with("".as_bytes(), |_| {}), 0);
        // Three NULs read as 0, which no table slot may hold.
        assert_eq!(wide_run_with("\0\0\0的".as_bytes(), |_| {}), 0);
        assert_eq!(wide_run_with("\0\0\0".as_bytes(), |_| {}), 0);
        // Runs to the very end, over the last three bytes.
        assert_eq!(wide_run_with("工".as_bytes(), |_| {}), 3);
        assert_eq!(wide_run_with("工会。".as_bytes(), |_| {}), 9);
        assert_eq!(wide_run_with("工会a".as_bytes(), |_| {}), 6);
        // Every char of three UTF-8 bytes (and a few others), one at a time.
        for c in ('\u{800}'..='\u{ffff}').chain(['a', ' ', 'é', '𠮷']) {
            let text = format!("{c}{c}x");
            let mut seen = Vec::new();
            let run = wide_run_with(text.as_bytes(), |c| seen.push(c));
            let wide = ('\u{4e00}'..='\u{9fff}').contains(&c) || COMMON_CJK_PUNCT.contains(&c);
            let want = if wide { 2 * c.len_utf8() } else { 0 };
            assert_eq!(run, want, "{c:?}");
            assert_eq!(seen, vec![utf8_key(c); want / 3], "{c:?}");
        }
    }

    #[test]
    fn width_folding() {
        assert_eq!(fold_width("１１月２０日电"), "11月20日电");
        assert_eq!(fold_width("Ｅ－ｍａｉｌ＠"), "E-mail@");
        assert_eq!(fold_width("，；：？！（）"), "，；：？！（）");
        assert_eq!(fold_width("a\u{3000}b\u{feff}"), "a b");
    }

    #[test]
    fn sentence_ends() {
        assert!(ends_sentence("好！"));
        assert!(ends_sentence("他说：“好……”"));
        assert!(!ends_sentence(""));
        assert!(!ends_sentence("4."));
    }
}
