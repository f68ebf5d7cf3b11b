//! The additive value model.

use nalgebra::DMatrix;

use super::normalization::{Need, Normalization, Normalized};
use super::{Better, Evaluation, Method, Problem, Step, StepValues, lanes};
use crate::simd;

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
///
/// One pass over the row-major scores: each row's values are formed and
/// summed in place (in four lanes, see `lanes`), with no matrix of values or
/// contributions.
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
        let norm = Normalized::of(problem, self.normalization, Need::Maps);
        let m = problem.width();
        let mut scores = vec![0.0; problem.options()];
        problem.for_chunks(&mut scores, 1, |_, rows, out| {
            simd::run(Sums {
                norm: &norm,
                weights: &weights[..m],
                rows,
                out,
            })
        });
        let values = norm.rows(problem, problem.detail());
        let contributions = values
            .iter()
            .map(|(i, v)| (*i, v.iter().zip(weights).map(|(v, w)| w * v).collect()))
            .collect();
        Evaluation {
            scores,
            better: Better::Higher,
            steps: vec![
                Step {
                    symbol: "v",
                    caption: "value of each score (0 = worst, 1 = best)",
                    values: StepValues::Cells(values),
                },
                Step {
                    symbol: "w·v",
                    caption: "weighted contribution of each criterion",
                    values: StepValues::Cells(contributions),
                },
            ],
            notes: norm.notes,
            compromise: None,
        }
    }
}

/// `V_i` for a chunk of rows, run through [`simd::run`].
struct Sums<'a, 'b> {
    norm: &'a Normalized<'b>,
    weights: &'a [f64],
    rows: &'a [f64],
    out: &'a mut [f64],
}

impl simd::Kernel for Sums<'_, '_> {
    type Output = ();

    #[inline(always)]
    fn run(self) {
        let (w, m) = (self.weights, self.weights.len());
        let (mut v, mut c) = (vec![0.0; m], vec![0.0; m]);
        for (x, o) in self.rows.chunks_exact(m).zip(self.out) {
            self.norm.row(x, &mut v);
            let (v, c) = (&v[..m], &mut c[..m]);
            for j in 0..m {
                c[j] = w[j] * v[j];
            }
            *o = lanes::sum(c);
        }
    }
}
