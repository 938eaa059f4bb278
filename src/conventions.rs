//! The conventions of Chinese newspaper pages that the passes recognise.
//!
//! Every pattern here names a convention of the trade (CONVENTIONS.md), not
//! words of any one page. Patterns run on a line's *key*: the text with
//! full-width ASCII folded, markup stripped and white space removed, unless a
//! function says otherwise.

use regex::Regex;
use std::sync::LazyLock;

/// The CJK ideograph ranges, for use inside a regex character class.
const HAN: &str = r"\x{3400}-\x{4dbf}\x{4e00}-\x{9fff}\x{f900}-\x{faff}";

/// Credit roles as photo credits print them: `本报记者`, `新华社记者`,
/// `通讯员`, `本報記者`.
const CREDIT_ROLE: &str =
    r"(?:本报|本報|特约|见习|摄影|新华社|中新社|人民日报)?(?:记者|記者|通讯员|通訊員|实习生)";

fn re(pattern: &str) -> Regex {
    Regex::new(
        &pattern
            .replace("CREDIT_ROLE", CREDIT_ROLE)
            .replace("HAN", HAN),
    )
    .expect("valid built-in pattern")
}

/// A date as datelines print it: `11月20日`, `十二月三十一日`. OCR reads a
/// digit it cannot make out as a mark of like shape (`中国日报网？月19日电`,
/// `本报北京]月1日讯`, `新华社北京I月26日电`); between an outlet and `电`
/// such a mark can only be a digit.
const DATE: &str = r"(?:[\d?？\]Il|]{1,2}|[一二三四五六七八九十〇]{1,3})月(?:[\d?？\]Il|]{1,2}|[一二三四五六七八九十〇]{1,3})日";

/// 电头: the lead-in that opens a report.
///
/// - own report: `本报讯`, `本报北京11月20日电`, `本报北京1月1日讯`, `本报上海电`,
///   `本报综合消息`
/// - agency or outlet, place, date: `新华社北京11月21日电`, `中新社广州5月3日电`,
///   `人民网北京电`, `中国日报网3月5日电`, `湖北日报讯`, `中国网3月5日讯`,
///   `央视网消息`,
///   and relayed (`据新华社维也纳11月28日电`)
/// - relayed copy: `据新华社电`, `据《人民日报》报道`
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:本报讯|本報訊|据?本[报報](?:[HAN]{0,6}?DATE|[HAN]{0,4}?)(?:[电電讯訊]|消息)|据?[HAN]{1,7}?(?:社|网|網|台|报|報)(?:[HAN]{0,6}?DATE|[HAN]{0,4}?)(?:[电電讯訊]|消息)|[据據][HAN《》]{1,12}?(?:电|電|報道|报道|消息))"
            .replace("DATE", DATE)
            .as_str(),
    )
});

/// The longest dateline [`dateline_prefix`] finds, in glyphs
/// (`据` + outlet 8 + place 6 + `十二月三十一日` 7 + `电`, and a little room).
pub const MAX_DATELINE_GLYPHS: usize = 26;

/// Quick test: `key` may open a dateline (it opens with 本报 or 据, or names
/// an outlet — …社, …网, …台, …报 — within its first nine glyphs).
pub fn may_open_dateline(key: &str) -> bool {
    if key.starts_with(['本', '据', '據']) {
        return true;
    }
    // An outlet's word, then the dateline's end (`电`, `讯`) after it.
    // The chars are tested with `|`, not by a `match`: which of them a
    // glyph is follows no pattern, and a branch per test would mispredict.
    let mut outlet = false;
    for c in key.chars().take(MAX_DATELINE_GLYPHS) {
        if (c == '电') | (c == '電') | (c == '讯') | (c == '訊') {
            return outlet;
        }
        outlet |= (c == '社') | (c == '网') | (c == '網') | (c == '台') | (c == '报') | (c == '報');
    }
    // A dateline that runs on into the next line ends there.
    outlet
}

/// The dateline a paragraph key opens with: `本报讯（记者 X）…` → `本报讯`.
/// Not a filing line with the title after it (`新华社武汉2月6日电 题：…`):
/// an agency files a feature (通讯) so, and the line is the feature's
/// text, not a report's dateline.
pub fn dateline_prefix(key: &str) -> Option<&str> {
    let (dateline, after) = dateline_split(key)?;
    (!files_title(after)).then_some(dateline)
}

/// A dateline opens `key`, or the filing line of a feature (`…电 题：…`):
/// either way the line opens a piece.
pub fn opens_with_dateline(key: &str) -> bool {
    dateline_split(key).is_some()
}

/// The dateline `key` opens with, also where it files a feature's title
/// (`新华社武汉2月6日电 题：…` → `新华社武汉2月6日电`): either way it opens a
/// piece (see [`opens_with_dateline`]).
pub fn opening_dateline(key: &str) -> Option<&str> {
    dateline_split(key).map(|(dateline, _)| dateline)
}

/// `key` opens with the filing line of a feature under its title:
/// `新华社武汉2月6日电 题：…`.
pub fn files_a_title(key: &str) -> bool {
    dateline_split(key).is_some_and(|(_, after)| files_title(after))
}

/// The dateline `key` opens with and the text after it.
fn dateline_split(key: &str) -> Option<(&str, &str)> {
    // Every dateline ends in 讯, 电 or 报道/消息 within its first glyphs.
    if !may_open_dateline(key)
        || !key
            .chars()
            .take(MAX_DATELINE_GLYPHS)
            .any(|c| matches!(c, '讯' | '訊' | '电' | '電' | '道' | '息'))
    {
        return None;
    }
    let m = DATELINE.find(key)?;
    Some((m.as_str(), &key[m.end()..]))
}

/// Text right after a dateline names the piece's title (`题：…`): an agency
/// files a feature (通讯) so, and the line is the feature's text.
fn files_title(after: &str) -> bool {
    let after = after.trim_start();
    after.starts_with("题：") || after.starts_with("题:")
}

