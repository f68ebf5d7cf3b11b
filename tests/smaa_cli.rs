//! `tradeoffs smaa` as a reader meets it: the weights it varies, stated in one
//! line; the answer first; central weights and pairwise indices in tables;
//! a profile's ranking, bounds and ratios respected together.

mod common;

use common::{crossing_model, tradeoffs};
use serde_json::Value;
use tradeoffs::analysis::smaa::{self, Request, ScoreMode, weights::from_profile};

#[test]
fn with_no_flags_smaa_varies_the_default_profile_and_says_how() {
    let (code, out, err) = tradeoffs(&["smaa", "-n", "4000"]);
    assert_eq!(code, 0, "{err}");
    // The paragraph that starts with "Weights:", its wrapped lines joined.
    let weights_line = out
        .split("\n\n")
        .find(|p| p.starts_with("Weights:"))
        .expect("a weights paragraph")
        .replace('\n', " ");
    assert!(
        weights_line.contains("profile “Balanced analyst”") && weights_line.contains("±25%"),
        "{weights_line}"
    );
    // The answer leads: the sentence naming the leader comes before any table.
    let leader = out.find("ranks first in").expect("a leading sentence");
    assert!(leader < out.find('┌').expect("a table"), "{out}");
    let (_, any, _) = tradeoffs(&["smaa", "-n", "4000", "--weights", "any"]);
    assert!(any.contains("no preference information"), "{any}");
}

#[test]
fn the_default_run_agrees_with_rank_about_the_leader() {
    let (_, rank, _) = tradeoffs(&["rank", "--format", "json"]);
    let rank: Value = serde_json::from_str(&rank).expect("json");
    let top = rank["ranking"][0]["id"]
        .as_str()
        .or_else(|| rank["options"][0]["id"].as_str())
        .expect("a top option")
        .to_string();
    let (_, out, _) = tradeoffs(&["smaa", "-n", "4000", "--format", "json"]);
    let v: Value = serde_json::from_str(&out).expect("json");
    let best = v["options"]
        .as_array()
        .expect("options")
        .iter()
        .max_by(|a, b| {
            a["acceptability"][0]
                .as_f64()
                .unwrap_or(0.0)
                .total_cmp(&b["acceptability"][0].as_f64().unwrap_or(0.0))
        })
        .expect("an option");
    assert_eq!(best["id"], top.as_str(), "{out}");
}

#[test]
fn central_weights_and_pairwise_indices_are_in_the_table_output() {
    let (code, out, err) = tradeoffs(&["smaa", "-n", "4000", "--detail", "--weights", "any"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Central weights"), "{out}");
    assert!(out.contains("Pairwise winning indices"), "{out}");
    // Criteria by name, not id.
    assert!(out.contains("Durability of the effect"), "{out}");
    assert!(!out.contains("fentanyl_flow"), "{out}");
    // The confidence factor is explained so it cannot pass for "confidence in this option".
    assert!(
        out.contains("not how likely the option is to be best"),
        "{out}"
    );
}

#[test]
fn top_ranks_only_and_no_pairwise_say_so() {
    let (code, out, err) = tradeoffs(&["smaa", "-n", "2000", "--ranks", "2", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["ranks"], 2);
    assert_eq!(
        v["options"][0]["acceptability"]
            .as_array()
            .expect("acceptability")
            .len(),
        2
    );
    let (_, table, _) = tradeoffs(&["smaa", "-n", "2000", "--ranks", "2"]);
    assert!(table.contains("top 2 ranks tallied"), "{table}");
}

/// Options A = (10, 0), B = (0, 10), C = (6, 6) on criteria x, y score w_x,
/// 1 − w_x and 0.6. The ranking x ≥ y alone gives w_x ~ U[1/2, 1], so A ranks
/// first whenever w_x > 0.6: 80 % of the draws. Adding the bound w_x ≤ 0.55
/// leaves w_x ∈ [1/2, 0.55]: A can never rank first, C always does.
#[test]
fn a_ranking_profile_respects_its_bounds() {
    let run = |profile: &str| {
        let model = crossing_model(profile);
        let info = from_profile(&model, &model.profiles[0], 0.25);
        let mut request = Request::new(&model, "p", info);
        request.samples = 40_000;
        request.scores = ScoreMode::Fixed;
        smaa::run(&model, &request).expect("runs")
    };
    let ordinal = run("[profiles.p]\nranking = [\"x\", \"y\"]\n");
    let b = ordinal.options[0].acceptability[0];
    assert!((b - 0.8).abs() < 0.01, "{b}");
    let bounded = run("[profiles.p]\nranking = [\"x\", \"y\"]\nbounds = { x = [0, 0.55] }\n");
    assert_eq!(bounded.options[0].acceptability[0], 0.0);
    assert_eq!(bounded.options[2].acceptability[0], 1.0);
    for w in bounded.options[2].central_weights.values().take(1) {
        assert!((0.5..=0.55 + 1e-9).contains(w), "{w}");
    }
}

/// w_x ≥ 2 w_y means w_x ≥ 2/3 > 0.6: A always ranks first.
#[test]
fn a_ratio_between_criteria_is_respected() {
    let model = crossing_model(
        "[profiles.p]\nweights = { x = 1, y = 1 }\nratios = [[\"x\", \">=\", 2, \"y\"]]\n",
    );
    let info = from_profile(&model, &model.profiles[0], 1.0);
    let mut request = Request::new(&model, "p", info);
    request.samples = 20_000;
    request.scores = ScoreMode::Fixed;
    let r = smaa::run(&model, &request).expect("runs");
    assert_eq!(r.options[0].acceptability[0], 1.0);
}

#[test]
fn a_bad_ratio_is_a_located_error() {
    let (code, err) = check_patched(
        "[profiles.balanced]\n",
        "[profiles.balanced]\nratios = [[\"fentanyl_flow\", \"=>\", 2, \"violenc\"]]\n",
    );
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("unknown relation `=>`"), "{err}");
    assert!(err.contains("unknown criterion `violenc`"), "{err}");
    assert!(err.contains("criteria.toml:"), "{err}");
}

#[test]
fn a_ranking_its_bounds_and_ratios_that_contradict_each_other_are_a_located_error() {
    // violence ranks first, yet may not exceed a quarter of a cost_us that ranks last.
    let (code, text) = check_patched(
        "[profiles.public_health]\n",
        "[profiles.public_health]\nratios = [[\"violence\", \"<=\", 0.25, \"cost_us\"]]\n",
    );
    assert_eq!(code, Some(1), "{text}");
    assert!(text.contains("infeasible-weights"), "{text}");
    assert!(text.contains("public_health"), "{text}");
}

/// `check` on the small model with `from` replaced by `to` in its criteria
/// file: the exit code and everything printed.
fn check_patched(from: &str, to: &str) -> (Option<i32>, String) {
    let dir = tempfile::tempdir().expect("tempdir");
    let criteria = dir.path().join("criteria.toml");
    let text = std::fs::read_to_string(common::SMALL_CRITERIA).expect("fixture");
    std::fs::write(&criteria, text.replace(from, to)).expect("write");
    let out = assert_cmd::Command::cargo_bin("tradeoffs")
        .expect("binary")
        .args(["--options", common::SMALL_OPTIONS, "--criteria"])
        .arg(&criteria)
        .arg("check")
        .output()
        .expect("runs");
    let printed = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.code(), printed)
}
