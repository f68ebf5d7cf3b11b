//! `tradeoffs check`: every validation problem has a fixture, and the whole
//! rendered diagnostic is asserted by snapshot.

use std::path::Path;

use assert_cmd::Command;

const SMALL_OPTIONS: &str = "tests/fixtures/small/options.toml";
const SMALL_CRITERIA: &str = "tests/fixtures/small/criteria.toml";

fn check(options: &str, criteria: &str, strict: bool) -> (i32, String) {
    let mut cmd = Command::cargo_bin("tradeoffs").expect("binary");
    cmd.args(["check", "--options", options, "--criteria", criteria]);
    if strict {
        cmd.arg("--strict");
    }
    let out = cmd.output().expect("runs");
    let code = out.status.code().expect("exit code");
    (code, String::from_utf8_lossy(&out.stdout).into_owned())
}

fn fixtures(folder: &str) -> Vec<(String, String)> {
    let mut files: Vec<_> = std::fs::read_dir(folder)
        .expect("fixture folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let stem = p
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or("")
                .to_string();
            (stem, p.to_string_lossy().into_owned())
        })
        .collect()
}

/// The diagnostic code a fixture is named after (`unknown-criterion-weights` → `unknown-criterion`).
fn expected_code(stem: &str) -> &str {
    [
        "unknown-criterion",
        "ahp-not-reciprocal",
        "ahp-not-positive",
        "ahp-not-square",
        "ahp-order-mismatch",
        "ahp-inconsistent",
        "number-out-of-range",
    ]
    .into_iter()
    .find(|code| stem.starts_with(code))
    .unwrap_or(stem)
}

const WARNINGS: &[&str] = &[
    "ahp-inconsistent",
    "ahp-consistency-unavailable",
    "criterion-left-out",
    "group-left-out",
    "score-without-evidence",
    "constant-criterion",
];

/// Warnings that only `check --strict` looks for.
const STRICT_WARNINGS: &[&str] = &["score-without-quote"];

fn assert_fixture(kind: &str, stem: &str, options: &str, criteria: &str) {
    let code = expected_code(stem);
    if STRICT_WARNINGS.contains(&code) {
        let (exit, out) = check(options, criteria, false);
        assert_eq!(exit, 0, "{stem}: passes without --strict\n{out}");
        assert!(
            !out.contains(&format!("[{code}]")),
            "{stem}: not looked for\n{out}"
        );
        let (strict_exit, out) = check(options, criteria, true);
        assert_eq!(strict_exit, 1, "{stem}: --strict fails\n{out}");
        assert!(out.contains(&format!("warning[{code}]")), "{stem}: {out}");
        insta::assert_snapshot!(format!("{kind}-{stem}"), out);
        return;
    }
    let (exit, out) = check(options, criteria, false);
    assert!(
        out.contains(&format!("[{code}]")),
        "{stem}: expected diagnostic [{code}] in:\n{out}"
    );
    if WARNINGS.contains(&code) {
        assert_eq!(exit, 0, "{stem}: a warning alone passes without --strict");
        let (strict_exit, _) = check(options, criteria, true);
        assert_eq!(strict_exit, 1, "{stem}: --strict fails on warnings");
    } else {
        assert_eq!(exit, 1, "{stem}: an error exits 1\n{out}");
        assert!(
            out.contains(&format!("error[{code}]")),
            "{stem}: reported as an error"
        );
    }
    insta::assert_snapshot!(format!("{kind}-{stem}"), out);
}

#[test]
fn every_criteria_fixture_reports_its_problem_with_location() {
    for (stem, path) in fixtures("tests/fixtures/invalid/criteria") {
        assert_fixture("criteria", &stem, SMALL_OPTIONS, &path);
    }
}

#[test]
fn every_options_fixture_reports_its_problem_with_location() {
    for (stem, path) in fixtures("tests/fixtures/invalid/options") {
        assert_fixture("options", &stem, &path, SMALL_CRITERIA);
    }
}

#[test]
fn several_problems_are_all_reported_in_one_run_with_line_and_column() {
    let (exit, out) = check(
        "tests/fixtures/invalid/several-problems.options.toml",
        SMALL_CRITERIA,
        false,
    );
    assert_eq!(exit, 1);
    for expected in [
        "error[unknown-criterion]: unknown criterion `fentanyl_flw`",
        "several-problems.options.toml:11:1",
        "did you mean `fentanyl_flow`?",
        "error[score-out-of-scale]",
        "error[unknown-source]: unknown source `brokings-2020`",
        "did you mean `brookings-2020`?",
        "4 errors, 0 warnings",
    ] {
        assert!(out.contains(expected), "missing {expected:?} in:\n{out}");
    }
}

