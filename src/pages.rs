//! Files of several pages.
//!
//! Extractors write a whole issue to one file: `pdftotext` puts a form feed
//! (`\f`, U+000C) between the pages of a PDF, and so do other tools. Such a
//! file is several newspaper pages, each to be parsed on its own: one
//! page's headlines have nothing to do with the next page's articles.
//!
//! [`split_pages`] finds the pages; [`Document`] holds a file's text (and,
//! when it came from bytes, what [`decode`](crate::decode) said of them) and
//! parses one page at a time or all of them, each page's spans indexing the
//! **whole file**, so `text.slice(start, end)` in JavaScript still gives the
//! raw text of any range of any page.
//!
//! A file with at most one page of text (no form feed, or only blank pages
//! around one, such as the form feed `pdftotext` writes after the last
//! page) is one page, parsed exactly as [`parse`](crate::parse) parses it.
//!
//! ```
//! let text = "本报讯（记者 张三）第一版的消息。\n\u{c}本报讯（记者 李四）第二版的消息。\n\u{c}";
//! let pages = jianbao::parse_pages(text, &Default::default());
//! assert_eq!(pages.len(), 2);
//! assert_eq!(pages[1].source.page, Some(2));
//! let [start, end] = pages[1].page.articles[0].spans[0];
//! let utf16: Vec<u16> = text.encode_utf16().collect();
//! assert!(String::from_utf16_lossy(&utf16[start as usize..end as usize]).contains("李四"));
//! ```

use crate::decode::{Decoded, Invalid};
use crate::lines::utf16_len;
use crate::markup::Markup;
use crate::positioned::PositionedLine;
use crate::{Article, Options, Page, Source, SourcedPage, Span, Warning};

/// The form feed that divides pages.
const FORM_FEED: char = '\u{c}';

/// Where one page is in its file's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageRange {
    /// The page's number in the file, from 1, counting blank pages too (the
    /// number `pdftotext -f N -l N` would extract it by).
    pub number: u32,
    /// Its text, `[start, end)` in bytes, without the form feeds around it.
    pub start: usize,
    pub end: usize,
    /// Where it starts in UTF-16 code units: what its spans are moved by.
    pub start_utf16: u32,
    /// Where it ends in UTF-16 code units.
    pub end_utf16: u32,
}

/// The pages of `text`: the stretches between form feeds that hold any
/// text (blank ones are skipped but counted in the numbers), in order. Text
/// with fewer than two such stretches is one page, the whole text, numbered
/// 1. Linear in the text; never empty.
///
/// ```
/// use jianbao::split_pages;
///
/// let pages = split_pages("第一版\n\u{c}\n\u{c}第三版\n\u{c}");
/// assert_eq!(pages.iter().map(|p| p.number).collect::<Vec<_>>(), [1, 3]);
/// assert_eq!((pages[1].start, pages[1].end), (13, 23));
/// assert_eq!((pages[1].start_utf16, pages[1].end_utf16), (7, 11));
/// // One page and the form feed after it: the whole text, as one page.
/// assert_eq!(split_pages("第一版\n\u{c}").len(), 1);
/// assert_eq!(split_pages("第一版\n\u{c}")[0].end, 11);
/// ```
pub fn split_pages(text: &str) -> Vec<PageRange> {
    let mut pages = Vec::new();
    let (mut start, mut start_utf16, mut number) = (0usize, 0u32, 1u32);
    let mut rest = text;
    loop {
        let end = rest.find(FORM_FEED).map_or(text.len(), |i| start + i);
        let chunk = &text[start..end];
        let end_utf16 = start_utf16 + utf16_len(chunk);
        if !chunk.trim().is_empty() {
            pages.push(PageRange {
                number,
                start,
                end,
                start_utf16,
                end_utf16,
            });
        }
        if end == text.len() {
            break;
        }
        // Past the form feed (one byte, one UTF-16 unit).
        start = end + 1;
        start_utf16 = end_utf16 + 1;
        number = number.saturating_add(1);
        rest = &text[start..];
    }
    if pages.len() < 2 {
        return vec![PageRange {
            number: 1,
            start: 0,
            end: text.len(),
            start_utf16: 0,
            end_utf16: utf16_len(text),
        }];
    }
    pages
}

