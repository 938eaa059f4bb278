//! Pass 5 — segment: find where articles start and end.
//!
//! An article opens at a dateline paragraph (`本报讯…`), at a feature's
//! byline line (`□ 本报记者 X`), at credits before a body, at running text
//! after display lines (its headline, wherever the headline pass later
//! finds it belongs), or at running text after a piece that closed. It
//! closes at the next opening, at a photo credit (`…摄影报道`) or at a
//! signature (`单位 姓名`). A single short display line between two
//! paragraphs of a feature is a subhead (小标题). Display lines are left for
//! the headline pass to place.

use crate::classify::Classified;
use crate::conventions::{self as cv, Marks};
use crate::lines::Line;
use crate::overlap::BigramSet;
use crate::positioned::Hint;
use crate::reflow::Unit;

/// How an article opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opening {
    /// A dateline paragraph: `本报讯 （记者 X）…`.
    Lead,
    /// A byline line: `□ 本报记者 X`, or credit lines before the body.
    Byline,
    /// Running text after display lines.
    Headed,
    /// Running text with nothing else.
    Plain,
    /// An advertisement marker.
    Ad,
}

impl Opening {
    /// How sure a start of this kind is, 0–1.
    pub fn sureness(self) -> f32 {
        match self {
            Opening::Lead | Opening::Ad => 1.0,
            Opening::Byline => 0.95,
            Opening::Headed => 0.85,
            Opening::Plain => 0.6,
        }
    }
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
    /// The display unit of the signature closing a column piece.
    pub signature: Option<usize>,
    /// The ad line of an ad.
    pub ad: Option<usize>,
    /// Ends with a photo credit.
    pub photo: bool,
    /// Units spanned, first and last.
    pub first_unit: usize,
    pub last_unit: usize,
    closed: bool,
    /// The display units printed right before the piece opened: its
    /// headline, most likely.
    heads: Vec<usize>,
}

impl Draft {
    fn new(opening: Opening, unit: usize) -> Self {
        Draft {
            opening,
            blocks: Vec::new(),
            byline_units: Vec::new(),
            credit_units: Vec::new(),
            signature: None,
            ad: None,
            photo: false,
            first_unit: unit,
            last_unit: unit,
            closed: false,
            heads: Vec::new(),
        }
    }

    /// Takes the blocks from paragraph unit `at` on, with the subheads
    /// right above it (all blocks with `whole`), out of the draft; credits
    /// and signature stay.
    pub fn take_blocks_from(&mut self, at: usize, whole: bool) -> Vec<DraftBlock> {
        let from = if whole { 0 } else { self.block_of(at) };
        self.take_blocks(from, self.blocks.len())
    }

    /// Takes the blocks from paragraph unit `at` up to paragraph unit
    /// `until` (each with the subheads right above it) out of the draft.
    pub fn take_blocks_between(&mut self, at: usize, until: usize) -> Vec<DraftBlock> {
        let from = self.block_of(at);
        self.take_blocks(from, self.block_of(until).max(from))
    }

    /// Where paragraph unit `at` starts in the blocks, with the subheads
    /// right above it (past the last block when it is none of them).
    fn block_of(&self, at: usize) -> usize {
        let mut k = self
            .blocks
            .iter()
            .position(|b| *b == DraftBlock::Para(at))
            .unwrap_or(self.blocks.len());
        while k > 0 && matches!(self.blocks[k - 1], DraftBlock::Heading(_)) {
            k -= 1;
        }
        k
    }

    /// Takes blocks `from..to` out of the draft; its last unit is that of
    /// what stays.
    fn take_blocks(&mut self, from: usize, to: usize) -> Vec<DraftBlock> {
        let taken = self.blocks.drain(from..to).collect();
        self.last_unit = self
            .blocks
            .iter()
            .map(|b| match *b {
                DraftBlock::Para(u) | DraftBlock::Heading(u) => u,
            })
            .chain(self.byline_units.iter().copied())
            .chain(self.credit_units.iter().copied())
            .chain(self.signature)
            .chain([self.first_unit])
            .max()
            .unwrap_or(self.first_unit);
        taken
    }

