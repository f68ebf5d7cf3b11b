//! Comma-separated values: one rectangular table per output, as spreadsheets
//! and data-frame libraries read it.
//!
//! A result's main table is its first named data table ([`Block::Data`]),
//! else its first table; `--table NAME` picks another of its named tables,
//! and `--csv-dir DIR` writes them all, one file each.

use super::document::{Block, Document, Table};

/// The main table of a document as CSV.
pub fn render(document: &Document) -> String {
    main(document).map(table).unwrap_or_default()
}

/// The table called `name` as CSV.
///
/// # Errors
/// The names of the tables there are, when none is called `name`.
pub fn render_named(document: &Document, name: &str) -> Result<String, Vec<&'static str>> {
    named(document)
        .find(|t| t.name == Some(name))
        .map(table)
        .ok_or_else(|| names(document))
}

/// Every named table as `(name, CSV)`, the main one first.
pub fn render_all(document: &Document) -> Vec<(&'static str, String)> {
    named(document)
        .filter_map(|t| Some((t.name?, table(t))))
        .collect()
}

/// The names of a document's CSV tables, the main one first.
pub fn names(document: &Document) -> Vec<&'static str> {
    named(document).filter_map(|t| t.name).collect()
}

fn named(document: &Document) -> impl Iterator<Item = &Table> {
    document.blocks.iter().filter_map(|b| match b {
        Block::Data(t) if t.name.is_some() => Some(t),
        _ => None,
    })
}

fn main(document: &Document) -> Option<&Table> {
    named(document).next().or_else(|| {
        document.blocks.iter().find_map(|b| match b {
            Block::Table(t) | Block::Data(t) => Some(t),
            _ => None,
        })
    })
}

fn table(table: &Table) -> String {
    let mut writer = csv::Writer::from_writer(vec![]);
    // Writing to a Vec cannot fail; a failure would only drop the row.
    let _ = writer.write_record(&table.headers);
    for row in &table.rows {
        let _ = writer.write_record(row);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8_lossy(&bytes).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::document::full;

    #[test]
    fn the_main_table_is_the_first_named_one() {
        let mut doc = Document::new();
        let mut shown = Table::new(&[("Option", false), ("Score", true)]);
        shown.row(vec!["A".into(), "0.333".into()]);
        doc.table(shown);
        let mut ranking = Table::data("ranking", &["id", "score"]);
        ranking.row(vec!["a".into(), full(1.0 / 3.0)]);
        doc.data(ranking);
        let mut other = Table::data("other", &["x"]);
        other.row(vec!["1".into()]);
        doc.data(other);
        assert_eq!(render(&doc), "id,score\na,0.3333333333333333\n");
        assert_eq!(render_named(&doc, "other").expect("named"), "x\n1\n");
        assert_eq!(render_named(&doc, "nope"), Err(vec!["ranking", "other"]));
        assert_eq!(render_all(&doc).len(), 2);
    }

    #[test]
    fn full_precision_reads_back_exactly() {
        for x in [0.1, 1.0 / 3.0, 0.1 + 0.2, 1e-12, 123456.789, -0.0] {
            let text = full(x);
            assert_eq!(
                text.parse::<f64>().ok(),
                Some(if x == 0.0 { 0.0 } else { x })
            );
        }
        assert_eq!(full(-0.0), "0");
    }
}
