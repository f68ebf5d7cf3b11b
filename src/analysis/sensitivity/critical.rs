//! The most critical criterion: the smallest change of a single weight that
//! changes the order of a pair (Triantaphyllou & Sanchez 1997).

use serde::Serialize;

use super::sweep::Threshold;

/// The smallest single-weight change that reverses a pair (or changes the top).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CriticalChange {
    /// The criterion whose weight changes.
    pub criterion: String,
    /// Its weight where the order changes.
    pub weight: f64,
    /// `weight − current`.
    pub change: f64,
    /// `change / current` (null when the current weight is 0).
    pub relative_change: Option<f64>,
    /// The option that takes over.
    pub new_top: String,
    /// The option that loses its place.
    #[serde(skip)]
    pub displaced: String,
}

/// One criterion's sweep as seen by the critical-criterion search.
#[derive(Debug, Clone, Copy)]
pub struct SweptCriterion<'a> {
    /// Criterion id.
    pub id: &'a str,
    /// Current weight.
    pub weight: f64,
    /// The sweep's thresholds.
    pub thresholds: &'a [Threshold],
}

/// The smallest change of one criterion's weight (others rebalanced by the
/// sweep's rule) at which `ahead` falls behind `behind`, over all criteria,
/// by absolute change, and by relative change.
///
/// Triantaphyllou & Sanchez (1997), "A sensitivity analysis approach for some
/// deterministic multi-criteria decision-making methods", Decision Sciences
/// 28(1): the absolute and relative most critical criterion. Their change of
/// one weight followed by renormalization is the proportional sweep here.
pub fn most_critical(
    sweeps: &[SweptCriterion<'_>],
    ahead: usize,
    behind: Option<usize>,
) -> (Option<CriticalChange>, Option<CriticalChange>) {
    let mut by_absolute: Option<CriticalChange> = None;
    let mut by_relative: Option<CriticalChange> = None;
    for sweep in sweeps {
        for t in sweep.thresholds {
            let [first, second] = t.indices;
            // The pair must be (ahead, behind) in either order of crossing direction.
            let involves = |x: usize| behind.is_none_or(|b| x == b);
            let (winner, loser_is_ahead) = if first == ahead && involves(second) {
                (second, t.weight > sweep.weight)
            } else if second == ahead && involves(first) {
                (first, t.weight < sweep.weight)
            } else {
                continue;
            };
            if !loser_is_ahead {
                continue;
            }
            let change = t.weight - sweep.weight;
            let candidate = CriticalChange {
                criterion: sweep.id.to_string(),
                weight: t.weight,
                change,
                relative_change: (sweep.weight > 0.0).then(|| change / sweep.weight),
                new_top: t.pair[if winner == first { 0 } else { 1 }].clone(),
                displaced: t.pair[if winner == first { 1 } else { 0 }].clone(),
            };
            if by_absolute
                .as_ref()
                .is_none_or(|b| change.abs() < b.change.abs() - 1e-15)
            {
                by_absolute = Some(candidate.clone());
            }
            let relative = candidate.relative_change.map_or(f64::INFINITY, f64::abs);
            let best = by_relative
                .as_ref()
                .and_then(|b| b.relative_change)
                .map_or(f64::INFINITY, f64::abs);
            if relative < best - 1e-15 {
                by_relative = Some(candidate);
            }
        }
    }
    (by_absolute, by_relative)
}
