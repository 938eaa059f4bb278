//! Pass 5c — trailing headlines: a headline the extractor read after all of
//! the page's text.
//!
//! Some extractors (pdfminer) read a page's text boxes first and its
//! headline boxes last. The last piece's text then has no headline above it
//! and runs on, after a sentence's end, from the piece printed before it;
//! its headline stands at the foot of the page:
//!
//! ```text
//! 新城公园花木扩种               ← piece A's headline
//! 本报讯 新城公园今年扩种…        ← piece A's text
//! …园林工人每天浇水养护。
//! 秋雨落在南湖的石桥上，…        ← piece B's text, read on
//! …渔网挂在石桥边的墙上。
//! 【湖畔随笔】                    ← piece B's column name and headline,
//! 南湖渔歌                          read last
//! ```
//!
//! A display unit printed after all of the text, whose words a run of
//! paragraphs closing a piece holds and the paragraphs above that run do
//! not, is that run's headline: the run, from a sentence's end on, is a
//! piece of its own. Only when the piece it closes has a headline printed
//! right above it: else the trailing headline is that whole piece's own.
//!
//! Pass 7b reads the same cut in mid page, after placement: OCR and
//! extractors that read a page block by block print a headline after the
//! text of its column, and the text runs on from the piece above. A
//! headline that placement put after the text of a piece already headed
//! above ([`placed_after_text`]) cuts that piece the same way
//! ([`split_placed_after`]), and bodies and placement run again.

use crate::assemble::Bodies;
use crate::classify::Classified;
use crate::heads::{opens_with_dash, two_phrases};
use crate::layout::{Layout, Shape};
use crate::lines::Line;
use crate::model::Block;
use crate::overlap::{for_each_bigram, BigramSet};
use crate::place::{FieldRef, Item, Placement};
use crate::reflow::Unit;
use crate::segment::Segments;

/// The run holds this share of the trailing headline's bigrams at least
/// (as placement by words alone asks: [`crate::place::MIN_LEXICAL`])…
const MIN_TAIL_SHARE: f32 = crate::place::MIN_LEXICAL;
/// A headline placement put with no piece heads a run that holds this
/// share of its bigrams, where the story changes at the run (as much as a
/// headline printed right next to its body needs to be placed there).
const UNPLACED_TAIL_SHARE: f32 = crate::place::MIN_LEXICAL / 2.0;
/// …and the text above it less than this share of what the run holds.
const MAX_ABOVE_RATIO: f32 = 0.5;
/// Each side of a cut holds this many glyphs at least: a piece's text, not
/// a signature or a stray line (as much as the split pass reads a piece's
/// words by).
const MIN_SIDE_GLYPHS: usize = crate::split::CONTEXT_GLYPHS;
/// A headline with fewer bigrams says too little to cut by.
const MIN_HEAD_BIGRAMS: usize = 3;
/// A display unit with more bigrams is running text, no headline (the cut
/// test keeps one bit per bigram in a 128-bit word).
const MAX_HEAD_BIGRAMS: usize = 128;
/// A cut whose run's first paragraph holds this share of the headline's
/// bigrams goes before any whose does not: a piece's lead restates its
/// headline's words (OCR may print the lead elsewhere, so one is no veto).
const MIN_LEAD_SHARE: f32 = 0.1;
/// Share of a run's first paragraphs' bigrams that the paragraphs above
/// it hold at most where the story changes there.
const STORY_CHANGE_ACROSS: f32 = 0.1;
/// Paragraphs read on either side of a cut for whose words they are.
const CONTEXT_PARAS: usize = 3;
/// Headlines printed after all of the text that are read for their runs,
/// the first this many: a page prints a few so, and each one reads every
/// paragraph of the page (thousands of display lines after the text, as
/// a damaged input may hold, would make the pass quadratic).
const MAX_TRAILING_HEADS: usize = 16;

/// Splits off, as pieces of their own, the runs of text whose headlines
/// the extractor printed after all of the page's text (see the module
/// docs). Drafts stay in order of their first unit.
pub fn split_trailing(
    lines: &[Line],
    classes: &[Classified],
    units: &[Unit],
    segments: Segments,
) -> Segments {
    let Some(end) = segments
        .drafts
        .iter()
        .filter(|d| d.paras().next().is_some())
        .map(|d| d.last_unit)
        .max()
    else {
        return segments;
    };
    let heads: Vec<HeadWords> = segments
        .free
        .iter()
        .filter(|&&u| u > end)
        .filter_map(|&u| HeadWords::of(units[u].lines().iter().map(|&l| lines[l].key)))
        .take(MAX_TRAILING_HEADS)
        .collect();
    let text = Text {
        lines,
        classes,
        units,
    };
    let cuts: Vec<(usize, usize)> = heads.iter().fold(Vec::new(), |mut cuts, head| {
        if let Some(cut) = text.best_cut(&segments, head, None, &cuts, MIN_TAIL_SHARE, false) {
            cuts.push(cut.at);
        }
        cuts
    });
    split_at(segments, cuts)
}

