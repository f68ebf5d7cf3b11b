//! Uniform weight vectors from a region cut by linear constraints, by hit-and-run.
//!
//! The region is every weight vector `w` (non-negative, summing to 1) that
//! satisfies any combination of: a ranking with ties (`w_a ≥ w_b` between
//! levels, `w_a = w_b` within one, 0 for criteria left out), intervals
//! `lo_j ≤ w_j ≤ hi_j`, and ratios `w_a ≥ k·w_b` or `w_a ≤ k·w_b`.
//!
//! ```text
//! free variables  x_g  (one per tie level, or per criterion; pinned ones fixed)
//! w_j = x_g(j)     or the pinned value
//! region  P = { x : A x ≤ b,  c·x = C }          c_g = criteria in level g
//! start   x_0 = the Chebyshev centre of P (a linear program), strictly inside
//! step    u ~ uniform direction in { c·u = 0 },  λ ~ U[λ_min, λ_max],
//!         x ← x + λ u,  [λ_min, λ_max] = { λ : A (x + λ u) ≤ b }
//! ```
//!
//! Hit-and-run (Smith 1984) converges to the uniform distribution on P; its
//! use for SMAA weights follows Tervonen, van Valkenhoef, Baştürk & Postmus
//! (2013), "Hit-And-Run enables efficient weight generation for
//! simulation-based multiple criteria decision analysis", EJOR 224(3), as in
//! the R package `hitandrun`. Every chain starts at the Chebyshev centre,
//! discards [`burn_in`] steps, then keeps one point every [`thinning`] steps.
//! Nothing is rejected, so tight bounds cost no more than loose ones.

use rand::RngExt;
use rand_distr::{Distribution, StandardNormal};

use crate::model::WeightRatio;

/// Below this width an interval pins its weight, and below this radius the
/// region has no room to vary.
const PINNED: f64 = 1e-12;

/// The linear constraints on a weight vector, as stated.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Constraints {
    /// Number of criteria.
    pub criteria: usize,
    /// A ranking, most important level first; criteria in no level weigh 0.
    pub ranking: Option<Vec<Vec<usize>>>,
    /// `(criterion, lo, hi)`: the weight stays within `[lo, hi]`.
    pub intervals: Vec<(usize, f64, f64)>,
    /// `w_a ≥ k·w_b` or `w_a ≤ k·w_b`.
    pub ratios: Vec<WeightRatio>,
}

/// Why the constraints cannot be sampled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum RegionError {
    /// No weight vector satisfies all constraints at once.
    #[error("no weight vector satisfies the ranking, bounds and ratios together")]
    Infeasible,
}

/// Where a criterion's weight comes from.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Slot {
    Pinned(f64),
    Free(usize),
}

/// A region ready to be sampled: a single point, or a polytope with an interior.
#[derive(Debug, Clone)]
pub enum Region {
    /// The constraints leave exactly one weight vector.
    Point(Vec<f64>),
    /// A polytope of positive volume in its affine hull.
    Polytope(Box<Polytope>),
}

/// `{ x : A x ≤ b, c·x = C }` with a point strictly inside.
///
/// Most rows of `A` are interval bounds, `−x_g ≤ −lo_g` and `x_g ≤ hi_g`:
/// they are kept as two right-hand sides per free variable, so a step costs
/// O(d) for them instead of a dense product per row (for a unit row,
/// `a·u = ±u_g` exactly, so the chain is the same to the last bit). The
/// orderings and ratios are kept as sparse rows. Per-variable arrays are
/// padded to [`LANES`] with neutral entries (a zero direction, an infinite
/// slack) so their loops have no remainder.
#[derive(Debug, Clone)]
pub struct Polytope {
    slots: Vec<Slot>,
    /// Free variables.
    d: usize,
    /// `d` rounded up to a multiple of [`LANES`].
    padded: usize,
    /// Right-hand side of `−x_g ≤ −lo_g` per free variable.
    lower: Vec<f64>,
    /// Right-hand side of `x_g ≤ hi_g` per free variable; +∞ where there is no such row.
    upper: Vec<f64>,
    /// The other rows, sparse: row r has the terms `terms[starts[r]..starts[r + 1]]`.
    starts: Vec<usize>,
    terms: Vec<(usize, f64)>,
    rhs: Vec<f64>,
    /// The equality's normal, and `c / (c·c)`, for projecting directions.
    c: Vec<f64>,
    c_scaled: Vec<f64>,
    centre: Vec<f64>,
}

