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
///
/// Computed in `O(n log n)` by Knight's algorithm (Knight 1966, "A computer
/// method for calculating Kendall's tau with ungrouped data", JASA 61): sort
/// the pairs by x then y, count the pairs tied in x (n₁) and in both (n₃);
/// a merge sort on y then counts the swaps S, which are the discordant pairs,
/// and the pairs tied in y (n₂). With every count an exact integer,
///
/// ```text
/// C − D = n₀ − n₁ − n₂ + n₃ − 2S
/// ```
pub fn kendall_tau_b(x: &[f64], y: &[f64]) -> Option<f64> {
    let n = x.len().min(y.len());
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| x[a].total_cmp(&x[b]).then(y[a].total_cmp(&y[b])));
    let tied_pairs = |same: &dyn Fn(usize, usize) -> bool, order: &[usize]| -> u64 {
        let (mut total, mut run) = (0u64, 1u64);
        for k in 1..order.len() {
            if same(order[k - 1], order[k]) {
                run += 1;
            } else {
                total += run * (run - 1) / 2;
                run = 1;
            }
        }
        total + run * (run - 1) / 2
    };
    let tied_x = tied_pairs(&|a, b| x[a] == x[b], &order);
    let tied_both = tied_pairs(&|a, b| x[a] == x[b] && y[a] == y[b], &order);
    let mut ys: Vec<f64> = order.iter().map(|&i| y[i]).collect();
    let swaps = merge_sort_swaps(&mut ys);
    let by_y: Vec<usize> = (0..n).collect();
    let tied_y = tied_pairs(&|a, b| ys[a] == ys[b], &by_y);
    let n0 = (n as u64) * (n as u64).saturating_sub(1) / 2;
    let numerator =
        n0 as i128 - tied_x as i128 - tied_y as i128 + tied_both as i128 - 2 * swaps as i128;
    let denominator = ((n0 - tied_x) as f64 * (n0 - tied_y) as f64).sqrt();
    (denominator > 0.0).then(|| numerator as f64 / denominator)
}

/// Sorts `values` ascending (bottom-up merge sort) and returns the number of
/// pairs it had in strictly decreasing order; equal values are never swapped.
fn merge_sort_swaps(values: &mut [f64]) -> u64 {
    let n = values.len();
    let mut buffer = values.to_vec();
    let mut swaps = 0u64;
    let mut width = 1;
    while width < n {
        let mut start = 0;
        while start < n {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut i, mut j, mut k) = (start, mid, start);
            while i < mid && j < end {
                if values[j] < values[i] {
                    // values[j] jumps ahead of every value left in the left run.
                    swaps += (mid - i) as u64;
                    buffer[k] = values[j];
                    j += 1;
                } else {
                    buffer[k] = values[i];
                    i += 1;
                }
                k += 1;
            }
            buffer[k..k + mid - i].copy_from_slice(&values[i..mid]);
            k += mid - i;
            buffer[k..k + end - j].copy_from_slice(&values[j..end]);
            start = end;
        }
        values.copy_from_slice(&buffer);
        width *= 2;
    }
    swaps
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
    use rand::{RngExt, SeedableRng};
    use rand_chacha::ChaCha8Rng;

    /// The O(n²) definition, kept as the oracle.
    fn kendall_tau_b_all_pairs(x: &[f64], y: &[f64]) -> Option<f64> {
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

    #[test]
    fn knight_equals_the_all_pairs_definition_with_ties() {
        let mut rng = ChaCha8Rng::seed_from_u64(13);
        for case in 0..500 {
            let n = rng.random_range(0..80);
            let (lx, ly) = (rng.random_range(1..10), rng.random_range(1..40));
            let x: Vec<f64> = (0..n).map(|_| f64::from(rng.random_range(0..lx))).collect();
            let y: Vec<f64> = (0..n)
                .map(|_| f64::from(rng.random_range(0..ly)) * 0.5)
                .collect();
            let (fast, slow) = (kendall_tau_b(&x, &y), kendall_tau_b_all_pairs(&x, &y));
            match (fast, slow) {
                (Some(a), Some(b)) => assert!((a - b).abs() <= 1e-12, "case {case}: {a} vs {b}"),
                (a, b) => assert_eq!(a, b, "case {case}"),
            }
        }
    }

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