/// Parses each page of `text` on its own (see [`split_pages`]); each
/// page's spans index the whole `text`, and its `source.page` is its number
/// when there are several.
pub fn parse_pages(text: &str, options: &Options) -> Vec<SourcedPage> {
    Document::from_text(text.to_owned()).parse_all(options)
}

/// One file's text, split into pages, to parse page by page (for progress
/// or to bound the work of one step) or all at once.
#[derive(Debug, Clone)]
pub struct Document {
    text: String,
    encoding: Option<&'static str>,
    invalid: Vec<Invalid>,
    pages: Vec<PageRange>,
    /// Positioned text (hOCR, ALTO, `pdftotext -bbox-layout`): its markup
    /// and each page's lines, parallel to `pages`.
    layout: Option<(Markup, Vec<Vec<PositionedLine>>)>,
}

/// The pages of positioned text in markup, if `text` is such markup: one
/// [`PageRange`] (the whole text) and the lines for each page.
fn layout_pages(text: &str) -> Option<(Markup, Vec<PageRange>, Vec<Vec<PositionedLine>>)> {
    let (m, lines) = crate::markup::read(text)?;
    let mut numbers: Vec<u32> = lines.iter().map(|l| l.page).collect();
    numbers.sort_unstable();
    numbers.dedup();
    if numbers.is_empty() {
        numbers.push(1);
    }
    let whole = |number: u32| PageRange {
        number,
        start: 0,
        end: text.len(),
        start_utf16: 0,
        end_utf16: utf16_len(text),
    };
    let ranges = numbers.iter().map(|&n| whole(n)).collect();
    let per_page = numbers
        .iter()
        .map(|&n| lines.iter().filter(|l| l.page == n).cloned().collect())
        .collect();
    Some((m, ranges, per_page))
}

impl Document {
    /// A document of text that did not come from bytes (no encoding).
    pub fn from_text(text: String) -> Document {
        let (pages, layout) = Self::split(&text);
        Document {
            text,
            encoding: None,
            invalid: Vec::new(),
            pages,
            layout,
        }
    }

    /// Pages of text divided by form feeds, or of positioned text in
    /// markup (told by content, [`crate::markup::detect`]).
    #[allow(clippy::type_complexity)]
    fn split(text: &str) -> (Vec<PageRange>, Option<(Markup, Vec<Vec<PositionedLine>>)>) {
        match layout_pages(text) {
            Some((m, ranges, lines)) => (ranges, Some((m, lines))),
            None => (split_pages(text), None),
        }
    }

    /// A document of decoded bytes: its pages' `source.encoding` is the
    /// encoding, and each invalid byte sequence the decoder replaced is
    /// reported in a warning `invalid_bytes` of the page it falls in.
    pub fn from_decoded(decoded: Decoded) -> Document {
        let (pages, layout) = Self::split(&decoded.text);
        Document {
            text: decoded.text,
            encoding: Some(decoded.encoding),
            invalid: decoded.invalid,
            pages,
            layout,
        }
    }

    /// The markup of positioned text the document is, if it is one.
    pub fn markup(&self) -> Option<Markup> {
        self.layout.as_ref().map(|(m, _)| *m)
    }

