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

use crate::model::{Model, ScoreDistribution};

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
    Triangular(Triangular<f64>),
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
            Law::Triangular(d) => d.sample(rng),
            Law::Uniform(d) => d.sample(rng),
            Law::Normal(d) => d.sample(rng),
            Law::LogNormal(d) => d.sample(rng),
            Law::Beta { law, low, width } => low + width * law.sample(rng),
        };
        x.clamp(self.min, self.max)
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
                None if hi > lo => Triangular::new(lo, hi, x).ok().map(Law::Triangular),
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
