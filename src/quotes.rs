//! Pass 9, quotes: on a page whose curly double quotes OCR read the wrong
//! way round, each text's double quotes paired again in order.
//!
//! OCR tells `“` from `”` by a few pixels of a small glyph and reads many the
//! wrong way round; a text layer gives them as they were typeset. Printed
//! text nests its quotes, so a closing quote with none open, or two quotes
//! left open where a text ends (a quote that runs on into the next paragraph
//! leaves one open), cannot be as printed. One such text on a page is a
//! typesetter's slip, kept as printed; on a page with
//! [`MIN_MISREAD_TEXTS`] or more the page's quote directions are not to be
//! trusted, and every text whose double quotes do not alternate is paired
//! again in order of appearance, as straight quotes are (FORMAT.md,
//! cleaning convention 3). A text that holds single quotes too is read by
//! its double quotes alone, its single ones kept as read: OCR reads a
//! double quote as a single one as well, and which pairs with which cannot
//! be told (`某某的‘城市客厅”` → `某某的‘城市客厅“`, as the OCR pages of the
//! development corpus are written: every text's double quotes alternate).
//! A first quote that closes at a text's
//! start or after a sentence's end, an even number of quotes after it,
//! closes one the text before it opened: no misread, and it stays.
//!
//! ```text
//! 他说”好“，又说“行”。  →  他说“好”，又说“行”。
//! ```
//!
//! Quotes change glyph, never length: every source offset stays.

use crate::model::{Article, Page};

/// Texts with quotes in an order no printed text has, from which on a page
/// its quote directions are OCR's guesses.
pub const MIN_MISREAD_TEXTS: usize = 2;

/// Pairs the double quotes of every text of `page` in order when
/// [`MIN_MISREAD_TEXTS`] of its texts hold quotes no printed text holds, or
/// when the page was `recognized` from an image (OCR): then no quote's
/// direction is the print's, and each text's first quote opens, even one
/// that stands where a quote carried over would close.
///
/// ```
/// use jianbao::{parse, Options};
/// let text = "某地举行迎春活动\n\n本报讯 居民说”很好“，又说”热闹“。\n\n他们说”满意“。\n";
/// let page = parse(text, &Options::default());
/// let body: Vec<&str> = page.articles[0].blocks.iter().map(|b| b.text.as_str()).collect();
/// assert_eq!(body, ["居民说“很好”，又说“热闹”。", "他们说“满意”。"]);
/// ```
pub fn repair(page: &mut Page, recognized: bool) {
    if !recognized {
        let misread = page
            .articles
            .iter()
            .flat_map(texts)
            .filter(|t| misordered(t))
            .take(MIN_MISREAD_TEXTS)
            .count();
        if misread < MIN_MISREAD_TEXTS {
            return;
        }
    }
    let carry = !recognized;
    for a in &mut page.articles {
        for t in [&mut a.kicker, &mut a.title, &mut a.subtitle]
            .into_iter()
            .flatten()
        {
            pair_in_order(t, carry);
        }
        for b in &mut a.blocks {
            pair_in_order(&mut b.text, carry);
        }
    }
}

/// The texts of an article that quotes can stand in: its display lines and
/// its body.
fn texts(a: &Article) -> impl Iterator<Item = &str> {
    [&a.kicker, &a.title, &a.subtitle]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .chain(a.blocks.iter().map(|b| b.text.as_str()))
}

/// The curly quotes of `text`, found by their lead byte: the index of each
/// one's last UTF-8 byte, and that byte (`‘` `’` `“` `”` are `E2 80 98`,
/// `99`, `9C`, `9D`).
fn curly(text: &str) -> impl Iterator<Item = (usize, u8)> + '_ {
    let bytes = text.as_bytes();
    memchr::memchr_iter(0xE2, bytes).filter_map(move |i| match bytes.get(i + 1..i + 3) {
        Some(&[0x80, last @ (0x98 | 0x99 | 0x9C | 0x9D)]) => Some((i + 2, last)),
        _ => None,
    })
}

/// The double quotes of `text`: the index of each one's last UTF-8 byte,
/// and whether it opens.
fn quotes(text: &str) -> impl Iterator<Item = (usize, bool)> + '_ {
    curly(text).filter_map(|(i, last)| match last {
        0x9C => Some((i, true)),
        0x9D => Some((i, false)),
        _ => None,
    })
}

/// Whether `text`'s first double quote closes a quote carried over from
/// the text before it: it opens the text, or follows a sentence's end, as
/// a quoted speech ends, and an even number of quotes follows it, to pair
/// off (`责任。”他说，“我们…”`: a paragraph carried on from another column
/// or page). One right after words (`他说”好`) stands where a quote opens,
/// and one with an odd number after it (`”我们再来。“他们说。`) was read the
/// wrong way round with them.
fn carried_over(text: &str) -> bool {
    let mut marks = quotes(text);
    let Some((at, false)) = marks.next() else {
        return false;
    };
    // `at` is the quote's last byte; its first is two before.
    let after_end = text[..at - 2]
        .trim_end()
        .chars()
        .next_back()
        .is_none_or(crate::clean::is_terminal_punct);
    after_end && marks.count().is_multiple_of(2)
}

