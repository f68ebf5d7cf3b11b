//! Weights as a client sends them (`{criterion id: number}`), checked and
//! normalized to sum to 1 in model order.

use std::collections::BTreeMap;

use indexmap::IndexMap;

use super::http::ApiError;
use crate::input::diagnostic::did_you_mean;
use crate::model::Model;

/// Checks `{criterion: weight}` and returns weights in model order that sum
/// to 1; criteria not named weigh 0.
///
/// ```text
/// m = max_j w_j,   w'_j = (w_j / m) / Σ_k (w_k / m)
/// ```
///
/// Dividing by the largest weight first keeps every term in `0..=1`, so the
/// sum is at most the number of criteria and cannot overflow, however large
/// the numbers sent (`1e308` twice sums to infinity otherwise, and every
/// weight would become 0).
///
/// # Errors
/// 400 for an unknown criterion, a weight that is negative or not finite, or
/// weights that are all zero.
pub fn normalized(model: &Model, given: &BTreeMap<String, f64>) -> Result<Vec<f64>, ApiError> {
    let mut out = vec![0.0; model.criteria.len()];
    for (id, &w) in given {
        let Some(j) = model.criterion_index(id) else {
            let hint = did_you_mean(id, model.criteria.iter().map(|c| c.id.as_str()))
                .map_or(String::new(), |h| format!("; {h}"));
            return Err(ApiError::bad(format!("unknown criterion `{id}`{hint}")));
        };
        if !w.is_finite() || w < 0.0 {
            return Err(ApiError::bad(format!(
                "the weight of `{id}` must be a finite number ≥ 0, not {w}"
            )));
        }
        out[j] = w;
    }
    scale_to_one(out).ok_or_else(|| ApiError::bad("at least one weight must be positive"))
}

/// Scales finite, non-negative weights to sum to 1, dividing by the largest
/// first so nothing overflows; `None` when they are all zero.
pub fn scale_to_one(mut w: Vec<f64>) -> Option<Vec<f64>> {
    let largest = w.iter().copied().fold(0.0_f64, f64::max);
    if !(largest > 0.0 && largest.is_finite()) {
        return None;
    }
    w.iter_mut().for_each(|x| *x /= largest);
    let total: f64 = w.iter().sum();
    w.iter_mut().for_each(|x| *x /= total);
    Some(w)
}

/// Weights in model order as `{criterion id: weight}`.
pub fn by_id(model: &Model, w: &[f64]) -> IndexMap<String, f64> {
    model
        .criteria
        .iter()
        .zip(w)
        .map(|(c, w)| (c.id.to_string(), *w))
        .collect()
}

/// Weights stored by criterion id back in model order: criteria the model no
/// longer has are dropped, new ones weigh 0; `None` when nothing is left.
pub fn from_ids(model: &Model, stored: &IndexMap<String, f64>) -> Option<Vec<f64>> {
    let w = model
        .criteria
        .iter()
        .map(|c| {
            stored
                .get(c.id.as_str())
                .copied()
                .filter(|x| x.is_finite() && *x >= 0.0)
                .unwrap_or(0.0)
        })
        .collect();
    scale_to_one(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn huge_weights_normalize_without_overflow() {
        let w = scale_to_one(vec![1e308, 1e308, 0.0]).expect("positive");
        assert_eq!(w, vec![0.5, 0.5, 0.0]);
        let w = scale_to_one(vec![f64::MAX, f64::MAX / 4.0]).expect("positive");
        assert!((w[0] - 0.8).abs() < 1e-15 && (w[1] - 0.2).abs() < 1e-15);
    }

    #[test]
    fn all_zero_or_vanishing_weights_are_refused() {
        assert_eq!(scale_to_one(vec![0.0, 0.0]), None);
        assert_eq!(scale_to_one(vec![]), None);
        // Subnormal weights still scale to a proper vector.
        let w = scale_to_one(vec![5e-324, 5e-324]).expect("positive");
        assert_eq!(w, vec![0.5, 0.5]);
    }
}
