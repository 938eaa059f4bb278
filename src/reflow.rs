//! Pass 4 — reflow: decide for each line of text whether it is running text
//! or display type, join running text into paragraphs and gather display
//! lines into groups.
//!
//! Running text flows: a paragraph stays open while its last line fills the
//! column or does not end a sentence, and the next line of text continues
//! it — past a blank line (a column break), past a display line an extractor
//! printed inside it. Where a paragraph has ended, the next line either
//! starts a paragraph (it is shaped like one: the dropped indent, or a full
//! line followed by more) or is display type (a line shorter or wider than
//! the column that ends no sentence, the line before a dateline, a line of
//! doubled bold glyphs). A paragraph that breaks off mid-sentence at a
//! column's foot, right above the next piece's dateline, waits: an
//! extractor that reads two columns block by block in turn prints its text
//! a block or two on, and the block that shares its words, more than the
//! open paragraph's, carries it on. Every decision that could have gone the
//! other way is kept with a [`Decision`] telling how sure it was.

use crate::classify::{Classified, LineKind};
use crate::clean::has_ideographs;
use crate::layout::{Blanks, Indents, Layout, Shape};
use crate::lines::Line;
use crate::overlap;
use crate::positioned::Hint;
use rustc_hash::{FxHashMap, FxHashSet};

/// A unit of the page: one paragraph, display group, credit or furniture line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unit {
    /// Running text; `lead` when it opens with a dateline.
    Para { lines: Vec<usize>, lead: bool },
    /// Display lines printed together (no blank line or text between them).
    Display { lines: Vec<usize> },
    /// Credit lines standing apart from a paragraph: `本报记者 沈川`.
    Credit { lines: Vec<usize> },
    /// A feature's byline line: `□ 本报记者 石岚`.
    Byline { line: usize },
    /// An advertisement marker or description.
    Ad { line: usize },
    /// Page furniture: date or edition line.
    Furniture { line: usize },
    /// A column name in brackets: `【街坊心声】`.
    Column { line: usize },
}

