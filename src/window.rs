//! Inputs far longer than any page: read in windows.
//!
//! A newspaper page is at most a few tens of thousands of characters and a
//! few hundred lines. An input longer than [`WINDOWED_ABOVE`] bytes, or of
//! more than [`WINDOW_LINES`] line breaks (a whole issue without form
//! feeds, a dump, a hostile shape such as a million one-character lines),
//! is cut into windows of at most [`WINDOW_BYTES`] and [`WINDOW_LINES`],
//! each parsed as a page by the passes, and the windows' pages are put
//! together into one. So the passes' working memory (a line table, units,
//! layout, the headline vocabulary) is that of one window at a time, and
//! their cost per window is bounded whatever the input's shape: the whole
//! parse is linear in the input, however any one pass grows with a page.
//!
//! [`cut`] prefers to cut after a form feed or a blank line, where one
//! article ends and another begins, else after any line break, else (a
//! line longer than a window) after a sentence end, else between two
//! characters. Any shorter input is one window, parsed exactly as before; a
//! windowed page says so in a warning `windowed`.

use crate::{Article, Page, Warning};
use std::ops::Range;

/// Inputs longer than this, in bytes, are read in windows: about ten
/// times the longest page seen (the longest sample and corpus pages are
/// about 23 KB, and no page of a broadsheet holds much more text), so that
/// no real page is cut, whatever spacing its extractor wrote.
pub const WINDOWED_ABOVE: usize = 256 * 1024;

/// Bytes of text in one window, once an input is windowed: about three
/// pages. Small enough that a pass which grows faster than its page (the
/// headline vocabulary, placement over many display lines) costs little
/// more per byte in a window than in a page, so that the whole parse stays
/// linear; large enough that few articles are cut.
pub const WINDOW_BYTES: usize = 64 * 1024;

/// Line-break bytes (`\n` and `\r`, so a CRLF counts two) in one window,
/// and above which an input is windowed whatever its bytes: over twenty
/// times the lines of the longest page seen (about 700), so that a page
/// set one glyph a line (vertical text read across) still fits. It bounds
/// the per-line working memory of inputs of very short lines, which are
/// many lines to few bytes.
pub const WINDOW_LINES: usize = 16 * 1024;

/// Where a line longer than a window is cut, in order of preference: after
/// the last sentence end in the window's second half, else after the last
/// clause mark there.
const LINE_CUTS: [&[&str]; 2] = [&["。", "！", "？"], &["，", "；", "、", " "]];

/// The form feed extractors write between pages.
const FORM_FEED: u8 = 0x0c;

/// One window: its bytes in the input, and where it starts in UTF-16 code
/// units (what its page's spans are moved by).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Window {
    /// Its text, `[start, end)` in bytes of the input.
    pub bytes: Range<usize>,
    /// Where it starts in UTF-16 code units.
    pub start_utf16: u32,
}

/// The windows of `text`, in order, covering it with no gap: one window
/// unless it is longer than [`WINDOWED_ABOVE`] bytes or holds more than
/// [`WINDOW_LINES`] line-break bytes. Linear in the text.
///
/// ```
/// use jianbao::window::{cut, WINDOWED_ABOVE, WINDOW_BYTES};
///
/// let page = "标题\n本报讯 近日，某工会开展活动。\n\n".repeat(1000);
/// assert_eq!(cut(&page).len(), 1);
/// let dump = page.repeat(WINDOWED_ABOVE / page.len() + 1);
/// let windows = cut(&dump);
/// assert!(windows.len() > dump.len() / WINDOW_BYTES);
/// // Each window but the last ends after a blank line, where an article ends.
/// assert!(windows[..windows.len() - 1]
///     .iter()
///     .all(|w| dump[w.bytes.clone()].ends_with("\n\n")));
/// ```
pub fn cut(text: &str) -> Vec<Window> {
    let whole = Window {
        bytes: 0..text.len(),
        start_utf16: 0,
    };
    if text.len() <= WINDOWED_ABOVE && line_break_bytes(text.as_bytes()) <= WINDOW_LINES {
        return vec![whole];
    }
    let mut windows = Vec::new();
    let (mut start, mut start_utf16) = (0usize, 0u32);
    loop {
        let end = start + next_cut(&text.as_bytes()[start..]);
        windows.push(Window {
            bytes: start..end,
            start_utf16,
        });
        if end >= text.len() {
            return windows;
        }
        start_utf16 = start_utf16.saturating_add(crate::lines::utf16_len(&text[start..end]));
        start = end;
    }
}

/// How many `\n` and `\r` bytes `bytes` holds: each byte counted in one
/// vectorised pass per byte value, cheaper than finding the breaks one by
/// one.
fn line_break_bytes(bytes: &[u8]) -> usize {
    memchr::memchr_iter(b'\n', bytes).count() + memchr::memchr_iter(b'\r', bytes).count()
}

