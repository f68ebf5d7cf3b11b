//! Markdown.

use super::document::{Block, Document};

/// Renders a document as GitHub-flavoured Markdown.
pub fn render(document: &Document) -> String {
    let mut out = String::new();
    let mut first_heading = true;
    for block in &document.blocks {
        match block {
            Block::Heading(text) => {
                let level = if first_heading { "#" } else { "##" };
                first_heading = false;
                out.push_str(&format!("{level} {text}\n\n"));
            }
            Block::Paragraph(text) => {
                out.push_str(text);
                out.push_str("\n\n");
            }
            Block::Data(_) => {}
            Block::Preformatted(text) => {
                out.push_str(&format!("```text\n{}\n```\n\n", text.trim_end()));
            }
            Block::Table(table) => {
                out.push_str(&row(&table.headers));
                let rule: Vec<String> = table
                    .numeric
                    .iter()
                    .map(|&n| {
                        if n {
                            "---:".to_string()
                        } else {
                            "---".to_string()
                        }
                    })
                    .collect();
                out.push_str(&row(&rule));
                for cells in &table.rows {
                    out.push_str(&row(cells));
                }
                out.push('\n');
            }
        }
    }
    out
}

fn row(cells: &[String]) -> String {
    let escaped: Vec<String> = cells
        .iter()
        .map(|c| c.replace('|', "\\|").replace('\n', " "))
        .collect();
    format!("| {} |\n", escaped.join(" | "))
}
