//! Questions asked of a ranking.

pub mod compare;
pub mod correlation;
pub mod dominance;
pub mod explain;
pub mod frontier;
pub mod ranking;
pub mod sensitivity;
pub mod smaa;
pub mod swing;

pub use ranking::{RankReport, RankedOption, competition_ranks, rank, rank_with};
