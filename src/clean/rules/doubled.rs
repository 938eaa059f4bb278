//! Doubled glyphs: fake bold set by printing every glyph twice
//! (`地地铁铁职职工工`), undone line by line before cleaning.

use crate::clean::chars::{is_invisible, is_ws, opening_cjk};

/// Undoes fake-bold doubling of a whole line: `地地铁铁职职工工` → `地铁职工`.
///
/// The line's non-white-space glyphs must come in identical pairs (white
/// space anywhere is ignored), at least three pairs, and not all the same
/// glyph, so that ordinary reduplication (`天天向上`, `看看`, `哈哈哈哈`) is
/// left alone. White space that stood between two pairs comes back as one
/// space; clean the result with [`clean_display`](crate::clean::clean_display)
/// or [`clean_body`](crate::clean::clean_body).
/// `None` when the line is not doubled.
///
/// ```
/// use jianbao::clean::undouble;
/// assert_eq!(undouble("地地铁铁职职工工学学剪剪纸纸").as_deref(), Some("地铁职工学剪纸"));
/// assert_eq!(undouble("““三三心心服服务务””").as_deref(), Some("“三心服务”"));
/// assert_eq!(undouble("为为困困难难邻邻居居  送送温温暖暖").as_deref(), Some("为困难邻居 送温暖"));
/// assert_eq!(undouble("天天向上"), None);
/// assert_eq!(undouble("地铁职工学剪纸"), None);
/// ```
pub fn undouble(line: &str) -> Option<String> {
    // Most lines fail at once: test the first pair before allocating, on
    // the bytes when the line opens with two ideographs.
    let bytes = line.as_bytes();
    let first_two = opening_cjk(bytes).zip(bytes.get(3..).and_then(opening_cjk));
    if first_two.is_some_and(|(a, b)| a != b) {
        return None;
    }
    let mut glyphs = line.chars().filter(|&c| !is_invisible(c) && !is_ws(c));
    if glyphs.next() != glyphs.next() {
        return None;
    }
    let mut out = String::with_capacity(line.len() / 2 + 1);
    let mut chars = line.chars().filter(|&c| !is_invisible(c));
    let mut pairs = 0usize;
    let mut first: Option<char> = None;
    let mut distinct = false;
    let mut gap = false;
    loop {
        let a = loop {
            match chars.next() {
                None => {
                    return (pairs >= 3 && distinct).then_some(out);
                }
                Some(c) if is_ws(c) => gap = true,
                Some(c) => break c,
            }
        };
        let b = chars.find(|&c| !is_ws(c))?;
        if a != b {
            return None;
        }
        if gap && !out.is_empty() {
            out.push(' ');
        }
        gap = false;
        out.push(a);
        pairs += 1;
        match first {
            None => first = Some(a),
            Some(f) if f != a => distinct = true,
            _ => {}
        }
    }
}

/// Undoes a short run of doubled glyphs, one or two pairs (`发发` → `发`):
/// only meaningful as the wrap of a line [`undouble`] undid, since alone it
/// could be reduplication (`看看`).
///
/// ```
/// use jianbao::clean::undouble_tail;
/// assert_eq!(undouble_tail("工工作作").as_deref(), Some("工作"));
/// assert_eq!(undouble_tail("发发").as_deref(), Some("发"));
/// assert_eq!(undouble_tail("发展"), None);
/// ```
pub fn undouble_tail(line: &str) -> Option<String> {
    let glyphs: Vec<char> = line
        .chars()
        .filter(|&c| !is_invisible(c) && !is_ws(c))
        .collect();
    let pairs = glyphs.len() / 2;
    let doubled = glyphs.len().is_multiple_of(2)
        && (1..=2).contains(&pairs)
        && glyphs.chunks(2).all(|p| p[0] == p[1]);
    doubled.then(|| glyphs.iter().step_by(2).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn undoubling() {
        assert_eq!(
            undouble("地地铁铁职职工工学学剪剪纸纸").as_deref(),
            Some("地铁职工学剪纸")
        );
        assert_eq!(undouble("22001199年年").as_deref(), Some("2019年"));
        assert_eq!(undouble("公 公 交 交 职 职").as_deref(), Some("公 交 职"));
        assert_eq!(undouble("公公交交"), None);
        assert_eq!(undouble("天天向上"), None);
        assert_eq!(undouble("看看"), None);
        assert_eq!(undouble("哈哈哈哈哈哈"), None);
        assert_eq!(undouble("公公交交职"), None);
        assert_eq!(undouble(""), None);
        assert_eq!(undouble("   "), None);
    }
}
