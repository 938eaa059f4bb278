//! The output formats, in one list: what the command-line tool's
//! `--format` takes, what the npm package's `render` writes and what the web
//! page's export menu offers all come from [`FORMATS`], so the three agree
//! byte for byte, and a format is added here once.
//!
//! Each [`Format`] has a name, a file extension, a MIME type and a rule for
//! how the output of several pages is joined ([`Join`]). Its output for a
//! list of pages is [`Format::render`]; a tool that writes pages as they are
//! parsed (the CLI) gets the same bytes from [`Format::head`] followed by
//! [`Format::page`] for each page, [`Format::separator`] between two.
//!
//! ```
//! use jianbao::formats;
//!
//! let page = jianbao::SourcedPage::from(jianbao::parse("本报讯（记者 张三）近日，某工会开展活动。", &Default::default()));
//! let json = formats::find("json").unwrap();
//! assert_eq!((json.extension, json.mime), ("json", "application/json"));
//! let one = json.render(std::slice::from_ref(&page), &Default::default());
//! assert_eq!(one, jianbao::render::to_json(&page.page, false) + "\n");
//! // Several pages as JSON: one page a line (JSON Lines).
//! let two = json.render(&[page.clone(), page.clone()], &Default::default());
//! assert_eq!(two, one.repeat(2));
//! ```

use serde::Serialize;

use crate::{render, Article, Document, Options, Source, SourcedPage};

/// How the output of several pages is joined into one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Join {
    /// One after the other, each complete in itself (one JSON a line).
    Lines,
    /// Each page introduced by a line naming it, a blank line between
    /// pages (Markdown: an HTML comment; text: `==> NAME <==`).
    Headed,
    /// A header row once, then every page's rows (CSV).
    Rows,
    /// Several pages inside one enclosing element (TEI: a `<teiCorpus>`).
    Enclosed,
}

/// What a [`Format`] writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Json,
    Jsonl,
    Articles,
    Markdown,
    Text,
    Csv,
    Dolma,
    Tei,
}

/// One output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Format {
    /// The name `--format` and `render` take.
    pub name: &'static str,
    /// Other names accepted for it.
    pub aliases: &'static [&'static str],
    /// The file extension, without the dot.
    pub extension: &'static str,
    /// The MIME type of a file of it.
    pub mime: &'static str,
    /// What it is, in a few words (for `--help` and menus).
    pub summary: &'static str,
    /// How several pages are joined.
    pub join: Join,
    #[serde(skip)]
    kind: Kind,
}

/// Options of [`Format::render`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RenderOptions {
    /// Indent JSON (format `json`, one page only: several pages are one a
    /// line whatever this says).
    pub pretty: bool,
    /// Start the output with a UTF-8 byte-order mark, for spreadsheet
    /// programs that read CSV as a legacy encoding without one (format
    /// `csv` only).
    pub bom: bool,
    /// The `added` timestamp of dolma documents (format `dolma` only; the
    /// front ends give the time of the run when not told).
    pub added: Option<String>,
}

/// Every format, in the order menus list them; the first is the default.
pub const FORMATS: &[Format] = &[
    Format {
        name: "json",
        aliases: &[],
        extension: "json",
        mime: "application/json",
        summary: "the page JSON (schema jianbao/1); several pages one a line",
        join: Join::Lines,
        kind: Kind::Json,
    },
    Format {
        name: "jsonl",
        aliases: &["ndjson"],
        extension: "jsonl",
        mime: "application/x-ndjson",
        summary: "JSON Lines: one page a line",
        join: Join::Lines,
        kind: Kind::Jsonl,
    },
    Format {
        name: "articles",
        aliases: &[],
        extension: "jsonl",
        mime: "application/x-ndjson",
        summary: "JSON Lines: one article a line, with its page's source, date and weekday",
        join: Join::Lines,
        kind: Kind::Articles,
    },
    Format {
        name: "markdown",
        aliases: &["md"],
        extension: "md",
        mime: "text/markdown",
        summary: "Markdown for reading",
        join: Join::Headed,
        kind: Kind::Markdown,
    },
    Format {
        name: "text",
        aliases: &["txt"],
        extension: "txt",
        mime: "text/plain",
        summary: "plain text for reading",
        join: Join::Headed,
        kind: Kind::Text,
    },
    Format {
        name: "csv",
        aliases: &[],
        extension: "csv",
        mime: "text/csv",
        summary: "one row per article, with a header row",
        join: Join::Rows,
        kind: Kind::Csv,
    },
    Format {
        name: "dolma",
        aliases: &[],
        extension: "jsonl",
        mime: "application/x-ndjson",
        summary: "one dolma document (a JSON line) per article, for corpora",
        join: Join::Lines,
        kind: Kind::Dolma,
    },
    Format {
        name: "tei",
        aliases: &["xml"],
        extension: "xml",
        mime: "application/tei+xml",
        summary: "one TEI P5 XML document per page; several pages are one teiCorpus",
        join: Join::Enclosed,
        kind: Kind::Tei,
    },
];

