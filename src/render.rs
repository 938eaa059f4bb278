//! Rendering a parsed [`Page`] for people and for other programs: Markdown,
//! plain reading text, page JSON, JSON Lines (per page or per article), CSV
//! (one row per article), dolma documents (one JSON line per article, for
//! corpora; `render/dolma.rs`) and TEI XML (one document per page, for
//! archives; `render/tei.rs`).
//!
//! Every function here is pure and total: the same page always gives the
//! same string, and none can fail. The command-line tool and the
//! WebAssembly build both render through this module.
//!
//! ```
//! use jianbao::render;
//!
//! let page = jianbao::parse("本报讯（记者 张三）近日，某工会开展活动。", &Default::default());
//! let json = render::to_json(&page, false);
//! assert!(json.starts_with(r#"{"schema":"jianbao/1","page":{"#));
//! ```

use serde::Serialize;

use crate::{Article, BlockType, Byline, Kind, Page};

mod dolma;
#[cfg(test)]
mod sample;
mod tei;

pub use dolma::{timestamp as dolma_timestamp, to_dolma};
pub use tei::{to_tei, to_tei_element, TEI_CORPUS_END, TEI_CORPUS_START};

/// The page as Markdown: the date line and banners first, then each
/// article (column, kicker, `##` title, subtitle, dateline and byline, body
/// with `###` subheads, signature), articles divided by `---` rules.
///
/// Text is escaped so that nothing printed in the paper turns into Markdown
/// markup (`*`, `_`, `[`, a leading `#`, …).
///
/// ```
/// use jianbao::{Article, Block, BlockType, Byline, Kind, Page, PageInfo};
///
/// let page = Page {
///     schema: jianbao::SCHEMA.into(),
///     page: PageInfo { date: Some("2020-05-20".into()), weekday: Some("星期三".into()), ..Default::default() },
///     banners: vec![],
///     articles: vec![Article {
///         kind: Kind::News, column: None, kicker: None,
///         title: Some("某大学工会打造温馨健康校园环境".into()), subtitle: None,
///         dateline: Some("本报讯".into()),
///         byline: Byline { reporters: vec!["韦晴".into()], ..Default::default() },
///         blocks: vec![Block { kind: BlockType::Paragraph, text: "购买物资。".into(), spans: vec![] }],
///         signature: None,
///         ..Article::new(Kind::News)
///     }],
///     ..Page::default()
/// };
/// assert_eq!(
///     jianbao::render::to_markdown(&page),
///     "*2020-05-20 星期三*\n\n---\n\n## 某大学工会打造温馨健康校园环境\n\n*本报讯 记者 韦晴*\n\n购买物资。\n",
/// );
/// ```
pub fn to_markdown(page: &Page) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut head: Vec<String> = Vec::new();
    if let Some(line) = date_line(page) {
        head.push(format!("*{}*", md_escape(&line)));
    }
    if let Some(line) = staff_line(page) {
        head.push(format!("*{}*", md_escape(&line)));
    }
    if !head.is_empty() {
        parts.push(head.join("  \n"));
    }
    for banner in &page.banners {
        parts.push(format!("**{}**", md_escape(banner)));
    }
    for (i, article) in page.articles.iter().enumerate() {
        if i > 0 || !parts.is_empty() {
            parts.push("---".into());
        }
        if let Some(column) = &article.column {
            parts.push(format!("【{}】", md_escape(column)));
        }
        if let Some(kicker) = &article.kicker {
            parts.push(format!("*{}*", md_escape(kicker)));
        }
        if let Some(title) = &article.title {
            parts.push(format!("## {}", md_escape(title)));
        }
        if let Some(subtitle) = &article.subtitle {
            parts.push(format!("**{}**", md_escape(subtitle)));
        }
        if let Some(line) = credit_line(article) {
            parts.push(format!("*{}*", md_escape(&line)));
        }
        for block in &article.blocks {
            match block.kind {
                BlockType::Heading => parts.push(format!("### {}", md_escape(&block.text))),
                BlockType::Paragraph => parts.push(md_escape(&block.text)),
            }
        }
        if let Some(signature) = &article.signature {
            parts.push(format!("*{}*", md_escape(signature)));
        }
    }
    finish(parts)
}

