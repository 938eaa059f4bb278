//! # jianbao (剪报)
//!
//! Turns one page of raw Chinese newspaper text — as a PDF extractor or OCR
//! produced it — into the page's articles: kind, column, kicker / title /
//! subtitle, dateline, byline by role, body paragraphs and subheads,
//! signature, page date and staff, all text cleaned.
//!
//! One call, one plain value back:
//!
//! ```
//! let raw = "公交职工做刺绣\n\n本报讯 （记者 张三） 近日， 某车队职工\n自发设计了大型十字绣。\n";
//! let page = jianbao::parse(raw, &jianbao::Options::default());
//! let article = &page.articles[0];
//! assert_eq!(article.dateline.as_deref(), Some("本报讯"));
//! assert_eq!(article.byline.reporters, ["张三"]);
//! assert_eq!(article.blocks[0].text, "近日，某车队职工自发设计了大型十字绣。");
//! ```
//!
//! The parser is a few named passes over typed data (see the README's
//! ARCHITECTURE section); each is a pure function in its own module.

mod assemble;
mod byline;
mod classify;
pub mod clean;
mod columns;
mod conventions;
pub mod decode;
pub mod formats;
mod headlines;
mod lines;
mod model;
pub mod pages;
mod reflow;
pub mod render;
mod segment;

pub use model::*;
pub use pages::{parse_pages, split_pages, Document, PageRange};

/// Parses one raw page into a [`Page`].
///
/// Never panics and never fails: text the parser cannot place is kept in
/// [`Page::warnings`] rather than dropped.
pub fn parse(text: &str, options: &Options) -> Page {
    // The lines' match keys that differ from the raw text live here, freed
    // at once with the page's working data.
    let arena = bumpalo::Bump::new();
    let lines = columns::unfold(lines::split(text, &arena), &arena);
    let layout = lines::measure(&lines);
    let classes: Vec<classify::Classified> = lines.iter().map(classify::classify).collect();
    let units = reflow::reflow(&lines, &classes, layout);
    let segments = segment::segment(&lines, &classes, &units);
    assemble::assemble(
        assemble::Passes {
            lines: &lines,
            classes: &classes,
            units: &units,
            segments,
        },
        options,
    )
}
