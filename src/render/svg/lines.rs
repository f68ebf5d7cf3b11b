//! Lines: every option's score as one weight sweeps from 0 to 1.

use plotters::prelude::*;

use super::{draw_lines, font, palette, render, wrap};

/// One option's line.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    /// The option's name, drawn at the line's end.
    pub label: String,
    /// `(weight, score)` points.
    pub points: Vec<(f64, f64)>,
    /// Drawn in colour and labelled; the rest are thin grey context.
    pub highlight: bool,
}

/// A line chart of a weight sweep.
#[derive(Debug, Clone, PartialEq)]
pub struct LineChart {
    /// Title.
    pub title: String,
    /// The x axis: the swept weight.
    pub x_label: String,
    /// The y axis: the score.
    pub y_label: String,
    /// The lines.
    pub series: Vec<Series>,
    /// The current weight, marked with a dashed line.
    pub current: f64,
    /// Swap points: `(weight, score, label)`.
    pub marks: Vec<(f64, f64, String)>,
}

/// Draws the chart.
pub fn line_chart(chart: &LineChart) -> String {
    render((900, 560), |area| {
        let (plot, labels) = area.split_horizontally(690);
        let (lo, hi) = chart
            .series
            .iter()
            .flat_map(|s| s.points.iter().map(|p| p.1))
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), y| {
                (a.min(y), b.max(y))
            });
        let (lo, hi) = if lo.is_finite() && hi > lo {
            (lo, hi)
        } else {
            (0.0, 1.0)
        };
        let pad = (hi - lo) * 0.05;
        let x_end = chart
            .series
            .iter()
            .flat_map(|s| s.points.last())
            .map(|p| p.0)
            .fold(0.0, f64::max)
            .max(1e-9);
        let Ok(mut c) = ChartBuilder::on(&plot)
            .caption(chart.title.clone(), font(17))
            .margin(12)
            .x_label_area_size(44)
            .y_label_area_size(56)
            .build_cartesian_2d(0.0..x_end, (lo - pad)..(hi + pad))
        else {
            return;
        };
        let _ = c
            .configure_mesh()
            .x_desc(chart.x_label.clone())
            .y_desc(chart.y_label.clone())
            .label_style(font(12))
            .max_light_lines(0)
            .bold_line_style(RGBColor(228, 228, 228))
            .draw();
        for s in chart.series.iter().filter(|s| !s.highlight) {
            let _ = c.draw_series(LineSeries::new(
                s.points.clone(),
                RGBColor(200, 200, 200).stroke_width(1),
            ));
        }
        let highlighted: Vec<&Series> = chart.series.iter().filter(|s| s.highlight).collect();
        for (k, s) in highlighted.iter().enumerate() {
            let style = palette::line(k).stroke_width(if k % 2 == 0 { 2 } else { 3 });
            let _ = c.draw_series(LineSeries::new(s.points.clone(), style));
        }
        let current = vec![(chart.current, lo - pad), (chart.current, hi + pad)];
        let _ = c.draw_series(DashedLineSeries::new(current, 6, 4, BLACK.stroke_width(1)));
        let _ = c.draw_series(std::iter::once(Text::new(
            format!("now {:.3}", chart.current),
            (chart.current, hi + pad * 0.6),
            font(12),
        )));
        for (x, y, label) in &chart.marks {
            let _ = c.draw_series(std::iter::once(Circle::new(
                (*x, *y),
                5,
                BLACK.stroke_width(2),
            )));
            let _ = c.draw_series(std::iter::once(Text::new(
                label.clone(),
                (*x, *y),
                font(11),
            )));
        }
        // Direct labels at the right, in the order of the lines' end points.
        let mut ends: Vec<(usize, f64)> = highlighted
            .iter()
            .enumerate()
            .filter_map(|(k, s)| s.points.last().map(|p| (k, p.1)))
            .collect();
        ends.sort_by(|a, b| b.1.total_cmp(&a.1));
        let mut y = 30;
        for (k, _) in &ends {
            let _ = labels.draw(&PathElement::new(
                vec![(4, y + 6), (22, y + 6)],
                palette::line(*k).stroke_width(3),
            ));
            let names = wrap(&highlighted[*k].label, 28);
            draw_lines(&labels, &names, (26, y), &font(11), 15);
            y += 15 * names.len() as i32 + 5;
        }
        if highlighted.len() < chart.series.len() {
            let y = y + 6;
            let _ = labels.draw(&PathElement::new(
                vec![(4, y + 6), (22, y + 6)],
                RGBColor(200, 200, 200).stroke_width(2),
            ));
            let _ = labels.draw(&Text::new("other options", (26, y), font(11)));
        }
    })
}