    /// Display units stand right above the piece's start: its headline,
    /// most likely.
    pub fn headed(&self) -> bool {
        !self.heads.is_empty()
    }

    /// Splits the text from paragraph unit `at` on off into a piece of its
    /// own, which takes the credits and signature closing this one.
    pub fn split_off_piece(&mut self, at: usize) -> Draft {
        let last_unit = self.last_unit;
        let mut piece = Draft::new(Opening::Plain, at);
        piece.credit_units = std::mem::take(&mut self.credit_units);
        piece.signature = self.signature.take();
        piece.photo = std::mem::take(&mut self.photo);
        piece.closed = self.closed;
        piece.blocks = self.take_blocks_from(at, false);
        if let Some(&(DraftBlock::Para(u) | DraftBlock::Heading(u))) = piece.blocks.first() {
            piece.first_unit = u;
        }
        piece.last_unit = last_unit;
        piece
    }

    /// Takes piece `next`, printed right after this one, into it: the
    /// display units that opened `next` become subheads (where `subheads`),
    /// its text and closing credits follow this piece's.
    fn take_in(&mut self, next: Draft, subheads: bool) {
        if subheads {
            self.blocks
                .extend(next.heads.iter().map(|&h| DraftBlock::Heading(h)));
        }
        self.blocks.extend(next.blocks);
        self.byline_units.extend(next.byline_units);
        self.credit_units.extend(next.credit_units);
        self.signature = next.signature.or(self.signature);
        self.photo = next.photo;
        self.closed = next.closed;
        self.last_unit = next.last_unit;
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

/// Joins each pair of pieces `(a, b)`, given by their first units, where
/// piece `b` follows piece `a` (pass 7c, [`crate::across`]): the display
/// units that opened `b` become `a`'s subheads and leave the headline
/// pass. A pair that is not two pieces in a row is left as it is.
pub fn join_pieces(segments: Segments, pairs: &[(usize, usize)]) -> Segments {
    join(segments, pairs, true)
}

/// Joins each pair of pieces `(a, b)` as [`join_pieces`] does, but the
/// display units that opened `b` stay for the headline pass: they head the
/// joined piece, whose dated opening OCR read before them
/// ([`crate::across::opening_read_before_its_headline`]).
pub fn join_under_headline(segments: Segments, pairs: &[(usize, usize)]) -> Segments {
    join(segments, pairs, false)
}

fn join(mut segments: Segments, pairs: &[(usize, usize)], subheads: bool) -> Segments {
    for &(a, b) in pairs.iter().rev() {
        let Some(k) = segments.drafts.iter().position(|d| d.first_unit == a) else {
            continue;
        };
        // (Two signatures close two pieces.)
        if segments.drafts.get(k + 1).is_none_or(|d| {
            d.first_unit != b || (d.signature.is_some() && segments.drafts[k].signature.is_some())
        }) {
            continue;
        }
        let next = segments.drafts.remove(k + 1);
        if subheads {
            segments.free.retain(|u| !next.heads.contains(u));
        }
        segments.drafts[k].take_in(next, subheads);
    }
    segments
}

/// Longest subhead, in glyphs.
const MAX_SUBHEAD: usize = 20;
/// A caption holds this many ideographs at least; fewer over a photo
/// credit are OCR debris.
const MIN_CAPTION_GLYPHS: usize = 4;
/// Longest second line of a subhead wrapped at the column, in glyphs.
const MAX_SUBHEAD_WRAP: usize = 2;
/// Paragraphs above a candidate subhead read for the piece's words.
const SUBHEAD_CONTEXT: usize = 3;
/// A subhead takes this share of its bigrams from the text above it
/// (fitted on the development corpus: subheads sit at a median of 0.06 and
/// a 75th percentile of 0.21, new pieces' headlines at 0.0 and 0.07).
const SUBHEAD_ECHO: f32 = 0.15;
/// The paragraph under a subhead shares this share of its bigrams with the
/// text above (median 0.07 under subheads, 0.02 at a new piece).
const SUBHEAD_COHESION: f32 = 0.12;
/// Display lines printed inside a piece's text are its own headline, not
/// the next piece's, when this share of their bigrams recurs in its text.
const INSIDE_HEADLINE_ECHO: f32 = 0.5;
/// Share of a piece's headline found in the paragraph under a display
/// line that says none of it: the headline goes on telling the piece.
const TITLE_ECHO_BELOW: f32 = 0.3;
/// Longest numbered subhead (`一、客流总量稳步回升，地铁公交成为主力`).
const MAX_NUMBERED_SUBHEAD: usize = 30;

/// Segments units into article drafts.
pub fn segment(lines: &[Line], classes: &[Classified], units: &[Unit]) -> Segments {
    segment_with(lines, classes, units, &[])
}

/// [`segment`] with what the page's geometry says of each line (positioned
/// input; none for plain text): a band of the page under running text
/// closes the piece above it.
pub fn segment_with(
    lines: &[Line],
    classes: &[Classified],
    units: &[Unit],
    hints: &[Hint],
) -> Segments {
    let mut s = Segmenter {
        lines,
        classes,
        units,
        hints,
        out: Segments::default(),
        current: None,
        pending: Vec::new(),
        after_furniture: false,
        after_ad: false,
    };
    for u in 0..units.len() {
        s.unit(u);
    }
    s.close();
    s.out.free.append(&mut s.pending);
    s.out.free.sort_unstable();
    s.out.drafts.sort_by_key(|d| d.first_unit);
    s.out
}

struct Segmenter<'a, 'b> {
    lines: &'a [Line<'b>],
    classes: &'a [Classified],
    units: &'a [Unit],
    /// Per line, what its position says (empty: plain text).
    hints: &'a [Hint],
    out: Segments,
    current: Option<Draft>,
    /// Display and column-name units seen since the last body unit.
    pending: Vec<usize>,
    /// A page's head (its edition or editor line) came since the last body
    /// unit: another page's, or this page's printed mid-text.
    after_furniture: bool,
    /// An advertisement came since the last body unit.
    after_ad: bool,
}

impl Segmenter<'_, '_> {
    fn unit(&mut self, u: usize) {
        // A band of the page under running text: the piece above ended
        // (unless the band opens with a subhead's size of type: a band
        // over a subhead may be a piece going on beside its headline).
        let band = self
            .hints
            .get(self.units[u].first_line())
            .is_some_and(|h| h.band_start);
        let small = self.units[u]
            .lines()
            .iter()
            .all(|&l| self.hints.get(l).is_some_and(|h| h.subhead()));
        if band && !small {
            self.close();
        }
        let after_furniture = std::mem::take(&mut self.after_furniture);
        match &self.units[u] {
            Unit::Furniture { line } => {
                self.out.furniture.push(*line);
                // A page's head: its edition or editor line, not a date
                // alone (a diary's entries open with dates).
                self.after_furniture = after_furniture
                    || self.classes[*line].kind == crate::classify::LineKind::Edition;
            }
            Unit::Ad { line } => {
                let mut d = Draft::new(Opening::Ad, u);
                d.ad = Some(*line);
                self.out.drafts.push(d);
                self.after_ad = true;
            }
            Unit::Column { .. } => {
                // A column name opens a new piece; the headline pass puts
                // it with the piece its headline goes to.
                self.close();
                self.pending.push(u);
            }
            Unit::Display { lines } => self.display(u, lines),
            Unit::Byline { .. } => {
                self.after_ad = false;
                let mut d = Draft::new(Opening::Byline, u);
                d.byline_units.push(u);
                self.open(d, u);
            }
            Unit::Credit { .. } => {
                self.after_ad = false;
                self.credit(u);
            }
            Unit::Para { lead: true, .. } => {
                self.after_ad = false;
                let mut d = Draft::new(Opening::Lead, u);
                d.blocks.push(DraftBlock::Para(u));
                self.open(d, u);
            }
            Unit::Para { lead: false, .. } => self.para(u, after_furniture),
        }
    }

