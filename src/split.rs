//! Pass 5b — split: text that runs on from one piece into the next.
//!
//! Extractors and OCR read a page's blocks in an order of their own. A
//! piece's headline band may come out in the middle of its text, and the
//! text above the band then runs straight on from the piece printed before
//! it, with no headline between to part them:
//!
//! ```text
//! …划为重点区域。              ← the end of one piece
//!
//! “腊月集市最热闹，…           ← the next piece's text, read first
//! …从老街坊那里听来一段往事一   ← breaking off in mid sentence
//!
//! 【家常话】                    ← its column name and headline
//! 老街记忆
//!
//! 老街上的故事总是说也说不完。…
//! ```
//!
//! A piece's paragraphs share its words (its names, places, subject). So
//! the paragraphs closing a piece that breaks off in mid sentence go to the
//! piece under it, from a sentence's end on, when they share that piece's
//! words and not the words above them. Words are bigrams, weighed by how few
//! of the page's paragraphs hold them: what every piece on a page about one
//! event says ties nothing.

use crate::classify::Classified;
use crate::lines::Line;
use crate::overlap::{Bigram, BigramSet};
use crate::reflow::Unit;
use crate::segment::{Opening, Segments};
use rustc_hash::FxHashMap;
use std::cell::OnceCell;

/// Text read on either side of a possible move for whose words it shares:
/// this many paragraphs and glyphs at least, where there are (a stray short
/// paragraph of OCR debris tells nothing).
const CONTEXT_PARAS: usize = 3;
pub(crate) const CONTEXT_GLYPHS: usize = 200;
/// Text that moves holds this many glyphs at least.
const MIN_MOVED_GLYPHS: usize = 40;
/// Text that moves shares less than this (weighted) share of its words with
/// the text above it: another piece's words.
const MAX_TIE_ACROSS: f32 = 0.12;
/// Text closing a piece moves to the piece under it when it shares this
/// share of its words with that piece's first paragraphs at least…
const MIN_MOVE_TIE: f32 = 0.2;
/// …and this much more than with the paragraphs above it.
const MOVE_MARGIN: f32 = 0.15;
/// A display line sharing this share of its bigrams with a piece, more than
/// with the pieces beside it, is that piece's headline, so the piece is one
/// of its own (placement by words alone asks as much).
const OWN_HEADLINE: f32 = crate::place::MIN_LEXICAL;
/// Moves text that runs on from one piece into the next to that piece (see
/// the module docs). Drafts stay in order of their first unit.
pub fn split(
    lines: &[Line],
    classes: &[Classified],
    units: &[Unit],
    segments: Segments,
) -> Segments {
    let text = Text::new(lines, classes, units, &segments);
    let moves = moves(&text, &segments);
    apply(segments, &text.paras, &moves)
}

