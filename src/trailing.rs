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
use crate::heads::two_phrases;
use crate::layout::{Layout, Shape};
use crate::lines::Line;
use crate::model::Block;
use crate::overlap::{for_each_bigram, BigramSet};
use crate::place::{Item, Placement};
use crate::reflow::Unit;
use crate::segment::Segments;

/// The run holds this share of the trailing headline's bigrams at least
/// (as placement by words alone asks: [`crate::place::MIN_LEXICAL`])…
const MIN_TAIL_SHARE: f32 = crate::place::MIN_LEXICAL;
/// …and the text above it less than this share of what the run holds.
const MAX_ABOVE_RATIO: f32 = 0.5;
/// Each side of a cut holds this many glyphs at least: a piece's text, not
/// a signature or a stray line (as much as the split pass reads a piece's
/// words by).
const MIN_SIDE_GLYPHS: usize = crate::split::CONTEXT_GLYPHS;
/// A headline with fewer bigrams says too little to cut by.
const MIN_HEAD_BIGRAMS: usize = 3;
/// A display field with more bigrams is running text, no headline (the
/// late test keeps one bit per bigram in a 128-bit word).
const MAX_HEAD_BIGRAMS: usize = 128;
/// A cut whose run's first paragraph holds this share of the headline's
/// bigrams goes before any whose does not: a piece's lead restates its
/// headline's words (OCR may print the lead elsewhere, so one is no veto).
const MIN_LEAD_SHARE: f32 = 0.1;
/// Paragraphs read on either side of a cut for whose words they are.
const CONTEXT_PARAS: usize = 3;

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
    let heads: Vec<BigramSet> = segments
        .free
        .iter()
        .filter(|&&u| u > end)
        .map(|&u| BigramSet::of(units[u].lines().iter().map(|&l| lines[l].key)))
        .collect();
    let text = Text {
        lines,
        classes,
        units,
    };
    let cuts: Vec<(usize, usize)> = heads.iter().fold(Vec::new(), |mut cuts, head| {
        if let Some(cut) = text.best_cut(&segments, head, None, &cuts) {
            cuts.push(cut);
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
    pub piece: (usize, usize),
}

/// The headlines placed right after the text of a piece (no running text
/// between) that placement also gave a headline printed above it, from
/// another display group: the extractor read that headline after its own
/// text, in mid page (OCR reads a headline block after the column it
/// stands under), and the piece's text ran on into the text above it.
/// Only where the piece's paragraphs, as built, hold the headline's words
/// in a run closing it more than above that run: a kicker or subtitle
/// printed apart, whose words run through the piece, cuts nothing, and is
/// not read again. Nor is a deck of phrases printed apart (提要,
/// `集中采买物资 设立专项经费`): a kicker or summary, not the title a
/// piece opens under.
pub fn placed_after_text(items: &[Item], placement: &Placement, bodies: &Bodies) -> Vec<LateHead> {
    let mut late = Vec::new();
    for ((heads, target), (article, ..)) in placement
        .heads
        .iter()
        .zip(&bodies.targets)
        .zip(&bodies.articles)
    {
        let above = heads
            .iter()
            .map(|&((i, _), _)| i)
            .find(|&i| items[i].unit < target.first_unit);
        let Some(above) = above else {
            continue;
        };
        for &((i, k), _) in heads {
            let field = &items[i].fields[k];
            if i != above
                && items[i].unit > target.last_unit
                && !two_phrases(&field.text)
                && heads_a_tail(&article.blocks, &field.text)
            {
                late.push(LateHead {
                    lines: field.lines.clone(),
                    piece: (target.first_unit, target.last_unit),
                });
            }
        }
    }
    late
}

/// Some run of `blocks` closing them, from a sentence's end on, holds
/// [`MIN_TAIL_SHARE`] of `headline`'s bigrams while the blocks above hold
/// less than half of that, with [`MIN_SIDE_GLYPHS`] on each side: the cut
/// test of [`Text::best_cut`], on the article as built.
fn heads_a_tail(blocks: &[Block], headline: &str) -> bool {
    let head = BigramSet::of([headline]);
    if head.len() < MIN_HEAD_BIGRAMS || head.len() > MAX_HEAD_BIGRAMS || blocks.len() < 2 {
        return false;
    }
    // One bit per headline bigram, and a one-word filter that most of the
    // body's bigrams miss before the set is searched.
    let slot = |b: u64| 1u64 << (b.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 58);
    let filter = head.iter().fold(0u64, |f, b| f | slot(b));
    let mut held: Vec<u128> = Vec::with_capacity(blocks.len());
    let share = |bits: u128| bits.count_ones() as f32 / head.len() as f32;
    for b in blocks {
        let mut seen = 0u128;
        for_each_bigram([b.text.as_str()], |g| {
            if filter & slot(g) != 0 {
                if let Some(k) = head.position(g) {
                    seen |= 1 << k;
                }
            }
        });
        held.push(seen);
    }
    let glyphs: Vec<usize> = blocks.iter().map(|b| b.text.chars().count()).collect();
    let total: usize = glyphs.iter().sum();
    let mut above_glyphs = 0;
    (1..blocks.len()).any(|k| {
        above_glyphs += glyphs[k - 1];
        above_glyphs >= MIN_SIDE_GLYPHS
            && total - above_glyphs >= MIN_SIDE_GLYPHS
            && crate::clean::ends_sentence(&blocks[k - 1].text)
            && {
                let tail = share(held[k..].iter().fold(0, |a, &s| a | s));
                let over = share(held[..k].iter().fold(0, |a, &s| a | s));
                tail >= MIN_TAIL_SHARE && over < tail * MAX_ABOVE_RATIO
            }
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
        let Some(d) = segments
            .drafts
            .iter()
            .position(|d| (d.first_unit, d.last_unit) == head.piece)
        else {
            continue;
        };
        let words = BigramSet::of(head.lines.iter().map(|&l| lines[l].key));
        if let Some(cut) = text.best_cut(&segments, &words, Some(d), &cuts) {
            cuts.push(cut);
        }
    }
    (!cuts.is_empty()).then(|| split_at(segments, cuts))
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
        head: &BigramSet,
        only: Option<usize>,
        cuts: &[(usize, usize)],
    ) -> Option<(usize, usize)> {
        if head.len() < MIN_HEAD_BIGRAMS {
            return None;
        }
        // Which of the headline's bigrams each paragraph of each piece
        // holds, and the share each whole piece holds.
        let held: Vec<Vec<Vec<bool>>> = segments
            .drafts
            .iter()
            .map(|draft| {
                if draft.ad.is_some() {
                    return Vec::new();
                }
                draft
                    .paras()
                    .map(|p| {
                        let mut seen = vec![false; head.len()];
                        for_each_bigram(self.keys(p), |b| {
                            if let Some(k) = head.position(b) {
                                seen[k] = true;
                            }
                        });
                        seen
                    })
                    .collect()
            })
            .collect();
        let share = |d: usize, range: std::ops::Range<usize>| {
            let n = (0..head.len())
                .filter(|&k| held[d][range.clone()].iter().any(|s| s[k]))
                .count();
            n as f32 / head.len() as f32
        };
        let whole: Vec<f32> = (0..held.len())
            .map(|d| share(d, 0..held[d].len()))
            .collect();
        // (Whether the run's lead holds its words, score, word change across
        // the cut, draft, unit.)
        let mut best: Option<(bool, f32, f32, usize, usize)> = None;
        for (d, draft) in segments.drafts.iter().enumerate() {
            let n = held[d].len();
            if n < 2
                || !draft.headed()
                || only.is_some_and(|o| o != d)
                || cuts.iter().any(|c| c.0 == d)
            {
                continue;
            }
            // No other piece holds the headline's words as well as the
            // run would: else the headline is that piece's own.
            let elsewhere = (0..held.len())
                .filter(|&e| e != d)
                .map(|e| whole[e])
                .fold(0.0f32, f32::max);
            let paras: Vec<usize> = draft.paras().collect();
            let glyphs: Vec<usize> = paras
                .iter()
                .map(|&p| self.keys(p).map(|k| k.chars().count()).sum())
                .collect();
            let total: usize = glyphs.iter().sum();
            let mut above_glyphs = glyphs[0];
            for k in 1..n {
                let (above_n, below_n) = (above_glyphs, total - above_glyphs);
                above_glyphs += glyphs[k];
                let ends = self.units[paras[k - 1]]
                    .lines()
                    .last()
                    .is_some_and(|&l| self.classes[l].terminal);
                // (A run starts after the piece's own first unit: text the
                // split pass moved to it from above its opening stays.)
                if !ends
                    || above_n < MIN_SIDE_GLYPHS
                    || below_n < MIN_SIDE_GLYPHS
                    || paras[k] <= draft.first_unit
                {
                    continue;
                }
                let (tail, above) = (share(d, k..n), share(d, 0..k));
                if tail < MIN_TAIL_SHARE || tail <= elsewhere || above >= tail * MAX_ABOVE_RATIO {
                    continue;
                }
                let lead = share(d, k..k + 1) >= MIN_LEAD_SHARE;
                // Where the words change: the run's first paragraphs share
                // least with those right above them.
                let window =
                    |r: std::ops::Range<usize>| BigramSet::of(r.flat_map(|j| self.keys(paras[j])));
                let below = window(k..(k + CONTEXT_PARAS).min(n));
                let over = window(k.saturating_sub(CONTEXT_PARAS)..k);
                let across = below.share_in(&over);
                let score = tail - above;
                if best.is_none_or(|b| (lead, score, -across) > (b.0, b.1, -b.2)) {
                    best = Some((lead, score, across, d, paras[k]));
                }
            }
        }
        best.map(|(_, _, _, d, at)| (d, at))
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
    fn a_headline_read_after_its_text_in_mid_page_heads_that_text() {
        // The column piece's headline is read after its text, and another
        // report follows: placement puts the headline after the first
        // report's text, which ran on into the column piece's.
        let mut lines = READ_LAST.to_vec();
        lines.extend_from_slice(&[
            "",
            "城东图书馆延长开放时间",
            "",
            "\u{3000}\u{3000}本报讯 城东图书馆自下月起延",
            "长开放时间，每天开放至晚上九点，",
            "方便市民下班后借阅图书。",
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
}
