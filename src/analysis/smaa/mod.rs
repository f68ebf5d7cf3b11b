//! Stochastic multicriteria acceptability analysis (SMAA-2).
//!
//! ```text
//! b_i^r  = P(option i ranks r)                       rank acceptability index
//! w_i^c  = E[w | option i ranks first]               central weight vector
//! p_i^c  = P(option i ranks first | w = w_i^c)       confidence factor
//! c_ik   = P(s_i > s_k)                              pairwise winning index
//! SE(b)  = √(b (1 − b) / N)                          Monte Carlo standard error
//! ```
//!
//! Lahdelma & Salminen (2001), "SMAA-2: Stochastic multicriteria acceptability
//! analysis for group decision making", Operations Research 49(3); pairwise
//! winning indices after Leskinen et al. (2006). Ties share their ranks
//! equally, so every option's acceptabilities and every rank's sum to 1.
//!
//! Samples are drawn in fixed-size chunks; chunk `c` draws from its own ChaCha
//! stream `(seed, c)` and chunks are combined in order, so the result is the
//! same to the last digit whatever the number of threads. Nothing grows with
//! the number of samples.

pub mod sampling;

use std::io::IsTerminal;

use indexmap::IndexMap;
use nalgebra::DMatrix;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use rand_distr::{Distribution, Triangular};
use rayon::prelude::*;
use serde::Serialize;

use crate::methods::{Better, Method, MethodKind, Problem};
use crate::model::Model;

pub use sampling::WeightInfo;

/// The seed used when none is given.
pub const DEFAULT_SEED: u64 = 20_260_101;

/// Samples per chunk; each chunk has its own random stream.
pub const CHUNK: u64 = 4096;

/// Chunks evaluated together before their results are folded in: bounds
/// memory, and sets how often progress is reported.
const BATCH: u64 = 16;

/// Draws of the confidence-factor pass, per option.
pub const CONFIDENCE_SAMPLES: u64 = 20_000;

/// Whether scores are fixed or drawn from their ranges.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ScoreMode {
    /// The score values.
    Fixed,
    /// Triangular on (low, value, high) where a score has a range.
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

/// What to run.
#[derive(Debug, Clone)]
pub struct Request {
    /// The profile label for the report.
    pub profile: String,
    /// The weight distribution.
    pub weights: WeightInfo,
    /// The method.
    pub method: MethodKind,
    /// Number of samples, > 0.
    pub samples: u64,
    /// The seed.
    pub seed: u64,
    /// Fixed or uncertain scores.
    pub scores: ScoreMode,
    /// Worker threads; `None` for all cores.
    pub threads: Option<usize>,
    /// Show a progress bar on a terminal.
    pub progress: bool,
}

/// One option's results.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SmaaOption {
    /// Option id.
    pub id: String,
    /// Option name.
    #[serde(skip)]
    pub name: String,
    /// `b_i^r` for r = 1..=n.
    pub acceptability: Vec<f64>,
    /// Monte Carlo standard error of each `b_i^r`.
    pub standard_error: Vec<f64>,
    /// The central weight vector (empty when the option never ranks first).
    pub central_weights: IndexMap<String, f64>,
    /// The confidence factor (null when the option never ranks first).
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
    /// Draws per option in the confidence pass.
    pub confidence_samples: u64,
    /// Per option, in model order.
    pub options: Vec<SmaaOption>,
    /// `c_ik`: the share of draws in which a beats b.
    pub pairwise_winning: IndexMap<String, IndexMap<String, f64>>,
}

/// The failure of a run that cannot be sampled.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SmaaError {
    /// `--samples 0`.
    #[error("--samples must be at least 1")]
    NoSamples,
    /// Bounds so tight that rejection sampling almost never lands inside them.
    #[error(
        "the weight bounds admit too few weight vectors to sample ({accepted} of {tried} uniform draws fell inside them); widen the bounds"
    )]
    BoundsTooTight {
        /// Draws inside.
        accepted: u64,
        /// Draws tried.
        tried: u64,
    },
    /// A thread pool could not be built.
    #[error("cannot start {0} worker threads")]
    Threads(usize),
}

