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
        "criteria",
        "groups",
        "critical",
        "nearest_flip",
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
        assert!(v["critical"].get(key).is_some(), "critical.{key}");
    }
    let flip = &v["nearest_flip"];
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
