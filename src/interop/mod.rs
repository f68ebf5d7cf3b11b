//! Exchanging models with other tools: a score table from a spreadsheet, the
//! XMCDA 4.0.0 standard, and the two TOML files themselves.
//!
//! ```text
//! scores.csv / .xlsx ─┐                        ┌─► options.toml + criteria.toml
//! model.xml (XMCDA) ──┼─► Exchange ────────────┼─► scores.csv
//! Model ──────────────┘                        └─► model.xml (XMCDA)
//! ```
//!
//! [`Exchange`] is what the formats have in common: criteria with a scale and a
//! direction, the score matrix (with ranges), and each profile as numeric
//! weights. Importing writes the two TOML files, which then load through
//! [`crate::input`] like any other model, so an imported model is checked
//! exactly as a hand-written one.

mod exchange;
pub mod score_table;
mod toml_files;
pub mod xmcda;

pub use exchange::{Exchange, ExchangeCriterion, ExchangeOption, ExchangeProfile, ExchangeScore};
pub use toml_files::{ModelTexts, slug, to_toml};
