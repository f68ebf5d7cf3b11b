//! Weight information for SMAA and the samplers that draw from it.
//!
//! Tervonen & Figueira (2008), "A survey on stochastic multicriteria
//! acceptability analysis methods", J. Multi-Criteria Decision Analysis 15:
//! uniform weights on the simplex by normalized exponentials, a ranking by a
//! linear map of the simplex onto the ordered region. Any other combination of
//! ranking, bounds and ratios is sampled by hit-and-run ([`super::region`]).

use rand::RngExt;
use rand_distr::{Distribution, Exp1};

use crate::model::{Model, Profile, ProfileForm};
use crate::weights::region::{Chain, Constraints, Polytope, Region, RegionError};

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
    /// Uniform over the weight vectors with each weight within `±spread`
    /// (relative) of the given one.
    Spread {
        /// The central weights.
        weights: Vec<f64>,
        /// Relative half-width.
        spread: f64,
    },
    /// Uniform over the weight vectors satisfying linear constraints.
    Constrained {
        /// The constraints.
        constraints: Constraints,
        /// What they are, in words, for the report.
        label: String,
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
            WeightInfo::Constrained { constraints, .. } => constraints.criteria,
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
                "uniform over the weight vectors within the profile's bounds (hit-and-run)".into()
            }
            WeightInfo::Spread { spread, .. } => format!(
                "uniform over the weight vectors with each weight within ±{}% of the profile's weights (hit-and-run)",
                spread * 100.0
            ),
            WeightInfo::Constrained { label, .. } => label.clone(),
            WeightInfo::Mixture(ws) => format!(
                "random mixtures of the {} stakeholder profiles' weights",
                ws.len()
            ),
        }
    }

    /// The same information as linear constraints, where it is a region.
    pub fn constraints(&self) -> Option<Constraints> {
        match self {
            WeightInfo::Bounded(bounds) => Some(Constraints {
                criteria: bounds.len(),
                intervals: bounds
                    .iter()
                    .enumerate()
                    .map(|(j, &(lo, hi))| (j, lo, hi))
                    .collect(),
                ..Constraints::default()
            }),
            WeightInfo::Spread { weights, spread } => Some(Constraints {
                criteria: weights.len(),
                intervals: spread_intervals(weights, *spread),
                ..Constraints::default()
            }),
            WeightInfo::Constrained { constraints, .. } => Some(constraints.clone()),
            _ => None,
        }
    }

    /// A sampler for this information.
    ///
    /// # Errors
    /// The constraints admit no weight vector.
    pub fn sampler(&self) -> Result<WeightSampler, RegionError> {
        Ok(match self {
            WeightInfo::Uniform { .. } => WeightSampler::Simplex,
            WeightInfo::Ordinal { levels, .. } => {
                let mut cumulative = Vec::with_capacity(levels.len());
                let mut count = 0;
                for level in levels {
                    count += level.len();
                    cumulative.push(count as f64);
                }
                WeightSampler::Ordinal {
                    levels: levels.clone(),
                    cumulative,
                }
            }
            WeightInfo::Fixed(w) => WeightSampler::Fixed(w.clone()),
            WeightInfo::Mixture(ws) => WeightSampler::Mixture(ws.clone()),
            WeightInfo::Bounded(_) | WeightInfo::Spread { .. } | WeightInfo::Constrained { .. } => {
                let k = self.constraints().unwrap_or_default();
                match Region::new(&k)? {
                    Region::Point(w) => WeightSampler::Fixed(w),
                    Region::Polytope(p) => WeightSampler::Polytope(p),
                }
            }
        })
    }
}

/// Which weights `smaa` varies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum WeightMode {
    /// The profile's information: its ranking, bounds and ratios, else a spread.
    #[default]
    Profile,
    /// Uniform over all weight vectors: no preference information.
    Any,
    /// The profile's weights, fixed.
    Exact,
}

impl std::str::FromStr for WeightMode {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "profile" => Ok(WeightMode::Profile),
            "any" => Ok(WeightMode::Any),
            "exact" => Ok(WeightMode::Exact),
            _ => Err(format!(
                "unknown weight mode `{s}`; choose profile, any or exact"
            )),
        }
    }
}

/// The relative spread around a numeric profile's weights when none is given.
pub const DEFAULT_SPREAD: f64 = 0.25;

