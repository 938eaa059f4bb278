//! Positioned text in markup: tesseract's hOCR, ALTO XML (what libraries'
//! digitisation produces) and poppler's `pdftotext -bbox-layout` XHTML,
//! each read into [`PositionedLine`]s for
//! [`parse_layout`](crate::parse_layout), and told apart by content
//! ([`detect`]).
//!
//! The reader is a small, lenient tag scanner (no DTDs, no namespaces
//! beyond dropping their prefixes): these formats are flat lists of boxes,
//! and a damaged file still yields the lines it holds.

use crate::positioned::PositionedLine;

/// A markup of positioned text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Markup {
    /// tesseract's hOCR: `ocr_line` spans of `ocrx_word`s, boxes in
    /// `title="bbox x0 y0 x1 y1; x_size S"`.
    Hocr,
    /// ALTO XML: `TextLine`s of `String CONTENT=…` with `HPOS`, `VPOS`,
    /// `WIDTH`, `HEIGHT`, type sizes and styles from `TextStyle`s.
    Alto,
    /// poppler's `pdftotext -bbox-layout`: `<line>`s of `<word>`s with
    /// `xMin`, `yMin`, `xMax`, `yMax`.
    BboxLayout,
}

impl Markup {
    /// The name the CLI and the npm package report.
    pub fn name(self) -> &'static str {
        match self {
            Markup::Hocr => "hocr",
            Markup::Alto => "alto",
            Markup::BboxLayout => "bbox-layout",
        }
    }
}

/// How much of the start of a file [`detect`] reads.
const SNIFF: usize = 64 * 1024;

/// Which markup `text` is, by its content (`None`: plain text).
pub fn detect(text: &str) -> Option<Markup> {
    let mut end = text.len().min(SNIFF);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text[..end];
    let start = head.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    if !start.starts_with('<') {
        return None;
    }
    if head.contains("ocr_page") || head.contains("ocrx_word") || head.contains("ocr_line") {
        Some(Markup::Hocr)
    } else if (head.contains("<alto") || head.contains(":alto"))
        && (head.contains("TextLine") || head.contains("<Layout") || head.contains(":Layout"))
    {
        Some(Markup::Alto)
    } else if head.contains("<doc>") && head.contains("<page width=") {
        Some(Markup::BboxLayout)
    } else {
        None
    }
}

/// Reads `text` as the markup it is ([`detect`]): its lines, or `None` for
/// text that is no such markup.
pub fn read(text: &str) -> Option<(Markup, Vec<PositionedLine>)> {
    let m = detect(text)?;
    Some((m, read_as(m, text)))
}

/// Reads `text` as markup `m`.
pub fn read_as(m: Markup, text: &str) -> Vec<PositionedLine> {
    match m {
        Markup::Hocr => hocr(text),
        Markup::Alto => alto(text),
        Markup::BboxLayout => bbox_layout(text),
    }
}

/// One piece of markup.
#[derive(Debug)]
enum Token<'a> {
    /// A start tag (`empty`: it closes itself, `<x/>`).
    Start {
        name: &'a str,
        attrs: &'a str,
        empty: bool,
    },
    End {
        name: &'a str,
    },
    Text(&'a str),
}

/// The tokens of `s`, comments, declarations and processing
/// instructions skipped.
fn tokens(s: &str) -> impl Iterator<Item = Token<'_>> {
    let mut at = 0;
    std::iter::from_fn(move || loop {
        if at >= s.len() {
            return None;
        }
        let rest = &s[at..];
        if !rest.starts_with('<') {
            let end = rest.find('<').unwrap_or(rest.len());
            at += end;
            return Some(Token::Text(&rest[..end]));
        }
        let skip_to = |pat: &str| rest.find(pat).map_or(s.len(), |k| at + k + pat.len());
        if rest.starts_with("<!--") {
            at = skip_to("-->");
            continue;
        }
        if rest.starts_with("<![CDATA[") {
            let end = rest.find("]]>").unwrap_or(rest.len());
            at += (end + 3).min(rest.len());
            return Some(Token::Text(&rest[9.min(end)..end]));
        }
        if rest.starts_with("<!") || rest.starts_with("<?") {
            at = skip_to(">");
            continue;
        }
        let end = tag_end(rest);
        at += end;
        let inner = &rest[1..end.saturating_sub(1).max(1)];
        if let Some(name) = inner.strip_prefix('/') {
            return Some(Token::End {
                name: local(name.trim()),
            });
        }
        let empty = inner.ends_with('/');
        let inner = inner.trim_end_matches('/');
        let split = inner
            .find(|c: char| c.is_ascii_whitespace())
            .unwrap_or(inner.len());
        return Some(Token::Start {
            name: local(&inner[..split]),
            attrs: &inner[split..],
            empty,
        });
    })
}

