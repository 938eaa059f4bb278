//! Pass 4 — segment: find where articles start and end.
//!
//! An article opens at a dateline paragraph (`本报讯…`), at a feature's
//! byline line (`□ 本报记者 X`), at running text after display lines that
//! introduce a photo caption or a column piece, or at running text with
//! nothing open. It closes at the next opening, at a photo credit
//! (`…摄影报道`) or at a signature (`单位 姓名`). Display lines between bodies
//! are subheads when they sit inside a piece and read like it; otherwise they
//! are left for the headline pass to place.

use crate::classify::Classified;
use crate::conventions::{self as cv, Marks};
use crate::headlines::coverage;
use crate::lines::Line;
use crate::reflow::Unit;

/// How an article opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opening {
    /// A dateline paragraph: `本报讯 （记者 X）…`.
    Lead,
    /// A byline line: `□ 本报记者 X`, or credit lines before the body.
    Byline,
    /// Running text with nothing else.
    Plain,
    /// An advertisement marker.
    Ad,
}

/// One block of a draft body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DraftBlock {
    /// A paragraph unit (index into the units).
    Para(usize),
    /// A subhead: a display unit inside the piece.
    Heading(usize),
}

/// An article before headlines are placed.
#[derive(Debug, Clone)]
pub struct Draft {
    pub opening: Opening,
    pub blocks: Vec<DraftBlock>,
    /// Byline or credit units before the body.
    pub byline_units: Vec<usize>,
    /// Photo-credit units after the body.
    pub credit_units: Vec<usize>,
    /// The signature line closing a column piece.
    pub signature: Option<usize>,
    /// The display unit naming the column (栏目).
    pub column: Option<usize>,
    /// The ad line of an ad.
    pub ad: Option<usize>,
    /// Ends with a photo credit.
    pub photo: bool,
    /// Units spanned, first and last.
    pub first_unit: usize,
    pub last_unit: usize,
    closed: bool,
}

impl Draft {
    fn new(opening: Opening, unit: usize) -> Self {
        Draft {
            opening,
            blocks: Vec::new(),
            byline_units: Vec::new(),
            credit_units: Vec::new(),
            signature: None,
            column: None,
            ad: None,
            photo: false,
            first_unit: unit,
            last_unit: unit,
            closed: false,
        }
    }

    /// Paragraph units of the body.
    pub fn paras(&self) -> impl Iterator<Item = usize> + '_ {
        self.blocks.iter().filter_map(|b| match b {
            DraftBlock::Para(u) => Some(*u),
            DraftBlock::Heading(_) => None,
        })
    }
}

/// The segmentation of a page.
#[derive(Debug, Clone, Default)]
pub struct Segments {
    pub drafts: Vec<Draft>,
    /// Display units left for the headline pass.
    pub free: Vec<usize>,
    /// Furniture lines.
    pub furniture: Vec<usize>,
}

/// Longest subhead, in glyphs.
const MAX_SUBHEAD: usize = 20;

/// Segments units into article drafts.
pub fn segment(lines: &[Line], classes: &[Classified], units: &[Unit]) -> Segments {
    let mut s = Segmenter {
        lines,
        classes,
        units,
        out: Segments::default(),
        current: None,
        pending: Vec::new(),
    };
    for u in 0..units.len() {
        s.unit(u);
    }
    s.close();
    s.out.free.append(&mut s.pending);
    s.out.drafts.sort_by_key(|d| d.first_unit);
    s.out
}

struct Segmenter<'a, 'b> {
    lines: &'a [Line<'b>],
    classes: &'a [Classified],
    units: &'a [Unit],
    out: Segments,
    current: Option<Draft>,
    /// Display units seen since the last body unit.
    pending: Vec<usize>,
}

impl Segmenter<'_, '_> {
    fn unit(&mut self, u: usize) {
        match &self.units[u] {
            Unit::Furniture { line } => self.out.furniture.push(*line),
            Unit::Ad { line } => {
                let mut d = Draft::new(Opening::Ad, u);
                d.ad = Some(*line);
                self.out.drafts.push(d);
            }
            Unit::Display { lines } => self.display(u, lines),
            Unit::Byline { .. } => self.open(Draft::new(Opening::Byline, u), u, true),
            Unit::Credit { .. } => self.credit(u),
            Unit::Para { lead: true, .. } => {
                let mut d = Draft::new(Opening::Lead, u);
                d.blocks.push(DraftBlock::Para(u));
                self.open(d, u, false);
            }
            Unit::Para { lead: false, .. } => self.para(u),
        }
    }

    /// Starts a new draft; pending display lines become free.
    fn open(&mut self, mut d: Draft, u: usize, byline: bool) {
        self.close();
        self.out.free.append(&mut self.pending);
        if byline {
            d.byline_units.push(u);
        }
        d.last_unit = u;
        self.current = Some(d);
    }

    fn close(&mut self) {
        if let Some(d) = self.current.take() {
            self.out.drafts.push(d);
        }
    }