impl Unit {
    /// The unit's lines (indices into the page's lines).
    pub fn lines(&self) -> &[usize] {
        match self {
            Unit::Para { lines, .. } | Unit::Display { lines } | Unit::Credit { lines } => lines,
            Unit::Byline { line }
            | Unit::Ad { line }
            | Unit::Furniture { line }
            | Unit::Column { line } => std::slice::from_ref(line),
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

/// How sure the body/display decision on a line was, 0–1.
pub type Decision = f32;

/// The units of a page and how sure each line's placement was.
#[derive(Debug, Clone, Default)]
pub struct Reflowed {
    /// In source order of their first line.
    pub units: Vec<Unit>,
    /// Per line: how sure its decision (running text or display) was; 1 for
    /// lines a convention decided (furniture, datelines, blanks).
    pub sure: Vec<Decision>,
}

/// Most ideographs of a paragraph's last line under a sentence cut at the
/// column's edge, right above a dateline (`…沿街商户⏎时指出⏎新华社…`); a
/// longer line there is a headline (`…包揽的园林设计局面⏎码头扩建通过验收⏎
/// 本报讯…`).
const MAX_TAIL: usize = 4;

/// Lines after a candidate headline read for its echo in the text below.
const ECHO_LINES: usize = 8;
/// Lines after a wrapped headline that asks read for its words: its
/// piece's opening paragraphs, past a first one that talks of other things
/// (`…7月2日晚间，某市召开…` under `某某：面对汛期，城市排水系统⏎要补上
/// 哪些短板？`). (Set by hand: twice [`ECHO_LINES`].)
const PIECE_LINES: usize = 2 * ECHO_LINES;
/// A line ending in `！` or `？` after a paragraph's end is a headline when
/// this share of its bigrams recurs in the text below it (a headline's words
/// come back in its lead; a one-line exclamation's seldom do).
const HEADLINE_ECHO: f32 = 0.5;
/// A run of lines at about the column's width that ends no sentence is a
/// headline when this share of its first line's bigrams recurs below it.
const WRAPPED_HEADLINE_ECHO: f32 = 0.25;
/// A line this many cells short of the column ends its paragraph even
/// without punctuation.
const NO_PUNCT_END: f32 = 2.0;
/// Longest display line (glyphs) of a page in columns: a headline across
/// columns runs to about thirty; a longer line is a caption or a paragraph
/// set across columns.
const MAX_NARROW_DISPLAY: usize = 36;
/// Fewest ideographs a display line standing alone holds (a headline's
/// wrapped last line may hold fewer: `路项目`).
const MIN_DISPLAY_GLYPHS: usize = 3;
/// On a page of one paragraph per line, a line longer than this (glyphs)
/// that ends no sentence, above running text, is a paragraph cut by a
/// blank line rather than a headline.
const LONG_DISPLAY: usize = 20;
/// Most lines a headline wraps over at about the column's width.
const MAX_WRAPPED: usize = 3;
/// Longest run of display-shaped lines a headline group prints; a longer run
/// is running text set without punctuation (a list, a table).
const MAX_GROUP: usize = 8;

/// A block carries on a waiting paragraph only when this share of its
/// bigrams at least is that paragraph's: a word or two in common is any
/// two pieces' (a paragraph may wait across many blocks). Set on the
/// development corpus: above 0 it gives OCR back 0.001 that waiting across
/// blocks cost (one page 0.021), at 0.1 an OCR page loses 0.041.
const MIN_WAITING_SHARE: f32 = 0.05;
/// Most paragraphs waiting for their text at once (an extractor that reads
/// a page block by block may cut several before it prints the text of
/// any).
const MAX_WAITING: usize = 3;
/// Last lines of a paragraph whose words a block that may carry it on is
/// read against.
const SHARE_LINES: usize = 24;
/// A line printed straight under a broken one takes up a waiting paragraph
/// only when its block shares this share of its bigrams with it at least…
/// (Set on the one such break on the development sets, 0.09 against 0.005
/// for the open paragraph, over the review's counter-examples, two pieces
/// on one subject: 0.07 against 0.05.)
const TAKE_UP_SHARE: f32 = 0.08;
/// …and this many times its share with the open paragraph.
const TAKE_UP_RATIO: f32 = 3.0;
/// A short line set apart above another display line goes on the open
/// paragraph, as its tail, when this share of its bigrams is that
/// paragraph's: the sentence's own words. (Set by hand; the one such
/// headline on the development sets shares 0.11 with the paragraph above.)
const TAIL_SHARE: f32 = 0.3;
/// A paragraph's first line is indented by two cells (空两格).
const INDENT_CELLS: f32 = 2.0;
/// How far a line's measured shortfall may stray from [`INDENT_CELLS`] and
/// still read as an indent (a glyph of punctuation narrower than its cell).
const INDENT_TOLERANCE: f32 = 0.5;

/// Reflows classified lines into units.
pub fn reflow(lines: &[Line], classes: &[Classified], layout: &Layout) -> Reflowed {
    reflow_with(lines, classes, layout, &[])
}

/// [`reflow`] with what the page's geometry says of each line (positioned
/// input; none for plain text): type size decides display type from
/// running text, and an indent starts a paragraph.
pub fn reflow_with(
    lines: &[Line],
    classes: &[Classified],
    layout: &Layout,
    hints: &[Hint],
) -> Reflowed {
    let mut r = Reflow {
        lines,
        classes,
        layout,
        hints,
        units: Vec::new(),
        sure: vec![1.0; lines.len()],
        open: None,
        parked: Vec::new(),
        carried: None,
        carry: None,
        across_blank: None,
        anchors: FxHashMap::default(),
        after_start: false,
        last_display: None,
        group_carried: None,
        pairs: std::cell::OnceCell::new(),
    };
    for i in 0..lines.len() {
        r.line(i);
    }
    // A paragraph that a block carried on from a waiting one reads after
    // it, not where the block was printed.
    let mut keyed: Vec<((usize, usize), Unit)> = r
        .units
        .into_iter()
        .enumerate()
        .map(|(u, unit)| {
            let first = unit.first_line();
            ((r.anchors.get(&u).copied().unwrap_or(first), first), unit)
        })
        .collect();
    keyed.sort_by_key(|k| k.0);
    r.units = keyed.into_iter().map(|k| k.1).collect();
    Reflowed {
        units: r.units,
        sure: r.sure,
    }
}

struct Reflow<'a, 'b> {
    lines: &'a [Line<'b>],
    classes: &'a [Classified],
    layout: &'a Layout,
    /// Per line, what its position and type size say (empty: plain text).
    hints: &'a [Hint],
    units: Vec<Unit>,
    sure: Vec<Decision>,
    /// The paragraph (index into `units`) that has not ended.
    open: Option<usize>,
    /// Paragraphs that stopped mid-sentence at a column's foot where
    /// another piece's text began, oldest first: their text carries on
    /// further down.
    parked: Vec<usize>,
    /// The block being read carried on a waiting paragraph: the line the
    /// paragraphs it goes on to open read after.
    carried: Option<usize>,
    /// The paragraph the block carried on, and the one printed before the
    /// block (the piece it broke into).
    carry: Option<(usize, Option<usize>)>,
    /// A blank line ended the block that carried a paragraph on, on a page
    /// whose blank lines part paragraphs: [`carry`](Self::carry), for a
    /// paragraph the next line opens to weigh
    /// ([`opened_after_carry`](Self::opened_after_carry)).
    across_blank: Option<(usize, Option<usize>)>,
    /// Paragraphs that read after a line above their own: unit → line.
    anchors: FxHashMap<usize, usize>,
    /// An article has just opened with a byline: the next text is its body.
    after_start: bool,
    /// The last line placed as display type, and its unit.
    last_display: Option<(usize, usize)>,
    /// The line the block that display group's first line closed had
    /// carried on from ([`carried`](Self::carried)), if any.
    group_carried: Option<usize>,
    /// Every two glyphs side by side within a line of the page (UTF-8
    /// keys), read once when a word across a break is first asked for.
    pairs: std::cell::OnceCell<FxHashSet<(u32, u32)>>,
}

impl Reflow<'_, '_> {
    fn line(&mut self, i: usize) {
        let kind = self.classes[i].kind;
        if kind != LineKind::Text {
            // (On a page whose blank lines mark column breaks, the block
            // after one is any column's: `-layout` lost a page, −0.080.)
            self.across_blank = match (kind, self.carried, self.carry) {
                (LineKind::Blank, Some(_), Some(carry))
                    if self.layout.blanks == crate::layout::Blanks::Paragraphs =>
                {
                    Some(carry)
                }
                // (Over more blank lines than one too.)
                (LineKind::Blank, None, _) => self.across_blank,
                _ => None,
            };
            self.carried = None;
        }
        match self.classes[i].kind {
            LineKind::Blank => {}
            LineKind::Date | LineKind::Edition => {
                self.units.push(Unit::Furniture { line: i });
            }
            LineKind::Ad => self.units.push(Unit::Ad { line: i }),
            LineKind::Column => {
                self.open = None;
                self.units.push(Unit::Column { line: i });
            }
            LineKind::Byline => {
                self.open = None;
                self.after_start = true;
                self.units.push(Unit::Byline { line: i });
            }
            LineKind::Lead if self.classes[i].weak_lead && self.after_body() => {
                // `据…报道` opening a paragraph inside a report is a source
                // named in running text, not a dateline.
                self.text(i)
            }
            LineKind::Lead => {
                self.park();
                self.new_para(i, true);
            }
            LineKind::Credit => {
                if self.open.is_some() {
                    self.add_body(i);
                } else if let Some(Unit::Credit { lines }) = self.units.last_mut() {
                    lines.push(i);
                } else {
                    self.units.push(Unit::Credit { lines: vec![i] });
                    // Credits before a body open a piece (`本报记者 X`); a
                    // photo credit (`新华社记者 何帆 摄`) closes its caption.
                    self.after_start =
                        crate::conventions::photo_credit_start(self.lines[i].raw).is_none();
                }
            }
            LineKind::Text => {
                let across = self.across_blank.take();
                self.text(i);
                if let Some(carry) = across {
                    self.opened_after_carry(i, carry);
                }
            }
        }
    }

    fn text(&mut self, i: usize) {
        if let Some(&h) = self.hints.get(i).filter(|h| h.known()) {
            if let Some(display) = h.decides(self.lines[i].raw) {
                return self.by_geometry(i, display, h);
            }
        }
        if self.classes[i].undoubled.is_some() {
            // Bold display type opens another piece, as a dateline does: a
            // paragraph broken off above it waits for its text.
            self.park();
            return self.display(i, 1.0);
        }
        if self.dashed_subtitle(i) {
            return self.display(i, 0.8);
        }
        if self.open.is_some() {
            match self.continues(i) {
                Continues::Yes(sure) => {
                    self.sure[i] = sure;
                    let unparked = self.unparks(i, self.open, false).map(|k| (k, false));
                    if let Some((k, inside)) =
                        unparked.or_else(|| self.takes_up_waiting(i).map(|k| (k, true)))
                    {
                        // Columns read in turn: this block carries on a
                        // paragraph that broke off before, and the open
                        // one, broken off too, waits for its own text.
                        let broke_off = self.open.filter(|_| inside || self.open_broken_off());
                        self.open = Some(self.parked.remove(k));
                        self.carry();
                        self.add_body(i);
                        self.wait(broke_off);
                        return;
                    }
                    // The waiting paragraph waits on across the open
                    // piece's own column breaks: an extractor that reads a
                    // page block by block prints the whole of the piece
                    // that broke in before the text it cut off.
                    if self.lines[i - 1].is_blank() {
                        self.carry_moved_on();
                    }
                    return self.add_body(i);
                }
                Continues::Interleaved(sure) => return self.display(i, sure),
                // Display type or a new start breaking a paragraph off
                // mid-sentence at a column's foot: it waits for its text.
                Continues::No => self.park(),
            }
        } else if let Some(k) = (!self.parked.is_empty() && self.ends_no_paragraph_start(i))
            .then(|| self.unparks(i, self.ended_above(), true))
            .flatten()
        {
            self.sure[i] = 0.6;
            self.open = Some(self.parked.remove(k));
            self.carry();
            return self.add_body(i);
        }
        if std::mem::take(&mut self.after_start) {
            self.sure[i] = 0.9;
            return self.new_para(i, false);
        }
        let (display, sure) = self.starts_display(i);
        if display {
            self.display(i, sure);
        } else {
            self.sure[i] = sure;
            self.forget_parked(i);
            self.new_para(i, false);
        }
    }

    /// A block that carries text on from somewhere, and from none of the
    /// waiting paragraphs, ends the wait of them all: the page is not read
    /// in the order that cut them (tried: keeping them waiting gave a
    /// pdfminer page's text to the wrong pieces).
    fn forget_parked(&mut self, i: usize) {
        if !self.parked.is_empty()
            && i > 0
            && self.lines[i - 1].is_blank()
            && !self.starts_paragraph(i)
        {
            self.parked.clear();
        }
    }

    /// The paragraph printed last, where it ended and waits for nothing:
    /// the text a block opening inside a paragraph under it is read
    /// against (it carries on a waiting one only where it shares that
    /// one's words more).
    fn ended_above(&self) -> Option<usize> {
        self.units
            .iter()
            .rposition(|u| matches!(u, Unit::Para { .. }))
            .filter(|u| !self.parked.contains(u))
    }

    /// Places line `i` as its type size says: display type, or running
    /// text that carries the open paragraph on unless it is indented, and
    /// ends it when it stops short of its block's right edge.
    fn by_geometry(&mut self, i: usize, display: bool, h: Hint) {
        if display {
            self.open = None;
            return self.display(i, 1.0);
        }
        self.after_start = false;
        self.last_display = None;
        let open = self.open.filter(|_| !h.indent).unwrap_or_else(|| {
            self.units.push(Unit::Para {
                lines: Vec::with_capacity(8),
                lead: false,
            });
            self.units.len() - 1
        });
        if let Unit::Para { lines, .. } = &mut self.units[open] {
            lines.push(i);
        }
        self.open = (!h.short).then_some(open);
    }

    /// Ends the open paragraph; one that stopped mid-sentence at the foot
    /// of a column, where a blank line follows, waits for its text.
    fn park(&mut self) {
        if self.hints.is_empty()
            && self.open_broken_off()
            && self
                .open_last()
                .is_some_and(|p| self.lines.get(p + 1).is_some_and(Line::is_blank))
        {
            self.wait(self.open);
        }
        self.open = None;
    }

    /// Paragraph `u`, if any, waits for its text, with those already
    /// waiting (the oldest past [`MAX_WAITING`] given up).
    fn wait(&mut self, u: Option<usize>) {
        let Some(u) = u else { return };
        if !self.parked.contains(&u) {
            if self.parked.len() == MAX_WAITING {
                self.parked.remove(0);
            }
            self.parked.push(u);
        }
    }

    /// Line `i` opens a block (a blank line above it) while paragraphs
    /// wait for their text, and the block's words are more a waiting
    /// paragraph's than the open one's (`rival`): which of the waiting
    /// (index into them), the one whose words the block shares most. An
    /// open paragraph whose last line ends in a clause mark or inside a
    /// bracket (`…将才学、`, `（记者`) keeps the block: its sentence cannot
    /// end there.
    ///
    /// Under a paragraph that ended (`rival` the one printed last), a block
    /// that opens inside a paragraph carries one on from somewhere: the
    /// words are read there from the `pieces` the paragraphs open
    /// ([`BlockWords::share`]), a waiting paragraph's few lines being too
    /// little text to tell its piece's words by:
    ///
    /// ```text
    /// 3月13日，一场中外专家的       ← breaks off (waits)
    ///
    /// 某市公布第二批名单            ← another piece, which ends
    /// …公开募捐活动。
    ///
    /// 经验分享会通过视频进行，      ← a paragraph's inside: the first
    /// 某医院重症医学科主任…            piece's words, its text
    /// ```
    fn unparks(&self, i: usize, rival: Option<usize>, pieces: bool) -> Option<usize> {
        if self.parked.is_empty() {
            return None;
        }
        if !(self.lines[i - 1].is_blank()
            && self.classes[i].kind == LineKind::Text
            && self.layout.indents != Indents::None
            && !self.starts_paragraph(i))
        {
            return None;
        }
        let block = self.block_words(i, usize::MAX);
        // A paragraph's last glyph and the block's first make a word the
        // page prints whole (`…老街巷地⏎⏎图》，…`): strong evidence, before
        // shared words — for a waiting paragraph, only with some word of
        // its shared too (two common glyphs make a word somewhere on most
        // pages); the open one keeps the block on the cut alone.
        let cut = |u: usize| self.cuts_word(u, i);
        let evidence = |u: usize| {
            let share = block.share(self, u, pieces);
            (share > 0.0 && cut(u), share)
        };
        // (Of equal evidence, the paragraph that broke off first: the
        // blocks come in the order their columns broke.)
        let (k, (cuts_word, waiting)) = self
            .parked
            .iter()
            .map(|&u| evidence(u))
            .enumerate()
            .rev()
            .max_by(|a, b| a.1 .0.cmp(&b.1 .0).then(a.1 .1.total_cmp(&b.1 .1)))?;
        let beats = |r: usize| {
            let r_share = block.share(self, r, pieces);
            !self.clause_open(r) && (cuts_word, waiting) > (cut(r), r_share)
        };
        ((cuts_word || waiting > MIN_WAITING_SHARE) && rival.is_none_or(beats)).then_some(k)
    }

    /// Line `i`, inside a block with no blank line above it, carries on a
    /// waiting paragraph rather than the open one right above it: which of
    /// the waiting (index into them). An extractor may print a column's
    /// next block straight under the line where another column broke off,
    /// no blank line between:
    ///
    /// ```text
    /// …讲义中提出的“双重证  ← breaks off (waits)
    ///
    /// …为什么要来？因为坚守在一线的医  ← breaks off at the column's edge
    /// 据”，在方法上为此开拓了道路。…    ← the first paragraph's text
    /// ```
    ///
    /// The open paragraph's last line, full or a first line indented, ends
    /// mid-sentence at the column's edge; line `i` reads as a paragraph's
    /// inside; the open paragraph's last glyph and line `i`'s first, both
    /// ideographs ([`cut_across`](Self::cut_across) can read the break),
    /// make no word the page prints whole while a waiting
    /// paragraph's do (`证⏎据`); and the block down to the next blank line
    /// ([`SHARE_LINES`] lines at most) shares [`TAKE_UP_SHARE`] of its
    /// words with that paragraph at least, [`TAKE_UP_RATIO`] times its share
    /// with the open one. Every test must hold: a line straight under the
    /// one above it carries it on unless the text says otherwise twice.
    /// (The words are all there is to go on: a block under a piece of a
    /// line or two that shares none of its words, whose words happen to be
    /// the waiting piece's, goes to that piece.)
    fn takes_up_waiting(&self, i: usize) -> Option<usize> {
        let open = self.open?;
        if self.parked.is_empty()
            || !self.hints.is_empty()
            || self.open_last() != Some(i - 1)
            || self.classes[i - 1].terminal
            || !matches!(
                self.layout.shape(self.lines, i - 1),
                Shape::Full | Shape::Indent
            )
            || self.clause_open(open)
            || self.layout.shape(self.lines, i) != Shape::Full
            || self.starts_paragraph(i)
            || self.cut_across(i - 1, i) != Some(false)
        {
            return None;
        }
        // (The cut test first: most lines meet no waiting paragraph's.)
        let cut: Vec<usize> = (0..self.parked.len())
            .filter(|&k| self.cuts_word(self.parked[k], i))
            .collect();
        if cut.is_empty() {
            return None;
        }
        let block = self.block_words(i, SHARE_LINES);
        let open_share = block.share(self, open, false);
        cut.into_iter()
            .map(|k| (k, block.share(self, self.parked[k], false)))
            .filter(|&(_, share)| share >= TAKE_UP_SHARE && share >= TAKE_UP_RATIO * open_share)
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(k, _)| k)
    }

    /// The words of the block line `i` opens, down to the next blank line
    /// (which may take in the piece's next paragraphs too: its subject),
    /// `limit` lines at most, and of the paragraph it carries on, down to
    /// that paragraph's end (not drowned in the paragraphs past it). (A
    /// test made inside a block, on any of its lines, reads a bounded
    /// stretch: a long text with no blank line stays linear.)
    fn block_words(&self, i: usize, limit: usize) -> BlockWords {
        let end = (i..self.lines.len())
            .take(limit)
            .find(|&j| self.lines[j].is_blank())
            .unwrap_or(self.lines.len().min(i.saturating_add(limit)));
        let para_end = (i + 1..end)
            .find(|&j| self.ends_paragraph(j - 1))
            .unwrap_or(end);
        let key =
            |a: usize, b: usize| -> String { self.lines[a..b].iter().map(|l| l.key).collect() };
        BlockWords {
            block: key(i, end),
            para: (para_end < end).then(|| key(i, para_end)),
        }
    }

    /// Paragraph `u`'s last glyph and line `i`'s first make a word the page
    /// prints whole ([`word_across`](Self::word_across)).
    fn cuts_word(&self, u: usize, i: usize) -> bool {
        self.units[u]
            .lines()
            .last()
            .is_some_and(|&l| self.word_across(l, i))
    }

    /// Paragraph `u`'s last line ends in a clause mark or inside a bracket
    /// (`…将才学、`, `（记者`): its sentence cannot end there.
    fn clause_open(&self, u: usize) -> bool {
        self.units[u].lines().last().is_some_and(|&l| {
            let key = self.lines[l].key;
            crate::conventions::ends_in_clause_punct(key) || opens_a_bracket(key)
        })
    }

    /// Line `i` opens with a dash (OCR: `一一`), ends no sentence and sits
    /// right under display type, blank lines between or not: the
    /// headline's subtitle (`山河深处的足音⏎⏎——读《某某丛书》`), as running
    /// text never opens a line with a dash.
    fn dashed_subtitle(&self, i: usize) -> bool {
        self.last_display.is_some_and(|(p, _)| self.adjacent(p, i))
            && !self.classes[i].terminal
            && crate::heads::opens_with_dash(self.lines[i].key)
    }

    /// The line with text above `i` is a paragraph's last: it ends a
    /// sentence short of the column.
    fn after_paragraph_end(&self, i: usize) -> bool {
        self.prev_text(i).is_some_and(|p| {
            self.classes[p].terminal && self.layout.shape(self.lines, p) == Shape::Short
        })
    }

    /// Line `i` opens a block of at most [`MAX_WRAPPED`] lines, after a
    /// sentence's end, whose lines all end no sentence nor clause and hold
    /// no full stop, and the line past the blank under the block is
    /// indented as a paragraph's start: a headline wrapped at about the
    /// column's width, set apart over its text (`用镜头留住街巷烟火，一名外⏎
    /// 国学生在本市拍下的照片⏎⏎　据某报报道…`). No paragraph ends
    /// mid-sentence right above another's start.
    fn headline_block_above_start(&self, i: usize) -> bool {
        if self.layout.indents != Indents::Width
            || !(i == 0 || self.lines[i - 1].is_blank())
            || !(self.after_sentence(i) || self.block_under_display(i))
        {
            return false;
        }
        let end = (i..self.lines.len())
            .take(MAX_WRAPPED + 1)
            .find(|&j| self.lines[j].is_blank());
        let Some(end) = end else {
            return false;
        };
        // (Its last line may ask or exclaim, as a headline may, when its
        // first line's words come back in the text below: `某某：面对汛期，
        // 城市排水系统⏎要补上哪些短板？⏎⏎　7月2日晚间，…`; a paragraph
        // the column break carried on may end in a question too.)
        let display = |j: usize| self.classes[j].kind == LineKind::Text && self.classes[j].display;
        let asks_last = |j: usize| {
            j + 1 == end
                && j > i
                && self.classes[j].kind == LineKind::Text
                && self.classes[j].asks()
                && self.echo_in_piece(i) >= WRAPPED_HEADLINE_ECHO
        };
        (i..end).all(|j| display(j) || asks_last(j))
            && self
                .next_text(end)
                .is_some_and(|n| self.starts_paragraph(n))
    }

    /// The line with text above `i` is display type or page furniture, or
    /// there is none, and the last paragraph above ended its sentence: no
    /// paragraph is open above it (not even one the display type broke).
    fn under_display(&self, i: usize) -> bool {
        let under = self.prev_text(i).is_none_or(|p| {
            self.last_display.is_some_and(|(d, _)| d == p)
                || matches!(self.classes[p].kind, LineKind::Date | LineKind::Edition)
        });
        let last_para_ended = || {
            self.units
                .iter()
                .rev()
                .find_map(|u| match u {
                    Unit::Para { lines, .. } => lines.last(),
                    _ => None,
                })
                .is_none_or(|&l| self.classes[l].terminal)
        };
        under && last_para_ended()
    }

    /// Line `i`, at the column's width with no clause mark, set apart by a
    /// blank line above it, stands right above a line indented by two
    /// cells as a paragraph's start: a headline at about the column's width
    /// over its text (`…向本市学习。⏎⏎像街巷更新一样恢复夜市烟火⏎
    /// 　随着气温回升，…`), after a sentence's end. No paragraph ends
    /// without ending a sentence. (The start's width must be certain: a
    /// line of digits measures short of its column as a paragraph's last
    /// may.) With no blank line above it (PyMuPDF and `pdftotext -raw`
    /// print none there), its words must come back in the lines under it
    /// more than in those above, where a paragraph's next sentence talks
    /// on; and not on a page read by OCR, whose dropped and added glyphs
    /// blur the widths.
    fn headline_over_start(&self, i: usize) -> bool {
        let c = &self.classes[i];
        c.display
            && self.layout.shape(self.lines, i) == Shape::Full
            && i > 0
            && (self.lines[i - 1].is_blank()
                || (!self.layout.recognized && self.echo(i) > self.echo_above(i)))
            && self.layout.indents == Indents::Width
            && !self.lines[i].marks.has(crate::conventions::Marks::CLAUSE)
            && self.next_text(i).is_some_and(|n| {
                n == i + 1
                    && self.classes[n].kind == LineKind::Text
                    && self.starts_paragraph(n)
                    && self.indented_by_two_cells(n)
                    && self.width_is_certain(n)
            })
    }

    /// Line `i` is in a block set apart by blank lines right under display
    /// type: it opens the block [`under_display`](Self::under_display), or
    /// the lines of the block above it are display type too (a second
    /// headline stacked under the first: `某报社评：…⏎…新战役⏎⏎用日记记录…
    /// ，一名外⏎国教师的春节⏎⏎　据某报报道…`). Not a line right under a
    /// display line in a block of running text, which may carry that line's
    /// sentence on.
    fn block_under_display(&self, i: usize) -> bool {
        if i == 0 || self.lines[i - 1].is_blank() {
            return self.under_display(i);
        }
        // Up from the line above, through the display unit's last lines,
        // to the block's first line: a walk no longer than the unit.
        self.last_display.is_some_and(|(p, u)| {
            let unit = self.units[u].lines();
            p + 1 == i
                && unit
                    .iter()
                    .rev()
                    .zip((0..i).rev())
                    .take_while(|&(&l, j)| l == j)
                    .any(|(_, j)| j == 0 || self.lines[j - 1].is_blank())
        })
    }

    /// The line with text above `i` ends a sentence.
    fn after_sentence(&self, i: usize) -> bool {
        self.prev_text(i).is_some_and(|p| self.classes[p].terminal)
    }

    /// Line `i`, or the short line right under it, ends in `！` or `？`
    /// (no full stop, no clause), and the line under that starts a
    /// paragraph.
    fn exclaims_above_start(&self, i: usize) -> bool {
        let exclaims = |n: usize| {
            let c = &self.classes[n];
            c.kind == LineKind::Text && c.asks()
        };
        let last = if exclaims(i) {
            i
        } else if i + 1 < self.lines.len()
            && exclaims(i + 1)
            && self.layout.shape(self.lines, i + 1) == Shape::Short
        {
            i + 1
        } else {
            return false;
        };
        self.next_text(last)
            .is_some_and(|n| self.starts_paragraph(n))
    }

    /// Line `i` reads as a paragraph's inside: full, or a short last line.
    fn ends_no_paragraph_start(&self, i: usize) -> bool {
        match self.layout.shape(self.lines, i) {
            Shape::Full => true,
            Shape::Short => self.classes[i].terminal,
            _ => false,
        }
    }

    fn new_para(&mut self, i: usize, lead: bool) {
        self.after_start = false;
        self.units.push(Unit::Para {
            lines: Vec::with_capacity(8),
            lead,
        });
        self.open = Some(self.units.len() - 1);
        if let Some(anchor) = self.carried {
            self.anchors.insert(self.units.len() - 1, anchor);
        }
        self.add_body(i);
    }

    /// Line `i` opens a paragraph under a blank line that ended a block
    /// carrying a waiting paragraph on (`carry`: that paragraph, and the
    /// one printed before the block), on a page whose blank lines part
    /// paragraphs: it goes on reading after the waiting one where its
    /// block's words are that one's, by the same measure as a block under
    /// a broken line ([`takes_up_waiting`](Self::takes_up_waiting)):
    ///
    /// ```text
    /// 木，并配有各类健身器材和儿童      ← breaks off
    /// 城东图书馆延长开放时间            ← another piece
    /// …
    /// 游乐设施，周边居民步行十分钟      ← carries it on
    /// 即可到达口袋公园健身。
    ///
    /// 园内还设有口袋公园健身步          ← its words: reads after it
    /// ```
    ///
    /// (An extractor that prints a column's paragraphs a blank line apart
    /// prints the rest of that column after the block.) One sharing the
    /// words of the piece it is printed in stays there. The words of that
    /// piece are read from its paragraph printed before the block only: a
    /// paragraph of it that repeats a long phrase of the block, and no
    /// word of that paragraph, still moves.
    fn opened_after_carry(&mut self, i: usize, carry: (usize, Option<usize>)) {
        let Some(u) = self.units.len().checked_sub(1) else {
            return;
        };
        let opened =
            matches!(&self.units[u], Unit::Para { lines, .. } if lines.first() == Some(&i));
        if opened && self.carries_words_on(i, carry) {
            let line = self.read_after(carry.0);
            self.anchors.insert(u, line);
            self.carried = Some(line);
        }
    }

    /// The block at line `i` shares the words of the paragraph `carried`
    /// on ([`opened_after_carry`](Self::opened_after_carry)):
    /// [`TAKE_UP_SHARE`] of them at least, and [`TAKE_UP_RATIO`] times
    /// its share with the paragraph printed `before` the block.
    fn carries_words_on(&self, i: usize, (carried, before): (usize, Option<usize>)) -> bool {
        let block = self.block_words(i, SHARE_LINES);
        let share = block.share(self, carried, false);
        let rival = before.map_or(0.0, |b| block.share(self, b, false));
        share >= TAKE_UP_SHARE && share > TAKE_UP_RATIO * rival
    }

    /// The open paragraph was waiting and the block now read carries it
    /// on: paragraphs the block goes on to open read after it.
    fn carry(&mut self) {
        let Some(u) = self.open else { return };
        let before = (0..self.units.len())
            .rev()
            .find(|&k| k != u && matches!(self.units[k], Unit::Para { .. }));
        self.carry = Some((u, before));
        self.carried = Some(self.read_after(u));
    }

    /// The open paragraph, carried on from where it waited or moved to
    /// read after another line (it opened in a block that carried a
    /// waiting one on), goes on across a column break: the paragraphs the
    /// new block opens are that column's too, and read after it as well.
    ///
    /// ```text
    /// …园内还新修了步道，沿途设有      ← carries a waiting paragraph on
    ///
    /// 休息座椅和饮水点。                ← goes on across the break
    /// 　夜间园内开启照明灯光，方便…     ← reads after it too
    /// ```
    fn carry_moved_on(&mut self) {
        let moved =
            |u: &usize| self.anchors.contains_key(u) || self.carry.is_some_and(|(c, _)| c == *u);
        if let Some(u) = self.open.filter(moved) {
            self.carried = Some(self.read_after(u));
        }
    }

    /// The line that paragraphs carrying paragraph `u` on read after: its
    /// own anchor, else its first line.
    fn read_after(&self, u: usize) -> usize {
        let first = self.units[u].first_line();
        self.anchors.get(&u).copied().unwrap_or(first)
    }

    /// Appends line `i` to the open paragraph and closes the paragraph when
    /// the line ends it.
    fn add_body(&mut self, i: usize) {
        let Some(u) = self.open else { return };
        if let Unit::Para { lines, .. } = &mut self.units[u] {
            lines.push(i);
        }
        self.last_display = None;
        if self.ends_paragraph(i) {
            self.open = None;
        }
    }

    /// Places line `i` as display type: with the display line right above
    /// it in one group, or as a group of its own. A signature
    /// (`滨河供电局工会干部 谷川`) is always a group of its own.
    fn display(&mut self, i: usize, sure: Decision) {
        self.sure[i] = sure;
        let carried = self.carried.take();
        self.after_start = false;
        let sig = |text: &str| crate::conventions::signature(text).is_some();
        // (A signature prints its unit and name apart: a line with no
        // white space inside is none.)
        let mut signature = self.lines[i].widest_gap > 0 && sig(self.lines[i].raw);
        let joins = match self.last_display {
            Some((prev, u)) if !signature && self.adjacent(prev, i) => {
                // A signature whose name wrapped: `…工会干部 田` / `书远`.
                let lone = matches!(&self.units[u], Unit::Display { lines } if lines.len() == 1);
                signature = lone
                    && self.lines[i].len() <= 2
                    && sig(&format!("{}{}", self.lines[prev].raw, self.lines[i].raw));
                Some(u)
            }
            _ => None,
        };
        let u = match joins {
            Some(u) => {
                if let Unit::Display { lines } = &mut self.units[u] {
                    lines.push(i);
                }
                u
            }
            None => {
                self.units.push(Unit::Display { lines: vec![i] });
                self.units.len() - 1
            }
        };
        // (A line that joins a group goes with what its first line read
        // after: the name of a signature that wrapped.)
        let carried = if joins.is_some() {
            carried.or(self.group_carried)
        } else {
            carried
        };
        self.group_carried = carried;
        if let Some(anchor) = carried.filter(|_| signature) {
            // A signature under a block that carried a waiting paragraph
            // on signs that paragraph's piece: it reads after it too.
            self.anchors.insert(u, anchor);
        }
        self.last_display = (!signature).then_some((i, u));
    }

    /// Display lines `a < b` belong to one group: nothing but blank lines
    /// between them (OCR and some extractors set a blank line between the
    /// lines of one headline; the field builder weighs it).
    fn adjacent(&self, a: usize, b: usize) -> bool {
        if !self.hints.is_empty() {
            // Positioned input: a blank line parts two blocks of the page.
            return a + 1 == b;
        }
        (a + 1..b).all(|j| self.lines[j].is_blank())
    }

    /// Whether line `i` continues the open paragraph.
    fn continues(&self, i: usize) -> Continues {
        let c = &self.classes[i];
        let shape = self.layout.shape(self.lines, i);
        let next = self.next_text(i);
        let next_opens =
            next.is_some_and(|n| matches!(self.classes[n].kind, LineKind::Lead | LineKind::Byline));
        if shape == Shape::Free {
            // One paragraph per line: an open paragraph is a sentence cut by
            // a blank line; only a headline right above a dateline breaks it,
            // or an indent right under it where the page opens every
            // paragraph so.
            if self.layout.indents == Indents::Spaces
                && self.lines[i].indent
                && !self.lines[i - 1].is_blank()
            {
                return Continues::No;
            }
            return if c.display && next_opens {
                Continues::No
            } else {
                Continues::Yes(0.9)
            };
        }
        let sentence_ended = self.open_last().is_some_and(|p| self.classes[p].terminal);
        if c.display && next_opens && (sentence_ended || self.lines[i - 1].is_blank()) {
            // A headline right above a dateline, after a sentence's end or
            // a column break (`…这份心意⏎⏎东岭航空湖港场站：用守候迎春归来⏎
            // 中国日报网2月19日电…`).
            return Continues::No;
        }
        // (A line ending in `？` or `！` far wider than the column is read
        // below: a headline across columns.)
        let asks = c.asks();
        if asks && shape == Shape::Short && self.exclaims_inside_a_sentence(i) {
            return Continues::Interleaved(0.6);
        }
        if sentence_ended && self.headline_over_start(i) {
            return Continues::No;
        }
        if shape == Shape::Full || (c.terminal && !(asks && shape == Shape::Wide)) {
            return Continues::Yes(1.0);
        }
        let marked = self.layout.indents == Indents::Width;
        let next_starts = next_opens
            || (marked && next.is_some_and(|n| self.layout.shape(self.lines, n) == Shape::Indent));
        // A display line under a line that stopped mid-sentence at the
        // column's edge, above a line that carries the sentence on: a
        // display line the extractor printed inside the paragraph.
        let prev_mid_sentence = self.open_mid_sentence();
        if marked && prev_mid_sentence && self.new_start_past_break(i) {
            return Continues::No;
        }
        // A line that opens with the particle `的` right under the
        // paragraph's last line, stopped mid-sentence at the column's edge,
        // goes on it: no headline opens with `的` (`…还表明本市⏎的绿化水平`).
        if prev_mid_sentence
            && self.open_last() == Some(i - 1)
            && crate::conventions::opens_with_bound_particle(self.lines[i].key)
        {
            return Continues::Yes(0.9);
        }
        // The next line carries the sentence on: running text, not
        // indented; `full` lets a line at the column's full width count
        // however its end reads.
        let carries_on_at = |n: Option<usize>, full: bool| {
            n.is_some_and(|n| {
                let shape = self.layout.shape(self.lines, n);
                self.classes[n].kind == LineKind::Text
                    && (!self.classes[n].display || (full && shape == Shape::Full))
                    && shape != Shape::Indent
            })
        };
        let next_carries_on = |full: bool| carries_on_at(next, full);
        // Or, for a line set apart above, the text past the display lines
        // set apart under it carries it on: a page's slogan and a headline printed one under
        // the other inside the sentence (`…某部门经理⏎⏎瑞雪迎春 共绘幸福
        // 画卷⏎⏎某市银行清理休眠账户⏎增收千万元⏎⏎王某说，…`).
        let carries_on_past_display =
            || self.lines[i - 1].is_blank() && carries_on_at(self.past_display_run(i), true);
        if shape == Shape::Wide {
            // A display line across columns, set apart (a blank line above
            // or below it), above a paragraph's start: a headline the
            // extractor printed where a column broke; set apart inside a
            // sentence that carries on below it, a headline printed where
            // its article's text flows round it
            // (`…安全巡查⏎⏎某某检查督导滨江防汛备汛安全巡查工作⏎⏎工作时指出…`,
            // `…为期5天的⏎⏎某国“候鸟队”志愿者结对助学滨江⏎实地考察…`).
            let set_off = self.lines[i - 1].is_blank() || next.is_some_and(|n| n > i + 1);
            // Or, after a sentence's end, one that asks or exclaims across
            // columns above a paragraph's start, blank lines or none
            // (`…的防暑降温用品。⏎某某、某某……本市籍的演员还有哪些？⏎　新年…`).
            let heads_start = asks && sentence_ended && next_starts;
            return if (c.display && set_off && (next_starts || self.wrap_above_start(i)))
                || heads_start
            {
                Continues::No
            } else if c.display
                && prev_mid_sentence
                && set_off
                && (next_carries_on(true) || carries_on_past_display())
            {
                Continues::Interleaved(0.7)
            } else {
                Continues::Yes(0.8)
            };
        }
        // (Not the short tail of a sentence that stopped at the column's
        // edge right above it, no blank line between — a few glyphs, or a
        // word the break cut: a paragraph's last line, even above a
        // dateline — `…网格员和沿街商户⏎时指出⏎新华社武汉3月10日电…`,
        // `…社区网格员志愿⏎者和沿街商户时指出⏎新华社…`.)
        // (Read only above a dateline: the word test reads the page.)
        let tail = || {
            shape == Shape::Short
                && prev_mid_sentence
                && self.open_last() == Some(i - 1)
                && (!has_ideographs(self.lines[i].key, MAX_TAIL + 1) || self.word_across(i - 1, i))
        };
        if c.display
            && ((next_opens && !tail())
                || (self.lines[i - 1].is_blank() && self.runs_into_opening(i)))
        {
            // A headline right above a dateline, or wrapped over display
            // lines down to one, after a column break: the next piece's
            // (`…长期被外地公⏎⏎滨海港区码头扩建⏎工程顺利完工⏎本报讯…`).
            return Continues::No;
        }
        // A short display line set apart by blank lines above a paragraph's
        // start, ending no sentence nor clause: the next piece's headline,
        // which the extractor printed under a paragraph that broke off at
        // its column's foot (`…总投资约两亿元人⏎⏎老街挂起红灯笼⏎⏎　新年将至，老街
        // 两旁挂起了上千盏红灯笼…`):
        // a paragraph's last line ends a sentence. Not a line of a few
        // glyphs, the sentence's tail whose full stop OCR misread
        // (`…减少174⏎⏎例o`); and the start is a block of lines, as OCR sets a
        // blank line under each line of some columns. Its words must come
        // back in the text below more than in the paragraph above: a
        // paragraph's last line whose full stop OCR lost shares that
        // paragraph's words, not the next one's.
        if c.display
            && shape == Shape::Short
            && !c.terminal
            && !c.clause_end
            && has_ideographs(self.lines[i].key, MAX_TAIL + 1)
            && self.lines[i - 1].is_blank()
            && next
                .is_some_and(|n| n > i + 1 && self.lines.get(n + 1).is_some_and(|l| !l.is_blank()))
            && next_starts
            && self.echo(i) > self.open_share(i)
        {
            return Continues::No;
        }
        // The same line set apart above another display line set apart: one
        // headline stacked over the next piece's, printed under a paragraph
        // that broke off at its column's foot (`…共同抗洪刻不⏎⏎守望相助，共渡
        // 难关⏎⏎某某物流企业开通救灾专线⏎　从棉被、帐篷…`). A paragraph's last
        // line ends a sentence, and text does not stop short above a
        // headline. (Text layers only: OCR loses full stops, and its blank
        // lines part a headline's own lines.) Not a line that holds the
        // paragraph's own words: its tail.
        if c.display
            && !self.layout.recognized
            && shape == Shape::Short
            && !c.terminal
            && !c.clause_end
            && has_ideographs(self.lines[i].key, MAX_TAIL + 1)
            && self.lines[i - 1].is_blank()
            && next.is_some_and(|n| n > i + 1 && self.stands_as_display(n))
            && self.open_share(i) < TAIL_SHARE
        {
            return Continues::No;
        }
        // A short one (`…外地公⏎守护民生 温暖职工⏎司包揽的局面。`); two
        // phrases printed apart, which running text never sets so, above
        // any line that carries the sentence on (`…这批⏎⏎欢度佳节 同享幸福时光⏎⏎
        // 物资包括约3千条棉被、…`); or any display line above a line that
        // ends the word the paragraph's last line cut (`…便于在外⏎⏎街道书屋
        // 开张⏎⏎国友人就近办事…`, where `外国` stands whole elsewhere).
        // A page's slogan couplet set apart may span most of the column,
        // where extractors that keep the page's spacing print it (`…经理⏎⏎
        // 喜庆丰年  同创美好家园⏎⏎王某说…`): two bare even phrases, which
        // running text never sets so.
        let carries_cut_word = || {
            next.is_some_and(|n| {
                next_carries_on(true) && self.open_last().is_some_and(|p| self.word_across(p, n))
            })
        };
        // Two short lines, one right under the other, that end no
        // sentence nor clause are no paragraph's (see
        // [`Self::short_run_inside`]).
        if prev_mid_sentence && shape == Shape::Short && c.display && !c.terminal && !c.clause_end {
            if let Some(cont) = self.short_run_inside(i) {
                return cont;
            }
        }
        if c.display
            && prev_mid_sentence
            && ((shape == Shape::Short
                && (next_carries_on(false)
                    || (self.phrases_apart(i) && next_carries_on(true))
                    || carries_cut_word()))
                || (shape == Shape::Indent
                    && self.lines[i - 1].is_blank()
                    && crate::heads::couplet(self.lines[i].raw)
                    && carries_on_past_display()))
        {
            return Continues::Interleaved(0.6);
        }
        Continues::Yes(0.7)
    }

    /// Line `i`, short, display-shaped and ending no sentence nor clause
    /// under a paragraph that broke off mid-sentence, starts a run of such
    /// lines set apart by a blank line above it, or goes on the one right
    /// above it. Two short lines, one right under the other, that end no
    /// sentence nor clause are no paragraph's: a paragraph's lines fill the
    /// column but its last, which ends a sentence. So the run is a headline
    /// wrapped in larger type that the extractor read with the column
    /// (`…我们还将⏎⏎某区：外来⏎车辆暂不进⏎入老城区`): above a
    /// paragraph's start it heads the next piece; above text that carries
    /// the sentence on, it is printed inside it.
    #[inline(never)]
    fn short_run_inside(&self, i: usize) -> Option<Continues> {
        let short_open = |n: usize| {
            let k = &self.classes[n];
            k.kind == LineKind::Text
                && k.display
                && !k.terminal
                && !k.clause_end
                && self.layout.shape(self.lines, n) == Shape::Short
        };
        let starts_run =
            self.lines[i - 1].is_blank() && i + 1 < self.lines.len() && short_open(i + 1);
        let goes_on = self.last_display.is_some_and(|(p, _)| p + 1 == i);
        if !(starts_run || goes_on) {
            return None;
        }
        let mut end = i;
        while end + 1 < self.lines.len() && short_open(end + 1) {
            end += 1;
        }
        let opens = self.next_text(end).is_none_or(|n| {
            matches!(self.classes[n].kind, LineKind::Lead | LineKind::Byline)
                || self.starts_paragraph(n)
        });
        Some(if opens {
            Continues::No
        } else {
            Continues::Interleaved(0.6)
        })
    }

    /// The first text line past the display lines that follow line `i`
    /// (up to [`MAX_GROUP`] of them, none ending a sentence or clause, none
    /// at the column's full width): the next text line when there are
    /// none, none when a blank line does not set it apart from them.
    fn past_display_run(&self, i: usize) -> Option<usize> {
        let mut last = i;
        let mut n = self.next_text(i);
        for _ in 0..MAX_GROUP {
            let Some(k) = n else { break };
            let c = &self.classes[k];
            let display = c.kind == LineKind::Text
                && c.display
                && !c.terminal
                && !c.clause_end
                && self.layout.shape(self.lines, k) != Shape::Full;
            if !display {
                break;
            }
            last = k;
            n = self.next_text(k);
        }
        match n {
            Some(k) if last > i && k == last + 1 => None,
            _ => n,
        }
    }

    /// The last glyph of line `a` and the first of line `b` make a bigram
    /// that the page's text holds elsewhere, within a line: a word the
    /// break between them cut (`志愿⏎者`, where `志愿者` stands whole).
    fn word_across(&self, a: usize, b: usize) -> bool {
        self.cut_across(a, b) == Some(true)
    }

    /// Whether the break between lines `a` and `b` cut a word
    /// ([`word_across`](Self::word_across)); `None` where that cannot be
    /// read, a digit, a letter or a mark on either side.
    fn cut_across(&self, a: usize, b: usize) -> Option<bool> {
        let x = self.lines[a].key.chars().next_back()?;
        let y = self.lines[b].key.chars().next()?;
        if !crate::clean::is_cjk(x) || !crate::clean::is_cjk(y) {
            return None;
        }
        let pairs = self.pairs.get_or_init(|| {
            let mut set = FxHashSet::default();
            for l in self.lines {
                let mut glyphs = l.key.chars();
                let Some(mut a) = glyphs.next() else { continue };
                for b in glyphs {
                    set.insert((a as u32, b as u32));
                    a = b;
                }
            }
            set
        });
        Some(pairs.contains(&(x as u32, y as u32)))
    }

    /// The open paragraph's last line stopped mid-sentence at the column's
    /// edge.
    fn open_mid_sentence(&self) -> bool {
        self.open_last().is_some_and(|p| {
            !self.classes[p].terminal && self.layout.shape(self.lines, p) == Shape::Full
        })
    }

    /// The open paragraph's last line stopped mid-sentence at the column's
    /// edge, or ends no sentence letter-spaced (`…是 某 某 先 生 编 的 《 本
    /// 市 老 街 巷 图`): justified, which a paragraph's last line never
    /// is, however short of the column its glyphs fall (the start of the
    /// line after it could not be broken). Its text goes on elsewhere.
    fn open_broken_off(&self) -> bool {
        self.open_mid_sentence()
            || self.open_last().is_some_and(|p| {
                !self.classes[p].terminal && crate::layout::letter_spaced(&self.lines[p])
            })
    }

    /// The last unit is a paragraph of running text.
    fn after_body(&self) -> bool {
        matches!(self.units.last(), Some(Unit::Para { .. }))
    }

    /// Lines of the open paragraph so far.
    fn open_len(&self) -> usize {
        match self.open.map(|u| &self.units[u]) {
            Some(Unit::Para { lines, .. }) => lines.len(),
            _ => 0,
        }
    }

    /// The lines of the open paragraph (none when none is open).
    fn open_lines(&self) -> &[usize] {
        match self.open.map(|u| &self.units[u]) {
            Some(Unit::Para { lines, .. }) => lines,
            _ => &[],
        }
    }

    /// Whether line `n` is shaped as display type on its own: text that
    /// ends no sentence and falls short of the column or runs past it.
    fn stands_as_display(&self, n: usize) -> bool {
        let c = &self.classes[n];
        c.kind == LineKind::Text
            && c.display
            && !c.terminal
            && matches!(self.layout.shape(self.lines, n), Shape::Short | Shape::Wide)
    }

    /// The last line of the open paragraph.
    fn open_last(&self) -> Option<usize> {
        self.open_lines().last().copied()
    }

    /// Share of line `i`'s bigrams that the open paragraph holds.
    fn open_share(&self, i: usize) -> f32 {
        let open = self.open_lines().iter().map(|&l| self.lines[l].key);
        overlap::coverage_in(self.lines[i].key, open)
    }

    /// Whether line `i`, after a paragraph's end, is display type, and how
    /// sure that is.
    fn starts_display(&self, i: usize) -> (bool, Decision) {
        let c = &self.classes[i];
        let line = &self.lines[i];
        let shape = self.layout.shape(self.lines, i);
        let next = self.next_text(i);
        // A wrapped headline's last line may be a glyph or two; alone, so
        // short a line is a remnant (OCR) or a paragraph's tail.
        let follows_display = self.last_display.is_some_and(|(p, _)| self.adjacent(p, i));
        if !has_ideographs(line.key, MIN_DISPLAY_GLYPHS)
            && !follows_display
            && !crate::conventions::is_column_name(line.key)
        {
            return (false, 0.6);
        }
        // The next line opens with a clause mark (`、`, `，`, `；`), which
        // no line opens with (禁则) unless the sentence above runs on into
        // it: this line is running text (`新年前夕，某市文化系统及教育⏎
        // 、卫生等部门…`).
        if next.is_some_and(|n| self.lines[n].key.starts_with(['，', '、', '；', ',', ';'])) {
            return (false, 0.7);
        }
        // One paragraph per line, each opening with an indent: an indented
        // line right above another paragraph's start is a paragraph itself,
        // whatever it ends with (`　　某地，三栋楼住着二百多户人家；`,
        // `　　新年好！`). (A headline centred by spaces stands apart, or
        // above its dateline.)
        let indents_mark_starts = shape == Shape::Free && self.layout.indents == Indents::Spaces;
        if indents_mark_starts
            && line.indent
            && next.is_some_and(|n| {
                n == i + 1 && self.lines[n].indent && self.classes[n].kind == LineKind::Text
            })
        {
            return (false, 0.8);
        }
        // And a line set flush right above one is display type, however
        // long, even one that asks or exclaims.
        let flush_above_start =
            indents_mark_starts && !line.indent && next.is_some_and(|n| self.lines[n].indent);
        if c.display && shape != Shape::Free && line.len() > MAX_NARROW_DISPLAY {
            // Too long for a headline of a page in columns: a caption or a
            // paragraph printed across columns.
            return (false, 0.7);
        }
        // A headline's wrap at the column: right under a display line, no
        // wider than it (as a wrap's lines are), short of the column,
        // ending no sentence nor clause.
        let wraps_display = self.last_display.is_some_and(|(p, _)| {
            p + 1 == i && line.width <= self.lines[p].width + crate::heads::WRAP_SLACK
        }) && matches!(shape, Shape::Short | Shape::Indent)
            && !c.terminal
            && !c.clause_end;
        // Its last line, above a line that starts a paragraph of its own,
        // blank lines between or not (`目标北山岭！第三批省级防汛⏎抢险队（某市）
        // 出发⏎就在城东码头…`).
        if wraps_display && next.is_some_and(|n| self.starts_paragraph(n)) {
            return (true, 0.7);
        }
        // Or one line before its last, a short one that ends the headline
        // in `！` or `？`, above a paragraph's start (`某市公布第二批绿色⏎
        // 社区名单，新增315⏎个！⏎4月8日，…`).
        let exclaims_below = |n: usize| {
            let cn = &self.classes[n];
            n == i + 1
                && cn.kind == LineKind::Text
                && cn.asks()
                && self.layout.shape(self.lines, n) == Shape::Short
                && self.next_text(n).is_some_and(|m| self.starts_paragraph(m))
        };
        if c.display && wraps_display && next.is_some_and(exclaims_below) {
            return (true, 0.6);
        }
        if !c.display {
            // Headlines may end in `！` or `？`; so may a one-line paragraph.
            // A headline's wrap carries its display line on; otherwise the
            // headline's words come back in the text below it.
            let exclaims = c.asks() && !line.clause_gap;
            if exclaims && flush_above_start && line.len() <= crate::classify::MAX_DISPLAY {
                return (true, 0.8);
            }
            if exclaims && (follows_display || shape == Shape::Wide) && shape != Shape::Full {
                // A headline's wrap, or a headline wider than the column.
                return (true, 0.7);
            }
            // A short line ending in a colon, above a display line: a
            // headline's first part (`东岭航空湖港场站：` / `用守候迎春归来`).
            let colon = line.key.ends_with(['：', ':']) && !c.full_stop && !line.clause_gap;
            if colon
                && matches!(shape, Shape::Short | Shape::Indent)
                && next.is_some_and(|n| n == i + 1 && self.classes[n].display)
            {
                return (true, 0.6);
            }
            // A line not marked as a paragraph's start that breaks off at a
            // clause mark after a sentence's end (or the page's furniture,
            // or right under display type, whose last line it is), above
            // display type that runs into a dateline or byline, or above
            // the dateline itself: a headline's first line, or one whose
            // wrap OCR lost (`…一起过了个年。”⏎⏎某局：外地的货运车辆、⏎⏎
            // 冷链车辆暂停进城⏎新华社某地1月26日电…`, `第6版⏎⏎某市公布首批
            // 绿色小区、⏎⏎新华社…`). Running text broken off at a clause
            // mark goes on in running text, not in a piece's opening.
            let opens_text = self.after_sentence(i)
                || follows_display
                || self.prev_text(i).is_none_or(|p| {
                    matches!(self.classes[p].kind, LineKind::Date | LineKind::Edition)
                });
            let heads_opening = |n: usize| {
                matches!(self.classes[n].kind, LineKind::Lead | LineKind::Byline)
                    || (self.classes[n].display && self.runs_into_opening(n))
            };
            if c.clause_end
                && !line.clause_gap
                && shape != Shape::Wide
                && !self.starts_paragraph(i)
                && opens_text
                && next.is_some_and(heads_opening)
            {
                return (true, 0.6);
            }
            if exclaims && shape != Shape::Full && line.len() <= crate::classify::MAX_DISPLAY {
                let echo = self.echo(i);
                return if echo >= HEADLINE_ECHO {
                    (true, 0.5 + echo / 2.0)
                } else {
                    (false, 1.0 - echo)
                };
            }
            return (false, 1.0);
        }
        if next.is_some_and(|n| matches!(self.classes[n].kind, LineKind::Lead | LineKind::Byline)) {
            return (true, 1.0);
        }
        // A signature (`滨河供电局工会干部 谷川`) closing the piece above;
        // two phrases printed apart (`欢度佳节 同享幸福时光`): display type,
        // which running text never sets so.
        // (Not a line letter-spaced to the column's width right above a
        // line of running text that starts no paragraph: running text
        // justified, whose gaps fall anywhere, `在城 北老 街的 一 条 小 巷⏎
        // 里，开了一家书店。`.)
        let justified_full = || {
            shape == Shape::Full
                && crate::layout::letter_spaced(line)
                && next.is_some_and(|n| {
                    n == i + 1
                        && self.classes[n].kind == LineKind::Text
                        && !self.classes[n].display
                        && !self.starts_paragraph(n)
                })
        };
        if (line.widest_gap > 0 && crate::conventions::signature(line.raw).is_some())
            || (self.phrases_apart(i) && !self.justified_first_line(i, next) && !justified_full())
        {
            return (true, 0.8);
        }
        if shape == Shape::Free && self.display_run(i) > MAX_GROUP {
            return (false, 0.6);
        }
        // Where blank lines set display groups apart, a line printed right
        // above running text in one block starts that text.
        let carried = next.is_some_and(|n| self.carries_on(i, n));
        let same_block = next == Some(i + 1);
        // (Not a short line right above a line the page marks as a
        // paragraph's start: a paragraph's first line does not stop short
        // without ending a sentence — `乡土记忆的“活态档案馆”⏎　人们常说，…`.)
        let short_above_start =
            shape == Shape::Short && next.is_some_and(|n| self.starts_paragraph(n));
        // (Nor a block of lines that end no sentence down to a dateline or
        // byline: a headline over its report, `某农场蔬菜五年连续稳步增收⏎
        // 全年产量达36.4亿公斤，创下本省农⏎业最高单位面积产量⏎⏎本报讯…`;
        // nor, after a sentence's end, a block down to a line indented as a
        // paragraph's start: `用镜头留住街巷烟火，一名外⏎国学生在本市拍下的
        // 照片⏎⏎　据某报报道…`.)
        // A display line — a headline's wrap, or a headline of its own
        // under a column's name — right above a subtitle that opens with a
        // dash is display, however wide that subtitle runs (`东湖治，西湖⏎
        // 管，全城护⏎——某市护湖行动最新⏎进展追踪`, `【读书札记】⏎山河深处的
        // 足音⏎——读《某某丛书》`): running text does not carry a line that
        // ends no sentence on with a dash.
        // (A dash itself, not OCR's `一一` nor a hyphen, on a line that
        // ends no sentence nor clause: `——城市的客厅，` is running text.)
        let subtitle_below = |n: usize| {
            let cn = &self.classes[n];
            n == i + 1
                && self.lines[n].key.starts_with(['—', '－'])
                && !cn.terminal
                && !cn.clause_end
        };
        // (Not a line about the column's width whose dashed line running
        // text carries on in its block: a paragraph's first lines, `他常常
        // 想起父亲说过的那⏎——句老话，做人要实实在在地⏎干活，…`.)
        let dash_runs_on = |n: usize| {
            matches!(shape, Shape::Full | Shape::Indent)
                && self.lines.get(n + 1).is_some_and(|l| !l.is_blank())
                && self.classes[n + 1].kind == LineKind::Text
                && !self.starts_paragraph(n + 1)
        };
        if next.is_some_and(|n| subtitle_below(n) && (wraps_display || !dash_runs_on(n))) {
            return (true, 0.7);
        }
        if self.layout.blanks == Blanks::Paragraphs
            && carried
            && same_block
            && !matches!(shape, Shape::Free | Shape::Wide)
            && !short_above_start
            && !self.wraps_short(i)
            && !self.runs_into_opening(i)
            && !self.headline_block_above_start(i)
            && !(self.after_sentence(i) && self.headline_over_start(i))
        {
            return (false, 0.7);
        }
        match shape {
            Shape::Short | Shape::Wide => (true, 0.9),
            Shape::Free => {
                // One paragraph per line: a short line that ends no sentence
                // is display type, unless running text follows and it is
                // long for a headline (a paragraph cut by a blank line).
                let next_is_body = next.is_some_and(|n| {
                    let c = &self.classes[n];
                    c.kind == LineKind::Text && !c.display
                });
                // (Not a line that opens a block, right above the text: a
                // paragraph cut by a blank line has the blank after it.)
                let heads_block = (i == 0 || self.lines[i - 1].is_blank()) && next == Some(i + 1);
                if line.len() > LONG_DISPLAY && next_is_body && !flush_above_start && !heads_block {
                    (false, 0.6)
                } else {
                    (true, 0.8)
                }
            }
            Shape::Indent | Shape::Full => {
                // A paragraph's first line is followed by the lines that
                // carry it on (full ones) to a sentence's end; a headline by
                // other display lines, or by a body set otherwise.
                // Letter spacing that stretches a line to the column's
                // width is the justification of running text
                // (`2021 年 我 们 过 的 那 个 冬⏎至，格外温暖。`), above the
                // lines that carry it on or a line of running text.
                if (carried && shape == Shape::Full && crate::layout::letter_spaced(line))
                    || justified_full()
                {
                    return (false, 0.8);
                }
                if !carried {
                    return (true, 0.7);
                }
                // (Not a line two cells short over a full one where the
                // page starts paragraphs so, the two set apart by a blank
                // line from another line over the opening: a paragraph's
                // first line, broken off at a column's foot above the next
                // piece's headline — `早年有人提议过，要给地方⏎志配上一套
                // 相应的图谱。这个想⏎⏎城南码头寒夜坚守保供应⏎⏎新华社某地
                // 2月19日电…`. A kicker or title over its subtitle runs
                // straight into its dateline, or stands in one block with
                // its other lines; its words, if they come back below,
                // make it a headline still.)
                let paragraph_start = self.layout.indents == Indents::Width
                    && self.indented_start_at(i)
                    && self.lines.get(i + 2).is_some_and(Line::is_blank)
                    && self.next_text(i + 1).is_some_and(|n| {
                        !matches!(self.classes[n].kind, LineKind::Lead | LineKind::Byline)
                    });
                if !paragraph_start && self.runs_into_opening(i) {
                    // Lines that end no sentence right above a dateline or
                    // byline: the rest of its headline (a subtitle set at
                    // the column's width: `鼓励青年职工争当技术创新⏎带头人物，
                    // 为城市建设发⏎展再立新功⏎本报北京1月1日讯…`).
                    return (true, 0.8);
                }
                if !self.chain_ends_sentence(i) {
                    // Lines of one width that end no sentence before the
                    // next paragraph starts: a headline wrapped at about
                    // the column's width — when its words come back below
                    // it; else a paragraph that ends without punctuation
                    // (a figure, a note).
                    let echo = self.echo(i);
                    return if echo >= WRAPPED_HEADLINE_ECHO {
                        (true, 0.5 + echo / 2.0)
                    } else {
                        (false, 0.6)
                    };
                }
                let marked = self.layout.indents == Indents::Width;
                let after_sentence = self.after_sentence(i);
                match shape {
                    Shape::Indent if marked => {
                        // A line marked as a paragraph's start, after a
                        // sentence's end, that ends no sentence nor clause
                        // right above the next paragraph's start is no
                        // paragraph: a subhead set at the indent's width
                        // (`…的便民服务。⏎推出“便民上门”系列活动⏎身为一家…`).
                        let c = &self.classes[i];
                        if after_sentence
                            && !c.terminal
                            && !c.clause_end
                            && self.indented_by_two_cells(i)
                            && self.indented_start_below(i)
                        {
                            (true, 0.7)
                        } else if !c.terminal
                            && !c.clause_end
                            && self.set_apart(i)
                            && next.is_some_and(|n| self.indented_start_at(n))
                        {
                            // A line set apart by blank lines that ends no
                            // sentence nor clause, above a paragraph's
                            // start: no paragraph's first line, which would
                            // end there — a headline (`新华社记者 杜若 摄⏎⏎
                            // 寒暑不辍！某区物流企业送货⏎⏎　从米面、…`).
                            (true, 0.7)
                        } else {
                            (false, 0.9)
                        }
                    }
                    Shape::Full if marked => {
                        // Where paragraphs start two cells short, lines
                        // about the column's width that, after a
                        // sentence's end, end no sentence nor clause
                        // before an indented start are a headline wrapped
                        // at the column's width over its text
                        // (`用镜头留住街巷烟火，一名外⏎国学生在本市拍下的照片⏎
                        // 　据某报报道…`).
                        if (after_sentence || self.block_under_display(i))
                            && self.runs_into_start(i)
                        {
                            return (true, 0.7);
                        }
                        // A full line right after a paragraph's short last
                        // line, or under display type or the page's head,
                        // that, alone or with the line under it, ends in
                        // `！` or `？` above an indented start: no paragraph
                        // starts full, so a headline or subhead that asks or
                        // exclaims (`…的绿色⏎通道。⏎某某物流：“同心协力，共渡难⏎
                        // 关！”⏎　为应对…`).
                        if (self.after_paragraph_end(i) || self.under_display(i))
                            && self.exclaims_above_start(i)
                        {
                            return (true, 0.7);
                        }
                        // Else a full line after a paragraph's end is a
                        // headline at about the column's width when its
                        // words come back below it — unless the line right
                        // under it is full too: no paragraph starts full,
                        // so that line carries this one on (`按照计划，…设计
                        // 座位数为800个⏎至1200个，将于6月1日完工，6月3日对外
                        // 开放。`; a first line whose digits measure short of
                        // how they print).
                        let full_below =
                            next.is_some_and(|n| self.layout.shape(self.lines, n) == Shape::Full);
                        if full_below {
                            return (false, 0.8);
                        }
                        let echo = self.echo(i);
                        if echo >= WRAPPED_HEADLINE_ECHO {
                            (true, 0.5 + echo / 2.0)
                        } else {
                            (false, 0.6)
                        }
                    }
                    _ => (false, 0.8),
                }
            }
        }
    }

    /// Line `i`, short of the column and ending no sentence nor clause,
    /// sits over a line of its block no wider than it that prints no full
    /// stop: a headline wrapped in larger type (`城东新开社区食堂：老⏎人吃饭
    /// 不用愁！`). A paragraph's first line fills the column unless the
    /// paragraph ends on it; a first line measured short (spaces read
    /// away, a glyph dropped) has a full line under it, and a paragraph's
    /// tail ends in a full stop, which no headline prints.
    fn wraps_short(&self, i: usize) -> bool {
        let c = &self.classes[i];
        let width = self.lines[i].width;
        self.layout.shape(self.lines, i) == Shape::Short
            && !c.terminal
            && !c.clause_end
            && self.next_text(i).is_some_and(|n| {
                n == i + 1
                    && self.lines[n].width <= width + crate::heads::WRAP_SLACK
                    && !self.classes[n].full_stop
            })
    }

    /// Line `i`, right under a column break that cut the open paragraph
    /// mid-sentence, starts a paragraph as the page marks starts (two
    /// cells short, a full line under it), and its block shares less
    /// than [`MIN_WAITING_SHARE`] of its words with the open paragraph's
    /// piece: another piece's paragraph, printed where the column broke.
    /// The broken paragraph waits for the block that carries it on:
    ///
    /// ```text
    /// …木，并配有各类健身器材和儿童     ← breaks off (waits)
    ///
    /// 　入冬以来用电负荷上升，电       ← another piece's start
    /// 网公司提前检修线路保障供电。
    /// ```
    ///
    /// (A column breaks inside a sentence and goes on with a full line; a
    /// start on the broken piece's own subject is its next paragraph,
    /// which stays with it. Two phrases printed apart about the indent's
    /// width are display type, not a start.)
    fn new_start_past_break(&self, i: usize) -> bool {
        self.lines[i - 1].is_blank()
            && self.indented_start_at(i)
            && !self.phrases_apart(i)
            && self.open.is_some_and(|o| {
                self.block_words(i, SHARE_LINES).share(self, o, true) < MIN_WAITING_SHARE
            })
    }

    /// Whether the lines from `i` on read as a paragraph: each fills the
    /// column until one ends a sentence, or they run on longer than a
    /// headline wraps. A run that stops short of the column without ending
    /// a sentence within [`MAX_WRAPPED`] lines, or runs into something else,
    /// is a headline wrapped at about the column's width.
    fn chain_ends_sentence(&self, i: usize) -> bool {
        let mut j = i;
        for k in 0..=MAX_WRAPPED {
            let c = &self.classes[j];
            if c.kind != LineKind::Text && j != i {
                return false;
            }
            if c.terminal || k == MAX_WRAPPED {
                return true;
            }
            if j != i && !self.fills(j) {
                return false;
            }
            match self.next_text(j) {
                Some(n) => j = n,
                None => return false,
            }
        }
        true
    }

    /// The lines from `i` on end no sentence until, within
    /// [`MAX_WRAPPED`] lines, a dateline or byline opens a piece.
    fn runs_into_opening(&self, i: usize) -> bool {
        self.run_ending_no_sentence(i, |_, n| {
            matches!(self.classes[n].kind, LineKind::Lead | LineKind::Byline).then_some(true)
        })
    }

    /// The lines from `i` on, within [`MAX_WRAPPED`] and with no blank
    /// line between, end no sentence nor clause until a line that the page
    /// marks as a paragraph's start (right under the last, or past a blank
    /// line where blank lines part paragraphs): no paragraph ends so.
    fn runs_into_start(&self, i: usize) -> bool {
        self.run_ending_no_sentence(i, |j, n| {
            let next = n == j + 1;
            if self.starts_paragraph(n) && (next || self.layout.blanks == Blanks::Paragraphs) {
                Some(true)
            } else {
                (!next).then_some(false)
            }
        })
    }

    /// Walks the lines from `i` on, within [`MAX_WRAPPED`], while each is
    /// text that ends no sentence nor clause: `ends(j, n)`, for line `j`
    /// and the next text line `n`, says whether the run ends there as
    /// sought (`Some(true)`), ends otherwise (`Some(false)`) or goes on.
    fn run_ending_no_sentence(
        &self,
        i: usize,
        ends: impl Fn(usize, usize) -> Option<bool>,
    ) -> bool {
        let mut j = i;
        for _ in 0..MAX_WRAPPED {
            let c = &self.classes[j];
            if c.kind != LineKind::Text || c.terminal || c.clause_end {
                return false;
            }
            let Some(n) = self.next_text(j) else {
                return false;
            };
            match ends(j, n) {
                Some(found) => return found,
                None => j = n,
            }
        }
        false
    }

    /// Line `n`, the next text after `i`, carries a paragraph that `i`
    /// would open: it fills the column, or ends the sentence short of it,
    /// with no blank line between where blank lines part paragraphs.
    fn carries_on(&self, i: usize, n: usize) -> bool {
        let c = &self.classes[n];
        if c.kind != LineKind::Text || c.undoubled.is_some() {
            return false;
        }
        // Where blank lines part paragraphs and display groups, a short
        // line set apart from the text below is no paragraph's start.
        if self.layout.blanks == Blanks::Paragraphs
            && n > i + 1
            && matches!(self.layout.shape(self.lines, i), Shape::Short | Shape::Wide)
        {
            return false;
        }
        match self.layout.shape(self.lines, n) {
            Shape::Short => c.terminal,
            Shape::Full | Shape::Indent => c.terminal || self.fills(n),
            Shape::Wide | Shape::Free => false,
        }
    }

    /// Line `j` fills the column as a line inside a paragraph does: it is
    /// full, or a little short with a full line right under it (a line of
    /// the paragraph whose letter spacing the text does not show) or the
    /// sentence's full stop right under it (a line whose half-width digits
    /// measure short of how they print: `查者4826人，已完成复核153⏎人。`).
    fn fills(&self, j: usize) -> bool {
        match self.layout.shape(self.lines, j) {
            Shape::Full => true,
            Shape::Indent => self.next_text(j).is_some_and(|m| {
                m == j + 1
                    && self.classes[m].kind == LineKind::Text
                    && (self.layout.shape(self.lines, m) == Shape::Full
                        || (self.classes[m].full_stop && self.classes[m].terminal))
            }),
            _ => false,
        }
    }

    /// How many display-shaped text lines run from `i` on, blank lines aside
    /// (counted up to one more than [`MAX_GROUP`]).
    fn display_run(&self, i: usize) -> usize {
        (i..self.lines.len())
            .filter(|&j| !self.lines[j].is_blank())
            .take(MAX_GROUP + 1)
            .take_while(|&j| {
                let c = &self.classes[j];
                c.kind == LineKind::Text && c.display
            })
            .count()
    }

    /// Share of line `i`'s bigrams that recur in the [`ECHO_LINES`] lines
    /// of text below it.
    fn echo(&self, i: usize) -> f32 {
        self.coverage_in_text(i, i + 1..self.lines.len(), ECHO_LINES)
    }

    /// The same share in the [`PIECE_LINES`] lines of text under it: a
    /// headline's words come back in its piece, if not in its first
    /// paragraph.
    fn echo_in_piece(&self, i: usize) -> f32 {
        self.coverage_in_text(i, i + 1..self.lines.len(), PIECE_LINES)
    }

    /// The same share in the [`ECHO_LINES`] lines of text above line `i`
    /// (read whether the paragraph there is open or not).
    fn echo_above(&self, i: usize) -> f32 {
        self.coverage_in_text(i, (0..i).rev(), ECHO_LINES)
    }

    /// Share of line `i`'s bigrams in the first `n` lines of text of
    /// `lines`.
    fn coverage_in_text(&self, i: usize, lines: impl Iterator<Item = usize>, n: usize) -> f32 {
        let text = lines
            .filter(|&j| !self.lines[j].is_blank())
            .take(n)
            .map(|j| self.lines[j].key);
        overlap::coverage_in(self.lines[i].key, text)
    }

    /// Whether body line `i` ends its paragraph.
    fn ends_paragraph(&self, i: usize) -> bool {
        let c = &self.classes[i];
        if crate::conventions::is_date_only(self.lines[i].key) {
            return true;
        }
        let shape = self.layout.shape(self.lines, i);
        if shape == Shape::Free {
            return c.terminal;
        }
        if !c.terminal {
            // A paragraph may end without punctuation (a figure, a note),
            // or lead into a list with a colon, short of the column.
            // (Not the paragraph's first line, which its indent shortens.)
            let first = self.open_len() <= 1;
            let short = !first
                && self
                    .layout
                    .width_at(i)
                    .is_some_and(|col| self.lines[i].width < col - NO_PUNCT_END)
                && !self.pushed_over(i);
            return (short && !c.clause_end)
                || (shape != Shape::Full
                    && self.lines[i].key.ends_with(['：', ':'])
                    && !self.full_first_line_runs_on(i, shape));
        }
        if self.full_first_line_runs_on(i, shape) {
            return false;
        }
        if matches!(shape, Shape::Short | Shape::Indent) {
            return true;
        }
        // A sentence that ends at the column's edge ends the paragraph when
        // what follows starts anew.
        let Some(n) = self.next_text(i) else {
            return true;
        };
        if n > i + 1 && self.layout.blanks == Blanks::Paragraphs {
            return true;
        }
        let cn = &self.classes[n];
        if cn.kind != LineKind::Text || cn.undoubled.is_some() {
            return true;
        }
        let next_shape = self.layout.shape(self.lines, n);
        if self.layout.indents == Indents::Width && next_shape == Shape::Indent {
            return true;
        }
        if self.layout.indents == Indents::Spaces && self.lines[n].indent {
            return true;
        }
        cn.display && matches!(next_shape, Shape::Short | Shape::Wide)
    }

    /// Where paragraphs start two cells short, a first line that short is
    /// full: one that ends a sentence or a lead-in at its edge goes on into
    /// a full line right under it as one paragraph, as no paragraph starts
    /// full (`急难险重面前，更能看出干部成色。⏎市工作组副组长、…`, `“对这一
    /// 情况，市工作组的看法是：⏎镇政府和村委会要向…`).
    /// (Not into lines that end no sentence down to a paragraph's start
    /// or a dateline: a headline at the column's width over the next
    /// piece.)
    fn full_first_line_runs_on(&self, i: usize, shape: Shape) -> bool {
        shape == Shape::Indent
            && self.layout.indents == Indents::Width
            && self.open_len() <= 1
            && self.indented_by_two_cells(i)
            && self.next_text(i).is_some_and(|n| {
                n == i + 1
                    && self.classes[n].kind == LineKind::Text
                    && self.classes[n].undoubled.is_none()
                    && self.layout.shape(self.lines, n) == Shape::Full
                    && !self.runs_into_start(n)
                    && !self.runs_into_opening(n)
            })
    }

    /// Line `i` stops short of its column only because the start of the
    /// line right under it could not be broken and did not fit: a number
    /// or a Latin word is never split, and closing marks never open a line
    /// (`…垃圾清运量的⏎26.7%；当日…`, `…办法（试⏎行）》；召开…`). The
    /// paragraph runs on.
    fn pushed_over(&self, i: usize) -> bool {
        let n = i + 1;
        let Some(col) = self.layout.width_at(i) else {
            return false;
        };
        if n >= self.lines.len()
            || self.lines[n].is_blank()
            || self.classes[n].kind != LineKind::Text
            || self.starts_paragraph(n)
        {
            return false;
        }
        let start = unbreakable_start(self.lines[n].key);
        !start.is_empty() && self.lines[i].width + crate::lines::widths_of(start).0 > col
    }

    /// The line right under `i` starts a paragraph as the page marks one,
    /// two cells short of a full line that carries it on — read from its
    /// width only when no glyph of uncertain width makes it short
    /// (`除登记在册135人，…`, `的业内专家，…一些“新`), when it ends no
    /// sentence, and when it is not short only because the start under it
    /// did not fit.
    fn indented_start_below(&self, i: usize) -> bool {
        i + 1 < self.lines.len() && self.indented_start_at(i + 1)
    }

    /// Line `n` starts a paragraph as [`Self::indented_start_below`] reads
    /// one.
    fn indented_start_at(&self, n: usize) -> bool {
        self.width_is_certain(n)
            && self.indented_by_two_cells(n)
            && !self.classes[n].terminal
            && !self.pushed_over(n)
            && n + 1 < self.lines.len()
            && self.layout.shape(self.lines, n + 1) == Shape::Full
    }

    /// Line `n` starts a paragraph by the page's own marks: a dateline or a
    /// byline line, or an indent where the page marks paragraphs so.
    fn starts_paragraph(&self, n: usize) -> bool {
        matches!(self.classes[n].kind, LineKind::Lead | LineKind::Byline)
            || match self.layout.indents {
                Indents::Width => self.layout.shape(self.lines, n) == Shape::Indent,
                Indents::Spaces => self.lines[n].indent,
                Indents::None => false,
            }
    }

    /// Short line `i`, ending in `！` or `？` (as a headline may: such a
    /// line is never [`Classified::display`], which ends no sentence), is
    /// set apart by blank lines
    /// between a line that stopped mid-sentence at the column's edge and
    /// one that carries the sentence on, where the page marks a
    /// paragraph's start by its indent: a headline that exclaims, printed
    /// where its article's text flows round it (`…守在这里是本分，也⏎⏎
    /// 汛期当前，他们选择坚守！⏎⏎是我们的承诺…`). Running text that ended
    /// a sentence there would go on in an indented line.
    fn exclaims_inside_a_sentence(&self, i: usize) -> bool {
        self.layout.indents == Indents::Width
            && self.open_mid_sentence()
            && self.open_last().is_some_and(|p| p + 2 == i)
            && self.lines[i - 1].is_blank()
            && self.lines.get(i + 1).is_some_and(Line::is_blank)
            && self.next_text(i).is_some_and(|n| {
                let shape = self.layout.shape(self.lines, n);
                n == i + 2
                    && self.classes[n].kind == LineKind::Text
                    && (!self.classes[n].display || shape == Shape::Full)
                    && shape != Shape::Indent
            })
    }

    /// Line `i` is followed right under it by a short display line, the
    /// wrap of a headline, which ends no sentence nor clause and stands
    /// above a paragraph's start (`…抗疫经验⏎⏎某市人社局为一名医生做出工⏎
    /// 伤认定决定⏎　2月7日，…`).
    fn wrap_above_start(&self, i: usize) -> bool {
        let n = i + 1;
        let Some(c) = self.classes.get(n) else {
            return false;
        };
        c.kind == LineKind::Text
            && c.display
            && !c.terminal
            && !c.clause_end
            && self.layout.shape(self.lines, n) == Shape::Short
            && self.next_text(n).is_some_and(|m| self.starts_paragraph(m))
    }

    /// Line `n` falls short of its column by the two cells of a
    /// paragraph's indent (空两格), within [`INDENT_TOLERANCE`].
    fn indented_by_two_cells(&self, n: usize) -> bool {
        self.layout
            .width_at(n)
            .is_some_and(|col| (col - self.lines[n].width - INDENT_CELLS).abs() <= INDENT_TOLERANCE)
    }

    /// Line `n` holds no glyph that fonts print narrower than its cell
    /// (Latin, digits, curly quotes), so its width says where it starts.
    fn width_is_certain(&self, n: usize) -> bool {
        let line = &self.lines[n];
        !line.latin && !line.key.contains(['“', '”', '‘', '’', '"'])
    }

    /// Line `i` prints two phrases apart (`欢度佳节 同享幸福时光`), as display
    /// type does and running text never does — unless the page spaces its
    /// running text so.
    fn phrases_apart(&self, i: usize) -> bool {
        let line = &self.lines[i];
        line.widest_gap > 0
            && crate::heads::two_phrases(line.raw)
            && !line.clause_gap
            && !self.layout.spaced_text
    }

    /// Line `i` is a paragraph's first line that the extractor printed with
    /// the gap of a justified line (`　　各村的志愿者连 日赶`): indented two
    /// cells, ending no sentence, and right above a line of running text that
    /// fills the column. Display type set as two phrases is not followed by
    /// running text filling the column in the same block.
    fn justified_first_line(&self, i: usize, next: Option<usize>) -> bool {
        self.layout.shape(self.lines, i) == Shape::Indent
            && !self.classes[i].terminal
            && next.is_some_and(|n| {
                n == i + 1
                    && self.classes[n].kind == LineKind::Text
                    && self.layout.shape(self.lines, n) == Shape::Full
            })
    }

    /// Line `i` stands alone between blank lines where blank lines part
    /// paragraphs.
    fn set_apart(&self, i: usize) -> bool {
        self.layout.blanks == Blanks::Paragraphs
            && i > 0
            && self.lines[i - 1].is_blank()
            && self.lines.get(i + 1).is_some_and(|l| l.is_blank())
    }

    /// The next line with text after `i`.
    fn next_text(&self, i: usize) -> Option<usize> {
        (i + 1..self.lines.len()).find(|&j| !self.lines[j].is_blank())
    }

    /// The last line with text before `i`.
    fn prev_text(&self, i: usize) -> Option<usize> {
        (0..i).rev().find(|&j| !self.lines[j].is_blank())
    }
}

/// The start of a line (key form) that a line break may not split: a
/// number or Latin word (`18.4%`), or else one glyph, with the closing
/// marks that may not open a line after it (`18.4%；`, `行）》；`, `服”——`).
fn unbreakable_start(key: &str) -> &str {
    let mut chars = key.char_indices().peekable();
    let mut end = match chars.next() {
        Some((_, c)) if c.is_ascii_alphanumeric() => {
            let mut end = c.len_utf8();
            while let Some(&(k, c)) = chars.peek() {
                if !(c.is_ascii_alphanumeric() || matches!(c, '.' | '%' | '/' | '-')) {
                    break;
                }
                end = k + c.len_utf8();
                chars.next();
            }
            end
        }
        Some((_, c)) => c.len_utf8(),
        None => return "",
    };
    for (k, c) in chars {
        if !may_not_open_a_line(c) {
            break;
        }
        end = k + c.len_utf8();
    }
    &key[..end]
}

/// A mark that a typesetter never sets at the start of a line (禁则):
/// closing quotes and brackets, a sentence's or clause's end, a dash.
fn may_not_open_a_line(c: char) -> bool {
    use crate::clean::{is_closing_punct, is_terminal_punct};
    is_closing_punct(c)
        || is_terminal_punct(c)
        || matches!(c, '，' | '、' | '；' | '：' | ',' | ';' | ':' | '—')
}

/// A line that opens a bracket and does not close it (`本报讯（记者`): the
/// text inside runs on to the next line.
fn opens_a_bracket(key: &str) -> bool {
    key.rfind(['（', '('])
        .is_some_and(|k| !key[k..].contains(['）', ')']))
}

/// The words of a block that may carry a paragraph on
/// ([`Reflow::block_words`]).
struct BlockWords {
    block: String,
    /// The paragraph the block opens, when it ends before the block does.
    para: Option<String>,
}

impl BlockWords {
    /// Share of the block's bigrams (or of its first paragraph's, where
    /// more) that paragraph `u`'s last [`SHARE_LINES`] lines hold: the
    /// words near its break, and a bound on the work for a paragraph many
    /// blocks long. With `piece`, a short paragraph's lines are topped up
    /// to as many with those of the paragraphs printed right before it,
    /// back to the display type above them: the words of the piece it is
    /// part of.
    fn share(&self, r: &Reflow, u: usize, piece: bool) -> f32 {
        let (mut from, mut count) = (u, r.units[u].lines().len());
        while piece
            && count < SHARE_LINES
            && from > 0
            && matches!(r.units[from - 1], Unit::Para { .. })
        {
            from -= 1;
            count += r.units[from].lines().len();
        }
        let skip = count.saturating_sub(SHARE_LINES);
        let keys = || {
            r.units[from..=u]
                .iter()
                .flat_map(Unit::lines)
                .skip(skip)
                .map(|&l| r.lines[l].key)
        };
        let whole = overlap::coverage_in(&self.block, keys());
        self.para
            .as_deref()
            .map_or(whole, |para| whole.max(overlap::coverage_in(para, keys())))
    }
}

/// Whether a line continues the open paragraph.
enum Continues {
    Yes(Decision),
    /// Display type printed inside the paragraph, which stays open.
    Interleaved(Decision),
    No,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::classify;
    use crate::lines::split;

