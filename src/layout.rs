//! Pass 2 — layout: what the page's line widths, blank lines and indents say
//! about how it was set and extracted, measured once for every later pass.
//!
//! A page set in narrow columns and extracted line by line shows its column
//! width over and over: every line inside a paragraph fills the column
//! (`市政府十分重视，扎实推进` is as wide as the lines around it), the
//! first line of a paragraph is two cells short when the printed indent was
//! dropped, and the last line is as long as the sentence left. Headlines
//! are set in other type and break at other widths. [`Layout::shape`] tells
//! where a line stands against the column width *around it* (pages mix
//! column widths), [`Layout::blanks`] what a blank line means on this page
//! and [`Layout::indents`] how paragraph starts are marked.

use crate::classify::{Classified, LineKind};
use crate::conventions::Marks;
use crate::lines::Line;
use crate::recognized::recognized;

/// How a page uses blank lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Blanks {
    /// Hardly any (a blank on fewer than one line in [`RARE_BLANKS`]).
    None,
    /// Mostly after a sentence end: blank lines part paragraphs (and
    /// display groups). A blank inside a sentence is still a column break.
    Paragraphs,
    /// Mostly inside sentences: blank lines mark column and block breaks
    /// and say nothing about paragraphs.
    Breaks,
}

/// How a page marks the first line of a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Indents {
    /// Not at all, or not in a way the text shows.
    None,
    /// Leading white space: `　　`, a tab, two to eight spaces.
    Spaces,
    /// A first line about two cells shorter than the column: the printed
    /// indent, dropped by the extractor.
    Width,
}

/// Where a line stands against the column width around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Fills the column (a line inside a paragraph).
    Full,
    /// About two cells short: a paragraph's first line on a page whose
    /// indents are dropped, or a short last line.
    Indent,
    /// Clearly shorter than the column.
    Short,
    /// Wider than the column: display type across columns, or a line of
    /// another block.
    Wide,
    /// The page has no column width (one paragraph per line).
    Free,
}

/// The page's layout.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    /// The width of a full line of running text on most of the page, in
    /// ideograph cells, when the page is set in narrow columns (hard wraps
    /// every 6–40 cells); `None` when paragraphs come one per line.
    pub column: Option<f32>,
    /// What blank lines mean.
    pub blanks: Blanks,
    /// How paragraph starts are marked.
    pub indents: Indents,
    /// White space between two ideographs is common in running text
    /// (OCR, justified extraction), so it does not set display phrases
    /// apart.
    pub spaced_text: bool,
    /// Full-width digits and letters print half width: the page's lines
    /// that hold them fill the column only when they are measured so
    /// (see [`digits_print_half_width`]).
    pub half_width_digits: bool,
    /// The text was recognized from an image (OCR), its punctuation
    /// mixing widths as no typesetter does (see [`recognized`]).
    pub recognized: bool,
    /// Per line, the column width around it in half cells (0: none known).
    local: Vec<u16>,
}

/// A page with fewer blank lines than one in this many has none to speak of.
const RARE_BLANKS: usize = 50;
/// Share of blank lines that must follow a sentence end for blanks to part
/// paragraphs (fitted on the development corpus: pages whose extractor
/// parts paragraphs with blanks — pdfminer, OCR, the sample pages — sit at
/// 0.40–0.69, with a few OCR pages down to 0.25; pages whose blanks mark
/// column breaks only — pdftotext — at 0.06–0.36).
const PARAGRAPH_BLANKS: f32 = 0.38;
/// Non-blank lines on each side that the local column width is read from.
const WINDOW: usize = 10;
/// Widths (whole cells) counted for the column width; wider lines are
/// paragraphs printed one per line.
const MAX_COLUMN: usize = 48;
/// Fewest lines around a line that make its column width.
const MIN_SHARED: u16 = 3;
/// The column width is shared by at least this share of the lines that
/// share the commonest width.
const NEAR_MODE: f32 = 0.5;
/// Narrowest column width.
const MIN_COLUMN: usize = 5;
/// A full line may fall this much short of the column (a line that may not
/// start with punctuation holds one glyph less; digits are narrower).
pub const FULL_SLACK: f32 = 1.25;
/// A dropped indent leaves the first line this much short, at most.
pub const INDENT_SLACK: f32 = 3.5;
/// A line this much wider than the column is not of it.
pub const WIDE_SLACK: f32 = 1.25;
/// Share of the page's text lines that must fill their column for the page
/// to be in narrow columns.
const NARROW_SHARE: f32 = 0.25;