/// A headline that placement put after the text of a piece that has its
/// own headline above it (pass 7b): its lines, and the piece, by its first
/// and last unit.
#[derive(Debug, Clone, PartialEq)]
pub struct LateHead {
    pub lines: Vec<usize>,
    /// `None` for a headline placement put with no piece (see
    /// [`Placement::unplaced`]): the run it heads may close any piece.
    pub piece: Option<(usize, usize)>,
    /// Stacked with another headline over the piece, not printed apart.
    pub stacked: bool,
    /// Read, as every headline of the piece was, after its text: the
    /// piece has no headline over it to cut under.
    pub read_after: bool,
}

/// The headlines placed after the text of a piece that placement also gave
/// a headline printed above it, from another display group: the extractor read that headline after its own
/// text, in mid page (OCR reads a headline block after the column it
/// stands under), and the piece's text ran on into the text above it.
/// So too a headline printed before the one right above the piece, pieces
/// with headlines of their own between: the extractor read it far from its
/// text (`《某片》全球首映…` inside a column piece, its text after a
/// report's), and placement put it with the piece whose text ran on into
/// its own. (Not across a piece without a headline only: the headline
/// printed right over that piece may be its own, the one above the
/// piece a subhead.) So too where every headline placement gave the piece
/// was read after its text, from display groups of their own: two pieces'
/// text ran on as one, and a later headline heads the run closing it
/// where the first one's words stay above the run (`某国议长会见某某` and
/// `春耕时节农机忙`, both printed after a report that runs on into a
/// feature on the spring sowing).
/// Only where the piece's paragraphs, as built, hold the headline's words
/// in a run closing it more than above that run: a kicker or subtitle
/// printed apart, whose words run through the piece, cuts nothing, and is
/// not read again. Nor is a deck of phrases printed apart (提要,
/// `集中采买物资 设立专项经费`): a kicker or summary, not the title a
/// piece opens under.
pub fn placed_after_text(items: &[Item], placement: &Placement, bodies: &Bodies) -> Vec<LateHead> {
    let mut late = Vec::new();
    // Some piece between units `a` and `b` has a headline of its own.
    let headed_between = |a: usize, b: usize| {
        let from = bodies.targets.partition_point(|t| t.first_unit <= a);
        let to = bodies.targets.partition_point(|t| t.first_unit < b);
        (from..to).any(|t| !bodies.targets[t].ad && !placement.heads[t].is_empty())
    };
    for ((heads, target), (article, ..)) in placement
        .heads
        .iter()
        .zip(&bodies.targets)
        .zip(&bodies.articles)
    {
        // The headline printed nearest above the piece's text; where every
        // headline of the piece was read after its text (two pieces' text
        // run on as one, their headlines printed after both), the first of
        // them, whose words the text must hold above the cut.
        let above = heads
            .iter()
            .map(|&((i, _), _)| i)
            .filter(|&i| items[i].unit < target.first_unit)
            .max_by_key(|&i| items[i].unit);
        let first_after = || {
            let first = heads
                .iter()
                .map(|&((i, _), _)| i)
                .min_by_key(|&i| items[i].unit)?;
            let all_after = heads
                .iter()
                .all(|&((i, _), _)| items[i].unit > target.last_unit);
            let another = heads.iter().any(|&((i, _), _)| i != first);
            (all_after && another).then_some(first)
        };
        let Some(above) = above.or_else(first_after) else {
            continue;
        };
        let read_after = items[above].unit > target.last_unit;
        for &((i, k), _) in heads {
            let field = &items[i].fields[k];
            let unit = items[i].unit;
            let after_text = unit > target.last_unit;
            let read_apart =
                after_text || (unit < items[above].unit && headed_between(unit, target.first_unit));
            // Or one of two headlines stacked in the group over the piece
            // (never read apart), each another story's: the extractor read
            // the second story's text first, and the first story's ran on
            // under it.
            let stacked = i == above && stacked_with_another(items, heads, (i, k));
            let qualifies = stacked || (i != above && read_apart);
            if !qualifies || two_phrases(&field.text) {
                continue;
            }
            let runs = tail_cuts(&article.blocks, &field.text);
            let Some(&cut) = runs.first() else {
                continue;
            };
            // (Read before the headline over the piece, it heads the run
            // only where that headline's words stay above the cut: a
            // kicker printed apart, over its own piece, sees that piece's
            // headline's words run on through the run too. Stacked, the
            // group's other headlines' words stay above it.)
            let others: Vec<&str> = items[above]
                .fields
                .iter()
                .enumerate()
                .filter(|&(f, x)| !(stacked && (f == k || x.column)))
                .map(|(_, x)| x.text.as_str())
                .collect();
            // (Both read after the text, the first one's words stay above
            // a cut further down, where the story changes.)
            let parts = || {
                if read_after {
                    runs.iter()
                        .any(|&k| parted(&article.blocks, k, others.iter().copied()))
                } else {
                    parted(&article.blocks, cut, others.iter().copied())
                }
            };
            if (after_text && !read_after) || parts() {
                late.push(LateHead {
                    lines: field.lines.clone(),
                    piece: Some((target.first_unit, target.last_unit)),
                    stacked,
                    read_after,
                });
            }
        }
    }
    // A headline of a story of its own stacked with another's, whose
    // piece placement did not find: its text ran on from another piece,
    // and the run closing a piece that holds its words is that story.
    // (Not a deck of phrases, a note or a caption, which head nothing; the
    // first few only, as for headlines read after all of the text: each
    // reads every piece.)
    let unplaced = placement.unplaced.iter().map(|&(i, k)| &items[i].fields[k]);
    let heads = unplaced
        .filter(|f| !two_phrases(&f.text) && !crate::conventions::is_note_or_caption(&f.text));
    for field in heads.take(MAX_TRAILING_HEADS) {
        late.push(LateHead {
            lines: field.lines.clone(),
            piece: None,
            stacked: false,
            read_after: false,
        });
    }
    late
}

