//! One criterion's leaving and entering flows, by sorting (O(n log n)) or by
//! the definition (O(n²), for the Gaussian function and as the reference).
//!
//! ```text
//! d(a, b)  = y_a − y_b,  y = x for a benefit, −x for a cost criterion (score units)
//! F⁺(a)    = Σ_b P(d(a, b)),   F⁻(a) = Σ_b P(d(b, a))       (unnormalized)
//! ```
//!
//! With a value function, "better" is what the function says:
//! `d(a, b) = |x_a − x_b|` if `v(x_a) > v(x_b)`, `−|x_a − x_b|` if lower,
//! 0 if equal. For a function strictly monotone over the scores at hand this
//! is again `±(x_a − x_b)`, and the fast path applies.

use crate::model::{Criterion, Direction, PreferenceFunction};

/// `(F⁺, F⁻)` of every option on criterion `c`, whose raw scores are `x`.
pub fn flows(c: &Criterion, x: &[f64]) -> (Vec<f64>, Vec<f64>) {
    match (oriented(c, x), c.preference) {
        (Some(y), f) if !matches!(f, PreferenceFunction::Gaussian { .. }) => sorted(&y, f),
        _ => pairwise(c, x),
    }
}

/// The signed difference `d(a, b)` in score units, in favour of `a`.
pub fn difference(c: &Criterion, xa: f64, xb: f64) -> f64 {
    if c.value_function.is_none() {
        return match c.direction {
            Direction::Benefit => xa - xb,
            Direction::Cost => xb - xa,
        };
    }
    let (va, vb) = (c.value(xa), c.value(xb));
    let distance = (xa - xb).abs();
    if va > vb {
        distance
    } else if va < vb {
        -distance
    } else {
        0.0
    }
}

/// The definition: every ordered pair, O(n²).
pub fn pairwise(c: &Criterion, x: &[f64]) -> (Vec<f64>, Vec<f64>) {
    let n = x.len();
    let (mut plus, mut minus) = (vec![0.0; n], vec![0.0; n]);
    for a in 0..n {
        for b in 0..n {
            if a != b {
                let p = c.preference.degree(difference(c, x[a], x[b]));
                plus[a] += p;
                minus[b] += p;
            }
        }
    }
    (plus, minus)
}

/// Scores oriented so that more is better (`d(a, b) = y_a − y_b`), if the
/// criterion allows: always without a value function; with one, when it is
/// strictly monotone over the distinct scores present.
fn oriented(c: &Criterion, x: &[f64]) -> Option<Vec<f64>> {
    if c.value_function.is_none() {
        return Some(match c.direction {
            Direction::Benefit => x.to_vec(),
            Direction::Cost => x.iter().map(|v| -v).collect(),
        });
    }
    let mut pairs: Vec<(f64, f64)> = x.iter().map(|&s| (s, c.value(s))).collect();
    pairs.sort_by(|a, b| a.0.total_cmp(&b.0));
    pairs.dedup_by(|a, b| a.0 == b.0);
    let up = pairs.windows(2).all(|w| w[1].1 > w[0].1);
    let down = pairs.windows(2).all(|w| w[1].1 < w[0].1);
    if up {
        Some(x.to_vec())
    } else if down {
        Some(x.iter().map(|v| -v).collect())
    } else {
        None
    }
}

/// Thresholds of a piecewise-linear preference function:
/// `P(d) = 0` for `d ≤ zero`, `half` for `zero < d ≤ half_to`,
/// `(d − q)/(p − q)` for `q < d < full`, 1 for `d ≥ full` (or `d > full` when
/// `full_strict`); each function fills the parts it has.
#[derive(Debug, Clone, Copy)]
enum Shape {
    /// 1 for `d > t`.
    Step { t: f64 },
    /// ½ for `q < d ≤ p`, 1 for `d > p`.
    Level { q: f64, p: f64 },
    /// `(d − q)/(p − q)` for `q < d < p`, 1 for `d ≥ p` (and d > 0).
    Ramp { q: f64, p: f64 },
}