impl Layout {
    /// The column width around line `i`, in cells.
    pub fn width_at(&self, i: usize) -> Option<f32> {
        match self.local.get(i) {
            Some(&w) if w > 0 && self.column.is_some() => Some(f32::from(w) / 2.0),
            _ => None,
        }
    }

    /// A line's width as printed: its full-width digits and letters half a
    /// cell each where the page prints them so ([`Layout::half_width_digits`]).
    pub fn printed_width(&self, line: &Line) -> f32 {
        if self.half_width_digits {
            line.width - f32::from(line.wide_alnum) / 2.0
        } else {
            line.width
        }
    }

    /// Where line `i` stands against the column width around it.
    pub fn shape(&self, lines: &[Line], i: usize) -> Shape {
        let Some(col) = self.width_at(i) else {
            return Shape::Free;
        };
        let line = &lines[i];
        match shape_of(line.width, col) {
            // A justified line whose letter spacing the extractor printed
            // as spaces (`召 开 专 题 会 议， 截 至 昨 天 下 午 5`) fills the
            // column with its glyphs.
            Shape::Wide if letter_spaced(line) => shape_of(line.glyphs, col),
            // Full-width digits and letters that the typesetter printed half
            // width (`比上年增长２７．４％`) fill the column at half a cell.
            Shape::Wide if self.half_width_digits && line.wide_alnum > 0 => {
                shape_of(self.printed_width(line), col)
            }
            shape => shape,
        }
    }
}

/// A line with white space between most of its glyphs: `向 记 者 介 绍 说，`.
pub fn letter_spaced(line: &Line) -> bool {
    // A line without white space has no gap: a quick test first.
    if line.widest_gap == 0 {
        return false;
    }
    let mut gaps = 0u32;
    let mut in_gap = false;
    for c in line.raw.trim().chars() {
        let space = c.is_whitespace();
        if space && !in_gap {
            gaps += 1;
        }
        in_gap = space;
    }
    gaps * LETTER_SPACED_GAPS.1 >= line.glyph_count * LETTER_SPACED_GAPS.0
}

/// A letter-spaced line has at least this many gaps (numerator, denominator)
/// per glyph.
const LETTER_SPACED_GAPS: (u32, u32) = (1, 2);

/// [`Shape`] of a line `width` cells wide in a column `col` cells wide.
///
/// ```text
/// shape_of(12.0, 12.0) = Full, shape_of(10.0, 12.0) = Indent,
/// shape_of(4.0, 12.0) = Short, shape_of(15.0, 12.0) = Wide
/// ```
pub fn shape_of(width: f32, col: f32) -> Shape {
    let d = width - col;
    if d > WIDE_SLACK {
        Shape::Wide
    } else if d >= -FULL_SLACK {
        Shape::Full
    } else if d >= -INDENT_SLACK {
        Shape::Indent
    } else {
        Shape::Short
    }
}

/// Measures the layout of a page's classified lines.
pub fn measure(raw: &str, lines: &[Line], classes: &[Classified]) -> Layout {
    let ends_sentence: Vec<bool> = classes.iter().map(|c| c.terminal).collect();
    let ends_sentence = &ends_sentence[..];
    // Column widths are read from running text (and datelines, credits),
    // not from page furniture.
    // Lines without any punctuation may be headlines set in a block, at a
    // width of their own; running text punctuates. Lines with digits or
    // Latin are left out too: their width depends on how the extractor
    // (or a tool after it) set those, half width or full.
    // A paragraph's first line (the line before ended a sentence) is left
    // out as well: set indented, it is two cells short of its column, and
    // a region of short paragraphs holds many.
    let mut after_sentence = true;
    let running: Vec<bool> = classes
        .iter()
        .zip(lines)
        .map(|(c, l)| {
            if l.is_blank() {
                return false;
            }
            let first = std::mem::replace(&mut after_sentence, c.terminal);
            if first || !matches!(c.kind, LineKind::Text | LineKind::Lead | LineKind::Credit) {
                return false;
            }
            // Marks gathered when the line was keyed: a comma, enumeration
            // comma or semicolon (a full stop is `full_stop`).
            let punct = l.marks.has(Marks::CLAUSE);
            !l.latin && (c.terminal || c.full_stop || c.clause_end || punct)
        })
        .collect();
    let local = local_widths(lines, &running);
    // The page is in narrow columns when enough lines fill their column.
    let (mut text, mut full) = (0usize, 0usize);
    let mut hist = [0u32; MAX_COLUMN + 1];
    for (l, &w) in lines.iter().zip(&local) {
        if l.is_blank() {
            continue;
        }
        text += 1;
        if w > 0 && shape_of(l.width, f32::from(w) / 2.0) == Shape::Full {
            full += 1;
            hist[usize::from(w / 2).min(MAX_COLUMN)] += 1;
        }
    }
    let narrow = text > 0 && full as f32 >= NARROW_SHARE * text as f32 && full >= 3;
    let column = narrow
        .then(|| {
            hist.iter()
                .enumerate()
                .max_by_key(|&(w, n)| (*n, w))
                .map(|(w, _)| w as f32)
        })
        .flatten();
    let mut layout = Layout {
        column,
        blanks: Blanks::None,
        indents: Indents::None,
        spaced_text: spaced_text(lines, classes),
        half_width_digits: false,
        recognized: recognized(raw),
        local,
    };
    layout.half_width_digits = digits_print_half_width(lines, ends_sentence, &layout.local);
    layout.blanks = blank_use(lines, ends_sentence);
    layout.indents = indent_use(lines, ends_sentence, &layout);
    layout
}

