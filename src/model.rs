//! The page JSON (schema `jianbao/1`): what [`parse`](crate::parse) returns.
//!
//! Field order follows the output contract, so serialised pages read like the
//! reference files. Keys the contract marks optional for readers (`spans`,
//! `*_spans`, `warnings`) come after the contract's own keys, and read as
//! empty when a page lacks them (a reference file, say).

use serde::{Deserialize, Serialize};

/// The schema tag every page carries.
pub const SCHEMA: &str = "jianbao/1";

/// A half-open range `[start, end)` into the input, in UTF-16 code units, so
/// that `input.slice(start, end)` in JavaScript returns the raw text.
pub type Span = [u32; 2];

/// One parsed newspaper page.
///
/// ```
/// let page = jianbao::parse("本报讯（记者 张三）近日，某工会开展活动。", &Default::default());
/// assert_eq!(page.schema, "jianbao/1");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Page {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// What the page's furniture (date line, edition line) says.
    pub page: PageInfo,
    /// Display lines that belong to no article (slogans, section banners).
    pub banners: Vec<String>,
    /// The articles, in the order in which their bodies start in the input.
    pub articles: Vec<Article>,
    /// How much the input looks like a newspaper page, 0–1: Chinese text
    /// set in columns or paragraphs, with headlines, datelines, bylines or
    /// page furniture. Below 0.5 the page also carries a `not_newspaper`
    /// warning (English prose, a novel, a table dump).
    #[serde(default, serialize_with = "figure::one")]
    pub looks_like_newspaper: f64,
    /// Source ranges of each banner, parallel to `banners`.
    #[serde(default)]
    pub banner_spans: Vec<Vec<Span>>,
    /// How sure each banner is to belong to no article, parallel to
    /// `banners`.
    #[serde(default, serialize_with = "figure::list")]
    pub banner_confidence: Vec<f64>,
    /// Text the parser could not place, or had to guess about.
    #[serde(default)]
    pub warnings: Vec<Warning>,
}

impl Default for Page {
    /// A page with nothing on it (schema [`SCHEMA`]).
    fn default() -> Self {
        Page {
            schema: SCHEMA.to_string(),
            page: PageInfo::default(),
            banners: Vec::new(),
            articles: Vec::new(),
            looks_like_newspaper: 0.0,
            banner_spans: Vec::new(),
            banner_confidence: Vec::new(),
            warnings: Vec::new(),
        }
    }
}

impl Page {
    /// Every source range of the page, whatever it belongs to: furniture,
    /// banners, warnings, and each article's own ranges and its blocks'.
    ///
    /// ```
    /// let page = jianbao::parse("本报讯 近日，某工会开展活动。", &Default::default());
    /// assert!(page.all_spans().iter().all(|s| s[0] <= s[1]));
    /// assert!(!page.all_spans().is_empty());
    /// ```
    pub fn all_spans(&self) -> Vec<Span> {
        let mut spans: Vec<Span> = self.page.spans.clone();
        spans.extend(self.banner_spans.iter().flatten());
        spans.extend(self.warnings.iter().flat_map(|w| w.spans.iter()));
        for a in &self.articles {
            for list in a.span_lists() {
                spans.extend(list);
            }
            spans.extend(a.blocks.iter().flat_map(|b| b.spans.iter()));
        }
        spans
    }
}

/// Page furniture: never guessed, empty when the page prints none.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageInfo {
    /// ISO date `YYYY-MM-DD` from a date line such as `2019年4月19日·星期五`.
    pub date: Option<String>,
    /// The weekday as printed, e.g. `星期五`.
    pub weekday: Option<String>,
    /// Edition staff in printed order, from `本版编辑 林禾|美术编辑 周澜|校对 叶青`.
    pub staff: Vec<Staff>,
    /// E-mail addresses found on furniture lines.
    pub emails: Vec<String>,
    /// Telephone numbers found on furniture lines.
    pub phones: Vec<String>,
    /// Source ranges of the furniture lines.
    #[serde(default)]
    pub spans: Vec<Span>,
}

/// One edition-line credit: `本版编辑 林禾` → role `本版编辑`, name `林禾`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Staff {
    pub role: String,
    pub name: String,
}

/// What sort of piece an article is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Has a dateline such as `本报讯`.
    News,
    /// A longer piece with a `□ 本报记者` byline or no dateline.
    Feature,
    /// A picture with its caption; the body is the caption.
    Photo,
    /// A piece under a recurring column name (栏目), often signed at the end.
    Column,
    /// An advertisement or a marker of one.
    Ad,
}

