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
//! winning indices after Leskinen et al. (2006). Figures within
//! [`TIE_TOLERANCE`](crate::analysis::ranking::TIE_TOLERANCE) tie, as in
//! `rank`; ties share their ranks equally, so every option's acceptabilities
//! and every rank's sum to 1.
//!
//! Samples are drawn in fixed-size chunks; chunk `c` draws from its own ChaCha
//! stream `(seed, c)` (a hit-and-run chain is burnt in afresh in each chunk),
//! and every tally is an integer, so the result is the same to the last digit
//! whatever the number of threads. Memory is O(n·K + n·m) per thread, plus
//! n² when pairwise indices are asked for; nothing grows with the samples.
//!
//! Split by concern: [`weights`] and [`region`] (in `crate::weights`) draw weights, [`scores`] draws
//! scores, [`run`] ranks and tallies, [`report`] turns tallies into the result.

pub use crate::weights::region;
pub mod report;
pub mod run;
pub mod scores;
pub mod weights;

use std::io::IsTerminal;
use std::sync::Mutex;

use crate::methods::MethodKind;
use crate::model::Model;

pub use region::{Constraints, RegionError};
pub use report::{SmaaOption, SmaaReport};
pub use scores::{ScoreMode, has_ranges};
pub use weights::WeightInfo;

/// The seed used when none is given.
pub const DEFAULT_SEED: u64 = 20_260_101;

/// Samples per chunk; each chunk has its own random stream.
pub const CHUNK: u64 = 4096;

/// Chunks run between two progress reports.
const BATCH: u64 = 16;

/// Score draws of the confidence-factor pass (shared by every option).
pub const CONFIDENCE_SAMPLES: u64 = 20_000;

/// Above this many options, pairwise winning indices are computed only on request.
pub const PAIRWISE_LIMIT: usize = 200;

/// Above this many options, only the top ranks are tallied unless asked otherwise.
pub const RANK_LIMIT: usize = 200;

/// Ranks tallied by default on a model of more than [`RANK_LIMIT`] options.
pub const DEFAULT_TOP_RANKS: usize = 10;

/// First-rank acceptability from which an option's confidence factor is computed.
pub const CONFIDENCE_THRESHOLD: f64 = 0.01;

/// The most samples a run may draw (the fixed-point tally's headroom).
pub const MAX_SAMPLES: u64 = 1 << 33;

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
    /// Ranks to tally (`K`); `None`: all up to [`RANK_LIMIT`] options, else [`DEFAULT_TOP_RANKS`].
    pub ranks: Option<usize>,
    /// Pairwise winning indices; `None`: up to [`PAIRWISE_LIMIT`] options.
    pub pairwise: Option<bool>,
}

impl Request {
    /// A request with the defaults: WSM, 100,000 samples, the default seed,
    /// scores uncertain where the model has ranges, all threads, no progress bar.
    pub fn new(model: &Model, profile: impl Into<String>, weights: WeightInfo) -> Self {
        Request {
            profile: profile.into(),
            weights,
            method: MethodKind::Wsm,
            samples: 100_000,
            seed: DEFAULT_SEED,
            scores: if has_ranges(model) {
                ScoreMode::Uncertain
            } else {
                ScoreMode::Fixed
            },
            threads: None,
            progress: false,
            ranks: None,
            pairwise: None,
        }
    }
}

/// The failure of a run that cannot be sampled.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SmaaError {
    /// `--samples 0`.
    #[error("--samples must be at least 1")]
    NoSamples,
    /// More samples than the tallies hold.
    #[error("--samples must be at most {MAX_SAMPLES}")]
    TooManySamples,
    /// `--ranks 0`.
    #[error("--ranks must be at least 1")]
    NoRanks,
    /// Pairwise indices on a model too large to hold them.
    #[error("pairwise winning indices need fewer than 65,536 options")]
    PairwiseTooLarge,
    /// The weight constraints admit no weight vector.
    #[error(
        "no weight vector satisfies the weight information ({0}); loosen the bounds, ratios or ranking"
    )]
    Infeasible(String),
    /// A thread pool could not be built.
    #[error("cannot start {0} worker threads")]
    Threads(usize),
}

/// Runs SMAA-2.
///
/// # Errors
/// No samples asked for, constraints that admit no weights, or no thread pool.
pub fn run(model: &Model, request: &Request) -> Result<SmaaReport, SmaaError> {
    if request.samples == 0 {
        return Err(SmaaError::NoSamples);
    }
    if request.samples > MAX_SAMPLES {
        return Err(SmaaError::TooManySamples);
    }
    if request.ranks == Some(0) {
        return Err(SmaaError::NoRanks);
    }
    let n = model.options.len();
    let pairwise = request.pairwise.unwrap_or(n <= PAIRWISE_LIMIT);
    if pairwise && n > usize::from(u16::MAX) {
        return Err(SmaaError::PairwiseTooLarge);
    }
    let sampler = request
        .weights
        .sampler()
        .map_err(|_| SmaaError::Infeasible(request.weights.describe()))?;
    let threads = request.threads.unwrap_or(0);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(|_| SmaaError::Threads(threads))?;
    let k = request
        .ranks
        .unwrap_or(if n <= RANK_LIMIT {
            n
        } else {
            DEFAULT_TOP_RANKS
        })
        .min(n)
        .max(1);
    let plan = run::Plan {
        seed: request.seed,
        samples: request.samples,
        chunk: CHUNK,
        k,
        pairwise,
    };
    let cells = if request.scores == ScoreMode::Uncertain {
        scores::uncertain_cells(model)
    } else {
        vec![]
    };
    // Figures that are weighted sums of fixed coefficients are computed as
    // such. The additive model's values are redrawn cell by cell with
    // uncertain scores; PROMETHEE II's net flows depend on every score, so
    // they stand only when the scores are fixed.
    let linear = (request.method == MethodKind::Wsm || cells.is_empty())
        .then(|| {
            request
                .method
                .weight_coefficients(&crate::methods::Problem::of(model))
        })
        .flatten();
    let evaluator = run::Evaluator::new(model, request.method.method(), linear, cells);
    Ok(pool.install(|| {
        let threads = rayon::current_num_threads();
        let total = main_pass(&evaluator, &sampler, &plan, request, threads);
        report::assemble(model, request, &evaluator, &sampler, &plan, &total, threads)
    }))
}

fn main_pass(
    e: &run::Evaluator<'_>,
    sampler: &weights::WeightSampler,
    plan: &run::Plan,
    request: &Request,
    threads: usize,
) -> run::Tally {
    let workers: Vec<Mutex<run::Worker>> = (0..threads.max(1))
        .map(|_| Mutex::new(run::Worker::new(e, plan)))
        .collect();
    let chunks = plan.samples.div_ceil(plan.chunk);
    // The bar appears only once a run on a terminal has taken a second and
    // is not finished, so quick runs and pipes never see one.
    let started = std::time::Instant::now();
    let mut bar: Option<indicatif::ProgressBar> = None;
    let mut start = 0;
    while start < chunks {
        let end = (start + BATCH * threads.max(1) as u64).min(chunks);
        run::pass(e, sampler, plan, start..end, &workers);
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
            b.set_position((end * plan.chunk).min(request.samples));
        }
        start = end;
    }
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    let mut total = run::Tally::new(e.n, e.m, plan.k, plan.pairwise);
    for w in workers {
        if let Ok(w) = w.into_inner() {
            total.add(&w.tally);
        }
    }
    total
}
