//! Pass 3 — reflow: join column-wrapped lines into paragraphs and gather
//! display lines into groups, using the page's layout.
//!
//! A blank line inside a sentence is a column break, not a paragraph end: a
//! paragraph stays open while its last line does not end a sentence, and the
//! next running-text line continues it, even past display lines or ads that
//! the extractor interleaved.

use crate::classify::{Classified, LineKind};
use crate::lines::{Layout, Line};

/// A unit of the page: one paragraph, display group, credit or furniture line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unit {
    /// Running text; `lead` when it opens with a dateline.
    Para { lines: Vec<usize>, lead: bool },
    /// Display lines printed together (no blank line between them).
    Display { lines: Vec<usize> },
    /// Credit lines standing apart from a paragraph: `本报记者 马超`.
    Credit { lines: Vec<usize> },
    /// A feature's byline line: `□ 本报记者 白莹`.
    Byline { line: usize },
    /// An advertisement marker or description.
    Ad { line: usize },
    /// Page furniture: date or edition line.
    Furniture { line: usize },
}

impl Unit {
    /// The unit's lines (indices into the page's lines).
    pub fn lines(&self) -> &[usize] {
        match self {
            Unit::Para { lines, .. } | Unit::Display { lines } | Unit::Credit { lines } => lines,
            Unit::Byline { line } | Unit::Ad { line } | Unit::Furniture { line } => {
                std::slice::from_ref(line)
            }
        }
    }

    /// Index of the unit's first line.
    pub fn first_line(&self) -> usize {
        self.lines()[0]
    }

    /// The unit's text as printed: credit lines (each a credit of its own)
    /// joined with a space, other lines soft-joined
    /// ([`soft_join`](crate::byline::soft_join)).
    pub fn text(&self, lines: &[Line]) -> String {
        let mut out = String::new();
        self.write_text(lines, &mut out);
        out
    }

    /// [`Unit::text`] into `out` (cleared first).
    pub fn write_text(&self, lines: &[Line], out: &mut String) {
        match self {
            Unit::Credit { .. } => {
                out.clear();
                for (k, &l) in self.lines().iter().enumerate() {
                    if k > 0 {
                        out.push(' ');
                    }
                    out.push_str(lines[l].raw);
                }
            }
            _ => {
                crate::byline::soft_join_into(self.lines().iter().map(|&l| lines[l].folded()), out)
            }
        }
    }
}

/// A display line longer than this (in glyphs) followed by running text is
/// taken for a paragraph start cut by a column break, not for a headline.
const LONG_DISPLAY: usize = 20;

/// Most lines a headline group prints together (kicker, two-line title,
/// subtitle).
const MAX_GROUP: usize = 4;

/// Reflows classified lines into units, in source order of their first line.
pub fn reflow(lines: &[Line], classes: &[Classified], layout: Layout) -> Vec<Unit> {
    let mut r = Reflow {
        lines,
        classes,
        layout,
        units: Vec::new(),
        open: None,
        last_body_line: None,
        blank_separated: {
            // Narrow columns put a blank line between paragraphs and column
            // breaks (one line in twenty is plenty); one paragraph per line,
            // a blank between every two.
            let blanks = lines.iter().filter(|l| l.is_blank()).count();
            let share = if layout.column.is_some() { 20 } else { 4 };
            blanks * share >= lines.len()
        },
        indented_page: lines.iter().filter(|l| l.indent).count() >= 3,
    };
    for i in 0..lines.len() {
        r.line(i);
    }
    r.units.sort_by_key(Unit::first_line);
    r.units
}

/// Room a new paragraph's line list starts with: most paragraphs of
/// running text fill a few printed lines, so most lists never grow.
const PARA_LINES: usize = 8;

struct Reflow<'a, 'b> {
    lines: &'a [Line<'b>],
    classes: &'a [Classified],
    layout: Layout,
    units: Vec<Unit>,
    /// The paragraph (index into `units`) that has not ended its sentence.
    open: Option<usize>,
    /// The last line placed as running text (paragraph or credit).
    last_body_line: Option<usize>,
    /// The page marks paragraph starts with an indent.
    indented_page: bool,
    /// Blank lines separate the page's paragraphs and display groups.
    blank_separated: bool,
}