/// Whether the calendar gives the date of page date line `date` (key form)
/// the weekday `weekday` names (`星期三`, `礼拜天`, `周五`): 2023年4月12日
/// was a Wednesday.
pub fn weekday_of_date(date: &str, weekday: &str) -> bool {
    let Some((iso, _)) = page_date(date) else {
        return false;
    };
    let mut parts = iso.split('-').map(|p| p.parse::<i64>().ok());
    let (Some(Some(y)), Some(Some(m)), Some(Some(d))) = (parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    // Days since 1970-01-01 (a Thursday), by the civil-from-days inverse.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    // 0 = Sunday … 6 = Saturday.
    let dow = (days + 4).rem_euclid(7);
    let named = match weekday.chars().last() {
        Some('日' | '天') => 0,
        Some(c) => match "一二三四五六".chars().position(|x| x == c) {
            Some(k) => k as i64 + 1,
            None => return false,
        },
        None => return false,
    };
    dow == named
}

/// A weekday alone on a line, as a page header prints it under the date:
/// `星期一`, `礼拜天`, `周五` (key form).
pub fn is_weekday(key: &str) -> bool {
    // Three or two glyphs of three bytes each: a quick test on the length.
    if !matches!(key.len(), 6 | 9) {
        return false;
    }
    let Some(last) = key.chars().next_back() else {
        return false;
    };
    let head = &key[..key.len() - last.len_utf8()];
    matches!(head, "星期" | "礼拜" | "周") && "一二三四五六日天".contains(last)
}

/// A column name (栏目) set alone in brackets: `【街坊心声】` → `街坊心声`
/// (key form). The name is short and no sentence. OCR reads a lenticular
/// bracket as a square one on either side or both (`[读者来信】`,
/// `【基层手记]`, `[基层手记]`), or loses the closing one (`【邻里茶座`);
/// a name in brackets that are not both lenticular is all ideographs.
///
/// ```text
/// bracketed_column_name("【街坊心声】") = Some("街坊心声")
/// bracketed_column_name("[读者来信】") = Some("读者来信")
/// bracketed_column_name("【邻里茶座") = Some("邻里茶座")
/// bracketed_column_name("「读者来信」") = Some("读者来信")
/// bracketed_column_name("■街坊心声") = Some("街坊心声")
/// bracketed_column_name("[注1]") = None
/// ```
pub fn bracketed_column_name(key: &str) -> Option<&str> {
    // A solid mark before a column's name sets it off as brackets do
    // (`■街坊心声`, `◆今日谈`), when the name ends in a genre word.
    if let Some(name) = key.strip_prefix(['■', '◆', '▲', '●']) {
        return is_column_name(name).then_some(name);
    }
    const OPEN: [char; 6] = ['【', '〖', '[', '［', '「', '『'];
    const CLOSE: [char; 6] = ['】', '〗', ']', '］', '」', '』'];
    let lenticular = |c: char| matches!(c, '【' | '〖' | '】' | '〗');
    let open = key.chars().next().filter(|c| OPEN.contains(c))?;
    let rest = &key[open.len_utf8()..];
    let close = rest.chars().next_back().filter(|c| CLOSE.contains(c));
    let inner = close.map_or(rest, |c| &rest[..rest.len() - c.len_utf8()]);
    let n = inner.chars().count();
    let plain_name = || inner.chars().all(crate::clean::is_cjk);
    let bracketed = match close {
        Some(c) => (lenticular(open) && lenticular(c)) || plain_name(),
        None => lenticular(open) && plain_name(),
    };
    (bracketed && (2..=12).contains(&n) && !inner.contains(['【', '】', '。', '，']))
        .then_some(inner)
}

/// Which of the chars that the line conventions' quick tests look for a
/// line's key holds, found in one pass: a line without `年` is no page
/// date, one without `摄` ends in no photo credit, and so on. A superset
/// test: each convention still runs its own exact test on the lines that
/// pass.
///
/// ```text
/// Marks::of("2019年4月19日·星期五").has(Marks::YEAR) = true
/// Marks::of("本版编辑林禾").has(Marks::EDITION) = true
/// Marks::of("近日，某车站职工").has(Marks::DATELINE) = false
/// Marks::of("近日，某车站职工").has(Marks::CLAUSE) = true
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Marks(u8);

impl Marks {
    /// `年`: a page date ([`page_date`]).
    pub const YEAR: u8 = 1;
    /// `摄` `攝`: a photo credit ([`photo_credit_start`]).
    pub const PHOTO: u8 = 2;
    /// `道`: a byline sentence ending in `报道` ([`sentence_byline`]).
    pub const REPORTED: u8 = 4;
    /// `。`: a full stop, which display type does not print.
    pub const FULL_STOP: u8 = 8;
    /// `编 校 邮 热 版 m`: the first chars of the words every edition
    /// pattern holds (`编辑 校对 邮箱 热线 版 mail`, [`is_edition_line`]).
    pub const EDITION: u8 = 16;
    /// `讯 訊 电 電 道 息`: the last char of every dateline
    /// ([`dateline_prefix`]).
    pub const DATELINE: u8 = 32;
    /// The first char of a role word (`本报记者`, `通讯员`, `摄影`, …): a
    /// credit line holds one ([`is_credit_line`]).
    pub const ROLE: u8 = 64;
    /// `，` `,` `；` `;` `、`: a comma, an enumeration comma or a semicolon,
    /// which running text prints and display type seldom does.
    pub const CLAUSE: u8 = 128;

    /// The marks of `key`, as [`Line`](crate::lines::Line)s gather theirs
    /// while they are keyed (with [`Marks::add`]).
    #[cfg(test)]
    pub fn of(key: &str) -> Marks {
        let mut m = Marks::default();
        for c in key.chars() {
            m.add(crate::clean::utf8_key(c));
        }
        m
    }

    /// Adds the marks of the char whose [`utf8_key`](crate::clean::utf8_key)
    /// is `key`: one look-up in a perfect-hash table (no branch per mark
    /// char: CJK text would mispredict them).
    #[inline]
    pub fn add(&mut self, key: u32) {
        let (k, mark) = MARK_TABLE[mark_slot(key)];
        self.0 |= if k == key { mark } else { 0 };
    }

    /// Holds one of the marks in `mark` (`Marks::ROLE | Marks::PHOTO`: either).
    pub fn has(self, mark: u8) -> bool {
        self.0 & mark != 0
    }
}

/// The chars [`Marks::add`] looks for, with their marks; and
/// [`ROLE_INITIALS`], marked [`Marks::ROLE`].
const MARK_CHARS: [(char, u8); 21] = [
    ('年', Marks::YEAR),
    ('摄', Marks::PHOTO),
    ('攝', Marks::PHOTO),
    ('道', Marks::REPORTED | Marks::DATELINE),
    ('。', Marks::FULL_STOP),
    ('编', Marks::EDITION),
    ('校', Marks::EDITION),
    ('邮', Marks::EDITION),
    ('热', Marks::EDITION),
    ('版', Marks::EDITION),
    ('m', Marks::EDITION),
    ('讯', Marks::DATELINE),
    ('訊', Marks::DATELINE),
    ('电', Marks::DATELINE),
    ('電', Marks::DATELINE),
    ('息', Marks::DATELINE),
    ('，', Marks::CLAUSE),
    (',', Marks::CLAUSE),
    ('；', Marks::CLAUSE),
    (';', Marks::CLAUSE),
    ('、', Marks::CLAUSE),
];

/// Slot of a char's [`utf8_key`](crate::clean::utf8_key) in [`MARK_TABLE`]:
/// a multiplicative hash, perfect on [`MARK_CHARS`] and [`ROLE_INITIALS`]
/// (checked when the table is built, at compile time).
const fn mark_slot(key: u32) -> usize {
    (key.wrapping_mul(0x64f3_4a2d) >> 26) as usize
}

/// The [`utf8_key`](crate::clean::utf8_key)s of [`MARK_CHARS`] and
/// [`ROLE_INITIALS`] by [`mark_slot`]; an empty slot holds no key.
static MARK_TABLE: [(u32, u8); 64] = {
    const fn put(table: &mut [(u32, u8); 64], c: char, mark: u8) {
        let key = crate::clean::utf8_key(c);
        let slot = mark_slot(key);
        assert!(
            table[slot].0 == u32::MAX || table[slot].0 == key,
            "mark_slot must be perfect on the mark chars"
        );
        table[slot] = (key, table[slot].1 | mark);
    }
    let mut table = [(u32::MAX, 0); 64];
    let mut i = 0;
    while i < MARK_CHARS.len() {
        put(&mut table, MARK_CHARS[i].0, MARK_CHARS[i].1);
        i += 1;
    }
    let mut i = 0;
    while i < ROLE_INITIALS.len() {
        put(&mut table, ROLE_INITIALS[i], Marks::ROLE);
        i += 1;
    }
    table
};

/// Role words of bylines and credits, longest first so that `本报记者` wins
/// over `记者`.
pub const ROLES: &[(&str, Role)] = &[
    ("本报特约记者", Role::Reporter),
    ("本报见习记者", Role::Reporter),
    ("本报实习生", Role::Reporter),
    ("本报通讯员", Role::Correspondent),
    ("本报记者", Role::Reporter),
    ("本報記者", Role::Reporter),
    ("特约记者", Role::Reporter),
    ("见习记者", Role::Reporter),
    ("摄影记者", Role::Photographer),
    ("实习记者", Role::Reporter),
    ("新华社记者", Role::Reporter),
    ("记者", Role::Reporter),
    ("記者", Role::Reporter),
    ("实习生", Role::Reporter),
    ("通讯员", Role::Correspondent),
    ("通訊員", Role::Correspondent),
    ("摄影报道", Role::Photographer),
    ("摄影", Role::Photographer),
    ("撰文", Role::Author),
    ("作者", Role::Author),
];

/// The first glyphs of the [`ROLES`] words: a cheap test before the list.
const ROLE_INITIALS: [char; 11] = [
    '本', '特', '见', '摄', '实', '新', '记', '記', '通', '撰', '作',
];

/// `tok` opens with one of [`ROLE_INITIALS`]: the first char's marks, one
/// look-up ([`Marks::add`]).
fn opens_with_role_initial(tok: &str) -> bool {
    tok.chars().next().is_some_and(|c| {
        let mut marks = Marks::default();
        marks.add(crate::clean::utf8_key(c));
        marks.has(Marks::ROLE)
    })
}

/// The role a byline word gives the names after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Reporter,
    Correspondent,
    Photographer,
    Author,
}

