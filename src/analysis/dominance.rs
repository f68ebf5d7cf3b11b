//! Dominance: one option at least as good as another everywhere, and better somewhere.

use nalgebra::DMatrix;
use rayon::prelude::*;

/// Whether option `a` dominates option `b`: `v_aj ≥ v_bj` on every criterion
/// and `>` on at least one, comparing values (so direction is accounted for).
pub fn dominates(values: &DMatrix<f64>, a: usize, b: usize) -> bool {
    let mut strictly = false;
    for j in 0..values.ncols() {
        let (x, y) = (values[(a, j)], values[(b, j)]);
        if x < y {
            return false;
        }
        strictly |= x > y;
    }
    strictly
}

/// For each option, one option that dominates it, if any: the first in
/// `preference` order (best first), so the named dominator is the strongest.
///
/// Every dominator `a` of `b` has `v_aj ≥ v_bj` on each criterion `j`, so it
/// lies in the prefix of the options sorted by criterion `j`, best first,
/// that ends with the last option tied with `b` there. For each `b` only the
/// shortest of these `m` prefixes is searched (sort by one criterion and
/// prune, as in the sort-first skyline algorithms; Chomicki, Godfrey, Gryz
/// & Liang 2003, "Skyline with presorting", ICDE). The result is exactly the
/// all-pairs definition. The cost is `O(m·n log n)` for the sorts plus
/// `O(m)` per candidate; with `m` independent criteria a random option has
/// about `n/(m+1)` candidates, and fewer the better it is.
pub fn dominators(values: &DMatrix<f64>, preference: &[usize]) -> Vec<Option<usize>> {
    let (n, m) = (values.nrows(), values.ncols());
    if m == 0 {
        return vec![None; n];
    }
    let mut position = vec![usize::MAX; n];
    for (p, &a) in preference.iter().enumerate() {
        position[a] = p;
    }
    // nalgebra stores columns one after another.
    let columns: Vec<&[f64]> = values.as_slice().chunks_exact(n.max(1)).take(m).collect();
    // Row-major copy: a dominance test reads one row after another.
    let rows: Vec<f64> = (0..n)
        .flat_map(|i| columns.iter().map(move |c| c[i]))
        .collect();
    // For each criterion, the options best first, and for each option the
    // length of the prefix holding every option at least as good as it there.
    let sorted: Vec<(Vec<usize>, Vec<usize>)> = columns
        .par_iter()
        .map(|column| {
            let mut order: Vec<usize> = (0..n).collect();
            order.sort_by(|&a, &b| column[b].total_cmp(&column[a]));
            let mut prefix = vec![0; n];
            let mut end = n;
            for k in (0..n).rev() {
                if k + 1 < n && column[order[k]] != column[order[k + 1]] {
                    end = k + 1;
                }
                prefix[order[k]] = end;
            }
            (order, prefix)
        })
        .collect();
    let row = |i: usize| &rows[i * m..(i + 1) * m];
    (0..n)
        .into_par_iter()
        .map(|b| {
            let shortest = (0..m)
                .min_by_key(|&j| sorted[j].1[b])
                .expect("at least one criterion");
            let (order, prefix) = &sorted[shortest];
            let rb = row(b);
            order[..prefix[b]]
                .iter()
                .copied()
                .filter(|&a| a != b && position[a] != usize::MAX)
                .filter(|&a| row_dominates(row(a), rb))
                .min_by_key(|&a| position[a])
        })
        .collect()
}

fn row_dominates(a: &[f64], b: &[f64]) -> bool {
    let mut strictly = false;
    for (x, y) in a.iter().zip(b) {
        if x < y {
            return false;
        }
        strictly |= x > y;
    }
    strictly
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::{RngExt, SeedableRng};
    use rand_chacha::ChaCha8Rng;

    /// The all-pairs definition, kept as the oracle.
    fn dominators_all_pairs(values: &DMatrix<f64>, preference: &[usize]) -> Vec<Option<usize>> {
        (0..values.nrows())
            .map(|b| {
                preference
                    .iter()
                    .copied()
                    .find(|&a| a != b && dominates(values, a, b))
            })
            .collect()
    }

    #[test]
    fn dominance_needs_no_worse_anywhere_and_better_somewhere() {
        let v = DMatrix::from_row_slice(3, 2, &[0.8, 0.5, 0.8, 0.4, 0.9, 0.1]);
        assert!(dominates(&v, 0, 1));
        assert!(!dominates(&v, 1, 0));
        assert!(!dominates(&v, 0, 2) && !dominates(&v, 2, 0));
        assert!(!dominates(&v, 0, 0), "an option does not dominate itself");
        assert_eq!(dominators(&v, &[2, 0, 1]), vec![None, Some(0), None]);
    }

    #[test]
    fn pruned_search_equals_all_pairs_on_random_models() {
        let mut rng = ChaCha8Rng::seed_from_u64(7);
        for case in 0..300 {
            let n = rng.random_range(1..60);
            let m = rng.random_range(1..6);
            // Few distinct levels, so that ties and duplicates are common.
            let levels = rng.random_range(2..8);
            let v = DMatrix::from_fn(n, m, |_, _| {
                f64::from(rng.random_range(0..levels)) / f64::from(levels)
            });
            let mut preference: Vec<usize> = (0..n).collect();
            for i in (1..n).rev() {
                preference.swap(i, rng.random_range(0..=i));
            }
            assert_eq!(
                dominators(&v, &preference),
                dominators_all_pairs(&v, &preference),
                "case {case}: {n} × {m}"
            );
        }
    }
}