impl Reflow<'_, '_> {
    fn line(&mut self, i: usize) {
        let kind = self.classes[i].kind;
        match kind {
            LineKind::Blank => {}
            LineKind::Date | LineKind::Edition => self.units.push(Unit::Furniture { line: i }),
            LineKind::Ad => self.units.push(Unit::Ad { line: i }),
            LineKind::Byline => {
                self.open = None;
                self.units.push(Unit::Byline { line: i });
            }
            LineKind::Lead => {
                self.open = None;
                self.units.push(Unit::Para {
                    lines: Vec::with_capacity(PARA_LINES),
                    lead: true,
                });
                self.open = Some(self.units.len() - 1);
                self.add_body(i);
            }
            LineKind::Credit => {
                if self.open.is_some() {
                    self.add_body(i);
                } else if let Some(Unit::Credit { lines }) = self.units.last_mut() {
                    lines.push(i);
                } else {
                    self.units.push(Unit::Credit { lines: vec![i] });
                }
                self.last_body_line = Some(i);
            }
            LineKind::Text => {
                if self.is_display(i) {
                    // Lines print as one group when set apart from the rest by
                    // blank lines, or when all are bold doubled type; on a page
                    // without blank lines, adjacency says nothing.
                    let joins = i > 0
                        && !self.lines[i - 1].is_blank()
                        && (self.blank_separated
                            || (self.classes[i].undoubled.is_some()
                                && self.classes[i - 1].undoubled.is_some()));
                    match self.units.last_mut() {
                        Some(Unit::Display { lines })
                            if joins && lines.last() == Some(&(i - 1)) =>
                        {
                            lines.push(i)
                        }
                        _ => self.units.push(Unit::Display { lines: vec![i] }),
                    }
                } else {
                    if self.lines[i].indent && self.indented_page {
                        // An indent opens a paragraph.
                        self.open = None;
                    }
                    if self.open.is_none() {
                        self.units.push(Unit::Para {
                            lines: Vec::with_capacity(PARA_LINES),
                            lead: false,
                        });
                        self.open = Some(self.units.len() - 1);
                    }
                    self.add_body(i);
                }
            }
        }
    }

    /// Appends line `i` to the open paragraph and closes it at a sentence end
    /// that is also a paragraph end (see [`Reflow::ends_paragraph`]).
    fn add_body(&mut self, i: usize) {
        let Some(u) = self.open else { return };
        if let Unit::Para { lines, .. } = &mut self.units[u] {
            lines.push(i);
        }
        self.last_body_line = Some(i);
        if self.ends_paragraph(i) {
            self.open = None;
        }
    }

    /// A line ending a sentence ends its paragraph when paragraphs come one
    /// per line; in narrow columns only when it is short (the rest of the
    /// printed line left empty) or a blank line follows.
    fn ends_paragraph(&self, i: usize) -> bool {
        // A date alone on a line heads a diary entry: `6月23日`.
        if crate::conventions::is_date_only(self.lines[i].key) {
            return true;
        }
        if !self.classes[i].terminal {
            return false;
        }
        match self.layout.column {
            None => true,
            Some(w) => {
                self.lines[i].glyphs < self.local_width(w) - 1.5
                    || self.lines.get(i + 1).is_none_or(|l| l.is_blank())
            }
        }
    }

    /// The glyph width of a full line where the open paragraph is printed:
    /// the widest of its last few lines (articles on one page may be set in
    /// columns of different widths; justification spaces are not counted),
    /// or the page's column width when it has none yet.
    fn local_width(&self, page: f32) -> f32 {
        let Some(Unit::Para { lines, .. }) = self.open.map(|u| &self.units[u]) else {
            return page;
        };
        let prev = &lines[..lines.len().saturating_sub(1)];
        prev.iter()
            .rev()
            .take(3)
            .map(|&l| self.lines[l].glyphs)
            .reduce(f32::max)
            .unwrap_or(page)
    }

