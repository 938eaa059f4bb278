//! # jianbao (剪报)
//!
//! Turns one page of raw Chinese newspaper text — as a PDF extractor or OCR
//! produced it — into the page's articles: kind, column, kicker / title /
//! subtitle, dateline, byline by role, body paragraphs and subheads,
//! signature, page date and staff, all text cleaned, every decision with how
//! sure it is.
//!
//! One call, one plain value back:
//!
//! ```
//! let raw = "地铁职工学剪纸\n\n本报讯 （记者 张三） 近日， 某车站职工\n自发创作了大幅剪纸画。\n";
//! let page = jianbao::parse(raw, &jianbao::Options::default());
//! let article = &page.articles[0];
//! assert_eq!(article.title.as_deref(), Some("地铁职工学剪纸"));
//! assert_eq!(article.dateline.as_deref(), Some("本报讯"));
//! assert_eq!(article.byline.reporters, ["张三"]);
//! assert_eq!(article.blocks[0].text, "近日，某车站职工自发创作了大幅剪纸画。");
//! ```
//!
//! The parser is a few named passes over typed data (see the README's
//! architecture section); each is a pure function in its own module, and
//! [`parse`] below runs them in order.

mod across;
mod assemble;
mod byline;
mod classify;
pub mod clean;
mod columns;
pub mod confidence;
mod conventions;
pub mod decode;
pub mod formats;
mod heads;
mod inline;
mod layout;
mod lines;
pub mod markup;
mod model;
pub mod overlap;
pub mod pages;
mod place;
pub mod positioned;
mod quotes;
mod recognized;
mod reflow;
pub mod render;
mod segment;
pub mod spacing;
mod split;
mod stairs;
mod trailing;
pub mod window;

pub use model::*;
pub use pages::{parse_pages, split_pages, Document, PageRange};
pub use positioned::{parse_layout, parse_layout_pages, parse_markup, LayoutPage, PositionedLine};

/// Parses one raw page into a [`Page`].
///
/// Never panics and never fails: text the parser cannot place is kept in
/// [`Page::warnings`] rather than dropped. An input much longer than any
/// page is read in windows (see [`window`]) and says so in a warning
/// `windowed`.
pub fn parse(text: &str, options: &Options) -> Page {
    let windows = window::cut(text);
    if windows.len() == 1 {
        // Read whole (every page is): the page as the passes built it.
        return parse_window(text, &[], options, 0);
    }
    let mut articles = Vec::new();
    let mut page = parse_windows(text, &windows, options, |a| articles.push(a));
    page.articles = articles;
    page
}

/// Parses as [`parse`] does, but hands each article to `each`, in order,
/// as soon as the window it is in is read, instead of keeping it: the page
/// returned is the one [`parse`] returns, without its articles. A caller
/// that writes the articles out as they come (the CLI's JSON) then holds
/// one window's articles at a time, however long the input.
///
/// ```
/// let text = "本报讯（记者 张三）近日，某工会开展活动。";
/// let mut titles = Vec::new();
/// let page = jianbao::parse_with(text, &Default::default(), |a| titles.push(a.dateline));
/// assert!(page.articles.is_empty());
/// assert_eq!(titles, [Some("本报讯".to_string())]);
/// ```
pub fn parse_with(text: &str, options: &Options, each: impl FnMut(Article)) -> Page {
    let windows = window::cut(text);
    if windows.len() == 1 {
        let mut page = parse_window(text, &[], options, 0);
        page.articles.drain(..).for_each(each);
        return page;
    }
    parse_windows(text, &windows, options, each)
}

/// [`parse_with`] of an input that [`window::cut`] cut in several
/// `windows`.
fn parse_windows(
    text: &str,
    windows: &[window::Window],
    options: &Options,
    mut each: impl FnMut(Article),
) -> Page {
    // Advertisements are left out here rather than by each window's pass,
    // so that article numbers in warnings count every article before.
    let all = Options {
        keep_ads: true,
        ..options.clone()
    };
    let mut page = Page::default();
    let mut looks = window::Looks::default();
    let mut numbered = 0;
    for w in windows {
        let part = parse_window(&text[w.bytes.clone()], &[], &all, numbered);
        let articles = window::append(&mut page, part, w, &mut looks);
        numbered += articles.len();
        articles
            .into_iter()
            .filter(|a| options.keep_ads || a.kind != Kind::Ad)
            .for_each(&mut each);
    }
    window::finish(page, windows.len(), looks)
}

