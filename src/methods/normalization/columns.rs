//! Per-column maps from raw scores to normalized numbers, and the column
//! statistics they need, gathered in one pass over the row-major scores.

use super::Normalization;
use crate::methods::Problem;
use crate::model::Direction;

/// Which column statistics a method needs before it can map a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Need {
    /// Only the maps (WSM, WPM): no pass over the data for `value`.
    Maps,
    /// The maps and each column's best and worst normalized value (TOPSIS, VIKOR).
    Extremes,
}

/// How one criterion's raw scores become normalized, benefit-oriented numbers.
#[derive(Debug, Clone, Copy)]
enum ColumnMap<'a> {
    /// `r = c0 + c1 · clamp((x − lo) / den, floor, ceil)`: every linear map of
    /// the table above, written so each gives the same bits as its formula
    /// (`1 + (−1)·s = 1 − s`; `(x − max)/(−range) = (max − x)/range`).
    Affine(Affine),
    /// The criterion's piecewise-linear value function.
    Function(&'a crate::model::Criterion),
    /// `(1/x) / total` (sum, cost).
    Reciprocal { total: f64 },
    /// `share` for a zero score, else 0 (sum, cost, with zeros).
    ZeroShare { share: f64 },
}

#[derive(Debug, Clone, Copy)]
struct Affine {
    lo: f64,
    den: f64,
    floor: f64,
    ceil: f64,
    c0: f64,
    c1: f64,
}

impl Affine {
    fn constant(c: f64) -> Self {
        Affine {
            lo: 0.0,
            den: 1.0,
            floor: f64::NEG_INFINITY,
            ceil: f64::INFINITY,
            c0: c,
            c1: 0.0,
        }
    }

    /// `x / by` for a benefit, `1 − x / by` for a cost criterion.
    fn divide(by: f64, cost: bool) -> Self {
        Affine {
            lo: 0.0,
            den: by,
            floor: f64::NEG_INFINITY,
            ceil: f64::INFINITY,
            c0: if cost { 1.0 } else { 0.0 },
            c1: if cost { -1.0 } else { 1.0 },
        }
    }

    #[inline(always)]
    fn apply(&self, x: f64) -> f64 {
        let s = (x - self.lo) / self.den;
        let s = if s < self.floor {
            self.floor
        } else if s > self.ceil {
            self.ceil
        } else {
            s
        };
        self.c0 + self.c1 * s
    }

    /// Whether the map never decreases as `x` grows.
    fn increasing(&self) -> bool {
        (self.den > 0.0) == (self.c1 >= 0.0)
    }
}

impl ColumnMap<'_> {
    #[inline]
    fn apply(&self, x: f64) -> f64 {
        match self {
            ColumnMap::Affine(a) => a.apply(x),
            ColumnMap::Function(c) => c.value(x),
            ColumnMap::Reciprocal { total } => (1.0 / x) / total,
            ColumnMap::ZeroShare { share } => {
                if x == 0.0 {
                    *share
                } else {
                    0.0
                }
            }
        }
    }
}

/// Per-column statistics of the raw scores, gathered in one pass.
#[derive(Debug, Clone)]
pub(crate) struct Stats {
    min: Vec<f64>,
    max: Vec<f64>,
    sum: Vec<f64>,
    squares: Vec<f64>,
    reciprocals: Vec<f64>,
    zeros: Vec<usize>,
    /// Least and greatest value of each value-function column.
    value_min: Vec<f64>,
    value_max: Vec<f64>,
}

impl Stats {
    fn new(m: usize) -> Self {
        Stats {
            min: vec![f64::INFINITY; m],
            max: vec![f64::NEG_INFINITY; m],
            sum: vec![0.0; m],
            squares: vec![0.0; m],
            reciprocals: vec![0.0; m],
            zeros: vec![0; m],
            value_min: vec![f64::INFINITY; m],
            value_max: vec![f64::NEG_INFINITY; m],
        }
    }

    /// One pass over `rows`; sums are taken in row order within the chunk.
    #[inline(always)]
    fn gather(problem: &Problem<'_>, method: Normalization, rows: &[f64]) -> Self {
        let m = problem.width();
        let mut st = Stats::new(m);
        let functions: Vec<usize> = (0..m)
            .filter(|&j| {
                method == Normalization::Value && problem.criteria[j].value_function.is_some()
            })
            .collect();
        let costs: Vec<bool> = problem
            .criteria
            .iter()
            .map(|c| c.direction == Direction::Cost)
            .collect();
        // Slices of exactly m cells: no bounds checks, and the loops over a
        // row's cells vectorize.
        let (min, max) = (&mut st.min[..m], &mut st.max[..m]);
        let (sum, squares) = (&mut st.sum[..m], &mut st.squares[..m]);
        for x in rows.chunks_exact(m) {
            let x = &x[..m];
            for j in 0..m {
                min[j] = if x[j] < min[j] { x[j] } else { min[j] };
                max[j] = if x[j] > max[j] { x[j] } else { max[j] };
            }
            match method {
                Normalization::Vector => {
                    for j in 0..m {
                        squares[j] += x[j] * x[j];
                    }
                }
                Normalization::Sum => {
                    for j in 0..m {
                        if costs[j] {
                            if x[j] == 0.0 {
                                st.zeros[j] += 1;
                            } else {
                                st.reciprocals[j] += 1.0 / x[j];
                            }
                        } else {
                            sum[j] += x[j];
                        }
                    }
                }
                _ => {}
            }
            for &j in &functions {
                let v = problem.criteria[j].value(x[j]);
                st.value_min[j] = st.value_min[j].min(v);
                st.value_max[j] = st.value_max[j].max(v);
            }
        }
        st
    }

