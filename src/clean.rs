//! Cleaning: how clean text reads (FORMAT.md, "Cleaning conventions").
//!
//! [`clean_body`] and [`clean_display`] turn raw text — lines hard-wrapped by
//! narrow newspaper columns, half-width punctuation from one-paragraph-per-line
//! extraction, OCR remnants — into the clean form every text field uses:
//!
//! 1. lines joined; white space gone next to CJK text, one space between two
//!    Latin words or numbers;
//! 2. ASCII `, : ; ? ! ( )` next to Chinese text made full width, straight
//!    quotes made curly, paired in order of appearance;
//! 3. full-width ASCII letters and digits made half width;
//! 4. markup left by upstream tools (`**2561**`, `# heading`) removed;
//! 5. nothing else rewritten: garbled OCR stays as printed.
//!
//! Both are single linear passes over the text (plus one over a token array),
//! never panic, and are idempotent: cleaning clean text changes nothing.
//! Fake-bold doubling (`公公交交`) is not undone by them — it is a property of
//! a whole raw line, so callers apply [`undouble`] to raw lines first.

use std::borrow::Cow;

/// White space before a token: some horizontal space.
const WS_SPACE: u8 = 1;
/// White space before a token: contained a line break.
const WS_NEWLINE: u8 = 2;

/// One non-white-space char of the normalised text and the white space
/// (`WS_*` flags) that preceded it, packed in 4 bytes: the char in the low
/// 21 bits, the flags above.
#[derive(Clone, Copy, Debug)]
struct Tok(u32);

impl Tok {
    #[inline]
    fn new(c: char, ws: u8) -> Tok {
        Tok(c as u32 | (u32::from(ws) << 24))
    }

    #[inline]
    fn c(self) -> char {
        // Always a valid char: it was made from one.
        char::from_u32(self.0 & 0x1f_ffff).unwrap_or('\u{fffd}')
    }

    #[inline]
    fn ws(self) -> u8 {
        (self.0 >> 24) as u8
    }

    #[inline]
    fn set_c(&mut self, c: char) {
        self.0 = (self.0 & !0x1f_ffff) | c as u32;
    }
}

/// Cleans a body paragraph given as its raw lines joined with `\n`.
///
/// Lines are joined (no space between CJK text, one space between Latin words
/// or numbers), white space next to CJK text goes, ASCII `, : ; ? ! ( )` next
/// to Chinese text become full width (a matched pair of brackets together),
/// straight quotes are paired into curly ones in order of appearance (when
/// their number is odd, a stray one is placed by context: before `，。` it
/// closes), full-width letters and digits become half width and markdown
/// remnants go (`**2561**`, `__x__`, a leading `#`/`##` heading marker). Digits
/// and Latin on both sides keep ASCII: `4.67亿`, `8:30`, `1,000`, e-mail
/// addresses and URLs. The result is trimmed.
///
/// ```
/// use jianbao::clean::clean_body;
/// let raw = "本报讯 （记者 刘欣欣） 记者\n从2020年朝阳区工会工作会上了解到 ，\n会员**2561**万人次";
/// assert_eq!(clean_body(raw), "本报讯（记者刘欣欣）记者从2020年朝阳区工会工作会上了解到，会员2561万人次");
/// assert_eq!(clean_body("会员信息采集 13323人次 。同时"), "会员信息采集13323人次。同时");
/// assert_eq!(clean_body("ABB\nGroup 与 ＡＢＣ１２"), "ABB Group与ABC12");
/// assert_eq!(clean_body("他说:\"好, 就 8:30 见!\""), "他说：“好，就8:30见！”");
/// ```
pub fn clean_body(raw: &str) -> String {
    clean(raw, false)
}

/// Cleans a display line (title, kicker, banner): like [`clean_body`], but a
/// run of white space between two CJK phrases printed apart stays as one
/// space, except in spaced-out display type (every token a single glyph, or a
/// run of three or more single ideographs), whose spaces all go. A `\n` inside
/// `raw` joins its lines without a space between CJK text.
///
/// ```
/// use jianbao::clean::clean_display;
/// assert_eq!(clean_display("集中采买防疫物资  设立防疫专项经费"), "集中采买防疫物资 设立防疫专项经费");
/// assert_eq!(clean_display("全 市 职 工 运 动 会"), "全市职工运动会");
/// assert_eq!(clean_display("学习贯彻党的十九届五中全会精神\n谱写首都工会工作新篇章"),
///            "学习贯彻党的十九届五中全会精神谱写首都工会工作新篇章");
/// assert_eq!(clean_display("朝阳工会\"五型服务模式\" 提升职工幸福感"), "朝阳工会“五型服务模式”提升职工幸福感");
/// ```
pub fn clean_display(raw: &str) -> String {
    clean(raw, true)
}

