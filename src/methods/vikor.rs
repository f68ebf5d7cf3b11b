//! VIKOR: the compromise ranking.

use serde::Serialize;

use super::normalization::{Need, Normalization, Normalized};
use super::{Better, Evaluation, Method, Problem, Step, StepValues, lanes};
use crate::simd;

/// VIKOR's compromise solution and its two conditions.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Compromise {
    /// Option indices of the compromise set, best Q first.
    #[serde(skip)]
    pub set: Vec<usize>,
    /// Option ids of the compromise set.
    pub options: Vec<String>,
    /// C1: Q(a″) − Q(a′) ≥ DQ = 1/(n − 1).
    pub acceptable_advantage: bool,
    /// C2: a′ is also best by S or by R.
    pub acceptable_stability: bool,
}

/// VIšeKriterijumska Optimizacija I Kompromisno Rešenje.
///
/// ```text
/// f*_j = max_i f_ij,  f⁻_j = min_i f_ij                  (f benefit-oriented)
/// S_i  = Σ_j w_j (f*_j − f_ij) / (f*_j − f⁻_j)            (group utility)
/// R_i  = max_j w_j (f*_j − f_ij) / (f*_j − f⁻_j)          (individual regret)
/// Q_i  = v (S_i − S*) / (S⁻ − S*) + (1 − v) (R_i − R*) / (R⁻ − R*)
/// ```
///
/// Lower Q is better. The compromise: a′ (least Q) is the solution if
/// C1 `Q(a″) − Q(a′) ≥ 1/(n − 1)` and C2 a′ is also best by S or R hold; if
/// only C2 fails, {a′, a″}; if C1 fails, every a with `Q(a) − Q(a′) < 1/(n − 1)`.
/// Opricovic & Tzeng (2004), "Compromise solution by MCDM methods", EJOR 156.
/// A criterion on which every option is equal adds 0 (pymcdm refuses it); a
/// zero spread of S or R drops that term. Each case adds a note.
#[derive(Debug, Clone, Copy)]
pub struct Vikor {
    /// How scores become comparable.
    pub normalization: Normalization,
    /// Weight of the group-utility strategy, 0..=1.
    pub v: f64,
}

impl Default for Vikor {
    fn default() -> Self {
        Vikor {
            normalization: Normalization::Value,
            v: 0.5,
        }
    }
}

impl Method for Vikor {
    fn evaluate(&self, problem: &Problem<'_>, weights: &[f64]) -> Evaluation {
        let norm = Normalized::of(problem, self.normalization, Need::Extremes);
        let mut notes = norm.notes.clone();
        let (n, m) = (problem.options(), problem.width());
        let (best, worst) = (&norm.best, &norm.worst);
        let flat: Vec<usize> = (0..m).filter(|&j| best[j] == worst[j]).collect();
        if !flat.is_empty() && n > 1 {
            let ids: Vec<&str> = flat
                .iter()
                .map(|&j| problem.criteria[j].id.as_str())
                .collect();
            notes.push(format!(
                "every option is equal on {}, which adds nothing to S and R",
                ids.join(", ")
            ));
        }
        // Regret per cell, w_j (f*_j − f_ij)/(f*_j − f⁻_j) in the formula's
        // order of operations; a flat criterion (f* = f⁻) adds 0.
        let mut sr = vec![[0.0; 2]; n];
        problem.for_chunks(&mut sr, 1, |_, rows, out| {
            simd::run(Regrets {
                norm: &norm,
                weights: &weights[..m],
                best: &best[..m],
                worst: &worst[..m],
                rows,
                out,
            })
        });
        let s: Vec<f64> = sr.iter().map(|o| o[0]).collect();
        let r: Vec<f64> = sr.iter().map(|o| o[1]).collect();
        let span = |x: &[f64]| {
            let lo = x.iter().copied().fold(f64::INFINITY, f64::min);
            let hi = x.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            (lo, hi)
        };
        let ((s_star, s_minus), (r_star, r_minus)) = (span(&s), span(&r));
        let part = |x: f64, lo: f64, hi: f64| if hi > lo { (x - lo) / (hi - lo) } else { 0.0 };
        if n > 1 && (s_minus == s_star || r_minus == r_star) {
            notes.push("S or R is the same for every option; that term of Q is 0".into());
        }
        let q: Vec<f64> = (0..n)
            .map(|i| {
                self.v * part(s[i], s_star, s_minus) + (1.0 - self.v) * part(r[i], r_star, r_minus)
            })
            .collect();
        let compromise = compromise(&q, &s, &r);
        Evaluation {
            scores: q.clone(),
            better: Better::Lower,
            steps: vec![
                Step {
                    symbol: "f*",
                    caption: "best value per criterion",
                    values: StepValues::PerCriterion(best.clone()),
                },
                Step {
                    symbol: "f-",
                    caption: "worst value per criterion",
                    values: StepValues::PerCriterion(worst.clone()),
                },
                Step {
                    symbol: "S",
                    caption: "group utility (lower is better)",
                    values: StepValues::PerOption(s),
                },
                Step {
                    symbol: "R",
                    caption: "individual regret (lower is better)",
                    values: StepValues::PerOption(r),
                },
                Step {
                    symbol: "Q",
                    caption: "compromise index (lower is better)",
                    values: StepValues::PerOption(q),
                },
            ],
            notes,
            compromise: Some(compromise),
        }
    }
}

