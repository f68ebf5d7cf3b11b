//! From tallies to the SMAA result: acceptabilities, central weights,
//! confidence factors and pairwise winning indices, with names for the reader.

use indexmap::IndexMap;
use serde::Serialize;

use super::run::{self, Evaluator, FIXED, Plan, Tally, UNITS};
use super::weights::WeightSampler;
use super::{CONFIDENCE_SAMPLES, CONFIDENCE_THRESHOLD, Request, ScoreMode};
use crate::model::Model;

/// One option's results.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SmaaOption {
    /// Option id.
    pub id: String,
    /// Option name.
    #[serde(skip)]
    pub name: String,
    /// `b_i^r` for the tallied ranks r = 1..=K.
    pub acceptability: Vec<f64>,
    /// Monte Carlo standard error of each `b_i^r`.
    pub standard_error: Vec<f64>,
    /// The rank with the largest acceptability (1-based, among the tallied ranks).
    pub most_likely_rank: usize,
    /// The central weight vector by criterion id (empty when the option never ranks first).
    pub central_weights: IndexMap<String, f64>,
    /// The confidence factor: the share of score draws in which the option
    /// ranks first *at its own central weights* (null below the threshold).
    pub confidence: Option<f64>,
}

/// The result of `tradeoffs smaa`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SmaaReport {
    /// The model's title.
    pub model: String,
    /// Profile label.
    pub profile: String,
    /// Method name.
    pub method: String,
    /// Samples drawn.
    pub samples: u64,
    /// The seed.
    pub seed: u64,
    /// Fixed or uncertain scores.
    pub scores: ScoreMode,
    /// The weight distribution, in words.
    pub weights: String,
    /// Hit-and-run settings, when the weights were drawn by hit-and-run.
    pub hit_and_run: Option<HitAndRun>,
    /// Ranks tallied (`K`); acceptabilities cover ranks 1..=K.
    pub ranks: usize,
    /// Score draws in the confidence pass (1 with fixed scores).
    pub confidence_samples: u64,
    /// First-rank acceptability from which confidence factors are computed.
    pub confidence_threshold: f64,
    /// Criterion names, in model order (ids key `central_weights`).
    #[serde(skip)]
    pub criteria: Vec<(String, String)>,
    /// Per option, in model order.
    pub options: Vec<SmaaOption>,
    /// Whether pairwise winning indices were computed.
    pub pairwise: bool,
    /// `c_ik`: the share of draws in which a beats b (ties count half).
    pub pairwise_winning: PairwiseWinning,
}

/// The pairwise winning indices `c_ik` of every ordered pair of distinct
/// options, stored as one dense matrix (8 bytes a pair) and written to JSON
/// as `{ id: { id: share } }`, rows and columns in model order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PairwiseWinning {
    ids: Vec<String>,
    /// `shares[a * n + b]`; the diagonal is unused.
    shares: Vec<f64>,
}

impl PairwiseWinning {
    /// Whether no index was computed.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// `c_ab` for options `a ≠ b`, by index.
    pub fn at(&self, a: usize, b: usize) -> f64 {
        self.shares[a * self.ids.len() + b]
    }

    /// `c_ab` by option id.
    pub fn get(&self, a: &str, b: &str) -> Option<f64> {
        let find = |id: &str| self.ids.iter().position(|x| x == id);
        let (a, b) = (find(a)?, find(b)?);
        (a != b).then(|| self.at(a, b))
    }

    /// Every `(a, b, c_ab)` with `a ≠ b`, by id, rows in model order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str, f64)> {
        let n = self.ids.len();
        (0..n).flat_map(move |a| {
            (0..n)
                .filter(move |&b| b != a)
                .map(move |b| (self.ids[a].as_str(), self.ids[b].as_str(), self.at(a, b)))
        })
    }
}

impl Serialize for PairwiseWinning {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        /// One option's row, without itself.
        struct Row<'a>(&'a PairwiseWinning, usize);
        impl Serialize for Row<'_> {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let Row(p, a) = *self;
                let mut map = serializer.serialize_map(Some(p.ids.len() - 1))?;
                for (b, id) in p.ids.iter().enumerate().filter(|(b, _)| *b != a) {
                    map.serialize_entry(id, &p.at(a, b))?;
                }
                map.end()
            }
        }
        let mut map = serializer.serialize_map(Some(self.ids.len()))?;
        for (a, id) in self.ids.iter().enumerate() {
            map.serialize_entry(id, &Row(self, a))?;
        }
        map.end()
    }
}