/// Field `f` and a field printed under it in its group, neither a
/// column's name nor a subtitle that opens with a dash, are both placed
/// with the same piece (`heads`): two headlines stacked over it, where the
/// upper may be another story's. (Not the lower: a deck under a title
/// sums up the second half of a long report, whose words come back only
/// there.)
fn stacked_with_another(items: &[Item], heads: &[(FieldRef, f32)], f: FieldRef) -> bool {
    let title = |(i, k): FieldRef| {
        let x = &items[i].fields[k];
        !x.column && !opens_with_dash(&x.text)
    };
    title(f)
        && heads
            .iter()
            .any(|&((i, k), _)| i == f.0 && k > f.1 && title((i, k)))
}

/// Every run of `blocks` closing them that passes the cut test
/// ([`cuts`]) for `headline`'s words, the longest first: the index of its
/// first block (the test of [`Text::best_cut`], on the article as built).
fn tail_cuts(blocks: &[Block], headline: &str) -> Vec<usize> {
    let Some(words) = HeadWords::of([headline]) else {
        return Vec::new();
    };
    let paras: Vec<Para> = blocks
        .iter()
        .map(|b| Para {
            held: words.held_in([b.text.as_str()]),
            glyphs: b.text.chars().count(),
            ends_sentence: crate::clean::ends_sentence(&b.text),
        })
        .collect();
    let runs = cuts(&words, &paras, MIN_TAIL_SHARE)
        .map(|(k, ..)| k)
        .collect();
    runs
}

/// The words of `headline` (its fields) stay above the cut at block `k`:
/// the run from `k` on holds less of them than would let that headline
/// head it ([`MIN_TAIL_SHARE`]), and less than [`MAX_ABOVE_RATIO`] of the
/// share the blocks above it hold.
fn parted<'a>(blocks: &[Block], k: usize, headline: impl IntoIterator<Item = &'a str>) -> bool {
    let Some(words) = HeadWords::of(headline) else {
        return true;
    };
    let held = |b: &[Block]| words.share(words.held_in(b.iter().map(|b| b.text.as_str())));
    let run = held(&blocks[k..]);
    run < MIN_TAIL_SHARE && run < MAX_ABOVE_RATIO * held(&blocks[..k])
}

/// A headline's distinct bigrams, as the cut test reads them: one bit each
/// in a 128-bit word, and a one-word filter that most of a body's bigrams
/// miss before the set is searched.
struct HeadWords {
    set: BigramSet,
    filter: u64,
}

impl HeadWords {
    /// The words of a headline's text, if it has [`MIN_HEAD_BIGRAMS`] to
    /// [`MAX_HEAD_BIGRAMS`] bigrams.
    fn of<'a>(text: impl IntoIterator<Item = &'a str>) -> Option<Self> {
        let set = BigramSet::of(text);
        let filter = set.iter().fold(0, |f, b| f | Self::slot(b));
        (MIN_HEAD_BIGRAMS..=MAX_HEAD_BIGRAMS)
            .contains(&set.len())
            .then_some(HeadWords { set, filter })
    }

    fn slot(b: u64) -> u64 {
        1 << (b.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 58)
    }

    /// Which of the headline's bigrams `text` holds, a bit each.
    fn held_in<'a>(&self, text: impl IntoIterator<Item = &'a str>) -> u128 {
        let mut held = 0u128;
        for_each_bigram(text, |g| {
            if self.filter & Self::slot(g) != 0 {
                if let Some(k) = self.set.position(g) {
                    held |= 1 << k;
                }
            }
        });
        held
    }

    /// The share of the headline's bigrams that `held` holds.
    fn share(&self, held: u128) -> f32 {
        held.count_ones() as f32 / self.set.len() as f32
    }
}

/// A paragraph as the cut test reads it.
#[derive(Debug, Clone, Copy)]
struct Para {
    /// The headline's bigrams it holds ([`HeadWords::held_in`]).
    held: u128,
    glyphs: usize,
    ends_sentence: bool,
}

