//! The weights a profile yields, as the `weights` command reports them.

use indexmap::IndexMap;
use serde::Serialize;

use super::ahp::AhpResult;
use super::{ProfileWeights, group_shares};
use crate::model::Model;

/// The AHP figures behind a pairwise profile.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AhpSummary {
    /// λmax.
    pub lambda_max: f64,
    /// CI = (λmax − n) / (n − 1).
    pub consistency_index: f64,
    /// RI(n).
    pub random_index: Option<f64>,
    /// The table RI comes from, or `None` when no table reaches n.
    pub random_index_table: Option<&'static str>,
    /// Matrix order.
    pub n: usize,
}

/// A profile's normalized weights.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WeightsReport {
    /// The model's title.
    pub model: String,
    /// Profile id.
    pub profile: String,
    /// Profile name.
    #[serde(skip)]
    pub profile_name: String,
    /// The form the profile states its weights in.
    pub form: &'static str,
    /// Weight per criterion id, summing to 1.
    pub weights: IndexMap<String, f64>,
    /// Share of the total per group id.
    pub groups: IndexMap<String, f64>,
    /// The AHP consistency ratio, for a pairwise profile whose order a
    /// random-index table reaches.
    pub consistency_ratio: Option<f64>,
    /// The rest of the AHP figures, for a pairwise profile.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ahp: Option<AhpSummary>,
    /// Criterion names (with direction) and group, for display.
    #[serde(skip)]
    pub labels: Vec<(String, String)>,
}

impl WeightsReport {
    /// The report for one profile's weights.
    pub fn new(model: &Model, profile: &str, profile_name: &str, derived: &ProfileWeights) -> Self {
        let ahp = derived.ahp.as_ref().map(|a: &AhpResult| AhpSummary {
            lambda_max: a.lambda_max,
            consistency_index: a.consistency_index,
            random_index: a.random_index,
            random_index_table: a.random_index_table,
            n: a.priorities.len(),
        });
        WeightsReport {
            model: model.title.clone(),
            profile: profile.to_string(),
            profile_name: profile_name.to_string(),
            form: derived.form,
            weights: model
                .criteria
                .iter()
                .zip(&derived.weights)
                .map(|(c, &w)| (c.id.to_string(), w))
                .collect(),
            groups: model
                .groups
                .iter()
                .zip(group_shares(model, &derived.weights))
                .map(|(g, s)| (g.id.to_string(), s))
                .collect(),
            consistency_ratio: derived.ahp.as_ref().and_then(|a| a.consistency_ratio),
            ahp,
            labels: model
                .criteria
                .iter()
                .map(|c| {
                    let group = c
                        .group
                        .map_or(String::new(), |g| model.groups[g].name.clone());
                    (c.name_with_direction(), group)
                })
                .collect(),
        }
    }
}
