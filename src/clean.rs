//! Cleaning: how clean text reads (FORMAT.md, "Cleaning conventions").
//!
//! [`clean_body`] and [`clean_display`] turn raw text — lines hard-wrapped by
//! narrow newspaper columns, half-width punctuation from one-paragraph-per-line
//! extraction, OCR remnants — into the clean form every text field uses:
//!
//! 1. lines joined; white space gone next to CJK text, one space between two
//!    Latin words or numbers;
//! 2. ASCII `, : ; ? ! ( )` next to Chinese text made full width, straight
//!    quotes made curly, paired in order of appearance;
//! 3. full-width ASCII letters and digits made half width;
//! 4. markup left by upstream tools (`**2561**`, `# heading`) removed;
//! 5. nothing else rewritten: garbled OCR stays as printed.
//!
//! Both are single linear passes over the text (plus one over a token array),
//! never panic, and are idempotent: cleaning clean text changes nothing.
//! Fake-bold doubling (`地地铁铁`) is not undone by them — it is a property of
//! a whole raw line, so callers apply [`undouble`] to raw lines first.
//!
//! The module is in two parts:
//!
//! - character classes, what one char is ([`is_cjk`], [`is_cjk_punct`],
//!   [`is_ws`], [`fold_width`], …): `clean/chars.rs`;
//! - the cleaning rules built on them ([`clean_body`], [`clean_display`],
//!   [`undouble`]): `clean/rules.rs`, one file a kind of rule under
//!   `clean/rules/` — `tokens.rs` (white space noted, widths folded, markup
//!   dropped), `punct.rs` (quotes, full-width punctuation), `spaces.rs`
//!   (which white space stays) and `doubled.rs` (fake-bold doubled glyphs).

mod chars;
mod rules;

pub(crate) use chars::{
    ends_in_cjk, fold_char, folds, has_ideographs, is_ideograph_key, opening_cjk, trim_end,
    trim_start, utf8_key, wide_run_with,
};
pub use chars::{
    ends_sentence, fold_width, is_cjk, is_cjk_punct, is_cjk_text, is_closing_punct, is_ideographic,
    is_terminal_punct, is_ws,
};
pub use rules::{
    clean_body, clean_display, join_spaced_digits, reread_recognized_widths, undouble,
    undouble_tail,
};
