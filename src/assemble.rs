//! Pass 6 — assemble: build the [`Page`] from the drafts and placed
//! headlines: credits parsed, text cleaned, kinds decided, source ranges
//! attached, and anything left over reported in `warnings`.

use crate::byline::{parse_lead, parse_names, soft_join};
use crate::classify::Classified;
use crate::clean::{clean_body, clean_display};
use crate::conventions as cv;
use crate::headlines::{self, Heads, Item, Target};
use crate::lines::Line;
use crate::reflow::Unit;
use crate::segment::{Draft, DraftBlock, Opening, Segments};
use crate::{
    Article, Block, BlockType, Byline, Kind, Options, Page, PageInfo, Span, Staff, Warning, SCHEMA,
};

/// Everything the earlier passes produced.
pub struct Passes<'a, 'b> {
    pub lines: &'a [Line<'b>],
    pub classes: &'a [Classified],
    pub units: &'a [Unit],
    pub segments: Segments,
}

/// Builds the page.
pub fn assemble(p: Passes, options: &Options) -> Page {
    let Passes {
        lines,
        classes,
        units,
        segments,
    } = p;
    let mut used = vec![false; lines.len()];
    let page = page_info(lines, &segments.furniture, &mut used);

    let mut built: Vec<(usize, Article, Target, Opening)> =
        Vec::with_capacity(segments.drafts.len());
    let mut warnings = Vec::new();
    // One buffer for the joined text of each paragraph in turn.
    let mut scratch = String::new();
    for d in &segments.drafts {
        let (order, art, target, quotes) =
            draft_article(lines, classes, units, d, &mut used, &mut scratch);
        built.push((order, art, target, d.opening));
        for spans in quotes {
            warnings.push(Warning {
                code: "unpaired_quote".into(),
                message: "a paragraph has an odd number of straight double quotes; they were paired in order".into(),
                spans,
            });
        }
    }
    built.sort_by_key(|b| b.0);

    // A column name (栏目) standing free heads the piece printed after it.
    let mut free = Vec::with_capacity(segments.free.len());
    for &u in &segments.free {
        match column_name(lines, units, u) {
            Some(name) => {
                let next = built
                    .iter_mut()
                    .find(|b| b.2.first_unit > u && !b.2.ad && b.1.column.is_none());
                match next {
                    Some(b) => {
                        let ls = units[u].lines();
                        for &l in ls {
                            used[l] = true;
                        }
                        b.1.column = Some(name);
                        b.1.column_spans = spans_of(lines, ls.iter().copied());
                        let mut all = std::mem::take(&mut b.1.spans);
                        all.extend_from_slice(&b.1.column_spans);
                        b.1.spans = merge_spans(all);
                    }
                    None => free.push(u),
                }
            }
            None => free.push(u),
        }
    }
    let items: Vec<Item> = free
        .iter()
        .filter_map(|&u| match &units[u] {
            Unit::Display { lines: ls } => {
                let raw: Vec<(usize, &str, Option<&str>)> = ls
                    .iter()
                    .map(|&l| (l, lines[l].raw, classes[l].undoubled.as_deref()))
                    .collect();
                Some(headlines::item(u, &raw))
            }
            _ => None,
        })
        .collect();
    let body_units: Vec<usize> = units
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
    let (built, mut targets): (Vec<(Article, Opening)>, Vec<Target>) = built
        .into_iter()
        .map(|(_, art, target, opening)| ((art, opening), target))
        .unzip();
    // The bodies placement reads are the articles' paragraphs (an ad's own
    // line aside).
    for (t, (art, _)) in targets.iter_mut().zip(&built) {
        t.body = art
            .blocks
            .iter()
            .skip(usize::from(t.ad))
            .filter(|b| b.kind == BlockType::Paragraph)
            .map(|b| b.text.as_str())
            .collect();
    }
    let placement = headlines::place(&items, &targets, &body_units);
    drop(targets);

    let mut articles = Vec::with_capacity(built.len());
    for ((mut art, opening), heads) in built.into_iter().zip(placement.heads) {
        apply_heads(lines, &mut art, heads, &mut used);
        art.kind = kind_of(&art, opening);
        articles.push(art);
    }
    for &(unit, t) in &placement.guesses {
        let first = units[unit].first_line();
        warnings.push(Warning {
            code: "headline_by_position".into(),
            message: format!(
                "headline placed with article {} by its position only; its words do not appear in the body",
                t + 1
            ),
            spans: spans_of(lines, [first]),
        });
    }
    let mut banners = Vec::new();
    let mut banner_spans = Vec::new();
    for (text, ls) in placement.banners {
        for &l in &ls {
            used[l] = true;
        }
        banners.push(text);
        banner_spans.push(spans_of(lines, ls.iter().copied()));
    }
    let unplaced: Vec<usize> = (0..lines.len())
        .filter(|&l| !used[l] && !lines[l].is_blank())
        .collect();
    for l in unplaced {
        warnings.push(Warning {
            code: "unplaced_text".into(),
            message: format!("text not assigned to any article: {}", lines[l].raw),
            spans: spans_of(lines, [l]),
        });
    }

    let mut page = Page {
        schema: SCHEMA.to_string(),
        page,
        banners,
        articles,
        banner_spans,
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

/// Page furniture: date line, edition lines.
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
        } else {
            let folded = crate::clean::fold_width(line.raw);
            for (role, name) in cv::staff(&folded) {
                info.staff.push(Staff { role, name });
            }
            info.emails.extend(cv::emails(&folded));
            info.phones.extend(cv::phones(&folded));
        }
    }
    info.spans = spans_of(lines, furniture.iter().copied());
    info
}

