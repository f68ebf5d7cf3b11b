//! Score draws for SMAA: each uncertain score from its own distribution,
//! clamped to its criterion's scale.
//!
//! ```text
//! default (low/high given)   Triangular(low, value, high)
//! uniform                    U[low, high]
//! normal, sd                 N(value, sd²)
//! lognormal, sigma           exp(N(ln value, sigma²))        median = value
//! beta, alpha, beta          low + (high − low)·Beta(α, β)   [low, high] = [0, 1] if absent
//! every draw                 clamped to [scale.min, scale.max]
//! ```
//!
//! The distributions are those JSMAA offers (Tervonen 2014, "JSMAA: open
//! source software for SMAA computations", Int. J. Systems Science 45(1)).

use rand::RngExt;
use rand_distr::{Beta, Distribution, LogNormal, Normal, Triangular, Uniform};
use serde::Serialize;

use crate::model::{Direction, Model, ScoreDistribution};

/// Whether scores are fixed or drawn from their distributions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ScoreMode {
    /// The score values.
    Fixed,
    /// Drawn from each score's distribution (triangular on low, value, high by default).
    Uncertain,
}

impl std::str::FromStr for ScoreMode {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "fixed" => Ok(ScoreMode::Fixed),
            "uncertain" => Ok(ScoreMode::Uncertain),
            _ => Err(format!(
                "unknown score mode `{s}`; choose fixed or uncertain"
            )),
        }
    }
}

/// One uncertain cell's distribution.
#[derive(Debug, Clone, Copy)]
enum Law {
    /// The law, and its (min, mode, max) for [`Triangles`].
    Triangular(Triangular<f64>, [f64; 3]),
    Uniform(Uniform<f64>),
    Normal(Normal<f64>),
    LogNormal(LogNormal<f64>),
    Beta {
        law: Beta<f64>,
        low: f64,
        width: f64,
    },
}

/// An uncertain score: where it sits and how it is drawn.
#[derive(Debug, Clone, Copy)]
pub struct Cell {
    /// Option index.
    pub option: usize,
    /// Criterion index.
    pub criterion: usize,
    law: Law,
    min: f64,
    max: f64,
}

impl Cell {
    /// One draw, clamped to the criterion's scale.
    pub fn draw<R: RngExt + ?Sized>(&self, rng: &mut R) -> f64 {
        let x = match &self.law {
            Law::Triangular(d, _) => d.sample(rng),
            Law::Uniform(d) => d.sample(rng),
            Law::Normal(d) => d.sample(rng),
            Law::LogNormal(d) => d.sample(rng),
            Law::Beta { law, low, width } => low + width * law.sample(rng),
        };
        x.clamp(self.min, self.max)
    }
}

/// Uncertain scores that are all triangular, drawn together: one uniform
/// per cell in cell order (as [`Cell::draw`] consumes them), then the
/// inverse distribution function without branches, so the draws vectorize.
/// Each value is computed with the same operations as `rand_distr`'s
/// `Triangular` and [`crate::model::Criterion::value`], so the bits are the same.
///
/// ```text
/// f ~ U[0, 1),  F = f·(max − min)
/// x = min + √(F·(mode − min))                  if F < mode − min
///     max − √((max − min − F)·(max − mode))    otherwise
/// ```
#[derive(Debug, Clone, Default)]
pub struct Triangles {
    min: Vec<f64>,
    max: Vec<f64>,
    /// `mode − min`, `max − min` and `max − mode`.
    rise: Vec<f64>,
    range: Vec<f64>,
    fall: Vec<f64>,
    /// The criterion's scale, its width, and whether less is better.
    scale_min: Vec<f64>,
    scale_max: Vec<f64>,
    width: Vec<f64>,
    cost: Vec<bool>,
}