    /// Starts a new draft: pending display lines become free for the
    /// headline pass, a waiting column name is the piece's.
    fn open(&mut self, mut d: Draft, u: usize) {
        self.close();
        d.last_unit = u;
        d.heads.clone_from(&self.pending);
        self.out.free.append(&mut self.pending);
        self.current = Some(d);
    }

    fn close(&mut self) {
        if let Some(d) = self.current.take() {
            self.out.drafts.push(d);
        }
    }

    fn display(&mut self, u: usize, lines: &[usize]) {
        // A signature right under a piece's body closes it (its name may
        // wrap: `某市滨河区总工会干部 田⏎书远`), also a piece opened by a
        // dateline: an extractor may read a column piece's text on after
        // a report's (whose authors the signature then does not name,
        // `assemble::draft_article`).
        if self.pending.is_empty() && lines.len() <= 2 && self.lines[lines[0]].widest_gap > 0 {
            let text = self.units[u].text(self.lines);
            if let Some(d) = self.current.as_mut() {
                // (Under a dated report, only a person signing with a
                // post: a place's or body's name and a phrase is a kicker.)
                let signs = if d.opening == Opening::Lead {
                    cv::signed_with_post(&text)
                } else {
                    cv::signature(&text).is_some()
                };
                if !d.closed && !d.blocks.is_empty() && signs {
                    d.signature = Some(u);
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
                d.byline_units.push(u);
                self.open(d, u);
            }
        }
    }

    fn para(&mut self, u: usize, after_furniture: bool) {
        let ends_with_credit = (self.may_hold_photo_credit(u)
            && cv::photo_credit_start(&self.text(u)).is_some())
            || self.next_credit_is_photo(u);
        let after_ad = std::mem::take(&mut self.after_ad);
        let opening = if self.pending.is_empty() {
            Opening::Plain
        } else {
            Opening::Headed
        };
        // Past a page's head printed mid-text (`2021年9月7日·星期二⏎
        // 责任编辑：…`), a paragraph that neither carries on a cut sentence
        // nor the words of the piece above starts another piece, its
        // headline printed elsewhere.
        let new_page = after_furniture
            && self
                .current
                .as_ref()
                .is_some_and(|d| self.ended_sentence(d) && !self.coheres(d, u));
        let Some(d) = self.current.as_mut() else {
            return self.open_with(opening, u);
        };
        if d.closed {
            return self.open_with(opening, u);
        }
        if self.pending.is_empty() {
            // A caption with its photo credit is a piece of its own, even
            // right under a report's body.
            // (Not a glyph or two of OCR debris between a caption and its
            // credit, `…驻足观赏。⏎⏎工 ”⏎⏎某报记者 某某 摄`: the credit
            // closes the caption above.)
            if ends_with_credit && d.paras().next().is_some() && !self.debris_over_credit(u) {
                return self.open_with(Opening::Plain, u);
            }
            if new_page || self.closed_by_credit(u) {
                return self.open_with(Opening::Plain, u);
            }
            return self.push_para(u);
        }
        // A caption closed by its photo credit, under display type: the
        // photo's own piece, headed by it. So is text under display type
        // past an advertisement: a piece may run on round an ad, but not
        // under a headline after it.
        if ends_with_credit || after_ad {
            return self.open_with(opening, u);
        }
        // Subheads by size, all that is pending or the last of it: the
        // piece goes on under them (a headline before them, printed beside
        // the piece's first column, is left to the headline pass).
        let subheads = self
            .pending
            .iter()
            .rev()
            .take_while(|&&h| self.subhead_by_size(h))
            .count();
        if subheads > 0 {
            let heads = self.pending.split_off(self.pending.len() - subheads);
            self.out.free.append(&mut self.pending);
            let d = self.current.as_mut().expect("current draft");
            d.blocks.extend(heads.into_iter().map(DraftBlock::Heading));
            return self.push_para(u);
        }
        // Display type printed inside the last paragraph of a piece with no
        // headline above it, the piece's words going on below: that
        // piece's headline, printed where its text flows round it, for the
        // headline pass to place — not a subhead, which stands between
        // two paragraphs.
        let headless_inside = self.current.as_ref().is_some_and(|d| {
            self.pending.len() == 1
                && !self.has_headline_above(d)
                && self.inside_last_para(d, self.pending[0])
        });
        if headless_inside && self.set_aside_interleaved(u) {
            return self.push_para(u);
        }
        // (So is one the subhead test reads as the piece going on under
        // it: no subhead stands inside a paragraph.)
        let subhead = self.pending.len() == 1 && self.is_subhead(self.pending[0], u);
        if headless_inside && subhead {
            self.out.free.append(&mut self.pending);
            return self.push_para(u);
        }
        if subhead {
            let h = self.pending.pop().expect("one pending");
            let d = self.current.as_mut().expect("current draft");
            d.blocks.push(DraftBlock::Heading(h));
            return self.push_para(u);
        }
        if self.set_aside_interleaved(u) {
            return self.push_para(u);
        }
        self.open_with(opening, u)
    }

    /// Display lines printed inside the current piece's last paragraph
    /// (the paragraph runs on below them: `被外地公⏎守护民生 温暖职工⏎司包揽的
    /// 局面。`) are another story's headline or the page's banner that the
    /// extractor set into the column; when paragraph `next` carries on the
    /// words of the piece, they do not open a piece at it. They stay free
    /// for the headline pass.
    fn set_aside_interleaved(&mut self, next: usize) -> bool {
        let Some(d) = self.current.as_ref() else {
            return false;
        };
        let (inside, rest): (Vec<usize>, Vec<usize>) = self
            .pending
            .iter()
            .partition(|&&p| self.inside_last_para(d, p));
        let set_aside = !inside.is_empty()
            && rest.is_empty()
            && (self.coheres(d, next)
                || self.echo_the_piece(d, &inside)
                || inside.iter().all(|&u| self.slogan(u)));
        if set_aside {
            self.out.free.append(&mut self.pending);
        }
        set_aside
    }

    /// Unit `u` was printed inside draft `d`'s last paragraph, which runs
    /// on below it.
    fn inside_last_para(&self, d: &Draft, u: usize) -> bool {
        let Some(last) = d.paras().last() else {
            return false;
        };
        let end = self.units[last].lines().last().copied().unwrap_or(0);
        self.units[u].lines().first().is_some_and(|&l| l < end)
    }

    /// Display type stands above draft `d`'s start: a headline, most
    /// likely. A column's name (`【城市茶座】`) is no headline: a column's
    /// piece has its own title too.
    fn has_headline_above(&self, d: &Draft) -> bool {
        d.heads
            .iter()
            .any(|&h| !matches!(self.units[h], Unit::Column { .. }))
    }

    /// Display unit `u` is one line of a page slogan couplet
    /// ([`couplet`](crate::heads::couplet): `关爱职工 共建家园`), which
    /// heads no piece.
    fn slogan(&self, u: usize) -> bool {
        matches!(self.units[u].lines(), [l] if crate::heads::couplet(self.lines[*l].raw))
    }

    /// Display units printed inside draft `d`'s text whose words come from
    /// it: its own headline, printed where its columns flow round it
    /// (`…安全巡查⏎⏎某某检查督导滨江防汛备汛安全巡查工作⏎⏎工作时指出…`).
    fn echo_the_piece(&self, d: &Draft, inside: &[usize]) -> bool {
        let display = BigramSet::of(inside.iter().flat_map(|&u| self.keys(u)));
        display.share_in(&self.above(d)) >= INSIDE_HEADLINE_ECHO
    }

    fn open_with(&mut self, opening: Opening, u: usize) {
        self.open(Draft::new(opening, u), u);
        self.push_para(u);
    }

    fn push_para(&mut self, u: usize) {
        if let Some(d) = self.current.as_mut() {
            d.blocks.push(DraftBlock::Para(u));
            d.last_unit = u;
        }
    }

    /// Positioned input: display units between two paragraphs of a piece,
    /// set in type only a little larger than the body's, are subheads
    /// ([`Hint::subhead`]).
    fn subhead_by_size(&self, h: usize) -> bool {
        let lines = self.units[h].lines();
        let small = lines
            .iter()
            .all(|&l| self.hints.get(l).is_some_and(|h| h.subhead()));
        small
            && matches!(self.units[h], Unit::Display { .. })
            && self
                .current
                .as_ref()
                .is_some_and(|d| !d.closed && d.paras().next().is_some())
    }

    /// A short display unit between two paragraphs of a piece, unit `h`
    /// before paragraph `next`: a subhead (小标题) when numbered (`一、…`,
    /// see below); else a single line, or one wrapped onto a glyph or
    /// two, when the piece goes on around it — the line's words
    /// come from the text above, or the text below carries on the words of
    /// the text above, or the piece has had subheads before. A new piece's
    /// headline shares little with the piece it follows.
    fn is_subhead(&self, h: usize, next: usize) -> bool {
        let Unit::Display { lines } = &self.units[h] else {
            return false;
        };
        let Some(d) = self.current.as_ref() else {
            return false;
        };
        if self.classes[lines[0]].undoubled.is_some() {
            return false;
        }
        let line = &self.lines[lines[0]];
        if cv::is_numbered_subhead(line.key) && !d.blocks.is_empty() {
            // A numbered subhead heads a section of the piece it stands
            // in, on one line or wrapped at the column's width (`一、客流
            // 总量稳步回升，地铁⏎公交成为主力`); printed with more (a
            // figure's labels under `三、…`), it does when the piece has
            // had a numbered subhead and the text below carries on the
            // piece's words.
            let glyphs: usize = lines.iter().map(|&l| self.lines[l].len()).sum();
            if lines.len() <= 2 && glyphs <= MAX_NUMBERED_SUBHEAD {
                return true;
            }
            return self.numbered_series(d) && self.coheres(d, next);
        }
        // A diary entry's head (its title, its dateline, who writes it)
        // inside the diary: `3月5日，农历二月十二，晴⏎王五 某区分局民警`.
        if lines
            .iter()
            .take(2)
            .any(|&l| cv::is_diary_entry_date(self.lines[l].key))
            && d.paras().next().is_some()
        {
            return true;
        }
        // One line or two; a second that holds a glyph or two and its
        // closing marks is the first one's wrap (`行动快！某某社区：当天部署到位，至今零投⏎诉`,
        // `某某物流：“同心协力，共渡难⏎关！”`).
        let wrapped = lines.len() == 2
            && self.lines[lines[1]]
                .key
                .chars()
                .filter(|&c| crate::clean::is_cjk(c) || c.is_alphanumeric())
                .count()
                <= MAX_SUBHEAD_WRAP;
        // A feature an agency filed under its title (`…电 题：…`) runs
        // subheads, up to two lines of the column.
        let title_filed = d.opening == Opening::Lead
            && d.paras().next().is_some_and(|p| {
                self.units[p]
                    .lines()
                    .first()
                    .is_some_and(|&l| cv::files_a_title(self.lines[l].key))
            });
        if lines.len() > 2 {
            return false;
        }
        if line.len() > MAX_SUBHEAD || cv::is_slogan(line.key) || cv::is_column_name(line.key) {
            return false;
        }
        if d.paras().next().is_none() || (d.opening == Opening::Lead && !title_filed) {
            return false;
        }
        // Two lines, not a wrap onto a glyph or two: a subhead when its
        // words come from the piece above and the text under it carries the
        // piece's words on (`某某物流：“保供就是任务，送⏎达就是承诺！”` in a
        // piece on couriers' work); two lines over a text of other words
        // head the next piece.
        if lines.len() == 2 && !wrapped && !title_filed {
            let words = BigramSet::of(lines.iter().map(|&l| self.lines[l].key));
            if !self.coheres(d, next) || words.share_in(&self.above(d)) < SUBHEAD_ECHO {
                return false;
            }
        }
        // A piece under its own byline line (`□ 本报记者 X`) is a long
        // feature, the kind that runs subheads; so is one filed under its
        // title, or one that had some.
        if d.opening == Opening::Byline
            || title_filed
            || d.blocks.iter().any(|b| matches!(b, DraftBlock::Heading(_)))
        {
            return true;
        }
        let head = BigramSet::of([line.key]);
        if head.share_in(&self.above(d)) >= SUBHEAD_ECHO || self.coheres(d, next) {
            return true;
        }
        // The piece's headline, printed above its first paragraph, names
        // what the text under this line tells, and this line does not:
        // the piece goes on (`城郊小区防控一线见闻` … `我们都是守门人` ⏎
        // `东风小区地处城郊，…防控一线的志愿者…`).
        if d.heads.is_empty() {
            return false;
        }
        let title = BigramSet::of(d.heads.iter().flat_map(|&h| self.keys(h)));
        title.share_in_text(self.keys(next)) >= TITLE_ECHO_BELOW
            && head.share_in_text(self.keys(next)) < SUBHEAD_ECHO
    }

    /// Draft `d` has a numbered subhead: it runs a series of sections.
    fn numbered_series(&self, d: &Draft) -> bool {
        d.blocks.iter().any(|b| match *b {
            DraftBlock::Heading(h) => self.units[h]
                .lines()
                .first()
                .is_some_and(|&l| cv::is_numbered_subhead(self.lines[l].key)),
            DraftBlock::Para(_) => false,
        })
    }

    /// The current draft's last paragraph ends with the names-only credit
    /// that closes a news item (`…的新航线。（钱七 孙八）`), and paragraph
    /// `next` does not carry the piece's words on (a bracket of two
    /// glyphs may be a speech's `（掌声）`): the text after it is another
    /// piece's, its headline printed elsewhere.
    fn closed_by_credit(&self, next: usize) -> bool {
        let Some(d) = self.current.as_ref() else {
            return false;
        };
        // (Told first on the last line's end: most close no bracket.)
        d.paras().last().is_some_and(|p| {
            self.units[p]
                .lines()
                .last()
                .is_some_and(|&l| crate::clean::trim_end(self.lines[l].key).ends_with(['）', ')']))
                && cv::ends_with_name_credit(&self.text(p))
        }) && !self.coheres(d, next)
    }

    /// Draft `d`'s last paragraph ends a sentence.
    fn ended_sentence(&self, d: &Draft) -> bool {
        d.paras()
            .last()
            .and_then(|p| self.units[p].lines().last())
            .is_some_and(|&l| self.classes[l].terminal)
    }

    /// The bigrams of the last paragraphs of draft `d`.
    fn above(&self, d: &Draft) -> BigramSet {
        let paras: Vec<usize> = d.paras().collect();
        BigramSet::of(
            paras
                .iter()
                .rev()
                .take(SUBHEAD_CONTEXT)
                .flat_map(|&p| self.keys(p)),
        )
    }

    /// Paragraph `next` carries on the words of the last paragraphs of
    /// draft `d`.
    fn coheres(&self, d: &Draft, next: usize) -> bool {
        BigramSet::of(self.keys(next)).share_in(&self.above(d)) >= SUBHEAD_COHESION
    }

    fn keys(&self, u: usize) -> impl Iterator<Item = &str> + '_ {
        self.units[u].lines().iter().map(|&l| self.lines[l].key)
    }

    fn next_credit_is_photo(&self, u: usize) -> bool {
        matches!(self.units.get(u + 1), Some(Unit::Credit { .. }))
            && cv::photo_credit_start(&self.text(u + 1)) == Some(0)
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
    /// Paragraph `u`, up to the photo credit that ends it or follows it,
    /// holds fewer than [`MIN_CAPTION_GLYPHS`] ideographs: OCR debris.
    fn debris_over_credit(&self, u: usize) -> bool {
        let text = self.text(u);
        let end = cv::photo_credit_start(&text).unwrap_or(text.len());
        text[..end]
            .chars()
            .filter(|&c| crate::clean::is_cjk(c))
            .take(MIN_CAPTION_GLYPHS)
            .count()
            < MIN_CAPTION_GLYPHS
    }

    fn text(&self, u: usize) -> String {
        self.units[u].text(self.lines)
    }
}
