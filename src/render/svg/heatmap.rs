//! A heat map of ranks: options × columns, the rank printed in each cell.

use plotters::prelude::*;

use super::{draw_lines, font, render, wrap};

/// Ranks of options under several columns.
#[derive(Debug, Clone, PartialEq)]
pub struct Heatmap {
    /// Title.
    pub title: String,
    /// Column labels.
    pub columns: Vec<String>,
    /// One row per option: its name and its rank under each column.
    pub rows: Vec<(String, Vec<usize>)>,
}

/// Draws the chart; darker cells are better ranks, and every cell shows its number.
pub fn heatmap(chart: &Heatmap) -> String {
    let (label_w, cell_w, cell_h) = (250, 86, 26);
    let n = chart.rows.len().max(1);
    let width = label_w + cell_w * chart.columns.len() as i32 + 20;
    let height = 80 + cell_h * chart.rows.len() as i32 + 20;
    render((width as u32, height as u32), |area| {
        let _ = area.draw(&Text::new(chart.title.clone(), (10, 12), font(17)));
        for (c, label) in chart.columns.iter().enumerate() {
            let x = label_w + c as i32 * cell_w;
            draw_lines(area, &wrap(label, 12), (x + 4, 44), &font(12), 13);
        }
        for (r, (name, ranks)) in chart.rows.iter().enumerate() {
            let y = 76 + r as i32 * cell_h;
            let lines = wrap(name, 38);
            let top = if lines.len() > 1 { y } else { y + 6 };
            draw_lines(area, &lines, (10, top), &font(11), 12);
            for (c, rank) in ranks.iter().enumerate() {
                let x = label_w + c as i32 * cell_w;
                let t = (*rank as f64 - 1.0) / (n as f64 - 1.0).max(1.0);
                let grey = (40.0 + 205.0 * t).round() as u8;
                let fill = RGBColor(grey / 2, (f64::from(grey) * 0.75) as u8, grey);
                let _ = area.draw(&Rectangle::new(
                    [(x, y), (x + cell_w - 2, y + cell_h - 2)],
                    fill.filled(),
                ));
                let ink = if t < 0.5 { WHITE } else { BLACK };
                let _ = area.draw(&Text::new(
                    rank.to_string(),
                    (x + cell_w / 2 - 6, y + 6),
                    ("sans-serif", 13).into_font().color(&ink),
                ));
            }
        }
    })
}