/// One article with its display type, credits and body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    pub kind: Kind,
    /// Recurring column name (栏目), e.g. `读者来信`.
    pub column: Option<String>,
    /// 引题: the display line printed above the main title.
    pub kicker: Option<String>,
    /// 主题: the main headline.
    pub title: Option<String>,
    /// 副题: the display line(s) printed below the main title.
    pub subtitle: Option<String>,
    /// The lead-in word, e.g. `本报讯` or `新华社北京11月21日电`.
    pub dateline: Option<String>,
    /// Person names by role.
    pub byline: Byline,
    /// The body in reading order.
    pub blocks: Vec<Block>,
    /// A closing line naming the author and unit, as printed (cleaned).
    pub signature: Option<String>,
    /// How sure the parser is of this article as a whole, 0–1: where it
    /// starts and ends, which lines are its headline and which its body.
    #[serde(default, serialize_with = "figure::one")]
    pub confidence: f64,
    /// Every source range the article was built from.
    #[serde(default)]
    pub spans: Vec<Span>,
    #[serde(default)]
    pub column_spans: Vec<Span>,
    #[serde(default)]
    pub kicker_spans: Vec<Span>,
    #[serde(default)]
    pub title_spans: Vec<Span>,
    #[serde(default)]
    pub subtitle_spans: Vec<Span>,
    #[serde(default)]
    pub signature_spans: Vec<Span>,
    /// How sure each display field's placement with this article is
    /// (null when the field is).
    #[serde(default, serialize_with = "figure::maybe")]
    pub kicker_confidence: Option<f64>,
    #[serde(default, serialize_with = "figure::maybe")]
    pub title_confidence: Option<f64>,
    #[serde(default, serialize_with = "figure::maybe")]
    pub subtitle_confidence: Option<f64>,
}

impl Article {
    /// An article of `kind` with nothing in it yet.
    ///
    /// ```
    /// let a = jianbao::Article::new(jianbao::Kind::Ad);
    /// assert!(a.title.is_none() && a.blocks.is_empty());
    /// ```
    pub fn new(kind: Kind) -> Self {
        Article {
            kind,
            column: None,
            kicker: None,
            title: None,
            subtitle: None,
            dateline: None,
            byline: Byline::default(),
            blocks: Vec::new(),
            signature: None,
            confidence: 0.0,
            spans: Vec::new(),
            column_spans: Vec::new(),
            kicker_spans: Vec::new(),
            title_spans: Vec::new(),
            subtitle_spans: Vec::new(),
            signature_spans: Vec::new(),
            kicker_confidence: None,
            title_confidence: None,
            subtitle_confidence: None,
        }
    }

    /// The article's own range lists (`spans` and every `*_spans`), blocks'
    /// not included.
    pub fn span_lists(&self) -> [&Vec<Span>; 6] {
        [
            &self.spans,
            &self.column_spans,
            &self.kicker_spans,
            &self.title_spans,
            &self.subtitle_spans,
            &self.signature_spans,
        ]
    }

    /// [`Article::span_lists`], mutable.
    pub fn span_lists_mut(&mut self) -> [&mut Vec<Span>; 6] {
        [
            &mut self.spans,
            &mut self.column_spans,
            &mut self.kicker_spans,
            &mut self.title_spans,
            &mut self.subtitle_spans,
            &mut self.signature_spans,
        ]
    }
}

/// Person names by role, each list in printed order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Byline {
    /// 记者, 本报记者, 实习生, 见习记者, 特约记者.
    pub reporters: Vec<String>,
    /// 通讯员.
    pub correspondents: Vec<String>,
    /// 摄, 摄影, 摄影报道, 图.
    pub photographers: Vec<String>,
    /// 文/ and signed authors.
    pub authors: Vec<String>,
}

impl Byline {
    /// True when no role lists a name.
    pub fn is_empty(&self) -> bool {
        self.reporters.is_empty()
            && self.correspondents.is_empty()
            && self.photographers.is_empty()
            && self.authors.is_empty()
    }
}

/// Whether a block is running text or a subhead.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BlockType {
    Paragraph,
    /// 小标题: a subhead inside one article.
    Heading,
}