/// Lanes of the per-variable loops (one AVX-512 register of f64).
const LANES: usize = 8;

/// What a row of `A` is, for the sampler.
#[derive(Debug, Clone, Copy, PartialEq)]
enum RowKind {
    Lower(usize),
    Upper(usize),
    Other,
}

/// Steps discarded at the start of every chain: 100 per free variable.
pub fn burn_in(dimension: usize) -> usize {
    100 * dimension.max(1)
}

/// Steps between kept points: one per free variable. The points of one
/// chain are correlated; the standard errors the report prints assume
/// independent draws and are therefore a little optimistic for hit-and-run.
pub fn thinning(dimension: usize) -> usize {
    dimension.max(1)
}

impl Region {
    /// Builds the region and finds a point strictly inside it.
    ///
    /// # Errors
    /// [`RegionError::Infeasible`] when the constraints exclude every weight vector.
    pub fn new(k: &Constraints) -> Result<Region, RegionError> {
        let n = k.criteria;
        // Levels: tied criteria share one variable; criteria out of a ranking weigh 0.
        let levels: Vec<Vec<usize>> = match &k.ranking {
            Some(levels) => levels.clone(),
            None => (0..n).map(|j| vec![j]).collect(),
        };
        let mut level_of = vec![None; n];
        for (g, level) in levels.iter().enumerate() {
            for &j in level {
                level_of[j] = Some(g);
            }
        }
        // The interval of each level: the intersection of its criteria's.
        let mut lo = vec![0.0f64; levels.len()];
        let mut hi = vec![1.0f64; levels.len()];
        for &(j, l, h) in &k.intervals {
            match level_of[j] {
                Some(g) => {
                    lo[g] = lo[g].max(l);
                    hi[g] = hi[g].min(h);
                }
                None if l > PINNED => return Err(RegionError::Infeasible),
                None => {}
            }
        }
        if lo.iter().zip(&hi).any(|(l, h)| l > &(h + PINNED)) {
            return Err(RegionError::Infeasible);
        }
        let mut slots = vec![Slot::Pinned(0.0); n];
        let mut level_slot = vec![Slot::Pinned(0.0); levels.len()];
        let mut d = 0;
        for g in 0..levels.len() {
            level_slot[g] = if hi[g] - lo[g] <= PINNED {
                Slot::Pinned(lo[g])
            } else {
                d += 1;
                Slot::Free(d - 1)
            };
            for &j in &levels[g] {
                slots[j] = level_slot[g];
            }
        }
        // Rows over the free variables; pinned weights move to the right-hand side.
        let mut a = vec![];
        let mut b = vec![];
        let mut kinds = vec![];
        let mut row =
            |terms: &[(usize, f64)], rhs: f64, kind: RowKind| -> Result<(), RegionError> {
                let mut r = vec![0.0; d];
                let mut rhs = rhs;
                for &(j, coef) in terms {
                    match slots[j] {
                        Slot::Pinned(value) => rhs -= coef * value,
                        Slot::Free(x) => r[x] += coef,
                    }
                }
                if r.iter().all(|&x| x == 0.0) {
                    return if rhs >= -PINNED {
                        Ok(())
                    } else {
                        Err(RegionError::Infeasible)
                    };
                }
                a.extend(r);
                b.push(rhs);
                kinds.push(kind);
                Ok(())
            };
        for (g, level) in levels.iter().enumerate() {
            let j = level[0];
            if let Slot::Free(x) = level_slot[g] {
                row(&[(j, -1.0)], -lo[g], RowKind::Lower(x))?;
                if hi[g] < 1.0 {
                    row(&[(j, 1.0)], hi[g], RowKind::Upper(x))?;
                }
            }
            if k.ranking.is_some() && g + 1 < levels.len() {
                row(&[(levels[g + 1][0], 1.0), (j, -1.0)], 0.0, RowKind::Other)?;
            }
        }
        for r in &k.ratios {
            let (a_, b_) = (r.criterion, r.other);
            if r.at_least {
                row(&[(b_, r.factor), (a_, -1.0)], 0.0, RowKind::Other)?;
            } else {
                row(&[(a_, 1.0), (b_, -r.factor)], 0.0, RowKind::Other)?;
            }
        }
        // Σ w = 1 over the free variables.
        let mut c = vec![0.0; d];
        let mut total = 1.0;
        for &slot in &slots {
            match slot {
                Slot::Pinned(value) => total -= value,
                Slot::Free(x) => c[x] += 1.0,
            }
        }
        let point = |x: &[f64]| -> Vec<f64> {
            slots
                .iter()
                .map(|s| match *s {
                    Slot::Pinned(v) => v,
                    Slot::Free(i) => x[i],
                })
                .collect()
        };
        if d == 0 {
            return if total.abs() <= 1e-9 {
                Ok(Region::Point(point(&[])))
            } else {
                Err(RegionError::Infeasible)
            };
        }
        let cc: f64 = c.iter().map(|x| x * x).sum();
        let c_scaled: Vec<f64> = c.iter().map(|x| x / cc).collect();
        let (centre, radius) = chebyshev_centre(&a, &b, &c, &c_scaled, total, d)?;
        if d == 1 || radius <= PINNED {
            return Ok(Region::Point(point(&centre)));
        }
        let padded = d.next_multiple_of(LANES);
        let mut lower = vec![f64::INFINITY; padded];
        let mut upper = vec![f64::INFINITY; padded];
        let (mut starts, mut terms, mut rhs) = (vec![0], vec![], vec![]);
        for ((kind, row), &b) in kinds.iter().zip(a.chunks_exact(d)).zip(&b) {
            match *kind {
                RowKind::Lower(x) => lower[x] = b,
                RowKind::Upper(x) => upper[x] = b,
                RowKind::Other => {
                    terms.extend(
                        row.iter()
                            .enumerate()
                            .filter(|&(_, &coef)| coef != 0.0)
                            .map(|(x, &coef)| (x, coef)),
                    );
                    starts.push(terms.len());
                    rhs.push(b);
                }
            }
        }
        let pad = |mut v: Vec<f64>| {
            v.resize(padded, 0.0);
            v
        };
        Ok(Region::Polytope(Box::new(Polytope {
            slots,
            d,
            padded,
            lower,
            upper,
            starts,
            terms,
            rhs,
            c: pad(c),
            c_scaled: pad(c_scaled),
            centre: pad(centre),
        })))
    }
}