/// The page as plain reading text: the date line and banners first, then
/// each article's display lines (column in 【】, kicker, title, subtitle),
/// its dateline and byline on one line, a blank line, the body (one
/// paragraph or subhead a line, blank lines between) and the signature.
/// Articles are divided by a `* * *` line.
///
/// ```
/// use jianbao::{Article, Block, BlockType, Byline, Kind, Page, PageInfo};
///
/// let article = Article {
///     kind: Kind::Column, column: Some("读者来信".into()), kicker: None,
///     title: Some("谢谢你们".into()), subtitle: None, dateline: None,
///     byline: Byline::default(),
///     blocks: vec![
///         Block { kind: BlockType::Paragraph, text: "第一段。".into(), spans: vec![] },
///         Block { kind: BlockType::Paragraph, text: "第二段。".into(), spans: vec![] },
///     ],
///     signature: Some("职工 李四".into()),
///     ..Article::new(Kind::Column)
/// };
/// let page = Page { articles: vec![article], ..Page::default() };
/// assert_eq!(
///     jianbao::render::to_text(&page),
///     "【读者来信】\n谢谢你们\n\n第一段。\n\n第二段。\n\n职工 李四\n",
/// );
/// ```
pub fn to_text(page: &Page) -> String {
    let mut parts: Vec<String> = Vec::new();
    let head: Vec<String> = date_line(page)
        .into_iter()
        .chain(staff_line(page))
        .collect();
    if !head.is_empty() {
        parts.push(head.join("\n"));
    }
    if !page.banners.is_empty() {
        parts.push(page.banners.join("\n"));
    }
    for (i, article) in page.articles.iter().enumerate() {
        if i > 0 || !parts.is_empty() {
            parts.push("* * *".into());
        }
        let mut display: Vec<String> = Vec::new();
        if let Some(column) = &article.column {
            display.push(format!("【{column}】"));
        }
        display.extend(
            [&article.kicker, &article.title, &article.subtitle]
                .into_iter()
                .flatten()
                .cloned(),
        );
        display.extend(credit_line(article));
        if !display.is_empty() {
            parts.push(display.join("\n"));
        }
        parts.extend(article.blocks.iter().map(|b| b.text.clone()));
        parts.extend(article.signature.clone());
    }
    finish(parts)
}

/// The page JSON (schema `jianbao/1`), compact or indented by two spaces.
///
/// The compact form is byte for byte what JavaScript's `JSON.stringify(page)`
/// gives for the same object, and the pretty form what
/// `JSON.stringify(page, null, 2)` gives: keys in the model's field order,
/// non-ASCII characters unescaped, control characters as `\n` or `\u001f`.
///
/// ```
/// let page = jianbao::parse("", &Default::default());
/// let compact = jianbao::render::to_json(&page, false);
/// assert!(compact.starts_with(r#"{"schema":"jianbao/1","page":{"date":null,"#));
/// let pretty = jianbao::render::to_json(&page, true);
/// assert!(pretty.starts_with("{\n  \"schema\": \"jianbao/1\",\n  \"page\": {\n"));
/// ```
pub fn to_json(page: &Page, pretty: bool) -> String {
    let result = if pretty {
        serde_json::to_string_pretty(page)
    } else {
        serde_json::to_string(page)
    };
    result.expect("a Page always serialises")
}

/// The page as one JSON Lines record: its compact JSON on one line, ending
/// in `\n`. With a `source` (a file name, a URL) the record starts with a
/// `"source"` key before the page's own keys; without one it is exactly
/// [`to_json`]`(page, false)` plus the line break.
///
/// ```
/// let page = jianbao::parse("", &Default::default());
/// let line = jianbao::render::to_jsonl_page(&page, Some("pages/001.txt"));
/// assert!(line.starts_with(r#"{"source":"pages/001.txt","schema":"jianbao/1","#));
/// assert!(line.ends_with("}\n") && line.lines().count() == 1);
/// assert_eq!(jianbao::render::to_jsonl_page(&page, None), jianbao::render::to_json(&page, false) + "\n");
/// ```
pub fn to_jsonl_page(page: &Page, source: Option<&str>) -> String {
    #[derive(Serialize)]
    struct Sourced<'a> {
        source: &'a str,
        #[serde(flatten)]
        page: &'a Page,
    }
    let mut line = match source {
        Some(source) => serde_json::to_string(&Sourced { source, page }),
        None => serde_json::to_string(page),
    }
    .expect("a Page always serialises");
    line.push('\n');
    line
}

