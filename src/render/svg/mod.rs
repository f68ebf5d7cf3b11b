//! SVG charts, drawn with plotters' SVG backend.
//!
//! Each chart takes a plain data struct, filled by the caller, and returns the
//! SVG text: the charts compute nothing. Colours come from palettes that
//! colour-blind readers can tell apart ([`palette`]), every colour has a
//! legend, and series are also labelled directly, so a chart still reads in
//! black and white. Grids are light and major only.

mod bars;
mod heatmap;
mod legend;
mod lines;
pub mod palette;
mod scatter;
mod tornado;

use plotters::prelude::*;

pub use bars::{BarRow, Segment, StackedBars, stacked_bars};
pub use heatmap::{Heatmap, heatmap};
pub use legend::{Legend, ramp_ticks};
pub use lines::{LineChart, Series, line_chart};
pub use plotters::style::RGBColor;
pub use scatter::{Scatter, ScatterPoint, scatter};
pub use tornado::{Tornado, TornadoRow, tornado};

/// Splits `text` into lines of at most `width` characters at spaces.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = vec![];
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Font for labels. plotters' SVG backend writes `font-size` at about 0.8 of
/// the size asked for; the factor brings a label of nominal size 11 to about
/// 11 px, legible on a slide.
pub(crate) fn font(size: u32) -> TextStyle<'static> {
    ("sans-serif", f64::from(size) * FONT_SCALE)
        .into_font()
        .color(&BLACK)
}

/// See [`font`].
const FONT_SCALE: f64 = 1.2;

/// Draws wrapped text, one line under the other, starting at `(x, y)`.
pub(crate) fn draw_lines<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    lines: &[String],
    (x, y): (i32, i32),
    style: &TextStyle<'_>,
    line_height: i32,
) {
    for (k, line) in lines.iter().enumerate() {
        let _ = area.draw(&Text::new(
            line.clone(),
            (x, y + k as i32 * line_height),
            style.clone(),
        ));
    }
}

/// Renders a drawing into an SVG string.
pub(crate) fn render<F>(size: (u32, u32), draw: F) -> String
where
    F: FnOnce(&DrawingArea<SVGBackend<'_>, plotters::coord::Shift>),
{
    let mut svg = String::new();
    {
        let area = SVGBackend::with_string(&mut svg, size).into_drawing_area();
        let _ = area.fill(&WHITE);
        draw(&area);
        let _ = area.present();
    }
    svg
}
