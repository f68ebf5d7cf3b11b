//! # tradeoffs
//!
//! Rank policy options against weighted criteria arranged in a value tree, and
//! see how the ranking shifts as stakeholders' weights change.
//!
//! Data flows one way, each step in its own module:
//!
//! ```text
//! options.toml  ─┐
//!                ├─► input ─► model ─► weights + methods ─► analysis ─► render
//! criteria.toml ─┘   (spans)  (validated)   (nalgebra)                  (table · csv · json · md)
//! ```
//!
//! - [`input`] reads both files, checks everything and reports every problem;
//! - [`model`] is the validated problem: options × criteria, profiles, evidence;
//! - [`weights`] turns a profile into a weight vector (direct, grouped, ROC, AHP);
//! - [`methods`] aggregates values into one figure per option;
//! - [`analysis`] asks questions of rankings;
//! - [`render`] lays results out as text, CSV, JSON or Markdown.

pub mod analysis;
pub mod cli;
mod error;
pub mod input;
pub mod interop;
pub mod methods;
pub mod model;
pub mod output;
pub mod render;
pub mod report;
pub mod serve;
pub mod simd;
pub mod weights;

pub use analysis::{RankReport, competition_ranks, rank};
pub use cli::run;
pub use error::Error;
pub use input::{Diagnostic, from_texts};
pub use methods::{Method, MethodKind, Problem};
pub use model::Model;
pub use render::{Format, Render};
