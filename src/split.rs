//! Pass 5b — split: text that runs on from one piece into another.
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
//!
//! The other way round, a piece's text may go on after another piece's:
//! where the reflow pass carried a paragraph that broke off at a column's
//! foot on in a block printed inside another piece, the paragraphs printed
//! right under that block go on the first piece too, by the same words
//! (see [`resumes`]).

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

/// Moves text printed after a block that carried a piece's paragraph on
/// to that piece, where it shares its words (see [`resumes`]).
pub fn resume(
    lines: &[Line],
    classes: &[Classified],
    units: &[Unit],
    segments: Segments,
) -> Segments {
    let text = Text::new(lines, classes, units, &segments);
    let resumes = resumes(&text);
    go_on(segments, &resumes)
}

/// The last line of paragraph `unit` where the reflow pass carried it on
/// from another column: its lines jump over text printed between them.
fn carried_on_to(lines: &[Line], unit: &Unit) -> Option<usize> {
    let ls = unit.lines();
    let jumps = ls
        .windows(2)
        .any(|w| (w[0] + 1..w[1]).any(|l| !lines[l].is_blank()));
    jumps.then(|| ls[ls.len() - 1])
}

/// The resumes: the paragraphs of a draft that go on the text of another.
/// A piece whose last paragraph the reflow pass carried on in a block
/// printed inside another piece's text (its sentence broke off at a
/// column's foot) goes on with the paragraphs printed right after that
/// block, where they share its words and not those of the piece they are
/// printed in, up to the first that does not (where that piece's own text
/// goes on):
///
/// ```text
/// …这批物资包                 ← piece A breaks off
///
/// 某部门：暂不派人进入灾区     ← piece B, headline and text
/// …再适时调整募捐方案。
///
/// 括约1万个口罩、5万双手套…   ← A's sentence carried on (reflow)
///
/// 与此同时，海外华侨华人…     ← A's next paragraph: goes on A
/// ```
fn resumes(t: &Text) -> Vec<Resume> {
    let mut out = Vec::new();
    for a in 0..t.paras.len() {
        let Some(&last) = t.paras[a].last() else {
            continue;
        };
        let Some(end) = carried_on_to(t.lines, &t.units[last]) else {
            continue;
        };
        let Some(next) = (end + 1..t.lines.len()).find(|&l| !t.lines[l].is_blank()) else {
            continue;
        };
        // The paragraph printed right under the carried block, inside the
        // text of another piece (not its first: that piece's own start).
        let found = (0..t.paras.len()).filter(|&d| d != a).find_map(|d| {
            let k = t.paras[d]
                .iter()
                .position(|&p| t.units[p].first_line() == next)?;
            Some((d, k))
        });
        let Some((d, k)) = found.filter(|&(_, k)| k > 0) else {
            continue;
        };
        let n = t.paras[a].len();
        let own = t.set(a, t.back(a, n)..n);
        let host = t.set(d, t.back(d, k)..k);
        let run = t.set(d, k..t.ahead(d, k));
        let (tie, across) = (t.tie(&run, &own), t.tie(&run, &host));
        // The run shares the piece's words more than the host's, by
        // [`MOVE_MARGIN`] at least; and so does each paragraph of it: the
        // run ends at the first that does not, where the host's own text
        // goes on (none moves where that is the first).
        let hosts = |j: usize| {
            let para = t.set(d, j..j + 1);
            t.tie(&para, &host) >= t.tie(&para, &own)
        };
        if tie < across + MOVE_MARGIN || hosts(k) {
            continue;
        }
        let stop = (k + 1..t.paras[d].len())
            .find(|&j| hosts(j))
            .map(|j| t.paras[d][j]);
        out.push(Resume {
            from: d,
            at: t.paras[d][k],
            stop,
            to: a,
        });
    }
    out
}

/// Paragraphs of draft `from`, from unit `at` up to unit `stop` (to its
/// end when none), that go on the text of draft `to`.
struct Resume {
    from: usize,
    at: usize,
    stop: Option<usize>,
    to: usize,
}

