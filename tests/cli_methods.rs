//! `rank --method`, `compare` and `explain` through the real binary.

mod common;

use common::tradeoffs;
use serde_json::Value;

fn json(args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    let (code, out, err) = tradeoffs(&all);
    assert_eq!(code, 0, "{args:?}: {err}");
    serde_json::from_str(&out).expect("json")
}

#[test]
fn every_method_ranks_in_every_format() {
    for method in ["wsm", "wpm", "topsis", "vikor", "promethee"] {
        let v = json(&["rank", "--method", method]);
        assert_eq!(v["method"], method);
        assert_eq!(v["ranking"].as_array().expect("ranking").len(), 5);
        for format in ["table", "csv", "md"] {
            let (code, out, _) = tradeoffs(&["rank", "--method", method, "--format", format]);
            assert_eq!(code, 0);
            assert!(out.contains("Pill-press controls"), "{method} {format}");
        }
    }
    let vikor = json(&["rank", "--method", "vikor"]);
    assert!(vikor["compromise"]["set"].is_array());
    assert!(vikor["compromise"]["acceptable_advantage"].is_boolean());
    // Lower Q is better: the first-ranked option has the least score.
    let scores: Vec<f64> = vikor["ranking"]
        .as_array()
        .expect("r")
        .iter()
        .map(|r| r["score"].as_f64().expect("s"))
        .collect();
    assert!(scores.windows(2).all(|p| p[0] <= p[1]));
}

#[test]
fn dominated_options_are_marked_with_a_dominator() {
    // Pill-press controls (5, 4, 0, 2) dominates eradication (1, 1, 7, 3):
    // better on fentanyl and durability, less violence, lower cost.
    let v = json(&["rank"]);
    let eradication = v["ranking"]
        .as_array()
        .expect("r")
        .iter()
        .find(|r| r["id"] == "eradication")
        .expect("row")
        .clone();
    assert!(eradication["dominated_by"].is_string());
    let leader = &v["ranking"][0];
    assert!(leader.get("dominated_by").is_none());
}

#[test]
fn compare_methods_gives_ranks_and_correlations() {
    let v = json(&["compare", "--methods", "all"]);
    assert_eq!(v["columns"].as_array().expect("columns").len(), 5);
    assert_eq!(v["ranks"]["pill_press_controls"]["wsm"], 1);
    let correlations = v["correlations"].as_array().expect("correlations");
    assert_eq!(correlations.len(), 10, "every pair of five columns");
    for c in correlations {
        for key in ["a", "b", "kendall_tau", "spearman_rho"] {
            assert!(c.get(key).is_some(), "{key}");
        }
        let tau = c["kendall_tau"].as_f64().expect("tau");
        assert!((-1.0..=1.0).contains(&tau));
    }
    assert!(v["widest_spread"].is_array());
}

#[test]
fn compare_profiles_lists_and_all() {
    let v = json(&["compare", "--profiles", "all"]);
    assert_eq!(v["columns"].as_array().expect("columns").len(), 4);
    let v = json(&[
        "compare",
        "--profiles",
        "balanced,mexico_gov",
        "--method",
        "topsis",
    ]);
    assert_eq!(v["columns"], serde_json::json!(["balanced", "mexico_gov"]));
    let (_, md, _) = tradeoffs(&["compare", "--profiles", "all", "--format", "md"]);
    assert!(md.contains("| Option |"));
    let (_, csv, _) = tradeoffs(&["compare", "--methods", "wsm,topsis", "--format", "csv"]);
    assert!(csv.starts_with("id,name,wsm,topsis,spread"), "{csv}");
}

