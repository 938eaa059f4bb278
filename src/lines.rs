//! Pass 1 — lines: split the input into lines with their source ranges, and
//! measure the page's layout from line-width statistics.

use crate::conventions::Marks;
use crate::Span;
use bumpalo::Bump;
use std::borrow::Cow;

/// One input line.
#[derive(Debug, Clone)]
pub struct Line<'a> {
    /// The line as printed, without its terminator and outer white space.
    pub raw: &'a str,
    /// Where `raw` lies in the input, in UTF-16 code units.
    pub span: Span,
    /// Match form: full-width ASCII folded, `**` markup and all white space
    /// removed. Empty for a blank line. `raw` itself when that is already in
    /// match form, as most lines of running text are; else built in the
    /// page's arena.
    pub key: &'a str,
    /// Glyphs in `key`.
    pub glyph_count: u32,
    /// Some char of `raw` is one [`fold_width`](crate::clean::fold_width)
    /// changes (full-width ASCII, U+3000, U+FEFF); see [`Line::folded`].
    pub folds: bool,
    /// The chars of `key` that line conventions' quick tests look for.
    pub marks: Marks,
    /// Some char of `key` is an ASCII letter or digit (full width folded).
    pub latin: bool,
    /// Printed width in ideograph cells: a CJK glyph or full-width mark is 1,
    /// an ASCII glyph or a space ½ (spaces inside a line stand for the
    /// justification of the printed column, so they count).
    pub width: f32,
    /// Printed width of the glyphs alone, white space not counted.
    pub glyphs: f32,
    /// Longest run of white space inside the line, in characters (at most
    /// `u16::MAX`: a line keeps to 64 bytes).
    pub widest_gap: u16,
    /// White space right after a comma, enumeration comma, semicolon, colon,
    /// full stop or closing bracket: `座谈中， 区文化馆`, `年初, "亲子`
    /// (see [`after_clause_punct`]).
    pub clause_gap: bool,
    /// Opens with a paragraph indent: `　　`, a tab, two to eight spaces
    /// (more is centring, not an indent).
    pub indent: bool,
    /// Full-width letters and digits (`１９９７`): a cell wide each in
    /// `width`, though some typesetters print them half width.
    pub wide_alnum: u16,
    /// Character column of the first glyph in the printed line.
    pub col: u32,
    /// A piece of a printed line cut out by column unfolding: the next line
    /// in order need not follow it in the input.
    pub piece: bool,
}

