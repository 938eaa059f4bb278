//! Passes 7 and 9 — bodies and page: build each article's body from its
//! draft (credits parsed, text cleaned, source ranges attached), then, once
//! headlines are placed, the [`Page`]: display fields by role, kinds,
//! confidence, and anything left over reported in `warnings`.

use crate::byline::{parse_lead, parse_names, soft_join};
use crate::classify::Classified;
use crate::clean::{clean_body, clean_display};
use crate::confidence;
use crate::conventions as cv;
use crate::conventions::Marks;
use crate::heads::{roles, Field};
use crate::layout::Layout;
use crate::lines::Line;
use crate::place::{Item, Placement, Target};
use crate::reflow::{Reflowed, Unit};
use crate::segment::{Draft, DraftBlock, Opening, Segments};
use crate::{
    Article, Block, BlockType, Byline, Kind, Options, Page, PageInfo, Span, Staff, Warning, SCHEMA,
};

/// The articles built from their drafts, before their headlines are placed.
pub struct Bodies {
    /// Articles in the order their bodies start, with how they opened and
    /// how sure their lines' decisions were on average.
    pub articles: Vec<(Article, Opening, f32)>,
    /// What placement needs to know of each article, parallel.
    pub targets: Vec<Target>,
    /// Display units left for placement, in order.
    pub free: Vec<usize>,
    /// Units that hold running text, in order.
    pub body_units: Vec<usize>,
    pub info: PageInfo,
    pub warnings: Vec<Warning>,
    /// Lines already part of something.
    used: Vec<bool>,
}

/// Builds every article's body from the drafts.
pub fn bodies(
    lines: &[Line],
    classes: &[Classified],
    reflowed: &Reflowed,
    segments: Segments,
) -> Bodies {
    let units = &reflowed.units;
    let mut used = vec![false; lines.len()];
    let info = page_info(lines, &segments.furniture, &mut used);
    let mut built: Vec<(usize, Article, Target, Opening, f32)> =
        Vec::with_capacity(segments.drafts.len());
    let mut warnings = Vec::new();
    // Buffers for each article in turn: the joined text of each paragraph,
    // the lines the article spans.
    let mut scratch = String::new();
    let mut all = Vec::new();
    for d in &segments.drafts {
        let (order, art, target, quotes) =
            draft_article(lines, classes, units, d, &mut used, &mut scratch, &mut all);
        let sure = mean_sureness(d, units, &reflowed.sure);
        built.push((order, art, target, d.opening, sure));
        for spans in quotes {
            warnings.push(Warning {
                code: "unpaired_quote".into(),
                message: "a paragraph has an odd number of straight double quotes; they were paired in order".into(),
                spans,
            });
        }
    }
    built.sort_by_key(|b| b.0);
    let mut articles = Vec::with_capacity(built.len());
    let mut targets = Vec::with_capacity(built.len());
    for (_, art, target, opening, sure) in built {
        articles.push((art, opening, sure));
        targets.push(target);
    }
    let body_units = units
        .iter()
        .enumerate()
        .filter(|(_, u)| {
            matches!(
                u,
                Unit::Para { .. } | Unit::Credit { .. } | Unit::Byline { .. }
            )
        })
        .map(|(i, _)| i)
        .collect();
    Bodies {
        articles,
        targets,
        free: segments.free,
        body_units,
        info,
        warnings,
        used,
    }
}

impl Bodies {
    /// Each article's body text in pieces (its paragraphs; an ad's own line
    /// left out), as headline placement reads them.
    pub fn texts(&self) -> Vec<Vec<&str>> {
        self.articles
            .iter()
            .zip(&self.targets)
            .map(|((a, _, _), t)| {
                a.blocks
                    .iter()
                    .skip(usize::from(t.ad))
                    .map(|b| b.text.as_str())
                    .collect()
            })
            .collect()
    }
}

/// Mean sureness of the body/display decisions on a draft's lines.
fn mean_sureness(d: &Draft, units: &[Unit], sure: &[f32]) -> f32 {
    let (mut sum, mut n) = (0.0, 0usize);
    for b in &d.blocks {
        let (DraftBlock::Para(u) | DraftBlock::Heading(u)) = *b;
        for &l in units[u].lines() {
            sum += sure[l];
            n += 1;
        }
    }
    if n == 0 {
        1.0
    } else {
        sum / n as f32
    }
}

