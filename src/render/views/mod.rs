//! How each result is laid out for people.

mod check;
mod rank;
mod weights;

pub use check::CheckReport;
