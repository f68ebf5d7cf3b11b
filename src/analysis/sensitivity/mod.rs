//! How the ranking shifts as weights change.
//!
//! - one-way sweeps of each criterion's weight and each group's weight, with
//!   every weight at which two options swap and the interval over which the
//!   current top stays top ([`sweep`]);
//! - the most critical criterion, for the top and for each adjacent pair
//!   ([`critical`]);
//! - the nearest flip of the top with every weight free ([`mod@nearest_flip`]);
//! - every option's rank under every profile.
//!
//! Under the additive model (`wsm`) every threshold is exact; under other
//! methods thresholds are found numerically (grid plus bisection to 1e-6).

pub mod critical;
pub mod nearest_flip;
pub mod sweep;

use indexmap::IndexMap;
use serde::Serialize;

use crate::analysis::ranking::{competition_ranks, rank_order};
use crate::methods::{MethodKind, Problem};
use crate::model::Model;
use crate::weights;

pub use critical::CriticalChange;
pub use nearest_flip::{Flip, nearest_flip};
pub use sweep::{Path, Rebalance, SweepResult, Threshold};

/// One swept weight: a criterion's or a group's.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SweptWeight {
    /// Criterion or group id.
    pub id: String,
    /// Its name.
    #[serde(skip)]
    pub name: String,
    /// Its current weight.
    pub weight: f64,
    /// The interval of this weight over which the current top stays top.
    pub top_stable: [f64; 2],
    /// Every weight at which two options swap.
    pub thresholds: Vec<Threshold>,
    /// The largest weight the rebalancing rule allows.
    pub max_weight: f64,
    /// Scores along the sweep, for charts.
    #[serde(skip)]
    pub samples: Vec<(f64, Vec<f64>)>,
}

/// The smallest single-weight change that reverses one adjacent pair of the ranking.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PairCritical {
    /// The pair, the higher-ranked first.
    pub pair: [String; 2],
    /// The smallest change, if any single weight can reverse them.
    pub critical: Option<CriticalChange>,
}

/// The nearest flip as reported.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NearestFlip {
    /// L1 distance from the current weights.
    pub distance: f64,
    /// The weight vector that does it.
    pub weights: IndexMap<String, f64>,
    /// The option on top there.
    pub new_top: String,
}

/// Ranks under every profile.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AcrossProfiles {
    /// The profile ids, in model order.
    pub profiles: Vec<String>,
    /// Rank of each option (by id) under each profile.
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
    /// Method name.
    pub method: String,
    /// The rebalancing rule.
    pub rebalance: Rebalance,
    /// The rule in words.
    pub rule: &'static str,
    /// Whether thresholds are exact (additive model) or numerical.
    pub exact: bool,
    /// The current top option.
    pub top: String,
    /// One sweep per criterion (or the one asked for).
    pub criteria: Vec<SweptWeight>,
    /// One sweep per group of the value tree.
    pub groups: Vec<SweptWeight>,
    /// The smallest absolute single-weight change that changes the top.
    pub critical: Option<CriticalChange>,
    /// The smallest relative single-weight change that changes the top.
    pub critical_relative: Option<CriticalChange>,
    /// The same for each adjacent pair of the ranking.
    pub pairs: Vec<PairCritical>,
    /// The nearest flip with every weight free (additive model only).
    pub nearest_flip: Option<NearestFlip>,
    /// Ranks under every profile.
    pub across_profiles: AcrossProfiles,
    /// Option names by id, for display.
    #[serde(skip)]
    pub names: IndexMap<String, String>,
}

/// What to analyse.
#[derive(Debug, Clone)]
pub struct Request<'a> {
    /// Profile id, for the report.
    pub profile: &'a str,
    /// The profile's weights.
    pub weights: &'a [f64],
    /// Weight bounds per criterion, `(lo, hi)`.
    pub bounds: Vec<(f64, f64)>,
    /// The method.
    pub method: MethodKind,
    /// The rebalancing rule.
    pub rebalance: Rebalance,
    /// Only this criterion's sweep in the output, if given.
    pub criterion: Option<usize>,
}