/// One paragraph or subhead of an article body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    #[serde(rename = "type")]
    pub kind: BlockType,
    pub text: String,
    #[serde(default)]
    pub spans: Vec<Span>,
}

/// Something the parser could not place or had to guess.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    /// Stable machine-readable code, e.g. `unplaced_text`, `unpaired_quote`.
    pub code: String,
    /// A human-readable sentence.
    pub message: String,
    #[serde(default)]
    pub spans: Vec<Span>,
}

/// Options for [`parse`](crate::parse). Every field has a default, so
/// `Options::default()` (or `{}` from JavaScript) is the usual value.
///
/// ```
/// let opts = jianbao::Options { spans: false, ..Default::default() };
/// let page = jianbao::parse("广告", &opts);
/// assert!(page.articles.iter().all(|a| a.spans.is_empty()));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Options {
    /// Keep advertisements (kind `ad`) among the articles. Default `true`.
    #[serde(alias = "keepAds")]
    pub keep_ads: bool,
    /// Fill the `spans` / `*_spans` source ranges. Default `true`; when
    /// `false` every range list is empty (the keys stay, so the shape is fixed).
    pub spans: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            keep_ads: true,
            spans: true,
        }
    }
}

/// Where a page's text came from, as far as the caller knows: the file, the
/// page's number in a file of several pages, the encoding its bytes were in.
/// Each is left out of the JSON when unknown, and `source` itself when all
/// are; [`parse`](crate::parse) alone knows none of them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// The file as the caller named it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// The page's number in its file, from 1, when the file held several
    /// pages divided by form feeds (see [`crate::pages`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// The encoding the file's bytes were decoded from (see
    /// [`crate::decode`]), e.g. `"GB18030"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encoding: Option<String>,
    /// The markup of positioned text the page was read from (`hocr`,
    /// `alto`, `bbox-layout`; see [`crate::markup`]): its spans then index
    /// the text rebuilt from the lines ([`crate::LayoutPage::text`]), not
    /// the file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub layout: Option<String>,
}

impl Source {
    /// True when nothing is known (the JSON then has no `source` key).
    pub fn is_empty(&self) -> bool {
        self.file.is_none()
            && self.page.is_none()
            && self.encoding.is_none()
            && self.layout.is_none()
    }
}

/// A [`Page`] with its [`Source`]: the page JSON with one more key,
/// `source`, after the page's own keys (none when the source is empty, so
/// the JSON is then the page's exactly).
///
/// ```
/// let page = jianbao::parse("", &Default::default());
/// let plain = serde_json::to_string(&page).unwrap();
/// let mut sourced = jianbao::SourcedPage::from(page);
/// assert_eq!(serde_json::to_string(&sourced).unwrap(), plain);
/// sourced.source.encoding = Some("GB18030".into());
/// assert!(serde_json::to_string(&sourced).unwrap().ends_with(r#","source":{"encoding":"GB18030"}}"#));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourcedPage {
    #[serde(flatten)]
    pub page: Page,
    #[serde(default, skip_serializing_if = "Source::is_empty")]
    pub source: Source,
}

impl From<Page> for SourcedPage {
    fn from(page: Page) -> Self {
        SourcedPage {
            page,
            source: Source::default(),
        }
    }
}

/// How the page's figures (confidence, `looks_like_newspaper`) are
/// written: a whole number without a fraction (`1`, `0`), any other as a
/// decimal (`0.87`) — as JavaScript's `JSON.stringify` and Python's `json`
/// write them too, so that every front end prints the same bytes.
mod figure {
    use serde::ser::SerializeSeq;
    use serde::Serializer;

    pub fn one<S: Serializer>(x: &f64, s: S) -> Result<S::Ok, S::Error> {
        if x.fract() == 0.0 && x.abs() < 1e15 {
            s.serialize_i64(*x as i64)
        } else {
            s.serialize_f64(*x)
        }
    }

    pub fn maybe<S: Serializer>(x: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
        match x {
            Some(x) => one(x, s),
            None => s.serialize_none(),
        }
    }

    pub fn list<S: Serializer>(xs: &[f64], s: S) -> Result<S::Ok, S::Error> {
        struct Figure(f64);
        impl serde::Serialize for Figure {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                one(&self.0, s)
            }
        }
        let mut seq = s.serialize_seq(Some(xs.len()))?;
        for &x in xs {
            seq.serialize_element(&Figure(x))?;
        }
        seq.end()
    }
}
