//! A heat map of ranks: options × columns, the rank printed in each cell.

use plotters::prelude::*;

use super::legend::{Legend, ramp_ticks};
use super::{draw_lines, font, palette, render, wrap};

/// Ranks of options under several columns.
#[derive(Debug, Clone, PartialEq)]
pub struct Heatmap {
    /// Title.
    pub title: String,
    /// Column labels.
    pub columns: Vec<String>,
    /// One row per option, top to bottom: its name and its rank under each column.
    pub rows: Vec<(String, Vec<usize>)>,
}

/// Draws the chart: cells coloured by rank on viridis (rank 1 darkest), every
/// cell printing its number, and a colour legend under the grid.
pub fn heatmap(chart: &Heatmap) -> String {
    let (label_w, cell_w, cell_h) = (250, 96, 32);
    let n = chart.rows.len().max(1);
    let header_lines = chart
        .columns
        .iter()
        .map(|c| wrap(c, 13).len())
        .max()
        .unwrap_or(1) as i32;
    let grid_top = 44 + header_lines * 15 + 6;
    let grid_bottom = grid_top + cell_h * chart.rows.len() as i32;
    let width = (label_w + cell_w * chart.columns.len() as i32 + 20).max(560);
    let legend = Legend::Ramp {
        title: "Colour: rank under that column (darkest = rank 1, the best)".into(),
        colours: (0..n).map(|r| fill(r + 1, n)).collect(),
        ticks: ramp_ticks(n, |r| (r + 1).to_string()),
    };
    let height = grid_bottom + 16 + legend.height() + 8;
    render((width as u32, height as u32), |area| {
        let _ = area.draw(&Text::new(chart.title.clone(), (10, 12), font(17)));
        for (c, label) in chart.columns.iter().enumerate() {
            let x = label_w + c as i32 * cell_w;
            draw_lines(area, &wrap(label, 13), (x + 4, 44), &font(12), 15);
        }
        for (r, (name, ranks)) in chart.rows.iter().enumerate() {
            let y = grid_top + r as i32 * cell_h;
            let lines = wrap(name, 34);
            let top = if lines.len() > 1 { y + 1 } else { y + 8 };
            draw_lines(area, &lines, (10, top), &font(11), 14);
            for (c, rank) in ranks.iter().enumerate() {
                let x = label_w + c as i32 * cell_w;
                let colour = fill(*rank, n);
                let _ = area.draw(&Rectangle::new(
                    [(x, y), (x + cell_w - 2, y + cell_h - 2)],
                    colour.filled(),
                ));
                let _ = area.draw(&Text::new(
                    rank.to_string(),
                    (x + cell_w / 2 - 6, y + 8),
                    font(13).color(&palette::ink(colour)),
                ));
            }
        }
        legend.draw(area, (label_w, grid_bottom + 16), width - label_w - 10);
    })
}

/// The colour of `rank` among `n`.
fn fill(rank: usize, n: usize) -> RGBColor {
    palette::viridis((rank as f64 - 1.0) / (n as f64 - 1.0).max(1.0))
}
