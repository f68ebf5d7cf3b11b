//! Normalizations: from raw scores to comparable, benefit-oriented numbers.
//!
//! `value` uses each criterion's own value function (0 = worst, 1 = best on
//! its fixed scale). The others work on the raw scores of the options at hand,
//! column by column, and follow the definitions of the Python library pymcdm
//! (version 1.4), so results can be checked against it:
//!
//! ```text
//!             benefit                       cost
//! vector:     x / √(Σ x²)                   1 − x / √(Σ x²)
//! minmax:     (x − min) / (max − min)       (max − x) / (max − min)
//! max:        x / max                       1 − x / max
//! sum:        x / Σ x                       (1/x) / Σ (1/x)
//! ```
//!
//! Degenerate columns never give NaN: minmax on a column with one value gives
//! 1 (as pymcdm does); an all-zero column under vector, max or sum gives 0 for
//! a benefit and 1 for a cost criterion (everyone is equally best); a cost
//! column with zeros under sum gives the zeros equal shares of 1 (the limit of
//! `(1/x) / Σ(1/x)` as x → 0). Each case adds a note.
//!
//! No normalized matrix is built: `Normalized` holds one map per column
//! (after one pass for the column statistics, when the normalization needs
//! them) and methods apply it to one row of scores at a time.

use std::fmt;
use std::str::FromStr;

mod columns;

pub(crate) use columns::{Need, Normalized, Stats};

/// How raw scores are made comparable before aggregation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Normalization {
    /// The criteria's own value functions on their fixed scales.
    #[default]
    Value,
    /// Divide by the column's Euclidean norm.
    Vector,
    /// Map the column's range onto 0..=1.
    Minmax,
    /// Divide by the column's maximum.
    Max,
    /// Divide by the column's sum.
    Sum,
}

impl Normalization {
    /// Every normalization's name.
    pub const NAMES: [&'static str; 5] = ["value", "vector", "minmax", "max", "sum"];

    /// The name used on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Normalization::Value => "value",
            Normalization::Vector => "vector",
            Normalization::Minmax => "minmax",
            Normalization::Max => "max",
            Normalization::Sum => "sum",
        }
    }
}

impl fmt::Display for Normalization {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Normalization {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "value" => Ok(Normalization::Value),
            "vector" => Ok(Normalization::Vector),
            "minmax" => Ok(Normalization::Minmax),
            "max" => Ok(Normalization::Max),
            "sum" => Ok(Normalization::Sum),
            _ => Err(format!(
                "unknown normalization `{s}`; {}",
                crate::input::diagnostic::did_you_mean(s, Self::NAMES)
                    .unwrap_or_else(|| format!("choose one of: {}", Self::NAMES.join(", ")))
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::methods::Problem;
    use crate::model::Criterion;
    use crate::model::Direction;

    /// One column through [`Normalized`], as a method sees it.
    fn normalize_column(
        x: &[f64],
        cost: bool,
        method: Normalization,
    ) -> (Vec<f64>, Option<String>) {
        let direction = if cost {
            Direction::Cost
        } else {
            Direction::Benefit
        };
        let criteria = [Criterion::on_ten("c", direction)];
        let problem = Problem::from_rows(x, &criteria);
        let n = Normalized::of(&problem, method, Need::Extremes);
        let column = x
            .iter()
            .map(|v| {
                let mut r = [0.0];
                n.row(&[*v], &mut r);
                r[0]
            })
            .collect();
        (column, n.notes.first().cloned())
    }

    #[test]
    fn columns_follow_the_pymcdm_definitions() {
        let x = [1.0, 2.0, 4.0];
        let close = |a: &[f64], b: &[f64]| a.iter().zip(b).all(|(p, q)| (p - q).abs() < 1e-12);
        assert!(close(
            &normalize_column(&x, false, Normalization::Minmax).0,
            &[0.0, 1.0 / 3.0, 1.0]
        ));
        assert!(close(
            &normalize_column(&x, true, Normalization::Max).0,
            &[0.75, 0.5, 0.0]
        ));
        assert!(close(
            &normalize_column(&x, false, Normalization::Sum).0,
            &[1.0 / 7.0, 2.0 / 7.0, 4.0 / 7.0]
        ));
        let norm = 21f64.sqrt();
        assert!(close(
            &normalize_column(&x, true, Normalization::Vector).0,
            &[1.0 - 1.0 / norm, 1.0 - 2.0 / norm, 1.0 - 4.0 / norm]
        ));
    }

    #[test]
    fn degenerate_columns_are_finite_and_noted() {
        for method in [
            Normalization::Minmax,
            Normalization::Vector,
            Normalization::Max,
            Normalization::Sum,
        ] {
            for cost in [false, true] {
                let (column, note) = normalize_column(&[0.0, 0.0], cost, method);
                assert!(column.iter().all(|v| v.is_finite()), "{method} cost={cost}");
                assert!(note.is_some(), "{method} cost={cost}");
            }
        }
        let (column, _) = normalize_column(&[0.0, 2.0, 0.0], true, Normalization::Sum);
        assert_eq!(column, vec![0.5, 0.0, 0.5]);
    }
}
