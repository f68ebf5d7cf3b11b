//! What `tradeoffs sensitivity` reports: the answer first ([`Summary`]),
//! then the sweeps, pairs and profiles behind it.

use indexmap::IndexMap;
use serde::Serialize;

use super::critical::CriticalChange;
use super::sweep::{Rebalance, Threshold};
use crate::model::Direction;

/// The answer first: who leads, by how much, and what would change it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    /// The top option (id); the first in model order when several tie.
    pub top: String,
    /// Its name.
    pub top_name: String,
    /// Its figure under the method.
    pub score: f64,
    /// The option ranked next (id), if any.
    pub runner_up: Option<String>,
    /// Its name.
    pub runner_up_name: Option<String>,
    /// How far the top is ahead of the runner-up (0 at a tie).
    pub margin: f64,
    /// Every option tied at the top (within the tie tolerance), the top
    /// first; empty when the top is alone.
    pub tied: Vec<String>,
    /// The most critical criterion for the top by absolute change
    /// (Triantaphyllou & Sanchez 1997): the smallest change of one weight,
    /// every other weight held fixed, that puts another option first.
    pub critical: Option<CriticalChange>,
    /// The same by relative change, `100·δ/w`.
    pub critical_relative: Option<CriticalChange>,
    /// The most critical criterion for any pair: the smallest change of one
    /// weight, others fixed, that reverses any two options.
    pub critical_any_pair: Option<CriticalChange>,
    /// The smallest change along the chosen sweep (the other weights
    /// rebalanced by its rule) that puts another option first.
    pub along_sweep: Option<SweepChange>,
    /// The nearest flip with every weight free (additive model only).
    pub nearest_flip: Option<NearestFlip>,
    /// Per criterion, the interval of its weight (others rebalanced by the
    /// rule) over which the top stays first.
    pub stability: Vec<Stability>,
}

/// The smallest change along the chosen sweep that changes the top.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SweepChange {
    /// Criterion (or group) id.
    pub criterion: String,
    /// Its name.
    pub criterion_name: String,
    /// Its current weight.
    pub weight: f64,
    /// The weight where another option becomes first.
    pub to: f64,
    /// `to − weight`.
    pub change: f64,
    /// Who becomes first.
    pub new_top: String,
}

/// Where the top stays first as one weight moves.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stability {
    /// Criterion id.
    pub criterion: String,
    /// Its name.
    pub name: String,
    /// Whether more or less is better.
    pub direction: Direction,
    /// Its current weight.
    pub weight: f64,
    /// The interval of the weight over which the top stays first.
    pub from: f64,
    /// Upper end.
    pub to: f64,
    /// Who becomes first below `from`, if anyone.
    pub below: Option<String>,
    /// Who becomes first above `to`, if anyone.
    pub above: Option<String>,
}

/// One weight that moves in the nearest flip.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WeightMove {
    /// Criterion id.
    pub criterion: String,
    /// Its name.
    pub name: String,
    /// Whether more or less is better.
    pub direction: Direction,
    /// The current weight.
    pub from: f64,
    /// The weight at the flip.
    pub to: f64,
}

/// The nearest flip as reported.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NearestFlip {
    /// L1 distance from the current weights (twice the weight moved).
    pub distance: f64,
    /// The weights that move, largest move first.
    pub moves: Vec<WeightMove>,
    /// The whole weight vector at the flip.
    pub weights: IndexMap<String, f64>,
    /// The option on top there (id).
    pub new_top: String,
}

/// One swept weight: a criterion's or a group's.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SweptWeight {
    /// Criterion or group id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its current weight.
    pub weight: f64,
    /// The interval of this weight over which the current top stays top.
    pub top_stable: [f64; 2],
    /// The swaps listed: those for the top places, or every one with `--all`.
    pub thresholds: Vec<Threshold>,
    /// The largest weight the rebalancing rule allows.
    pub max_weight: f64,
    /// Scores along the sweep, for charts (on large models, the charted
    /// weight's only: the named criterion, else the most critical).
    #[serde(skip)]
    pub samples: Vec<(f64, Vec<f64>)>,
}

/// The most critical criterion for one adjacent pair of the ranking.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PairCritical {
    /// The pair, the higher-ranked first.
    pub pair: [String; 2],
    /// Their places.
    pub places: [usize; 2],
    /// By absolute change, if a single weight can reverse them.
    pub critical: Option<CriticalChange>,
    /// By relative change.
    pub critical_relative: Option<CriticalChange>,
}

/// Ranks under every profile.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AcrossProfiles {
    /// The profile ids, in model order.
    pub profiles: Vec<String>,
    /// Rank of each option (by id) under each profile: the options in the
    /// top places under some profile, or every option with `--all`.
    pub ranks: IndexMap<String, IndexMap<String, usize>>,
    /// The options in the top 3 under every profile.
    pub always_top3: Vec<String>,
}

/// The result of `tradeoffs sensitivity`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SensitivityReport {
    /// The model's title.
    pub model: String,
    /// Profile id.
    pub profile: String,
    /// Profile name (the id when the profile is not one of the model's).
    pub profile_name: String,
    /// Method name.
    pub method: String,
    /// The answer first.
    pub summary: Summary,
    /// The rebalancing rule.
    pub rebalance: Rebalance,
    /// The rule in words.
    pub rule: &'static str,
    /// Whether thresholds are exact (additive model) or numerical.
    pub exact: bool,
    /// The one criterion analysed, when only one was asked for: the
    /// summary's intervals and critical changes then cover it alone.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub only: Option<String>,
    /// How many top places the swap and pair lists cover (null: every one).
    pub top_places: Option<usize>,
    /// The current top option (id).
    pub top: String,
    /// One sweep per criterion (or the one asked for).
    pub criteria: Vec<SweptWeight>,
    /// One sweep per group of the value tree.
    pub groups: Vec<SweptWeight>,
    /// The most critical criterion of each adjacent pair in the top places.
    pub pairs: Vec<PairCritical>,
    /// Ranks under every profile.
    pub across_profiles: AcrossProfiles,
    /// Option names by id, for display.
    #[serde(skip)]
    pub names: IndexMap<String, String>,
}
