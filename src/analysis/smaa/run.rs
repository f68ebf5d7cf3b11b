//! The Monte Carlo run: draw weights and scores, rank the options, tally.
//!
//! Every tally is an integer, so per-thread sums are exact and their total
//! does not depend on which thread drew which chunk:
//!
//! ```text
//! rank tally     L = 720 720 units per draw and option (lcm of 1..=16), shared
//!                equally among the ranks of a tie (a remainder rotates, so
//!                every rank's and every option's units still sum to L)
//! central tally  Σ round(w_j · 2³⁰) · units / L          (fixed point)
//! pairwise       2 per win, 1 per tie, from competition ranks in batches of 128 draws
//! ```
//!
//! Ranks come from one of three routes: up to 64 options, every option
//! counts the options more than [`TIE_TOLERANCE`] ahead of it (branch-free,
//! O(n²) but vectorized); with pairwise indices or all ranks asked for on a
//! larger model, a sort (O(n log n)); otherwise only the top `K` are found by
//! selection (O(n)). Ties are grouped exactly as `rank` groups them.

use std::sync::Mutex;

use nalgebra::DMatrix;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use rayon::prelude::*;

use super::scores::{Cell, Triangles};
use super::weights::WeightSampler;
use crate::analysis::ranking::TIE_TOLERANCE;
use crate::methods::{Better, Method};
use crate::model::Model;

/// Rank units per draw and option.
pub const UNITS: u64 = 720_720;

/// Fixed-point scale of the central-weight tally.
pub const FIXED: f64 = (1u64 << 30) as f64;

/// Draws per pairwise batch.
const PAIR_BATCH: usize = 128;

/// Up to this many options, ranks are counted pairwise.
const COUNT_LIMIT: usize = 64;

/// Lanes of the vectorized loops over options (one AVX-512 register of f32):
/// per-option buffers are padded to a multiple of it.
const LANES: usize = 16;

/// Integer sums over draws.
#[derive(Debug, Clone)]
pub struct Tally {
    /// `ranks[i * k + r]`: units of option i at rank r < k.
    pub ranks: Vec<u64>,
    /// `central[i * m + j]`: fixed-point Σ w_j over draws where i ranks first.
    pub central: Vec<u64>,
    /// `wins[i * n + l]`: 2 per draw with i ahead of l, 1 per tie (empty when not asked).
    pub wins: Vec<u64>,
}

impl Tally {
    pub fn new(n: usize, m: usize, k: usize, pairwise: bool) -> Self {
        Tally {
            ranks: vec![0; n * k],
            central: vec![0; n * m],
            wins: if pairwise { vec![0; n * n] } else { vec![] },
        }
    }

    pub fn add(&mut self, other: &Tally) {
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

/// Units of rank `r` (0-based within a tie of `t`) for member `p` of the tie.
fn share(t: usize, p: usize, r: usize) -> u64 {
    let t64 = t as u64;
    UNITS / t64 + u64::from((((r + p) % t) as u64) < UNITS % t64)
}

/// The decision problem as the sampler sees it.
pub struct Evaluator<'a> {
    model: &'a Model,
    method: Box<dyn Method>,
    /// Additive values: criteria-major (`j * stride + i`), so a weighted sum
    /// runs down contiguous columns; the padding is 0.
    fast: bool,
    values: Vec<f64>,
    /// `n` rounded up to a multiple of [`LANES`].
    stride: usize,
    /// Raw scores, row-major, for the other methods.
    raw: Vec<f64>,
    cells: Vec<Cell>,
    /// The cells drawn together when all are triangular (additive values only),
    /// and where each one's value goes.
    triangles: Option<Triangles>,
    slots: Vec<usize>,
    pub n: usize,
    pub m: usize,
}

impl std::fmt::Debug for Evaluator<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Evaluator")
            .field("n", &self.n)
            .field("m", &self.m)
            .finish()
    }
}

/// One stream's buffers.
#[derive(Debug)]
struct Buffers {
    values: Vec<f64>,
    /// Raw scores, row-major (options × criteria).
    raw: Vec<f64>,
    /// Figures, `stride` long (the padding is 0 and never ranked).
    s: Vec<f64>,
    w: Vec<f64>,
    /// Uniform draws and values of the triangular cells.
    uniform: Vec<f64>,
    drawn: Vec<f64>,
}

