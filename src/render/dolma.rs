//! The dolma document form: one JSON line per article, for corpus builders
//! (the form the Dolma toolkit reads and writes, `{id, text, source, added,
//! created, metadata}`).

use serde::Serialize;
use serde_json::{Map, Value};

use crate::{Article, BlockType, Page, Span};

/// The page's articles as dolma documents, one JSON line each (ending in
/// `\n`); an empty page gives an empty string.
///
/// - `id`: `SOURCE#N`, N the article's position on the page from 0: stable
///   for the same input name and parse.
/// - `text`: the title (when there is one), then the body's paragraphs and
///   subheads, separated by blank lines (`\n\n`).
/// - `source`: `source`, the input's name.
/// - `added`: `added` as given (an RFC 3339 timestamp, say); left out when
///   `None`. The front ends pass the time of the run unless told otherwise.
/// - `created`: the page's date (`YYYY-MM-DD`) or `null`.
/// - `metadata`: every key of the article except `blocks` (so `kind`,
///   `column`, `kicker`, `title`, `subtitle`, `dateline`, `byline`,
///   `signature`, the source ranges `spans`, `title_spans`, …, and any key
///   the model gains), plus `block_spans` (each block's source ranges, in
///   block order), and the page's `date`, `weekday` and `staff`; keys sorted.
///   Source ranges are UTF-16 code units of the input page, as in the page
///   JSON.
/// - `attributes`: where the parts of `text` are, in the dolma attribute form
///   `[start, end, 1.0]` with `start` and `end` in Unicode code points of
///   `text` (Python's `text[start:end]`): `jianbao__title`,
///   `jianbao__paragraph`, `jianbao__heading`.
///
/// ```
/// let page = jianbao::parse("地铁职工学剪纸\n\n本报讯（记者 张三）近日，某车站职工\n自发创作了大幅剪纸画。\n", &Default::default());
/// let out = jianbao::render::to_dolma(&page, "a.txt", Some("2024-01-02T03:04:05Z"));
/// let doc: serde_json::Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
/// assert_eq!(doc["id"], "a.txt#0");
/// assert_eq!(doc["text"], "地铁职工学剪纸\n\n近日，某车站职工自发创作了大幅剪纸画。");
/// assert_eq!(doc["metadata"]["byline"]["reporters"][0], "张三");
/// assert_eq!(doc["attributes"]["jianbao__paragraph"][0], serde_json::json!([9, 28, 1.0]));
/// ```
pub fn to_dolma(page: &Page, source: &str, added: Option<&str>) -> String {
    let mut out = String::new();
    for (index, article) in page.articles.iter().enumerate() {
        let (text, attributes) = text_and_attributes(article);
        let document = Document {
            id: format!("{source}#{index}"),
            text,
            source,
            added,
            created: page.page.date.as_deref(),
            metadata: metadata(page, article),
            attributes,
        };
        out.push_str(&serde_json::to_string(&document).expect("a document always serialises"));
        out.push('\n');
    }
    out
}

/// `unix_seconds` as an RFC 3339 UTC timestamp, `2024-01-02T03:04:05Z`: what
/// the front ends put in `added` when not told otherwise (the time of the
/// run).
///
/// ```
/// assert_eq!(jianbao::render::dolma_timestamp(0), "1970-01-01T00:00:00Z");
/// assert_eq!(jianbao::render::dolma_timestamp(1_704_164_645), "2024-01-02T03:04:05Z");
/// ```
pub fn timestamp(unix_seconds: u64) -> String {
    let (days, seconds) = (unix_seconds / 86_400, unix_seconds % 86_400);
    // Days to a civil date (Howard Hinnant's algorithm).
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        seconds / 3_600,
        seconds / 60 % 60,
        seconds % 60
    )
}

/// One dolma document, keys in the dolma form's order.
#[derive(Serialize)]
struct Document<'a> {
    id: String,
    text: String,
    source: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    added: Option<&'a str>,
    created: Option<&'a str>,
    metadata: Map<String, Value>,
    attributes: Attributes,
}

/// Where the parts of a document's text are: `[start, end, 1.0]` in code
/// points of the text.
#[derive(Serialize, Default)]
struct Attributes {
    #[serde(rename = "jianbao__title")]
    title: Vec<(usize, usize, f64)>,
    #[serde(rename = "jianbao__paragraph")]
    paragraph: Vec<(usize, usize, f64)>,
    #[serde(rename = "jianbao__heading")]
    heading: Vec<(usize, usize, f64)>,
}

/// The title and body as one text, and where each part of it is.
fn text_and_attributes(article: &Article) -> (String, Attributes) {
    let mut text = String::new();
    let mut chars = 0usize;
    let mut attributes = Attributes::default();
    let mut push = |part: &str, list: &mut Vec<(usize, usize, f64)>| {
        if !text.is_empty() {
            text.push_str("\n\n");
            chars += 2;
        }
        let start = chars;
        text.push_str(part);
        chars += part.chars().count();
        list.push((start, chars, 1.0));
    };
    if let Some(title) = &article.title {
        push(title, &mut attributes.title);
    }
    for block in &article.blocks {
        let list = match block.kind {
            BlockType::Paragraph => &mut attributes.paragraph,
            BlockType::Heading => &mut attributes.heading,
        };
        push(&block.text, list);
    }
    (text, attributes)
}

