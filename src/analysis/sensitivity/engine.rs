//! One sweep, exact or numerical: where the top stops being first, which
//! swaps happen, and the most critical criterion for the top and for pairs.

use nalgebra::DMatrix;

use super::critical::{self, Change};
use super::lines::{Crossing, Lines};
use super::numerical::{Evaluator, Sampled};
use super::sweep::{Edge, Path, Rebalance, Scope};
use crate::methods::{Method, Problem};

/// How scores along a sweep are found.
#[derive(Debug, Clone, Copy)]
pub enum Engine<'a> {
    /// A method whose score is linear in the weights (the additive model,
    /// PROMETHEE II): every score is linear along a sweep.
    Exact {
        /// The coefficients of the weights, options × criteria: values, or
        /// per-criterion net flows.
        values: &'a DMatrix<f64>,
    },
    /// Any other method: evaluated on a grid.
    Numerical {
        /// The method.
        method: &'a dyn Method,
        /// The problem.
        problem: &'a Problem<'a>,
    },
}

/// What one sweep finds.
#[derive(Debug, Clone, Default)]
pub struct Found {
    /// Where the top stops being first, below and above the current weight.
    pub edges: [Option<Edge>; 2],
    /// The swaps listed.
    pub crossings: Vec<Crossing>,
    /// The grid a numerical sweep evaluated, until the critical-criterion
    /// search has reused it.
    pub grid: Option<Sampled>,
}

impl Engine<'_> {
    /// The sweep along `path`; swaps only when `scope` is given.
    pub fn sweep(&self, path: &Path, top: usize, scope: Option<Scope>) -> Found {
        match *self {
            Engine::Exact { values } => {
                let lines = Lines::of(values, path);
                let edges = lines.top_edges(top, path.current);
                let crossings = match scope {
                    None => vec![],
                    Some(Scope::All) => {
                        let all: Vec<usize> = (0..values.nrows()).collect();
                        lines.crossings(&all, usize::MAX, 0.0, lines.end)
                    }
                    Some(Scope::Top(k)) => lines.top_crossings(k),
                };
                Found {
                    edges,
                    crossings,
                    grid: None,
                }
            }
            Engine::Numerical { method, problem } => {
                let eval = Evaluator {
                    method,
                    problem,
                    path,
                };
                let sampled = Sampled::of(&eval);
                let edges = sampled.top_edges(&eval, top);
                let crossings = match scope {
                    None => vec![],
                    Some(Scope::All) => sampled.crossings(&eval, None),
                    Some(Scope::Top(k)) => sampled.crossings(&eval, Some(k)),
                };
                Found {
                    edges,
                    crossings,
                    grid: Some(sampled),
                }
            }
        }
    }

    /// Every option's score at 101 points along `path`, for a chart.
    pub fn samples(&self, path: &Path) -> Vec<(f64, Vec<f64>)> {
        let ts = (0..=100).map(|k| path.end * f64::from(k) / 100.0);
        match *self {
            Engine::Exact { values } => {
                let lines = Lines::of(values, path);
                ts.map(|t| {
                    let s = (0..values.nrows()).map(|i| lines.at(i, t)).collect();
                    (t, s)
                })
                .collect()
            }
            Engine::Numerical { method, problem } => ts
                .map(|t| (t, method.evaluate(problem, &path.at(t)).scores))
                .collect(),
        }
    }

    /// Adds criterion `j` to the search for the most critical criterion of
    /// the top and of each pair, by absolute and by relative change of one
    /// weight, the others held fixed (see [`critical`]). `pairs` are
    /// `(ahead, behind)`. `proportional` is this criterion's proportional
    /// sweep when it was already run (numerical methods reuse its grid).
    #[allow(clippy::too_many_arguments)]
    pub fn add_critical(
        &self,
        out: &mut Criticals,
        weights: &[f64],
        scores: &[f64],
        top: usize,
        pairs: &[(usize, usize)],
        j: usize,
        proportional: Option<&Found>,
    ) {
        let merge = |slot: &mut (Option<Change>, Option<Change>), c: Change| {
            slot.0 = critical::smaller_absolute(slot.0, c);
            slot.1 = critical::smaller_relative(slot.1, c, weights);
        };
        match *self {
            Engine::Exact { values } => {
                let (a, r) = critical::additive_top(values, scores, weights, top, &[j]);
                for c in [a, r].into_iter().flatten() {
                    merge(&mut out.top, c);
                }
                for (slot, &pair) in out.pairs.iter_mut().zip(pairs) {
                    let (a, r) = critical::additive_pair(values, scores, weights, pair, &[j]);
                    for c in [a, r].into_iter().flatten() {
                        merge(slot, c);
                    }
                }
            }
            Engine::Numerical { method, problem } => {
                // The others held fixed rank as the proportional sweep does.
                let path = Path::of(weights, &[j], Rebalance::Proportional);
                let eval = Evaluator {
                    method,
                    problem,
                    path: &path,
                };
                let own;
                let (grid, top_edges) =
                    match proportional.and_then(|f| f.grid.as_ref().map(|g| (g, f.edges))) {
                        Some(reused) => reused,
                        None => {
                            own = Sampled::of(&eval);
                            let edges = own.top_edges(&eval, top);
                            (&own, edges)
                        }
                    };
                let offer = |slot: &mut (Option<Change>, Option<Change>),
                             edges: [Option<Edge>; 2],
                             displaced: usize| {
                    for e in edges.into_iter().flatten() {
                        let c = Change::from_sweep(j, weights[j], e.t, e.overtaker, displaced);
                        if c.delta.is_finite() {
                            merge(slot, c);
                        }
                    }
                };
                offer(&mut out.top, top_edges, top);
                for (slot, &(a, b)) in out.pairs.iter_mut().zip(pairs) {
                    offer(slot, grid.pair_edges(&eval, a, b), a);
                }
            }
        }
    }
}

/// The most critical changes found: `(absolute, relative)` for the top and
/// for each pair asked for.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Criticals {
    /// For the top.
    pub top: (Option<Change>, Option<Change>),
    /// For each pair.
    pub pairs: Vec<(Option<Change>, Option<Change>)>,
}