/// Where the window that starts `rest` ends, in bytes: all of `rest` when
/// it fits one window; else after the last form feed in the window's second
/// half, else after the last blank line there, else after the window's last
/// line break, else (a line longer than a window) after the last sentence
/// end or clause mark in the window's second half (see [`LINE_CUTS`]), else
/// between two characters.
fn next_cut(rest: &[u8]) -> usize {
    let mut limit = rest.len().min(WINDOW_BYTES);
    if let Some(at) = memchr::memchr2_iter(b'\n', b'\r', &rest[..limit]).nth(WINDOW_LINES) {
        limit = at;
    }
    if limit == rest.len() {
        return limit;
    }
    let half = limit / 2;
    if let Some(at) = memchr::memrchr(FORM_FEED, &rest[half..limit]) {
        return half + at + 1;
    }
    // Lines backwards from the limit, each ending at a line break; cut
    // after the terminator of the last blank one.
    let mut line_end = limit;
    let mut last_break: Option<usize> = None;
    while let Some(at) = memchr::memrchr2(b'\n', b'\r', &rest[..line_end]) {
        // A CRLF pair is one line break, starting at its CR.
        let at = if rest[at] == b'\n' && at > 0 && rest[at - 1] == b'\r' {
            at - 1
        } else {
            at
        };
        let after = after_break(rest, at);
        if after > limit {
            // A CR at the limit whose LF lies beyond: look further back.
            line_end = at;
            continue;
        }
        if last_break.is_none() {
            last_break = Some(after);
            if at < half {
                break;
            }
        }
        let line_start = memchr::memrchr2(b'\n', b'\r', &rest[..at]).map_or(0, |b| b + 1);
        if line_start < half {
            break;
        }
        if std::str::from_utf8(&rest[line_start..at]).is_ok_and(|s| s.trim().is_empty()) {
            return after;
        }
        line_end = at;
    }
    if let Some(after) = last_break {
        return after;
    }
    // A line longer than a window: cut after its last sentence end or
    // clause mark in the window's second half, else between two characters.
    line_cut(&rest[half..limit]).map_or_else(
        || {
            // A UTF-8 continuation byte (10xxxxxx) is inside a character.
            let mut at = limit;
            while at > 0 && rest[at] & 0xC0 == 0x80 {
                at -= 1;
            }
            at
        },
        |at| half + at,
    )
}

/// Where in `span` a line longer than a window is cut: after its last
/// sentence end, else after its last clause mark (see [`LINE_CUTS`]); one
/// scan backwards from its end, which stops at the first sentence end.
fn line_cut(span: &[u8]) -> Option<usize> {
    let [sentences, clauses] = LINE_CUTS;
    let mut clause = None;
    for end in (1..=span.len()).rev() {
        let ends_with = |marks: &[&str]| marks.iter().any(|m| span[..end].ends_with(m.as_bytes()));
        if ends_with(sentences) {
            return Some(end);
        }
        if clause.is_none() && ends_with(clauses) {
            clause = Some(end);
        }
    }
    clause
}

/// The byte after the line break at `at` (`\n`, `\r`, or `\r\n`).
fn after_break(rest: &[u8], at: usize) -> usize {
    if rest[at] == b'\r' && rest.get(at + 1) == Some(&b'\n') {
        at + 2
    } else {
        at + 1
    }
}

/// Adds a window's page to the page of the windows before it, and returns
/// its articles: its spans are moved to index the whole input, its banners
/// and warnings go after theirs; of the furniture, the first date (with its
/// weekday) and each staff credit, e-mail address and telephone number not
/// already there. The figure and the page-wide warnings (`not_newspaper`,
/// `empty_input`) are left to [`finish`], with what `acc` gathers for them.
pub(crate) fn append(
    page: &mut Page,
    mut part: Page,
    window: &Window,
    acc: &mut Looks,
) -> Vec<Article> {
    crate::pages::shift_spans(&mut part, window.start_utf16);
    let info = &mut page.page;
    let from = part.page;
    if info.date.is_none() && from.date.is_some() {
        info.date = from.date;
        info.weekday = from.weekday;
    } else if info.weekday.is_none() {
        info.weekday = from.weekday;
    }
    for staff in from.staff {
        if !info.staff.contains(&staff) {
            info.staff.push(staff);
        }
    }
    for email in from.emails {
        if !info.emails.contains(&email) {
            info.emails.push(email);
        }
    }
    for phone in from.phones {
        if !info.phones.contains(&phone) {
            info.phones.push(phone);
        }
    }
    info.spans.extend(from.spans);
    page.banners.extend(part.banners);
    page.banner_spans.extend(part.banner_spans);
    page.banner_confidence.extend(part.banner_confidence);
    let empty = part.warnings.iter().any(|w| w.code == "empty_input");
    page.warnings.extend(
        part.warnings
            .into_iter()
            .filter(|w| !matches!(w.code.as_str(), "not_newspaper" | "empty_input")),
    );
    if !empty {
        let bytes = window.bytes.len() as f64;
        acc.bytes += bytes;
        acc.sum += part.looks_like_newspaper * bytes;
    }
    part.articles
}