    /// Each unit as `p` (paragraph) or `d` (display group) and its line
    /// count.
    fn kinds(text: &str) -> Vec<(&'static str, usize)> {
        kinds_of(&units(text))
    }

    fn kinds_of(units: &[Unit]) -> Vec<(&'static str, usize)> {
        units
            .iter()
            .map(|u| match u {
                Unit::Para { lines, .. } => ("p", lines.len()),
                Unit::Display { lines } => ("d", lines.len()),
                _ => ("?", 0),
            })
            .collect()
    }

    /// Each unit's lines and whether it opens with a dateline, as a
    /// paragraph (a unit of another kind: no lines).
    fn paragraphs(units: &[Unit]) -> Vec<(Vec<usize>, bool)> {
        units
            .iter()
            .map(|u| match u {
                Unit::Para { lines, lead } => (lines.clone(), *lead),
                _ => (vec![], false),
            })
            .collect()
    }

    /// Two paragraphs in a 14-cell column whose paragraphs start two cells
    /// short: set twice over a test's lines, they let the layout be
    /// measured (lines 0–13, four paragraphs).
    const COLUMN14: &str = "近日，某区总工会开展送清\n凉活动，走访慰问城区环卫作业\n班组成员，为他们送去防暑降温\n\
                            用品和慰问金。\n\
                            该区还组织医护人员为一线\n职工义诊，发放常用药品，讲解\n夏季防病知识。\n";

