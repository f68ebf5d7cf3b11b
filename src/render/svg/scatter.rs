//! A scatter of overall value against one cost, with the efficient frontier.

use plotters::prelude::*;

use super::{colour, font, render};

/// One option.
#[derive(Debug, Clone, PartialEq)]
pub struct ScatterPoint {
    /// Its name.
    pub label: String,
    /// Score on the cost criterion.
    pub x: f64,
    /// Overall value without that criterion.
    pub y: f64,
    /// Whether it is on the efficient frontier.
    pub efficient: bool,
}

/// A frontier chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Scatter {
    /// Title.
    pub title: String,
    /// x axis label.
    pub x_label: String,
    /// y axis label.
    pub y_label: String,
    /// The x axis range.
    pub x_range: (f64, f64),
    /// The options.
    pub points: Vec<ScatterPoint>,
    /// The frontier, in x order.
    pub frontier: Vec<(f64, f64)>,
}

/// Draws the chart: efficient options in colour and labelled, dominated ones grey.
pub fn scatter(chart: &Scatter) -> String {
    render((900, 600), |area| {
        let (ylo, yhi) = chart
            .points
            .iter()
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), p| {
                (a.min(p.y), b.max(p.y))
            });
        let (ylo, yhi) = if yhi > ylo { (ylo, yhi) } else { (0.0, 1.0) };
        let pad = (yhi - ylo) * 0.08;
        let Ok(mut c) = ChartBuilder::on(area)
            .caption(chart.title.clone(), font(17))
            .margin(14)
            .x_label_area_size(44)
            .y_label_area_size(56)
            .build_cartesian_2d(chart.x_range.0..chart.x_range.1, (ylo - pad)..(yhi + pad))
        else {
            return;
        };
        let _ = c
            .configure_mesh()
            .x_desc(chart.x_label.clone())
            .y_desc(chart.y_label.clone())
            .label_style(font(12))
            .light_line_style(RGBColor(235, 235, 235))
            .draw();
        let _ = c.draw_series(LineSeries::new(
            chart.frontier.clone(),
            colour(0, 0.0).stroke_width(2),
        ));
        for p in &chart.points {
            let (fill, size) = if p.efficient {
                (colour(5, 0.0), 6)
            } else {
                (RGBColor(170, 170, 170), 4)
            };
            let _ = c.draw_series(std::iter::once(Circle::new(
                (p.x, p.y),
                size,
                fill.filled(),
            )));
            if p.efficient {
                let _ = c.draw_series(std::iter::once(Text::new(
                    p.label.clone(),
                    (p.x, p.y),
                    font(11),
                )));
            }
        }
    })
}