/// The cuts of a piece's paragraphs where a run closing it, from a
/// sentence's end on, holds [`MIN_TAIL_SHARE`] of the headline's bigrams
/// while the paragraphs above hold less than [`MAX_ABOVE_RATIO`] of that,
/// with [`MIN_SIDE_GLYPHS`] on each side: `(k, tail, above)`, the run
/// opening at paragraph `k`, and the shares it and the text above hold.
fn cuts<'a>(
    words: &'a HeadWords,
    paras: &'a [Para],
    min_tail: f32,
) -> impl Iterator<Item = (usize, f32, f32)> + 'a {
    let n = paras.len();
    // What the paragraphs from `k` on hold, for each `k`.
    let mut from = vec![0u128; n + 1];
    for k in (0..n).rev() {
        from[k] = from[k + 1] | paras[k].held;
    }
    let total: usize = paras.iter().map(|p| p.glyphs).sum();
    let (mut above_held, mut above_glyphs) = (0u128, 0usize);
    (1..n).filter_map(move |k| {
        above_held |= paras[k - 1].held;
        above_glyphs += paras[k - 1].glyphs;
        let (tail, above) = (words.share(from[k]), words.share(above_held));
        (paras[k - 1].ends_sentence
            && above_glyphs >= MIN_SIDE_GLYPHS
            && total - above_glyphs >= MIN_SIDE_GLYPHS
            && tail >= min_tail
            && above < tail * MAX_ABOVE_RATIO)
            .then_some((k, tail, above))
    })
}

/// Splits off the runs of text that `late` headlines head (see
/// [`placed_after_text`]); `None` where none qualifies. A line of running
/// text cut off at a column's foot, which the display test let through
/// (`搬进新居后，某某买了两盆花草，又`: one line that fills the column or
/// is indented as a paragraph's first line, a comma inside, ending no
/// sentence), heads nothing.
pub fn split_placed_after(
    lines: &[Line],
    classes: &[Classified],
    layout: &Layout,
    units: &[Unit],
    segments: Segments,
    late: &[LateHead],
) -> Option<Segments> {
    let cut_off_text = |head: &LateHead| match head.lines[..] {
        [l] => {
            matches!(layout.shape(lines, l), Shape::Full | Shape::Indent)
                && !classes[l].terminal
                && lines[l].key.contains(['，', ','])
        }
        _ => false,
    };
    let text = Text {
        lines,
        classes,
        units,
    };
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    for head in late.iter().filter(|h| !cut_off_text(h)) {
        // Its piece's draft (none to look for where placement put it
        // with none; a piece no longer drafted so, nothing to cut).
        let found = head.piece.map(|piece| {
            let mut drafts = segments.drafts.iter();
            drafts.position(|d| (d.first_unit, d.last_unit) == piece)
        });
        let d = match found {
            Some(None) => continue,
            found => found.flatten(),
        };
        let Some(words) = HeadWords::of(head.lines.iter().map(|&l| lines[l].key)) else {
            continue;
        };
        // (Stacked over another story's headline, it cuts only where the
        // story changes: the run's first paragraph holds its words, and
        // its first paragraphs share next to none with those above.)
        // (Placed with no piece, it is another story's headline whose
        // words the run may hold less of than placement asks, down to
        // what a headline right next to its body needs, where the story
        // changes there.)
        let story_changes = |c: &Cut| c.lead && c.across < STORY_CHANGE_ACROSS;
        let unplaced = head.piece.is_none();
        let min_tail = if unplaced {
            UNPLACED_TAIL_SHARE
        } else {
            MIN_TAIL_SHARE
        };
        if let Some(cut) = text
            .best_cut(&segments, &words, d, &cuts, min_tail, head.read_after)
            .filter(|c| !(head.stacked || unplaced) || story_changes(c))
        {
            cuts.push(cut.at);
        }
    }
    (!cuts.is_empty()).then(|| split_at(segments, cuts))
}

/// A cut [`Text::best_cut`] found: the draft and the paragraph unit the
/// run opens with; whether the run's first paragraph holds the headline's
/// words; the share of the run's first paragraphs' bigrams that the
/// paragraphs above hold.
struct Cut {
    at: (usize, usize),
    lead: bool,
    across: f32,
}

/// The page's lines and units, as the cut search reads them.
struct Text<'a, 'b> {
    lines: &'a [Line<'b>],
    classes: &'a [Classified],
    units: &'a [Unit],
}

