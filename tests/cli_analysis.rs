//! `tradeoffs sensitivity` and `tradeoffs smaa` through the real binary.

mod common;

use common::tradeoffs;
use serde_json::Value;

#[test]
fn sensitivity_json_has_the_documented_shape() {
    let (code, out, err) = tradeoffs(&["sensitivity", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).expect("json");
    for key in [
        "model",
        "profile",
        "method",
        "rebalance",
        "summary",
        "criteria",
        "groups",
    ] {
        assert!(v.get(key).is_some(), "missing {key}");
    }
    assert_eq!(v["rebalance"], "proportional");
    let c = &v["criteria"][0];
    assert_eq!(c["id"], "fentanyl_flow");
    assert!((c["weight"].as_f64().expect("weight") - 0.4).abs() < 1e-12);
    assert_eq!(c["top_stable"].as_array().expect("interval").len(), 2);
    let t = &c["thresholds"][0];
    assert!(t["weight"].is_number() && t["pair"].as_array().expect("pair").len() == 2);
    for key in [
        "criterion",
        "weight",
        "change",
        "relative_change",
        "new_top",
    ] {
        assert!(
            v["summary"]["critical"].get(key).is_some(),
            "critical.{key}"
        );
    }
    let flip = &v["summary"]["nearest_flip"];
    let total: f64 = flip["weights"]
        .as_object()
        .expect("weights")
        .values()
        .map(|w| w.as_f64().expect("w"))
        .sum();
    assert!((total - 1.0).abs() < 1e-12);
    assert_ne!(flip["new_top"], v["top"]);
    assert_eq!(v["groups"].as_array().expect("groups").len(), 2);
}

#[test]
fn sensitivity_for_one_criterion_and_the_equal_rule() {
    let (code, out, _) = tradeoffs(&[
        "sensitivity",
        "--criterion",
        "violence",
        "--rebalance",
        "equal",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0);
    let v: Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["rebalance"], "equal");
    assert_eq!(v["criteria"].as_array().expect("criteria").len(), 1);
    assert_eq!(v["criteria"][0]["id"], "violence");
    let (code, _, err) = tradeoffs(&["sensitivity", "--criterion", "violense"]);
    assert_eq!(code, 2);
    assert!(err.contains("did you mean `violence`?"), "{err}");
}

#[test]
fn sensitivity_text_states_the_rebalancing_rule() {
    let (code, out, _) = tradeoffs(&["sensitivity"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("in proportion to their current values"),
        "{out}"
    );
    assert!(out.contains("Thresholds are exact"));
}

#[test]
fn smaa_json_echoes_the_seed_and_has_the_documented_shape() {
    let (code, out, err) = tradeoffs(&[
        "smaa",
        "--samples",
        "5000",
        "--seed",
        "7",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["seed"], 7);
    assert_eq!(v["samples"], 5000);
    for key in ["model", "profile", "method", "options", "pairwise_winning"] {
        assert!(v.get(key).is_some(), "missing {key}");
    }
    let o = &v["options"][0];
    assert_eq!(
        o["acceptability"].as_array().expect("acceptability").len(),
        5
    );
    assert!(o.get("central_weights").is_some() && o.get("confidence").is_some());
    let (_, again, _) = tradeoffs(&[
        "smaa",
        "--samples",
        "5000",
        "--seed",
        "7",
        "--format",
        "json",
        "--threads",
        "1",
    ]);
    assert_eq!(out, again, "same seed, other thread count, same output");
}

#[test]
fn smaa_runs_for_every_kind_of_weight_information() {
    for args in [
        &["smaa", "-n", "2000", "--profiles", "all"][..],
        &["smaa", "-n", "2000", "--profile", "public_health"][..],
        &[
            "smaa",
            "-n",
            "2000",
            "--profile",
            "balanced",
            "--spread",
            "0.2",
        ][..],
        &[
            "smaa",
            "-n",
            "2000",
            "--profile",
            "mexico_gov",
            "--scores",
            "fixed",
        ][..],
    ] {
        let (code, out, err) = tradeoffs(args);
        assert_eq!(code, 0, "{args:?}: {err}");
        assert!(out.contains("Rank 1"), "{out}");
    }
}

#[test]
fn smaa_refuses_bad_flags_with_exit_2() {
    for (args, message) in [
        (
            &["smaa", "--samples", "0"][..],
            "--samples must be at least 1",
        ),
        (
            &["smaa", "--profile", "balanced", "--spread", "-0.5"][..],
            "--spread must be a non-negative number",
        ),
        (
            &["smaa", "--weights", "any", "--spread", "0.2"][..],
            "--spread varies a profile's weights",
        ),
        (
            &["smaa", "--profiles", "some"][..],
            "--profiles takes `all`",
        ),
        (
            &["smaa", "--profile", "balancd"][..],
            "did you mean `balanced`?",
        ),
    ] {
        let (code, _, err) = tradeoffs(args);
        assert_eq!(code, 2, "{args:?}");
        assert!(err.contains(message), "{args:?}: {err}");
    }
}

/// The ranks of one column, in the order of the rows.
fn column(json: &serde_json::Value, label: &str) -> Vec<u64> {
    json["ranks"]
        .as_object()
        .expect("ranks")
        .values()
        .map(|r| r[label].as_u64().expect("a rank"))
        .collect()
}

#[test]
fn compare_sorts_rows_by_the_first_or_the_chosen_column() {
    let (code, out, err) = common::tradeoffs(&["compare", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(json["sorted_by"], "wsm");
    let wsm = column(&json, "wsm");
    assert!(wsm.windows(2).all(|w| w[0] <= w[1]), "{wsm:?}");
    let (code, out, _) = common::tradeoffs(&["compare", "--sort", "topsis", "--format", "json"]);
    assert_eq!(code, 0);
    let json: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    let topsis = column(&json, "topsis");
    assert!(topsis.windows(2).all(|w| w[0] <= w[1]), "{topsis:?}");
    let (code, _, err) = common::tradeoffs(&["compare", "--sort", "nope"]);
    assert_eq!(code, 2);
    assert!(err.contains("--sort `nope`"), "{err}");
}

#[test]
fn compare_names_profiles_and_explains_a_weighted_product_veto() {
    let (code, out, err) = common::tradeoffs(&["compare", "--profiles", "all"]);
    assert_eq!(code, 0, "{err}");
    let model = common::small();
    for p in &model.profiles {
        assert!(
            out.contains(p.name.split(' ').next().unwrap_or("")),
            "{out}"
        );
    }
    // Every veto compare reports names an option and a criterion with a zero value.
    let (_, out, _) = common::tradeoffs(&["compare", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    let values = model.values();
    // The default profile weighs every criterion, so every option with a zero value is vetoed.
    let zero = (0..values.nrows())
        .filter(|&i| (0..values.ncols()).any(|j| values[(i, j)] == 0.0))
        .count();
    let reported = json["vetoes"].as_array().map_or(0, Vec::len);
    assert_eq!(reported, zero, "{out}");
    for v in json["vetoes"].as_array().into_iter().flatten() {
        let i = model
            .option_index(v["option"].as_str().expect("id"))
            .expect("option");
        for c in v["criteria"].as_array().expect("criteria") {
            let j = model
                .criteria
                .iter()
                .position(|k| k.id.as_str() == c.as_str().expect("id"))
                .expect("criterion");
            assert_eq!(values[(i, j)], 0.0);
        }
    }
}
