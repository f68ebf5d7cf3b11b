//! The format-neutral layout of a result.

/// A result laid out as blocks, top to bottom.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Document {
    /// The blocks in order.
    pub blocks: Vec<Block>,
}

/// One block of a [`Document`].
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A section title.
    Heading(String),
    /// A sentence or two.
    Paragraph(String),
    /// A table.
    Table(Table),
    /// Text shown exactly as it is, such as a rendered diagnostic.
    Preformatted(String),
    /// A table only for CSV: ids beside names, numbers at full precision
    /// (shortest round-trip form), shares as fractions. A result's first
    /// named data table is its main CSV table; `--table NAME` picks another.
    Data(Table),
}

/// A table of text cells.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Table {
    /// The table's name for `--table` (data tables), e.g. `ranking`.
    pub name: Option<&'static str>,
    /// Column headers.
    pub headers: Vec<String>,
    /// Rows of cells, each as long as `headers`.
    pub rows: Vec<Vec<String>>,
    /// Which columns hold numbers (right-aligned in text tables).
    pub numeric: Vec<bool>,
}

impl Document {
    /// An empty document.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a heading.
    pub fn heading(&mut self, text: impl Into<String>) -> &mut Self {
        self.blocks.push(Block::Heading(text.into()));
        self
    }

    /// Adds a paragraph.
    pub fn paragraph(&mut self, text: impl Into<String>) -> &mut Self {
        self.blocks.push(Block::Paragraph(text.into()));
        self
    }

    /// Adds preformatted text.
    pub fn preformatted(&mut self, text: impl Into<String>) -> &mut Self {
        self.blocks.push(Block::Preformatted(text.into()));
        self
    }

    /// Adds a table that only CSV shows.
    pub fn data(&mut self, table: Table) -> &mut Self {
        self.blocks.push(Block::Data(table));
        self
    }

    /// Adds a table.
    pub fn table(&mut self, table: Table) -> &mut Self {
        self.blocks.push(Block::Table(table));
        self
    }
}

impl Table {
    /// A table with these headers; `numeric` marks right-aligned columns.
    pub fn new(headers: &[(&str, bool)]) -> Self {
        Table {
            name: None,
            headers: headers.iter().map(|(h, _)| h.to_string()).collect(),
            rows: vec![],
            numeric: headers.iter().map(|(_, n)| *n).collect(),
        }
    }

    /// A data table for CSV called `name`, with these column headers
    /// (snake_case ids, as a program reading the file wants them).
    pub fn data(name: &'static str, headers: &[&str]) -> Self {
        Table {
            name: Some(name),
            headers: headers.iter().map(|h| h.to_string()).collect(),
            rows: vec![],
            numeric: vec![false; headers.len()],
        }
    }

    /// Adds a row.
    pub fn row(&mut self, cells: Vec<String>) -> &mut Self {
        self.rows.push(cells);
        self
    }
}

/// A number for a data table: the shortest text that reads back as the same
/// `f64`, with no rounding (`0.1`, `0.30000000000000004`, `1e-12`).
pub fn full(x: f64) -> String {
    if x == 0.0 {
        // No "-0".
        "0".to_string()
    } else {
        format!("{x}")
    }
}
