//! Weight samplers for SMAA: each draws one weight vector from a stated
//! distribution, using the caller's random stream.
//!
//! Tervonen & Figueira (2008), "A survey on stochastic multicriteria
//! acceptability analysis methods", J. Multi-Criteria Decision Analysis 15:
//! uniform weights on the simplex by normalized exponentials, ordinal
//! information by ordering, intervals by rejection.

use rand::RngExt;
use rand_distr::Exp1;

/// The weight information SMAA samples from.
#[derive(Debug, Clone, PartialEq)]
pub enum WeightInfo {
    /// No preference information: uniform over all weight vectors.
    Uniform {
        /// Number of criteria.
        criteria: usize,
    },
    /// An ordinal profile: uniform over the weights consistent with the order.
    /// Criteria in one level are tied (equal weight); unranked ones weigh 0.
    Ordinal {
        /// Criterion indices, most important level first.
        levels: Vec<Vec<usize>>,
        /// Number of criteria.
        criteria: usize,
    },
    /// Exact weights.
    Fixed(Vec<f64>),
    /// Uniform over the weight vectors within `(lo, hi)` per criterion.
    Bounded(Vec<(f64, f64)>),
    /// Each weight uniform within `±spread` of its value (relative), renormalized.
    Spread {
        /// The central weights.
        weights: Vec<f64>,
        /// Relative half-width.
        spread: f64,
    },
    /// Random mixtures of several weight vectors: uniform over their convex hull's
    /// mixing simplex (Dirichlet(1, …, 1) coefficients).
    Mixture(Vec<Vec<f64>>),
}

impl WeightInfo {
    /// Number of criteria.
    pub fn criteria(&self) -> usize {
        match self {
            WeightInfo::Uniform { criteria } | WeightInfo::Ordinal { criteria, .. } => *criteria,
            WeightInfo::Fixed(w) | WeightInfo::Spread { weights: w, .. } => w.len(),
            WeightInfo::Bounded(b) => b.len(),
            WeightInfo::Mixture(ws) => ws.first().map_or(0, Vec::len),
        }
    }

    /// Describes the distribution in a few words.
    pub fn describe(&self) -> String {
        match self {
            WeightInfo::Uniform { .. } => {
                "uniform over all weight vectors (no preference information)".into()
            }
            WeightInfo::Ordinal { .. } => {
                "uniform over the weight vectors consistent with the profile's ranking".into()
            }
            WeightInfo::Fixed(_) => "fixed at the profile's weights".into(),
            WeightInfo::Bounded(_) => {
                "uniform over the weight vectors within the profile's bounds".into()
            }
            WeightInfo::Spread { spread, .. } => format!(
                "each weight uniform within ±{}% of the profile's, renormalized",
                spread * 100.0
            ),
            WeightInfo::Mixture(ws) => format!(
                "random mixtures of the {} stakeholder profiles' weights",
                ws.len()
            ),
        }
    }

    /// Fills `out` with one draw. Returns `false` when a bounded draw was rejected.
    pub fn draw<R: RngExt + ?Sized>(&self, rng: &mut R, out: &mut [f64]) -> bool {
        match self {
            WeightInfo::Uniform { .. } => {
                simplex(rng, out);
                true
            }
            WeightInfo::Ordinal { levels, .. } => {
                out.iter_mut().for_each(|w| *w = 0.0);
                let k = levels.len();
                let mut y = vec![0.0; k];
                simplex(rng, &mut y);
                // v_r = Σ_{s ≥ r} y_s / N_s, where N_s counts the criteria in levels 1..=s:
                // a linear bijection from the simplex onto the ordered weights.
                let mut cumulative = vec![0usize; k];
                let mut count = 0;
                for (s, level) in levels.iter().enumerate() {
                    count += level.len();
                    cumulative[s] = count;
                }
                let mut tail = 0.0;
                for r in (0..k).rev() {
                    tail += y[r] / cumulative[r] as f64;
                    for &j in &levels[r] {
                        out[j] = tail;
                    }
                }
                true
            }
            WeightInfo::Fixed(w) => {
                out.copy_from_slice(w);
                true
            }
            WeightInfo::Bounded(bounds) => {
                simplex(rng, out);
                out.iter()
                    .zip(bounds)
                    .all(|(w, (lo, hi))| w >= lo && w <= hi)
            }
            WeightInfo::Spread { weights, spread } => {
                let mut total = 0.0;
                for (o, w) in out.iter_mut().zip(weights) {
                    let factor: f64 = 1.0 + spread * (2.0 * rng.random::<f64>() - 1.0);
                    *o = (w * factor).max(0.0);
                    total += *o;
                }
                if total > 0.0 {
                    out.iter_mut().for_each(|w| *w /= total);
                }
                true
            }
            WeightInfo::Mixture(profiles) => {
                let mut lambda = vec![0.0; profiles.len()];
                simplex(rng, &mut lambda);
                out.iter_mut().for_each(|w| *w = 0.0);
                for (l, p) in lambda.iter().zip(profiles) {
                    for (o, w) in out.iter_mut().zip(p) {
                        *o += l * w;
                    }
                }
                true
            }
        }
    }
}

/// A uniform draw from the unit simplex: normalized standard exponentials
/// (Rubinstein 1982; Tervonen & Figueira 2008, §4.1).
pub fn simplex<R: RngExt + ?Sized>(rng: &mut R, out: &mut [f64]) {
    let mut total = 0.0;
    for w in out.iter_mut() {
        *w = rng.sample(Exp1);
        total += *w;
    }
    out.iter_mut().for_each(|w| *w /= total);
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use rand_chacha::ChaCha8Rng;

    #[test]
    fn ordinal_draws_respect_the_order_and_ties_and_sum_to_one() {
        let info = WeightInfo::Ordinal {
            levels: vec![vec![2], vec![0, 3]],
            criteria: 5,
        };
        let mut rng = ChaCha8Rng::seed_from_u64(7);
        let mut w = vec![0.0; 5];
        for _ in 0..1000 {
            info.draw(&mut rng, &mut w);
            assert!(w[2] >= w[0] && w[0] == w[3]);
            assert_eq!(w[1], 0.0);
            assert!((w.iter().sum::<f64>() - 1.0).abs() < 1e-12);
        }
    }

    /// For two criteria ranked w1 ≥ w2 the draw is uniform on w1 ∈ [1/2, 1],
    /// so its mean is 3/4.
    #[test]
    fn ordinal_draws_are_uniform_on_the_ordered_region() {
        let info = WeightInfo::Ordinal {
            levels: vec![vec![0], vec![1]],
            criteria: 2,
        };
        let mut rng = ChaCha8Rng::seed_from_u64(11);
        let mut w = vec![0.0; 2];
        let n = 200_000;
        let mean = (0..n)
            .map(|_| {
                info.draw(&mut rng, &mut w);
                w[0]
            })
            .sum::<f64>()
            / n as f64;
        // Standard error of the mean: (1/2)/√12/√n ≈ 3.2e-4.
        assert!((mean - 0.75).abs() < 2e-3, "{mean}");
    }
}