/// A byline on its own line before a feature's body:
/// `□ 本报记者 石岚`, `■记者 X`, `□本报记者 X 文/摄`, `文/X 图/Y`.
static BYLINE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:[□■◇◆○●▲△口]+(?:本报|特约|见习|摄影|新华社|中新社)?(?:记者|通讯员|实习生|撰文|文/|文／|文:|作者)|(?:文|图)[/／][HAN]{2,4})",
    )
});

/// True for a standalone byline line (key form).
pub fn is_byline_line(key: &str) -> bool {
    key.starts_with(['□', '■', '◇', '◆', '○', '●', '▲', '△', '口', '文', '图'])
        && key.chars().count() <= 40
        && BYLINE_LINE.is_match(key)
        && !ends_sentence(key)
}

/// A photo credit at the end of a caption: `本报记者 X 通讯员 Y 摄影报道`,
/// `X 摄`, `本报记者 X 摄`, `X/摄`, `摄影：X`. Runs on text with its spaces
/// kept.
static PHOTO_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:(?:CREDIT_ROLE\s*)?[HAN]{2,4}(?:[\s、]+(?:CREDIT_ROLE\s*)?[HAN]{2,4})*\s*[/／]?\s*(?:摄影报道|摄影|摄|攝影報道|攝影|攝)|(?:摄影|攝影)\s*[:：/／]\s*[HAN]{2,4}(?:[\s、]+[HAN]{2,4})*)\s*[)）]?\s*$",
    )
});

/// Longest photo credit looked for, in bytes (several roles and names).
const MAX_CREDIT_BYTES: usize = 240;

/// Where a photo credit starts in `text` (spaces kept), if the text ends
/// with one: `…一线职工。 本报记者 程远 通讯员 柯宁 摄影报道` → the offset of `本报记者`.
pub fn photo_credit_start(text: &str) -> Option<usize> {
    // A credit is short: look at the tail only.
    let from = tail_start(text, MAX_CREDIT_BYTES);
    if !has_photo_mark(&text[from..]) {
        return None;
    }
    let m = PHOTO_CREDIT.find_at(text, from)?;
    // The credit must stand apart: at the start, or after white space or a
    // sentence end, never glued to running text (`拍摄` is no credit).
    let before = text[..m.start()].chars().next_back();
    match before {
        None => Some(m.start()),
        Some(c) if c.is_whitespace() || is_sentence_end(c) => Some(m.start()),
        // In brackets: `图为活动现场。（本报记者 张三 摄）`.
        Some(c @ ('（' | '(')) => Some(m.start() - c.len_utf8()),
        _ => None,
    }
}

/// True when `text` holds the photo-credit mark `摄` (`攝`): a quick test
/// before [`photo_credit_start`].
fn has_photo_mark(text: &str) -> bool {
    holds(text, '摄') || holds(text, '攝')
}

/// True when `text` holds `c`. `str::contains` natively (a vectorised
/// search); in WebAssembly, where that sets up a general substring searcher
/// on every call for a CJK char, a byte search for the last byte of `c`'s
/// UTF-8 form with each hit checked.
///
/// ```text
/// holds("本报讯", '讯') = true, holds("本报讯", '电') = false
/// ```
pub fn holds(text: &str, c: char) -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        let mut buf = [0; 4];
        let needle = c.encode_utf8(&mut buf).as_bytes();
        let (bytes, n) = (text.as_bytes(), needle.len());
        memchr::memchr_iter(needle[n - 1], bytes)
            .any(|i| i + 1 >= n && &bytes[i + 1 - n..=i] == needle)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        text.contains(c)
    }
}

/// A prefilter: false only when `text` holds none of `words`. Natively
/// the exact test (a vectorised search per word); in WebAssembly a byte
/// search ([`holds`]) for each word's first char.
pub fn may_hold_any(text: &str, words: &[&str]) -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        words
            .iter()
            .any(|w| w.chars().next().is_some_and(|c| holds(text, c)))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        words.iter().any(|w| text.contains(w))
    }
}

/// The char boundary at or just after `max` bytes before the end of `text`.
fn tail_start(text: &str, max: usize) -> usize {
    let mut from = text.len().saturating_sub(max);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    from
}

/// A line made only of credit words and names, no sentence punctuation:
/// `本报记者 沈川`, `通讯员 莫雨辰 摄影报道`, `李四 摄`. Names stand apart
/// from each other (white space or `、`), so running text such as
/// `记者从滨河区人社局获悉` is not taken for a credit. Runs on the line with
/// its spaces kept; `spaced` tells whether it holds white space (as a
/// [`Line`](crate::lines::Line) knows from its widest gap): a line without
/// is one token, and the quick test reads no further than its ends.
pub fn is_credit_line(line: &str, spaced: bool) -> bool {
    // Quick test: a credit has a token opening with a role word, or ends in
    // a photo credit (`摄`, `摄影`, `摄影报道`); full-width ASCII is folded
    // only after it.
    let opens_with_role = |tok: &str| opens_with_role_initial(tok.trim_start_matches(['（', '(']));
    let has_role_start = if spaced {
        line.split_whitespace().any(opens_with_role)
    } else {
        opens_with_role(line)
    };
    let tail = crate::clean::trim_end(crate::clean::trim_end(line).trim_end_matches(['）', ')']));
    if !has_role_start
        && !tail.ends_with('摄')
        && !tail.ends_with("摄影")
        && !tail.ends_with("摄影报道")
    {
        return false;
    }
    let line = crate::clean::fold_width(line);
    if line.len() > 120 {
        return false;
    }
    // A credit may stand in brackets: `（记者 张三）`.
    let line = line.trim();
    let line = match (line.strip_prefix(['（', '(']), line.ends_with(['）', ')'])) {
        (Some(inner), true) => inner.trim_end_matches(['）', ')']),
        _ => line,
    };
    let mut tokens = line.split_whitespace().peekable();
    let (mut count, mut has_role) = (0, false);
    while let Some(tok) = tokens.next() {
        count += 1;
        if count > 8 {
            return false;
        }
        let tok = match tokens.peek() {
            None => match strip_photo_suffix(tok) {
                Some(rest) => {
                    has_role = true;
                    rest
                }
                None => tok,
            },
            Some(_) => tok,
        };
        let rest = match role_prefix(tok) {
            Some((word, _)) => {
                has_role = true;
                &tok[word.len()..]
            }
            None => tok,
        };
        if !rest.is_empty() && !rest.split('、').all(is_name) {
            return false;
        }
    }
    has_role
}

/// `X摄影报道` → `X`, `摄` → ``: the photo-credit ending of a token.
fn strip_photo_suffix(tok: &str) -> Option<&str> {
    ["摄影报道", "摄影", "摄"]
        .iter()
        .find_map(|s| tok.strip_suffix(s))
}

