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
    /// Its id: the method's or the profile's.
    pub label: String,
    /// Its name for people.
    pub name: String,
    /// Weights.
    pub weights: Vec<f64>,
    /// Method.
    pub method: MethodKind,
}

/// An option a weighted product vetoes: a zero value on a weighted criterion
/// makes its product 0, whatever its other values.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Veto {
    /// The column (method or profile id).
    pub column: String,
    /// The option id.
    pub option: String,
    /// The criteria on which its value is zero.
    pub criteria: Vec<String>,
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
    /// The name of what is fixed, for display.
    #[serde(skip)]
    pub fixed_name: String,
    /// Column labels.
    pub columns: Vec<String>,
    /// Column names, for display.
    #[serde(skip)]
    pub column_names: Vec<String>,
    /// The column whose ranks order the rows.
    pub sorted_by: String,
    /// Rank of each option under each column, rows in the order of `sorted_by`.
    pub ranks: IndexMap<String, IndexMap<String, usize>>,
    /// Every pair of columns.
    pub correlations: Vec<Correlation>,
    /// Max − min rank of each option across the columns.
    pub spread: IndexMap<String, usize>,
    /// The options whose rank spread is widest.
    pub widest_spread: Vec<String>,
    /// Options a weighted-product column vetoes, and why.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub vetoes: Vec<Veto>,
    /// Option names by id, for display.
    #[serde(skip)]
    pub names: IndexMap<String, String>,
    /// Criterion names (with direction) by id, for display.
    #[serde(skip)]
    pub criteria: IndexMap<String, String>,
}

/// Ranks every option under each column and correlates the columns; rows
/// are sorted by their rank under column `sort` (ties in model order).
pub fn compare(
    model: &Model,
    (across, fixed, fixed_name): (&'static str, &str, &str),
    columns: &[Column],
    sort: usize,
    settings: &MethodSettings,
) -> CompareReport {
    let problem = Problem::of(model);
    let mut vetoes = vec![];
    let ranks: Vec<Vec<usize>> = columns
        .iter()
        .map(|c| {
            let e = c.method.with(settings).evaluate(&problem, &c.weights);
            if c.method == MethodKind::Wpm {
                vetoes.extend(wpm_vetoes(model, c));
            }
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
    let sort = sort.min(columns.len().saturating_sub(1));
    let mut order: Vec<usize> = (0..model.options.len()).collect();
    if let Some(key) = ranks.get(sort) {
        order.sort_by_key(|&i| (key[i], i));
    }
    let spread: IndexMap<String, usize> = order
        .iter()
        .map(|&i| {
            let column = ranks.iter().map(|r| r[i]);
            let spread = column.clone().max().unwrap_or(0) - column.min().unwrap_or(0);
            (model.options[i].id.to_string(), spread)
        })
        .collect();
    let widest = spread.values().copied().max().unwrap_or(0);
    CompareReport {
        model: model.title.clone(),
        across,
        fixed: fixed.to_string(),
        fixed_name: fixed_name.to_string(),
        columns: columns.iter().map(|c| c.label.clone()).collect(),
        column_names: columns.iter().map(|c| c.name.clone()).collect(),
        sorted_by: columns.get(sort).map_or(String::new(), |c| c.label.clone()),
        ranks: order
            .iter()
            .map(|&i| {
                let row = columns
                    .iter()
                    .zip(&ranks)
                    .map(|(c, r)| (c.label.clone(), r[i]))
                    .collect();
                (model.options[i].id.to_string(), row)
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
        vetoes,
        names: model
            .options
            .iter()
            .map(|o| (o.id.to_string(), o.name.clone()))
            .collect(),
        criteria: model
            .criteria
            .iter()
            .map(|c| (c.id.to_string(), c.name_with_direction()))
            .collect(),
    }
}

/// The options a weighted product vetoes under `column`: a value of zero
/// (through the criterion's value function, as the method reads it) on a
/// criterion of positive weight.
fn wpm_vetoes(model: &Model, column: &Column) -> Vec<Veto> {
    (0..model.options.len())
        .filter_map(|i| {
            let criteria: Vec<String> = (0..model.criteria.len())
                .filter(|&j| {
                    column.weights[j] > 0.0 && model.criteria[j].value(model.scores[(i, j)]) <= 0.0
                })
                .map(|j| model.criteria[j].id.to_string())
                .collect();
            (!criteria.is_empty()).then(|| Veto {
                column: column.label.clone(),
                option: model.options[i].id.to_string(),
                criteria,
            })
        })
        .collect()
}
