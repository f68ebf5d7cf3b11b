//! Aggregation methods: from a decision matrix and weights to one figure per option.
//!
//! Each method lives in its own file behind the [`Method`] trait and returns its
//! labelled intermediate steps, so `explain`, the report and the workshop page
//! can show how a ranking came about. A new method is one file here and one line
//! in [`MethodKind`].

pub(crate) mod lanes;
pub mod normalization;
mod problem;
mod promethee;
mod topsis;
mod vikor;
mod wpm;
mod wsm;

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

pub use normalization::Normalization;
pub use problem::Problem;
pub use promethee::{Promethee, criterion_flows};
pub use topsis::Topsis;
pub use vikor::{Compromise, Vikor};
pub use wpm::WeightedProduct;
pub use wsm::WeightedSum;

/// Which way a method's figure points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Better {
    /// A higher figure ranks first.
    Higher,
    /// A lower figure ranks first (VIKOR's Q).
    Lower,
}

/// A labelled intermediate quantity of a method.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Step {
    /// The symbol used in the method's formula, e.g. `S`.
    pub symbol: &'static str,
    /// What it is, in words.
    pub caption: &'static str,
    /// Its numbers.
    pub values: StepValues,
}

/// The numbers of a [`Step`].
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StepValues {
    /// One number per option.
    PerOption(Vec<f64>),
    /// One number per criterion.
    PerCriterion(Vec<f64>),
    /// One number per criterion for each option the problem asked detail
    /// for ([`Problem::with_detail`]): `(option index, row)`. Methods keep
    /// no per-cell matrix for the other options.
    Cells(Vec<(usize, Vec<f64>)>),
}

impl StepValues {
    /// The row of option `i` in a [`StepValues::Cells`] step, if kept.
    pub fn cells_of(&self, i: usize) -> Option<&[f64]> {
        match self {
            StepValues::Cells(rows) => rows
                .iter()
                .find(|(k, _)| *k == i)
                .map(|(_, r)| r.as_slice()),
            _ => None,
        }
    }
}

/// A method's figure for every option, with its intermediate steps.
#[derive(Debug, Clone, PartialEq)]
pub struct Evaluation {
    /// One figure per option, in model order.
    pub scores: Vec<f64>,
    /// Whether higher or lower figures rank first.
    pub better: Better,
    /// Intermediate quantities, in the order the formula computes them.
    pub steps: Vec<Step>,
    /// Notes on degenerate data met on the way (e.g. a zero-range criterion).
    pub notes: Vec<String>,
    /// VIKOR's compromise set and conditions.
    pub compromise: Option<Compromise>,
}

/// An aggregation method.
pub trait Method: Sync + fmt::Debug {
    /// Evaluates every option under `weights` (one per criterion, summing to 1).
    fn evaluate(&self, problem: &Problem<'_>, weights: &[f64]) -> Evaluation;
}

/// The methods a ranking can be made with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MethodKind {
    /// Additive value model.
    Wsm,
    /// Weighted product model.
    Wpm,
    /// Closeness to the ideal (TOPSIS).
    Topsis,
    /// Compromise ranking (VIKOR).
    Vikor,
    /// Net outranking flows (PROMETHEE II).
    Promethee,
}

/// Settings every method takes from the command line.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MethodSettings {
    /// How raw scores are made comparable.
    pub normalization: Normalization,
    /// VIKOR's weight of the group-utility strategy, 0..=1.
    pub vikor_v: f64,
}

impl Default for MethodSettings {
    fn default() -> Self {
        MethodSettings {
            normalization: Normalization::Value,
            vikor_v: 0.5,
        }
    }
}

impl MethodKind {
    /// Every method, in the order the output lists them.
    pub const ALL: &'static [MethodKind] = &[
        MethodKind::Wsm,
        MethodKind::Wpm,
        MethodKind::Topsis,
        MethodKind::Vikor,
        MethodKind::Promethee,
    ];

    /// The name used on the command line and in JSON.
    pub fn name(self) -> &'static str {
        match self {
            MethodKind::Wsm => "wsm",
            MethodKind::Wpm => "wpm",
            MethodKind::Topsis => "topsis",
            MethodKind::Vikor => "vikor",
            MethodKind::Promethee => "promethee",
        }
    }

    /// What the method is, in a few words.
    pub fn title(self) -> &'static str {
        match self {
            MethodKind::Wsm => "additive value model (weighted sum of values)",
            MethodKind::Wpm => "weighted product of values",
            MethodKind::Topsis => "closeness to the ideal option (TOPSIS)",
            MethodKind::Vikor => "compromise ranking (VIKOR; lower Q is better)",
            MethodKind::Promethee => "net outranking flow (PROMETHEE II)",
        }
    }

    /// When the method's figure is a weighted sum `Σ_j w_j a_ij` of
    /// coefficients that do not depend on the weights, those coefficients
    /// (options × criteria): the additive model's values, and PROMETHEE
    /// II's per-criterion net flows ([`criterion_flows`]). Thresholds along
    /// weights are then exact, and each weight vector costs one weighted sum.
    pub fn weight_coefficients(self, problem: &Problem<'_>) -> Option<nalgebra::DMatrix<f64>> {
        match self {
            MethodKind::Wsm => Some(problem.values()),
            MethodKind::Promethee => Some(criterion_flows(problem)),
            MethodKind::Wpm | MethodKind::Topsis | MethodKind::Vikor => None,
        }
    }

    /// The method with default settings.
    pub fn method(self) -> Box<dyn Method> {
        self.with(&MethodSettings::default())
    }

    /// The method with these settings.
    pub fn with(self, settings: &MethodSettings) -> Box<dyn Method> {
        let normalization = settings.normalization;
        match self {
            MethodKind::Wsm => Box::new(WeightedSum { normalization }),
            MethodKind::Wpm => Box::new(WeightedProduct { normalization }),
            MethodKind::Topsis => Box::new(Topsis { normalization }),
            MethodKind::Vikor => Box::new(Vikor {
                normalization,
                v: settings.vikor_v,
            }),
            MethodKind::Promethee => Box::new(Promethee { normalization }),
        }
    }
}

impl fmt::Display for MethodKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for MethodKind {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        let names: Vec<&str> = Self::ALL.iter().map(|m| m.name()).collect();
        Self::ALL
            .iter()
            .copied()
            .find(|m| m.name() == s.to_ascii_lowercase())
            .ok_or_else(|| {
                let hint = crate::input::diagnostic::did_you_mean(s, names.iter().copied())
                    .unwrap_or_else(|| format!("choose one of: {}", names.join(", ")));
                format!("unknown method `{s}`; {hint}")
            })
    }
}
