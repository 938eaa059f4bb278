//! Input shapes that once took time or memory out of proportion to their
//! size (one glyph a line, blank lines, bare line breaks, many bylines,
//! many tiny articles, display lines of distinct bigrams, doubled glyphs),
//! each held at a size that parses quickly unoptimised yet is long enough
//! to be read in windows (see `jianbao::window`). What is asserted is the
//! outcome: the spans index the input, every CJK character is in some span,
//! the windowed page is its windows' pages put together. How fast each
//! shape parses, and in how much memory, is measured by
//! `cargo run --release --example shapes` (docs/performance.md), not here.

use jianbao::clean::is_cjk;
use jianbao::window::{cut, WINDOWED_ABOVE, WINDOW_LINES};
use jianbao::{parse, Options, Page, Span};

/// Line breaks in the line shapes: enough for three windows.
const LINES: usize = 3 * WINDOW_LINES;

/// A small fixed-seed xorshift, so that each run reads the same text.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }

    /// An ideograph of the basic block: two in a row rarely recur.
    fn any(&mut self) -> char {
        char::from_u32(0x4E00 + self.below(0x5000) as u32).unwrap_or('文')
    }

    /// One of a few common glyphs: words that recur, as words do.
    fn common(&mut self) -> char {
        const POOL: [char; 16] = [
            '公', '交', '职', '工', '做', '刺', '绣', '市', '区', '总', '会', '新', '年', '活',
            '动', '开',
        ];
        POOL[self.below(POOL.len())]
    }
}

/// Repeats what `unit` writes until the text holds `bytes`.
fn fill(bytes: usize, mut unit: impl FnMut(&mut Rng, &mut String)) -> String {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut text = String::with_capacity(bytes + 64);
    while text.len() < bytes {
        unit(&mut rng, &mut text);
    }
    text
}

/// The spans run forward inside the input, on character boundaries, and
/// every CJK character of the input lies in one.
fn assert_spans_valid_and_nothing_lost(text: &str, page: &Page) {
    let units: Vec<(u32, char)> = text
        .chars()
        .scan(0u32, |at, c| {
            let here = *at;
            *at += c.len_utf16() as u32;
            Some((here, c))
        })
        .collect();
    let len = text.encode_utf16().count() as u32;
    let mut starts = vec![false; len as usize + 1];
    units.iter().for_each(|&(at, _)| starts[at as usize] = true);
    starts[len as usize] = true;
    // Covered code units, by a difference array over the spans.
    let mut depth = vec![0i32; len as usize + 1];
    for [start, end] in page.all_spans() {
        assert!(start <= end && end <= len, "span [{start}, {end}) of {len}");
        assert!(
            starts[start as usize] && starts[end as usize],
            "span [{start}, {end}) splits a character"
        );
        depth[start as usize] += 1;
        depth[end as usize] -= 1;
    }
    let mut covered = 0;
    let mut lost = Vec::new();
    let mut next = units.iter().peekable();
    for (unit, d) in depth.iter().enumerate() {
        covered += d;
        while let Some(&&(at, c)) = next.peek() {
            if at as usize != unit {
                break;
            }
            if covered == 0 && is_cjk(c) {
                lost.push((at, c));
            }
            next.next();
        }
    }
    assert!(
        lost.is_empty(),
        "{} CJK chars in no span, first {:?}",
        lost.len(),
        &lost[..lost.len().min(5)]
    );
}

/// Parses `text`, which must be long enough to be read in windows, and
/// checks what every shape must give; returns the page.
fn parse_shape(text: &str) -> Page {
    assert!(cut(text).len() > 1, "the shape must be windowed");
    let page = parse(text, &Options::default());
    assert_spans_valid_and_nothing_lost(text, &page);
    assert_eq!(
        page.warnings[0].code,
        "windowed",
        "{:?}",
        page.warnings.first()
    );
    assert!((0.0..=1.0).contains(&page.looks_like_newspaper));
    page
}

/// The page of a shape with no text: no article, only the two warnings.
fn assert_no_text(page: &Page) {
    assert!(page.articles.is_empty() && page.banners.is_empty());
    let codes: Vec<&str> = page.warnings.iter().map(|w| w.code.as_str()).collect();
    assert_eq!(codes, ["windowed", "empty_input"]);
}