impl Buffers {
    fn empty() -> Self {
        Buffers {
            values: vec![],
            raw: vec![],
            s: vec![],
            w: vec![],
            uniform: vec![],
            drawn: vec![],
        }
    }
}

impl<'a> Evaluator<'a> {
    /// The evaluator of `method` on `model`. `linear`: the coefficients of
    /// the weights (options × criteria) when the method's figure is their
    /// weighted sum — the additive model's values, or PROMETHEE II's
    /// per-criterion net flows with fixed scores — which makes every draw a
    /// weighted sum; `None` evaluates the method itself on every draw.
    pub fn new(
        model: &'a Model,
        method: Box<dyn Method>,
        linear: Option<DMatrix<f64>>,
        cells: Vec<Cell>,
    ) -> Self {
        let (n, m) = (model.options.len(), model.criteria.len());
        let fast = linear.is_some();
        let v = linear.unwrap_or_else(|| model.values());
        let stride = n.next_multiple_of(LANES);
        let mut values = vec![0.0; stride * m];
        for j in 0..m {
            for i in 0..n {
                values[j * stride + i] = v[(i, j)];
            }
        }
        let raw = (0..n * m).map(|k| model.scores[(k / m, k % m)]).collect();
        let triangles = if fast {
            Triangles::new(model, &cells)
        } else {
            None
        };
        let slots = cells
            .iter()
            .map(|c| c.criterion * stride + c.option)
            .collect();
        Evaluator {
            model,
            method,
            fast,
            values,
            stride,
            raw,
            cells,
            triangles,
            slots,
            n,
            m,
        }
    }

    /// Whether every score is fixed.
    pub fn scores_fixed(&self) -> bool {
        self.cells.is_empty()
    }

    fn buffers(&self) -> Buffers {
        Buffers {
            values: self.values.clone(),
            raw: self.raw.clone(),
            s: vec![0.0; self.stride],
            w: vec![0.0; self.m],
            uniform: vec![0.0; self.cells.len()],
            drawn: vec![0.0; self.cells.len()],
        }
    }

    /// One draw of the uncertain scores into the buffers.
    #[inline(always)]
    fn draw_scores(&self, rng: &mut ChaCha8Rng, b: &mut Buffers) {
        if let Some(t) = &self.triangles {
            t.values(rng, &mut b.uniform, &mut b.drawn);
            for (&slot, &v) in self.slots.iter().zip(&b.drawn) {
                b.values[slot] = v;
            }
            return;
        }
        for c in &self.cells {
            let x = c.draw(rng);
            if self.fast {
                b.values[c.criterion * self.stride + c.option] =
                    self.model.criteria[c.criterion].value(x);
            } else {
                b.raw[c.option * self.m + c.criterion] = x;
            }
        }
    }

    /// The figures of every option under `w`, oriented so higher is better,
    /// into `out[..n]` (`out` is `stride` long).
    #[inline(always)]
    fn figures(&self, values: &[f64], raw: &[f64], w: &[f64], out: &mut [f64]) {
        if self.fast {
            // A block of LANES options at a time, summed over the criteria
            // in order, so each block's sums stay in vector registers.
            for (b, block) in out.chunks_exact_mut(LANES).enumerate() {
                let mut sums = [0.0f64; LANES];
                for (column, &wj) in values.chunks_exact(self.stride).zip(w) {
                    let v = &column[b * LANES..(b + 1) * LANES];
                    for (s, v) in sums.iter_mut().zip(v) {
                        *s += wj * v;
                    }
                }
                // A non-finite figure (a scale too wide for f64) ranks last
                // rather than poisoning comparisons.
                for (o, s) in block.iter_mut().zip(sums) {
                    *o = if s.is_nan() { f64::NEG_INFINITY } else { s };
                }
            }
        } else {
            let problem = crate::methods::Problem::from_rows(raw, &self.model.criteria);
            let e = self.method.evaluate(&problem, w);
            let sign = if e.better == Better::Lower { -1.0 } else { 1.0 };
            for (o, s) in out.iter_mut().zip(e.scores) {
                // A non-finite figure ranks last rather than poisoning comparisons.
                *o = if s.is_finite() {
                    sign * s
                } else {
                    f64::NEG_INFINITY
                };
            }
        }
    }
}