/// The drafts with the resumes made: the text moved goes after the text
/// of the piece it goes on (which still spans, for the headline pass, the
/// units it was printed over).
fn go_on(mut segments: Segments, resumes: &[Resume]) -> Segments {
    for r in resumes {
        let from = &mut segments.drafts[r.from];
        let mut blocks = match r.stop {
            Some(stop) => from.take_blocks_between(r.at, stop),
            None => from.take_blocks_from(r.at, false),
        };
        segments.drafts[r.to].blocks.append(&mut blocks);
    }
    segments
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

    /// A report whose second paragraph breaks off at its column's foot,
    /// another report, and the block that carries the first one's
    /// paragraph on, in a 12-cell column whose paragraphs start two cells
    /// short (no blank line between them).
    const CARRIED_ON: &[&str] = &[
        "城际快线今起开通",
        "",
        "本报讯 某市城际快线",
        "今天正式开通运营，城际快",
        "线全长六十公里，沿线设有",
        "十二座车站，乘客从城东到",
        "城西只需四十分钟。",
        "城际快线开通后，沿线",
        "居民出行更加便捷。城际快",
        "线运营公司表示，首班车早",
        "上六点发车，沿线站都设有",
        "",
        "老街书屋重新开放",
        "",
        "本报讯 老街书屋经过",
        "三个月修缮，今天重新向读",
        "者开放。老街书屋藏书两万",
        "余册，新增儿童阅读区和自",
        "习座位。",
        "老街书屋负责人介绍，",
        "修缮后的老街书屋延长开放",
        "时间，每天早上九点至晚上",
        "九点免费开放，读者可以凭",
        "借书证借阅。",
        "",
        "换乘通道，乘客可以在城际",
        "快线车站内换乘公交车和地",
        "铁，城际快线车站还设有自",
        "行车停放点。",
        "",
    ];

    /// The second report's own closing paragraphs, for printing under
    /// [`CARRIED_ON`], and the first glyphs of its blocks with them.
    const HOST_TAIL: [&str; 8] = [
        "老街书屋还将举办读书",
        "会和讲座，欢迎居民报名参",
        "加，老街书屋每周六下午举",
        "办一次读书会。",
        "据了解，老街书屋是本",
        "市第一家社区书屋，老街书",
        "屋的读者大多是附近的居民",
        "和学生。",
    ];
    const HOST_FIRSTS: &[&str] = &[
        "老街书屋经过",
        "老街书屋负责",
        "老街书屋还将",
        "据了解，老街",
    ];

    /// The first report's own blocks, nothing added to them.
    const CARRIED_FIRSTS: &[&str] = &["某市城际快线", "城际快线开通"];

    /// The pieces of [`CARRIED_ON`] with `tails` printed under it, in turn.
    fn under_carried(tails: &[&[&str]]) -> Vec<(Option<String>, Option<String>, Vec<String>)> {
        let lines: Vec<&str> = CARRIED_ON
            .iter()
            .chain(tails.iter().copied().flatten())
            .copied()
            .collect();
        pieces(&page(&lines))
    }

    #[test]
    fn paragraphs_printed_under_a_carried_block_in_its_pieces_words_go_on_that_piece() {
        // The first report's next paragraphs, printed under the block
        // (after a column break), inside the second report's text.
        let got = under_carried(&[&[
            "城际快线运营公司还推",
            "出乘车优惠，持学生证和借",
            "书证的乘客乘坐城际快线可",
            "以享受半价优惠。",
            "据了解，城际快线二期",
            "工程明年开工，建成后城际",
            "快线将延伸到南部新区，沿",
            "线再增设六座车站。",
        ]]);
        assert_eq!(
            got,
            [
                (
                    None,
                    some("城际快线今起开通"),
                    firsts(&[
                        "某市城际快线",
                        "城际快线开通",
                        "城际快线运营",
                        "据了解，城际"
                    ])
                ),
                (
                    None,
                    some("老街书屋重新开放"),
                    firsts(&["老街书屋经过", "老街书屋负责"])
                ),
            ]
        );
    }

    #[test]
    fn paragraphs_under_a_carried_block_in_their_own_pieces_words_stay() {
        // The second report's own last paragraphs under the block: they
        // share some words of the first (a piece's words weigh by how few
        // paragraphs print them) but far more of their own.
        let got = under_carried(&[&HOST_TAIL]);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[0].2, firsts(CARRIED_FIRSTS));
        assert_eq!(got[1].2, firsts(HOST_FIRSTS));
    }

    #[test]
    fn only_the_carried_pieces_paragraphs_go_on_it_and_the_hosts_own_stay() {
        // Under the block, one paragraph of the first report, then the
        // second report's own closing paragraphs (its next column).
        let got = under_carried(&[
            &[
                "城际快线运营公司还推",
                "出乘车优惠，持学生证和借",
                "书证的乘客乘坐城际快线可",
                "以享受半价优惠。",
                "",
            ],
            &HOST_TAIL,
        ]);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(
            got[0].2,
            firsts(&["某市城际快线", "城际快线开通", "城际快线运营"])
        );
        assert_eq!(got[1].2, firsts(HOST_FIRSTS));
    }

    #[test]
    fn a_hosts_paragraph_printed_right_under_a_carried_block_keeps_what_follows() {
        // The second report's paragraph first, then the first report's:
        // the text under the block is not where the first report resumes,
        // and nothing moves (no worse than before the rule).
        let got = under_carried(&[
            &HOST_TAIL[..4],
            &[
                "城际快线运营公司还推",
                "出乘车优惠，持学生证的乘",
                "客乘坐城际快线可以享受半",
                "价优惠，城际快线沿线车站",
                "设有爱心窗口。",
                "城际快线二期工程明年",
                "开工，城际快线将延伸到南",
                "部新区，沿线再增设六座车",
                "站。",
            ],
        ]);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[0].2, firsts(CARRIED_FIRSTS));
        assert_eq!(got[1].2.len(), 5, "{got:?}");
    }

    #[test]
    fn text_under_a_carried_block_barely_more_the_pieces_than_the_hosts_stays() {
        // Paragraphs that name both reports, the first's words a little
        // more: by no margin, the host keeps them.
        let got = under_carried(&[&[
            "换乘通道内设有老街书",
            "屋借书点，乘客可以在城际",
            "快线车站借阅新书。",
            "老街书屋负责人介绍，",
            "修缮后的书屋延长了开放时",
            "间。",
            "乘客从城东到城西只需",
            "四十分钟，读者可以凭借书",
            "证借阅。",
        ]]);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[0].2.len(), 2, "{got:?}");
        assert_eq!(got[1].2.len(), 5, "{got:?}");
    }

    #[test]
    fn a_piece_opening_under_a_carried_block_in_its_pieces_words_stays_its_own() {
        // A dated report on the same line opens right under the block: a
        // piece of its own, however many words it shares.
        let got = under_carried(&[&[
            "本报讯 城际快线运营公",
            "司今天推出乘车优惠，持学",
            "生证的乘客乘坐城际快线可",
            "以享受半价优惠，城际快线",
            "沿线车站设有爱心窗口。",
        ]]);
        assert_eq!(got.len(), 3, "{got:?}");
        assert_eq!(got[0].2, firsts(CARRIED_FIRSTS));
        assert_eq!(got[2].2, firsts(&["城际快线运营"]));
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
