//! The weighted product model.

use super::normalization::{Need, Normalization, Normalized};
use super::{Better, Evaluation, Method, Problem, Step, StepValues, lanes};
use crate::simd;

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
            simd::run(Products {
                norm: &norm,
                weights: &weights[..m],
                rows,
                out,
            })
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

/// Rows handled together: their logarithms form one long loop over
/// contiguous cells, which vectorizes better than a loop per row.
const BLOCK: usize = 64;

/// `(P_i, vetoed)` for a chunk of rows, run through [`simd::run`].
struct Products<'a, 'b> {
    norm: &'a Normalized<'b>,
    weights: &'a [f64],
    rows: &'a [f64],
    out: &'a mut [(f64, bool)],
}

impl simd::Kernel for Products<'_, '_> {
    type Output = ();

    #[inline(always)]
    fn run(self) {
        let m = self.weights.len();
        // The weights repeated once per row of a block, so that the block's
        // weighted logarithms are one loop over aligned slices.
        let tiled: Vec<f64> = (0..BLOCK * m).map(|k| self.weights[k % m]).collect();
        let (mut v, mut logs) = (vec![0.0; BLOCK * m], vec![0.0; BLOCK * m]);
        for (rows, out) in self.rows.chunks(BLOCK * m).zip(self.out.chunks_mut(BLOCK)) {
            let cells = rows.len();
            let (v, logs) = (&mut v[..cells], &mut logs[..cells]);
            for (x, v) in rows.chunks_exact(m).zip(v.chunks_exact_mut(m)) {
                self.norm.row(x, v);
            }
            // Π v^w = exp(Σ w ln v): a logarithm per cell, one exponential
            // per option. Rows with a value that is zero, negative or not
            // normal get no meaningful logarithm and take the product of
            // powers below instead.
            for ((l, &v), &w) in logs.iter_mut().zip(v.iter()).zip(&tiled) {
                *l = w * lanes::ln(v);
            }
            for ((v, logs), o) in v.chunks_exact(m).zip(logs.chunks_exact(m)).zip(out) {
                *o = if v.iter().all(|v| v.is_normal() && *v > 0.0) {
                    (lanes::sum(logs).exp(), false)
                } else {
                    powers(v, self.weights)
                };
            }
        }
    }
}

/// `Π v^w` and whether a zero value on a weighted criterion vetoes the option.
fn powers(v: &[f64], w: &[f64]) -> (f64, bool) {
    let mut product = 1.0;
    let mut vetoed = false;
    for (v, w) in v.iter().zip(w) {
        product *= v.max(0.0).powf(*w);
        vetoed |= *v <= 0.0 && *w > 0.0;
    }
    (product, vetoed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Criterion, Direction};

    fn criterion(j: usize) -> Criterion {
        let cost = j % 3 == 2;
        let direction = if cost {
            Direction::Cost
        } else {
            Direction::Benefit
        };
        Criterion::on_ten(&format!("c{j}"), direction)
    }

    /// The blocked, vectorized products equal the definition `Π v^w`
    /// computed cell by cell with `powf`, to 1e-12 relative, on models that
    /// end mid-block, run on one thread and on several, and contain vetoed
    /// options (a zero value, here the worst score of a minmax column).
    #[test]
    fn products_match_the_product_of_powers() {
        for (n, m) in [(1, 3), (63, 5), (130, 7), (20_000, 17)] {
            let criteria: Vec<Criterion> = (0..m).map(criterion).collect();
            let rows: Vec<f64> = (0..n * m)
                .map(|k| {
                    ((k as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 11) as f64 * 1e-15 % 10.0
                })
                .collect();
            let problem = Problem::from_rows(&rows, &criteria);
            let weights: Vec<f64> = (0..m).map(|j| (j + 1) as f64).collect();
            let total: f64 = weights.iter().sum();
            let weights: Vec<f64> = weights.iter().map(|w| w / total).collect();
            for normalization in [Normalization::Minmax, Normalization::Max] {
                let method = WeightedProduct { normalization };
                let got = method.evaluate(&problem, &weights).scores;
                let norm = Normalized::of(&problem, normalization, Need::Maps);
                let mut v = vec![0.0; m];
                let mut vetoed = 0;
                for (i, g) in got.iter().enumerate() {
                    norm.row(problem.row(i), &mut v);
                    let want: f64 = v.iter().zip(&weights).map(|(v, w)| v.powf(*w)).product();
                    vetoed += usize::from(want == 0.0);
                    assert!(
                        (g - want).abs() <= 1e-12 * want.abs(),
                        "{n}×{m} {normalization:?} option {i}: {g} vs {want}"
                    );
                }
                if normalization == Normalization::Minmax && n > 1 {
                    assert!(vetoed > 0, "the test should include vetoed options");
                }
            }
        }
    }
}
