//! Parses positioned lines saved as JSON (one array of `PositionedLine` per
//! file) and writes each page's JSON: for scoring the layout route.
//!
//!     cargo run --release --example layout_corpus -- OUT IN.json...
use std::fs;
use std::path::Path;

fn main() {
    let mut args = std::env::args().skip(1);
    let out = args.next().expect("usage: layout_corpus OUT IN.json...");
    fs::create_dir_all(&out).expect("output folder");
    let dump = std::env::var("LAYOUT_TEXT").is_ok();
    for f in args {
        let lines: Vec<jianbao::PositionedLine> =
            serde_json::from_str(&fs::read_to_string(&f).expect("read")).expect("JSON lines");
        let page = jianbao::parse_layout(&lines, &Default::default());
        let stem = Path::new(&f)
            .file_stem()
            .unwrap()
            .to_string_lossy()
            .to_string();
        fs::write(
            Path::new(&out).join(format!("{stem}.json")),
            jianbao::render::to_json(&page.page, true),
        )
        .expect("write");
        if dump {
            fs::write(Path::new(&out).join(format!("{stem}.txt")), &page.text).expect("write");
        }
    }
}
