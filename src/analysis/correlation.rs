//! Rank correlations between two rankings of the same options.

/// Kendall's tau-b between two score or rank vectors.
///
/// ```text
/// τ_b = (C − D) / √((n₀ − n₁)(n₀ − n₂))
/// ```
///
/// with C and D the concordant and discordant pairs, n₀ = n(n − 1)/2 and
/// n₁, n₂ the pairs tied in each ranking (Kendall 1945, "The treatment of
/// ties in ranking problems", Biometrika 33). `None` when either ranking is
/// all ties.
pub fn kendall_tau_b(x: &[f64], y: &[f64]) -> Option<f64> {
    let n = x.len();
    let (mut concordant, mut discordant, mut tied_x, mut tied_y) = (0.0, 0.0, 0.0, 0.0);
    for i in 0..n {
        for j in (i + 1)..n {
            let (dx, dy) = (x[i] - x[j], y[i] - y[j]);
            if dx == 0.0 {
                tied_x += 1.0;
            }
            if dy == 0.0 {
                tied_y += 1.0;
            }
            let s = dx * dy;
            if s > 0.0 {
                concordant += 1.0;
            } else if s < 0.0 {
                discordant += 1.0;
            }
        }
    }
    let n0 = (n * n.saturating_sub(1)) as f64 / 2.0;
    let denominator = ((n0 - tied_x) * (n0 - tied_y)).sqrt();
    (denominator > 0.0).then(|| (concordant - discordant) / denominator)
}

/// Spearman's rho: Pearson's correlation of the average ranks (ties share
/// the mean of their positions). `None` when either ranking is all ties.
pub fn spearman_rho(x: &[f64], y: &[f64]) -> Option<f64> {
    let (rx, ry) = (average_ranks(x), average_ranks(y));
    pearson(&rx, &ry)
}

fn average_ranks(x: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..x.len()).collect();
    order.sort_by(|&a, &b| x[a].total_cmp(&x[b]));
    let mut ranks = vec![0.0; x.len()];
    let mut start = 0;
    while start < order.len() {
        let mut end = start + 1;
        while end < order.len() && x[order[end]] == x[order[start]] {
            end += 1;
        }
        let mean = (start + end + 1) as f64 / 2.0;
        for &i in &order[start..end] {
            ranks[i] = mean;
        }
        start = end;
    }
    ranks
}

fn pearson(x: &[f64], y: &[f64]) -> Option<f64> {
    let n = x.len() as f64;
    let (mx, my) = (x.iter().sum::<f64>() / n, y.iter().sum::<f64>() / n);
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (a, b) in x.iter().zip(y) {
        sxy += (a - mx) * (b - my);
        sxx += (a - mx).powi(2);
        syy += (b - my).powi(2);
    }
    (sxx > 0.0 && syy > 0.0).then(|| sxy / (sxx * syy).sqrt())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Hand-computed: x = 1..5, y = (1, 3, 2, 5, 4): 8 concordant and 2
    /// discordant of 10 pairs, τ = 0.6; Σd² = 4, ρ = 1 − 6·4/(5·24) = 0.8.
    #[test]
    fn small_rankings_by_hand() {
        let x = [1.0, 2.0, 3.0, 4.0, 5.0];
        let y = [1.0, 3.0, 2.0, 5.0, 4.0];
        assert!((kendall_tau_b(&x, &y).expect("tau") - 0.6).abs() < 1e-12);
        assert!((spearman_rho(&x, &y).expect("rho") - 0.8).abs() < 1e-12);
        let reversed: Vec<f64> = x.iter().rev().copied().collect();
        assert!((kendall_tau_b(&x, &reversed).expect("tau") + 1.0).abs() < 1e-12);
    }

    /// With ties: x = (1, 2, 2, 3), y = (1, 2, 3, 4): C = 5, D = 0, one tie in
    /// x; τ_b = 5 / √(5 · 6).
    #[test]
    fn ties_use_tau_b() {
        let tau = kendall_tau_b(&[1.0, 2.0, 2.0, 3.0], &[1.0, 2.0, 3.0, 4.0]).expect("tau");
        assert!((tau - 5.0 / 30f64.sqrt()).abs() < 1e-12);
        assert_eq!(kendall_tau_b(&[1.0, 1.0], &[1.0, 2.0]), None);
    }
}