    /// The paragraphs (their lines) of `tail` set under [`COLUMN14`] twice,
    /// whose own four paragraphs are checked.
    fn paragraphs_under_column14(tail: &str) -> Vec<Vec<usize>> {
        let paras: Vec<Vec<usize>> = paragraphs(&units(&format!("{COLUMN14}{COLUMN14}{tail}")))
            .into_iter()
            .map(|(l, _)| l)
            .collect();
        let above = [
            vec![0, 1, 2, 3],
            vec![4, 5, 6],
            vec![7, 8, 9, 10],
            vec![11, 12, 13],
        ];
        assert_eq!(paras[..4], above);
        paras[4..].to_vec()
    }

    /// The kinds of the units of `tail` set under [`COLUMN14`] twice.
    fn kinds_under_column14(tail: &str) -> Vec<(&'static str, usize)> {
        kinds_of(&units(&format!("{COLUMN14}{COLUMN14}{tail}"))[4..])
    }

    fn units(text: &str) -> Vec<Unit> {
        units_read(text, false)
    }

    /// The units of `text`, read as OCR's where `recognized`.
    fn units_read(text: &str, recognized: bool) -> Vec<Unit> {
        let arena = bumpalo::Bump::new();
        let lines = split(text, &arena);
        let classes = classify(&lines);
        let mut layout = crate::layout::measure(text, &lines, &classes);
        layout.recognized |= recognized;
        reflow(&lines, &classes, &layout).units
    }

