//! From a profile to a weight vector.
//!
//! Every form ends as non-negative weights per criterion that sum to 1:
//! direct numbers are normalized (within groups when the profile weighs groups),
//! an ordinal ranking becomes rank-order-centroid weights, and an AHP matrix
//! becomes its principal eigenvector.

pub mod ahp;
mod direct;
pub mod region;
mod report;
mod roc;

use crate::model::{Model, Profile, ProfileForm};

pub use ahp::AhpResult;
pub use direct::{grouped, normalized};
pub use report::{AhpSummary, WeightsReport};
pub use roc::rank_order_centroid;

/// The weights a profile yields, with how they were derived.
#[derive(Debug, Clone)]
pub struct ProfileWeights {
    /// One weight per criterion, in model order, summing to 1.
    pub weights: Vec<f64>,
    /// The form the profile was stated in.
    pub form: &'static str,
    /// The AHP figures, for a pairwise profile.
    pub ahp: Option<AhpResult>,
}

/// The weights of `profile`, normalized to sum to 1.
pub fn of_profile(model: &Model, profile: &Profile) -> ProfileWeights {
    let n = model.criteria.len();
    let form = profile.form.name();
    match &profile.form {
        ProfileForm::Weights {
            weights,
            group_weights: None,
        } => ProfileWeights {
            weights: normalized(weights),
            form,
            ahp: None,
        },
        ProfileForm::Weights {
            weights,
            group_weights: Some(group_weights),
        } => {
            let membership: Vec<Option<usize>> = model.criteria.iter().map(|c| c.group).collect();
            ProfileWeights {
                weights: grouped(weights, group_weights, &membership),
                form,
                ahp: None,
            }
        }
        ProfileForm::Ranking(levels) => ProfileWeights {
            weights: if profile.bounds.is_empty() && profile.ratios.is_empty() {
                rank_order_centroid(levels, n)
            } else {
                roc::constrained_centroid(levels, profile, n)
            },
            form,
            ahp: None,
        },
        ProfileForm::Pairwise { matrix, order } => {
            let result = ahp::priorities(matrix);
            let mut weights = vec![0.0; n];
            for (&criterion, &w) in order.iter().zip(&result.priorities) {
                weights[criterion] = w;
            }
            ProfileWeights {
                weights,
                form,
                ahp: Some(result),
            }
        }
    }
}

/// Equal weights over `n` criteria: the view with no preference information.
pub fn equal(n: usize) -> Vec<f64> {
    vec![1.0 / n.max(1) as f64; n]
}

/// Each group's share of the total weight, in group order.
pub fn group_shares(model: &Model, weights: &[f64]) -> Vec<f64> {
    let mut shares = vec![0.0; model.groups.len()];
    for (criterion, w) in model.criteria.iter().zip(weights) {
        if let Some(g) = criterion.group {
            shares[g] += w;
        }
    }
    shares
}
