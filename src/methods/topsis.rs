//! TOPSIS: closeness to the ideal option.

use super::normalization::{Normalization, normalize};
use super::{Better, Evaluation, Method, Problem, Step, StepValues};

/// Technique for Order of Preference by Similarity to Ideal Solution.
///
/// ```text
/// r_ij  = normalized score (benefit-oriented)
/// u_ij  = w_j · r_ij
/// A⁺_j  = max_i u_ij,   A⁻_j = min_i u_ij               (ideal, anti-ideal)
/// D⁺_i  = √Σ_j (u_ij − A⁺_j)²,   D⁻_i = √Σ_j (u_ij − A⁻_j)²
/// C_i   = D⁻_i / (D⁺_i + D⁻_i)                          (closeness, 0..=1)
/// ```
///
/// Higher is better. Hwang & Yoon (1981), *Multiple Attribute Decision
/// Making*, Springer, §2.3.7; ideal points taken after normalization, as in
/// pymcdm. When every option sits at the same point (`D⁺ + D⁻ = 0`) all are
/// given 0.5 and a note says so.
#[derive(Debug, Clone, Copy, Default)]
pub struct Topsis {
    /// How scores become comparable.
    pub normalization: Normalization,
}

impl Method for Topsis {
    fn evaluate(&self, problem: &Problem<'_>, weights: &[f64]) -> Evaluation {
        let (r, mut notes) = normalize(problem, self.normalization);
        let (n, m) = (r.nrows(), r.ncols());
        let u = nalgebra::DMatrix::from_fn(n, m, |i, j| weights[j] * r[(i, j)]);
        let ideal: Vec<f64> = (0..m).map(|j| u.column(j).max()).collect();
        let anti: Vec<f64> = (0..m).map(|j| u.column(j).min()).collect();
        let distance = |i: usize, point: &[f64]| {
            (0..m)
                .map(|j| (u[(i, j)] - point[j]).powi(2))
                .sum::<f64>()
                .sqrt()
        };
        let d_plus: Vec<f64> = (0..n).map(|i| distance(i, &ideal)).collect();
        let d_minus: Vec<f64> = (0..n).map(|i| distance(i, &anti)).collect();
        let mut flat = false;
        let closeness = d_plus
            .iter()
            .zip(&d_minus)
            .map(|(p, q)| {
                if p + q > 0.0 {
                    q / (p + q)
                } else {
                    flat = true;
                    0.5
                }
            })
            .collect();
        if flat {
            notes.push("some options coincide with both the ideal and the anti-ideal; their closeness is set to 0.5".into());
        }
        Evaluation {
            scores: closeness,
            better: Better::Higher,
            steps: vec![
                Step {
                    symbol: "r",
                    caption: "normalized scores",
                    values: StepValues::matrix(&r),
                },
                Step {
                    symbol: "A+",
                    caption: "ideal point (best weighted score per criterion)",
                    values: StepValues::PerCriterion(ideal),
                },
                Step {
                    symbol: "A-",
                    caption: "anti-ideal point (worst weighted score per criterion)",
                    values: StepValues::PerCriterion(anti),
                },
                Step {
                    symbol: "D+",
                    caption: "distance to the ideal",
                    values: StepValues::PerOption(d_plus),
                },
                Step {
                    symbol: "D-",
                    caption: "distance to the anti-ideal",
                    values: StepValues::PerOption(d_minus),
                },
            ],
            notes,
            compromise: None,
        }
    }
}
