//! TOPSIS: closeness to the ideal option.

use super::normalization::{Need, Normalization, Normalized};
use super::{Better, Evaluation, Method, Problem, Step, StepValues, lanes};
use crate::simd;

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
///
/// Two passes over the row-major scores: the column statistics the
/// normalization needs (and the ideal points follow from them, since every
/// normalization is monotone per column), then each row's distances.
#[derive(Debug, Clone, Copy, Default)]
pub struct Topsis {
    /// How scores become comparable.
    pub normalization: Normalization,
}

impl Method for Topsis {
    fn evaluate(&self, problem: &Problem<'_>, weights: &[f64]) -> Evaluation {
        let norm = Normalized::of(problem, self.normalization, Need::Extremes);
        let mut notes = norm.notes.clone();
        let m = problem.width();
        // Weights are non-negative, so the best weighted score is the weight
        // times the best normalized one, to the bit.
        let ideal: Vec<f64> = norm.best.iter().zip(weights).map(|(b, w)| w * b).collect();
        let anti: Vec<f64> = norm.worst.iter().zip(weights).map(|(b, w)| w * b).collect();
        // (D+, D−, C) per option, in one pass over the rows.
        let mut out = vec![[0.0; 3]; problem.options()];
        problem.for_chunks(&mut out, 1, |_, rows, out| {
            simd::run(Distances {
                norm: &norm,
                weights: &weights[..m],
                ideal: &ideal[..m],
                anti: &anti[..m],
                rows,
                out,
            })
        });
        let mut flat = false;
        let closeness = out
            .iter()
            .map(|o| {
                if o[2].is_nan() {
                    flat = true;
                    0.5
                } else {
                    o[2]
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
                    values: StepValues::Cells(norm.rows(problem, problem.detail())),
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
                    values: StepValues::PerOption(out.iter().map(|o| o[0]).collect()),
                },
                Step {
                    symbol: "D-",
                    caption: "distance to the anti-ideal",
                    values: StepValues::PerOption(out.iter().map(|o| o[1]).collect()),
                },
            ],
            notes,
            compromise: None,
        }
    }
}

/// `[D⁺, D⁻, C]` for a chunk of rows, run through [`simd::run`].
struct Distances<'a, 'b> {
    norm: &'a Normalized<'b>,
    weights: &'a [f64],
    ideal: &'a [f64],
    anti: &'a [f64],
    rows: &'a [f64],
    out: &'a mut [[f64; 3]],
}

impl simd::Kernel for Distances<'_, '_> {
    type Output = ();

    #[inline(always)]
    fn run(self) {
        let m = self.weights.len();
        let mut r = vec![0.0; m];
        let (mut to_ideal, mut to_anti) = (vec![0.0; m], vec![0.0; m]);
        let (w, ideal, anti) = (self.weights, self.ideal, self.anti);
        for (x, o) in self.rows.chunks_exact(m).zip(self.out) {
            self.norm.row(x, &mut r);
            let (r, a, b) = (&r[..m], &mut to_ideal[..m], &mut to_anti[..m]);
            for j in 0..m {
                let u = w[j] * r[j];
                a[j] = (u - ideal[j]) * (u - ideal[j]);
                b[j] = (u - anti[j]) * (u - anti[j]);
            }
            let (plus, minus) = (lanes::sum(a), lanes::sum(b));
            let (p, q) = (plus.sqrt(), minus.sqrt());
            *o = [p, q, if p + q > 0.0 { q / (p + q) } else { f64::NAN }];
        }
    }
}
