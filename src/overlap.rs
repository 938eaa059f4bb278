//! Character-bigram overlap: the lexical evidence that ties a headline to
//! its body and a subhead to the piece around it.
//!
//! Chinese words are mostly two glyphs, so the bigrams of a headline
//! (`三心服务` → 三心, 心服, 服务) come back in its lead far more than in any
//! other article on the page. Bigrams are read from word characters (CJK
//! ideographs and ASCII letters and digits) and never cross punctuation;
//! white space inside a text (a line break, a justification space) does not
//! part a word.

use crate::clean::{is_cjk, is_ideograph_key, utf8_key, wide_run_with};
use rustc_hash::FxHashMap;

/// A character bigram packed into one word: `(a, b)` → `a << 32 | b`, each
/// char as its [`utf8_key`] (so that runs of ideographs need no decoding).
pub type Bigram = u64;

/// Calls `f` with each bigram of a text's word characters, not crossing
/// punctuation. The text may come in pieces (lines, paragraphs); they join
/// as white space would.
///
/// ```text
/// 三心服务 → 三心, 心服, 服务;  ["公交", "职工"] → 公交, 交职, 职工
/// ```
pub fn for_each_bigram<'a>(text: impl IntoIterator<Item = &'a str>, f: impl FnMut(Bigram)) {
    bigrams::<false>(text, f);
}

/// [`for_each_bigram`] for look-ups in a vocabulary of bigrams: inside a
/// run of ideographs and CJK punctuation, `f` is also called with values
/// that are no bigram (one half zero: a word's first glyph, a punctuation
/// mark), which no vocabulary holds. That spares a branch on each glyph,
/// whether it opens a word, which follows no pattern.
fn for_each_bigram_loose<'a>(text: impl IntoIterator<Item = &'a str>, f: impl FnMut(Bigram)) {
    bigrams::<true>(text, f);
}

/// The bigrams of `text`, [`for_each_bigram_loose`] if `LOOSE`.
#[inline(always)]
fn bigrams<'a, const LOOSE: bool>(
    text: impl IntoIterator<Item = &'a str>,
    mut f: impl FnMut(Bigram),
) {
    // The word char before, as its `utf8_key`; 0 for none (NUL is no word
    // char).
    let mut prev = 0u32;
    for piece in text {
        let bytes = piece.as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            // Runs of ideographs and CJK punctuation (which ends a word)
            // without decoding them char by char.
            at += wide_run_with(&bytes[at..], |key| {
                if LOOSE {
                    let key = std::hint::select_unpredictable(is_ideograph_key(key), key, 0);
                    f(u64::from(prev) << 32 | u64::from(key));
                    prev = key;
                } else if is_ideograph_key(key) {
                    word(&mut f, &mut prev, key);
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
                word(&mut f, &mut prev, key);
            } else if !is_space {
                prev = 0;
            }
        }
    }
}

/// A word char read, its `utf8_key` `key` after `prev`: the bigram it ends,
/// if any, goes to `f`.
#[inline(always)]
fn word(f: &mut impl FnMut(Bigram), prev: &mut u32, key: u32) {
    if *prev != 0 {
        f(u64::from(*prev) << 32 | u64::from(key));
    }
    *prev = key;
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
    /// let s = BigramSet::of(["三心服务"]);
    /// assert_eq!(s.len(), 3);
    /// ```
    pub fn of<'a>(text: impl IntoIterator<Item = &'a str>) -> Self {
        let mut v = Vec::new();
        for_each_bigram(text, |b| v.push(b));
        v.sort_unstable();
        v.dedup();
        BigramSet(v)
    }

    /// The union of sets.
    ///
    /// ```
    /// use jianbao::overlap::BigramSet;
    /// let (a, b) = (BigramSet::of(["三心"]), BigramSet::of(["心服务"]));
    /// assert_eq!(BigramSet::union([&a, &b]), BigramSet::of(["三心服务"]));
    /// ```
    pub fn union<'a>(sets: impl IntoIterator<Item = &'a BigramSet>) -> Self {
        let mut v = Vec::new();
        for s in sets {
            v.extend_from_slice(&s.0);
        }
        v.sort_unstable();
        v.dedup();
        BigramSet(v)
    }

    /// Holds bigram `b`.
    pub fn contains(&self, b: Bigram) -> bool {
        self.0.binary_search(&b).is_ok()
    }

    /// Where bigram `b` stands among the set's sorted bigrams, if held.
    ///
    /// ```
    /// use jianbao::overlap::BigramSet;
    /// let s = BigramSet::of(["三心服务"]);
    /// let bigram = |t: &str| BigramSet::of([t]).iter().next().unwrap();
    /// assert!(s.position(bigram("心服")).is_some());
    /// assert_eq!(s.position(bigram("职工")), None);
    /// ```
    pub fn position(&self, b: Bigram) -> Option<usize> {
        self.0.binary_search(&b).ok()
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
    /// let head = BigramSet::of(["三心服务"]);
    /// assert_eq!(head.share_in(&BigramSet::of(["打造三心服务"])), 1.0);
    /// ```
    pub fn share_in(&self, other: &BigramSet) -> f32 {
        if self.0.is_empty() {
            return 0.0;
        }
        let found = self.0.iter().filter(|&&b| other.contains(b)).count();
        found as f32 / self.0.len() as f32
    }

    /// Share of this set's bigrams found in a text, read once without
    /// building its set (0 when empty): [`BigramSet::share_in`] of the
    /// text's set, for a small set against a long text.
    ///
    /// ```
    /// use jianbao::overlap::BigramSet;
    /// let head = BigramSet::of(["三心服务"]);
    /// assert_eq!(head.share_in_text(["打造三心服务"]), 1.0);
    /// assert!((head.share_in_text(["打造三心"]) - 1.0 / 3.0).abs() < 1e-6);
    /// ```
    pub fn share_in_text<'a>(&self, text: impl IntoIterator<Item = &'a str>) -> f32 {
        if self.0.is_empty() {
            return 0.0;
        }
        let mut seen = vec![false; self.0.len()];
        for_each_bigram(text, |b| {
            if let Ok(k) = self.0.binary_search(&b) {
                seen[k] = true;
            }
        });
        seen.iter().filter(|&&s| s).count() as f32 / self.0.len() as f32
    }
}