/// Builds the page: placed fields get their roles, left-over fields become
/// banners, kinds and confidence are decided, unplaced lines reported.
/// Warnings number the articles from `first + 1` (`first` is the number of
/// articles before this page's: those of the windows before, when the
/// input is read in windows).
pub fn page(
    bodies: Bodies,
    items: &[Item],
    placement: Placement,
    lines: &[Line],
    layout: &Layout,
    options: &Options,
    first: usize,
) -> Page {
    let Bodies {
        articles: built,
        info,
        mut warnings,
        mut used,
        ..
    } = bodies;
    let field = |r: (usize, usize)| -> &Field { &items[r.0].fields[r.1] };
    let mut built = built;
    for &(r, t) in &placement.orphans {
        keep_as_text(&mut built[t].0, field(r), lines, &mut used);
        warnings.push(Warning {
            code: "display_kept_as_text".into(),
            message: format!(
                "display line “{}” fits no article as a headline; kept as text of article {}",
                field(r).text,
                first + t + 1
            ),
            spans: spans_of(lines, field(r).lines.iter().copied()),
        });
    }
    for &r in &placement.unplaced {
        for &l in &field(r).lines {
            used[l] = true;
        }
        warnings.push(Warning {
            code: "unplaced_headline".into(),
            message: format!(
                "headline “{}” is printed with another article's but its words are another piece's, whose text was not found; placed with none",
                field(r).text
            ),
            spans: spans_of(lines, field(r).lines.iter().copied()),
        });
    }
    let mut articles = Vec::with_capacity(built.len());
    for (t, ((mut art, opening, line_sure), heads)) in
        built.into_iter().zip(&placement.heads).enumerate()
    {
        // Column names go to `column`; the other fields are headlines.
        let mut fields: Vec<&Field> = Vec::new();
        let mut scores: Vec<f32> = Vec::new();
        for &(r, sure) in heads {
            let f = field(r);
            if f.column {
                if art.column.is_none() {
                    art.column = Some(f.text.clone());
                    art.column_spans = spans_of(lines, f.lines.iter().copied());
                    for &l in &f.lines {
                        used[l] = true;
                    }
                }
            } else {
                fields.push(f);
                scores.push(sure);
            }
        }
        let r = roles(&fields);
        let mut put = |which: &[usize],
                       text: &mut Option<String>,
                       spans: &mut Vec<Span>,
                       conf: &mut Option<f64>| {
            if which.is_empty() {
                return NO_TITLE;
            }
            let mut joined = String::new();
            let mut ls = Vec::new();
            let mut low = f32::MAX;
            // A role of several fields is as sure as its least sure.
            for &k in which {
                if !joined.is_empty() {
                    joined.push(' ');
                }
                joined.push_str(&fields[k].text);
                ls.extend_from_slice(&fields[k].lines);
                low = low.min(scores[k]);
            }
            for &l in &ls {
                used[l] = true;
            }
            *text = Some(joined);
            *spans = spans_of(lines, ls.iter().copied());
            *conf = Some(figure(confidence::PLACEMENT.apply(low)));
            low
        };
        put(
            &r.kicker,
            &mut art.kicker,
            &mut art.kicker_spans,
            &mut art.kicker_confidence,
        );
        let title_sure = put(
            &r.title,
            &mut art.title,
            &mut art.title_spans,
            &mut art.title_confidence,
        );
        put(
            &r.subtitle,
            &mut art.subtitle,
            &mut art.subtitle_spans,
            &mut art.subtitle_confidence,
        );
        let mut all = std::mem::take(&mut art.spans);
        for s in [
            &art.column_spans,
            &art.kicker_spans,
            &art.title_spans,
            &art.subtitle_spans,
        ] {
            all.extend_from_slice(s);
        }
        art.spans = merge_spans(all);
        art.kind = kind_of(&art, opening);
        art.confidence = article_confidence(&art, opening, line_sure, title_sure);
        for (f, &sure) in fields.iter().zip(&scores) {
            let sure = confidence::PLACEMENT.apply(sure);
            if sure < confidence::REVIEW_BELOW {
                warnings.push(Warning {
                    code: "low_confidence_headline".into(),
                    message: format!(
                        "headline “{}” placed with article {} on weak evidence ({sure:.2})",
                        f.text,
                        first + t + 1
                    ),
                    spans: spans_of(lines, f.lines.iter().copied()),
                });
            }
        }
        if art.confidence < confidence::REVIEW_BELOW && art.kind != Kind::Ad {
            warnings.push(Warning {
                code: "low_confidence_article".into(),
                message: format!(
                    "article {} may be cut or joined wrongly ({:.2})",
                    first + t + 1,
                    art.confidence
                ),
                spans: art.spans.iter().take(1).copied().collect(),
            });
        }
        articles.push(art);
    }
    for &(r, t) in &placement.guesses {
        warnings.push(Warning {
            code: "headline_by_position".into(),
            message: format!(
                "headline placed with article {} by its position only; its words do not appear in the body",
                first + t + 1
            ),
            spans: spans_of(lines, field(r).lines.iter().copied().take(1)),
        });
    }
    let mut banners = Vec::new();
    let mut banner_spans = Vec::new();
    let mut banner_confidence = Vec::new();
    for &r in &placement.banners {
        let f = field(r);
        for &l in &f.lines {
            used[l] = true;
        }
        banners.push(f.text.clone());
        banner_spans.push(spans_of(lines, f.lines.iter().copied()));
        banner_confidence.push(if cv::is_slogan(&f.text.replace(' ', "")) {
            0.9
        } else {
            0.6
        });
    }
    for l in (0..lines.len()).filter(|&l| !used[l] && !lines[l].is_blank()) {
        warnings.push(Warning {
            code: "unplaced_text".into(),
            message: format!("text not assigned to any article: {}", lines[l].raw),
            spans: spans_of(lines, [l]),
        });
    }
    // Lines read as no text (OCR's scatter off a picture) that hold
    // ideographs: said, not dropped silently.
    let debris = |l: &Line| l.is_blank() && l.raw.chars().any(crate::clean::is_cjk);
    for l in (0..lines.len()).filter(|&l| debris(&lines[l])) {
        warnings.push(Warning {
            code: "ocr_debris".into(),
            message: format!(
                "read as OCR debris off a picture, not text: {}",
                lines[l].raw
            ),
            spans: spans_of(lines, [l]),
        });
    }
    let looks = looks_like_newspaper(lines, layout, &info, &articles);
    if lines.iter().any(|l| !l.is_blank()) {
        warnings.extend(not_newspaper(looks));
    } else {
        warnings.push(empty_input());
    }
    let mut page = Page {
        schema: SCHEMA.to_string(),
        page: info,
        banners,
        articles,
        looks_like_newspaper: looks,
        banner_spans,
        banner_confidence,
        warnings,
    };
    if !options.keep_ads {
        page.articles.retain(|a| a.kind != Kind::Ad);
    }
    if !options.spans {
        strip_spans(&mut page);
    }
    page
}

