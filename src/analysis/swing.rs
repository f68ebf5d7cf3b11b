//! How far each score's uncertainty range moves one option's overall value.
//!
//! ```text
//! V_i           = Σ_j w_j · v_j(x_ij)                     the option's additive value
//! V_i(low_j)    = V_i + w_j · (v_j(low_ij)  − v_j(x_ij))  the score at the low end of its range
//! V_i(high_j)   = V_i + w_j · (v_j(high_ij) − v_j(x_ij))
//! ```
//!
//! One score moves at a time, the others stay at their values: the one-way
//! sensitivity behind a tornado diagram (Clemen & Reilly, *Making Hard
//! Decisions*, 3rd ed., 2014, §5.4). For a cost criterion the low score gives
//! the higher value.

use crate::model::{Direction, Model};

/// One criterion's swing.
#[derive(Debug, Clone, PartialEq)]
pub struct Swing {
    /// Criterion index.
    pub criterion: usize,
    /// The low end of the score's range.
    pub low: f64,
    /// The high end of the score's range.
    pub high: f64,
    /// The overall value with the score at its low end.
    pub at_low: f64,
    /// The overall value with the score at its high end.
    pub at_high: f64,
    /// Whether less of this criterion is better.
    pub direction: Direction,
}

/// The swings of one option, widest first.
#[derive(Debug, Clone, PartialEq)]
pub struct Swings {
    /// Option index.
    pub option: usize,
    /// The overall value at the scores.
    pub base: f64,
    /// The criteria on which the option's score has a range that moves its value.
    pub swings: Vec<Swing>,
}

/// The swing of every ranged score of `option` under `weights` (additive model).
pub fn swings(model: &Model, weights: &[f64], option: usize) -> Swings {
    let values = model.values();
    let base: f64 = (0..model.criteria.len())
        .map(|j| weights[j] * values[(option, j)])
        .sum();
    let mut swings: Vec<Swing> = model
        .criteria
        .iter()
        .enumerate()
        .filter_map(|(j, c)| {
            let e = &model.evidence[option][j];
            let (low, high) = (e.low?, e.high?);
            let shift = |x: f64| base + weights[j] * (c.value(x) - values[(option, j)]);
            Some(Swing {
                criterion: j,
                low,
                high,
                at_low: shift(low),
                at_high: shift(high),
                direction: c.direction,
            })
        })
        .filter(|s| s.at_low != s.at_high)
        .collect();
    swings.sort_by(|a, b| {
        (b.at_high - b.at_low)
            .abs()
            .total_cmp(&(a.at_high - a.at_low).abs())
            .then(a.criterion.cmp(&b.criterion))
    });
    Swings {
        option,
        base,
        swings,
    }
}
