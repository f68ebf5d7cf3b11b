//! Horizontal stacked bars: one row per option.

use plotters::prelude::*;

use super::legend::Legend;
use super::{draw_lines, font, palette, render, wrap};

/// One piece of a bar.
#[derive(Debug, Clone, PartialEq)]
pub struct Segment {
    /// Its length in data units.
    pub value: f64,
    /// Its colour.
    pub fill: RGBColor,
    /// A short label drawn inside when it fits.
    pub label: String,
}

/// One bar.
#[derive(Debug, Clone, PartialEq)]
pub struct BarRow {
    /// The option's name (wrapped, never clipped).
    pub label: String,
    /// Its pieces, left to right.
    pub segments: Vec<Segment>,
    /// Text after the bar, e.g. the total.
    pub note: String,
}

/// A stacked bar chart.
#[derive(Debug, Clone, PartialEq)]
pub struct StackedBars {
    /// Title.
    pub title: String,
    /// What the bar length measures.
    pub axis: String,
    /// The largest bar length the axis shows.
    pub max: f64,
    /// The bars, top to bottom.
    pub rows: Vec<BarRow>,
    /// What the colours mean.
    pub legend: Legend,
}

const LABEL_WIDTH: i32 = 250;
const BAR_WIDTH: i32 = 520;
const ROW: i32 = 38;
const TOP: i32 = 46;

/// Draws the chart.
pub fn stacked_bars(chart: &StackedBars) -> String {
    let rows = chart.rows.len() as i32;
    let axis_y = TOP + rows * ROW + 4;
    let axis_lines = wrap(&chart.axis, 110);
    let legend_y = axis_y + 30 + axis_lines.len() as i32 * 15 + 8;
    let height = legend_y + chart.legend.height() + 12;
    let width = LABEL_WIDTH + BAR_WIDTH + 110;
    render((width as u32, height as u32), |area| {
        let _ = area.draw(&Text::new(chart.title.clone(), (10, 12), font(18)));
        let scale = |v: f64| (v / chart.max.max(1e-12) * f64::from(BAR_WIDTH)).round() as i32;
        // Light major grid behind the bars, one line per axis tick.
        for k in 0..=4 {
            let x = LABEL_WIDTH + scale(chart.max * f64::from(k) / 4.0);
            let _ = area.draw(&PathElement::new(
                vec![(x, TOP - 4), (x, axis_y)],
                RGBColor(225, 225, 225).stroke_width(1),
            ));
        }
        for (r, row) in chart.rows.iter().enumerate() {
            let y = TOP + r as i32 * ROW;
            let lines = wrap(&row.label, 30);
            let top = y + (ROW - 6) / 2 - (lines.len() as i32 * 16) / 2 + 1;
            draw_lines(area, &lines, (10, top), &font(13), 16);
            let mut x = LABEL_WIDTH;
            for s in &row.segments {
                let w = scale(s.value.max(0.0));
                if w <= 0 {
                    continue;
                }
                let _ = area.draw(&Rectangle::new(
                    [(x, y), (x + w, y + ROW - 8)],
                    s.fill.filled(),
                ));
                let _ = area.draw(&Rectangle::new(
                    [(x, y), (x + w, y + ROW - 8)],
                    WHITE.stroke_width(1),
                ));
                if !s.label.is_empty() && (s.label.chars().count() as i32) * 8 + 4 < w {
                    let _ = area.draw(&Text::new(
                        s.label.clone(),
                        (x + 2, y + 7),
                        font(11).color(&palette::ink(s.fill)),
                    ));
                }
                x += w;
            }
            let _ = area.draw(&Text::new(row.note.clone(), (x + 6, y + 7), font(13)));
        }
        let _ = area.draw(&PathElement::new(
            vec![(LABEL_WIDTH, axis_y), (LABEL_WIDTH + BAR_WIDTH, axis_y)],
            BLACK.stroke_width(1),
        ));
        for k in 0..=4 {
            let v = chart.max * f64::from(k) / 4.0;
            let x = LABEL_WIDTH + scale(v);
            let _ = area.draw(&PathElement::new(
                vec![(x, axis_y), (x, axis_y + 5)],
                BLACK.stroke_width(1),
            ));
            let _ = area.draw(&Text::new(
                format!("{v:.2}"),
                (x - 12, axis_y + 8),
                font(11),
            ));
        }
        draw_lines(area, &axis_lines, (10, axis_y + 28), &font(12), 15);
        chart.legend.draw(area, (10, legend_y), width - 20);
    })
}
