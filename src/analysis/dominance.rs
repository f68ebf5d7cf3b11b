//! Dominance: one option at least as good as another everywhere, and better somewhere.

use nalgebra::DMatrix;

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
pub fn dominators(values: &DMatrix<f64>, preference: &[usize]) -> Vec<Option<usize>> {
    (0..values.nrows())
        .map(|b| {
            preference
                .iter()
                .copied()
                .find(|&a| a != b && dominates(values, a, b))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dominance_needs_no_worse_anywhere_and_better_somewhere() {
        let v = DMatrix::from_row_slice(3, 2, &[0.8, 0.5, 0.8, 0.4, 0.9, 0.1]);
        assert!(dominates(&v, 0, 1));
        assert!(!dominates(&v, 1, 0));
        assert!(!dominates(&v, 0, 2) && !dominates(&v, 2, 0));
        assert!(!dominates(&v, 0, 0), "an option does not dominate itself");
        assert_eq!(dominators(&v, &[2, 0, 1]), vec![None, Some(0), None]);
    }
}
