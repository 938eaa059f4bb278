//! Cleaning rules: how raw text becomes clean text, each rule a named
//! function over chars classed by [`super::chars`].
//!
//! [`clean_body`] and [`clean_display`], the entry points, take the one-pass
//! path [`spaces::clean_spacing_only`] when the text allows it (most running
//! text), and otherwise [`clean_tokens`], the stages over tokens:
//!
//! 1. and 2. [`tokens::tokenize`]: white space noted, full width folded,
//!    invisible chars and markup dropped;
//! 3. [`punct::convert_quotes`]: straight quotes to curly ones;
//! 4. [`punct::convert_punct`]: ASCII `, : ; ? ! ( )` next to Chinese text
//!    to full width;
//! 5. on display lines [`spaces::spaced_out_gaps`]: spaced-out display type
//!    closed up; then [`spaces::join_tokens`] writes the tokens out with the
//!    white space clean text keeps.
//!
//! [`undouble`] and [`undouble_tail`] ([`doubled`]) undo fake-bold doubled
//! glyphs: a property of a whole raw line, undone by callers before
//! cleaning.

use super::chars::{fold_char, is_cjk, is_invisible, is_ws};

mod doubled;
mod punct;
mod spaces;
mod tokens;

pub use doubled::{undouble, undouble_tail};
pub use punct::reread_recognized_widths;
use punct::{convert_punct, convert_quotes};
use spaces::{clean_spacing_only, join_tokens};
use tokens::tokenize;

/// Cleans a body paragraph given as its raw lines joined with `\n`.
///
/// Lines are joined (no space between CJK text, one space between Latin words
/// or numbers), white space next to CJK text goes, ASCII `, : ; ? ! ( )` next
/// to Chinese text become full width (a matched pair of brackets together),
/// straight quotes are paired into curly ones in order of appearance (when
/// their number is odd, a stray one is placed by context: before `，。` it
/// closes), full-width letters and digits become half width and markdown
/// remnants go (`**3847**`, `__x__`, a leading `#`/`##` heading marker). Digits
/// and Latin on both sides keep ASCII: `4.67亿`, `8:30`, `1,000`, e-mail
/// addresses and URLs. The result is trimmed.
///
/// ```
/// use jianbao::clean::clean_body;
/// let raw = "本报讯 （记者 唐悦悦） 记者\n从2020年滨河区文化工作座谈会上获悉 ，\n读者**3847**万人次";
/// assert_eq!(clean_body(raw), "本报讯（记者唐悦悦）记者从2020年滨河区文化工作座谈会上获悉，读者3847万人次");
/// assert_eq!(clean_body("读者信息登记 24516人次 。同时"), "读者信息登记24516人次。同时");
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
/// assert_eq!(clean_display("统一配送防汛物资  设立防汛专项资金"), "统一配送防汛物资 设立防汛专项资金");
/// assert_eq!(clean_display("全 市 职 工 运 动 会"), "全市职工运动会");
/// assert_eq!(clean_display("学习贯彻全市劳模表彰大会精神\n谱写滨江社区工作新篇章"),
///            "学习贯彻全市劳模表彰大会精神谱写滨江社区工作新篇章");
/// assert_eq!(clean_display("滨河工会\"三心服务法\" 让职工更舒心"), "滨河工会“三心服务法”让职工更舒心");
/// ```
pub fn clean_display(raw: &str) -> String {
    clean(raw, true)
}

/// Cleans `raw` as a display line (`display`) or as body text. Body text
/// takes the one-pass path when it answers; a display line whose chars all
/// stay as they are ([`stays_as_is`]) is returned as it is; anything else
/// goes through the stages over tokens.
///
/// ```text
/// clean("以 \"绿色出行\" 为主题,", false) = "以“绿色出行”为主题，"   (one pass)
/// clean("驿站(便民驿站)。", false)         = "驿站（便民驿站）。"     (tokens)
/// clean("地铁职工学剪纸", true)             = "地铁职工学剪纸"         (as it is)
/// ```
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

/// A char that no stage of cleaning touches, whatever its neighbours: an
/// ideograph, or any glyph that is not white space, invisible, full-width
/// ASCII, markup (`*_#`), a straight quote or ASCII `, : ; ? ! ( )`. Text made
/// only of such chars is clean already.
#[inline]
pub(super) fn stays_as_is(c: char) -> bool {
    is_cjk(c)
        || !(is_ws(c)
            || is_invisible(c)
            || fold_char(c) != c
            || matches!(
                c,
                '*' | '_' | '#' | '"' | '\'' | ',' | ':' | ';' | '?' | '!' | '(' | ')'
            ))
}