/// The weight information a profile states, as SMAA samples it:
///
/// - a ranking: uniform over the weights consistent with it (ties equal,
///   unranked criteria 0), within the profile's bounds and ratios if any;
/// - numbers (weights, group weights, AHP): uniform over the weight vectors with
///   each weight within its `bounds` where the profile gives them, otherwise
///   within `±spread` (relative) of the profile's weight, and within its ratios.
pub fn from_profile(model: &Model, profile: &Profile, spread: f64) -> WeightInfo {
    let n = model.criteria.len();
    let name = |j: usize| model.criteria[j].name.as_str();
    let bounds: Vec<String> = profile
        .bounds
        .iter()
        .map(|b| format!("{} within {:.2}–{:.2}", name(b.criterion), b.low, b.high))
        .collect();
    let ratios: Vec<String> = profile
        .ratios
        .iter()
        .map(|r| {
            format!(
                "{} {} {} × {}",
                name(r.criterion),
                if r.at_least { "≥" } else { "≤" },
                r.factor,
                name(r.other)
            )
        })
        .collect();
    // The profile by its name in quotes, so the sentence reads the same
    // whatever the name ("of the weights of profile “Balanced analyst”").
    let named = format!("profile “{}”", profile.name);
    let ratios_text = if ratios.is_empty() {
        String::new()
    } else {
        format!(", satisfying its ratios ({})", ratios.join(", "))
    };
    let intervals: Vec<(usize, f64, f64)> = profile
        .bounds
        .iter()
        .map(|b| (b.criterion, b.low, b.high))
        .collect();
    if let ProfileForm::Ranking(levels) = &profile.form {
        if intervals.is_empty() && profile.ratios.is_empty() {
            return WeightInfo::Ordinal {
                levels: levels.clone(),
                criteria: n,
            };
        }
        return WeightInfo::Constrained {
            constraints: Constraints {
                criteria: n,
                ranking: Some(levels.clone()),
                intervals,
                ratios: profile.ratios.clone(),
            },
            label: format!(
                "uniform over the weight vectors consistent with the ranking of {named}{}{ratios_text} (hit-and-run)",
                if bounds.is_empty() {
                    String::new()
                } else {
                    format!(", within its bounds ({})", bounds.join(", "))
                }
            ),
        };
    }
    let weights = crate::weights::of_profile(model, profile).weights;
    let mut all = spread_intervals(&weights, spread);
    for b in &profile.bounds {
        all[b.criterion] = (b.criterion, b.low, b.high);
    }
    let spread_text = format!("{}%", (spread * 1000.0).round() / 10.0);
    WeightInfo::Constrained {
        constraints: Constraints {
            criteria: n,
            ranking: None,
            intervals: all,
            ratios: profile.ratios.clone(),
        },
        label: if bounds.is_empty() {
            format!(
                "uniform over the weight vectors with each weight within ±{spread_text} of the weights of {named}{ratios_text} (hit-and-run)"
            )
        } else {
            format!(
                "uniform over the weight vectors within the bounds of {named} ({}) and, for the other criteria, within ±{spread_text} of its weights{ratios_text} (hit-and-run)",
                bounds.join(", ")
            )
        },
    }
}

/// `[w_j (1 − s), w_j (1 + s)] ∩ [0, 1]` for each criterion.
pub fn spread_intervals(weights: &[f64], spread: f64) -> Vec<(usize, f64, f64)> {
    weights
        .iter()
        .enumerate()
        .map(|(j, &w)| {
            (
                j,
                (w * (1.0 - spread)).clamp(0.0, 1.0),
                (w * (1.0 + spread)).clamp(0.0, 1.0),
            )
        })
        .collect()
}

/// Draws weight vectors; one [`WeightStream`] per random stream.
#[derive(Debug, Clone)]
pub enum WeightSampler {
    /// Uniform on the simplex.
    Simplex,
    /// Uniform on an ordered region (exact, independent draws).
    Ordinal {
        /// Criterion indices, most important level first.
        levels: Vec<Vec<usize>>,
        /// `N_s`: criteria in levels 1..=s.
        cumulative: Vec<f64>,
    },
    /// Always the same weights.
    Fixed(Vec<f64>),
    /// Dirichlet(1, …, 1) mixtures of the given vectors.
    Mixture(Vec<Vec<f64>>),
    /// Hit-and-run in a polytope.
    Polytope(Box<Polytope>),
}

/// The per-stream state of a sampler: a hit-and-run chain, or nothing.
#[derive(Debug, Clone)]
pub struct WeightStream {
    chain: Option<Chain>,
    scratch: Vec<f64>,
}

impl WeightSampler {
    /// Whether every draw is the same vector.
    pub fn is_fixed(&self) -> bool {
        matches!(self, WeightSampler::Fixed(_))
    }

    /// A fresh stream; a hit-and-run chain is burnt in from the region's centre.
    pub fn stream<R: RngExt + ?Sized>(&self, rng: &mut R) -> WeightStream {
        match self {
            WeightSampler::Polytope(p) => WeightStream {
                chain: Some(p.start(rng)),
                scratch: vec![],
            },
            WeightSampler::Ordinal { levels, .. } => WeightStream {
                chain: None,
                scratch: vec![0.0; levels.len()],
            },
            WeightSampler::Mixture(ws) => WeightStream {
                chain: None,
                scratch: vec![0.0; ws.len()],
            },
            _ => WeightStream {
                chain: None,
                scratch: vec![],
            },
        }
    }

