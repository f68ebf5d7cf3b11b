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

/// Donegan & Dodd's random index for the orders Saaty's table does not reach:
/// `(n, RI(n))` for n = 16..=20, 25 and 30.
///
/// Donegan, H. A. & Dodd, F. J. (1991), "A note on Saaty's random indexes",
/// *Mathematical and Computer Modelling* 15(10):135–137,
/// doi:10.1016/0895-7177(91)90098-R (as tabulated in the Python package AHPy).
/// Orders between two entries (21..=24, 26..=29) are interpolated linearly.
/// Their indexes run a little below Saaty's (1.4969 against 1.59 at n = 15),
/// so the consistency ratio of a matrix past 15 criteria errs on the strict side.
pub const RANDOM_INDEX_EXTENDED: [(usize, f64); 7] = [
    (16, 1.5078),
    (17, 1.5153),
    (18, 1.5262),
    (19, 1.5313),
    (20, 1.5371),
    (25, 1.5619),
    (30, 1.5772),
];

/// The largest matrix order with a random index, and so with a consistency ratio.
pub const RANDOM_INDEX_MAX_ORDER: usize = 30;

/// The name of Saaty's table, as the output shows it.
pub const RANDOM_INDEX_SOURCE: &str = "Saaty (1980) random index, n = 1..15";

/// The name of Donegan & Dodd's table, as the output shows it.
pub const RANDOM_INDEX_EXTENDED_SOURCE: &str =
    "Donegan & Dodd (1991) random index, n = 16..30 (interpolated between 20, 25 and 30)";

/// RI(n) and the name of the table it comes from; `None` past
/// [`RANDOM_INDEX_MAX_ORDER`] (and for n = 0).
pub fn random_index(n: usize) -> Option<(f64, &'static str)> {
    if let Some(&ri) = RANDOM_INDEX.get(n.wrapping_sub(1)) {
        return Some((ri, RANDOM_INDEX_SOURCE));
    }
    let table = &RANDOM_INDEX_EXTENDED;
    table.windows(2).find_map(|pair| {
        let ((n0, r0), (n1, r1)) = (pair[0], pair[1]);
        if n == n0 {
            Some((r0, RANDOM_INDEX_EXTENDED_SOURCE))
        } else if n == n1 {
            Some((r1, RANDOM_INDEX_EXTENDED_SOURCE))
        } else if n0 < n && n < n1 {
            let t = (n - n0) as f64 / (n1 - n0) as f64;
            Some((r0 + t * (r1 - r0), RANDOM_INDEX_EXTENDED_SOURCE))
        } else {
            None
        }
    })
}

/// Priorities and consistency of one pairwise comparison matrix.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AhpResult {
    /// The principal right eigenvector, scaled to sum to 1.
    pub priorities: Vec<f64>,
    /// The principal eigenvalue λmax.
    pub lambda_max: f64,
    /// CI = (λmax − n) / (n − 1); 0 for n ≤ 2.
    pub consistency_index: f64,
    /// RI(n) from [`random_index`], or `None` beyond [`RANDOM_INDEX_MAX_ORDER`].
    pub random_index: Option<f64>,
    /// The table RI(n) comes from, or `None` when no table reaches n.
    pub random_index_table: Option<&'static str>,
    /// CR = CI / RI(n); 0 for n ≤ 2 (always consistent); `None` when no table
    /// reaches n, so that an inconsistent matrix is never passed as CR = 0.
    pub consistency_ratio: Option<f64>,
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
    let table = random_index(n);
    let consistency_ratio = match table {
        Some((ri, _)) if ri > 0.0 => Some((consistency_index / ri).max(0.0)),
        Some(_) => Some(0.0),
        None => None,
    };
    AhpResult {
        priorities: w.iter().copied().collect(),
        lambda_max,
        consistency_index,
        random_index: table.map(|(ri, _)| ri),
        random_index_table: table.map(|(_, name)| name),
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
        assert!(r.consistency_ratio.expect("tabulated").abs() < 1e-12);
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
        assert!((r.consistency_ratio.expect("tabulated") - cr).abs() < 1e-12);
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

    /// A random reciprocal matrix of order 30 on Saaty's 1..9 scale is far from
    /// consistent: its CR is near 1, measured against Donegan & Dodd's RI(30).
    /// Past 30 no table applies and CR is unavailable, never 0.
    #[test]
    fn large_random_matrices_are_inconsistent_or_unrated() {
        use rand::{RngExt, SeedableRng};
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(30);
        let mut random = |n: usize| {
            let mut m = DMatrix::from_element(n, n, 1.0);
            for i in 0..n {
                for j in (i + 1)..n {
                    let v = f64::from(rng.random_range(1..=9u8));
                    let v = if rng.random_bool(0.5) { v } else { 1.0 / v };
                    m[(i, j)] = v;
                    m[(j, i)] = 1.0 / v;
                }
            }
            m
        };
        let r = priorities(&random(30));
        assert_eq!(r.random_index, Some(1.5772));
        assert_eq!(r.random_index_table, Some(RANDOM_INDEX_EXTENDED_SOURCE));
        let cr = r.consistency_ratio.expect("tabulated at n = 30");
        assert!(cr > 0.5, "CR {cr}");
        assert!((cr - r.consistency_index / 1.5772).abs() < 1e-12);
        let r = priorities(&random(31));
        assert_eq!(r.consistency_ratio, None);
        assert_eq!(r.random_index_table, None);
    }

    /// Between tabulated orders the index is interpolated: RI(22) lies 2/5 of
    /// the way from RI(20) = 1.5371 to RI(25) = 1.5619.
    #[test]
    fn random_index_interpolates_between_tabulated_orders() {
        let (ri, _) = random_index(22).expect("n = 22");
        assert!((ri - (1.5371 + 0.4 * (1.5619 - 1.5371))).abs() < 1e-12);
        assert_eq!(random_index(15), Some((1.59, RANDOM_INDEX_SOURCE)));
        assert_eq!(
            random_index(16),
            Some((1.5078, RANDOM_INDEX_EXTENDED_SOURCE))
        );
        assert_eq!(random_index(0), None);
    }
}
