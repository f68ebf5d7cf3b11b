//! The most critical criterion (Triantaphyllou & Sanchez 1997, Theorem 1).
//!
//! ```text
//! δ_j(a, b) = the change of w_j alone (every other weight held fixed) at
//!             which b draws level with a:
//!   additive model:  P_a + δ·v_aj = P_b + δ·v_bj   ⇔   δ = −(P_a − P_b)/(v_aj − v_bj)
//!   feasible when    w_j + δ ≥ 0 and 1 + δ > 0 (some weight remains)
//!   relative:        100·δ/w_j  (per cent of the current weight; w_j > 0)
//! ```
//!
//! The most critical criterion for the top (their "PT"/"AT" criterion) is the
//! `j` with the smallest `|δ_j(top, b)|` over every other option `b`, by
//! absolute or by relative change; for a pair it is the smallest over `j`
//! for that pair; for "any pair" ("PA"/"AA") it is the smallest over every
//! pair, which is always an adjacent pair of the current ranking (the
//! first crossing as a weight moves is between neighbours).
//!
//! Every method here ranks the same under weights scaled by a positive
//! constant, so "w_j + δ, others fixed" ranks as the renormalized weights
//! do: weight `t = (w_j + δ)/(1 + δ)` on criterion j, the others scaled by
//! `(1 − t)/(1 − w_j)`, which is the proportional sweep. Methods other
//! than the additive one therefore find `t` on that sweep and report
//! `δ = (t − w_j)/(1 − t)`.
//!
//! Reference: Triantaphyllou, E. & Sanchez, A. (1997), "A sensitivity
//! analysis approach for some deterministic multi-criteria decision-making
//! methods", *Decision Sciences* 28(1), 151–194.

use nalgebra::DMatrix;
use serde::Serialize;

use crate::analysis::ranking::TIE_TOLERANCE;

/// The smallest change of one weight, the others held fixed, that reverses
/// a pair (or changes the top).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CriticalChange {
    /// The criterion whose weight changes (id).
    pub criterion: String,
    /// Its name.
    pub criterion_name: String,
    /// Whether more (`benefit`) or less (`cost`) of it is better.
    pub direction: crate::model::Direction,
    /// Its current weight `w_j`.
    pub weight: f64,
    /// `δ`: the change of `w_j` with every other weight held fixed.
    pub change: f64,
    /// `w_j + δ`, before the weights are rescaled to sum to 1.
    pub new_weight: f64,
    /// `100·δ/w_j` (null when `w_j` is 0).
    pub relative_change: Option<f64>,
    /// The same point with the weights rescaled to sum to 1: criterion j's
    /// weight `(w_j + δ)/(1 + δ)` (the proportional sweep's threshold).
    pub renormalized_weight: f64,
    /// The option that moves ahead (ties, at a tie).
    pub new_top: String,
    /// The option that loses its place.
    pub displaced: String,
}

/// A candidate change before ids are attached.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Change {
    /// Criterion index.
    pub criterion: usize,
    /// `δ`.
    pub delta: f64,
    /// The option that moves ahead.
    pub overtaker: usize,
    /// The option that loses its place.
    pub displaced: usize,
    /// `|v_aj − v_bj|`, to prefer the criterion that separates a tie most.
    pub spread: f64,
}

impl Change {
    /// `100·δ/w_j`, when `w_j > 0`.
    pub fn relative(&self, weights: &[f64]) -> Option<f64> {
        let w = weights[self.criterion];
        (w > 0.0).then(|| clean(100.0 * self.delta / w))
    }

    /// `δ` from the proportional sweep's threshold `t` for criterion `j`.
    pub fn from_sweep(j: usize, w: f64, t: f64, overtaker: usize, displaced: usize) -> Change {
        let delta = if t >= 1.0 {
            f64::INFINITY
        } else {
            clean((t - w) / (1.0 - t))
        };
        // With every weight at 0 nothing is ranked: no change.
        let delta = if 1.0 + delta > TIE_TOLERANCE {
            delta
        } else {
            f64::INFINITY
        };
        Change {
            criterion: j,
            delta,
            overtaker,
            displaced,
            spread: 0.0,
        }
    }
}

