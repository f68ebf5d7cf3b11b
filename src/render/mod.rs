//! One result in, bytes out.
//!
//! Every result is [`Serialize`] for JSON and a [`View`], which lays it out as a
//! [`Document`] of headings, paragraphs and tables; each text format renders a
//! document. Renderers compute nothing and write nothing.

pub mod charts;
pub mod csv;
mod document;
mod json;
mod markdown;
pub mod report;
pub mod svg;
mod table;
pub mod views;

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

pub use document::{Block, Document, Table, full};

/// A result that can be laid out for people.
pub trait View {
    /// The result as headings, paragraphs and tables.
    fn document(&self) -> Document;

    /// The document as `format` shows it. Only CSV shows the data tables
    /// ([`document::Block::Data`]); a view whose data tables are large
    /// (every pair of options) leaves them out for the other formats.
    fn document_for(&self, format: Format) -> Document {
        let _ = format;
        self.document()
    }
}

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// A table for the terminal, at most 100 columns wide.
    #[default]
    Table,
    /// Comma-separated values: every table of the result, a blank line between.
    Csv,
    /// JSON as FORMAT.md §4 describes.
    Json,
    /// Markdown.
    Md,
    /// A self-contained HTML page (`report` only).
    Html,
    /// XMCDA 4.0.0 (`export` only).
    Xmcda,
}

impl Format {
    /// Every format's name.
    pub const NAMES: [&'static str; 6] = ["table", "csv", "json", "md", "html", "xmcda"];
}

impl FromStr for Format {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "table" => Ok(Format::Table),
            "csv" => Ok(Format::Csv),
            "json" => Ok(Format::Json),
            "md" | "markdown" => Ok(Format::Md),
            "html" => Ok(Format::Html),
            "xmcda" | "xml" => Ok(Format::Xmcda),
            _ => Err(format!(
                "unknown format `{s}`; choose one of: {}",
                Format::NAMES.join(", ")
            )),
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = match self {
            Format::Table => "table",
            Format::Csv => "csv",
            Format::Json => "json",
            Format::Md => "md",
            Format::Html => "html",
            Format::Xmcda => "xmcda",
        };
        f.write_str(name)
    }
}

/// A result that renders in every format: JSON from its fields, the rest from its [`View`].
pub trait Render {
    /// The result in `format`, ending with a newline.
    fn render(&self, format: Format) -> String;
}

impl<T: Serialize + View> Render for T {
    fn render(&self, format: Format) -> String {
        match format {
            Format::Json => json::render(self),
            Format::Table => table::render(&self.document_for(format)),
            Format::Csv => csv::render(&self.document_for(format)),
            Format::Md => markdown::render(&self.document_for(format)),
            // The command line refuses these for results (they are whole
            // files: a report, an exchange model); a table is the safe reading.
            Format::Html | Format::Xmcda => table::render(&self.document()),
        }
    }
}

/// A number with `digits` decimals, with `-0.000` shown as `0.000`.
pub fn fixed(x: f64, digits: usize) -> String {
    let s = format!("{x:.digits$}");
    if s.starts_with('-') && s[1..].chars().all(|c| c == '0' || c == '.') {
        s[1..].to_string()
    } else {
        s
    }
}
