//! `tradeoffs rank` and `tradeoffs weights` on the small test model, driven
//! through the real binary. Expected scores are computed by hand from the
//! fixture's numbers (linear values on a 0–10 scale, cost criteria reversed).

use assert_cmd::Command;
use serde_json::Value;

mod common;

use common::{SMALL_CRITERIA as CRITERIA, SMALL_OPTIONS as OPTIONS, tradeoffs};

fn json(args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    let (code, out, err) = tradeoffs(&all);
    assert_eq!(code, 0, "{err}");
    serde_json::from_str(&out).expect("valid JSON")
}

#[test]
fn rank_json_has_the_documented_shape_and_hand_computed_scores() {
    let v = json(&["rank"]);
    assert_eq!(v["model"], "Small opioid-supply model");
    assert_eq!(v["profile"], "balanced");
    assert_eq!(v["method"], "wsm");
    // Weights 40:20:25:15 normalize to 0.40, 0.20, 0.25, 0.15, in criteria order.
    let weights: Vec<(&String, f64)> = v["weights"]
        .as_object()
        .expect("object")
        .iter()
        .map(|(k, w)| (k, w.as_f64().expect("number")))
        .collect();
    let ids: Vec<&str> = weights.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(ids, ["fentanyl_flow", "durability", "violence", "cost_us"]);
    for ((_, w), expected) in weights.iter().zip([0.40, 0.20, 0.25, 0.15]) {
        assert!((w - expected).abs() < 1e-12);
    }
    // Pill-press controls: 0.4·0.5 + 0.2·0.4 + 0.25·1.0 + 0.15·0.8 = 0.65.
    // Middle layer: 0.4·0.6 + 0.2·0.5 + 0.25·0.6 + 0.15·0.5 = 0.565.
    // Alternative livelihoods: 0.4·0.1 + 0.2·0.7 + 0.25·0.9 + 0.15·0.4 = 0.465.
    // High-value targeting: 0.4·0.3 + 0.2·0.2 + 0.25·0.1 + 0.15·0.6 = 0.275.
    // Eradication: 0.4·0.1 + 0.2·0.1 + 0.25·0.3 + 0.15·0.7 = 0.24.
    let expected = [
        ("pill_press_controls", 0.65),
        ("middle_layer_targeting", 0.565),
        ("alternative_livelihoods", 0.465),
        ("high_value_targeting", 0.275),
        ("eradication", 0.24),
    ];
    let ranking = v["ranking"].as_array().expect("array");
    assert_eq!(ranking.len(), 5);
    for (i, (row, (id, score))) in ranking.iter().zip(expected).enumerate() {
        assert_eq!(row["rank"], i + 1);
        assert_eq!(row["id"], id);
        let got = row["score"].as_f64().expect("number");
        assert!((got - score).abs() < 1e-12, "{id}: {got} vs {score}");
        assert!(row["name"].is_string());
    }
    // The two largest contributions of the leader: violence 0.25, fentanyl flow 0.20.
    let top = &ranking[0]["top_contributors"];
    assert_eq!(top[0]["criterion"], "violence");
    assert_eq!(top[1]["criterion"], "fentanyl_flow");
}

#[test]
fn every_profile_form_ranks() {
    for profile in ["balanced", "enforcement", "public_health", "mexico_gov"] {
        let v = json(&["rank", "--profile", profile]);
        assert_eq!(v["profile"], profile);
        let total: f64 = v["weights"]
            .as_object()
            .expect("object")
            .values()
            .map(|w| w.as_f64().expect("number"))
            .sum();
        assert!(
            (total - 1.0).abs() < 1e-12,
            "{profile}: weights sum to {total}"
        );
        assert_eq!(v["ranking"].as_array().expect("array").len(), 5);
    }
}

#[test]
fn group_weights_are_read_within_groups() {
    // Effectiveness 70 split 3:1, side effects 30 split 1:1.
    let v = json(&["weights", "--profile", "enforcement"]);
    assert_eq!(v["form"], "group_weights");
    let w = &v["weights"];
    for (id, expected) in [
        ("fentanyl_flow", 0.7 * 0.75),
        ("durability", 0.7 * 0.25),
        ("violence", 0.15),
        ("cost_us", 0.15),
    ] {
        assert!(
            (w[id].as_f64().expect("number") - expected).abs() < 1e-12,
            "{id}"
        );
    }
    assert!((v["groups"]["effectiveness"].as_f64().expect("number") - 0.7).abs() < 1e-12);
    assert!(v["consistency_ratio"].is_null());
}