/// Whether the page's full-width digits and letters (`１９９７`) print half
/// width, as some typesetters code half-width digits: of the lines inside a
/// paragraph that hold them (a sentence neither ends on the line nor just
/// before it, so the line fills its column), enough fill it only when those
/// count half a cell, against those that fill it only as coded (see
/// [`WIDE_OVER_SHORT`]). A page whose digits print full width (People's
/// Daily of the 1990s) fills its columns as coded.
fn digits_print_half_width(lines: &[Line], ends_sentence: &[bool], local: &[u16]) -> bool {
    let (mut as_coded, mut as_half) = (0usize, 0usize);
    let mut after_sentence = true;
    for (i, (l, &w)) in lines.iter().zip(local).enumerate() {
        if l.is_blank() {
            continue;
        }
        let first = std::mem::replace(&mut after_sentence, ends_sentence[i]);
        if l.wide_alnum == 0 || w == 0 || first || ends_sentence[i] {
            continue;
        }
        // Only a line whose two readings differ tells them apart.
        let col = f32::from(w) / 2.0;
        let half = shape_of(l.width - f32::from(l.wide_alnum) / 2.0, col);
        match (shape_of(l.width, col), half) {
            (Shape::Full, Shape::Full) => {}
            (Shape::Full, _) => as_coded += 1,
            (Shape::Wide, Shape::Full) => as_half += 1,
            _ => {}
        }
    }
    as_half >= MIN_HALF_WIDTH_LINES && as_half * WIDE_OVER_SHORT >= as_coded
}

/// Fewest lines that must show full-width digits printed half width.
const MIN_HALF_WIDTH_LINES: usize = 1;
/// How many lines that fall short at half width one line too wide as
/// coded outweighs. A line inside a paragraph wider than its column is
/// rare unless the digits print half width; one that falls short at half
/// width is common either way, since digits printed half width are wider
/// than half a cell (fitted on the development corpus: pages with
/// full-width digits printed full width show no line too wide as coded;
/// the same pages with their digits coded full width and printed half
/// show up to 2.3 short lines per too-wide one).
const WIDE_OVER_SHORT: usize = 3;