/// The cleaning stages over tokens (see the module docs): any raw text,
/// markup, brackets, stray quotes and full-width forms included.
///
/// ```text
/// "读者**3847**万人次,得到了居民的 一致好评。" → "读者3847万人次，得到了居民的一致好评。"
/// "驿站(便民驿站)。各区"                       → "驿站（便民驿站）。各区"
/// ```
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
    join_tokens(&toks, display, raw.len())
}

/// A number whose digits OCR set apart, as it reads full-width digits
/// (`2 0 1 9年`, `约6 4 .5万`), is one number again: a single space
/// between two digits goes where the digit before it or the one after it
/// stands alone. Two numbers of several digits keep theirs (`2020 2021`).
///
/// Read on recognized pages only (pass 9b): a text layer spaces digits
/// as printed (`Windows 7 8 10`, `1 000 000`, a score `3 1`).
///
/// ```
/// use jianbao::clean::join_spaced_digits;
/// assert_eq!(join_spaced_digits("前年 2 0 1 9年").as_deref(), Some("前年 2019年"));
/// assert_eq!(join_spaced_digits("客流约6 4 .5万").as_deref(), Some("客流约64.5万"));
/// assert_eq!(join_spaced_digits("型号2020 2021"), None);
/// ```
pub fn join_spaced_digits(text: &str) -> Option<String> {
    let b = text.as_bytes();
    let gaps: Vec<usize> = memchr::memchr_iter(b' ', b)
        .filter(|&i| {
            let digit = |j: Option<usize>| j.and_then(|j| b.get(j)).is_some_and(u8::is_ascii_digit);
            let lone_before = digit(i.checked_sub(1))
                && !digit(i.checked_sub(2))
                && i.checked_sub(2).and_then(|j| b.get(j)) != Some(&b'.');
            let lone_after =
                digit(Some(i + 1)) && !digit(Some(i + 2)) && b.get(i + 2) != Some(&b'.');
            let after = digit(Some(i + 1)) || (b.get(i + 1) == Some(&b'.') && digit(Some(i + 2)));
            digit(i.checked_sub(1)) && after && (lone_before || lone_after)
        })
        .collect();
    if gaps.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    for i in gaps {
        out.push_str(&text[from..i]);
        from = i + 1;
    }
    out.push_str(&text[from..]);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::chars::{folds, is_cjk_text, COMMON_CJK_PUNCT};
    use crate::clean::fold_width;

    #[test]
    fn common_cjk_punct_is_cjk_text_that_stays() {
        for c in COMMON_CJK_PUNCT {
            assert!(is_cjk_text(c) && stays_as_is(c), "{c}");
            assert!(fold_char(c) == c && !folds(c) && !is_ws(c), "{c}");
        }
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
    fn digits_set_apart_are_one_number_again() {
        let joined = |s: &str| join_spaced_digits(&clean_body(s)).unwrap_or_else(|| clean_body(s));
        assert_eq!(
            joined("前年 2 0 1 9 年，客流约6 4 .5 万人次"),
            "前年2019年，客流约64.5万人次"
        );
        // Two numbers of several digits, or a word and a number: apart.
        assert_eq!(
            joined("型号 2020 2021 与 ABB 2 号"),
            "型号2020 2021与ABB 2号"
        );
        // Cleaning alone keeps a text layer's spacing.
        assert_eq!(clean_body("以3 1战胜"), "以3 1战胜");
    }

    #[test]
    fn idempotent_and_defect_free() {
        let fixed = [
            "本报讯 （记者 韦晴 通讯员\n陆晓川） 调配物资、 设立防汛专",
            "提出\"家运营新模式,提出\"和家\",吸纳社会家\"和\"家心驿站\"",
            "\"叮铃铃,这里是12351职工援助专线,请问您想咨询什么 那以上\"",
            "#** abc",
            "_**_",
            "**# 中文**",
            "(,中",
            "中(A),x)",
            "#\nabc",
            "a\n#",
            "据了解,评选的\"优秀社区职工之家示范服务点\"须是张贴全区统一标牌、社区新就业者爱心屋(爱心小屋)。各街道工会、各行\n\n业协会可因地制宜推进",
            "会员**3174**万人次,赢得了职工的 普遍好评。",
            "结合假期前后青年人的个性\n化需求， 该厂工会在帮扶资金中\n预留30%的额度， 由车间工会采",
            "2019年4月19日·星期五\n本版编辑 林禾|美术编辑 周澜|校对 叶青|E—mail:xhzbbj@126.com|本版热线电话:62418807 61370925",
            "为为困困难难邻邻居居\n送送温温暖暖",
            "全 市 职 工 运 动 会",
            "Advertisement for Qingshan Tea (青山茶叶). Includes contact information: 订购咨询热线:62470318.",
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
