//! Rank-order-centroid weights for an ordinal profile.

/// Rank-order-centroid (ROC) weights of criteria ranked most important first.
///
/// ```text
/// w_k = (1/n) · Σ_{i=k}^{n} 1/i       for the criterion in position k of n
/// ```
///
/// The ROC vector is the centroid of the simplex region `w_1 ≥ w_2 ≥ … ≥ w_n`.
/// Tied criteria share the mean of the positions they occupy, which keeps them
/// equal and the total at 1. Criteria not ranked weigh 0 and do not count in
/// `n`. Barron & Barrett (1996), "Decision quality using ranked attribute
/// weights", Management Science 42(11), eq. (3).
pub fn rank_order_centroid(levels: &[Vec<usize>], criteria: usize) -> Vec<f64> {
    let n: usize = levels.iter().map(Vec::len).sum();
    let position_weight = |k: usize| (k..=n).map(|i| 1.0 / i as f64).sum::<f64>() / n as f64;
    let mut weights = vec![0.0; criteria];
    let mut position = 1;
    for level in levels {
        let share = (position..position + level.len())
            .map(position_weight)
            .sum::<f64>()
            / level.len().max(1) as f64;
        for &criterion in level {
            weights[criterion] = share;
        }
        position += level.len();
    }
    weights
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

    #[test]
    fn ties_share_the_mean_of_their_positions_and_the_total_stays_one() {
        let w = rank_order_centroid(&[vec![2], vec![0, 1]], 4);
        let untied = rank_order_centroid(&[vec![2], vec![0], vec![1]], 4);
        assert_eq!(w[0], w[1]);
        assert!((w[0] - (untied[0] + untied[1]) / 2.0).abs() < 1e-15);
        assert_eq!(w[3], 0.0);
        assert!((w.iter().sum::<f64>() - 1.0).abs() < 1e-15);
    }
}