#[test]
fn ranking_profiles_get_rank_order_centroid_weights_with_ties_shared() {
    // violence first, then fentanyl_flow and durability tied, then cost_us.
    // Rank-order centroid weights are the centroid of the weights the ranking
    // allows (Barron & Barrett 1996). With the tie, that region
    // {w_v ≥ w_f = w_d ≥ w_c ≥ 0, Σ = 1} is a triangle with vertices
    // (1, 0, 0, 0), (1/3, 1/3, 1/3, 0) and (1/4, 1/4, 1/4, 1/4), whose
    // centroid is (19/36, 7/36, 7/36, 1/12).
    let v = json(&["weights", "--profile", "public_health"]);
    assert_eq!(v["form"], "ranking");
    let w = &v["weights"];
    let get = |id: &str| w[id].as_f64().expect("number");
    assert!((get("violence") - 19.0 / 36.0).abs() < 1e-12);
    assert!((get("fentanyl_flow") - 7.0 / 36.0).abs() < 1e-12);
    assert!((get("durability") - 7.0 / 36.0).abs() < 1e-12);
    assert!((get("cost_us") - 1.0 / 12.0).abs() < 1e-12);
}

#[test]
fn pairwise_profiles_report_the_consistency_ratio() {
    let v = json(&["weights", "--profile", "mexico_gov"]);
    assert_eq!(v["form"], "pairwise");
    let cr = v["consistency_ratio"].as_f64().expect("number");
    assert!(cr > 0.0 && cr < 0.1, "{cr}");
    assert_eq!(
        v["weights"]["cost_us"], 0.0,
        "criteria outside criteria_order weigh 0"
    );
    let (_, table, _) = tradeoffs(&["weights", "--profile", "mexico_gov"]);
    assert!(table.contains("Saaty (1980)"), "{table}");
    assert!(table.contains("λmax"));
}

#[test]
fn the_table_fits_a_100_column_terminal() {
    for args in [&["rank"][..], &["weights", "--profile", "mexico_gov"][..]] {
        let (code, out, _) = tradeoffs(args);
        assert_eq!(code, 0);
        for line in out.lines() {
            assert!(line.chars().count() <= 100, "too wide: {line}");
        }
    }
}

