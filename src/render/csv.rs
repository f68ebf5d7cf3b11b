//! Comma-separated values.

use super::document::{Block, Document};

/// Renders every table of a document as CSV, a blank line between tables.
pub fn render(document: &Document) -> String {
    let mut parts = vec![];
    for block in &document.blocks {
        if let Block::Table(table) | Block::Data(table) = block {
            let mut writer = csv::Writer::from_writer(vec![]);
            // Writing to a Vec cannot fail; a failure would only drop the row.
            let _ = writer.write_record(&table.headers);
            for row in &table.rows {
                let _ = writer.write_record(row);
            }
            let bytes = writer.into_inner().unwrap_or_default();
            parts.push(String::from_utf8_lossy(&bytes).into_owned());
        }
    }
    parts.join("\n")
}
