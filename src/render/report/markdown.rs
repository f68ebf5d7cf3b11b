//! The report as Markdown: the same sections as the HTML page, the charts as
//! SVG files beside it, and the folded evidence as plain subsections.

use super::{Layout, Part};
use crate::render::document::Table;

fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

fn table(t: &Table, out: &mut String) {
    let row = |cells: &[String]| {
        let cells: Vec<String> = cells.iter().map(|c| cell(c)).collect();
        format!("| {} |\n", cells.join(" | "))
    };
    out.push_str(&row(&t.headers));
    let rule: Vec<String> = t
        .numeric
        .iter()
        .map(|&n| if n { "---:" } else { "---" }.to_string())
        .collect();
    out.push_str(&row(&rule));
    for r in &t.rows {
        out.push_str(&row(r));
    }
    out.push('\n');
}

fn part(layout: &Layout, p: &Part, out: &mut String) {
    match p {
        Part::Paragraph(text) => out.push_str(&format!("{text}\n\n")),
        Part::List(items) => {
            for item in items {
                out.push_str(&format!("- {item}\n"));
            }
            out.push('\n');
        }
        Part::Table(t) => table(t, out),
        Part::Figure(k) => {
            if let Some(c) = layout.charts.get(*k) {
                out.push_str(&format!("![{}]({})\n\n", c.caption, c.file));
            }
        }
        Part::Details(title, parts) => {
            out.push_str(&format!("### {title}\n\n"));
            for p in parts {
                part(layout, p, out);
            }
        }
    }
}

/// Renders the laid-out report.
pub fn render(layout: &Layout) -> String {
    let mut out = format!("# {}\n\n{}\n\n", layout.title, layout.meta);
    for (k, s) in layout.sections.iter().enumerate() {
        out.push_str(&format!("## {}\n\n", s.title));
        for p in &s.parts {
            part(layout, p, &mut out);
        }
        if k == 0 {
            out.push_str("## Contents\n\n");
            for (n, s) in layout.sections.iter().enumerate() {
                out.push_str(&format!(
                    "{}. [{}](#{})\n",
                    n + 1,
                    s.title,
                    anchor(&s.title)
                ));
            }
            out.push('\n');
        }
    }
    out
}

/// GitHub's heading anchor: lower case, spaces to hyphens, punctuation dropped.
fn anchor(title: &str) -> String {
    title
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}
