//! Helpers the quality tests share: parse a folder of raw pages and score
//! the output with the project's scorer (`../shared/eval/score.py`).

use std::path::{Path, PathBuf};
use std::process::Command;

/// The shared folder beside the repository (sample pages, corpus, scorer).
pub fn shared() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared")
}

/// Writes `NAME.json` for every `NAME.txt` with a gold file in `dir`;
/// returns the names.
pub fn predict(dir: &Path, out: &Path) -> Vec<String> {
    std::fs::create_dir_all(out).unwrap();
    let mut names = Vec::new();
    for entry in std::fs::read_dir(dir).expect("pages directory") {
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

/// Runs the scorer over the gold files in `dir`; returns (header, rows) of
/// its table.
pub fn score(dir: &Path, pred: &Path) -> (Vec<String>, Vec<(String, Vec<f64>)>) {
    let out = Command::new("python3")
        .arg(shared().join("eval/score.py"))
        .arg("--dir")
        .arg(dir)
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
