//! Pass 7c — a headline placed across a piece: a piece's opening paragraphs
//! that a subhead, or its own headline, cut off from the rest of its text.
//!
//! A feature may open with a paragraph or two, then run its first subhead.
//! Segmentation reads the subhead as the next piece's headline when its
//! words are not the opening's, and the headline printed above the opening
//! then finds its words in the text under the subhead:
//!
//! ```text
//! 某地日记：城南水厂不能断水！      ← the headline, placed with piece B
//! 一户人家每天用水…要用多少吨水？    ← piece A: no headline of its own
//! 答案是：六万吨！
//! 一天送出九百车                      ← the subhead, placed with piece B
//! 2月29日，…来到城南水厂…九百车清水…  ← piece B
//! ```
//!
//! Placement gave piece B both the headline printed right above piece A
//! and the display line between A and B, and gave A nothing: A and B are
//! one article, and that display line is its subhead
//! ([`placed_across_headless`]). Bodies and placement run again with the two
//! pieces joined ([`crate::segment::join_pieces`]).
//!
//! OCR cuts a report the same way when it reads the dated lead under a
//! headline printed across the columns before that headline: the lead is
//! a piece of its own, the text under the headline another. Where the lead
//! restates the headline's words and the text under it carries them on,
//! the two are one article under that headline
//! ([`opening_read_before_its_headline`],
//! [`crate::segment::join_under_headline`]).

use crate::assemble::Bodies;
use crate::place::{Item, Placement, Target};
use crate::segment::Opening;

/// Most lines of the display line between the two pieces: a subhead.
const MAX_SUBHEAD_LINES: usize = 2;
/// Most paragraphs of a dated opening that OCR read before its headline.
const MAX_CUT_OPENING: usize = 2;
/// The opening holds this share of its headline's bigrams at least (a lead
/// restates its headline's words; two reports in a row seldom share so
/// many).
const MIN_OPENING_SHARE: f32 = 0.3;
/// The text under the headline holds this share of its bigrams at least:
/// it carries the report on.
const MIN_CARRIED_SHARE: f32 = 0.1;

/// The pieces to join, as the first units of each piece without a headline
/// and of the piece after it, where placement gave the second both a
/// headline printed right above the first (no other piece between) and the
/// one display field printed between the two, of at most
/// [`MAX_SUBHEAD_LINES`] lines, and gave the first none.
///
/// `targets` come in the order of the units they span.
pub fn placed_across_headless(
    items: &[Item],
    placement: &Placement,
    targets: &[Target],
) -> Vec<(usize, usize)> {
    let mut joins = Vec::new();
    for t in 0..targets.len().saturating_sub(1) {
        let (a, b) = (&targets[t], &targets[t + 1]);
        if a.ad || b.ad || !placement.heads[t].is_empty() || a.last_unit >= b.first_unit {
            continue;
        }
        let after_previous = t.checked_sub(1).map_or(0, |p| targets[p].last_unit + 1);
        let units = |(i, _): (usize, usize)| items[i].unit;
        let heads = &placement.heads[t + 1];
        let above_a = heads
            .iter()
            .any(|&(f, _)| (after_previous..a.first_unit).contains(&units(f)));
        let between: Vec<(usize, usize)> = heads
            .iter()
            .map(|&(f, _)| f)
            .filter(|&f| (a.last_unit + 1..b.first_unit).contains(&units(f)))
            .collect();
        let subhead = match between[..] {
            [(i, k)] => items[i].fields[k].lines.len() <= MAX_SUBHEAD_LINES,
            _ => false,
        };
        if above_a && subhead {
            joins.push((a.first_unit, b.first_unit));
        }
    }
    joins
}

/// The pieces to join, as the first units of a piece that opens with a
/// dateline, one or two paragraphs long, and of the piece right after it,
/// where the only headlines placement gave either are printed between the
/// two, the first piece holds [`MIN_OPENING_SHARE`] of one's words and the
/// second [`MIN_CARRIED_SHARE`]: OCR read a report's dated lead before the
/// headline printed across the columns above it, and the text under the
/// headline carries the report on (`本报讯 某市今年新修绿道三十公里。⏎
/// 某市新修绿道三十公里⏎据介绍，新修绿道…`). Both pieces are one article;
/// its headline stays for placement.
pub fn opening_read_before_its_headline(
    items: &[Item],
    placement: &Placement,
    bodies: &Bodies,
) -> Vec<(usize, usize)> {
    let targets = &bodies.targets;
    let mut joins = Vec::new();
    for t in 0..targets.len().saturating_sub(1) {
        let (a, b) = (&targets[t], &targets[t + 1]);
        let (opening, next) = (&bodies.articles[t], &bodies.articles[t + 1]);
        if a.ad
            || b.ad
            || a.last_unit >= b.first_unit
            || opening.1 != Opening::Lead
            || next.1 == Opening::Lead
            || opening.0.blocks.len() > MAX_CUT_OPENING
        {
            continue;
        }
        let heads: Vec<(usize, usize)> = placement.heads[t]
            .iter()
            .chain(&placement.heads[t + 1])
            .map(|&(f, _)| f)
            .collect();
        let between =
            |&(i, _): &(usize, usize)| (a.last_unit + 1..b.first_unit).contains(&items[i].unit);
        if heads.is_empty() || !heads.iter().all(between) {
            continue;
        }
        let share = |k: usize, text: &str| {
            let blocks = &bodies.articles[k].0.blocks;
            crate::overlap::coverage_in(text, blocks.iter().map(|b| b.text.as_str()))
        };
        let restated = heads.iter().any(|&(i, k)| {
            let text = &items[i].fields[k].text;
            share(t, text) >= MIN_OPENING_SHARE && share(t + 1, text) >= MIN_CARRIED_SHARE
        });
        if restated {
            joins.push((a.first_unit, b.first_unit));
        }
    }
    joins
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::heads::Field;

    fn item(unit: usize, lines: usize) -> Item {
        Item {
            unit,
            fields: vec![Field {
                lines: (0..lines).collect(),
                text: String::new(),
                capacity: 10.0,
                wrapped: lines > 1,
                doubled: false,
                column: false,
                size: 0.0,
            }],
        }
    }

    fn target(first: usize, last: usize) -> Target {
        Target::spanning(first, last)
    }

    #[test]
    fn a_headline_above_a_headless_opening_placed_past_its_subhead_joins_the_two() {
        // Headline (unit 0), opening paragraphs (1–2), subhead (3), text
        // (4–6).
        let items = [item(0, 2), item(3, 1)];
        let targets = [target(1, 2), target(4, 6)];
        let placement = Placement {
            heads: vec![vec![], vec![((0, 0), 0.8), ((1, 0), 0.9)]],
            ..Placement::default()
        };
        assert_eq!(
            placed_across_headless(&items, &placement, &targets),
            [(1, 4)]
        );
        // The first piece has a headline of its own: two pieces.
        let placement = Placement {
            heads: vec![vec![((1, 0), 0.6)], vec![((0, 0), 0.8)]],
            ..Placement::default()
        };
        assert!(placed_across_headless(&items, &placement, &targets).is_empty());
        // The display between them is a headline of three lines: two
        // pieces.
        let items = [item(0, 2), item(3, 3)];
        let placement = Placement {
            heads: vec![vec![], vec![((0, 0), 0.8), ((1, 0), 0.9)]],
            ..Placement::default()
        };
        assert!(placed_across_headless(&items, &placement, &targets).is_empty());
    }
}
