//! Pass 8b, inline: on a page recognized from an image, display type that
//! OCR read inside a sentence stays in that sentence, as read.
//!
//! A recognizer reads a page's text in the order its own layout analysis
//! finds blocks, and a headline, a banner or a headline's second line set
//! into a column can come out between two lines of a paragraph that runs
//! round it:
//!
//! ```text
//! 这本画册的编者着力描绘江南水
//!
//! 古籍里的山河岁月
//!
//! 乡的四季，用一幅幅图片串起
//! ```
//!
//! The text is kept as it was read (FORMAT.md, cleaning convention 7): the
//! paragraph holds the stretch OCR put in it, display line included
//! (`着力描绘江南水古籍里的山河岁月乡的四季`), while the display line still
//! heads what it heads. A text layer gives the print's own order, and a
//! paragraph broken round a headline there is the print's text without it:
//! this pass runs on recognized pages only.

use crate::clean::clean_body;
use crate::clean::is_terminal_punct;
use crate::model::{Article, BlockType, Page, Span};

/// Splices into each paragraph of `page` the display lines OCR read
/// between two of its stretches: where all the source `text` between them
/// (spans count UTF-16 units) is white space and display type standing on
/// lines of its own (a headline's, a kicker's, a subtitle's, a column
/// name's or a banner's lines, or display type kept as a paragraph).
///
/// ```
/// use jianbao::{parse, Options};
/// // Commas full width, colons and exclamation marks half width: OCR's habit.
/// let text = "某市建成智慧公交站\n\n本报讯 近日，某市首批智慧公交站\n投入使用，乘客可在站台查询车辆到\n站时间，还可扫码乘车，十分方便。\n\n站台的设施也有新意，设计者\n在站台每个角落都配有座椅和充电\n口，方便候车的市民。候车亭的顶上\n装有太阳能板，为站台的照明和显示\n\n城市客厅\n\n屏供电，节能又环保。\n\n市民说: 很方便! 他们问: 哪里\n还有? 有关部门表示，下月起全市推\n广，共建成一百座，覆盖主要道路。\n";
/// let page = parse(text, &Options::default());
/// assert!(page.articles[0].blocks[1].text.ends_with("照明和显示城市客厅屏供电，节能又环保。"));
/// ```
pub fn splice(page: &mut Page, text: &str) {
    let mut display: Vec<Span> = page.banner_spans.iter().flatten().copied().collect();
    for a in &page.articles {
        for spans in [
            &a.column_spans,
            &a.kicker_spans,
            &a.title_spans,
            &a.subtitle_spans,
        ] {
            display.extend(spans.iter().copied());
        }
    }
    // Display lines kept as a paragraph of their own where they fit no
    // article as a headline.
    display.extend(
        page.warnings
            .iter()
            .filter(|w| w.code == "display_kept_as_text")
            .flat_map(|w| w.spans.iter().copied()),
    );
    if display.is_empty() {
        return;
    }
    display.sort_unstable();
    let source = Source::new(text);
    let display_in = |gap: Span| -> Option<(Vec<Span>, String)> {
        let from = display.partition_point(|d| d[0] < gap[0]);
        let inside: Vec<Span> = display[from..]
            .iter()
            .take_while(|d| d[0] < gap[1])
            .copied()
            .filter(|d| d[1] <= gap[1])
            .collect();
        if inside.is_empty() || !source.covered(gap, &inside) {
            return None;
        }
        let lines: Vec<&str> = inside
            .iter()
            .map(|&d| source.slice(d))
            .collect::<Option<_>>()?;
        Some((inside, clean_body(&lines.join("\n"))))
    };
    let mut read_all: Vec<Span> = Vec::new();
    for a in &mut page.articles {
        let mut read_in: Vec<Span> = Vec::new();
        // Within a paragraph: between two of its stretches.
        for b in &mut a.blocks {
            let mut k = 0;
            // Where the text of the stretches up to `k` ends in the block's
            // text, found by counting glyphs (cleaning drops white space
            // and keeps one glyph for each other): one pass over both.
            let mut at = Glyphs::default();
            while k + 1 < b.spans.len() {
                let end = at.past(&b.text, source.slice(b.spans[k]));
                let found = display_in([b.spans[k][1], b.spans[k + 1][0]])
                    .and_then(|(inside, read)| Some((end?, inside, read)));
                if let Some((end, inside, read)) = found {
                    b.text.insert_str(end, &read);
                    at.skip(read.len());
                    read_in.extend(&inside);
                    let n = inside.len();
                    b.spans.splice(k + 1..k + 1, inside);
                    k += n;
                }
                k += 1;
            }
        }
        // Across two paragraphs where the first ends no sentence: one
        // paragraph the display line broke.
        let blocks = std::mem::take(&mut a.blocks);
        for b2 in blocks {
            let found = a.blocks.last().and_then(|b1| {
                let joins = b1.kind == BlockType::Paragraph
                    && b2.kind == BlockType::Paragraph
                    && !b1.text.ends_with(is_terminal_punct);
                match (joins, b1.spans.last(), b2.spans.first()) {
                    (true, Some(s1), Some(s2)) if s1[1] <= s2[0] => display_in([s1[1], s2[0]]),
                    _ => None,
                }
            });
            match (found, a.blocks.last_mut()) {
                (Some((inside, read)), Some(b1)) => {
                    read_in.extend(&inside);
                    b1.text.push_str(&read);
                    b1.text.push_str(&b2.text);
                    b1.spans.extend(inside);
                    b1.spans.extend(b2.spans);
                }
                _ => a.blocks.push(b2),
            }
        }
        drop_heads_read_in(a, &read_in);
        if !read_in.is_empty() {
            a.spans.extend(&read_in);
            a.spans.sort_unstable();
            a.spans.dedup();
        }
        read_all.extend(read_in);
    }
    if read_all.is_empty() {
        return;
    }
    // A display line kept as a paragraph of its own, now read inside the
    // one it interrupts: its block goes, and so does the warning that it
    // was kept apart.
    read_all.sort_unstable();
    let read = |s: &Span| read_all.binary_search(s).is_ok();
    for a in &mut page.articles {
        a.blocks
            .retain(|b| b.spans.is_empty() || !b.spans.iter().all(read));
    }
    page.warnings
        .retain(|w| w.code != "display_kept_as_text" || !w.spans.iter().all(read));
}

