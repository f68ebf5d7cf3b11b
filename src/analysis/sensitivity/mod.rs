//! How the ranking shifts as weights change, answer first.
//!
//! - the [`Summary`]: the top option and its margin; the most critical
//!   criterion (Triantaphyllou & Sanchez 1997) for the top, for any pair,
//!   and along the chosen sweep; the nearest flip with every weight free;
//!   the interval of each weight in which the top stays first;
//! - one-way sweeps of each criterion's and each group's weight, listing
//!   the swaps for the top `k` places (every swap with [`Request::all`]);
//! - the most critical criterion of each adjacent pair in the top places;
//! - every option's rank under every profile.
//!
//! Under the additive model (`wsm`) everything is exact and costs
//! `O(n·m·log n)` on `n` options and `m` criteria, plus the swaps listed.
//! So under PROMETHEE II, whose net flow is linear in the weights: its
//! per-criterion net flows take the place of the values
//! ([`crate::methods::criterion_flows`]). Under the other methods crossings
//! are found on a shared grid and refined together to 1e-7 ([`numerical`]).

pub mod critical;
mod engine;
pub mod lines;
pub mod nearest_flip;
pub mod numerical;
mod report;
mod summary;
pub mod sweep;

use crate::analysis::ranking::{competition_ranks, rank_order};
use crate::methods::{Better, MethodKind, Problem};
use crate::model::Model;
use crate::weights;

pub use critical::CriticalChange;
pub use engine::{Criticals, Engine, Found};
pub use nearest_flip::{Flip, nearest_flip};
pub use report::{
    AcrossProfiles, NearestFlip, PairCritical, SensitivityReport, Stability, Summary, SweepChange,
    SweptWeight, WeightMove,
};
pub use sweep::{Edge, Path, Rebalance, Scope, Threshold};

/// How many top places the swap lists cover unless asked otherwise.
pub const DEFAULT_TOP: usize = 3;

/// Up to this many options every listed sweep carries samples for a chart;
/// beyond it only the charted one does, so memory stays proportional to
/// the model.
const CHARTED_OPTIONS: usize = 500;

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
    /// Only this criterion, if given: its sweep, its interval and its
    /// critical change (the nearest flip still moves every weight).
    pub criterion: Option<usize>,
    /// Swaps, pairs and profile ranks for the first `top` places.
    pub top: usize,
    /// Every swap, pair and rank instead.
    pub all: bool,
}

impl<'a> Request<'a> {
    /// The default analysis of one profile: additive model, proportional
    /// rebalancing, every criterion, the top [`DEFAULT_TOP`] places.
    pub fn of_profile(profile: &'a str, weights: &'a [f64], bounds: Vec<(f64, f64)>) -> Self {
        Request {
            profile,
            weights,
            bounds,
            method: MethodKind::Wsm,
            rebalance: Rebalance::Proportional,
            criterion: None,
            top: DEFAULT_TOP,
            all: false,
        }
    }

    fn scope(&self) -> Scope {
        if self.all {
            Scope::All
        } else {
            Scope::Top(self.top.max(1))
        }
    }
}

/// The summary alone for one profile under the additive model: what a
/// report or a workshop page shows first.
pub fn summary(model: &Model, profile: &str, weights: &[f64], bounds: Vec<(f64, f64)>) -> Summary {
    let mut request = Request::of_profile(profile, weights, bounds);
    request.top = 1;
    analyse(model, &request).summary
}

