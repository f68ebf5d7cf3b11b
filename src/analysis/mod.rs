//! Questions asked of a ranking.

pub mod ranking;

pub use ranking::{RankReport, RankedOption, competition_ranks, rank};
