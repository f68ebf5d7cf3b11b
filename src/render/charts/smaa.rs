//! Rank acceptability as stacked bars.

use crate::analysis::smaa::SmaaReport;
use crate::render::svg::{BarRow, Legend, Segment, StackedBars, palette, ramp_ticks};

/// Rank acceptability as stacked bars, options sorted by first-rank
/// acceptability; rank r is coloured on viridis (rank 1 darkest) and the
/// legend shows every rank.
pub fn acceptability_bars(report: &SmaaReport) -> StackedBars {
    let n = report.options.len();
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| {
        report.options[b].acceptability[0]
            .total_cmp(&report.options[a].acceptability[0])
            .then(a.cmp(&b))
    });
    let fill = |r: usize| palette::viridis(r as f64 / (n as f64 - 1.0).max(1.0));
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
                        fill: fill(r),
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
    StackedBars {
        title: format!(
            "Rank acceptability (SMAA-2, {} samples, seed {})",
            report.samples, report.seed
        ),
        axis: format!(
            "Share of samples in which the option takes each rank; weights {}.",
            report.weights
        ),
        max: 1.0,
        rows,
        legend: Legend::Ramp {
            title: "Colour: the rank (darkest = rank 1)".into(),
            colours: (0..n).map(fill).collect(),
            ticks: ramp_ticks(n, |r| format!("{}", r + 1)),
        },
    }
}