    /// Fills `out` with one draw.
    #[inline(always)]
    pub fn draw<R: RngExt + ?Sized>(
        &self,
        rng: &mut R,
        stream: &mut WeightStream,
        out: &mut [f64],
    ) {
        match self {
            WeightSampler::Simplex => simplex(rng, out),
            WeightSampler::Ordinal { levels, cumulative } => {
                // v_r = Σ_{s ≥ r} y_s / N_s, y uniform on the simplex: a linear
                // bijection from the simplex onto the ordered weights.
                let y = &mut stream.scratch;
                simplex(rng, y);
                out.iter_mut().for_each(|w| *w = 0.0);
                let mut tail = 0.0;
                for r in (0..levels.len()).rev() {
                    tail += y[r] / cumulative[r];
                    for &j in &levels[r] {
                        out[j] = tail;
                    }
                }
            }
            WeightSampler::Fixed(w) => out.copy_from_slice(w),
            WeightSampler::Mixture(profiles) => {
                let lambda = &mut stream.scratch;
                simplex(rng, lambda);
                out.iter_mut().for_each(|w| *w = 0.0);
                for (l, p) in lambda.iter().zip(profiles) {
                    for (o, w) in out.iter_mut().zip(p) {
                        *o += l * w;
                    }
                }
            }
            WeightSampler::Polytope(p) => {
                if let Some(chain) = stream.chain.as_mut() {
                    p.next(rng, chain, out);
                }
            }
        }
    }
}

/// A uniform draw from the unit simplex: normalized standard exponentials
/// (Rubinstein 1982; Tervonen & Figueira 2008, §4.1).
#[inline(always)]
pub fn simplex<R: RngExt + ?Sized>(rng: &mut R, out: &mut [f64]) {
    let mut total = 0.0;
    for w in out.iter_mut() {
        // `Distribution::sample` directly (what `rng.sample` calls), which
        // inlines into the vector kernel.
        *w = Exp1.sample(rng);
        total += *w;
    }
    let scale = 1.0 / total;
    out.iter_mut().for_each(|w| *w *= scale);
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use rand_chacha::ChaCha8Rng;

    fn draws(info: &WeightInfo, n: usize, seed: u64) -> Vec<Vec<f64>> {
        let sampler = info.sampler().expect("feasible");
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let mut stream = sampler.stream(&mut rng);
        let mut w = vec![0.0; info.criteria()];
        (0..n)
            .map(|_| {
                sampler.draw(&mut rng, &mut stream, &mut w);
                w.clone()
            })
            .collect()
    }

    #[test]
    fn ordinal_draws_respect_the_order_and_ties_and_sum_to_one() {
        let info = WeightInfo::Ordinal {
            levels: vec![vec![2], vec![0, 3]],
            criteria: 5,
        };
        for w in draws(&info, 1000, 7) {
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
        let n = 200_000;
        let mean = draws(&info, n, 11).iter().map(|w| w[0]).sum::<f64>() / n as f64;
        // Standard error of the mean: (1/2)/√12/√n ≈ 3.2e-4.
        assert!((mean - 0.75).abs() < 2e-3, "{mean}");
    }

    /// Hit-and-run on the ordered region of 6 criteria against the exact
    /// sampler on the same region: the means of every weight agree (the exact
    /// means are the rank-order centroid, (1/6) Σ_{i≥k} 1/i).
    #[test]
    fn hit_and_run_agrees_with_the_exact_ordinal_sampler() {
        let levels: Vec<Vec<usize>> = (0..6).map(|j| vec![j]).collect();
        let exact = WeightInfo::Ordinal {
            levels: levels.clone(),
            criteria: 6,
        };
        let chained = WeightInfo::Constrained {
            constraints: Constraints {
                criteria: 6,
                ranking: Some(levels),
                ..Constraints::default()
            },
            label: String::new(),
        };
        let n = 100_000;
        let (a, b) = (draws(&exact, n, 1), draws(&chained, n, 2));
        for k in 0..6 {
            let roc = (k + 1..=6).map(|i| 1.0 / i as f64).sum::<f64>() / 6.0;
            let ma = a.iter().map(|w| w[k]).sum::<f64>() / n as f64;
            let mb = b.iter().map(|w| w[k]).sum::<f64>() / n as f64;
            assert!((ma - roc).abs() < 2e-3, "exact {k}: {ma} vs {roc}");
            assert!((mb - roc).abs() < 4e-3, "hit-and-run {k}: {mb} vs {roc}");
        }
    }
}
