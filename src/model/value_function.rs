//! Piecewise-linear value functions.

use serde::Serialize;

/// A piecewise-linear value function through `(score, value)` points.
///
/// ```text
/// v(x) = v_k + (x − s_k) · (v_{k+1} − v_k) / (s_{k+1} − s_k)   for s_k ≤ x ≤ s_{k+1}
/// v(x) = v_0 for x < s_0,  v(x) = v_last for x > s_last
/// ```
///
/// Scores strictly increase and values lie in `0..=1` (checked at the door).
/// Belton & Stewart (2002), §5.2.2.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PiecewiseLinear {
    points: Vec<(f64, f64)>,
}

impl PiecewiseLinear {
    /// Builds the function from validated points: at least two, scores increasing.
    pub fn new(points: Vec<(f64, f64)>) -> Self {
        debug_assert!(points.len() >= 2);
        PiecewiseLinear { points }
    }

    /// The (score, value) points, scores increasing.
    pub fn points(&self) -> &[(f64, f64)] {
        &self.points
    }

    /// The interpolated value at `score`, constant beyond the end points.
    pub fn value(&self, score: f64) -> f64 {
        let points = &self.points;
        let Some(&(first_score, first_value)) = points.first() else {
            return 0.0;
        };
        if score <= first_score {
            return first_value;
        }
        for pair in points.windows(2) {
            let ((s0, v0), (s1, v1)) = (pair[0], pair[1]);
            if score <= s1 {
                return v0 + (score - s0) * (v1 - v0) / (s1 - s0);
            }
        }
        points.last().map_or(0.0, |p| p.1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interpolates_between_points_and_is_flat_beyond_them() {
        let f = PiecewiseLinear::new(vec![(0.0, 0.0), (5.0, 0.8), (10.0, 1.0)]);
        assert_eq!(f.value(-1.0), 0.0);
        assert!((f.value(2.5) - 0.4).abs() < 1e-12);
        assert!((f.value(7.5) - 0.9).abs() < 1e-12);
        assert_eq!(f.value(11.0), 1.0);
    }
}