impl<'a> Line<'a> {
    /// A line of `raw` text starting at UTF-16 offset `start`, its first
    /// glyph at character column `col` of the printed line. One pass over
    /// the characters gives the span's end, the key, the widths and the
    /// widest gap. A key that differs from `raw` is built in `arena`.
    pub fn new(raw: &'a str, start: u32, col: u32, arena: &'a Bump) -> Self {
        // UTF-16 code units, and widths in half cells (exact; converted at
        // the end).
        let mut units = 0u32;
        let (mut width2, mut glyphs2) = (0u32, 0u32);
        let (mut gap, mut widest_gap, mut glyph_count) = (0u32, 0u32, 0u32);
        // The key stays borrowed until the first character it must drop or
        // fold; from there on it is built in `owned`, a run of kept
        // characters at a time (`kept` is where the current run began).
        let mut owned: Option<bumpalo::collections::String<'a>> = None;
        let new_key = || bumpalo::collections::String::with_capacity_in(raw.len(), arena);
        let mut kept = 0;
        let mut skip_markup = false;
        let mut folds = false;
        let mut wide_alnum = 0u16;
        let mut clause_gap = false;
        let mut marks = Marks::default();
        let mut latin = false;
        // The char before `at` was one of a run of ideographs and CJK
        // punctuation.
        let mut after_wide = false;
        let mut at = 0;
        while at < raw.len() {
            // The common case: a run of ideographs and CJK punctuation, one
            // cell each, kept as they are.
            let run = crate::clean::wide_run_with(&raw.as_bytes()[at..], |c| marks.add(c));
            let prev_wide = std::mem::replace(&mut after_wide, run > 0);
            if run > 0 {
                let n = (run / 3) as u32;
                units += n;
                width2 += 2 * n;
                glyphs2 += 2 * n;
                glyph_count += n;
                gap = 0;
                at += run;
                continue;
            }
            // Next most common: a space (dropped from the key) or a
            // printable ASCII glyph other than `*` (kept), half a cell each.
            match raw.as_bytes()[at] {
                b' ' => {
                    units += 1;
                    width2 += 1;
                    clause_gap |= gap == 0 && after_clause_punct(&raw.as_bytes()[..at]);
                    gap += 1;
                    widest_gap = widest_gap.max(gap);
                    owned.get_or_insert_with(new_key).push_str(&raw[kept..at]);
                    at += 1;
                    kept = at;
                    continue;
                }
                b @ (b'!'..=b')' | b'+'..=b'~') => {
                    // A comma, colon, semicolon or bracket next to Chinese
                    // text stands for a full-width one (OCR and some
                    // extractors print it half width): a cell wide as
                    // printed. (OCR reads `?` and `!` for other glyphs too.)
                    let cell2 = if matches!(b, b',' | b':' | b';' | b'(' | b')')
                        && (prev_wide || raw.as_bytes().get(at + 1).is_some_and(|&n| n >= 0xe3))
                    {
                        2
                    } else {
                        1
                    };
                    units += 1;
                    width2 += cell2;
                    glyphs2 += cell2;
                    glyph_count += 1;
                    gap = 0;
                    marks.add(u32::from(b));
                    latin |= b.is_ascii_alphanumeric();
                    at += 1;
                    continue;
                }
                _ => {}
            }
            let Some(c) = raw[at..].chars().next() else {
                break;
            };
            let next = at + c.len_utf8();
            units += c.len_utf16() as u32;
            if crate::clean::is_cjk(c) {
                after_wide = true;
                // A rarer ideograph (extension A, compatibility forms).
                marks.add(crate::clean::utf8_key(c));
                width2 += 2;
                glyphs2 += 2;
                glyph_count += 1;
                gap = 0;
                at = next;
                continue;
            }
            folds |= crate::clean::folds(c);
            if matches!(c, '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ') {
                wide_alnum = wide_alnum.saturating_add(1);
            }
            let cell2 = if c.is_ascii() || c == '\u{a0}' { 1 } else { 2 };
            width2 += cell2;
            let space = c.is_whitespace();
            if space {
                clause_gap |= gap == 0 && after_clause_punct(&raw.as_bytes()[..at]);
                gap += 1;
                widest_gap = widest_gap.max(gap);
            } else {
                gap = 0;
                glyphs2 += cell2;
            }
            // `**` markup: both stars go.
            let markup = skip_markup || (c == '*' && raw.as_bytes().get(next) == Some(&b'*'));
            skip_markup = markup && !skip_markup;
            let drop = space || markup || c.is_control() || c == '\u{feff}';
            let folded = match c {
                '\u{ff01}'..='\u{ff5e}' => crate::clean::fold_char(c),
                _ => c,
            };
            if drop || folded != c {
                let key = owned.get_or_insert_with(new_key);
                key.push_str(&raw[kept..at]);
                if !drop {
                    key.push(folded);
                }
                kept = next;
            }
            if !drop {
                glyph_count += 1;
                marks.add(crate::clean::utf8_key(folded));
                latin |= folded.is_ascii_alphanumeric();
            }
            at = next;
        }
        let key = match owned {
            Some(mut key) => {
                key.push_str(&raw[kept..]);
                key.into_bump_str()
            }
            None => raw,
        };
        // A rule printed between pieces (`——————`, `* * *`) parts them as
        // a blank line does, and holds no text.
        let key = if is_rule(key) { "" } else { key };
        Line {
            raw,
            span: [start, start + units],
            key,
            folds,
            marks,
            latin,
            glyph_count,
            width: width2 as f32 / 2.0,
            glyphs: glyphs2 as f32 / 2.0,
            widest_gap: widest_gap.try_into().unwrap_or(u16::MAX),
            clause_gap,
            wide_alnum,
            indent: false,
            col,
            piece: false,
        }
    }

