//! Pass 5 — headlines: put display lines back with their articles.
//!
//! Extracted text often prints a headline far from its body, before it or
//! after it. Each display group left free by segmentation is placed with the
//! article whose body shares the most of its character bigrams (weighted by
//! rarity across the page, so that words every article uses count little),
//! helped by position: right before an article's body, or right after it.
//! Groups that fit no article are banners. Within an article, the lines get
//! their roles (kicker 引题, title 主题, subtitle 副题) from their order and
//! shape.

use crate::clean::{clean_display, is_cjk, is_ideograph_key, utf8_key, wide_run_with};
use crate::conventions as cv;
use crate::lines::widths_of;
use rustc_hash::FxHashMap;
use std::borrow::Cow;

/// A character bigram packed into one word: `(a, b)` → `a << 32 | b`, each
/// char as its [`utf8_key`] (so that runs of ideographs need no decoding).
pub type Bigram = u64;

/// Calls `f` with each bigram of a text's word characters (CJK and ASCII
/// alphanumerics), not crossing punctuation: `五型工会` → 五型, 型工, 工会.
/// The text may come in pieces (paragraphs); they join as white space
/// would.
fn for_each_bigram<'a>(text: impl IntoIterator<Item = &'a str>, mut f: impl FnMut(Bigram)) {
    // The word char before, as its `utf8_key`; 0 for none (NUL is no word
    // char).
    let mut prev = 0u32;
    // A word char read: the bigram it ends, if any.
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
            // ASCII, a byte at a time: letters and digits are word chars.
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

/// The distinct bigrams of a text ([`for_each_bigram`]), sorted; the text
/// may come in pieces.
fn sorted_bigrams<'a, I>(text: I) -> Vec<Bigram>
where
    I: IntoIterator<Item = &'a str>,
    I::IntoIter: Clone,
{
    let text = text.into_iter();
    // A bigram ends in a char of at least one byte.
    let mut v: Vec<Bigram> = Vec::with_capacity(text.clone().map(str::len).sum());
    for_each_bigram(text, |b| v.push(b));
    v.sort_unstable();
    v.dedup();
    v
}

/// Share of the bigrams of `display` found in `body`, unweighted.
///
/// ```text
/// coverage("五型工会", "打造五型工会") = 1.0
/// ```
pub fn coverage(display: &str, body: &str) -> f32 {
    let d = sorted_bigrams([display]);
    if d.is_empty() {
        return 0.0;
    }
    let mut found = vec![false; d.len()];
    for_each_bigram([body], |b| {
        if let Ok(k) = d.binary_search(&b) {
            found[k] = true;
        }
    });
    found.iter().filter(|&&f| f).count() as f32 / d.len() as f32
}

/// The vocabulary of headline bigrams as a hash table of four-slot buckets:
/// bigram → id, and one more id, the *sink*, for every bigram outside it.
/// Most body bigrams miss, at random: a look-up compares the four slots of
/// one bucket and selects, with no branch on hit or miss.
struct Vocab {
    /// Buckets of keys, and of the ids in the same slots.
    keys: Vec<[Bigram; Vocab::SLOTS]>,
    ids: Vec<[u32; Vocab::SLOTS]>,
    /// The hash's multiplier (odd).
    mul: u64,
    shift: u32,
    sink: u32,
}

impl Vocab {
    /// No bigram: no char's `utf8_key` is `0xFFFF_FFFF`.
    const EMPTY: Bigram = u64::MAX;
    const SLOTS: usize = 4;

    /// The table of `grams` (distinct), id `k` for the `k`-th: as many
    /// buckets as grams (a quarter of the slots used), two at least. While
    /// some bucket overflows, the table doubles (twice at most) and the
    /// hash changes its multiplier, so that no input can make it grow
    /// without bound.
    fn of(grams: &[Bigram]) -> Self {
        let bits = grams.len().max(2).next_power_of_two().trailing_zeros();
        (0u64..)
            .find_map(|attempt| {
                let mul = 0x9e37_79b9_7f4a_7c15u64.wrapping_mul(2 * attempt + 1);
                Self::try_with(grams, bits + attempt.min(2) as u32, mul)
            })
            .expect("an unbounded search ends")
    }

    fn try_with(grams: &[Bigram], bits: u32, mul: u64) -> Option<Self> {
        let mut v = Vocab {
            keys: vec![[Self::EMPTY; Self::SLOTS]; 1 << bits],
            ids: vec![[0; Self::SLOTS]; 1 << bits],
            mul,
            shift: 64 - bits,
            sink: grams.len() as u32,
        };
        for (id, &b) in grams.iter().enumerate() {
            let bucket = v.bucket(b);
            let free = v.keys[bucket].iter().position(|&k| k == Self::EMPTY)?;
            v.keys[bucket][free] = b;
            v.ids[bucket][free] = id as u32;
        }
        Some(v)
    }

    /// The bucket of `b` (the shift is below 64: two buckets at least).
    #[inline(always)]
    fn bucket(&self, b: Bigram) -> usize {
        ((b ^ (b >> 29)).wrapping_mul(self.mul) >> self.shift) as usize
    }

    /// The id of `b`, or the sink.
    #[inline(always)]
    fn id(&self, b: Bigram) -> u32 {
        let bucket = self.bucket(b);
        let (keys, ids) = (&self.keys[bucket], &self.ids[bucket]);
        let mut id = self.sink;
        for (&key, &slot_id) in keys.iter().zip(ids) {
            id = std::hint::select_unpredictable(key == b, slot_id, id);
        }
        id
    }
}

/// A display group to place.
#[derive(Debug, Clone)]
pub struct Item {
    /// Index of the display unit.
    pub unit: usize,
    /// Its lines as (line index, cleaned text), doubled glyphs undone.
    pub lines: Vec<(usize, String)>,
    /// All lines were bold doubled type: they form one headline.
    pub doubled: bool,
}

/// What the placement step knows of an article.
#[derive(Debug, Clone)]
pub struct Target<'a> {
    /// Units spanned by the article's body.
    pub first_unit: usize,
    pub last_unit: usize,
    /// The body's paragraphs, cleaned; the first is the lead.
    pub body: Vec<&'a str>,
    /// Photo pieces take a bold doubled headline first.
    pub photo: bool,
    /// Ads take no headline.
    pub ad: bool,
}

