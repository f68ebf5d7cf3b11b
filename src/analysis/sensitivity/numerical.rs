//! Sweeps under methods whose scores are not linear in the weights (WPM,
//! TOPSIS, VIKOR, PROMETHEE): crossings are found on one shared grid and
//! refined together.
//!
//! The path is evaluated once at `GRID + 1` evenly spaced weights (and at
//! the current weight). Between two neighbouring grid points, the pairs
//! whose order differs at the two ends have crossed. Every crossing found
//! in the same bracket is refined by the same evaluations: each round
//! evaluates the method at 7 evenly spaced interior points of the bracket
//! and gives each crossing the eighth in which its pair changes order,
//! until the bracket is narrower than 1e-7. A crossing costs about
//! 7·log₈(width/1e-7) evaluations shared with every other crossing nearby,
//! instead of a bisection of its own per pair. A crossing alone in its
//! bracket shares nothing, and is found by regula falsi ([`regula_falsi`])
//! in a handful of evaluations.

use std::collections::BTreeMap;

use rayon::prelude::*;

use super::lines::Crossing;
use super::sweep::{Edge, Path};
use crate::analysis::ranking::TIE_TOLERANCE;
use crate::methods::{Better, Method, Problem};

/// Grid intervals per sweep.
pub const GRID: usize = 400;

/// Brackets are refined until narrower than this: the precision of a
/// numerical threshold.
pub const WIDTH: f64 = 1e-7;

/// Interior points evaluated per bracket and round.
const SPLIT: usize = 7;

/// A method along one path, oriented so that a higher figure is better.
#[derive(Debug, Clone, Copy)]
pub struct Evaluator<'a> {
    /// The method.
    pub method: &'a dyn Method,
    /// The problem.
    pub problem: &'a Problem<'a>,
    /// The path.
    pub path: &'a Path,
}

impl Evaluator<'_> {
    /// Every option's figure at `t`, higher is better.
    pub fn at(&self, t: f64) -> Vec<f64> {
        let e = self.method.evaluate(self.problem, &self.path.at(t));
        match e.better {
            Better::Higher => e.scores,
            Better::Lower => e.scores.into_iter().map(|s| -s).collect(),
        }
    }
}

/// Whether `a` is ahead of `b` by more than the tie tolerance.
fn leads(scores: &[f64], a: usize, b: usize) -> bool {
    scores[a] - scores[b] > TIE_TOLERANCE
}

/// Whether `top` is behind nobody by more than the tie tolerance.
fn on_top(scores: &[f64], top: usize) -> bool {
    scores.iter().all(|&s| s - scores[top] <= TIE_TOLERANCE)
}

/// The best option other than `top` (lowest index among equals).
fn best_other(scores: &[f64], top: usize) -> usize {
    (0..scores.len())
        .filter(|&i| i != top)
        .max_by(|&a, &b| scores[a].total_cmp(&scores[b]).then(b.cmp(&a)))
        .unwrap_or(top)
}

/// One path sampled on the grid.
#[derive(Debug, Clone, Default)]
pub struct Sampled {
    /// The grid, ascending, including the current weight.
    pub ts: Vec<f64>,
    /// Figures at each grid point (higher is better).
    pub scores: Vec<Vec<f64>>,
    /// The index of the current weight in `ts`.
    pub now: usize,
}

impl Sampled {
    /// Evaluates `eval` on the grid.
    pub fn of(eval: &Evaluator<'_>) -> Sampled {
        let end = eval.path.end;
        let current = eval.path.current.clamp(0.0, end);
        let mut ts: Vec<f64> = (0..=GRID).map(|k| end * k as f64 / GRID as f64).collect();
        ts.push(current);
        ts.sort_by(f64::total_cmp);
        ts.dedup();
        let now = ts.iter().position(|&t| t == current).unwrap_or(0);
        // Grid points are independent: evaluated in parallel, collected in order.
        let scores = ts.par_iter().map(|&t| eval.at(t)).collect();
        Sampled { ts, scores, now }
    }

    /// The first weight beyond the current one, on each side, at which
    /// `holds` stops holding, refined by bisection; `None` on a side where
    /// it holds to the end of the sweep.
    fn edges(
        &self,
        eval: &Evaluator<'_>,
        holds: impl Fn(&[f64]) -> bool,
        who: impl Fn(&[f64]) -> usize,
    ) -> [Option<Edge>; 2] {
        let refine = |good: f64, bad: f64| -> Edge {
            let (mut good, mut bad) = (good, bad);
            let mut at_bad = None;
            while (bad - good).abs() > WIDTH {
                let mid = 0.5 * (good + bad);
                let s = eval.at(mid);
                if holds(&s) {
                    good = mid;
                } else {
                    bad = mid;
                    at_bad = Some(s);
                }
            }
            let s = at_bad.unwrap_or_else(|| eval.at(bad));
            Edge {
                t: 0.5 * (good + bad),
                overtaker: who(&s),
            }
        };
        let below = (0..self.now)
            .rev()
            .find(|&k| !holds(&self.scores[k]))
            .map(|k| refine(self.ts[k + 1], self.ts[k]));
        let above = (self.now + 1..self.ts.len())
            .find(|&k| !holds(&self.scores[k]))
            .map(|k| refine(self.ts[k - 1], self.ts[k]));
        [below, above]
    }

