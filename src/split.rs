//! Pass 5b — split: text that runs on from one piece into another.
//!
//! Extractors and OCR read a page's blocks in an order of their own: a
//! headline may come out far from its body, and the body then runs straight
//! on from the piece printed before it, with no headline between to part
//! them:
//!
//! ```text
//! …为高风险地区。              ← the end of one piece
//!
//! “爆竹声中一岁除，…           ← the next piece, its headline not here
//! …从岁月那里分享到一份喜悦一
//!
//! 【身边事】                    ← its column name and headline, printed
//! 凝眸岁月                        in the middle of its text
//! 份收成
//!
//! 岁月对人们的赐予是没有条件的。…
//! ```
//!
//! A piece's paragraphs share its words, and a headline names what its
//! piece reports (CONVENTIONS). Two rules, each at a sentence's end:
//!
//! - **move**: the closing paragraphs of a piece that breaks off in mid
//!   sentence go to the piece under it when they share that piece's words
//!   and not the words above them;
//! - **cut**: a display line left free, whose words recur in the
//!   paragraphs from some sentence's end on and not above it, nor in any
//!   other piece near it, starts a piece there when the text from there on
//!   does not carry on the words above it; the headline pass then puts the
//!   line with the new piece by its words.
//!
//! Words are bigrams, weighed by how few of the page's paragraphs hold them
//! (what every piece on a page about one event says ties nothing).

use crate::classify::Classified;
use crate::conventions as cv;
use crate::lines::Line;
use crate::overlap::{Bigram, BigramSet};
use crate::reflow::Unit;
use crate::segment::{Opening, Segments};
use std::collections::HashMap;

/// A display line this many distinct bigrams long or more can name a
/// piece's words; shorter ones (`路项目`) tell too little.
const MIN_HEADLINE_BIGRAMS: usize = 4;
/// The headline's bigrams recur in the text from a cut on at this share at
/// least (placement by words alone asks 0.34 of weighted bigrams; a cut
/// asks more)…
const TAIL_ECHO: f32 = 0.5;
/// …in the text above the cut at most this share of that…
const HEAD_ECHO_RATIO: f32 = 0.4;
/// …and in any other piece near it less by this margin: a headline printed
/// next to its own body cuts nothing.
const ECHO_MARGIN: f32 = 0.2;
/// Text read on either side of a cut for whether it carries on the words
/// above: this many paragraphs and glyphs at least, where there are (a
/// stray short paragraph of OCR debris tells nothing).
const CONTEXT_PARAS: usize = 3;
const CONTEXT_GLYPHS: usize = 200;
/// The text after a cut shares less than this (weighted) share of its
/// words with the text above it: a new piece.
const MAX_TIE_ACROSS: f32 = 0.12;
/// Text closing a piece moves to the piece under it when it shares this
/// share of its words with that piece's first paragraphs at least…
const MIN_MOVE_TIE: f32 = 0.2;
/// …and this much more than with the paragraphs above it.
const MOVE_MARGIN: f32 = 0.15;
/// A display line sharing this share of its bigrams with a piece, more than
/// with the pieces beside it, is that piece's headline, so the piece is one
/// of its own (placement by words alone asks as much).
const OWN_HEADLINE: f32 = 0.34;
/// Pieces on either side of a headline searched for its body: a page holds
/// a few dozen; the window keeps the pass linear in the input.
const WINDOW: usize = 8;

/// Moves and cuts drafts where text runs on from one piece into another
/// (see the module docs). Drafts stay in order of their first unit.
pub fn split(
    lines: &[Line],
    classes: &[Classified],
    units: &[Unit],
    segments: Segments,
) -> Segments {
    let text = Text::new(lines, classes, units, &segments);
    let moves = moves(&text, &segments);
    let cuts = cuts(&text, &segments);
    apply(segments, &text.paras, &moves, &cuts)
}

