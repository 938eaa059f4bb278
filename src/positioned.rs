//! Positioned lines: text with where it sits on the page and how big its
//! type is — what a PDF's text layer (through pdf.js), tesseract's hOCR,
//! ALTO XML or poppler's `pdftotext -bbox-layout` give — turned into the
//! text the passes read, with the page's geometry as extra evidence.
//!
//! [`parse_layout`] runs in four steps before the passes:
//!
//! 1. **lines**: fragments on one baseline that touch are one line (a PDF
//!    draws a line in several runs, one per font); a glyph drawn twice a
//!    hair apart — fake bold — is kept once ([`lines_of`]);
//! 2. **reading order**: the page is cut recursively at the widest white
//!    gap running right across a region (a band between rows of articles)
//!    or down it (a gutter between columns), so columns are read left to
//!    right, lines top to bottom within a column, and a headline over
//!    several columns before the columns under it ([`reading_order`]);
//! 3. **rebuilt text**: one text line per positioned line, a blank line
//!    between the blocks the cuts leave, and a paragraph indent
//!    (`　　`) where a line of running text starts inset from its block's
//!    left edge — the text the page's spans index, returned with the page;
//! 4. **hints**: per text line, its type size against the page's body
//!    size, whether it is bold, and the width of its block in ideograph
//!    cells ([`Hint`]); the passes consult them where text alone is
//!    ambiguous (see [`crate::parse_with_hints`]).

use crate::Options;
use serde::{Deserialize, Serialize};

/// One line (or a fragment of one) of positioned text.
///
/// Coordinates are page units with the origin at the page's top left and y
/// growing downward: `x`, `y` the box's top-left corner, `w`, `h` its width
/// and height.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PositionedLine {
    /// The text as drawn.
    pub text: String,
    /// Left edge.
    pub x: f32,
    /// Top edge.
    pub y: f32,
    /// Width.
    pub w: f32,
    /// Height.
    pub h: f32,
    /// Type size in page units, where known (else the box's height stands
    /// for it).
    #[serde(default)]
    pub size: Option<f32>,
    /// Whether the type is bold, where known.
    #[serde(default)]
    pub bold: Option<bool>,
    /// Page number (1-based; 0 when unknown).
    #[serde(default)]
    pub page: u32,
}

/// One page parsed from positioned lines.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LayoutPage {
    /// The page's number as the lines gave it.
    pub number: u32,
    /// The text rebuilt from the lines, in reading order: the page's spans
    /// index it.
    pub text: String,
    /// The parsed page.
    pub page: crate::Page,
}

impl LayoutPage {
    /// Moves every span of the page by `by` UTF-16 code units: for pages
    /// whose texts are put one after another (a PDF's pages, divided by
    /// form feeds).
    pub fn shift_spans(&mut self, by: u32) {
        crate::pages::shift_spans(&mut self.page, by);
    }
}

/// What the geometry says about one line of the rebuilt text.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Hint {
    /// Type size against the page's body size (1.0: body type; 0: a blank
    /// line, or nothing known).
    pub size: f32,
    /// Set in bold (where the source says).
    pub bold: bool,
    /// Width of the line's block in ideograph cells of the line's own
    /// type (0: unknown).
    pub block_cells: f32,
    /// The line starts a block (the line before it is of another block).
    pub block_start: bool,
    /// Body type starting inset from its block's left edge: a paragraph's
    /// first line.
    pub indent: bool,
    /// Body type set flush right, well in from its block's left edge (a
    /// signature, a credit).
    pub flush_right: bool,
    /// Body type ending this short of its block's right edge: a
    /// paragraph's last line.
    pub short: bool,
    /// The first line of a band under running text that runs right across
    /// a region of the page: the pieces above have ended.
    pub band_start: bool,
}

impl Hint {
    /// Anything is known of the line.
    pub fn known(&self) -> bool {
        self.size > 0.0
    }

    /// Set in type clearly larger than the page's body type.
    pub fn display(&self) -> bool {
        self.size >= DISPLAY_SIZE
    }

    /// Set in display type only a little larger than the body's, as
    /// subheads inside a piece are (headlines are larger still).
    pub fn subhead(&self) -> bool {
        self.display() && self.size < SUBHEAD_SIZE
    }