#[test]
fn one_glyph_a_line_keeps_every_glyph() {
    let text = "文\n".repeat(LINES);
    let page = parse_shape(&text);
    assert!(!page.articles.is_empty() || !page.warnings.is_empty());
}

#[test]
fn blank_lines_bare_line_feeds_and_bare_returns_give_an_empty_page() {
    for unit in ["\u{3000}\n", "\n", "\r", "\r\n", " \t\n"] {
        let text = unit.repeat(LINES);
        assert_no_text(&parse_shape(&text));
    }
}

#[test]
fn many_bylines_keep_every_name() {
    let text = "本报记者 张三\n".repeat(LINES / 2);
    parse_shape(&text);
}

#[test]
fn many_tiny_articles_are_each_read() {
    let mut items = 0;
    let text = fill(WINDOWED_ABOVE + 1, |r, s| {
        let head: String = (0..4 + r.below(4)).map(|_| r.common()).collect();
        s.push_str(&format!(
            "{head}\n本报讯（记者 张三）近日，{head}开展活动。\n\n"
        ));
        items += 1;
    });
    let page = parse_shape(&text);
    // Each item is an article; one cut by a window may read as two.
    let windows = cut(&text).len();
    let read = page.articles.len();
    assert!(
        (items..=items + windows).contains(&read),
        "{items} items, {read} articles"
    );
    let with_dateline = page
        .articles
        .iter()
        .filter(|a| a.dateline.as_deref() == Some("本报讯"))
        .count();
    assert!(
        with_dateline + windows >= items,
        "{with_dateline} of {items} with a dateline"
    );
}

#[test]
fn display_lines_of_distinct_bigrams_keep_every_glyph() {
    // Short lines of random ideographs with a blank line now and then:
    // display type, each line's bigrams new to the page.
    let text = fill(WINDOWED_ABOVE + 1, |r, s| {
        s.extend((0..4 + r.below(9)).map(|_| r.any()));
        s.push('\n');
        if r.below(8) == 0 {
            s.push('\n');
        }
    });
    parse_shape(&text);
}

#[test]
fn runs_of_doubled_glyph_lines_keep_every_glyph() {
    let text = fill(WINDOWED_ABOVE + 1, |r, s| {
        for _ in 0..2 + r.below(4) {
            for _ in 0..3 + r.below(6) {
                let c = r.common();
                s.push(c);
                s.push(c);
            }
            s.push('\n');
        }
        s.push('\n');
    });
    parse_shape(&text);
}

#[test]
fn one_long_doubled_line_keeps_every_glyph() {
    let text = fill(WINDOWED_ABOVE + 1, |r, s| {
        let c = r.common();
        s.push(c);
        s.push(c);
    });
    parse_shape(&text);
}

#[test]
fn a_windowed_page_is_its_windows_pages_put_together() {
    let item = "地铁职工学剪纸\n\n本报讯（记者 张三）近日，某车站职工自发完成了大幅剪纸画。\n\n";
    let text = item.repeat(WINDOWED_ABOVE / item.len() + 100);
    let page = parse_shape(&text);
    let options = Options::default();
    let mut want = Vec::new();
    for w in cut(&text) {
        let shift = |spans: &mut Vec<Span>| {
            spans
                .iter_mut()
                .for_each(|s| *s = [s[0] + w.start_utf16, s[1] + w.start_utf16]);
        };
        for mut a in parse(&text[w.bytes.clone()], &options).articles {
            a.span_lists_mut().into_iter().for_each(shift);
            a.blocks.iter_mut().for_each(|b| shift(&mut b.spans));
            want.push(a);
        }
    }
    assert_eq!(page.articles.len(), text.len() / item.len());
    assert!(
        page.articles == want,
        "the windowed page differs from its windows' pages"
    );
}

#[test]
fn sample_pages_are_never_windowed() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/pages");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("no sample pages at {}: skipped", dir.display());
        return;
    };
    let mut seen = 0;
    for entry in entries {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt") {
            let text = std::fs::read_to_string(&path).unwrap();
            assert_eq!(cut(&text).len(), 1, "{}", path.display());
            let page = parse(&text, &Options::default());
            assert!(page.warnings.iter().all(|w| w.code != "windowed"));
            seen += 1;
        }
    }
    assert!(seen > 0);
}
