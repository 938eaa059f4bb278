//! Pass 0 — letter spacing: some extractors print a space between every two
//! glyphs of a line (`江 畔 晨 曦 ， 映 照`), where the PDF sets its type
//! letter-spaced or places each glyph on its own. Read as it stands, such a
//! line is half again as wide as its column, every glyph a word of its own
//! and every gap a phrase break. This pass takes those single spaces out of
//! the lines that are letter-spaced, so that the passes read the page as
//! printed; every range the passes report is mapped back to the input.
//!
//! A line is letter-spaced when at least half the places where two glyphs
//! of Chinese text meet hold a single space, and at least
//! [`MIN_SPACED_GAPS`] do: a headline of two phrases printed apart
//! (`守护民生 温暖职工`) or a byline's names (`记者 张三 李四`) are not.
//! Wider gaps stay: in letter-spaced type they part phrases. The pass runs
//! only where the extractor spaced the page, most of its lines: a few
//! letter-spaced lines among unspaced ones are lines justified to the
//! column's width (`上 ， 来 自 高 新 区 医 院 的 医 生`), whose spaces
//! tell the layout pass that they fill it.
//!
//! ```
//! let page = jianbao::parse("本 报 讯 （记 者 王 五） 市 交 通 委 昨 天 发 布 消 息 。", &Default::default());
//! assert_eq!(page.articles[0].dateline.as_deref(), Some("本报讯"));
//! assert_eq!(page.articles[0].byline.reporters, ["王五"]);
//! ```

use crate::clean::is_cjk_text;
use crate::lines::utf16_len;
use crate::Page;

/// Fewest single spaces between glyphs that make a line letter-spaced.
pub const MIN_SPACED_GAPS: usize = 3;
/// Share of a page's lines (numerator, denominator) that are letter-spaced
/// where the extractor spaced the page.
pub const SPACED_PAGE: (usize, usize) = (1, 2);
/// Lines shorter than this (bytes: four ideographs) are not counted.
const MIN_LINE_BYTES: usize = 12;

/// The input with the letter spacing taken out, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Despaced {
    /// The text the passes read.
    pub text: String,
    /// UTF-16 offsets in `text` right after each space taken out (the
    /// offset of the char that followed it), ascending.
    removed: Vec<u32>,
}

