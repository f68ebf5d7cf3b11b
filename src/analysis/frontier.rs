//! The efficient frontier of two objectives: one criterion's value against
//! the additive value of all the others.
//!
//! ```text
//! x_i = v_c(s_ic)                                  value on the chosen criterion c
//! y_i = Σ_{j≠c} w_j v_ij / Σ_{j≠c} w_j             value of the rest, rescaled to 0..1
//! i is efficient ⇔ no k with x_k ≥ x_i, y_k ≥ y_i, one of them strictly
//! ```
//!
//! The efficient options are those a reader could prefer for some trade-off
//! between the two (Belton & Stewart 2002, §4.3).

use crate::model::Model;

/// One option on the two axes.
#[derive(Debug, Clone, PartialEq)]
pub struct FrontierPoint {
    /// Option index.
    pub option: usize,
    /// Its raw score on the chosen criterion.
    pub score: f64,
    /// Its value on the chosen criterion, 0..1.
    pub value: f64,
    /// The additive value of the other criteria, 0..1.
    pub rest: f64,
    /// Whether no other option is better on both axes.
    pub efficient: bool,
}

/// Every option on the two axes, in model order.
pub fn frontier(model: &Model, weights: &[f64], criterion: usize) -> Vec<FrontierPoint> {
    let values = model.values();
    let m = weights.len();
    let rest_weight: f64 = (0..m).filter(|&j| j != criterion).map(|j| weights[j]).sum();
    let rest = |i: usize| {
        let v: f64 = (0..m)
            .filter(|&j| j != criterion)
            .map(|j| weights[j] * values[(i, j)])
            .sum();
        if rest_weight > 0.0 {
            v / rest_weight
        } else {
            0.0
        }
    };
    let n = model.options.len();
    let points: Vec<(f64, f64)> = (0..n).map(|i| (values[(i, criterion)], rest(i))).collect();
    let efficient = efficient(&points);
    (0..n)
        .map(|i| FrontierPoint {
            option: i,
            score: model.scores[(i, criterion)],
            value: points[i].0,
            rest: points[i].1,
            efficient: efficient[i],
        })
        .collect()
}

/// Which points no other point dominates (at least as high on both axes,
/// higher on one), in O(n log n): sweep from the highest x down, keeping the
/// highest y among points with a strictly higher x.
pub fn efficient(points: &[(f64, f64)]) -> Vec<bool> {
    let mut order: Vec<usize> = (0..points.len()).collect();
    order.sort_by(|&a, &b| points[b].0.total_cmp(&points[a].0).then(a.cmp(&b)));
    let mut out = vec![false; points.len()];
    let mut best_y = f64::NEG_INFINITY;
    let mut start = 0;
    while start < order.len() {
        let x = points[order[start]].0;
        let end = start
            + order[start..]
                .iter()
                .take_while(|&&i| points[i].0 == x)
                .count();
        let group = &order[start..end];
        let group_max = group
            .iter()
            .map(|&i| points[i].1)
            .fold(f64::NEG_INFINITY, f64::max);
        for &i in group {
            let y = points[i].1;
            out[i] = best_y < y && group_max <= y;
        }
        best_y = best_y.max(group_max);
        start = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use nalgebra::DMatrix;

    use crate::analysis::dominance::dominates;

    #[test]
    fn the_sweep_agrees_with_pairwise_dominance() {
        let points = [
            (0.1, 0.9),
            (0.5, 0.5),
            (0.5, 0.4),
            (0.9, 0.1),
            (0.4, 0.4),
            (0.9, 0.1),
            (0.2, 0.95),
            (0.0, 0.0),
        ];
        let m = DMatrix::from_fn(points.len(), 2, |i, k| {
            if k == 0 { points[i].0 } else { points[i].1 }
        });
        let pairwise: Vec<bool> = (0..points.len())
            .map(|b| !(0..points.len()).any(|a| dominates(&m, a, b)))
            .collect();
        assert_eq!(efficient(&points), pairwise);
        assert_eq!(
            efficient(&points),
            vec![false, true, false, true, false, true, true, false]
        );
    }
}