/// The format called `name` (or one of its aliases), ignoring case.
///
/// ```
/// assert_eq!(jianbao::formats::find("MD").map(|f| f.name), Some("markdown"));
/// assert!(jianbao::formats::find("docx").is_none());
/// ```
pub fn find(name: &str) -> Option<&'static Format> {
    FORMATS.iter().find(|f| {
        f.name.eq_ignore_ascii_case(name) || f.aliases.iter().any(|a| a.eq_ignore_ascii_case(name))
    })
}

impl Format {
    /// The whole output for `pages`: [`Format::head`], then
    /// [`Format::page`] for each page. Several pages are joined by the
    /// format's [`Join`]; one page alone is the format's output for one
    /// page (no heading line).
    pub fn render(&self, pages: &[SourcedPage], options: &RenderOptions) -> String {
        let several = pages.len() > 1;
        let mut out = self.head(several, options);
        for (i, page) in pages.iter().enumerate() {
            if i > 0 {
                out.push_str(self.separator());
            }
            out.push_str(&self.page(page, several, options));
        }
        out.push_str(self.tail(several));
        out
    }

    /// What the output starts with, before any page: the CSV header row
    /// (after a byte-order mark if asked for), the start of a TEI corpus of
    /// `several` pages; nothing for the others.
    pub fn head(&self, several: bool, options: &RenderOptions) -> String {
        match self.kind {
            Kind::Csv => {
                let header = render::to_csv(&[]);
                if options.bom {
                    format!("\u{FEFF}{header}")
                } else {
                    header
                }
            }
            Kind::Tei if several => render::TEI_CORPUS_START.to_string(),
            _ => String::new(),
        }
    }