impl Text<'_, '_> {
    /// The match keys of unit `u`'s lines.
    fn keys(&self, u: usize) -> impl Iterator<Item = &str> + '_ {
        self.units[u].lines().iter().map(|&l| self.lines[l].key)
    }

    /// Where a headline printed after its text cuts a piece (the draft, and
    /// the paragraph unit the run it heads opens with): the run of
    /// paragraphs closing a headed piece, from a sentence's end on, that
    /// holds the headline's words while the text above it does not, and
    /// more of them than any other piece. Only piece `only`, where given;
    /// a piece cut already (`cuts`) is not cut again.
    fn best_cut(
        &self,
        segments: &Segments,
        words: &HeadWords,
        only: Option<usize>,
        cuts_made: &[(usize, usize)],
        min_tail: f32,
        read_after: bool,
    ) -> Option<Cut> {
        // Each piece's paragraphs as the cut test reads them, and the
        // headline's words each whole piece holds.
        let paras: Vec<Vec<(usize, Para)>> = segments
            .drafts
            .iter()
            .map(|draft| {
                if draft.ad.is_some() {
                    return Vec::new();
                }
                draft
                    .paras()
                    .map(|p| {
                        let para = Para {
                            held: words.held_in(self.keys(p)),
                            glyphs: self.keys(p).map(|k| k.chars().count()).sum(),
                            ends_sentence: self.units[p]
                                .lines()
                                .last()
                                .is_some_and(|&l| self.classes[l].terminal),
                        };
                        (p, para)
                    })
                    .collect()
            })
            .collect();
        let whole: Vec<f32> = paras
            .iter()
            .map(|ps| words.share(ps.iter().fold(0, |a, (_, p)| a | p.held)))
            .collect();
        // The most that a piece holds of the headline's words, which
        // piece, and the most that any other holds.
        let most = crate::place::top_two(whole.iter().enumerate().map(|(e, &w)| (w, e)));
        // (Whether the run's lead holds its words, score, word change across
        // the cut, draft, unit.)
        let mut best: Option<(bool, f32, f32, usize, usize)> = None;
        for (d, draft) in segments.drafts.iter().enumerate() {
            // (A piece whose headlines were all read after its text has
            // none over it.)
            if !(draft.headed() || read_after)
                || only.is_some_and(|o| o != d)
                || cuts_made.iter().any(|c| c.0 == d)
            {
                continue;
            }
            // No other piece holds the headline's words as well as the
            // run would: else the headline is that piece's own.
            let elsewhere = if Some(d) == most.1 { most.2 } else { most.0 };
            let units: Vec<usize> = paras[d].iter().map(|&(u, _)| u).collect();
            let read: Vec<Para> = paras[d].iter().map(|&(_, p)| p).collect();
            // (A run starts after the piece's own first unit: text the
            // split pass moved to it from above its opening stays.)
            let fits = cuts(words, &read, min_tail)
                .filter(|&(k, tail, _)| tail > elsewhere && units[k] > draft.first_unit);
            for (k, tail, above) in fits {
                let lead = words.share(read[k].held) >= MIN_LEAD_SHARE;
                // Where the words change: the run's first paragraphs share
                // least with those right above them.
                let window =
                    |r: std::ops::Range<usize>| BigramSet::of(r.flat_map(|j| self.keys(units[j])));
                let below = window(k..(k + CONTEXT_PARAS).min(units.len()));
                let over = window(k.saturating_sub(CONTEXT_PARAS)..k);
                let across = below.share_in(&over);
                let score = tail - above;
                if best.is_none_or(|b| (lead, score, -across) > (b.0, b.1, -b.2)) {
                    best = Some((lead, score, across, d, units[k]));
                }
            }
        }
        best.map(|(lead, _, across, d, at)| Cut {
            at: (d, at),
            lead,
            across,
        })
    }
}

/// Cuts each draft `d` at paragraph unit `at`, for every `(d, at)`: the
/// text from `at` on becomes a piece of its own. Drafts stay in order of
/// their first unit.
fn split_at(mut segments: Segments, mut cuts: Vec<(usize, usize)>) -> Segments {
    // Later drafts first, so earlier indices stay.
    cuts.sort_unstable_by(|a, b| b.cmp(a));
    for (d, at) in cuts {
        let piece = segments.drafts[d].split_off_piece(at);
        // (Pieces printed in turn may interleave: the new one goes in
        // after every draft that starts before it.)
        let after = &segments.drafts[d + 1..];
        let k = d + 1 + after.partition_point(|x| x.first_unit < piece.first_unit);
        segments.drafts.insert(k, piece);
    }
    segments
}

#[cfg(test)]
mod tests {
    use crate::split::tests::{firsts, page, pieces, some};

    /// Each piece's title and the first glyphs of its first block.
    fn titles_and_openings(
        got: &[(Option<String>, Option<String>, Vec<String>)],
    ) -> Vec<(Option<String>, String)> {
        got.iter().map(|p| (p.1.clone(), p.2[0].clone())).collect()
    }

    /// A report under its headline, then a column piece's text read on
    /// after a sentence's end, its column name and headline printed last.
    const READ_LAST: &[&str] = &[
        "新城公园花木扩种",
        "",
        "\u{3000}\u{3000}本报讯 新城公园今年扩种花木",
        "园内新添花木三千株，园林工人正忙",
        "着移栽花木，每天从早上忙到天黑，",
        "移栽的花木都已浇透了水。",
        "",
        "\u{3000}\u{3000}园林工人说，新城公园的花木扩",
        "种还要持续一个月，游人可以入园观",
        "赏花木，园内的主要道路都照常开放",
        "，只有少数地块暂时围起来施工。",
        "",
        "\u{3000}\u{3000}新城公园管理处表示，扩种的花",
        "木以本地树种为主，园林工人每天浇",
        "水养护，新种的花木成活率很高，明",
        "年春天就能开花，供游人观赏。",
        "",
        "\u{3000}\u{3000}新城公园始建于一九八五年，园",
        "内花木品种繁多，每年春天都吸引大",
        "批游人前来赏花，节假日里游人更多",
        "，管理处还要增派人手维持秩序。",
        "",
        "\u{3000}\u{3000}秋雨落在南湖的石桥上，石桥边",
        "的老渔夫收起渔网，南湖的水面泛起",
        "涟漪，远处的芦苇在风里轻轻摇晃，",
        "几只水鸟贴着水面飞过去了。",
        "",
        "\u{3000}\u{3000}老渔夫在南湖打鱼四十年，石桥",
        "和渔网陪着他度过了无数个南湖的清",
        "晨，他认得湖里每一处水草，也认得",
        "每一条小船的主人。",
        "",
        "\u{3000}\u{3000}老渔夫说，南湖的水养活了石桥",
        "边的几代渔家，渔网是渔家的命根子",
        "，一张好网要补上好几年，补网的手",
        "艺也是一代一代传下来的。",
        "",
        "\u{3000}\u{3000}如今南湖禁渔，老渔夫把渔网挂",
        "在石桥边的墙上，天天看着南湖的水",
        "面，他说湖里的鱼多了，水也清了，",
        "这是南湖最好的年景。",
        "",
        "【湖畔随笔】",
        "",
        "南湖老渔夫",
    ];