/// Whether `text`'s double quotes stand in an order no printed text has: a
/// closing quote with none open (`他说”好“`), or two left open at its end
/// (`“他说“好`). Not a first quote that closes one carried over
/// ([`carried_over`]).
fn misordered(text: &str) -> bool {
    let carried = carried_over(text);
    let mut open = 0usize;
    for (k, (_, opens)) in quotes(text).enumerate() {
        if opens {
            open += 1;
        } else if open > 0 {
            open -= 1;
        } else if k > 0 || !carried {
            return true;
        }
    }
    open >= 2
}

/// Rewrites `text`'s double quotes to alternate open–close in order of
/// appearance (`甲”乙“丙“丁”` → `甲“乙”丙“丁”`), after a first quote that
/// closes one carried over (`”甲“乙“` → `”甲“乙”`). Text whose quotes
/// alternate already is left untouched; else each quote's last byte is set
/// in place. Without `carry` the first quote opens whatever stands before
/// it.
fn pair_in_order(text: &mut String, carry: bool) {
    let lead = usize::from(carry && carried_over(text));
    let opens = |k: usize| k >= lead && (k - lead).is_multiple_of(2);
    let at: Vec<(usize, bool)> = quotes(text).collect();
    if at.iter().enumerate().all(|(k, &(_, q))| q == opens(k)) {
        return;
    }
    let mut bytes = std::mem::take(text).into_bytes();
    for (k, (i, _)) in at.into_iter().enumerate() {
        bytes[i] = if opens(k) { 0x9C } else { 0x9D };
    }
    *text = String::from_utf8(bytes).expect("a curly quote turned is a curly quote");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn orders_no_printed_text_has() {
        assert!(misordered("他说”好“。"));
        assert!(misordered("“甲”乙”丙"));
        assert!(misordered("“他说“好"));
        // A text that opens inside a quote the text before it opened.
        assert!(!misordered("”甲"));
        assert!(!misordered("责任。”他说，“我们走。”"));
        // Unless an odd number of quotes follows it: all read the wrong
        // way round.
        assert!(misordered("”我们再来。“他们说。"));
        // Nested, alternating, or one left open by a quote that runs on
        // into the next paragraph: as printed.
        assert!(!misordered("“甲“乙”丙”"));
        assert!(!misordered("“甲”乙“丙”"));
        assert!(!misordered("“他说，好"));
        assert!(!misordered("没有引号"));
        // Single quotes too: the double ones are read alone.
        assert!(misordered("他说”好‘，又说”行“"));
        assert!(!misordered("他说“好‘，又说”行"));
    }

    #[test]
    fn quotes_alternate_in_order() {
        let mut t = String::from("甲”乙“丙“丁”");
        pair_in_order(&mut t, true);
        assert_eq!(t, "甲“乙”丙“丁”");
        // A text that opens inside a quote keeps its first quote closing.
        let mut t = String::from("”甲“乙“");
        pair_in_order(&mut t, true);
        assert_eq!(t, "”甲“乙”");
        // Single quotes stay as read; the double ones alternate.
        let mut t = String::from("老街的‘城市客厅”");
        pair_in_order(&mut t, true);
        assert_eq!(t, "老街的‘城市客厅“");
    }

    fn page_of(texts: &[&str]) -> Page {
        let mut page = Page::default();
        for t in texts {
            let mut a = Article::new(crate::model::Kind::News);
            a.blocks.push(crate::model::Block {
                kind: crate::model::BlockType::Paragraph,
                text: t.to_string(),
                spans: Vec::new(),
            });
            page.articles.push(a);
        }
        page
    }

    fn body(page: &Page) -> Vec<&str> {
        page.articles
            .iter()
            .map(|a| a.blocks[0].text.as_str())
            .collect()
    }

    #[test]
    fn one_slip_on_a_page_stays_as_printed() {
        let texts = [
            "他建了“书屋”室”，又办了“讲堂”。",
            "“甲“乙”丙”",
            "责任。”他说，“我们走。”",
        ];
        let mut page = page_of(&texts);
        repair(&mut page, false);
        assert_eq!(body(&page), texts);
    }

    #[test]
    fn a_page_of_misread_quotes_is_paired_in_order() {
        let mut page = page_of(&[
            "他说”好“。",
            "甲”行“，她说。",
            "“甲“乙”丙”",
            "“他说，好",
            "走了。”他说”好“。",
            "”我们再来。“他们说。",
        ]);
        repair(&mut page, false);
        assert_eq!(
            body(&page),
            [
                "他说“好”。",
                "甲“行”，她说。",
                "“甲”乙“丙”",
                "“他说，好",
                "走了。”他说“好”。",
                "“我们再来。”他们说。",
            ]
        );
    }

    #[test]
    fn a_recognized_page_has_every_text_paired_from_an_opening_quote() {
        let texts = ["他建了“书屋”室”，又办了“讲堂”。", "有何关系？”每晚我读报。"];
        let mut page = page_of(&texts);
        repair(&mut page, false);
        assert_eq!(body(&page), texts);
        repair(&mut page, true);
        assert_eq!(
            body(&page),
            ["他建了“书屋”室“，又办了”讲堂“。", "有何关系？“每晚我读报。"]
        );
    }
}
