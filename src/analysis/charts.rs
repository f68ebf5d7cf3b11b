//! The numbers behind each chart: results turned into the plain data the SVG
//! renderers draw.

use crate::analysis::compare::CompareReport;
use crate::analysis::dominance::dominates;
use crate::analysis::ranking::RankReport;
use crate::analysis::sensitivity::SensitivityReport;
use crate::analysis::smaa::SmaaReport;
use crate::model::{Direction, Model};
use crate::render::svg::{
    BarRow, Heatmap, LineChart, Scatter, ScatterPoint, Segment, Series, StackedBars, Tornado,
    TornadoRow,
};

/// The palette index and shade of each criterion: one colour per group,
/// lighter shades for the group's later criteria.
fn criterion_colours(model: &Model) -> Vec<(usize, f64)> {
    let mut seen = vec![0usize; model.groups.len() + 1];
    model
        .criteria
        .iter()
        .map(|c| {
            let g = c.group.unwrap_or(model.groups.len());
            let k = seen[g];
            seen[g] += 1;
            (g, (k as f64 * 0.22).min(0.8))
        })
        .collect()
}

/// Bars of each option's additive value, stacked by criterion contribution.
pub fn rank_bars(model: &Model, report: &RankReport) -> StackedBars {
    let values = model.values();
    let weights: Vec<f64> = report.weights.values().copied().collect();
    let colours = criterion_colours(model);
    let rows = report
        .ranking
        .iter()
        .filter_map(|row| {
            let i = model.option_index(&row.id)?;
            let segments = model
                .criteria
                .iter()
                .enumerate()
                .map(|(j, c)| Segment {
                    value: weights[j] * values[(i, j)],
                    colour: colours[j].0,
                    shade: colours[j].1,
                    label: c.id.to_string(),
                })
                .collect();
            Some(BarRow {
                label: format!("{}. {}", row.rank, row.name),
                segments,
                note: format!("{:.3}", row.score),
            })
        })
        .collect();
    let legend = model
        .criteria
        .iter()
        .zip(&colours)
        .map(|(c, &(g, shade))| {
            let name = if c.name.chars().count() > 40 {
                format!("{}…", c.name.chars().take(39).collect::<String>())
            } else {
                c.name.clone()
            };
            (name, g, shade)
        })
        .collect();
    let groups: Vec<&str> = model.groups.iter().map(|g| g.name.as_str()).collect();
    StackedBars {
        title: format!(
            "Ranking under {}: overall value, stacked by criterion",
            report.profile
        ),
        axis: if groups.is_empty() {
            "overall value (0 = worst on every criterion, 1 = best)".into()
        } else {
            format!(
                "overall value, 0..1; colour families: {}",
                groups.join(" · ")
            )
        },
        max: 1.0,
        rows,
        legend,
    }
}

/// Rank acceptability as stacked bars, options sorted by first-rank acceptability.
pub fn acceptability_bars(report: &SmaaReport) -> StackedBars {
    let n = report.options.len();
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| {
        report.options[b].acceptability[0]
            .total_cmp(&report.options[a].acceptability[0])
            .then(a.cmp(&b))
    });
    let shade = |r: usize| (r as f64 / n.max(1) as f64 * 0.85).min(0.85);
    let rows = order
        .iter()
        .map(|&i| {
            let o = &report.options[i];
            BarRow {
                label: o.name.clone(),
                segments: o
                    .acceptability
                    .iter()
                    .enumerate()
                    .map(|(r, &b)| Segment {
                        value: b,
                        colour: 0,
                        shade: shade(r),
                        label: if b >= 0.08 {
                            format!("#{} {:.0}%", r + 1, 100.0 * b)
                        } else {
                            String::new()
                        },
                    })
                    .collect(),
                note: format!("first {:.1}%", 100.0 * o.acceptability[0]),
            }
        })
        .collect();
    let legend = [0, n / 4, n / 2, n.saturating_sub(1)]
        .into_iter()
        .filter(|&r| r < n)
        .map(|r| (format!("rank {}", r + 1), 0, shade(r)))
        .collect();
    StackedBars {
        title: format!(
            "Rank acceptability (SMAA-2, {} samples, seed {})",
            report.samples, report.seed
        ),
        axis: "share of samples at each rank (darkest = rank 1)".into(),
        max: 1.0,
        rows,
        legend,
    }
}

/// How many options a sweep chart draws in colour.
const HIGHLIGHTED: usize = 6;

