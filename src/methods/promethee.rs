//! PROMETHEE II: net outranking flows.

use nalgebra::DMatrix;

use super::normalization::{Normalization, normalize};
use super::{Better, Evaluation, Method, Problem, Step, StepValues};

/// PROMETHEE II with the criteria's own preference functions.
///
/// ```text
/// d_j(a, b)  = difference of a and b on criterion j, in favour of a
/// π(a, b)    = Σ_j w_j P_j(d_j(a, b))                     (P_j: usual, u-shape, …)
/// φ⁺(a)      = Σ_b π(a, b) / (n − 1),   φ⁻(a) = Σ_b π(b, a) / (n − 1)
/// φ(a)       = φ⁺(a) − φ⁻(a)                              (net flow, −1..=1)
/// φ_j(a)     = Σ_b [P_j(d_j(a, b)) − P_j(d_j(b, a))] / (n − 1)   (per criterion)
/// ```
///
/// Higher is better. Brans & Vincke (1985), "A preference ranking
/// organisation method", Management Science 31(6). Under the default `value`
/// normalization, `d_j` is measured in the criterion's score units — the
/// difference of values times the scale's width, which for a linear value
/// function is the direction-aware difference of raw scores — so the
/// thresholds `q`, `p`, `s` in `criteria.toml` are in score units, as pymcdm
/// takes them on a raw matrix. Under another normalization `d_j` is the
/// difference of normalized scores and the thresholds are in those units.
#[derive(Debug, Clone, Copy, Default)]
pub struct Promethee {
    /// How scores become comparable.
    pub normalization: Normalization,
}

impl Method for Promethee {
    fn evaluate(&self, problem: &Problem<'_>, weights: &[f64]) -> Evaluation {
        let (x, mut notes) = normalize(problem, self.normalization);
        let (n, m) = (x.nrows(), x.ncols());
        let unit: Vec<f64> = problem
            .criteria
            .iter()
            .map(|c| {
                if self.normalization == Normalization::Value {
                    c.scale.max - c.scale.min
                } else {
                    1.0
                }
            })
            .collect();
        let mut plus = vec![0.0; n];
        let mut minus = vec![0.0; n];
        let mut per_criterion = DMatrix::zeros(n, m);
        for a in 0..n {
            for b in 0..n {
                if a == b {
                    continue;
                }
                for j in 0..m {
                    let d = (x[(a, j)] - x[(b, j)]) * unit[j];
                    let p = problem.criteria[j].preference.degree(d);
                    plus[a] += weights[j] * p;
                    minus[b] += weights[j] * p;
                    per_criterion[(a, j)] += p;
                    per_criterion[(b, j)] -= p;
                }
            }
        }
        let divisor = if n > 1 { (n - 1) as f64 } else { 1.0 };
        if n < 2 {
            notes.push("a single option has no one to outrank; its flows are 0".into());
        }
        plus.iter_mut().for_each(|f| *f /= divisor);
        minus.iter_mut().for_each(|f| *f /= divisor);
        per_criterion /= divisor;
        let net: Vec<f64> = plus.iter().zip(&minus).map(|(p, q)| p - q).collect();
        Evaluation {
            scores: net.clone(),
            better: Better::Higher,
            steps: vec![
                Step {
                    symbol: "phi+",
                    caption: "positive (leaving) flow",
                    values: StepValues::PerOption(plus),
                },
                Step {
                    symbol: "phi-",
                    caption: "negative (entering) flow",
                    values: StepValues::PerOption(minus),
                },
                Step {
                    symbol: "phi",
                    caption: "net flow",
                    values: StepValues::PerOption(net),
                },
                Step {
                    symbol: "phi_j",
                    caption: "net flow per criterion (unweighted)",
                    values: StepValues::matrix(&per_criterion),
                },
            ],
            notes,
            compromise: None,
        }
    }
}