    /// Whether the geometry decides that a line of text (`raw`) is display
    /// type (`Some(true)`) or running text (`Some(false)`): larger type is
    /// display, body type is running text — but for a signature, which is
    /// set in body type apart from the text (`单位 姓名`), or a line set
    /// flush right, left to the text's own conventions (`None`).
    pub fn decides(&self, raw: &str) -> Option<bool> {
        if !self.known() {
            None
        } else if self.display() {
            Some(true)
        } else if self.flush_right || crate::conventions::signature(raw).is_some() {
            None
        } else {
            Some(false)
        }
    }
}

/// Type at least this much larger than the body's is display type.
pub const DISPLAY_SIZE: f32 = 1.03;
/// Display type below this size (against the body's) between two
/// paragraphs of a piece is a subhead.
pub const SUBHEAD_SIZE: f32 = 1.3;
/// Two lines whose type sizes differ by less than this share are set in
/// one size (one headline field).
pub const SAME_SIZE: f32 = 0.06;
/// Two fragments whose vertical centres are this close (share of the
/// smaller type size) sit on one baseline.
const SAME_ROW: f32 = 0.35;
/// Rows still open to a fragment: the last this many (fragments come in
/// order of their centres, so older rows lie above).
const OPEN_ROWS: usize = 16;
/// Fragments whose type sizes differ by less than this factor may be one
/// line.
const ONE_SIZE: f32 = 1.25;
/// Fragments on one row this close (ems) belong to one line.
const JOIN_GAP: f32 = 0.9;
/// A gap this wide (ems) inside a line is printed as a space.
const SPACE_GAP: f32 = 0.3;
/// A glyph drawn again this close (ems) to the same glyph is fake bold.
const BOLD_OFFSET: f32 = 0.3;
/// Glyphs looked back at for the same glyph drawn again (fragments of a
/// fake-bold line overlap by a few glyphs at most).
const BOLD_LOOKBACK: usize = 8;
/// A band between rows of articles is at least this tall (body ems).
const BAND_GAP: f32 = 1.0;
/// A gutter between columns is at least this wide (body ems).
const GUTTER: f32 = 0.8;
/// A line of body type starting further in than this (its own ems) from
/// its block's left edge is no paragraph's first line.
const MAX_INDENT: f32 = 3.5;
/// A line of body type ending this far (its own ems) short of its block's
/// right edge ends its paragraph.
const SHORT_END: f32 = 1.5;
/// A line of body type starting this far (its own ems) right of its
/// block's left edge is indented.
const INDENT: f32 = 0.8;

/// Parses positioned lines as one page.
pub fn parse_layout(lines: &[PositionedLine], options: &Options) -> LayoutPage {
    let number = lines.first().map_or(0, |l| l.page);
    let (text, hints) = rebuild(lines);
    let page = crate::parse_with_hints(&text, &hints, options);
    LayoutPage { number, text, page }
}

/// Parses positioned lines page by page (by their `page` numbers, in
/// ascending order).
pub fn parse_layout_pages(lines: &[PositionedLine], options: &Options) -> Vec<LayoutPage> {
    let mut numbers: Vec<u32> = lines.iter().map(|l| l.page).collect();
    numbers.sort_unstable();
    numbers.dedup();
    numbers
        .into_iter()
        .map(|n| {
            let own: Vec<PositionedLine> = lines.iter().filter(|l| l.page == n).cloned().collect();
            let mut p = parse_layout(&own, options);
            p.number = n;
            p
        })
        .collect()
}

/// Parses hOCR, ALTO XML or `pdftotext -bbox-layout` XHTML (told apart by
/// content, [`crate::markup::detect`]) page by page; `None` when `text` is
/// none of them.
pub fn parse_markup(
    text: &str,
    options: &Options,
) -> Option<(crate::markup::Markup, Vec<LayoutPage>)> {
    let (m, lines) = crate::markup::read(text)?;
    Some((m, parse_layout_pages(&lines, options)))
}

/// A line after joining: text, box, type size.
#[derive(Debug, Clone)]
struct Row {
    text: String,
    x: f32,
    y: f32,
    w: f32,
    h: f32,
    size: f32,
    bold: bool,
}

