//! A scatter of one criterion's score against the value of the rest, with the
//! efficient frontier. Every point gets its name where it fits without
//! overlapping another label or point, and a number keyed to a list where not.

use plotters::prelude::*;

use super::{draw_lines, font, palette, render, wrap};

/// One option.
#[derive(Debug, Clone, PartialEq)]
pub struct ScatterPoint {
    /// Its name.
    pub label: String,
    /// Score on the chosen criterion.
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
    /// The options, the ones to label first ahead.
    pub points: Vec<ScatterPoint>,
    /// The frontier, in x order.
    pub frontier: Vec<(f64, f64)>,
}

const WIDTH: i32 = 960;
const PLOT_H: i32 = 600;
const CHAR_W: f64 = 7.0;
const TEXT_H: i32 = 15;
const MARK: i32 = 6;

/// Where each point's label goes.
#[derive(Debug, Clone, PartialEq)]
enum Placed {
    /// The name, with its top-left corner here.
    Name(i32, i32),
    /// A number keyed to the list, top-left corner here.
    Number(usize, i32, i32),
}

type Rect = (i32, i32, i32, i32);

fn overlaps(a: Rect, b: Rect) -> bool {
    a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
}

/// Greedy label placement: each point in order tries eight positions around
/// itself and takes the first inside the plot that touches no placed label
/// and no point; the names that fit nowhere become numbers.
fn place(pixels: &[(i32, i32)], labels: &[String], bounds: Rect) -> Vec<Placed> {
    let marks: Vec<Rect> = pixels
        .iter()
        .map(|&(x, y)| (x - MARK, y - MARK, x + MARK, y + MARK))
        .collect();
    let mut taken: Vec<Rect> = vec![];
    let mut out = vec![];
    let mut number = 0;
    let fits = |r: Rect, taken: &[Rect]| {
        r.0 >= bounds.0
            && r.2 <= bounds.2
            && r.1 >= bounds.1
            && r.3 <= bounds.3
            && !taken.iter().any(|&t| overlaps(r, t))
            && !marks.iter().any(|&m| overlaps(r, m))
    };
    let candidates = |(x, y): (i32, i32), w: i32| {
        let h = TEXT_H;
        [
            (x + MARK + 2, y - h / 2),
            (x - MARK - 2 - w, y - h / 2),
            (x - w / 2, y - MARK - 2 - h),
            (x - w / 2, y + MARK + 2),
            (x + MARK, y - MARK - h),
            (x + MARK, y + MARK),
            (x - MARK - w, y - MARK - h),
            (x - MARK - w, y + MARK),
        ]
    };
    for (k, &p) in pixels.iter().enumerate() {
        let w = (labels[k].chars().count() as f64 * CHAR_W).ceil() as i32;
        let spot = candidates(p, w)
            .into_iter()
            .map(|(x, y)| (x, y, x + w, y + TEXT_H))
            .find(|&r| fits(r, &taken));
        if let Some(r) = spot {
            taken.push(r);
            out.push(Placed::Name(r.0, r.1));
            continue;
        }
        number += 1;
        let w = (number.to_string().len() as f64 * CHAR_W).ceil() as i32;
        let rects: Vec<Rect> = candidates(p, w)
            .into_iter()
            .map(|(x, y)| (x, y, x + w, y + TEXT_H))
            .collect();
        let r = rects
            .iter()
            .copied()
            .find(|&r| fits(r, &taken))
            .unwrap_or(rects[0]);
        taken.push(r);
        out.push(Placed::Number(number, r.0, r.1));
    }
    out
}

/// The chart's pixel positions of every point and the plot's bounds.
fn layout(chart: &Scatter) -> (Vec<(i32, i32)>, Rect) {
    let mut scratch = String::new();
    let mut pixels = vec![];
    let mut bounds = (0, 0, WIDTH, PLOT_H);
    {
        let area = SVGBackend::with_string(&mut scratch, (WIDTH as u32, PLOT_H as u32))
            .into_drawing_area();
        if let Some(c) = plot(&area, chart) {
            pixels = chart
                .points
                .iter()
                .map(|p| c.backend_coord(&(p.x, p.y)))
                .collect();
            let (xs, ys) = c.plotting_area().get_pixel_range();
            bounds = (xs.start, ys.start, xs.end, ys.end);
        }
    }
    (pixels, bounds)
}

type Chart<'a, 'b> = ChartContext<
    'a,
    SVGBackend<'b>,
    Cartesian2d<plotters::coord::types::RangedCoordf64, plotters::coord::types::RangedCoordf64>,
>;