    /// Adds a later chunk's statistics (sums in chunk order: deterministic).
    fn merge(mut self, other: Stats) -> Self {
        for j in 0..self.min.len() {
            self.min[j] = self.min[j].min(other.min[j]);
            self.max[j] = self.max[j].max(other.max[j]);
            self.sum[j] += other.sum[j];
            self.squares[j] += other.squares[j];
            self.reciprocals[j] += other.reciprocals[j];
            self.zeros[j] += other.zeros[j];
            self.value_min[j] = self.value_min[j].min(other.value_min[j]);
            self.value_max[j] = self.value_max[j].max(other.value_max[j]);
        }
        self
    }
}

/// [`Stats::gather`] over a chunk of rows, run through [`crate::simd::run`].
struct Gather<'a, 'b> {
    problem: &'a Problem<'b>,
    method: Normalization,
    rows: &'a [f64],
}

impl crate::simd::Kernel for Gather<'_, '_> {
    type Output = Stats;

    #[inline(always)]
    fn run(self) -> Stats {
        Stats::gather(self.problem, self.method, self.rows)
    }
}

/// The normalization of a problem, column by column: a map per criterion,
/// applied row by row without building the normalized matrix.
#[derive(Debug, Clone)]
pub(crate) struct Normalized<'a> {
    maps: Vec<ColumnMap<'a>>,
    /// The maps' parameters side by side when every column is linear: the
    /// loop over a row's cells then has no branch and vectorizes.
    affine: Option<[Vec<f64>; 6]>,
    /// Notes on degenerate columns.
    pub notes: Vec<String>,
    /// Best normalized value per criterion (with [`Need::Extremes`]).
    pub best: Vec<f64>,
    /// Worst normalized value per criterion (with [`Need::Extremes`]).
    pub worst: Vec<f64>,
}

impl<'a> Normalized<'a> {
    /// The maps for `problem` under `method`, after one pass over the scores
    /// when the method or `need` asks for column statistics.
    pub fn of(problem: &Problem<'a>, method: Normalization, need: Need) -> Self {
        let m = problem.width();
        let stats = (method != Normalization::Value || need == Need::Extremes).then(|| {
            // The statistics depend on the scores and the normalization, not
            // the weights: a problem keeps them, so evaluating it under many
            // weight vectors (sensitivity sweeps) reads the scores once here.
            problem.column_stats(method, || {
                problem
                    .map_chunks(|rows| {
                        crate::simd::run(Gather {
                            problem,
                            method,
                            rows,
                        })
                    })
                    .into_iter()
                    .reduce(Stats::merge)
                    .unwrap_or_else(|| Stats::new(m))
            })
        });
        let mut notes = vec![];
        let maps: Vec<ColumnMap<'a>> = (0..m)
            .map(|j| {
                let c = &problem.criteria[j];
                let (map, note) = column_map(c, method, stats, j);
                if let Some(note) = note {
                    notes.push(format!("{}: {note}", c.id));
                }
                map
            })
            .collect();
        let affine = maps
            .iter()
            .map(|map| match map {
                ColumnMap::Affine(a) => Some(*a),
                _ => None,
            })
            .collect::<Option<Vec<Affine>>>()
            .map(|a| {
                let field = |f: fn(&Affine) -> f64| a.iter().map(f).collect::<Vec<f64>>();
                [
                    field(|a| a.lo),
                    field(|a| a.den),
                    field(|a| a.floor),
                    field(|a| a.ceil),
                    field(|a| a.c0),
                    field(|a| a.c1),
                ]
            });
        let (mut best, mut worst) = (vec![], vec![]);
        if let (Need::Extremes, Some(st)) = (need, stats) {
            for (j, map) in maps.iter().enumerate() {
                let (lo, hi) = match map {
                    ColumnMap::Function(_) => (st.value_min[j], st.value_max[j]),
                    ColumnMap::ZeroShare { share } => {
                        let nonzero = st.zeros[j] < problem.options();
                        (if nonzero { 0.0 } else { *share }, *share)
                    }
                    // Every other map is monotone, and so is its rounding:
                    // the extremes are the images of the extreme scores.
                    ColumnMap::Affine(a) if !a.increasing() => {
                        (map.apply(st.max[j]), map.apply(st.min[j]))
                    }
                    ColumnMap::Reciprocal { .. } => (map.apply(st.max[j]), map.apply(st.min[j])),
                    ColumnMap::Affine(_) => (map.apply(st.min[j]), map.apply(st.max[j])),
                };
                best.push(hi);
                worst.push(lo);
            }
        }
        Normalized {
            maps,
            affine,
            notes,
            best,
            worst,
        }
    }

