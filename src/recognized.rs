//! Whether a page's text was recognized from an image (OCR) rather than
//! taken from a text layer: its punctuation mixes widths no typesetter
//! mixes.
//!
//! A Chinese typesetter sets all of a page's punctuation one width: full
//! width (`，` `：` `？` `（`), or, where a tool after it folded the page,
//! half width throughout (`,` `:` `?` `(`). A recognizer decides each mark
//! by its shape alone, and the marks whose full- and half-width glyphs look
//! alike it reads at its own habit: the comma and full stop full width
//! beside colons, question and exclamation marks and semicolons half width
//! (`关系?” 每晚`, `时间: 3月`). A page whose commas are full width and
//! whose other marks beside ideographs are half width was recognized, and
//! what OCR decides by a glyph's few pixels — which way a quote turns — is
//! its guess, not the print. (Brackets are no evidence: text layers print
//! half-width ones beside ideographs too, `(上接第一版)`.)
//!
//! ```text
//! 会议指出，要加快建设。他说: “好!”   → recognized (with enough such marks)
//! 会议指出，要加快建设。他说：“好！”  → typeset: one width
//! 会议指出,要加快建设。他说:"好!"     → folded: one width
//! ```

use crate::clean::{ends_in_cjk, join_spaced_digits, opening_cjk, reread_recognized_widths};
use crate::model::Page;

/// Fewest half-width marks beside ideographs that make the mix.
pub const MIN_NARROW_MARKS: usize = 3;
/// Half-width marks beside ideographs outnumber full-width ones this many
/// times over on a recognized page (on the development corpus's OCR pages
/// no full-width one is read at all; its text-layer pages print at most
/// two half-width ones, against up to 55 full-width).
pub const NARROW_OVER_WIDE: usize = 10;
/// Fewest full-width commas: enough running text to judge.
pub const MIN_WIDE_COMMAS: usize = 10;
/// Full-width commas outnumber half-width ones beside ideographs this many
/// times over: the page was not folded to half width.
pub const WIDE_OVER_NARROW_COMMAS: usize = 4;

/// Whether the page's punctuation mixes widths as a recognizer reads it:
/// commas full width, colons, semicolons, question and exclamation marks
/// beside ideographs half width.
///
/// Read on the bytes: a full-width mark is `EF BC xx`, an ideograph a
/// three-byte char led by `E4`–`E9`.
pub fn recognized(text: &str) -> bool {
    let n = Counts::of(text);
    n.narrow_marks >= MIN_NARROW_MARKS
        && n.narrow_marks >= NARROW_OVER_WIDE * n.wide_marks
        && n.wide_commas >= MIN_WIDE_COMMAS
        && n.wide_commas >= WIDE_OVER_NARROW_COMMAS * n.narrow_commas
}

/// Pass 9b: on a recognized page, every text's punctuation re-read by
/// [`reread_recognized_widths`]: the recognizer's widths are its habit, not
/// the print's, so each mark's width is the one its neighbours call for
/// (`说”，“好` → `说”,“好`: no ideograph beside the comma); and digits it
/// set apart, as it reads full-width ones, one number again.
pub fn reread_widths(page: &mut Page) {
    for b in &mut page.banners {
        reread(b);
    }
    for a in &mut page.articles {
        let fields = [
            &mut a.column,
            &mut a.kicker,
            &mut a.title,
            &mut a.subtitle,
            &mut a.signature,
        ];
        let texts = fields
            .into_iter()
            .flatten()
            .chain(a.blocks.iter_mut().map(|b| &mut b.text));
        texts.for_each(reread);
    }
}

/// A text re-read as [`reread_widths`] says, and its digits that OCR set
/// apart one number again ([`join_spaced_digits`]: `2 0 1 9年` → `2019年`).
fn reread(text: &mut String) {
    if let Some(reread) = reread_recognized_widths(text) {
        *text = reread;
    }
    if let Some(joined) = join_spaced_digits(text) {
        *text = joined;
    }
}

/// Marks counted by width.
#[derive(Default)]
struct Counts {
    /// `：` `；` `？` `！`.
    wide_marks: usize,
    /// `:` `;` `?` `!` beside an ideograph.
    narrow_marks: usize,
    /// `，`.
    wide_commas: usize,
    /// `,` beside an ideograph.
    narrow_commas: usize,
}

