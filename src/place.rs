//! Pass 6 — place: put each display field back with its article.
//!
//! Extracted text often prints a headline far from its body, before it or
//! after it, or two headlines side by side. Each field (a printed headline,
//! [`heads::fields`](crate::heads::fields)) is placed with the article whose
//! body shares the most of its character bigrams, each weighted by its
//! rarity among the articles around it (words every article uses count
//! little), helped by position: right before an article's body, or right
//! after it. A field of a group whose other fields went to an article goes
//! with them; an article left without a headline takes the free group
//! printed next to it (a guess, reported). Page slogans and fields that fit
//! no article are banners.

use crate::heads::{couplet, opens_with_dash, two_phrases, Field};
use crate::overlap::{for_each_bigram, Bigram, Postings};
use std::ops::Range;

/// A display group to place: its unit and its fields.
#[derive(Debug, Clone)]
pub struct Item {
    /// Index of the display unit.
    pub unit: usize,
    pub fields: Vec<Field>,
}

/// What placement knows of an article.
#[derive(Debug, Clone)]
pub struct Target {
    /// Units spanned by the article, first and last.
    pub first_unit: usize,
    pub last_unit: usize,
    /// Ads take no headline.
    pub ad: bool,
}

#[cfg(test)]
impl Target {
    /// A target spanning units `first` to `last`, no ad.
    pub(crate) fn spanning(first: usize, last: usize) -> Self {
        Target {
            first_unit: first,
            last_unit: last,
            ad: false,
        }
    }
}

/// A field's place: `(item, field)` indices.
pub type FieldRef = (usize, usize);

/// The result of placement.
#[derive(Debug, Clone, Default)]
pub struct Placement {
    /// Per target, its fields in print order, each with how sure its
    /// placement is (0–1).
    pub heads: Vec<Vec<(FieldRef, f32)>>,
    /// Fields that belong to no article, in print order.
    pub banners: Vec<FieldRef>,
    /// Fields placed by their position alone, with their target.
    pub guesses: Vec<(FieldRef, usize)>,
    /// Display-shaped text that fits no article as a headline nor the page
    /// as a banner, with the article it is kept in as running text.
    pub orphans: Vec<(FieldRef, usize)>,
    /// Headlines of a story of their own printed next to another's
    /// headline, whose article was not found: placed nowhere, reported.
    pub unplaced: Vec<FieldRef>,
}

/// Evidence needed to place a field by its words alone: this (weighted)
/// share of its bigrams in the body.
pub const MIN_LEXICAL: f32 = 0.34;
/// Bonus for a field printed right next to an article's body, split between
/// before and after by the page's reading order.
const POSITION_WEIGHT: f32 = 0.35;
/// Prior counts of headlines printed before and after their bodies: most
/// extractors print a headline first.
const PRIOR_BEFORE: f32 = 3.0;
const PRIOR_AFTER: f32 = 1.0;
/// A placement by words alone is beyond doubt at this share, this far ahead
/// of the next best article; such placements teach the page's reading order.
const SURE_LEXICAL: f32 = 0.5;
const SURE_MARGIN: f32 = 0.25;

/// Where a display field stands to an article's body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Before,
    After,
    Apart,
}
/// Most fields one article carries (kicker, title, subtitle).
const MAX_FIELDS: usize = 3;
/// A field sharing less than this with every article, set as two phrases
/// apart, is a page banner.
const BANNER_LEXICAL: f32 = 0.15;
/// A slogan couplet may share a word with an article (`关爱职工` over a
/// piece on workers) and still be the page's: a word or two in common
/// stays under this weighted share, while a headline's words are mostly
/// its article's. (Set by hand; on the development corpus it moves one
/// OCR page, where the slogan shares `职工` with a piece.)
const COUPLET_LEXICAL: f32 = 0.25;
/// A display group printed apart from the group an article's headline
/// came from, running text between them, joins that article only when it
/// shares this much with it: a kicker or subtitle the extractor printed
/// elsewhere shares its article's words, while another piece's headline
/// that lost its own body to a merge, or OCR debris, shares some topic words
/// only. (Fitted on the development corpus and the sample pages: at 0.5 a
/// sample page loses a subtitle printed apart; at 0.3 OCR headlines gain
/// 0.010.)
const APART_GROUP_LEXICAL: f32 = 0.3;
/// A field sharing less than this with the article of the headline
/// printed next to it, and more with another article, is no part of that
/// headline but one of its own (`某报社评：…新战役` over `用日记记录…一名
/// 外国教师的春节`, the second's words all in another piece).
const FOREIGN_LEXICAL: f32 = MIN_LEXICAL / 2.0;
/// A headline stacked with another story's, its article not found by
/// placement, heads a headless piece that holds this (weighted) share of
/// its words at least — as much as a field printed right next to its body
/// needs ([`MIN_LEXICAL`] / 2)…
const STACKED_LEXICAL: f32 = MIN_LEXICAL / 2.0;
/// …this much more than any other piece…
const STACKED_MARGIN: f32 = 0.1;
/// …and that piece runs to this many paragraphs at least: a story, not a
/// brief (a kicker's words may recur in one). (Set by hand, as is the
/// margin above.)
const MIN_PARAGRAPHS: u32 = 2;
/// How many articles on either side of a display group it may be placed
/// with: a printed page holds a few dozen; the window keeps placement
/// linear in the length of the input.
const WINDOW: usize = 12;

/// How many units that hold running text come before each unit: whether
/// running text lies between two units, told by two look-ups.
struct BodyCounts(Vec<u32>);

impl BodyCounts {
    /// The counts for `body_units` (sorted), up to one past the last.
    fn new(body_units: &[usize]) -> Self {
        let len = body_units.last().map_or(0, |&u| u + 1);
        let mut before = vec![0u32; len + 1];
        for &u in body_units {
            before[u + 1] += 1;
        }
        for u in 1..before.len() {
            before[u] += before[u - 1];
        }
        BodyCounts(before)
    }

    /// Body units before unit `u`.
    fn before(&self, u: usize) -> u32 {
        match self.0.get(u) {
            Some(&n) => n,
            None => self.0.last().copied().unwrap_or(0),
        }
    }

    /// A body unit lies strictly between units `a` and `b`.
    fn between(&self, a: usize, b: usize) -> bool {
        let (lo, hi) = (a.min(b), a.max(b));
        self.before(hi) > self.before(lo + 1)
    }
}

