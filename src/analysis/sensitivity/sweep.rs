//! One-way weight sweeps: one criterion's (or one group's) weight moves from 0
//! to 1 while the others are rebalanced by a stated rule.

use serde::Serialize;

use crate::methods::{Better, Method, Problem};

/// How the other weights make room when one weight moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Rebalance {
    /// The others keep their proportions to each other (the decision-conferencing convention).
    Proportional,
    /// The change is split equally among the others; the sweep stops where one reaches 0.
    Equal,
}

impl Rebalance {
    /// The rule in one sentence, printed with the results.
    pub fn describe(self) -> &'static str {
        match self {
            Rebalance::Proportional => {
                "as one weight moves, the other weights are rescaled in proportion to their current values, so their ratios stay fixed and the total stays 1"
            }
            Rebalance::Equal => {
                "as one weight moves, the change is split equally among the other weights, so the total stays 1; the sweep ends where another weight would fall below 0"
            }
        }
    }
}

impl std::str::FromStr for Rebalance {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "proportional" => Ok(Rebalance::Proportional),
            "equal" => Ok(Rebalance::Equal),
            _ => Err(format!(
                "unknown rebalancing rule `{s}`; choose proportional or equal"
            )),
        }
    }
}

/// A straight path through weight space, `w(t) = base + t · slope`, for
/// `t` in `0..=end`; `t` is the swept weight (or the swept group's total).
///
/// Every rule here is affine in `t`, so under the additive model every
/// option's score `s_i(t) = V_i · w(t)` is linear in `t`.
#[derive(Debug, Clone, PartialEq)]
pub struct Path {
    /// `w(0)`.
    pub base: Vec<f64>,
    /// `dw/dt`.
    pub slope: Vec<f64>,
    /// The largest `t` the rule allows (1, or less under the equal rule).
    pub end: f64,
    /// The current value of the swept weight.
    pub current: f64,
}

impl Path {
    /// The weights at `t`.
    pub fn at(&self, t: f64) -> Vec<f64> {
        self.base
            .iter()
            .zip(&self.slope)
            .map(|(b, s)| (b + t * s).max(0.0))
            .collect()
    }

    /// The sweep of the members of `set` together (one criterion, or a group
    /// whose criteria keep their shares within it).
    ///
    /// ```text
    /// proportional:  w_j(t) = t · w_j / W            for j in the set (W = Σ_set w)
    ///                w_j(t) = (1 − t) · w_j / (1 − W) otherwise
    /// equal:         w_j(t) = w_j + (t − W) · w_j / W        for j in the set
    ///                w_j(t) = w_j − (t − W) / (m − |set|)    otherwise, while ≥ 0
    /// ```
    ///
    /// When the set holds no weight yet it shares `t` equally among its members;
    /// when it holds all of it, the others share `1 − t` equally.
    pub fn of(weights: &[f64], set: &[usize], rule: Rebalance) -> Path {
        let m = weights.len();
        let inside: f64 = set.iter().map(|&j| weights[j]).sum();
        let in_set = |j: usize| set.contains(&j);
        let others = m - set.len();
        let share_in = |j: usize| {
            if inside > 0.0 {
                weights[j] / inside
            } else {
                1.0 / set.len() as f64
            }
        };
        let mut base = vec![0.0; m];
        let mut slope = vec![0.0; m];
        let mut end: f64 = 1.0;
        match rule {
            Rebalance::Proportional => {
                let outside = 1.0 - inside;
                for j in 0..m {
                    if in_set(j) {
                        slope[j] = share_in(j);
                    } else {
                        let share = if outside > 1e-15 {
                            weights[j] / outside
                        } else {
                            1.0 / others.max(1) as f64
                        };
                        base[j] = share;
                        slope[j] = -share;
                    }
                }
            }
            Rebalance::Equal => {
                let per_other = 1.0 / others.max(1) as f64;
                for j in 0..m {
                    if in_set(j) {
                        slope[j] = share_in(j);
                    } else {
                        base[j] = weights[j] + inside * per_other;
                        slope[j] = -per_other;
                        // w_j(t) ≥ 0  ⇔  t ≤ w_j·(m−|set|) + W
                        end = end.min(base[j] / per_other);
                    }
                }
            }
        }
        if others == 0 {
            end = 1.0;
        }
        Path {
            base,
            slope,
            end: end.clamp(inside, 1.0),
            current: inside,
        }
    }
}

