//! Criteria: what options are judged on, and how a score becomes a value.

use serde::Serialize;

use super::id::{CriterionId, GroupId};
use super::preference::PreferenceFunction;
use super::value_function::PiecewiseLinear;

/// Whether more of a criterion's score is better or worse.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// More is better.
    Benefit,
    /// Less is better.
    Cost,
}

impl Direction {
    /// Which scores are better, in words: `more is better` or `less is better`.
    pub fn phrase(self) -> &'static str {
        match self {
            Direction::Benefit => "more is better",
            Direction::Cost => "less is better",
        }
    }
}

/// The fixed anchors of a criterion's score scale; `min < max`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Scale {
    /// The lowest score possible.
    pub min: f64,
    /// The highest score possible.
    pub max: f64,
}

impl Scale {
    /// The middle of the scale.
    pub fn midpoint(&self) -> f64 {
        0.5 * (self.min + self.max)
    }
}

/// What to use when an option has no score on a criterion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MissingPolicy {
    /// A missing score is an error.
    Error,
    /// The worst end of the scale.
    Worst,
    /// The middle of the scale.
    Midpoint,
}

/// One criterion of the value tree.
#[derive(Debug, Clone)]
pub struct Criterion {
    /// Unique id.
    pub id: CriterionId,
    /// Human-readable name.
    pub name: String,
    /// What the criterion means and what its scale anchors say.
    pub description: String,
    /// Index into [`super::Model::groups`], if the criterion is in a group.
    pub group: Option<usize>,
    /// Whether more is better.
    pub direction: Direction,
    /// Fixed anchors of the score scale.
    pub scale: Scale,
    /// A piecewise-linear value function replacing the linear map, if given.
    pub value_function: Option<PiecewiseLinear>,
    /// What a missing score becomes.
    pub missing: MissingPolicy,
    /// PROMETHEE preference function; `Usual` unless set.
    pub preference: PreferenceFunction,
}

impl Criterion {
    /// A criterion for unit tests: id and name `id`, scale 0–10, linear
    /// values, the usual preference function.
    #[cfg(test)]
    pub(crate) fn on_ten(id: &str, direction: Direction) -> Criterion {
        Criterion {
            id: CriterionId::new(id.to_string()),
            name: id.into(),
            description: String::new(),
            group: None,
            direction,
            scale: Scale {
                min: 0.0,
                max: 10.0,
            },
            value_function: None,
            missing: MissingPolicy::Error,
            preference: PreferenceFunction::Usual,
        }
    }

    /// The value in `0..=1` of a score on this criterion.
    ///
    /// ```text
    /// linear, benefit:  v(x) = (x − min) / (max − min)
    /// linear, cost:     v(x) = (max − x) / (max − min)
    /// piecewise:        v(x) = the value function's interpolation at x
    /// ```
    ///
    /// The value function, when given, already says which scores are better, so
    /// it replaces the direction. Belton & Stewart (2002), §5.2.
    pub fn value(&self, score: f64) -> f64 {
        if let Some(function) = &self.value_function {
            return function.value(score);
        }
        let Scale { min, max } = self.scale;
        let share = ((score - min) / (max - min)).clamp(0.0, 1.0);
        match self.direction {
            Direction::Benefit => share,
            Direction::Cost => 1.0 - share,
        }
    }

    /// The name with its direction, e.g. `Violence (less is better)`, so a
    /// reader never takes a cost for a benefit.
    pub fn name_with_direction(&self) -> String {
        format!("{} ({})", self.name, self.direction.phrase())
    }

    /// The score that stands in for a missing one under [`MissingPolicy::Worst`].
    pub fn worst_score(&self) -> f64 {
        match self.direction {
            Direction::Benefit => self.scale.min,
            Direction::Cost => self.scale.max,
        }
    }
}

/// A second level of the value tree.
#[derive(Debug, Clone)]
pub struct Group {
    /// Unique id.
    pub id: GroupId,
    /// Human-readable name.
    pub name: String,
    /// What the group stands for.
    pub description: String,
}