/// The page's text, read by spans: UTF-16 offsets mapped to bytes.
struct Source<'t> {
    text: &'t str,
    /// Byte offset of each UTF-16 unit that starts a char, then the
    /// text's length; `usize::MAX` for the second unit of a pair.
    bytes: Vec<usize>,
}

impl<'t> Source<'t> {
    fn new(text: &'t str) -> Self {
        let mut bytes = Vec::with_capacity(text.len() + 1);
        for (b, c) in text.char_indices() {
            bytes.push(b);
            if c.len_utf16() == 2 {
                bytes.push(usize::MAX);
            }
        }
        bytes.push(text.len());
        Source { text, bytes }
    }

    /// The byte offset of UTF-16 offset `u`, if a char starts there.
    fn byte(&self, u: u32) -> Option<usize> {
        self.bytes
            .get(u as usize)
            .copied()
            .filter(|&b| b != usize::MAX)
    }

    /// The text of span `s`, if it falls on char boundaries.
    fn slice(&self, s: Span) -> Option<&'t str> {
        self.text.get(self.byte(s[0])?..self.byte(s[1])?)
    }

    /// Whether every char of `gap` that is not white space lies in one of
    /// the display spans `inside`, each of which stands on lines of its
    /// own (not a column printed beside another, whose line holds text of
    /// its neighbour too).
    fn covered(&self, gap: Span, inside: &[Span]) -> bool {
        let mut at = gap[0];
        for &d in inside.iter().chain(std::iter::once(&[gap[1], gap[1]])) {
            if d[0] < at {
                return false;
            }
            match self.slice([at, d[0]]) {
                Some(between) if between.trim().is_empty() => {}
                _ => return false,
            }
            at = d[1];
        }
        inside.iter().all(|&d| self.own_lines(d))
    }

    /// Whether span `d` has only white space before it and after it on
    /// its first and last lines.
    fn own_lines(&self, d: Span) -> bool {
        let (Some(start), Some(end)) = (self.byte(d[0]), self.byte(d[1])) else {
            return false;
        };
        let before = &self.text[..start];
        let after = &self.text[end..];
        let first = &before[before.rfind('\n').map_or(0, |i| i + 1)..];
        let last = &after[..after.find('\n').unwrap_or(after.len())];
        first.trim().is_empty() && last.trim().is_empty()
    }
}

/// A cursor in a block's cleaned text, moved past the glyphs of the raw
/// stretches it was cleaned from.
#[derive(Default)]
struct Glyphs {
    /// Byte offset in the block's text.
    at: usize,
}

