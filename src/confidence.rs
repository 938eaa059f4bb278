//! Confidence: the passes' raw sureness turned into the probability that a
//! decision is right.
//!
//! Each pass scores its decisions from its own evidence (a headline's share
//! of words in the body and its lead over the next best article, how an
//! article opened, how clear-cut its lines were). Those scores rank
//! decisions well but are not probabilities: a raw 0.95 placement was right
//! about three times in four on pages the parser was not written against.
//! A logistic map (Platt scaling) over the score's log-odds turns each into
//! one, so that of the decisions reported at 0.8 about eight in ten are
//! right.
//!
//! The maps were fitted on half of the development corpus (the pages of
//! half its layouts, every extractor of a page on the same side) and checked
//! on the other half; the README gives both halves' figures.

/// A logistic map over a score's log-odds: `p = 1 / (1 + e^-(slope ·
/// logit(raw) + intercept))`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Platt {
    pub slope: f64,
    pub intercept: f64,
}

/// Raw scores are clamped to this distance from 0 and 1 before their
/// log-odds are taken.
const CLAMP: f64 = 0.01;

impl Platt {
    /// The probability for raw score `raw` (0–1).
    ///
    /// ```
    /// use jianbao::confidence::{Platt, PLACEMENT};
    /// let same = Platt { slope: 1.0, intercept: 0.0 };
    /// assert!((same.apply(0.7) - 0.7).abs() < 1e-6);
    /// assert!(PLACEMENT.apply(0.3) < PLACEMENT.apply(0.9));
    /// ```
    pub fn apply(&self, raw: f32) -> f64 {
        let p = f64::from(raw).clamp(CLAMP, 1.0 - CLAMP);
        let z = self.slope * (p / (1.0 - p)).ln() + self.intercept;
        1.0 / (1.0 + (-z).exp())
    }
}

/// A display field's placement with its article (fitted: on the held-out
/// half, expected calibration error 0.13 raw → 0.04).
pub const PLACEMENT: Platt = Platt {
    slope: 0.439,
    intercept: 0.032,
};

/// An article's cut: its body is the gold article's (bigram Dice ≥ 0.9)
/// (fitted: held-out expected calibration error 0.13 raw → 0.05).
pub const ARTICLE: Platt = Platt {
    slope: 1.008,
    intercept: -1.103,
};

/// A decision below this probability is more likely wrong than right: a
/// warning asks the user to review it.
pub const REVIEW_BELOW: f64 = 0.5;
