//! Directly stated weights, flat or through the value tree.

/// Scales non-negative weights to sum to 1.
///
/// ```text
/// w_j = (a_j / a_max) / Σ_k (a_k / a_max)
/// ```
///
/// Dividing by the largest first keeps the sum finite for any finite input
/// (it is at most the number of weights), so `{a = 1e308, b = 1e308}` means
/// 1:1 rather than overflowing. All-zero input (rejected at the door) gives
/// all zeros rather than NaN.
pub fn normalized(weights: &[f64]) -> Vec<f64> {
    let largest = weights.iter().copied().fold(0.0, f64::max);
    if largest <= 0.0 {
        return vec![0.0; weights.len()];
    }
    let scaled: Vec<f64> = weights.iter().map(|w| w / largest).collect();
    let total: f64 = scaled.iter().sum();
    scaled.iter().map(|w| w / total).collect()
}

/// Weights read within groups, each group scaled to its share of the total.
///
/// ```text
/// w_j = (G_g / Σ_h G_h) · (a_j / Σ_{k ∈ g} a_k)     for criterion j in group g
/// ```
///
/// Belton & Stewart (2002), §5.3 (hierarchical weighting). A criterion outside
/// every group, or in a group whose criteria all weigh 0, gets 0. Both kinds
/// of weight are divided by their largest first, as in [`normalized`], so no
/// sum overflows.
pub fn grouped(weights: &[f64], group_weights: &[f64], membership: &[Option<usize>]) -> Vec<f64> {
    let scale = |x: &[f64]| -> Vec<f64> {
        let largest = x.iter().copied().fold(0.0, f64::max);
        if largest > 0.0 {
            x.iter().map(|v| v / largest).collect()
        } else {
            vec![0.0; x.len()]
        }
    };
    let (weights, group_weights) = (scale(weights), scale(group_weights));
    let group_total: f64 = group_weights.iter().sum();
    let mut within = vec![0.0; group_weights.len()];
    for (w, g) in weights.iter().zip(membership) {
        if let Some(g) = g {
            within[*g] += w;
        }
    }
    weights
        .iter()
        .zip(membership)
        .map(|(w, g)| match g {
            Some(g) if within[*g] > 0.0 && group_total > 0.0 => {
                group_weights[*g] / group_total * w / within[*g]
            }
            _ => 0.0,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizing_divides_by_the_total() {
        let w = normalized(&[30.0, 10.0, 60.0]);
        for (a, b) in w.iter().zip([0.3, 0.1, 0.6]) {
            assert!((a - b).abs() < 1e-15, "{w:?}");
        }
    }

    /// The sum 2e308 overflows, the ratio 1:1 does not.
    #[test]
    fn weights_at_the_top_of_f64_keep_their_ratio() {
        assert_eq!(normalized(&[1e308, 1e308]), vec![0.5, 0.5]);
        assert_eq!(normalized(&[f64::MAX, 0.0, f64::MAX]), vec![0.5, 0.0, 0.5]);
        let g = grouped(
            &[1e308, 1e308, 1e308],
            &[1e308, 1e308],
            &[Some(0), Some(0), Some(1)],
        );
        assert_eq!(g, vec![0.25, 0.25, 0.5]);
    }

    #[test]
    fn grouped_weights_multiply_the_group_share_by_the_share_within() {
        // Two groups weighted 50:30 (shares 0.625, 0.375); group 0 holds 3:1.
        let w = grouped(
            &[3.0, 1.0, 5.0],
            &[50.0, 30.0],
            &[Some(0), Some(0), Some(1)],
        );
        let expected = [0.625 * 0.75, 0.625 * 0.25, 0.375];
        for (a, b) in w.iter().zip(expected) {
            assert!((a - b).abs() < 1e-15);
        }
    }
}