    /// The whole text, which every span indexes.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The encoding of the bytes, if the text came from bytes.
    pub fn encoding(&self) -> Option<&'static str> {
        self.encoding
    }

    /// The pages (at least one).
    pub fn pages(&self) -> &[PageRange] {
        &self.pages
    }

    /// Parses the `index`-th page (from 0) of [`Document::pages`].
    ///
    /// # Panics
    ///
    /// When `index` is not below the number of pages.
    ///
    /// A page of positioned text in markup is parsed from its lines
    /// ([`crate::parse_layout`]); its spans index the text rebuilt from
    /// them, and its `source.layout` names the markup.
    pub fn parse_page(&self, index: usize, options: &Options) -> SourcedPage {
        let mut articles = Vec::new();
        let mut page = self.parse_page_with(index, options, |a| articles.push(a));
        page.page.articles = articles;
        page
    }

    /// Parses the `index`-th page as [`Document::parse_page`] does, handing
    /// each article to `each` as it is read instead of keeping it (see
    /// [`parse_with`](crate::parse_with)): the page returned has no
    /// articles.
    ///
    /// # Panics
    ///
    /// When `index` is not below the number of pages.
    pub fn parse_page_with(
        &self,
        index: usize,
        options: &Options,
        each: impl FnMut(Article),
    ) -> SourcedPage {
        let number = (self.pages.len() > 1).then_some(self.pages[index].number);
        if let Some((m, lines)) = &self.layout {
            let mut parsed = crate::parse_layout(&lines[index], options);
            parsed.page.articles.drain(..).for_each(each);
            return SourcedPage {
                page: parsed.page,
                source: Source {
                    file: None,
                    page: number,
                    encoding: self.encoding.map(str::to_owned),
                    layout: Some(m.name().to_owned()),
                },
            };
        }
        self.parse_range(self.pages[index], number, options, each)
    }

    /// Parses the whole text as one page, form feeds or not (what
    /// [`parse`](crate::parse) does), with the document's encoding and
    /// `invalid_bytes` warning.
    pub fn parse_whole(&self, options: &Options) -> SourcedPage {
        if let Some((m, lines)) = &self.layout {
            let all: Vec<PositionedLine> = lines.iter().flatten().cloned().collect();
            return SourcedPage {
                page: crate::parse_layout(&all, options).page,
                source: Source {
                    file: None,
                    page: None,
                    encoding: self.encoding.map(str::to_owned),
                    layout: Some(m.name().to_owned()),
                },
            };
        }
        let whole = PageRange {
            number: 1,
            start: 0,
            end: self.text.len(),
            start_utf16: 0,
            end_utf16: utf16_len(&self.text),
        };
        let mut articles = Vec::new();
        let mut page = self.parse_range(whole, None, options, |a| articles.push(a));
        page.page.articles = articles;
        page
    }

    fn parse_range(
        &self,
        range: PageRange,
        number: Option<u32>,
        options: &Options,
        mut each: impl FnMut(Article),
    ) -> SourcedPage {
        let by = range.start_utf16;
        let text = &self.text[range.start..range.end];
        let mut page = crate::parse_with(text, options, |mut a| {
            shift_article(&mut a, by);
            each(a)
        });
        shift_spans(&mut page, by);
        let invalid: Vec<&Invalid> = self
            .invalid
            .iter()
            .filter(|i| (range.start..range.end).contains(&i.at))
            .collect();
        if !invalid.is_empty() {
            page.warnings.push(invalid_bytes(
                &self.text,
                &invalid,
                self.encoding.unwrap_or("UTF-8"),
                options.spans,
            ));
        }
        SourcedPage {
            page,
            source: Source {
                file: None,
                page: number,
                encoding: self.encoding.map(str::to_owned),
                layout: None,
            },
        }
    }

    /// Parses every page, in order.
    pub fn parse_all(&self, options: &Options) -> Vec<SourcedPage> {
        (0..self.pages.len())
            .map(|i| self.parse_page(i, options))
            .collect()
    }
}

/// Moves every range of `page` by `by` UTF-16 code units.
pub(crate) fn shift_spans(page: &mut Page, by: u32) {
    if by != 0 {
        map_spans(page, |span| shifted(span, by));
    }
}

/// Moves every range of `article` by `by` UTF-16 code units.
pub(crate) fn shift_article(article: &mut Article, by: u32) {
    if by != 0 {
        map_article(article, &|span| shifted(span, by));
    }
}

/// `span` moved by `by` UTF-16 code units.
fn shifted([a, b]: Span, by: u32) -> Span {
    [a.saturating_add(by), b.saturating_add(by)]
}