/// The centre and radius of the largest ball (within the affine hull
/// `c·x = total`) inside `A x ≤ b`: maximise r subject to
/// `a_i·x + r‖P a_i‖ ≤ b_i`, where `P` projects onto `c·u = 0`.
fn chebyshev_centre(
    a: &[f64],
    b: &[f64],
    c: &[f64],
    c_scaled: &[f64],
    total: f64,
    d: usize,
) -> Result<(Vec<f64>, f64), RegionError> {
    use microlp::{ComparisonOp, OptimizationDirection, Problem};
    let mut lp = Problem::new(OptimizationDirection::Maximize);
    let x: Vec<_> = (0..d)
        .map(|_| lp.add_var(0.0, (f64::NEG_INFINITY, f64::INFINITY)))
        .collect();
    let r = lp.add_var(1.0, (0.0, 1.0));
    for (row, &rhs) in a.chunks_exact(d).zip(b) {
        let along: f64 = row.iter().zip(c).map(|(p, q)| p * q).sum();
        let norm = row
            .iter()
            .zip(c_scaled)
            .map(|(p, q)| (p - along * q).powi(2))
            .sum::<f64>()
            .sqrt();
        let mut terms: Vec<_> = x.iter().copied().zip(row.iter().copied()).collect();
        terms.push((r, norm));
        lp.add_constraint(terms.as_slice(), ComparisonOp::Le, rhs);
    }
    let sum: Vec<_> = x.iter().copied().zip(c.iter().copied()).collect();
    lp.add_constraint(sum.as_slice(), ComparisonOp::Eq, total);
    let solution = lp
        .solve()
        .ok()
        .and_then(|outcome| outcome.into_solution().ok())
        .ok_or(RegionError::Infeasible)?;
    let centre: Vec<f64> = x.iter().map(|&v| solution.var_value(v)).collect();
    Ok((centre, solution.var_value(r)))
}

