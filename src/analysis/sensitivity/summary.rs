//! From what the sweeps found to what the report says, ids attached.

use nalgebra::DMatrix;

use super::critical::{self, Change, CriticalChange, clean};
use super::engine::{Criticals, Found};
use super::nearest_flip::nearest_flip;
use super::report::{
    NearestFlip, PairCritical, Stability, Summary, SweepChange, SweptWeight, WeightMove,
};
use super::sweep::{Path, Threshold};
use crate::model::Model;

/// What every part of the summary needs to know.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// The model.
    pub model: &'a Model,
    /// Option ids.
    pub ids: &'a [String],
    /// The current weights.
    pub weights: &'a [f64],
    /// Current figures, higher is better.
    pub scores: &'a [f64],
    /// Current figures as the method states them.
    pub figures: &'a [f64],
    /// Options best first.
    pub order: &'a [usize],
    /// Competition ranks.
    pub ranks: &'a [usize],
    /// Values, options × criteria.
    pub values: &'a DMatrix<f64>,
    /// Whether the method is the additive one.
    pub exact: bool,
    /// Weight bounds per criterion.
    pub bounds: &'a [(f64, f64)],
}

impl Context<'_> {
    fn critical(&self, c: Change) -> CriticalChange {
        let j = c.criterion;
        let criterion = &self.model.criteria[j];
        let w = self.weights[j];
        CriticalChange {
            criterion: criterion.id.to_string(),
            criterion_name: criterion.name.clone(),
            direction: criterion.direction,
            weight: w,
            change: c.delta,
            new_weight: clean(w + c.delta).max(0.0),
            relative_change: c.relative(self.weights),
            renormalized_weight: (w + c.delta) / (1.0 + c.delta),
            new_top: self.ids[c.overtaker].clone(),
            displaced: self.ids[c.displaced].clone(),
        }
    }

    /// A tie between `a` and `b`: a change of 0, on the criterion where the
    /// two differ most.
    fn tie(&self, a: usize, b: usize) -> Change {
        let m = self.values.ncols();
        let (j, spread) = (0..m)
            .map(|j| (j, (self.values[(a, j)] - self.values[(b, j)]).abs()))
            .fold((0, -1.0), |best, x| if x.1 > best.1 { x } else { best });
        Change {
            criterion: j,
            delta: 0.0,
            overtaker: b,
            displaced: a,
            spread,
        }
    }
}

/// The summary from the criterion sweeps and the critical changes.
pub fn build(
    ctx: &Context<'_>,
    sweeps: &[(usize, &Path, &Found)],
    criticals: &Criticals,
) -> Summary {
    let model = ctx.model;
    let top = ctx.order[0];
    let runner_up = ctx.order.get(1).copied();
    let tied: Vec<usize> = ctx
        .order
        .iter()
        .copied()
        .take_while(|&i| ctx.ranks[i] == 1)
        .collect();
    let (mut absolute, mut relative) = criticals.top;
    if tied.len() > 1 {
        let c = ctx.tie(top, tied[1]);
        absolute = Some(c);
        relative = Some(c);
    }
    let any_pair = criticals
        .pairs
        .iter()
        .filter_map(|p| p.0)
        .fold(None, critical::smaller_absolute);
    let stability: Vec<Stability> = sweeps
        .iter()
        .map(|&(j, path, found)| {
            let c = &model.criteria[j];
            let [below, above] = found.edges;
            Stability {
                criterion: c.id.to_string(),
                name: c.name.clone(),
                direction: c.direction,
                weight: path.current,
                from: below.map_or(0.0, |e| e.t),
                to: above.map_or(path.end, |e| e.t),
                below: below.map(|e| ctx.ids[e.overtaker].clone()),
                above: above.map(|e| ctx.ids[e.overtaker].clone()),
            }
        })
        .collect();
    let along_sweep = sweeps
        .iter()
        .flat_map(|&(j, path, found)| {
            found
                .edges
                .into_iter()
                .flatten()
                .map(move |e| (j, path.current, e))
        })
        .min_by(|a, b| (a.2.t - a.1).abs().total_cmp(&(b.2.t - b.1).abs()))
        .map(|(j, w, e)| SweepChange {
            criterion: model.criteria[j].id.to_string(),
            criterion_name: model.criteria[j].name.clone(),
            weight: w,
            to: e.t,
            change: clean(e.t - w),
            new_top: ctx.ids[e.overtaker].clone(),
        });
    Summary {
        top: ctx.ids[top].clone(),
        top_name: model.options[top].name.clone(),
        score: ctx.figures[top],
        runner_up: runner_up.map(|r| ctx.ids[r].clone()),
        runner_up_name: runner_up.map(|r| model.options[r].name.clone()),
        margin: runner_up.map_or(0.0, |r| clean(ctx.scores[top] - ctx.scores[r]).max(0.0)),
        tied: if tied.len() > 1 {
            tied.iter().map(|&i| ctx.ids[i].clone()).collect()
        } else {
            vec![]
        },
        critical: absolute.map(|c| ctx.critical(c)),
        critical_relative: relative.map(|c| ctx.critical(c)),
        critical_any_pair: any_pair.map(|c| ctx.critical(c)),
        along_sweep,
        nearest_flip: if ctx.exact { flip(ctx, top) } else { None },
        stability,
    }
}