    /// `raw` width-folded ([`fold_width`](crate::clean::fold_width)),
    /// borrowed when nothing folds.
    pub fn folded(&self) -> Cow<'a, str> {
        if self.folds {
            crate::clean::fold_width(self.raw)
        } else {
            Cow::Borrowed(self.raw)
        }
    }

    pub fn is_blank(&self) -> bool {
        self.key.is_empty()
    }

    /// Glyph count of the key.
    pub fn len(&self) -> usize {
        self.glyph_count as usize
    }
}

/// Widest gap (spaces) of a line OCR read off a picture.
const SCATTER_GAP: u16 = 5;

/// OCR's reading of a picture or a rule: a few glyphs and Latin debris
/// scattered far apart on one line (`人          AM]一`), at most three
/// ideographs and no digit: no text of the page. (Read only between
/// sentences: inside one, OCR's debris is kept as the text printed there.)
fn is_scatter(key: &str) -> bool {
    let ideographs = key.chars().filter(|&c| crate::clean::is_cjk(c)).count();
    ideographs <= 3 && !key.bytes().any(|b| b.is_ascii_digit())
}

/// Most glyphs of a stray mark standing alone.
const MAX_STRAY_MARK: usize = 3;

/// Marks OCR reads off a picture's edge or a rule, which no text ends or
/// closes with.
const STRAY_MARKS: &[u8] = b"|\\/_~^*#=+<>[]{}@&%$-`";

/// OCR's reading of a picture's edge or a rule as a line of its own, set
/// apart by blank lines: a few of [`STRAY_MARKS`] and nothing else (`|`,
/// `]`), which no text of the page is. Such a line holds no text (its key
/// is emptied, as a blank line's). Not letters: an abbreviation set in
/// another font comes out a block of its own (`…英文缩写是⏎⏎CPI⏎⏎…`); nor a
/// mark that ends or closes a sentence, which may end a headline or a
/// credit OCR broke (`…728个⏎⏎!`, `（记者 张三⏎⏎)`).
fn forget_stray_marks(lines: &mut [Line]) {
    let stray =
        |key: &str| key.len() <= MAX_STRAY_MARK && key.bytes().all(|b| STRAY_MARKS.contains(&b));
    for i in 0..lines.len() {
        let apart = |j: Option<usize>| j.and_then(|j| lines.get(j)).is_none_or(Line::is_blank);
        if !lines[i].is_blank()
            && stray(lines[i].key)
            && apart(i.checked_sub(1))
            && apart(Some(i + 1))
        {
            lines[i].key = "";
        }
    }
}

/// The text above ends a sentence, or a credit in brackets closing a
/// piece (`（张三）`), or there is none.
fn after_sentence(above: &[Line]) -> bool {
    above
        .iter()
        .rev()
        .find(|l| !l.is_blank())
        .is_none_or(|l| crate::clean::ends_sentence(l.key) || l.key.ends_with(['）', ')']))
}

/// Fewest glyphs of a rule line.
const MIN_RULE: usize = 3;

/// A line of rule glyphs only, as a page prints between pieces: `——————`,
/// `* * *`, `＝＝＝＝`, `━━━━` (key form). Not a dash opening a subtitle,
/// which has words after it.
fn is_rule(key: &str) -> bool {
    // A `match`, not a search of a string of them: every line is tested.
    let rule = |c: char| {
        matches!(
            c,
            '—' | '－'
                | '-'
                | '='
                | '＝'
                | '*'
                | '＊'
                | '~'
                | '～'
                | '_'
                | '＿'
                | '━'
                | '─'
                | '═'
                | '·'
                | '•'
                | '※'
                | '☆'
                | '★'
        )
    };
    key.starts_with(rule) && key.chars().all(rule) && key.chars().count() >= MIN_RULE
}

/// `before` ends in the punctuation after which column-set running text
/// prints a space (`，` `,` `；` `;` `：` `。` `、` `）`) and display type does
/// not. A half-width mark with a space on both sides (`交通局 ; 外地`) is
/// OCR's reading of a headline's full-width mark, not a text layer's
/// justified gap: a text layer prints the mark flush after its word.
fn after_clause_punct(before: &[u8]) -> bool {
    const WIDE: [&str; 6] = ["，", "；", "：", "。", "、", "）"];
    match before {
        [.., b' ', b',' | b';'] => false,
        [.., b',' | b';'] => true,
        _ => WIDE.iter().any(|p| before.ends_with(p.as_bytes())),
    }
}

