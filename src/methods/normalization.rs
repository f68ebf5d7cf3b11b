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

use std::fmt;
use std::str::FromStr;

use nalgebra::DMatrix;

use super::Problem;
use crate::model::Direction;

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

/// The normalized matrix (options × criteria, higher is better) and notes on
/// degenerate columns.
pub fn normalize(problem: &Problem<'_>, method: Normalization) -> (DMatrix<f64>, Vec<String>) {
    if method == Normalization::Value {
        return (problem.values(), vec![]);
    }
    let (n, m) = (problem.scores.nrows(), problem.scores.ncols());
    let mut out = DMatrix::zeros(n, m);
    let mut notes = vec![];
    for j in 0..m {
        let x: Vec<f64> = problem.scores.column(j).iter().copied().collect();
        let cost = problem.criteria[j].direction == Direction::Cost;
        let id = &problem.criteria[j].id;
        let (column, note) = normalize_column(&x, cost, method);
        if let Some(note) = note {
            notes.push(format!("{id}: {note}"));
        }
        for (i, v) in column.into_iter().enumerate() {
            out[(i, j)] = v;
        }
    }
    (out, notes)
}

fn normalize_column(x: &[f64], cost: bool, method: Normalization) -> (Vec<f64>, Option<String>) {
    let max = x.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let min = x.iter().copied().fold(f64::INFINITY, f64::min);
    let equal_best = |why: &str| {
        (
            vec![if cost { 1.0 } else { 0.0 }; x.len()],
            Some(format!(
                "{why}; every option counts as equal under {method}"
            )),
        )
    };
    match method {
        Normalization::Value => (x.to_vec(), None),
        Normalization::Minmax => {
            if max == min {
                return (
                    vec![1.0; x.len()],
                    Some("every option scores the same".into()),
                );
            }
            let range = max - min;
            let column = x
                .iter()
                .map(|v| {
                    if cost {
                        (max - v) / range
                    } else {
                        (v - min) / range
                    }
                })
                .collect();
            (column, None)
        }
        Normalization::Vector => {
            let norm = x.iter().map(|v| v * v).sum::<f64>().sqrt();
            if norm == 0.0 {
                return equal_best("an all-zero column");
            }
            let column = x
                .iter()
                .map(|v| if cost { 1.0 - v / norm } else { v / norm })
                .collect();
            (column, None)
        }
        Normalization::Max => {
            if max == 0.0 {
                return equal_best("a column whose maximum is 0");
            }
            let column = x
                .iter()
                .map(|v| if cost { 1.0 - v / max } else { v / max })
                .collect();
            (column, None)
        }
        Normalization::Sum => {
            if cost {
                let zeros = x.iter().filter(|&&v| v == 0.0).count();
                if zeros > 0 {
                    let share = 1.0 / zeros as f64;
                    let column = x
                        .iter()
                        .map(|&v| if v == 0.0 { share } else { 0.0 })
                        .collect();
                    return (
                        column,
                        Some(
                            "a cost column with zeros: the zero scores share 1 (the limit of 1/x)"
                                .into(),
                        ),
                    );
                }
                let total: f64 = x.iter().map(|v| 1.0 / v).sum();
                if total == 0.0 {
                    // Reciprocals of scores of both signs can cancel out.
                    return equal_best("a cost column whose reciprocals sum to 0");
                }
                (x.iter().map(|v| (1.0 / v) / total).collect(), None)
            } else {
                let total: f64 = x.iter().sum();
                if total == 0.0 {
                    return equal_best("an all-zero column");
                }
                (x.iter().map(|v| v / total).collect(), None)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