/// Share of the bigrams of `display` found in `body`, unweighted.
///
/// ```
/// assert_eq!(jianbao::overlap::coverage("三心服务", "打造三心服务"), 1.0);
/// assert_eq!(jianbao::overlap::coverage("三心服务", "职工之家"), 0.0);
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

/// Bits of the vocabulary filter of [`Postings`].
const FILTER_BITS: usize = 1 << 16;

/// A bigram's bit in the vocabulary filter: a multiplicative hash.
#[inline]
fn filter_slot(b: Bigram) -> usize {
    (b.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 48) as usize
}

/// For each bigram of a vocabulary (a page's headline bigrams: a few
/// hundred), the texts (article bodies) that hold it, in order. Built in one
/// pass over the texts, each bigram looked up once in a hash map of the
/// vocabulary, so the cost is linear in the text.
#[derive(Debug, Clone, Default)]
pub struct Postings {
    ids: FxHashMap<Bigram, u32>,
    /// `flat[starts[id]..starts[id + 1]]`: the texts holding bigram `id`.
    starts: Vec<u32>,
    flat: Vec<u32>,
}

impl Postings {
    /// The postings of `vocab`'s bigrams in `texts` (each a text in pieces).
    ///
    /// ```
    /// use jianbao::overlap::{for_each_bigram, Postings};
    /// let mut vocab = Vec::new();
    /// for_each_bigram(["职工"], |b| vocab.push(b));
    /// let p = Postings::new(vocab.iter().copied(), &[vec!["工会"], vec!["职工之家"]]);
    /// assert_eq!(p.holders(vocab[0]), [1]);
    /// ```
    pub fn new(vocab: impl IntoIterator<Item = Bigram>, texts: &[Vec<&str>]) -> Self {
        let vocab = vocab.into_iter();
        // Room for the whole vocabulary at once (it may repeat a bigram):
        // the map is not rehashed as it fills.
        let mut ids: FxHashMap<Bigram, u32> =
            FxHashMap::with_capacity_and_hasher(vocab.size_hint().0, Default::default());
        // One bit per hash slot of the vocabulary: most body bigrams miss
        // it, and skip the map.
        // A fixed-size array: its index (a 16-bit slot over 64) needs no
        // bounds check in the loop over every body bigram.
        let mut filter = Box::new([0u64; FILTER_BITS / 64]);
        for b in vocab {
            let next = ids.len() as u32;
            ids.entry(b).or_insert(next);
            let slot = filter_slot(b);
            filter[slot / 64] |= 1 << (slot % 64);
        }
        let pairs = first_meetings(&ids, &filter, texts);
        let mut starts = vec![0u32; ids.len() + 1];
        for &(id, _) in &pairs {
            starts[id as usize + 1] += 1;
        }
        for k in 1..starts.len() {
            starts[k] += starts[k - 1];
        }
        let mut fill = starts.clone();
        let mut flat = vec![0u32; pairs.len()];
        // Pairs come in text order, so each id's list is sorted.
        for &(id, t) in &pairs {
            flat[fill[id as usize] as usize] = t;
            fill[id as usize] += 1;
        }
        Postings { ids, starts, flat }
    }