/// One JSON line per article, each ending in `\n`: the keys `source`,
/// `date` and `weekday` (from the page; `null` when absent) followed by the
/// article's own keys in model order. An empty page gives an empty string.
///
/// ```
/// use jianbao::{Article, Byline, Kind, Page, PageInfo};
///
/// let ad = Article {
///     kind: Kind::Ad, column: None, kicker: None, title: None, subtitle: None, dateline: None,
///     byline: Byline::default(), blocks: vec![], signature: None,
///     ..Article::new(Kind::Ad)
/// };
/// let page = Page {
///     page: PageInfo { date: Some("2019-04-19".into()), ..Default::default() },
///     articles: vec![ad.clone(), ad],
///     ..Page::default()
/// };
/// let out = jianbao::render::to_jsonl_articles(&page, Some("a.txt"));
/// assert_eq!(out.lines().count(), 2);
/// assert!(out.starts_with(r#"{"source":"a.txt","date":"2019-04-19","weekday":null,"kind":"ad","#));
/// ```
pub fn to_jsonl_articles(page: &Page, source: Option<&str>) -> String {
    #[derive(Serialize)]
    struct Line<'a> {
        source: Option<&'a str>,
        date: Option<&'a str>,
        weekday: Option<&'a str>,
        #[serde(flatten)]
        article: &'a Article,
    }
    let mut out = String::new();
    for article in &page.articles {
        let line = Line {
            source,
            date: page.page.date.as_deref(),
            weekday: page.page.weekday.as_deref(),
            article,
        };
        out.push_str(&serde_json::to_string(&line).expect("an Article always serialises"));
        out.push('\n');
    }
    out
}

/// The columns of [`to_csv`], in order; also its header row.
///
/// ```
/// assert_eq!(jianbao::render::CSV_COLUMNS[0], "source");
/// assert_eq!(jianbao::render::CSV_COLUMNS.last(), Some(&"body"));
/// ```
pub const CSV_COLUMNS: [&str; 14] = [
    "source",
    "date",
    "kind",
    "column",
    "kicker",
    "title",
    "subtitle",
    "dateline",
    "reporters",
    "correspondents",
    "photographers",
    "authors",
    "signature",
    "body",
];

/// The articles of several pages as CSV (RFC 4180): a header row of
/// [`CSV_COLUMNS`], then one row per article. Names in a byline list are
/// joined with `、`, the body's blocks (paragraphs and subheads) with `\n`;
/// an absent value is an empty field. Fields holding a comma, a double
/// quote or a line break are quoted, quotes doubled; records end in CRLF.
///
/// No byte-order mark is written: prepend `\u{FEFF}` for spreadsheet
/// programs that need one to read UTF-8 (the `csv` format of
/// [`crate::formats`] does with `bom`). Fields that a spreadsheet would run
/// as a formula are neutralised (see OWASP's CSV injection).
///
/// ```
/// let page = jianbao::parse("", &Default::default());
/// let csv = jianbao::render::to_csv(&[(Some("a.txt"), &page)]);
/// assert!(csv.starts_with("source,date,kind,column,kicker,title,subtitle,dateline,"));
/// ```
pub fn to_csv(pages: &[(Option<&str>, &Page)]) -> String {
    let mut out = csv_record(CSV_COLUMNS.iter().copied());
    for (source, page) in pages {
        out.push_str(&to_csv_rows(*source, page));
    }
    out
}

/// The rows [`to_csv`] writes for one page, without the header: for
/// writing a large batch one page at a time.
///
/// ```
/// let page = jianbao::parse("", &Default::default());
/// let mut csv = jianbao::render::to_csv(&[]);
/// csv.push_str(&jianbao::render::to_csv_rows(Some("a.txt"), &page));
/// assert_eq!(csv, jianbao::render::to_csv(&[(Some("a.txt"), &page)]));
/// ```
pub fn to_csv_rows(source: Option<&str>, page: &Page) -> String {
    let mut out = String::new();
    for article in &page.articles {
        let names = |list: &[String]| list.join("、");
        let body = article
            .blocks
            .iter()
            .map(|b| b.text.as_str())
            .collect::<Vec<_>>()
            .join("\n");
        let fields = [
            source.unwrap_or("").to_string(),
            page.page.date.clone().unwrap_or_default(),
            kind_name(article.kind).to_string(),
            article.column.clone().unwrap_or_default(),
            article.kicker.clone().unwrap_or_default(),
            article.title.clone().unwrap_or_default(),
            article.subtitle.clone().unwrap_or_default(),
            article.dateline.clone().unwrap_or_default(),
            names(&article.byline.reporters),
            names(&article.byline.correspondents),
            names(&article.byline.photographers),
            names(&article.byline.authors),
            article.signature.clone().unwrap_or_default(),
            body,
        ];
        out.push_str(&csv_record(fields.iter().map(String::as_str)));
    }
    out
}