#[test]
fn csv_and_markdown_carry_the_same_ranking() {
    let (_, csv, _) = tradeoffs(&["rank", "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), 5);
    let headers = reader.headers().expect("header").clone();
    let first: Vec<&str> = headers.iter().take(4).collect();
    assert_eq!(first, ["rank", "id", "name", "score"]);
    assert_eq!(&rows[0][0], "1");
    assert_eq!(&rows[0][1], "pill_press_controls");
    assert_eq!(&rows[0][2], "Pill-press controls");
    assert_eq!(rows[0][3].parse::<f64>().expect("a number"), 0.65);
    let (_, md, _) = tradeoffs(&["rank", "--format", "md"]);
    assert!(md.contains("| 1 | Pill-press controls | 0.650 |"), "{md}");
}

#[test]
fn an_unknown_profile_is_a_usage_error_with_a_suggestion() {
    let (code, _, err) = tradeoffs(&["rank", "--profile", "balancd"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("unknown profile `balancd`; did you mean `balanced`?"),
        "{err}"
    );
}

#[test]
fn an_unknown_method_or_flag_is_a_usage_error() {
    let (code, _, err) = tradeoffs(&["rank", "--method", "wsn"]);
    assert_eq!(code, 2);
    assert!(err.contains("did you mean `wsm`?"), "{err}");
    let (code, _, _) = tradeoffs(&["rank", "--frobnicate"]);
    assert_eq!(code, 2);
}

#[test]
fn input_problems_stop_rank_with_exit_1_and_every_problem_on_stderr() {
    let out = Command::cargo_bin("tradeoffs")
        .expect("binary")
        .args([
            "rank",
            "--options",
            "tests/fixtures/invalid/several-problems.options.toml",
            "--criteria",
            CRITERIA,
        ])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("4 errors in the input"), "{err}");
}

#[test]
fn tied_options_share_a_competition_rank() {
    let dir = tempfile::tempdir().expect("temp dir");
    let criteria = r#"
[[criteria]]
id = "a"
direction = "benefit"
scale = { min = 0, max = 10 }
"#;
    let options = r#"
[[options]]
id = "x"
scores = { a = 9 }
[[options]]
id = "y"
scores = { a = 5 }
[[options]]
id = "z"
scores = { a = 5 }
[[options]]
id = "w"
scores = { a = 1 }
"#;
    std::fs::write(dir.path().join("criteria.toml"), criteria).expect("write");
    std::fs::write(dir.path().join("options.toml"), options).expect("write");
    let out = Command::cargo_bin("tradeoffs")
        .expect("binary")
        .current_dir(dir.path())
        .args(["rank", "--format", "json"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let v: Value = serde_json::from_slice(&out.stdout).expect("json");
    let ranks: Vec<u64> = v["ranking"]
        .as_array()
        .expect("array")
        .iter()
        .map(|r| r["rank"].as_u64().expect("rank"))
        .collect();
    assert_eq!(ranks, [1, 2, 2, 4]);
    assert_eq!(v["profile"], "equal-weights");
}

#[test]
fn with_neither_file_present_the_built_in_model_is_used_and_said_so() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = Command::cargo_bin("tradeoffs")
        .expect("binary")
        .current_dir(dir.path())
        .args(["rank", "--format", "json"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        err.lines().filter(|l| l.contains("built-in model")).count(),
        1,
        "{err}"
    );
    let v: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert!(!v["ranking"].as_array().expect("array").is_empty());
}

#[test]
fn with_only_one_file_present_the_other_is_reported_missing() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::copy(OPTIONS, dir.path().join("options.toml")).expect("copy");
    let out = Command::cargo_bin("tradeoffs")
        .expect("binary")
        .current_dir(dir.path())
        .arg("check")
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("error[unreadable-file]: cannot read criteria.toml: no such file"),
        "{text}"
    );
}

/// The figure with `symbol` of one ranked option.
fn figure(row: &Value, symbol: &str) -> f64 {
    row["figures"]
        .as_array()
        .expect("figures")
        .iter()
        .find(|f| f["symbol"] == symbol)
        .and_then(|f| f["value"].as_f64())
        .unwrap_or_else(|| panic!("no {symbol} in {row}"))
}

#[test]
fn each_method_explains_a_score_with_the_figures_it_was_computed_from() {
    // Hwang & Yoon's closeness C = D⁻ / (D⁺ + D⁻); PROMETHEE II's net flow
    // φ = φ⁺ − φ⁻ (Brans & Vincke 1985): the figures shown must rebuild the score.
    for row in json(&["rank", "-m", "topsis"])["ranking"]
        .as_array()
        .expect("ranking")
    {
        let (plus, minus) = (figure(row, "D+"), figure(row, "D-"));
        let score = row["score"].as_f64().expect("score");
        assert!((minus / (plus + minus) - score).abs() < 1e-12, "{row}");
        assert!(
            row.get("top_contributors").is_none(),
            "no additive parts beside TOPSIS"
        );
    }
    for row in json(&["rank", "-m", "promethee"])["ranking"]
        .as_array()
        .expect("ranking")
    {
        let score = row["score"].as_f64().expect("score");
        assert!((figure(row, "phi+") - figure(row, "phi-") - score).abs() < 1e-12);
    }
    for row in json(&["rank", "-m", "vikor"])["ranking"]
        .as_array()
        .expect("ranking")
    {
        // R, the largest single regret, never exceeds S, their weighted sum.
        assert!(figure(row, "R") <= figure(row, "S") + 1e-12, "{row}");
    }
    // Under the weighted product, a score of 0 comes with a factor of 0.
    for row in json(&["rank", "-m", "wpm"])["ranking"]
        .as_array()
        .expect("ranking")
    {
        let factors: Vec<f64> = row["weakest_factors"]
            .as_array()
            .expect("factors")
            .iter()
            .map(|f| f["contribution"].as_f64().expect("factor"))
            .collect();
        let score = row["score"].as_f64().expect("score");
        assert_eq!(score == 0.0, factors.first() == Some(&0.0), "{row}");
        assert!(
            factors.iter().all(|&f| f >= score),
            "each factor ≥ the product"
        );
    }
}

#[test]
fn a_cost_criterion_is_named_with_its_direction_in_rank_and_weights() {
    let (_, rank, _) = tradeoffs(&["rank"]);
    let (_, weights, _) = tradeoffs(&["weights"]);
    let model = common::small();
    for c in model
        .criteria
        .iter()
        .filter(|c| c.direction == tradeoffs::model::Direction::Cost)
    {
        assert!(weights.contains(&c.name_with_direction()), "{weights}");
        assert!(c.name_with_direction().ends_with("(less is better)"));
    }
    assert!(rank.contains("less is better"), "{rank}");
    let top = &json(&["rank"])["ranking"][0]["top_contributors"][0];
    assert!(top["direction"] == "cost" || top["direction"] == "benefit");
}
