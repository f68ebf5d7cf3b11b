//! SMAA-2: closed-form acceptabilities, sums, determinism across threads and seeds.

use tradeoffs::analysis::smaa::{self, Request, ScoreMode, SmaaReport, WeightInfo};
use tradeoffs::{MethodKind, Model, from_texts};

mod common;

use common::{crossing_model, small};

fn run(
    model: &Model,
    weights: WeightInfo,
    samples: u64,
    seed: u64,
    scores: ScoreMode,
    threads: usize,
) -> SmaaReport {
    smaa::run(
        model,
        &Request {
            profile: "test".into(),
            weights,
            method: MethodKind::Wsm,
            samples,
            seed,
            scores,
            threads: Some(threads),
            progress: false,
            ranks: None,
            pairwise: None,
        },
    )
    .expect("runs")
}

/// Two criteria with uniform weights (w, 1 − w), w ~ U(0, 1), and values
/// A = (1, 0), B = (0, 1), C = (0.6, 0.6): A scores w, B 1 − w, C 0.6.
/// By the intervals of w: [0, 0.4) B C A; (0.4, 0.5) C B A; (0.5, 0.6) C A B;
/// (0.6, 1] A C B. So b_A = (0.4, 0.1, 0.5), b_B = (0.4, 0.1, 0.5),
/// b_C = (0.2, 0.8, 0), and A's central weights are E[(w, 1 − w) | w > 0.6]
/// = (0.8, 0.2).
#[test]
fn acceptabilities_match_the_closed_form_on_two_criteria() {
    let model = crossing_model("");
    let n = 200_000;
    let r = run(
        &model,
        WeightInfo::Uniform { criteria: 2 },
        n,
        1,
        ScoreMode::Fixed,
        2,
    );
    let expected = [[0.4, 0.1, 0.5], [0.4, 0.1, 0.5], [0.2, 0.8, 0.0]];
    for (o, e) in r.options.iter().zip(expected) {
        for (rank, (b, want)) in o.acceptability.iter().zip(e).enumerate() {
            let se = (want * (1.0 - want) / n as f64).sqrt().max(1e-9);
            assert!(
                (b - want).abs() <= 4.0 * se,
                "{} rank {}: {b} vs {want}",
                o.id,
                rank + 1
            );
            assert!((o.standard_error[rank] - (b * (1.0 - b) / n as f64).sqrt()).abs() < 1e-15);
        }
    }
    let a = &r.options[0];
    // Var(w | w > 0.6) = 0.4²/12, so the standard error of the mean is ≈ 0.115/√(0.4 n).
    assert!(
        (a.central_weights["x"] - 0.8).abs() < 3e-3,
        "{:?}",
        a.central_weights
    );
    assert_eq!(
        a.confidence,
        Some(1.0),
        "with fixed scores A wins at its central weights"
    );
    // A beats B when w > 0.5: half the draws.
    let c_ab = r.pairwise_winning.get("a", "b").expect("computed");
    assert!((c_ab - 0.5).abs() < 4.0 * (0.25 / n as f64).sqrt());
    assert!(
        (r.pairwise_winning.get("c", "a").expect("computed") - 0.6).abs()
            < 4.0 * (0.24 / n as f64).sqrt()
    );
}

#[test]
fn acceptabilities_sum_to_one_per_option_and_per_rank() {
    let model = small();
    let r = run(
        &model,
        WeightInfo::Uniform { criteria: 4 },
        20_000,
        3,
        ScoreMode::Uncertain,
        2,
    );
    let n = r.options.len();
    for o in &r.options {
        assert!(
            (o.acceptability.iter().sum::<f64>() - 1.0).abs() < 1e-9,
            "{}",
            o.id
        );
    }
    for rank in 0..n {
        let total: f64 = r.options.iter().map(|o| o.acceptability[rank]).sum();
        assert!((total - 1.0).abs() < 1e-9, "rank {}", rank + 1);
    }
    for (a, b, p) in r.pairwise_winning.iter() {
        let back = r.pairwise_winning.get(b, a).expect("computed");
        assert!((p + back - 1.0).abs() < 1e-9, "{a} vs {b}");
    }
}

#[test]
fn identical_options_share_their_ranks_and_the_sums_stay_one() {
    let options = r#"
[[options]]
id = "a"
scores = { x = 5 }
[[options]]
id = "b"
scores = { x = 5 }
"#;
    let criteria =
        "[[criteria]]\nid = \"x\"\ndirection = \"benefit\"\nscale = { min = 0, max = 10 }\n";
    let model = from_texts(options, criteria).expect("valid");
    let r = run(
        &model,
        WeightInfo::Uniform { criteria: 1 },
        100,
        1,
        ScoreMode::Fixed,
        1,
    );
    assert_eq!(r.options[0].acceptability, vec![0.5, 0.5]);
    assert_eq!(r.pairwise_winning.get("a", "b"), Some(0.5));
}

#[test]
fn the_result_is_the_same_to_the_last_digit_whatever_the_thread_count() {
    let model = small();
    let info = WeightInfo::Ordinal {
        levels: vec![vec![2], vec![0, 1], vec![3]],
        criteria: 4,
    };
    let one = run(&model, info.clone(), 30_000, 9, ScoreMode::Uncertain, 1);
    let two = run(&model, info.clone(), 30_000, 9, ScoreMode::Uncertain, 2);
    let four = run(&model, info, 30_000, 9, ScoreMode::Uncertain, 4);
    assert_eq!(one, two);
    assert_eq!(one, four);
}