/// Takes the letter spacing out of `text`; `None` when no line is
/// letter-spaced.
///
/// ```
/// use jianbao::spacing::despace;
/// assert_eq!(despace("老 街 小 吃 店 为 何 长 盛 不 衰\n").unwrap().text, "老街小吃店为何长盛不衰\n");
/// assert!(despace("守护民生 温暖职工\n记者 张三 李四\n").is_none());
/// ```
pub fn despace(text: &str) -> Option<Despaced> {
    // A spaced page has about as many spaces as glyphs on half its lines
    // or more (a glyph of Chinese text is three bytes): most pages have
    // far fewer, told by one fast count.
    let spaces = memchr::memchr_iter(b' ', text.as_bytes()).count();
    if 18 * spaces < text.len() - spaces {
        return None;
    }
    // Each line (with its terminator) and whether it is letter-spaced.
    let lines: Vec<(&str, bool)> = text
        .split_inclusive('\n')
        .map(|line| (line, letter_spaced(line)))
        .collect();
    let counted = lines
        .iter()
        .filter(|(l, _)| l.trim_end().len() >= MIN_LINE_BYTES);
    let (total, spaced) = counted.fold((0, 0), |(n, k), &(_, s)| (n + 1, k + usize::from(s)));
    if spaced == 0 || spaced * SPACED_PAGE.1 < total * SPACED_PAGE.0 {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut removed = Vec::new();
    let mut units = 0u32;
    for (line, spaced) in lines {
        if !spaced && !short_and_spaced(line) {
            out.push_str(line);
            units += utf16_len(line);
            continue;
        }
        let mut chars = line.chars().peekable();
        let mut prev = None;
        while let Some(c) = chars.next() {
            if letter_gap(prev, Some(c), chars.peek().copied()) {
                removed.push(units);
            } else {
                out.push(c);
                units += c.len_utf16() as u32;
            }
            prev = Some(c);
        }
    }
    Some(Despaced { text: out, removed })
}

impl Despaced {
    /// Maps every range of `page` (read from [`Despaced::text`]) back to
    /// the input: a range widens by the spaces taken out inside it.
    pub fn restore(&self, page: &mut Page) {
        crate::pages::map_spans(page, |[a, b]| [self.start(a), self.end(b)]);
    }

    /// Where the char at `a` of the despaced text is in the input.
    fn start(&self, a: u32) -> u32 {
        a + self.removed.partition_point(|&r| r <= a) as u32
    }

    /// Where a range ending at `b` (exclusive) ends in the input.
    fn end(&self, b: u32) -> u32 {
        b + self.removed.partition_point(|&r| r < b) as u32
    }
}

/// At least half the meetings of Chinese text in `line` hold a single space,
/// and at least [`MIN_SPACED_GAPS`] do.
fn letter_spaced(line: &str) -> bool {
    // A quick test on the bytes: a letter-spaced line has about as many
    // spaces as glyphs (a glyph of Chinese text is three bytes); most
    // lines have none or a few.
    let spaces = memchr::memchr_iter(b' ', line.as_bytes()).count();
    if spaces < MIN_SPACED_GAPS || 9 * spaces < line.len() - spaces {
        return false;
    }
    let (spaced, tight) = meetings(line);
    spaced >= MIN_SPACED_GAPS && spaced >= tight
}

/// On a letter-spaced page, a short line spaced at every meeting of its
/// glyphs is spaced type too, with fewer gaps than [`MIN_SPACED_GAPS`]
/// only because it is short: `文/范 希 哲`, `（张 三）`.
fn short_and_spaced(line: &str) -> bool {
    if !line.contains(' ') {
        return false;
    }
    let (spaced, tight) = meetings(line);
    spaced > 0 && tight == 0
}

/// How many meetings of two glyphs in `line` (one of them Chinese text)
/// hold a single space, and how many meetings of Chinese text hold none.
fn meetings(line: &str) -> (usize, usize) {
    let (mut spaced, mut tight) = (0usize, 0usize);
    let mut chars = line.chars();
    let (mut a, mut b) = (None, chars.next());
    for c in chars.map(Some).chain(std::iter::once(None)) {
        if let (Some(x), Some(y)) = (a, b) {
            if y != ' ' && is_cjk_text(x) && is_cjk_text(y) {
                tight += 1;
            }
        }
        if letter_gap(a, b, c) {
            spaced += 1;
        }
        (a, b) = (b, c);
    }
    (spaced, tight)
}

/// `b` is a single space between glyphs `a` and `c`, one of them Chinese
/// text and the other Chinese text or an ASCII letter or digit.
fn letter_gap(a: Option<char>, b: Option<char>, c: Option<char>) -> bool {
    let (Some(a), Some(' '), Some(c)) = (a, b, c) else {
        return false;
    };
    let glyph = |x: char| is_cjk_text(x) || x.is_ascii_alphanumeric();
    glyph(a) && glyph(c) && (is_cjk_text(a) || is_cjk_text(c))
}

/// A span as [`Despaced::restore`] maps it.
#[cfg(test)]
fn restored(d: &Despaced, span: crate::Span) -> crate::Span {
    [d.start(span[0]), d.end(span[1])]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_map_back_to_the_input() {
        let input = "标题\n武 汉 疫 情，牵 动 人 心。\n";
        let d = despace(input).unwrap();
        assert_eq!(d.text, "标题\n武汉疫情，牵动人心。\n");
        // `疫情` in the despaced text is at 5..7; in the input, 7..10.
        assert_eq!(restored(&d, [5, 7]), [7, 10]);
        // The whole second line.
        let whole = restored(&d, [3, 13]);
        let utf16: Vec<u16> = input.encode_utf16().collect();
        assert_eq!(
            String::from_utf16(&utf16[whole[0] as usize..whole[1] as usize]).unwrap(),
            "武 汉 疫 情，牵 动 人 心。"
        );
    }

    #[test]
    fn phrases_printed_apart_and_names_stay() {
        for line in [
            "关注民生 服务职工",
            "记者 张三 李四",
            "ABB Group 中国",
            "全 市",
        ] {
            assert!(!letter_spaced(line), "{line}");
        }
        assert!(letter_spaced("全 市 职 工 运 动 会"));
        assert!(letter_spaced("投 资22.8亿 元 人 民 币"));
    }

    #[test]
    fn short_lines_of_a_letter_spaced_page_are_spaced_too() {
        // Two gaps only, fewer than a line needs on its own; on a spaced
        // page the signature is spaced type as well.
        let page = "社 区 读 书 会 为 何 长 盛 不 衰\n全 市 职 工 运 动 会 开 幕\n文/张 小 山\n";
        assert_eq!(
            despace(page).unwrap().text,
            "社区读书会为何长盛不衰\n全市职工运动会开幕\n文/张小山\n"
        );
        // On an unspaced page it stays as printed.
        assert!(despace("社区读书会为何长盛不衰\n文/张 小 山\n").is_none());
    }

    #[test]
    fn a_few_justified_lines_stay() {
        let page = "近日，某区总工会开展活动\n上 ， 来 自 经 开 区 法 庭 的 法 官\n讲解了劳动者维权的法律\n";
        assert!(despace(page).is_none());
    }

    #[test]
    fn wide_gaps_stay() {
        let d = despace("关 注 民 生   服 务 职 工").unwrap();
        assert_eq!(d.text, "关注民生   服务职工");
    }
}