impl Polytope {
    /// Number of free variables.
    pub fn dimension(&self) -> usize {
        self.d
    }

    /// A chain positioned at the centre, with its slacks.
    pub fn chain(&self) -> Chain {
        let others = self.rhs.len();
        let mut chain = Chain {
            x: self.centre.clone(),
            lower: vec![0.0; self.padded],
            upper: vec![0.0; self.padded],
            slack: vec![0.0; others],
            u: vec![0.0; self.padded],
            au: vec![0.0; others],
        };
        self.refresh(&mut chain);
        chain
    }

    /// The terms of sparse row `r`.
    #[inline(always)]
    fn row(&self, r: usize) -> &[(usize, f64)] {
        &self.terms[self.starts[r]..self.starts[r + 1]]
    }

    /// `a·v` for sparse row `r`, in the order of a dense product: the zero
    /// terms a dense row adds change no non-zero sum.
    #[inline(always)]
    fn dot(&self, r: usize, v: &[f64]) -> f64 {
        self.row(r)
            .iter()
            .fold(-0.0, |sum, &(x, coef)| sum + coef * v[x])
    }

    /// Recomputes the slacks `b − A x` from scratch, so rounding cannot drift.
    #[inline(always)]
    fn refresh(&self, chain: &mut Chain) {
        let Chain {
            x, lower, upper, ..
        } = chain;
        for (((sl, su), (&bl, &bu)), &x) in lower
            .iter_mut()
            .zip(upper.iter_mut())
            .zip(self.lower.iter().zip(&self.upper))
            .zip(x.iter())
        {
            // The rows −x ≤ −lo and x ≤ hi: a·x is −x and x exactly.
            *sl = (bl - -x).max(0.0);
            *su = (bu - x).max(0.0);
        }
        for r in 0..self.rhs.len() {
            chain.slack[r] = (self.rhs[r] - self.dot(r, &chain.x)).max(0.0);
        }
    }

    /// One hit-and-run step.
    #[inline(always)]
    pub fn step<R: RngExt + ?Sized>(&self, rng: &mut R, chain: &mut Chain) {
        // A uniform direction in the hyperplane c·u = 0: project an isotropic Gaussian.
        let d = self.d;
        for u in chain.u[..d].iter_mut() {
            // `Distribution::sample` directly (what `rng.sample` calls),
            // which inlines into the vector kernel.
            *u = StandardNormal.sample(rng);
        }
        let along: f64 = chain.u[..d].iter().zip(&self.c).map(|(p, q)| p * q).sum();
        for (u, q) in chain.u.iter_mut().zip(&self.c_scaled) {
            *u -= along * q;
        }
        // The chord through x along u: every row with a·u > 0 bounds λ above
        // by slack / a·u, every row with a·u < 0 bounds it below. The bounds
        // first, lane by lane (min and max are exact, so their order does
        // not matter), then the other rows.
        let mut highs = [f64::INFINITY; LANES];
        let mut lows = [f64::NEG_INFINITY; LANES];
        for ((u, sl), su) in chain
            .u
            .chunks_exact(LANES)
            .zip(chain.lower.chunks_exact(LANES))
            .zip(chain.upper.chunks_exact(LANES))
        {
            for l in 0..LANES {
                let (al, au) = (-u[l], u[l]);
                let (tl, tu) = (sl[l] / al, su[l] / au);
                let high_l = if al > 0.0 { tl } else { f64::INFINITY };
                let high_u = if au > 0.0 { tu } else { f64::INFINITY };
                let low_l = if al < 0.0 { tl } else { f64::NEG_INFINITY };
                let low_u = if au < 0.0 { tu } else { f64::NEG_INFINITY };
                highs[l] = highs[l].min(high_l).min(high_u);
                lows[l] = lows[l].max(low_l).max(low_u);
            }
        }
        let mut high = highs.iter().fold(f64::INFINITY, |a, &b| a.min(b));
        let mut low = lows.iter().fold(f64::NEG_INFINITY, |a, &b| a.max(b));
        for r in 0..self.rhs.len() {
            let au = self.dot(r, &chain.u);
            chain.au[r] = au;
            let s = chain.slack[r];
            if au > 0.0 {
                high = high.min(s / au);
            } else if au < 0.0 {
                low = low.max(s / au);
            }
        }
        if !(low.is_finite() && high.is_finite() && high > low) {
            return; // a degenerate direction: stay put, the next one will move
        }
        let lambda = low + (high - low) * rng.random::<f64>();
        for (((x, u), sl), su) in chain
            .x
            .iter_mut()
            .zip(&chain.u)
            .zip(chain.lower.iter_mut())
            .zip(chain.upper.iter_mut())
        {
            *x += lambda * u;
            *sl = (*sl - lambda * -u).max(0.0);
            *su = (*su - lambda * u).max(0.0);
        }
        for (s, au) in chain.slack.iter_mut().zip(&chain.au) {
            *s = (*s - lambda * au).max(0.0);
        }
    }

