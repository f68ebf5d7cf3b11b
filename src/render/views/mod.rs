//! How each result is laid out for people.

mod check;
mod compare;
mod explain;
mod rank;
mod sensitivity;
pub mod smaa;
mod weights;

pub use check::CheckReport;