/// The role word a token opens with: `本报记者沈川` → `本报记者`.
pub fn role_prefix(tok: &str) -> Option<(&'static str, Role)> {
    if !opens_with_role_initial(tok) {
        return None;
    }
    ROLES.iter().copied().find(|(w, _)| tok.starts_with(w))
}

/// A personal name as bylines print it: two to four ideographs
/// (`·` allowed inside transliterated names).
pub fn is_name(s: &str) -> bool {
    let n = s.chars().count();
    (2..=5).contains(&n) && s.chars().all(|c| crate::clean::is_cjk(c) || c == '·')
}

/// A byline written as a sentence opening the report: `本报记者 X 报道`,
/// `记者X报道`. Runs on text with its spaces kept. OCR reads the colon
/// after `报道` as a semicolon (`记者宋杉报道; 冒着细雨`), which no lead-in
/// prints; it is the colon.
static SENTENCE_BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^[□■]?\s*(?:本报)?(?:特约|见习)?记者\s*[HAN]{2,4}(?:[\s、]+[HAN]{2,4})*\s*报道[:：;；]?")
});

/// The length of a sentence byline opening `text`, if any:
/// `本报记者 刘洋 报道 近日…` → the bytes up to and including `报道`.
pub fn sentence_byline(text: &str) -> Option<usize> {
    if !text.contains("报道") {
        return None;
    }
    SENTENCE_BYLINE.find(text).map(|m| m.end())
}

/// Page date line: `2019年4月19日·星期五`, `2023年5月6日 星期六`, the
/// weekday in brackets (`2020年9月18日（星期五）`), the date in Chinese
/// numerals as mastheads print it (`二〇二〇年九月十八日`), also in a page
/// header after the paper's name (`劳动午报 2019年4月19日 星期五 第5版`).
static DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(\d{4}|[〇○零一二三四五六七八九]{4})年(\d{1,2}|[一二三四五六七八九十]{1,3})月(\d{1,2}|[一二三四五六七八九十]{1,3})日[·・•\.,，”“\x22'’‘、]?[（(]?((?:星期|礼拜|周)[一二三四五六日天])?[)）]?",
    )
});

/// A number of a date, in digits or Chinese numerals: `2020`, `二〇二〇`
/// (digit by digit), `十八`, `二十一`, `三十`.
fn date_number(s: &str) -> Option<u32> {
    if let Ok(n) = s.parse() {
        return Some(n);
    }
    let digit = |c: char| {
        "〇一二三四五六七八九"
            .find(c)
            .map(|k| k as u32 / 3)
            .or(match c {
                '○' | '零' => Some(0),
                _ => None,
            })
    };
    if !s.contains('十') {
        return s.chars().try_fold(0, |n, c| Some(n * 10 + digit(c)?));
    }
    let (tens, ones) = s.split_once('十')?;
    let tens = if tens.is_empty() {
        1
    } else {
        digit(tens.chars().next()?)?
    };
    let ones = match ones.chars().next() {
        None => 0,
        Some(c) => digit(c)?,
    };
    Some(tens * 10 + ones)
}

/// `(iso_date, weekday)` of a page date line (key form). Furniture, not a
/// headline that opens with a date: the date comes first or after a short
/// name, the line is short and has no sentence punctuation, and it prints a
/// weekday, an edition (`第5版`), a lunar date (`农历…`) or nothing else.
pub fn page_date(key: &str) -> Option<(String, Option<String>)> {
    if key.len() > 150 || !holds(key, '年') || key.contains(['。', '，', '；']) {
        return None;
    }
    let c = DATE_LINE.captures(key)?;
    let whole = c.get(0)?;
    let prefix = &key[..whole.start()];
    let rest = &key[whole.end()..];
    let furniture =
        c.get(4).is_some() || rest.is_empty() || key.contains("版") || key.contains("农历");
    if prefix.chars().count() > 10 || rest.chars().count() > 24 || !furniture {
        return None;
    }
    let (y, m, d) = (
        date_number(&c[1])?,
        date_number(&c[2])?,
        date_number(&c[3])?,
    );
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    Some((
        format!("{y:04}-{m:02}-{d:02}"),
        c.get(4).map(|w| w.as_str().to_string()),
    ))
}

/// Edition-line staff roles: `本版编辑 林禾|美术编辑 周澜|校对 叶青`,
/// `责任编辑：X  校对：Y`, `编辑：X`.
const STAFF_ROLES: &[&str] = &[
    "本版编辑",
    "责任编辑",
    "美术编辑",
    "图片编辑",
    "摄影编辑",
    "版式设计",
    "版式编辑",
    "本版校对",
    "责任校对",
    "校对",
    "编辑",
    "责编",
    "美编",
    "设计",
    "制图",
    "组版",
];

/// Staff credits of an edition line, in printed order: each role word
/// names the people after it until the next role word.
pub fn staff(line: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for part in line.split(['|', '｜', '丨']) {
        let mut role: Option<&str> = None;
        let mut pending_chars = String::new();
        for tok in
            part.split(|c: char| c.is_whitespace() || matches!(c, ':' | '：' | '、' | '，' | ','))
        {
            if tok.is_empty() {
                continue;
            }
            let (name, new_role) = match STAFF_ROLES.iter().find(|r| tok.starts_with(*r)) {
                Some(r) => (&tok[r.len()..], Some(*r)),
                None => (tok, None),
            };
            if new_role.is_some() {
                flush_name(&mut out, role, &mut pending_chars);
                role = new_role;
            }
            let Some(r) = role else { continue };
            if name.is_empty() || !name.chars().all(crate::clean::is_cjk) {
                continue;
            }
            if name.chars().count() == 1 {
                // A two-glyph name set with a space: `赵 刚`.
                pending_chars.push_str(name);
            } else {
                flush_name(&mut out, role, &mut pending_chars);
                out.push((r.to_string(), name.to_string()));
            }
        }
        flush_name(&mut out, role, &mut pending_chars);
    }
    out
}

fn flush_name(out: &mut Vec<(String, String)>, role: Option<&str>, chars: &mut String) {
    if let Some(r) = role {
        if chars.chars().count() >= 2 {
            out.push((r.to_string(), std::mem::take(chars)));
        }
    }
    chars.clear();
}

static EMAIL: LazyLock<Regex> =
    LazyLock::new(|| re(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+"));
static PHONE: LazyLock<Regex> = LazyLock::new(|| re(r"(?:\d{3,4}-)?\d{7,8}"));

/// E-mail addresses in a line.
pub fn emails(line: &str) -> Vec<String> {
    EMAIL
        .find_iter(line)
        .map(|m| m.as_str().to_string())
        .collect()
}

/// Telephone numbers in a line (e-mail addresses skipped).
pub fn phones(line: &str) -> Vec<String> {
    let stripped = EMAIL.replace_all(line, " ");
    PHONE
        .find_iter(&stripped)
        .map(|m| m.as_str().to_string())
        .collect()
}

/// An edition line: staff credits, e-mail, hot-line, `第5版` (key form).
static EDITION_LINE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"本版编辑|责任编辑|美术编辑|图片编辑|责任校对|本版校对|E-?mail|e-?mail|邮箱[:：]|热线电话|新闻热线|^第\d+版|^[A-Z]?\d+版?$|^编辑[:：]|^校对[:：]",
    )
});

/// True for page furniture other than the date (key form).
pub fn is_edition_line(key: &str) -> bool {
    // Every edition pattern holds one of these literals.
    let candidate = may_hold_any(key, &["编辑", "校对", "mail", "邮箱", "热线", "版"])
        || (key.len() <= 4 && key.chars().all(|c| c.is_ascii_alphanumeric()));
    candidate && key.chars().count() <= 120 && !holds(key, '。') && EDITION_LINE.is_match(key)
}