/// The name of a [`Kind`] as it appears in the JSON.
fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::News => "news",
        Kind::Feature => "feature",
        Kind::Photo => "photo",
        Kind::Column => "column",
        Kind::Ad => "ad",
    }
}

/// One CSV record, CRLF-terminated.
///
/// A field that a spreadsheet would take for a formula (starting with `=`,
/// `+`, `-`, `@`, a tab or a carriage return) is neutralised as OWASP
/// recommends against CSV injection: a `'` in front, and the field quoted.
fn csv_record<'a>(fields: impl Iterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for (i, field) in fields.enumerate() {
        if i > 0 {
            out.push(',');
        }
        let formula = field.starts_with(['=', '+', '-', '@', '\t', '\r']);
        if formula || field.contains([',', '"', '\r', '\n']) {
            out.push('"');
            if formula {
                out.push('\'');
            }
            out.push_str(&field.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(field);
        }
    }
    out.push_str("\r\n");
    out
}

/// `2020-05-20 星期三`, or whichever half the page prints.
fn date_line(page: &Page) -> Option<String> {
    let parts: Vec<&str> = [&page.page.date, &page.page.weekday]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect();
    (!parts.is_empty()).then(|| parts.join(" "))
}

/// `本版编辑 林禾 · 美术编辑 周澜`.
fn staff_line(page: &Page) -> Option<String> {
    let staff = &page.page.staff;
    (!staff.is_empty()).then(|| {
        staff
            .iter()
            .map(|s| format!("{} {}", s.role, s.name))
            .collect::<Vec<_>>()
            .join(" · ")
    })
}

/// `本报讯 记者 韦晴 通讯员 陆晓川、王五 摄影 赵六 文 孙七`.
fn credit_line(article: &Article) -> Option<String> {
    let Byline {
        reporters,
        correspondents,
        photographers,
        authors,
    } = &article.byline;
    let mut parts: Vec<String> = article.dateline.iter().cloned().collect();
    for (role, names) in [
        ("记者", reporters),
        ("通讯员", correspondents),
        ("摄影", photographers),
        ("文", authors),
    ] {
        if !names.is_empty() {
            parts.push(format!("{role} {}", names.join("、")));
        }
    }
    (!parts.is_empty()).then(|| parts.join(" "))
}

/// Joins rendered blocks with blank lines and ends with one line break.
fn finish(parts: Vec<String>) -> String {
    if parts.is_empty() {
        return String::new();
    }
    let mut out = parts.join("\n\n");
    out.push('\n');
    out
}

