//! The additive value model.

use nalgebra::DMatrix;

use super::normalization::{Normalization, normalize};
use super::{Better, Evaluation, Method, Problem, Step, StepValues};

/// The additive value model (weighted sum of values).
///
/// ```text
/// v_ij = value function of criterion j at score x_ij      (0 = worst, 1 = best)
/// c_ij = w_j · v_ij                                        (contribution)
/// V_i  = Σ_j c_ij                                          (overall value, 0..=1)
/// ```
///
/// Higher is better. With another normalization, `v_ij` is the normalized
/// score instead. Belton & Stewart (2002), *Multiple Criteria Decision
/// Analysis: An Integrated Approach*, ch. 5.
#[derive(Debug, Clone, Copy, Default)]
pub struct WeightedSum {
    /// How scores become values.
    pub normalization: Normalization,
}

impl WeightedSum {
    /// The contribution matrix `c_ij = w_j · v_ij`, options × criteria.
    pub fn contributions(values: &DMatrix<f64>, weights: &[f64]) -> DMatrix<f64> {
        DMatrix::from_fn(values.nrows(), values.ncols(), |i, j| {
            weights[j] * values[(i, j)]
        })
    }
}

impl Method for WeightedSum {
    fn evaluate(&self, problem: &Problem<'_>, weights: &[f64]) -> Evaluation {
        let (values, notes) = normalize(problem, self.normalization);
        let contributions = Self::contributions(&values, weights);
        let scores = (0..contributions.nrows())
            .map(|i| contributions.row(i).sum())
            .collect();
        Evaluation {
            scores,
            better: Better::Higher,
            steps: vec![
                Step {
                    symbol: "v",
                    caption: "value of each score (0 = worst, 1 = best)",
                    values: StepValues::matrix(&values),
                },
                Step {
                    symbol: "w·v",
                    caption: "weighted contribution of each criterion",
                    values: StepValues::matrix(&contributions),
                },
            ],
            notes,
            compromise: None,
        }
    }
}