/// Competition ranks (0-based: options strictly ahead) of every option,
/// ties grouped from their first member as [`crate::analysis::competition_ranks`] does.
#[derive(Debug)]
struct Ranker {
    ahead: Vec<u32>,
    order: Vec<usize>,
    /// The figures in the order found by counting.
    sorted: Vec<f64>,
    /// Whether the last ranking had a tie.
    tied: bool,
}

impl Ranker {
    fn new(n: usize) -> Self {
        Ranker {
            ahead: vec![0; n.next_multiple_of(LANES)],
            order: (0..n).collect(),
            sorted: vec![0.0; n],
            tied: false,
        }
    }

    /// Full ranks by pairwise counting (small models), in single precision
    /// first: rounding to f32 keeps the order of the figures (it is monotone),
    /// so if the rounded figures are all distinct — every count differs, Σ
    /// ahead = n(n − 1)/2 — their order is the exact order, and a check of
    /// the n − 1 neighbouring gaps in double precision confirms that no two
    /// figures lie within the tie tolerance. Anything else is sorted exactly.
    ///
    /// The counts run a block of [`LANES`] options at a time against every
    /// figure, so each block's counts stay in one vector register.
    #[inline(always)]
    fn count(&mut self, s: &[f64], narrow: &mut Vec<f32>) {
        let n = s.len();
        narrow.clear();
        narrow.extend(s.iter().map(|&x| x as f32));
        // Pad to whole vector registers with figures nothing ranks below, so
        // the loops have no scalar remainder.
        narrow.resize(n.next_multiple_of(LANES), f32::NEG_INFINITY);
        // Up to three blocks of options at once (one pass over the figures,
        // the counts in registers), else one block at a time.
        let figures = &narrow[..n];
        match narrow.len() / LANES {
            1 => count_blocks::<1>(figures, narrow, &mut self.ahead),
            2 => count_blocks::<2>(figures, narrow, &mut self.ahead),
            3 => count_blocks::<3>(figures, narrow, &mut self.ahead),
            _ => {
                for (block, ahead) in narrow
                    .chunks_exact(LANES)
                    .zip(self.ahead.chunks_exact_mut(LANES))
                {
                    count_blocks::<1>(figures, block, ahead);
                }
            }
        }
        let total: u64 = self.ahead[..n].iter().map(|&a| u64::from(a)).sum();
        let mut separated = total == (n * n.saturating_sub(1) / 2) as u64;
        if separated {
            let sorted = &mut self.sorted[..n];
            for (i, &a) in self.ahead[..n].iter().enumerate() {
                self.order[a as usize] = i;
                sorted[a as usize] = s[i];
            }
            // Every gap checked (no early exit), so the check vectorizes.
            separated = sorted
                .windows(2)
                .fold(true, |all, p| all & (p[0] - p[1] > TIE_TOLERANCE));
        }
        if separated {
            self.tied = false;
        } else {
            self.sort(s);
        }
    }

    /// Full ranks by sorting.
    fn sort(&mut self, s: &[f64]) {
        self.order.clear();
        self.order.extend(0..s.len());
        self.order
            .sort_unstable_by(|&a, &b| s[b].total_cmp(&s[a]).then(a.cmp(&b)));
        self.group(s, s.len());
    }

    /// Ranks of the options in `self.order[..len]` (sorted best first), by
    /// competition grouping; sets `tied`.
    fn group(&mut self, s: &[f64], len: usize) {
        self.tied = false;
        let mut start = 0;
        for p in 0..len {
            let o = self.order[p];
            if (s[o] - s[self.order[start]]).abs() > TIE_TOLERANCE {
                start = p;
            } else if p != start {
                self.tied = true;
            }
            self.ahead[o] = start as u32;
        }
    }