/// The flows by sorting: for each option, the options it beats by more than a
/// threshold form a prefix of the scores in increasing order (and those that
/// beat it a suffix), found by pointers that only move forward, and the
/// linear parts sum in closed form from prefix sums.
///
/// Every comparison is the definition's own, `fl(y_a − y_b) > t`, which is
/// monotone in `y_b`, so the counts are exact even at a threshold; only the
/// linear parts differ from the definition, by rounding.
fn sorted(y: &[f64], f: PreferenceFunction) -> (Vec<f64>, Vec<f64>) {
    let n = y.len();
    let shape = match f {
        PreferenceFunction::Usual => Shape::Step { t: 0.0 },
        PreferenceFunction::UShape { q } => Shape::Step { t: q },
        PreferenceFunction::Level { q, p } => Shape::Level { q, p },
        PreferenceFunction::VShape { p } => Shape::Ramp { q: 0.0, p },
        PreferenceFunction::Linear { q, p } => Shape::Ramp { q, p },
        PreferenceFunction::Gaussian { .. } => unreachable!("the Gaussian function is pairwise"),
    };
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_unstable_by(|&a, &b| y[a].total_cmp(&y[b]));
    let v: Vec<f64> = order.iter().map(|&i| y[i]).collect();
    // Prefix sums of scores centred on the median, to keep the closed-form
    // sums of the linear part well conditioned.
    let z = if n > 0 { v[n / 2] } else { 0.0 };
    let mut prefix = Vec::with_capacity(n + 1);
    prefix.push(0.0);
    for &s in &v {
        prefix.push(prefix[prefix.len() - 1] + (s - z));
    }
    let range_sum = |lo: usize, hi: usize| prefix[hi] - prefix[lo];

    // Leaving: #{b : fl(t − v_b) > θ} (or ≥ θ) is a prefix of v, non-decreasing in t.
    let below = |t: f64, theta: f64, strict: bool, from: &mut usize| {
        while *from < n && {
            let d = t - v[*from];
            if strict { d > theta } else { d >= theta }
        } {
            *from += 1;
        }
        *from
    };
    // Entering: #{b : fl(v_b − t) > θ} (or ≥ θ) is a suffix of v, starting at a
    // position non-decreasing in t.
    let above = |t: f64, theta: f64, strict: bool, from: &mut usize| {
        while *from < n && {
            let d = v[*from] - t;
            !(if strict { d > theta } else { d >= theta })
        } {
            *from += 1;
        }
        *from
    };

    let (mut plus, mut minus) = (vec![0.0; n], vec![0.0; n]);
    let mut ptr = [0usize; 4];
    for (k, &t) in v.iter().enumerate() {
        let a = order[k];
        match shape {
            Shape::Step { t: th } => {
                plus[a] = below(t, th, true, &mut ptr[0]) as f64;
                minus[a] = (n - above(t, th, true, &mut ptr[1])) as f64;
            }
            Shape::Level { q, p } => {
                let over_q = below(t, q, true, &mut ptr[0]);
                let over_p = below(t, p, true, &mut ptr[1]);
                plus[a] = over_p as f64 + 0.5 * (over_q - over_p) as f64;
                let under_q = n - above(t, q, true, &mut ptr[2]);
                let under_p = n - above(t, p, true, &mut ptr[3]);
                minus[a] = under_p as f64 + 0.5 * (under_q - under_p) as f64;
            }
            Shape::Ramp { q, p } => {
                // Full preference: d ≥ p and d > 0 (p = 0 leaves only d > 0).
                let (full, full_strict) = if p > 0.0 { (p, false) } else { (0.0, true) };
                let all = below(t, full, full_strict, &mut ptr[0]);
                let some = below(t, q, true, &mut ptr[1]).max(all);
                let tz = t - z;
                let width = p - q;
                let part = |count: usize, sum: f64| {
                    if count == 0 {
                        0.0
                    } else {
                        (count as f64 * (tz - q) - sum) / width
                    }
                };
                plus[a] = all as f64 + part(some - all, range_sum(all, some));
                // Entering: d = v_b − t; full from `all_at`, partial in [some_at, all_at).
                let all_at = above(t, full, full_strict, &mut ptr[2]);
                let some_at = above(t, q, true, &mut ptr[3]).min(all_at);
                let count = all_at - some_at;
                let partial = if count == 0 {
                    0.0
                } else {
                    (range_sum(some_at, all_at) - count as f64 * (tz + q)) / width
                };
                minus[a] = (n - all_at) as f64 + partial;
            }
        }
    }
    (plus, minus)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PiecewiseLinear;

    fn criterion(direction: Direction, preference: PreferenceFunction) -> Criterion {
        Criterion {
            preference,
            ..Criterion::on_ten("c", direction)
        }
    }

    fn shapes() -> Vec<PreferenceFunction> {
        use PreferenceFunction::*;
        vec![
            Usual,
            UShape { q: 0.0 },
            UShape { q: 1.0 },
            UShape { q: 2.5 },
            VShape { p: 0.0 },
            VShape { p: 2.0 },
            VShape { p: 3.7 },
            Level { q: 1.0, p: 2.0 },
            Level { q: 0.0, p: 3.0 },
            Level { q: 2.0, p: 2.0 },
            Linear { q: 1.0, p: 3.0 },
            Linear { q: 0.0, p: 0.5 },
            Linear { q: 0.3, p: 4.1 },
        ]
    }

    /// A deterministic spread of scores: integers (ties, differences exactly
    /// at the thresholds) and fractions (SplitMix64, Steele et al. 2014).
    fn scores(n: usize, seed: u64, integers: bool) -> Vec<f64> {
        (0..n as u64)
            .map(|k| {
                let mut z = (k + seed * 1_000_003).wrapping_add(0x9E37_79B9_7F4A_7C15);
                z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
                z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
                z ^= z >> 31;
                let u = (z >> 11) as f64 / (1u64 << 53) as f64 * 10.0;
                if integers { u.floor() } else { u }
            })
            .collect()
    }

    fn assert_same(c: &Criterion, x: &[f64]) {
        let (p, m) = flows(c, x);
        let (rp, rm) = pairwise(c, x);
        let scale = (x.len().max(2) - 1) as f64;
        for a in 0..x.len() {
            assert!(
                (p[a] - rp[a]).abs() / scale < 1e-12 && (m[a] - rm[a]).abs() / scale < 1e-12,
                "{:?} {:?} option {a}: sorted ({}, {}), definition ({}, {})",
                c.preference,
                c.direction,
                p[a],
                m[a],
                rp[a],
                rm[a]
            );
        }
    }

    #[test]
    fn sorted_flows_equal_the_definition_for_every_piecewise_linear_shape() {
        for f in shapes() {
            for direction in [Direction::Benefit, Direction::Cost] {
                let c = criterion(direction, f);
                for (n, seed, integers) in [
                    (1, 1, true),
                    (2, 2, true),
                    (7, 3, true),
                    (300, 4, true),
                    (300, 5, false),
                    (1000, 6, false),
                ] {
                    assert_same(&c, &scores(n, seed, integers));
                }
            }
        }
    }

    #[test]
    fn sorted_flows_follow_a_monotone_value_function() {
        for f in shapes() {
            let mut c = criterion(Direction::Benefit, f);
            // Decreasing: the function, not `direction`, says what is better.
            c.value_function = Some(PiecewiseLinear::new(vec![
                (0.0, 1.0),
                (4.0, 0.7),
                (10.0, 0.0),
            ]));
            assert!(oriented(&c, &[1.0, 5.0]).is_some());
            assert_same(&c, &scores(200, 7, true));
            assert_same(&c, &scores(200, 8, false));
        }
    }

    #[test]
    fn a_value_function_with_a_plateau_uses_the_definition() {
        let mut c = criterion(Direction::Benefit, PreferenceFunction::Usual);
        c.value_function = Some(PiecewiseLinear::new(vec![
            (0.0, 0.0),
            (5.0, 1.0),
            (10.0, 1.0),
        ]));
        let x = [6.0, 8.0, 2.0];
        assert!(oriented(&c, &x).is_none());
        // 6 and 8 are both worth 1: neither is preferred; both beat 2.
        assert_eq!(flows(&c, &x), (vec![1.0, 1.0, 0.0], vec![0.0, 0.0, 2.0]));
    }
}