    #[test]
    fn a_short_line_ending_nothing_over_a_no_wider_one_is_a_wrapped_headline() {
        use crate::layout::Blanks::Paragraphs;
        // Set apart by blank lines, a line well short of the column that
        // ends no sentence, over a line no wider: a headline wrapped in
        // larger type. A paragraph's first line fills the column.
        let headline = "城东新开社区食堂：老\n人吃饭不用愁！\n\n";
        let start = "　　记者走访发现，食堂里座无\n虚席，不少老人结伴而来。\n";
        let kinds_of_tail = |tail: &str| {
            let text = parted_reports(Paragraphs, tail);
            let u = units(&text);
            let first = text
                .lines()
                .position(|l| l.starts_with("城东新开"))
                .unwrap();
            let at = u.iter().position(|x| x.lines().contains(&first)).unwrap();
            kinds_of(&u[at..])
        };
        assert_eq!(
            kinds_of_tail(&format!("{headline}{start}")),
            [("d", 2), ("p", 2)]
        );
        // Over a wider line, it is a paragraph's first line measured
        // short (`据社区服务站站长介⏎绍，下一步食堂将…`).
        let wider = "城东新开社区食堂：老\n人吃饭不用愁，价格也实惠！\n\n";
        assert_eq!(kinds_of_tail(&format!("{wider}{start}"))[0], ("p", 2));
        // Over a line that ends in a full stop, which no headline prints:
        // a paragraph's first line and its tail.
        let tail = "城东新开社区食堂：老\n人吃饭。\n\n";
        assert_eq!(kinds_of_tail(&format!("{tail}{start}"))[0], ("p", 2));
    }

    #[test]
    fn a_paragraphs_start_broken_off_above_the_next_pieces_headline_is_text() {
        // A paragraph's first line, two cells short, and a full line that
        // ends no sentence: the column's foot, then another piece's
        // headline and dateline.
        let tail = "早年有人提议过，要给地方\n志配上一套相应的图谱。这个想\n\n\
                    城南码头寒夜坚守保供应\n\n\
                    新华社某地2月19日电 今日雨\n水，城南码头的职工坚守岗位，\n保障货运畅通。\n";
        assert_eq!(kinds_under_column14(tail), [("p", 2), ("d", 1), ("p", 3)]);
        // A title over its subtitle, so set, runs straight into its
        // dateline: display type.
        let tail = "市民热议老城区改造新方案\n专家建议保留历史街巷原有风貌\n\
                    本报讯 近日，本市公布了\n城东片区更新计划征求意见稿，\n引起广泛关注。\n";
        assert_eq!(kinds_under_column14(tail), [("d", 2), ("p", 3)]);
        // Or into it past a blank line.
        let tail = tail.replacen("风貌\n", "风貌\n\n", 1);
        assert_eq!(kinds_under_column14(&tail), [("d", 2), ("p", 3)]);
        // And a kicker over its title, in one block with its subtitle.
        let tail = "坚持绿色发展推动乡村振兴\n某县千亩茶园今春迎来好收成\n\
                    ——茶农人均增收三千元\n\n\
                    本报讯 近日，本市公布了\n城东片区更新计划征求意见稿，\n引起广泛关注。\n";
        assert_eq!(kinds_under_column14(tail)[0], ("d", 3));
    }

    #[test]
    fn a_headlines_wrap_above_a_dashed_subtitle_is_display() {
        // Blank lines part the paragraphs; the headline wraps in the narrow
        // column, and its subtitle, opening with a dash, runs to the
        // column's width right under the wrap. Another piece's headline
        // follows.
        let text = "东湖治，西湖\n管，全城护\n——某市东西两湖护湖行动\n最新进展\n\n\
                    城南新建三座\n口袋公园\n\n\
                    全市今年将治理湖泊十二\n个，新建护岸三十公里，沿\n湖新建步道和观景平台。\n\n\
                    据介绍，治理工程将在汛期\n前完工，沿湖将新建步道和\n观景平台，方便市民游览。\n\n\
                    市水务局表示，各区将落实\n湖长制，每个湖泊都有专人\n负责日常巡查和养护工作。\n";
        let u = units(text);
        assert!(
            matches!(&u[0], Unit::Display { lines } if lines.starts_with(&[0, 1, 2, 3])),
            "{:?}",
            u[0]
        );
    }

    #[test]
    fn a_headline_under_a_column_name_above_a_dashed_subtitle_is_display() {
        // Blank lines part the paragraphs, which start two cells short of
        // the 14-cell column. Under a column's name, a short headline and
        // a subtitle that opens with a dash, right under it, as wide as
        // the column.
        let para = |p: &str| format!("{p}\n");
        let body: String = COLUMN14.split_inclusive("。\n").map(para).collect();
        let head = "【读书札记】\n山河深处的足音\n——读《江南旧事丛书》上下卷\n\n";
        let next = "翻开新近出版的《江南旧事\n丛书》，书中的老街和旧人一一\n在目。\n\n";
        let u = units(&format!("{body}{body}{head}{next}{next}"));
        assert_eq!(
            kinds_of(&u)[4..],
            [("?", 0), ("d", 2), ("p", 3), ("p", 3)],
            "{u:?}"
        );
        // So is a headline about the column's width.
        let wide = head.replace("山河深处的足音", "老街深处的年味和老手艺人");
        let u = units(&format!("{body}{body}{wide}{next}{next}"));
        assert_eq!(
            kinds_of(&u)[4..],
            [("?", 0), ("d", 2), ("p", 3), ("p", 3)],
            "{u:?}"
        );
        // A paragraph's first line above a dashed line that running text
        // carries on in its block is running text.
        let dashed =
            "他常常想起父亲说过的那\n——句老话，做人要实实在在地\n干活，踏踏实实地过好日子。\n\n";
        let u = units(&format!("{body}{body}{dashed}{next}"));
        assert_eq!(kinds_of(&u)[4..], [("p", 3), ("p", 3)], "{u:?}");
    }

    #[test]
    fn a_slogan_and_a_headline_set_apart_inside_a_sentence_leave_the_paragraph_open() {
        // The sentence breaks off at the column's edge; the page's slogan
        // and a headline wrapped onto a short line stand under it, each set
        // apart by blank lines; the text past them carries the sentence on.
        let before = "本报讯（记者 王五）市交通委\n昨天发布消息，本市今年将新开\n通十二条公交线路，方便市民\n\
                      出行。新线路主要覆盖城市新\n建住宅区和产业园区，其中四\n\n";
        let slogan = "瑞雪迎春 共绘幸福画卷\n\n";
        let headline = "本市新开通十二条公交线路方便出行\n惠及百万\n\n";
        let after =
            "条线路将在春节前投入运营。\n据介绍，新线路均采用新能源\n车辆，车内配备无障碍设施。\n";
        let u = units(&format!("{before}{slogan}{headline}{after}"));
        assert_eq!(
            u,
            vec![
                Unit::Para {
                    lines: vec![0, 1, 2, 3, 4, 11, 12, 13],
                    lead: true
                },
                Unit::Display {
                    lines: vec![6, 8, 9]
                },
            ]
        );
    }

    #[test]
    fn a_wide_display_line_set_apart_inside_a_sentence_leaves_the_paragraph_open() {
        let before = "本报讯（记者 王五）市交通委\n昨天发布消息，本市今年将新开\n通十二条公交线路，方便市民\n\
                      出行。新线路主要覆盖城市新\n建住宅区和产业园区，其中四\n\n";
        let headline = "本市今年新开通十二条公交线路方便市民出行\n";
        let after =
            "条线路将在春节前投入运营。\n据介绍，新线路均采用新能源\n车辆，车内配备无障碍设施。\n";
        // Set apart by blank lines on both sides, or by one above it only
        // (`pdftotext -layout` prints the headline on the row where the
        // column breaks).
        // (Or by one below it only.)
        let close = before.trim_end();
        for (page, at, rest) in [
            (format!("{before}{headline}\n{after}"), 6, vec![8, 9, 10]),
            (format!("{before}{headline}{after}"), 6, vec![7, 8, 9]),
            (format!("{close}\n{headline}\n{after}"), 5, vec![7, 8, 9]),
        ] {
            let mut lines = vec![0, 1, 2, 3, 4];
            lines.extend(rest);
            assert_eq!(
                units(&page),
                vec![
                    Unit::Para { lines, lead: true },
                    Unit::Display { lines: vec![at] },
                ]
            );
        }
    }

    #[test]
    fn a_wide_headline_wrapped_above_a_paragraph_start_ends_the_paragraph() {
        // Set apart under a paragraph that broke off at its column's foot;
        // its wrap, a short line, stands above the next piece's indented
        // start.
        let tail = "各街道也组织志愿者走访慰问\n了辖区内的环卫工人和快递小哥\n\n\
                    某区总工会为坚守岗位的一线职工送去\n防暑降温用品\n\
                    当天，区总工会一行人来到\n建筑工地看望施工的工人，送上\n绿豆汤和防暑药品。\n";
        assert_eq!(kinds_under_column14(tail), [("p", 2), ("d", 2), ("p", 3)]);
    }

    #[test]
    fn a_headline_at_the_columns_width_over_a_start_with_no_blank_line_is_display() {
        // After a sentence's end at the column's edge, a line at the
        // column's width that ends no sentence, right above a line two
        // cells short: its words come back in the text under it, so it is
        // that text's headline, though no blank line sets it apart.
        let tail = "该区还组织志愿者走访慰问\n辖区内的环卫工人和快递小哥，\n号召辖区居民向一线职工学习。\n\
                    像街巷更新一样恢复夜市烟火\n\
                    夜市将于月底恢复营业，各\n摊位将分批开放，街巷更新后的\n夜市烟火更旺了。\n";
        assert_eq!(kinds_under_column14(tail), [("p", 3), ("d", 1), ("p", 3)]);
        // Read by OCR, whose dropped and added glyphs blur the widths, it
        // takes a blank line above.
        let ocr = units_read(&format!("{COLUMN14}{COLUMN14}{tail}"), true);
        assert_eq!(kinds_of(&ocr[4..]), [("p", 7)]);
        // Words of the paragraph above more than of the text below (`居民`
        // comes back there too): the paragraph's next sentence.
        let tail = "该区还组织志愿者走访慰问\n辖区内的环卫工人和快递小哥，\n号召辖区居民向一线职工学习。\n\
                    辖区居民说要向一线职工看齐\n\
                    夜市将于月底恢复营业，各\n摊位将分批开放，方便居民们的\n夜市烟火更旺了。\n";
        assert_eq!(kinds_under_column14(tail), [("p", 7)]);
    }

    #[test]
    fn a_line_broken_off_at_a_clause_mark_above_a_headline_and_dateline_heads_the_piece() {
        // OCR set a blank line under each line of the headline.
        let tail = "各街道也派出志愿人员走访慰问\n了辖区内的保洁员工。\n\n\
                    某某局：外地冷链货运车辆、\n\n暂停进入本市城区\n\n\
                    新华社某地1月26日电 某某局\n今天发布通告，要求外地冷链车\n辆暂停进入本市城区。\n";
        assert_eq!(kinds_under_column14(tail), [("p", 2), ("d", 2), ("p", 3)]);
    }

    #[test]
    fn a_line_broken_off_at_a_clause_mark_under_a_headline_above_a_dateline_ends_it() {
        // A headline wrapped over short lines, its last ending in a comma
        // (OCR read the closing quote so), right above the dateline.
        let tail = "各街道也派出志愿人员走访慰问\n了辖区内的保洁员工。\n\n\
                    某某救援队：打\n通本市物资配送\n最后一段路，\n\
                    新华社某地1月26日电 某某局\n今天发布通告，要求外地冷链车\n辆暂停进入本市城区。\n";
        assert_eq!(kinds_under_column14(tail), [("p", 2), ("d", 3), ("p", 3)]);
    }

    #[test]
    fn a_line_broken_off_at_a_clause_mark_under_the_furniture_above_a_dateline_is_a_headline() {
        // OCR lost the headline's wrap.
        let page = format!(
            "第6版\n\n某市公布绿色小区、\n\n新华社某市3月7日电 某市今天公\n布了本市首批绿色小区名单。\n{}",
            COLUMN14.repeat(2)
        );
        assert_eq!(kinds(&page)[1..4], [("d", 1), ("p", 2), ("p", 4)]);
    }

    /// The kinds of the last `n` units of two columns whose paragraphs
    /// blank lines part, as they part display type, with `tail` under them.
    fn last_kinds_under_parted_paragraphs(tail: &str, n: usize) -> Vec<(&'static str, usize)> {
        let above = COLUMN14
            .replace("金。\n", "金。\n\n")
            .replace("识。\n", "识。\n\n");
        let u = units(&format!("{}{tail}", above.repeat(2)));
        kinds_of(&u[u.len() - n..])
    }

    #[test]
    fn a_headline_that_asks_wrapped_at_the_columns_width_above_a_start_is_display() {
        // The headline's words come back in the text below it.
        let tail = "某区：面对酷暑，高温作业防护\n要补上哪些短板？\n\n\
                    面对酷暑，某区高温作业的\n防护还有不少短板，记者近日走\n访了多个工地。\n";
        assert_eq!(
            last_kinds_under_parted_paragraphs(tail, 2),
            [("d", 2), ("p", 3)]
        );
    }

    #[test]
    fn a_headline_that_asks_is_display_where_its_words_come_back_past_an_opening_of_other_things() {
        // The opening paragraph tells of last night's storm; the
        // headline's words come back only in the second.
        let tail = "某区：面对酷暑，高温作业防护\n要补上哪些短板？\n\n\
                    7月2日晚间，本市迎来入夏\n以来最强的一场雷雨，城区多\n处道路出现积水，交通一度缓\n\
                    行。气象台连发三次预警，提\n醒市民注意出行安全。到了第\n二天上午，雨势才渐渐减弱，\n\
                    各条道路陆续恢复通行，公交\n线路也全部恢复了正常运营。\n\n\
                    面对酷暑，某区高温作业的\n防护还有不少短板，记者近日走\n访了多个工地。\n";
        assert_eq!(
            last_kinds_under_parted_paragraphs(tail, 3),
            [("d", 2), ("p", 8), ("p", 3)]
        );
    }