/// What the rules read of the page's paragraphs.
struct Text<'a, 'b> {
    lines: &'a [Line<'b>],
    classes: &'a [Classified],
    units: &'a [Unit],
    /// Each draft's paragraph units (none for an ad).
    paras: Vec<Vec<usize>>,
    /// Each draft's bigrams.
    wholes: Vec<BigramSet>,
    /// In how many paragraphs of the page each bigram is.
    df: HashMap<Bigram, u32>,
}

impl<'a, 'b> Text<'a, 'b> {
    fn new(
        lines: &'a [Line<'b>],
        classes: &'a [Classified],
        units: &'a [Unit],
        segments: &Segments,
    ) -> Self {
        let paras: Vec<Vec<usize>> = segments
            .drafts
            .iter()
            .map(|d| match d.ad {
                Some(_) => Vec::new(),
                None => d.paras().collect(),
            })
            .collect();
        let mut t = Text {
            lines,
            classes,
            units,
            paras,
            wholes: Vec::new(),
            df: HashMap::new(),
        };
        for ps in &t.paras {
            for &p in ps {
                for b in t.set(&[p]).iter() {
                    *t.df.entry(b).or_default() += 1;
                }
            }
        }
        t.wholes = t.paras.iter().map(|ps| t.set(ps)).collect();
        t
    }

    fn keys(&self, u: usize) -> impl Iterator<Item = &'b str> + '_ {
        self.units[u].lines().iter().map(|&l| self.lines[l].key)
    }

    /// The bigrams of paragraph units `ps`.
    fn set(&self, ps: &[usize]) -> BigramSet {
        BigramSet::of(ps.iter().flat_map(|&p| self.keys(p)))
    }

    fn glyphs(&self, p: usize) -> usize {
        self.keys(p).map(|k| k.chars().count()).sum()
    }

    /// Where the text read before index `k` of `ps` starts.
    fn back(&self, ps: &[usize], k: usize) -> usize {
        let (mut j, mut n) = (k, 0);
        while j > 0 && (k - j < CONTEXT_PARAS || n < CONTEXT_GLYPHS) {
            j -= 1;
            n += self.glyphs(ps[j]);
        }
        j
    }

    /// Where the text read from index `k` of `ps` on ends.
    fn ahead(&self, ps: &[usize], k: usize) -> usize {
        let (mut j, mut n) = (k, 0);
        while j < ps.len() && (j - k < CONTEXT_PARAS || n < CONTEXT_GLYPHS) {
            n += self.glyphs(ps[j]);
            j += 1;
        }
        j
    }

    /// The share of `x`'s words that `y` holds, each bigram weighed by how
    /// few paragraphs hold it (a bigram of one paragraph only ties nothing).
    fn tie(&self, x: &BigramSet, y: &BigramSet) -> f32 {
        let (mut held, mut all) = (0.0f32, 0.0f32);
        for b in x.iter() {
            let n = self.df.get(&b).copied().unwrap_or(0);
            if n < 2 {
                continue;
            }
            let w = 1.0 / n as f32;
            all += w;
            if y.contains(b) {
                held += w;
            }
        }
        if all > 0.0 {
            held / all
        } else {
            0.0
        }
    }

    /// How much the words of the text from index `k` of `ps` on are tied
    /// to the text above it.
    fn tie_across(&self, ps: &[usize], k: usize) -> f32 {
        self.tie(
            &self.set(&ps[k..self.ahead(ps, k)]),
            &self.set(&ps[self.back(ps, k)..k]),
        )
    }

    /// Paragraph unit `p` ends a sentence.
    fn ends_sentence(&self, p: usize) -> bool {
        self.units[p]
            .lines()
            .last()
            .is_some_and(|&l| self.classes[l].terminal)
    }
}