impl Row {
    fn right(&self) -> f32 {
        self.x + self.w
    }
    fn bottom(&self) -> f32 {
        self.y + self.h
    }
    fn mid(&self) -> f32 {
        self.y + self.h / 2.0
    }
}

/// A glyph with where it starts and ends.
struct Glyph {
    c: char,
    x0: f32,
}

/// A space inside a fragment narrower than this (ems) between two CJK
/// glyphs is letter spacing of justified text, not a space.
const JUSTIFY_SPACE: f32 = 0.2;

/// The glyphs of a fragment, spread over its box: ideographs and full-width
/// marks a cell each, other characters half a cell, spaces sharing what
/// width is left. Spaces of letter-spaced (justified) CJK text, narrower
/// than [`JUSTIFY_SPACE`] between two CJK glyphs, are dropped.
fn glyphs_of(l: &PositionedLine, size: f32) -> Vec<Glyph> {
    let wide = |c: char| crate::clean::is_cjk_text(c) || (c as u32) >= 0x2E80;
    let chars: Vec<char> = l.text.chars().collect();
    let cells: f32 = chars
        .iter()
        .filter(|c| !c.is_whitespace())
        .map(|&c| if wide(c) { 1.0 } else { 0.5 })
        .sum();
    let spaces = chars.iter().filter(|c| c.is_whitespace()).count();
    let space = if spaces > 0 {
        ((l.w / size - cells) / spaces as f32).max(0.0)
    } else {
        0.0
    };
    let total = cells + space * spaces as f32;
    let unit = if total > 0.0 { l.w / total } else { 0.0 };
    let mut x = l.x;
    let mut out = Vec::with_capacity(chars.len());
    for (i, &c) in chars.iter().enumerate() {
        let k = if c.is_whitespace() {
            space
        } else if wide(c) {
            1.0
        } else {
            0.5
        };
        let justified = c.is_whitespace()
            && space < JUSTIFY_SPACE
            && i > 0
            && chars.get(i - 1).is_some_and(|&p| wide(p))
            && chars[i + 1..]
                .iter()
                .find(|n| !n.is_whitespace())
                .is_some_and(|&n| wide(n));
        if !justified {
            out.push(Glyph { c, x0: x });
        }
        x += k * unit;
    }
    out
}

