//! The part of a model that every exchange format carries.

use crate::model::{Direction, Model};
use crate::weights;

/// A decision model reduced to what other tools understand.
#[derive(Debug, Clone, PartialEq)]
pub struct Exchange {
    /// The model's title.
    pub title: String,
    /// The criteria, in column order.
    pub criteria: Vec<ExchangeCriterion>,
    /// The options, in row order.
    pub options: Vec<ExchangeOption>,
    /// Stakeholder profiles as numeric weights, one per criterion.
    pub profiles: Vec<ExchangeProfile>,
    /// The id of the profile used when none is named.
    pub default_profile: Option<String>,
}

/// A criterion with its scale and direction.
#[derive(Debug, Clone, PartialEq)]
pub struct ExchangeCriterion {
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// What it measures.
    pub description: String,
    /// Whether more is better.
    pub direction: Direction,
    /// The worst-to-best anchors of the score scale: `(min, max)`.
    pub scale: (f64, f64),
    /// A piecewise-linear value function, as (score, value) points.
    pub value_function: Option<Vec<(f64, f64)>>,
}

/// An option and its scores, one per criterion.
#[derive(Debug, Clone, PartialEq)]
pub struct ExchangeOption {
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// What it is.
    pub description: String,
    /// One score per criterion, in column order.
    pub scores: Vec<ExchangeScore>,
}

/// A score and its uncertainty range.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ExchangeScore {
    /// The point value.
    pub value: f64,
    /// The low end of the range, if any.
    pub low: Option<f64>,
    /// The high end of the range, if any.
    pub high: Option<f64>,
}

/// A stakeholder profile as numeric weights.
#[derive(Debug, Clone, PartialEq)]
pub struct ExchangeProfile {
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// One weight per criterion, summing to 1.
    pub weights: Vec<f64>,
}

impl Exchange {
    /// The exchangeable part of a model. Every profile becomes the weights it
    /// yields (a ranking its rank-order weights, a pairwise matrix its AHP
    /// priorities), so other tools rank exactly as `tradeoffs rank` does.
    pub fn from_model(model: &Model) -> Self {
        let criteria = model
            .criteria
            .iter()
            .map(|c| ExchangeCriterion {
                id: c.id.to_string(),
                name: c.name.clone(),
                description: c.description.clone(),
                direction: c.direction,
                scale: (c.scale.min, c.scale.max),
                value_function: c.value_function.as_ref().map(|f| f.points().to_vec()),
            })
            .collect();
        let options = model
            .options
            .iter()
            .enumerate()
            .map(|(i, o)| ExchangeOption {
                id: o.id.to_string(),
                name: o.name.clone(),
                description: o.description.clone(),
                scores: (0..model.criteria.len())
                    .map(|j| ExchangeScore {
                        value: model.scores[(i, j)],
                        low: model.evidence[i][j].low,
                        high: model.evidence[i][j].high,
                    })
                    .collect(),
            })
            .collect();
        let profiles = model
            .profiles
            .iter()
            .map(|p| ExchangeProfile {
                id: p.id.to_string(),
                name: p.name.clone(),
                weights: weights::of_profile(model, p).weights,
            })
            .collect();
        Exchange {
            title: model.title.clone(),
            criteria,
            options,
            profiles,
            default_profile: model
                .default_profile
                .map(|p| model.profiles[p].id.to_string()),
        }
    }
}
