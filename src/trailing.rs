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

use crate::classify::Classified;
use crate::lines::Line;
use crate::overlap::{for_each_bigram, BigramSet};
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
/// Paragraphs read on either side of a cut for whose words they are.
const CONTEXT_PARAS: usize = 3;

/// Splits off, as pieces of their own, the runs of text whose headlines
/// the extractor printed after all of the page's text (see the module
/// docs). Drafts stay in order of their first unit.
pub fn split_trailing(
    lines: &[Line],
    classes: &[Classified],
    units: &[Unit],
    mut segments: Segments,
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
    let trailing: Vec<usize> = segments.free.iter().copied().filter(|&u| u > end).collect();
    let keys = |u: usize| units[u].lines().iter().map(|&l| lines[l].key);
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    for u in trailing {
        let head = BigramSet::of(keys(u));
        if head.len() < MIN_HEAD_BIGRAMS {
            continue;
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
                        for_each_bigram(keys(p), |b| {
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
        let mut best: Option<(f32, f32, usize, usize)> = None;
        for (d, draft) in segments.drafts.iter().enumerate() {
            let n = held[d].len();
            if n < 2 || !draft.headed() || cuts.iter().any(|c| c.0 == d) {
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
                .map(|&p| keys(p).map(|k| k.chars().count()).sum())
                .collect();
            let total: usize = glyphs.iter().sum();
            let mut above_glyphs = glyphs[0];
            for k in 1..n {
                let (above_n, below_n) = (above_glyphs, total - above_glyphs);
                above_glyphs += glyphs[k];
                let ends = units[paras[k - 1]]
                    .lines()
                    .last()
                    .is_some_and(|&l| classes[l].terminal);
                if !ends || above_n < MIN_SIDE_GLYPHS || below_n < MIN_SIDE_GLYPHS {
                    continue;
                }
                let (tail, above) = (share(d, k..n), share(d, 0..k));
                if tail < MIN_TAIL_SHARE || tail <= elsewhere || above >= tail * MAX_ABOVE_RATIO {
                    continue;
                }
                // Where the words change: the run's first paragraphs share
                // least with those right above them.
                let window =
                    |r: std::ops::Range<usize>| BigramSet::of(r.flat_map(|j| keys(paras[j])));
                let below = window(k..(k + CONTEXT_PARAS).min(n));
                let over = window(k.saturating_sub(CONTEXT_PARAS)..k);
                let across = below.share_in(&over);
                let score = tail - above;
                if best.is_none_or(|b| (score, -across) > (b.0, -b.1)) {
                    best = Some((score, across, d, paras[k]));
                }
            }
        }
        if let Some((_, _, d, at)) = best {
            cuts.push((d, at));
        }
    }
    // Later drafts first, so earlier indices stay.
    cuts.sort_unstable_by(|a, b| b.cmp(a));
    for (d, at) in cuts {
        let piece = segments.drafts[d].split_off_piece(at);
        segments.drafts.insert(d + 1, piece);
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