/// A weight at which two options change order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Threshold {
    /// The swept weight at the swap.
    pub weight: f64,
    /// The two options (ids), the one ahead below the threshold first.
    pub pair: [String; 2],
    /// Option indices of the pair, same order.
    #[serde(skip)]
    pub indices: [usize; 2],
}

/// Everything one sweep finds.
#[derive(Debug, Clone, PartialEq)]
pub struct SweepResult {
    /// Every swap, by weight.
    pub thresholds: Vec<Threshold>,
    /// The interval of the swept weight over which the current top stays top.
    pub top_stable: [f64; 2],
    /// The largest weight the rule allows.
    pub end: f64,
    /// Sampled scores along the path, for charts: `(t, scores)`.
    pub samples: Vec<(f64, Vec<f64>)>,
}

/// Exact thresholds under the additive model: each score is `a_i + b_i·t`,
/// so each pair crosses at most once, at `t = (a_l − a_i) / (b_i − b_l)`.
pub fn exact(
    values: &nalgebra::DMatrix<f64>,
    path: &Path,
    ids: &[String],
    top: usize,
) -> SweepResult {
    let n = values.nrows();
    let line = |i: usize| {
        let a: f64 = (0..values.ncols())
            .map(|j| values[(i, j)] * path.base[j])
            .sum();
        let b: f64 = (0..values.ncols())
            .map(|j| values[(i, j)] * path.slope[j])
            .sum();
        (a, b)
    };
    let lines: Vec<(f64, f64)> = (0..n).map(line).collect();
    let mut thresholds = vec![];
    for i in 0..n {
        for l in (i + 1)..n {
            let ((ai, bi), (al, bl)) = (lines[i], lines[l]);
            let slope = bi - bl;
            if slope.abs() < 1e-15 {
                continue;
            }
            let t = (al - ai) / slope;
            if t > 1e-12 && t < path.end - 1e-12 {
                // Below t, the option with the smaller slope leads.
                let first = if slope > 0.0 { [l, i] } else { [i, l] };
                thresholds.push(Threshold {
                    weight: t,
                    pair: [ids[first[0]].clone(), ids[first[1]].clone()],
                    indices: first,
                });
            }
        }
    }
    thresholds.sort_by(|a, b| a.weight.total_cmp(&b.weight));
    let (mut lo, mut hi) = (0.0f64, path.end);
    let (at, bt) = lines[top];
    for (l, &(al, bl)) in lines.iter().enumerate() {
        if l == top {
            continue;
        }
        // top stays ahead of l while (at − al) + (bt − bl)·t ≥ 0.
        let (c, d) = (at - al, bt - bl);
        if d.abs() < 1e-15 {
            continue;
        }
        let root = -c / d;
        if d > 0.0 {
            lo = lo.max(root);
        } else {
            hi = hi.min(root);
        }
    }
    let samples = sample_points(path.end)
        .into_iter()
        .map(|t| (t, lines.iter().map(|(a, b)| a + b * t).collect()))
        .collect();
    SweepResult {
        thresholds,
        top_stable: [lo.clamp(0.0, path.end), hi.clamp(0.0, path.end)],
        end: path.end,
        samples,
    }
}

fn sample_points(end: f64) -> Vec<f64> {
    (0..=100).map(|k| end * f64::from(k) / 100.0).collect()
}

/// Grid points per sweep for the numerical search.
const GRID: usize = 400;

