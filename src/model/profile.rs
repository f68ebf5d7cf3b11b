//! Stakeholder weight profiles in their three forms.

use nalgebra::DMatrix;

use super::id::ProfileId;

/// How a profile states its weights.
#[derive(Debug, Clone)]
pub enum ProfileForm {
    /// Direct numbers per criterion (index order), optionally read within groups.
    Weights {
        /// Non-negative weight per criterion; 0 for a criterion not named.
        weights: Vec<f64>,
        /// Non-negative weight per group, when the profile weighs the value tree's groups.
        group_weights: Option<Vec<f64>>,
    },
    /// Criteria from most to least important; an inner list is a tie.
    Ranking(Vec<Vec<usize>>),
    /// An AHP pairwise comparison matrix over `order` (criterion indices).
    Pairwise {
        /// Positive reciprocal matrix, `order.len()` square.
        matrix: DMatrix<f64>,
        /// The criteria the rows and columns stand for.
        order: Vec<usize>,
    },
}

impl ProfileForm {
    /// The form's name as the output shows it.
    pub fn name(&self) -> &'static str {
        match self {
            ProfileForm::Weights {
                group_weights: None,
                ..
            } => "weights",
            ProfileForm::Weights { .. } => "group_weights",
            ProfileForm::Ranking(_) => "ranking",
            ProfileForm::Pairwise { .. } => "pairwise",
        }
    }
}

/// An interval a criterion's weight must stay in, as a share of 1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WeightBound {
    /// Criterion index.
    pub criterion: usize,
    /// Lowest share.
    pub low: f64,
    /// Highest share.
    pub high: f64,
}

/// One stakeholder's view of what matters.
#[derive(Debug, Clone)]
pub struct Profile {
    /// Unique id.
    pub id: ProfileId,
    /// Human-readable name.
    pub name: String,
    /// Whose view it is and why.
    pub description: String,
    /// The weights as stated.
    pub form: ProfileForm,
    /// Weight intervals that SMAA respects.
    pub bounds: Vec<WeightBound>,
    /// Ratio constraints between two criteria's weights that SMAA respects.
    pub ratios: Vec<WeightRatio>,
}

/// `w_criterion ≥ factor · w_other` (or `≤`): one criterion's weight against another's.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WeightRatio {
    /// The criterion on the left.
    pub criterion: usize,
    /// `true` for `>=`, `false` for `<=`.
    pub at_least: bool,
    /// The factor, ≥ 0.
    pub factor: f64,
    /// The criterion on the right.
    pub other: usize,
}