/// The article's own keys but its blocks, each block's source ranges, and
/// the page's date, weekday and staff.
fn metadata(page: &Page, article: &Article) -> Map<String, Value> {
    let mut map = match json(article) {
        Value::Object(map) => map,
        _ => Map::new(),
    };
    map.remove("blocks");
    let block_spans: Vec<&[Span]> = article.blocks.iter().map(|b| &b.spans[..]).collect();
    map.insert("block_spans".into(), json(&block_spans));
    map.insert("date".into(), json(&page.page.date));
    map.insert("weekday".into(), json(&page.page.weekday));
    map.insert("staff".into(), json(&page.page.staff));
    map
}

fn json<T: Serialize + ?Sized>(value: &T) -> Value {
    serde_json::to_value(value).expect("the page's parts always serialise")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::sample::sample_page;
    use crate::{parse, Options};

    fn documents(page: &Page, source: &str) -> Vec<Value> {
        to_dolma(page, source, Some("2024-01-02T03:04:05Z"))
            .lines()
            .map(|line| serde_json::from_str(line).unwrap())
            .collect()
    }

    #[test]
    fn one_document_per_article_with_stable_ids() {
        let page = sample_page();
        let docs = documents(&page, "pages/a.txt");
        assert_eq!(docs.len(), page.articles.len());
        assert_eq!(docs.len(), 2);
        for (i, doc) in docs.iter().enumerate() {
            assert_eq!(doc["id"], format!("pages/a.txt#{i}"));
            assert_eq!(doc["source"], "pages/a.txt");
            assert_eq!(doc["added"], "2024-01-02T03:04:05Z");
            assert_eq!(doc["created"], "2019-04-19");
            let keys: Vec<&str> = doc
                .as_object()
                .unwrap()
                .keys()
                .map(String::as_str)
                .collect();
            // serde_json's map sorts; the line itself keeps the dolma order.
            assert_eq!(keys.len(), 7);
        }
        let first = to_dolma(&page, "pages/a.txt", None);
        assert!(first.starts_with(r#"{"id":"pages/a.txt#0","text":"#));
        assert!(!first.contains(r#""added""#));
        assert!(first.contains(r#","source":"pages/a.txt","created":"2019-04-19","metadata":{"#));
    }

    #[test]
    fn text_is_title_and_body_and_attributes_point_into_it() {
        let page = sample_page();
        for (doc, article) in documents(&page, "a").iter().zip(&page.articles) {
            let text: Vec<char> = doc["text"].as_str().unwrap().chars().collect();
            let slice = |range: &Value| -> String {
                let (start, end) = (range[0].as_u64().unwrap(), range[1].as_u64().unwrap());
                assert_eq!(range[2], 1.0);
                text[start as usize..end as usize].iter().collect()
            };
            let attributes = &doc["attributes"];
            let titles: Vec<String> = attributes["jianbao__title"]
                .as_array()
                .unwrap()
                .iter()
                .map(slice)
                .collect();
            assert_eq!(titles, article.title.iter().cloned().collect::<Vec<_>>());
            let paragraphs: Vec<String> = attributes["jianbao__paragraph"]
                .as_array()
                .unwrap()
                .iter()
                .map(slice)
                .collect();
            let want: Vec<String> = article
                .blocks
                .iter()
                .filter(|b| b.kind == BlockType::Paragraph)
                .map(|b| b.text.clone())
                .collect();
            assert_eq!(paragraphs, want);
            let mut parts: Vec<&str> = article.title.iter().map(String::as_str).collect();
            parts.extend(article.blocks.iter().map(|b| b.text.as_str()));
            assert_eq!(doc["text"], parts.join("\n\n"));
        }
    }

    #[test]
    fn metadata_is_the_article_but_its_blocks_and_the_page_furniture() {
        let page = sample_page();
        let docs = documents(&page, "a");
        let article = &page.articles[0];
        let metadata = docs[0]["metadata"].as_object().unwrap();
        let mut want = serde_json::to_value(article).unwrap();
        let want = want.as_object_mut().unwrap();
        want.remove("blocks");
        for (key, value) in want.iter() {
            assert_eq!(&metadata[key], value, "{key}");
        }
        assert!(!metadata.contains_key("blocks"));
        assert_eq!(metadata["date"], "2019-04-19");
        assert_eq!(metadata["weekday"], "星期五");
        assert_eq!(metadata["staff"][0]["name"], "林禾");
        assert_eq!(metadata["kind"], "news");
        assert_eq!(metadata["byline"]["reporters"][0], "张三");
        assert_eq!(metadata["title"], "地铁职工学<剪纸>");
        assert_eq!(
            metadata["block_spans"],
            serde_json::to_value(article.blocks.iter().map(|b| &b.spans).collect::<Vec<_>>())
                .unwrap()
        );
        assert_eq!(metadata.len(), want.len() + 4);
    }

    #[test]
    fn timestamps() {
        assert_eq!(timestamp(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(timestamp(4_107_542_399), "2100-02-28T23:59:59Z");
        assert_eq!(timestamp(1_767_225_600), "2026-01-01T00:00:00Z");
    }

    #[test]
    fn empty_page_gives_nothing_and_odd_text_stays_one_line() {
        assert_eq!(to_dolma(&parse("", &Options::default()), "a", None), "");
        let page = parse(
            "标题\"引号\"\\反斜杠\n\n本报讯 近日，\u{1}控制字符\t与\u{2028}分隔符。\n",
            &Options::default(),
        );
        let out = to_dolma(&page, "名\"字\n", None);
        assert_eq!(out.lines().count(), page.articles.len());
        for line in out.lines() {
            let doc: Value = serde_json::from_str(line).unwrap();
            assert_eq!(doc["source"], "名\"字\n");
        }
    }
}
