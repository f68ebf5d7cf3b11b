//! The frontier chart.

use crate::analysis::frontier::FrontierPoint;
use crate::model::Model;
use crate::render::svg::{Scatter, ScatterPoint};

/// One criterion's score against the value of the rest, efficient options
/// first so they are named before the crowd.
pub fn frontier(model: &Model, criterion: usize, points: &[FrontierPoint]) -> Scatter {
    let c = &model.criteria[criterion];
    let mut order: Vec<&FrontierPoint> = points.iter().collect();
    order.sort_by(|a, b| {
        b.efficient
            .cmp(&a.efficient)
            .then(b.rest.total_cmp(&a.rest))
    });
    let mut line: Vec<(f64, f64)> = points
        .iter()
        .filter(|p| p.efficient)
        .map(|p| (p.score, p.rest))
        .collect();
    line.sort_by(|a, b| a.0.total_cmp(&b.0));
    Scatter {
        title: format!("Value of the other criteria against {}", c.name),
        x_label: c.name_with_direction(),
        y_label: "overall value of the other criteria (0..1)".into(),
        x_range: (c.scale.min, c.scale.max),
        points: order
            .into_iter()
            .map(|p| ScatterPoint {
                label: model.options[p.option].name.clone(),
                x: p.score,
                y: p.rest,
                efficient: p.efficient,
            })
            .collect(),
        frontier: line,
    }
}