/// The column width around each line, in half cells: the widest width
/// (whole cells) that at least [`MIN_SHARED`] of the non-blank lines around
/// it share, and at least [`NEAR_MODE`] as many as the commonest width (a
/// region of short paragraphs holds more first lines, two cells short, than
/// full ones). The line itself is not counted. 0 when no width is shared.
fn local_widths(lines: &[Line], running: &[bool]) -> Vec<u16> {
    // Every non-blank line gets the width read from the `WINDOW` running
    // lines on each side of it (a running line not counting itself).
    let text: Vec<usize> = (0..lines.len())
        .filter(|&i| !lines[i].is_blank() && running[i])
        .collect();
    // Each running line's width bin (0: none), once; the bins in use span
    // `lo_bin..=hi_bin`, and only those are scanned.
    let bins: Vec<u8> = text
        .iter()
        .map(|&i| {
            let w = round_to_usize(lines[i].width);
            if (MIN_COLUMN..=MAX_COLUMN).contains(&w) {
                w as u8
            } else {
                0
            }
        })
        .collect();
    let used = || bins.iter().filter(|&&b| b > 0).map(|&b| usize::from(b));
    let (lo_bin, hi_bin) = (used().min().unwrap_or(1), used().max().unwrap_or(0));
    let mut counts = [0u16; MAX_COLUMN + 1];
    let mut out = vec![0u16; lines.len()];
    // The window is text[lo..hi); `k` counts the running lines before `i`.
    let (mut lo, mut hi, mut k) = (0usize, 0usize, 0usize);
    for i in (0..lines.len()).filter(|&i| !lines[i].is_blank()) {
        let is_running = running[i];
        let (want_lo, want_hi) = (
            k.saturating_sub(WINDOW),
            (k + WINDOW + usize::from(is_running)).min(text.len()),
        );
        while hi < want_hi {
            counts[usize::from(bins[hi])] += 1;
            hi += 1;
        }
        while lo < want_lo {
            counts[usize::from(bins[lo])] -= 1;
            lo += 1;
        }
        let own = if is_running { usize::from(bins[k]) } else { 0 };
        counts[own] -= u16::from(is_running);
        if hi_bin >= lo_bin {
            let span = &counts[lo_bin..=hi_bin];
            let most = span.iter().copied().max().unwrap_or(0);
            let need = MIN_SHARED.max(ceil_to_u16(f32::from(most) * NEAR_MODE));
            if let Some(w) = span.iter().rposition(|&c| c >= need) {
                out[i] = ((lo_bin + w) * 2) as u16;
            }
        }
        counts[own] += u16::from(is_running);
        k += usize::from(is_running);
    }
    carry_widths(lines, &mut out);
    out
}

/// A line around which no width is shared keeps the width of the nearest
/// line above it that has one (across blank lines and display type), where
/// it could be of that column (no wider, give or take [`WIDE_SLACK`]): a
/// column keeps its width down to its foot, where a piece's last short
/// lines, a caption or a signature leave too few full lines to measure it.
/// A line too wide for it ends the carry (a paragraph printed one per
/// line). The widths carried count in every later reading of the page's
/// widths too (whether it is in narrow columns, its column width, how it
/// prints digits); on the development sets that moved none of them.
fn carry_widths(lines: &[Line], widths: &mut [u16]) {
    let mut last = 0u16;
    for (line, w) in lines.iter().zip(widths.iter_mut()) {
        if line.is_blank() {
            continue;
        }
        if *w > 0 {
            last = *w;
        } else if last > 0 && line.width <= f32::from(last) / 2.0 + WIDE_SLACK {
            *w = last;
        } else {
            last = 0;
        }
    }
}

/// `x.round() as usize`, for every `x` (NaN, negative, past `usize::MAX`),
/// without a call to the C library's `roundf` (which the baseline x86-64
/// target, lacking SSE4.1, calls for `round`; it branches inside): the
/// whole part, plus one when the fraction is a half or more. The fraction
/// `x - t` is exact (`t` is `x` without its fraction, or `x` itself past
/// 2^23, where floats hold no fraction); the casts saturate as `as` does
/// after `round`, and NaN compares false to give 0 like it.
#[inline]
fn round_to_usize(x: f32) -> usize {
    let t = x as usize;
    t.saturating_add(usize::from(x - t as f32 >= 0.5))
}

/// `x.ceil() as u16`, for every `x`, without a call to `ceilf` (as
/// [`round_to_usize`]): the whole part, plus one when a fraction is left
/// (`t as f32 < x`, false for NaN and for `x` below 0, whose ceiling casts
/// to 0 too; the cast of `x` past `u16::MAX` saturates as that of its
/// ceiling does).
#[inline]
fn ceil_to_u16(x: f32) -> u16 {
    let t = x as u16;
    t.saturating_add(u16::from(f32::from(t) < x))
}

/// Share of text lines with white space between two ideographs above
/// which such space is the page's habit rather than a display convention.
const SPACED_SHARE: f32 = 0.05;

