//! PROMETHEE II: net outranking flows.

pub mod flows;

use nalgebra::DMatrix;
use rayon::prelude::*;

use super::normalization::Normalization;
use super::{Better, Evaluation, Method, Problem, Step, StepValues};

/// PROMETHEE II with the criteria's own preference functions.
///
/// ```text
/// d_j(a, b)  = y_aj − y_bj,  y = x (benefit) or −x (cost): raw score units
/// π(a, b)    = Σ_j w_j P_j(d_j(a, b))                     (P_j: usual, u-shape, …)
/// φ⁺(a)      = Σ_b π(a, b) / (n − 1),   φ⁻(a) = Σ_b π(b, a) / (n − 1)
/// φ(a)       = φ⁺(a) − φ⁻(a)                              (net flow, −1..=1)
/// φ_j(a)     = Σ_b [P_j(d_j(a, b)) − P_j(d_j(b, a))] / (n − 1)   (per criterion)
/// ```
///
/// Higher is better. Brans & Vincke (1985), "A preference ranking
/// organisation method", Management Science 31(6). The thresholds `q`, `p`,
/// `s` in `criteria.toml` are in the criterion's score units, so `d_j` is
/// always the direction-aware difference of raw scores, computed exactly as
/// the definition writes it (scores 3 and 4 with a u-shape `q = 1` give
/// `d = 1`: indifference). With a value function, the function says which
/// score is better and `d_j` is the distance between the scores. The
/// normalization does not enter: a note says so when another than `value` is
/// asked.
///
/// Per criterion, the flows of the piecewise-linear functions (usual,
/// u-shape, v-shape, level, linear) come from sorting the scores, O(n log n);
/// the Gaussian function, and a value function that is not strictly
/// monotone over the scores at hand, use the pairwise definition, O(n²).
#[derive(Debug, Clone, Copy, Default)]
pub struct Promethee {
    /// How scores become comparable (PROMETHEE compares raw scores; kept so
    /// every method takes the same settings).
    pub normalization: Normalization,
}

impl Method for Promethee {
    fn evaluate(&self, problem: &Problem<'_>, weights: &[f64]) -> Evaluation {
        let n = problem.options();
        let mut notes = vec![];
        if self.normalization != Normalization::Value {
            notes.push(format!(
                "PROMETHEE compares raw scores in each criterion's units, where its thresholds are stated; the `{}` normalization does not change it",
                self.normalization
            ));
        }
        if n < 2 {
            notes.push("a single option has no one to outrank; its flows are 0".into());
        }
        let per = per_criterion(problem);
        let divisor = if n > 1 { (n - 1) as f64 } else { 1.0 };
        let mut plus = vec![0.0; n];
        let mut minus = vec![0.0; n];
        for ((p, q), w) in per.iter().zip(weights) {
            for i in 0..n {
                plus[i] += w * p[i];
                minus[i] += w * q[i];
            }
        }
        plus.iter_mut().for_each(|f| *f /= divisor);
        minus.iter_mut().for_each(|f| *f /= divisor);
        let net: Vec<f64> = plus.iter().zip(&minus).map(|(p, q)| p - q).collect();
        let per_criterion = problem
            .detail()
            .iter()
            .map(|&i| {
                let row = per.iter().map(|(p, q)| (p[i] - q[i]) / divisor);
                (i, row.collect())
            })
            .collect();
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
                    values: StepValues::Cells(per_criterion),
                },
            ],
            notes,
            compromise: None,
        }
    }
}

/// `(Σ_b P_j(d_j(a, b)), Σ_b P_j(d_j(b, a)))` for every option `a`, per
/// criterion `j`: the unweighted leaving and entering flows before the
/// division by `n − 1`.
fn per_criterion(problem: &Problem<'_>) -> Vec<(Vec<f64>, Vec<f64>)> {
    let (n, m) = (problem.options(), problem.width());
    let column = |j: usize| -> Vec<f64> { (0..n).map(|i| problem.score(i, j)).collect() };
    // Criteria are independent: flows per criterion in parallel, combined
    // in criterion order (the same bits whatever the thread count).
    if n * m >= 1 << 14 {
        (0..m)
            .into_par_iter()
            .map(|j| flows::flows(&problem.criteria[j], &column(j)))
            .collect()
    } else {
        (0..m)
            .map(|j| flows::flows(&problem.criteria[j], &column(j)))
            .collect()
    }
}

/// The net flow of every option on every criterion, `φ_j(a)` (options ×
/// criteria). The preference functions do not depend on the weights, so
/// the net flow is linear in them, `φ(a) = Σ_j w_j φ_j(a)`, and sensitivity
/// analysis under PROMETHEE II is exact, as under the additive model
/// (Mareschal 1988, "Weight stability intervals in multicriteria decision
/// aid", EJOR 33(1)).
pub fn criterion_flows(problem: &Problem<'_>) -> DMatrix<f64> {
    let n = problem.options();
    let divisor = if n > 1 { (n - 1) as f64 } else { 1.0 };
    let per = per_criterion(problem);
    DMatrix::from_fn(n, per.len(), |i, j| (per[j].0[i] - per[j].1[i]) / divisor)
}
