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
        let raw = fs::read_to_string(&f).expect("read");
        let page = if f.ends_with(".json") {
            let lines: Vec<jianbao::PositionedLine> =
                serde_json::from_str(&raw).expect("JSON lines");
            jianbao::parse_layout(&lines, &Default::default())
        } else {
            if std::env::var("LAYOUT_LINES").is_ok() {
                let (_, lines) = jianbao::markup::read(&raw).expect("markup");
                println!("{}", serde_json::to_string(&lines).unwrap());
            }
            let (_, mut pages) = jianbao::parse_markup(&raw, &Default::default()).expect("markup");
            pages.remove(0)
        };
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