/// Every option's score as one criterion's weight sweeps, with the swaps among
/// the leaders marked.
pub fn sweep_lines(report: &SensitivityReport, index: usize) -> Option<LineChart> {
    let sweep = report.criteria.get(index)?;
    let ids: Vec<&String> = report.names.keys().collect();
    // Highlight the options that lead anywhere near the current weight: the
    // top five at the current weight and at either end of the sweep.
    let leaders = |scores: &[f64]| {
        let mut order: Vec<usize> = (0..scores.len()).collect();
        order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]));
        order.truncate(HIGHLIGHTED);
        order
    };
    let nearest = sweep
        .samples
        .iter()
        .min_by(|a, b| {
            (a.0 - sweep.weight)
                .abs()
                .total_cmp(&(b.0 - sweep.weight).abs())
        })
        .map(|(_, s)| leaders(s))
        .unwrap_or_default();
    let series: Vec<Series> = ids
        .iter()
        .enumerate()
        .map(|(i, id)| Series {
            label: report.names.get(*id).cloned().unwrap_or_default(),
            points: sweep.samples.iter().map(|(t, s)| (*t, s[i])).collect(),
            highlight: nearest.contains(&i),
        })
        .collect();
    let at = |option: usize, t: f64| {
        let s = &sweep.samples;
        let k = s
            .iter()
            .position(|(x, _)| *x >= t)
            .unwrap_or(s.len().saturating_sub(1))
            .max(1);
        let ((t0, a), (t1, b)) = (&s[k - 1], &s[k]);
        let f = if t1 > t0 { (t - t0) / (t1 - t0) } else { 0.0 };
        a[option] + f * (b[option] - a[option])
    };
    let marks = sweep
        .thresholds
        .iter()
        .filter(|t| nearest.contains(&t.indices[0]) && nearest.contains(&t.indices[1]))
        .map(|t| {
            (
                t.weight,
                at(t.indices[0], t.weight),
                format!("{:.3}", t.weight),
            )
        })
        .collect();
    Some(LineChart {
        title: format!(
            "Sweeping the weight of {} ({})",
            sweep.name,
            match report.rebalance {
                crate::analysis::sensitivity::Rebalance::Proportional => "proportional",
                crate::analysis::sensitivity::Rebalance::Equal => "equal",
            }
        ),
        x_label: format!("weight of {}", sweep.name),
        y_label: format!("score ({})", report.method),
        series,
        current: sweep.weight,
        marks,
    })
}

/// Ranks under each column as a heat map.
pub fn rank_heatmap(report: &CompareReport) -> Heatmap {
    Heatmap {
        title: format!("Ranks across {} ({})", report.across, report.fixed),
        columns: report.columns.clone(),
        rows: report
            .ranks
            .iter()
            .map(|(id, ranks)| {
                (
                    report.names.get(id).cloned().unwrap_or_else(|| id.clone()),
                    ranks.values().copied().collect(),
                )
            })
            .collect(),
    }
}

/// How far each score's range moves `option`'s additive value, widest first.
pub fn tornado_rows(model: &Model, weights: &[f64], option: usize) -> Tornado {
    let values = model.values();
    let base: f64 = (0..model.criteria.len())
        .map(|j| weights[j] * values[(option, j)])
        .sum();
    let mut rows: Vec<TornadoRow> = model
        .criteria
        .iter()
        .enumerate()
        .filter_map(|(j, c)| {
            let e = &model.evidence[option][j];
            let (low, high) = (e.low?, e.high?);
            let shift = |x: f64| base + weights[j] * (c.value(x) - values[(option, j)]);
            Some(TornadoRow {
                label: c.name.clone(),
                at_low: shift(low),
                at_high: shift(high),
            })
        })
        .filter(|r| r.at_low != r.at_high)
        .collect();
    rows.sort_by(|a, b| {
        (b.at_high - b.at_low)
            .abs()
            .total_cmp(&(a.at_high - a.at_low).abs())
    });
    Tornado {
        title: format!(
            "Which score ranges move {} most",
            model.options[option].name
        ),
        base,
        rows,
    }
}

/// Overall value without criterion `cost` against the score on it, with the
/// efficient frontier (no other option better on both).
pub fn frontier(model: &Model, weights: &[f64], cost: usize) -> Scatter {
    let values = model.values();
    let rest: f64 = (0..weights.len())
        .filter(|&j| j != cost)
        .map(|j| weights[j])
        .sum();
    let y = |i: usize| {
        let v: f64 = (0..weights.len())
            .filter(|&j| j != cost)
            .map(|j| weights[j] * values[(i, j)])
            .sum();
        if rest > 0.0 { v / rest } else { 0.0 }
    };
    let n = model.options.len();
    // Two axes: the value on the cost criterion, and the value of the rest.
    let pairs: Vec<(f64, f64)> = (0..n).map(|i| (values[(i, cost)], y(i))).collect();
    let two = nalgebra::DMatrix::from_fn(n, 2, |i, k| if k == 0 { pairs[i].0 } else { pairs[i].1 });
    let efficient: Vec<bool> = (0..n)
        .map(|b| !(0..n).any(|a| dominates(&two, a, b)))
        .collect();
    let c = &model.criteria[cost];
    let points: Vec<ScatterPoint> = (0..n)
        .map(|i| ScatterPoint {
            label: model.options[i].name.clone(),
            x: model.scores[(i, cost)],
            y: pairs[i].1,
            efficient: efficient[i],
        })
        .collect();
    let mut line: Vec<(f64, f64)> = points
        .iter()
        .filter(|p| p.efficient)
        .map(|p| (p.x, p.y))
        .collect();
    line.sort_by(|a, b| a.0.total_cmp(&b.0));
    let better = if c.direction == Direction::Cost {
        "lower is better"
    } else {
        "higher is better"
    };
    Scatter {
        title: format!(
            "Overall value against {} (efficient options labelled)",
            c.name
        ),
        x_label: format!("{} ({better})", c.name),
        y_label: "overall value of the other criteria".into(),
        x_range: (c.scale.min, c.scale.max),
        points,
        frontier: line,
    }
}