    /// What the output ends with, after the last page: the end of a TEI
    /// corpus of `several` pages; nothing for the others.
    pub fn tail(&self, several: bool) -> &'static str {
        match self.kind {
            Kind::Tei if several => render::TEI_CORPUS_END,
            _ => "",
        }
    }

    /// What goes between two pages' parts: a blank line between headed
    /// pages, nothing between lines or rows.
    pub fn separator(&self) -> &'static str {
        match self.join {
            Join::Headed => "\n",
            Join::Lines | Join::Rows | Join::Enclosed => "",
        }
    }

    /// One page's part of the output; `several` when the output holds (or
    /// may hold) more than one page.
    pub fn page(&self, page: &SourcedPage, several: bool, options: &RenderOptions) -> String {
        match self.kind {
            Kind::Json if !several => {
                let mut json = to_json(page, options.pretty);
                json.push('\n');
                json
            }
            Kind::Json | Kind::Jsonl => {
                let mut json = to_json(page, false);
                json.push('\n');
                json
            }
            Kind::Articles => articles(page),
            Kind::Markdown if several => format!(
                "<!-- source: {} -->\n\n{}",
                comment_safe(&label(&page.source)),
                render::to_markdown(&page.page)
            ),
            Kind::Markdown => render::to_markdown(&page.page),
            Kind::Text if several => format!(
                "==> {} <==\n\n{}",
                label(&page.source),
                render::to_text(&page.page)
            ),
            Kind::Text => render::to_text(&page.page),
            Kind::Csv => {
                // The source column names the file, and the page of a file of several.
                let source = match (&page.source.file, page.source.page) {
                    (None, None) => String::new(),
                    _ => label(&page.source),
                };
                render::to_csv_rows(Some(&source), &page.page)
            }
            Kind::Dolma => {
                render::to_dolma(&page.page, &label(&page.source), options.added.as_deref())
            }
            Kind::Tei if several => {
                render::to_tei_element(&page.page, named(&page.source).as_deref())
            }
            Kind::Tei => render::to_tei(&page.page, named(&page.source).as_deref()),
        }
    }

    /// Parses page `index` of `doc` (see [`Document::parse_page`]), names
    /// its source `file`, and renders it: the bytes of [`Format::page`] of
    /// that page with `several` and `render`, in pieces to be written one
    /// after another, and the number of its articles. The JSON formats
    /// write each article as the page is read ([`crate::parse_with`]), into
    /// pieces of about [`PIECE_BYTES`], so that memory holds the output and
    /// one window's work (not the page's articles as well as their JSON,
    /// nor one allocation the size of the output).
    ///
    /// ```
    /// use jianbao::{formats, Document};
    ///
    /// let doc = Document::from_text("本报讯（记者 张三）近日，某工会开展活动。".into());
    /// let options = Default::default();
    /// let json = formats::find("json").unwrap();
    /// let (pieces, count) = json.parse_page(&doc, 0, Some("a.txt"), &options, false, &Default::default());
    /// let mut page = doc.parse_page(0, &options);
    /// page.source.file = Some("a.txt".into());
    /// assert_eq!(pieces.concat(), json.page(&page, false, &Default::default()));
    /// assert_eq!(count, 1);
    /// ```
    pub fn parse_page(
        &self,
        doc: &Document,
        index: usize,
        file: Option<&str>,
        options: &Options,
        several: bool,
        render: &RenderOptions,
    ) -> (Vec<String>, usize) {
        let pretty = match self.kind {
            Kind::Json => render.pretty && !several,
            Kind::Jsonl => false,
            _ => {
                let mut page = doc.parse_page(index, options);
                page.source.file = file.map(str::to_owned);
                let count = page.page.articles.len();
                return (vec![self.page(&page, several, render)], count);
            }
        };
        let mut json = JsonPage::new(pretty);
        let mut page = doc.parse_page_with(index, options, |a| json.article(&a));
        page.source.file = file.map(str::to_owned);
        let count = json.articles;
        (json.finish(&page), count)
    }

    /// The name of the file one page of a file called `stem` is written to:
    /// `STEM.EXT`, or `STEM.pN.EXT` for page N of a file of several pages.
    ///
    /// ```
    /// let json = jianbao::formats::find("json").unwrap();
    /// assert_eq!(json.file_name("g005", None), "g005.json");
    /// assert_eq!(json.file_name("g005", Some(3)), "g005.p3.json");
    /// ```
    pub fn file_name(&self, stem: &str, page: Option<u32>) -> String {
        match page {
            Some(n) => format!("{stem}.p{n}.{}", self.extension),
            None => format!("{stem}.{}", self.extension),
        }
    }
}

/// The page JSON with its `source`, compact or indented as `JSON.stringify`
/// indents.
fn to_json(page: &SourcedPage, pretty: bool) -> String {
    let result = if pretty {
        serde_json::to_string_pretty(page)
    } else {
        serde_json::to_string(page)
    };
    result.expect("a page always serialises")
}

/// The size of the pieces [`Format::parse_page`] writes the JSON formats'
/// articles into, in bytes (a piece is larger only to hold one article
/// larger than this): large enough that the pieces are few, small enough
/// that the last one's unused room is nothing beside a long page's output.
pub const PIECE_BYTES: usize = 1 << 20;

/// A page's JSON (compact or indented) written an article at a time, then
/// closed with the page's own keys around the articles: the bytes
/// [`to_json`] writes for the whole page, plus the line break that ends it,
/// in pieces.
struct JsonPage {
    /// The articles' JSON so far, comma-separated, in full pieces of about
    /// [`PIECE_BYTES`] and the one being filled.
    pieces: Vec<String>,
    piece: String,
    /// One article's JSON, before it goes into a piece.
    scratch: Vec<u8>,
    pretty: bool,
    articles: usize,
}

impl JsonPage {
    fn new(pretty: bool) -> Self {
        JsonPage {
            pieces: Vec::new(),
            piece: String::new(),
            scratch: Vec::new(),
            pretty,
            articles: 0,
        }
    }