/// `x`, with values within the tie tolerance of 0 (and −0) made exactly 0.
pub fn clean(x: f64) -> f64 {
    if x.abs() <= TIE_TOLERANCE { 0.0 } else { x }
}

/// `δ_j(a, b)` under the additive model, when feasible.
///
/// `scores` are the current additive values `P`; a gap within
/// [`TIE_TOLERANCE`] is a tie, so `δ = 0`.
pub fn additive_change(
    values: &DMatrix<f64>,
    scores: &[f64],
    weights: &[f64],
    (a, b): (usize, usize),
    j: usize,
) -> Option<Change> {
    let gap = clean(scores[a] - scores[b]).max(0.0);
    let d = values[(a, j)] - values[(b, j)];
    if d.abs() < 1e-15 {
        return None;
    }
    let delta = clean(-gap / d);
    // A weight may fall to 0 (within rounding), not below, and some weight
    // must remain: the weights then total 1 + δ.
    (weights[j] + delta >= -TIE_TOLERANCE && 1.0 + delta > TIE_TOLERANCE).then_some(Change {
        criterion: j,
        delta,
        overtaker: b,
        displaced: a,
        spread: d.abs(),
    })
}

/// The smaller of two changes by absolute `δ` (then the larger spread, then
/// the lower criterion index, so the choice is deterministic).
pub fn smaller_absolute(best: Option<Change>, c: Change) -> Option<Change> {
    Some(match best {
        Some(b) if !better_by(c.delta.abs(), b.delta.abs(), &c, &b) => b,
        _ => c,
    })
}

/// The smaller of two changes by relative `δ/w_j`; changes of a zero
/// weight have no relative size and never win.
pub fn smaller_relative(best: Option<Change>, c: Change, weights: &[f64]) -> Option<Change> {
    let Some(rc) = c.relative(weights) else {
        return best;
    };
    Some(match best {
        Some(b) => {
            let rb = b.relative(weights).map_or(f64::INFINITY, f64::abs);
            if better_by(rc.abs(), rb, &c, &b) {
                c
            } else {
                b
            }
        }
        None => c,
    })
}

fn better_by(x: f64, y: f64, c: &Change, b: &Change) -> bool {
    x < y
        || (x == y && (c.spread > b.spread || (c.spread == b.spread && c.criterion < b.criterion)))
}

/// The most critical of `criteria` for the top under the additive model,
/// by absolute and by relative change: each criterion against every other
/// option, `O(n·m)`.
pub fn additive_top(
    values: &DMatrix<f64>,
    scores: &[f64],
    weights: &[f64],
    top: usize,
    criteria: &[usize],
) -> (Option<Change>, Option<Change>) {
    let (mut absolute, mut relative) = (None, None);
    for &j in criteria {
        for b in 0..values.nrows() {
            if b == top {
                continue;
            }
            if let Some(c) = additive_change(values, scores, weights, (top, b), j) {
                absolute = smaller_absolute(absolute, c);
                relative = smaller_relative(relative, c, weights);
            }
        }
    }
    (absolute, relative)
}

/// The most critical of `criteria` for one pair under the additive model.
pub fn additive_pair(
    values: &DMatrix<f64>,
    scores: &[f64],
    weights: &[f64],
    pair: (usize, usize),
    criteria: &[usize],
) -> (Option<Change>, Option<Change>) {
    let (mut absolute, mut relative) = (None, None);
    for &j in criteria {
        if let Some(c) = additive_change(values, scores, weights, pair, j) {
            absolute = smaller_absolute(absolute, c);
            relative = smaller_relative(relative, c, weights);
        }
    }
    (absolute, relative)
}
