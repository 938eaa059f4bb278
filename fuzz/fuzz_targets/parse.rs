//! `cargo fuzz run parse`: `decode` on the raw bytes, `parse` on them when
//! they are UTF-8 (and on whatever `decode` made of them), checking that
//! every span lies inside the input.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(decoded) = jianbao::decode::decode(data) {
        check(&decoded.text);
    }
    if let Ok(text) = std::str::from_utf8(data) {
        check(text);
    }
});

fn check(text: &str) {
    let page = jianbao::parse(text, &jianbao::Options::default());
    let len = text.encode_utf16().count() as u32;
    let article_spans = page.articles.iter().flat_map(|a| {
        a.spans
            .iter()
            .chain(&a.column_spans)
            .chain(&a.kicker_spans)
            .chain(&a.title_spans)
            .chain(&a.subtitle_spans)
            .chain(&a.signature_spans)
            .chain(a.blocks.iter().flat_map(|b| b.spans.iter()))
    });
    let spans = page
        .page
        .spans
        .iter()
        .chain(page.banner_spans.iter().flatten())
        .chain(page.warnings.iter().flat_map(|w| w.spans.iter()))
        .chain(article_spans);
    for &[start, end] in spans {
        assert!(start <= end && end <= len, "span [{start}, {end}) of {len}");
    }
}
