//! A tornado chart: how far each score's range moves one option's value.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{draw_lines, font, palette, render, wrap};

/// One criterion's swing.
#[derive(Debug, Clone, PartialEq)]
pub struct TornadoRow {
    /// Criterion name, with its direction.
    pub label: String,
    /// The overall value with the score at the low end of its range.
    pub at_low: f64,
    /// The overall value with the score at the high end of its range.
    pub at_high: f64,
    /// Text for the low end, e.g. `low score 2`.
    pub low_label: String,
    /// Text for the high end.
    pub high_label: String,
}

/// A tornado chart around the base value.
#[derive(Debug, Clone, PartialEq)]
pub struct Tornado {
    /// Title.
    pub title: String,
    /// A line under the title saying how to read the chart.
    pub note: String,
    /// What the axis measures.
    pub axis: String,
    /// The overall value at the score values.
    pub base: f64,
    /// Rows, widest swing first.
    pub rows: Vec<TornadoRow>,
}

const LABEL_W: i32 = 270;
const BAR_W: i32 = 600;
const ROW_H: i32 = 32;
const TOP: i32 = 62;

/// Draws the chart: one bar per criterion from the value at the low score to
/// the value at the high score, each end labelled where it lies (so for a
/// cost criterion the low score sits at the right, higher-value end).
pub fn tornado(chart: &Tornado) -> String {
    let height = TOP + ROW_H * chart.rows.len().max(1) as i32 + 64;
    render(((LABEL_W + BAR_W + 20) as u32, height as u32), |area| {
        let _ = area.draw(&Text::new(chart.title.clone(), (10, 12), font(17)));
        let _ = area.draw(&Text::new(chart.note.clone(), (10, 36), font(12)));
        if chart.rows.is_empty() {
            let _ = area.draw(&Text::new(
                "No score of this option has a range.",
                (10, TOP + 4),
                font(13),
            ));
            return;
        }
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
        // Room either side of the widest bar for its end labels.
        let pad = span * 0.3;
        let x = |v: f64| {
            LABEL_W + ((v - lo + pad) / (span + 2.0 * pad) * f64::from(BAR_W)).round() as i32
        };
        let bottom = TOP + ROW_H * chart.rows.len() as i32;
        let right = font(11).pos(Pos::new(HPos::Right, VPos::Top));
        for (r, row) in chart.rows.iter().enumerate() {
            let y = TOP + r as i32 * ROW_H;
            draw_lines(area, &wrap(&row.label, 34), (10, y + 1), &font(12), 15);
            let (a, b) = (row.at_low.min(row.at_high), row.at_low.max(row.at_high));
            let _ = area.draw(&Rectangle::new(
                [(x(a), y), (x(b).max(x(a) + 1), y + ROW_H - 8)],
                palette::lighten(palette::line(0), 0.35).filled(),
            ));
            // Each label sits outside its own end of the bar.
            for (value, other, text) in [
                (row.at_low, row.at_high, &row.low_label),
                (row.at_high, row.at_low, &row.high_label),
            ] {
                let text = format!("{text}: {value:.3}");
                if value < other {
                    let _ = area.draw(&Text::new(text, (x(value) - 4, y + 6), right.clone()));
                } else {
                    let _ = area.draw(&Text::new(text, (x(value) + 4, y + 6), font(11)));
                }
            }
        }
        let _ = area.draw(&PathElement::new(
            vec![(x(chart.base), TOP - 6), (x(chart.base), bottom)],
            BLACK.stroke_width(2),
        ));
        let centred = font(12).pos(Pos::new(HPos::Center, VPos::Top));
        let _ = area.draw(&Text::new(
            format!("value at the scores: {:.3}", chart.base),
            (x(chart.base), bottom + 6),
            centred.clone(),
        ));
        let _ = area.draw(&Text::new(
            chart.axis.clone(),
            (LABEL_W + BAR_W / 2, bottom + 28),
            centred,
        ));
    })
}