/// Places the fields of `items` with `targets`, whose bodies are read in
/// `postings`, for a vocabulary that holds every field's bigrams (see
/// [`crate::heads::vocabulary`]). Items and targets come in source order;
/// `body_units` (sorted) lists the units that hold running text (two units
/// with no body unit between them are adjacent). With `one_group`
/// (positioned input, where display groups are the blocks of display type
/// the page prints) an article takes fields of one display group only, and
/// a group's fields go to one article: a headline printed elsewhere is
/// another article's.
pub fn place(
    items: &[Item],
    targets: &[Target],
    postings: &Postings,
    body_units: &[usize],
    one_group: bool,
) -> Placement {
    debug_assert!(items.is_sorted_by_key(|it| it.unit));
    debug_assert!(targets.is_sorted_by_key(|t| t.first_unit));
    let body_counts = BodyCounts::new(body_units);
    let between_body = |a: usize, b: usize| body_counts.between(a, b);
    // Where a field stands to an article: right before its body, right
    // after it, or apart from it.
    // (An ad read between a headline and the body after it parts them
    // too: the headline closes the text read before the ad, as in
    // `…摊位比往年多了。⏎菜市场延长营业时间⏎广告⏎老旧小区加装电梯⏎…`.
    // Only before a body: read after one, past an ad, no page showed it.)
    let ad_between = |a: usize, b: usize| {
        let k = targets.partition_point(|t| t.first_unit <= a);
        targets[k..]
            .iter()
            .take_while(|t| t.first_unit < b)
            .any(|t| t.ad)
    };
    let side = |unit: usize, t: &Target| -> Side {
        if unit < t.first_unit
            && !between_body(unit, t.first_unit)
            && !ad_between(unit, t.first_unit)
        {
            Side::Before
        } else if unit > t.last_unit && !between_body(t.last_unit, unit) {
            Side::After
        } else {
            Side::Apart
        }
    };
    let near_targets = |unit: usize| {
        let k = targets.partition_point(|t| t.first_unit < unit);
        k.saturating_sub(WINDOW)..(k + WINDOW).min(targets.len())
    };
    // Each item's window of targets, once.
    let windows: Vec<Range<usize>> = items.iter().map(|it| near_targets(it.unit)).collect();

    // Where each item's fields start in the flat per-field lists below.
    let mut field_base = Vec::with_capacity(items.len() + 1);
    let mut n_fields = 0;
    for it in items {
        field_base.push(n_fields);
        n_fields += it.fields.len();
    }
    field_base.push(n_fields);
    // Lexical share of each field in each target of its window: the
    // fields' bigrams, and which bodies hold each (`postings`, of a
    // vocabulary that holds every field's bigrams). One flat list: field
    // `(i, k)`'s shares start at `lex_start[field_base[i] + k]`.
    let mut lex_start = Vec::with_capacity(n_fields);
    let mut lexical: Vec<f32> = Vec::new();
    let mut grams: Vec<Bigram> = Vec::new();
    for (it, w) in items.iter().zip(&windows) {
        for f in &it.fields {
            distinct_bigrams(f, &mut grams);
            lex_start.push(lexical.len());
            weighted_shares(&grams, w.clone(), postings, &mut lexical);
        }
    }
    let lex = |i: usize, k: usize, t: usize| -> f32 {
        let w = &windows[i];
        if w.contains(&t) {
            lexical[lex_start[field_base[i] + k] + t - w.start]
        } else {
            0.0
        }
    };
    // The page's reading order: where the headlines that their words place
    // beyond doubt stand to their bodies (extractors print them before,
    // some after); the position bonus follows it.
    let (mut before, mut after) = (0.0f32, 0.0f32);
    for (i, it) in items.iter().enumerate() {
        for k in 0..it.fields.len() {
            let (top, at, second) = top_two(windows[i].clone().map(|t| (lex(i, k, t), t)));
            if let Some(t) = at.filter(|_| top >= SURE_LEXICAL && top - second >= SURE_MARGIN) {
                match side(it.unit, &targets[t]) {
                    Side::Before => before += 1.0,
                    Side::After => after += 1.0,
                    Side::Apart => {}
                }
            }
        }
    }
    let before_share = (before + PRIOR_BEFORE) / (before + after + PRIOR_BEFORE + PRIOR_AFTER);
    let position = |unit: usize, t: &Target| -> f32 {
        match side(unit, t) {
            Side::Before => POSITION_WEIGHT * before_share,
            Side::After => POSITION_WEIGHT * (1.0 - before_share),
            Side::Apart => 0.0,
        }
    };
    // Page slogans and section banners: a slogan's words, or two phrases
    // printed apart, or a display line above every article's body, that
    // share nothing with any article.
    let first_body = body_units.first().copied().unwrap_or(usize::MAX);
    // Running text right above and right below: the line is inside a
    // column (two columns' lines OCR printed as one), not over the page.
    // (A strip of two phrases set across a piece's text, an ad's slogan,
    // then heads what follows it: its words cannot tell it from two
    // columns' lines.)
    let inside_text = |unit: usize| {
        unit > 0
            && body_units.binary_search(&(unit - 1)).is_ok()
            && body_units.binary_search(&(unit + 1)).is_ok()
    };
    let is_banner = |i: usize, k: usize| -> bool {
        let f = &items[i].fields[k];
        if f.column {
            return false;
        }
        let unrelated = || windows[i].clone().all(|t| lex(i, k, t) < BANNER_LEXICAL);
        // Above every body, it would head the first article it stands
        // before; sharing nothing with that one, it is the page's.
        let top = || {
            items[i].unit < first_body
                && windows[i]
                    .clone()
                    .filter(|&t| side(items[i].unit, &targets[t]) == Side::Before)
                    .all(|t| lex(i, k, t) < BANNER_LEXICAL)
        };
        // The slogan test reads the text without its spaces; the tests of
        // phrases printed apart read only a text with a space.
        if !f.text.contains(' ') {
            return crate::conventions::is_slogan(&f.text);
        }
        crate::conventions::is_slogan(&f.text.replace(' ', ""))
            || (couplet(&f.text) && windows[i].clone().all(|t| lex(i, k, t) < COUPLET_LEXICAL))
            || (two_phrases(&f.text)
                && !runs_clauses(&f.text)
                && !inside_text(items[i].unit)
                && (unrelated() || top()))
    };
    let banners_flags: Vec<bool> = items
        .iter()
        .enumerate()
        .flat_map(|(i, it)| (0..it.fields.len()).map(move |k| (i, k)))
        .map(|(i, k)| is_banner(i, k))
        .collect();
    let banner = |i: usize, k: usize| banners_flags[field_base[i] + k];

    // Candidates: (score, item, field, target).
    let mut cands: Vec<(f32, usize, usize, usize)> = Vec::new();
    for (i, it) in items.iter().enumerate() {
        for k in 0..it.fields.len() {
            if banner(i, k) || it.fields[k].column {
                continue;
            }
            for t in windows[i].clone() {
                if targets[t].ad {
                    continue;
                }
                let l = lex(i, k, t);
                let p = position(it.unit, &targets[t]);
                if l >= MIN_LEXICAL || (p > 0.0 && l >= MIN_LEXICAL / 2.0) {
                    cands.push((l + p, i, k, t));
                }
            }
        }
    }
    cands.sort_by(|a, b| {
        b.0.total_cmp(&a.0)
            .then(a.1.cmp(&b.1))
            .then(a.2.cmp(&b.2))
            .then(a.3.cmp(&b.3))
    });
    let mut placed: Vec<Vec<Option<(usize, f32)>>> =
        items.iter().map(|it| vec![None; it.fields.len()]).collect();
    let mut load = vec![0usize; targets.len()];
    // The display group each target's fields come from (`one_group`).
    let mut group_of: Vec<Option<usize>> = vec![None; targets.len()];
    // The target each display group's fields go to (`one_group`).
    let mut target_of: Vec<Option<usize>> = vec![None; items.len()];
    for &(score, i, k, t) in &cands {
        if placed[i][k].is_some() || load[t] >= MAX_FIELDS {
            continue;
        }
        if one_group
            && (group_of[t].is_some_and(|g| g != i) || target_of[i].is_some_and(|x| x != t))
        {
            continue;
        }
        // A second display group printed apart from the first one's (running
        // text between them) joins its article on its own words only.
        let apart = |g: usize| {
            let (a, b) = (items[g].unit, items[i].unit);
            g != i && between_body(a.min(b), a.max(b))
        };
        if group_of[t].is_some_and(apart) && lex(i, k, t) < APART_GROUP_LEXICAL {
            continue;
        }
        group_of[t] = Some(i);
        target_of[i] = Some(t);
        // How far ahead of the next best target this one is.
        let runner_up = windows[i]
            .clone()
            .filter(|&u| u != t && !targets[u].ad)
            .map(|u| lex(i, k, u) + position(items[i].unit, &targets[u]))
            .fold(0.0f32, f32::max);
        placed[i][k] = Some((t, sureness(lex(i, k, t), score - runner_up)));
        load[t] += 1;
    }
    // An article still without a headline takes the nearest free group
    // printed right before or after it; where a free group stands between
    // two such articles, the side the page's reading order favours (see
    // `position`) decides, then the distance.
    let free = |placed: &[Vec<Option<(usize, f32)>>], i: usize, f: usize| {
        placed[i][f].is_none() && !banner(i, f) && !items[i].fields[f].column
    };
    let mut pairs: Vec<(f32, usize, usize)> = Vec::new();
    for (t, target) in targets.iter().enumerate() {
        if load[t] > 0 || target.ad {
            continue;
        }
        let k = items.partition_point(|it| it.unit < target.first_unit);
        let window = k.saturating_sub(WINDOW)..(k + WINDOW).min(items.len());
        for (i, it) in items[window.clone()].iter().enumerate() {
            let i = window.start + i;
            let p = position(it.unit, target);
            if p > 0.0 && (0..it.fields.len()).any(|f| free(&placed, i, f)) {
                let near = p - (it.unit as f32 - target.first_unit as f32).abs() * 1e-3;
                pairs.push((near, t, i));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut guesses = Vec::new();
    for (_, t, i) in pairs {
        if load[t] > 0 || !(0..items[i].fields.len()).any(|f| free(&placed, i, f)) {
            continue;
        }
        for f in 0..items[i].fields.len() {
            if free(&placed, i, f) && load[t] < MAX_FIELDS {
                placed[i][f] = Some((t, GUESS_SURENESS));
                load[t] += 1;
                guesses.push(((i, f), t));
            }
        }
    }

    // A subtitle that opens with a dash (`——记某某`) is printed right under
    // the headline it goes on: it goes where the field above it in its
    // group went, whatever its own words share. (Not where its words put
    // it with another headline of its group, sharing next to none with
    // the piece whose words put the one above there: a row of headlines
    // read across columns prints a subtitle after its neighbour's
    // headline, `全力救治患者⏎新港码头吞吐量创新高⏎——某市救治工作最新进展`.)
    for (i, it) in items.iter().enumerate() {
        for k in 1..it.fields.len() {
            if !opens_with_dash(&it.fields[k].text) || it.fields[k - 1].column {
                continue;
            }
            let (Some((t, sure)), Some((u, _))) = (placed[i][k - 1], placed[i][k]) else {
                continue;
            };
            let with_a_mate = (0..it.fields.len())
                .filter(|&m| m + 1 != k && m != k)
                .any(|m| placed[i][m].is_some_and(|(x, _)| x == u));
            if with_a_mate && lex(i, k, t) < FOREIGN_LEXICAL && lex(i, k - 1, t) >= MIN_LEXICAL {
                continue;
            }
            if t != u && load[t] < MAX_FIELDS {
                load[u] -= 1;
                load[t] += 1;
                placed[i][k] = Some((t, sure));
            }
        }
    }

    // A headline group prints its fields together: an unplaced field next
    // to a placed one — in its group, or in the group printed next to it
    // with no running text between — joins it, when printed next to the
    // body; over its placed mate in its own group, also inside that
    // article's text, where OCR reads a group with the column under it
    // (`…创造性的思维，⏎⏎远方的灯火⏎——读《某某丛书》⏎⏎是否真正理解？…`). (Not
    // a group printed apart from its article, after all of the text, nor
    // a line under the placed one: a line with no words of any article,
    // another story's headline or a photo's title, stacked with the
    // headline its words placed there, would take the title's slot.)
    let flat: Vec<FieldRef> = items
        .iter()
        .enumerate()
        .flat_map(|(i, it)| (0..it.fields.len()).map(move |k| (i, k)))
        .collect();
    // The group stands inside the article's text, between its first and
    // last units.
    let inside = |unit: usize, t: &Target| t.first_unit < unit && unit < t.last_unit;
    let together = |a: FieldRef, b: FieldRef| {
        a.0 == b.0 || (!one_group && !between_body(items[a.0].unit, items[b.0].unit))
    };
    // (Not a field whose words are another article's: a headline of its
    // own stacked over or under the placed one, whose article the words
    // point away to. Its article not found, it goes nowhere rather than
    // stand as this one's kicker or subtitle. A subtitle that opens with a
    // dash is printed with its headline whatever its words share: `老街书屋
    // 里的新年` over `——一位退休教师的坚守`, whose words the next piece
    // holds.)
    // (Pushed in print order: sorted, for the look-up below.)
    let mut unplaced = Vec::new();
    for f in 0..flat.len() {
        let (i, k) = flat[f];
        {
            if placed[i][k].is_some() || banner(i, k) || items[i].fields[k].column {
                continue;
            }
            let neighbour = [f.wrapping_sub(1), f + 1]
                .into_iter()
                .filter_map(|g| flat.get(g).copied())
                .filter(|&g| together((i, k), g))
                .find_map(|(gi, gk)| placed[gi][gk].map(|p| (p, (gi, gk))));
            if let Some(((t, sure), mate)) = neighbour {
                // Right over its placed group mate: a headline's first line,
                // or the title over its subtitle.
                let over_mate = mate == (i, k + 1);
                let own = lex(i, k, t);
                let elsewhere = || {
                    windows[i]
                        .clone()
                        .filter(|&u| u != t && !targets[u].ad)
                        .any(|u| lex(i, k, u) > own)
                };
                if own < FOREIGN_LEXICAL
                    && !opens_with_dash(&items[i].fields[k].text)
                    && elsewhere()
                {
                    unplaced.push((i, k));
                } else if load[t] < MAX_FIELDS
                    && ((over_mate && inside(items[i].unit, &targets[t]))
                        || position(items[i].unit, &targets[t]) > 0.0)
                    && !tells_another_story(items, &placed, (i, k), t)
                {
                    placed[i][k] = Some((t, sure * 0.9));
                    load[t] += 1;
                }
            }
        }
    }
    // A headline of a story of its own stacked with another's (above)
    // heads the piece that holds its words more than any other, where
    // that piece has no headline yet: an extractor that reads a row of
    // headlines across columns before their texts prints the texts after
    // them in turn (`【读书札记】⏎纸上的“山水”⏎⏎
    // 某国选出新总统⏎⏎本报某地电…（that report）⏎⏎古人作画，山水…`).
    // (Positioned input prints a group's fields over one article.)
    let paragraphs =
        |t: &Target| body_counts.before(t.last_unit + 1) - body_counts.before(t.first_unit);
    if !one_group {
        unplaced.retain(|&(i, k)| {
            // Right over a subtitle that opens with a dash, it is that
            // subtitle's headline (`山间的回声⏎——读《某某丛书》`).
            let dashed = items[i]
                .fields
                .get(k + 1)
                .filter(|f| opens_with_dash(&f.text))
                .and(placed[i].get(k + 1).copied().flatten());
            if let Some((u, sure)) = dashed.filter(|&(u, _)| load[u] < MAX_FIELDS) {
                placed[i][k] = Some((u, sure));
                load[u] += 1;
                return false;
            }
            // (Not a note or a photo's caption, which heads nothing; nor
            // to a piece of one paragraph, a brief that runs under a
            // column's name with no headline of its own, whose words a
            // kicker printed apart may happen to share.)
            if crate::conventions::is_note_or_caption(&items[i].fields[k].text) {
                return true;
            }
            let pieces = windows[i].clone().filter(|&u| !targets[u].ad);
            let (own, at, runner_up) = top_two(pieces.map(|u| (lex(i, k, u), u)));
            let Some(u) = at.filter(|&u| {
                own >= STACKED_LEXICAL && load[u] == 0 && paragraphs(&targets[u]) >= MIN_PARAGRAPHS
            }) else {
                return true;
            };
            if own - runner_up < STACKED_MARGIN {
                return true;
            }
            placed[i][k] = Some((u, sureness(own, own - runner_up)));
            load[u] += 1;
            false
        });
        // The one headline left unplaced on a page and the one story left
        // without a headline in its window go together, before it or
        // after it: every story has a headline and every headline a story.
        // A guess, and reported: the story holds a word of it at least.
        // (Not a photo's caption or a note, which heads nothing; nor a
        // line that shares nothing with the story, a credit or byline
        // whose shape spacing or OCR hid.)
        if let [(i, k)] = unplaced[..] {
            let mut headless = windows[i].clone().filter(|&u| {
                let t = &targets[u];
                !t.ad && load[u] == 0 && paragraphs(t) >= MIN_PARAGRAPHS
            });
            if let (Some(u), None) = (headless.next(), headless.next()) {
                if lex(i, k, u) > 0.0
                    && !crate::conventions::is_note_or_caption(&items[i].fields[k].text)
                {
                    placed[i][k] = Some((u, GUESS_SURENESS));
                    load[u] += 1;
                    guesses.push(((i, k), u));
                    unplaced.clear();
                }
            }
        }
    }
    // A column name goes with the headline printed next to it (after it,
    // else before it), or with the article it heads.
    for f in 0..flat.len() {
        let (i, k) = flat[f];
        if !items[i].fields[k].column {
            continue;
        }
        let neighbour = (f + 1..flat.len())
            .chain((0..f).rev())
            .map(|g| flat[g])
            .filter(|&(gi, gk)| !items[gi].fields[gk].column && together((i, k), (gi, gk)))
            .find_map(|(gi, gk)| placed[gi][gk]);
        let by_position = || {
            let unit = items[i].unit;
            let k = targets.partition_point(|t| t.first_unit < unit);
            [k, k.wrapping_sub(1)]
                .into_iter()
                .filter(|&t| {
                    targets
                        .get(t)
                        .is_some_and(|x| !x.ad && position(unit, x) > 0.0)
                })
                .map(|t| (t, GUESS_SURENESS))
                .next()
        };
        placed[i][k] = neighbour.or_else(by_position);
    }

    // What is left: banners, and display-shaped text that fits no article
    // as a headline, which stays with the article printed before it (or
    // after it) as running text rather than be lost or called a banner.
    let mut heads: Vec<Vec<(FieldRef, f32)>> = vec![Vec::new(); targets.len()];
    let mut banners = Vec::new();
    let mut orphans = Vec::new();
    for (i, (it, slots)) in items.iter().zip(&placed).enumerate() {
        for (k, &slot) in slots.iter().enumerate() {
            match slot {
                Some((t, sure)) => heads[t].push(((i, k), sure)),
                None if banner(i, k) || it.fields[k].column => banners.push((i, k)),
                None if unplaced.binary_search(&(i, k)).is_ok() => {}
                None => {
                    let after = targets.partition_point(|t| t.first_unit < it.unit);
                    let host = (0..after)
                        .rev()
                        .chain(after..targets.len())
                        .find(|&t| !targets[t].ad);
                    match host {
                        Some(t) => orphans.push(((i, k), t)),
                        None => banners.push((i, k)),
                    }
                }
            }
        }
    }
    // Display type printed inside the text of a piece that has no headline
    // (a column's name is none) is that piece's headline, printed where its text flows round it
    // (`…特别是沿江各⏎⏎全面动员迎战汛期⏎⏎乡镇干部群众…`), whatever its words
    // share: sure only as a guess. Not a note in brackets or a photo's
    // caption, which no headline is (`（下转第三版）`, `图为…`).
    orphans.retain(|&((i, k), t)| {
        let within = inside(items[i].unit, &targets[t]);
        let headless = heads[t]
            .iter()
            .all(|&((hi, hk), _)| items[hi].fields[hk].column);
        let heads_it =
            within && headless && !crate::conventions::is_note_or_caption(&items[i].fields[k].text);
        if heads_it {
            heads[t].push(((i, k), GUESS_SURENESS));
            guesses.push(((i, k), t));
        }
        !heads_it
    });
    Placement {
        heads,
        banners,
        guesses,
        orphans,
        unplaced,
    }
}

/// Share of a field's bigrams that another free field of its group holds
/// when the two tell one story of their own: a photo's headline and its
/// caption's first line that OCR printed over another piece's headline.
const OWN_STORY: f32 = 0.5;

/// Field `f`, unplaced, shares most of its words with another field of
/// its group that did not go to target `t`: the two are a story of their
/// own, printed next to `t`'s headline (`某州某镇举办秋季花展` / `某州的某镇近日举办秋季花`
/// above a report's headline), and `f` does not join `t`.
fn tells_another_story(
    items: &[Item],
    placed: &[Vec<Option<(usize, f32)>>],
    f: FieldRef,
    t: usize,
) -> bool {
    let own = crate::overlap::BigramSet::of([items[f.0].fields[f.1].text.as_str()]);
    if own.is_empty() {
        return false;
    }
    items[f.0].fields.iter().enumerate().any(|(k, other)| {
        k != f.1
            && placed[f.0][k].is_none_or(|(u, _)| u != t)
            && own.share_in_text([other.text.as_str()]) >= OWN_STORY
    })
}

/// Phrases set apart by space that hold clause marks (`，` `。` `、` `；`)
/// are lines of running text from columns printed side by side (OCR:
/// `某天的散步回来，她原想给    某某在信里把`), not a slogan: a page's
/// banner prints its phrases bare (`欢度佳节 同享幸福时光`).
fn runs_clauses(text: &str) -> bool {
    text.contains(['，', '。', '、', '；', ',', ';'])
}

/// How sure a placement by position alone is.
pub const GUESS_SURENESS: f32 = 0.3;

/// The highest of `scores` above 0 and where it is, and the highest of the
/// others: `(top, at, second)`, `at` none where no score is above 0.
///
/// ```text
/// [(0.2, 0), (0.5, 1), (0.3, 2)] → (0.5, Some(1), 0.3)
/// ```
pub(crate) fn top_two(scores: impl IntoIterator<Item = (f32, usize)>) -> (f32, Option<usize>, f32) {
    let mut best = (0.0f32, None, 0.0f32);
    for (score, at) in scores {
        if score > best.0 {
            best = (score, Some(at), best.0);
        } else {
            best.2 = best.2.max(score);
        }
    }
    best
}

/// How sure a placement is, from the field's lexical share in its body and
/// its lead in score over the next best article.
fn sureness(lexical: f32, margin: f32) -> f32 {
    let words = (lexical / (2.0 * MIN_LEXICAL)).min(1.0);
    (0.3 + 0.4 * words + margin.min(0.6)).clamp(0.0, 1.0)
}

/// A field's distinct bigrams into `grams` (cleared first; none for a
/// column name, which is placed by its neighbours).
fn distinct_bigrams(f: &Field, grams: &mut Vec<Bigram>) {
    grams.clear();
    if !f.column {
        for_each_bigram([f.text.as_str()], |b| grams.push(b));
        grams.sort_unstable();
        grams.dedup();
    }
}

/// The weighted share of a field's bigrams (`grams`) in the body of each
/// target of `window`, appended to `shares`; a bigram's weight is its
/// rarity among those targets, `ln((n + 1) / (df + 0.5))`.
fn weighted_shares(
    grams: &[Bigram],
    window: Range<usize>,
    postings: &Postings,
    shares: &mut Vec<f32>,
) {
    let at = shares.len();
    shares.resize(at + window.len(), 0.0);
    let shares = &mut shares[at..];
    let n = window.len() as f32;
    // The weight of a bigram held by `h` targets, each worked out once:
    // `ln` is a call to the C library, and `h` is mostly 0, 1 or 2 (a
    // holder count is at most the window's length, `2 * WINDOW`). The
    // same expression gives the same bits, cached or not.
    let mut weights = [f32::NAN; 2 * WINDOW + 1];
    let mut weight = |h: usize| -> f32 {
        let rarity = || ((n + 1.0) / (h as f32 + 0.5)).ln();
        match weights.get_mut(h) {
            Some(w) if !w.is_nan() => *w,
            Some(w) => {
                *w = rarity();
                *w
            }
            None => rarity(),
        }
    };
    let mut total = 0.0;
    for &b in grams {
        let list = postings.holders(b);
        let holders = &list[within(list, &window)];
        let w = weight(holders.len());
        total += w;
        for &t in holders {
            shares[t as usize - window.start] += w;
        }
    }
    if total > 0.0 {
        for s in shares {
            *s /= total;
        }
    }
}

/// The span of `list` (text indices, sorted) that falls in `window`. The
/// window spans every text of a page of few articles, and a list mostly
/// lies inside it: told from its ends, with no binary search (whose
/// branches, on lists of a few entries, follow no pattern).
#[inline]
fn within(list: &[u32], window: &Range<usize>) -> Range<usize> {
    let inside = |t: u32| window.contains(&(t as usize));
    match (list.first(), list.last()) {
        (Some(&first), Some(&last)) if inside(first) && inside(last) => 0..list.len(),
        _ => {
            let from = list.partition_point(|&t| (t as usize) < window.start);
            let to = list.partition_point(|&t| (t as usize) < window.end);
            from..to
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`super::place`] of text bodies, read for the fields' bigrams.
    fn place(
        items: &[Item],
        targets: &[Target],
        bodies: &[Vec<&str>],
        body_units: &[usize],
    ) -> Placement {
        let vocabulary = items.iter().flat_map(|it| &it.fields).flat_map(|f| {
            let mut grams = Vec::new();
            distinct_bigrams(f, &mut grams);
            grams
        });
        let postings = Postings::new(vocabulary, bodies);
        super::place(items, targets, &postings, body_units, false)
    }

    fn item(unit: usize, texts: &[&str]) -> Item {
        Item {
            unit,
            fields: texts
                .iter()
                .map(|t| Field {
                    lines: vec![unit],
                    text: t.to_string(),
                    capacity: 10.0,
                    wrapped: false,
                    doubled: false,
                    column: false,
                    size: 0.0,
                })
                .collect(),
        }
    }

    /// The fields placed with target `t`, in order.
    fn sorted_heads(p: &Placement, t: usize) -> Vec<FieldRef> {
        let mut fields: Vec<FieldRef> = p.heads[t].iter().map(|h| h.0).collect();
        fields.sort();
        fields
    }

    fn target(first: usize, last: usize) -> Target {
        Target::spanning(first, last)
    }

    #[test]
    fn the_top_two_scores() {
        let scores = [(0.2, 0), (0.5, 1), (0.3, 2)];
        assert_eq!(top_two(scores), (0.5, Some(1), 0.3));
        // A tie: the first holds the top, the second is as high.
        assert_eq!(top_two([(0.4, 0), (0.4, 1)]), (0.4, Some(0), 0.4));
        assert_eq!(top_two([(0.0, 0)]), (0.0, None, 0.0));
    }

    #[test]
    fn running_text_between_two_units_is_counted() {
        let counts = BodyCounts::new(&[2, 3, 7]);
        let between = |a, b| counts.between(a, b);
        assert!(between(1, 3) && between(3, 1) && between(3, 8) && between(0, 100));
        assert!(!between(2, 3) && !between(3, 7) && !between(4, 6) && !between(7, 100));
        assert!(!between(5, 5) && !BodyCounts::new(&[]).between(0, 9));
    }

    #[test]
    fn headline_goes_to_the_body_that_shares_its_words() {
        let items = [
            item(0, &["地铁职工剪纸致敬建设者"]),
            item(1, &["书屋阅读活动激发热情"]),
        ];
        let targets = [target(2, 2), target(3, 3)];
        let bodies = [
            vec!["镇总工会于职工书屋开展阅读活动，激发了职工的热情。"],
            vec!["地铁车站职工用巨幅剪纸致敬一线建设者。"],
        ];
        let p = place(&items, &targets, &bodies, &[2, 3]);
        assert_eq!(p.heads[0][0].0, (1, 0));
        assert_eq!(p.heads[1][0].0, (0, 0));
    }

    #[test]
    fn a_headline_stacked_with_anothers_heads_the_headless_piece_with_its_words() {
        // A row of headlines read before the texts: the report's, then a
        // column piece's, whose two paragraphs follow the report's and
        // hold a few of its words only (`山水画`, `四季`).
        let report = "某国议会今天选出新一届议长，新议长任期五年。";
        let scroll = "古人作画，讲究师法自然，一年四季的山水画各有不同的气韵。";
        let more = "画中的亭台楼阁，点缀在峰峦之间。";
        let items = [item(0, &["某国议会选出新一届议长", "山水画卷里的四季"])];
        let targets = [target(1, 1), target(2, 3)];
        let bodies = [vec![report], vec![scroll, more]];
        let p = place(&items, &targets, &bodies, &[1, 2, 3]);
        assert_eq!(p.heads[0].iter().map(|h| h.0).collect::<Vec<_>>(), [(0, 0)]);
        assert_eq!(p.heads[1].iter().map(|h| h.0).collect::<Vec<_>>(), [(0, 1)]);
        assert!(p.unplaced.is_empty());
        // Not a piece of one paragraph (a brief under a column's name):
        // the stacked one stays unplaced, reported.
        let targets = [target(1, 1), target(2, 2)];
        let p = place(&items, &targets, &[vec![report], vec![scroll]], &[1, 2]);
        assert_eq!(p.unplaced, [(0, 1)]);
        // Nor a piece with a headline of its own.
        let items = [
            item(0, &["某国议会选出新一届议长", "山水画卷里的四季"]),
            item(2, &["古画修复展开幕"]),
        ];
        let targets = [target(1, 1), target(3, 4)];
        let bodies = [
            vec![report],
            vec!["古画修复展今天开幕，一年四季的山水画作都有展出。", more],
        ];
        let p = place(&items, &targets, &bodies, &[1, 3, 4]);
        assert_eq!(p.heads[1].iter().map(|h| h.0).collect::<Vec<_>>(), [(1, 0)]);
        assert_eq!(p.unplaced, [(0, 1)]);
        // Nor one of two pieces that hold its words alike; nor for a
        // photo's caption.
        let targets = [target(1, 1), target(2, 3), target(4, 5)];
        let bodies = [
            vec![report],
            vec![scroll, more],
            vec!["画家说，一年四季的山水画，笔墨各有不同。", more],
        ];
        let items = [item(0, &["某国议会选出新一届议长", "山水画卷里的四季"])];
        let p = place(&items, &targets, &bodies, &[1, 2, 3, 4, 5]);
        assert_eq!(p.unplaced, [(0, 1)]);
        let items = [item(0, &["某国议会选出新一届议长", "图为山水画卷里的四季"])];
        let targets = [target(1, 1), target(2, 3)];
        let scroll = "古人作画，讲究师法自然，一年四季的山水画卷各有不同的气韵。";
        let p = place(
            &items,
            &targets,
            &[vec![report], vec![scroll, more]],
            &[1, 2, 3],
        );
        assert_eq!(p.unplaced, [(0, 1)]);
    }

    #[test]
    fn the_one_headline_left_heads_the_one_story_left_after_it() {
        // Stacked over the report's headline, a headline whose words its
        // own piece barely holds (a letter: `携手` only); that piece, the
        // one left without a headline, follows: a guess, reported.
        let report = "某国议会今天选出新一届议长，新议长任期五年。";
        let letter = "我们一家打算留在这里。邻居们每天互相照应，彼此携手，日子过得平静。";
        let more = "这里的人们让我们感到温暖。";
        let stacked = |second: &str| {
            let items = [item(0, &["某国议会选出新一届议长", second])];
            let targets = [target(1, 1), target(2, 3)];
            place(
                &items,
                &targets,
                &[vec![report], vec![letter, more]],
                &[1, 2, 3],
            )
        };
        let p = stacked("风雨来时，人类携手同行");
        assert_eq!(p.heads[1].iter().map(|h| h.0).collect::<Vec<_>>(), [(0, 1)]);
        assert_eq!(p.guesses, [((0, 1), 1)]);
        assert!(p.unplaced.is_empty());
        // Not a photo's caption.
        assert_eq!(stacked("图为风雨中携手同行的人们").unplaced, [(0, 1)]);
        // Nor a line that shares no word with the story (a credit whose
        // shape spacing hid, its words another piece's, which has all
        // the headlines it can carry).
        let sale = "城南百货公司职员赵某说，店庆促销活动将持续一周。";
        let items = [
            item(0, &["某国议会选出新一届议长", "城南百货公司职员赵某"]),
            item(4, &["城南百货", "店庆促销活动", "持续一周"]),
        ];
        let targets = [target(1, 1), target(2, 3), target(5, 6)];
        let bodies = [vec![report], vec![letter, more], vec![sale, sale]];
        let p = place(&items, &targets, &bodies, &[1, 2, 3, 5, 6]);
        assert_eq!(p.unplaced, [(0, 1)]);
        // Nor one of two stories left without a headline.
        let exhibit = "古画修复展今天开幕，展出修复后的古画五十幅。";
        let items = [item(
            0,
            &["某国议会选出新一届议长", "风雨来时，人类携手同行"],
        )];
        let targets = [target(1, 1), target(2, 3), target(4, 5)];
        let bodies = [vec![report], vec![letter, more], vec![exhibit, more]];
        let p = place(&items, &targets, &bodies, &[1, 2, 3, 4, 5]);
        assert_eq!(p.unplaced, [(0, 1)]);
    }

    #[test]
    fn a_headline_over_a_dashed_subtitle_goes_where_the_subtitle_went() {
        // A report's headline stacked over a book review's headline and
        // its dashed subtitle; the review's headline shares next to
        // nothing with any text, its subtitle names the book.
        let items = [item(
            0,
            &["两国外长举行会谈", "山间的回声", "——读《山河旧事丛书》"],
        )];
        let targets = [target(1, 1), target(2, 2)];
        let bodies = [
            vec!["两国外长今天举行会谈，就双边关系交换了意见。"],
            vec!["读完这套《山河旧事丛书》，仿佛听见山谷的回声。"],
        ];
        let p = place(&items, &targets, &bodies, &[1, 2]);
        assert_eq!(p.heads[0].iter().map(|h| h.0).collect::<Vec<_>>(), [(0, 0)]);
        let review = sorted_heads(&p, 1);
        assert_eq!(review, [(0, 1), (0, 2)]);
        assert!(p.unplaced.is_empty());
    }

    #[test]
    fn a_dashed_subtitle_read_after_a_neighbours_headline_goes_with_its_own() {
        // A row of headlines read across two columns: the subtitle came
        // out under the neighbour's headline, whose words put it with the
        // port's report; the subtitle's own words, none of that
        // report's, put it with the headline printed before.
        let items = [item(
            0,
            &[
                "全力救治患者",
                "新港码头吞吐量创新高",
                "——某市救治工作最新进展",
            ],
        )];
        let targets = [target(1, 1), target(2, 2)];
        let bodies = [
            vec!["某市全力救治患者，救治工作最新进展显示病例下降。"],
            vec!["新港码头去年吞吐量创新高，新开航线二十条。"],
        ];
        let p = place(&items, &targets, &bodies, &[1, 2]);
        let first = sorted_heads(&p, 0);
        assert_eq!(first, [(0, 0), (0, 2)]);
        assert_eq!(p.heads[1].iter().map(|h| h.0).collect::<Vec<_>>(), [(0, 1)]);
        // Where the line above was put there by its place alone (a piece
        // without a headline right under the group), the subtitle goes
        // with it still.
        let items = [item(
            2,
            &["网友为某市加油", "山间的回音", "——读《山河旧事丛书》"],
        )];
        let targets = [target(0, 1), target(3, 3)];
        let bodies = [
            vec![
                "网友为某市加油鼓劲。",
                "翻读《山河旧事丛书》，山河旧事一一在目。",
            ],
            vec!["书中写到的老街，如今已经修缮一新。"],
        ];
        let p = place(&items, &targets, &bodies, &[0, 1, 3]);
        let second = sorted_heads(&p, 1);
        assert_eq!(second, [(0, 1), (0, 2)], "{p:?}");
    }

    #[test]
    fn a_dashed_subtitle_goes_with_the_headline_above_it() {
        // The subtitle names a book that the piece printed before the
        // headline quotes; printed under the headline, it is that
        // headline's, as OCR's `一一` for the dash is too.
        for dash in ["——", "一一"] {
            let subtitle = format!("{dash}读《山河旧事丛书》");
            let items = [item(1, &["远方的灯火", &subtitle])];
            let targets = [target(0, 0), target(2, 2)];
            let bodies = [
                vec!["翻开《山河旧事丛书》，山河旧事一一在目。"],
                vec!["灯火映照远方，照亮归途。"],
            ];
            let p = place(&items, &targets, &bodies, &[0, 2]);
            let fields: Vec<FieldRef> = p.heads[1].iter().map(|h| h.0).collect();
            assert_eq!(fields, [(0, 0), (0, 1)], "{dash}");
            assert!(p.heads[0].is_empty(), "{dash}");
        }
    }

    #[test]
    fn a_group_printed_inside_its_pieces_text_goes_with_it_whole() {
        // OCR read a headline group with the column under it, inside the
        // text of its piece (units 1–4); the second line's words put it
        // there, the first shares none: its group mate takes it along.
        let items = [item(2, &["远方的灯火", "读《山河旧事丛书》有感"])];
        let targets = [target(0, 0), target(1, 4)];
        let bodies = [
            vec!["灯会今晚开幕，市民可免费入园。"],
            vec!["翻开《山河旧事丛书》，山河旧事一一在目。", "丛书共十卷。"],
        ];
        let p = place(&items, &targets, &bodies, &[0, 1, 3, 4]);
        let fields = sorted_heads(&p, 1);
        assert_eq!(fields, [(0, 0), (0, 1)]);
        assert!(p.orphans.is_empty() && p.heads[0].is_empty());
        // Not a line under the placed one: another story's headline, or a
        // photo's title, printed with it.
        let items = [item(2, &["读《山河旧事丛书》有感", "远方的灯火"])];
        let p = place(&items, &targets, &bodies, &[0, 1, 3, 4]);
        let fields: Vec<FieldRef> = p.heads[1].iter().map(|h| h.0).collect();
        assert_eq!(fields, [(0, 0)]);
        assert!(p.heads[0].is_empty());
    }

    #[test]
    fn a_line_stacked_over_a_headline_printed_after_all_the_text_does_not_join_it() {
        // The page's last group, after every body: its second line's words
        // put it with the first piece; the line over it shares no words
        // with any piece, and takes no slot of that piece's.
        let items = [
            item(1, &["社区食堂开张老人吃饭不再难"]),
            item(3, &["山区公路通车村民出行更便捷"]),
            item(5, &["春天的故事", "图书馆夜间开放受欢迎"]),
        ];
        let targets = [target(0, 0), target(2, 2), target(4, 4)];
        let bodies = [
            vec!["市图书馆自本月起夜间开放，读者可借阅到晚上十点。"],
            vec!["社区食堂开张，老人吃饭不再难。"],
            vec!["山区公路通车，村民出行更便捷。"],
        ];
        let p = place(&items, &targets, &bodies, &[0, 2, 4]);
        let fields: Vec<FieldRef> = p.heads[0].iter().map(|h| h.0).collect();
        assert_eq!(fields, [(2, 1)]);
        assert!(p.heads.iter().flatten().all(|h| h.0 != (2, 0)));
    }

    #[test]
    fn a_group_printed_apart_joins_a_headed_piece_only_on_its_words() {
        // The second group stands after the first piece's body, before the
        // second's; it shares two words (`开放`, `时间`) with the first,
        // none with the second: not enough to join a piece that has its
        // headline already, so it heads the piece it stands before.
        let items = [
            item(0, &["城市公园绿道今日开放"]),
            item(2, &["图书馆延长开放时间"]),
        ];
        let targets = [target(1, 1), target(3, 3)];
        let bodies = [
            vec!["城市公园绿道今日开放，开放时间为早六点至晚十点。"],
            vec!["读者可在周末借阅新书，书库同步上架。"],
        ];
        let p = place(&items, &targets, &bodies, &[1, 3]);
        assert_eq!(p.heads[0].iter().map(|h| h.0).collect::<Vec<_>>(), [(0, 0)]);
        assert_eq!(p.heads[1].iter().map(|h| h.0).collect::<Vec<_>>(), [(1, 0)]);
    }

    #[test]
    fn a_headline_stacked_under_another_whose_words_are_another_pieces_goes_nowhere() {
        // Two headlines stacked in one group over the first piece. The
        // second shares none of its words, and some with the third piece,
        // too few to head it from apart: a headline of its own, not the
        // first one's subtitle.
        let items = [item(
            0,
            &[
                "全市必须打好春耕和防汛两场硬仗",
                "用日记记录街巷变化的外国教师",
            ],
        )];
        let targets = [target(1, 1), target(3, 3)];
        let bodies = [
            vec!["全市春耕和防汛两场硬仗同时打响，各区必须早作准备。"],
            vec!["他在日记里写下街巷里的新年，邻居们送来饺子和春联。"],
        ];
        let p = place(&items, &targets, &bodies, &[1, 3]);
        assert_eq!(p.heads[0].iter().map(|h| h.0).collect::<Vec<_>>(), [(0, 0)]);
        assert_eq!(p.unplaced, [(0, 1)]);
        assert!(p.orphans.is_empty() && p.heads[1].is_empty());
        // A subtitle that opens with a dash goes with its headline.
        let dashed = [item(
            0,
            &[
                "全市必须打好春耕和防汛两场硬仗",
                "——用日记记录街巷变化的外国教师",
            ],
        )];
        let p = place(&dashed, &targets, &bodies, &[1, 3]);
        assert_eq!(
            p.heads[0].iter().map(|h| h.0).collect::<Vec<_>>(),
            [(0, 0), (0, 1)]
        );
        assert!(p.unplaced.is_empty());
        // Sharing no words with any piece, it goes with the first headline.
        let bodies = [
            bodies[0].clone(),
            vec!["邻居们送来饺子，一起过了个热闹年。"],
        ];
        let p = place(&items, &targets, &bodies, &[1, 3]);
        assert_eq!(
            p.heads[0].iter().map(|h| h.0).collect::<Vec<_>>(),
            [(0, 0), (0, 1)]
        );
        assert!(p.unplaced.is_empty());
    }

    #[test]
    fn a_headline_sharing_no_words_heads_the_piece_it_stands_before() {
        // Two pieces without a headline of their own, one group between
        // them whose words neither body shares: most pages print a
        // headline before its text, so it heads the second.
        let items = [item(1, &["你来了，我心安"])];
        let targets = [target(0, 0), target(2, 2)];
        let bodies = [
            vec!["读者可在周末借阅新书，书库同步上架。"],
            vec!["没有人想到，新年会以这样的方式开场。"],
        ];
        let p = place(&items, &targets, &bodies, &[0, 2]);
        assert!(p.heads[0].is_empty());
        assert_eq!(p.heads[1].iter().map(|h| h.0).collect::<Vec<_>>(), [(0, 0)]);
        assert_eq!(p.guesses, [((0, 0), 1)]);
    }

    #[test]
    fn an_ad_between_a_headline_and_a_body_parts_them() {
        // The first piece's headline is read after its text; an ad's
        // marker and the second piece's own headline follow, then that
        // piece's body. The headline shares a few words with each body
        // (`菜市`, `市场`, `营业` above; `延长`, `时间` below); across
        // the ad it does not stand right before the second, so it heads
        // the text it closes.
        let items = [
            item(1, &["菜市场延长营业时间"]),
            item(3, &["老旧小区加装电梯"]),
        ];
        let ad = Target {
            ad: true,
            ..target(2, 2)
        };
        let targets = [target(0, 0), ad, target(4, 4)];
        let bodies = [
            vec!["各个菜市的商户说，市场里营业的摊位比往年多了。"],
            vec!["广告"],
            vec!["城区今年为老旧小区加装电梯，工期延长，完工时间定在年底。"],
        ];
        let p = place(&items, &targets, &bodies, &[0, 4]);
        let heads: Vec<Vec<FieldRef>> = p
            .heads
            .iter()
            .map(|h| h.iter().map(|x| x.0).collect())
            .collect();
        assert_eq!(heads, [vec![(0, 0)], vec![], vec![(1, 0)]]);
    }

    #[test]
    fn display_type_inside_the_text_of_a_piece_without_a_headline_heads_it() {
        // Printed between two of the piece's paragraphs (units 1 and 3),
        // sharing none of its words.
        let items = [item(2, &["全面动员迎战汛期"])];
        let targets = [target(1, 3)];
        let bodies = [vec![
            "各区在前，今年的防汛工作在各级部门的共同努力下有序开展。",
        ]];
        let p = place(&items, &targets, &bodies, &[1, 3]);
        assert_eq!(p.heads[0].iter().map(|h| h.0).collect::<Vec<_>>(), [(0, 0)]);
        assert!(p.orphans.is_empty());
        // Nor a note in brackets, which no headline is.
        let items = [item(2, &["（下转第三版）"])];
        let p = place(&items, &targets, &bodies, &[1, 3]);
        assert!(p.heads[0].is_empty());
        assert_eq!(p.orphans, [((0, 0), 0)]);
        // A piece that has its headline keeps it as text.
        let items = [
            item(0, &["城区防汛工作有序开展"]),
            item(2, &["全面动员迎战汛期"]),
        ];
        let p = place(&items, &targets, &bodies, &[1, 3]);
        assert_eq!(p.heads[0].iter().map(|h| h.0).collect::<Vec<_>>(), [(0, 0)]);
        assert_eq!(p.orphans, [((1, 0), 0)]);
    }

    #[test]
    fn a_slogan_couplet_sharing_a_word_with_a_piece_is_a_banner() {
        // Four of its eleven bigrams (`困难职工`, `家园`) are in the first
        // body: more than an unrelated line shares, less than a headline.
        let items = [item(
            0,
            &["关爱困难职工 共建美好家园", "区总工会走访困难职工"],
        )];
        let targets = [target(1, 1), target(2, 2), target(3, 3)];
        let bodies = [
            vec!["区总工会走访看望困难职工，为他们的家园送去温暖。"],
            vec!["市图书馆延长开放时间，方便读者借阅。"],
            vec!["新建公园绿道本周开放，市民可骑行游览。"],
        ];
        let p = place(&items, &targets, &bodies, &[1, 2, 3]);
        assert_eq!(p.banners, [(0, 0)]);
        assert_eq!(p.heads[0].len(), 1);
    }

    #[test]
    fn two_columns_lines_printed_as_one_inside_running_text_are_no_banner() {
        // OCR printed a line of each of two columns as one, between lines
        // of running text: two phrases apart that share nothing with the
        // piece, but inside it.
        let line = "社区工作人员每天上门 市民可以凭身份证到附近药店领取";
        let bodies = [vec!["新建公园绿道本周开放，游客骑行游览。"]];
        let inside = place(&[item(2, &[line])], &[target(1, 3)], &bodies, &[1, 3]);
        assert!(inside.banners.is_empty());
        // Over the page, the same line is the page's; so it is with running
        // text on one side of it only.
        let over = place(&[item(0, &[line])], &[target(1, 3)], &bodies, &[1, 3]);
        assert_eq!(over.banners, [(0, 0)]);
        let under = place(&[item(2, &[line])], &[target(1, 1)], &bodies, &[1]);
        assert_eq!(under.banners, [(0, 0)]);
        let above = place(&[item(2, &[line])], &[target(3, 3)], &bodies, &[3]);
        assert_eq!(above.banners, [(0, 0)]);
    }

    #[test]
    fn slogans_and_unrelated_phrase_pairs_are_banners() {
        let items = [item(
            0,
            &[
                "学习贯彻大会精神 谱写新篇章",
                "关注民生 服务职工",
                "地铁职工剪纸",
            ],
        )];
        let targets = [target(1, 1)];
        let bodies = [vec!["地铁车站职工用巨幅剪纸致敬一线建设者。"]];
        let p = place(&items, &targets, &bodies, &[1]);
        assert_eq!(p.banners, [(0, 0), (0, 1)]);
        assert_eq!(p.heads[0].len(), 1);
    }
}