/// Splits `text` into lines (`\n`, `\r\n` or `\r`), with UTF-16 ranges;
/// the keys that are not the raw text are built in `arena`.
///
/// ```text
/// "本报讯\r\n 记者" → [("本报讯", [0,3]), ("记者", [6,8])]
/// ```
pub fn split<'a>(text: &'a str, arena: &'a Bump) -> Vec<Line<'a>> {
    let mut out = Vec::with_capacity(memchr::memchr_iter(b'\n', text.as_bytes()).count() + 1);
    let mut u16_pos: u32 = 0;
    let mut rest = text;
    // The white space that opens every line of text, in cells.
    let mut margin = f32::INFINITY;
    loop {
        let (line, term_len, last) = match memchr::memchr2(b'\n', b'\r', rest.as_bytes()) {
            Some(i) => {
                let crlf = rest.as_bytes().get(i..i + 2) == Some(b"\r\n");
                (&rest[..i], if crlf { 2 } else { 1 }, false)
            }
            None => (rest, 0, true),
        };
        let trimmed_start = crate::clean::trim_start(line);
        let lead = &line[..line.len() - trimmed_start.len()];
        let trimmed = crate::clean::trim_end(trimmed_start);
        let trail = &trimmed_start[trimmed.len()..];
        let unmarked = trimmed.trim_start_matches('\u{feff}');
        // A byte-order mark is one UTF-16 unit.
        let boms = ((trimmed.len() - unmarked.len()) / 3) as u32;
        let start = u16_pos + utf16_len(lead) + boms;
        let trimmed = unmarked;
        let mut l = Line::new(trimmed, start, lead.chars().count() as u32, arena);
        if l.widest_gap >= SCATTER_GAP && l.latin && is_scatter(l.key) && after_sentence(&out) {
            l.key = "";
        }
        if !trimmed.is_empty() {
            let cells = lead_cells(lead);
            margin = margin.min(cells);
            l.indent = is_indent(cells);
        }
        u16_pos = l.span[1] + utf16_len(trail) + term_len as u32;
        out.push(l);
        if last {
            break;
        }
        rest = &rest[line.len() + term_len..];
    }
    forget_stray_marks(&mut out);
    if margin > 0.0 && margin.is_finite() {
        // White space before every line is the page's margin (an extractor
        // keeping the page's left edge), not an indent: an indent marks
        // some lines only. Indents are read past it.
        // (Rare: each line's lead is found again in `text`, before its
        // raw text, which is a slice of it.)
        for l in out.iter_mut().filter(|l| !l.is_blank()) {
            let at = l.raw.as_ptr() as usize - text.as_ptr() as usize;
            let start = memchr::memrchr2(b'\n', b'\r', &text.as_bytes()[..at]).map_or(0, |i| i + 1);
            l.indent = is_indent(lead_cells(&text[start..at]) - margin);
        }
    }
    out
}

/// Cells of leading white space: a tab 2, an ideographic space 1, other
/// white space ½.
fn lead_cells(ws: &str) -> f32 {
    ws.chars()
        .map(|c| match c {
            '\t' => 2.0,
            '\u{3000}' => 1.0,
            '\u{feff}' => 0.0,
            _ => 0.5,
        })
        .sum()
}

/// Leading white space worth one to four ideograph cells.
fn is_indent(cells: f32) -> bool {
    (1.0..=4.0).contains(&cells)
}

/// UTF-16 length of UTF-8 text, from its bytes: one unit per character
/// (every byte that is not a continuation byte), two for characters beyond
/// the BMP (four-byte sequences); `u32::MAX` if it has more.
///
/// ```text
/// utf16_len("工会a𠮷") = 5
/// ```
pub fn utf16_len(s: &str) -> u32 {
    // Summed a block of bytes at a time into one byte (each byte adds at
    // most 2, so 127 bytes cannot overflow it): a sum the compiler
    // vectorises, byte lanes rather than word lanes.
    let units: usize = s
        .as_bytes()
        .chunks(127)
        .map(|block| {
            let n: u8 = block
                .iter()
                .map(|&b| u8::from(b & 0xC0 != 0x80) + u8::from(b >= 0xF0))
                .sum();
            usize::from(n)
        })
        .sum();
    u32::try_from(units).unwrap_or(u32::MAX)
}

