//! Questions asked of a ranking.

pub mod dominance;
pub mod ranking;
pub mod sensitivity;
pub mod smaa;

pub use ranking::{RankReport, RankedOption, competition_ranks, rank, rank_with};