/// An advertisement marker or an extractor's description of one:
/// `广告`, `启事`, `Advertisement for …` (key form). OCR of the marker's
/// bold type may lose the dot of `广` (`厂告`) or read its strokes as bars
/// (`三告`); alone on a line, those are the marker too.
pub fn is_ad_line(key: &str) -> bool {
    matches!(
        key,
        "广告" | "廣告" | "启事" | "公告" | "广告启事" | "厂告" | "三告"
    ) || key.starts_with("Advertisement")
        || key.starts_with("ADVERTISEMENT")
        || key.starts_with("广告：")
        || key.starts_with("广告:")
}

/// Page slogans and section banners: `学习贯彻……精神`, `喜迎……`.
static SLOGAN: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:学习贯彻|学习宣传贯彻|深入学习贯彻|认真学习贯彻|贯彻落实|学习宣传|喜迎|热烈庆祝|庆祝|奋进新征程|踔厉奋发|奋力谱写)",
    )
});

/// True for a display line shaped like a page slogan (key form).
pub fn is_slogan(key: &str) -> bool {
    SLOGAN.is_match(key)
}

/// Recurring column names (栏目) end in a genre word: `…日记`, `读者来信`,
/// `街坊心声`, `简讯`.
static COLUMN_NAME: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^[HAN]{0,10}(?:日记|手记|札记|随笔|来信|心声|简讯|快讯|时评|短评|评论|观察|声音|信箱|视点|快评|漫谈|纪事|速递|说法|茶座|书评|影评|一线|百态|故事会|人物志)$",
    )
});

/// True for a display line shaped like a column name (key form).
pub fn is_column_name(key: &str) -> bool {
    // Every genre word ends in one of these glyphs.
    key.ends_with(|c: char| "记信声讯评察音箱点谈事递法座线态会志".contains(c))
        && key.chars().count() <= 12
        && COLUMN_NAME.is_match(key)
}

/// A signature closing a column piece: unit (ending in a post or an
/// organisation word) then a personal name, printed apart:
/// `滨河供电局工会干部 谷川`. Runs on the line with spaces kept.
static SIGNATURE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^\s*[（(]?([HAN]{2,20}?(?:干部|职工|员工|会员|员|者|师|生|长|主任|主席|书记|经理|会|局|处|所|院|校|厂|站|队|部|科|室|公司|集团|中心|社区|街道|医院|大学|学院|中学|小学|银行|单位|工地))[\s　]+([HAN]{2,4})\s*[)）]?\s*$",
    )
});

/// The name of a signature line: `滨河供电局工会干部 谷川` → `谷川`. The name
/// is a person's: it does not itself end in a post or an organisation word
/// (`守护民生 温暖职工` is a slogan of two phrases).
pub fn signature(line: &str) -> Option<String> {
    signature_parts(line).map(|(_, name)| name.to_string())
}

/// A signature whose unit ends in a person's post (`…工会干部 谷川`,
/// `…车队职工 李华`), not in an organisation's or a place's name
/// (`城南街道 新气象` is a kicker of two phrases): a person signing.
pub fn signed_with_post(line: &str) -> bool {
    // (`生` too, of `学生`, `医生`: a post, but a name may end in it.)
    signature_parts(line).is_some_and(|(unit, _)| {
        unit.ends_with('生') || SIGNATURE_POSTS.iter().any(|w| unit.ends_with(w))
    })
}

/// `(unit, name)` of a signature line (see [`signature`]).
fn signature_parts(line: &str) -> Option<(&str, &str)> {
    // Unit and name are printed apart (no white space, no signature), on a
    // short line without sentence punctuation.
    let t = crate::clean::trim_end(crate::clean::trim_start(line));
    if t.len() > 3 * 32
        || !t.contains(char::is_whitespace)
        || t.contains(['，', '。', '、', '：', '；', ',', ':'])
    {
        return None;
    }
    let c = SIGNATURE.captures(line)?;
    let (unit, name) = (c.get(1)?.as_str(), c.get(2)?.as_str());
    let ends_in = |words: &[&str]| words.iter().any(|w| name.ends_with(w));
    let unit_like = ends_in(SIGNATURE_POSTS) || ends_in(SIGNATURE_BODIES);
    (!unit_like).then_some((unit, name))
}

/// Posts a signature's unit ends in (those of [`SIGNATURE`], but `生`); a
/// name ends in none of them.
const SIGNATURE_POSTS: &[&str] = &[
    "干部", "职工", "员工", "会员", "员", "者", "师", "长", "主任", "主席", "书记", "经理",
];

/// Organisations and places a signature's unit ends in (those of
/// [`SIGNATURE`]); a name ends in none of them.
const SIGNATURE_BODIES: &[&str] = &[
    "会", "局", "处", "所", "院", "校", "厂", "站", "队", "部", "科", "室", "公司", "集团", "中心",
    "社区", "街道", "医院", "大学", "学院", "中学", "小学", "银行", "单位", "工地",
];

/// A subhead numbered as one of a series (key form): `一、客流总量稳步回升`,
/// `（二）加强监测`, `3．落实责任`. Such a line heads a section of the
/// piece it stands in, never a new piece. (Not two numerals in a row,
/// `一、二月份…`, `三、四线城市…`: a range, not a section's number.)
static NUMBERED_SUBHEAD: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:[一二三四五六七八九十]{1,3}[、．.](?:[^一二三四五六七八九十]|$)|[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[、．.](?:[^\d]|$))",
    )
});

/// True for a numbered subhead (key form).
pub fn is_numbered_subhead(key: &str) -> bool {
    NUMBERED_SUBHEAD.is_match(key)
}

/// A line that is only a date or a time, as at the head of a diary entry:
/// `6月23日`, `3月5日 晴`, `13时`. Body text, not a headline.
static DATE_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:\d{4}年)?\d{1,2}月\d{1,2}日(?:[HAN]{0,3})?$|^(?:上午|下午|晚上|凌晨|中午)?\d{1,2}(?:时|点|:\d{2})$",
    )
});

/// True for a date-only line (key form).
pub fn is_date_only(key: &str) -> bool {
    // Both forms open with a digit or a time of day.
    key.len() <= 30
        && key.starts_with(|c: char| c.is_ascii_digit() || "上下晚凌中".contains(c))
        && key.chars().any(|c| matches!(c, '日' | '时' | '点' | ':'))
        && DATE_ONLY.is_match(key)
}

/// The dateline of a diary entry: a date, then the weekday, the lunar date
/// or the weather (`3月5日，农历二月十二，晴`, `3月5日 星期四 晴`). It
/// heads an entry inside the diary it is printed in; a paragraph that opens
/// with a date goes on with what happened (`1月25日，市卫生部门组建…`).
static DIARY_ENTRY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:\d{4}年)?\d{1,2}月\d{1,2}日[，,、\s]*(?:农历|星期|礼拜|周[一二三四五六日天]|晴|阴|多云|[小中大]?雨|[小中大]?雪)",
    )
});

/// True for the dateline of a diary entry (key form).
pub fn is_diary_entry_date(key: &str) -> bool {
    key.starts_with(|c: char| c.is_ascii_digit()) && DIARY_ENTRY.is_match(key)
}

/// Measure words that follow a number (`315个`, `3例`) and seldom start a
/// word of their own: a line ending in a number and the next starting with
/// one of these break one word, a count. (Not `人` `日` `年` `天` `张`
/// `万` `元` `台` `条` `项` `位` `名`, which also open words: `2022⏎张家口…`.)
const MEASURE_WORDS: &str = "个例件次座辆架艘吨岁倍";

/// True when a break between two lines of display type falls inside a
/// count, between its number and its measure word (`社区名单，新增315⏎个！`):
/// the lines are one headline, whatever their widths.
pub fn splits_a_count(above: &str, below: &str) -> bool {
    above.ends_with(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c))
        && below.starts_with(|c: char| MEASURE_WORDS.contains(c))
}

