//! TEI P5 XML: one document per page, for archives.

use std::fmt::Write as _;

use super::kind_name;
use crate::{Article, BlockType, Page};

/// The TEI namespace.
const TEI_NS: &str = "http://www.tei-c.org/ns/1.0";

/// The page as one TEI P5 document (UTF-8, `xml:lang="zh"`):
///
/// - `teiHeader`: the title is `source` (or `jianbao page`); the page's
///   staff as `respStmt`s (`resp` = the role as printed, `persName`); the
///   source description names `source` (`idno type="source"`) and the page's
///   date (`date when="YYYY-MM-DD"`, the weekday as its text).
/// - `text/body`: the banners as `<div type="banner">` each with one `<p>`;
///   then each article a `<div type="article" subtype="KIND" n="N">` (N
///   counts from one) with, in order: `<head type="column">`, `<head type="kicker">`,
///   `<head type="main">` (the title), `<head type="subtitle">`,
///   `<dateline>`, `<byline>` (one `<persName role="reporter">`, `…
///   "correspondent"`, `"photographer"` or `"author"` per name), the body's
///   `<p>`s, each subhead opening a `<div type="section">` with
///   `<head type="sub">` and the paragraphs after it, and the signature as
///   `<closer><signed>`. A body without paragraphs gets one empty `<p/>`, as
///   TEI wants something in a `div` after its heads (and a page without
///   banners or articles gets one in its `body`).
///
/// Text is escaped (`&`, `<`, `>`, `"`), and characters
/// XML 1.0 cannot hold (most C0 controls, U+FFFE, U+FFFF) become U+FFFD, so
/// the output is always well-formed XML. Indented by two spaces, ending in
/// `\n`.
///
/// ```
/// let page = jianbao::parse("地铁职工学剪纸\n\n本报讯（记者 张三）近日，某车站职工\n自发创作了大幅剪纸画。\n", &Default::default());
/// let tei = jianbao::render::to_tei(&page, Some("a.txt"));
/// assert!(tei.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TEI xmlns=\"http://www.tei-c.org/ns/1.0\""));
/// assert!(tei.contains("<head type=\"main\">地铁职工学剪纸</head>"));
/// assert!(tei.contains("<byline><persName role=\"reporter\">张三</persName></byline>"));
/// ```
pub fn to_tei(page: &Page, source: Option<&str>) -> String {
    let mut out = String::from(XML_DECLARATION);
    out.push_str(&to_tei_element(page, source));
    out
}

const XML_DECLARATION: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

/// [`to_tei`] without the XML declaration: the `<TEI>` element alone, to
/// put inside a `<teiCorpus>` between [`TEI_CORPUS_START`] and
/// [`TEI_CORPUS_END`] (how the CLI writes several pages to one stream).
///
/// ```
/// use jianbao::render::{to_tei_element, TEI_CORPUS_END, TEI_CORPUS_START};
///
/// let page = jianbao::parse("本报讯 近日，某工会开展活动。", &Default::default());
/// let corpus = [TEI_CORPUS_START, &to_tei_element(&page, Some("a.txt")),
///               &to_tei_element(&page, Some("b.txt")), TEI_CORPUS_END].concat();
/// assert_eq!(corpus.matches("<TEI ").count(), 2);
/// ```
pub fn to_tei_element(page: &Page, source: Option<&str>) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "<TEI xmlns=\"{TEI_NS}\" xml:lang=\"zh\">");
    header(&mut out, page, source);
    out.push_str("  <text>\n    <body>\n");
    for banner in &page.banners {
        let _ = writeln!(
            out,
            "      <div type=\"banner\">\n        <p>{}</p>\n      </div>",
            escape(banner)
        );
    }
    for (i, article) in page.articles.iter().enumerate() {
        write_article(&mut out, article, i + 1);
    }
    if page.banners.is_empty() && page.articles.is_empty() {
        // TEI wants something in a body.
        out.push_str("      <p/>\n");
    }
    out.push_str("    </body>\n  </text>\n</TEI>\n");
    out
}