    #[test]
    fn a_headline_that_exclaims_set_apart_inside_a_sentence_leaves_the_paragraph_open() {
        let tail = "各街道也组织志愿者走访慰问\n了辖区内的环卫工人，他们说这\n\n\
                    酷暑当前，坚守岗位！\n\n是自己的本分，只要城市还需要\n就要干好。\n";
        let u = units(&format!("{COLUMN14}{COLUMN14}{tail}"));
        assert_eq!(
            u[4..],
            [
                Unit::Para {
                    lines: vec![14, 15, 19, 20],
                    lead: false
                },
                Unit::Display { lines: vec![17] },
            ]
        );
    }

    /// Display type (`display`, its lines joined with `\n`) set apart
    /// into the column where a sentence broke, above a line that looks
    /// like display type too (no full stop in it): the paragraph runs on
    /// past it, and the display lines are a group of their own. (A page of
    /// one such line among many: lines set apart by spaces on many lines
    /// would be spaced-out running text.)
    fn assert_display_inside_a_sentence(display: &str) {
        let before = "本报讯（记者王五）市交通委\n昨天发布消息，本市今年将新开\n通十二条公交线路，方便市民\n\
                      出行。新线路主要覆盖城市新\n建住宅区和产业园区，其中四\n\n";
        let after =
            "条线路、两座车站和一处枢纽\n将在春节前投入运营。\n据介绍，新线路均采用新能源\n\
                     车辆，车内配备无障碍设施，\n票价与现有线路相同。\n";
        let page = format!("{before}{display}\n\n{}", after.repeat(5));
        let n = display.lines().count();
        let u = units(&page);
        assert_eq!(
            u[0],
            Unit::Para {
                lines: vec![0, 1, 2, 3, 4, 7 + n, 8 + n],
                lead: true
            }
        );
        assert_eq!(
            u[1],
            Unit::Display {
                lines: (6..6 + n).collect()
            }
        );
    }

    #[test]
    fn a_justified_first_line_printed_with_a_gap_starts_a_paragraph() {
        // The extractor printed the wide spacing of a justified line as a
        // space; the line is indented and running text fills the column
        // under it.
        // Blank lines part the paragraphs, as they part display type.
        let above = COLUMN14
            .replace("金。\n", "金。\n\n")
            .replace("识。\n", "识。\n\n");
        let tail = "各村的志愿者们接连 日赶\n路，把蔬菜和药品送到每位老人\n的家中。\n";
        let u = units(&format!("{}{tail}", above.repeat(4)));
        assert_eq!(
            u.last(),
            Some(&Unit::Para {
                lines: vec![36, 37, 38],
                lead: false
            })
        );
    }

    #[test]
    fn a_short_line_opening_with_the_particle_de_goes_on_the_paragraph() {
        // Under a line stopped mid-sentence at the column's edge; OCR read
        // two columns' lines as one below it.
        let tail = "各街道也组织志愿者走访慰问\n了辖区内的环卫工人，这体现了\n的关心关爱\n\n\
                    再来说说那几个城市。          市图书馆日前宣布，今\n后将延长周末的开放时间。\n";
        assert_eq!(paragraphs_under_column14(tail)[0], [14, 15, 16]);
    }

    /// Two reports under [`COLUMN14`] twice (lines 0–13), as an extractor
    /// that reads a page block by block prints them: the first report's
    /// paragraph breaks off at a column's foot (line 19) where the second
    /// report's headline begins; the second report's text breaks at its
    /// own column's foot (line 23, `b_breaks`) and carries on in the next
    /// block (line 25, `b_goes_on`); the first report's text follows last
    /// (line 28 on).
    fn reports_read_block_by_block(b_breaks: &str, b_goes_on: &str) -> Vec<Unit> {
        units(&reports_text(b_breaks, b_goes_on))
    }

    /// The text of [`reports_read_block_by_block`].
    fn reports_text(b_breaks: &str, b_goes_on: &str) -> String {
        let reports = format!(
            "\n城西新建三座口袋公园\n\
             本报讯 城西区今年新建三座\n口袋公园，占地共一万二千平方\n\
             米，园内种植了银杏、香樟等树\n木，并配有各类健身器材和儿童\n\n\
             城东图书馆延长开放时间\n\
             本报讯 城东图书馆自下月起\n{b_breaks}\n\n\
             {b_goes_on}\n馆内新增自习座位二百个。\n\n\
             游乐设施，周边居民步行十分钟\n即可到达口袋公园健身。\n"
        );
        format!("{COLUMN14}{COLUMN14}{reports}")
    }

    #[test]
    fn a_short_line_set_apart_above_a_paragraphs_start_is_display_type() {
        // The paragraph above broke off mid-sentence at its column's foot;
        // the short line, ending no sentence, cannot be its last line.
        let tail = "区里今年新建的文化广场占地\n约两万平方米，总投资由区财\n\n\
                    老街挂起红灯笼\n\n\
                    新年将至，老街两旁挂起了\n上千盏红灯笼，为节日增添了喜\n庆气氛。\n";
        let u = units(&format!("{COLUMN14}{COLUMN14}{tail}"));
        let unit = u.iter().find(|x| x.lines().contains(&17)).unwrap();
        assert_eq!(unit, &Unit::Display { lines: vec![17] });
        assert_eq!(paragraph_of(&u, 19), [19, 20, 21]);
        // A paragraph's last line whose full stop OCR lost shares the
        // paragraph's words, not the next one's: it stays.
        let tail = "区里今年对老城区道路进行了\n改造升级，目前主要道路也已\n\n\
                    全部完成改造升级\n\n\
                    新年将至，老街两旁挂起了\n上千盏红灯笼，为节日增添了喜\n庆气氛。\n";
        let u = units(&format!("{COLUMN14}{COLUMN14}{tail}"));
        assert_eq!(paragraph_of(&u, 17), [14, 15, 17]);
    }

    #[test]
    fn a_short_line_set_apart_over_another_headline_is_display_type() {
        // Two headlines stacked, set apart under a paragraph that broke off
        // mid-sentence: the upper one cannot be the paragraph's last line.
        let tail = "区里今年新建的文化广场占地\n约两万平方米，总投资由区财\n\n\
                    守望相助，共渡难关\n\n\
                    某某物流企业开通专线\n\
                    从棉被、帐篷到饮用水，各类\n物资陆续运往灾区，保障了\n群众的生活。\n";
        let u = units(&format!("{COLUMN14}{COLUMN14}{tail}"));
        let unit = u.iter().find(|x| x.lines().contains(&17)).unwrap();
        assert!(
            matches!(unit, Unit::Display { lines } if lines[0] == 17),
            "{unit:?}"
        );
        assert_eq!(paragraph_of(&u, 14), [14, 15]);
        // Read by OCR, which loses full stops, the line stays text.
        let text = format!("{COLUMN14}{COLUMN14}{tail}");
        let ocr = units_read(&text, true);
        assert_eq!(paragraph_of(&ocr, 17), [14, 15, 17]);
        // A line that holds the paragraph's own words is its tail.
        let tail = "区里今年对老城区道路进行了\n改造升级，目前主要道路也已\n\n\
                    全部完成改造升级\n\n\
                    某某物流企业开通专线\n\
                    从棉被、帐篷到饮用水，各类\n物资陆续运往灾区，保障了\n群众的生活。\n";
        let u = units(&format!("{COLUMN14}{COLUMN14}{tail}"));
        assert_eq!(paragraph_of(&u, 17), [14, 15, 17]);
    }

    #[test]
    fn paragraphs_a_block_goes_on_to_read_after_the_waiting_one_it_carried_on() {
        // The block that carries the first report's paragraph on (line 28)
        // opens another of its paragraphs (line 30): that one reads after
        // it, not after the second report where the block is printed.
        let text = reports_text(
            "延长开放时间，每天开放至晚上",
            "九点，方便市民下班后来借阅，",
        ) + "公园管理方表示，口袋公园\n全天开放，欢迎周边居民前来健\n身。\n";
        let u = units(&text);
        let at = |n: usize| u.iter().position(|x| x.lines().contains(&n)).unwrap();
        assert_eq!(paragraph_of(&u, 30), [30, 31, 32]);
        assert_eq!(at(30), at(28) + 1);
        assert!(at(30) < at(22));
    }

    /// A page whose blank lines part paragraphs (`blanks`: or mark column
    /// breaks, most inside a sentence): the first report breaks off at its
    /// column's foot before the second report, and `tail` follows.
    fn parted_reports(blanks: crate::layout::Blanks, tail: &str) -> String {
        let column = if blanks == crate::layout::Blanks::Paragraphs {
            "近日，某区总工会开展送清\n凉活动，走访慰问城区环卫作业\n\
             班组成员，为他们送去防暑降温\n用品和慰问金。\n\n\
             该区还组织医护人员为一线\n职工义诊，发放常用药品，讲解\n\
             夏季防病知识。\n\n"
        } else {
            "近日，某区总工会开展送清\n凉活动，走访慰问城区环卫作业\n\n\
             班组成员，为他们送去防暑降温\n用品和慰问金。\n\
             该区还组织医护人员为一线\n\n职工义诊，发放常用药品，讲解\n\
             夏季防病知识。\n"
        };
        let text = format!(
            "{column}{column}{column}城西新建三座口袋公园\n\
             本报讯 城西区今年新建三座\n口袋公园，占地共一万二千平方\n\
             米，园内种植了银杏、香樟等树\n木，并配有各类健身器材和儿童\n\n\
             城东图书馆延长开放时间\n\n\
             本报讯 城东图书馆自下月起\n延长开放时间，每天开放至晚上\n\
             九点，馆内新增自习座位二百个。\n\n{tail}"
        );
        let arena = bumpalo::Bump::new();
        let lines = split(&text, &arena);
        let layout = crate::layout::measure(&text, &lines, &classify(&lines));
        assert_eq!(layout.blanks, blanks);
        text
    }

    /// Where the paragraph `last` reads in [`parted_reports`], printed
    /// under a block that carries the first report on, a blank line
    /// between: right after the paragraph that the block carried on
    /// (`true`), or where it is printed, after the second report (`false`).
    fn reads_after_carried(blanks: crate::layout::Blanks, last: &str) -> bool {
        let block = "游乐设施，周边居民步行十分钟\n即可到达口袋公园健身。\n\n";
        let text = parted_reports(blanks, &format!("{block}{last}"));
        let line = |start: &str| text.lines().position(|l| l.starts_with(start)).unwrap();
        let (broken, block, second, own) = (
            line("本报讯 城西区"),
            line("游乐设施"),
            line("本报讯 城东"),
            line(last.lines().find(|l| !l.is_empty()).unwrap()),
        );
        let u = units(&text);
        let at = |n: usize| u.iter().position(|x| x.lines().contains(&n)).unwrap();
        // The block carries the first report on in every case.
        assert!(paragraph_of(&u, broken).contains(&block));
        assert!(at(second) != at(block));
        if at(own) == at(block) + 1 && at(own) < at(second) {
            true
        } else {
            assert!(at(own) > at(second));
            false
        }
    }

    #[test]
    fn paragraphs_after_a_blank_read_after_the_waiting_one_their_words_carry_on() {
        use crate::layout::Blanks::{Breaks, Paragraphs};
        // Blank lines part this page's paragraphs: the one under the
        // block shares the first report's words, and reads after it.
        let park = "园内还设有口袋公园健身步\n道，供周边居民散步健身。\n";
        assert!(reads_after_carried(Paragraphs, park));
        // Two blank lines between part it no more than one.
        assert!(reads_after_carried(Paragraphs, &format!("\n{park}")));
        // One with the second report's words stays where it is printed.
        let library = "图书馆还将开设周末讲座，馆\n内自习座位可在网上预约。\n";
        assert!(!reads_after_carried(Paragraphs, library));
        // So does one with too few of the first report's words (a word
        // or two in common is any two pieces'),
        let few = "区里还将举办系列健身活动，\n丰富市民业余文化生活。\n";
        assert!(!reads_after_carried(Paragraphs, few));
        // and one with the second report's words as much as a third of
        // the first's.
        let both = "口袋公园和图书馆都将延长开\n放时间，方便周边居民。\n";
        assert!(!reads_after_carried(Paragraphs, both));
        // Where blank lines mark column breaks, the block under one is
        // any column's, whatever its words.
        assert!(!reads_after_carried(Breaks, park));
        // A block under the blank that goes on with the carried paragraph
        // opens none: the second report's paragraph stays under its
        // headline.
        let text = parted_reports(
            Paragraphs,
            "游乐设施，周边居民步行十分钟\n即可到达口袋公园健身，园内还\n\n\
             设有健身步道，供居民散步。\n",
        );
        let line = |start: &str| text.lines().position(|l| l.starts_with(start)).unwrap();
        let u = units(&text);
        let at = |n: usize| u.iter().position(|x| x.lines().contains(&n)).unwrap();
        assert_eq!(at(line("设有健身步道")), at(line("游乐设施")));
        assert_eq!(at(line("本报讯 城东")), at(line("城东图书馆")) + 1);
    }

    #[test]
    fn two_paragraphs_wait_for_their_text_at_once() {
        // Two reports break off mid-sentence at their columns' feet
        // (lines 19 and 23) before a photo's piece; the blocks after it
        // carry on the first report, then the second: each goes to the
        // paragraph whose words it shares, the older one too.
        let tail = "\n城西新建三座口袋公园\n\
                    本报讯 城西区今年新建三座\n口袋公园，占地共一万二千平方\n\
                    米，园内种植了银杏、香樟等树\n木，并配有各类健身器材和儿童\n\n\
                    城东图书馆延长开放时间\n\
                    本报讯 城东图书馆自下月起\n延长开放时间，每天开放至晚上\n\n\
                    老街挂起红灯笼\n\n\
                    新年将至，老街两旁挂起了\n上千盏红灯笼。\n\n\
                    游乐设施，园内居民步行十分钟\n即可到达口袋公园健身。\n\n\
                    九点，方便市民下班后来图书\n馆借阅，馆内新增自习座位。\n";
        let u = units(&format!("{COLUMN14}{COLUMN14}{tail}"));
        assert_eq!(paragraph_of(&u, 16), [16, 17, 18, 19, 30, 31]);
        assert_eq!(paragraph_of(&u, 22), [22, 23, 33, 34]);
    }

    #[test]
    fn a_block_that_ends_the_word_a_waiting_paragraph_cut_carries_it_on() {
        // The report breaks off inside a word (`设⏎⏎施`) that the page prints
        // whole elsewhere; the block that ends it shares one word with it,
        // too few among its own for its words alone to tell.
        let tail = |block: &str| {
            format!(
                "\n城西新建三座口袋公园\n\
                 本报讯 城西区今年新建三座\n口袋公园，占地共一万二千平方\n\
                 米，园内种植了银杏、香樟等树\n木，并配有各类健身器材等设\n\n\
                 老街挂起红灯笼\n\n\
                 新年将至，老街两旁挂起了\n上千盏红灯笼，照亮了设施。\n\n\
                 {block}"
            )
        };
        let block = "施，供老少使用，每天早晚都有\n不少居民来这里锻炼身体，公园\n里十分热闹。\n";
        let u = units(&format!("{COLUMN14}{COLUMN14}{}", tail(block)));
        assert_eq!(paragraph_of(&u, 16), [16, 17, 18, 19, 26, 27, 28]);
        // A block that shares no word with it is not taken on the cut
        // alone: two common glyphs make a word somewhere on most pages.
        let block = "施，供老少使用，每天早晚都有\n不少居民来这里锻炼身体，广场\n上十分热闹。\n";
        let u = units(&format!("{COLUMN14}{COLUMN14}{}", tail(block)));
        assert_eq!(paragraph_of(&u, 16), [16, 17, 18, 19]);
    }

    #[test]
    fn a_paragraph_broken_off_on_a_letter_spaced_line_waits_for_its_text() {
        // The report's last line before the blank is letter-spaced short of
        // the column (the start of the next line could not be broken):
        // justified, so no paragraph's last line.
        let tail = "\n城西新建三座口袋公园\n\
                    本报讯 城西区今年新建三座\n口袋公园，占地共一万二千平方\n\
                    米，园内种植了银杏、香樟等树\n木 ， 并 配 有 各 类 健 身 器 材\n\n\
                    老街挂起红灯笼\n\n\
                    新年将至，老街两旁挂起了\n上千盏红灯笼。\n\n\
                    “和”儿童设施，口袋公园周边居\n民步行十分钟即可到达。\n";
        let u = units(&format!("{COLUMN14}{COLUMN14}{tail}"));
        assert_eq!(paragraph_of(&u, 16), [16, 17, 18, 19, 26, 27]);
    }

    #[test]
    fn a_block_carries_on_the_waiting_paragraph_whose_words_its_first_paragraph_shares() {
        // The block carries the report on for one paragraph, then runs
        // paragraphs of other words: the words of the first are read.
        let tail = "\n城西新建三座口袋公园\n\
                    本报讯 城西区今年新建三座\n口袋公园，占地共一万二千平方\n\
                    米，园内种植了银杏、香樟等树\n木，并配有各类健身器材和儿童\n\n\
                    老街挂起红灯笼\n\n\
                    新年将至，老街两旁挂起了\n上千盏红灯笼。\n\n\
                    游乐设施，均在口袋公园内。\n\
                    \u{3000}\u{3000}区文化馆还组织书法家为\n居民写春联，送出福字春联两千\n\
                    余副，受到居民欢迎，大家纷纷\n表示感谢，文化馆今后还将定期\n\
                    举办类似活动，丰富居民生活，\n让居民在家门口享受文化大餐。\n\
                    \u{3000}\u{3000}春节期间，区文化馆还将\n举办灯谜会、民俗展览和戏曲\n\
                    演出等十余场活动，邀请辖区居\n民和在本区工作的人一同参加。\n";
        let u = units(&format!("{COLUMN14}{COLUMN14}{tail}"));
        assert_eq!(paragraph_of(&u, 16), [16, 17, 18, 19, 26]);
    }

    /// A report that breaks off at its column's foot (line 19), and a photo
    /// piece's headline under it (line 21).
    const REPORT_BROKEN_OFF: &str = "\n城西新建三座口袋公园\n\
        本报讯 城西区今年新建三座\n口袋公园，占地共一万二千平方\n\
        米，园内种植了银杏、香樟等树\n木，并配有各类健身器材和儿童\n\n\
        老街挂起红灯笼\n\n";

    #[test]
    fn a_block_printed_straight_under_a_broken_line_carries_on_the_waiting_paragraph() {
        // The first report breaks off at its column's foot (line 19); the
        // photo piece's text breaks off too (line 24) and the report's
        // block follows it with no blank line between. The break makes no
        // word the page prints (`到⏎游`); the report's does (`童⏎游`, as
        // in `儿童游乐区`), and the block shares the report's words.
        let tail = |goes_on: &str, next: &str| {
            format!(
                "{COLUMN14}{COLUMN14}{REPORT_BROKEN_OFF}\
                 新年将至，老街两旁挂起了\n上千盏红灯笼，街坊们纷纷来到\n\
                 {goes_on}\n{next}\n\n\
                 老街拍照留念，节日气氛浓厚。\n"
            )
        };
        let u = units(&tail(
            "游乐设施，口袋公园周边居民步行",
            "十分钟即可到达儿童游乐区。",
        ));
        assert_eq!(paragraph_of(&u, 16), [16, 17, 18, 19, 25, 26]);
        assert_eq!(paragraph_of(&u, 23), [23, 24, 28]);
        // A line whose first glyph makes a word with the line above it
        // carries that line on, whatever its words and the waiting
        // paragraph's cut: `到⏎游`, where the line under it prints `到游`.
        let u = units(&tail(
            "游乐设施，口袋公园周边居民步行",
            "十分钟可来到游乐区和儿童游园。",
        ));
        assert_eq!(paragraph_of(&u, 23), [23, 24, 25, 26]);
        // Nor does a block that shares too few of the waiting paragraph's
        // words take it up on the cut alone.
        let u = units(&tail(
            "游客络绎不绝，人们提着灯笼拍照",
            "留念，街巷里一片欢声笑语。",
        ));
        assert_eq!(paragraph_of(&u, 23), [23, 24, 25, 26]);
    }

