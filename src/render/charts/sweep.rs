//! A weight sweep as lines.

use crate::analysis::sensitivity::{Rebalance, SensitivityReport};
use crate::render::svg::{LineChart, Series};

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
                Rebalance::Proportional => "proportional",
                Rebalance::Equal => "equal",
            }
        ),
        x_label: format!("weight of {}", sweep.name),
        y_label: format!("score ({})", report.method),
        series,
        current: sweep.weight,
        marks,
    })
}