/// The start of a TEI corpus of pages (XML declaration, `<teiCorpus>` and
/// its header); [`to_tei_element`]s follow, then [`TEI_CORPUS_END`].
pub const TEI_CORPUS_START: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>
<teiCorpus xmlns=\"http://www.tei-c.org/ns/1.0\" xml:lang=\"zh\">
  <teiHeader>
    <fileDesc>
      <titleStmt>
        <title>jianbao pages</title>
      </titleStmt>
      <publicationStmt>
        <p>Newspaper pages, structured by jianbao from their raw text, one TEI document each.</p>
      </publicationStmt>
      <sourceDesc>
        <p>Raw text of newspaper pages.</p>
      </sourceDesc>
    </fileDesc>
  </teiHeader>
";

/// The end of a TEI corpus begun with [`TEI_CORPUS_START`].
pub const TEI_CORPUS_END: &str = "</teiCorpus>\n";

fn header(out: &mut String, page: &Page, source: Option<&str>) {
    out.push_str("  <teiHeader>\n    <fileDesc>\n      <titleStmt>\n");
    let _ = writeln!(
        out,
        "        <title>{}</title>",
        escape(source.unwrap_or("jianbao page"))
    );
    for staff in &page.page.staff {
        let _ = writeln!(
            out,
            "        <respStmt><resp>{}</resp><persName>{}</persName></respStmt>",
            escape(&staff.role),
            escape(&staff.name)
        );
    }
    out.push_str("      </titleStmt>\n");
    out.push_str(
        "      <publicationStmt>\n        <p>Articles of a newspaper page, \
         structured by jianbao from the page's raw text.</p>\n      </publicationStmt>\n",
    );
    out.push_str("      <sourceDesc>\n        <bibl>");
    if let Some(source) = source {
        let _ = write!(out, "<idno type=\"source\">{}</idno>", escape(source));
    }
    let when = [&page.page.date, &page.page.weekday]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(" ");
    match &page.page.date {
        Some(date) => {
            let _ = write!(
                out,
                "<date when=\"{}\">{}</date>",
                escape(date),
                escape(&when)
            );
        }
        None if !when.is_empty() => {
            let _ = write!(out, "<date>{}</date>", escape(&when));
        }
        None if source.is_none() => out.push_str("A newspaper page"),
        None => {}
    }
    out.push_str("</bibl>\n      </sourceDesc>\n    </fileDesc>\n  </teiHeader>\n");
}

fn write_article(out: &mut String, article: &Article, n: usize) {
    let _ = writeln!(
        out,
        "      <div type=\"article\" subtype=\"{}\" n=\"{n}\">",
        kind_name(article.kind)
    );
    for (kind, text) in [
        ("column", &article.column),
        ("kicker", &article.kicker),
        ("main", &article.title),
        ("subtitle", &article.subtitle),
    ] {
        if let Some(text) = text {
            let _ = writeln!(out, "        <head type=\"{kind}\">{}</head>", escape(text));
        }
    }
    if let Some(dateline) = &article.dateline {
        let _ = writeln!(out, "        <dateline>{}</dateline>", escape(dateline));
    }
    let byline = &article.byline;
    let persons: Vec<String> = [
        ("reporter", &byline.reporters),
        ("correspondent", &byline.correspondents),
        ("photographer", &byline.photographers),
        ("author", &byline.authors),
    ]
    .into_iter()
    .flat_map(|(role, names)| {
        names
            .iter()
            .map(move |name| format!("<persName role=\"{role}\">{}</persName>", escape(name)))
    })
    .collect();
    if !persons.is_empty() {
        let _ = writeln!(out, "        <byline>{}</byline>", persons.concat());
    }
    let mut in_section = false;
    let mut paragraphs = 0usize;
    for block in &article.blocks {
        match block.kind {
            BlockType::Heading => {
                if in_section {
                    out.push_str("        </div>\n");
                }
                let _ = writeln!(
                    out,
                    "        <div type=\"section\">\n          <head type=\"sub\">{}</head>",
                    escape(&block.text)
                );
                in_section = true;
            }
            BlockType::Paragraph => {
                let indent = if in_section { "          " } else { "        " };
                let _ = writeln!(out, "{indent}<p>{}</p>", escape(&block.text));
                paragraphs += 1;
            }
        }
    }
    if in_section {
        out.push_str("        </div>\n");
    } else if paragraphs == 0 {
        out.push_str("        <p/>\n");
    }
    if let Some(signature) = &article.signature {
        let _ = writeln!(
            out,
            "        <closer><signed>{}</signed></closer>",
            escape(signature)
        );
    }
    out.push_str("      </div>\n");
}