impl Triangles {
    /// The batch for `cells`, when every one is triangular on a criterion
    /// with a linear value function.
    pub fn new(model: &Model, cells: &[Cell]) -> Option<Triangles> {
        let mut t = Triangles::default();
        for c in cells {
            let Law::Triangular(_, [min, mode, max]) = c.law else {
                return None;
            };
            let criterion = &model.criteria[c.criterion];
            if criterion.value_function.is_some() {
                return None;
            }
            t.min.push(min);
            t.max.push(max);
            t.rise.push(mode - min);
            t.range.push(max - min);
            t.fall.push(max - mode);
            t.scale_min.push(c.min);
            t.scale_max.push(c.max);
            t.width.push(criterion.scale.max - criterion.scale.min);
            t.cost.push(criterion.direction == Direction::Cost);
        }
        Some(t)
    }

    /// Draws every cell's value into `out` (one per cell, in order), using
    /// `uniform` (as long) for the uniform draws.
    #[inline(always)]
    pub fn values<R: RngExt + ?Sized>(&self, rng: &mut R, uniform: &mut [f64], out: &mut [f64]) {
        for f in uniform.iter_mut() {
            *f = rng.random::<f64>();
        }
        // Every slice cut to one length, so the loop has no bounds checks.
        let n = out.len();
        let (uniform, min, max) = (&uniform[..n], &self.min[..n], &self.max[..n]);
        let (rise, range, fall) = (&self.rise[..n], &self.range[..n], &self.fall[..n]);
        let (lo, hi, width) = (&self.scale_min[..n], &self.scale_max[..n], &self.width[..n]);
        let cost = &self.cost[..n];
        for i in 0..n {
            let f_range = uniform[i] * range[i];
            let low = min[i] + (f_range * rise[i]).sqrt();
            let high = max[i] - ((range[i] - f_range) * fall[i]).sqrt();
            let x = if f_range < rise[i] { low } else { high };
            // `clamp` without its check that lo ≤ hi (a scale is never
            // empty), which would keep the loop from vectorizing.
            let x = if x < lo[i] { lo[i] } else { x };
            let x = if x > hi[i] { hi[i] } else { x };
            let share = ((x - lo[i]) / width[i]).clamp(0.0, 1.0);
            out[i] = if cost[i] { 1.0 - share } else { share };
        }
    }
}

/// The uncertain cells of a model, in option-major order.
pub fn uncertain_cells(model: &Model) -> Vec<Cell> {
    let mut cells = vec![];
    for (i, row) in model.evidence.iter().enumerate() {
        for (j, e) in row.iter().enumerate() {
            let x = model.scores[(i, j)];
            let (lo, hi) = (e.low.unwrap_or(x), e.high.unwrap_or(x));
            let law = match e.distribution {
                None if hi > lo => Triangular::new(lo, hi, x)
                    .ok()
                    .map(|d| Law::Triangular(d, [lo, x, hi])),
                None => None,
                Some(ScoreDistribution::Uniform) if hi > lo => {
                    Uniform::new_inclusive(lo, hi).ok().map(Law::Uniform)
                }
                Some(ScoreDistribution::Uniform) => None,
                Some(ScoreDistribution::Normal { sd }) => Normal::new(x, sd).ok().map(Law::Normal),
                Some(ScoreDistribution::LogNormal { sigma }) => {
                    LogNormal::new(x.ln(), sigma).ok().map(Law::LogNormal)
                }
                Some(ScoreDistribution::Beta { alpha, beta }) => {
                    let (low, high) = match (e.low, e.high) {
                        (Some(l), Some(h)) => (l, h),
                        _ => (0.0, 1.0),
                    };
                    Beta::new(alpha, beta).ok().map(|law| Law::Beta {
                        law,
                        low,
                        width: high - low,
                    })
                }
            };
            if let Some(law) = law {
                let scale = model.criteria[j].scale;
                cells.push(Cell {
                    option: i,
                    criterion: j,
                    law,
                    min: scale.min,
                    max: scale.max,
                });
            }
        }
    }
    cells
}

/// Whether any score is uncertain: a range or a distribution.
pub fn has_ranges(model: &Model) -> bool {
    model
        .evidence
        .iter()
        .flatten()
        .any(|e| e.low.is_some() || e.high.is_some() || e.distribution.is_some())
}
