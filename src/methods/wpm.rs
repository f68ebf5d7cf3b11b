//! The weighted product model.

use super::normalization::{Normalization, normalize};
use super::{Better, Evaluation, Method, Problem, Step, StepValues};

/// The weighted product model.
///
/// ```text
/// v_ij = value (or normalized score) of option i on criterion j
/// P_i  = Π_j v_ij ^ w_j
/// ```
///
/// Higher is better. A zero value on a criterion with positive weight makes
/// the product 0: the option is vetoed, whatever its other values. (A
/// criterion of weight 0 contributes `v^0 = 1`.) Triantaphyllou (2000),
/// *Multi-Criteria Decision Making Methods: A Comparative Study*, §2.2.2.
#[derive(Debug, Clone, Copy, Default)]
pub struct WeightedProduct {
    /// How scores become values.
    pub normalization: Normalization,
}

impl Method for WeightedProduct {
    fn evaluate(&self, problem: &Problem<'_>, weights: &[f64]) -> Evaluation {
        let (values, mut notes) = normalize(problem, self.normalization);
        let factors = nalgebra::DMatrix::from_fn(values.nrows(), values.ncols(), |i, j| {
            values[(i, j)].max(0.0).powf(weights[j])
        });
        let scores: Vec<f64> = (0..factors.nrows())
            .map(|i| factors.row(i).product())
            .collect();
        let vetoed = (0..values.nrows())
            .filter(|&i| (0..values.ncols()).any(|j| values[(i, j)] <= 0.0 && weights[j] > 0.0))
            .count();
        if vetoed > 0 {
            notes.push(format!(
                "{vetoed} option(s) have a zero value on a weighted criterion, which vetoes them (product 0)"
            ));
        }
        Evaluation {
            scores,
            better: Better::Higher,
            steps: vec![
                Step {
                    symbol: "v",
                    caption: "value of each score",
                    values: StepValues::matrix(&values),
                },
                Step {
                    symbol: "v^w",
                    caption: "weighted factor of each criterion",
                    values: StepValues::matrix(&factors),
                },
            ],
            notes,
            compromise: None,
        }
    }
}