/// Fragments joined into lines: those on one baseline that touch or
/// overlap, glyphs drawn twice a hair apart kept once.
fn lines_of(frags: &[PositionedLine]) -> Vec<Row> {
    let mut f: Vec<&PositionedLine> = frags
        .iter()
        .filter(|l| !l.text.trim().is_empty() && l.w.is_finite() && l.h.is_finite())
        .collect();
    let size_of = |l: &PositionedLine| l.size.filter(|s| *s > 0.0).unwrap_or(l.h).max(0.01);
    f.sort_by(|a, b| (a.y + a.h / 2.0).total_cmp(&(b.y + b.h / 2.0)));
    // Rows: fragments of about one size whose centres lie within SAME_ROW
    // of the row's first (type of another size on the same line, a body
    // line beside a headline, starts a row of its own).
    let mut rows: Vec<Vec<&PositionedLine>> = Vec::new();
    for l in f {
        let mid = l.y + l.h / 2.0;
        let open = rows.len().saturating_sub(OPEN_ROWS);
        let fits = rows[open..].iter().rposition(|r| {
            let first = r[0];
            let (a, b) = (size_of(first), size_of(l));
            let tol = SAME_ROW * a.min(b);
            a.max(b) / a.min(b) < ONE_SIZE && (first.y + first.h / 2.0 - mid).abs() <= tol
        });
        match fits {
            Some(k) => rows[open + k].push(l),
            None => rows.push(vec![l]),
        }
    }
    let mut out = Vec::new();
    for mut r in rows {
        r.sort_by(|a, b| a.x.total_cmp(&b.x));
        let mut cur: Option<(Row, Vec<Glyph>)> = None;
        for l in r {
            let size = size_of(l);
            let gl = glyphs_of(l, size);
            match &mut cur {
                Some((row, glyphs))
                    if l.x <= row.right() + JOIN_GAP * size.max(row.size)
                        && size.max(row.size) / size.min(row.size) < ONE_SIZE =>
                {
                    if l.x - row.right() >= SPACE_GAP * size {
                        row.text.push(' ');
                    }
                    for g in gl {
                        // Fake bold: the same glyph already drawn a hair away.
                        let twice = glyphs.iter().rev().take(BOLD_LOOKBACK).any(|k| {
                            k.c == g.c
                                && (k.x0 - g.x0).abs() < BOLD_OFFSET * size
                                && !g.c.is_whitespace()
                        });
                        if twice {
                            continue;
                        }
                        row.text.push(g.c);
                        glyphs.push(g);
                    }
                    let right = row.right().max(l.x + l.w);
                    let top = row.y.min(l.y);
                    let bottom = row.bottom().max(l.y + l.h);
                    row.w = right - row.x;
                    row.y = top;
                    row.h = bottom - top;
                    row.bold |= l.bold == Some(true);
                }
                _ => {
                    if let Some((row, _)) = cur.take() {
                        out.push(row);
                    }
                    let mut text = String::new();
                    let mut kept: Vec<Glyph> = Vec::new();
                    for g in gl {
                        let twice = kept.iter().rev().take(BOLD_LOOKBACK).any(|k| {
                            k.c == g.c
                                && (k.x0 - g.x0).abs() < BOLD_OFFSET * size
                                && !g.c.is_whitespace()
                        });
                        if !twice {
                            text.push(g.c);
                            kept.push(g);
                        }
                    }
                    cur = Some((
                        Row {
                            text,
                            x: l.x,
                            y: l.y,
                            w: l.w,
                            h: l.h,
                            size,
                            bold: l.bold == Some(true),
                        },
                        kept,
                    ));
                }
            }
        }
        if let Some((row, _)) = cur.take() {
            out.push(row);
        }
    }
    for r in &mut out {
        r.text = r.text.trim().to_string();
    }
    out.retain(|r| !r.text.is_empty());
    out
}

/// The page's body type size: the size most characters are set in.
fn body_size(rows: &[Row]) -> f32 {
    let mut bins: Vec<(i32, usize)> = Vec::new();
    for r in rows {
        let k = (r.size * 2.0).round() as i32;
        let n = r.text.chars().count();
        match bins.iter_mut().find(|(b, _)| *b == k) {
            Some((_, c)) => *c += n,
            None => bins.push((k, n)),
        }
    }
    bins.iter()
        .max_by_key(|(b, n)| (*n, -*b))
        .map_or(10.0, |(b, _)| *b as f32 / 2.0)
}

/// Display type stands this many times the scatter of the body's sizes
/// above it.
const SCATTER_MARGIN: f32 = 3.0;
/// Lines within this share of the body size are read for its scatter.
const NEAR_BODY: f32 = 0.2;
/// Body type at least this many units high, every size a whole number:
/// the sizes are a scan's pixels (150 dpi or more), not a PDF's points.
const PIXEL_BODY: f32 = 20.0;

/// How far the sizes of lines near the body size scatter around it: the
/// median relative deviation (0 for a PDF's exact sizes), and at least the
/// measure's own step. OCR sizes a line by its box in whole pixels, a
/// pixel either way (25, 26, 27 units for lines of one type): where most
/// lines land on one size the median deviation is 0, yet a line a pixel
/// taller is no larger type. Sizes in pixels ([`PIXEL_BODY`]) are read to
/// a pixel.
fn size_scatter(rows: &[Row], body: f32) -> f32 {
    let mut d: Vec<f32> = rows
        .iter()
        .map(|r| (r.size / body - 1.0).abs())
        .filter(|d| *d < NEAR_BODY)
        .collect();
    d.sort_by(f32::total_cmp);
    let median = d.get(d.len() / 2).copied().unwrap_or(0.0);
    let whole = rows.iter().all(|r| r.size.fract() == 0.0);
    let step = if whole && body >= PIXEL_BODY {
        1.0 / body
    } else {
        0.0
    };
    median.max(step)
}