    /// The top `k` ranks only: the k-th best figure by selection, then a sort
    /// of the options within the tolerance of it or better.
    fn top(&mut self, s: &[f64], k: usize, scratch: &mut Vec<f64>) -> usize {
        scratch.clear();
        scratch.extend_from_slice(s);
        let (_, kth, _) = scratch.select_nth_unstable_by(k - 1, |a, b| b.total_cmp(a));
        let bar = *kth - TIE_TOLERANCE;
        self.order.clear();
        self.order.extend((0..s.len()).filter(|&i| s[i] >= bar));
        self.order
            .sort_unstable_by(|&a, &b| s[b].total_cmp(&s[a]).then(a.cmp(&b)));
        let len = self.order.len();
        self.group(s, len);
        len
    }
}

/// `ahead[i]`: how many `figures` are greater than `options[i]`, for the
/// first `B` blocks of [`LANES`] options.
#[inline(always)]
fn count_blocks<const B: usize>(figures: &[f32], options: &[f32], ahead: &mut [u32]) {
    let mut x = [[0f32; LANES]; B];
    for (xb, nb) in x.iter_mut().zip(options.chunks_exact(LANES)) {
        xb.copy_from_slice(nb);
    }
    let mut counts = [[0u32; LANES]; B];
    for &sk in figures {
        // Never taken (figures are never NaN), but a loop that may exit
        // early is not vectorized across figures, which keeps the counts in
        // registers, one comparison per figure and block.
        if sk.is_nan() {
            break;
        }
        for (cb, xb) in counts.iter_mut().zip(&x) {
            for (c, &si) in cb.iter_mut().zip(xb) {
                *c += u32::from(sk > si);
            }
        }
    }
    for (cb, ab) in counts.iter().zip(ahead.chunks_exact_mut(LANES)) {
        ab.copy_from_slice(cb);
    }
}

/// What one run asks for.
#[derive(Debug, Clone, Copy)]
pub struct Plan {
    pub seed: u64,
    pub samples: u64,
    pub chunk: u64,
    /// Ranks tallied.
    pub k: usize,
    pub pairwise: bool,
}

/// Competition ranks of a batch of draws, option-major, in the narrowest type
/// that holds them (so the comparisons run many to a vector register).
#[derive(Debug)]
enum Batch {
    None,
    Narrow(Vec<u8>),
    Wide(Vec<u16>),
}

/// Draws in which `a` ranks strictly above `b`, and strictly below.
#[inline(always)]
fn below<T: Copy + PartialOrd>(a: &[T], b: &[T]) -> (u32, u32) {
    let lt = a.iter().zip(b).map(|(x, y)| u8::from(x < y)).sum::<u8>();
    let gt = a.iter().zip(b).map(|(x, y)| u8::from(x > y)).sum::<u8>();
    (u32::from(lt), u32::from(gt))
}

/// The state of one worker thread: its tally and its scratch space.
#[derive(Debug)]
pub struct Worker {
    pub tally: Tally,
    ranker: Ranker,
    scratch: Vec<f64>,
    narrow: Vec<f32>,
    /// Option-major competition ranks of the pending pairwise batch.
    batch: Batch,
    filled: usize,
    /// Score and figure buffers, kept from chunk to chunk: every uncertain
    /// score is redrawn before it is used, and the others never change.
    buffers: Buffers,
}

impl Worker {
    pub fn new(e: &Evaluator<'_>, plan: &Plan) -> Self {
        Worker {
            tally: Tally::new(e.n, e.m, plan.k, plan.pairwise),
            ranker: Ranker::new(e.n),
            scratch: Vec::new(),
            narrow: Vec::new(),
            batch: match (plan.pairwise, e.n <= 256) {
                (false, _) => Batch::None,
                (true, true) => Batch::Narrow(vec![0; e.n * PAIR_BATCH]),
                (true, false) => Batch::Wide(vec![0; e.n * PAIR_BATCH]),
            },
            filled: 0,
            buffers: e.buffers(),
        }
    }