#[test]
fn the_small_model_is_valid_and_strict_asks_only_for_its_quotes() {
    let (exit, out) = check(SMALL_OPTIONS, SMALL_CRITERIA, false);
    assert_eq!(exit, 0, "{out}");
    assert!(out.contains("0 errors, 0 warnings"), "{out}");
    let (exit, out) = check(SMALL_OPTIONS, SMALL_CRITERIA, true);
    assert_eq!(exit, 1, "{out}");
    // Every score of the small model cites brookings-2020 and none quotes it.
    let cited = std::fs::read_to_string(SMALL_OPTIONS)
        .expect("small options")
        .matches("source = \"brookings-2020")
        .count();
    // The text shows the first few of a kind; the summary counts them all.
    assert!(out.matches("warning[score-without-quote]").count() >= cited.min(10));
    assert!(
        out.contains(&format!("0 errors, {cited} warnings")),
        "{out}"
    );
    let json = Command::cargo_bin("tradeoffs")
        .expect("binary")
        .args(["check", "--strict", "--format", "json"])
        .args(["--options", SMALL_OPTIONS, "--criteria", SMALL_CRITERIA])
        .output()
        .expect("runs");
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).expect("json");
    let unquoted = json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["code"] == "score-without-quote")
        .count();
    assert_eq!(unquoted, cited);
}

const QUOTED_OPTIONS: &str = "tests/fixtures/quoted/options.toml";

#[test]
fn a_quoted_model_is_valid_under_strict_and_says_how_many_quotes_it_verified() {
    let (exit, out) = check(QUOTED_OPTIONS, SMALL_CRITERIA, true);
    assert_eq!(exit, 0, "{out}");
    assert!(out.contains("0 errors, 0 warnings"), "{out}");
    assert!(out.contains("5 quotes found verbatim"), "{out}");
}

fn check_with_sources(options: &str, dir: &Path) -> (i32, String) {
    let out = Command::cargo_bin("tradeoffs")
        .expect("binary")
        .args(["check", "--strict", "--options", options])
        .args(["--criteria", SMALL_CRITERIA, "--sources"])
        .arg(dir)
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    (out.status.code().expect("exit code"), text)
}

#[test]
fn a_sources_folder_wins_over_the_text_a_source_names() {
    let dir = tempfile::tempdir().expect("temp dir");
    // A copy in which one quoted sentence reads differently.
    let excerpt = std::fs::read_to_string("tests/fixtures/quoted/brookings-2020-excerpt.txt")
        .expect("excerpt");
    let altered = excerpt.replace("Farmers can and do replant", "Farmers rarely replant");
    assert_ne!(altered, excerpt);
    std::fs::write(dir.path().join("brookings-2020.txt"), altered).expect("write");
    let (exit, out) = check_with_sources(QUOTED_OPTIONS, dir.path());
    assert_eq!(exit, 1, "{out}");
    assert_eq!(out.matches("error[quote-not-found]").count(), 1, "{out}");
    assert!(
        out.contains("Farmers rarely replant after eradication."),
        "{out}"
    );
    assert!(out.contains("4 quotes found verbatim"), "{out}");
}

#[test]
fn without_any_text_the_quotes_are_counted_as_unverified_not_failed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let options = dir.path().join("options.toml");
    let text = std::fs::read_to_string(QUOTED_OPTIONS).expect("quoted options");
    std::fs::write(
        &options,
        text.replace("text = \"brookings-2020-excerpt.txt\"\n", ""),
    )
    .expect("write");
    let (exit, out) = check_with_sources(options.to_str().expect("utf-8 path"), dir.path());
    assert_eq!(exit, 0, "{out}");
    assert!(
        out.contains("5 quotes not verified, for want of a source text: brookings-2020 (5)"),
        "{out}"
    );
}

#[test]
fn a_quote_found_in_another_source_says_which() {
    let dir = tempfile::tempdir().expect("temp dir");
    let options = dir.path().join("options.toml");
    let text = std::fs::read_to_string(QUOTED_OPTIONS).expect("quoted options");
    let miscited = text.replacen(
        "source = \"brookings-2020 §Eradication\", quote = \"Farmers can",
        "source = \"crs-2018\", quote = \"Farmers can",
        1,
    );
    assert_ne!(miscited, text);
    std::fs::write(
        &options,
        format!("[sources.crs-2018]\ntitle = \"Another paper\"\n\n{miscited}"),
    )
    .expect("write");
    std::fs::copy(
        "tests/fixtures/quoted/brookings-2020-excerpt.txt",
        dir.path().join("brookings-2020.txt"),
    )
    .expect("copy");
    std::fs::write(
        dir.path().join("crs-2018.txt"),
        "Poppy farmers replant after each eradication drive.",
    )
    .expect("write");
    let (exit, out) = check_with_sources(options.to_str().expect("utf-8 path"), dir.path());
    assert_eq!(exit, 1, "{out}");
    assert!(out.contains("error[quote-not-found]"), "{out}");
    assert!(
        out.contains("the quote is in the text of `brookings-2020`: cite that source"),
        "{out}"
    );
}