/// A size ratio brought to the hints' scale: where display type starts at
/// `display` rather than at [`DISPLAY_SIZE`], ratios between 1 and
/// `display` are pulled down to below DISPLAY_SIZE and larger ones keep
/// their distance above it.
fn scale_ratio(ratio: f32, display: f32) -> f32 {
    if display <= DISPLAY_SIZE || ratio <= 1.0 {
        ratio
    } else if ratio < display {
        1.0 + (ratio - 1.0) / (display - 1.0) * (DISPLAY_SIZE - 1.0) * 0.99
    } else {
        ratio - display + DISPLAY_SIZE
    }
}

/// The gaps in the union of `spans` (start, end), widest first, at least
/// `min` wide.
fn gaps(mut spans: Vec<(f32, f32)>, min: f32) -> Vec<(f32, f32)> {
    spans.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut out = Vec::new();
    let mut reach = f32::NEG_INFINITY;
    for (s, e) in spans {
        if reach > f32::NEG_INFINITY && s - reach >= min {
            out.push((reach, s));
        }
        reach = reach.max(e);
    }
    out.sort_by(|a, b| (b.1 - b.0).total_cmp(&(a.1 - a.0)));
    out
}

/// Reading order: the rows' indices in blocks, blocks in reading order.
/// Each block with whether it starts a band under running text.
fn reading_order(rows: &[Row], body: f32) -> Vec<(Vec<usize>, bool)> {
    // The width of a column: the median width of the lines of body type.
    let mut widths: Vec<f32> = rows
        .iter()
        .filter(|r| (r.size / body - 1.0).abs() < SAME_SIZE)
        .map(|r| r.w)
        .collect();
    widths.sort_by(f32::total_cmp);
    let column = widths
        .get(widths.len() / 2)
        .copied()
        .unwrap_or(f32::INFINITY);
    let mut out = Vec::new();
    let page = Page { rows, body, column };
    page.cut((0..rows.len()).collect(), &mut out);
    out
}

/// A band across a region this many columns wide parts rows of pieces (in
/// one column it may stand over a subhead).
const BAND_COLUMNS: f32 = 1.5;

/// The left and right edges of rows `ids`.
fn edges(rows: &[Row], ids: impl Iterator<Item = usize> + Clone) -> (f32, f32) {
    let left = ids.clone().map(|i| rows[i].x).fold(f32::INFINITY, f32::min);
    let right = ids
        .map(|i| rows[i].right())
        .fold(f32::NEG_INFINITY, f32::max);
    (left, right)
}

/// A headline spanning this share of its region's width (it may stand over
/// some of its columns only) heads the region.
const HEADED_SHARE: f32 = 0.35;

/// What the recursive cut reads: the rows, the body type size and the
/// width of a column.
struct Page<'a> {
    rows: &'a [Row],
    body: f32,
    column: f32,
}

/// Below display type a white band is where articles side by side each
/// have their headline over their body, not a band between rows of
/// articles: the lowest lines over the gap, of those ending this close to
/// it (body ems), are looked at.
const OVER_GAP: f32 = 8.0;