    /// Adds the pending batch to the pairwise tally. With `lt[i][l]` the
    /// draws in which i ranks strictly above l, and f draws in the batch, the
    /// ties are `f − lt[i][l] − lt[l][i]`, so the tally of i over l grows by
    /// `2·lt[i][l] + ties = f + lt[i][l] − lt[l][i]`: one comparison per ordered pair.
    #[inline(always)]
    fn flush(&mut self, n: usize) {
        if self.filled == 0 {
            return;
        }
        let f = self.filled;
        for i in 0..n {
            for l in 0..i {
                let (lt, gt) = match &self.batch {
                    Batch::Narrow(b) => below(
                        &b[i * PAIR_BATCH..i * PAIR_BATCH + f],
                        &b[l * PAIR_BATCH..l * PAIR_BATCH + f],
                    ),
                    Batch::Wide(b) => below(
                        &b[i * PAIR_BATCH..i * PAIR_BATCH + f],
                        &b[l * PAIR_BATCH..l * PAIR_BATCH + f],
                    ),
                    Batch::None => return,
                };
                let (lt, gt, f) = (u64::from(lt), u64::from(gt), f as u64);
                self.tally.wins[i * n + l] += f + lt - gt;
                self.tally.wins[l * n + i] += f + gt - lt;
            }
        }
        self.filled = 0;
    }

    /// Tallies one ranking of the draw `w`.
    #[inline(always)]
    fn record(&mut self, n: usize, m: usize, k: usize, w: &[f64], ranked: usize) {
        let ahead = &self.ranker.ahead;
        if !self.ranker.tied {
            // Without ties the option at place r of the order has rank r, and
            // only the first ranks first.
            let order = &self.ranker.order[..ranked];
            for (r, &o) in order.iter().enumerate().take(k) {
                self.tally.ranks[o * k + r] += UNITS;
            }
            let o = order[0];
            for (c, &wj) in self.tally.central[o * m..(o + 1) * m].iter_mut().zip(w) {
                *c += (wj * FIXED + 0.5) as u64;
            }
        } else {
            // Walk the ties in rank order: the group of size t starting at rank a
            // shares ranks a..a+t.
            let order = &self.ranker.order[..ranked];
            let mut p = 0;
            while p < order.len() {
                let a = ahead[order[p]] as usize;
                let mut t = 1;
                while p + t < order.len() && ahead[order[p + t]] as usize == a {
                    t += 1;
                }
                for q in 0..t {
                    let o = order[p + q];
                    for r in 0..t {
                        if a + r < k {
                            self.tally.ranks[o * k + a + r] += share(t, q, r);
                        }
                    }
                    if a == 0 {
                        let units = share(t, q, 0);
                        for (c, &wj) in self.tally.central[o * m..(o + 1) * m].iter_mut().zip(w) {
                            *c += (wj * FIXED + 0.5) as u64 * units / UNITS;
                        }
                    }
                }
                p += t;
            }
        }
        if !matches!(self.batch, Batch::None) {
            let at = self.filled;
            match &mut self.batch {
                Batch::Narrow(b) => {
                    for (i, &a) in ahead.iter().enumerate().take(n) {
                        b[i * PAIR_BATCH + at] = a as u8;
                    }
                }
                Batch::Wide(b) => {
                    for (i, &a) in ahead.iter().enumerate().take(n) {
                        b[i * PAIR_BATCH + at] = a as u16;
                    }
                }
                Batch::None => {}
            }
            self.filled += 1;
            if self.filled == PAIR_BATCH {
                self.flush(n);
            }
        }
    }
}

/// Runs chunk `c` of the main pass into `worker`, with the widest vector
/// instructions the processor has (the same bits on any).
pub fn chunk(e: &Evaluator<'_>, weights: &WeightSampler, plan: &Plan, c: u64, worker: &mut Worker) {
    crate::simd::run(Chunk {
        e,
        weights,
        plan,
        c,
        worker,
    });
}

/// One chunk of the main pass, as a vector kernel.
struct Chunk<'a, 'b> {
    e: &'a Evaluator<'b>,
    weights: &'a WeightSampler,
    plan: &'a Plan,
    c: u64,
    worker: &'a mut Worker,
}

