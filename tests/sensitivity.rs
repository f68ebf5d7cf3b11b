//! Sensitivity analysis: thresholds verified by re-ranking on either side,
//! hand-derived cases (Triantaphyllou & Sanchez's most critical criterion
//! with the arithmetic shown), ties at the top, the numerical search against
//! the exact one, the nearest flip against a brute-force search, the bounded
//! summary against the full analysis, and the default output on the
//! built-in model.

use proptest::prelude::*;
use tradeoffs::MethodKind;
use tradeoffs::analysis::sensitivity::{
    Engine, Path, Rebalance, Request, Scope, SensitivityReport, analyse, nearest_flip, summary,
};
use tradeoffs::methods::{Method, Problem, WeightedSum};

mod common;

use common::{crossing_model, small};

fn scores_at(values: &nalgebra::DMatrix<f64>, w: &[f64]) -> Vec<f64> {
    (0..values.nrows())
        .map(|i| (0..values.ncols()).map(|j| values[(i, j)] * w[j]).sum())
        .collect()
}

/// A model of benefit criteria on 0–10 from rows of scores and one profile.
fn model_of(rows: &[Vec<u32>], weights: &[u32]) -> tradeoffs::Model {
    let m = weights.len();
    let mut options = String::new();
    for (i, row) in rows.iter().enumerate() {
        let scores: Vec<String> = row
            .iter()
            .enumerate()
            .map(|(j, s)| format!("c{j} = {s}"))
            .collect();
        options.push_str(&format!(
            "[[options]]\nid = \"o{i}\"\nscores = {{ {} }}\n",
            scores.join(", ")
        ));
    }
    let mut criteria = String::new();
    for j in 0..m {
        criteria.push_str(&format!(
            "[[criteria]]\nid = \"c{j}\"\ndirection = \"benefit\"\nscale = {{ min = 0, max = 10 }}\n"
        ));
    }
    let ws: Vec<String> = weights
        .iter()
        .enumerate()
        .map(|(j, w)| format!("c{j} = {w}"))
        .collect();
    criteria.push_str(&format!(
        "[profiles.p]\nweights = {{ {} }}\n",
        ws.join(", ")
    ));
    tradeoffs::from_texts(&options, &criteria).expect("valid")
}

fn profile_weights(model: &tradeoffs::Model) -> Vec<f64> {
    tradeoffs::weights::of_profile(model, &model.profiles[0]).weights
}

fn full(model: &tradeoffs::Model, weights: &[f64], rebalance: Rebalance) -> SensitivityReport {
    let mut request = Request::of_profile("p", weights, vec![(0.0, 1.0); weights.len()]);
    request.rebalance = rebalance;
    request.all = true;
    analyse(model, &request)
}

