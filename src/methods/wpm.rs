//! The weighted product model.

use super::normalization::{Need, Normalization, Normalized};
use super::{Better, Evaluation, Method, Problem, Step, StepValues, lanes};

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
///
/// Computed per option as `exp(Σ_j w_j ln v_ij)` when every value is a
/// positive normal number (a vectorizable logarithm per cell and one
/// exponential per option), else as the product of powers.
#[derive(Debug, Clone, Copy, Default)]
pub struct WeightedProduct {
    /// How scores become values.
    pub normalization: Normalization,
}

impl Method for WeightedProduct {
    fn evaluate(&self, problem: &Problem<'_>, weights: &[f64]) -> Evaluation {
        let mut norm = Normalized::of(problem, self.normalization, Need::Maps);
        let m = problem.width();
        // (product, vetoed) per option.
        let mut out = vec![(0.0, false); problem.options()];
        problem.for_chunks(&mut out, 1, |_, rows, out| {
            let (mut v, mut logs) = (vec![0.0; m], vec![0.0; m]);
            let w = &weights[..m];
            for (x, o) in rows.chunks_exact(m).zip(out) {
                norm.row(x, &mut v);
                let v = &v[..m];
                if v.iter().all(|v| v.is_normal() && *v > 0.0) {
                    // Π v^w = exp(Σ w ln v): one exponential per option; the
                    // logarithms in a plain loop over the cells, which vectorizes.
                    let logs = &mut logs[..m];
                    for j in 0..m {
                        logs[j] = w[j] * lanes::ln(v[j]);
                    }
                    *o = (lanes::sum(logs).exp(), false);
                } else {
                    let mut product = 1.0;
                    let mut vetoed = false;
                    for (v, w) in v.iter().zip(w) {
                        product *= v.max(0.0).powf(*w);
                        vetoed |= *v <= 0.0 && *w > 0.0;
                    }
                    *o = (product, vetoed);
                }
            }
        });
        let vetoed = out.iter().filter(|o| o.1).count();
        if vetoed > 0 {
            norm.notes.push(format!(
                "{vetoed} option(s) have a zero value on a weighted criterion, which vetoes them (product 0)"
            ));
        }
        let values = norm.rows(problem, problem.detail());
        let factors = values
            .iter()
            .map(|(i, v)| {
                let f = v.iter().zip(weights).map(|(v, w)| v.max(0.0).powf(*w));
                (*i, f.collect())
            })
            .collect();
        Evaluation {
            scores: out.into_iter().map(|o| o.0).collect(),
            better: Better::Higher,
            steps: vec![
                Step {
                    symbol: "v",
                    caption: "value of each score",
                    values: StepValues::Cells(values),
                },
                Step {
                    symbol: "v^w",
                    caption: "weighted factor of each criterion",
                    values: StepValues::Cells(factors),
                },
            ],
            notes: norm.notes,
            compromise: None,
        }
    }
}