/// What [`append`] gathers for the page's figure: the bytes of the windows
/// that held text, and the sum of their figures weighted by their bytes.
#[derive(Debug, Default)]
pub(crate) struct Looks {
    bytes: f64,
    sum: f64,
}

/// The page of all `windows` once each is appended: the figure (the
/// windows' own, weighted by their bytes), a `windowed` warning first, and
/// the page-wide warnings a page parsed whole would have.
pub(crate) fn finish(mut page: Page, windows: usize, looks: Looks) -> Page {
    let has_text = looks.bytes > 0.0;
    page.looks_like_newspaper = if has_text {
        (looks.sum / looks.bytes * 100.0).round() / 100.0
    } else {
        0.0
    };
    page.warnings.insert(
        0,
        Warning {
            code: "windowed".into(),
            message: format!(
                "the input is longer than a page: read in {windows} windows of at most {} KiB and {WINDOW_LINES} lines each, cut between lines (at a form feed or blank line where one was near), so an article across a cut is read as two",
                WINDOW_BYTES / 1024
            ),
            spans: Vec::new(),
        },
    );
    if has_text {
        if let Some(w) = crate::assemble::not_newspaper(page.looks_like_newspaper) {
            page.warnings.push(w);
        }
    } else {
        page.warnings.push(crate::assemble::empty_input());
    }
    page
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The windows' texts, which must join to the input.
    fn pieces(text: &str) -> Vec<&str> {
        let windows = cut(text);
        let mut at = 0;
        let mut units = 0;
        for w in &windows {
            assert_eq!(w.bytes.start, at);
            assert_eq!(w.start_utf16, units);
            units += text[w.bytes.clone()].encode_utf16().count() as u32;
            at = w.bytes.end;
        }
        assert_eq!(at, text.len());
        windows.iter().map(|w| &text[w.bytes.clone()]).collect()
    }

    #[test]
    fn a_page_is_one_window() {
        let long = "正文。\n".repeat(WINDOW_LINES / 2);
        let wide = "正".repeat(WINDOWED_ABOVE / 3);
        for text in ["", "文", "本报讯\n\n正文。\n", &long, &wide] {
            assert_eq!(cut(text).len(), 1);
        }
    }

    #[test]
    fn windows_are_cut_at_blank_lines_where_they_can() {
        let item = "标题\r\n本报讯（记者 张三）近日，某工会开展活动。\r\n\r\n";
        let text = item.repeat(2 * WINDOWED_ABOVE / item.len());
        let pieces = pieces(&text);
        assert!(
            pieces.len() >= 2 * WINDOWED_ABOVE / WINDOW_BYTES,
            "{}",
            pieces.len()
        );
        for p in &pieces {
            assert!(p.len() <= WINDOW_BYTES);
            assert!(p.starts_with("标题"), "{:?}", &p[..20]);
        }
    }

    #[test]
    fn form_feeds_come_before_blank_lines() {
        // A page of about 41 KB: its form feed in the first window's second
        // half, with blank lines after it in the window.
        let page = "正文正文正文正文正文正文。\n\n".repeat(1000);
        let text = format!("{page}\u{c}{}", page.repeat(8));
        let pieces = pieces(&text);
        assert_eq!(pieces[0], format!("{page}\u{c}"));
    }

    #[test]
    fn many_short_lines_are_cut_by_count() {
        for text in [
            "\n".repeat(3 * WINDOW_LINES),
            "\r".repeat(3 * WINDOW_LINES),
            "文\r\n".repeat(3 * WINDOW_LINES),
        ] {
            let pieces = pieces(&text);
            assert!((3..=6).contains(&pieces.len()), "{}", pieces.len());
            for p in &pieces {
                assert!(
                    memchr::memchr2_iter(b'\n', b'\r', p.as_bytes()).count() <= 2 * WINDOW_LINES
                );
                // A CRLF pair is never cut.
                assert!(!p.starts_with('\n') || !text.starts_with('文'));
            }
        }
    }

    #[test]
    fn a_line_longer_than_a_window_is_cut_at_a_sentence_end_or_a_character() {
        // No sentence end: cut between characters, the windows full.
        let long = "文".repeat(WINDOWED_ABOVE);
        let text = format!("短\n{long}\n尾\n");
        let got = pieces(&text);
        assert_eq!(got[0], "短\n");
        assert!(got[1..got.len() - 1]
            .iter()
            .all(|p| p.len() > WINDOW_BYTES - 4));
        assert_eq!(got.concat(), text);
        // Sentences: each window ends after one.
        let prose = "这是一句话，说得很长很长。".repeat(WINDOWED_ABOVE / 30);
        let got = pieces(&prose);
        assert!(got.len() > 4, "{}", got.len());
        assert!(got.iter().all(|p| p.ends_with('。')));
    }
}