#[test]
fn every_threshold_really_swaps_its_pair_for_its_place_just_either_side() {
    let model = small();
    let values = model.values();
    let weights = profile_weights(&model);
    let engine = Engine::Exact { values: &values };
    let eps = 1e-7;
    let mut checked = 0;
    for rule in [Rebalance::Proportional, Rebalance::Equal] {
        let sets: Vec<Vec<usize>> = (0..4)
            .map(|j| vec![j])
            .chain([vec![0, 1], vec![2, 3]])
            .collect();
        for set in sets {
            let path = Path::of(&weights, &set, rule);
            for t in engine.sweep(&path, 0, Some(Scope::All)).crossings {
                let (a, b) = (t.ahead, t.behind);
                let before = scores_at(&values, &path.at(t.t - eps));
                let after = scores_at(&values, &path.at(t.t + eps));
                assert!(
                    before[a] > before[b],
                    "{rule:?} {set:?}: {a} not ahead below {}",
                    t.t
                );
                assert!(
                    after[b] > after[a],
                    "{rule:?} {set:?}: {b} not ahead above {}",
                    t.t
                );
                // The place: b takes it just after, a held it just before.
                let place = |s: &[f64], o: usize| 1 + s.iter().filter(|&&x| x > s[o]).count();
                assert_eq!(place(&before, a), t.place, "{rule:?} {set:?} at {}", t.t);
                assert_eq!(place(&after, b), t.place, "{rule:?} {set:?} at {}", t.t);
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
///
/// With w_y = 0.5 held fixed and w_x = 0.5 + δ: A = 0.5 + δ and C = 0.6 +
/// 0.6·δ, so A catches C at δ = 0.1/0.4 = +0.25 (weight 0.75; rescaled,
/// 0.75/1.25 = 0.6, the sweep's threshold); B = 0.5 catches C at
/// δ = −0.1/0.6 = −1/6 (weight 1/3; rescaled, (1/3)/(5/6) = 0.4). The
/// smaller is −1/6, relative −33.3 %.
#[test]
fn a_hand_derived_case_has_exact_thresholds() {
    let model = crossing_model("[profiles.even]\nweights = { x = 1, y = 1 }\n");
    let report = full(&model, &[0.5, 0.5], Rebalance::Proportional);
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
    let critical = report.summary.critical.expect("a critical change");
    assert_eq!(critical.criterion, "x");
    assert!((critical.change + 1.0 / 6.0).abs() < 1e-12, "{critical:?}");
    assert!((critical.new_weight - 1.0 / 3.0).abs() < 1e-12);
    assert!((critical.renormalized_weight - 0.4).abs() < 1e-12);
    assert!((critical.relative_change.expect("w > 0") + 100.0 / 3.0).abs() < 1e-9);
    assert_eq!(critical.new_top, "b");
    // Along the proportional sweep the change is 0.1 either way.
    let along = report.summary.along_sweep.expect("a sweep change");
    assert!((along.change.abs() - 0.1).abs() < 1e-12);
    // Nearest flip: move 0.1 from one weight to the other, L1 = 0.2.
    let flip = report.summary.nearest_flip.expect("a flip");
    assert!((flip.distance - 0.2).abs() < 1e-12);
    assert_eq!(flip.moves.len(), 2);
}

/// Triantaphyllou & Sanchez (1997), Theorem 1, worked by hand on three
/// benefit criteria (values = score/10) at weights w = (0.5, 0.3, 0.2):
///
/// ```text
///        c0   c1   c2     P = Σ w·v
///   a   0.9  0.2  0.5     0.45 + 0.06 + 0.10 = 0.61
///   b   0.4  0.8  0.6     0.20 + 0.24 + 0.12 = 0.56
///   c   0.6  0.6  0.3     0.30 + 0.18 + 0.06 = 0.54
/// ```
///
/// δ_j(a, b) = −(P_a − P_b)/(v_aj − v_bj), feasible when w_j + δ ≥ 0:
///
/// ```text
///   a,b: gap 0.05, d = (0.5, −0.6, −0.1)  δ = (−0.1, +0.0833, +0.5)
///        relative 100·δ/w = (−20 %, +27.8 %, +250 %)
///   a,c: gap 0.07, d = (0.3, −0.4, 0.2)   δ = (−0.2333, +0.175, −0.35 ✗: 0.2 − 0.35 < 0)
///        relative (−46.7 %, +58.3 %, –)
///   b,c: gap 0.02, d = (−0.2, 0.2, 0.3)   δ = (+0.1, −0.1, −0.0667)
/// ```
///
/// For the top: absolute, c1 by +0.0833 (b overtakes a); check: with
/// w1 = 0.38333, P_a = 0.45 + 0.0767 + 0.10 = 0.6267 = P_b = 0.20 + 0.3067 +
/// 0.12. Relative: c0 by −20 % (w0 0.5 → 0.4; b overtakes). Any pair:
/// c2 by −0.0667 (c overtakes b). Rescaled to sum to 1, w1 = 0.38333 is
/// 0.38333/1.08333 = 0.35385.
#[test]
fn the_most_critical_criterion_matches_triantaphyllou_and_sanchez_by_hand() {
    let model = model_of(&[vec![9, 2, 5], vec![4, 8, 6], vec![6, 6, 3]], &[5, 3, 2]);
    let w = profile_weights(&model);
    let report = analyse(&model, &Request::of_profile("p", &w, vec![(0.0, 1.0); 3]));
    let s = &report.summary;
    assert!((s.score - 0.61).abs() < 1e-12 && (s.margin - 0.05).abs() < 1e-12);
    let a = s.critical.as_ref().expect("absolute");
    assert_eq!((a.criterion.as_str(), a.new_top.as_str()), ("c1", "o1"));
    assert!((a.change - 0.05 / 0.6).abs() < 1e-12, "{a:?}");
    assert!((a.new_weight - (0.3 + 0.05 / 0.6)).abs() < 1e-12);
    assert!((a.renormalized_weight - (0.3 + 0.05 / 0.6) / (1.0 + 0.05 / 0.6)).abs() < 1e-12);
    assert!((a.relative_change.expect("rel") - 100.0 * (0.05 / 0.6) / 0.3).abs() < 1e-9);
    let r = s.critical_relative.as_ref().expect("relative");
    assert_eq!((r.criterion.as_str(), r.new_top.as_str()), ("c0", "o1"));
    assert!(
        (r.change + 0.1).abs() < 1e-12 && (r.relative_change.expect("rel") + 20.0).abs() < 1e-9
    );
    let any = s.critical_any_pair.as_ref().expect("any pair");
    assert_eq!(
        (
            any.criterion.as_str(),
            any.new_top.as_str(),
            any.displaced.as_str()
        ),
        ("c2", "o2", "o1")
    );
    assert!((any.change + 0.02 / 0.3).abs() < 1e-12);
    // Pairs: (a, b) by c1, (b, c) by c2.
    assert_eq!(report.pairs.len(), 2);
    let pair = |k: usize| {
        report.pairs[k]
            .critical
            .as_ref()
            .expect("pair")
            .criterion
            .clone()
    };
    assert_eq!((pair(0), pair(1)), ("c1".to_string(), "c2".to_string()));
    // Under every other method the same definition is found numerically.
    let mut numerical = Request::of_profile("p", &w, vec![(0.0, 1.0); 3]);
    numerical.method = MethodKind::Wpm;
    let wpm = analyse(&model, &numerical).summary;
    assert!(wpm.critical.is_some());
}

/// x = (6, 6, 10) and y = (6, 9, 9) under weights 1:1:3 both score
/// 0.2·0.6 + 0.2·0.6 + 0.6·1.0 = 0.84 = 0.2·0.6 + 0.2·0.9 + 0.6·0.9: a tie
/// at the top, whatever the last bit of the arithmetic says.
#[test]
fn a_tie_at_the_top_is_reported_as_a_tie() {
    for rows in [
        vec![vec![6, 6, 10], vec![6, 9, 9], vec![2, 2, 2]],
        vec![vec![6, 9, 9], vec![6, 6, 10], vec![2, 2, 2]],
    ] {
        let model = model_of(&rows, &[1, 1, 3]);
        let w = profile_weights(&model);
        for rule in [Rebalance::Proportional, Rebalance::Equal] {
            let report = full(&model, &w, rule);
            let s = &report.summary;
            assert_eq!(s.tied, vec!["o0".to_string(), "o1".to_string()]);
            assert_eq!(s.margin.to_bits(), 0, "margin {}", s.margin);
            let c = s.critical.as_ref().expect("never null at a tie");
            assert_eq!(c.change.to_bits(), 0, "change {}", c.change);
            assert_eq!(c.new_top, "o1");
            // They differ most on c1 (0.6 against 0.9).
            assert_eq!(c.criterion, "c1");
            for st in &s.stability {
                assert!(st.from <= st.weight && st.weight <= st.to, "{st:?}");
            }
            let json = serde_json::to_string(&report).expect("json");
            assert!(!json.contains("-0.0") && !json.contains("e-1"), "{json}");
            let text = tradeoffs::Render::render(&report, tradeoffs::Format::Table);
            assert!(text.contains("tie for first"), "{text}");
        }
    }
}

#[test]
fn the_numerical_search_agrees_with_the_exact_one_under_the_additive_model() {
    let model = small();
    let values = model.values();
    let weights = profile_weights(&model);
    let problem = Problem::of(&model);
    let method = WeightedSum::default();
    let exact = Engine::Exact { values: &values };
    let numerical = Engine::Numerical {
        method: &method as &dyn Method,
        problem: &problem,
    };
    for scope in [Scope::Top(2), Scope::All] {
        for j in 0..4 {
            let path = Path::of(&weights, &[j], Rebalance::Proportional);
            // Pill-press controls (index 4) leads under the balanced profile.
            let a = exact.sweep(&path, 4, Some(scope));
            let b = numerical.sweep(&path, 4, Some(scope));
            assert_eq!(
                a.crossings.len(),
                b.crossings.len(),
                "criterion {j}: {:?} {:?}",
                a.crossings,
                b.crossings
            );
            for (x, y) in a.crossings.iter().zip(&b.crossings) {
                assert!((x.t - y.t).abs() < 1e-6, "{} vs {}", x.t, y.t);
                assert_eq!((x.ahead, x.behind), (y.ahead, y.behind));
                if scope != Scope::All {
                    assert_eq!(x.place, y.place);
                }
            }
            for (x, y) in a.edges.iter().zip(&b.edges) {
                match (x, y) {
                    (Some(x), Some(y)) => {
                        assert!((x.t - y.t).abs() < 1e-6);
                        assert_eq!(x.overtaker, y.overtaker);
                    }
                    (None, None) => {}
                    _ => panic!("criterion {j}: {x:?} vs {y:?}"),
                }
            }
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
                assert!(flip.distance <= brute + 1e-9, "case {case}");
                assert!(brute - flip.distance < 4.0 / steps as f64, "case {case}");
            }
            None => assert!(brute.is_infinite(), "case {case}: grid found {brute}"),
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
    // Weights outside their own bounds give no flip rather than one outside them.
    let outside = summary(&model, "p", &[0.7, 0.1, 0.1, 0.1], vec![(0.0, 0.5); 4]);
    assert!(outside.nearest_flip.is_none());
}

/// The options' lines cross at most once per pair, so the most critical
/// change for the top, by Triantaphyllou & Sanchez's definition, can be
/// found directly over every pair and criterion; the bounded summary must
/// agree with it, and with the full analysis.
fn independent_critical(model: &tradeoffs::Model, w: &[f64]) -> Option<(f64, usize)> {
    let v = model.values();
    let p = scores_at(&v, w);
    let top = (0..p.len())
        .max_by(|&a, &b| p[a].total_cmp(&p[b]).then(b.cmp(&a)))
        .expect("options");
    let mut best: Option<(f64, usize)> = None;
    for b in 0..p.len() {
        for j in 0..w.len() {
            let d = v[(top, j)] - v[(b, j)];
            if b == top || d.abs() < 1e-15 {
                continue;
            }
            let gap = p[top] - p[b];
            let gap = if gap.abs() <= 1e-9 { 0.0 } else { gap };
            let delta = -gap / d;
            if w[j] + delta >= -1e-9 && best.is_none_or(|(x, _)| delta.abs() < x.abs() - 1e-12) {
                best = Some((delta, j));
            }
        }
    }
    best
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn the_summary_states_the_full_analysis_critical_change_and_nearest_flip(
        n in 2usize..9,
        m in 2usize..5,
        cells in proptest::collection::vec(0u32..=10, 40),
        ws in proptest::collection::vec(1u32..10, 4),
    ) {
        let rows: Vec<Vec<u32>> = (0..n).map(|i| (0..m).map(|j| cells[(i * m + j) % cells.len()]).collect()).collect();
        let model = model_of(&rows, &ws[..m]);
        let w = profile_weights(&model);
        let short = summary(&model, "p", &w, vec![(0.0, 1.0); m]);
        let whole = full(&model, &w, Rebalance::Proportional);
        prop_assert_eq!(&short.critical, &whole.summary.critical);
        prop_assert_eq!(&short.critical_relative, &whole.summary.critical_relative);
        prop_assert_eq!(&short.nearest_flip, &whole.summary.nearest_flip);
        prop_assert_eq!(&short.stability, &whole.summary.stability);
        if short.tied.is_empty() {
            let mine = independent_critical(&model, &w);
            match (&short.critical, mine) {
                (Some(c), Some((delta, _))) => prop_assert!((c.change.abs() - delta.abs()).abs() < 1e-9, "{} vs {}", c.change, delta),
                (None, None) => {}
                (a, b) => prop_assert!(false, "{:?} vs {:?}", a, b),
            }
            // The sweep's soonest change is the nearest listed swap that involves the top.
            let nearest = whole.criteria.iter().flat_map(|c| {
                let top = whole.top.clone();
                c.thresholds.iter().filter(move |t| t.pair.contains(&top) && t.place == Some(1)).map(move |t| (t.weight - c.weight).abs())
            }).fold(f64::INFINITY, f64::min);
            match &short.along_sweep {
                Some(a) => prop_assert!((a.change.abs() - nearest).abs() < 1e-9),
                None => prop_assert!(nearest.is_infinite()),
            }
        }
    }
}

/// A generated model: `n` options, `m` benefit criteria, scores 0–10 with
/// one decimal, equal weights.
fn generated(n: usize, m: usize, seed: u64) -> tradeoffs::Model {
    let mut state = seed;
    let rows: Vec<Vec<u32>> = (0..n)
        .map(|_| (0..m).map(|_| (lcg(&mut state) * 11.0) as u32).collect())
        .collect();
    model_of(&rows, &vec![1; m])
}

#[test]
fn the_json_of_a_3000_option_model_stays_small() {
    let model = generated(3000, 12, 9);
    let w = profile_weights(&model);
    let report = analyse(&model, &Request::of_profile("p", &w, vec![(0.0, 1.0); 12]));
    let json = serde_json::to_string(&report).expect("json");
    assert!(json.len() < 3_000_000, "{} bytes", json.len());
    // It leads with the answer.
    let summary_at = json.find("\"summary\"").expect("summary");
    let criteria_at = json.find("\"criteria\"").expect("criteria");
    assert!(summary_at < criteria_at);
    for c in &report.criteria {
        assert!(c.thresholds.iter().all(|t| t.place.is_some_and(|p| p <= 3)));
    }
}

#[test]
fn the_default_output_on_the_built_in_model_leads_with_the_answer() {
    let out = assert_cmd::Command::cargo_bin("tradeoffs")
        .expect("binary")
        .args(["sensitivity"])
        .output()
        .expect("runs");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("utf-8");
    let lines = text.lines().count();
    assert!(lines <= 60, "{lines} lines");
    // The first paragraph after the heading names the leader and its margin.
    let answer = text.split("\n\n").nth(1).expect("a paragraph");
    assert!(
        answer.contains(" is first with ") && answer.contains(" ahead of "),
        "{text}"
    );
    assert!(text.contains("(less is better)") && !text.contains("displacement"));
    insta::assert_snapshot!(text);
}

/// The numerical search for the most critical criterion (on the
/// proportional sweep, `δ = (t − w)/(1 − t)`) finds the closed form's
/// answer when the method is the additive one.
#[test]
fn the_numerical_critical_change_matches_the_closed_form() {
    let model = model_of(&[vec![9, 2, 5], vec![4, 8, 6], vec![6, 6, 3]], &[5, 3, 2]);
    let w = profile_weights(&model);
    let values = model.values();
    let scores = scores_at(&values, &w);
    let problem = Problem::of(&model);
    let method = WeightedSum::default();
    let pairs = [(0, 1), (1, 2)];
    let mut found = vec![];
    for engine in [
        Engine::Exact { values: &values },
        Engine::Numerical {
            method: &method as &dyn Method,
            problem: &problem,
        },
    ] {
        let mut out = tradeoffs::analysis::sensitivity::Criticals {
            top: (None, None),
            pairs: vec![(None, None); 2],
        };
        for j in 0..3 {
            engine.add_critical(&mut out, &w, &scores, 0, &pairs, j, None);
        }
        found.push(out);
    }
    let (exact, numerical) = (&found[0], &found[1]);
    let same = |a: Option<tradeoffs::analysis::sensitivity::critical::Change>,
                b: Option<tradeoffs::analysis::sensitivity::critical::Change>| {
        let (a, b) = (a.expect("exact"), b.expect("numerical"));
        assert_eq!((a.criterion, a.overtaker), (b.criterion, b.overtaker));
        assert!(
            (a.delta - b.delta).abs() < 1e-6,
            "{} vs {}",
            a.delta,
            b.delta
        );
    };
    same(exact.top.0, numerical.top.0);
    same(exact.top.1, numerical.top.1);
    for k in 0..2 {
        same(exact.pairs[k].0, numerical.pairs[k].0);
    }
}

/// Under `--rebalance equal` the figure named after Triantaphyllou &
/// Sanchez is still their change with the others held fixed; the sweep's
/// own figure is reported apart, under the rule's name.
#[test]
fn the_equal_rule_keeps_their_name_off_its_own_figure() {
    let (code, out, _) = common::tradeoffs(&["sensitivity", "--rebalance", "equal"]);
    assert_eq!(code, 0);
    for paragraph in out.split("\n\n") {
        let words = paragraph.split_whitespace().collect::<Vec<_>>().join(" ");
        if words.contains("Triantaphyllou") {
            assert!(words.contains("every other weight held fixed"), "{words}");
        }
    }
    assert!(
        out.contains("Along the sweep (the change split equally among the others)"),
        "{out}"
    );
    let (_, json, _) =
        common::tradeoffs(&["sensitivity", "--rebalance", "equal", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json).expect("json");
    let c = &v["summary"]["critical"];
    let w = c["weight"].as_f64().expect("w");
    let d = c["change"].as_f64().expect("δ");
    assert!((c["new_weight"].as_f64().expect("new") - (w + d)).abs() < 1e-12);
    assert!(v["summary"]["along_sweep"]["change"].is_number());
}

/// PROMETHEE II's net flow is linear in the weights (Mareschal 1988), so its
/// exact sweep, from the per-criterion net flows, must find the crossings
/// and edges that the grid search finds by re-evaluating the method.
#[test]
fn promethee_thresholds_from_criterion_flows_match_the_numerical_search() {
    use tradeoffs::methods::{Promethee, criterion_flows};
    for model in [small(), generated(40, 5, 7)] {
        let weights = profile_weights(&model);
        let problem = Problem::of(&model);
        let method = Promethee::default();
        let flows = criterion_flows(&problem);
        // The net flow is the weighted sum of the per-criterion flows.
        let net = method.evaluate(&problem, &weights).scores;
        for (a, b) in scores_at(&flows, &weights).iter().zip(&net) {
            assert!((a - b).abs() < 1e-12, "{a} vs {b}");
        }
        let top = (0..net.len())
            .max_by(|&a, &b| net[a].total_cmp(&net[b]).then(b.cmp(&a)))
            .expect("options");
        let exact = Engine::Exact { values: &flows };
        let numerical = Engine::Numerical {
            method: &method as &dyn Method,
            problem: &problem,
        };
        let mut seen = 0;
        for j in 0..model.criteria.len() {
            let path = Path::of(&weights, &[j], Rebalance::Proportional);
            let a = exact.sweep(&path, top, Some(Scope::Top(3)));
            let b = numerical.sweep(&path, top, Some(Scope::Top(3)));
            assert_eq!(a.crossings.len(), b.crossings.len(), "criterion {j}");
            for (x, y) in a.crossings.iter().zip(&b.crossings) {
                assert!((x.t - y.t).abs() < 1e-6, "{} vs {}", x.t, y.t);
                assert_eq!((x.ahead, x.behind, x.place), (y.ahead, y.behind, y.place));
                seen += 1;
            }
            for (x, y) in a.edges.iter().zip(&b.edges) {
                match (x, y) {
                    (Some(x), Some(y)) => {
                        assert!((x.t - y.t).abs() < 1e-6);
                        assert_eq!(x.overtaker, y.overtaker);
                    }
                    (None, None) => {}
                    _ => panic!("criterion {j}: {x:?} vs {y:?}"),
                }
            }
        }
        assert!(seen > 0, "the sweeps should cross somewhere");
    }
    // And the analysis uses it: its thresholds are exact, with a nearest flip.
    let model = small();
    let weights = profile_weights(&model);
    let mut request = Request::of_profile("p", &weights, vec![(0.0, 1.0); weights.len()]);
    request.method = MethodKind::Promethee;
    let report = analyse(&model, &request);
    assert!(report.exact);
    assert!(report.summary.nearest_flip.is_some());
}
