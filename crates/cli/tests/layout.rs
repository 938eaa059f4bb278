//! The CLI on positioned text: tesseract hOCR (the corpus's OCR pages),
//! ALTO XML and poppler's `pdftotext -bbox-layout` XHTML (small fixtures of
//! a page of two articles, the first in two columns under a headline across
//! both), each told apart by content and parsed from its lines.

use std::path::Path;
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_jianbao");
const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
const HOCR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus/hocr");

fn page_of(path: &Path) -> serde_json::Value {
    let out = Command::new(BIN).arg(path).output().expect("run jianbao");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("page JSON")
}

/// The fixtures' page: two reports, each with its headline, dateline,
/// byline and paragraphs, the first read column after column.
fn assert_fixture_page(page: &serde_json::Value, layout: &str) {
    assert_eq!(page["schema"], "jianbao/1");
    assert_eq!(page["source"]["layout"], layout);
    let articles = page["articles"].as_array().expect("articles");
    assert_eq!(articles.len(), 2, "{page:#}");
    let first = &articles[0];
    assert_eq!(first["kind"], "news");
    assert_eq!(first["title"], "市民公园新添健身步道");
    assert_eq!(first["dateline"], "本报讯");
    assert_eq!(first["byline"]["reporters"], serde_json::json!(["王小明"]));
    let paragraphs: Vec<&str> = first["blocks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["text"].as_str().unwrap())
        .collect();
    assert_eq!(paragraphs.len(), 3, "{paragraphs:?}");
    // The second paragraph runs from the first column into the second.
    assert_eq!(
        paragraphs[1],
        "公园管理处负责人介绍，步道铺设了透水材料，雨后不积水，夜间还有照明，方便下班后锻炼的市民。"
    );
    let second = &articles[1];
    assert_eq!(second["title"], "社区开展节水节电宣传活动");
    assert_eq!(second["blocks"].as_array().unwrap().len(), 2);
    assert!(page["banners"].as_array().unwrap().is_empty());
}

#[test]
fn alto_xml_is_read_by_content() {
    let page = page_of(&Path::new(FIXTURES).join("page.alto.xml"));
    assert_fixture_page(&page, "alto");
}

#[test]
fn pdftotext_bbox_layout_is_read_by_content() {
    let page = page_of(&Path::new(FIXTURES).join("page.bbox.html"));
    assert_fixture_page(&page, "bbox-layout");
}

#[test]
fn tesseract_hocr_gives_the_pages_headlines() {
    // Each corpus OCR page: most of its gold headlines (OCR's own
    // characters) come out as titles.
    let mut found = 0usize;
    let mut wanted = 0usize;
    for n in 1..=12 {
        let name = format!("g{n:03}_hocr");
        let page = page_of(&Path::new(HOCR).join(format!("{name}.hocr")));
        assert_eq!(page["source"]["layout"], "hocr");
        let gold: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(Path::new(HOCR).join(format!("{name}.gold.json"))).unwrap(),
        )
        .unwrap();
        let norm =
            |v: &serde_json::Value| v.as_str().unwrap_or("").replace(char::is_whitespace, "");
        let titles: Vec<String> = page["articles"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| norm(&a["title"]))
            .collect();
        for a in gold["articles"].as_array().unwrap() {
            let t = norm(&a["title"]);
            if !t.is_empty() {
                wanted += 1;
                found += usize::from(titles.contains(&t));
            }
        }
    }
    assert!(
        found * 2 >= wanted,
        "hOCR titles found: {found} of {wanted}"
    );
}

#[test]
fn text_that_opens_with_a_tag_but_is_no_markup_stays_text() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("layout-plain");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("page.txt");
    std::fs::write(
        &file,
        "<p>本报讯 （记者 张三） 近日，某工会开展活动。</p>\n",
    )
    .unwrap();
    let page = page_of(&file);
    assert!(page["source"].get("layout").is_none());
}