    /// Where `top` stops being first, below and above the current weight.
    pub fn top_edges(&self, eval: &Evaluator<'_>, top: usize) -> [Option<Edge>; 2] {
        self.edges(eval, |s| on_top(s, top), |s| best_other(s, top))
    }

    /// Where `ahead` stops being strictly ahead of `behind`, below and above.
    pub fn pair_edges(
        &self,
        eval: &Evaluator<'_>,
        ahead: usize,
        behind: usize,
    ) -> [Option<Edge>; 2] {
        self.edges(eval, |s| leads(s, ahead, behind), |_| behind)
    }

    /// Every crossing for places up to `max_place` (or every crossing, when
    /// `max_place` is `None`), refined together, in order of weight.
    pub fn crossings(&self, eval: &Evaluator<'_>, max_place: Option<usize>) -> Vec<Crossing> {
        let n = self.scores.first().map_or(0, Vec::len);
        let order = |s: &[f64]| {
            let mut o: Vec<usize> = (0..n).collect();
            o.sort_by(|&a, &b| s[b].total_cmp(&s[a]).then(a.cmp(&b)));
            o
        };
        let orders: Vec<Vec<usize>> = self.scores.iter().map(|s| order(s)).collect();
        // Brackets (as grid-interval bounds) with the pairs that cross in them.
        let mut pending: Vec<(f64, f64, usize, usize)> = vec![];
        let mut seen = std::collections::HashSet::new();
        for k in 0..self.ts.len() - 1 {
            let pairs = match max_place {
                Some(places) => {
                    let mut set: Vec<usize> = orders[k]
                        .iter()
                        .take(places + 1)
                        .chain(orders[k + 1].iter().take(places + 1))
                        .copied()
                        .collect();
                    set.sort_unstable();
                    set.dedup();
                    let mut pairs = vec![];
                    for (x, &a) in set.iter().enumerate() {
                        for &b in &set[x + 1..] {
                            pairs.push((a, b));
                        }
                    }
                    pairs
                }
                None => inversions(&orders[k], &orders[k + 1]),
            };
            for (a, b) in pairs {
                if let Some(c) = self.crossing(k, a, b)
                    && seen.insert((a.min(b), a.max(b), c.1.to_bits()))
                {
                    pending.push(c);
                }
            }
        }
        let mut found = refine_together(eval, pending);
        if let Some(places) = max_place {
            // The place each swap is for, where it happens.
            found.retain_mut(|c| {
                let s = eval.at(c.t);
                let best = s[c.ahead].max(s[c.behind]);
                c.place = 1
                    + (0..n)
                        .filter(|&o| o != c.ahead && o != c.behind && s[o] > best)
                        .count();
                c.place <= places
            });
        }
        found.sort_by(|a, b| a.t.total_cmp(&b.t));
        found
    }
}

impl Sampled {
    /// Whether `a` and `b` cross around grid interval `k`, as a bracket
    /// `(lo, hi, ahead, behind)`: `ahead` leads strictly at `lo`, not at
    /// `hi`, and `behind` leads at the next grid point where they are not
    /// tied. Ties at grid points (within the tie tolerance) are looked
    /// through, so a crossing exactly on the grid is found once.
    fn crossing(&self, k: usize, a: usize, b: usize) -> Option<(f64, f64, usize, usize)> {
        let tied = |p: usize| !leads(&self.scores[p], a, b) && !leads(&self.scores[p], b, a);
        let mut p = k;
        while tied(p) {
            p = p.checked_sub(1)?;
        }
        let (ahead, behind) = if leads(&self.scores[p], a, b) {
            (a, b)
        } else {
            (b, a)
        };
        let q = (p + 1..self.ts.len()).find(|&q| !leads(&self.scores[q], ahead, behind))?;
        if q > k + 1 {
            return None;
        }
        let r = (q..self.ts.len()).find(|&r| !tied(r))?;
        leads(&self.scores[r], behind, ahead).then(|| (self.ts[q - 1], self.ts[q], ahead, behind))
    }
}

/// The pairs that change order between two orders of the same options, by
/// insertion-sorting the first into the second: `O(n + inversions)`.
fn inversions(before: &[usize], after: &[usize]) -> Vec<(usize, usize)> {
    let mut rank = vec![0; before.len()];
    for (p, &o) in after.iter().enumerate() {
        rank[o] = p;
    }
    let mut seq = before.to_vec();
    let mut pairs = vec![];
    for i in 1..seq.len() {
        let mut p = i;
        while p > 0 && rank[seq[p - 1]] > rank[seq[p]] {
            pairs.push((seq[p - 1], seq[p]));
            seq.swap(p - 1, p);
            p -= 1;
        }
    }
    pairs
}