    /// Decides whether a text line is display type, from its shape and
    /// context.
    fn is_display(&self, i: usize) -> bool {
        let c = &self.classes[i];
        if c.undoubled.is_some() {
            return true;
        }
        if !c.display {
            return false;
        }
        // Where blank lines set display groups apart from bodies: a line
        // directly under running text in the same printed block is running
        // text; so is one directly above running text (but for a lead line
        // under its headline), and a block of more display-shaped lines than
        // a headline group has.
        if self.blank_separated {
            if i > 0 && !self.lines[i - 1].is_blank() && self.last_body_line == Some(i - 1) {
                return false;
            }
            if self.runs_into_body(i) {
                return false;
            }
        }
        let next = self.next_nonblank(i);
        let next_kind = next.map(|n| self.classes[n].kind);
        let next_is_body = next
            .is_some_and(|n| self.classes[n].kind == LineKind::Text && !self.classes[n].display);
        if matches!(next_kind, Some(LineKind::Lead | LineKind::Byline)) {
            return true;
        }
        let line = &self.lines[i];
        match self.layout.column {
            Some(w) => {
                let in_band = line.width >= w - 3.0 && line.width <= w + 1.5;
                // Column-width lines in a row that run into punctuated text
                // (or three of them) are running text, even with no
                // punctuation of their own.
                if in_band {
                    let n = self.band_run(i, w);
                    let into_text = self.lines.get(i + n).is_some_and(|l| !l.is_blank())
                        && matches!(self.classes.get(i + n), Some(c) if c.kind == LineKind::Text && !c.display);
                    if n >= 3 || into_text {
                        return false;
                    }
                }
                if self.open.is_some() {
                    // A column break inside a sentence: the line continues it
                    // unless it stands clear of the column width.
                    !in_band && !next_is_body
                } else {
                    !(in_band && next_is_body)
                }
            }
            None => {
                if self.open.is_some() {
                    false
                } else {
                    !(line.len() > LONG_DISPLAY && next_is_body && self.last_body_line.is_some())
                }
            }
        }
    }

    /// True when the display-shaped lines from `i` down its printed block
    /// run into running text, or number more than a headline group has.
    fn runs_into_body(&self, i: usize) -> bool {
        let mut n = 0;
        for j in i..self.lines.len() {
            if self.lines[j].is_blank() {
                return false;
            }
            let c = &self.classes[j];
            match c.kind {
                LineKind::Text if c.display || c.undoubled.is_some() => {
                    n += 1;
                    if n > MAX_GROUP {
                        return true;
                    }
                }
                LineKind::Text | LineKind::Credit => return true,
                _ => return false,
            }
        }
        false
    }

    /// How many lines from `i` (up to three, no blank between) are
    /// display-shaped text of about the column width `w`.
    fn band_run(&self, i: usize, w: f32) -> usize {
        (i..self.lines.len().min(i + 3))
            .take_while(|&j| {
                let (l, c) = (&self.lines[j], &self.classes[j]);
                c.kind == LineKind::Text
                    && c.display
                    && c.undoubled.is_none()
                    && l.width >= w - 3.0
                    && l.width <= w + 1.5
            })
            .count()
    }

    fn next_nonblank(&self, i: usize) -> Option<usize> {
        (i + 1..self.lines.len()).find(|&j| !self.lines[j].is_blank())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::classify;
    use crate::lines::{measure, split};

    fn units(text: &str) -> Vec<Unit> {
        let arena = bumpalo::Bump::new();
        let lines = split(text, &arena);
        let classes: Vec<_> = lines.iter().map(classify).collect();
        reflow(&lines, &classes, measure(&lines))
    }

    #[test]
    fn blank_line_inside_a_sentence_is_a_column_break() {
        let u = units(
            "标题在这里\n\n本报讯 （记者 张三） 近日，某工会\n\n开展活动。\n\n第二段开始了。",
        );
        assert_eq!(
            u,
            vec![
                Unit::Display { lines: vec![0] },
                Unit::Para {
                    lines: vec![2, 4],
                    lead: true
                },
                Unit::Para {
                    lines: vec![6],
                    lead: false
                },
            ]
        );
    }

    #[test]
    fn paragraph_continues_past_an_interleaved_headline() {
        let u = units("某工会开展活动，\n\n另一篇文章的标题\n本报讯 近日。\n\n");
        assert!(matches!(&u[0], Unit::Para { lines, .. } if lines == &[0]));
        assert_eq!(u[1], Unit::Display { lines: vec![2] });
    }
}