    /// The texts holding `b`, in order (none for a bigram outside the
    /// vocabulary).
    pub fn holders(&self, b: Bigram) -> &[u32] {
        match self.ids.get(&b) {
            Some(&id) => {
                let (from, to) = (self.starts[id as usize], self.starts[id as usize + 1]);
                &self.flat[from as usize..to as usize]
            }
            None => &[],
        }
    }
}

/// Holds the filter bit of `b`.
#[inline(always)]
fn in_filter(filter: &[u64; FILTER_BITS / 64], b: Bigram) -> bool {
    let slot = filter_slot(b);
    filter[slot / 64] >> (slot % 64) & 1 != 0
}

/// The (id, text) pairs of the vocabulary's bigrams (`ids`, and their bits
/// in `filter`) in `texts`, each once, in text order. Per text, the bigrams
/// the filter passes are gathered first (up to [`GATHERED`] at a time),
/// then looked up; the ids met for the first time in the text (`last[id]`
/// is the text the id was last met in) are kept. Gathering and keeping
/// advance a count rather than branch: whether a bigram passes, or an id is
/// new, follows no pattern.
fn first_meetings(
    ids: &FxHashMap<Bigram, u32>,
    filter: &[u64; FILTER_BITS / 64],
    texts: &[Vec<&str>],
) -> Vec<(u32, u32)> {
    let mut last = vec![u32::MAX; ids.len()];
    let mut passed = [0 as Bigram; GATHERED];
    let mut pairs: Vec<(u32, u32)> = Vec::new();
    for (t, pieces) in texts.iter().enumerate() {
        let t = t as u32;
        let mut n = 0;
        for_each_bigram_loose(pieces.iter().copied(), |b| {
            passed[n] = b;
            n += usize::from(in_filter(filter, b));
            if n == GATHERED {
                keep_first(ids, &mut last, &passed, t, &mut pairs);
                n = 0;
            }
        });
        keep_first(ids, &mut last, &passed[..n], t, &mut pairs);
    }
    pairs
}

/// Bigrams gathered before they are looked up: a buffer of fixed size, so
/// that a long text needs none of its own size.
const GATHERED: usize = 1024;

/// Appends `(id, t)` to `pairs` for each of `bigrams` that the vocabulary
/// (`ids`) holds and that text `t` meets for the first time (`last[id]` is
/// the text the id was last met in).
fn keep_first(
    ids: &FxHashMap<Bigram, u32>,
    last: &mut [u32],
    bigrams: &[Bigram],
    t: u32,
    pairs: &mut Vec<(u32, u32)>,
) {
    let at = pairs.len();
    pairs.resize(at + bigrams.len(), (0, t));
    let mut fresh = at;
    for &b in bigrams {
        if let Some(&id) = ids.get(&b) {
            pairs[fresh].0 = id;
            fresh += usize::from(last[id as usize] != t);
            last[id as usize] = t;
        }
    }
    pairs.truncate(fresh);
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

    #[test]
    fn postings_hold_bigrams_past_any_gathering_buffer() {
        // A text of distinct bigrams, many more than are gathered at a time,
        // and a second text holding only its last bigram.
        let long: String = (0..3 * GATHERED as u32)
            .map(|k| char::from_u32(0x4E00 + k).unwrap())
            .collect();
        let tail: String = long.chars().skip(3 * GATHERED - 2).collect();
        let vocab = BigramSet::of([long.as_str()]);
        let texts = vec![vec![long.as_str()], vec![tail.as_str()]];
        let postings = Postings::new(vocab.iter(), &texts);
        let first = vocab.iter().next().unwrap();
        assert_eq!(postings.holders(first), [0]);
        let mut last_bigram = 0;
        for_each_bigram([tail.as_str()], |b| last_bigram = b);
        assert_eq!(postings.holders(last_bigram), [0, 1]);
        assert_eq!(
            vocab.iter().filter(|&b| postings.holders(b) == [0]).count(),
            vocab.len() - 1
        );
    }
}