/// The cleaned text of a one-line display unit shaped like a column name.
fn column_name(lines: &[Line], units: &[Unit], u: usize) -> Option<String> {
    match &units[u] {
        Unit::Display { lines: ls } if ls.len() == 1 && cv::is_column_name(lines[ls[0]].key) => {
            Some(clean_display(lines[ls[0]].raw))
        }
        _ => None,
    }
}

/// Builds an article (without headlines) from a draft; returns its sort key
/// (first body line) and what the headline pass needs to know of it (the
/// target's body is left empty: the caller borrows it from the article).
fn draft_article(
    lines: &[Line],
    classes: &[Classified],
    units: &[Unit],
    d: &Draft,
    used: &mut [bool],
    scratch: &mut String,
) -> (usize, Article, Target<'static>, Vec<Vec<Span>>) {
    let mut art = Article::new(Kind::Feature);
    let mut all: Vec<usize> = Vec::new();
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
                let mut text = scratch.as_str();
                if k == 0 && d.opening == Opening::Lead {
                    let lead = parse_lead(text);
                    art.dateline = lead.dateline;
                    merge(&mut art.byline, lead.byline);
                    text = &text[lead.body_start..];
                }
                if let Some(at) = cv::photo_credit_start(text) {
                    if d.photo || d.credit_units.is_empty() {
                        merge(&mut art.byline, parse_names(&text[at..]));
                        art.kind = Kind::Photo;
                        text = &text[..at];
                    }
                } else if let Some(at) = cv::trailing_credit_start(text) {
                    // `……工作。（记者 张三）`: the credit closing a piece.
                    merge(&mut art.byline, parse_names(&text[at..]));
                    text = &text[..at];
                }
                if memchr::memchr_iter(b'"', text.as_bytes()).count() % 2 == 1 {
                    quotes.push(spans_of(lines, ls.iter().copied()));
                }
                let clean = clean_body(text);
                if !clean.is_empty() {
                    art.blocks.push(Block {
                        kind: BlockType::Paragraph,
                        text: clean,
                        spans: spans_of(lines, ls.iter().copied()),
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
        merge(&mut art.byline, parse_names(&text));
        all.extend(ls);
    }
    if d.photo {
        art.kind = Kind::Photo;
    }
    if let Some(l) = d.signature {
        all.push(l);
        let sig = clean_display(lines[l].raw);
        if let Some(name) = cv::signature(lines[l].raw) {
            if !art.byline.authors.contains(&name) {
                art.byline.authors.push(name);
            }
        }
        art.signature = Some(sig);
        art.signature_spans = spans_of(lines, [l]);
    }
    if let Some(u) = d.column {
        let ls = units[u].lines();
        art.column = Some(clean_display(&units[u].text(lines)));
        art.column_spans = spans_of(lines, ls.iter().copied());
        all.extend(ls);
    }
    for &l in &all {
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
        body: Vec::new(),
        photo: d.photo,
        ad: d.ad.is_some(),
    };
    (order, art, target, quotes)
}

fn apply_heads(lines: &[Line], art: &mut Article, heads: Heads, used: &mut [bool]) {
    let mut set =
        |field: &mut Option<String>, spans: &mut Vec<Span>, v: Option<(String, Vec<usize>)>| {
            if let Some((text, ls)) = v {
                for &l in &ls {
                    used[l] = true;
                }
                *field = Some(text);
                *spans = spans_of(lines, ls.iter().copied());
            }
        };
    set(&mut art.kicker, &mut art.kicker_spans, heads.kicker);
    set(&mut art.title, &mut art.title_spans, heads.title);
    set(&mut art.subtitle, &mut art.subtitle_spans, heads.subtitle);
    let mut all = std::mem::take(&mut art.spans);
    for s in [&art.kicker_spans, &art.title_spans, &art.subtitle_spans] {
        all.extend_from_slice(s);
    }
    art.spans = merge_spans(all);
}

/// The kind, from what the article carries: an ad marker; a photo credit; a
/// dateline or a lead-in byline (`本报记者 X 报道`); a column name or a
/// signature; otherwise a feature.
fn kind_of(a: &Article, opening: Opening) -> Kind {
    if a.kind == Kind::Ad || a.kind == Kind::Photo {
        a.kind
    } else if a.dateline.is_some() || opening == Opening::Lead {
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

/// Source ranges of lines; lines next to each other in the input make one
/// range, lines apart (a column break between, or pieces of side-by-side
/// columns) make several.
fn spans_of(lines: &[Line], idx: impl IntoIterator<Item = usize>) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    let mut last: Option<usize> = None;
    for l in idx {
        let s = lines[l].span;
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