/// The same for weights drawn by hit-and-run: every chunk burns in its own
/// chain from the region's centre, so which thread runs it does not matter.
#[test]
fn hit_and_run_results_do_not_depend_on_the_thread_count() {
    let model = small();
    let info = WeightInfo::Bounded(vec![(0.1, 0.5), (0.0, 0.3), (0.2, 0.6), (0.0, 1.0)]);
    let one = run(&model, info.clone(), 20_000, 4, ScoreMode::Uncertain, 1);
    let three = run(&model, info, 20_000, 4, ScoreMode::Uncertain, 3);
    assert_eq!(one, three);
    assert!(one.hit_and_run.is_some());
}

#[test]
fn the_same_seed_reproduces_and_another_seed_differs() {
    let model = small();
    let info = WeightInfo::Uniform { criteria: 4 };
    let a = run(&model, info.clone(), 10_000, 5, ScoreMode::Uncertain, 2);
    let b = run(&model, info.clone(), 10_000, 5, ScoreMode::Uncertain, 2);
    let c = run(&model, info, 10_000, 6, ScoreMode::Uncertain, 2);
    assert_eq!(a, b);
    assert_ne!(a.options, c.options);
    assert_eq!(a.seed, 5);
}

#[test]
fn fixed_weights_and_fixed_scores_give_the_deterministic_ranking() {
    let model = small();
    let w = tradeoffs::weights::of_profile(&model, &model.profiles[0]).weights;
    let r = run(&model, WeightInfo::Fixed(w), 1000, 1, ScoreMode::Fixed, 2);
    // Pill-press controls ranks first, then middle layer (see tests/cli_rank.rs).
    assert_eq!(r.options[4].acceptability[0], 1.0);
    assert_eq!(r.options[2].acceptability[1], 1.0);
}

#[test]
fn bounded_weights_stay_within_their_bounds() {
    let model = small();
    let bounds = vec![(0.3, 0.5), (0.0, 1.0), (0.1, 0.3), (0.0, 1.0)];
    let r = run(
        &model,
        WeightInfo::Bounded(bounds.clone()),
        20_000,
        2,
        ScoreMode::Fixed,
        2,
    );
    for o in &r.options {
        for (w, (lo, hi)) in o.central_weights.values().zip(&bounds) {
            assert!(*w >= lo - 1e-12 && *w <= hi + 1e-12, "{}: {w}", o.id);
        }
    }
}

#[test]
fn zero_samples_and_contradictory_bounds_are_errors_and_tight_bounds_run() {
    let model = small();
    let request = |weights, samples| Request {
        profile: "t".into(),
        weights,
        method: MethodKind::Wsm,
        samples,
        seed: 1,
        scores: ScoreMode::Fixed,
        threads: Some(1),
        progress: false,
        ranks: None,
        pairwise: None,
    };
    assert!(smaa::run(&model, &request(WeightInfo::Uniform { criteria: 4 }, 0)).is_err());
    // Tight but feasible: a rejection sampler from the whole simplex would
    // almost never land here; hit-and-run samples it directly.
    let tight = vec![(0.5, 0.5001), (0.2, 0.2001), (0.2, 0.2001), (0.0, 1.0)];
    let r = smaa::run(&model, &request(WeightInfo::Bounded(tight.clone()), 5_000)).expect("runs");
    for o in &r.options {
        for (w, (lo, hi)) in o.central_weights.values().zip(&tight) {
            assert!(*w >= lo - 1e-9 && *w <= hi + 1e-9, "{}: {w}", o.id);
        }
    }
    let impossible = vec![(0.6, 0.7), (0.5, 0.6), (0.0, 1.0), (0.0, 1.0)];
    let err =
        smaa::run(&model, &request(WeightInfo::Bounded(impossible), 10)).expect_err("infeasible");
    assert!(err.to_string().contains("no weight vector"), "{err}");
}

/// A scale of ±1e308 overflows its width to infinity, so values become NaN;
/// SMAA must still finish and keep its sums, never panic (an index out of
/// bounds did, once).
#[test]
fn extreme_scales_do_not_panic() {
    let options = "[[options]]\nid = \"a\"\nscores = { x = 1e300, y = 2 }\n\
                   [[options]]\nid = \"b\"\nscores = { x = -1e300, y = 3 }\n\
                   [[options]]\nid = \"c\"\nscores = { x = 0, y = 1 }\n";
    let criteria = "[[criteria]]\nid = \"x\"\ndirection = \"benefit\"\nscale = { min = -1e308, max = 1e308 }\n\
                    [[criteria]]\nid = \"y\"\ndirection = \"cost\"\nscale = { min = 0, max = 10 }\n";
    let Ok(model) = from_texts(options, criteria) else {
        return; // rejected at the door: nothing can reach SMAA
    };
    for k in [None, Some(1)] {
        let r = smaa::run(
            &model,
            &Request {
                profile: "t".into(),
                weights: WeightInfo::Uniform { criteria: 2 },
                method: MethodKind::Wsm,
                samples: 5_000,
                seed: 3,
                scores: ScoreMode::Fixed,
                threads: Some(2),
                progress: false,
                ranks: k,
                pairwise: None,
            },
        )
        .expect("runs");
        let firsts: f64 = r.options.iter().map(|o| o.acceptability[0]).sum();
        assert!((firsts - 1.0).abs() < 1e-9, "{firsts}");
    }
}