/// The roles of an article's display lines.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Heads {
    pub kicker: Option<(String, Vec<usize>)>,
    pub title: Option<(String, Vec<usize>)>,
    pub subtitle: Option<(String, Vec<usize>)>,
}

/// The result of placement: display items per target, and banners.
#[derive(Debug, Clone, Default)]
pub struct Placement {
    pub heads: Vec<Heads>,
    /// Banner text with its lines.
    pub banners: Vec<(String, Vec<usize>)>,
    /// (item unit, target) pairs placed on weak evidence.
    pub guesses: Vec<(usize, usize)>,
}

/// Evidence needed to place a group by its words alone.
const MIN_LEXICAL: f32 = 0.34;
/// Bonus for a group printed right before an article's body.
const BEFORE_BONUS: f32 = 0.2;
/// Bonus for a group printed right after an article's body.
const AFTER_BONUS: f32 = 0.1;
/// How much wider (in ideograph cells, ASCII half a cell) one display line
/// must print than another for the difference in type size to show.
const CLEARLY_LONGER: f32 = 3.0;
/// Most display lines one article carries (kicker, title, subtitle).
const MAX_LINES: usize = 3;

/// How many articles on either side of a display group it may be placed
/// with. A printed page holds a few dozen articles; the window keeps
/// placement linear in the length of the input.
const WINDOW: usize = 12;

