//! Sensitivity analysis: thresholds verified by re-ranking on either side,
//! a hand-derived case, the numerical search against the exact one, and the
//! nearest flip against a brute-force search.

use tradeoffs::MethodKind;
use tradeoffs::analysis::sensitivity::{Path, Rebalance, nearest_flip, sweep};
use tradeoffs::methods::{Method, Problem, WeightedSum};

mod common;

use common::{crossing_model, small};

fn scores_at(values: &nalgebra::DMatrix<f64>, w: &[f64]) -> Vec<f64> {
    (0..values.nrows())
        .map(|i| (0..values.ncols()).map(|j| values[(i, j)] * w[j]).sum())
        .collect()
}

#[test]
fn every_threshold_really_swaps_its_pair_just_either_side() {
    let model = small();
    let values = model.values();
    let ids: Vec<String> = model.options.iter().map(|o| o.id.to_string()).collect();
    let weights = tradeoffs::weights::of_profile(&model, &model.profiles[0]).weights;
    let eps = 1e-6;
    let mut checked = 0;
    for rule in [Rebalance::Proportional, Rebalance::Equal] {
        let sets: Vec<Vec<usize>> = (0..4)
            .map(|j| vec![j])
            .chain([vec![0, 1], vec![2, 3]])
            .collect();
        for set in sets {
            let path = Path::of(&weights, &set, rule);
            let result = sweep::exact(&values, &path, &ids, 0);
            for t in &result.thresholds {
                let [a, b] = t.indices;
                let before = scores_at(&values, &path.at(t.weight - eps));
                let after = scores_at(&values, &path.at(t.weight + eps));
                assert!(
                    before[a] > before[b],
                    "{:?} {set:?}: {} not ahead below {}",
                    rule,
                    t.pair[0],
                    t.weight
                );
                assert!(
                    after[b] > after[a],
                    "{:?} {set:?}: {} not ahead above {}",
                    rule,
                    t.pair[1],
                    t.weight
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 10, "only {checked} thresholds");
}

/// Three options on two criteria with values A = (1, 0), B = (0, 1),
/// C = (0.6, 0.6) at weights (0.5, 0.5). Sweeping the first weight t
/// (the second is 1 − t): A = t, B = 1 − t, C = 0.6. A and B cross at
/// t = 0.5, C and B at 0.4, C and A at 0.6; C is top on [0.4, 0.6].
#[test]
fn a_hand_derived_case_has_exact_thresholds() {
    let model = crossing_model("[profiles.even]\nweights = { x = 1, y = 1 }\n");
    let report = tradeoffs::analysis::sensitivity::analyse(
        &model,
        &tradeoffs::analysis::sensitivity::Request {
            profile: "even",
            weights: &[0.5, 0.5],
            bounds: vec![(0.0, 1.0); 2],
            method: MethodKind::Wsm,
            rebalance: Rebalance::Proportional,
            criterion: None,
        },
    );
    assert_eq!(report.top, "c");
    let x = &report.criteria[0];
    let found: Vec<(f64, [String; 2])> = x
        .thresholds
        .iter()
        .map(|t| (t.weight, t.pair.clone()))
        .collect();
    let expected = [(0.4, ["b", "c"]), (0.5, ["b", "a"]), (0.6, ["c", "a"])];
    assert_eq!(found.len(), 3, "{found:?}");
    for ((w, pair), (ew, epair)) in found.iter().zip(expected) {
        assert!((w - ew).abs() < 1e-12, "{w} vs {ew}");
        assert_eq!(pair, &epair.map(String::from));
    }
    assert!((x.top_stable[0] - 0.4).abs() < 1e-12 && (x.top_stable[1] - 0.6).abs() < 1e-12);
    // Most critical: 0.1 either way; the first found is the fall to 0.4 (b takes over).
    let critical = report.critical.expect("a critical change");
    assert!((critical.change.abs() - 0.1).abs() < 1e-12);
    // Nearest flip: move 0.1 from one weight to the other, L1 = 0.2.
    let flip = report.nearest_flip.expect("a flip");
    assert!((flip.distance - 0.2).abs() < 1e-12);
}

#[test]
fn the_numerical_search_agrees_with_the_exact_one_under_the_additive_model() {
    let model = small();
    let values = model.values();
    let ids: Vec<String> = model.options.iter().map(|o| o.id.to_string()).collect();
    let weights = tradeoffs::weights::of_profile(&model, &model.profiles[0]).weights;
    let problem = Problem::of(&model);
    for j in 0..4 {
        let path = Path::of(&weights, &[j], Rebalance::Proportional);
        // Pill-press controls (index 4) leads under the balanced profile.
        let exact = sweep::exact(&values, &path, &ids, 4);
        let numerical = sweep::numerical(
            &WeightedSum::default() as &dyn Method,
            &problem,
            &path,
            &ids,
            4,
        );
        assert_eq!(
            exact.thresholds.len(),
            numerical.thresholds.len(),
            "criterion {j}"
        );
        for (a, b) in exact.thresholds.iter().zip(&numerical.thresholds) {
            assert!(
                (a.weight - b.weight).abs() < 1e-6,
                "{} vs {}",
                a.weight,
                b.weight
            );
            assert_eq!(a.pair, b.pair);
        }
        for k in 0..2 {
            assert!((exact.top_stable[k] - numerical.top_stable[k]).abs() < 1e-6);
        }
    }
}

/// A deterministic stream of pseudo-random numbers in [0, 1) for generated cases.
fn lcg(state: &mut u64) -> f64 {
    *state = state
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    (*state >> 11) as f64 / (1u64 << 53) as f64
}

/// On random 3-criterion problems, the greedy nearest flip matches the best
/// point of a fine grid over the simplex (within the grid's resolution) and is
/// never beaten by it.
#[test]
fn the_nearest_flip_matches_a_brute_force_search() {
    let mut state = 42;
    let steps = 400;
    for case in 0..25 {
        let n = 4;
        let values = nalgebra::DMatrix::from_fn(n, 3, |_, _| lcg(&mut state));
        let raw = [lcg(&mut state), lcg(&mut state), lcg(&mut state)];
        let total: f64 = raw.iter().sum();
        let w: Vec<f64> = raw.iter().map(|x| x / total).collect();
        let scores = scores_at(&values, &w);
        let top = (0..n)
            .max_by(|&a, &b| scores[a].total_cmp(&scores[b]))
            .expect("options");
        let bounds = vec![(0.0, 1.0); 3];
        let greedy = nearest_flip(&values, &w, &bounds, top);
        let mut brute = f64::INFINITY;
        for a in 0..=steps {
            for b in 0..=(steps - a) {
                let v = [
                    a as f64 / steps as f64,
                    b as f64 / steps as f64,
                    (steps - a - b) as f64 / steps as f64,
                ];
                let s = scores_at(&values, &v);
                if (0..n).any(|c| c != top && s[c] >= s[top]) {
                    let d: f64 = v.iter().zip(&w).map(|(x, y)| (x - y).abs()).sum();
                    brute = brute.min(d);
                }
            }
        }
        match greedy {
            Some(flip) => {
                let s = scores_at(&values, &flip.weights);
                assert!(
                    s[flip.challenger] >= s[top] - 1e-9,
                    "case {case}: not a flip"
                );
                assert!((flip.weights.iter().sum::<f64>() - 1.0).abs() < 1e-12);
                assert!(
                    flip.distance <= brute + 1e-9,
                    "case {case}: greedy {} > grid {brute}",
                    flip.distance
                );
                assert!(
                    brute - flip.distance < 4.0 / steps as f64,
                    "case {case}: greedy {} ≪ grid {brute}",
                    flip.distance
                );
            }
            None => assert!(
                brute.is_infinite(),
                "case {case}: grid found a flip at {brute}"
            ),
        }
    }
}

#[test]
fn the_nearest_flip_respects_bounds() {
    let model = small();
    let values = model.values();
    let w = [0.4, 0.2, 0.25, 0.15];
    let bounds = [(0.3, 0.5), (0.1, 0.3), (0.2, 0.3), (0.0, 0.2)];
    if let Some(flip) = nearest_flip(&values, &w, &bounds, 4) {
        for (x, (lo, hi)) in flip.weights.iter().zip(bounds) {
            assert!(*x >= lo - 1e-12 && *x <= hi + 1e-12);
        }
    }
}
