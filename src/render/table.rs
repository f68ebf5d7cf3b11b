//! Tables for the terminal.
//!
//! Text fits the terminal: on a terminal, its width (at least [`NARROWEST`]
//! columns); otherwise `COLUMNS` when set, else [`PIPE_WIDTH`], a width that
//! reads well in a file or a pager. Cells and prose wrap at word boundaries;
//! a word longer than its column allows is the only thing ever broken.

use comfy_table::{CellAlignment, ColumnConstraint, ContentArrangement, Width, presets};

use super::document::{Block, Document, Table};

/// The width of text written anywhere but a terminal, unless `COLUMNS` says.
pub const PIPE_WIDTH: u16 = 100;

/// The narrowest width tables are laid out for.
pub const NARROWEST: u16 = 60;

/// The width to lay text out in, as the module documentation says.
pub fn width() -> u16 {
    use std::io::IsTerminal;
    let stdout = std::io::stdout();
    let columns = if stdout.is_terminal() {
        terminal_size::terminal_size_of(&stdout).map(|(w, _)| w.0)
    } else {
        None
    };
    let columns = columns.or_else(|| {
        std::env::var("COLUMNS")
            .ok()
            .and_then(|c| c.trim().parse::<u16>().ok())
            .filter(|&c| c > 0)
    });
    columns.unwrap_or(PIPE_WIDTH).max(NARROWEST)
}

/// Renders a document as text for the terminal's [`width`].
pub fn render(document: &Document) -> String {
    render_at(document, width())
}

/// Renders a document as text at most `width` columns wide.
pub fn render_at(document: &Document, width: u16) -> String {
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
                out.push_str(&textwrap(text, width as usize));
            }
            Block::Paragraph(text) => {
                out.push_str(&textwrap(text, width as usize));
            }
            Block::Data(_) => {}
            Block::Preformatted(text) => {
                out.push_str(text.trim_end());
                out.push('\n');
            }
            Block::Table(table) => {
                out.push_str(&text_table(table, width));
                out.push('\n');
            }
        }
    }
    out
}

/// One table laid out in `width` columns. Each column is kept at least as
/// wide as its longest word while the table still fits, so cells wrap between
/// words ("us_enforcement" is never cut into "us_enforce" and "ment").
fn text_table(table: &Table, width: u16) -> String {
    let mut t = comfy_table::Table::new();
    t.load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(width)
        .set_header(table.headers.clone());
    for row in &table.rows {
        t.add_row(row.clone());
    }
    let longest_word = |text: &str| {
        text.split_whitespace()
            .map(|w| w.chars().count())
            .max()
            .unwrap_or(0)
    };
    let floor = |k: usize, with_header: bool| {
        let cells = table.rows.iter().filter_map(|r| r.get(k));
        let header = with_header.then_some(&table.headers[k]);
        header
            .into_iter()
            .chain(cells)
            .map(|c| longest_word(c))
            .max()
            .unwrap_or(0)
    };
    let numeric = |k: usize| table.numeric.get(k).copied().unwrap_or(false);
    // Each column costs its content, one space of padding either side and a border.
    let cost = |floors: &[usize]| floors.iter().map(|f| f + 3).sum::<usize>() + 1;
    let words: Vec<usize> = (0..table.headers.len()).map(|k| floor(k, true)).collect();
    // Where whole words do not fit, numbers still stay whole.
    let numbers: Vec<usize> = (0..table.headers.len())
        .map(|k| if numeric(k) { floor(k, false) } else { 1 })
        .collect();
    if cost(&words) <= usize::from(width) {
        for (index, column) in t.column_iter_mut().enumerate() {
            // comfy-table's widths include the padding of one space either side.
            let floor = u16::try_from(words[index] + 2).unwrap_or(u16::MAX);
            column.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(floor)));
        }
    } else if cost(&numbers) <= usize::from(width) {
        // Narrow: text columns keep their longest words where they can, and
        // numeric columns share what is left, their numbers always whole
        // (their headers wrap instead).
        let columns = table.headers.len();
        let numeric_count = (0..columns).filter(|&k| numeric(k)).count().max(1);
        let text_need: usize = (0..columns)
            .filter(|&k| !numeric(k))
            .map(|k| words[k] + 3)
            .sum();
        let share = usize::from(width)
            .saturating_sub(text_need + 1)
            .checked_div(numeric_count)
            .unwrap_or(0)
            .saturating_sub(3);
        for (index, column) in t.column_iter_mut().enumerate() {
            if numeric(index) {
                let lower = numbers[index];
                let upper = share.clamp(lower, words[index].max(lower));
                let fixed = u16::try_from(upper.max(lower) + 2).unwrap_or(u16::MAX);
                column.set_constraint(ColumnConstraint::Absolute(Width::Fixed(fixed)));
            }
        }
    }
    for (index, column) in t.column_iter_mut().enumerate() {
        if numeric(index) {
            column.set_cell_alignment(CellAlignment::Right);
        }
    }
    t.to_string()
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
