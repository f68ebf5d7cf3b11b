//! The analytic hierarchy process: priorities and consistency of a pairwise matrix.

use nalgebra::{DMatrix, DVector};
use serde::Serialize;

/// Saaty's random consistency index RI(n) for n = 1..=15: the mean consistency
/// index of random reciprocal matrices of order n.
///
/// Saaty (1980), *The Analytic Hierarchy Process*, McGraw-Hill, ch. 1: the
/// random index from simulated matrices, n = 1..=15. (Later tables differ in
/// the second decimal for some n; this is the one most software reproduces.)
pub const RANDOM_INDEX: [f64; 15] = [
    0.0, 0.0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59,
];

/// The name of the random-index table, as the output shows it.
pub const RANDOM_INDEX_SOURCE: &str = "Saaty (1980) random index, n = 1..15";

/// Priorities and consistency of one pairwise comparison matrix.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AhpResult {
    /// The principal right eigenvector, scaled to sum to 1.
    pub priorities: Vec<f64>,
    /// The principal eigenvalue λmax.
    pub lambda_max: f64,
    /// CI = (λmax − n) / (n − 1); 0 for n ≤ 2.
    pub consistency_index: f64,
    /// RI(n) from [`RANDOM_INDEX`], or `None` beyond n = 15.
    pub random_index: Option<f64>,
    /// CR = CI / RI(n); 0 for n ≤ 2 (always consistent), `None` beyond the table.
    pub consistency_ratio: f64,
}

/// Priorities of a positive reciprocal matrix by its principal right eigenvector.
///
/// ```text
/// A w = λmax w,   Σ w_i = 1
/// CI  = (λmax − n) / (n − 1)
/// CR  = CI / RI(n)
/// ```
///
/// The eigenvector is found by power iteration, which converges for a positive
/// matrix because its Perron root is simple and strictly dominant
/// (Perron–Frobenius); λmax is then the mean of `(A w)_i / w_i`.
/// Saaty (1980), *The Analytic Hierarchy Process*, ch. 2.
pub fn priorities(matrix: &DMatrix<f64>) -> AhpResult {
    let n = matrix.nrows();
    let mut w = DVector::from_element(n, 1.0 / n.max(1) as f64);
    for _ in 0..10_000 {
        let next = matrix * &w;
        let total = next.sum();
        if !(total.is_finite() && total > 0.0) {
            break;
        }
        let next = next / total;
        let change = (&next - &w).amax();
        w = next;
        if change < 1e-15 {
            break;
        }
    }
    let aw = matrix * &w;
    let lambda_max = if n == 0 {
        0.0
    } else {
        aw.iter().zip(w.iter()).map(|(a, b)| a / b).sum::<f64>() / n as f64
    };
    let consistency_index = if n > 2 {
        (lambda_max - n as f64) / (n as f64 - 1.0)
    } else {
        0.0
    };
    let random_index = RANDOM_INDEX.get(n.wrapping_sub(1)).copied();
    let consistency_ratio = match random_index {
        Some(ri) if ri > 0.0 => (consistency_index / ri).max(0.0),
        _ => 0.0,
    };
    AhpResult {
        priorities: w.iter().copied().collect(),
        lambda_max,
        consistency_index,
        random_index,
        consistency_ratio,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A consistent matrix a_ij = w_i / w_j has eigenvector w and λmax = n exactly
    /// (Saaty 1980, §2.1), so its CR is 0.
    #[test]
    fn a_consistent_matrix_returns_its_generating_weights() {
        let w = [0.5, 0.3, 0.15, 0.05];
        let m = DMatrix::from_fn(4, 4, |i, j| w[i] / w[j]);
        let r = priorities(&m);
        for (a, b) in r.priorities.iter().zip(w) {
            assert!((a - b).abs() < 1e-12);
        }
        assert!((r.lambda_max - 4.0).abs() < 1e-12);
        assert!(r.consistency_ratio.abs() < 1e-12);
    }

    /// For n = 3 the principal eigenvector equals the vector of row geometric
    /// means, and λmax = 1 + (b/(ac))^(1/3) + (ac/b)^(1/3) for the matrix
    /// [[1, a, b], [1/a, 1, c], [1/b, 1/c, 1]] (Crawford & Williams 1985, "A note
    /// on the analysis of subjective judgment matrices", J. Math. Psych. 29:387–405).
    #[test]
    fn three_by_three_matches_the_closed_form() {
        let (a, b, c) = (3.0f64, 5.0f64, 2.0f64);
        let m = DMatrix::from_row_slice(3, 3, &[1.0, a, b, 1.0 / a, 1.0, c, 1.0 / b, 1.0 / c, 1.0]);
        let r = priorities(&m);
        let g = [(a * b).cbrt(), (c / a).cbrt(), (1.0 / (b * c)).cbrt()];
        let total: f64 = g.iter().sum();
        for (w, gi) in r.priorities.iter().zip(g) {
            assert!((w - gi / total).abs() < 1e-12, "{w} vs {}", gi / total);
        }
        let lambda = 1.0 + (b / (a * c)).cbrt() + (a * c / b).cbrt();
        assert!((r.lambda_max - lambda).abs() < 1e-12);
        let cr = (lambda - 3.0) / 2.0 / 0.58;
        assert!((r.consistency_ratio - cr).abs() < 1e-12);
    }

    /// λmax from power iteration agrees with the largest real eigenvalue that
    /// nalgebra's Schur decomposition finds independently.
    #[test]
    fn lambda_max_agrees_with_the_schur_eigenvalues() {
        let m = DMatrix::from_row_slice(
            4,
            4,
            &[
                1.0,
                3.0,
                5.0,
                9.0, //
                1.0 / 3.0,
                1.0,
                2.0,
                4.0, //
                0.2,
                0.5,
                1.0,
                3.0, //
                1.0 / 9.0,
                0.25,
                1.0 / 3.0,
                1.0,
            ],
        );
        let r = priorities(&m);
        let schur = m
            .complex_eigenvalues()
            .iter()
            .map(|z| z.re)
            .fold(f64::MIN, f64::max);
        assert!(
            (r.lambda_max - schur).abs() < 1e-9,
            "{} vs {schur}",
            r.lambda_max
        );
        assert!((r.priorities.iter().sum::<f64>() - 1.0).abs() < 1e-12);
    }
}