    /// A report of its own under its headline.
    const LIBRARY: &[&str] = &[
        "城东图书馆延长开放时间",
        "",
        "\u{3000}\u{3000}本报讯 城东图书馆自下月起延",
        "长开放时间，每天开放至晚上九点，",
        "方便市民下班后借阅图书。",
    ];

    /// A report of its own under its headline, five paragraphs long (text
    /// enough on either side of a cut).
    const OLD_STREET: &[&str] = &[
        "\u{3000}\u{3000}本报讯 春节将至，城西老街两",
        "旁挂起了上千盏红灯笼，老街的店铺",
        "也贴上了春联，街坊们都来赏灯。",
        "",
        "\u{3000}\u{3000}老街的红灯笼由街道统一定制，",
        "每盏灯笼上都写着一个福字，入夜后",
        "灯笼齐明，老街一片通红，吸引了不",
        "少市民前来拍照留念。",
        "",
        "\u{3000}\u{3000}街道负责人介绍，红灯笼将一直",
        "挂到元宵节，其间老街还将举办猜灯",
        "谜、写春联等活动，欢迎市民到老街",
        "过一个热闹的春节。",
        "",
        "\u{3000}\u{3000}老街上的老字号也换上了新装，",
        "糕点铺赶制年糕和花馍，茶馆里每天",
        "都有说书和评弹，街坊们说，这才是",
        "记忆里过年的样子。",
        "",
        "\u{3000}\u{3000}为方便市民赏灯，附近的公交线",
        "路将延长运营时间，街道还在老街两",
        "头设置了志愿者服务点，为游客提供",
        "指引和帮助。",
        "",
    ];

    #[test]
    fn text_whose_headline_was_read_last_is_a_piece_of_its_own() {
        assert_eq!(
            pieces(&page(READ_LAST)),
            [
                (
                    None,
                    some("新城公园花木扩种"),
                    firsts(&[
                        "新城公园今年",
                        "园林工人说，",
                        "新城公园管理",
                        "新城公园始建"
                    ])
                ),
                (
                    some("湖畔随笔"),
                    some("南湖老渔夫"),
                    firsts(&[
                        "秋雨落在南湖",
                        "老渔夫在南湖",
                        "老渔夫说，南",
                        "如今南湖禁渔"
                    ])
                ),
            ]
        );
    }