/// Sets up the axes and the light major grid.
fn plot<'a, 'b>(
    area: &'a DrawingArea<SVGBackend<'b>, plotters::coord::Shift>,
    chart: &Scatter,
) -> Option<Chart<'a, 'b>> {
    let (ylo, yhi) = chart
        .points
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), p| {
            (a.min(p.y), b.max(p.y))
        });
    let (ylo, yhi) = if yhi > ylo { (ylo, yhi) } else { (0.0, 1.0) };
    let pad = (yhi - ylo) * 0.08;
    let (x0, x1) = chart.x_range;
    let xpad = (x1 - x0) * 0.04;
    let mut c = ChartBuilder::on(area)
        .caption(chart.title.clone(), font(17))
        .margin(14)
        .x_label_area_size(44)
        .y_label_area_size(60)
        .build_cartesian_2d((x0 - xpad)..(x1 + xpad), (ylo - pad)..(yhi + pad))
        .ok()?;
    c.configure_mesh()
        .x_desc(chart.x_label.clone())
        .y_desc(chart.y_label.clone())
        .label_style(font(12))
        .max_light_lines(0)
        .bold_line_style(RGBColor(228, 228, 228))
        .draw()
        .ok()?;
    Some(c)
}

/// Draws the chart: efficient options in colour, dominated ones grey, every
/// point named or numbered, the numbers listed under the plot.
pub fn scatter(chart: &Scatter) -> String {
    let (pixels, bounds) = layout(chart);
    let labels: Vec<String> = chart.points.iter().map(|p| p.label.clone()).collect();
    let placed = place(&pixels, &labels, bounds);
    let key: Vec<(usize, String)> = placed
        .iter()
        .zip(&labels)
        .filter_map(|(p, l)| match p {
            Placed::Number(n, _, _) => Some((*n, l.clone())),
            Placed::Name(..) => None,
        })
        .collect();
    let key_lines: Vec<Vec<String>> = key
        .iter()
        .map(|(n, name)| wrap(&format!("{n}  {name}"), 140))
        .collect();
    let key_rows: i32 = key_lines.iter().map(|l| l.len() as i32).sum();
    let height = PLOT_H
        + 30
        + if key.is_empty() {
            0
        } else {
            20 + key_rows * 15
        }
        + 10;
    let efficient_fill = palette::line(5);
    let dominated_fill = RGBColor(150, 150, 150);
    render((WIDTH as u32, height as u32), |root| {
        let (top, bottom) = root.split_vertically(PLOT_H);
        let Some(mut c) = plot(&top, chart) else {
            return;
        };
        let _ = c.draw_series(LineSeries::new(
            chart.frontier.clone(),
            palette::line(0).stroke_width(2),
        ));
        for p in &chart.points {
            let (fill, size) = if p.efficient {
                (efficient_fill, 6)
            } else {
                (dominated_fill, 4)
            };
            let _ = c.draw_series(std::iter::once(Circle::new(
                (p.x, p.y),
                size,
                fill.filled(),
            )));
        }
        for (k, p) in placed.iter().enumerate() {
            let (text, x, y) = match p {
                Placed::Name(x, y) => (labels[k].clone(), *x, *y),
                Placed::Number(n, x, y) => (n.to_string(), *x, *y),
            };
            let _ = top.draw(&Text::new(text, (x, y + 1), font(11)));
        }
        // The legend, then the numbered names.
        let mut x = 14;
        for (text, fill, r) in [
            (
                "efficient: no option is better on both axes",
                efficient_fill,
                6,
            ),
            ("dominated", dominated_fill, 4),
        ] {
            let _ = bottom.draw(&Circle::new((x + 6, 12), r, fill.filled()));
            let _ = bottom.draw(&Text::new(text, (x + 16, 6), font(12)));
            x += 40 + (text.chars().count() as f64 * 6.6) as i32;
        }
        let _ = bottom.draw(&PathElement::new(
            vec![(x, 12), (x + 24, 12)],
            palette::line(0).stroke_width(2),
        ));
        let _ = bottom.draw(&Text::new("the frontier", (x + 30, 6), font(12)));
        if !key.is_empty() {
            let _ = bottom.draw(&Text::new(
                "Numbered points (no room for the name beside them):",
                (14, 34),
                font(12),
            ));
            let mut y = 52;
            for lines in &key_lines {
                draw_lines(&bottom, lines, (14, y), &font(11), 15);
                y += 15 * lines.len() as i32;
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_never_overlap_and_crowded_points_get_numbers() {
        // Ten points on top of each other and one alone.
        let mut pixels = vec![(300, 300); 10];
        pixels.push((100, 100));
        let labels: Vec<String> = (0..11).map(|k| format!("Option number {k}")).collect();
        let placed = place(&pixels, &labels, (0, 0, 600, 600));
        let names: Vec<Rect> = placed
            .iter()
            .zip(&labels)
            .filter_map(|(p, l)| match p {
                Placed::Name(x, y) => Some((
                    *x,
                    *y,
                    x + (l.len() as f64 * CHAR_W).ceil() as i32,
                    y + TEXT_H,
                )),
                Placed::Number(..) => None,
            })
            .collect();
        for (a, ra) in names.iter().enumerate() {
            for rb in &names[a + 1..] {
                assert!(!overlaps(*ra, *rb), "{ra:?} and {rb:?} overlap");
            }
        }
        assert!(
            matches!(placed[10], Placed::Name(..)),
            "the lone point is named"
        );
        assert!(
            placed.iter().any(|p| matches!(p, Placed::Number(1, ..))),
            "crowded points are numbered from 1"
        );
    }
}