impl crate::simd::Kernel for Chunk<'_, '_> {
    type Output = ();

    #[inline(always)]
    fn run(self) {
        let Chunk {
            e,
            weights,
            plan,
            c,
            worker,
        } = self;
        let (n, m, k) = (e.n, e.m, plan.k);
        let mut rng = ChaCha8Rng::seed_from_u64(plan.seed);
        rng.set_stream(c);
        let size = plan.chunk.min(plan.samples - c * plan.chunk);
        let mut stream = weights.stream(&mut rng);
        let mut b = std::mem::replace(&mut worker.buffers, Buffers::empty());
        let full = k == n || plan.pairwise;
        for _ in 0..size {
            weights.draw(&mut rng, &mut stream, &mut b.w);
            e.draw_scores(&mut rng, &mut b);
            e.figures(&b.values, &b.raw, &b.w, &mut b.s);
            let s = &b.s[..n];
            let ranked = if n <= COUNT_LIMIT {
                worker.ranker.count(s, &mut worker.narrow);
                n
            } else if full {
                worker.ranker.sort(s);
                n
            } else {
                worker.ranker.top(s, k, &mut worker.scratch)
            };
            worker.record(n, m, k, &b.w, ranked);
        }
        worker.flush(n);
        worker.buffers = b;
    }
}

/// Runs `chunks` on the current pool, each thread into its own worker.
pub fn pass(
    e: &Evaluator<'_>,
    weights: &WeightSampler,
    plan: &Plan,
    chunks: std::ops::Range<u64>,
    workers: &[Mutex<Worker>],
) {
    chunks.into_par_iter().for_each(|c| {
        let t = rayon::current_thread_index().unwrap_or(0) % workers.len();
        // Each thread takes only its own worker, so the lock is never contended.
        if let Ok(mut worker) = workers[t].lock() {
            chunk(e, weights, plan, c, &mut worker);
        }
    });
}

/// One chunk of the confidence pass, as a vector kernel: its counts per target.
struct ConfidenceChunk<'a, 'b> {
    e: &'a Evaluator<'b>,
    seed: u64,
    c: u64,
    size: u64,
    targets: &'a [(usize, Vec<f64>)],
}

impl crate::simd::Kernel for ConfidenceChunk<'_, '_> {
    type Output = Vec<u64>;

    #[inline(always)]
    fn run(self) -> Vec<u64> {
        let ConfidenceChunk {
            e,
            seed,
            c,
            size,
            targets,
        } = self;
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        rng.set_stream((1 << 40) + c);
        let mut b = e.buffers();
        let mut local = vec![0u64; targets.len()];
        for _ in 0..size {
            e.draw_scores(&mut rng, &mut b);
            for (count, (o, w)) in local.iter_mut().zip(targets) {
                e.figures(&b.values, &b.raw, w, &mut b.s);
                let s = &b.s[..e.n];
                let best = s.iter().copied().fold(f64::NEG_INFINITY, f64::max);
                if s[*o] >= best - TIE_TOLERANCE {
                    let ties = s.iter().filter(|&&x| x >= best - TIE_TOLERANCE).count();
                    *count += UNITS / ties as u64;
                }
            }
        }
        local
    }
}