impl Glyphs {
    /// Moves past the glyphs (chars not white space) of `raw` in `text`
    /// and returns the offset there, where the char before it matches the
    /// raw stretch's last glyph as cleaning keeps it (the same, or a mark
    /// either width); `None` (and the cursor lost) where they do not.
    fn past(&mut self, text: &str, raw: Option<&str>) -> Option<usize> {
        let raw = raw?;
        let n = raw.chars().filter(|c| !c.is_whitespace()).count();
        let rest = text.get(self.at..)?;
        let mut seen = 0;
        let mut end = None;
        for (i, c) in rest.char_indices() {
            if c.is_whitespace() {
                continue;
            }
            seen += 1;
            if seen == n {
                end = Some((self.at + i + c.len_utf8(), c));
                break;
            }
        }
        let (end, last) = end.filter(|_| n > 0)?;
        let raw_last = raw.chars().rev().find(|c| !c.is_whitespace())?;
        let same = last == raw_last
            || last == crate::clean::fold_char(raw_last)
            || (!last.is_alphanumeric() && !raw_last.is_alphanumeric());
        if !same {
            self.at = usize::MAX;
            return None;
        }
        self.at = end;
        Some(end)
    }

    /// Moves past `n` bytes inserted at the cursor.
    fn skip(&mut self, n: usize) {
        self.at = self.at.saturating_add(n);
    }
}

