//! Exact sweeps under the additive model, where every option's score along a
//! sweep is a line `s_i(t) = a_i + b_i·t`.
//!
//! Two options swap where their lines cross. Listing every crossing costs
//! `O(n²)` on `n` options, and most of them happen far down the ranking, so
//! the swaps that change the top `k` places are found by a kinetic sweep
//! (Basch, Guibas & Hershberger 1999, "Data structures for mobile data"):
//! keep the options sorted by score, and process the crossings of
//! neighbours in the order they happen. Options that at least `k + 1` others
//! beat at both ends of the sweep never reach the top `k + 1` places (two
//! lines that are ordered at both ends are ordered everywhere between), so
//! the sweep runs only over the others, found in `O(n log n)`; where too
//! many remain (options whose lines all cross, a trade-off along the swept
//! criterion), the sweep is split into windows and pruned again in each.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use nalgebra::DMatrix;

use super::critical::clean;
use super::sweep::{Edge, Path};

/// Every option's score along one sweep, as `(a_i, b_i)`.
#[derive(Debug, Clone, PartialEq)]
pub struct Lines {
    /// `(a_i, b_i)` per option.
    pub lines: Vec<(f64, f64)>,
    /// The last `t` of the sweep.
    pub end: f64,
}

/// A crossing found by a sweep, before ids are attached.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Crossing {
    /// The swept weight at the crossing.
    pub t: f64,
    /// The option ahead before the crossing.
    pub ahead: usize,
    /// The option ahead after it.
    pub behind: usize,
    /// The place (1-based) the two swap for: `behind` takes place `place`,
    /// `ahead` drops to `place + 1`.
    pub place: usize,
}

impl Lines {
    /// The lines of `values` (options × criteria) along `path`.
    pub fn of(values: &DMatrix<f64>, path: &Path) -> Lines {
        let lines = (0..values.nrows())
            .map(|i| {
                let row = values.row(i);
                let a = row.iter().zip(&path.base).map(|(v, w)| v * w).sum();
                let b = row.iter().zip(&path.slope).map(|(v, w)| v * w).sum();
                (a, b)
            })
            .collect();
        Lines {
            lines,
            end: path.end,
        }
    }

    /// Score of option `i` at `t`.
    pub fn at(&self, i: usize, t: f64) -> f64 {
        let (a, b) = self.lines[i];
        a + b * t
    }

    /// Where `top` stops being first below and above `current` (`None` on
    /// a side where it stays first to the end of the sweep).
    ///
    /// The gap to each other option `l` is `g_l + d_l·(t − current)`, with
    /// `g_l ≥ 0` now (a gap within [`TIE_TOLERANCE`] counts as 0, so a tie
    /// at the top puts an edge at `current` itself). Each `l` bounds the
    /// interval on one side at `current − g_l/d_l`.
    pub fn top_edges(&self, top: usize, current: f64) -> [Option<Edge>; 2] {
        let (mut below, mut above): (Option<Edge>, Option<Edge>) = (None, None);
        for l in 0..self.lines.len() {
            if l == top {
                continue;
            }
            let gap = clean(self.at(top, current) - self.at(l, current)).max(0.0);
            let d = self.lines[top].1 - self.lines[l].1;
            if d.abs() < 1e-15 {
                continue;
            }
            let t = current - gap / d;
            let edge = Edge { t, overtaker: l };
            if d > 0.0 {
                if (t > 1e-12 || gap == 0.0) && below.is_none_or(|b| t > b.t) {
                    below = Some(edge);
                }
            } else if (t < self.end - 1e-12 || gap == 0.0) && above.is_none_or(|a| t < a.t) {
                above = Some(edge);
            }
        }
        [below, above]
    }

    /// Every swap for the first `k` places inside the sweep, in order.
    ///
    /// The sweep is split into windows until each has few contenders (see
    /// [`Lines::contenders`]), so even options whose lines all cross each
    /// other, a trade-off along the swept criterion, cost `O(n log n)` per
    /// window rather than a swap per pair.
    pub fn top_crossings(&self, k: usize) -> Vec<Crossing> {
        let all: Vec<usize> = (0..self.lines.len()).collect();
        let mut found = vec![];
        self.window(&all, k, 0.0, self.end, 0, &mut found);
        found
    }

    fn window(
        &self,
        subset: &[usize],
        k: usize,
        lo: f64,
        hi: f64,
        depth: u32,
        out: &mut Vec<Crossing>,
    ) {
        let contenders = self.contenders(subset, k + 1, lo, hi);
        if contenders.len() > WINDOW_CONTENDERS * (k + 1) && depth < MAX_DEPTH {
            let mid = 0.5 * (lo + hi);
            self.window(&contenders, k, lo, mid, depth + 1, out);
            self.window(&contenders, k, mid, hi, depth + 1, out);
        } else {
            out.extend(self.crossings(&contenders, k, lo, hi));
        }
    }

