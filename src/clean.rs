//! Cleaning: how clean text reads (FORMAT.md, "Cleaning conventions").
//! (Stub: being written.)

/// Cleans a body paragraph given as its raw lines joined with `\n`.
pub fn clean_body(raw: &str) -> String {
    raw.split_whitespace().collect()
}

/// Cleans a display line (title, kicker, banner): like [`clean_body`] but a
/// single space between two phrases printed apart stays.
pub fn clean_display(raw: &str) -> String {
    raw.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Undoes fake-bold doubling of a whole line: `公公交交职职工工` → `公交职工`.
/// `None` when the line is not doubled.
pub fn undouble(line: &str) -> Option<String> {
    let _ = line;
    None
}

/// Full-width ASCII letters and digits to half width, U+3000 to a space.
pub fn fold_width(s: &str) -> String {
    s.to_string()
}

/// CJK ideograph (the ranges the scorer counts).
pub fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}')
}

/// Full-width punctuation that sits next to CJK text.
pub fn is_cjk_punct(c: char) -> bool {
    "，。、；：？！“”‘’（）《》〈〉【】—…·「」『』".contains(c)
}