/// Narrows every bracket below [`WIDTH`], sharing the evaluations of each
/// bracket among all crossings in it.
fn refine_together(eval: &Evaluator<'_>, pending: Vec<(f64, f64, usize, usize)>) -> Vec<Crossing> {
    let mut done = vec![];
    let mut pending = pending;
    while !pending.is_empty() {
        let mut groups: BTreeMap<(u64, u64), Vec<(usize, usize)>> = BTreeMap::new();
        for (lo, hi, a, b) in pending.drain(..) {
            if hi - lo <= WIDTH {
                done.push(Crossing {
                    t: 0.5 * (lo + hi),
                    ahead: a,
                    behind: b,
                    place: 0,
                });
            } else {
                groups
                    .entry((lo.to_bits(), hi.to_bits()))
                    .or_default()
                    .push((a, b));
            }
        }
        // A pair alone in its bracket shares nothing: its own root-finding
        // needs fewer evaluations, and the brackets run in parallel.
        let (single, shared): (Vec<_>, Vec<_>) = groups.into_iter().partition(|g| g.1.len() == 1);
        let solved: Vec<Crossing> = single
            .par_iter()
            .map(|((lo, hi), pairs)| {
                let (a, b) = pairs[0];
                regula_falsi(eval, f64::from_bits(*lo), f64::from_bits(*hi), a, b)
            })
            .collect();
        done.extend(solved);
        for ((lo, hi), pairs) in shared {
            let (lo, hi) = (f64::from_bits(lo), f64::from_bits(hi));
            let step = (hi - lo) / (SPLIT + 1) as f64;
            let points: Vec<f64> = (1..=SPLIT).map(|k| lo + step * k as f64).collect();
            let scores: Vec<Vec<f64>> = points.par_iter().map(|&t| eval.at(t)).collect();
            for (a, b) in pairs {
                // The first interior point where `a` no longer leads `b`.
                let k = scores.iter().position(|s| !leads(s, a, b));
                let (l, h) = match k {
                    Some(0) => (lo, points[0]),
                    Some(k) => (points[k - 1], points[k]),
                    None => (points[SPLIT - 1], hi),
                };
                pending.push((l, h, a, b));
            }
        }
    }
    done
}

/// Where `a` stops leading `b` in `(lo, hi)` (it leads at `lo`, not at
/// `hi`), to a bracket narrower than [`WIDTH`]: the Illinois variant of
/// regula falsi on `d(t) = s_a(t) − s_b(t) − tolerance` (Dowell & Jarratt
/// 1971, "A modified regula falsi method for computing the root of an
/// equation", BIT 11), which converges superlinearly on the smooth scores
/// of these methods, with a probe just past each estimate to close the
/// bracket, and bisection whenever a step fails to halve it.
fn regula_falsi(eval: &Evaluator<'_>, lo: f64, hi: f64, a: usize, b: usize) -> Crossing {
    let d = |t: f64| {
        let s = eval.at(t);
        s[a] - s[b] - TIE_TOLERANCE
    };
    let mut k = Bracket {
        lo,
        dl: d(lo),
        hi,
        dh: d(hi),
    };
    // The side whose end moved last (-1 low, 1 high), for the Illinois step.
    let mut last = 0;
    while k.hi - k.lo > WIDTH {
        let width = k.hi - k.lo;
        let secant = k.hi - k.dh * (k.hi - k.lo) / (k.dh - k.dl);
        let t = if secant > k.lo && secant < k.hi {
            secant
        } else {
            0.5 * (k.lo + k.hi)
        };
        let dt = d(t);
        let side = if dt > 0.0 { -1 } else { 1 };
        if side == last {
            // The same end moved twice: halve the other end's value.
            if side == -1 {
                k.dh *= 0.5;
            } else {
                k.dl *= 0.5;
            }
        }
        last = side;
        k.narrow(t, dt);
        // The root is just past t when the estimate was good: a probe there
        // closes the bracket.
        let u = t - f64::from(side) * 0.4 * WIDTH;
        if u > k.lo && u < k.hi {
            k.narrow(u, d(u));
        }
        if k.hi - k.lo > 0.5 * width {
            // Slow progress: bisect once.
            let mid = 0.5 * (k.lo + k.hi);
            k.narrow(mid, d(mid));
            last = 0;
        }
    }
    Crossing {
        t: 0.5 * (k.lo + k.hi),
        ahead: a,
        behind: b,
        place: 0,
    }
}

/// A bracket `[lo, hi]` of a sign change of `d`, with `d` at each end.
struct Bracket {
    lo: f64,
    dl: f64,
    hi: f64,
    dh: f64,
}

impl Bracket {
    /// `t` replaces the end whose sign `d(t)` shares (NaN counts as "not
    /// leading", as on the grid).
    fn narrow(&mut self, t: f64, dt: f64) {
        if dt > 0.0 {
            (self.lo, self.dl) = (t, dt);
        } else {
            (self.hi, self.dh) = (t, dt);
        }
    }
}