    /// The options of `subset` that can reach the first `places` places
    /// somewhere in `[lo, hi]`: those fewer than `places` others of `subset`
    /// beat at both ends (two lines ordered at both ends of an interval are
    /// ordered everywhere in it).
    ///
    /// Sorting by the score at `lo` (best first) and keeping the `places`
    /// best scores at `hi` seen so far answers "do at least `places`
    /// options beat this one at both ends" in `O(n log n)`.
    pub fn contenders(&self, subset: &[usize], places: usize, lo: f64, hi: f64) -> Vec<usize> {
        let start = |i: usize| self.at(i, lo);
        let finish = |i: usize| self.at(i, hi);
        let mut order = subset.to_vec();
        order.sort_by(|&x, &y| {
            start(y)
                .total_cmp(&start(x))
                .then(finish(y).total_cmp(&finish(x)))
                .then(x.cmp(&y))
        });
        // A min-heap of the `places` best end scores among the options before.
        let mut best: BinaryHeap<std::cmp::Reverse<Key>> = BinaryHeap::new();
        let mut kept = vec![];
        for &i in &order {
            let beaten = best.len() == places && best.peek().is_some_and(|m| m.0.0 >= finish(i));
            if !beaten {
                kept.push(i);
            }
            best.push(std::cmp::Reverse(Key(finish(i))));
            if best.len() > places {
                best.pop();
            }
        }
        kept.sort_unstable();
        kept
    }

    /// Every crossing among `subset` in `(lo, hi]` (and strictly inside the
    /// sweep), in the order they happen, with the place each is for
    /// (counted within `subset`), keeping those for places up to
    /// `max_place`.
    ///
    /// A kinetic sorted list: the first crossing still to come is always
    /// between two neighbours, so a heap of the neighbours' crossing times
    /// finds each swap in `O(log n)`. Each pair crosses at most once (the
    /// one with the steeper line ends ahead), so the sweep does as many
    /// steps as there are crossings among `subset`.
    pub fn crossings(&self, subset: &[usize], max_place: usize, lo: f64, hi: f64) -> Vec<Crossing> {
        let lines = &self.lines;
        let mut order = subset.to_vec();
        // The order just after `lo`: by score, then by slope, then by index.
        order.sort_by(|&x, &y| {
            self.at(y, lo)
                .total_cmp(&self.at(x, lo))
                .then(lines[y].1.total_cmp(&lines[x].1))
                .then(x.cmp(&y))
        });
        let meet = |x: usize, y: usize, now: f64| -> Option<f64> {
            // x is ahead; y catches up only with a steeper line.
            let (ax, bx) = lines[x];
            let (ay, by) = lines[y];
            (by > bx).then(|| ((ax - ay) / (by - bx)).max(now))
        };
        let last = hi.min(self.end - 1e-12);
        let mut heap = BinaryHeap::new();
        let push = |heap: &mut BinaryHeap<Event>, order: &[usize], p: usize, now: f64| {
            if p + 1 < order.len()
                && let Some(t) = meet(order[p], order[p + 1], now)
                && t <= last
            {
                heap.push(Event {
                    t,
                    place: p,
                    ahead: order[p],
                    behind: order[p + 1],
                });
            }
        };
        for p in 0..order.len().saturating_sub(1) {
            push(&mut heap, &order, p, lo);
        }
        let mut found = vec![];
        // A swap at `lo` itself belongs to the window before (or to t = 0).
        let first = lo + 1e-12;
        while let Some(e) = heap.pop() {
            if order[e.place] != e.ahead || order.get(e.place + 1) != Some(&e.behind) {
                continue;
            }
            order.swap(e.place, e.place + 1);
            if e.t > first && e.place < max_place {
                found.push(Crossing {
                    t: e.t,
                    ahead: e.ahead,
                    behind: e.behind,
                    place: e.place + 1,
                });
            }
            if e.place > 0 {
                push(&mut heap, &order, e.place - 1, e.t);
            }
            push(&mut heap, &order, e.place + 1, e.t);
        }
        found
    }
}

/// A window of the sweep is split while it has more contenders than this
/// many per place listed.
const WINDOW_CONTENDERS: usize = 8;

/// Windows are split at most this many times (2⁻²⁰ of the sweep).
const MAX_DEPTH: u32 = 20;

/// A float ordered by `total_cmp`.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Key(f64);

impl Eq for Key {}

