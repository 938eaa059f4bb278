//! Parses every raw page in `../shared/pages` and scores the output against
//! the gold files with the project's scorer (`../shared/eval/score.py`),
//! asserting the quality bar: mean score ≥ 0.90, every page ≥ 0.80,
//! segmentation F1 ≥ 0.95 and no clean-text defects.

use std::path::{Path, PathBuf};
use std::process::Command;

fn shared() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared")
}

/// Writes `NAME.json` for every `NAME.txt` with a gold file; returns the names.
fn predict(out: &Path) -> Vec<String> {
    std::fs::create_dir_all(out).unwrap();
    let mut names = Vec::new();
    for entry in std::fs::read_dir(shared().join("pages")).expect("../shared/pages") {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let Some(stem) = name.strip_suffix(".gold.json") else {
            continue;
        };
        let raw = std::fs::read_to_string(path.with_file_name(format!("{stem}.txt"))).unwrap();
        let page = jianbao::parse(&raw, &jianbao::Options::default());
        let json = serde_json::to_string_pretty(&page).unwrap();
        std::fs::write(out.join(format!("{stem}.json")), json).unwrap();
        names.push(stem.to_string());
    }
    names.sort();
    names
}

/// Runs the scorer; returns (header, rows) of its table.
fn score(pred: &Path) -> (Vec<String>, Vec<(String, Vec<f64>)>) {
    let out = Command::new("python3")
        .arg(shared().join("eval/score.py"))
        .arg("--dir")
        .arg(shared().join("pages"))
        .arg("--pred")
        .arg(pred)
        .output()
        .expect("python3 runs the scorer");
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    println!("{text}");
    assert!(
        out.status.success(),
        "scorer failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut lines = text.lines();
    let header: Vec<String> = lines
        .next()
        .unwrap()
        .split_whitespace()
        .skip(1)
        .map(String::from)
        .collect();
    let rows = lines
        .filter(|l| !l.starts_with("score"))
        .map(|l| {
            let mut f = l.split_whitespace();
            let name = f.next().unwrap().to_string();
            (name, f.map(|x| x.parse().unwrap()).collect())
        })
        .collect();
    (header, rows)
}

#[test]
fn gold_pages_meet_the_quality_bar() {
    let pred = Path::new(env!("CARGO_TARGET_TMPDIR")).join("gold-pred");
    let names = predict(&pred);
    assert!(names.len() >= 4, "gold pages missing: {names:?}");
    let (header, rows) = score(&pred);
    let col = |k: &str| header.iter().position(|h| h == k).unwrap();
    let (score, seg, spaces) = (col("score"), col("seg_f1"), col("spaces"));
    let mean = rows.iter().find(|r| r.0 == "MEAN").expect("mean row");
    for (name, f) in rows.iter().filter(|r| r.0 != "MEAN") {
        assert!(f[score] >= 0.80, "{name}: score {} < 0.80", f[score]);
        assert_eq!(f[spaces], 0.0, "{name}: clean-text defects");
    }
    assert!(mean.1[score] >= 0.90, "mean score {} < 0.90", mean.1[score]);
    assert!(mean.1[seg] >= 0.95, "mean seg_f1 {} < 0.95", mean.1[seg]);
}
