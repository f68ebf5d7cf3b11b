//! The report laid out: sections of sentences, tables and charts, rendered
//! as one self-contained HTML page or as Markdown with the charts beside it.
//! Both formats render the same [`Section`]s, so they carry the same content.

mod html;
mod markdown;
mod sections;
mod sentences;

pub use html::escape;

use crate::model::Model;
use crate::render::document::Table;
use crate::render::{charts, svg};
use crate::report::ReportData;

/// One piece of a section.
#[derive(Debug, Clone, PartialEq)]
pub enum Part {
    /// A paragraph.
    Paragraph(String),
    /// A bulleted list.
    List(Vec<String>),
    /// A table.
    Table(Table),
    /// A chart, by its index in [`Chart`]s, with a caption.
    Figure(usize),
    /// Detail folded away on screen and shown in full when printed.
    Details(String, Vec<Part>),
}

/// A section of the report.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    /// Its anchor.
    pub id: &'static str,
    /// Its title.
    pub title: String,
    /// Its content.
    pub parts: Vec<Part>,
}

/// A chart of the report.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    /// File name when written beside the Markdown.
    pub file: &'static str,
    /// Caption.
    pub caption: String,
    /// The SVG.
    pub svg: String,
}

/// The report as sections and charts.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    /// The title.
    pub title: String,
    /// The line under the title.
    pub meta: String,
    /// The sections, summary first.
    pub sections: Vec<Section>,
    /// The charts the sections refer to.
    pub charts: Vec<Chart>,
}

/// Draws the report's charts.
fn draw(model: &Model, data: &ReportData) -> Vec<Chart> {
    let mut out = vec![Chart {
        file: "ranking.svg",
        caption: "Each option's overall value, stacked by criterion: a segment is the criterion's weight × the option's value on it.".into(),
        svg: svg::stacked_bars(&charts::rank_bars(model, &data.rank)),
    }];
    if let Some(p) = &data.profiles {
        out.push(Chart {
            file: "profiles.svg",
            caption: "Ranks under every stakeholder profile; darker cells are better ranks.".into(),
            svg: svg::heatmap(&charts::rank_heatmap(p)),
        });
    }
    out.push(Chart {
        file: "methods.svg",
        caption: "Ranks under every aggregation method, for this profile.".into(),
        svg: svg::heatmap(&charts::rank_heatmap(&data.methods)),
    });
    let critical = data
        .sensitivity
        .summary
        .critical
        .as_ref()
        .and_then(|c| {
            data.sensitivity
                .criteria
                .iter()
                .position(|s| s.id == c.criterion)
        })
        .unwrap_or(0);
    if let Some(sweep) = charts::sweep_lines(&data.sensitivity, critical) {
        out.push(Chart {
            file: "sensitivity.svg",
            caption: "Scores as the most critical criterion's weight moves; the dashed line is the current weight, circles are swaps among the leaders.".into(),
            svg: svg::line_chart(&sweep),
        });
    }
    out.push(Chart {
        file: "tornado.svg",
        caption: "How far each score's uncertainty range moves the leader's overall value.".into(),
        svg: svg::tornado(&charts::tornado(model, &data.swings)),
    });
    out.push(Chart {
        file: "acceptability.svg",
        caption: "Share of SMAA samples in which each option takes each rank.".into(),
        svg: svg::stacked_bars(&charts::acceptability_bars(&data.smaa)),
    });
    out
}

/// Lays the report out.
pub fn layout(model: &Model, data: &ReportData) -> Layout {
    let charts = draw(model, data);
    let figure = |file: &str| charts.iter().position(|c| c.file == file);
    Layout {
        title: data.title.clone(),
        meta: format!(
            "Report of {} · profile: {} · method: additive value model",
            data.date, data.profile.name
        ),
        sections: sections::sections(model, data, &figure),
        charts,
    }
}

/// The report as one self-contained HTML document.
pub fn html(model: &Model, data: &ReportData) -> String {
    html::render(&layout(model, data))
}

/// The report as Markdown, with its charts as `(file name, SVG)` to write beside it.
pub fn markdown(model: &Model, data: &ReportData) -> (String, Vec<(&'static str, String)>) {
    let layout = layout(model, data);
    let text = markdown::render(&layout);
    (
        text,
        layout.charts.into_iter().map(|c| (c.file, c.svg)).collect(),
    )
}