/// The moves: `(draft, index)` where the paragraphs from `index` on go to
/// the next draft.
fn moves(t: &Text, segments: &Segments) -> Vec<(usize, usize)> {
    let drafts = &segments.drafts;
    // A free display unit printed right before or after draft `d` whose
    // words draft `d` holds more than the drafts beside it: the draft's own
    // headline.
    let has_own_headline = |d: usize| {
        let lo = if d > 0 { drafts[d - 1].last_unit } else { 0 };
        let hi = drafts.get(d + 1).map_or(usize::MAX, |x| x.first_unit);
        let free = &segments.free;
        let from = free.partition_point(|&u| u <= lo);
        free[from..].iter().take_while(|&&u| u < hi).any(|&u| {
            let head = BigramSet::of(t.keys(u));
            let own = head.share_in(&t.wholes[d]);
            let beside = [d.wrapping_sub(1), d + 1]
                .into_iter()
                .filter_map(|e| t.wholes.get(e))
                .map(|w| head.share_in(w))
                .fold(0.0f32, f32::max);
            own >= OWN_HEADLINE && own > beside
        })
    };
    let mut out = Vec::new();
    for d in 0..t.paras.len().saturating_sub(1) {
        let (ps, below) = (&t.paras[d], &t.paras[d + 1]);
        // The piece breaks off in mid sentence; the next one has no
        // dateline or byline of its own to open it.
        if ps.is_empty()
            || below.is_empty()
            || ps.last().is_some_and(|&p| t.ends_sentence(p))
            || matches!(
                drafts[d + 1].opening,
                Opening::Lead | Opening::Byline | Opening::Ad
            )
        {
            continue;
        }
        // A piece with nothing of its own to open it (no dateline, byline
        // or headline) may move whole.
        let whole =
            matches!(drafts[d].opening, Opening::Headed | Opening::Plain) && !has_own_headline(d);
        let below = t.set(&below[..t.ahead(below, 0)]);
        let mut best: Option<(f32, usize)> = None;
        for k in usize::from(!whole)..ps.len() {
            if k > 0 && !t.ends_sentence(ps[k - 1]) {
                continue;
            }
            let tail = t.set(&ps[k..t.ahead(ps, k)]);
            let above = t.set(&ps[t.back(ps, k)..k]);
            let (b, a) = (t.tie(&tail, &below), t.tie(&tail, &above));
            if b >= MIN_MOVE_TIE
                && b >= a + MOVE_MARGIN
                && a < MAX_TIE_ACROSS
                && best.is_none_or(|x| b - a > x.0)
            {
                best = Some((b - a, k));
            }
        }
        if let Some((_, k)) = best {
            out.push((d, k));
        }
    }
    out
}