/// The confidence factors: the share of score draws in which option `o` ranks
/// first at its central weights, for every `(o, w)` in `targets` at once
/// (the same score draws serve every target). Units of [`UNITS`] per draw.
pub fn confidence(
    e: &Evaluator<'_>,
    seed: u64,
    draws: u64,
    chunk_size: u64,
    targets: &[(usize, Vec<f64>)],
    threads: usize,
) -> Vec<u64> {
    let chunks = draws.div_ceil(chunk_size);
    let tallies: Vec<Mutex<Vec<u64>>> = (0..threads.max(1))
        .map(|_| Mutex::new(vec![0; targets.len()]))
        .collect();
    (0..chunks).into_par_iter().for_each(|c| {
        let local = crate::simd::run(ConfidenceChunk {
            e,
            seed,
            c,
            size: chunk_size.min(draws - c * chunk_size),
            targets,
        });
        let t = rayon::current_thread_index().unwrap_or(0) % tallies.len();
        if let Ok(mut tally) = tallies[t].lock() {
            for (a, b) in tally.iter_mut().zip(&local) {
                *a += b;
            }
        }
    });
    let mut total = vec![0u64; targets.len()];
    for t in tallies {
        if let Ok(t) = t.into_inner() {
            for (a, b) in total.iter_mut().zip(&t) {
                *a += b;
            }
        }
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tie_shares_sum_to_the_units_per_option_and_per_rank() {
        for t in 1..40 {
            for p in 0..t {
                assert_eq!((0..t).map(|r| share(t, p, r)).sum::<u64>(), UNITS);
            }
            for r in 0..t {
                assert_eq!((0..t).map(|p| share(t, p, r)).sum::<u64>(), UNITS);
            }
        }
    }

    /// Every block layout of the count (one to four blocks of 16), with and
    /// without ties, against the sort.
    #[test]
    fn counting_agrees_with_sorting_for_every_block_count() {
        for n in [1, 7, 16, 17, 33, 48, 49, 64] {
            // Distinct figures in a scrambled order, then the same with a tie.
            let mut s: Vec<f64> = (0..n).map(|i| ((i * 37) % n) as f64 * 0.25).collect();
            for tie in [false, true] {
                if tie && n > 1 {
                    s[n - 1] = s[0] + 1e-12;
                }
                let (mut a, mut b) = (Ranker::new(n), Ranker::new(n));
                a.count(&s, &mut vec![]);
                b.sort(&s);
                assert_eq!(a.ahead[..n], b.ahead[..n], "n = {n}, tie = {tie}");
                assert_eq!(a.tied, b.tied, "n = {n}, tie = {tie}");
            }
        }
    }

    #[test]
    fn counting_and_sorting_give_the_same_competition_ranks() {
        let s = [0.5, 0.9, 0.5 + 1e-12, 0.1, 0.9];
        let mut a = Ranker::new(5);
        a.count(&s, &mut vec![]);
        let mut b = Ranker::new(5);
        b.sort(&s);
        assert_eq!(a.ahead[..5], b.ahead[..5]);
        assert_eq!(a.ahead[..5], [2, 0, 2, 4, 0]);
        assert!(a.tied);
        // Distinct in double precision, equal in single: sorted exactly.
        let close = [0.3, 0.3 + 1e-8, 0.1];
        let mut c = Ranker::new(3);
        c.count(&close, &mut vec![]);
        assert_eq!(c.ahead[..3], [1, 0, 2]);
        assert!(!c.tied);
    }

    /// PROMETHEE II's net flow is linear in the weights, so the weighted sum
    /// of per-criterion net flows that SMAA draws with fixed scores must
    /// give the figures of the method itself, and the same ranking, under
    /// any weights.
    #[test]
    fn promethee_figures_from_criterion_flows_match_the_method() {
        use crate::methods::{Problem, Promethee, criterion_flows};
        use rand::RngExt;
        let model = crate::from_texts(
            crate::input::DEFAULT_OPTIONS,
            crate::input::DEFAULT_CRITERIA,
        )
        .expect("the built-in model is valid");
        let flows = criterion_flows(&Problem::of(&model));
        let linear = Evaluator::new(&model, Box::new(Promethee::default()), Some(flows), vec![]);
        let general = Evaluator::new(&model, Box::new(Promethee::default()), None, vec![]);
        let (mut a, mut b) = (linear.buffers(), general.buffers());
        let mut rng = ChaCha8Rng::seed_from_u64(5);
        for _ in 0..200 {
            let w: Vec<f64> = (0..linear.m).map(|_| rng.random::<f64>()).collect();
            let total: f64 = w.iter().sum();
            let w: Vec<f64> = w.iter().map(|x| x / total).collect();
            linear.figures(&a.values, &a.raw, &w, &mut a.s);
            general.figures(&b.values, &b.raw, &w, &mut b.s);
            for i in 0..linear.n {
                assert!((a.s[i] - b.s[i]).abs() < 1e-12, "{} vs {}", a.s[i], b.s[i]);
            }
        }
    }
}