    /// Writes the next article.
    fn article(&mut self, article: &Article) {
        let scratch = &mut self.scratch;
        scratch.clear();
        if self.pretty {
            // An element of the page's `articles`: two levels in, as
            // `to_string_pretty` indents it there. JSON strings hold no raw
            // line break, so every line break is the indenter's.
            scratch.extend_from_slice(match self.articles {
                0 => b"\n    ",
                _ => b",\n    ",
            });
            let json = serde_json::to_string_pretty(article).expect("an article always serialises");
            for (i, line) in json.split('\n').enumerate() {
                if i > 0 {
                    scratch.extend_from_slice(b"\n    ");
                }
                scratch.extend_from_slice(line.as_bytes());
            }
        } else {
            if self.articles > 0 {
                scratch.push(b',');
            }
            serde_json::to_writer(&mut *scratch, article).expect("an article always serialises");
        }
        let json = std::str::from_utf8(scratch).expect("JSON is UTF-8");
        if self.piece.len() + json.len() > self.piece.capacity() {
            let full = std::mem::replace(
                &mut self.piece,
                String::with_capacity(PIECE_BYTES.max(json.len())),
            );
            if !full.is_empty() {
                self.pieces.push(full);
            }
        }
        self.piece.push_str(json);
        self.articles += 1;
    }

    /// The page's JSON in pieces: `page` (whose articles were written here,
    /// so it holds none) with the articles in their place, and a line break.
    fn finish(mut self, page: &SourcedPage) -> Vec<String> {
        debug_assert!(page.page.articles.is_empty());
        let mut skeleton = to_json(page, self.pretty);
        // The page's `articles` key, its list empty: the only one, as no
        // other object has that key, and a string's quotes are escaped.
        let key = match self.pretty {
            true => "\"articles\": []",
            false => "\"articles\":[]",
        };
        let at = skeleton.find(key).expect("a page JSON has its articles") + key.len() - 1;
        let mut tail = match self.pretty && self.articles > 0 {
            true => "\n  ".to_string(),
            false => String::new(),
        };
        tail.push_str(&skeleton[at..]);
        tail.push('\n');
        skeleton.truncate(at);
        let mut pieces = vec![skeleton];
        pieces.append(&mut self.pieces);
        if !self.piece.is_empty() {
            self.piece.shrink_to_fit();
            pieces.push(self.piece);
        }
        pieces.push(tail);
        pieces
    }
}

/// One JSON line per article: the page's `source` (when known), `date` and
/// `weekday`, then the article's own keys.
fn articles(page: &SourcedPage) -> String {
    #[derive(Serialize)]
    struct Line<'a> {
        #[serde(skip_serializing_if = "Source::is_empty")]
        source: &'a Source,
        date: Option<&'a str>,
        weekday: Option<&'a str>,
        #[serde(flatten)]
        article: &'a Article,
    }
    let mut out = String::new();
    for article in &page.page.articles {
        let line = Line {
            source: &page.source,
            date: page.page.page.date.as_deref(),
            weekday: page.page.page.weekday.as_deref(),
            article,
        };
        out.push_str(&serde_json::to_string(&line).expect("an article always serialises"));
        out.push('\n');
    }
    out
}

/// How a page is named where several are joined: `FILE`, `FILE page N`,
/// `page N`, or `-` when nothing is known.
///
/// ```
/// use jianbao::{formats::label, Source};
///
/// let s = Source { file: Some("a.txt".into()), page: Some(3), ..Default::default() };
/// assert_eq!(label(&s), "a.txt page 3");
/// assert_eq!(label(&Source::default()), "-");
/// ```
pub fn label(source: &Source) -> String {
    match (&source.file, source.page) {
        (Some(file), Some(n)) => format!("{file} page {n}"),
        (Some(file), None) => file.clone(),
        (None, Some(n)) => format!("page {n}"),
        (None, None) => "-".into(),
    }
}

/// [`label`], or nothing when nothing is known.
fn named(source: &Source) -> Option<String> {
    (!source.is_empty() && (source.file.is_some() || source.page.is_some())).then(|| label(source))
}

