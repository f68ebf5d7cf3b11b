//! A tornado chart: how far each score's range moves the top option's value.

use plotters::prelude::*;

use super::{colour, draw_lines, font, render, wrap};

/// One criterion's swing.
#[derive(Debug, Clone, PartialEq)]
pub struct TornadoRow {
    /// Criterion name.
    pub label: String,
    /// The overall value with the score at its low end.
    pub at_low: f64,
    /// The overall value with the score at its high end.
    pub at_high: f64,
}

/// A tornado chart around the base value.
#[derive(Debug, Clone, PartialEq)]
pub struct Tornado {
    /// Title.
    pub title: String,
    /// The overall value at the score values.
    pub base: f64,
    /// Rows, widest swing first.
    pub rows: Vec<TornadoRow>,
}

/// Draws the chart: bars from the value at `low` to the value at `high`, labelled at both ends.
pub fn tornado(chart: &Tornado) -> String {
    let (label_w, bar_w, row_h) = (250, 520, 32);
    let height = 90 + row_h * chart.rows.len().max(1) as i32 + 40;
    render((860, height as u32), |area| {
        let _ = area.draw(&Text::new(chart.title.clone(), (10, 12), font(17)));
        let (lo, hi) = chart
            .rows
            .iter()
            .fold((chart.base, chart.base), |(a, b), r| {
                (
                    a.min(r.at_low).min(r.at_high),
                    b.max(r.at_low).max(r.at_high),
                )
            });
        let span = (hi - lo).max(1e-9);
        let pad = span * 0.15;
        let x = |v: f64| {
            label_w + ((v - lo + pad) / (span + 2.0 * pad) * f64::from(bar_w)).round() as i32
        };
        if chart.rows.is_empty() {
            let _ = area.draw(&Text::new(
                "No score of this option has a range.",
                (10, 60),
                font(13),
            ));
            return;
        }
        let top = 50;
        let bottom = top + row_h * chart.rows.len() as i32;
        for (r, row) in chart.rows.iter().enumerate() {
            let y = top + r as i32 * row_h;
            draw_lines(area, &wrap(&row.label, 34), (10, y + 2), &font(12), 13);
            let (a, b) = (row.at_low.min(row.at_high), row.at_low.max(row.at_high));
            let _ = area.draw(&Rectangle::new(
                [(x(a), y), (x(b).max(x(a) + 1), y + row_h - 8)],
                colour(0, 0.35).filled(),
            ));
            let _ = area.draw(&Text::new(
                format!("low {:.3}", row.at_low),
                (x(row.at_low.min(row.at_high)) - 70, y + 6),
                font(11),
            ));
            let _ = area.draw(&Text::new(
                format!("high {:.3}", row.at_high),
                (x(row.at_low.max(row.at_high)) + 4, y + 6),
                font(11),
            ));
        }
        let _ = area.draw(&PathElement::new(
            vec![(x(chart.base), top - 6), (x(chart.base), bottom)],
            BLACK.stroke_width(2),
        ));
        let _ = area.draw(&Text::new(
            format!("value at the scores: {:.3}", chart.base),
            (x(chart.base) - 60, bottom + 8),
            font(12),
        ));
    })
}