/// Undoes fake-bold doubling of a whole line: `公公交交职职工工` → `公交职工`.
///
/// The line's non-white-space glyphs must come in identical pairs (white
/// space anywhere is ignored), at least three pairs, and not all the same
/// glyph, so that ordinary reduplication (`天天向上`, `看看`, `哈哈哈哈`) is
/// left alone. White space that stood between two pairs comes back as one
/// space; clean the result with [`clean_display`] or [`clean_body`].
/// `None` when the line is not doubled.
///
/// ```
/// use jianbao::clean::undouble;
/// assert_eq!(undouble("公公交交职职工工做做刺刺绣绣").as_deref(), Some("公交职工做刺绣"));
/// assert_eq!(undouble("““五五型型工工会会””").as_deref(), Some("“五型工会”"));
/// assert_eq!(undouble("为为患患病病同同事事  献献爱爱心心").as_deref(), Some("为患病同事 献爱心"));
/// assert_eq!(undouble("天天向上"), None);
/// assert_eq!(undouble("公交职工做刺绣"), None);
/// ```
pub fn undouble(line: &str) -> Option<String> {
    // Most lines fail at once: test the first pair before allocating.
    let mut glyphs = line.chars().filter(|&c| !is_invisible(c) && !is_ws(c));
    if glyphs.next() != glyphs.next() {
        return None;
    }
    let mut out = String::with_capacity(line.len() / 2 + 1);
    let mut chars = line.chars().filter(|&c| !is_invisible(c));
    let mut pairs = 0usize;
    let mut first: Option<char> = None;
    let mut distinct = false;
    let mut gap = false;
    loop {
        let a = loop {
            match chars.next() {
                None => {
                    return (pairs >= 3 && distinct).then_some(out);
                }
                Some(c) if is_ws(c) => gap = true,
                Some(c) => break c,
            }
        };
        let b = chars.find(|&c| !is_ws(c))?;
        if a != b {
            return None;
        }
        if gap && !out.is_empty() {
            out.push(' ');
        }
        gap = false;
        out.push(a);
        pairs += 1;
        match first {
            None => first = Some(a),
            Some(f) if f != a => distinct = true,
            _ => {}
        }
    }
}

