//! White space in clean text: none next to CJK text, one space between
//! Latin words or numbers, and on display lines one space between CJK
//! phrases printed apart, except in spaced-out display type. Also the
//! one-pass path of cleaning, for text whose only flaws are its spacing and
//! simple punctuation.

use super::punct::full_width_of;
use super::stays_as_is;
use super::tokens::{Tok, WS_NEWLINE};
use crate::clean::chars::{is_cjk, is_cjk_text, is_ideographic, is_ws, wide_run_with};

/// [`clean_body`](crate::clean::clean_body) in one pass, for text whose
/// only chars that cleaning touches are white space, ASCII `, : ; ? !` and
/// straight double quotes in an even number (most running text): runs of other chars are copied
/// whole; a cluster of those marks (white space between them only) goes full
/// width when the glyph before or after it is CJK text; a run of white space
/// becomes one space between two non-CJK glyphs and nothing elsewhere; paired
/// quotes go curly; all as the token stages would do. `None` as soon as a
/// char needs those stages (single quotes, an odd number of double quotes,
/// brackets, markup, full-width or invisible chars).
///
/// ```text
/// "采购防汛物资， 设立\n防汛专项" → "采购防汛物资，设立防汛专项"
/// "以 \"绿色出行\" 为主题,"       → "以“绿色出行”为主题，"
/// "了解到,2022年 4,000人"          → "了解到，2022年4,000人"
/// "用 Rust  and C 写"              → "用Rust and C写"
/// ```
pub(super) fn clean_spacing_only(raw: &str) -> Option<String> {
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
///
/// ```text
/// next_after_marks(",: 好") = Some('好')
/// ```
fn next_after_marks(text: &str) -> Option<char> {
    text.chars()
        .find(|&c| !is_ws(c) && !matches!(c, ',' | ':' | ';' | '?' | '!'))
}

/// Stage 5 (display only): which gaps belong to spaced-out display type and
/// go entirely. Returns one flag per token (the gap before it). When every
/// word is a single glyph (at least two of them ideographs) every gap goes;
/// else each run of three or more single ideographs closes up.
///
/// On display lines:
///
/// ```text
/// "全 市 职 工 运 动 会"   → "全市职工运动会"
/// "全 市 职 工  运动会"    → "全市职工 运动会"
/// "中 国 人民"             → "中 国 人民"    (a run of two: left as printed)
/// ```
pub(super) fn spaced_out_gaps(toks: &[Tok]) -> Vec<bool> {
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

/// The last stage: the tokens written out with the white space clean text
/// keeps. A gap next to CJK text goes, except on a display line between two
/// ideographs on one line (not in spaced-out type, [`spaced_out_gaps`]),
/// where it stays as one space; any other gap is one space. `capacity` is
/// the output's initial capacity (the raw text's length).
///
/// ```text
/// "用 Rust  and   C 写"                   → "用Rust and C写"
/// "冬奥会 2022"                           → "冬奥会2022"
/// display: "统一配送防汛物资  设立防汛专项资金" → "统一配送防汛物资 设立防汛专项资金"
/// display: "为困难邻居\n送温暖"               → "为困难邻居送温暖"
/// ```
pub(super) fn join_tokens(toks: &[Tok], display: bool, capacity: usize) -> String {
    let join = if display {
        spaced_out_gaps(toks)
    } else {
        Vec::new()
    };
    let mut out = String::with_capacity(capacity);
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
    use super::super::clean_tokens;
    use super::*;
    use crate::clean::{clean_body, clean_display};

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
    fn joins_lines() {
        assert_eq!(clean_body("江南理工大\n学校工会"), "江南理工大学校工会");
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
        assert_eq!(clean_body("调配物资、 设立防汛专"), "调配物资、设立防汛专");
        assert_eq!(clean_body("全\u{3000}市\t职\u{a0}工"), "全市职工");
        assert_eq!(clean_body("　　近日，记者"), "近日，记者");
        assert_eq!(clean_body("用 Rust  and   C 写"), "用Rust and C写");
        assert_eq!(clean_body("A \u{1f}B"), "A B");
        assert_eq!(clean_body("  \n "), "");
    }

    #[test]
    fn display_lines() {
        assert_eq!(
            clean_display("统一配送防汛物资  设立防汛专项资金"),
            "统一配送防汛物资 设立防汛专项资金"
        );
        assert_eq!(clean_display("全 市 职 工 运 动 会"), "全市职工运动会");
        assert_eq!(clean_display("中 国"), "中国");
        assert_eq!(clean_display("全 市 职 工  运动会"), "全市职工 运动会");
        assert_eq!(clean_display("中 国 人民"), "中 国 人民");
        assert_eq!(clean_display("为困难邻居\n送温暖"), "为困难邻居送温暖");
        assert_eq!(clean_display("冬奥会 2022"), "冬奥会2022");
        assert_eq!(clean_display("“三心服务” 提升"), "“三心服务”提升");
        assert_eq!(clean_display("  标题  "), "标题");
    }
}