/// Text for XML content or a double-quoted attribute: `&`, `<`, `>` and `"`
/// as references, characters XML 1.0 cannot hold as U+FFFD.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(c),
            '\u{0}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}' => out.push(char::REPLACEMENT_CHARACTER),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::sample::sample_page;
    use crate::{parse, Options};

    #[test]
    fn articles_heads_bylines_sections_and_closers() {
        let page = sample_page();
        let tei = to_tei(&page, Some("pages/a&b.txt"));
        assert!(tei.contains("<title>pages/a&amp;b.txt</title>"), "{tei}");
        assert!(tei.contains("<idno type=\"source\">pages/a&amp;b.txt</idno>"));
        assert!(tei.contains("<date when=\"2019-04-19\">2019-04-19 星期五</date>"));
        assert!(tei.contains("<respStmt><resp>本版编辑</resp><persName>林禾</persName></respStmt>"));
        assert!(tei.contains("<div type=\"banner\">\n        <p>学习 &amp; 贯彻</p>\n      </div>"));
        let first = "      <div type=\"article\" subtype=\"news\" n=\"1\">
        <head type=\"kicker\">引题</head>
        <head type=\"main\">地铁职工学&lt;剪纸&gt;</head>
        <head type=\"subtitle\">副题</head>
        <dateline>本报讯</dateline>
        <byline><persName role=\"reporter\">张三</persName><persName role=\"correspondent\">李四</persName><persName role=\"photographer\">王五</persName></byline>
        <p>第一段。</p>
        <div type=\"section\">
          <head type=\"sub\">一、缘起</head>
          <p>第二段。</p>
        </div>
        <div type=\"section\">
          <head type=\"sub\">二、完成</head>
        </div>
      </div>
";
        assert!(tei.contains(first), "{tei}");
        let second = "      <div type=\"article\" subtype=\"column\" n=\"2\">
        <head type=\"column\">读者来信</head>
        <head type=\"main\">谢谢你们</head>
        <byline><persName role=\"author\">赵六</persName></byline>
        <p/>
        <closer><signed>职工 李四</signed></closer>
      </div>
";
        assert!(tei.contains(second), "{tei}");
        assert_eq!(tei.matches("<div ").count(), tei.matches("</div>").count());
        assert!(tei.ends_with("</body>\n  </text>\n</TEI>\n"));
    }

    #[test]
    fn escaping_and_characters_xml_cannot_hold() {
        assert_eq!(escape("a<b>&\"c\""), "a&lt;b&gt;&amp;&quot;c&quot;");
        assert_eq!(escape("x\u{1}y\u{FFFF}\tz\n"), "x\u{FFFD}y\u{FFFD}\tz\n");
        assert_eq!(escape("报<script>"), "报&lt;script&gt;");
    }

    #[test]
    fn empty_page_is_a_complete_document() {
        let tei = to_tei(&parse("", &Options::default()), None);
        assert!(tei.contains("<title>jianbao page</title>"));
        assert!(tei.contains("<bibl>A newspaper page</bibl>"));
        assert!(tei.contains("<body>\n      <p/>\n    </body>"));
    }
}