/// Words that open with `的` and stand on their own: `的确` (indeed, and
/// `的的确确`), `的士` (taxi), `的哥` and `的姐` (cab drivers), place names
/// that transcribe a sound (`的黎波里`, `的卢`).
const WORDS_OPENING_WITH_DE: [&str; 7] = [
    "的确",
    "的的确确",
    "的士",
    "的哥",
    "的姐",
    "的黎波里",
    "的卢",
];

/// True for a line that opens with the structural particle `的` (结构助词),
/// which binds to the words before it: no headline, paragraph or phrase
/// opens with it, so a line that does is the wrap of the line above it
/// (`某某小学师生⏎的春季植树活动`). Words of their own that open with it
/// (`的确`) are not.
///
/// ```text
/// 某某小学师生          ← a headline's first line
/// 的春季植树活动        ← its wrap: opens with 的
/// ```
pub fn opens_with_bound_particle(text: &str) -> bool {
    let t = text.trim_start();
    t.starts_with('的') && !WORDS_OPENING_WITH_DE.iter().any(|w| t.starts_with(w))
}

/// True for a line that a triangle opens and that reads as a sentence,
/// a colon or a comma in it (`△视频新闻：市领导在滨江区调研…`, `▲图为市民
/// 在…，…`): copy published online marks the caption of a picture or a
/// video inside the text so, and the caption runs as text, never as a
/// headline. (A triangle before a short phrase, `▲登记早 服务早`, marks a
/// subhead.)
pub fn is_marked_caption(key: &str) -> bool {
    key.starts_with(['△', '▲']) && key.contains(['：', ':', '，', ','])
}

/// Words that open a photo's caption printed as a line of its own
/// (`图为志愿者在街头服务`: "pictured is…").
const CAPTION_OPENERS: [&str; 3] = ["图为", "上图", "下图"];

/// True for text that no headline is: a note in brackets (`（下转第三版）`,
/// `（记者 张三）`), or a photo's caption ([`CAPTION_OPENERS`]). Display type
/// that fits no piece by its words is a headline only when it is none of
/// these.
pub fn is_note_or_caption(key: &str) -> bool {
    key.starts_with(['（', '(', '〈', '[', '［'])
        || CAPTION_OPENERS.iter().any(|o| key.starts_with(o))
}

/// Words that open a source note: the line that says where copy published
/// elsewhere came from (`本文转载自微信公众号：某某网`, `来源：某某日报`).
const SOURCE_NOTES: [&str; 5] = ["本文转载自", "转载自", "本文来源", "来源：", "来源:"];

/// True for a line that opens a source note (`本文转载自微信公众号：某某
/// 网（ID：xxx）`): a note printed as text at the head or foot of a piece,
/// never a headline, however it wraps. (`来源广泛的…` is no note.)
pub fn is_source_note(key: &str) -> bool {
    SOURCE_NOTES.iter().any(|n| key.starts_with(n))
}

/// Punctuation that ends a sentence, and so a paragraph when a line ends in
/// it: the terminal marks of [`crate::clean::is_terminal_punct`] plus the
/// semicolon and a full stop typed in ASCII.
pub fn is_sentence_end(c: char) -> bool {
    crate::clean::is_terminal_punct(c) || matches!(c, '；' | ';' | '.')
}

/// True when the text ends a sentence, past closing quotes and brackets:
/// `…工作压力。`, `…关怀。”` (also past a quote OCR read the wrong way
/// round: `…没出差错! “`), or past a credit in brackets after the
/// sentence's end: `…守望的乡亲。（罗晓）`, whose opening bracket OCR may
/// read as the angle bracket it resembles (`…守望的乡亲。〈罗晓)`): an
/// angle bracket closed by a parenthesis is the parenthesis.
pub fn ends_sentence(text: &str) -> bool {
    let t = crate::clean::trim_end(text);
    // Most lines end in an ideograph, which neither ends a sentence nor
    // closes a bracket: told on the bytes.
    if crate::clean::ends_in_cjk(t) {
        return false;
    }
    let ends = |s: &str| {
        s.chars()
            .rev()
            .find(|&c| !crate::clean::is_closing_punct(c) && !matches!(c, '“' | '‘' | ' '))
            .is_some_and(is_sentence_end)
    };
    if ends(t) {
        return true;
    }
    if !t.ends_with(['）', ')']) {
        return false;
    }
    // (`〈` only where no parenthesis opens and no `〉` closes it: a
    // credit may quote a title in angle brackets, `（摘自〈某某报〉）`.)
    let open = t
        .rfind(['（', '('])
        .or_else(|| t.rfind('〈').filter(|&k| !t[k..].contains('〉')));
    match open {
        Some(open) if open > 0 && t.len() - open <= MAX_CREDIT_BYTES => ends(&t[..open]),
        _ => false,
    }
}

/// True when the text ends a sentence and then names who wrote it in
/// brackets, names only (`…增设了两条新航线。（钱七 孙八）`): the
/// credit that closes a news item. Not a photo's credit inside a piece
/// (`（某某供图）`, `（记者某某摄影）`).
pub fn ends_with_name_credit(text: &str) -> bool {
    let t = crate::clean::trim_end(text);
    let Some(inner) = t.strip_suffix(['）', ')']) else {
        return false;
    };
    let Some(open) = inner.rfind(['（', '(']) else {
        return false;
    };
    let names = inner[open..].trim_start_matches(['（', '(']);
    // Names part on white space or `、`; a transliterated name's dot
    // prints as `·`, `•` or `・`.
    let name_part = |c: char| matches!(c, '、' | '·' | '•' | '・') || c.is_whitespace();
    let glyphs = names.chars().filter(|&c| !name_part(c)).count();
    (MIN_NAME_CREDIT..=MAX_NAME_CREDIT).contains(&glyphs)
        && names
            .chars()
            .all(|c| crate::clean::is_cjk(c) || name_part(c))
        && !names.contains(['摄', '图'])
        && inner[..open].chars().next_back().is_some_and(|c| {
            crate::clean::is_terminal_punct(c) || crate::clean::is_closing_punct(c)
        })
        && ends_sentence(&inner[..open])
}

/// Fewest and most glyphs of a names-only credit: one name of two, four
/// names of three.
const MIN_NAME_CREDIT: usize = 2;
const MAX_NAME_CREDIT: usize = 12;

/// True for a line that is one note in brackets, a credit or a source
/// (`（作者卡尔·奥斯本，蒋沐言译）`, `（钱立新孔雅琪贺明远）`): under a line that
/// ended a sentence it closes the paragraph, as a credit after the
/// sentence's end on one line does (see [`ends_sentence`]). Not a word or
/// two in brackets, which a wrap may leave alone on a line.
pub fn is_bracketed_note(text: &str) -> bool {
    let Some(inner) = crate::clean::trim_start(text).strip_prefix(['（', '(']) else {
        return false;
    };
    let t = crate::clean::trim_end(inner);
    t.ends_with(['）', ')'])
        && !t.contains(['（', '('])
        && t.chars().count() + 1 >= MIN_NOTE_CHARS
        && t.len() <= MAX_CREDIT_BYTES
}

/// The fewest characters, brackets included, of a bracketed note on a line
/// of its own: a credit of two names or more.
const MIN_NOTE_CHARS: usize = 6;