/// Runs every sensitivity analysis for one profile and method.
pub fn analyse(model: &Model, request: &Request<'_>) -> SensitivityReport {
    let problem = Problem::of(model);
    let method = request.method.method();
    let weights = request.weights;
    let evaluation = method.evaluate(&problem, weights);
    let ranks = competition_ranks(&evaluation.scores, evaluation.better);
    let order = rank_order(&ranks);
    let top = order[0];
    let ids: Vec<String> = model.options.iter().map(|o| o.id.to_string()).collect();
    let exact = request.method == MethodKind::Wsm;
    let values = problem.values();

    let sweep_set = |set: &[usize]| -> SweepResult {
        let path = Path::of(weights, set, request.rebalance);
        if exact {
            sweep::exact(&values, &path, &ids, top)
        } else {
            sweep::numerical(method.as_ref(), &problem, &path, &ids, top)
        }
    };
    let to_swept = |id: String, name: String, weight: f64, r: SweepResult| SweptWeight {
        id,
        name,
        weight,
        top_stable: r.top_stable,
        thresholds: r.thresholds,
        max_weight: r.end,
        samples: r.samples,
    };
    let all_criteria: Vec<SweptWeight> = model
        .criteria
        .iter()
        .enumerate()
        .map(|(j, c)| {
            to_swept(
                c.id.to_string(),
                c.name.clone(),
                weights[j],
                sweep_set(&[j]),
            )
        })
        .collect();
    let groups: Vec<SweptWeight> = if request.criterion.is_some() {
        vec![]
    } else {
        model
            .groups
            .iter()
            .enumerate()
            .filter_map(|(g, group)| {
                let members = model.group_members(g);
                if members.is_empty() || members.len() == model.criteria.len() {
                    return None;
                }
                let share: f64 = members.iter().map(|&j| weights[j]).sum();
                Some(to_swept(
                    group.id.to_string(),
                    group.name.clone(),
                    share,
                    sweep_set(&members),
                ))
            })
            .collect()
    };

    let swept: Vec<critical::SweptCriterion<'_>> = all_criteria
        .iter()
        .map(|s| critical::SweptCriterion {
            id: &s.id,
            weight: s.weight,
            thresholds: &s.thresholds,
        })
        .collect();
    let (critical, critical_relative) = critical::most_critical(&swept, top, None);
    let pairs = order
        .windows(2)
        .map(|pair| PairCritical {
            pair: [ids[pair[0]].clone(), ids[pair[1]].clone()],
            critical: critical::most_critical(&swept, pair[0], Some(pair[1])).0,
        })
        .collect();

    let nearest_flip = exact
        .then(|| nearest_flip::nearest_flip(&values, weights, &request.bounds, top))
        .flatten()
        .map(|flip| {
            let scores: Vec<f64> = (0..values.nrows())
                .map(|i| {
                    (0..values.ncols())
                        .map(|j| values[(i, j)] * flip.weights[j])
                        .sum()
                })
                .collect();
            // At the flip the challenger ties the top; the new top is the best of the others.
            let new_top = (0..scores.len())
                .filter(|&i| i != top)
                .max_by(|&a, &b| scores[a].total_cmp(&scores[b]).then(b.cmp(&a)))
                .unwrap_or(flip.challenger);
            NearestFlip {
                distance: flip.distance,
                weights: model
                    .criteria
                    .iter()
                    .zip(&flip.weights)
                    .map(|(c, &w)| (c.id.to_string(), w))
                    .collect(),
                new_top: ids[new_top].clone(),
            }
        });

    let criteria = match request.criterion {
        Some(j) => vec![all_criteria[j].clone()],
        None => all_criteria,
    };
    SensitivityReport {
        model: model.title.clone(),
        profile: request.profile.to_string(),
        method: request.method.name().to_string(),
        rebalance: request.rebalance,
        rule: request.rebalance.describe(),
        exact,
        top: ids[top].clone(),
        criteria,
        groups,
        critical,
        critical_relative,
        pairs,
        nearest_flip,
        across_profiles: across_profiles(model, request.method),
        names: model
            .options
            .iter()
            .map(|o| (o.id.to_string(), o.name.clone()))
            .collect(),
    }
}

/// Every option's rank under every profile, and the options in the top 3 under all.
pub fn across_profiles(model: &Model, method: MethodKind) -> AcrossProfiles {
    let problem = Problem::of(model);
    let method_impl = method.method();
    let profiles: Vec<String> = model.profiles.iter().map(|p| p.id.to_string()).collect();
    let per_profile: Vec<Vec<usize>> = model
        .profiles
        .iter()
        .map(|p| {
            let w = weights::of_profile(model, p).weights;
            let e = method_impl.evaluate(&problem, &w);
            competition_ranks(&e.scores, e.better)
        })
        .collect();
    let ranks = model
        .options
        .iter()
        .enumerate()
        .map(|(i, o)| {
            let row = profiles
                .iter()
                .zip(&per_profile)
                .map(|(p, r)| (p.clone(), r[i]))
                .collect();
            (o.id.to_string(), row)
        })
        .collect();
    let always_top3 = model
        .options
        .iter()
        .enumerate()
        .filter(|(i, _)| !per_profile.is_empty() && per_profile.iter().all(|r| r[*i] <= 3))
        .map(|(_, o)| o.id.to_string())
        .collect();
    AcrossProfiles {
        profiles,
        ranks,
        always_top3,
    }
}