/// Maps every range of `page` with `f`.
pub(crate) fn map_spans(page: &mut Page, f: impl Fn(Span) -> Span) {
    map_list(&mut page.page.spans, &f);
    for spans in &mut page.banner_spans {
        map_list(spans, &f);
    }
    for warning in &mut page.warnings {
        map_list(&mut warning.spans, &f);
    }
    for article in &mut page.articles {
        map_article(article, &f);
    }
}

/// Maps every range of `article` (its own and its blocks') with `f`.
fn map_article(article: &mut Article, f: &impl Fn(Span) -> Span) {
    for spans in article.span_lists_mut() {
        map_list(spans, f);
    }
    for block in &mut article.blocks {
        map_list(&mut block.spans, f);
    }
}

fn map_list(spans: &mut [Span], f: &impl Fn(Span) -> Span) {
    for span in spans {
        *span = f(*span);
    }
}

/// How many offsets a warning `invalid_bytes` lists before `…`.
const LISTED: usize = 20;

/// The warning for byte sequences the decoder replaced with U+FFFD: their
/// count and byte offsets in the input, and a span on each U+FFFD.
fn invalid_bytes(text: &str, invalid: &[&Invalid], encoding: &str, spans: bool) -> Warning {
    let bytes: usize = invalid.iter().map(|i| i.len).sum();
    let mut offsets: Vec<String> = invalid
        .iter()
        .take(LISTED)
        .map(|i| i.byte.to_string())
        .collect();
    if invalid.len() > LISTED {
        offsets.push("…".into());
    }
    let message = format!(
        "{bytes} byte{} not valid {encoding}, replaced by U+FFFD in {} place{}, at byte offset{} {}",
        if bytes == 1 { "" } else { "s" },
        invalid.len(),
        if invalid.len() == 1 { "" } else { "s" },
        if invalid.len() == 1 { "" } else { "s" },
        offsets.join(", ")
    );
    // UTF-16 offsets of the U+FFFDs, in one pass over the text before the last.
    let mut spans_out = Vec::new();
    if spans {
        let (mut at, mut units) = (0usize, 0u32);
        for i in invalid {
            units += utf16_len(&text[at..i.at]);
            at = i.at;
            spans_out.push([units, units + 1]);
        }
    }
    Warning {
        code: "invalid_bytes".into(),
        message,
        spans: spans_out,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every `[start, end)` pair under a key ending in `spans`, anywhere in
    /// the page JSON: whatever fields the page grows, none is missed.
    fn all_spans(value: &serde_json::Value, under_spans: bool, out: &mut Vec<[u64; 2]>) {
        match value {
            serde_json::Value::Array(items) => {
                let pair = items.len() == 2 && items.iter().all(|v| v.is_u64());
                if under_spans && pair {
                    out.push([items[0].as_u64().unwrap(), items[1].as_u64().unwrap()]);
                } else {
                    items.iter().for_each(|v| all_spans(v, under_spans, out));
                }
            }
            serde_json::Value::Object(map) => {
                for (key, v) in map {
                    all_spans(v, key.ends_with("spans"), out);
                }
            }
            _ => {}
        }
    }

    fn spans_of(page: &Page) -> Vec<[u64; 2]> {
        let mut out = Vec::new();
        all_spans(&serde_json::to_value(page).unwrap(), false, &mut out);
        out
    }

    const ONE: &str = "地铁职工学剪纸\n\n本报讯 （记者 张三） 近日， 某车站职工\n自发完成了大幅剪纸画。\n\n“引号”不成对\n";
    const TWO: &str =
        "𠀀字新闻标题\n\n本报北京5月5日电（记者 赵 刚）今天，某工会开展活动。\n\n广告\n";

    #[test]
    fn each_page_is_parsed_alone_and_its_spans_index_the_file() {
        let text = format!("{ONE}\u{c}\n\u{c}{TWO}\u{c}");
        let pages = parse_pages(&text, &Options::default());
        assert_eq!(pages.len(), 2);
        assert_eq!(
            pages.iter().map(|p| p.source.page).collect::<Vec<_>>(),
            [Some(1), Some(3)]
        );
        let units: Vec<u16> = text.encode_utf16().collect();
        for (sourced, alone, offset) in [
            (&pages[0], ONE, 0),
            (&pages[1], TWO, ONE.encode_utf16().count() as u64 + 3),
        ] {
            let own = crate::parse(alone, &Options::default());
            // The same page as parsed alone, every range moved by the offset.
            let moved: Vec<[u64; 2]> = spans_of(&own)
                .into_iter()
                .map(|[s, e]| [s + offset, e + offset])
                .collect();
            let got = spans_of(&sourced.page);
            assert!(!got.is_empty());
            assert_eq!(got, moved);
            for [_, end] in got {
                assert!(end as usize <= units.len());
            }
        }
        // The second page's first article's text, read through its span.
        let raw: String = pages[1].page.articles[0]
            .spans
            .iter()
            .map(|&[s, e]| String::from_utf16(&units[s as usize..e as usize]).unwrap())
            .collect();
        assert!(raw.contains("赵 刚"), "{raw}");
    }

    #[test]
    fn one_page_with_form_feeds_around_it_is_parsed_whole() {
        for text in [
            ONE.to_string(),
            format!("{ONE}\u{c}"),
            format!("\u{c}\n{ONE}\u{c}\u{c}"),
        ] {
            let pages = parse_pages(&text, &Options::default());
            assert_eq!(pages.len(), 1);
            assert_eq!(pages[0].source, Source::default());
            assert_eq!(pages[0].page, crate::parse(&text, &Options::default()));
        }
        let empty = parse_pages("", &Options::default());
        assert_eq!(empty.len(), 1);
        assert_eq!(
            split_pages(""),
            [PageRange {
                number: 1,
                start: 0,
                end: 0,
                start_utf16: 0,
                end_utf16: 0
            }]
        );
    }

    #[test]
    fn invalid_bytes_are_reported_on_their_page() {
        let (one, two) = (ONE.repeat(3), TWO.repeat(3));
        let mut bytes = format!("{one}\u{c}{two}").into_bytes();
        let second = one.len() + 1 + 10;
        bytes.insert(second, 0xFF);
        bytes.insert(3, 0xC3);
        let decoded = crate::decode::decode(&bytes).unwrap();
        assert_eq!(decoded.invalid.len(), 2);
        let doc = Document::from_decoded(decoded);
        let pages = doc.parse_all(&Options::default());
        let units: Vec<u16> = doc.text().encode_utf16().collect();
        for (page, byte) in pages.iter().zip([3, second + 1]) {
            assert_eq!(page.source.encoding.as_deref(), Some("UTF-8"));
            let warning = page
                .page
                .warnings
                .iter()
                .find(|w| w.code == "invalid_bytes")
                .expect("an invalid_bytes warning");
            assert_eq!(
                warning.message,
                format!(
                    "1 byte not valid UTF-8, replaced by U+FFFD in 1 place, at byte offset {byte}"
                )
            );
            let [s, e] = warning.spans[0];
            assert_eq!(
                String::from_utf16(&units[s as usize..e as usize]).unwrap(),
                "\u{FFFD}"
            );
        }
        // Without spans, the warning stays and its range list is empty.
        let bare = doc.parse_page(
            0,
            &Options {
                spans: false,
                ..Default::default()
            },
        );
        assert!(bare
            .page
            .warnings
            .iter()
            .any(|w| w.code == "invalid_bytes" && w.spans.is_empty()));
    }

    #[test]
    fn many_invalid_bytes_are_listed_up_to_a_limit() {
        let text = "\u{FFFD}".repeat(30);
        let invalid: Vec<Invalid> = (0..30)
            .map(|i| Invalid {
                byte: 2 * i,
                len: 2,
                at: 3 * i,
            })
            .collect();
        let refs: Vec<&Invalid> = invalid.iter().collect();
        let w = invalid_bytes(&text, &refs, "UTF-16LE", true);
        assert!(w.message.starts_with("60 bytes not valid UTF-16LE, replaced by U+FFFD in 30 places, at byte offsets 0, 2, 4,"));
        assert!(w.message.ends_with(", 38, …"), "{}", w.message);
        assert_eq!(w.spans.len(), 30);
        assert_eq!(w.spans[29], [29, 30]);
    }
}