/// The nearest flip, when the current weights are within their bounds
/// (`check` rejects profiles whose weights are not, and a flip found from
/// outside the bounds could end outside them).
fn flip(ctx: &Context<'_>, top: usize) -> Option<NearestFlip> {
    let inside = ctx
        .weights
        .iter()
        .zip(ctx.bounds)
        .all(|(w, (lo, hi))| *w >= lo - 1e-9 && *w <= hi + 1e-9);
    if !inside {
        return None;
    }
    let f = nearest_flip(ctx.values, ctx.weights, ctx.bounds, top)?;
    let scores: Vec<f64> = (0..ctx.values.nrows())
        .map(|i| {
            ctx.values
                .row(i)
                .iter()
                .zip(&f.weights)
                .map(|(v, w)| v * w)
                .sum()
        })
        .collect();
    // At the flip the challenger ties the top; the new top is the best of the others.
    let new_top = (0..scores.len())
        .filter(|&i| i != top)
        .max_by(|&a, &b| scores[a].total_cmp(&scores[b]).then(b.cmp(&a)))
        .unwrap_or(f.challenger);
    let criteria = &ctx.model.criteria;
    let mut moves: Vec<WeightMove> = criteria
        .iter()
        .zip(ctx.weights.iter().zip(&f.weights))
        .filter(|(_, (from, to))| (*to - *from).abs() > 1e-12)
        .map(|(c, (&from, &to))| WeightMove {
            criterion: c.id.to_string(),
            name: c.name.clone(),
            direction: c.direction,
            from,
            to,
        })
        .collect();
    moves.sort_by(|a, b| (b.to - b.from).abs().total_cmp(&(a.to - a.from).abs()));
    Some(NearestFlip {
        distance: f.distance,
        moves,
        weights: criteria
            .iter()
            .zip(&f.weights)
            .map(|(c, &w)| (c.id.to_string(), w))
            .collect(),
        new_top: ctx.ids[new_top].clone(),
    })
}

/// One sweep as reported.
pub fn swept(ids: &[String], id: &str, name: &str, path: &Path, found: &Found) -> SweptWeight {
    let [below, above] = found.edges;
    SweptWeight {
        id: id.to_string(),
        name: name.to_string(),
        weight: path.current,
        top_stable: [below.map_or(0.0, |e| e.t), above.map_or(path.end, |e| e.t)],
        thresholds: found
            .crossings
            .iter()
            .map(|c| Threshold {
                weight: c.t,
                pair: [ids[c.ahead].clone(), ids[c.behind].clone()],
                place: (c.place > 0).then_some(c.place),
                indices: [c.ahead, c.behind],
            })
            .collect(),
        max_weight: path.end,
        samples: vec![],
    }
}

/// The adjacent pairs as reported.
pub fn pairs(
    ctx: &Context<'_>,
    pairs: &[(usize, usize)],
    found: &[(Option<Change>, Option<Change>)],
) -> Vec<PairCritical> {
    pairs
        .iter()
        .zip(found)
        .map(|(&(a, b), (absolute, relative))| PairCritical {
            pair: [ctx.ids[a].clone(), ctx.ids[b].clone()],
            places: [ctx.ranks[a], ctx.ranks[b]],
            critical: absolute.map(|c| ctx.critical(c)),
            critical_relative: relative.map(|c| ctx.critical(c)),
        })
        .collect()
}