/// Runs the sensitivity analysis for one profile and method.
pub fn analyse(model: &Model, request: &Request<'_>) -> SensitivityReport {
    let problem = Problem::of(model);
    let method = request.method.with(&Default::default());
    let weights = request.weights;
    let evaluation = method.evaluate(&problem, weights);
    // Figures oriented so that higher is better.
    let scores: Vec<f64> = match evaluation.better {
        Better::Higher => evaluation.scores.clone(),
        Better::Lower => evaluation.scores.iter().map(|s| -s).collect(),
    };
    let ranks = competition_ranks(&evaluation.scores, evaluation.better);
    let order = rank_order(&ranks);
    let top = order[0];
    // Scores linear in the weights make every threshold exact.
    let linear = request.method.weight_coefficients(&problem);
    let exact = linear.is_some();
    let values = linear.unwrap_or_else(|| problem.values());
    let engine = if exact {
        Engine::Exact { values: &values }
    } else {
        Engine::Numerical {
            method: method.as_ref(),
            problem: &problem,
        }
    };
    let scope = request.scope();
    let places = match scope {
        Scope::Top(k) => k,
        Scope::All => order.len(),
    };
    let ids: Vec<String> = model.options.iter().map(|o| o.id.to_string()).collect();

    // Every criterion, or only the one asked for: one sweep each.
    let swept: Vec<usize> = match request.criterion {
        Some(j) => vec![j],
        None => (0..model.criteria.len()).collect(),
    };
    // The most critical criterion for the top and for adjacent pairs: all
    // adjacent pairs under a linear method (closed form), the listed
    // ones otherwise.
    let all_pairs: Vec<(usize, usize)> = order.windows(2).map(|p| (p[0], p[1])).collect();
    let listed_pairs = all_pairs.len().min(places);
    let pair_set: &[(usize, usize)] = if exact {
        &all_pairs
    } else {
        &all_pairs[..listed_pairs]
    };
    let mut criticals = engine::Criticals {
        top: (None, None),
        pairs: vec![(None, None); pair_set.len()],
    };
    let criterion_sweeps: Vec<(usize, Path, Found)> = swept
        .iter()
        .map(|&j| {
            let path = Path::of(weights, &[j], request.rebalance);
            let mut found = engine.sweep(&path, top, Some(scope));
            let reuse = (request.rebalance == Rebalance::Proportional).then_some(&found);
            engine.add_critical(&mut criticals, weights, &scores, top, pair_set, j, reuse);
            found.grid = None;
            (j, path, found)
        })
        .collect();
    let group_sweeps: Vec<(usize, Path, Found)> = if request.criterion.is_some() {
        vec![]
    } else {
        (0..model.groups.len())
            .filter_map(|g| {
                let members = model.group_members(g);
                if members.is_empty() || members.len() == model.criteria.len() {
                    return None;
                }
                let path = Path::of(weights, &members, request.rebalance);
                let found = engine.sweep(&path, top, Some(scope));
                Some((g, path, found))
            })
            .collect()
    };

    let context = summary::Context {
        model,
        ids: &ids,
        weights,
        scores: &scores,
        figures: &evaluation.scores,
        order: &order,
        ranks: &ranks,
        values: &values,
        exact,
        bounds: &request.bounds,
    };
    let summary = summary::build(&context, &criteria_found(&criterion_sweeps), &criticals);

    let chart = request
        .criterion
        .or_else(|| {
            summary
                .critical
                .as_ref()
                .and_then(|c| model.criterion_index(&c.criterion))
        })
        .unwrap_or(0);
    let criteria = criterion_sweeps
        .iter()
        .map(|(j, path, found)| {
            let c = &model.criteria[*j];
            let mut swept = summary::swept(&ids, &c.id.to_string(), &c.name, path, found);
            if *j == chart || ids.len() <= CHARTED_OPTIONS {
                swept.samples = engine.samples(path);
            }
            swept
        })
        .collect();
    let groups = group_sweeps
        .iter()
        .map(|(g, path, found)| {
            let group = &model.groups[*g];
            summary::swept(&ids, &group.id.to_string(), &group.name, path, found)
        })
        .collect();
    let pairs = summary::pairs(&context, &all_pairs[..listed_pairs], &criticals.pairs);

    SensitivityReport {
        model: model.title.clone(),
        profile: request.profile.to_string(),
        profile_name: model.profile_index(request.profile).map_or_else(
            || request.profile.to_string(),
            |p| model.profiles[p].name.clone(),
        ),
        method: request.method.name().to_string(),
        summary,
        rebalance: request.rebalance,
        rule: request.rebalance.describe(),
        exact,
        only: request.criterion.map(|j| model.criteria[j].id.to_string()),
        top_places: (!request.all).then_some(places),
        top: ids[top].clone(),
        criteria,
        groups,
        pairs,
        across_profiles: across_profiles(model, request.method, (!request.all).then_some(places)),
        names: model
            .options
            .iter()
            .map(|o| (o.id.to_string(), o.name.clone()))
            .collect(),
    }
}

fn criteria_found(sweeps: &[(usize, Path, Found)]) -> Vec<(usize, &Path, &Found)> {
    sweeps.iter().map(|(j, p, f)| (*j, p, f)).collect()
}

/// Every option's rank under every profile, and the options in the top 3
/// under all; with `places`, only the options in the first `places` places
/// under some profile are listed.
pub fn across_profiles(model: &Model, method: MethodKind, places: Option<usize>) -> AcrossProfiles {
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
        .filter(|(i, _)| places.is_none_or(|k| per_profile.iter().any(|r| r[*i] <= k)))
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