/// Undoes a short run of doubled glyphs, one or two pairs (`发发` → `发`):
/// only meaningful as the wrap of a line [`undouble`] undid, since alone it
/// could be reduplication (`看看`).
///
/// ```
/// use jianbao::clean::undouble_tail;
/// assert_eq!(undouble_tail("工工作作").as_deref(), Some("工作"));
/// assert_eq!(undouble_tail("发发").as_deref(), Some("发"));
/// assert_eq!(undouble_tail("发展"), None);
/// ```
pub fn undouble_tail(line: &str) -> Option<String> {
    let glyphs: Vec<char> = line
        .chars()
        .filter(|&c| !is_invisible(c) && !is_ws(c))
        .collect();
    let pairs = glyphs.len() / 2;
    let doubled = glyphs.len().is_multiple_of(2)
        && (1..=2).contains(&pairs)
        && glyphs.chunks(2).all(|p| p[0] == p[1]);
    doubled.then(|| glyphs.iter().step_by(2).collect())
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

/// A byte that opens a char that is no white space: a printable ASCII
/// glyph, or the lead byte of a three-byte char from U+4000 on (white space
/// beyond ASCII opens with `C2`, `E1`, `E2` or `E3`). Most lines and
/// keys open and close with one, and need no look-up of their ends.
fn opens_no_space(b: u8) -> bool {
    (0x21..0x7f).contains(&b) || (0xe4..0xf0).contains(&b)
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

/// Slot of a three-byte UTF-8 sequence in [`COMMON_PUNCT_UTF8`]: a
/// multiplicative hash, perfect on [`COMMON_CJK_PUNCT`] (checked when the
/// table is built, at compile time).
const fn common_punct_slot(v: u32) -> usize {
    (v.wrapping_mul(0x8ff3_4739) >> 28) as usize
}

/// The most frequent CJK punctuation: [`is_cjk_text`] that cleaning keeps
/// as it is ([`stays_as_is`]).
const COMMON_CJK_PUNCT: [char; 11] = [
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
/// assert!(ends_sentence("竞赛活动将持续至11月30日。"));
/// assert!(ends_sentence("他说：“好。”  "));
/// assert!(!ends_sentence("服务阵地建设探索新路径"));
/// assert!(!ends_sentence("为职工提供普惠性、"));
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

fn is_newline(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0b}' | '\u{0c}' | '\u{1c}'
            ..='\u{1e}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// Invisible format chars that are dropped: BOM, zero-width space, word
/// joiner, soft hyphen.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{feff}' | '\u{200b}' | '\u{2060}' | '\u{ad}')
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

fn is_latin_letter(c: char) -> bool {
    c.is_alphabetic() && (c as u32) < 0x250
}

/// ASCII punctuation that becomes full width next to Chinese text.
fn full_width_of(c: char) -> Option<char> {
    Some(match c {
        ',' => '，',
        ':' => '：',
        ';' => '；',
        '?' => '？',
        '!' => '！',
        '(' => '（',
        ')' => '）',
        _ => return None,
    })
}

/// A char that no stage of cleaning touches, whatever its neighbours: an
/// ideograph, or any glyph that is not white space, invisible, full-width
/// ASCII, markup (`*_#`), a straight quote or ASCII `, : ; ? ! ( )`. Text made
/// only of such chars is clean already.
#[inline]
fn stays_as_is(c: char) -> bool {
    is_cjk(c)
        || !(is_ws(c)
            || is_invisible(c)
            || fold_char(c) != c
            || matches!(
                c,
                '*' | '_' | '#' | '"' | '\'' | ',' | ':' | ';' | '?' | '!' | '(' | ')'
            ))
}

/// [`clean_body`] in one pass, for text whose only chars that cleaning
/// touches are white space, ASCII `, : ; ? !` and straight double quotes in
/// an even number (most running text): runs of other chars are copied
/// whole; a cluster of those marks (white space between them only) goes full
/// width when the glyph before or after it is CJK text; a run of white space
/// becomes one space between two non-CJK glyphs and nothing elsewhere; paired
/// quotes go curly; all as the token stages would do. `None` as soon as a
/// char needs those stages (single quotes, an odd number of double quotes,
/// brackets, markup, full-width or invisible chars).
///
/// ```text
/// "采购防疫物资， 设立\n防疫专项" → "采购防疫物资，设立防疫专项"
/// "以 \"健康防疫\" 为主题,"       → "以“健康防疫”为主题，"
/// "了解到,2022年 4,000人"          → "了解到，2022年4,000人"
/// "用 Rust  and C 写"              → "用Rust and C写"
/// ```
fn clean_spacing_only(raw: &str) -> Option<String> {
    // Straight double quotes in an even number alternate open–close when
    // the text holds CJK text (stage 3); without CJK text they stay. An odd
    // number needs context: the token stages decide. They are counted when
    // the first is met (most text has none): `None` for an odd number.
    let mut curly: Option<bool> = None;
    let quotes_curl = |curly: &mut Option<bool>| {
        if curly.is_none() {
            let quotes = memchr::memchr_iter(b'"', raw.as_bytes()).count();
            if quotes.is_multiple_of(2) {
                *curly = Some(quotes > 0 && raw.chars().any(is_cjk_text));
            }
        }
        *curly
    };
    let mut open = true;
    let mut out = String::with_capacity(raw.len());
    let mut run = 0; // where the current run of kept chars began
    let mut gap = false; // white space since the last kept char
    let mut prev: Option<char> = None; // the last kept char, as output
    let mut cluster: Option<bool> = None; // in a cluster of marks: goes wide?
    let mut next = 0; // where the next char starts
    while next < raw.len() {
        // The common case: a run of ideographs and CJK punctuation, kept as
        // they are, with no white space kept next to them.
        let wide = wide_run_with(&raw.as_bytes()[next..], |_| ());
        if wide > 0 {
            if gap {
                run = next;
                gap = false;
            }
            next += wide;
            // The run's last char, three bytes long.
            prev = raw[next - 3..next].chars().next();
            cluster = None;
            continue;
        }
        let at = next;
        // Next most common: a space, or an ASCII letter or digit (kept,
        // not CJK text), a byte each; as the general case below does.
        match raw.as_bytes()[at] {
            b' ' => {
                if !gap {
                    out.push_str(&raw[run..at]);
                    gap = true;
                }
                next += 1;
                continue;
            }
            b if b.is_ascii_alphanumeric() => {
                if gap {
                    if prev.is_some_and(|p| !is_cjk_text(p)) {
                        out.push(' ');
                    }
                    run = at;
                    gap = false;
                }
                prev = Some(char::from(b));
                cluster = None;
                next += 1;
                continue;
            }
            _ => {}
        }
        let Some(c) = raw[at..].chars().next() else {
            break;
        };
        next += c.len_utf8();
        if is_cjk(c) {
            if gap {
                run = at;
                gap = false;
            }
            prev = Some(c);
            cluster = None;
            continue;
        }
        if is_ws(c) {
            if !gap {
                out.push_str(&raw[run..at]);
                gap = true;
            }
            continue;
        }
        let mut kept = c;
        if let Some(wide) = full_width_of(c).filter(|_| !matches!(c, '(' | ')')) {
            let goes_wide = match cluster {
                Some(wide) => wide,
                None => {
                    let wide = prev.is_some_and(is_cjk_text)
                        || match next_after_marks(&raw[at..]) {
                            Some('"') => quotes_curl(&mut curly)?,
                            Some(n) => is_cjk_text(n),
                            None => false,
                        };
                    cluster = Some(wide);
                    wide
                }
            };
            if goes_wide {
                kept = wide;
            }
        } else if c == '"' {
            if quotes_curl(&mut curly)? {
                kept = if open { '“' } else { '”' };
                open = !open;
            }
            cluster = None;
        } else if stays_as_is(c) {
            cluster = None;
        } else {
            return None;
        }
        if gap {
            if prev.is_some_and(|p| !is_cjk_text(p)) && !is_cjk_text(kept) {
                out.push(' ');
            }
            run = at;
            gap = false;
        }
        if kept != c {
            out.push_str(&raw[run..at]);
            out.push(kept);
            run = next;
        }
        prev = Some(kept);
    }
    if !gap {
        out.push_str(&raw[run..]);
    }
    Some(out)
}

/// The first char after a cluster of ASCII `, : ; ? !` (and the white space
/// among them) that opens `text`.
fn next_after_marks(text: &str) -> Option<char> {
    text.chars()
        .find(|&c| !is_ws(c) && !matches!(c, ',' | ':' | ';' | '?' | '!'))
}

/// Stage 1 and 2: normalised chars as tokens with the white space before
/// them; full width folded, invisible chars dropped, markup runs (`**`, `__`)
/// and leading `#` heading markers removed.
fn tokenize(raw: &str) -> Tokenizer {
    let mut t = Tokenizer {
        toks: Vec::with_capacity(raw.len() / 2 + 4),
        pending: 0,
        line_start: true,
        hashes: 0,
        hash_ws: 0,
        cjk: false,
        quotes: 0,
        candidates: 0,
    };
    let mut it = raw.chars();
    while let Some(c0) = it.next() {
        if is_cjk(c0) {
            // Fast path: the common case, an ideograph.
            t.flush_hashes();
            t.toks.push(Tok::new(c0, t.pending));
            t.pending = 0;
            t.line_start = false;
            t.cjk = true;
            continue;
        }
        if is_invisible(c0) {
            continue;
        }
        if is_ws(c0) {
            t.space(is_newline(c0));
            continue;
        }
        let c = fold_char(c0);
        if c == '*' || c == '_' {
            // A maximal run of `*` / `_` (invisible chars inside ignored).
            let mut look = it.clone();
            let (mut stars, mut unders, mut double_star) = (usize::from(c == '*'), 0usize, false);
            unders += usize::from(c == '_');
            let mut prev = c;
            let mut end = it.clone();
            while let Some(d0) = look.next() {
                if is_invisible(d0) {
                    continue;
                }
                let d = fold_char(d0);
                if d != '*' && d != '_' {
                    break;
                }
                double_star |= d == '*' && prev == '*';
                stars += usize::from(d == '*');
                unders += usize::from(d == '_');
                prev = d;
                end = look.clone();
            }
            let markup = double_star || (stars == 0 && unders == 2);
            if !markup {
                let mut run = it.clone();
                t.char(c);
                while run.as_str().len() > end.as_str().len() {
                    match run.next() {
                        Some(d) if !is_invisible(d) => t.char(fold_char(d)),
                        _ => {}
                    }
                }
            }
            it = end;
            continue;
        }
        t.char(c);
    }
    t.flush_hashes();
    t
}

struct Tokenizer {
    toks: Vec<Tok>,
    /// White space flags since the last token.
    pending: u8,
    /// No token since the last line break.
    line_start: bool,
    /// `#` chars held back at a line start (a heading marker if white space follows).
    hashes: usize,
    /// White space before the held `#`s.
    hash_ws: u8,
    /// Some token is CJK text ([`is_cjk_text`]).
    cjk: bool,
    /// Number of straight quotes among the tokens.
    quotes: usize,
    /// Number of ASCII `, : ; ? ! ( )` among the tokens.
    candidates: usize,
}

impl Tokenizer {
    fn space(&mut self, newline: bool) {
        if self.hashes > 0 {
            // `#` + white space at a line start: a markdown heading marker.
            self.hashes = 0;
            self.pending = self.hash_ws;
        }
        self.pending |= if newline { WS_NEWLINE } else { WS_SPACE };
        if newline {
            self.line_start = true;
        }
    }

    fn char(&mut self, c: char) {
        if self.line_start && c == '#' {
            if self.hashes == 0 {
                self.hash_ws = self.pending;
                self.pending = 0;
            }
            self.hashes += 1;
            return;
        }
        self.flush_hashes();
        self.toks.push(Tok::new(c, self.pending));
        self.pending = 0;
        self.line_start = false;
        if c.is_ascii() {
            match c {
                '"' | '\'' => self.quotes += 1,
                ',' | ':' | ';' | '?' | '!' | '(' | ')' => self.candidates += 1,
                _ => {}
            }
        } else if !self.cjk && is_cjk_text(c) {
            self.cjk = true;
        }
    }

    fn flush_hashes(&mut self) {
        if self.hashes > 0 {
            let ws = self.hash_ws;
            self.toks.push(Tok::new('#', ws));
            for _ in 1..self.hashes {
                self.toks.push(Tok::new('#', 0));
            }
            self.hashes = 0;
            self.line_start = false;
        }
    }
}

/// Stage 3: curly quotes, paired in order of appearance.
///
/// When a string holds an even number of straight double (or single) quotes
/// they strictly alternate, open–close, even in garbled text. When the number
/// is odd one of them is a stray, and context decides where it can: a quote
/// right before sentence punctuation (or at the end) closes, one right after
/// `：，、；` or an opening bracket (or at the start) opens; the others
/// alternate with the quote before them.
fn convert_quotes(toks: &mut [Tok]) {
    let n = toks.len();
    let is_apostrophe = |toks: &[Tok], i: usize| {
        i > 0
            && i + 1 < n
            && toks[i].ws() == 0
            && toks[i + 1].ws() == 0
            && is_latin_letter(toks[i - 1].c())
            && is_latin_letter(toks[i + 1].c())
    };
    let (mut dq, mut sq) = (0usize, 0usize);
    for (i, t) in toks.iter().enumerate() {
        match t.c() {
            '"' => dq += 1,
            '\'' if !is_apostrophe(toks, i) => sq += 1,
            _ => {}
        }
    }
    if dq + sq == 0 {
        return;
    }
    let (mut dq_open, mut sq_open) = (true, true);
    for i in 0..n {
        let (open_state, odd, marks) = match toks[i].c() {
            '"' => (&mut dq_open, dq % 2 == 1, ('“', '”')),
            '\'' if !is_apostrophe(toks, i) => (&mut sq_open, sq % 2 == 1, ('‘', '’')),
            _ => continue,
        };
        let mut open = *open_state;
        if odd {
            let next = toks.get(i + 1).map(|t| t.c());
            let prev = i.checked_sub(1).map(|k| toks[k].c());
            if next.is_none_or(|c| "，。、；：？！,.;:?!）)》」』".contains(c)) {
                open = false;
            } else if prev.is_none_or(|c| "：，、；:,;（(《「『".contains(c)) {
                open = true;
            }
        }
        toks[i].set_c(if open { marks.0 } else { marks.1 });
        *open_state = !open;
    }
}

fn find(parent: &mut [u32], mut x: u32) -> u32 {
    while parent[x as usize] != x {
        let up = parent[parent[x as usize] as usize];
        parent[x as usize] = up;
        x = up;
    }
    x
}

fn union(parent: &mut [u32], a: u32, b: u32) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    // Keep node 0 ("goes full width") as the root of its set.
    if ra < rb {
        parent[rb as usize] = ra;
    } else {
        parent[ra as usize] = rb;
    }
}

/// Stage 4: ASCII `, : ; ? ! ( )` next to CJK text to full width.
///
/// A cluster is a maximal sequence of such chars with only white space
/// between them; it goes full width as a whole when the non-space char before
/// or after it is CJK text. The two clusters holding a matched pair of
/// brackets go together, so `中文(ABC)` becomes `中文（ABC）`. Digits and Latin
/// on both sides keep ASCII (`8:30`, `1,000`, `E-mail:a@b.c`, URLs).
fn convert_punct(toks: &mut [Tok]) {
    let n = toks.len();
    let mut clusters: Vec<(usize, usize)> = Vec::new();
    let mut parent: Vec<u32> = vec![0];
    let mut stack: Vec<u32> = Vec::new();
    let mut i = 0;
    while i < n {
        let c = toks[i].c();
        if full_width_of(c).is_none() {
            match c {
                '（' => stack.push(0),
                '）' => {
                    if let Some(o) = stack.pop() {
                        union(&mut parent, o, 0);
                    }
                }
                _ => {}
            }
            i += 1;
            continue;
        }
        let node = parent.len() as u32;
        parent.push(node);
        let start = i;
        while i < n && full_width_of(toks[i].c()).is_some() {
            match toks[i].c() {
                '(' => stack.push(node),
                ')' => {
                    if let Some(o) = stack.pop() {
                        union(&mut parent, o, node);
                    }
                }
                _ => {}
            }
            i += 1;
        }
        clusters.push((start, i));
        if (start > 0 && is_cjk_text(toks[start - 1].c())) || (i < n && is_cjk_text(toks[i].c())) {
            union(&mut parent, node, 0);
        }
    }
    for (k, &(s, e)) in clusters.iter().enumerate() {
        if find(&mut parent, k as u32 + 1) == 0 {
            for t in &mut toks[s..e] {
                if let Some(f) = full_width_of(t.c()) {
                    t.set_c(f);
                }
            }
        }
    }
}

/// Stage 5 (display only): which gaps belong to spaced-out display type and
/// go entirely. Returns one flag per token (the gap before it).
fn spaced_out_gaps(toks: &[Tok]) -> Vec<bool> {
    let n = toks.len();
    let mut join = vec![false; n];
    // Words: maximal runs of tokens without white space between them.
    let mut words: Vec<(usize, usize)> = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        if i == 0 || t.ws() != 0 {
            words.push((i, i + 1));
        } else if let Some(w) = words.last_mut() {
            w.1 = i + 1;
        }
    }
    let single_han = |w: &(usize, usize)| w.1 - w.0 == 1 && is_ideographic(toks[w.0].c());
    let all_single = words.len() >= 2
        && words.iter().all(|w| w.1 - w.0 == 1)
        && words.iter().filter(|w| single_han(w)).count() >= 2;
    if all_single {
        for w in &words[1..] {
            join[w.0] = true;
        }
        return join;
    }
    let mut k = 0;
    while k < words.len() {
        if !single_han(&words[k]) {
            k += 1;
            continue;
        }
        let s = k;
        while k < words.len() && single_han(&words[k]) {
            k += 1;
        }
        if k - s >= 3 {
            for w in &words[s + 1..k] {
                join[w.0] = true;
            }
        }
    }
    join
}

fn clean(raw: &str, display: bool) -> String {
    if !display {
        if let Some(out) = clean_spacing_only(raw) {
            return out;
        }
    } else if raw.chars().all(stays_as_is) {
        return raw.to_string();
    }
    clean_tokens(raw, display)
}

/// The cleaning stages over tokens (see the module docs).
fn clean_tokens(raw: &str, display: bool) -> String {
    let t = tokenize(raw);
    let mut toks = t.toks;
    if t.cjk {
        if t.quotes > 0 {
            convert_quotes(&mut toks);
        }
        if t.candidates > 0 {
            convert_punct(&mut toks);
        }
    }
    let join = if display {
        spaced_out_gaps(&toks)
    } else {
        Vec::new()
    };
    let mut out = String::with_capacity(raw.len());
    let mut prev: Option<char> = None;
    for (i, t) in toks.iter().enumerate() {
        if let Some(p) = prev {
            if t.ws() != 0 {
                let space = if is_cjk_text(p) || is_cjk_text(t.c()) {
                    display
                        && t.ws() & WS_NEWLINE == 0
                        && !join[i]
                        && is_ideographic(p)
                        && is_ideographic(t.c())
                } else {
                    true
                };
                if space {
                    out.push(' ');
                }
            }
        }
        out.push(t.c());
        prev = Some(t.c());
    }
    out
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
    fn spacing_only_path_agrees_with_the_token_stages() {
        // Pseudo-random strings over chars of every class cleaning cares
        // about, and over the chars the one-pass path takes (so that it
        // answers often, quotes and mark clusters included); whenever it
        // answers, it must agree.
        let every_class = "工会职，。、 \u{3000}\t\nabZ19.-/@“”（）《》:,\"*#_\u{feff}Ａ１𠮷";
        let taken = "工会，。 \n\"\"\":,;?!ab1“";
        let (mut answered, mut quoted) = (0, 0);
        for alphabet in [every_class, taken] {
            let alphabet: Vec<char> = alphabet.chars().collect();
            let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
            for _ in 0..20_000 {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                let len = (seed % 24) as usize;
                let text: String = (0..len)
                    .map(|k| alphabet[((seed >> (k % 50)) as usize + k * 7) % alphabet.len()])
                    .collect();
                if let Some(fast) = clean_spacing_only(&text) {
                    answered += 1;
                    quoted += usize::from(text.contains('"'));
                    assert_eq!(fast, clean_tokens(&text, false), "{text:?}");
                }
            }
        }
        assert!(
            answered > 5_000,
            "the one-pass path answered only {answered} times"
        );
        assert!(quoted > 1_000, "only {quoted} answers had quotes");
    }

    #[test]
    fn common_cjk_punct_is_cjk_text_that_stays() {
        for c in COMMON_CJK_PUNCT {
            assert!(is_cjk_text(c) && stays_as_is(c), "{c}");
            assert!(fold_char(c) == c && !folds(c) && !is_ws(c), "{c}");
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
    fn joins_lines() {
        assert_eq!(clean_body("北京师范大\n学校工会"), "北京师范大学校工会");
        assert_eq!(clean_body("ABB\nGroup"), "ABB Group");
        assert_eq!(clean_body("12351\nAPP"), "12351 APP");
        assert_eq!(
            clean_body("下载12351手机APP，为职工讲\n解"),
            "下载12351手机APP，为职工讲解"
        );
        assert_eq!(clean_body("a\r\nb"), "a b");
    }

    #[test]
    fn white_space_next_to_cjk() {
        assert_eq!(clean_body("12351 职 工"), "12351职工");
        assert_eq!(clean_body("13323人次 。同"), "13323人次。同");
        assert_eq!(clean_body("购买物资、 设立防疫专"), "购买物资、设立防疫专");
        assert_eq!(clean_body("全\u{3000}市\t职\u{a0}工"), "全市职工");
        assert_eq!(clean_body("　　近日，记者"), "近日，记者");
        assert_eq!(clean_body("用 Rust  and   C 写"), "用Rust and C写");
        assert_eq!(clean_body("A \u{1f}B"), "A B");
        assert_eq!(clean_body("  \n "), "");
    }

    #[test]
    fn ascii_punct_next_to_chinese() {
        assert_eq!(clean_body("了解到,2022年"), "了解到，2022年");
        assert_eq!(clean_body("驿站(暖心驿站)。各区"), "驿站（暖心驿站）。各区");
        assert_eq!(clean_body("中文(ABC)"), "中文（ABC）");
        assert_eq!(clean_body("真的?! 好"), "真的？！好");
        assert_eq!(clean_body("电话:63522410."), "电话：63522410.");
        assert_eq!(
            clean_body("累计4.67亿元,于8:30开始"),
            "累计4.67亿元，于8:30开始"
        );
        assert_eq!(
            clean_body("E-mail:ldwbgh@126.com 联系"),
            "E-mail:ldwbgh@126.com联系"
        );
        assert_eq!(
            clean_body("见 http://a.b/c?d=1 网站"),
            "见http://a.b/c?d=1网站"
        );
        assert_eq!(clean_body("共1,000元"), "共1,000元");
        assert_eq!(clean_body("Hello, world: (yes)"), "Hello, world: (yes)");
        assert_eq!(
            clean_body(
                "Advertisement for Yanjing Beer (燕京啤酒) and the China Lunar Exploration \
                 Program (中国探月工程官方合作伙伴). Includes contact information: 登报咨询电话:63522410."
            ),
            "Advertisement for Yanjing Beer（燕京啤酒）and the China Lunar Exploration \
             Program（中国探月工程官方合作伙伴）. Includes contact information：登报咨询电话：63522410."
        );
    }

    #[test]
    fn quotes_paired_in_order() {
        assert_eq!(
            clean_body("提出\"家建设新路径,提出\"和家\",吸纳社会家\"和\"家心驿站\""),
            "提出“家建设新路径，提出”和家“，吸纳社会家”和“家心驿站”"
        );
        assert_eq!(clean_body("贵在'精'和'准'"), "贵在‘精’和‘准’");
        // An odd count: the stray quote before a comma closes.
        assert_eq!(
            clean_body("四个\"党工共建活动\"室\",打造了一批\"五好基层工会\"典型"),
            "四个“党工共建活动”室”，打造了一批“五好基层工会”典型"
        );
        assert_eq!(clean_body("他说\"好"), "他说“好");
        assert_eq!(clean_body("好\"。"), "好”。");
        assert_eq!(clean_body("他说 don't 工作"), "他说don't工作");
        assert_eq!(clean_body("say \"hi\" it's"), "say \"hi\" it's");
        assert_eq!(clean_body("以 \"健康防疫\" 为主题"), "以“健康防疫”为主题");
    }

    #[test]
    fn full_width_ascii() {
        assert_eq!(clean_body("ＡＢＣ１２"), "ABC12");
        assert_eq!(clean_body("预留４０％的经费"), "预留40%的经费");
        assert_eq!(clean_body("４．６７亿"), "4.67亿");
        assert_eq!(clean_body("好，（对）"), "好，（对）");
        assert_eq!(clean_body("｢好｣､是"), "「好」、是");
    }

    #[test]
    fn markup_removed() {
        assert_eq!(clean_body("会员**2561**万人次"), "会员2561万人次");
        assert_eq!(clean_body("会员 **2561** 万"), "会员2561万");
        assert_eq!(clean_body("__重要__通知"), "重要通知");
        assert_eq!(clean_body("## 小标题"), "小标题");
        assert_eq!(clean_body("# # abc"), "abc");
        assert_eq!(clean_body("上文。\n### 服务阵地"), "上文。服务阵地");
        assert_eq!(clean_body("第#1名"), "第#1名");
        assert_eq!(clean_body("#话题#"), "#话题#");
        assert_eq!(clean_body("a*b 5 * 3 ___"), "a*b 5 * 3 ___");
        assert_eq!(clean_body("\u{feff}本报\u{200b}讯"), "本报讯");
    }

    #[test]
    fn display_lines() {
        assert_eq!(
            clean_display("集中采买防疫物资  设立防疫专项经费"),
            "集中采买防疫物资 设立防疫专项经费"
        );
        assert_eq!(clean_display("全 市 职 工 运 动 会"), "全市职工运动会");
        assert_eq!(clean_display("中 国"), "中国");
        assert_eq!(clean_display("全 市 职 工  运动会"), "全市职工 运动会");
        assert_eq!(clean_display("中 国 人民"), "中 国 人民");
        assert_eq!(clean_display("为患病同事\n献爱心"), "为患病同事献爱心");
        assert_eq!(clean_display("冬奥会 2022"), "冬奥会2022");
        assert_eq!(clean_display("“五型工会” 提升"), "“五型工会”提升");
        assert_eq!(clean_display("  标题  "), "标题");
    }

    #[test]
    fn undoubling() {
        assert_eq!(
            undouble("公公交交职职工工做做刺刺绣绣").as_deref(),
            Some("公交职工做刺绣")
        );
        assert_eq!(undouble("22001199年年").as_deref(), Some("2019年"));
        assert_eq!(undouble("公 公 交 交 职 职").as_deref(), Some("公 交 职"));
        assert_eq!(undouble("公公交交"), None);
        assert_eq!(undouble("天天向上"), None);
        assert_eq!(undouble("看看"), None);
        assert_eq!(undouble("哈哈哈哈哈哈"), None);
        assert_eq!(undouble("公公交交职"), None);
        assert_eq!(undouble(""), None);
        assert_eq!(undouble("   "), None);
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

    /// The scorer's clean-text defects: white space next to CJK text or CJK
    /// punctuation, ASCII `, ; ? !` next to CJK.
    fn has_defect(s: &str) -> bool {
        let scorer_punct = "，。、；：？！“”‘’（）《》〈〉【】—…·「」『』";
        let cjkp = |c: char| is_cjk(c) || scorer_punct.contains(c);
        let v: Vec<char> = s.chars().collect();
        v.windows(2).any(|w| {
            (cjkp(w[0]) && is_ws(w[1]))
                || (is_ws(w[0]) && cjkp(w[1]))
                || (is_cjk(w[0]) && ",;?!".contains(w[1]))
                || (",;?!".contains(w[0]) && is_cjk(w[1]))
        })
    }

    /// A small deterministic generator of nasty inputs.
    fn samples() -> Vec<String> {
        let alphabet: Vec<char> = "中文工会，。、“”‘’（）《》—…·\"'\"',,::;;??!!(())**__##  \n\n\t\u{3000}\u{a0}\u{feff}\u{200b}aAbZ09.-/@%ＡＢ１２＂＇（）＊＿＃ｌ．\u{301}\u{0}\u{1f}𠮷〇"
            .chars()
            .collect();
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut out = Vec::new();
        for _ in 0..20_000 {
            let len = (next() % 24) as usize;
            out.push(
                (0..len)
                    .map(|_| alphabet[(next() % alphabet.len() as u64) as usize])
                    .collect(),
            );
        }
        out
    }

    #[test]
    fn idempotent_and_defect_free() {
        let fixed = [
            "本报讯 （记者 任洁 通讯员\n刘建武） 购买物资、 设立防疫专",
            "提出\"家建设新路径,提出\"和家\",吸纳社会家\"和\"家心驿站\"",
            "\"叮铃铃,这里是12351职工服务热线,请问您有什么需要 那以上\"",
            "#** abc",
            "_**_",
            "**# 中文**",
            "(,中",
            "中(A),x)",
            "#\nabc",
            "a\n#",
            "据了解,推树的\"最美工会户外劳动者服务站点\"须是悬挂全市统一标识、户外劳动者暖心驿站(暖心驿站)。各区总工会、各产\n\n业工会可根据工作实际",
            "会员**2561**万人次,得到了职工的 广泛认可。",
            "根据疫情期间教职工的个性\n化需求， 该校工会在防疫专项中\n预留40%的经费， 由部门工会采",
            "2019年4月19日·星期五\n本版编辑 马骏|美术编辑 王巍|校对 吉言|E—mail:ldwbgh@126.com|本版热线电话:63523314 63581010",
            "为为患患病病同同事事\n献献爱爱心心",
            "全 市 职 工 运 动 会",
            "Advertisement for Yanjing Beer (燕京啤酒). Includes contact information: 登报咨询电话:63522410.",
        ];
        for s in fixed.iter().map(|s| s.to_string()).chain(samples()) {
            for display in [false, true] {
                let once = clean(&s, display);
                let twice = clean(&once, display);
                assert_eq!(once, twice, "not idempotent (display {display}) on {s:?}");
                assert!(
                    display || !has_defect(&once),
                    "defect in {once:?} from {s:?}"
                );
                assert_eq!(once.trim(), once);
            }
        }
    }

    #[test]
    fn never_panics_on_odd_input() {
        let big = "中 文,\n".repeat(200_000);
        assert_eq!(clean_body(&big).chars().count(), 3 * 200_000);
        let open = "(".repeat(300_000) + "中" + &")".repeat(300_000);
        assert_eq!(
            clean_body(&open),
            "（".repeat(300_000) + "中" + &"）".repeat(300_000)
        );
        let quotes = "\"中".repeat(300_001);
        assert_eq!(clean_body(&quotes).chars().count(), 600_002);
        let stars = "*_".repeat(100_000);
        assert_eq!(clean_body(&stars), stars);
        for s in [
            "\u{301}",
            "\u{0}\u{1}",
            "\u{10ffff}",
            "\u{ffff}",
            "*",
            "#",
            "'",
            "\"",
        ] {
            let _ = clean_body(s);
            let _ = clean_display(s);
            let _ = undouble(s);
            let _ = fold_width(s);
        }
    }
}