/// How a hit-and-run chain was run.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct HitAndRun {
    /// Free dimensions of the region.
    pub dimension: usize,
    /// Steps discarded at the start of each chunk's chain.
    pub burn_in: usize,
    /// Steps between kept points.
    pub thinning: usize,
}

impl SmaaReport {
    /// Options in order of first-rank acceptability, best first (ties in model order).
    pub fn leaders(&self) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.options.len()).collect();
        order.sort_by(|&a, &b| {
            let (x, y) = (&self.options[a], &self.options[b]);
            y.acceptability[0]
                .total_cmp(&x.acceptability[0])
                .then(a.cmp(&b))
        });
        order
    }
}

pub(super) fn assemble(
    model: &Model,
    request: &Request,
    e: &Evaluator<'_>,
    sampler: &WeightSampler,
    plan: &Plan,
    total: &Tally,
    threads: usize,
) -> SmaaReport {
    let (n, m, k) = (e.n, e.m, plan.k);
    let samples = request.samples as f64;
    let units = samples * UNITS as f64;
    let criteria_ids: Vec<String> = model.criteria.iter().map(|c| c.id.to_string()).collect();
    let centrals: Vec<Option<Vec<f64>>> = (0..n)
        .map(|i| {
            let first = total.ranks[i * k] as f64 / UNITS as f64;
            (first > 0.0).then(|| {
                (0..m)
                    .map(|j| total.central[i * m + j] as f64 / FIXED / first)
                    .collect()
            })
        })
        .collect();
    // The confidence pass: only options first often enough for it to mean
    // something, all evaluated on the same score draws.
    let targets: Vec<(usize, Vec<f64>)> = centrals
        .iter()
        .enumerate()
        .filter_map(|(i, c)| {
            let b1 = total.ranks[i * k] as f64 / units;
            c.as_ref()
                .filter(|_| b1 >= CONFIDENCE_THRESHOLD)
                .map(|w| (i, w.clone()))
        })
        .collect();
    let confidence_samples = if e.scores_fixed() {
        1
    } else {
        CONFIDENCE_SAMPLES.min(request.samples)
    };
    let counts = run::confidence(
        e,
        request.seed,
        confidence_samples,
        plan.chunk,
        &targets,
        threads,
    );
    let mut confidences = vec![None; n];
    for ((i, _), c) in targets.iter().zip(counts) {
        confidences[*i] = Some(c as f64 / UNITS as f64 / confidence_samples as f64);
    }
    let options = model
        .options
        .iter()
        .enumerate()
        .map(|(i, o)| {
            let acceptability: Vec<f64> = (0..k)
                .map(|r| total.ranks[i * k + r] as f64 / units)
                .collect();
            let most_likely_rank = acceptability
                .iter()
                .enumerate()
                .fold((0, f64::NEG_INFINITY), |best, (r, &b)| {
                    if b > best.1 { (r, b) } else { best }
                })
                .0
                + 1;
            SmaaOption {
                id: o.id.to_string(),
                name: o.name.clone(),
                standard_error: acceptability
                    .iter()
                    .map(|b| (b * (1.0 - b) / samples).sqrt())
                    .collect(),
                acceptability,
                most_likely_rank,
                central_weights: centrals[i]
                    .as_ref()
                    .map(|w| {
                        criteria_ids
                            .iter()
                            .cloned()
                            .zip(w.iter().copied())
                            .collect()
                    })
                    .unwrap_or_default(),
                confidence: confidences[i],
            }
        })
        .collect();
    let pairwise_winning = if plan.pairwise {
        PairwiseWinning {
            ids: model.options.iter().map(|o| o.id.to_string()).collect(),
            shares: total
                .wins
                .iter()
                .map(|&w| w as f64 / (2.0 * samples))
                .collect(),
        }
    } else {
        PairwiseWinning::default()
    };
    SmaaReport {
        model: model.title.clone(),
        profile: request.profile.clone(),
        method: request.method.name().to_string(),
        samples: request.samples,
        seed: request.seed,
        scores: request.scores,
        weights: request.weights.describe(),
        hit_and_run: match sampler {
            WeightSampler::Polytope(p) => Some(HitAndRun {
                dimension: p.dimension() - 1,
                burn_in: crate::weights::region::burn_in(p.dimension()),
                thinning: crate::weights::region::thinning(p.dimension()),
            }),
            _ => None,
        },
        ranks: k,
        confidence_samples,
        confidence_threshold: CONFIDENCE_THRESHOLD,
        criteria: model
            .criteria
            .iter()
            .map(|c| (c.id.to_string(), c.name.clone()))
            .collect(),
        options,
        pairwise: plan.pairwise,
        pairwise_winning,
    }
}
