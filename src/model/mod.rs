//! The validated decision problem.
//!
//! Everything here has passed [`crate::input`]: ids are unique and resolved to
//! indices, scores lie on their scales, and every option has a score on every
//! criterion. Rows are options, columns are criteria.

mod criterion;
pub mod id;
mod option;
mod preference;
mod profile;
mod value_function;

use nalgebra::DMatrix;

pub use criterion::{Criterion, Direction, Group, MissingPolicy, Scale};
pub use id::{CriterionId, GroupId, OptionId, ProfileId, SourceId};
pub use option::{Evidence, EvidenceDetails, PolicyOption, ScoreDistribution, Source, SourceKind};
pub use preference::PreferenceFunction;
pub use profile::{Profile, ProfileForm, WeightBound, WeightRatio};
pub use value_function::PiecewiseLinear;

/// A validated decision model.
#[derive(Debug, Clone)]
pub struct Model {
    /// The model's title.
    pub title: String,
    /// The policy options (the rows).
    pub options: Vec<PolicyOption>,
    /// The criteria (the columns).
    pub criteria: Vec<Criterion>,
    /// The groups of the value tree.
    pub groups: Vec<Group>,
    /// The stakeholder profiles, in file order.
    pub profiles: Vec<Profile>,
    /// The sources the evidence cites.
    pub sources: Vec<Source>,
    /// Index of the profile used when none is asked for.
    pub default_profile: Option<usize>,
    /// Raw scores, options × criteria; missing ones already filled by their policy.
    pub scores: DMatrix<f64>,
    /// The evidence behind each score, `[option][criterion]`.
    pub evidence: Vec<Vec<Evidence>>,
}

impl Model {
    /// Values in `0..=1` of every score, options × criteria, through each
    /// criterion's value function.
    pub fn values(&self) -> DMatrix<f64> {
        DMatrix::from_fn(self.options.len(), self.criteria.len(), |i, j| {
            self.criteria[j].value(self.scores[(i, j)])
        })
    }

    /// The index of the option with this id.
    pub fn option_index(&self, id: &str) -> Option<usize> {
        self.options.iter().position(|o| o.id.as_str() == id)
    }

    /// The index of the criterion with this id.
    pub fn criterion_index(&self, id: &str) -> Option<usize> {
        self.criteria.iter().position(|c| c.id.as_str() == id)
    }

    /// The index of the profile with this id.
    pub fn profile_index(&self, id: &str) -> Option<usize> {
        self.profiles.iter().position(|p| p.id.as_str() == id)
    }

    /// The index of the group with this id.
    pub fn group_index(&self, id: &str) -> Option<usize> {
        self.groups.iter().position(|g| g.id.as_str() == id)
    }

    /// The indices of the criteria in group `group`.
    pub fn group_members(&self, group: usize) -> Vec<usize> {
        (0..self.criteria.len())
            .filter(|&j| self.criteria[j].group == Some(group))
            .collect()
    }
}
