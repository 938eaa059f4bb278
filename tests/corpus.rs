//! Parses the development corpus in `../shared/corpus` — real article text
//! laid out as pages and extracted by pdftotext, pdfminer.six, PyMuPDF and
//! tesseract OCR — and scores the output with the project's scorer,
//! asserting the quality bar on pages of other papers and extractors than
//! the four sample pages: the corpus mean, each extractor's mean, and
//! headlines and bylines on the text-layer pages.
//!
//! The bars sit just under what the parser reaches (see the README's
//! quality table), so that a change that loses ground fails here.

mod support;

use std::collections::BTreeMap;
use std::path::Path;
use support::{predict, score, shared};

/// Corpus mean score.
const CORPUS_MEAN: f64 = 0.80;
/// Each extractor's mean score.
const EXTRACTOR_MEAN: [(&str, f64); 4] = [
    ("pdfminer", 0.85),
    ("pdftotext", 0.90),
    ("pymupdf", 0.92),
    ("tesseract", 0.61),
];
/// Headlines (`heads`: the set of display lines equals gold's) and bylines
/// on the text-layer pages (OCR excluded).
const TEXT_LAYER_HEADS: f64 = 0.85;
const TEXT_LAYER_BYLINE: f64 = 0.95;

#[test]
fn corpus_pages_meet_the_quality_bar() {
    let corpus = shared().join("corpus");
    if !corpus.is_dir() {
        panic!("the development corpus is missing: {}", corpus.display());
    }
    let pred = Path::new(env!("CARGO_TARGET_TMPDIR")).join("corpus-pred");
    let names = predict(&corpus, &pred);
    assert!(names.len() >= 100, "corpus pages missing: {}", names.len());
    let (header, rows) = score(&corpus, &pred);
    let col = |k: &str| header.iter().position(|h| h == k).unwrap();
    let (score_col, heads, byline, spaces) =
        (col("score"), col("heads"), col("byline"), col("spaces"));

    let mut by_tool: BTreeMap<&str, Vec<&Vec<f64>>> = BTreeMap::new();
    for (name, f) in rows.iter().filter(|r| r.0 != "MEAN") {
        assert_eq!(f[spaces], 0.0, "{name}: clean-text defects");
        let tool = name.rsplit('_').next().unwrap();
        by_tool.entry(tool).or_default().push(f);
    }
    let mean = |fs: &[&Vec<f64>], k: usize| fs.iter().map(|f| f[k]).sum::<f64>() / fs.len() as f64;
    for (tool, bar) in EXTRACTOR_MEAN {
        let fs = &by_tool[tool];
        let m = mean(fs, score_col);
        println!("{tool}: {} pages, mean score {m:.3}", fs.len());
        assert!(m >= bar, "{tool}: mean score {m:.3} < {bar}");
    }
    let text_layer: Vec<&Vec<f64>> = by_tool
        .iter()
        .filter(|(t, _)| **t != "tesseract")
        .flat_map(|(_, fs)| fs.iter().copied())
        .collect();
    let (h, b) = (mean(&text_layer, heads), mean(&text_layer, byline));
    assert!(
        h >= TEXT_LAYER_HEADS,
        "text-layer heads {h:.3} < {TEXT_LAYER_HEADS}"
    );
    assert!(
        b >= TEXT_LAYER_BYLINE,
        "text-layer byline {b:.3} < {TEXT_LAYER_BYLINE}"
    );
    let all = rows.iter().find(|r| r.0 == "MEAN").expect("mean row");
    assert!(
        all.1[score_col] >= CORPUS_MEAN,
        "corpus mean score {} < {CORPUS_MEAN}",
        all.1[score_col]
    );
}