/// Parses one raw page with what its geometry says about each line
/// ([`positioned::Hint`], one per line of `text`, blank lines included):
/// the entry [`parse_layout`] uses. With no hints it is [`parse`] of a
/// page short enough to be one window. Positioned text comes a page at a
/// time from its markup, so it is never read in windows.
///
/// ```
/// let raw = "地铁职工学剪纸\n\n本报讯 （记者 张三） 近日，某车站职工自发创作了大幅剪纸画。\n";
/// let options = jianbao::Options::default();
/// let page = jianbao::parse_with_hints(raw, &[], &options);
/// assert_eq!(page, jianbao::parse(raw, &options));
/// ```
pub fn parse_with_hints(text: &str, hints: &[positioned::Hint], options: &Options) -> Page {
    parse_window(text, hints, options, 0)
}

/// Parses one page, or one window of a longer input, by running the
/// passes in order; warnings number its articles from `first + 1`.
fn parse_window(text: &str, hints: &[positioned::Hint], options: &Options, first: usize) -> Page {
    // 0. spacing: letter-spaced lines read without their spaces; ranges
    // mapped back. (Positioned input is rebuilt from its lines unspaced.)
    if hints.is_empty() {
        if let Some(despaced) = spacing::despace(text) {
            let mut page = run_passes(&despaced.text, hints, options, first);
            despaced.restore(&mut page);
            return page;
        }
    }
    run_passes(text, hints, options, first)
}

/// Passes 1–9 over one page's text.
fn run_passes(text: &str, hints: &[positioned::Hint], options: &Options, first: usize) -> Page {
    // The lines' match keys that differ from the raw text live here, freed
    // at once with the page's working data.
    let arena = bumpalo::Bump::new();
    // 1. lines: split, keyed, side-by-side columns read one after another.
    let lines = columns::unfold(lines::split(text, &arena), &arena);
    // Hints are per line of `text`; column unfolding would break that
    // (positioned input is never printed side by side), so then none.
    let hints = if lines.len() == hints.len() {
        hints
    } else {
        &[]
    };
    // 1b. stairs: bold display type read as a staircase of glyph pairs, one
    // line again (positioned input reads each glyph once).
    let lines = if hints.is_empty() {
        stairs::undo(lines, &arena)
    } else {
        lines
    };
    // 2. classify: furniture, datelines, bylines, credits, display shape.
    let mut classes = classify::classify(&lines);
    // 3. layout: column widths, blank-line and indent conventions.
    let layout = layout::measure(text, &lines, &classes);
    // 3b. on a page read by OCR, spacing after a clause mark is no evidence.
    if layout.recognized {
        classify::reread_recognized(&mut classes, &lines);
    }
    // 4. reflow: running text into paragraphs, display lines into groups.
    let reflowed = reflow::reflow_with(&lines, &classes, &layout, hints);
    // 5–7c. articles: their bodies, and their headlines placed.
    let (bodies, items, placement) = articles(&lines, &classes, &layout, &reflowed, hints);
    // 8. page: roles, kinds, confidence, banners, warnings.
    let mut page = assemble::page(bodies, &items, placement, &lines, &layout, options, first);
    // 8b. inline: on a page recognized from an image, display type OCR
    // read inside a sentence stays in that sentence, as read.
    if layout.recognized {
        inline::splice(&mut page, text);
    }
    // 9. quotes: on a page whose quote directions OCR misread, each text's
    // double quotes paired in order.
    quotes::repair(&mut page, layout.recognized);
    // 9b. widths: on a page recognized from an image, each mark's width
    // the one its neighbours call for.
    if layout.recognized {
        recognized::reread_widths(&mut page);
    }
    page
}

/// Passes 5–5c: where articles start and end.
fn segments(
    lines: &[lines::Line],
    classes: &[classify::Classified],
    units: &[reflow::Unit],
    hints: &[positioned::Hint],
) -> segment::Segments {
    // 5. segment: where articles start and end.
    let segments = segment::segment_with(lines, classes, units, hints);
    // 5b. split: text that runs on from one piece into the next moves to
    // that piece.
    let segments = split::split(lines, classes, units, segments);
    // 5b′. resume: text printed after the block that carried a piece's
    // broken-off paragraph on goes on that piece, where its words say so.
    let segments = split::resume(lines, classes, units, segments);
    // 5c. trailing: a run of text whose headline the extractor printed
    // after all of the text is a piece of its own.
    trailing::split_trailing(lines, classes, units, segments)
}

