//! Parses every raw page in `../shared/pages` and scores the output against
//! the gold files with the project's scorer (`../shared/eval/score.py`),
//! asserting the quality bar: mean score ≥ 0.98, every page ≥ 0.80,
//! segmentation F1 ≥ 0.95 and no clean-text defects.

mod support;

use std::path::Path;
use support::{predict, score, shared};

#[test]
fn gold_pages_meet_the_quality_bar() {
    let pred = Path::new(env!("CARGO_TARGET_TMPDIR")).join("gold-pred");
    let pages = shared().join("pages");
    let names = predict(&pages, &pred);
    assert!(names.len() >= 4, "gold pages missing: {names:?}");
    let (header, rows) = score(&pages, &pred);
    let col = |k: &str| header.iter().position(|h| h == k).unwrap();
    let (score, seg, spaces) = (col("score"), col("seg_f1"), col("spaces"));
    let mean = rows.iter().find(|r| r.0 == "MEAN").expect("mean row");
    for (name, f) in rows.iter().filter(|r| r.0 != "MEAN") {
        assert!(f[score] >= 0.80, "{name}: score {} < 0.80", f[score]);
        assert_eq!(f[spaces], 0.0, "{name}: clean-text defects");
    }
    assert!(mean.1[score] >= 0.98, "mean score {} < 0.98", mean.1[score]);
    assert!(mean.1[seg] >= 0.95, "mean seg_f1 {} < 0.95", mean.1[seg]);
}

/// The same pages as other extractors give them: CRLF, a BOM and full-width
/// digits; no blank lines at all; long lines behind tab indents. The gold
/// output is the same, so the score must stay high.
#[test]
fn other_extraction_styles_of_the_gold_pages() {
    type Variant = (&'static str, fn(&str) -> String, f64);
    let variants: [Variant; 3] = [
        ("crlf-bom-fullwidth", crlf_bom_fullwidth, 0.95),
        ("no-blank-lines", no_blank_lines, 0.93),
        ("tab-indents", tab_indents, 0.95),
    ];
    for (name, make, bar) in variants {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("variant-{name}"));
        std::fs::create_dir_all(&dir).unwrap();
        for entry in std::fs::read_dir(shared().join("pages")).unwrap() {
            let path = entry.unwrap().path();
            let file = path.file_name().unwrap().to_string_lossy().to_string();
            if let Some(stem) = file.strip_suffix(".gold.json") {
                let raw =
                    std::fs::read_to_string(path.with_file_name(format!("{stem}.txt"))).unwrap();
                std::fs::write(dir.join(format!("{stem}.txt")), make(&raw)).unwrap();
                std::fs::copy(&path, dir.join(&file)).unwrap();
            }
        }
        let pred = dir.join("pred");
        predict(&dir, &pred);
        let (header, rows) = score(&dir, &pred);
        let col = header.iter().position(|h| h == "score").unwrap();
        let mean = rows.iter().find(|r| r.0 == "MEAN").unwrap().1[col];
        assert!(mean >= bar, "{name}: mean score {mean} < {bar}");
    }
}

fn crlf_bom_fullwidth(raw: &str) -> String {
    let digits: String = raw
        .chars()
        .map(|c| match c {
            '0'..='9' => char::from_u32(c as u32 + 0xfee0).unwrap(),
            _ => c,
        })
        .collect();
    format!("\u{feff}{}", digits.replace('\n', "\r\n"))
}

fn no_blank_lines(raw: &str) -> String {
    raw.lines()
        .filter(|l| !l.trim().is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

fn tab_indents(raw: &str) -> String {
    raw.lines()
        .map(|l| {
            if l.trim().chars().count() > 25 {
                format!("\t{l}")
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}