    #[test]
    fn a_line_under_a_short_piece_on_the_same_subject_carries_that_piece_on() {
        // The second report breaks off `却设有⏎游乐设施` between words; the
        // first, waiting, ends `…和儿童`, and the page prints `儿童游乐区`.
        // The block shares the waiting report's words (`健身`, `儿童`), but
        // barely more than the open one's, on the same subject: it stays.
        let tail = format!(
            "{REPORT_BROKEN_OFF}\
             本报讯 城东首座口袋公园昨日\n正式开放，公园面积不大，却设有\n\
             游乐设施和健身步道，吸引了不少\n周边居民带着孩子前来游玩。\n\
             公园管理方表示，儿童游乐区每\n天开放至晚上八点。\n\n\
             滑梯等设施，周边居民步行十分\n钟即可到达。\n"
        );
        let u = units(&format!("{COLUMN14}{COLUMN14}{tail}"));
        assert_eq!(paragraph_of(&u, 23), [23, 24, 25, 26, 27, 28]);
    }

    #[test]
    fn an_indented_start_under_a_break_mid_sentence_lets_the_broken_paragraph_wait() {
        // The report breaks off mid-sentence (`…和儿童`) at its column's
        // foot; the next block opens two cells short, as a paragraph
        // starts, on another subject: a paragraph of its own, and the
        // report waits for the block that carries it on (`游乐设施…`).
        let report = "本报讯 城西区今年新建三座\n口袋公园，占地共一万二千平方\n\
                      米，园内种植了银杏、香樟等树\n木，并配有各类健身器材和儿童\n\n";
        let carried_on = "\n游乐设施，周边居民步行十分钟\n即可到达口袋公园健身。\n";
        let other = "入冬以来用电负荷上升，电\n网公司提前检修线路保障供电。\n";
        let next = "\n城南新建变电站投运\n\n本报讯 城南变电站昨日正式投\n\
                    运，可满足周边三万户居民用电。\n";
        let u = units(&format!(
            "{COLUMN14}{COLUMN14}{report}{other}{next}{carried_on}"
        ));
        assert_eq!(paragraph_of(&u, 14), [14, 15, 16, 17, 27, 28]);
        assert_eq!(paragraph_of(&u, 19), [19, 20]);
        // A start on the report's own subject (`儿童`, `园内`) is its next
        // paragraph, printed where the column went on: the report does not
        // wait (its text cannot be told from that paragraph's).
        let same = "园内儿童游乐设施由专业公\n司设计，周边居民步行即可到。\n";
        let u = units(&format!("{COLUMN14}{COLUMN14}{report}{same}"));
        assert_eq!(paragraph_of(&u, 14), [14, 15, 16, 17, 19, 20]);
        // Two phrases printed apart about the indent's width are no
        // paragraph's start: display type printed inside the sentence,
        // which the line under it carries on.
        let slogan = "欢度新春佳节 共享幸福生活\n滑梯秋千等设施，供孩子们玩耍\n嬉戏。\n";
        let u = units(&format!("{COLUMN14}{COLUMN14}{report}{slogan}"));
        assert_eq!(paragraph_of(&u, 14), [14, 15, 16, 17, 20, 21]);
    }

    #[test]
    fn paragraphs_under_a_moved_paragraph_gone_on_across_a_break_read_after_it() {
        // The block that carries the first report on breaks off itself
        // (`…园内还`) and goes on past a blank line; the paragraph that
        // opens under it there is that column's, and reads after it, not
        // after the second report where it is printed.
        let tail = "游乐设施，周边居民步行十分钟\n即可到达口袋公园健身。园内还\n\n\
                    设有健身步道，供周边居民散步\n健身。\n\
                    夜间园内开启照明灯光，方\n便居民晚间到园内锻炼身体。\n";
        let (text, u, at) = read_after_moved(tail);
        let line = |start: &str| text.lines().position(|l| l.starts_with(start)).unwrap();
        let report = line("本报讯 城西区");
        assert!(paragraph_of(&u, report).contains(&line("设有健身步道")));
        assert_eq!(at(line("夜间")), at(report) + 1);
        // The same where the paragraph gone on is one the block opened,
        // itself moved to read after the report.
        let tail = "游乐设施，周边居民步行十分钟\n即可到达口袋公园健身。\n\
                    园内还设有健身步道，供周\n边居民散步健身，步道全长八百\n\n\
                    米，沿途设有休息座椅。\n\
                    夜间园内开启照明灯光，方\n便居民晚间到园内锻炼身体。\n";
        let (text, _, at) = read_after_moved(tail);
        let line = |start: &str| text.lines().position(|l| l.starts_with(start)).unwrap();
        assert_eq!(at(line("夜间")), at(line("园内还")) + 1);
        assert_eq!(at(line("园内还")), at(line("本报讯 城西区")) + 1);
    }

    /// [`parted_reports`] with `tail`, its units, and where each line reads
    /// among them (checked to be before the second report for the tail's
    /// last line).
    fn read_after_moved(tail: &str) -> (String, Vec<Unit>, impl Fn(usize) -> usize) {
        let text = parted_reports(crate::layout::Blanks::Paragraphs, tail);
        let u = units(&text);
        let at = {
            let u = u.clone();
            move |n: usize| u.iter().position(|x| x.lines().contains(&n)).unwrap()
        };
        let second = text
            .lines()
            .position(|l| l.starts_with("本报讯 城东"))
            .unwrap();
        assert!(at(text.lines().count() - 1) < at(second));
        (text, u, at)
    }

    #[test]
    fn a_line_under_a_break_after_a_digit_carries_the_open_paragraph_on() {
        // The same block under a line that ends in digits (`约3000⏎游乐`):
        // whether that break cut a word cannot be read, so the block's
        // words alone do not take it from the open paragraph.
        let text = format!(
            "{COLUMN14}{COLUMN14}{REPORT_BROKEN_OFF}\
             新年将至，老街两旁挂起了\n上千盏红灯笼，吸引游客约3000\n\
             游乐设施，口袋公园周边居民步行\n十分钟即可到达儿童游乐区。\n\n\
             老街拍照留念，节日气氛浓厚。\n"
        );
        let u = units(&text);
        assert_eq!(paragraph_of(&u, 23), [23, 24, 25, 26]);
        // `约3000⏎平方米`: a break after a digit tells nothing of a word it
        // cut, so it is no evidence that the line is another piece's.
        let tail = "\n城西新建三座口袋公园\n本报讯 城西区今年新建三座\n口袋公园，园内种植了银杏、香\n\
                    樟等树木，并配有各类健身器材\n和游乐设施，绿地面积一万二千\n\n城东首座口袋公园开放\n\n\
                    本报讯 城东首座口袋公园昨日\n正式开放，公园占地面积约3000\n平方米，设有滑梯、秋千和健身步\n\
                    道，吸引了周边居民前来锻炼。\n园内新增绿地两千平方米，管理方\n表示每天开放至晚上八点。\n\n\
                    平方米，周边居民步行十分钟即\n可到达。\n";
        let u = units(&format!("{COLUMN14}{COLUMN14}{tail}"));
        assert_eq!(paragraph_of(&u, 23), [23, 24, 25, 26, 27, 28]);
    }

    #[test]
    fn a_signature_under_a_block_that_carried_a_waiting_paragraph_on_reads_after_it() {
        // The block at line 25 carries the first report on and closes it
        // with the writer's signature: the signature reads after the
        // report's paragraph, not after the photo piece above the block.
        let tail = |signature: &str| {
            format!(
                "{COLUMN14}{COLUMN14}{REPORT_BROKEN_OFF}\
                 新年将至，老街两旁挂起了\n上千盏红灯笼，街坊们纷纷来到\n\
                 游乐设施，口袋公园周边居民步行\n十分钟即可到达儿童游乐区。\n\
                 {signature}\n\n\
                 老街拍照留念，节日气氛浓厚。\n"
            )
        };
        let u = units(&tail("滨河供电局工会干部 谷川"));
        let at = |n: usize| u.iter().position(|x| x.lines().contains(&n)).unwrap();
        assert_eq!(u[at(27)], Unit::Display { lines: vec![27] });
        assert_eq!(at(27), at(16) + 1);
        // So does one whose name wrapped onto a line of its own.
        let u = units(&tail("滨河供电局工会干部 谷\n川"));
        let at = |n: usize| u.iter().position(|x| x.lines().contains(&n)).unwrap();
        assert_eq!(
            u[at(27)],
            Unit::Display {
                lines: vec![27, 28]
            }
        );
        assert_eq!(at(27), at(16) + 1);
    }

    #[test]
    fn a_paragraph_broken_off_above_a_bold_headline_waits_for_its_text() {
        // The report breaks off at its column's foot (line 19) right above
        // a headline in bold type, its glyphs doubled: another piece, as a
        // dateline would open. The block past that piece carries it on.
        let tail = "\n城西新建三座口袋公园\n\
                    本报讯 城西区今年新建三座\n口袋公园，占地共一万二千平方\n\
                    米，园内种植了银杏、香樟等树\n木，并配有各类健身器材和儿童\n\n\
                    老老街街挂挂起起红红灯灯笼笼\n\n\
                    新年将至，老街两旁挂起了\n上千盏红灯笼。\n\n\
                    游乐设施，口袋公园周边居民步\n行十分钟即可到达。\n";
        let u = units(&format!("{COLUMN14}{COLUMN14}{tail}"));
        assert_eq!(paragraph_of(&u, 16), [16, 17, 18, 19, 26, 27]);
    }

    /// The paragraph that holds line `n`.
    fn paragraph_of(units: &[Unit], n: usize) -> Vec<usize> {
        paragraphs(units)
            .into_iter()
            .map(|(lines, _)| lines)
            .find(|lines| lines.contains(&n))
            .unwrap_or_default()
    }

    /// A report in a 12-cell column whose paragraphs start two cells
    /// short, no blank line between them; its third paragraph (lines
    /// 12–14) breaks off at its column's foot, in words the rest of the
    /// report does not print.
    const SHORT_BREAK: &str = "城际快线今起开通\n\n\
        本报讯 某市城际快线\n今天正式开通运营，城际快\n线全长六十公里，沿线设有\n\
        十二座车站，乘客从城东到\n城西只需四十分钟。\n\
        城际快线开通后，沿线\n居民出行更加便捷。城际快\n线运营公司表示，首班车早\n\
        上六点发车，末班车晚上十\n一点发车。\n\
        据介绍，下个月起，沿\n线各站将陆续开展一批便民\n活动，首批的试点工作将在\n";

    /// Another report, under [`SHORT_BREAK`]: its headline and two
    /// paragraphs, which end.
    const LIBRARY: &str = "\n老街书屋重新开放\n\n\
        本报讯 老街书屋经过\n三个月修缮，今天重新向读\n者开放。老街书屋藏书两万\n\
        余册，新增儿童阅读区和自\n习座位。\n\
        老街书屋负责人介绍，\n修缮后的老街书屋延长开放\n时间，每天早上九点至晚上\n\
        九点免费开放，读者可以凭\n借书证借阅。\n";

    /// The report's words, and not the broken paragraph's: the text that
    /// carries that paragraph on.
    const SHORT_BREAK_GOES_ON: &str = "本月底前于城际快线车站启\n动，城际快线车站将增设换\n\
        乘通道和自行车停放点，乘\n客从城东到城西换乘更加方\n便。\n";

    #[test]
    fn a_block_opening_inside_a_paragraph_under_one_that_ended_carries_on_its_pieces_words() {
        // Another piece's headline and text, which ends; then a block that
        // opens inside a paragraph (at the column's full width), in the
        // first report's words: it carries the broken paragraph on.
        let page = format!(
            "{SHORT_BREAK}{LIBRARY}\
             老街书屋还将举办读书\n会和讲座，欢迎居民报名参\n加，报名可以到书屋服务台\n\
             登记。\n\n{SHORT_BREAK_GOES_ON}"
        );
        let u = units(&page);
        assert_eq!(paragraph_of(&u, 12), [12, 13, 14, 33, 34, 35, 36, 37]);
    }

    #[test]
    fn a_block_opening_inside_a_paragraph_in_the_words_of_the_piece_above_stays_there() {
        // The same, but the block is in the second piece's words (it names
        // the report's line once): it stays under that piece's text.
        let page = format!(
            "{SHORT_BREAK}{LIBRARY}\n\
             读者可以乘坐城际快线到老\n街站下车，老街书屋新增儿\n童阅读区，藏书两万余册，\n\
             修缮后的书屋免费开放。\n"
        );
        let u = units(&page);
        assert_eq!(paragraph_of(&u, 12), [12, 13, 14]);
        assert_eq!(paragraph_of(&u, 29), [29, 30, 31, 32]);
    }

    #[test]
    fn a_block_under_a_headline_and_byline_over_a_broken_paragraph_carries_it_on() {
        // Right under the broken paragraph, another piece's headline and
        // byline and no paragraph of text: no paragraph ended above the
        // block, so only the waiting one's words are read.
        let page = format!(
            "{SHORT_BREAK}\n老街书屋重新开放\n□ 本报记者 王五\n\n{SHORT_BREAK_GOES_ON}\n\
             老街书屋负责人介绍，\n修缮后的老街书屋延长开放\n时间，每天早上九点至晚上\n\
             九点免费开放，读者可以凭\n借书证借阅。\n"
        );
        let u = units(&page);
        assert_eq!(paragraph_of(&u, 12), [12, 13, 14, 19, 20, 21, 22, 23]);
    }

    #[test]
    fn a_paragraph_cut_off_by_a_headline_waits_across_the_next_pieces_column_break() {
        let u = reports_read_block_by_block(
            "延长开放时间，每天开放至晚上",
            "九点，方便市民下班后来借阅，",
        );
        assert_eq!(paragraph_of(&u, 28), [16, 17, 18, 19, 28, 29]);
        assert_eq!(paragraph_of(&u, 25), [22, 23, 25, 26]);
    }

    #[test]
    fn a_line_inside_an_open_bracket() {
        assert!(opens_a_bracket("本报讯（记者"));
        assert!(opens_a_bracket("滨海晚报5月8日讯 (记者"));
        assert!(!opens_a_bracket("本报讯（记者 王五）近日，"));
        assert!(!opens_a_bracket("近日，滨海新区开展植树活动"));
    }

    #[test]
    fn an_open_paragraph_ending_in_a_clause_mark_keeps_the_next_block() {
        // The second report's sentence breaks at `、`: it cannot end there,
        // so the next block is its own, though its words are the first
        // report's.
        let u = reports_read_block_by_block(
            "延长开放时间，阅览室、自习室、",
            "健身器材室和儿童游乐区都开放，",
        );
        assert_eq!(paragraph_of(&u, 25), [22, 23, 25, 26]);
    }

    #[test]
    fn two_phrases_printed_apart_inside_a_sentence_leave_the_paragraph_open() {
        assert_display_inside_a_sentence("青山绿水 共建家园");
    }

    #[test]
    fn a_slogan_couplet_near_the_columns_width_inside_a_sentence_leaves_it_open() {
        // The slogan's two phrases spread over most of the column, as
        // extractors that keep the page's spacing print it.
        assert_display_inside_a_sentence("青山绿水 共建美好家园");
    }

    #[test]
    fn short_lines_ending_open_inside_a_sentence_are_a_headline_printed_there() {
        // Two short lines, one under the other, that end no sentence are
        // no paragraph's: a headline wrapped in larger type.
        assert_display_inside_a_sentence("某区：外地\n团队暂不进\n入景区");
    }

    #[test]
    fn a_wrapped_headline_after_a_column_break_mid_sentence_is_the_next_pieces() {
        // Blank lines mark column breaks; the first piece's column breaks
        // mid-sentence, and the next piece's headline, wrapped over two
        // short lines, runs into its dateline.
        let page =
            "本报讯 市交通委昨天发布消\n息，本市今年将新开通十二条\n公交线路，方便市民出行。新\n\
             线路主要覆盖城市新建住宅区\n\n\
             城郊公路拓宽\n工程全面完工\n\
             本报讯 城郊公路拓宽工程日\n前通过验收，正式通车运营。\n\n\
             和产业园区。\n";
        let u = units(page);
        assert_eq!(
            u[..3],
            [
                Unit::Para {
                    lines: vec![0, 1, 2, 3],
                    lead: true
                },
                Unit::Display { lines: vec![5, 6] },
                Unit::Para {
                    lines: vec![7, 8],
                    lead: true
                },
            ]
        );
    }

    #[test]
    fn two_columns_read_in_turn_hand_each_paragraph_its_own_text() {
        // An extractor that reads two columns block by block in turn: a
        // paragraph breaks off at its column's foot, the next piece opens
        // with its dateline, and its text breaks off too; the blocks below
        // carry on the first, then the second — each sharing its words.
        let tail = "夜读火了。近日，图书馆推\n出夜间阅读服务，周五开放至二\n十时。读者凭借借阅证可进入馆\n\n\
                    本报讯 某区农业农村局日前\n组织农技人员下乡，指导农户们\n开展春季备耕，确保不误农时。\n\
                    农技人员深入田间地头，讲\n解病虫害防治的知识，并向农户\n\n\
                    内夜间阅读区，借阅各类图书。\n\n\
                    发放农技手册和优质种子，帮助\n农户增产增收。\n";
        assert_eq!(
            paragraphs_under_column14(tail),
            [vec![14, 15, 16, 24], vec![18, 19, 20], vec![21, 22, 26, 27]]
        );
        // A block that shares none of the waiting one's words carries the
        // open one on.
        let plain = tail.replace("内夜间阅读区，借阅各类图书", "发放宣传资料，讲解防治方法");
        let paras = paragraphs_under_column14(&plain);
        assert_eq!(paras[0], [14, 15, 16]);
        assert_eq!(paras[2][..3], [21, 22, 24]);
    }

    #[test]
    fn a_line_opening_with_a_dash_under_a_headline_is_its_subtitle() {
        // At the column's width and set apart by blank lines, the subtitle
        // reads like running text but for its dash; OCR reads the dash as
        // two `一`.
        for dash in ["——", "一一"] {
            let tail = format!(
                "远方的灯火\n\n{dash}读《山河旧事丛书》有感\n\n翻开这套丛书，山河旧事一一\n\
                 在目，令人感慨万千，久久不能\n平静。\n"
            );
            let paras = paragraphs_under_column14(&tail);
            assert_eq!(paras, [vec![], vec![18, 19, 20]], "{dash}");
            assert_eq!(
                units(&format!("{COLUMN14}{COLUMN14}{tail}"))[4],
                Unit::Display {
                    lines: vec![14, 16]
                },
                "{dash}"
            );
        }
    }

    #[test]
    fn a_full_line_after_a_paragraphs_end_that_exclaims_above_a_start_is_a_subhead() {
        // No paragraph starts full where paragraphs start two cells short:
        // a full line after a paragraph's end whose sentence ends in `！`
        // on the line under it, above an indented start, is a subhead.
        let tail = "某区多家企业开通运输绿色\n通道，全力保障抗疫物资的运\n送。\n\
                    远航物流：“同心协力，共克时\n艰！”\n\
                    为保障物资运输，该公司开\n通专线，每天发车十余趟，将物\n资送往一线。\n";
        let page = format!("{COLUMN14}{COLUMN14}{tail}");
        assert_eq!(
            units(&page)[4..],
            [
                Unit::Para {
                    lines: vec![14, 15, 16],
                    lead: false
                },
                Unit::Display {
                    lines: vec![17, 18]
                },
                Unit::Para {
                    lines: vec![19, 20, 21],
                    lead: false
                },
            ]
        );
        // Ending in a full stop, the same lines are a paragraph whose
        // indent the text lost: no subhead.
        let plain = page.replace("艰！”", "艰。”");
        assert_eq!(kinds(&plain)[4..], [("p", 3), ("p", 2), ("p", 3)]);
    }

    #[test]
    fn a_sentences_short_tail_right_above_a_dateline_ends_its_paragraph() {
        // A paragraph of full lines that ends no sentence, its last line a
        // glyph or three, right above the next piece's dateline: the tail
        // of the paragraph, not a headline of the piece below.
        // Paragraphs start two cells short of the 13-cell column.
        let u = units(
            "近日，某区总工会开展送\n清凉活动，走访慰问城区环卫作\n业班组成员，为他们送去防暑降\n\
             温用品和慰问金。\n\
             该区还组织医护人员为一\n线职工义诊，发放常用药品，讲\n解夏季防病知识。\n\
             走访慰问坚守岗位的环卫\n工人公交司机医护人员和社区干\n部快递小哥外卖骑手等新就业者\n时表示\n\
             本报讯 市领导今天走\n访看望一线职工，向他们致以节\n日的问候。\n",
        );
        assert_eq!(
            paragraphs(&u),
            [
                (vec![0, 1, 2, 3], false),
                (vec![4, 5, 6], false),
                (vec![7, 8, 9, 10], false),
                (vec![11, 12, 13], true)
            ]
        );
    }

    #[test]
    fn a_line_short_of_a_number_that_could_not_be_broken_runs_on() {
        // Paragraphs start two cells short of the 14-cell column. The
        // fifth paragraph's second line stops three cells short without
        // punctuation: the number under it (`23.6%；`, three and a half
        // cells with the mark it keeps) could not be broken and did not
        // fit. The same line above a glyph that fits ends a paragraph.
        let pushed = "全市绿化工作进展很顺利，\n本区新增的绿地占全区的\n23.6%；全年植树数量达到两千\n棵，成效明显。\n";
        assert_eq!(paragraphs_under_column14(pushed), [vec![14, 15, 16, 17]]);
        let fits = pushed.replace("23.6%；", "全年");
        assert_eq!(
            paragraphs_under_column14(&fits),
            [vec![14, 15], vec![16, 17]]
        );
    }