/// Whether many text lines hold white space between two ideographs once
/// or twice — the way phrases of display type are set apart. Lines
/// letter-spaced all along (`现 有 在 校 学 生`, justification) do not count,
/// nor do a report's opening lines, whose dateline and byline print spaces
/// by convention (`某地3月23日电（记者 张三） 随着…`).
fn spaced_text(lines: &[Line], classes: &[Classified]) -> bool {
    let (mut text, mut spaced) = (0usize, 0usize);
    for (l, c) in lines.iter().zip(classes).filter(|(l, _)| !l.is_blank()) {
        text += 1;
        if l.widest_gap == 0 || c.kind != LineKind::Text {
            continue;
        }
        // A run of spaces between two ideographs (three-byte chars led by
        // E4–E9), read on the bytes.
        let b = l.raw.as_bytes();
        let ideograph_ends_at = |end: usize| end >= 3 && (0xE4..=0xE9).contains(&b[end - 3]);
        let mut gaps = 0usize;
        let mut at = 0;
        while let Some(k) = memchr::memchr(b' ', &b[at..]) {
            let start = at + k;
            let mut end = start;
            while b.get(end) == Some(&b' ') {
                end += 1;
            }
            if ideograph_ends_at(start) && b.get(end).is_some_and(|x| (0xE4..=0xE9).contains(x)) {
                gaps += 1;
            }
            at = end;
        }
        spaced += usize::from((1..=2).contains(&gaps));
    }
    spaced as f32 > SPACED_SHARE * text as f32
}

/// What blank lines mean on the page: after how many of them the line
/// before ends a sentence.
fn blank_use(lines: &[Line], ends_sentence: &[bool]) -> Blanks {
    let (mut runs, mut after_end, mut text) = (0usize, 0usize, 0usize);
    let mut prev: Option<usize> = None;
    let mut in_blank = false;
    for (i, l) in lines.iter().enumerate() {
        if l.is_blank() {
            in_blank = true;
            continue;
        }
        text += 1;
        if in_blank {
            if let Some(p) = prev {
                runs += 1;
                after_end += usize::from(ends_sentence[p]);
            }
        }
        in_blank = false;
        prev = Some(i);
    }
    if runs * RARE_BLANKS < text || runs == 0 {
        Blanks::None
    } else if after_end as f32 >= PARAGRAPH_BLANKS * runs as f32 {
        Blanks::Paragraphs
    } else {
        Blanks::Breaks
    }
}

/// Share of likely paragraph starts that must show a mark for the page to
/// mark them so.
const INDENT_SHARE: f32 = 0.5;
/// Fewest marked paragraph starts that make a convention.
const MIN_INDENTS: usize = 3;

