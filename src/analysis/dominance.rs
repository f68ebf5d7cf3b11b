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
/// & Liang 2003, "Skyline with presorting", ICDE), and its candidates are
/// screened on the next two most selective criteria before their whole rows
/// are compared. The result is exactly the all-pairs definition. The cost is
/// `O(m·n log n)` for the sorts plus `O(1)` per candidate and `O(m)` per
/// candidate that passes the screens; with `m` independent criteria a random
/// option has about `n/(m+1)` candidates, and fewer the better it is.
pub fn dominators(values: &DMatrix<f64>, preference: &[usize]) -> Vec<Option<usize>> {
    dominators_within(values, preference, usize::MAX).dominated_by
}

/// How many candidate tests [`dominators_within`] spends by default: about
/// half a second of work, enough for every option of most models.
pub const SEARCH_BUDGET: usize = 50_000_000;

/// Dominators found for the first options in preference order.
#[derive(Debug, Clone, PartialEq)]
pub struct Dominance {
    /// Per option, the first dominator in preference order; `None` also for
    /// the options past `checked`.
    pub dominated_by: Vec<Option<usize>>,
    /// How many options, the first in preference order, were searched.
    pub checked: usize,
}

/// [`dominators`] for the best options only, as many (in `preference` order)
/// as `budget` candidate tests allow; at least one option is searched. Every
/// answer given is exact; the options past [`Dominance::checked`] are not
/// searched, and a report must say so.
pub fn dominators_within(values: &DMatrix<f64>, preference: &[usize], budget: usize) -> Dominance {
    let (n, m) = (values.nrows(), values.ncols());
    if m == 0 {
        return Dominance {
            dominated_by: vec![None; n],
            checked: n,
        };
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
    // The work for each option is the length of its shortest prefix: search
    // the best options while the budget lasts.
    let (mut spent, mut checked) = (0usize, 0usize);
    let mut searched = vec![false; n];
    for &b in preference {
        let work = (0..m).map(|j| sorted[j].1[b]).min().unwrap_or(0);
        if checked > 0 && spent.saturating_add(work) > budget {
            break;
        }
        spent = spent.saturating_add(work);
        searched[b] = true;
        checked += 1;
    }
    let dominated_by = (0..n)
        .into_par_iter()
        .map(|b| {
            if !searched[b] {
                return None;
            }
            // The criteria by selectivity for `b`: the shortest prefix is
            // searched, the next two screen candidates by one column each
            // (a column is small enough to stay in cache, a row lookup is not).
            let mut by_prefix: Vec<usize> = (0..m).collect();
            by_prefix.sort_by_key(|&j| sorted[j].1[b]);
            let (order, prefix) = &sorted[by_prefix[0]];
            let screens: Vec<(&[f64], f64)> = by_prefix[1..]
                .iter()
                .take(2)
                .map(|&j| (columns[j], columns[j][b]))
                .collect();
            let rb = row(b);
            order[..prefix[b]]
                .iter()
                .copied()
                .filter(|&a| screens.iter().all(|&(column, at_b)| column[a] >= at_b))
                .filter(|&a| a != b && position[a] != usize::MAX)
                .filter(|&a| row_dominates(row(a), rb))
                .min_by_key(|&a| position[a])
        })
        .collect();
    Dominance {
        dominated_by,
        checked,
    }
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

    /// A small budget searches the best options only, and what it finds for
    /// them is the all-pairs answer.
    #[test]
    fn a_bounded_search_answers_exactly_for_the_options_it_searches() {
        let mut rng = ChaCha8Rng::seed_from_u64(11);
        let (n, m) = (400, 2);
        let v = DMatrix::from_fn(n, m, |_, _| f64::from(rng.random_range(0..50u8)));
        let preference: Vec<usize> = (0..n).collect();
        let all = dominators_all_pairs(&v, &preference);
        let bounded = dominators_within(&v, &preference, 2_000);
        assert!(
            bounded.checked > 0 && bounded.checked < n,
            "{}",
            bounded.checked
        );
        for (k, &b) in preference.iter().enumerate() {
            let expected = if k < bounded.checked { all[b] } else { None };
            assert_eq!(bounded.dominated_by[b], expected, "option {b}");
        }
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