    /// The normalized scores of one option (`x`: its raw scores) into `out`.
    #[inline(always)]
    pub fn row(&self, x: &[f64], out: &mut [f64]) {
        match &self.affine {
            Some([lo, den, floor, ceil, c0, c1]) => {
                let m = out.len();
                let (x, lo, den, floor, ceil, c0, c1) = (
                    &x[..m],
                    &lo[..m],
                    &den[..m],
                    &floor[..m],
                    &ceil[..m],
                    &c0[..m],
                    &c1[..m],
                );
                // Scores are finite (checked at the door), so max/min clamp
                // exactly as `clamp` does, without branches.
                for j in 0..m {
                    let s = ((x[j] - lo[j]) / den[j]).max(floor[j]).min(ceil[j]);
                    out[j] = c0[j] + c1[j] * s;
                }
            }
            None => {
                for ((o, x), map) in out.iter_mut().zip(x).zip(&self.maps) {
                    *o = map.apply(*x);
                }
            }
        }
    }

    /// The normalized scores of the options `rows`, one row each.
    pub fn rows(&self, problem: &Problem<'_>, rows: &[usize]) -> Vec<(usize, Vec<f64>)> {
        rows.iter()
            .map(|&i| {
                let mut r = vec![0.0; problem.width()];
                self.row(problem.row(i), &mut r);
                (i, r)
            })
            .collect()
    }
}

/// The map of criterion `j` under `method`, and a note if the column is degenerate.
fn column_map<'a>(
    c: &'a crate::model::Criterion,
    method: Normalization,
    stats: Option<&Stats>,
    j: usize,
) -> (ColumnMap<'a>, Option<String>) {
    let cost = c.direction == Direction::Cost;
    let equal_best = |why: &str| {
        (
            ColumnMap::Affine(Affine::constant(if cost { 1.0 } else { 0.0 })),
            Some(format!(
                "{why}; every option counts as equal under {method}"
            )),
        )
    };
    let Some(st) = stats.filter(|_| method != Normalization::Value) else {
        if c.value_function.is_some() {
            return (ColumnMap::Function(c), None);
        }
        let (min, max) = (c.scale.min, c.scale.max);
        return (
            ColumnMap::Affine(Affine {
                lo: min,
                den: max - min,
                floor: 0.0,
                ceil: 1.0,
                c0: if cost { 1.0 } else { 0.0 },
                c1: if cost { -1.0 } else { 1.0 },
            }),
            None,
        );
    };
    let (min, max) = (st.min[j], st.max[j]);
    match method {
        Normalization::Value => unreachable!("handled above"),
        Normalization::Minmax => {
            if max == min {
                return (
                    ColumnMap::Affine(Affine::constant(1.0)),
                    Some("every option scores the same".into()),
                );
            }
            let range = max - min;
            let (lo, den) = if cost { (max, -range) } else { (min, range) };
            (
                ColumnMap::Affine(Affine {
                    lo,
                    den,
                    c0: 0.0,
                    c1: 1.0,
                    ..Affine::constant(0.0)
                }),
                None,
            )
        }
        Normalization::Vector => {
            let norm = st.squares[j].sqrt();
            if norm == 0.0 {
                return equal_best("an all-zero column");
            }
            (ColumnMap::Affine(Affine::divide(norm, cost)), None)
        }
        Normalization::Max => {
            if max == 0.0 {
                return equal_best("a column whose maximum is 0");
            }
            (ColumnMap::Affine(Affine::divide(max, cost)), None)
        }
        Normalization::Sum => {
            if cost {
                if st.zeros[j] > 0 {
                    return (
                        ColumnMap::ZeroShare {
                            share: 1.0 / st.zeros[j] as f64,
                        },
                        Some(
                            "a cost column with zeros: the zero scores share 1 (the limit of 1/x)"
                                .into(),
                        ),
                    );
                }
                if st.reciprocals[j] == 0.0 {
                    // Reciprocals of scores of both signs can cancel out.
                    return equal_best("a cost column whose reciprocals sum to 0");
                }
                (
                    ColumnMap::Reciprocal {
                        total: st.reciprocals[j],
                    },
                    None,
                )
            } else {
                let total = st.sum[j];
                if total == 0.0 {
                    return equal_best("an all-zero column");
                }
                (ColumnMap::Affine(Affine::divide(total, false)), None)
            }
        }
    }
}
