//! Questions asked of a ranking.

pub mod charts;
pub mod compare;
pub mod correlation;
pub mod dominance;
pub mod explain;
pub mod ranking;
pub mod report;
pub mod sensitivity;
pub mod smaa;

pub use ranking::{RankReport, RankedOption, competition_ranks, rank, rank_with};