    /// Burns in a fresh chain from the centre.
    #[inline(always)]
    pub fn start<R: RngExt + ?Sized>(&self, rng: &mut R) -> Chain {
        let mut chain = self.chain();
        for _ in 0..burn_in(self.d) {
            self.step(rng, &mut chain);
        }
        self.refresh(&mut chain);
        chain
    }

    /// Advances the chain by [`thinning`] steps and writes its weights to `out`.
    #[inline(always)]
    pub fn next<R: RngExt + ?Sized>(&self, rng: &mut R, chain: &mut Chain, out: &mut [f64]) {
        for _ in 0..thinning(self.d) {
            self.step(rng, chain);
        }
        self.refresh(chain);
        self.weights(&chain.x, out);
    }

    /// The weights of the free variables `x`.
    fn weights(&self, x: &[f64], out: &mut [f64]) {
        for (o, s) in out.iter_mut().zip(&self.slots) {
            *o = match *s {
                Slot::Pinned(v) => v,
                Slot::Free(i) => x[i].max(0.0),
            };
        }
    }

    /// The Chebyshev centre's weights: a point well inside the region.
    pub fn centre(&self) -> Vec<f64> {
        let mut w = vec![0.0; self.slots.len()];
        self.weights(&self.centre, &mut w);
        w
    }
}

/// The state of one hit-and-run chain (per-variable arrays padded like the polytope's).
#[derive(Debug, Clone)]
pub struct Chain {
    x: Vec<f64>,
    /// Slacks of the lower and upper bounds per free variable.
    lower: Vec<f64>,
    upper: Vec<f64>,
    /// Slacks of the other rows, and their `a·u` in the current step.
    slack: Vec<f64>,
    u: Vec<f64>,
    au: Vec<f64>,
}

/// Points the centroid of a region is estimated from.
pub const CENTROID_POINTS: usize = 20_000;