/// Where a tag that opens `s` ends (after its `>`), quotes respected.
fn tag_end(s: &str) -> usize {
    let mut quote: Option<u8> = None;
    for (i, &b) in s.as_bytes().iter().enumerate().skip(1) {
        match (quote, b) {
            (Some(q), _) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(b),
            (None, b'>') => return i + 1,
            _ => {}
        }
    }
    s.len()
}

/// A name without its namespace prefix.
fn local(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

/// The value of attribute `key` in `attrs`, entities decoded.
fn attr(attrs: &str, key: &str) -> Option<String> {
    let mut rest = attrs;
    loop {
        rest = rest.trim_start();
        if rest.is_empty() {
            return None;
        }
        let eq = rest.find('=')?;
        let name = rest[..eq].trim();
        let after = rest[eq + 1..].trim_start();
        let (value, next) = match after.chars().next() {
            Some(q @ ('"' | '\'')) => {
                let body = &after[1..];
                let end = body.find(q).unwrap_or(body.len());
                (&body[..end], &body[(end + 1).min(body.len())..])
            }
            _ => {
                let end = after
                    .find(|c: char| c.is_ascii_whitespace())
                    .unwrap_or(after.len());
                (&after[..end], &after[end..])
            }
        };
        if local(name) == key {
            return Some(unescape(value));
        }
        rest = next;
    }
}

/// A number attribute.
fn num(attrs: &str, key: &str) -> Option<f32> {
    attr(attrs, key)?
        .trim()
        .parse()
        .ok()
        .filter(|v: &f32| v.is_finite())
}

/// Text with XML's entities and character references decoded.
fn unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(k) = rest.find('&') {
        out.push_str(&rest[..k]);
        rest = &rest[k..];
        let Some(end) = rest[..rest.len().min(12)].find(';') else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let name = &rest[1..end];
        let c = match name {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some(' '),
            _ => name
                .strip_prefix("#x")
                .or_else(|| name.strip_prefix("#X"))
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match c {
            Some(c) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Elements that never hold content in HTML (hOCR may write them
/// unclosed).
fn void(name: &str) -> bool {
    matches!(
        name.to_ascii_lowercase().as_str(),
        "meta" | "link" | "br" | "img" | "hr" | "input" | "area" | "base" | "col" | "wbr"
    )
}

/// A word on its way into a line: text and box.
struct Word {
    text: String,
    x0: f32,
    y0: f32,
    x1: f32,
    y1: f32,
    bold: bool,
}

impl Word {
    /// A word with no text yet, boxed by `[x0, y0, x1, y1]`.
    fn at([x0, y0, x1, y1]: [f32; 4]) -> Word {
        Word {
            text: String::new(),
            x0,
            y0,
            x1,
            y1,
            bold: false,
        }
    }

    /// How much narrower the box is than the word's glyphs can be set: OCR
    /// boxes a word by the ink it found, and a word's box may cover a
    /// fraction of its glyphs (a word of two ideographs boxed 16 units
    /// wide in type 26 high). Each ideograph takes at least
    /// [`GLYPH_SHARE`] of the type's height `glyph_h`, other characters
    /// half that.
    fn shortfall(&self, glyph_h: f32) -> f32 {
        let cells: f32 = self
            .text
            .trim()
            .chars()
            .map(|c| if c.is_ascii() { 0.5 } else { 1.0 })
            .sum();
        (cells * GLYPH_SHARE * glyph_h - (self.x1 - self.x0)).max(0.0)
    }
}

/// The least width of an ideograph, as a share of its type's height.
const GLYPH_SHARE: f32 = 0.9;

/// A white gap at least this share of the line's height between two words
/// is printed as a space.
const WORD_SPACE: f32 = 0.5;
/// The same between two CJK words.
const CJK_WORD_SPACE: f32 = 1.0;
/// A white gap at least this many times the type's height (its words'
/// median height) between two words is a gutter: OCR's layout analysis
/// may run one line across columns, and the pieces are lines of their own.
const WORD_GUTTER: f32 = 1.5;

/// How a line's type size is known.
#[derive(Clone, Copy)]
enum SizeFrom {
    /// Given (in page units).
    Given(Option<f32>),
    /// The height of the line's own box (OCR: tesseract's word boxes and
    /// size estimates scatter; its line boxes hold).
    LineBox,
}

/// A line from its words (in order), split where a gutter runs between
/// them, each piece boxed by its words (or by `bbox`, the line's own box,
/// when the line is one piece).
fn line_of(
    words: &[Word],
    bbox: Option<[f32; 4]>,
    size: SizeFrom,
    page: u32,
) -> Vec<PositionedLine> {
    let words: Vec<&Word> = words.iter().filter(|w| !w.text.trim().is_empty()).collect();
    if words.is_empty() {
        return Vec::new();
    }
    let height = |ws: &[&Word]| {
        let mut h: Vec<f32> = ws
            .iter()
            .map(|w| w.y1 - w.y0)
            .filter(|h| *h > 0.0)
            .collect();
        h.sort_by(f32::total_cmp);
        h.get(h.len() / 2).copied()
    };
    let line_h = bbox
        .map(|b| b[3] - b[1])
        .or_else(|| height(&words))
        .unwrap_or(0.0);
    // The glyphs' size: the words' own height (a line OCR ran across
    // columns is boxed taller than its type, its pieces' baselines apart).
    let glyph_h = height(&words).unwrap_or(line_h);
    let mut pieces: Vec<Vec<&Word>> = vec![Vec::new()];
    for w in words {
        let last = pieces.last_mut().expect("a piece");
        if let Some(p) = last.last() {
            // The gap less what the two boxes may have left out of their
            // words: a word boxed too narrow is no gutter.
            let gap = w.x0 - p.x1 - p.shortfall(glyph_h) - w.shortfall(glyph_h);
            if glyph_h > 0.0 && gap >= WORD_GUTTER * glyph_h {
                pieces.push(vec![w]);
                continue;
            }
        }
        last.push(w);
    }
    let whole = pieces.len() == 1;
    pieces
        .into_iter()
        .map(|ws| {
            let boxed = ws.iter().fold(
                [
                    f32::INFINITY,
                    f32::INFINITY,
                    f32::NEG_INFINITY,
                    f32::NEG_INFINITY,
                ],
                |b, w| {
                    [
                        b[0].min(w.x0),
                        b[1].min(w.y0),
                        b[2].max(w.x1),
                        b[3].max(w.y1),
                    ]
                },
            );
            // A piece spans its words across, and the line's box down.
            let [x0, y0, x1, y1] = match bbox {
                Some(b) if whole => b,
                Some(b) => [boxed[0], b[1], boxed[2], b[3]],
                None => boxed,
            };
            let h = (y1 - y0).max(0.0);
            let mut text = String::new();
            let mut prev_end: Option<f32> = None;
            for w in &ws {
                if let Some(e) = prev_end {
                    // Between two CJK words a space takes a wide gap (OCR's
                    // word boxes scatter; ideographs are set close).
                    let cjk = |c: Option<char>| c.is_some_and(crate::clean::is_cjk_text);
                    let between_cjk =
                        cjk(text.chars().next_back()) && cjk(w.text.trim().chars().next());
                    let space = if between_cjk {
                        CJK_WORD_SPACE
                    } else {
                        WORD_SPACE
                    };
                    if w.x0 - e >= space * h {
                        text.push(' ');
                    }
                }
                text.push_str(w.text.trim());
                prev_end = Some(w.x1);
            }
            let bold = ws.iter().all(|w| w.bold);
            PositionedLine {
                text,
                x: x0,
                y: y0,
                w: (x1 - x0).max(0.0),
                h,
                size: match size {
                    SizeFrom::Given(s) => s,
                    SizeFrom::LineBox => Some(h),
                },
                bold: bold.then_some(true),
                page,
            }
        })
        .collect()
}

/// The box in hOCR's `title` properties: `bbox x0 y0 x1 y1; x_size 25.5`.
fn hocr_props(title: &str) -> Option<[f32; 4]> {
    title.split(';').find_map(|part| {
        let mut it = part.split_whitespace();
        (it.next() == Some("bbox")).then_some(())?;
        let v: Vec<f32> = it.filter_map(|x| x.parse().ok()).collect();
        (v.len() == 4).then(|| [v[0], v[1], v[2], v[3]])
    })
}

/// hOCR classes of a line of text.
fn hocr_line_class(class: &str) -> bool {
    class.split_whitespace().any(|c| {
        matches!(
            c,
            "ocr_line" | "ocr_caption" | "ocr_header" | "ocr_textfloat"
        )
    })
}

/// Reads tesseract's hOCR.
pub fn hocr(text: &str) -> Vec<PositionedLine> {
    #[derive(PartialEq)]
    enum Open {
        Line,
        Word,
        Bold,
        Other,
    }
    let mut out = Vec::new();
    let mut stack: Vec<Open> = Vec::new();
    let mut page = 0u32;
    let mut line: Option<(Option<[f32; 4]>, Vec<Word>)> = None;
    let mut word: Option<Word> = None;
    for t in tokens(text) {
        match t {
            Token::Start { name, attrs, empty } => {
                let class = attr(attrs, "class").unwrap_or_default();
                let title = attr(attrs, "title").unwrap_or_default();
                let open = if class.split_whitespace().any(|c| c == "ocr_page") {
                    page += 1;
                    Open::Other
                } else if hocr_line_class(&class) {
                    if let Some((b, ws)) = line.take() {
                        out.extend(line_of(&ws, b, SizeFrom::LineBox, page));
                    }
                    line = Some((hocr_props(&title), Vec::new()));
                    Open::Line
                } else if class.split_whitespace().any(|c| c == "ocrx_word") {
                    word = Some(Word::at(hocr_props(&title).unwrap_or([0.0; 4])));
                    Open::Word
                } else if matches!(name.to_ascii_lowercase().as_str(), "strong" | "b") {
                    if let Some(w) = word.as_mut() {
                        w.bold = true;
                    }
                    Open::Bold
                } else {
                    Open::Other
                };
                if !empty && !void(name) {
                    stack.push(open);
                }
            }
            Token::End { .. } => match stack.pop() {
                Some(Open::Word) => {
                    if let (Some(w), Some((_, ws))) = (word.take(), line.as_mut()) {
                        ws.push(w);
                    }
                }
                Some(Open::Line) => {
                    if let Some((b, ws)) = line.take() {
                        out.extend(line_of(&ws, b, SizeFrom::LineBox, page));
                    }
                }
                _ => {}
            },
            Token::Text(s) => {
                if let Some(w) = word.as_mut() {
                    w.text.push_str(&unescape(s));
                }
            }
        }
    }
    if let Some((b, ws)) = line.take() {
        out.extend(line_of(&ws, b, SizeFrom::LineBox, page));
    }
    out
}

/// An ALTO style: type size (points) and bold.
type AltoStyle = (Option<f32>, bool);
/// An ALTO line being read: its box, its style, its words.
type AltoLine = (Option<[f32; 4]>, AltoStyle, Vec<Word>);

/// Reads ALTO XML. Type sizes (`FONTSIZE`, in points) are brought to the
/// page's units by the median ratio of line height to type size.
pub fn alto(text: &str) -> Vec<PositionedLine> {
    use std::collections::HashMap;
    // Styles first: they may come before or after the layout.
    let mut styles: HashMap<String, AltoStyle> = HashMap::new();
    for t in tokens(text) {
        if let Token::Start { name, attrs, .. } = t {
            if name == "TextStyle" {
                if let Some(id) = attr(attrs, "ID") {
                    let bold = attr(attrs, "FONTSTYLE").is_some_and(|s| s.contains("bold"));
                    styles.insert(id, (num(attrs, "FONTSIZE"), bold));
                }
            }
        }
    }
    let style_of = |attrs: &str| -> AltoStyle {
        let mut size = None;
        let mut bold = attr(attrs, "STYLE").is_some_and(|s| s.contains("bold"));
        for r in attr(attrs, "STYLEREFS")
            .unwrap_or_default()
            .split_whitespace()
        {
            if let Some(&(s, b)) = styles.get(r) {
                size = size.or(s);
                bold |= b;
            }
        }
        (size, bold)
    };
    // (line, its type size in points)
    let mut lines: Vec<(PositionedLine, Option<f32>)> = Vec::new();
    let mut page = 0u32;
    let mut block_style: AltoStyle = (None, false);
    let mut current: Option<AltoLine> = None;
    let finish =
        |cur: Option<AltoLine>, page: u32, lines: &mut Vec<(PositionedLine, Option<f32>)>| {
            if let Some((b, (size, _), ws)) = cur {
                for l in line_of(&ws, b, SizeFrom::Given(None), page) {
                    lines.push((l, size));
                }
            }
        };
    for t in tokens(text) {
        match t {
            Token::Start { name, attrs, .. } => match name {
                "Page" => {
                    page = attr(attrs, "PHYSICAL_IMG_NR")
                        .and_then(|p| p.trim().parse().ok())
                        .unwrap_or(page + 1);
                }
                "TextBlock" => block_style = style_of(attrs),
                "TextLine" => {
                    finish(current.take(), page, &mut lines);
                    let b = match (
                        num(attrs, "HPOS"),
                        num(attrs, "VPOS"),
                        num(attrs, "WIDTH"),
                        num(attrs, "HEIGHT"),
                    ) {
                        (Some(x), Some(y), Some(w), Some(h)) => Some([x, y, x + w, y + h]),
                        _ => None,
                    };
                    let (s, bold) = style_of(attrs);
                    current = Some((b, (s.or(block_style.0), bold || block_style.1), Vec::new()));
                }
                "String" => {
                    let (s, bold) = style_of(attrs);
                    if let Some((_, line_style, ws)) = current.as_mut() {
                        let x = num(attrs, "HPOS").unwrap_or(0.0);
                        let y = num(attrs, "VPOS").unwrap_or(0.0);
                        ws.push(Word {
                            text: attr(attrs, "CONTENT").unwrap_or_default(),
                            x0: x,
                            y0: y,
                            x1: x + num(attrs, "WIDTH").unwrap_or(0.0),
                            y1: y + num(attrs, "HEIGHT").unwrap_or(0.0),
                            bold: bold || line_style.1,
                        });
                        if line_style.0.is_none() {
                            line_style.0 = s;
                        }
                    }
                }
                _ => {}
            },
            Token::End { name } => match name {
                "TextLine" => finish(current.take(), page, &mut lines),
                "TextBlock" => block_style = (None, false),
                _ => {}
            },
            Token::Text(_) => {}
        }
    }
    finish(current.take(), page, &mut lines);
    // Points to page units.
    let mut ratios: Vec<f32> = lines
        .iter()
        .filter_map(|(l, s)| s.filter(|s| *s > 0.0).map(|s| l.h / s))
        .filter(|r| r.is_finite() && *r > 0.0)
        .collect();
    ratios.sort_by(f32::total_cmp);
    let scale = ratios.get(ratios.len() / 2).copied();
    lines
        .into_iter()
        .map(|(mut l, s)| {
            l.size = scale.and_then(|k| s.map(|s| s * k));
            l
        })
        .collect()
}

/// Reads poppler's `pdftotext -bbox-layout` XHTML.
pub fn bbox_layout(text: &str) -> Vec<PositionedLine> {
    let mut out = Vec::new();
    let mut page = 0u32;
    let mut words: Option<Vec<Word>> = None;
    let mut word: Option<Word> = None;
    let bbox = |attrs: &str| -> Option<[f32; 4]> {
        Some([
            num(attrs, "xMin")?,
            num(attrs, "yMin")?,
            num(attrs, "xMax")?,
            num(attrs, "yMax")?,
        ])
    };
    for t in tokens(text) {
        match t {
            Token::Start { name, attrs, empty } => match name {
                "page" => page += 1,
                "line" if !empty => words = Some(Vec::new()),
                "word" if !empty => {
                    word = Some(Word::at(bbox(attrs).unwrap_or([0.0; 4])));
                }
                _ => {}
            },
            Token::End { name } => match name {
                "word" => {
                    if let (Some(w), Some(ws)) = (word.take(), words.as_mut()) {
                        ws.push(w);
                    }
                }
                "line" => {
                    if let Some(ws) = words.take() {
                        out.extend(line_of(&ws, None, SizeFrom::Given(None), page));
                    }
                }
                _ => {}
            },
            Token::Text(s) => {
                if let Some(w) = word.as_mut() {
                    w.text.push_str(&unescape(s));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOCR: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml"><head><meta name='ocr-system' content='tesseract 5' /></head>
<body><div class='ocr_page' id='page_1' title='image "p.png"; bbox 0 0 800 1000; ppageno 0'>
<span class='ocr_line' id='line_1_1' title="bbox 100 50 300 80; baseline 0 -5; x_size 30">
<span class='ocrx_word' id='word_1_1' title='bbox 100 50 200 80; x_wconf 90'>地铁&amp;职工</span>
<span class='ocrx_word' id='word_1_2' title='bbox 230 50 300 80; x_wconf 91'><strong>学剪纸</strong></span>
</span></div></body></html>"#;

    #[test]
    fn hocr_lines() {
        assert_eq!(detect(HOCR), Some(Markup::Hocr));
        let lines = hocr(HOCR);
        assert_eq!(lines.len(), 1);
        let l = &lines[0];
        assert_eq!(l.text, "地铁&职工 学剪纸");
        assert_eq!((l.x, l.y, l.w, l.h), (100.0, 50.0, 200.0, 30.0));
        assert_eq!((l.size, l.page, l.bold), (Some(30.0), 1, None));
    }

    /// An hOCR line of one column, its words boxed at `(x0, x1)` in type
    /// 26 high, the line's box `line_h` high.
    fn ocr_line(line_h: f32, words: &[(&str, f32, f32)]) -> Vec<PositionedLine> {
        let ws: Vec<Word> = words
            .iter()
            .map(|&(t, x0, x1)| {
                let mut w = Word::at([x0, 100.0, x1, 126.0]);
                w.text = t.to_string();
                w
            })
            .collect();
        let bbox = [100.0, 100.0, 420.0, 100.0 + line_h];
        line_of(&ws, Some(bbox), SizeFrom::LineBox, 1)
    }

    fn texts(lines: &[PositionedLine]) -> Vec<&str> {
        lines.iter().map(|l| l.text.as_str()).collect()
    }

    #[test]
    fn a_word_boxed_narrower_than_its_glyphs_leaves_no_gutter() {
        // `免费` boxed 16 units wide in type 26 high: its glyphs (at least
        // 0.9 of the type's height each) fill most of the 62 units of
        // white after the box that a gutter would have.
        let lines = ocr_line(
            26.0,
            &[
                ("市民可", 100.0, 175.0),
                ("免费", 180.0, 196.0),
                ("领取口罩", 258.0, 358.0),
            ],
        );
        // One line; the white still reads as a space (a signature's unit
        // and name are parted so), which cleaning drops between ideographs.
        assert_eq!(texts(&lines), ["市民可免费 领取口罩"]);
    }

    #[test]
    fn a_gutter_between_columns_parts_a_line() {
        // Words boxed as wide as their glyphs, 46 units of white between
        // them: two columns' lines that OCR read as one.
        let words = [("市民可以免费", 100.0, 250.0), ("领取口罩", 296.0, 396.0)];
        assert_eq!(texts(&ocr_line(26.0, &words)), ["市民可以免费", "领取口罩"]);
        // The same, where OCR boxed the line taller than its type (the
        // columns' baselines apart): the gutter is read in the type's
        // height, not the box's.
        assert_eq!(texts(&ocr_line(36.0, &words)), ["市民可以免费", "领取口罩"]);
    }

    #[test]
    fn alto_lines() {
        let alto_xml = r#"<?xml version="1.0"?><alto xmlns="http://www.loc.gov/standards/alto/ns-v4#">
<Styles><TextStyle ID="s1" FONTSIZE="10"/><TextStyle ID="s2" FONTSIZE="20" FONTSTYLE="bold"/></Styles>
<Layout><Page ID="p1" PHYSICAL_IMG_NR="3" WIDTH="1000" HEIGHT="1000"><PrintSpace>
<TextBlock ID="b1" STYLEREFS="s2"><TextLine HPOS="10" VPOS="10" WIDTH="200" HEIGHT="40">
<String CONTENT="标题" HPOS="10" VPOS="10" WIDTH="80" HEIGHT="40"/></TextLine></TextBlock>
<TextBlock ID="b2"><TextLine HPOS="10" VPOS="60" WIDTH="200" HEIGHT="20">
<String STYLEREFS="s1" CONTENT="正文" HPOS="10" VPOS="60" WIDTH="40" HEIGHT="20"/><SP/>
<String STYLEREFS="s1" CONTENT="第二" HPOS="70" VPOS="60" WIDTH="40" HEIGHT="20"/></TextLine></TextBlock>
</PrintSpace></Page></Layout></alto>"#;
        assert_eq!(detect(alto_xml), Some(Markup::Alto));
        let lines = alto(alto_xml);
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].text, "标题");
        assert_eq!(lines[0].bold, Some(true));
        assert_eq!(lines[0].page, 3);
        assert_eq!(lines[1].text, "正文 第二");
        // Sizes in page units: the body's 10 pt is its line's 20 units.
        assert_eq!(lines[1].size, Some(20.0));
        assert_eq!(lines[0].size, Some(40.0));
    }

    #[test]
    fn plain_text_is_no_markup() {
        assert_eq!(detect("本报讯 <记者> 某某"), None);
        assert_eq!(detect("<p>本报讯</p>"), None);
    }
}