/// The decision problem as the sampler sees it.
struct Sampler<'a> {
    model: &'a Model,
    method: Box<dyn Method>,
    fast: bool,
    /// Values at the score values, options × criteria, row-major.
    values: Vec<f64>,
    /// Uncertain cells: (option, criterion, distribution).
    uncertain: Vec<(usize, usize, Triangular<f64>)>,
    weights: WeightInfo,
    n: usize,
    m: usize,
}

/// Sums over a set of draws.
#[derive(Debug, Clone)]
struct Tally {
    /// `ranks[i * n + r]`: draws with option i at rank r (shared on ties).
    ranks: Vec<f64>,
    /// `central[i * m + j]`: Σ w_j over draws where option i ranks first (shared on ties).
    central: Vec<f64>,
    /// `wins[i * n + k]`: twice the draws with s_i ahead of s_k (once per tie),
    /// counted in integers so the tally is exact and branch-free.
    wins: Vec<u64>,
}

impl Tally {
    fn new(n: usize, m: usize) -> Self {
        Tally {
            ranks: vec![0.0; n * n],
            central: vec![0.0; n * m],
            wins: vec![0; n * n],
        }
    }

    fn add(&mut self, other: &Tally) {
        for (a, b) in self.ranks.iter_mut().zip(&other.ranks) {
            *a += b;
        }
        for (a, b) in self.central.iter_mut().zip(&other.central) {
            *a += b;
        }
        for (a, b) in self.wins.iter_mut().zip(&other.wins) {
            *a += b;
        }
    }
}

impl<'a> Sampler<'a> {
    fn new(model: &'a Model, request: &Request) -> Self {
        let (n, m) = (model.options.len(), model.criteria.len());
        let values = model.values();
        let mut uncertain = vec![];
        if request.scores == ScoreMode::Uncertain {
            for i in 0..n {
                for j in 0..m {
                    let e = &model.evidence[i][j];
                    let x = model.scores[(i, j)];
                    let (lo, hi) = (e.low.unwrap_or(x), e.high.unwrap_or(x));
                    if hi > lo {
                        if let Ok(d) = Triangular::new(lo, hi, x) {
                            uncertain.push((i, j, d));
                        }
                    }
                }
            }
        }
        Sampler {
            model,
            method: request.method.method(),
            fast: request.method == MethodKind::Wsm,
            values: (0..n * m).map(|k| values[(k / m, k % m)]).collect(),
            uncertain,
            weights: request.weights.clone(),
            n,
            m,
        }
    }

    /// One draw of the scores into `values` (fast path) or `raw` (any method).
    fn draw_scores(&self, rng: &mut ChaCha8Rng, values: &mut [f64], raw: &mut DMatrix<f64>) {
        if self.uncertain.is_empty() {
            return; // the buffers already hold the fixed scores
        }
        if self.fast {
            values.copy_from_slice(&self.values);
            for (i, j, d) in &self.uncertain {
                values[i * self.m + j] = self.model.criteria[*j].value(d.sample(rng));
            }
        } else {
            raw.copy_from(&self.model.scores);
            for (i, j, d) in &self.uncertain {
                raw[(*i, *j)] = d.sample(rng);
            }
        }
    }

    /// The figures of every option under `w`, oriented so higher is better.
    fn figures(&self, values: &[f64], raw: &DMatrix<f64>, w: &[f64], out: &mut [f64]) {
        if self.fast {
            for (i, o) in out.iter_mut().enumerate() {
                let row = &values[i * self.m..(i + 1) * self.m];
                *o = row.iter().zip(w).map(|(v, w)| v * w).sum();
            }
        } else {
            let problem = Problem::new(raw, &self.model.criteria);
            let e = self.method.evaluate(&problem, w);
            let sign = if e.better == Better::Lower { -1.0 } else { 1.0 };
            for (o, s) in out.iter_mut().zip(e.scores) {
                *o = sign * s;
            }
        }
    }

