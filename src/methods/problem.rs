//! The decision problem a method sees: raw scores stored row by row, and the criteria.

use std::borrow::Cow;
use std::sync::OnceLock;

use nalgebra::DMatrix;
use rayon::prelude::*;

use super::normalization::{Normalization, Stats};
use crate::model::{Criterion, Model};

/// Rows per chunk of work. Fixed, so every sum is taken in the same order
/// whatever the number of threads: results are bit-identical with 1 or 64.
pub(crate) const CHUNK_ROWS: usize = 4096;

/// Below this many cells a problem is evaluated on the calling thread; the
/// chunks are the same either way, only who computes them differs.
const PARALLEL_CELLS: usize = 1 << 18;

/// What a method sees of the model: raw scores (options × criteria) and the criteria.
///
/// The scores are one contiguous row-major slice (`scores[i * m + j]`), the
/// layout the methods' loops read in order: one option's scores are adjacent.
#[derive(Debug, Clone)]
pub struct Problem<'a> {
    scores: Cow<'a, [f64]>,
    options: usize,
    /// The criteria, in column order.
    pub criteria: &'a [Criterion],
    detail: Vec<usize>,
    /// Column statistics per normalization, gathered on first use.
    stats: [OnceLock<Stats>; Normalization::NAMES.len()],
}

impl<'a> Problem<'a> {
    /// The problem a model states (its scores copied once into row-major order).
    pub fn of(model: &'a Model) -> Self {
        Problem::new(&model.scores, &model.criteria)
    }

    /// A problem from a matrix of raw scores, options × criteria.
    pub fn new(scores: &DMatrix<f64>, criteria: &'a [Criterion]) -> Self {
        let (n, m) = scores.shape();
        debug_assert_eq!(m, criteria.len());
        let mut rows = vec![0.0; n * m];
        for (j, column) in scores.column_iter().enumerate() {
            for (i, x) in column.iter().enumerate() {
                rows[i * m + j] = *x;
            }
        }
        Problem {
            scores: Cow::Owned(rows),
            options: n,
            criteria,
            detail: vec![],
            stats: Default::default(),
        }
    }

    /// A problem over scores already stored row by row (`rows.len()` must be a
    /// multiple of the number of criteria); nothing is copied.
    pub fn from_rows(rows: &'a [f64], criteria: &'a [Criterion]) -> Self {
        let m = criteria.len().max(1);
        debug_assert_eq!(rows.len() % m, 0);
        Problem {
            scores: Cow::Borrowed(rows),
            options: if criteria.is_empty() {
                0
            } else {
                rows.len() / m
            },
            criteria,
            detail: vec![],
            stats: Default::default(),
        }
    }

    /// Asks the methods to keep their per-cell steps (normalized scores,
    /// weighted factors, flows per criterion) for these options. Without it
    /// a method computes no matrix it does not need for the figures.
    pub fn with_detail(mut self, options: &[usize]) -> Self {
        self.detail = options.to_vec();
        self
    }

    /// The column statistics under `normalization`, gathered by `gather`
    /// the first time they are asked for.
    pub(crate) fn column_stats(
        &self,
        normalization: Normalization,
        gather: impl FnOnce() -> Stats,
    ) -> &Stats {
        self.stats[normalization as usize].get_or_init(gather)
    }

    /// The options whose per-cell steps are kept.
    pub fn detail(&self) -> &[usize] {
        &self.detail
    }

    /// Number of options (rows).
    pub fn options(&self) -> usize {
        self.options
    }

    /// Number of criteria (columns).
    pub fn width(&self) -> usize {
        self.criteria.len()
    }

    /// Every raw score, row by row.
    pub fn rows(&self) -> &[f64] {
        &self.scores
    }

    /// The raw scores of option `i`.
    pub fn row(&self, i: usize) -> &[f64] {
        let m = self.width();
        &self.scores[i * m..(i + 1) * m]
    }

    /// The raw score of option `i` on criterion `j`.
    pub fn score(&self, i: usize, j: usize) -> f64 {
        self.scores[i * self.width() + j]
    }

    /// Values in `0..=1`, options × criteria, through each criterion's value function.
    pub fn values(&self) -> DMatrix<f64> {
        DMatrix::from_fn(self.options, self.width(), |i, j| {
            self.criteria[j].value(self.score(i, j))
        })
    }

    /// Whether this problem is large enough to split across threads.
    pub(crate) fn parallel(&self) -> bool {
        self.scores.len() >= PARALLEL_CELLS
    }

    /// `f(first_row, rows, out)` over fixed chunks of [`CHUNK_ROWS`] rows, each
    /// writing its own slice of `out` (`per_row` outputs per option); in
    /// parallel on large problems. Deterministic: chunking never depends on
    /// the thread count.
    pub(crate) fn for_chunks<T, F>(&self, out: &mut [T], per_row: usize, f: F)
    where
        T: Send,
        F: Fn(usize, &[f64], &mut [T]) + Sync + Send,
    {
        let m = self.width();
        if m == 0 || self.options == 0 {
            return;
        }
        if self.parallel() {
            self.scores
                .par_chunks(CHUNK_ROWS * m)
                .zip(out.par_chunks_mut(CHUNK_ROWS * per_row))
                .enumerate()
                .for_each(|(c, (x, o))| f(c * CHUNK_ROWS, x, o));
        } else {
            let rows = self.scores.chunks(CHUNK_ROWS * m);
            for (c, (x, o)) in rows.zip(out.chunks_mut(CHUNK_ROWS * per_row)).enumerate() {
                f(c * CHUNK_ROWS, x, o);
            }
        }
    }

    /// `f(rows)` over fixed chunks, the results in chunk order (for reductions
    /// that must be combined in a fixed order).
    pub(crate) fn map_chunks<T, F>(&self, f: F) -> Vec<T>
    where
        T: Send,
        F: Fn(&[f64]) -> T + Sync + Send,
    {
        let m = self.width().max(1);
        if self.parallel() {
            self.scores.par_chunks(CHUNK_ROWS * m).map(f).collect()
        } else {
            self.scores.chunks(CHUNK_ROWS * m).map(f).collect()
        }
    }
}