/// True when the text ends inside a clause: `…丰富居民文`, `…通讯员`,
/// `…我们，`. The opposite of [`ends_sentence`] for display-line tests:
/// a line ending in a comma, enumeration comma or colon is running text.
pub fn ends_in_clause_punct(text: &str) -> bool {
    matches!(
        crate::clean::trim_end(text).chars().next_back(),
        Some('，' | ',' | '、' | '：' | ':' | '—' | '-' | '（' | '(' | '“' | '《')
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`is_credit_line`], told whether the line is spaced as a `Line` is.
    fn credit(line: &str) -> bool {
        is_credit_line(line, line.contains(char::is_whitespace))
    }

    #[test]
    fn a_names_only_credit_after_a_sentence_closes_an_item() {
        assert!(ends_with_name_credit("…增设了两条新航线。（王五 赵六）"));
        assert!(ends_with_name_credit("…受到欢迎。”（记者王五）"));
        assert!(ends_with_name_credit("…受到欢迎。（记者 王五、赵六）"));
        assert!(ends_with_name_credit("…受到欢迎。（约翰•史密斯）"));
        // A photo's credit inside a piece; a bracket inside a sentence; a
        // note too long for names.
        assert!(!ends_with_name_credit("…新建的医院。（某某集团供图）"));
        assert!(!ends_with_name_credit("…的某市（某省省会）"));
        assert!(!ends_with_name_credit("…要做好三件事；（王五）"));
        assert!(!ends_with_name_credit(
            "…的规模。（本文作者系某某大学经济学院教授兼院长）"
        ));
    }

    #[test]
    fn a_line_opening_with_the_particle_de_is_a_wrap() {
        assert!(opens_with_bound_particle("的春季植树活动"));
        assert!(opens_with_bound_particle(" 的春季"));
        // Words of their own that open with it.
        assert!(!opens_with_bound_particle("的确如此"));
        assert!(!opens_with_bound_particle("的士司机"));
        assert!(!opens_with_bound_particle("的黎波里港口"));
        assert!(!opens_with_bound_particle("的姐十年义务送考"));
        assert!(!opens_with_bound_particle("春季植树日记"));
    }

    #[test]
    fn column_names_in_brackets_ocr_misread() {
        assert_eq!(bracketed_column_name("【职工心声】"), Some("职工心声"));
        assert_eq!(bracketed_column_name("[读者来信】"), Some("读者来信"));
        assert_eq!(bracketed_column_name("【一线手记]"), Some("一线手记"));
        assert_eq!(bracketed_column_name("[一线手记]"), Some("一线手记"));
        assert_eq!(bracketed_column_name("「读者来信」"), Some("读者来信"));
        assert_eq!(bracketed_column_name("■职工心声"), Some("职工心声"));
        // A solid mark before anything else is no column's name.
        assert_eq!(bracketed_column_name("■本报记者张三"), None);
        assert_eq!(bracketed_column_name("【百姓茶座"), Some("百姓茶座"));
        assert_eq!(bracketed_column_name("[注1]"), None);
        assert_eq!(bracketed_column_name("[百姓茶座"), None);
        assert_eq!(bracketed_column_name("【图】"), None);
    }

    #[test]
    fn numbered_subheads_but_not_ranges_of_numerals() {
        assert!(is_numbered_subhead("一、客流总量稳步回升"));
        assert!(is_numbered_subhead("（二）加强监测") && is_numbered_subhead("3．落实责任"));
        assert!(!is_numbered_subhead("一、二月份本市外贸进出口"));
        assert!(!is_numbered_subhead("三、四线城市房价平稳"));
        assert!(!is_numbered_subhead("12.5亿元"));
    }

    #[test]
    fn ad_markers_and_their_ocr_misreadings() {
        assert!(is_ad_line("广告") && is_ad_line("启事"));
        assert!(is_ad_line("厂告") && is_ad_line("三告"));
        assert!(!is_ad_line("三告诉") && !is_ad_line("告"));
    }

    #[test]
    fn holds_finds_chars_of_every_width() {
        for text in ["本报讯", "a讯b", "𠀀讯", "讯"] {
            for c in text.chars() {
                assert!(holds(text, c), "{text} {c}");
            }
        }
        assert!(!holds("本报讯", '电'));
        // U+4E2F and `讯` share their last UTF-8 byte; only the whole char counts.
        assert!(!holds("a\u{4e2f}", '讯'));
        assert!(!holds("", 'a'));
    }

    #[test]
    fn role_initials_cover_every_role() {
        for (word, _) in ROLES {
            let first = word.chars().next().unwrap();
            assert!(ROLE_INITIALS.contains(&first), "{word}");
        }
    }

    #[test]
    fn marks_are_the_chars_of_the_quick_tests() {
        for (c, mark) in MARK_CHARS {
            let role = if ROLE_INITIALS.contains(&c) {
                Marks::ROLE
            } else {
                0
            };
            assert_eq!(Marks::of(&format!("近日{c}某")), Marks(mark | role), "{c}");
        }
        assert_eq!(Marks::of("2019年4月19日"), Marks(Marks::YEAR));
        assert_eq!(
            Marks::of("本版编辑林禾|校对"),
            Marks(Marks::EDITION | Marks::ROLE)
        );
        assert_eq!(
            Marks::of("本报讯（记者张三）"),
            Marks(Marks::DATELINE | Marks::ROLE)
        );
        assert_eq!(
            Marks::of("近日，某车站职工自发完成了大幅剪纸画"),
            Marks(Marks::CLAUSE)
        );
        assert_eq!(Marks::of("近日某车站职工自发完成了大幅剪纸画"), Marks(0));
        assert_eq!(Marks::of(""), Marks(0));
        for c in ROLE_INITIALS {
            assert!(Marks::of(&c.to_string()).has(Marks::ROLE), "{c}");
        }
    }

    #[test]
    fn datelines() {
        assert_eq!(dateline_prefix("本报讯（记者韦晴）"), Some("本报讯"));
        assert_eq!(dateline_prefix("本报综合消息 近日"), Some("本报综合消息"));
        assert_eq!(
            dateline_prefix("某某网消息（记者张三）"),
            Some("某某网消息")
        );
        // A feature filed under its title: no report's dateline.
        assert_eq!(dateline_prefix("新华社某地5月3日电 题：春耕正当时"), None);
        assert_eq!(dateline_prefix("新华社某地5月3日电题:春耕正当时"), None);
        assert_eq!(
            dateline_prefix("新华社某地5月3日电 题材丰富的展览开幕"),
            Some("新华社某地5月3日电")
        );
        assert_eq!(
            dateline_prefix("本报北京11月20日电（记者王某）"),
            Some("本报北京11月20日电")
        );
        assert_eq!(dateline_prefix("本报上海电记者"), Some("本报上海电"));
        assert_eq!(
            dateline_prefix("新华社北京11月21日电（记者X）"),
            Some("新华社北京11月21日电")
        );
        assert_eq!(
            dateline_prefix("中新社广州5月3日电"),
            Some("中新社广州5月3日电")
        );
        assert_eq!(dateline_prefix("人民网北京电"), Some("人民网北京电"));
        assert_eq!(dateline_prefix("据新华社电近日"), Some("据新华社电"));
        assert_eq!(
            dateline_prefix("据《人民日报》报道"),
            Some("据《人民日报》报道")
        );
        // The longest form, and one glyph more.
        let longest = "据甲乙丙丁戊己庚社壬癸子丑寅卯十二月三十一日电";
        assert_eq!(dateline_prefix(longest), Some(longest));
        assert!(longest.chars().count() <= MAX_DATELINE_GLYPHS);
        assert_eq!(
            dateline_prefix("据甲乙丙丁戊己庚社壬癸子丑寅卯辰十二月三十一日电"),
            None
        );
        assert_eq!(
            dateline_prefix("南江日报讯（记者 曹振东）"),
            Some("南江日报讯")
        );
        assert_eq!(
            dateline_prefix("本报北京1月1日讯首都职工艺术团"),
            Some("本报北京1月1日讯")
        );
        assert_eq!(
            dateline_prefix("据新华社维也纳11月28日电（记者"),
            Some("据新华社维也纳11月28日电")
        );
        // OCR's misreadings of a digit in the date.
        assert_eq!(
            dateline_prefix("某某网？月9日电2月9日"),
            Some("某某网？月9日电")
        );
        assert_eq!(
            dateline_prefix("本报某地]月1日讯今日"),
            Some("本报某地]月1日讯")
        );
        assert_eq!(
            dateline_prefix("新华社某地I月6日电（记者"),
            Some("新华社某地I月6日电")
        );
        assert_eq!(dateline_prefix("据了解，今年"), None);
        assert_eq!(dateline_prefix("近日，南江市总工会"), None);
    }

    #[test]
    fn bylines_and_credits() {
        assert!(is_byline_line("□本报记者石岚"));
        assert!(is_byline_line("■记者王某"));
        assert!(is_byline_line("□本报记者沈川文/摄"));
        assert!(is_byline_line("文/张三图/李四"));
        assert!(!is_byline_line("本报讯（记者沈川）近日，"));
        assert!(credit("本报记者 沈川"));
        assert!(credit("本报记者沈川"));
        assert!(credit("通讯员 莫雨辰 摄影报道"));
        assert!(credit("李四 摄"));
        assert!(!credit("记者从滨河区人社局获悉"));
        assert!(!credit("滨河工会关爱职工打造服务品牌"));
        assert!(credit("（记者 张三 通讯员 李四）"));
        assert!(credit("张三、李四 摄影"));
        assert!(credit("（张三 摄）"));
        assert!(credit("（张三摄 ）"));
        assert!(credit("ＡＢ 本报记者 张三") == credit("AB 本报记者 张三"));
        assert!(!credit("工作人员 张三"));
        let t = "一线职工。 本报记者 程远 通讯员 柯宁 摄影报道";
        assert_eq!(
            &t[photo_credit_start(t).unwrap()..],
            "本报记者 程远 通讯员 柯宁 摄影报道"
        );
        assert_eq!(photo_credit_start("拍摄"), None);
        for t in ["图为活动现场。王小川/摄", "图为活动现场。摄影：王小川"] {
            assert_eq!(photo_credit_start(t), Some("图为活动现场。".len()), "{t}");
        }
        assert_eq!(photo_credit_start("他的爱好是摄影：山水人物"), None);
        let t = "图为活动现场。（本报记者 张三 摄）";
        assert_eq!(&t[photo_credit_start(t).unwrap()..], "（本报记者 张三 摄）");
        let t = "运动员在比赛中。 新华社记者 李贺 摄";
        assert_eq!(&t[photo_credit_start(t).unwrap()..], "新华社记者 李贺 摄");
    }

    #[test]
    fn furniture() {
        assert_eq!(
            page_date("2019年4月19日·星期五"),
            Some(("2019-04-19".into(), Some("星期五".into())))
        );
        assert_eq!(
            page_date("2023年5月6日星期六"),
            Some(("2023-05-06".into(), Some("星期六".into())))
        );
        assert_eq!(
            page_date("2020年9月18日（星期五）"),
            Some(("2020-09-18".into(), Some("星期五".into())))
        );
        assert_eq!(
            page_date("二〇二〇年九月十八日星期五"),
            Some(("2020-09-18".into(), Some("星期五".into())))
        );
        assert_eq!(
            page_date("二〇二一年十二月三十一日"),
            Some(("2021-12-31".into(), None))
        );
        assert_eq!(page_date("2019年4月19日，市总工会召开会议。"), None);
        assert_eq!(page_date("2019年4月19日召开职工代表大会"), None);
        assert_eq!(
            page_date("劳动午报2019年4月19日星期五第5版"),
            Some(("2019-04-19".into(), Some("星期五".into())))
        );
        let line =
            "本版编辑 林禾|美术编辑 周澜|校对 叶青|E—mail:a@b.com|本版热线电话:62418807 61370925";
        assert_eq!(
            staff(line),
            [("本版编辑", "林禾"), ("美术编辑", "周澜"), ("校对", "叶青")]
                .map(|(r, n)| (r.to_string(), n.to_string()))
        );
        assert_eq!(emails(line), ["a@b.com"]);
        assert_eq!(phones(line), ["62418807", "61370925"]);
        assert!(is_edition_line("责任编辑：张三"));
        assert_eq!(
            staff("责任编辑：张伟  校对：苏 樾"),
            [("责任编辑", "张伟"), ("校对", "苏樾")].map(|(r, n)| (r.to_string(), n.to_string()))
        );
    }

    #[test]
    fn display_shapes() {
        assert_eq!(
            sentence_byline("本报记者 刘洋 报道 近日"),
            Some("本报记者 刘洋 报道".len())
        );
        assert_eq!(sentence_byline("记者从市人社局获悉"), None);
        assert!(is_slogan("学习贯彻全市劳模表彰大会精神"));
        assert!(is_column_name("青年教师支教日记"));
        assert!(is_column_name("读者来信"));
        assert!(!is_column_name("南钢集团工会签订协议"));
        assert_eq!(
            signature("滨河供电局工会干部 谷川").as_deref(),
            Some("谷川")
        );
        assert_eq!(signature("统一配送防汛物资 设立防汛专项资金"), None);
        assert!(weekday_of_date("2023年4月12日", "星期三"));
        assert!(weekday_of_date("2024年2月29日", "周四"));
        assert!(weekday_of_date("2000年1月2日", "礼拜天"));
        assert!(!weekday_of_date("2023年4月13日", "星期三"));
        assert!(signed_with_post("滨河供电局工会干部 谷川"));
        assert!(signed_with_post("某车队职工 李华"));
        assert!(!signed_with_post("城南街道 新气象"));
        assert!(!signed_with_post("和谐社区 邻里亲"));
        assert!(files_a_title("新华社某市3月6日电题：稳就业"));
        assert!(!files_a_title("新华社某市3月6日电某市今天"));
        assert!(is_diary_entry_date("3月5日，农历二月十二，晴"));
        assert!(is_diary_entry_date("3月5日星期四晴"));
        assert!(!is_diary_entry_date("1月25日，市卫生部门组建6支医疗队"));
        assert!(is_date_only("6月23日"));
        assert!(!is_date_only("6月23日召开大会"));
        assert!(ends_sentence("的工作压力。"));
        assert!(ends_sentence("关怀。”"));
        assert!(!ends_sentence("分享“有声悦读”"));
        assert!(is_marked_caption("△资料图：市民在社区服务站登记"));
        assert!(splits_a_count("小区名单，新增728", "个！"));
        assert!(!splits_a_count("迎接2020", "新春音乐会"));
        assert!(!splits_a_count("聚焦冬奥2022", "张家口赛区场馆全部就绪"));
        assert!(!is_marked_caption("图为市民在社区服务站登记"));
        assert!(!is_marked_caption("▲登记早 服务早"));
        assert!(is_note_or_caption("（下转第三版）"));
        assert!(is_note_or_caption("图为志愿者在街头服务"));
        assert!(!is_note_or_caption("全面动员迎战高温酷暑"));
        assert!(is_source_note("本文转载自微信公众号：某某网"));
        assert!(is_source_note("来源：某某日报"));
        assert!(!is_source_note("来源广泛的职工书屋"));
        assert!(ends_sentence("守望的乡亲。（罗晓）"));
        // OCR read the credit's opening parenthesis as an angle bracket.
        assert!(ends_sentence("守望的乡亲。 〈罗晓)"));
        assert!(!ends_sentence("见〈规划纲要)"));
        assert!(ends_sentence("守望的乡亲。（摘自〈某某报〉）"));
        assert!(!ends_sentence("他说。〈注〉附录)"));
        assert!(!ends_sentence("（作者王五，李四译）"));
        assert!(is_bracketed_note("（作者王五，李四译）"));
        assert!(is_bracketed_note("(张三李四王五)"));
        assert!(!is_bracketed_note("（上）"));
        assert!(!is_bracketed_note("在工作中（试行）"));
        assert!(is_bracketed_note("（以下简称《意见》）"));
        assert!(!is_bracketed_note("（一）（二）"));
    }
}
