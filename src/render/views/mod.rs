//! How each result is laid out for people.

mod check;
mod rank;
mod sensitivity;
mod smaa;
mod weights;

pub use check::CheckReport;
