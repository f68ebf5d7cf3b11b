//! The smallest change to the whole weight vector that puts another option on top.

use nalgebra::DMatrix;

/// The nearest weight vector, in L1 distance, at which `top` is no longer
/// strictly ahead, and who is ahead there.
#[derive(Debug, Clone, PartialEq)]
pub struct Flip {
    /// `Σ_j |w'_j − w_j|`.
    pub distance: f64,
    /// The new weights: non-negative, summing to 1, within the bounds.
    pub weights: Vec<f64>,
    /// The option that ties or overtakes the top there.
    pub challenger: usize,
}

/// The nearest flip of the top under the additive model.
///
/// For one challenger `c`, let `d_j = v_cj − v_tj`, so `c` catches the top
/// `t` once `Σ w_j d_j ≥ 0`. A move `Δ` with `Σ Δ_j = 0` costs `Σ |Δ_j|`
/// and gains `Σ Δ_j d_j`. Splitting `Δ` into the mass `ε` taken off some
/// weights and put onto others (cost `2ε`), the largest gain for a given `ε`
/// comes from putting mass on the highest `d_j` and taking it from the
/// lowest, each as far as its bound allows: the gain is concave and
/// piecewise linear in `ε`, so filling greedily by the best remaining pair
/// reaches the needed gain `D = −Σ w_j d_j` at the least `ε`. The top
/// changes exactly when some challenger catches it, so the nearest flip is
/// the nearest over all challengers. This is the linear program
/// `min ‖w' − w‖₁  s.t.  w' ≥ lo, w' ≤ hi, Σ w' = 1, (v_c − v_t)·w' ≥ 0`
/// solved in closed form.
///
/// `bounds` gives `(lo, hi)` per criterion. Returns `None` when no weight
/// vector within the bounds lets anyone catch the top.
pub fn nearest_flip(
    values: &DMatrix<f64>,
    weights: &[f64],
    bounds: &[(f64, f64)],
    top: usize,
) -> Option<Flip> {
    let m = weights.len();
    let mut best: Option<Flip> = None;
    for c in 0..values.nrows() {
        if c == top {
            continue;
        }
        let d: Vec<f64> = (0..m).map(|j| values[(c, j)] - values[(top, j)]).collect();
        let mut need: f64 = -(0..m).map(|j| weights[j] * d[j]).sum::<f64>();
        let mut w = weights.to_vec();
        // Up: criteria by d descending; down: by d ascending.
        let mut up: Vec<usize> = (0..m).collect();
        up.sort_by(|&a, &b| d[b].total_cmp(&d[a]));
        let mut down = up.clone();
        down.reverse();
        let (mut ui, mut di) = (0, 0);
        let mut moved = 0.0;
        while need > 1e-15 && ui < m && di < m {
            let (a, b) = (up[ui], down[di]);
            let gain = d[a] - d[b];
            if gain <= 1e-15 {
                break;
            }
            let room_up = bounds[a].1 - w[a];
            let room_down = w[b] - bounds[b].0;
            if room_up <= 1e-15 {
                ui += 1;
                continue;
            }
            if room_down <= 1e-15 {
                di += 1;
                continue;
            }
            let eps = room_up.min(room_down).min(need / gain);
            w[a] += eps;
            w[b] -= eps;
            moved += eps;
            need -= eps * gain;
        }
        if need > 1e-12 {
            continue;
        }
        let flip = Flip {
            distance: 2.0 * moved,
            weights: w,
            challenger: c,
        };
        if best
            .as_ref()
            .is_none_or(|b| flip.distance < b.distance - 1e-15)
        {
            best = Some(flip);
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two options, two criteria: A = (1, 0), B = (0, 1) at w = (0.7, 0.3).
    /// B ties A at w = (0.5, 0.5): moving 0.2 from one weight to the other,
    /// an L1 distance of 0.4.
    #[test]
    fn two_criteria_by_hand() {
        let v = DMatrix::from_row_slice(2, 2, &[1.0, 0.0, 0.0, 1.0]);
        let f = nearest_flip(&v, &[0.7, 0.3], &[(0.0, 1.0), (0.0, 1.0)], 0).expect("a flip");
        assert!((f.distance - 0.4).abs() < 1e-12);
        assert!((f.weights[0] - 0.5).abs() < 1e-12);
        assert_eq!(f.challenger, 1);
    }

    #[test]
    fn bounds_can_forbid_every_flip() {
        let v = DMatrix::from_row_slice(2, 2, &[1.0, 0.0, 0.0, 1.0]);
        assert!(nearest_flip(&v, &[0.7, 0.3], &[(0.6, 1.0), (0.0, 0.4)], 0).is_none());
    }
}