    fn chunk(&self, seed: u64, chunk: u64, samples: u64) -> Tally {
        let (n, m) = (self.n, self.m);
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        rng.set_stream(chunk);
        let mut tally = Tally::new(n, m);
        let mut w = vec![0.0; m];
        let mut values = self.values.clone();
        let mut raw = self.model.scores.clone();
        let mut s = vec![0.0; n];
        let mut ahead = vec![0usize; n];
        let mut tied = vec![0usize; n];
        let mut drawn = 0;
        while drawn < samples {
            if !self.weights.draw(&mut rng, &mut w) {
                continue;
            }
            drawn += 1;
            self.draw_scores(&mut rng, &mut values, &mut raw);
            self.figures(&values, &raw, &w, &mut s);
            // Branch-free, full-row comparison: random orders defeat the branch
            // predictor, and rows of independent lanes let the compiler vectorize.
            for i in 0..n {
                let si = s[i];
                let row = &mut tally.wins[i * n..(i + 1) * n];
                let (mut behind, mut equal) = (0usize, 0usize);
                for (won, &sk) in row.iter_mut().zip(s.iter()) {
                    let gt = u64::from(si > sk);
                    let eq = u64::from(si == sk);
                    *won += 2 * gt + eq;
                    behind += usize::from(sk > si);
                    equal += usize::from(sk == si);
                }
                // The diagonal compared i with itself: one tie too many, and no wins.
                row[i] = 0;
                ahead[i] = behind;
                tied[i] = equal - 1;
            }
            for i in 0..n {
                if tied[i] == 0 {
                    tally.ranks[i * n + ahead[i]] += 1.0;
                    if ahead[i] == 0 {
                        let central = &mut tally.central[i * m..(i + 1) * m];
                        for (c, wj) in central.iter_mut().zip(&w) {
                            *c += wj;
                        }
                    }
                    continue;
                }
                let share = 1.0 / (tied[i] + 1) as f64;
                for r in ahead[i]..=ahead[i] + tied[i] {
                    tally.ranks[i * n + r] += share;
                }
                if ahead[i] == 0 {
                    let central = &mut tally.central[i * m..(i + 1) * m];
                    for (c, wj) in central.iter_mut().zip(&w) {
                        *c += share * wj;
                    }
                }
            }
        }
        tally
    }

    /// The share of score draws in which option `i` ranks first at weights `w`.
    fn confidence(&self, seed: u64, option: usize, w: &[f64], samples: u64) -> f64 {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        rng.set_stream((1 << 40) + option as u64);
        let mut values = self.values.clone();
        let mut raw = self.model.scores.clone();
        let mut s = vec![0.0; self.n];
        let draws = if self.uncertain.is_empty() {
            1
        } else {
            samples
        };
        let mut first = 0.0;
        for _ in 0..draws {
            self.draw_scores(&mut rng, &mut values, &mut raw);
            self.figures(&values, &raw, w, &mut s);
            let best = s.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            if s[option] >= best {
                let ties = s.iter().filter(|&&x| x >= best).count();
                first += 1.0 / ties as f64;
            }
        }
        first / draws as f64
    }
}

/// Runs SMAA-2.
///
/// # Errors
/// No samples asked for, bounds too tight to sample, or no thread pool.
pub fn run(model: &Model, request: &Request) -> Result<SmaaReport, SmaaError> {
    if request.samples == 0 {
        return Err(SmaaError::NoSamples);
    }
    if let WeightInfo::Bounded(_) = &request.weights {
        check_acceptance(&request.weights, request.seed)?;
    }
    let threads = request.threads.unwrap_or(0);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(|_| SmaaError::Threads(threads))?;
    pool.install(|| run_in_pool(model, request))
}

