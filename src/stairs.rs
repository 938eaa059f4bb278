//! Pass 1b — stairs: a bold headline that an extractor printed as a
//! staircase of glyph pairs, one line again.
//!
//! Display type set in fake bold draws every glyph twice, a little apart.
//! `pdftotext -raw` reads such a line a glyph pair at a time — each glyph's
//! second copy with the next glyph's first — one pair to a line, from the
//! first glyph alone to the last glyph alone:
//!
//! ```text
//! 新
//! 新西
//! 西兰        →  新西兰牧场
//! 兰牧
//! 牧场
//! 场
//! ```
//!
//! Each pair starts with the glyph the line above ends with, so no running
//! text reads so. A headline wrapped over printed lines gives one staircase
//! per line (a line of one glyph: that glyph twice).

use crate::lines::Line;
use bumpalo::Bump;

/// The lines with every staircase of glyph pairs read back into the line it
/// was printed as (see the module docs). The line spans the whole
/// staircase in the input.
///
/// ```text
/// ["加", "加拿", "拿大", "大", "本报讯…"] → ["加拿大", "本报讯…"]
/// ```
pub fn undo<'a>(lines: Vec<Line<'a>>, arena: &'a Bump) -> Vec<Line<'a>> {
    if !lines.windows(3).any(|w| starts_stairs(&w[0], &w[1])) {
        return lines;
    }
    // The staircases, each with the line read back from it.
    let mut runs = Vec::new();
    let mut i = 0;
    let mut after_stairs = false;
    while i < lines.len() {
        let end = stairs_at(&lines, i).or_else(|| {
            // A printed line of one glyph, after a staircase: twice.
            (after_stairs && i + 1 < lines.len() && single_twice(&lines[i], &lines[i + 1]))
                .then_some(i + 1)
        });
        after_stairs = end.is_some();
        match end {
            Some(end) => {
                runs.push((i, end, joined(&lines[i..=end], arena)));
                i = end + 1;
            }
            None => i += 1,
        }
    }
    let mut out = Vec::with_capacity(lines.len());
    let mut runs = runs.into_iter().peekable();
    let mut skip_to = 0;
    for (i, line) in lines.into_iter().enumerate() {
        if let Some((start, end, _)) = runs.peek() {
            if i == *start {
                skip_to = *end + 1;
                out.push(runs.next().expect("peeked").2);
            }
        }
        if i >= skip_to {
            out.push(line);
        }
    }
    out
}

/// One glyph, then a pair that starts with it.
fn starts_stairs(a: &Line, b: &Line) -> bool {
    a.glyph_count == 1 && b.glyph_count == 2 && a.key.chars().next() == b.key.chars().next()
}

/// The last line of the staircase that starts at line `i`, if one does:
/// a glyph alone, one pair or more each starting with the glyph the line
/// above ends with (a two-glyph line: `工`, `工作`, `作`), and the last glyph
/// alone.
fn stairs_at(lines: &[Line], i: usize) -> Option<usize> {
    if i + 2 >= lines.len() || !starts_stairs(&lines[i], &lines[i + 1]) {
        return None;
    }
    let mut last = lines[i + 1].key.chars().nth(1)?;
    let mut j = i + 2;
    while j < lines.len() {
        let mut cs = lines[j].key.chars();
        match (cs.next(), cs.next(), cs.next()) {
            (Some(a), Some(b), None) if a == last => {
                last = b;
                j += 1;
            }
            (Some(a), None, None) if a == last => return Some(j),
            _ => return None,
        }
    }
    None
}

/// Two lines of the same one glyph.
fn single_twice(a: &Line, b: &Line) -> bool {
    a.glyph_count == 1 && a.key == b.key
}

/// The line a staircase was printed as: its first glyph, then the second
/// glyph of each pair.
fn joined<'a>(stairs: &[Line<'a>], arena: &'a Bump) -> Line<'a> {
    let mut text = bumpalo::collections::String::new_in(arena);
    let first = &stairs[0];
    text.push_str(first.key);
    for l in &stairs[1..stairs.len() - 1] {
        text.extend(l.key.chars().nth(1));
    }
    let mut line = Line::new(text.into_bump_str(), first.span[0], first.col, arena);
    line.span = [first.span[0], stairs[stairs.len() - 1].span[1]];
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(text: &str) -> Vec<String> {
        let arena = Bump::new();
        let lines = undo(crate::lines::split(text, &arena), &arena);
        lines
            .iter()
            .filter(|l| !l.is_blank())
            .map(|l| l.raw.to_string())
            .collect()
    }

    #[test]
    fn a_staircase_of_pairs_is_one_line() {
        assert_eq!(
            keys("社区新闻\n春\n春风\n风送\n送暖\n暖\n本报讯 近日，某区开展活动。\n"),
            ["社区新闻", "春风送暖", "本报讯 近日，某区开展活动。"]
        );
    }

    #[test]
    fn a_wrapped_headline_gives_a_staircase_per_line_and_one_glyph_twice() {
        assert_eq!(
            keys("城\n城市\n市公\n公园\n园\n开\n开放\n放\n日\n日\n正文第一句。\n"),
            ["城市公园", "开放", "日", "正文第一句。"]
        );
    }

    #[test]
    fn running_text_and_near_misses_stay() {
        // No pair starting with the glyph above; no last glyph alone; a
        // glyph twice with no staircase before it.
        for text in [
            "春\n风送\n暖\n",
            "春\n春风\n风送\n",
            "好\n好\n",
            "甲\n甲乙\n丙\n",
        ] {
            let lines: Vec<&str> = text.lines().collect();
            assert_eq!(keys(text), lines, "{text}");
        }
    }

    #[test]
    fn the_line_spans_the_whole_staircase() {
        let text = "春\n春风\n风\n正文。\n";
        let arena = Bump::new();
        let lines = undo(crate::lines::split(text, &arena), &arena);
        assert_eq!(lines[0].span, [0, 6]);
        assert_eq!(lines[1].raw, "正文。");
    }
}
