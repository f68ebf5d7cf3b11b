//! Rankings side by side: under several methods, or several profiles.

use indexmap::IndexMap;
use serde::Serialize;

use super::correlation::{kendall_tau_b, spearman_rho};
use super::ranking::competition_ranks;
use crate::methods::{MethodKind, MethodSettings, Problem};
use crate::model::Model;

/// The correlation of two columns.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Correlation {
    /// First column.
    pub a: String,
    /// Second column.
    pub b: String,
    /// Kendall's tau-b of the two rankings (null when one is all ties).
    pub kendall_tau: Option<f64>,
    /// Spearman's rho of the two rankings (null when one is all ties).
    pub spearman_rho: Option<f64>,
}

/// One column of the comparison: a method under one profile, or a profile under one method.
#[derive(Debug, Clone)]
pub struct Column {
    /// Its label.
    pub label: String,
    /// Weights.
    pub weights: Vec<f64>,
    /// Method.
    pub method: MethodKind,
}

/// The result of `tradeoffs compare`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CompareReport {
    /// The model's title.
    pub model: String,
    /// What varies across the columns: `methods` or `profiles`.
    pub across: &'static str,
    /// The profile (when comparing methods) or method (when comparing profiles).
    pub fixed: String,
    /// Column labels.
    pub columns: Vec<String>,
    /// Rank of each option under each column.
    pub ranks: IndexMap<String, IndexMap<String, usize>>,
    /// Every pair of columns.
    pub correlations: Vec<Correlation>,
    /// Max − min rank of each option across the columns.
    pub spread: IndexMap<String, usize>,
    /// The options whose rank spread is widest.
    pub widest_spread: Vec<String>,
    /// Option names by id, for display.
    #[serde(skip)]
    pub names: IndexMap<String, String>,
}

/// Ranks every option under each column and correlates the columns.
pub fn compare(
    model: &Model,
    across: &'static str,
    fixed: &str,
    columns: &[Column],
    settings: &MethodSettings,
) -> CompareReport {
    let problem = Problem::of(model);
    let ranks: Vec<Vec<usize>> = columns
        .iter()
        .map(|c| {
            let e = c.method.with(settings).evaluate(&problem, &c.weights);
            competition_ranks(&e.scores, e.better)
        })
        .collect();
    let as_f64 = |r: &[usize]| r.iter().map(|&x| x as f64).collect::<Vec<f64>>();
    let mut correlations = vec![];
    for a in 0..columns.len() {
        for b in (a + 1)..columns.len() {
            let (x, y) = (as_f64(&ranks[a]), as_f64(&ranks[b]));
            correlations.push(Correlation {
                a: columns[a].label.clone(),
                b: columns[b].label.clone(),
                kendall_tau: kendall_tau_b(&x, &y),
                spearman_rho: spearman_rho(&x, &y),
            });
        }
    }
    let spread: IndexMap<String, usize> = model
        .options
        .iter()
        .enumerate()
        .map(|(i, o)| {
            let column = ranks.iter().map(|r| r[i]);
            let spread = column.clone().max().unwrap_or(0) - column.min().unwrap_or(0);
            (o.id.to_string(), spread)
        })
        .collect();
    let widest = spread.values().copied().max().unwrap_or(0);
    CompareReport {
        model: model.title.clone(),
        across,
        fixed: fixed.to_string(),
        columns: columns.iter().map(|c| c.label.clone()).collect(),
        ranks: model
            .options
            .iter()
            .enumerate()
            .map(|(i, o)| {
                let row = columns
                    .iter()
                    .zip(&ranks)
                    .map(|(c, r)| (c.label.clone(), r[i]))
                    .collect();
                (o.id.to_string(), row)
            })
            .collect(),
        correlations,
        widest_spread: if widest > 0 {
            spread
                .iter()
                .filter(|(_, s)| **s == widest)
                .map(|(id, _)| id.clone())
                .collect()
        } else {
            vec![]
        },
        spread,
        names: model
            .options
            .iter()
            .map(|o| (o.id.to_string(), o.name.clone()))
            .collect(),
    }
}
