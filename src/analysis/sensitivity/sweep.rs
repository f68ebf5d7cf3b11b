//! One-way weight sweeps: one criterion's (or one group's) weight moves from 0
//! to 1 while the others are rebalanced by a stated rule.

use serde::Serialize;

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
    /// The place (1 = first) the two swap for: the second of the pair takes
    /// it, the first drops one place.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<usize>,
    /// Option indices of the pair, same order.
    #[serde(skip)]
    pub indices: [usize; 2],
}

/// Where the current top stops being first as a weight moves, on one side.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Edge {
    /// The swept weight there.
    pub t: f64,
    /// The option that is first just beyond it (ties, at a tie).
    pub overtaker: usize,
}

/// Which swaps a sweep lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Only swaps for the first `k` places.
    Top(usize),
    /// Every swap.
    All,
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