    fn display(&mut self, u: usize, lines: &[usize]) {
        // A signature right under the body of a piece without a dateline.
        if self.pending.is_empty() && lines.len() == 1 {
            if let Some(d) = self.current.as_mut() {
                let raw = self.lines[lines[0]].raw;
                if d.opening != Opening::Lead
                    && !d.closed
                    && !d.blocks.is_empty()
                    && cv::signature(raw).is_some()
                {
                    d.signature = Some(lines[0]);
                    d.last_unit = u;
                    d.closed = true;
                    return;
                }
            }
        }
        self.pending.push(u);
    }

    /// Credit lines close the piece right above them (a photo credit always,
    /// other credits unless running text follows); otherwise they are the
    /// byline of a new piece.
    fn credit(&mut self, u: usize) {
        let next_is_body = matches!(self.units.get(u + 1), Some(Unit::Para { lead: false, .. }));
        let photo = cv::photo_credit_start(&self.text(u)) == Some(0);
        let pending = !self.pending.is_empty();
        match self.current.as_mut() {
            Some(d) if !pending && !d.closed && (photo || !next_is_body) => {
                d.credit_units.push(u);
                d.photo |= photo;
                d.last_unit = u;
                d.closed = true;
            }
            _ => {
                // Credits before a body: the byline of a new piece (a photo
                // credit printed above its caption makes a photo piece).
                let mut d = Draft::new(Opening::Byline, u);
                d.photo = photo;
                self.open(d, u, true);
            }
        }
    }

    fn para(&mut self, u: usize) {
        let ends_with_credit = (self.may_hold_photo_credit(u)
            && cv::photo_credit_start(&self.text(u)).is_some())
            || self.next_credit_is_photo(u);
        let Some(d) = self.current.as_mut() else {
            self.open(Draft::new(Opening::Plain, u), u, false);
            self.push_para(u);
            return;
        };
        // A caption with its photo credit is a piece of its own, even right
        // under a report's body.
        if ends_with_credit && d.paras().next().is_some() {
            self.open(Draft::new(Opening::Plain, u), u, false);
            self.push_para(u);
            return;
        }
        if self.pending.is_empty() && !d.closed {
            self.push_para(u);
            return;
        }
        if d.closed {
            self.open(Draft::new(Opening::Plain, u), u, false);
            self.push_para(u);
            return;
        }
        // A column name among the display lines opens a column piece.
        if let Some(pos) = self.pending.iter().position(|&p| {
            let key = self.display_key(p);
            cv::is_column_name(&key)
        }) {
            let col = self.pending.remove(pos);
            let mut nd = Draft::new(Opening::Plain, u);
            nd.column = Some(col);
            self.open(nd, u, false);
            self.push_para(u);
            return;
        }
        if self.pending.len() == 1 && self.is_subhead(self.pending[0]) {
            let h = self.pending.pop().expect("one pending");
            let d = self.current.as_mut().expect("current draft");
            d.blocks.push(DraftBlock::Heading(h));
            self.push_para(u);
            return;
        }
        self.open(Draft::new(Opening::Plain, u), u, false);
        self.push_para(u);
    }

    fn push_para(&mut self, u: usize) {
        if let Some(d) = self.current.as_mut() {
            d.blocks.push(DraftBlock::Para(u));
            d.last_unit = u;
        }
    }

    /// A single short display line inside a piece that reads like it: a
    /// subhead (小标题). In a piece without a dateline any such line is one;
    /// in a report, only when most of its words come from the body so far.
    fn is_subhead(&self, u: usize) -> bool {
        let Unit::Display { lines } = &self.units[u] else {
            return false;
        };
        if lines.len() != 1 || self.classes[lines[0]].undoubled.is_some() {
            return false;
        }
        let key = &self.lines[lines[0]].key;
        if self.lines[lines[0]].len() > MAX_SUBHEAD || cv::is_slogan(key) {
            return false;
        }
        let Some(d) = self.current.as_ref() else {
            return false;
        };
        match d.opening {
            Opening::Lead => {
                // The last few paragraphs are evidence enough, and keep the
                // test bounded in long pieces.
                let paras: Vec<usize> = d.paras().collect();
                let body: String = paras.iter().rev().take(8).map(|&p| self.text(p)).collect();
                coverage(key, &body) >= 0.6
            }
            _ => true,
        }
    }

    fn next_credit_is_photo(&self, u: usize) -> bool {
        matches!(self.units.get(u + 1), Some(Unit::Credit { .. }))
            && cv::photo_credit_start(&self.text(u + 1)) == Some(0)
    }

    fn display_key(&self, u: usize) -> String {
        self.units[u]
            .lines()
            .iter()
            .map(|&l| &*self.lines[l].key)
            .collect()
    }

    /// Some line of the unit holds the photo-credit mark (`摄`), a quick
    /// test before the unit's text is joined for [`cv::photo_credit_start`].
    fn may_hold_photo_credit(&self, u: usize) -> bool {
        self.units[u]
            .lines()
            .iter()
            .any(|&l| self.lines[l].marks.has(Marks::PHOTO))
    }

    /// The text of a unit.
    fn text(&self, u: usize) -> String {
        self.units[u].text(self.lines)
    }
}