/// Escapes text so that Markdown shows it literally: inline markup
/// characters anywhere, block markers at the start of a line.
fn md_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let trimmed = line.trim_start_matches(' ');
        out.push_str(&line[..line.len() - trimmed.len()]);
        // A leading `1.` or `1)` would start an ordered list.
        let digits = trimmed.bytes().take_while(u8::is_ascii_digit).count();
        let ordered = digits > 0 && matches!(trimmed.as_bytes().get(digits), Some(b'.' | b')'));
        for (j, c) in trimmed.char_indices() {
            let at_start = j == 0 && matches!(c, '#' | '>' | '-' | '+' | '=' | '|');
            let inline = matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '&' | '~');
            if at_start || inline || (ordered && j == digits) {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Block, PageInfo, Staff, SCHEMA};

    fn block(kind: BlockType, text: &str) -> Block {
        Block {
            kind,
            text: text.into(),
            spans: vec![[0, 1]],
        }
    }

    /// A page with one of everything.
    fn sample() -> Page {
        let news = Article {
            kicker: Some("打造“三心服务”".into()),
            title: Some("滨河工会增进职工获得感".into()),
            subtitle: Some("社区食堂 走出新路子".into()),
            dateline: Some("本报讯".into()),
            byline: Byline {
                reporters: vec!["唐悦悦".into()],
                correspondents: vec!["王五".into(), "赵六".into()],
                ..Default::default()
            },
            blocks: vec![
                block(
                    BlockType::Paragraph,
                    "记者从会上获悉，“三心服务”建设成效明显。",
                ),
                block(BlockType::Heading, "社区食堂建设走出新路子"),
                block(
                    BlockType::Paragraph,
                    "据介绍，全年服务职工12351人次, 满意率高。",
                ),
            ],
            spans: vec![[0, 10]],
            title_spans: vec![[0, 5]],
            ..Article::new(Kind::News)
        };
        let column = Article {
            column: Some("读者来信".into()),
            title: Some("谢谢你们".into()),
            byline: Byline {
                authors: vec!["李四".into()],
                ..Default::default()
            },
            blocks: vec![block(BlockType::Paragraph, "说一句\"谢谢\"。")],
            signature: Some("滨河供电局工会干部 李四".into()),
            ..Article::new(Kind::Column)
        };
        let photo = Article {
            byline: Byline {
                photographers: vec!["孙七".into()],
                ..Default::default()
            },
            blocks: vec![block(BlockType::Paragraph, "职工在展示刺绣作品。")],
            ..Article::new(Kind::Photo)
        };
        let ad = Article {
            blocks: vec![block(BlockType::Paragraph, "广告")],
            ..Article::new(Kind::Ad)
        };
        Page {
            schema: SCHEMA.into(),
            page: PageInfo {
                date: Some("2019-04-19".into()),
                weekday: Some("星期五".into()),
                staff: vec![
                    Staff {
                        role: "本版编辑".into(),
                        name: "林禾".into(),
                    },
                    Staff {
                        role: "校对".into(),
                        name: "叶青".into(),
                    },
                ],
                emails: vec!["xhzbbj@126.com".into()],
                phones: vec![],
                spans: vec![],
            },
            banners: vec!["学习贯彻大会精神".into()],
            articles: vec![news, column, photo, ad],
            banner_spans: vec![vec![[3, 9]]],
            ..Page::default()
        }
    }

    fn empty() -> Page {
        Page::default()
    }

    #[test]
    fn markdown() {
        let expected = "\
*2019-04-19 星期五*  
*本版编辑 林禾 · 校对 叶青*

**学习贯彻大会精神**

---

*打造“三心服务”*

## 滨河工会增进职工获得感

**社区食堂 走出新路子**

*本报讯 记者 唐悦悦 通讯员 王五、赵六*

记者从会上获悉，“三心服务”建设成效明显。

### 社区食堂建设走出新路子

据介绍，全年服务职工12351人次, 满意率高。

---

【读者来信】

## 谢谢你们

*文 李四*

说一句\"谢谢\"。

*滨河供电局工会干部 李四*

---

*摄影 孙七*

职工在展示刺绣作品。

---

广告
";
        assert_eq!(to_markdown(&sample()), expected);
    }

    #[test]
    fn markdown_escapes_markup() {
        assert_eq!(
            md_escape("**2561** a_b [x](y) <b>"),
            r"\*\*2561\*\* a\_b \[x\](y) \<b>"
        );
        assert_eq!(md_escape("# 一"), r"\# 一");
        assert_eq!(
            md_escape("- 一\n1. 二\n3) 三\n12351职工"),
            "\\- 一\n1\\. 二\n3\\) 三\n12351职工"
        );
        assert_eq!(md_escape("普通文字，“引号”。"), "普通文字，“引号”。");
    }

    #[test]
    fn text() {
        let expected = "\
2019-04-19 星期五
本版编辑 林禾 · 校对 叶青

学习贯彻大会精神

* * *

打造“三心服务”
滨河工会增进职工获得感
社区食堂 走出新路子
本报讯 记者 唐悦悦 通讯员 王五、赵六

记者从会上获悉，“三心服务”建设成效明显。

社区食堂建设走出新路子

据介绍，全年服务职工12351人次, 满意率高。

* * *

【读者来信】
谢谢你们
文 李四

说一句\"谢谢\"。

滨河供电局工会干部 李四

* * *

摄影 孙七

职工在展示刺绣作品。

* * *

广告
";
        assert_eq!(to_text(&sample()), expected);
    }

    #[test]
    fn csv_neutralises_formulas() {
        let fields = [
            "=SUM(A1:A9)",
            "+1",
            "-2",
            "@cmd",
            "\tx",
            "\rx",
            "a=b",
            "普通",
            "\"=x\"",
        ];
        assert_eq!(
            csv_record(fields.into_iter()),
            "\"'=SUM(A1:A9)\",\"'+1\",\"'-2\",\"'@cmd\",\"'\tx\",\"'\rx\",a=b,普通,\"\"\"=x\"\"\"\r\n"
        );
    }

    #[test]
    fn empty_page_renders_empty() {
        assert_eq!(to_markdown(&empty()), "");
        assert_eq!(to_text(&empty()), "");
        assert_eq!(to_jsonl_articles(&empty(), Some("x")), "");
        assert_eq!(to_csv(&[(None, &empty())]), CSV_COLUMNS.join(",") + "\r\n");
    }

    #[test]
    fn json_round_trips_and_is_compact() {
        let page = sample();
        let compact = to_json(&page, false);
        assert!(!compact.contains('\n'));
        assert!(compact.starts_with(
            r#"{"schema":"jianbao/1","page":{"date":"2019-04-19","weekday":"星期五","staff":[{"role":"本版编辑","name":"林禾"}"#
        ));
        // Non-ASCII stays unescaped, as JSON.stringify leaves it.
        assert!(compact.contains("滨河工会"));
        assert!(compact.contains(r#""blocks":[{"type":"paragraph","text":"#));
        assert_eq!(serde_json::from_str::<Page>(&compact).unwrap(), page);
        let pretty = to_json(&page, true);
        assert!(pretty.contains("\n  \"banners\": [\n    \"学习贯彻大会精神\"\n  ],\n"));
        assert!(pretty.contains("\"phones\": [],"));
        assert_eq!(serde_json::from_str::<Page>(&pretty).unwrap(), page);
    }

    #[test]
    fn json_escapes_like_json_stringify() {
        let mut page = empty();
        page.banners = vec!["a\"b\\c\nd\u{1}e\u{7f}\u{2028}".into()];
        let json = to_json(&page, false);
        // JSON.stringify(["a\"b\\c\nd\u0001e\u007f\u2028"]) in JavaScript.
        assert!(json.contains("[\"a\\\"b\\\\c\\nd\\u0001e\u{7f}\u{2028}\"]"));
    }

    #[test]
    fn jsonl_page() {
        let page = sample();
        let line = to_jsonl_page(&page, Some("pages/x.txt"));
        // The page's own JSON with one key put in front.
        let own = to_json(&page, false);
        assert_eq!(
            line,
            format!(r#"{{"source":"pages/x.txt",{}"#, &own[1..]) + "\n"
        );
        assert_eq!(to_jsonl_page(&page, None), own + "\n");
    }

    #[test]
    fn jsonl_articles() {
        let page = sample();
        let out = to_jsonl_articles(&page, Some("p.txt"));
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 4);
        assert!(out.ends_with('\n'));
        for (line, article) in lines.iter().zip(&page.articles) {
            // Three page keys, then the article's own JSON, in order.
            let own = serde_json::to_string(article).unwrap();
            let expected = format!(
                r#"{{"source":"p.txt","date":"2019-04-19","weekday":"星期五",{}"#,
                &own[1..]
            );
            assert_eq!(*line, expected);
            let mut value: serde_json::Value = serde_json::from_str(line).unwrap();
            let object = value.as_object_mut().unwrap();
            for key in ["source", "date", "weekday"] {
                object.remove(key);
            }
            assert_eq!(&serde_json::from_value::<Article>(value).unwrap(), article);
        }
        let anonymous = to_jsonl_articles(&page, None);
        assert!(anonymous.starts_with(r#"{"source":null,"date":"2019-04-19","#));
    }

    #[test]
    fn csv() {
        let page = sample();
        let mut other = empty();
        other.articles = vec![Article {
            title: Some("逗号,与\"引号\"".into()),
            ..Article::new(Kind::Feature)
        }];
        let csv = to_csv(&[(Some("a.txt"), &page), (None, &other)]);
        let expected = "\
source,date,kind,column,kicker,title,subtitle,dateline,reporters,correspondents,photographers,authors,signature,body\r
a.txt,2019-04-19,news,,打造“三心服务”,滨河工会增进职工获得感,社区食堂 走出新路子,本报讯,唐悦悦,王五、赵六,,,,\"记者从会上获悉，“三心服务”建设成效明显。\n社区食堂建设走出新路子\n据介绍，全年服务职工12351人次, 满意率高。\"\r
a.txt,2019-04-19,column,读者来信,,谢谢你们,,,,,,李四,滨河供电局工会干部 李四,\"说一句\"\"谢谢\"\"。\"\r
a.txt,2019-04-19,photo,,,,,,,,孙七,,,职工在展示刺绣作品。\r
a.txt,2019-04-19,ad,,,,,,,,,,,广告\r
,,feature,,,\"逗号,与\"\"引号\"\"\",,,,,,,,\r
";
        assert_eq!(csv, expected);
        assert_eq!(
            to_csv_rows(Some("a.txt"), &page),
            expected
                .split_once("\r\n")
                .unwrap()
                .1
                .rsplit_once(",,feature")
                .unwrap()
                .0
        );
    }
}