/// Places display items with targets. Items and targets come in source
/// order; `body_units` (sorted) lists the units that hold running text (two
/// units with no body unit between them are adjacent).
pub fn place(items: &[Item], targets: &[Target<'_>], body_units: &[usize]) -> Placement {
    debug_assert!(items.is_sorted_by_key(|it| it.unit));
    debug_assert!(targets.is_sorted_by_key(|t| t.first_unit));
    // The vocabulary: every bigram some display group uses. Bodies are read
    // once, keeping only the vocabulary they contain (as postings below), so
    // the cost is linear in the text and the lists stay small.
    let item_grams: Vec<Vec<Bigram>> = items
        .iter()
        .map(|it| sorted_bigrams(it.lines.iter().map(|(_, t)| t.as_str())))
        .collect();
    // Sized for the bigrams of all items (repeats counted), up to a page's
    // worth: most pages need no rehashing, long inputs no more memory.
    let mut vocab: FxHashMap<Bigram, u32> = FxHashMap::with_capacity_and_hasher(
        item_grams.iter().map(Vec::len).sum::<usize>().min(1 << 12),
        Default::default(),
    );
    let mut grams: Vec<Bigram> = Vec::new();
    for &b in item_grams.iter().flatten() {
        vocab.entry(b).or_insert_with(|| {
            grams.push(b);
            grams.len() as u32 - 1
        });
    }
    // Postings: for each vocabulary id, the targets whose body holds it, in
    // order. Per body, the ids of its bigrams in the vocabulary (`hits`),
    // then those met for the first time (`last` holds the body each id was
    // last met in), are gathered without a branch per bigram and kept as
    // (id, target) pairs, which then go into one flat list grouped by id
    // (`postings(id)`).
    let table = Vocab::of(&grams);
    let mut last = vec![u32::MAX; vocab.len()];
    let mut hits: Vec<u32> = Vec::new();
    let mut pairs: Vec<(u32, u32)> = Vec::new();
    for (t, target) in targets.iter().enumerate() {
        let t = t as u32;
        // Room for one hit per byte. The look-ups depend on nothing but
        // the text: misses (most bigrams) only fail to advance `n`.
        let bytes: usize = target.body.iter().map(|p| p.len()).sum();
        if hits.len() < bytes {
            hits.resize(bytes, 0);
        }
        let mut n = 0;
        for_each_bigram(target.body.iter().copied(), |b| {
            let id = table.id(b);
            hits[n] = id;
            n += usize::from(id != table.sink);
        });
        // The hits met for the first time in this body, compacted in place.
        let mut fresh = 0;
        for k in 0..n {
            let id = hits[k];
            hits[fresh] = id;
            fresh += usize::from(last[id as usize] != t);
            last[id as usize] = t;
        }
        pairs.extend(hits[..fresh].iter().map(|&id| (id, t)));
    }
    // `starts[id]..starts[id + 1]` is id's stretch of `flat`.
    let mut starts = vec![0usize; vocab.len() + 1];
    for &(id, _) in &pairs {
        starts[id as usize + 1] += 1;
    }
    for k in 1..starts.len() {
        starts[k] += starts[k - 1];
    }
    let mut flat = vec![0u32; pairs.len()];
    let mut fill = starts.clone();
    for &(id, t) in &pairs {
        flat[fill[id as usize]] = t;
        fill[id as usize] += 1;
    }
    drop(pairs);
    let postings = |id: u32| &flat[starts[id as usize]..starts[id as usize + 1]];
    let df: Vec<u32> = (0..vocab.len() as u32)
        .map(|id| postings(id).len() as u32)
        .collect();
    // Each item's bigram ids (sorted) with their rarity weights (idf), and
    // the total weight.
    let n = targets.len() as f32;
    let weighted: Vec<(Vec<(u32, f32)>, f32)> = item_grams
        .iter()
        .map(|g| {
            let mut w: Vec<(u32, f32)> = g
                .iter()
                .map(|b| {
                    let id = vocab[b];
                    (id, ((n + 1.0) / (df[id as usize] as f32 + 0.5)).ln())
                })
                .collect();
            w.sort_unstable_by_key(|x| x.0);
            let total = w.iter().map(|x| x.1).sum();
            (w, total)
        })
        .collect();
    // Weighted share of an item's bigrams present in each body of a window
    // of targets: the item's few ids walked through their postings. Items
    // come in source order, so windows only move forward: each list keeps a
    // cursor at the first target not behind the last window.
    let mut cursor = vec![0usize; vocab.len()];
    let mut lexical = |i: usize, window: std::ops::Range<usize>, shares: &mut Vec<f32>| {
        shares.clear();
        shares.resize(window.len(), 0.0);
        let (w, total) = &weighted[i];
        if *total <= 0.0 {
            return;
        }
        for &(id, weight) in w {
            let list = postings(id);
            let from = &mut cursor[id as usize];
            while list
                .get(*from)
                .is_some_and(|&t| (t as usize) < window.start)
            {
                *from += 1;
            }
            for &t in list[*from..]
                .iter()
                .take_while(|&&t| (t as usize) < window.end)
            {
                shares[t as usize - window.start] += weight;
            }
        }
        for s in shares.iter_mut() {
            *s /= total;
        }
    };
    let between_body = |a: usize, b: usize| {
        let (lo, hi) = (a.min(b), a.max(b));
        let k = body_units.partition_point(|&u| u <= lo);
        body_units.get(k).is_some_and(|&u| u < hi)
    };
    let position = |it: &Item, t: &Target| -> f32 {
        if it.unit < t.first_unit && !between_body(it.unit, t.first_unit) {
            BEFORE_BONUS
        } else if it.unit > t.last_unit && !between_body(t.last_unit, it.unit) {
            AFTER_BONUS
        } else {
            0.0
        }
    };
    // Targets near a unit, and items near a unit, by source position.
    let near_targets = |unit: usize| {
        let k = targets.partition_point(|t| t.first_unit < unit);
        k.saturating_sub(WINDOW)..(k + WINDOW).min(targets.len())
    };
    let near_items = |unit: usize| {
        let k = items.partition_point(|it| it.unit < unit);
        k.saturating_sub(WINDOW)..(k + WINDOW).min(items.len())
    };

    let banner: Vec<bool> = items.iter().map(is_banner_shape).collect();
    let mut cands = Vec::new();
    let mut shares = Vec::with_capacity(2 * WINDOW);
    for (i, it) in items.iter().enumerate() {
        if banner[i] {
            continue;
        }
        let window = near_targets(it.unit);
        lexical(i, window.clone(), &mut shares);
        for t in window.clone() {
            if targets[t].ad {
                continue;
            }
            // Position only counts with some lexical evidence: most pairs
            // have too little to need it.
            let lex = shares[t - window.start];
            if lex < MIN_LEXICAL / 2.0 {
                continue;
            }
            let pos = position(it, &targets[t]);
            if lex >= MIN_LEXICAL || pos > 0.0 {
                cands.push((lex + pos, i, t));
            }
        }
    }
    cands.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut placed: Vec<Option<usize>> = vec![None; items.len()];
    let mut load = vec![0usize; targets.len()];
    for &(_, i, t) in &cands {
        let lines = if items[i].doubled {
            1
        } else {
            items[i].lines.len()
        };
        if placed[i].is_none() && load[t] + lines <= MAX_LINES {
            placed[i] = Some(t);
            load[t] += lines;
        }
    }
    // A headline group prints its lines together: a free group right next
    // to a placed one (only display lines between) joins it.
    for i in 0..items.len() {
        if placed[i].is_some() || banner[i] {
            continue;
        }
        let neighbour = [i.wrapping_sub(1), i + 1]
            .into_iter()
            .filter(|&k| {
                items
                    .get(k)
                    .is_some_and(|nb| nb.unit.abs_diff(items[i].unit) == 1)
            })
            .find_map(|k| placed[k]);
        if let Some(t) = neighbour {
            let lines = items[i].lines.len();
            if load[t] + lines <= MAX_LINES && position(&items[i], &targets[t]) > 0.0 {
                placed[i] = Some(t);
                load[t] += lines;
            }
        }
    }
    // An article still without a headline takes the nearest free group
    // printed right before or after it (a photo prefers bold doubled type).
    let mut guesses = Vec::new();
    for (t, target) in targets.iter().enumerate() {
        if load[t] > 0 || target.ad {
            continue;
        }
        let best = near_items(target.first_unit)
            .filter(|&i| placed[i].is_none() && !banner[i])
            .filter(|&i| position(&items[i], target) > 0.0)
            .max_by(|&a, &b| {
                let key = |it: &Item| {
                    (target.photo && it.doubled) as u8 as f32 + position(it, target)
                        - (it.unit as f32 - target.first_unit as f32).abs() * 1e-3
                };
                key(&items[a]).total_cmp(&key(&items[b]))
            });
        if let Some(i) = best {
            placed[i] = Some(t);
            load[t] += items[i].lines.len();
            guesses.push((items[i].unit, t));
        }
    }

    let mut mine: Vec<Vec<&Item>> = vec![Vec::new(); targets.len()];
    for (i, p) in placed.iter().enumerate() {
        if let Some(t) = p {
            mine[*t].push(&items[i]);
        }
    }
    let heads = mine
        .iter()
        .zip(targets)
        .map(|(its, t)| roles(its, t.body.first().copied().unwrap_or("")))
        .collect();
    let banners = items
        .iter()
        .enumerate()
        .filter(|(i, _)| placed[*i].is_none())
        .map(|(_, it)| {
            let text: Vec<&str> = it.lines.iter().map(|(_, t)| t.as_str()).collect();
            (
                join_lines(&text, it.doubled),
                it.lines.iter().map(|l| l.0).collect(),
            )
        })
        .collect();
    Placement {
        heads,
        banners,
        guesses,
    }
}

/// Page slogans stay banners whatever words they share.
fn is_banner_shape(it: &Item) -> bool {
    it.lines
        .first()
        .is_some_and(|(_, t)| cv::is_slogan(&t.replace(' ', "")))
}

/// Joins the lines of one display group. Bold doubled lines of equal length
/// are a couplet (`公交职工做刺绣` / `致敬一线劳动者`) and keep a space; a
/// shorter second line is the wrap of one phrase (`为患病同事` / `献爱心`).
/// Banner lines are phrases printed apart: a space.
fn join_lines(lines: &[&str], doubled: bool) -> String {
    if doubled && lines.len() == 2 && lines[0].chars().count() != lines[1].chars().count() {
        return lines.concat();
    }
    lines.join(" ")
}

/// Subtitles open with a dash (`——记某某`) or with a function word that
/// leaves the clause without a subject of its own: purpose `为…`, future
/// `将…`, perfective `已…`, causative `让…` (`为百余位劳模提供…`).
fn subtitle_cue(text: &str) -> bool {
    const OPENERS: &[&str] = &["——", "—", "－", "-", "为", "将", "已", "让"];
    OPENERS.iter().any(|o| text.starts_with(o))
}

/// Kickers are often two phrases printed apart: `开展爱国卫生运动 构建和谐劳动关系`.
fn multi_phrase(text: &str) -> bool {
    text.contains(' ')
}

/// Gives an article's display lines their roles.
fn roles(items: &[&Item], lead: &str) -> Heads {
    // Fields in source order; a doubled group is one field. Each is its
    // text, its item's lines it covers, and the number of its run.
    type Field<'i> = (Cow<'i, str>, &'i [(usize, String)], usize);
    let mut fields: Vec<Field> = Vec::new();
    let mut run = 0;
    let mut last_unit: Option<usize> = None;
    debug_assert!(items.is_sorted_by_key(|it| it.unit));
    for it in items {
        if last_unit.is_none_or(|u| u + 1 != it.unit) {
            run += 1;
        }
        last_unit = Some(it.unit);
        if it.doubled {
            let text: Vec<&str> = it.lines.iter().map(|(_, t)| t.as_str()).collect();
            fields.push((Cow::Owned(join_lines(&text, true)), &it.lines, run));
        } else {
            for k in 0..it.lines.len() {
                let line = &it.lines[k..k + 1];
                fields.push((Cow::Borrowed(&line[0].1), line, run));
            }
        }
    }
    let mut heads = Heads::default();
    if fields.is_empty() {
        return heads;
    }
    // Roles within each run by order and shape.
    #[derive(Clone, Copy, PartialEq)]
    enum R {
        K,
        T,
        S,
    }
    let mut role: Vec<R> = vec![R::T; fields.len()];
    let mut i = 0;
    while i < fields.len() {
        let j = (i..fields.len())
            .take_while(|&k| fields[k].2 == fields[i].2)
            .count()
            + i;
        let run_fields = &fields[i..j];
        match run_fields.len() {
            1 => role[i] = R::T,
            2 => {
                // The main title is set in the largest type, so it is the
                // clearly shorter line of the pair: a longer line above it is
                // a kicker, a longer line below it a subtitle. Of two lines of
                // about one length, a two-phrase line above is a kicker.
                let (a, b) = (&run_fields[0].0, &run_fields[1].0);
                let (la, lb) = (widths_of(a).1, widths_of(b).1);
                let kicker_above = if la >= lb + CLEARLY_LONGER {
                    true
                } else if lb >= la + CLEARLY_LONGER {
                    false
                } else {
                    multi_phrase(a) && !multi_phrase(b)
                };
                if subtitle_cue(b) || !kicker_above {
                    role[i] = R::T;
                    role[i + 1] = R::S;
                } else {
                    role[i] = R::K;
                    role[i + 1] = R::T;
                }
            }
            _ => {
                role[i] = R::K;
                role[i + 1] = R::T;
                for r in role.iter_mut().take(j).skip(i + 2) {
                    *r = R::S;
                }
            }
        }
        i = j;
    }
    // One title: prefer a run of several lines, then plain single lines over
    // kicker-shaped ones, then the line the lead paragraph echoes most.
    let titles: Vec<usize> = (0..fields.len()).filter(|&k| role[k] == R::T).collect();
    let run_len = |k: usize| fields.iter().filter(|f| f.2 == fields[k].2).count();
    let best = if titles.len() < 2 {
        titles.first().copied()
    } else {
        // Each candidate's key once (a candidate's few bigrams are looked
        // up while the lead is read, not the lead's many sorted).
        let key = |k: usize| {
            let f = &fields[k].0;
            (
                (run_len(k) > 1) as u8,
                (!multi_phrase(f) && !subtitle_cue(f)) as u8,
                coverage(f, lead),
            )
        };
        let keys: Vec<(u8, u8, f32)> = titles.iter().map(|&k| key(k)).collect();
        titles
            .iter()
            .zip(&keys)
            .max_by(|(a, ka), (b, kb)| {
                ka.0.cmp(&kb.0)
                    .then(ka.1.cmp(&kb.1))
                    .then(ka.2.total_cmp(&kb.2))
                    .then(b.cmp(a))
            })
            .map(|(&k, _)| k)
    };
    for &k in &titles {
        if Some(k) != best {
            role[k] = if multi_phrase(&fields[k].0) && !subtitle_cue(&fields[k].0) {
                R::K
            } else {
                R::S
            };
        }
    }
    let put = |slot: &mut Option<(String, Vec<usize>)>, text: &str, lines: &[(usize, String)]| {
        let lines = lines.iter().map(|l| l.0);
        match slot {
            Some((t, l)) => {
                t.push(' ');
                t.push_str(text);
                l.extend(lines);
            }
            None => *slot = Some((text.to_string(), lines.collect())),
        }
    };
    for (k, (text, lines, _)) in fields.iter().enumerate() {
        match role[k] {
            R::K => put(&mut heads.kicker, text, lines),
            R::T => put(&mut heads.title, text, lines),
            R::S => put(&mut heads.subtitle, text, lines),
        }
    }
    heads
}

/// Builds an item from a display unit's lines (raw text, undoubled text).
pub fn item(unit: usize, lines: &[(usize, &str, Option<&str>)]) -> Item {
    let doubled = lines.iter().all(|(_, _, u)| u.is_some());
    Item {
        unit,
        lines: lines
            .iter()
            .map(|(l, raw, undoubled)| (*l, clean_display(undoubled.unwrap_or(raw))))
            .collect(),
        doubled,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vocabulary_ids_survive_crowded_buckets() {
        // 600 bigrams over three first chars: every one found, any other
        // bigram the sink.
        let grams: Vec<Bigram> = (0..600u64)
            .map(|k| (0x4e00 + k % 3) << 32 | (0x4e00 + k * 7))
            .collect();
        let v = Vocab::of(&grams);
        assert!(v.keys.len() <= 4 * grams.len().next_power_of_two());
        for (id, &b) in grams.iter().enumerate() {
            assert_eq!(v.id(b), id as u32);
        }
        assert_eq!(v.id(0x4e00 << 32 | 0x4e01), v.sink);
        assert_eq!(Vocab::of(&[]).id(0x4e00 << 32 | 0x4e01), 0);
    }

    fn it(unit: usize, lines: &[&str]) -> Item {
        let raw: Vec<(usize, &str, Option<&str>)> = lines
            .iter()
            .enumerate()
            .map(|(k, l)| (unit * 10 + k, *l, None))
            .collect();
        item(unit, &raw)
    }

    fn target(first: usize, last: usize, body: &str) -> Target<'_> {
        Target {
            first_unit: first,
            last_unit: last,
            body: vec![body],
            photo: false,
            ad: false,
        }
    }

    #[test]
    fn headline_goes_to_the_body_that_shares_its_words() {
        let items = [
            it(0, &["公交职工刺绣致敬劳动者"]),
            it(1, &["书屋阅读活动激发热情"]),
        ];
        let targets = [
            target(2, 2, "镇总工会在职工书屋开展阅读活动，激发了职工的热情。"),
            target(3, 3, "公交车队职工用十字刺绣致敬一线劳动者。"),
        ];
        let p = place(&items, &targets, &[2, 3]);
        assert_eq!(p.heads[0].title.as_ref().unwrap().0, "书屋阅读活动激发热情");
        assert_eq!(
            p.heads[1].title.as_ref().unwrap().0,
            "公交职工刺绣致敬劳动者"
        );
    }

    #[test]
    fn slogans_are_banners() {
        let items = [it(0, &["学习贯彻全会精神", "谱写工会工作新篇章"])];
        let targets = [target(1, 1, "学习贯彻全会精神，谱写工会工作新篇章。")];
        let p = place(&items, &targets, &[1]);
        assert_eq!(p.banners[0].0, "学习贯彻全会精神 谱写工会工作新篇章");
    }

    #[test]
    fn roles_by_order_and_shape() {
        let lead = "北汽集团工会与北京康复医院签订协议，为劳模提供体检服务。";
        let h = roles(
            &[&it(
                0,
                &["北汽集团工会与康复医院签订协议", "为百余位劳模提供体检服务"],
            )],
            lead,
        );
        assert_eq!(h.title.unwrap().0, "北汽集团工会与康复医院签订协议");
        assert_eq!(h.subtitle.unwrap().0, "为百余位劳模提供体检服务");
        let h = roles(
            &[&it(
                0,
                &["开展爱国卫生运动 构建和谐劳动关系", "本市工会助力疫情防控"],
            )],
            lead,
        );
        assert_eq!(h.kicker.unwrap().0, "开展爱国卫生运动 构建和谐劳动关系");
        assert_eq!(h.title.unwrap().0, "本市工会助力疫情防控");
    }

    #[test]
    fn doubled_couplets() {
        assert_eq!(
            join_lines(&["公交职工做刺绣", "致敬一线劳动者"], true),
            "公交职工做刺绣 致敬一线劳动者"
        );
        assert_eq!(
            join_lines(&["为患病同事", "献爱心"], true),
            "为患病同事献爱心"
        );
    }
}
