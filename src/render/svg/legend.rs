//! Legends: colour swatches with their full names, and a colour ramp for an
//! ordered scale.

use plotters::prelude::*;

use super::{draw_lines, font, wrap};

/// What a colour means.
#[derive(Debug, Clone, PartialEq)]
pub enum Legend {
    /// One swatch per entry, every entry shown in full.
    Swatches(Vec<(String, RGBColor)>),
    /// An ordered scale: one cell per step, labelled at the given steps.
    Ramp {
        /// What the scale measures.
        title: String,
        /// The colour of each step, first to last.
        colours: Vec<RGBColor>,
        /// Labels under chosen steps: `(step, text)`.
        ticks: Vec<(usize, String)>,
    },
}

const SWATCH_COLUMNS: usize = 2;
const COLUMN_WIDTH: i32 = 430;
const WRAP: usize = 54;
const LINE: i32 = 15;

impl Legend {
    /// The legend's height in pixels.
    pub fn height(&self) -> i32 {
        match self {
            Legend::Swatches(entries) => swatch_rows(entries)
                .iter()
                .map(|row| row.iter().map(|lines| lines.len()).max().unwrap_or(1) as i32 * LINE + 6)
                .sum(),
            Legend::Ramp { .. } => 56,
        }
    }

    /// Draws the legend with its top-left corner at `(x, y)`, at most `width` wide.
    pub fn draw<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, plotters::coord::Shift>,
        (x, y): (i32, i32),
        width: i32,
    ) {
        match self {
            Legend::Swatches(entries) => {
                let rows = swatch_rows(entries);
                let mut top = y;
                for (r, row) in rows.iter().enumerate() {
                    for (c, lines) in row.iter().enumerate() {
                        let k = r * SWATCH_COLUMNS + c;
                        let left = x + c as i32 * COLUMN_WIDTH;
                        let _ = area.draw(&Rectangle::new(
                            [(left, top + 1), (left + 14, top + 13)],
                            entries[k].1.filled(),
                        ));
                        draw_lines(area, lines, (left + 20, top + 1), &font(12), LINE);
                    }
                    top += row.iter().map(Vec::len).max().unwrap_or(1) as i32 * LINE + 6;
                }
            }
            Legend::Ramp {
                title,
                colours,
                ticks,
            } => {
                let _ = area.draw(&Text::new(title.clone(), (x, y), font(12)));
                let n = colours.len().max(1) as i32;
                let cell = ((width - 20) / n).clamp(4, 40);
                for (k, c) in colours.iter().enumerate() {
                    let left = x + k as i32 * cell;
                    let _ = area.draw(&Rectangle::new(
                        [(left, y + 18), (left + cell, y + 34)],
                        c.filled(),
                    ));
                }
                let _ = area.draw(&Rectangle::new(
                    [(x, y + 18), (x + n * cell, y + 34)],
                    RGBColor(120, 120, 120).stroke_width(1),
                ));
                for (step, text) in ticks {
                    let centre = x + *step as i32 * cell + cell / 2;
                    let left = (centre - text.chars().count() as i32 * 3).max(x);
                    let _ = area.draw(&Text::new(text.clone(), (left, y + 38), font(11)));
                }
            }
        }
    }
}

/// The swatch entries wrapped and laid out in rows of [`SWATCH_COLUMNS`].
fn swatch_rows(entries: &[(String, RGBColor)]) -> Vec<Vec<Vec<String>>> {
    entries
        .chunks(SWATCH_COLUMNS)
        .map(|chunk| chunk.iter().map(|(text, _)| wrap(text, WRAP)).collect())
        .collect()
}

/// Tick labels for a ramp of `n` steps: the first, the last and a few between.
pub fn ramp_ticks(n: usize, label: impl Fn(usize) -> String) -> Vec<(usize, String)> {
    if n == 0 {
        return vec![];
    }
    let every = n.div_ceil(8).max(1);
    let mut steps: Vec<usize> = (0..n).step_by(every).collect();
    if steps.last() != Some(&(n - 1)) {
        if steps.len() > 1 && n - 1 - steps[steps.len() - 1] < every / 2 + 1 {
            steps.pop();
        }
        steps.push(n - 1);
    }
    steps.into_iter().map(|s| (s, label(s))).collect()
}
