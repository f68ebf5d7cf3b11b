//! Tables for the terminal.

use comfy_table::{CellAlignment, ColumnConstraint, ContentArrangement, Width, presets};

use super::document::{Block, Document};

/// The widest a table may be: a 100-column terminal.
pub const WIDTH: u16 = 100;

/// Renders a document as text, tables wrapped to [`WIDTH`] columns.
pub fn render(document: &Document) -> String {
    let mut out = String::new();
    let shown = document
        .blocks
        .iter()
        .filter(|b| !matches!(b, Block::Data(_)));
    for (i, block) in shown.enumerate() {
        if i > 0 {
            out.push('\n');
        }
        match block {
            Block::Heading(text) => {
                out.push_str(text);
                out.push('\n');
            }
            Block::Paragraph(text) => {
                out.push_str(&textwrap(text, WIDTH as usize));
            }
            Block::Data(_) => {}
            Block::Preformatted(text) => {
                out.push_str(text.trim_end());
                out.push('\n');
            }
            Block::Table(table) => {
                let mut t = comfy_table::Table::new();
                t.load_style(presets::UTF8_FULL_CONDENSED)
                    .set_content_arrangement(ContentArrangement::Dynamic)
                    .set_width(WIDTH)
                    .set_header(table.headers.clone());
                for row in &table.rows {
                    t.add_row(row.clone());
                }
                for (index, numeric) in table.numeric.iter().enumerate() {
                    if let Some(column) = t.column_mut(index) {
                        if *numeric {
                            column.set_cell_alignment(CellAlignment::Right);
                            column.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(6)));
                        }
                    }
                }
                out.push_str(&t.to_string());
                out.push('\n');
            }
        }
    }
    out
}

/// Wraps prose at word boundaries to `width` characters.
fn textwrap(text: &str, width: usize) -> String {
    let mut out = String::new();
    for paragraph in text.lines() {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
                out.push_str(&line);
                out.push('\n');
                line.clear();
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        out.push_str(&line);
        out.push('\n');
    }
    out
}