impl PartialOrd for Key {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Key {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0.total_cmp(&other.0)
    }
}

/// A crossing of neighbours, earliest first (then the highest place).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Event {
    t: f64,
    place: usize,
    ahead: usize,
    behind: usize,
}

impl Eq for Event {}

impl PartialOrd for Event {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Event {
    fn cmp(&self, other: &Self) -> Ordering {
        // BinaryHeap pops the greatest: reverse so the earliest comes first.
        other
            .t
            .total_cmp(&self.t)
            .then(other.place.cmp(&self.place))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(ls: &[(f64, f64)]) -> Lines {
        Lines {
            lines: ls.to_vec(),
            end: 1.0,
        }
    }

    /// Every pair of lines crosses at most once; listing all pairs directly
    /// must give the same crossings as the kinetic sweep.
    #[test]
    fn the_kinetic_sweep_finds_every_crossing_of_all_pairs() {
        let mut state = 7u64;
        let mut next = || {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (state >> 11) as f64 / (1u64 << 53) as f64
        };
        for _ in 0..50 {
            let ls: Vec<(f64, f64)> = (0..30).map(|_| (next(), next() - 0.5)).collect();
            let l = lines(&ls);
            let all: Vec<usize> = (0..ls.len()).collect();
            let mut kinetic: Vec<(usize, usize)> = l
                .crossings(&all, usize::MAX, 0.0, 1.0)
                .iter()
                .map(|c| (c.ahead.min(c.behind), c.ahead.max(c.behind)))
                .collect();
            let mut direct = vec![];
            for i in 0..ls.len() {
                for j in i + 1..ls.len() {
                    let t = (ls[j].0 - ls[i].0) / (ls[i].1 - ls[j].1);
                    if t > 1e-12 && t < 1.0 - 1e-12 {
                        direct.push((i, j));
                    }
                }
            }
            kinetic.sort_unstable();
            direct.sort_unstable();
            assert_eq!(kinetic, direct);
        }
    }

    /// Lines 0..3 lead; line 4 is beaten by 0, 1 and 2 at both ends, so it
    /// can never reach the top 3 places.
    #[test]
    fn options_beaten_at_both_ends_are_not_contenders() {
        let l = lines(&[(0.9, 0.0), (0.8, 0.1), (0.7, 0.2), (0.0, 1.0), (0.1, 0.1)]);
        let all = [0, 1, 2, 3, 4];
        assert_eq!(l.contenders(&all, 3, 0.0, 1.0), vec![0, 1, 2, 3]);
        assert_eq!(l.contenders(&all, 1, 0.0, 1.0), vec![0, 3]);
    }

    /// Options on a trade-off along the swept criterion: every line crosses
    /// every other. The windowed search for the top k must list exactly
    /// the crossings of the full kinetic sweep whose place is at most k.
    #[test]
    fn the_windowed_top_k_search_equals_the_full_sweep_filtered() {
        let mut state = 11u64;
        let mut next = || {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (state >> 11) as f64 / (1u64 << 53) as f64
        };
        for case in 0..20 {
            let n = 300;
            let ls: Vec<(f64, f64)> = (0..n)
                .map(|_| {
                    let a = next();
                    // Anti-correlated in half the cases: every pair crosses.
                    let b = if case % 2 == 0 {
                        -2.0 * a + 0.01 * next()
                    } else {
                        next() - 0.5
                    };
                    (a, b)
                })
                .collect();
            let l = lines(&ls);
            let all: Vec<usize> = (0..n).collect();
            for k in [1, 3] {
                let key = |c: &Crossing| (c.ahead, c.behind, c.place);
                let mut full: Vec<_> = l.crossings(&all, k, 0.0, 1.0).iter().map(key).collect();
                let mut windowed: Vec<_> = l.top_crossings(k).iter().map(key).collect();
                full.sort_unstable();
                windowed.sort_unstable();
                assert_eq!(full, windowed, "case {case}, k = {k}");
            }
        }
    }

    #[test]
    fn a_tie_at_the_top_keeps_the_current_weight_inside_its_interval() {
        // Both score 0.5 at t = 0.5; 0 leads below, 1 above.
        let l = lines(&[(1.0, -1.0), (0.0, 1.0)]);
        let [below, above] = l.top_edges(0, 0.5);
        assert_eq!(below, None);
        assert_eq!(
            above,
            Some(Edge {
                t: 0.5,
                overtaker: 1
            })
        );
        let [below, above] = l.top_edges(1, 0.5);
        assert_eq!(
            below,
            Some(Edge {
                t: 0.5,
                overtaker: 0
            })
        );
        assert_eq!(above, None);
    }
}
