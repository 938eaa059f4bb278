//! Text that is not a newspaper page says so (`looks_like_newspaper` under
//! 0.5 and a `not_newspaper` warning), as Readability's `isProbablyReaderable`
//! does; newspaper pages of every extraction style do not.

use jianbao::{parse, Options, Page};
use std::path::Path;

/// The shared folder beside the repository (sample pages, corpus).
fn shared() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared")
}

fn page_of(path: &Path) -> Page {
    parse(&std::fs::read_to_string(path).unwrap(), &Options::default())
}

fn warned(p: &Page) -> bool {
    p.warnings.iter().any(|w| w.code == "not_newspaper")
}

#[test]
fn prose_a_novel_and_a_table_are_not_newspaper_pages() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/not_newspaper");
    for name in ["english.txt", "novel.txt", "table.txt"] {
        let p = page_of(&dir.join(name));
        assert!(
            p.looks_like_newspaper < 0.5,
            "{name}: looks_like_newspaper {}",
            p.looks_like_newspaper
        );
        assert!(warned(&p), "{name}: no not_newspaper warning");
    }
}

#[test]
fn newspaper_pages_of_every_extractor_look_like_newspaper_pages() {
    let shared = shared();
    let mut seen = 0;
    for dir in ["pages", "corpus"] {
        let Ok(entries) = std::fs::read_dir(shared.join(dir)) else {
            continue;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "txt") {
                let p = page_of(&path);
                assert!(
                    p.looks_like_newspaper >= 0.7 && !warned(&p),
                    "{}: looks_like_newspaper {}",
                    path.display(),
                    p.looks_like_newspaper
                );
                seen += 1;
            }
        }
    }
    if seen == 0 {
        eprintln!("skipped: no pages beside the repository");
    }
}
