//! How each result is laid out for people.

mod check;
mod compare;
mod explain;
mod list;
mod rank;
mod sensitivity;
pub mod smaa;
mod weights;

pub use check::{CheckReport, SHOWN_PER_CODE};
pub use list::{ListItem, Listing};
