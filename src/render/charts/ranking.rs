//! The ranking as stacked bars.

use crate::analysis::ranking::RankReport;
use crate::methods::{Better, MethodKind};
use crate::model::Model;
use crate::render::fixed;
use crate::render::svg::{BarRow, Legend, Segment, StackedBars, palette};

/// Bars of each option's overall value. Under the additive model each bar is
/// stacked by criterion: a segment is `weight × value` on that criterion, the
/// value being higher the better the option does (for a "less is better"
/// criterion, the less of it). Under other methods the bar is the method's
/// score alone, since additive parts would not add up to it.
pub fn rank_bars(model: &Model, report: &RankReport) -> StackedBars {
    let method = report
        .method
        .parse::<MethodKind>()
        .unwrap_or(MethodKind::Wsm);
    if method != MethodKind::Wsm {
        return score_bars(report, method);
    }
    let values = model.values();
    let weights: Vec<f64> = report.weights.values().copied().collect();
    let rows = report
        .ranking
        .iter()
        .filter_map(|row| {
            let i = model.option_index(&row.id)?;
            let segments = (0..model.criteria.len())
                .map(|j| Segment {
                    value: weights[j] * values[(i, j)],
                    fill: palette::criterion(j),
                    label: (j + 1).to_string(),
                })
                .collect();
            Some(BarRow {
                label: format!("{}. {}", row.rank, row.name),
                segments,
                note: fixed(row.score, 3),
            })
        })
        .collect();
    let legend = model
        .criteria
        .iter()
        .enumerate()
        .map(|(j, c)| {
            (
                format!("{}  {}", j + 1, c.name_with_direction()),
                palette::criterion(j),
            )
        })
        .collect();
    StackedBars {
        title: format!(
            "Ranking under {}: overall value, stacked by criterion",
            report.profile
        ),
        axis:
            "Overall value, 0 = worst on every criterion, 1 = best. Each segment, numbered as in \
               the legend, is the criterion's weight × the option's value on it: a long segment \
               means the option does well on that criterion (for a \"less is better\" criterion: \
               it has little of it)."
                .into(),
        max: 1.0,
        rows,
        legend: Legend::Swatches(legend),
    }
}

/// One plain bar per option: the method's own score.
fn score_bars(report: &RankReport, method: MethodKind) -> StackedBars {
    let max = report
        .ranking
        .iter()
        .map(|r| r.score)
        .fold(0.0_f64, f64::max)
        .max(1e-12);
    let fill = palette::line(0);
    StackedBars {
        title: format!("Ranking under {}: {}", report.profile, method.title()),
        axis: format!(
            "{} score; {} ranks first",
            method.name(),
            if report.better == Better::Lower {
                "lower"
            } else {
                "higher"
            }
        ),
        max: if max <= 1.0 { 1.0 } else { max },
        rows: report
            .ranking
            .iter()
            .map(|row| BarRow {
                label: format!("{}. {}", row.rank, row.name),
                segments: vec![Segment {
                    value: row.score,
                    fill,
                    label: String::new(),
                }],
                note: fixed(row.score, 3),
            })
            .collect(),
        legend: Legend::Swatches(vec![(format!("{} score", method.name()), fill)]),
    }
}