/// Thresholds for any method, found numerically: the path is sampled on a
/// fine grid and every change of a pair's order is refined by bisection to
/// 1e-6.
pub fn numerical(
    method: &dyn Method,
    problem: &Problem<'_>,
    path: &Path,
    ids: &[String],
    top: usize,
) -> SweepResult {
    let eval = |t: f64| -> (Vec<f64>, Better) {
        let e = method.evaluate(problem, &path.at(t));
        (e.scores, e.better)
    };
    let ahead = |scores: &[f64], better: Better, i: usize, l: usize| -> f64 {
        match better {
            Better::Higher => scores[i] - scores[l],
            Better::Lower => scores[l] - scores[i],
        }
    };
    let n = problem.options();
    let grid: Vec<f64> = (0..=GRID)
        .map(|k| path.end * k as f64 / GRID as f64)
        .collect();
    let evaluated: Vec<(Vec<f64>, Better)> = grid.iter().map(|&t| eval(t)).collect();
    let mut thresholds = vec![];
    for i in 0..n {
        for l in (i + 1)..n {
            // The last grid point where the pair was not tied, and who led there.
            let mut last: Option<(usize, bool)> = None;
            for (k, (s, b)) in evaluated.iter().enumerate() {
                let d = ahead(s, *b, i, l);
                if d.abs() < 1e-12 {
                    continue;
                }
                let i_leads = d > 0.0;
                if let Some((k0, led)) = last {
                    if led != i_leads {
                        let (mut lo, mut hi) = (grid[k0], grid[k]);
                        while hi - lo > 1e-7 {
                            let mid = 0.5 * (lo + hi);
                            let (sm, bm) = eval(mid);
                            let dm = ahead(&sm, bm, i, l);
                            if dm.abs() >= 1e-12 && (dm > 0.0) == led {
                                lo = mid;
                            } else {
                                hi = mid;
                            }
                        }
                        let first = if led { [i, l] } else { [l, i] };
                        thresholds.push(Threshold {
                            weight: 0.5 * (lo + hi),
                            pair: [ids[first[0]].clone(), ids[first[1]].clone()],
                            indices: first,
                        });
                    }
                }
                last = Some((k, i_leads));
            }
        }
    }
    thresholds.sort_by(|a, b| a.weight.total_cmp(&b.weight));
    // The top stays top between the nearest crossings that involve it.
    let lo = thresholds
        .iter()
        .filter(|t| t.indices[1] == top && t.weight <= path.current)
        .map(|t| t.weight)
        .fold(0.0, f64::max);
    let hi = thresholds
        .iter()
        .filter(|t| t.indices[0] == top && t.weight >= path.current)
        .map(|t| t.weight)
        .fold(path.end, f64::min);
    let samples = sample_points(path.end)
        .into_iter()
        .map(|t| (t, eval(t).0))
        .collect();
    SweepResult {
        thresholds,
        top_stable: [lo, hi],
        end: path.end,
        samples,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn proportional_paths_pass_through_the_current_weights_and_sum_to_one() {
        let w = [0.4, 0.2, 0.25, 0.15];
        for rule in [Rebalance::Proportional, Rebalance::Equal] {
            let path = Path::of(&w, &[2], rule);
            let now = path.at(path.current);
            for (a, b) in now.iter().zip(w) {
                assert!((a - b).abs() < 1e-12, "{rule:?}: {now:?}");
            }
            for t in [0.0, 0.1, 0.5, path.end] {
                let total: f64 = path.at(t).iter().sum();
                assert!((total - 1.0).abs() < 1e-12, "{rule:?} at {t}: {total}");
                assert!((path.at(t)[2] - t).abs() < 1e-12);
            }
        }
    }

    #[test]
    fn the_equal_rule_stops_where_a_weight_reaches_zero() {
        // Raising criterion 0 takes (t − 0.4)/3 from each other; 0.15 lasts until t = 0.85.
        let path = Path::of(&[0.4, 0.2, 0.25, 0.15], &[0], Rebalance::Equal);
        assert!((path.end - 0.85).abs() < 1e-12);
        assert!(path.at(path.end)[3].abs() < 1e-12);
    }
}
