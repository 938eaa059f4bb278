//! Benchmark inputs built from the sample pages, shared by the criterion
//! bench (`benches/parse.rs`) and the throughput example
//! (`examples/throughput.rs`).

use std::path::{Path, PathBuf};

/// The sample pages' folder: `$JIANBAO_PAGES` when set, else `../shared/pages`
/// beside the crate.
pub fn pages_dir() -> PathBuf {
    match std::env::var_os("JIANBAO_PAGES") {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/pages"),
    }
}

/// The raw sample pages (`*.txt`, not the gold files), sorted by name.
pub fn load_pages(dir: &Path) -> std::io::Result<Vec<String>> {
    let mut names: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    names.iter().map(std::fs::read_to_string).collect()
}

/// The 1× input: every page once, in name order, a blank line between.
pub fn concat(pages: &[String]) -> String {
    join(pages.iter().map(String::as_str))
}

/// A page-like input `scale` times the size of [`concat`]: the pages repeated
/// `scale` times in a shuffled (but fixed, seeded) order, a blank line
/// between any two.
pub fn scaled(pages: &[String], scale: usize) -> String {
    let mut order: Vec<usize> = (0..scale).flat_map(|_| 0..pages.len()).collect();
    // Fisher–Yates with a small fixed-seed xorshift: the same input every run.
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    for i in (1..order.len()).rev() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let j = (state % (i as u64 + 1)) as usize;
        order.swap(i, j);
    }
    join(order.iter().map(|&i| pages[i].as_str()))
}

fn join<'a>(pages: impl Iterator<Item = &'a str> + Clone) -> String {
    // Exactly sized, so that memory figures count the input once.
    let size: usize = pages.clone().map(|p| p.len() + 2).sum();
    let mut out = String::with_capacity(size);
    for page in pages {
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(page.trim_end_matches('\n'));
        out.push('\n');
    }
    out
}