/// The centroid of the region, estimated as the mean of [`CENTROID_POINTS`]
/// hit-and-run points from a fixed seed (exact for a single point). Its
/// Monte Carlo error is about the weights' spread over √(points / thinning),
/// a few thousandths at most.
///
/// # Errors
/// [`RegionError::Infeasible`] when the constraints exclude every weight vector.
pub fn centroid(k: &Constraints) -> Result<Vec<f64>, RegionError> {
    use rand::SeedableRng;
    match Region::new(k)? {
        Region::Point(w) => Ok(w),
        Region::Polytope(p) => {
            let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(0x5eed_ce17);
            let mut chain = p.start(&mut rng);
            let mut w = vec![0.0; k.criteria];
            let mut sum = vec![0.0; k.criteria];
            for _ in 0..CENTROID_POINTS {
                p.next(&mut rng, &mut chain, &mut w);
                for (s, x) in sum.iter_mut().zip(&w) {
                    *s += x;
                }
            }
            let total: f64 = sum.iter().sum();
            Ok(sum.iter().map(|s| s / total).collect())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use rand_chacha::ChaCha8Rng;

    fn sample(k: &Constraints, n: usize, seed: u64) -> Vec<Vec<f64>> {
        let Region::Polytope(p) = Region::new(k).expect("feasible") else {
            panic!("expected a polytope");
        };
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let mut chain = p.start(&mut rng);
        let mut w = vec![0.0; k.criteria];
        (0..n)
            .map(|_| {
                p.next(&mut rng, &mut chain, &mut w);
                w.clone()
            })
            .collect()
    }

    fn mean(draws: &[Vec<f64>], j: usize) -> f64 {
        draws.iter().map(|w| w[j]).sum::<f64>() / draws.len() as f64
    }

    /// The unconstrained simplex in 3 criteria: each weight has mean 1/3, and
    /// P(w_0 > 1/2) = (1/2)² = 1/4 (the corner triangle's share of the area).
    #[test]
    fn the_simplex_is_sampled_uniformly() {
        let k = Constraints {
            criteria: 3,
            ..Constraints::default()
        };
        let draws = sample(&k, 100_000, 3);
        for j in 0..3 {
            assert!((mean(&draws, j) - 1.0 / 3.0).abs() < 0.01, "{j}");
        }
        let corner = draws.iter().filter(|w| w[0] > 0.5).count() as f64 / 1e5;
        assert!((corner - 0.25).abs() < 0.01, "{corner}");
        assert!(
            draws
                .iter()
                .all(|w| (w.iter().sum::<f64>() - 1.0).abs() < 1e-9)
        );
    }

    /// The ranking [a, [b, c]] is the segment w = (1 − 2t, t, t), t ∈ [0, 1/3]:
    /// its centroid is (2/3, 1/6, 1/6).
    #[test]
    fn a_ranking_with_ties_is_the_ordered_segment() {
        let k = Constraints {
            criteria: 3,
            ranking: Some(vec![vec![0], vec![1, 2]]),
            ..Constraints::default()
        };
        // One free direction only: the region is a segment, sampled as a polytope.
        let draws = sample(&k, 50_000, 5);
        assert!((mean(&draws, 0) - 2.0 / 3.0).abs() < 0.005);
        assert!(draws.iter().all(|w| w[1] == w[2] && w[0] >= w[1]));
    }

    /// Tight bounds that a rejection sampler from the whole simplex would
    /// almost never hit: every draw lies inside, and w_0 is uniform on its
    /// interval [0.30, 0.31] (here w_1 = 0.5 − w_0 + …, so the marginal is flat).
    #[test]
    fn tight_bounds_are_sampled_without_rejection() {
        let k = Constraints {
            criteria: 4,
            intervals: vec![(0, 0.30, 0.31), (1, 0.20, 0.21), (2, 0.25, 0.26)],
            ..Constraints::default()
        };
        let draws = sample(&k, 20_000, 9);
        for w in &draws {
            assert!((0.30 - 1e-12..=0.31 + 1e-12).contains(&w[0]));
            assert!((0.20 - 1e-12..=0.21 + 1e-12).contains(&w[1]));
            assert!((0.25 - 1e-12..=0.26 + 1e-12).contains(&w[2]));
            assert!((w.iter().sum::<f64>() - 1.0).abs() < 1e-9);
        }
        // The region is the cube [0.30,0.31]×[0.20,0.21]×[0.25,0.26] (w_3 takes the rest,
        // within [0.22, 0.25]), so each free weight's mean is its interval's midpoint.
        assert!((mean(&draws, 0) - 0.305).abs() < 3e-4);
    }

    #[test]
    fn ratios_hold_in_every_draw() {
        let k = Constraints {
            criteria: 3,
            ratios: vec![WeightRatio {
                criterion: 0,
                at_least: true,
                factor: 2.0,
                other: 1,
            }],
            ..Constraints::default()
        };
        let draws = sample(&k, 20_000, 1);
        assert!(draws.iter().all(|w| w[0] >= 2.0 * w[1] - 1e-12));
    }

    #[test]
    fn contradictory_constraints_are_infeasible_and_a_pinned_one_is_a_point() {
        let bad = Constraints {
            criteria: 2,
            ranking: Some(vec![vec![0], vec![1]]),
            intervals: vec![(0, 0.0, 0.4)],
            ..Constraints::default()
        };
        assert_eq!(Region::new(&bad).err(), Some(RegionError::Infeasible));
        let pinned = Constraints {
            criteria: 2,
            intervals: vec![(0, 0.3, 0.3)],
            ..Constraints::default()
        };
        match Region::new(&pinned) {
            Ok(Region::Point(w)) => assert!((w[1] - 0.7).abs() < 1e-12),
            other => panic!("{other:?}"),
        }
    }
}
