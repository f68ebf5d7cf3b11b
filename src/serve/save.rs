//! Saving weights as a new profile in criteria.toml, preserving the rest of
//! the file byte for byte.

use std::path::Path;

use toml_edit::{DocumentMut, InlineTable, Item, Table, value};

use crate::model::id::is_valid;
use crate::output::write_atomic;

/// Why a save was refused.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SaveError {
    /// The id is not `[a-z0-9_-]+`.
    #[error("`{0}` is not a valid profile id: use lower case letters, digits, _ and -")]
    InvalidId(String),
    /// A profile with this id exists.
    #[error("a profile `{0}` already exists; choose another id")]
    Exists(String),
    /// The file cannot be read or parsed.
    #[error("cannot read {0}")]
    Unreadable(String),
    /// The backup or the file cannot be written.
    #[error("cannot write {0}")]
    Unwritable(String),
}

/// Adds `[profiles.<id>]` with these weights to the file at `path`, after
/// copying the file to `<path>.bak`. Only the new table is added: every other
/// byte of the file stays as it was.
pub fn add_profile(
    path: &Path,
    id: &str,
    name: &str,
    description: &str,
    weights: &[(String, f64)],
) -> Result<(), SaveError> {
    if !is_valid(id) {
        return Err(SaveError::InvalidId(id.to_string()));
    }
    let shown = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|_| SaveError::Unreadable(shown.clone()))?;
    let mut doc: DocumentMut = text
        .parse()
        .map_err(|_| SaveError::Unreadable(shown.clone()))?;
    let profiles = doc
        .entry("profiles")
        .or_insert_with(|| {
            let mut t = Table::new();
            t.set_implicit(true);
            Item::Table(t)
        })
        .as_table_mut()
        .ok_or_else(|| SaveError::Unreadable(shown.clone()))?;
    if profiles.contains_key(id) {
        return Err(SaveError::Exists(id.to_string()));
    }
    let mut table = Table::new();
    table.insert("name", value(name));
    table.insert("description", value(description));
    let mut inline = InlineTable::new();
    for (criterion, w) in weights {
        if *w > 0.0 {
            // Rounded so the file reads well; the weights are normalized on load.
            inline.insert(criterion, ((w * 10_000.0).round() / 10_000.0).into());
        }
    }
    table.insert("weights", value(inline));
    profiles.insert(id, Item::Table(table));
    let backup = path.with_extension("toml.bak");
    std::fs::copy(path, &backup)
        .map_err(|_| SaveError::Unwritable(backup.display().to_string()))?;
    write_atomic(path, doc.to_string().as_bytes(), true)
        .map_err(|_| SaveError::Unwritable(shown))?;
    Ok(())
}