#[test]
fn explain_contributions_sum_exactly_to_the_difference() {
    let v = json(&["explain", "pill_press_controls", "middle_layer_targeting"]);
    let total: f64 = v["contributions"]
        .as_array()
        .expect("c")
        .iter()
        .map(|c| c["contribution"].as_f64().expect("n"))
        .sum();
    let difference = v["difference"].as_f64().expect("difference");
    assert!(
        (total - difference).abs() < 1e-12,
        "{total} vs {difference}"
    );
    // 0.65 − 0.565 (see tests/cli_rank.rs).
    assert!((difference - 0.085).abs() < 1e-12);
    let reversal = &v["reversal"];
    assert!(reversal["criterion"].is_string() && reversal["weight"].is_number());
    assert!(
        v["summary"]
            .as_str()
            .expect("summary")
            .contains("gains most on")
    );
    // Sorted by size.
    let sizes: Vec<f64> = v["contributions"]
        .as_array()
        .expect("c")
        .iter()
        .map(|c| c["contribution"].as_f64().expect("n").abs())
        .collect();
    assert!(sizes.windows(2).all(|p| p[0] >= p[1]));
}

#[test]
fn explain_reversal_really_reverses_the_pair() {
    let v = json(&["explain", "pill_press_controls", "middle_layer_targeting"]);
    let criterion = v["reversal"]["criterion"]
        .as_str()
        .expect("criterion")
        .to_string();
    let t = v["reversal"]["weight"].as_f64().expect("weight");
    let sens = json(&["sensitivity", "--criterion", &criterion, "--all"]);
    let found = sens["criteria"][0]["thresholds"]
        .as_array()
        .expect("thresholds")
        .iter()
        .any(|th| (th["weight"].as_f64().expect("w") - t).abs() < 1e-12);
    assert!(found, "the sweep of {criterion} has a swap at {t}");
}

#[test]
fn explain_under_other_methods_shows_their_quantities() {
    let v = json(&[
        "explain",
        "pill_press_controls",
        "eradication",
        "--method",
        "topsis",
    ]);
    let symbols: Vec<&str> = v["steps"]
        .as_array()
        .expect("steps")
        .iter()
        .map(|s| s["symbol"].as_str().expect("s"))
        .collect();
    assert!(
        symbols.contains(&"D+") && symbols.contains(&"D-"),
        "{symbols:?}"
    );
    assert_eq!(v["dominates"], "pill_press_controls");
}

#[test]
fn bad_command_lines_are_usage_errors_with_suggestions() {
    for (args, message) in [
        (
            &["explain", "pill_press", "eradication"][..],
            "unknown option `pill_press`; did you mean `pill_press_controls`?",
        ),
        (
            &["explain", "eradication", "eradication"][..],
            "two different options",
        ),
        (
            &["rank", "--method", "topsys"][..],
            "did you mean `topsis`?",
        ),
        (
            &["rank", "--method", "vikor", "--vikor-v", "1.5"][..],
            "--vikor-v must be between 0 and 1",
        ),
        (
            &["rank", "--normalization", "minmx"][..],
            "did you mean `minmax`?",
        ),
        (
            &["compare", "--profiles", "balanced,nobody"][..],
            "unknown profile `nobody`",
        ),
        (&["compare", "--methods", "wsm"][..], "at least two methods"),
    ] {
        let (code, _, err) = tradeoffs(args);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(err.contains(message), "{args:?}: {err}");
    }
}

#[test]
fn promethee_compares_raw_scores_whatever_the_normalization() {
    // Its thresholds are in score units, so a normalization cannot change
    // the flows; the output says so instead of silently ignoring the flag.
    let plain = json(&["rank", "--method", "promethee"]);
    for normalization in ["minmax", "vector", "max", "sum"] {
        let v = json(&[
            "rank",
            "--method",
            "promethee",
            "--normalization",
            normalization,
        ]);
        assert_eq!(v["ranking"], plain["ranking"], "{normalization}");
        let notes = v["notes"].as_array().expect("notes");
        assert!(
            notes
                .iter()
                .any(|n| n.as_str().is_some_and(|n| n.contains("does not change it"))),
            "{normalization}: {notes:?}"
        );
    }
}