/// The warning for a page with text whose figure `looks` (see
/// [`Page::looks_like_newspaper`]) is below [`NEWSPAPER_BELOW`]; none above.
pub fn not_newspaper(looks: f64) -> Option<Warning> {
    (looks < NEWSPAPER_BELOW).then(|| Warning {
        code: "not_newspaper".into(),
        message: format!(
            "the text does not look like a newspaper page ({looks:.2}): little Chinese text, no headlines, datelines or page furniture"
        ),
        spans: Vec::new(),
    })
}

/// The warning for a page with no text: no line but blank ones.
pub fn empty_input() -> Warning {
    Warning {
        code: "empty_input".into(),
        message: "the input holds no text".into(),
        spans: Vec::new(),
    }
}

/// Keeps a display field as a paragraph of an article, where its lines
/// fall among the article's blocks.
fn keep_as_text(art: &mut Article, f: &Field, lines: &[Line], used: &mut [bool]) {
    for &l in &f.lines {
        used[l] = true;
    }
    let spans = spans_of(lines, f.lines.iter().copied());
    let start = spans.first().map_or(0, |s| s[0]);
    let at = art
        .blocks
        .iter()
        .position(|b| b.spans.first().is_some_and(|s| s[0] > start))
        .unwrap_or(art.blocks.len());
    art.blocks.insert(
        at,
        Block {
            kind: BlockType::Paragraph,
            text: clean_body(&f.text),
            spans: spans.clone(),
        },
    );
    let mut all = std::mem::take(&mut art.spans);
    all.extend(spans);
    art.spans = merge_spans(all);
}