    #[test]
    fn a_first_line_ending_a_sentence_above_a_full_line_runs_on() {
        // Paragraphs start two cells short of the 14-cell column. The fifth
        // paragraph's first line ends a sentence at its edge; the full line
        // under it carries the paragraph on (no paragraph starts full).
        // Under it a line two cells short starts the next one.
        let runs_on =
            "送清凉活动今已是第十年。\n区总工会还将为职工开展免费体\n检，受到职工欢迎。\n";
        assert_eq!(paragraphs_under_column14(runs_on), [vec![14, 15, 16]]);
        // So does one that leads in with a colon.
        let colon = "“这件事，工会的意见是：\n区总工会还将为职工免费体检，\n受到职工欢迎。\n";
        assert_eq!(paragraphs_under_column14(colon), [vec![14, 15, 16]]);
        let starts = runs_on.replace(
            "区总工会还将为职工开展免费体\n检",
            "区总工会还将为职工开展\n免费体检",
        );
        assert_eq!(paragraphs_under_column14(&starts), [vec![14], vec![15, 16]]);
        // Nor into a headline at the column's width over the next piece:
        // lines that end no sentence down to a paragraph's start.
        let headline = "全年共慰问职工三千余人。\n用镜头留住街巷烟火，一名外国\n学生在本市亲手拍下的老城照片\n\
                        一位外国学生在本市求学多\n年，他每天都会拍下身边的点滴\n变化。\n";
        let u = units(&format!("{COLUMN14}{COLUMN14}{headline}"));
        assert_eq!(kinds_of(&u)[4..], [("p", 1), ("d", 2), ("p", 3)], "{u:?}");
    }

    #[test]
    fn unbreakable_starts_keep_their_closing_marks() {
        assert_eq!(unbreakable_start("18.4%；当日"), "18.4%；");
        assert_eq!(unbreakable_start("行）》；组织"), "行）》；");
        assert_eq!(unbreakable_start("服”——包括"), "服”——");
        assert_eq!(unbreakable_start("ABB集团"), "ABB");
        assert_eq!(unbreakable_start("全年"), "全");
        assert_eq!(unbreakable_start(""), "");
    }

    #[test]
    fn a_full_line_above_a_full_line_that_ends_the_sentence_is_running_text() {
        // Paragraphs start two cells short of the 14-cell column; the
        // fifth and seventh paragraphs' first lines came out about full,
        // the ninth's second line two cells short (their digits measure
        // short of how they print), and their words come back below.
        let u = units(
            "近日，某区总工会开展送清\n凉活动，走访慰问城区环卫作业\n班组成员，为他们送去防暑降温\n\
             用品和慰问金。\n\
             该区还组织医护人员为一线\n职工义诊，发放常用药品，讲解\n夏季防病知识。\n\
             全区各级工会今年还将继续\n开展送清凉活动，覆盖更多一线\n职工。\n\
             新建医院工程昨天开工，计\n划于下月建成，建成后将新增床\n位一千张。\n\
             按照计划医院设计床位为700张\n至1000张，将于下月交付使用。\n\
             医院建成后，将有效缓解本\n市医院床位紧张的局面，新医院\n设计床位一千张。\n\
             新医院由本市建筑企业承建1000\n名工人日夜施工，确保工程按期\n完成。\n\
             据了解，新医院由本市建筑\n企业承建，建成后交由市卫健委\n统一管理。\n\
             目前，全市共登记到返乡务\n工者2815人，已解除观察109\n人。\n\
             全市返乡务工者均已落实管\n控措施，目前情况稳定。\n",
        );
        let paras: Vec<Vec<usize>> = paragraphs(&u).into_iter().map(|(l, _)| l).collect();
        assert_eq!(
            paras,
            [
                vec![0, 1, 2, 3],
                vec![4, 5, 6],
                vec![7, 8, 9],
                vec![10, 11, 12],
                vec![13, 14],
                vec![15, 16, 17],
                vec![18, 19, 20],
                vec![21, 22, 23],
                vec![24, 25, 26],
                vec![27, 28]
            ]
        );
    }

    #[test]
    fn a_line_at_the_column_width_set_apart_above_an_indented_start_is_a_headline() {
        // Paragraphs start two cells short of the 14-cell column, a blank
        // line only where a column breaks. After a sentence's end and a
        // blank, a line as wide as the column with no clause mark, right
        // above an indented start: a headline, not the paragraph carried
        // on.
        // Two columns break mid-sentence; the paragraph above ends its
        // sentence at the column's edge.
        let broken = COLUMN14.replace("作业\n", "作业\n\n");
        let tail = "全区今年还将为一线职工开\n展免费体检和健康讲座等活动。\n\n\
                    用镜头留住街巷烟火的外国学生\n\
                    一位外国学生在本市求学多\n年，他每天都会拍下身边的点滴\n变化。\n";
        let u = units(&format!("{broken}{broken}{tail}"));
        assert_eq!(kinds_of(&u)[4..], [("p", 2), ("d", 1), ("p", 3)], "{u:?}");
        // With a clause mark it is running text: a column break's
        // continuation.
        let tail = tail.replace("烟火的", "烟火，");
        let u = units(&format!("{broken}{broken}{tail}"));
        assert!(
            u.iter().all(|x| !matches!(x, Unit::Display { .. })),
            "{u:?}"
        );
        // So where blank lines part paragraphs: the line is no paragraph's
        // first, which would end a sentence before the next one starts.
        let para = |p: &str| format!("{p}\n");
        let body: String = COLUMN14.split_inclusive("。\n").map(para).collect();
        let headline = "用镜头留住街巷烟火的外国学生\n\
                        一位外国学生在本市求学多\n年，他每天都会拍下身边的点滴\n变化。\n";
        let u = units(&format!("{body}{body}{headline}"));
        assert_eq!(kinds_of(&u)[4..], [("d", 1), ("p", 3)], "{u:?}");
    }

    #[test]
    fn a_line_that_asks_across_columns_after_a_sentences_end_is_a_headline() {
        // A paragraph ends its sentence at the column's full width; the
        // next line, twice as wide, asks, right above an indented start.
        let tail = "该区还组织医护人员为一线\n职工义诊，发放常用药品和防暑\n降温用品，受到职工普遍欢迎。\n\
                    某某、某某、某某……本市籍的演员和歌手还有哪些？\n\
                    元宵文艺晚会是全家最期待\n的一台节目，在老人们看来，本\n市的节目向来精彩纷呈。\n";
        let u = units(&format!("{COLUMN14}{COLUMN14}{tail}"));
        assert_eq!(kinds_of(&u)[4..], [("p", 3), ("d", 1), ("p", 3)], "{u:?}");
    }

    #[test]
    fn a_headline_set_where_a_word_was_cut_is_printed_inside_the_paragraph() {
        // The paragraph stops at the column's edge mid-word (`外⏎国`); the
        // extractor printed a short headline between the two halves, blank
        // lines round it. The page holds the word whole elsewhere.
        let tail = "某公司今年还将为职工开展\n免费体检，走访看望困难会员家\n庭，为他们送去慰问品。\n\
                    该区还组织医护人员为一线\n职工义诊，打破了外国医药公司\n在药品供应上的垄断，方便在外\n\n\
                    职工书屋开张\n\n\
                    国职工就近看病，深受职工的欢\n迎。\n";
        let u = units(&format!("{COLUMN14}{COLUMN14}{tail}"));
        assert_eq!(kinds_of(&u)[4..], [("p", 3), ("p", 5), ("d", 1)], "{u:?}");
    }

    #[test]
    fn a_block_at_the_column_width_ending_no_sentence_over_an_indented_start_is_display() {
        // Blank lines part the paragraphs, which start two cells short of
        // the 14-cell column. After a sentence's end, a block of two lines
        // about as wide as the column that end no sentence, then a blank
        // and an indented start: a headline set apart over its text.
        let para = |p: &str| format!("{p}\n");
        let body: String = COLUMN14.split_inclusive("。\n").map(para).collect();
        let headline = "用镜头留住街巷烟火，一名外国\n学生在本市亲手拍下的老城照片\n\n";
        let next = "一位外国学生在本市求学多\n年，他每天都会拍下身边的点滴\n变化。\n\n";
        let u = units(&format!("{body}{body}{headline}{next}{next}"));
        assert_eq!(kinds_of(&u)[4..], [("d", 2), ("p", 3), ("p", 3)], "{u:?}");
        // A block that ends a sentence is running text.
        let ended = headline.replace("照片\n", "照片。\n");
        let u = units(&format!("{body}{body}{ended}{next}{next}"));
        assert_eq!(kinds_of(&u)[4], ("p", 2), "{u:?}");
    }

    #[test]
    fn a_block_at_the_column_width_under_another_headline_is_display() {
        // As above, but the block stands under another headline set apart
        // by a blank line (two headlines stacked, the extractor reading
        // one under the other), not after a sentence's end.
        let para = |p: &str| format!("{p}\n");
        let body: String = COLUMN14.split_inclusive("。\n").map(para).collect();
        let first = "某报评论：全市必须打好春耕和防汛\n的两场硬仗\n\n";
        let headline = "用镜头留住街巷烟火，一名外国\n学生在本市亲手拍下的老城照片\n\n";
        let next = "一位外国学生在本市求学多\n年，他每天都会拍下身边的点滴\n变化。\n\n";
        let u = units(&format!("{body}{body}{first}{headline}{next}{next}"));
        assert_eq!(kinds_of(&u)[4..], [("d", 4), ("p", 3), ("p", 3)], "{u:?}");
    }

    #[test]
    fn lines_at_the_column_width_ending_no_sentence_above_an_indented_start_are_display() {
        // Paragraphs start two cells short of the 14-cell column. After a
        // sentence's end, two lines about as wide as the column that end no
        // sentence nor clause, right above an indented start: a headline
        // wrapped at the column's width, though neither line is short.
        let body = COLUMN14;
        let headline = "用镜头留住街巷烟火，一名外国\n学生在本市亲手拍下的老城照片\n";
        let next = "一位外国学生在本市求学多\n年，他每天都会拍下身边的点滴\n变化。\n";
        let u = units(&format!("{body}{body}{headline}{next}{next}"));
        let display: Vec<&Unit> = u
            .iter()
            .filter(|u| matches!(u, Unit::Display { .. }))
            .collect();
        assert_eq!(
            display,
            [&Unit::Display {
                lines: vec![14, 15]
            }]
        );
        // Under a line that ends no sentence, the same lines carry on the
        // paragraph above (a line cut short, its digits measured narrow).
        let cut = body.replace("夏季防病知识。", "夏季防病知识");
        let u = units(&format!("{body}{cut}{headline}{next}{next}"));
        assert!(
            u.iter().all(|u| !matches!(u, Unit::Display { .. })),
            "{u:?}"
        );
    }

    #[test]
    fn a_line_of_the_indents_width_ending_no_sentence_above_a_start_is_display() {
        // Paragraphs start two cells short of the 14-cell column. After a
        // sentence's end, a line that short ending no sentence nor clause,
        // right above the next paragraph's start, is no paragraph: a
        // subhead set at the width of an indented line.
        let body = COLUMN14;
        let subhead = "开展“送健康”专项行动周\n";
        let next = "一位外国学生在本市求学多\n年，他每天都会拍下身边的点滴\n变化。\n";
        let u = units(&format!("{body}{body}{subhead}{next}{next}"));
        assert_eq!(kinds_of(&u)[4], ("d", 1), "{u:?}");
        // The same line under a sentence cut short carries it on.
        let cut = body.replace("夏季防病知识。", "夏季防病知识");
        let u = units(&format!("{body}{cut}{subhead}{next}{next}"));
        assert!(
            u.iter().all(|u| !matches!(u, Unit::Display { .. })),
            "{u:?}"
        );
        // Nor is it display when the start below holds digits, whose width
        // says little (`…近20年来，共修复⏎300余件…`).
        let digits = next.replace("外国", "1234");
        let u = units(&format!("{body}{body}{subhead}{digits}{next}"));
        assert!(
            u.iter().all(|u| !matches!(u, Unit::Display { .. })),
            "{u:?}"
        );
        // Nor when the line below is two cells short only because the
        // number under it could not be broken: a paragraph's first line.
        let pushed =
            "今年该区全面推进老旧小区\n改造，目前已完成改造小区\n12000余个，惠及居民三万多户。\n";
        let u = units(&format!("{body}{body}{pushed}{next}"));
        assert!(
            u.iter().all(|u| !matches!(u, Unit::Display { .. })),
            "{u:?}"
        );
    }

    #[test]
    fn lines_ending_no_sentence_right_above_a_dateline_are_display() {
        // A subtitle set at the column's width under a short kicker.
        let u = units(
            "近日，某区总工会开展\n送清凉活动，走访慰问城区\n环卫作业班组成员，为他们\n\
             送去防暑降温用品和慰问金。\n该区还组织医护人员为\n职工义诊，发放常用药品。\n\
             市总工会致全市\n职工新春贺信\n号召全体职工立足本职岗位\n为城市发展和社会进步再立\n\
             新功\n本报讯 某市总工会今天\n发出新春贺信，向全市职工\n致以节日的问候和美好的祝\n愿。\n",
        );
        assert_eq!(
            u,
            vec![
                Unit::Para {
                    lines: (0..6).collect(),
                    lead: false
                },
                Unit::Display {
                    lines: (6..11).collect()
                },
                Unit::Para {
                    lines: (11..15).collect(),
                    lead: true
                },
            ]
        );
    }

    #[test]
    fn a_line_letter_spaced_to_the_column_width_is_running_text() {
        // Column of 13 cells; the line under the headline is justified by
        // spaces between its glyphs, and its words come back below.
        let para = "近日，某区总工会开展送\n清凉活动，走访慰问城区环卫\n作业班组成员，为他们送去防\n暑降温用品和慰问金。\n";
        let page = format!(
            "{}城市公园新增步道，市民纷纷点赞！\n2020 年 全 市 公 园 新 增 步\n道二十条。\n\
             据介绍，全市公园新增步道\n长约四十公里，2020年全市公\n园还将新增休息座椅。\n{para}",
            para.repeat(4)
        );
        let u = units(&page);
        assert_eq!(u[4], Unit::Display { lines: vec![16] });
        assert_eq!(
            u[5],
            Unit::Para {
                lines: vec![17, 18],
                lead: false
            }
        );
    }

    #[test]
    fn a_paragraphs_first_line_letter_spaced_to_the_column_is_running_text() {
        // Column of 13 cells; a paragraph opens on a line the extractor
        // spaced out where the justification widened its gaps, and the line
        // under it, spaced too, prints wider than the column.
        let para = "近日，某区总工会开展送\n清凉活动，走访慰问城区环卫\n作业班组成员，为他们送去防\n暑降温用品和慰问金。\n";
        let page = format!(
            "{}在城 北老 街的 一 条 小 巷\n里，开 了一 家小 小的 书 店。 店\n内书籍、文具、茶饮都齐全。\n{para}",
            para.repeat(4)
        );
        let u = units(&page);
        assert_eq!(
            u[4],
            Unit::Para {
                lines: vec![16, 17, 18],
                lead: false
            }
        );
    }

    #[test]
    fn a_line_above_one_that_opens_with_a_clause_mark_is_running_text() {
        // The same line set apart as above, but the line under it opens
        // with `、`: its sentence runs on there (a caption OCR broke up).
        let para = "近日，某区总工会开展送清\n凉活动，走访慰问城区环卫作业\n班组成员，为他们送去防暑降温\n用品和慰问金。\n\n";
        let page = format!(
            "{}新年前夕，某区文化系统及法律\n\n、农资等部门四十多人组成\n慰问团来到某镇演出。\n\n{para}",
            para.repeat(3)
        );
        let u = units(&page);
        assert!(matches!(u[3], Unit::Para { .. }), "{:?}", u[3]);
        assert!(!u.iter().any(|u| matches!(u, Unit::Display { .. })));
    }

    #[test]
    fn a_line_set_apart_above_an_indented_start_is_display() {
        // Blank lines part paragraphs (OCR); a line between two blank lines
        // that ends no sentence, above a paragraph's indented start, opens
        // no paragraph: it would end there.
        let para = "近日，某区总工会开展送清\n凉活动，走访慰问城区环卫作业\n班组成员，为他们送去防暑降温\n用品和慰问金。\n\n";
        let page = format!("{}城市公园健身步道今日开放\n\n{para}", para.repeat(3));
        let u = units(&page);
        assert_eq!(u[3], Unit::Display { lines: vec![15] });
        // The same line over the next column's running text is a paragraph's
        // first line.
        let cut = "班组成员，为他们送去防暑降温\n用品和慰问金。\n";
        let page = format!("{}城市公园健身步道今日开放\n\n{cut}", para.repeat(3));
        assert!(matches!(units(&page)[3], Unit::Para { .. }));
    }

    #[test]
    fn a_short_line_above_an_indented_paragraph_start_in_one_block_is_display() {
        // Blank lines part blocks; a headline shares its block with the
        // text under it, whose first line is two cells short.
        let para = "近日，某区总工会开展送清凉活\n动，走访慰问城区环卫作业班组成员\n，为他们送去防暑降温用品和慰问金\n和防暑药品。\n";
        let page = format!(
            "{}城市公园的“健身步道”\n今年，全市公园将新增健身步\n道二十条，方便市民就近锻炼，每条\n步道长约两公里。\n\n{para}",
            format!("{para}\n").repeat(3)
        );
        let u = units(&page);
        assert_eq!(u[3], Unit::Display { lines: vec![15] });
        assert_eq!(
            u[4],
            Unit::Para {
                lines: vec![16, 17, 18],
                lead: false
            }
        );
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
    fn narrow_columns_part_paragraphs_by_width() {
        // Column of 12 cells; paragraphs start two cells short.
        let page = "某某工会的标题\n\
                    本报讯近日，某某区总工会\n\
                    一二三四，五六七八九十一\n\
                    一二三四，五六七八九十一\n\
                    一二三四五。\n\
                    一二三四五六七八九十\n\
                    一二三四，五六七八九十一\n\
                    一二三。\n\
                    一二三四五六七八九十\n\
                    一二三四，五六七八九十一\n\
                    一二三四，五六七八九十一\n\
                    一二三四五六七八九十一。\n\
                    一二三四五六七八九十\n\
                    一二三四，五六七八九十一\n\
                    一二三四五。\n\
                    一二三四五六七八九十\n\
                    一二三四，五六七八九十一\n\
                    一二三四，五六七八九十一\n\
                    一二三四。\n\
                    另一篇文章的标题\n\
                    一二三四五六七八九十\n\
                    一二三四，五六七八九十一\n\
                    一二三。";
        assert_eq!(
            kinds(page),
            [
                ("d", 1),
                ("p", 4),
                ("p", 3),
                ("p", 4),
                ("p", 3),
                ("p", 4),
                ("d", 1),
                ("p", 3)
            ]
        );
    }

    #[test]
    fn a_headline_wrapped_above_an_indented_paragraph_keeps_its_last_line() {
        for gap in ["", "\n"] {
            headline_wrapped_above_an_indented_paragraph(gap);
        }
    }

    /// `gap` between the headline and the paragraph (OCR sets a blank line).
    fn headline_wrapped_above_an_indented_paragraph(gap: &str) {
        // Column of 12 cells, paragraphs start two cells short; the headline
        // ends on a short line that ends no sentence, right above a
        // paragraph's indented first line.
        let para = "近日，某区总工会开展\n送清凉活动，走访慰问城区\n环卫作业班组成员，为他们\n送去防暑降温用品。\n";
        let page = format!(
            "{para}{para}{para}{para}目标某山！第四批国家某某某\n医疗队（某地）出发\n{gap}就在某某机场2号航站\n楼，第四批国家某某医疗队\n（某地）出发，奔赴某地医\n院。\n{para}{para}"
        );
        assert_eq!(
            kinds(&page),
            [
                ("p", 4),
                ("p", 4),
                ("p", 4),
                ("p", 4),
                ("d", 2),
                ("p", 4),
                ("p", 4),
                ("p", 4)
            ]
        );
    }

    #[test]
    fn a_block_that_ends_no_sentence_above_a_dateline_is_its_headline() {
        // Blank lines part paragraphs; a headline and its subtitle, the
        // subtitle wrapped at about the column's width, in one block above
        // a dateline.
        let para = "近日，某区总工会开展\n送清凉活动，走访慰问城区\n环卫作业班组成员，为他们\n送去防暑降温用品。\n\n";
        let page = format!(
            "{para}{para}{para}某区职工技能大赛开幕\n全区两千名职工报名参赛，创\n下历届之最\n\n\
             本报讯 某区第十届职工技能\n大赛昨天开幕，全区两千名职\n工报名参赛。\n\n{para}"
        );
        assert_eq!(
            kinds(&page),
            [("p", 4), ("p", 4), ("p", 4), ("d", 3), ("p", 3), ("p", 4)]
        );
    }
}
