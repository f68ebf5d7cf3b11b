//! Rank-order-centroid weights for an ordinal profile.

use super::region::{Constraints, centroid};
use crate::model::Profile;

/// Rank-order-centroid (ROC) weights: the centroid of the region of weight
/// vectors consistent with a ranking, ties included — the very region SMAA
/// samples for that ranking, so "rank-order centroid" means one thing.
///
/// ```text
/// levels 1..k, most important first; N_s = criteria in levels 1..=s
/// region  w ≥ 0, Σ w = 1, w equal within a level, level s ≥ level s+1
/// vertices v_s = 1/N_s on every criterion of levels 1..=s, 0 elsewhere
/// w_r = (1/k) · Σ_{s=r}^{k} 1/N_s      for every criterion in level r
/// ```
///
/// The region is the simplex spanned by the k vertices, so its centroid is
/// their mean. Without ties (N_s = s, k = n) this is Barron & Barrett's ROC,
/// `w_k = (1/n) Σ_{i=k}^{n} 1/i` (Barron & Barrett 1996, "Decision quality
/// using ranked attribute weights", Management Science 42(11), eq. 3). With
/// ties it is *not* the tie-averaged ROC (the mean of the untied weights of
/// the positions a tie occupies): for [a, [b, c]] it gives (2/3, 1/6, 1/6),
/// where tie-averaging gives (0.611, 0.194, 0.194). Criteria not ranked
/// weigh 0 and do not count in `N_s`.
pub fn rank_order_centroid(levels: &[Vec<usize>], criteria: usize) -> Vec<f64> {
    let k = levels.iter().filter(|l| !l.is_empty()).count();
    let mut weights = vec![0.0; criteria];
    if k == 0 {
        return weights;
    }
    let mut cumulative = Vec::with_capacity(levels.len());
    let mut count = 0;
    for level in levels {
        count += level.len();
        cumulative.push(count);
    }
    let mut tail = 0.0;
    for (level, &n_s) in levels.iter().zip(&cumulative).rev() {
        if level.is_empty() {
            continue;
        }
        tail += 1.0 / n_s as f64;
        for &criterion in level {
            weights[criterion] = tail / k as f64;
        }
    }
    weights
}

/// The centroid of the region a ranking profile allows once its `bounds` and
/// `ratios` cut it too: the same region SMAA samples, estimated by hit-and-run
/// ([`super::region::centroid`]). Falls back to the ranking's own centroid
/// when the constraints admit no weights (`check` reports that as an error).
pub fn constrained_centroid(levels: &[Vec<usize>], profile: &Profile, criteria: usize) -> Vec<f64> {
    let k = Constraints {
        criteria,
        ranking: Some(levels.to_vec()),
        intervals: profile
            .bounds
            .iter()
            .map(|b| (b.criterion, b.low, b.high))
            .collect(),
        ratios: profile.ratios.clone(),
    };
    centroid(&k).unwrap_or_else(|_| rank_order_centroid(levels, criteria))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Barron & Barrett (1996), Table 1: ROC weights for n = 4 are
    /// 0.5208, 0.2708, 0.1458, 0.0625.
    #[test]
    fn matches_barron_and_barrett_for_four_criteria() {
        let w = rank_order_centroid(&[vec![0], vec![1], vec![2], vec![3]], 4);
        let published = [0.5208, 0.2708, 0.1458, 0.0625];
        for (a, b) in w.iter().zip(published) {
            assert!((a - b).abs() < 5e-5, "{a} vs {b}");
        }
        // Exact: w_1 = (1 + 1/2 + 1/3 + 1/4) / 4 = 25/48.
        assert!((w[0] - 25.0 / 48.0).abs() < 1e-15);
    }

    /// [a, [b, c]]: the region is w = (1 − 2t, t, t), t ∈ [0, 1/3], a segment
    /// from (1, 0, 0) to (1/3, 1/3, 1/3), whose midpoint is (2/3, 1/6, 1/6).
    #[test]
    fn a_tie_gets_the_centroid_of_the_tied_region() {
        let w = rank_order_centroid(&[vec![0], vec![1, 2]], 4);
        assert!((w[0] - 2.0 / 3.0).abs() < 1e-15);
        assert!((w[1] - 1.0 / 6.0).abs() < 1e-15);
        assert_eq!(w[1], w[2]);
        assert_eq!(w[3], 0.0);
        assert!((w.iter().sum::<f64>() - 1.0).abs() < 1e-15);
    }

    /// The centroid is what SMAA's ordinal sampler averages to: a Monte Carlo
    /// mean of the exact linear map of the simplex (see analysis::smaa::weights)
    /// computed here by hand for [[a, b], c, [d, e, f]]: N = (2, 3, 6), so
    /// w = ((1/2 + 1/3 + 1/6)/3, (1/3 + 1/6)/3, (1/6)/3) = (1/3, 1/6, 1/18).
    #[test]
    fn ties_in_several_levels_follow_the_vertex_mean() {
        let w = rank_order_centroid(&[vec![0, 1], vec![2], vec![3, 4, 5]], 6);
        let expected = [
            1.0 / 3.0,
            1.0 / 3.0,
            1.0 / 6.0,
            1.0 / 18.0,
            1.0 / 18.0,
            1.0 / 18.0,
        ];
        for (a, b) in w.iter().zip(expected) {
            assert!((a - b).abs() < 1e-15, "{a} vs {b}");
        }
        assert!((w.iter().sum::<f64>() - 1.0).abs() < 1e-15);
    }

    /// [a, b] with w_a ≤ 0.6: the ordered segment w_a ∈ [1/2, 1] cut to
    /// [1/2, 0.6], whose centroid is w_a = 0.55 (the plain ROC, 0.75, would
    /// break the bound).
    #[test]
    fn bounds_on_a_ranking_move_its_centroid_inside_them() {
        let profile = Profile {
            id: crate::model::ProfileId::new("p"),
            name: "p".into(),
            description: String::new(),
            form: crate::model::ProfileForm::Ranking(vec![vec![0], vec![1]]),
            bounds: vec![crate::model::WeightBound {
                criterion: 0,
                low: 0.0,
                high: 0.6,
            }],
            ratios: vec![],
        };
        let w = constrained_centroid(&[vec![0], vec![1]], &profile, 2);
        assert!((w[0] - 0.55).abs() < 2e-3, "{w:?}");
        assert!((w[0] + w[1] - 1.0).abs() < 1e-12);
    }
}