/// Printed width of a line with and without its white space (see
/// [`Line::width`] and [`Line::glyphs`]).
pub fn widths_of(raw: &str) -> (f32, f32) {
    // A key of `raw` needs no arena beyond this call.
    let arena = Bump::new();
    let line = Line::new(raw, 0, 0, &arena);
    (line.width, line.glyphs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_lengths_across_blocks() {
        let long = "a\u{c}𠀀\u{FFFD}é本".repeat(100);
        for text in ["", "abc", "本报讯", "𠀀字", &long, &long[1..]] {
            assert_eq!(
                utf16_len(text) as usize,
                text.encode_utf16().count(),
                "{text}"
            );
        }
    }

    #[test]
    fn a_margin_before_every_line_is_no_indent() {
        let arena = Bump::new();
        let indents =
            |text| -> Vec<bool> { split(text, &arena).iter().map(|l| l.indent).collect() };
        assert_eq!(
            indents("　　近日，某区\n职工义诊。\n"),
            [true, false, false]
        );
        // Two spaces before every line: the page's margin.
        assert_eq!(
            indents("  近日，某区\n  职工义诊。\n"),
            [false, false, false]
        );
        // Past the margin, an indent still shows.
        assert_eq!(
            indents("  　　近日，某区\n  职工义诊。\n"),
            [true, false, false]
        );
    }

    #[test]
    fn a_half_width_clause_mark_next_to_chinese_text_is_a_cell_wide() {
        let arena = Bump::new();
        let widths = |text| -> Vec<f32> { split(text, &arena).iter().map(|l| l.width).collect() };
        assert_eq!(widths("近日,某区\n近日，某区\n"), [5.0, 5.0, 0.0]);
        assert_eq!(widths("记者(张三)\n"), [6.0, 0.0]);
        assert_eq!(widths("ABB, Inc\n"), [4.0, 0.0]);
    }

    #[test]
    fn spans_are_utf16() {
        let text = "\u{feff}本报讯\r\n  记者𠀀 \n\nend";
        let arena = Bump::new();
        let lines = split(text, &arena);
        let utf16: Vec<u16> = text.encode_utf16().collect();
        let slice = |s: Span| String::from_utf16(&utf16[s[0] as usize..s[1] as usize]).unwrap();
        assert_eq!(lines.len(), 4);
        assert_eq!(slice(lines[0].span), "本报讯");
        assert_eq!(slice(lines[1].span), "记者𠀀");
        assert!(lines[2].is_blank());
        assert_eq!(slice(lines[3].span), "end");
        assert_eq!(lines[1].key, "记者𠀀");
    }

    #[test]
    fn lines_gather_the_marks_of_their_keys() {
        // Every mark char, in runs of ideographs, after white space, folded
        // from full width, inside markup, next to rarer ideographs.
        let text = "本版编辑 林禾|校对 叶青 Ｅ－ｍａｉｌ：ａ＠ｂ mail\n\
                    \u{feff}２０１９年４月 **摄** 　记者 通讯员\n\
                    㐀年丁。新华社北京电 据报道 消息 特约 见习 实习 撰稿 作者\n\
                    本報記者 攝影 訊 電 邮箱 热线 第5版\n\n近日，某车站职工\n\
                    甲、乙；丙,丁;\n戊 ，己 ；庚\n";
        let arena = Bump::new();
        let lines = split(text, &arena);
        for line in &lines {
            assert_eq!(line.marks, Marks::of(line.key), "{:?}", line.raw);
            let latin = line.key.bytes().any(|b| b.is_ascii_alphanumeric());
            assert_eq!(line.latin, latin, "{:?}", line.raw);
        }
    }

    #[test]
    fn white_space_after_clause_punctuation_is_column_spacing() {
        let arena = Bump::new();
        let gaps: Vec<bool> = split(
            "慰问中， 区总工会\n年初, 母婴\n首都 工会\n工会，\u{3000}职工\n上午 ，下午\n某部 ; 外地组织",
            &arena,
        )
        .iter()
        .map(|l| l.clause_gap)
        .collect();
        // (The last: OCR's spaced reading of a headline's `；`.)
        assert_eq!(gaps, [true, true, false, true, false, false]);
    }
}