/// The compromise set and conditions of Opricovic & Tzeng (2004), §3.
///
/// Linear in the number of options: the best and second best by Q are found
/// by a scan, and only the options within `DQ` of the best are sorted.
pub fn compromise(q: &[f64], s: &[f64], r: &[f64]) -> Compromise {
    let n = q.len();
    let by_q = |a: &usize, b: &usize| q[*a].total_cmp(&q[*b]).then(a.cmp(b));
    let Some(first) = (0..n).min_by(by_q) else {
        return Compromise {
            set: vec![],
            options: vec![],
            acceptable_advantage: true,
            acceptable_stability: true,
        };
    };
    let Some(second) = (0..n).filter(|&i| i != first).min_by(by_q) else {
        return Compromise {
            set: vec![first],
            options: vec![],
            acceptable_advantage: true,
            acceptable_stability: true,
        };
    };
    let dq = 1.0 / (n as f64 - 1.0);
    let advantage = q[second] - q[first] >= dq - 1e-12;
    let best_s = s.iter().copied().fold(f64::INFINITY, f64::min);
    let best_r = r.iter().copied().fold(f64::INFINITY, f64::min);
    let stability = s[first] <= best_s + 1e-12 || r[first] <= best_r + 1e-12;
    let set = if !advantage {
        let mut near: Vec<usize> = (0..n).filter(|&i| q[i] - q[first] < dq - 1e-12).collect();
        near.sort_by(by_q);
        near
    } else if !stability {
        vec![first, second]
    } else {
        vec![first]
    };
    Compromise {
        set,
        options: vec![],
        acceptable_advantage: advantage,
        acceptable_stability: stability,
    }
}

/// `[S, R]` for a chunk of rows, run through [`simd::run`].
struct Regrets<'a, 'b> {
    norm: &'a Normalized<'b>,
    weights: &'a [f64],
    best: &'a [f64],
    worst: &'a [f64],
    rows: &'a [f64],
    out: &'a mut [[f64; 2]],
}

impl simd::Kernel for Regrets<'_, '_> {
    type Output = ();

    #[inline(always)]
    fn run(self) {
        let m = self.weights.len();
        let (mut f, mut regret) = (vec![0.0; m], vec![0.0; m]);
        let (w, best, worst) = (self.weights, self.best, self.worst);
        for (x, o) in self.rows.chunks_exact(m).zip(self.out) {
            self.norm.row(x, &mut f);
            let f = &f[..m];
            for j in 0..m {
                let g = w[j] * (best[j] - f[j]) / (best[j] - worst[j]);
                regret[j] = if best[j] == worst[j] { 0.0 } else { g };
            }
            let s = lanes::sum(&regret);
            let r = regret.iter().fold(0.0f64, |r, g| r.max(*g));
            *o = [s, r];
        }
    }
}