/// The cuts: `(draft, index)` where a new piece starts at the paragraph at
/// `index`.
fn cuts(t: &Text, segments: &Segments) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for &u in &segments.free {
        if !matches!(t.units[u], Unit::Display { .. }) {
            continue;
        }
        let key: String = t.keys(u).collect();
        if cv::is_slogan(&key) || cv::is_column_name(&key) {
            continue;
        }
        let head = BigramSet::of([key.as_str()]);
        if head.len() < MIN_HEADLINE_BIGRAMS {
            continue;
        }
        let grams: Vec<Bigram> = head.iter().take(64).collect();
        let next = segments.drafts.partition_point(|d| d.first_unit < u);
        let window = next.saturating_sub(WINDOW)..(next + WINDOW).min(t.paras.len());
        // The headline's share in each whole piece of the window.
        let wholes: Vec<f32> = window
            .clone()
            .map(|d| head.share_in(&t.wholes[d]))
            .collect();
        let mut best: Option<(f32, usize, usize)> = None;
        for (i, d) in window.clone().enumerate() {
            let ps = &t.paras[d];
            if ps.len() < 2 {
                continue;
            }
            // Any other piece near it, and the pieces it is printed next
            // to (its own body, if it heads one) whole.
            let beside = d == next || d + 1 == next;
            let elsewhere = wholes
                .iter()
                .enumerate()
                .filter(|&(j, _)| j != i || beside)
                .map(|(_, &w)| w)
                .fold(0.0f32, f32::max);
            // Which of the headline's bigrams each paragraph holds, and
            // so which the text above and below each boundary holds.
            let masks: Vec<u64> = ps
                .iter()
                .map(|&p| {
                    let set = t.set(&[p]);
                    grams
                        .iter()
                        .enumerate()
                        .filter(|&(_, &b)| set.contains(b))
                        .fold(0u64, |m, (j, _)| m | 1 << j)
                })
                .collect();
            let mut below = vec![0u64; ps.len() + 1];
            for k in (0..ps.len()).rev() {
                below[k] = below[k + 1] | masks[k];
            }
            let share = |m: u64| m.count_ones() as f32 / grams.len() as f32;
            let mut above = masks[0];
            for k in 1..ps.len() {
                let (tail, head_share) = (share(below[k]), share(above));
                above |= masks[k];
                if tail >= TAIL_ECHO
                    && head_share <= tail * HEAD_ECHO_RATIO
                    && tail >= elsewhere + ECHO_MARGIN
                    && best.is_none_or(|b| tail - head_share > b.0)
                    && t.ends_sentence(ps[k - 1])
                    && t.tie_across(ps, k) < MAX_TIE_ACROSS
                {
                    best = Some((tail - head_share, d, k));
                }
            }
        }
        if let Some((_, d, k)) = best {
            out.push((d, k));
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The drafts with the moves and cuts made.
fn apply(
    mut segments: Segments,
    paras: &[Vec<usize>],
    moves: &[(usize, usize)],
    cuts: &[(usize, usize)],
) -> Segments {
    if moves.is_empty() && cuts.is_empty() {
        return segments;
    }
    // From the last draft back, so that indices hold. A draft whose text
    // moved takes no cut.
    for &(d, k) in moves.iter().rev() {
        let mut tail = segments.drafts[d].split_off(paras[d][k], Opening::Plain);
        // The piece still starts, for the headline pass, where its headline
        // is printed: right above its own first unit.
        let next = &mut segments.drafts[d + 1];
        tail.blocks.append(&mut next.blocks);
        next.blocks = tail.blocks;
    }
    for &(d, k) in cuts.iter().rev() {
        if moves.iter().any(|&(m, _)| m == d) {
            continue;
        }
        let tail = segments.drafts[d].split_off(paras[d][k], Opening::Plain);
        segments.drafts.push(tail);
    }
    // A draft whose whole text moved is gone.
    segments.drafts.retain(|d| {
        !d.blocks.is_empty()
            || !d.byline_units.is_empty()
            || !d.credit_units.is_empty()
            || d.ad.is_some()
            || d.signature.is_some()
    });
    segments.drafts.sort_by_key(|d| d.first_unit);
    segments
}

#[cfg(test)]
mod tests {
    use crate::{parse, Options};

    /// A page of `lines`.
    fn page(lines: &[&str]) -> String {
        lines.join("\n") + "\n"
    }

    /// Each article's column, title and the first glyphs of each block.
    fn pieces(text: &str) -> Vec<(Option<String>, Option<String>, Vec<String>)> {
        parse(text, &Options::default())
            .articles
            .iter()
            .map(|a| {
                let blocks = a.blocks.iter().map(|b| b.text.chars().take(6).collect());
                (a.column.clone(), a.title.clone(), blocks.collect())
            })
            .collect()
    }

    fn some(s: &str) -> Option<String> {
        Some(s.to_string())
    }

    fn firsts(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    /// A report, then text of another piece that breaks off in mid
    /// sentence at a column name and headline and goes on under them.
    const RUNS_ON: &[&str] = &[
        "新城公园花木扩种",
        "",
        "\u{3000}\u{3000}本报讯 新城公园今年扩种花木",
        "园内新添花木三千株，园林工人正忙",
        "着移栽花木。",
        "",
        "\u{3000}\u{3000}园林工人说，新城公园的花木扩",
        "种还要持续一个月，游人可以入园观",
        "赏花木。",
        "",
        "\u{3000}\u{3000}新城公园管理处表示，扩种的花",
        "木以本地树种为主，园林工人每天浇",
        "水养护。",
        "",
        "\u{3000}\u{3000}秋雨落在南湖的石桥上，石桥边",
        "的老渔夫收起渔网，南湖的水面泛起",
        "涟漪。",
        "",
        "\u{3000}\u{3000}老渔夫在南湖打鱼四十年，石桥",
        "和渔网陪着他度过了无数个南湖的",
        "",
        "【湖畔随笔】",
        "",
        "南湖渔歌",
        "",
        "\u{3000}\u{3000}每一个清晨。老渔夫说，南湖的",
        "水养活了石桥边的几代渔家，渔网是",
        "渔家的命根子。",
        "",
        "\u{3000}\u{3000}如今南湖禁渔，老渔夫把渔网挂",
        "在石桥边的墙上，天天看着南湖的水",
        "面。",
    ];

    #[test]
    fn text_breaking_off_into_the_next_piece_moves_to_it() {
        assert_eq!(
            pieces(&page(RUNS_ON)),
            [
                (
                    None,
                    some("新城公园花木扩种"),
                    firsts(&["新城公园今年", "园林工人说，", "新城公园管理"])
                ),
                (
                    some("湖畔随笔"),
                    some("南湖渔歌"),
                    firsts(&[
                        "秋雨落在南湖",
                        "老渔夫在南湖",
                        "每一个清晨。",
                        "如今南湖禁渔"
                    ])
                ),
            ]
        );
    }

    #[test]
    fn text_ending_its_sentence_stays() {
        // The same text, the last paragraph above the headline ending its
        // sentence: nothing runs on, so nothing moves.
        let ended = page(RUNS_ON).replace("度过了无数个南湖的", "度过了无数个清晨。");
        let got = pieces(&ended);
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].2.len(), 5, "{got:?}");
        assert_eq!(got[1].2, firsts(&["每一个清晨。", "如今南湖禁渔"]));
    }

    /// A report with another piece's text after it, that piece's headline
    /// printed at the foot of the page.
    const HEADLINE_AT_THE_FOOT: &[&str] = &[
        "新城公园花木扩种",
        "",
        "\u{3000}\u{3000}本报讯 新城公园今年扩种花木",
        "园内新添花木三千株，园林工人正忙",
        "着移栽花木。",
        "",
        "\u{3000}\u{3000}园林工人说，新城公园的花木扩",
        "种还要持续一个月，游人可以入园观",
        "赏花木。",
        "",
        "\u{3000}\u{3000}秋雨落在南湖的石桥上，石桥边",
        "的老渔夫和渔网都在雨里，南湖的水",
        "面泛起涟漪。",
        "",
        "\u{3000}\u{3000}老渔夫在南湖打鱼四十年，石桥",
        "和渔网陪着他度过了无数个清晨。",
        "",
        "东山茶园春茶开采",
        "",
        "\u{3000}\u{3000}本报讯 东山茶园的春茶今天开",
        "采，茶农们在茶园里采摘新茶。",
        "",
        "\u{3000}\u{3000}东山茶园的茶农说，今年春茶的",
        "产量比去年高，茶园的新茶已经上市",
        "销售。",
        "",
        "南湖渔夫和渔网",
    ];

    #[test]
    fn a_headline_printed_apart_starts_its_piece_where_its_words_do() {
        assert_eq!(
            pieces(&page(HEADLINE_AT_THE_FOOT)),
            [
                (
                    None,
                    some("新城公园花木扩种"),
                    firsts(&["新城公园今年", "园林工人说，"])
                ),
                (
                    None,
                    some("南湖渔夫和渔网"),
                    firsts(&["秋雨落在南湖", "老渔夫在南湖"])
                ),
                (
                    None,
                    some("东山茶园春茶开采"),
                    firsts(&["东山茶园的春", "东山茶园的茶"])
                ),
            ]
        );
    }

    #[test]
    fn a_headline_whose_words_the_text_above_shares_cuts_nothing() {
        // The report above names the foot headline's words too: they point
        // at no one stretch of text.
        let shared = page(HEADLINE_AT_THE_FOOT)
            .replace("游人可以入园观\n赏花木。", "南湖渔夫和渔网\n也来观赏花木。");
        let got = pieces(&shared);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[0].2.len(), 4, "{got:?}");
    }
}