/// One step of the recursive cut: a band right across the region under
/// running text first (the end of a row of articles), then a gutter down
/// it (between columns), then any band (under headlines side by side that
/// no gutter parts).
impl Page<'_> {
    /// Whether a region opens with display type across it (a headline
    /// over all its columns) and holds running text under it.
    fn headed(&self, ids: &[usize]) -> bool {
        let rows = self.rows;
        let display = |i: usize| rows[i].size / self.body >= DISPLAY_SIZE;
        let Some(&top) = ids
            .iter()
            .min_by(|&&a, &&b| rows[a].y.total_cmp(&rows[b].y))
        else {
            return false;
        };
        let (left, right) = edges(rows, ids.iter().copied());
        // The headline's lines: display rows at the top, before any text.
        let first_text = ids
            .iter()
            .filter(|&&i| !display(i))
            .map(|&i| rows[i].y)
            .fold(f32::INFINITY, f32::min);
        let head: Vec<usize> = ids
            .iter()
            .copied()
            .filter(|&i| display(i) && rows[i].y < first_text)
            .collect();
        let (head_left, head_right) = edges(rows, head.iter().copied());
        // A subhead over a column heads nothing.
        let headline = rows[top].size / self.body >= SUBHEAD_SIZE;
        display(top)
            && headline
            && first_text.is_finite()
            && head_right - head_left >= HEADED_SHARE * (right - left)
    }

    fn cut(&self, ids: Vec<usize>, out: &mut Vec<(Vec<usize>, bool)>) {
        let (rows, body) = (self.rows, self.body);
        if ids.len() > 1 {
            let across = gaps(
                ids.iter().map(|&i| (rows[i].y, rows[i].bottom())).collect(),
                BAND_GAP * body,
            );
            // A band under running text, or under one headline alone (over
            // the columns below it), not under headlines side by side: read
            // from the lowest line above the band at each place across.
            let under_text = |&(a, _): &(f32, f32)| {
                let near: Vec<usize> = ids
                    .iter()
                    .copied()
                    .filter(|&i| {
                        rows[i].bottom() <= a + 0.01 && rows[i].bottom() >= a - OVER_GAP * body
                    })
                    .collect();
                let lowest: Vec<usize> = near
                    .iter()
                    .copied()
                    .filter(|&i| {
                        !near.iter().any(|&j| {
                            rows[j].y > rows[i].bottom() - 0.01
                                && rows[j].x < rows[i].right()
                                && rows[i].x < rows[j].right()
                        })
                    })
                    .collect();
                lowest.iter().any(|&i| rows[i].size / body < DISPLAY_SIZE)
                    || gaps(
                        lowest
                            .iter()
                            .map(|&i| (rows[i].x, rows[i].right()))
                            .collect(),
                        GUTTER * body,
                    )
                    .is_empty()
            };
            let down = gaps(
                ids.iter().map(|&i| (rows[i].x, rows[i].right())).collect(),
                GUTTER * body,
            );
            let split_across =
                |(a, b): (f32, f32), out: &mut Vec<(Vec<usize>, bool)>, band: bool| {
                    let at = (a + b) / 2.0;
                    let (top, rest): (Vec<usize>, Vec<usize>) =
                        ids.iter().partition(|&&i| rows[i].mid() < at);
                    if top.is_empty() || rest.is_empty() {
                        // No progress (boxes of a damaged file): read it whole.
                        return self.leaf(ids.clone(), out);
                    }
                    self.cut(top, out);
                    let first = out.len();
                    self.cut(rest, out);
                    if let Some(b) = out.get_mut(first) {
                        b.1 |= band;
                    }
                };
            let (left, right) = edges(rows, ids.iter().copied());
            let wide = right - left > BAND_COLUMNS * self.column;
            if let Some(&g) = across.iter().find(|g| under_text(g)) {
                split_across(g, out, wide);
                return;
            }
            if let Some(&(a, b)) = down.first() {
                let at = (a + b) / 2.0;
                let (left, rest): (Vec<usize>, Vec<usize>) =
                    ids.iter().partition(|&&i| rows[i].x + rows[i].w / 2.0 < at);
                if left.is_empty() || rest.is_empty() {
                    // No progress (boxes of a damaged file): read it whole.
                    return self.leaf(ids, out);
                }
                // A region under a headline across it is a piece of its
                // own: the text beside it is another's.
                let headed = self.headed(&left);
                self.cut(left, out);
                let first = out.len();
                self.cut(rest, out);
                if let Some(b) = out.get_mut(first) {
                    b.1 |= headed;
                }
                return;
            }
            if let Some(&g) = across.first() {
                split_across(g, out, false);
                return;
            }
        }
        self.leaf(ids, out);
    }

    /// A region read as one block: its rows top to bottom, left to right.
    fn leaf(&self, mut ids: Vec<usize>, out: &mut Vec<(Vec<usize>, bool)>) {
        let rows = self.rows;
        ids.sort_by(|&a, &b| {
            rows[a]
                .y
                .total_cmp(&rows[b].y)
                .then(rows[a].x.total_cmp(&rows[b].x))
        });
        if !ids.is_empty() {
            out.push((ids, false));
        }
    }
}