/// Text that may stand inside an HTML comment (`<!-- … -->`), which must not
/// hold `--`: a `-` after a `-` is written `%2D`, and `%` itself `%25`, so
/// the name can be read back.
fn comment_safe(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut after_dash = false;
    for c in text.chars() {
        match c {
            '-' if after_dash => {
                out.push_str("%2D");
                after_dash = false;
                continue;
            }
            '%' => out.push_str("%25"),
            _ => out.push(c),
        }
        after_dash = c == '-';
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sourced(text: &str, file: Option<&str>, page: Option<u32>) -> SourcedPage {
        let mut p = SourcedPage::from(crate::parse(text, &Default::default()));
        p.source.file = file.map(str::to_owned);
        p.source.page = page;
        p
    }

    const PAGE: &str =
        "地铁职工学剪纸\n\n本报讯 （记者 张三） 近日， 某车站职工\n自发完成了大幅剪纸画。\n";

    #[test]
    fn names_and_aliases_are_unique() {
        let mut seen = std::collections::HashSet::new();
        for f in FORMATS {
            for name in std::iter::once(&f.name).chain(f.aliases) {
                assert!(seen.insert(name.to_ascii_lowercase()), "{name} twice");
                assert_eq!(find(name), Some(f));
            }
        }
    }

    #[test]
    fn pages_parsed_by_format_are_its_pages() {
        // Pages of no article, one, several (with an advertisement), of a
        // file of pages, read in windows; with a source and without.
        let item = "地铁职工学剪纸\n\n本报讯（记者 张三）近日，某车站职工“自发”完成了大幅剪纸画。\n\n广告\n\n";
        let long = item.repeat(crate::window::WINDOWED_ABOVE / item.len() + 10);
        let texts = [
            String::new(),
            PAGE.to_string(),
            item.repeat(3),
            format!("{PAGE}\u{c}{}\u{c}\n", item.repeat(2)),
            long,
        ];
        let keep = Options::default();
        let drop_ads = Options {
            keep_ads: false,
            ..Default::default()
        };
        for text in texts {
            // The long input for the JSON formats alone (the others are
            // rendered from the whole page, and it is slow to parse
            // unoptimised).
            let formats = match text.len() > crate::window::WINDOWED_ABOVE {
                true => &FORMATS[..2],
                false => FORMATS,
            };
            let doc = Document::from_text(text);
            for format in formats {
                for (options, render, several, file) in [
                    (&keep, RenderOptions::default(), false, None),
                    (
                        &keep,
                        RenderOptions {
                            pretty: true,
                            ..Default::default()
                        },
                        false,
                        Some("a.txt"),
                    ),
                    (
                        &drop_ads,
                        RenderOptions {
                            pretty: true,
                            ..Default::default()
                        },
                        true,
                        Some("a.txt"),
                    ),
                    (&drop_ads, RenderOptions::default(), true, None),
                ] {
                    for index in 0..doc.pages().len() {
                        let mut page = doc.parse_page(index, options);
                        page.source.file = file.map(str::to_owned);
                        let want = format.page(&page, several, &render);
                        let (pieces, count) =
                            format.parse_page(&doc, index, file, options, several, &render);
                        assert_eq!(pieces.concat(), want, "{}", format.name);
                        assert_eq!(count, page.page.articles.len());
                    }
                }
            }
        }
    }

    #[test]
    fn head_then_pages_is_render() {
        let pages = [
            sourced(PAGE, Some("a.txt"), Some(1)),
            sourced(PAGE, Some("a.txt"), Some(2)),
            sourced("广告", None, None),
        ];
        for f in FORMATS {
            let all = RenderOptions {
                pretty: true,
                bom: true,
                added: Some("2024-01-02T03:04:05Z".into()),
            };
            for options in [RenderOptions::default(), all] {
                let mut streamed = f.head(true, &options);
                for (i, p) in pages.iter().enumerate() {
                    if i > 0 {
                        streamed.push_str(f.separator());
                    }
                    streamed.push_str(&f.page(p, true, &options));
                }
                streamed.push_str(f.tail(true));
                assert_eq!(f.render(&pages, &options), streamed, "{}", f.name);
            }
        }
    }

    #[test]
    fn one_page_alone_is_the_renderers_own_output() {
        let p = sourced(PAGE, Some("x.txt"), None);
        let one = std::slice::from_ref(&p);
        let opts = RenderOptions::default();
        assert_eq!(
            find("markdown").unwrap().render(one, &opts),
            render::to_markdown(&p.page)
        );
        assert_eq!(
            find("text").unwrap().render(one, &opts),
            render::to_text(&p.page)
        );
        let pretty = find("json").unwrap().render(
            one,
            &RenderOptions {
                pretty: true,
                ..Default::default()
            },
        );
        assert!(pretty.starts_with("{\n  \"schema\": \"jianbao/1\",\n"));
        assert!(pretty.ends_with("  \"source\": {\n    \"file\": \"x.txt\"\n  }\n}\n"));
        assert_eq!(
            find("csv").unwrap().render(one, &opts),
            render::to_csv(&[(Some("x.txt"), &p.page)])
        );
    }

    #[test]
    fn several_pages_are_headed_or_one_a_line() {
        let pages = [
            sourced(PAGE, Some("a--b.txt"), Some(2)),
            sourced(PAGE, None, Some(3)),
        ];
        let opts = RenderOptions::default();
        let md = find("md").unwrap().render(&pages, &opts);
        assert!(
            md.starts_with("<!-- source: a-%2Db.txt page 2 -->\n\n## 地铁职工学剪纸\n"),
            "{md}"
        );
        assert!(md.contains("\n\n<!-- source: page 3 -->\n\n"));
        assert!(!md.contains("a--b"));
        let text = find("text").unwrap().render(&pages, &opts);
        assert!(text.starts_with("==> a--b.txt page 2 <==\n\n"));
        let json = find("json").unwrap().render(
            &pages,
            &RenderOptions {
                pretty: true,
                ..Default::default()
            },
        );
        let lines: Vec<&str> = json.lines().collect();
        assert_eq!(lines.len(), 2);
        let first: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
        assert_eq!(
            first["source"],
            serde_json::json!({"file": "a--b.txt", "page": 2})
        );
        let articles = find("articles").unwrap().render(&pages, &opts);
        let line: serde_json::Value =
            serde_json::from_str(articles.lines().next().unwrap()).unwrap();
        assert_eq!(line["source"]["page"], 2);
        assert_eq!(line["title"], "地铁职工学剪纸");
        let csv = find("csv").unwrap().render(
            &pages,
            &RenderOptions {
                bom: true,
                ..Default::default()
            },
        );
        assert!(csv.starts_with("\u{FEFF}source,date,kind,"));
        assert_eq!(csv.matches("\u{FEFF}").count(), 1);
    }

    #[test]
    fn tei_pages_are_one_corpus_and_dolma_documents_name_their_page() {
        let pages = [
            sourced(PAGE, Some("a.txt"), Some(1)),
            sourced(PAGE, Some("a.txt"), Some(2)),
        ];
        let opts = RenderOptions {
            added: Some("2024-01-02T03:04:05Z".into()),
            ..Default::default()
        };
        let tei = find("tei").unwrap().render(&pages, &opts);
        assert!(tei.starts_with(render::TEI_CORPUS_START) && tei.ends_with(render::TEI_CORPUS_END));
        assert_eq!(tei.matches("<TEI ").count(), 2);
        let one = find("xml").unwrap().render(&pages[..1], &opts);
        assert_eq!(one, render::to_tei(&pages[0].page, Some("a.txt page 1")));
        let dolma = find("dolma").unwrap().render(&pages, &opts);
        let ids: Vec<String> = dolma
            .lines()
            .map(|l| {
                serde_json::from_str::<serde_json::Value>(l).unwrap()["id"]
                    .as_str()
                    .unwrap()
                    .to_string()
            })
            .collect();
        assert_eq!(ids, ["a.txt page 1#0", "a.txt page 2#0"]);
        assert!(dolma.contains(r#""added":"2024-01-02T03:04:05Z""#));
    }

    #[test]
    fn comment_safe_escapes_double_dashes() {
        assert_eq!(comment_safe("a-b"), "a-b");
        assert_eq!(comment_safe("a--b---c"), "a-%2Db-%2D-c");
        assert_eq!(comment_safe("100%--x"), "100%25-%2Dx");
        assert!(!comment_safe("-->").contains("--"));
    }
}