impl Counts {
    /// Counts the marks of a text, found with `memchr` (running text
    /// holds few).
    fn of(text: &str) -> Counts {
        let b = text.as_bytes();
        // A half-width mark is one byte: the text before it and after it
        // are whole chars.
        let beside = |i: usize| ends_in_cjk(&text[..i]) || opening_cjk(&b[i + 1..]).is_some();
        let mut n = Counts::default();
        for i in memchr::memchr3_iter(b':', b';', b'?', b) {
            n.narrow_marks += usize::from(beside(i));
        }
        for i in memchr::memchr3_iter(b'!', b',', 0xEF, b) {
            match b[i] {
                b'!' => n.narrow_marks += usize::from(beside(i)),
                b',' => n.narrow_commas += usize::from(beside(i)),
                _ if b.get(i + 1) == Some(&0xBC) => match b.get(i + 2) {
                    Some(0x8C) => n.wide_commas += 1,
                    Some(0x9A | 0x9B | 0x9F | 0x81) => n.wide_marks += 1,
                    _ => {}
                },
                _ => {}
            }
        }
        n
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const COMMAS: &str = "甲，乙，丙，丁，戊，己，庚，辛，壬，癸，子。\n";

    #[test]
    fn commas_full_width_and_other_marks_half_width() {
        let mixed = format!("{COMMAS}他说: 好!\n问甲乙?\n");
        assert!(recognized(&mixed));
        // Typeset: every mark full width.
        assert!(!recognized(&format!("{COMMAS}他说：好！\n问甲乙？\n")));
        // Folded: every mark half width, commas too.
        assert!(!recognized(&mixed.replace('，', ",")));
        // Too few marks to tell.
        assert!(!recognized(&format!("{COMMAS}他说: 好\n")));
        assert!(!recognized("甲，乙。他说: 好!\n问甲乙?\n"));
        // Half-width marks between digits or Latin are no evidence, nor
        // are brackets, which text layers print half width too.
        assert!(!recognized(&format!("{COMMAS}8:30 AB 1:2\n")));
        assert!(!recognized(&format!(
            "{COMMAS}(上接第一版)\n(记者 王林)(通讯员 李青)\n"
        )));
    }

    #[test]
    fn the_mix_must_hold_across_the_page() {
        // Ten half-width marks against one full-width: recognized; against
        // two, a typesetter's slips.
        let narrow = "他说:好!问甲?答乙;\n".repeat(2) + "又说:好!\n";
        assert!(recognized(&format!("{COMMAS}{narrow}他问：\n")));
        assert!(!recognized(&format!("{COMMAS}{narrow}他问：好！\n")));
        // Commas four times as often full width as half: recognized; less,
        // a page folded in part.
        let folded = "甲,乙,丙".to_string();
        assert!(recognized(&format!("{COMMAS}{narrow}{folded}\n")));
        assert!(!recognized(&format!("{COMMAS}{narrow}{folded}{folded}\n")));
    }

    #[test]
    fn a_recognized_page_reads_its_marks_by_their_neighbours() {
        // Commas full width, colons and question marks half width: OCR.
        let text =
            "某地举行迎春活动\n\n本报讯 居民们说: 今年的活动好，节目多，有看头，有年味，人气旺，\n\
                    老人来了，孩子来了，邻居也来了。有人问: 明年还办吗? 主办方说: 办。\n\
                    有人喊”好“，有人喊”妙“，”再来一个“，掌声不断，笑声不断……\n";
        let page = crate::parse(text, &crate::Options::default());
        let body: Vec<&str> = page.articles[0]
            .blocks
            .iter()
            .map(|b| b.text.as_str())
            .collect();
        assert_eq!(
            body,
            [
                "居民们说：今年的活动好，节目多，有看头，有年味，人气旺，老人来了，孩子来了，邻居也来了。\
                 有人问：明年还办吗？主办方说：办。",
                "有人喊“好”，有人喊“妙”,“再来一个”，掌声不断，笑声不断......"
            ]
        );
    }
}