/// Passes 5–7c: the articles' bodies, and their headlines placed.
fn articles(
    lines: &[lines::Line],
    classes: &[classify::Classified],
    layout: &layout::Layout,
    reflowed: &reflow::Reflowed,
    hints: &[positioned::Hint],
) -> (assemble::Bodies, Vec<place::Item>, place::Placement) {
    // 5–5c. segments.
    let cut = segments(lines, classes, &reflowed.units, hints);
    // 6. bodies: each article's text, credits and source ranges.
    let bodies = assemble::bodies(lines, classes, reflowed, cut);
    // 7. place: display groups split into fields, each put with its article.
    let (items, placement) = place_fields(lines, classes, layout, reflowed, &bodies, hints);
    // 7b. late headlines: a headline placed after the text of a piece that
    // has its own headline above it (or before that one, across pieces
    // with headlines of their own) heads the run of text closing that
    // piece, where its words say so; bodies and placement again with that
    // run a piece of its own.
    // (Positioned input places a headline where the page prints it.)
    let late = if hints.is_empty() {
        trailing::placed_after_text(&items, &placement, &bodies)
    } else {
        Vec::new()
    };
    let mut cut = None;
    let (bodies, items, placement) = if late.is_empty() {
        (bodies, items, placement)
    } else {
        let again = segments(lines, classes, &reflowed.units, hints);
        match trailing::split_placed_after(lines, classes, layout, &reflowed.units, again, &late) {
            Some(split) => {
                cut = Some(split.clone());
                let bodies = assemble::bodies(lines, classes, reflowed, split);
                let (items, placement) =
                    place_fields(lines, classes, layout, reflowed, &bodies, hints);
                (bodies, items, placement)
            }
            None => (bodies, items, placement),
        }
    };
    // 7c. a headline placed across a piece without one: that piece's text
    // and the next one's are one article, the display line between them
    // its subhead; bodies and placement again with the two joined.
    let joins = across::placed_across_headless(&items, &placement, &bodies.targets);
    // A dated opening OCR read before its headline: the opening and the
    // text under the headline are one piece, under that headline.
    let openings = if hints.is_empty() {
        across::opening_read_before_its_headline(&items, &placement, &bodies)
    } else {
        Vec::new()
    };
    if joins.is_empty() && openings.is_empty() {
        return (bodies, items, placement);
    }
    let cut = cut.unwrap_or_else(|| segments(lines, classes, &reflowed.units, hints));
    let cut = segment::join_under_headline(segment::join_pieces(cut, &joins), &openings);
    let bodies = assemble::bodies(lines, classes, reflowed, cut);
    let (items, placement) = place_fields(lines, classes, layout, reflowed, &bodies, hints);
    (bodies, items, placement)
}

/// Pass 7: the display groups joined into fields and each field put with
/// the article whose body shares its words. The bodies are read once, for
/// every bigram a field can hold, into postings that the field builder (a
/// word a wrap broke, found whole) and placement share.
fn place_fields(
    lines: &[lines::Line],
    classes: &[classify::Classified],
    layout: &layout::Layout,
    reflowed: &reflow::Reflowed,
    bodies: &assemble::Bodies,
    hints: &[positioned::Hint],
) -> (Vec<place::Item>, place::Placement) {
    let texts = bodies.texts();
    let postings = overlap::Postings::new(
        heads::vocabulary(lines, classes, &reflowed.units, &bodies.free),
        &texts,
    );
    let items = heads::items(
        lines,
        classes,
        &reflowed.units,
        &bodies.free,
        layout,
        hints,
        &postings,
    );
    let placement = place::place(
        &items,
        &bodies.targets,
        &postings,
        &bodies.body_units,
        !hints.is_empty(),
    );
    (items, placement)
}

