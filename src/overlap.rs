//! Character-bigram overlap: the lexical evidence that ties a headline to
//! its body and a subhead to the piece around it.
//!
//! Chinese words are mostly two glyphs, so the bigrams of a headline
//! (`五型工会` → 五型, 型工, 工会) come back in its lead far more than in any
//! other article on the page. Bigrams are read from word characters (CJK
//! ideographs and ASCII letters and digits) and never cross punctuation;
//! white space inside a text (a line break, a justification space) does not
//! part a word.

use crate::clean::{is_cjk, is_ideograph_key, utf8_key, wide_run_with};

/// A character bigram packed into one word: `(a, b)` → `a << 32 | b`, each
/// char as its [`utf8_key`] (so that runs of ideographs need no decoding).
pub type Bigram = u64;

/// Calls `f` with each bigram of a text's word characters, not crossing
/// punctuation. The text may come in pieces (lines, paragraphs); they join
/// as white space would.
///
/// ```text
/// 五型工会 → 五型, 型工, 工会;  ["公交", "职工"] → 公交, 交职, 职工
/// ```
pub fn for_each_bigram<'a>(text: impl IntoIterator<Item = &'a str>, mut f: impl FnMut(Bigram)) {
    // The word char before, as its `utf8_key`; 0 for none (NUL is no word
    // char).
    let mut prev = 0u32;
    let mut word = |prev: &mut u32, key: u32| {
        if *prev != 0 {
            f(u64::from(*prev) << 32 | u64::from(key));
        }
        *prev = key;
    };
    for piece in text {
        let bytes = piece.as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            // Runs of ideographs and CJK punctuation (which ends a word)
            // without decoding them char by char.
            at += wide_run_with(&bytes[at..], |key| {
                if is_ideograph_key(key) {
                    word(&mut prev, key);
                } else {
                    prev = 0;
                }
            });
            let Some(&b) = bytes.get(at) else {
                break;
            };
            let (is_word, is_space, key) = if b.is_ascii() {
                at += 1;
                let c = char::from(b);
                (c.is_ascii_alphanumeric(), c.is_whitespace(), u32::from(b))
            } else {
                let Some(c) = piece[at..].chars().next() else {
                    break;
                };
                at += c.len_utf8();
                (is_cjk(c), c.is_whitespace(), utf8_key(c))
            };
            if is_word {
                word(&mut prev, key);
            } else if !is_space {
                prev = 0;
            }
        }
    }
}

/// The distinct bigrams of a text, sorted: a set to test against with
/// [`BigramSet::contains`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BigramSet(Vec<Bigram>);

impl BigramSet {
    /// The set of a text's bigrams; the text may come in pieces.
    ///
    /// ```
    /// use jianbao::overlap::BigramSet;
    /// let s = BigramSet::of(["五型工会"]);
    /// assert_eq!(s.len(), 3);
    /// ```
    pub fn of<'a>(text: impl IntoIterator<Item = &'a str>) -> Self {
        let mut v = Vec::new();
        for_each_bigram(text, |b| v.push(b));
        v.sort_unstable();
        v.dedup();
        BigramSet(v)
    }

    /// Holds bigram `b`.
    pub fn contains(&self, b: Bigram) -> bool {
        self.0.binary_search(&b).is_ok()
    }

    /// Number of distinct bigrams.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// No bigram at all (a text of single glyphs or none).
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The bigrams, sorted.
    pub fn iter(&self) -> impl Iterator<Item = Bigram> + '_ {
        self.0.iter().copied()
    }

    /// Share of this set's bigrams that `other` holds (0 when empty).
    ///
    /// ```
    /// use jianbao::overlap::BigramSet;
    /// let head = BigramSet::of(["五型工会"]);
    /// assert_eq!(head.share_in(&BigramSet::of(["打造五型工会"])), 1.0);
    /// ```
    pub fn share_in(&self, other: &BigramSet) -> f32 {
        if self.0.is_empty() {
            return 0.0;
        }
        let found = self.0.iter().filter(|&&b| other.contains(b)).count();
        found as f32 / self.0.len() as f32
    }
}

/// Share of the bigrams of `display` found in `body`, unweighted.
///
/// ```
/// assert_eq!(jianbao::overlap::coverage("五型工会", "打造五型工会"), 1.0);
/// assert_eq!(jianbao::overlap::coverage("五型工会", "职工之家"), 0.0);
/// ```
pub fn coverage(display: &str, body: &str) -> f32 {
    coverage_in(display, [body])
}

/// [`coverage`] of `display` in a body that comes in pieces (lines).
pub fn coverage_in<'a>(display: &str, body: impl IntoIterator<Item = &'a str>) -> f32 {
    let d = BigramSet::of([display]);
    if d.is_empty() {
        return 0.0;
    }
    let mut found = vec![false; d.len()];
    for_each_bigram(body, |b| {
        if let Ok(k) = d.0.binary_search(&b) {
            found[k] = true;
        }
    });
    found.iter().filter(|&&f| f).count() as f32 / d.len() as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bigrams_do_not_cross_punctuation_but_cross_white_space() {
        let mut v = Vec::new();
        for_each_bigram(["公交，职工", "车 队"], |b| v.push(b));
        // 公交, 职工, 工车 (pieces join as white space), 车队.
        assert_eq!(v.len(), 4);
        assert_eq!(BigramSet::of(["ab1"]).len(), 2);
    }
}