/// A headline line OCR read inside the article's own text, where the
/// article has a headline above its text besides: a wrapped headline's
/// last words that the recognizer found apart from the rest
/// (`某市公布首批达标小区、` above the text, `社区` inside it), text
/// of the body as read, not a headline of its own.
fn drop_heads_read_in(a: &mut Article, read_in: &[Span]) {
    let inside = |spans: &[Span]| !spans.is_empty() && spans.iter().all(|s| read_in.contains(s));
    let read = [
        inside(&a.kicker_spans),
        inside(&a.title_spans),
        inside(&a.subtitle_spans),
    ];
    let present = [a.kicker.is_some(), a.title.is_some(), a.subtitle.is_some()];
    let kept = (0..3).filter(|&k| present[k] && !read[k]).count();
    if kept == 0 || !read.contains(&true) {
        return;
    }
    if read[0] {
        (a.kicker, a.kicker_spans, a.kicker_confidence) = (None, Vec::new(), None);
    }
    if read[2] {
        (a.subtitle, a.subtitle_spans, a.subtitle_confidence) = (None, Vec::new(), None);
    }
    if read[1] {
        // The line above the text left is the title.
        if a.kicker.is_some() {
            a.title = a.kicker.take();
            a.title_spans = std::mem::take(&mut a.kicker_spans);
            a.title_confidence = a.kicker_confidence.take();
        } else {
            a.title = a.subtitle.take();
            a.title_spans = std::mem::take(&mut a.subtitle_spans);
            a.title_confidence = a.subtitle_confidence.take();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{parse, Kind, Options};

    /// A page OCR read: commas full width, other marks half width.
    const READ: &str = "某市建成智慧公交站\n\n本报讯 近日，某市首批智慧公交站\n投入使用，乘客可在站台查询车辆到\n站时间，还可扫码乘车，十分方便。\n\n站台的设施也有新意，设计者\n在站台每个角落都配有座椅和充电\n口，方便候车的市民。候车亭的顶上\n装有太阳能板，为站台的照明和显示\n\n城市客厅\n\n屏供电，节能又环保。\n\n市民说: 很方便! 他们问: 哪里\n还有? 有关部门表示，下月起全市推\n广，共建成一百座，覆盖主要道路。\n";

    fn second_paragraph(text: &str) -> String {
        parse(text, &Options::default()).articles[0].blocks[1]
            .text
            .clone()
    }

    #[test]
    fn a_recognized_page_keeps_display_type_in_the_sentence_it_interrupts() {
        assert_eq!(
            second_paragraph(READ),
            "站台的设施也有新意，设计者在站台每个角落都配有座椅和充电口，方便候车的市民。候车亭的顶上装有太阳能板，为站台的照明和显示城市客厅屏供电，节能又环保。"
        );
        // Typeset, every mark full width: the print's text, without it.
        let typeset = READ
            .replace(": ", "：")
            .replace('!', "！")
            .replace('?', "？");
        assert_eq!(
            second_paragraph(&typeset),
            "站台的设施也有新意，设计者在站台每个角落都配有座椅和充电口，方便候车的市民。候车亭的顶上装有太阳能板，为站台的照明和显示屏供电，节能又环保。"
        );
    }

    fn headed(kicker: &str, title: &str) -> Article {
        let mut a = Article::new(Kind::News);
        a.kicker = Some(kicker.into());
        a.kicker_spans = vec![[0, 11]];
        a.title = Some(title.into());
        a.title_spans = vec![[50, 52]];
        a
    }

    #[test]
    fn a_headline_line_read_inside_the_text_heads_it_only_alone() {
        // Read inside, with a line above the text besides: body only.
        let mut a = headed("某市公布首批达标小区、", "社区");
        drop_heads_read_in(&mut a, &[[50, 52]]);
        assert_eq!(a.title.as_deref(), Some("某市公布首批达标小区、"));
        assert_eq!((a.kicker, a.title_spans), (None, vec![[0, 11]]));
        // Every headline line read inside: they still head it.
        let mut a = headed("某市公布首批达标小区、", "社区");
        drop_heads_read_in(&mut a, &[[0, 11], [50, 52]]);
        assert_eq!(a, headed("某市公布首批达标小区、", "社区"));
    }

    fn paragraph(text: &str, spans: &[Span]) -> crate::Block {
        crate::Block {
            kind: BlockType::Paragraph,
            text: text.into(),
            spans: spans.to_vec(),
        }
    }

    /// `article` alone on a page of `text`, with `warnings`, spliced.
    fn spliced(text: &str, article: Article, warnings: Vec<crate::Warning>) -> Article {
        let mut page = Page {
            articles: vec![article],
            warnings,
            ..Page::default()
        };
        splice(&mut page, text);
        page.articles.remove(0)
    }

    /// A column piece of two paragraphs with its name's span.
    fn column_piece(name: Span, first: crate::Block, second: crate::Block) -> Article {
        let mut a = Article::new(Kind::Column);
        a.column_spans = vec![name];
        a.blocks = vec![first, second];
        a
    }

    #[test]
    fn a_paragraph_broken_round_a_column_name_reads_on_through_it() {
        let a = column_piece(
            [9, 12],
            paragraph("甲乙丙这个思想", &[[0, 7]]),
            paragraph("的由来，可以。", &[[14, 21]]),
        );
        let text = "甲乙丙这个思想\n\n【茶座\n\n的由来，可以。\n";
        assert_eq!(
            spliced(text, a, Vec::new()).blocks,
            [paragraph(
                "甲乙丙这个思想【茶座的由来，可以。",
                &[[0, 7], [9, 12], [14, 21]]
            )]
        );
        // A paragraph that ends its sentence ends there.
        let a = column_piece(
            [10, 13],
            paragraph("甲乙丙这个思想。", &[[0, 8]]),
            paragraph("的由来，可以。", &[[15, 22]]),
        );
        let text = "甲乙丙这个思想。\n\n【茶座\n\n的由来，可以。\n";
        assert_eq!(spliced(text, a.clone(), Vec::new()), a);
    }

    #[test]
    fn display_type_kept_as_a_paragraph_moves_into_the_one_it_interrupts() {
        let text = "甲乙丙这个思想\n\n茶座\n\n的由来，可以。\n";
        let mut a = Article::new(Kind::Feature);
        a.blocks = vec![
            paragraph("甲乙丙这个思想的由来，可以。", &[[0, 7], [13, 20]]),
            paragraph("茶座", &[[9, 11]]),
        ];
        let kept = crate::Warning {
            code: "display_kept_as_text".into(),
            message: String::new(),
            spans: vec![[9, 11]],
        };
        assert_eq!(
            spliced(text, a, vec![kept]).blocks,
            [paragraph(
                "甲乙丙这个思想茶座的由来，可以。",
                &[[0, 7], [9, 11], [13, 20]]
            )]
        );
    }

    #[test]
    fn spans_count_utf16_units() {
        // A glyph outside the BMP before the gap: two units, one char.
        let text = READ.replace("近日，某市", "近日，𠮷市");
        assert!(second_paragraph(&text).contains("照明和显示城市客厅屏供电"));
    }

    #[test]
    fn display_type_on_a_line_with_other_text_stays_apart() {
        // Two columns side by side: the other column's headline stands
        // on the paragraph's own line, after its first stretch.
        let text = "甲乙丙这个思想    茶座\n的由来，可以。\n";
        let mut a = Article::new(Kind::Feature);
        a.blocks = vec![paragraph(
            "甲乙丙这个思想的由来，可以。",
            &[[0, 7], [14, 21]],
        )];
        a.title = Some("茶座".into());
        a.title_spans = vec![[11, 13]];
        assert_eq!(spliced(text, a.clone(), Vec::new()), a);
    }
}