/// One line per input line: what the passes decided about it (its kind,
/// its shape against the column, the unit it went to and how sure that
/// was). For debugging rules; the format may change.
#[doc(hidden)]
pub fn trace(text: &str) -> String {
    use std::fmt::Write;
    let despaced = spacing::despace(text);
    let text = despaced.as_ref().map_or(text, |d| d.text.as_str());
    let arena = bumpalo::Bump::new();
    let lines = stairs::undo(columns::unfold(lines::split(text, &arena), &arena), &arena);
    let mut classes = classify::classify(&lines);
    let layout = layout::measure(text, &lines, &classes);
    if layout.recognized {
        classify::reread_recognized(&mut classes, &lines);
    }
    let reflowed = reflow::reflow(&lines, &classes, &layout);
    let mut unit_of = vec![String::new(); lines.len()];
    for (k, u) in reflowed.units.iter().enumerate() {
        let tag = match u {
            reflow::Unit::Para { lead: true, .. } => "L",
            reflow::Unit::Para { .. } => "P",
            reflow::Unit::Display { .. } => "D",
            reflow::Unit::Credit { .. } => "C",
            reflow::Unit::Byline { .. } => "B",
            reflow::Unit::Ad { .. } => "A",
            reflow::Unit::Furniture { .. } => "F",
            reflow::Unit::Column { .. } => "K",
        };
        for &l in u.lines() {
            unit_of[l] = format!("{tag}{k}");
        }
    }
    let mut out = format!(
        "column {:?} blanks {:?} indents {:?} spaced {}\n",
        layout.column, layout.blanks, layout.indents, layout.spaced_text
    );
    for (i, l) in lines.iter().enumerate() {
        let shape = layout.shape(&lines, i);
        let _ = writeln!(
            out,
            "{i:4} {:6} {:?}/{:?} w{:4.1} W{:4.1} {:.2} {}",
            unit_of[i],
            classes[i].kind,
            shape,
            l.width,
            layout.width_at(i).unwrap_or(0.0),
            reflowed.sure[i],
            l.raw
        );
    }
    // The display fields and where placement put them.
    let (bodies, items, placement) = articles(&lines, &classes, &layout, &reflowed, &[]);
    for (i, it) in items.iter().enumerate() {
        for (k, f) in it.fields.iter().enumerate() {
            let at = placement
                .heads
                .iter()
                .enumerate()
                .find_map(|(t, hs)| hs.iter().find(|h| h.0 == (i, k)).map(|h| (t, h.1)));
            let target = |t: usize| {
                let u = bodies.targets[t].first_unit;
                format!("article at unit {u}")
            };
            let place = match at {
                Some((t, sure)) => format!("{} ({sure:.2})", target(t)),
                None if placement.banners.contains(&(i, k)) => "banner".to_string(),
                None if placement.unplaced.contains(&(i, k)) => "unplaced headline".to_string(),
                None => match placement.orphans.iter().find(|o| o.0 == (i, k)) {
                    Some(&(_, t)) => format!("kept as text in {}", target(t)),
                    None => "unplaced".to_string(),
                },
            };
            let _ = writeln!(out, "field D{} {:?} -> {place}", it.unit, f.text);
        }
    }
    out
}

/// How long each pass took on `text`, in seconds, in order: for profiling
/// the passes (the benchmark's per-pass table). The format may change.
#[doc(hidden)]
pub fn pass_times(text: &str) -> Vec<(&'static str, f64)> {
    use std::time::Instant;
    let mut out = Vec::new();
    let mut t = Instant::now();
    let mut lap = |name: &'static str, out: &mut Vec<(&'static str, f64)>| {
        out.push((name, t.elapsed().as_secs_f64()));
        t = Instant::now();
    };
    let arena = bumpalo::Bump::new();
    let lines = columns::unfold(lines::split(text, &arena), &arena);
    lap("lines", &mut out);
    let mut classes = classify::classify(&lines);
    lap("classify", &mut out);
    let layout = layout::measure(text, &lines, &classes);
    if layout.recognized {
        classify::reread_recognized(&mut classes, &lines);
    }
    lap("layout", &mut out);
    let reflowed = reflow::reflow(&lines, &classes, &layout);
    lap("reflow", &mut out);
    let segments = segment::segment(&lines, &classes, &reflowed.units);
    lap("segment", &mut out);
    let bodies = assemble::bodies(&lines, &classes, &reflowed, segments);
    lap("bodies", &mut out);
    let (items, placement) = place_fields(&lines, &classes, &layout, &reflowed, &bodies, &[]);
    lap("fields and place", &mut out);
    let mut page = assemble::page(
        bodies,
        &items,
        placement,
        &lines,
        &layout,
        &Options::default(),
        0,
    );
    lap("page", &mut out);
    quotes::repair(&mut page, layout.recognized);
    lap("quotes", &mut out);
    if layout.recognized {
        recognized::reread_widths(&mut page);
    }
    lap("widths", &mut out);
    drop(page);
    out
}