    #[test]
    fn the_run_a_trailing_headline_heads_opens_with_a_lead_that_holds_its_words() {
        // The report's last paragraph shares a word with the headline read
        // last (`冬季`); a cut above it would take more of the headline's
        // words below it, but a piece's lead restates its headline, and that
        // paragraph holds one word of it only.
        let mut lines = READ_LAST[..22].to_vec();
        lines.extend_from_slice(&[
            "\u{3000}\u{3000}到了冬季，新城公园还将给花木",
            "裹上草帘防冻，园林工人会定期巡查，",
            "确保花木安全过冬。",
            "",
        ]);
        lines.extend_from_slice(&READ_LAST[22..42]);
        lines.extend_from_slice(&["【湖畔随笔】", "", "南湖老渔夫冬季里忙补渔网"]);
        let got = pieces(&page(&lines));
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[1].1, some("南湖老渔夫冬季里忙补渔网"));
        assert_eq!(got[1].2[0], "秋雨落在南湖", "{got:?}");
    }

    #[test]
    fn two_headlines_read_after_the_text_of_two_pieces_run_on_as_one_part_it() {
        // A report, its dateline line opening it, and a feature run on
        // under it after a sentence's end; both headlines were read after
        // their text, each in a group of its own, pieces between. The
        // feature's words stay in its run, and the report's in the text
        // above it (also above a cut inside the report that the feature's
        // words would allow): the feature is a piece of its own.
        let lines = [
            "王某与某国外长举行会谈",
            "",
            "本报讯 某国外长今天在京与王",
            "某举行会谈，双方就双边关系和",
            "共同关心的问题交换了意见。",
            "\u{3000}\u{3000}王某说，中方愿同某国一道，推",
            "动两国关系不断向前发展。",
            "",
            "\u{3000}\u{3000}新华社北京5月6日电 某国议",
            "会议长今天在首都会见了来访的",
            "李某一行，双方进行了亲切交谈。",
            "\u{3000}\u{3000}议长说，议会愿同中方加强交往",
            "与合作，推动两国友好关系不断",
            "向前发展，议会将为此继续作出",
            "努力。",
            "\u{3000}\u{3000}李某说，这次访问增进了两国议",
            "会之间的相互理解和信任，双方",
            "在多个领域的合作前景广阔，值",
            "得期待。",
            "\u{3000}\u{3000}会见后，议长还陪同李某一行参",
            "观了议会大厦，并向客人介绍了",
            "议会的历史和立法工作的情况。",
            "\u{3000}\u{3000}双方还就地区形势和国际问题交",
            "换了看法，一致认为应加强沟通，",
            "共同维护地区的安宁与繁荣。",
            "\u{3000}\u{3000}议长表示，议会欢迎更多中国企",
            "业来投资兴业，愿为双方企业合",
            "作提供便利，推动经贸往来。",
            "\u{3000}\u{3000}会见结束时，议长再次欢迎李某",
            "一行来访，李某表示，中方愿同",
            "某国议会保持密切交往，交流治",
            "国理政经验。",
            "",
            "\u{3000}\u{3000}春耕时节，田间地头一派繁忙景",
            "象。全县今年推广农机作业，机",
            "耕面积比去年增加了两成多，农",
            "民干劲十足。",
            "\u{3000}\u{3000}县农业部门组织技术人员下乡，",
            "指导农民科学施肥，保障春耕生",
            "产顺利进行，还为种粮大户送去",
            "了良种。",
            "\u{3000}\u{3000}在城关镇的一块麦田里，几台拖",
            "拉机来回作业，农机手说，有了",
            "农机，一天能耕一百多亩地，省",
            "时又省力。",
            "\u{3000}\u{3000}县里还开通了农资服务热线，农",
            "民有困难可以随时打电话求助，",
            "技术人员会在第一时间赶到地头。",
            "\u{3000}\u{3000}据了解，全县今年春播面积稳中",
            "有增，预计粮食生产将再获丰收，",
            "农民增收有了新的保障。",
            "",
            "某市新建三座口袋公园",
            "",
            "本报讯 某市今年新建三座口袋",
            "公园，方便市民就近休闲健身。",
            "公园里种植了花木，还配有健身",
            "",
            "议长会见李某一行",
            "",
            "器材和儿童游乐设施。市民们说，",
            "家门口的公园让生活更加便利。",
            "",
            "春耕时节农机忙",
        ];
        let got = pieces(&page(&lines));
        let titles = titles_and_openings(&got);
        assert_eq!(
            titles,
            [
                (some("王某与某国外长举行会谈"), "某国外长今天".to_string()),
                (some("议长会见李某一行"), "某国议会议长".to_string()),
                (some("春耕时节农机忙"), "春耕时节，田".to_string()),
                (some("某市新建三座口袋公园"), "某市今年新建".to_string()),
            ]
        );
        // A second headline whose words run on through the report's text
        // (a deck printed apart, not a story of its own) cuts nothing.
        let last = lines.len() - 1;
        let mut lines = lines.to_vec();
        lines[last] = "议长再次欢迎李某一行来访";
        let got = pieces(&page(&lines));
        assert_eq!(got.len(), 3, "{got:?}");
    }

    #[test]
    fn a_headline_read_after_its_text_in_mid_page_heads_that_text() {
        // The column piece's headline is read after its text, and another
        // report follows: placement puts the headline after the first
        // report's text, which ran on into the column piece's.
        let mut lines = READ_LAST.to_vec();
        lines.push("");
        lines.extend_from_slice(LIBRARY);
        lines.extend_from_slice(&[
            "",
            "\u{3000}\u{3000}图书馆还新增自习座位二百个，",
            "读者可以提前在网上预约座位，预约",
            "成功后凭身份证入馆。",
        ]);
        let got = pieces(&page(&lines));
        let titles: Vec<Option<String>> = got.iter().map(|p| p.1.clone()).collect();
        assert_eq!(
            titles,
            [
                some("新城公园花木扩种"),
                some("南湖老渔夫"),
                some("城东图书馆延长开放时间")
            ],
            "{got:?}"
        );
        assert_eq!(got[1].2[0], "秋雨落在南湖");
    }

    /// The column piece's headline read inside the first report, then the
    /// library report and a report under its own headline, whose text the
    /// column piece's runs on after.
    fn read_pieces_before() -> Vec<&'static str> {
        let mut lines = READ_LAST[..7].to_vec();
        lines.extend_from_slice(&["南湖老渔夫", ""]);
        lines.extend_from_slice(&READ_LAST[7..22]);
        lines.extend_from_slice(LIBRARY);
        lines.extend_from_slice(&["", "城西老街挂起红灯笼", ""]);
        lines.extend_from_slice(OLD_STREET);
        lines.extend_from_slice(&READ_LAST[22..42]);
        lines
    }

    #[test]
    fn a_headline_read_pieces_before_its_text_heads_that_text() {
        // The column piece's headline is read inside the first report,
        // pieces before its text, which runs on after a third report's:
        // placement puts the headline with that report, over the other
        // pieces printed between; the run closing it that holds the
        // headline's words is a piece of its own under it.
        let mut lines = read_pieces_before();
        let got = pieces(&page(&lines));
        let heads = titles_and_openings(&got);
        assert!(
            heads.contains(&(some("南湖老渔夫"), "秋雨落在南湖".into())),
            "{got:?}"
        );
        assert!(
            heads.contains(&(some("城西老街挂起红灯笼"), "春节将至，城".into())),
            "{got:?}"
        );
        // With no piece between that has a headline of its own, the
        // headline may be the one of the text right under it: it cuts
        // nothing.
        let at = lines
            .iter()
            .position(|l| *l == "城东图书馆延长开放时间")
            .unwrap();
        lines.drain(at..at + 2);
        let got = pieces(&page(&lines));
        let under = got
            .iter()
            .find(|p| p.2.contains(&"秋雨落在南湖".to_string()));
        assert_eq!(under.unwrap().2[0], "春节将至，城", "{got:?}");
    }

    #[test]
    fn a_headline_read_before_its_piece_cuts_nothing_where_that_pieces_headline_runs_on() {
        // The same page, the run closing the piece mentioning the piece's
        // own headline too (a kicker printed apart, whose words the last
        // paragraphs take up): the run is the piece's, and stays.
        let mut lines = read_pieces_before();
        lines.extend_from_slice(&[
            "",
            "\u{3000}\u{3000}城西老街挂起红灯笼的那天，老渔",
            "夫也去赏了灯，他说南湖边的老街多",
            "年没有这样热闹过了。",
        ]);
        let got = pieces(&page(&lines));
        assert!(!got.iter().any(|p| p.2[0] == "秋雨落在南湖"), "{got:?}");
    }

    #[test]
    fn a_headline_read_last_whose_words_run_through_a_piece_cuts_nothing() {
        // The column piece alone under a headline, another headline read
        // after its text: its words run through the whole piece, which
        // stays whole.
        let mut lines = vec!["新城公园花木扩种", ""];
        // (Its text twice over: text enough on either side of any cut.)
        lines.extend_from_slice(&READ_LAST[22..42]);
        lines.extend_from_slice(&READ_LAST[22..]);
        let got = pieces(&page(&lines));
        assert_eq!(got.len(), 1, "{got:?}");
    }

    #[test]
    fn a_headline_stacked_with_anothers_heads_the_run_that_changes_to_its_story() {
        // Two headlines stacked over the report; the second names a story
        // whose text ran on after another report's, and holds a third of
        // its words there (`南湖`, `渔家`), less than placement asks: where
        // the story changes, the run that holds them is that headline's
        // piece.
        let mut lines = vec![READ_LAST[0], "", "南湖渔家新年记"];
        lines.extend_from_slice(&READ_LAST[1..22]);
        lines.extend_from_slice(&["", "城西老街挂起红灯笼", ""]);
        lines.extend_from_slice(OLD_STREET);
        lines.extend_from_slice(&READ_LAST[22..41]);
        let got = pieces(&page(&lines));
        let heads = titles_and_openings(&got);
        assert_eq!(
            heads,
            [
                (some("新城公园花木扩种"), "新城公园今年".into()),
                (some("城西老街挂起红灯笼"), "春节将至，城".into()),
                (some("南湖渔家新年记"), "秋雨落在南湖".into()),
            ],
            "{got:?}"
        );
    }

    #[test]
    fn a_stacked_headline_cuts_no_run_where_the_story_goes_on() {
        // The same stacked headline, over a report whose text the run
        // carries on (the same fisherman, bridge and nets): the run holds
        // a third of the headline's words, too few to cut where the story
        // does not change.
        let mut lines = vec![READ_LAST[0], "", "南湖渔家新年记"];
        lines.extend_from_slice(&READ_LAST[1..22]);
        lines.extend_from_slice(&[
            "",
            "石桥边的老渔夫",
            "",
            "\u{3000}\u{3000}本报讯 石桥边住着一位老渔夫，",
            "他的小屋门口挂着渔网，屋里摆着几",
            "条旧船桨，都是打鱼用了几十年的。",
            "",
            "\u{3000}\u{3000}老渔夫每天清晨都要走上石桥，",
            "看看水面，看看水草，再把渔网理一",
            "遍，邻居们说他离不开石桥和渔网。",
            "",
            "\u{3000}\u{3000}老渔夫的儿子在城里工作，几次",
            "要接他进城住，老渔夫都不肯，他说",
            "石桥边的水声听了一辈子，离不开了。",
            "",
            "\u{3000}\u{3000}如今老渔夫年纪大了，不再下水",
            "打鱼，却常常坐在石桥上给孩子们讲",
            "打鱼的故事，讲水鸟，讲芦苇和渔网。",
            "",
            "\u{3000}\u{3000}街坊们都爱听老渔夫讲故事，石",
            "桥边常常围满了人，老渔夫说，这是",
            "他一天里最高兴的时候。",
            "",
        ]);
        lines.extend_from_slice(&READ_LAST[22..41]);
        let got = pieces(&page(&lines));
        let titles: Vec<Option<String>> = got.iter().map(|p| p.1.clone()).collect();
        assert_eq!(
            titles,
            [some("新城公园花木扩种"), some("石桥边的老渔夫")],
            "{got:?}"
        );
    }
}