/// How sure an article is: how it opened (a dateline or a byline is
/// certain, running text after a headline less so), how clear-cut its
/// lines' body/display decisions were, and how sure its title's placement
/// is (an article without a title is itself a doubt).
/// `title_sure` is the title placement's raw sureness.
fn article_confidence(a: &Article, opening: Opening, line_sure: f32, title_sure: f32) -> f64 {
    if a.kind == Kind::Ad {
        return 1.0;
    }
    let raw = 0.4 * opening.sureness() + 0.3 * line_sure + 0.3 * title_sure;
    figure(confidence::ARTICLE.apply(raw))
}

/// A page whose `looks_like_newspaper` is below this is reported as not a
/// newspaper page (prose, a novel, a table): it has neither the share of
/// Chinese nor the conventions of the trade.
pub const NEWSPAPER_BELOW: f64 = 0.5;

/// Raw sureness of an article's title when it has none: an article without
/// a title is itself a doubt.
const NO_TITLE: f32 = 0.4;

/// A figure as the page reports it: two decimals (serialised the same by
/// serde, Python and JavaScript).
fn figure(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// How much the input looks like a newspaper page: the share of its glyphs
/// that are Chinese, and the conventions of the trade it shows (datelines,
/// bylines, headlines placed with bodies, page furniture, text set in
/// columns).
fn looks_like_newspaper(
    lines: &[Line],
    layout: &Layout,
    info: &PageInfo,
    articles: &[Article],
) -> f64 {
    // The share of Chinese is read from the page's first lines (enough to
    // tell a language; the rest would only cost time).
    let (mut cjk, mut glyphs) = (0usize, 0usize);
    for l in lines {
        if glyphs >= LANGUAGE_SAMPLE {
            break;
        }
        let (n, ideographs) = glyphs_and_ideographs(l.key);
        glyphs += n;
        cjk += ideographs;
    }
    if glyphs == 0 {
        return 0.0;
    }
    let chinese = ((cjk as f32 / glyphs as f32 - 0.3) / 0.4).clamp(0.0, 1.0);
    let n = articles.len().max(1) as f32;
    let credited = articles
        .iter()
        .filter(|a| a.dateline.is_some() || !a.byline.is_empty() || a.kind == Kind::Ad)
        .count() as f32;
    let titled = articles.iter().filter(|a| a.title.is_some()).count() as f32;
    let furniture = info.date.is_some() || !info.staff.is_empty();
    let structure = (0.35 * (credited / n).min(1.0) * 2.0).min(0.35)
        + 0.35 * (titled / n)
        + if furniture { 0.15 } else { 0.0 }
        + if layout.column.is_some() { 0.15 } else { 0.0 };
    figure(f64::from(chinese * (0.3 + 0.7 * structure.min(1.0))))
}

/// Glyphs read for the share of Chinese in [`looks_like_newspaper`].
const LANGUAGE_SAMPLE: usize = 4000;

/// Chars in a key, and how many of them are ideographs
/// ([`is_cjk`](crate::clean::is_cjk)): runs of ideographs and CJK
/// punctuation read without decoding them char by char, the way lines are
/// keyed.
fn glyphs_and_ideographs(key: &str) -> (usize, usize) {
    let (mut glyphs, mut ideographs) = (0usize, 0usize);
    let mut at = 0;
    while at < key.len() {
        at += crate::clean::wide_run_with(&key.as_bytes()[at..], |k| {
            glyphs += 1;
            ideographs += usize::from(crate::clean::is_ideograph_key(k));
        });
        let Some(c) = key[at..].chars().next() else {
            break;
        };
        glyphs += 1;
        ideographs += usize::from(crate::clean::is_cjk(c));
        at += c.len_utf8();
    }
    (glyphs, ideographs)
}

/// Page furniture: date line (with its weekday, printed on the same line
/// or alone under it), edition lines.
fn page_info(lines: &[Line], furniture: &[usize], used: &mut [bool]) -> PageInfo {
    let mut info = PageInfo::default();
    for &l in furniture {
        used[l] = true;
        let line = &lines[l];
        if let Some((date, weekday)) = cv::page_date(line.key) {
            if info.date.is_none() {
                info.date = Some(date);
                info.weekday = weekday;
            }
        } else if cv::is_weekday(line.key) {
            if info.weekday.is_none() {
                info.weekday = Some(line.key.to_string());
            }
            continue;
        }
        // A page header may print the date and the staff on one line
        // (`第3版 2020年9月18日 星期五 责任编辑：张三`).
        let folded = crate::clean::fold_width(line.raw);
        for (role, name) in cv::staff(&folded) {
            info.staff.push(Staff { role, name });
        }
        info.emails.extend(cv::emails(&folded));
        info.phones.extend(cv::phones(&folded));
    }
    info.spans = spans_of(lines, furniture.iter().copied());
    info
}

/// Builds an article (without headlines) from a draft; returns its sort key
/// (first body line) and what the headline pass needs to know of it (its
/// body's bigrams are filled in by the caller).
fn draft_article(
    lines: &[Line],
    classes: &[Classified],
    units: &[Unit],
    d: &Draft,
    used: &mut [bool],
    scratch: &mut String,
    all: &mut Vec<usize>,
) -> (usize, Article, Target, Vec<Vec<Span>>) {
    let mut art = Article::new(Kind::Feature);
    all.clear();
    let mut quotes: Vec<Vec<Span>> = Vec::new();

    if let Some(l) = d.ad {
        all.push(l);
        art.kind = Kind::Ad;
        art.blocks.push(Block {
            kind: BlockType::Paragraph,
            text: clean_body(lines[l].raw),
            spans: spans_of(lines, [l]),
        });
    }
    for &u in &d.byline_units {
        let ls = units[u].lines();
        let text = units[u].text(lines);
        merge(&mut art.byline, parse_names(&text));
        all.extend(ls);
    }
    for (k, b) in d.blocks.iter().enumerate() {
        match *b {
            DraftBlock::Para(u) => {
                let ls = units[u].lines();
                all.extend(ls);
                units[u].write_text(lines, scratch);
                let whole = scratch.as_str();
                let mut text = whole;
                if k == 0 && d.opening == Opening::Lead {
                    let lead = parse_lead(text);
                    art.dateline = lead.dateline;
                    merge(&mut art.byline, lead.byline);
                    text = &text[lead.body_start..];
                }
                // Its lines' marks tell first whether it holds `摄` at all.
                let photo = ls
                    .iter()
                    .any(|&l| lines[l].marks.has(Marks::PHOTO))
                    .then(|| cv::photo_credit_start(text))
                    .flatten();
                if let Some(at) = photo {
                    if d.photo || d.credit_units.is_empty() {
                        merge(&mut art.byline, parse_names(&text[at..]));
                        art.kind = Kind::Photo;
                        text = &text[..at];
                    }
                }
                // The paragraph's spans leave out what went to the dateline,
                // byline or credit: `text` is a slice of `whole`.
                let front = text.as_ptr() as usize - whole.as_ptr() as usize;
                let back = whole.len() - front - text.len();
                let spans = trimmed_spans(
                    lines,
                    ls,
                    glyphs(&whole[..front]),
                    glyphs(&whole[whole.len() - back..]),
                );
                if memchr::memchr_iter(b'"', text.as_bytes()).count() % 2 == 1 {
                    quotes.push(spans.clone());
                }
                let clean = clean_body(text);
                if !clean.is_empty() {
                    art.blocks.push(Block {
                        kind: BlockType::Paragraph,
                        text: clean,
                        spans,
                    });
                }
            }
            DraftBlock::Heading(u) => {
                let ls = units[u].lines();
                all.extend(ls);
                // Subheads read as running text: no phrase spacing kept.
                let text = clean_body(&soft_join(ls.iter().map(
                    |&l| match &classes[l].undoubled {
                        Some(text) => crate::clean::fold_width(text),
                        None => lines[l].folded(),
                    },
                )));
                art.blocks.push(Block {
                    kind: BlockType::Heading,
                    text,
                    spans: spans_of(lines, ls.iter().copied()),
                });
            }
        }
    }
    for &u in &d.credit_units {
        let ls = units[u].lines();
        let text = units[u].text(lines);
        all.extend(ls);
        // A credit in brackets closing a piece (`……帮扶。⏎（记者 张三）`) is
        // the piece's last words, as it is printed at the end of its last
        // paragraph: bylines are read from a piece's opening; a photo
        // credit closing a caption names its photographers.
        let bracketed = text.trim_start().starts_with(['（', '(']);
        let last = art
            .blocks
            .iter_mut()
            .rev()
            .find(|b| b.kind == BlockType::Paragraph);
        match last {
            Some(b) if bracketed && !d.photo => {
                b.text.push_str(&clean_body(&text));
                b.spans.extend(spans_of(lines, ls.iter().copied()));
            }
            _ => merge(&mut art.byline, parse_names(&text)),
        }
    }
    if d.photo {
        art.kind = Kind::Photo;
    }
    if let Some(u) = d.signature {
        let ls = units[u].lines();
        all.extend(ls);
        let raw = units[u].text(lines);
        // A piece opened by a dateline names its reporters there: a
        // signature read into it (its column piece's text ran on into the
        // report) names no author of the report.
        if let Some(name) = cv::signature(&raw).filter(|_| d.opening != Opening::Lead) {
            if !art.byline.authors.contains(&name) {
                art.byline.authors.push(name);
            }
        }
        art.signature = Some(clean_display(&raw));
        art.signature_spans = spans_of(lines, ls.iter().copied());
    }
    for &l in all.iter() {
        used[l] = true;
    }
    all.sort_unstable();
    all.dedup();
    art.spans = spans_of(lines, all.iter().copied());
    let order = d
        .blocks
        .iter()
        .map(|b| match *b {
            DraftBlock::Para(u) | DraftBlock::Heading(u) => units[u].first_line(),
        })
        .chain(d.ad)
        .chain(d.byline_units.iter().map(|&u| units[u].first_line()))
        .min()
        .unwrap_or(0);
    let target = Target {
        first_unit: d.first_unit,
        last_unit: d.last_unit,
        ad: d.ad.is_some(),
    };
    (order, art, target, quotes)
}

/// The kind, from what the article carries: an ad marker; a photo credit; a
/// dateline or a lead-in byline (`本报记者 X 报道`; not a feature's filing
/// line, `新华社武汉2月6日电 题：…`, which names no one); a column name or a
/// signature; otherwise a feature.
fn kind_of(a: &Article, opening: Opening) -> Kind {
    let credited = || {
        let b = &a.byline;
        !(b.reporters.is_empty() && b.correspondents.is_empty())
    };
    if a.kind == Kind::Ad || a.kind == Kind::Photo {
        a.kind
    } else if a.dateline.is_some() || (opening == Opening::Lead && credited()) {
        Kind::News
    } else if a.column.is_some() || a.signature.is_some() {
        Kind::Column
    } else {
        Kind::Feature
    }
}

fn merge(into: &mut Byline, from: Byline) {
    for (dst, src) in [
        (&mut into.reporters, from.reporters),
        (&mut into.correspondents, from.correspondents),
        (&mut into.photographers, from.photographers),
        (&mut into.authors, from.authors),
    ] {
        for n in src {
            if !dst.contains(&n) {
                dst.push(n);
            }
        }
    }
}

/// Glyphs (chars other than white space) in `s`: what the raw text and its
/// joined, width-folded form have alike.
fn glyphs(s: &str) -> usize {
    s.chars().filter(|c| !c.is_whitespace()).count()
}

/// Source ranges of lines `ls` as [`spans_of`] gives them, less the first
/// `front` and the last `back` glyphs of their raw text (and the white space
/// beside those): a lead paragraph's ranges start after its dateline and
/// byline, `本报北京3月1日电（记者 张三）今天……` → `今天……`.
fn trimmed_spans(lines: &[Line], ls: &[usize], front: usize, back: usize) -> Vec<Span> {
    if front + back == 0 {
        return spans_of(lines, ls.iter().copied());
    }
    // Glyphs `front..kept_end` are kept. Their end is read off every line's
    // glyphs only when glyphs go at the back (a photo credit closing a
    // caption); a lead paragraph loses its front only.
    let kept_end = if back == 0 {
        usize::MAX
    } else {
        let total: usize = ls.iter().map(|&l| glyphs(lines[l].raw)).sum();
        if front + back >= total {
            return spans_of(lines, ls.iter().copied());
        }
        total - back
    };
    // Glyph index `g` of the whole run → (line, UTF-16 offset of that glyph).
    let mut ranges: Vec<(usize, Span)> = Vec::with_capacity(ls.len());
    let mut seen = 0usize;
    for &l in ls {
        let line = &lines[l];
        if back == 0 && seen >= front {
            // Past the front every glyph is kept: the line's range is its
            // own, less the white space at its ends (no glyph is counted
            // further).
            let glyphs = line.raw.trim();
            if !glyphs.is_empty() {
                let lead = &line.raw[..line.raw.len() - line.raw.trim_start().len()];
                let start = line.span[0] + crate::lines::utf16_len(lead);
                ranges.push((l, [start, start + crate::lines::utf16_len(glyphs)]));
            }
            continue;
        }
        let mut pos = line.span[0];
        let (mut start, mut end) = (None, line.span[0]);
        for c in line.raw.chars() {
            let w = c.len_utf16() as u32;
            if !c.is_whitespace() {
                if seen >= front && seen < kept_end {
                    start.get_or_insert(pos);
                    end = pos + w;
                }
                seen += 1;
            }
            pos += w;
        }
        if let Some(start) = start {
            ranges.push((l, [start, end]));
        }
    }
    if ranges.is_empty() {
        // The front is every glyph there is (only a cut at the front can
        // leave none: `kept_end` is past `front` otherwise).
        return spans_of(lines, ls.iter().copied());
    }
    join_ranges(lines, ranges)
}

/// Source ranges of lines; lines next to each other in the input make one
/// range, lines apart (a column break between, or pieces of side-by-side
/// columns) make several.
pub fn spans_of(lines: &[Line], idx: impl IntoIterator<Item = usize>) -> Vec<Span> {
    join_ranges(lines, idx.into_iter().map(|l| (l, lines[l].span)))
}

/// Ranges within lines, joined where the lines are next to each other in the
/// input.
fn join_ranges(lines: &[Line], ranges: impl IntoIterator<Item = (usize, Span)>) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    let mut last: Option<usize> = None;
    for (l, s) in ranges {
        match (last, out.last_mut()) {
            (Some(p), Some(cur)) if p + 1 == l && !lines[l].piece && s[0] >= cur[1] => {
                cur[1] = s[1]
            }
            _ => out.push(s),
        }
        last = Some(l);
    }
    out
}

fn merge_spans(mut v: Vec<Span>) -> Vec<Span> {
    v.sort_unstable();
    // `later` goes when it overlaps or touches the span kept before it.
    v.dedup_by(|later, kept| {
        let overlaps = later[0] <= kept[1];
        if overlaps {
            kept[1] = kept[1].max(later[1]);
        }
        overlaps
    });
    v
}

fn strip_spans(page: &mut Page) {
    page.page.spans.clear();
    page.banner_spans.iter_mut().for_each(Vec::clear);
    for w in &mut page.warnings {
        w.spans.clear();
    }
    for a in &mut page.articles {
        a.span_lists_mut().into_iter().for_each(Vec::clear);
        for b in &mut a.blocks {
            b.spans.clear();
        }
    }
}