/// How paragraph starts are marked: the lines after a sentence that ended
/// short of the column (surely a paragraph's end) are paragraph starts or
/// headlines; when most of them carry leading white space, or fall about
/// two cells short of the column, that is the page's convention.
fn indent_use(lines: &[Line], ends_sentence: &[bool], layout: &Layout) -> Indents {
    let spaced = lines.iter().filter(|l| l.indent).count();
    if spaced >= MIN_INDENTS {
        return Indents::Spaces;
    }
    if layout.column.is_none() {
        return Indents::None;
    }
    let (mut starts, mut short) = (0usize, 0usize);
    let mut prev_end = false;
    for (i, l) in lines.iter().enumerate() {
        if l.is_blank() {
            continue;
        }
        if prev_end {
            starts += 1;
            short += usize::from(layout.shape(lines, i) == Shape::Indent);
        }
        prev_end = ends_sentence[i]
            && matches!(layout.shape(lines, i), Shape::Short | Shape::Indent)
            && l.len() >= 2;
    }
    if short >= MIN_INDENTS && short as f32 >= INDENT_SHARE * starts as f32 {
        Indents::Width
    } else {
        Indents::None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::split;
    use bumpalo::Bump;

    fn layout(text: &str) -> (Layout, usize) {
        let arena = Bump::new();
        let lines = split(text, &arena);
        let classes = crate::classify::classify(&lines);
        (measure(text, &lines, &classes), lines.len())
    }

    #[test]
    fn narrow_columns_with_dropped_indents() {
        let para = "一二三四五六七八九十\n一二三，四五六七八九十一\n一二三四五六，七八九十一\n一二三四五。\n";
        let (l, n) = layout(&para.repeat(6));
        assert_eq!(l.column, Some(12.0));
        assert_eq!(l.indents, Indents::Width);
        assert_eq!(l.blanks, Blanks::None);
        assert_eq!(l.width_at(n / 2), Some(12.0));
    }

    #[test]
    fn first_lines_of_short_paragraphs_do_not_set_the_column() {
        // Paragraphs of two or three lines, first lines two cells short
        // (indents dropped), only every third paragraph with a full line:
        // first lines outnumber full ones more than two to one.
        let long = "一二三四五六七八九，\n一二三四五六七八九十一，\n一二三四五。\n\n";
        let short = "一二三四五六七八九，\n一二三。\n\n";
        let full = "一二三四五六七八九十\n一二三，四五六七八九十一\n一二三四五六，七八九十一\n一二三四五。\n";
        let page = format!(
            "{}{}{}",
            full.repeat(4),
            format!("{long}{short}{short}").repeat(4),
            full.repeat(4)
        );
        let arena = Bump::new();
        let lines = split(&page, &arena);
        let classes = crate::classify::classify(&lines);
        let l = measure("", &lines, &classes);
        for (i, line) in lines.iter().enumerate() {
            if line.raw.chars().count() == 12 {
                assert_eq!(l.width_at(i), Some(12.0), "line {i}");
                assert_eq!(l.shape(&lines, i), Shape::Full, "line {i}");
            }
        }
    }

    #[test]
    fn a_columns_foot_keeps_its_width() {
        // The page's last lines, a list of clauses of every length, share
        // no width among themselves: they keep the width of the column
        // above them. A line too wide for it ends the carry.
        let full = "一二三四五六七八九十\n一二三，四五六七八九十一\n一二三四五六，七八九十一\n一二三四五。\n";
        let foot: String = (2..12)
            .map(|n| {
                format!(
                    "{}，\n",
                    &"一二三四五六七八九十一".chars().take(n).collect::<String>()
                )
            })
            .collect();
        let (l, n) = layout(&format!("{}{foot}", full.repeat(3)));
        // (The text's last line is the empty one after its final break.)
        assert_eq!(l.width_at(n - 2), Some(12.0));
        let wide = format!("{}。\n一二三。\n", "一二三四五六七八九十".repeat(3));
        let (l, n) = layout(&format!("{}{foot}{wide}", full.repeat(3)));
        assert_eq!(l.width_at(n - 4), Some(12.0));
        assert_eq!(l.width_at(n - 3), None);
        assert_eq!(l.width_at(n - 2), None);
    }

    #[test]
    fn paragraph_per_line() {
        let para = format!("{}。\n\n", "一二三四五六七八九十".repeat(8));
        let (l, _) = layout(&para.repeat(6));
        assert_eq!(l.column, None);
        assert_eq!(l.blanks, Blanks::Paragraphs);
        assert_eq!(l.indents, Indents::None);
    }

    #[test]
    fn shapes() {
        assert_eq!(shape_of(12.0, 12.0), Shape::Full);
        assert_eq!(shape_of(11.0, 12.0), Shape::Full);
        assert_eq!(shape_of(10.0, 12.0), Shape::Indent);
        assert_eq!(shape_of(4.0, 12.0), Shape::Short);
        assert_eq!(shape_of(15.0, 12.0), Shape::Wide);
    }

    #[test]
    fn a_letter_spaced_line_is_measured_by_its_glyphs() {
        let para = "一二三四五六七八九十\n一二三，四五六七八九十一\n一二三四五六，七八九十一\n一二三四五。\n";
        let text = format!("{}一 二 三 四 五 六， 七 八 九 十 一\n", para.repeat(6));
        let arena = Bump::new();
        let lines = split(&text, &arena);
        let classes = crate::classify::classify(&lines);
        let l = measure("", &lines, &classes);
        let last = lines.iter().rposition(|l| !l.is_blank()).unwrap();
        assert!(lines[last].width > 15.0);
        assert_eq!(l.shape(&lines, last), Shape::Full);
    }

    #[test]
    fn full_width_digits_printed_half_width_fill_the_column() {
        let para = "一二三四五六七八九十\n一二三，四五六七八九十一\n一二三四五六，七八九十一\n一二三四五。\n";
        // Twelve cells as printed: eight ideographs and eight digits at half
        // a cell, though coded full width (sixteen cells).
        let digits = "一二三四五六七八九十，\n一二三四五１９９７年１２月３１日\n一二三四五。\n";
        let text = format!("{}{digits}{}{digits}", para.repeat(3), para.repeat(3));
        let arena = Bump::new();
        let lines = split(&text, &arena);
        let l = measure("", &lines, &classes_of(&lines));
        assert!(l.half_width_digits);
        let line = lines.iter().rposition(|l| l.wide_alnum > 0).unwrap();
        assert_eq!(lines[line].width, 16.0);
        assert_eq!(l.shape(&lines, line), Shape::Full);
        // Wider than the column even at half a cell a digit: still wide.
        let text = format!("{text}一二三四五六七八九十一二三１２３４\n");
        let lines = split(&text, &arena);
        let l = measure("", &lines, &classes_of(&lines));
        let last = lines.iter().rposition(|l| !l.is_blank()).unwrap();
        assert_eq!(l.shape(&lines, last), Shape::Wide);
    }

    #[test]
    fn spaces_of_datelines_and_bylines_are_no_spaced_text() {
        // Two reports opening `…电（记者 张三） 正文`: their spaces are the
        // dateline's and byline's, not the page's way with running text.
        let report =
            "\u{3000}\u{3000}本报某市3月6日电（记者 张小山） 连日来，记者走访了城郊的几个小区。\n\
                      \u{3000}\u{3000}东风小区住着二百多户人家，志愿者每天清晨七点就上岗。\n\
                      \u{3000}\u{3000}西山小区住着四百多户人家，居民群众都主动配合。\n\
                      \u{3000}\u{3000}各项工作有序开展，居民们都说心里踏实。\n";
        let text = report.repeat(2);
        let arena = Bump::new();
        let lines = split(&text, &arena);
        assert!(!measure("", &lines, &classes_of(&lines)).spaced_text);
        // The same spaces inside running text are.
        let text = text.replace("志愿者每天", "志愿者 每天");
        let lines = split(&text, &arena);
        assert!(measure("", &lines, &classes_of(&lines)).spaced_text);
    }

    #[test]
    fn one_line_too_wide_as_coded_outweighs_two_short_at_half_width() {
        // Inside a paragraph, one line is four cells too wide with its
        // digits as coded; two others fall short at half width (digits
        // printed half width are wider than half a cell). Only half-width
        // printing explains the first.
        let para = "一二三四五六七八九十\n一二三，四五六七八九十一\n一二三四五六，七八九十一\n一二三四五。\n";
        let wide = "一二三四五六七八九十，\n一二三四五１９９７年１２月３１日\n一二三四五。\n";
        let short = "一二三四五六七八九十，\n一二三四１９９７年１２月\n一二三四五。\n";
        let text = format!("{}{wide}{para}{short}{para}{short}", para.repeat(3));
        let arena = Bump::new();
        let lines = split(&text, &arena);
        let l = measure("", &lines, &classes_of(&lines));
        assert!(l.half_width_digits);
    }

    #[test]
    fn full_width_digits_printed_full_width_keep_their_cells() {
        // The page's digit lines fill the column as coded, so a line wider
        // by its digits is wider than the column (a headline across it).
        let para = "一二三四五六七八九十\n一二三，四五六七八九十一\n一二三四五六，七八九十一\n一二三四五。\n";
        let digits = "一二三四五六七八九十，\n一二三四１９９７年１２月\n一二三四五。\n";
        let text = format!(
            "{}{digits}{}{digits}一二三四五１９９７年１２月３１日\n",
            para.repeat(3),
            para.repeat(3)
        );
        let arena = Bump::new();
        let lines = split(&text, &arena);
        let l = measure("", &lines, &classes_of(&lines));
        assert!(!l.half_width_digits);
        let last = lines.iter().rposition(|l| !l.is_blank()).unwrap();
        assert_eq!(l.shape(&lines, last), Shape::Wide);
    }

    #[test]
    fn rounding_without_libm_matches_the_standard_library() {
        let mut xs = vec![
            f32::NAN,
            f32::INFINITY,
            f32::NEG_INFINITY,
            f32::MAX,
            -0.0,
            0.49999997,
            0.5,
            1.5,
            2.5,
            8_388_607.5,
            65_535.5,
            65_536.0,
            1.8e19,
            -0.5,
            -3.7,
        ];
        xs.extend((0..20_000).map(|k| k as f32 * 0.37 - 100.0));
        for x in xs {
            assert_eq!(round_to_usize(x), x.round() as usize, "{x}");
            assert_eq!(ceil_to_u16(x), x.ceil() as u16, "{x}");
        }
    }

    fn classes_of(lines: &[Line]) -> Vec<Classified> {
        crate::classify::classify(lines)
    }
}