fn check_acceptance(weights: &WeightInfo, seed: u64) -> Result<(), SmaaError> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    rng.set_stream(u64::MAX);
    let mut w = vec![0.0; weights.criteria()];
    let tried = 100_000;
    let accepted = (0..tried)
        .filter(|_| weights.draw(&mut rng, &mut w))
        .count() as u64;
    if accepted < 10 {
        return Err(SmaaError::BoundsTooTight { accepted, tried });
    }
    Ok(())
}

fn run_in_pool(model: &Model, request: &Request) -> Result<SmaaReport, SmaaError> {
    let sampler = Sampler::new(model, request);
    let (n, m) = (sampler.n, sampler.m);
    let chunks = request.samples.div_ceil(CHUNK);
    // The bar appears only once a run on a terminal has taken a second and
    // is not finished, so quick runs and pipes never see one.
    let started = std::time::Instant::now();
    let mut bar: Option<indicatif::ProgressBar> = None;
    let mut total = Tally::new(n, m);
    let mut start = 0;
    while start < chunks {
        let end = (start + BATCH).min(chunks);
        let tallies: Vec<Tally> = (start..end)
            .into_par_iter()
            .map(|c| {
                let size = CHUNK.min(request.samples - c * CHUNK);
                sampler.chunk(request.seed, c, size)
            })
            .collect();
        for t in &tallies {
            total.add(t);
        }
        let done = (end * CHUNK).min(request.samples);
        if bar.is_none()
            && end < chunks
            && request.progress
            && started.elapsed().as_secs_f64() > 1.0
            && std::io::stderr().is_terminal()
        {
            let b = indicatif::ProgressBar::new(request.samples);
            b.set_style(
                indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} samples, {eta} left")
                    .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            );
            bar = Some(b);
        }
        if let Some(b) = &bar {
            b.set_position(done);
        }
        start = end;
    }
    if let Some(b) = bar {
        b.finish_and_clear();
    }

    let samples = request.samples as f64;
    let criteria_ids: Vec<String> = model.criteria.iter().map(|c| c.id.to_string()).collect();
    let centrals: Vec<Option<Vec<f64>>> = (0..n)
        .map(|i| {
            let first = total.ranks[i * n];
            (first > 0.0).then(|| (0..m).map(|j| total.central[i * m + j] / first).collect())
        })
        .collect();
    let confidence_samples = CONFIDENCE_SAMPLES.min(request.samples);
    let confidences: Vec<Option<f64>> = centrals
        .par_iter()
        .enumerate()
        .map(|(i, c)| {
            c.as_ref()
                .map(|w| sampler.confidence(request.seed, i, w, confidence_samples))
        })
        .collect();
    let options = model
        .options
        .iter()
        .enumerate()
        .map(|(i, o)| {
            let acceptability: Vec<f64> =
                (0..n).map(|r| total.ranks[i * n + r] / samples).collect();
            SmaaOption {
                id: o.id.to_string(),
                name: o.name.clone(),
                standard_error: acceptability
                    .iter()
                    .map(|b| (b * (1.0 - b) / samples).sqrt())
                    .collect(),
                acceptability,
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
    let pairwise_winning = model
        .options
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let row = model
                .options
                .iter()
                .enumerate()
                .filter(|(k, _)| *k != i)
                .map(|(k, b)| {
                    (
                        b.id.to_string(),
                        total.wins[i * n + k] as f64 / (2.0 * samples),
                    )
                })
                .collect();
            (a.id.to_string(), row)
        })
        .collect();
    Ok(SmaaReport {
        model: model.title.clone(),
        profile: request.profile.clone(),
        method: request.method.name().to_string(),
        samples: request.samples,
        seed: request.seed,
        scores: request.scores,
        weights: request.weights.describe(),
        confidence_samples,
        options,
        pairwise_winning,
    })
}

/// Whether any score has an uncertainty range.
pub fn has_ranges(model: &Model) -> bool {
    model
        .evidence
        .iter()
        .flatten()
        .any(|e| e.low.is_some() || e.high.is_some())
}