/// The text the passes read, with one hint per text line (blank lines
/// included).
pub fn rebuild(frags: &[PositionedLine]) -> (String, Vec<Hint>) {
    let rows = lines_of(frags);
    let body = body_size(&rows);
    // Sizes measured from glyph boxes (OCR) scatter around the body's:
    // display type must stand out of that scatter.
    let scatter = size_scatter(&rows, body);
    let display = DISPLAY_SIZE.max(1.0 + SCATTER_MARGIN * scatter);
    let blocks = reading_order(&rows, body);
    let mut text = String::new();
    let mut hints = Vec::new();
    for (k, (block, band)) in blocks.iter().enumerate() {
        if k > 0 {
            text.push('\n');
            hints.push(Hint::default());
        }
        let (left, right) = edges(&rows, block.iter().copied());
        // The right edge of the block's running text.
        let text_right = block
            .iter()
            .filter(|&&i| rows[i].size / body < display)
            .map(|&i| rows[i].right())
            .fold(f32::NEG_INFINITY, f32::max);
        for (j, &i) in block.iter().enumerate() {
            let r = &rows[i];
            // On the hints' scale, where DISPLAY_SIZE parts display type.
            let ratio = scale_ratio(r.size / body, display);
            let inset = (r.x - left) / r.size;
            let indented = ratio < DISPLAY_SIZE && (INDENT..=MAX_INDENT).contains(&inset);
            // Set flush right, well in from the left: a signature, a
            // credit, not running text.
            let flush_right = ratio < DISPLAY_SIZE
                && inset > MAX_INDENT
                && text_right - r.right() < SHORT_END * r.size;
            if indented {
                text.push_str("\u{3000}\u{3000}");
            }
            text.push_str(&r.text);
            text.push('\n');
            hints.push(Hint {
                size: ratio,
                bold: r.bold,
                block_cells: (right - left) / r.size,
                block_start: j == 0,
                indent: indented,
                flush_right,
                short: ratio < DISPLAY_SIZE && text_right - r.right() >= SHORT_END * r.size,
                band_start: j == 0 && *band,
            });
        }
    }
    // The empty line after the last line break.
    hints.push(Hint::default());
    (text, hints)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A line of one column at row `row`, its box `h` high.
    fn at(row: usize, h: f32, text: &str) -> PositionedLine {
        PositionedLine {
            text: text.to_string(),
            x: 100.0,
            y: 100.0 + 40.0 * row as f32,
            w: 26.0 * text.chars().count() as f32,
            h,
            size: Some(h),
            bold: None,
            page: 1,
        }
    }

    #[test]
    fn a_line_a_pixel_taller_than_most_is_body_type() {
        // OCR sizes lines by their boxes in whole pixels: most of the
        // column's lines 26 high, some 25 or 27, a headline 50.
        let heights = [26.0, 26.0, 27.0, 26.0, 25.0, 26.0, 27.0, 26.0, 26.0, 27.0];
        let mut lines = vec![at(0, 50.0, "标题")];
        for (i, &h) in heights.iter().enumerate() {
            lines.push(at(i + 1, h, "正文正文正文正文正文正文"));
        }
        let mut want = vec![true];
        want.extend([false; 10]);
        assert_eq!(displays(&lines), want);
    }

    /// Whether each line rebuilt from `lines` is display type.
    fn displays(lines: &[PositionedLine]) -> Vec<bool> {
        let (_, hints) = rebuild(lines);
        hints
            .iter()
            .filter(|h| h.known())
            .map(|h| h.display())
            .collect()
    }

    /// Whether each line of a page is display type: a headline, eight
    /// lines of body type `body`, a subhead `sub`, one more body line.
    fn subhead_display(body: f32, sub: f32) -> Vec<bool> {
        let mut lines = vec![at(0, 2.0 * body, "标题")];
        for i in 1..=8 {
            lines.push(at(i, body, "正文正文正文正文正文正文"));
        }
        lines.push(at(9, sub, "小标题"));
        lines.push(at(10, body, "正文正文正文正文正文正文"));
        displays(&lines)
    }

    #[test]
    fn a_pdfs_type_a_little_larger_than_the_body_is_display() {
        let mut want = vec![true];
        want.extend([false; 8]);
        want.extend([true, false]);
        // Points, not pixels: a subhead at 11 over a body of 10.
        assert_eq!(subhead_display(10.0, 11.0), want);
        // Sizes of a PDF drawn larger, not whole numbers: 4 % larger.
        assert_eq!(subhead_display(26.4, 27.5), want);
    }
}