#[test]
fn a_sources_folder_that_does_not_exist_is_a_usage_error() {
    let (exit, _) = check_with_sources(QUOTED_OPTIONS, Path::new("tests/fixtures/no-such-folder"));
    assert_eq!(exit, 2);
}

#[test]
fn an_unreadable_file_is_named_and_exits_1() {
    let (exit, out) = check("tests/fixtures/does-not-exist.toml", SMALL_CRITERIA, false);
    assert_eq!(exit, 1);
    assert!(
        out.contains(
            "error[unreadable-file]: cannot read tests/fixtures/does-not-exist.toml: no such file"
        ),
        "{out}"
    );
}

#[test]
fn check_json_lists_each_problem_with_file_line_and_column() {
    let out = Command::cargo_bin("tradeoffs")
        .expect("binary")
        .args(["check", "--format", "json", "--options"])
        .arg(Path::new(
            "tests/fixtures/invalid/options/unknown-source.toml",
        ))
        .args(["--criteria", SMALL_CRITERIA])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    assert_eq!(json["errors"], 1);
    let d = &json["diagnostics"][0];
    assert_eq!(d["code"], "unknown-source");
    assert_eq!(d["severity"], "error");
    assert_eq!(d["line"], 47);
    assert_eq!(d["column"], 98);
    assert_eq!(
        d["file"],
        "tests/fixtures/invalid/options/unknown-source.toml"
    );
}

#[test]
fn check_csv_is_one_row_per_problem() {
    let out = Command::cargo_bin("tradeoffs")
        .expect("binary")
        .args([
            "check",
            "--format",
            "csv",
            "--options",
            "tests/fixtures/invalid/several-problems.options.toml",
        ])
        .args(["--criteria", SMALL_CRITERIA])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    let headers = reader.headers().expect("headers").clone();
    assert_eq!(&headers[1], "code");
    let codes: Vec<String> = reader
        .records()
        .map(|r| r.expect("row")[1].to_string())
        .collect();
    assert_eq!(
        codes,
        [
            "missing-score",
            "unknown-criterion",
            "score-out-of-scale",
            "unknown-source"
        ]
    );
}

/// Options whose scores give a `why` but no `source`: each of the `n × 4`
/// scores warns that it cites no source.
fn unsourced_options(n: usize) -> String {
    (0..n)
        .map(|i| {
            let cell = |x: usize| format!("{{ value = {x}, why = \"w\" }}");
            format!(
                "[[options]]\nid = \"o{i}\"\nscores = {{ fentanyl_flow = {}, durability = {}, violence = {}, cost_us = {} }}\n",
                cell(i % 10),
                cell(i % 7),
                cell(i % 3),
                cell(i % 4)
            )
        })
        .collect()
}

#[test]
fn many_warnings_of_one_kind_show_the_first_ones_and_a_count() {
    let dir = tempfile::tempdir().expect("temp dir");
    let options = dir.path().join("options.toml");
    let text = unsourced_options(30);
    std::fs::write(&options, &text).expect("write");
    let (exit, out) = check(options.to_str().expect("utf-8"), SMALL_CRITERIA, false);
    assert_eq!(exit, 0, "{out}");
    let shown = out.matches("warning[score-without-evidence]").count();
    assert_eq!(shown, 10, "{out}");
    assert!(
        out.contains("… and 110 more warnings [score-without-evidence] not shown"),
        "{out}"
    );
    assert!(out.contains("0 errors, 120 warnings"), "{out}");
    // The last one is still located, in the machine-readable list.
    let json = Command::cargo_bin("tradeoffs")
        .expect("binary")
        .args(["check", "--format", "json", "--options"])
        .arg(&options)
        .args(["--criteria", SMALL_CRITERIA])
        .output()
        .expect("runs");
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON");
    let all = json["diagnostics"].as_array().expect("list");
    assert_eq!(all.len(), 120);
    let last_line = text.lines().nth(89).expect("90 lines");
    assert_eq!(all[119]["line"], 90);
    assert_eq!(
        all[119]["column"],
        last_line.find("cost_us").expect("the last score") + 1
    );
}

#[test]
fn an_option_without_any_evidence_draws_one_warning() {
    let dir = tempfile::tempdir().expect("temp dir");
    let options = dir.path().join("options.toml");
    let bare: String = (0..3)
        .map(|i| format!("[[options]]\nid = \"o{i}\"\nscores = {{ fentanyl_flow = {i}, durability = {i}, violence = {i}, cost_us = {i} }}\n"))
        .collect();
    std::fs::write(&options, bare).expect("write");
    let (exit, out) = check(options.to_str().expect("utf-8"), SMALL_CRITERIA, false);
    assert_eq!(exit, 0, "{out}");
    assert!(
        out.contains("none of the 4 scores of `o2` has a why or a source"),
        "{out}"
    );
    assert!(out.contains("0 errors, 3 warnings"), "{out}");
}
