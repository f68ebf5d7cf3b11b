//! The data behind each chart: results laid out as the plain structs the SVG
//! renderers draw. Nothing here computes an analysis; it picks, orders,
//! names and colours what the analyses found.

mod compare;
mod frontier;
mod ranking;
mod smaa;
mod sweep;
mod tornado;

pub use compare::rank_heatmap;
pub use frontier::frontier;
pub use ranking::rank_bars;
pub use smaa::acceptability_bars;
pub use sweep::sweep_lines;
pub use tornado::tornado;