/// What the rule reads of the page's paragraphs. Bigram sets and counts
/// are made only when the rule first asks for them: most pages hold no
/// piece that breaks off before a headline.
struct Text<'a, 'b> {
    lines: &'a [Line<'b>],
    classes: &'a [Classified],
    units: &'a [Unit],
    /// Each draft's paragraph units (none for an ad).
    paras: Vec<Vec<usize>>,
    /// Where each draft's paragraphs start in the page's list of them.
    starts: Vec<usize>,
    /// Each paragraph's bigrams, in the page's order.
    sets: OnceCell<Vec<BigramSet>>,
    /// Glyphs of the page's paragraphs before each one (and after the last).
    glyphs_before: OnceCell<Vec<usize>>,
    /// In how many paragraphs of the page each bigram is.
    df: OnceCell<FxHashMap<Bigram, u32>>,
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
        let mut starts = Vec::with_capacity(paras.len() + 1);
        let mut n = 0;
        for ps in &paras {
            starts.push(n);
            n += ps.len();
        }
        starts.push(n);
        Text {
            lines,
            classes,
            units,
            paras,
            starts,
            sets: OnceCell::new(),
            glyphs_before: OnceCell::new(),
            df: OnceCell::new(),
        }
    }

    fn keys(&self, u: usize) -> impl Iterator<Item = &'b str> + '_ {
        self.units[u].lines().iter().map(|&l| self.lines[l].key)
    }

    fn sets(&self) -> &[BigramSet] {
        self.sets.get_or_init(|| {
            self.paras
                .iter()
                .flatten()
                .map(|&p| BigramSet::of(self.keys(p)))
                .collect()
        })
    }

    fn df(&self) -> &FxHashMap<Bigram, u32> {
        self.df.get_or_init(|| {
            let mut df = FxHashMap::default();
            for b in self.sets().iter().flat_map(|s| s.iter()) {
                *df.entry(b).or_default() += 1;
            }
            df
        })
    }

    /// The bigrams of paragraphs `range` of draft `d`.
    fn set(&self, d: usize, range: std::ops::Range<usize>) -> BigramSet {
        let s = self.starts[d];
        BigramSet::union(&self.sets()[s + range.start..s + range.end])
    }

    /// Glyphs of paragraphs `range` of draft `d`.
    fn glyphs(&self, d: usize, range: std::ops::Range<usize>) -> usize {
        let before = self.glyphs_before.get_or_init(|| {
            let mut n = 0;
            let mut out = vec![0];
            for &p in self.paras.iter().flatten() {
                n += self.keys(p).map(|k| k.chars().count()).sum::<usize>();
                out.push(n);
            }
            out
        });
        let s = self.starts[d];
        before[s + range.end] - before[s + range.start]
    }

    /// Where the text read before paragraph `k` of draft `d` starts.
    fn back(&self, d: usize, k: usize) -> usize {
        let mut j = k;
        while j > 0 && (k - j < CONTEXT_PARAS || self.glyphs(d, j..k) < CONTEXT_GLYPHS) {
            j -= 1;
        }
        j
    }

    /// Where the text read from paragraph `k` of draft `d` on ends.
    fn ahead(&self, d: usize, k: usize) -> usize {
        let mut j = k;
        while j < self.paras[d].len()
            && (j - k < CONTEXT_PARAS || self.glyphs(d, k..j) < CONTEXT_GLYPHS)
        {
            j += 1;
        }
        j
    }

    /// The share of `x`'s words that `y` holds, each bigram weighed by how
    /// few paragraphs hold it (a bigram of one paragraph only ties nothing).
    fn tie(&self, x: &BigramSet, y: &BigramSet) -> f32 {
        let df = self.df();
        let (mut held, mut all) = (0.0f32, 0.0f32);
        for b in x.iter() {
            let n = df.get(&b).copied().unwrap_or(0);
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
    let whole = |d: usize| t.set(d, 0..t.paras[d].len());
    // A free display unit printed right before or after draft `d` whose
    // words draft `d` holds more than the drafts beside it: the draft's own
    // headline.
    let has_own_headline = |d: usize| {
        let lo = d.checked_sub(1).map(|e| drafts[e].last_unit);
        let hi = drafts.get(d + 1).map_or(usize::MAX, |x| x.first_unit);
        let free = &segments.free;
        let from = free.partition_point(|&u| lo.is_some_and(|lo| u <= lo));
        let printed = free[from..].iter().take_while(|&&u| u < hi);
        if printed.clone().next().is_none() {
            return false;
        }
        let near: Vec<BigramSet> = [d.wrapping_sub(1), d, d + 1]
            .into_iter()
            .map(|e| {
                if e < t.paras.len() {
                    whole(e)
                } else {
                    BigramSet::default()
                }
            })
            .collect();
        printed.into_iter().any(|&u| {
            let head = BigramSet::of(t.keys(u));
            let own = head.share_in(&near[1]);
            own >= OWN_HEADLINE && own > head.share_in(&near[0]).max(head.share_in(&near[2]))
        })
    };
    let mut out = Vec::new();
    for d in 0..t.paras.len().saturating_sub(1) {
        let ps = &t.paras[d];
        // The piece breaks off in mid sentence; the next one has no
        // dateline or byline of its own to open it.
        if ps.is_empty()
            || t.paras[d + 1].is_empty()
            || ps.last().is_some_and(|&p| t.ends_sentence(p))
            || matches!(
                drafts[d + 1].opening,
                Opening::Lead | Opening::Byline | Opening::Ad
            )
        {
            continue;
        }
        // A piece with nothing of its own to open or close it (no
        // dateline, byline, headline, credit or signature), and text
        // enough to read as a piece's, may move whole.
        let whole_piece = matches!(drafts[d].opening, Opening::Headed | Opening::Plain)
            && drafts[d].credit_units.is_empty()
            && drafts[d].signature.is_none()
            && t.glyphs(d, 0..ps.len()) >= CONTEXT_GLYPHS
            && !has_own_headline(d);
        let below = t.set(d + 1, 0..t.ahead(d + 1, 0));
        let mut best: Option<(f32, usize)> = None;
        for k in usize::from(!whole_piece)..ps.len() {
            // What stays above must be text enough to read its words by,
            // and what moves a piece's text, not a line or two (a
            // signature, OCR debris).
            if k > 0 && (!t.ends_sentence(ps[k - 1]) || t.glyphs(d, 0..k) < CONTEXT_GLYPHS)
                || t.glyphs(d, k..ps.len()) < MIN_MOVED_GLYPHS
            {
                continue;
            }
            let tail = t.set(d, k..t.ahead(d, k));
            let above = t.set(d, t.back(d, k)..k);
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

/// The drafts with the moves made.
fn apply(mut segments: Segments, paras: &[Vec<usize>], moves: &[(usize, usize)]) -> Segments {
    if moves.is_empty() {
        return segments;
    }
    // In order: text that moved into a piece goes on with it when that
    // piece's own text moves whole to the piece under it.
    for &(d, k) in moves {
        let mut blocks = segments.drafts[d].take_blocks_from(paras[d][k], k == 0);
        // The piece under it still starts, for the headline pass, where
        // its headline is printed: right above its own first unit.
        let next = &mut segments.drafts[d + 1];
        blocks.append(&mut next.blocks);
        next.blocks = blocks;
    }
    // A draft whose whole text moved is gone.
    segments.drafts.retain(|d| {
        !d.blocks.is_empty()
            || !d.byline_units.is_empty()
            || !d.credit_units.is_empty()
            || d.ad.is_some()
            || d.signature.is_some()
    });
    segments
}

#[cfg(test)]
pub(crate) mod tests {
    use crate::{parse, Options};

    /// A page of `lines`.
    pub(crate) fn page(lines: &[&str]) -> String {
        lines.join("\n") + "\n"
    }

    /// Each article's column, title and the first glyphs of each block.
    pub(crate) fn pieces(text: &str) -> Vec<(Option<String>, Option<String>, Vec<String>)> {
        parse(text, &Options::default())
            .articles
            .iter()
            .map(|a| {
                let blocks = a.blocks.iter().map(|b| b.text.chars().take(6).collect());
                (a.column.clone(), a.title.clone(), blocks.collect())
            })
            .collect()
    }

    pub(crate) fn some(s: &str) -> Option<String> {
        Some(s.to_string())
    }

    pub(crate) fn firsts(v: &[&str]) -> Vec<String> {
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
        "\u{3000}\u{3000}新城公园始建于一九八五年，园",
        "内花木品种繁多，每年春天都吸引大",
        "批游人前来赏花。",
        "",
        "\u{3000}\u{3000}园林工人介绍，新种的花木需",
        "要精心养护，夏季高温时每天早晚各",
        "浇水一次，秋季还要修剪枝条。",
        "",
        "\u{3000}\u{3000}新城公园管理处还计划在园内",
        "增设休息座椅和指示牌，方便游人游",
        "览，相关工程将于下月开工建设。",
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
                    firsts(&[
                        "新城公园今年",
                        "园林工人说，",
                        "新城公园管理",
                        "新城公园始建",
                        "园林工人介绍",
                        "新城公园管理"
                    ])
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
    fn a_piece_read_before_its_headline_band_moves_whole() {
        // The report's headline printed after its body, then the next
        // piece's first column: no headline of its own, so it joins the
        // text under its headline.
        let first = RUNS_ON.iter().position(|l| l.contains("秋雨")).unwrap();
        let lines = [
            &RUNS_ON[2..first],
            &["新城公园花木扩种", ""],
            &RUNS_ON[first..],
        ]
        .concat();
        let mut lines: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
        // Text enough above the break to read as a piece's.
        let at = lines.iter().position(|l| l.contains("秋雨")).unwrap();
        let more = [
            "\u{3000}\u{3000}老渔夫的小船停在石桥下，船上",
            "放着渔网和鱼篓，南湖的鱼是老渔夫",
            "一家的生计。",
            "",
            "\u{3000}\u{3000}南湖的清晨雾气很重，老渔夫常",
            "常在石桥边撒下渔网，等着南湖的鱼",
            "游进网里。",
            "",
            "\u{3000}\u{3000}老渔夫说，南湖的鱼有十几种，",
            "最多的是鲫鱼，渔网撒下去，常常能",
            "捞上来满满一网。",
            "",
            "\u{3000}\u{3000}傍晚时分，老渔夫收起渔网，坐",
            "在石桥边抽一袋烟，看着南湖的水面",
            "慢慢暗下来。",
            "",
        ];
        for (i, l) in more.iter().enumerate() {
            lines.insert(at + i, l.to_string());
        }
        let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
        let got = pieces(&page(&lines));
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[0].1, some("新城公园花木扩种"), "{got:?}");
        assert_eq!(got[0].2.len(), 6, "{got:?}");
        assert_eq!(got[1].1, some("南湖渔歌"), "{got:?}");
        assert_eq!(
            got[1].2[..3],
            firsts(&["老渔夫的小船", "南湖的清晨雾", "老渔夫说，南"])[..],
            "{got:?}"
        );
    }

    #[test]
    fn text_under_a_short_report_stays() {
        // Three short paragraphs above: too little text to read their
        // words by, so nothing moves.
        let first = RUNS_ON.iter().position(|l| l.contains("始建")).unwrap();
        let last = RUNS_ON.iter().position(|l| l.contains("开工")).unwrap();
        let short = [&RUNS_ON[..first], &RUNS_ON[last + 2..]].concat();
        let got = pieces(&page(&short));
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].2.len(), 5, "{got:?}");
        assert_eq!(got[1].2, firsts(&["每一个清晨。", "如今南湖禁渔"]));
    }

    #[test]
    fn text_ending_its_sentence_stays() {
        // The same text, the last paragraph above the headline ending its
        // sentence: nothing runs on, so nothing moves.
        let ended = page(RUNS_ON).replace("度过了无数个南湖的", "度过了无数个清晨。");
        let got = pieces(&ended);
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].2.len(), 8, "{got:?}");
        assert_eq!(got[1].2, firsts(&["每一个清晨。", "如今南湖禁渔"]));
    }
}
