//! The report in a real browser: Debian's headless Chromium, driven by the Node
//! package playwright-core (installed by `npm ci --prefix tests/e2e`, which
//! .ci/run does). Loads with no console error and no network request, and
//! saves a screenshot to target/test-artifacts/report.png; every chart is
//! rendered to PNG under target/test-artifacts/charts/ for a person to look at.

mod common;

use std::path::PathBuf;
use std::process::Command;

/// Why the browser test cannot run here, if it cannot.

#[test]
fn the_report_renders_in_headless_chromium_without_errors() {
    if !common::browser_or_skip() {
        return;
    }
    let artifacts = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("../test-artifacts");
    std::fs::create_dir_all(&artifacts).expect("artifacts folder");
    let html = artifacts.join("report.html");
    let status = Command::new(env!("CARGO_BIN_EXE_tradeoffs"))
        .args(["report", "--samples", "2000", "--force", "--out"])
        .arg(&html)
        .status()
        .expect("tradeoffs runs");
    assert!(status.success());
    let screenshot = artifacts.join("report.png");
    let out = Command::new("node")
        .arg("tests/e2e/report.mjs")
        .arg(&html)
        .arg(&screenshot)
        .output()
        .expect("node runs");
    let summary = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{summary}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(screenshot.exists(), "the screenshot is saved");
    eprintln!(
        "report rendered in Chromium: {summary}; screenshot at {}",
        screenshot.display()
    );
}

/// Runs the binary on the built-in model; panics on failure.
fn tradeoffs(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_tradeoffs"))
        .args(args)
        .output()
        .expect("tradeoffs runs");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn every_chart_renders_to_png_in_headless_chromium() {
    if !common::browser_or_skip() {
        return;
    }
    let folder = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("../test-artifacts/charts");
    std::fs::create_dir_all(&folder).expect("artifacts folder");
    let path = |name: &str| folder.join(name).to_string_lossy().into_owned();
    // The frontier's x axis: the model's first cost criterion, else its first.
    let weights: serde_json::Value =
        serde_json::from_str(&tradeoffs(&["rank", "--format", "json"])).expect("rank JSON");
    let first = weights["weights"]
        .as_object()
        .and_then(|w| w.keys().next().cloned())
        .expect("a criterion");
    let charts: Vec<(&str, Vec<String>)> = vec![
        ("rank.svg", vec!["rank".into()]),
        (
            "rank-topsis.svg",
            vec!["rank".into(), "-m".into(), "topsis".into()],
        ),
        ("sensitivity.svg", vec!["sensitivity".into()]),
        ("smaa.svg", vec!["smaa".into(), "-n".into(), "4000".into()]),
        (
            "compare-profiles.svg",
            vec!["compare".into(), "--profiles".into(), "all".into()],
        ),
        ("compare-methods.svg", vec!["compare".into()]),
        ("tornado.svg", vec!["chart".into(), "tornado".into()]),
        (
            "frontier.svg",
            vec!["chart".into(), "frontier".into(), "--cost".into(), first],
        ),
    ];
    let mut files = vec![];
    for (file, args) in &charts {
        let mut args: Vec<&str> = args.iter().map(String::as_str).collect();
        let target = path(file);
        args.extend(["--svg", &target, "--force"]);
        tradeoffs(&args);
        files.push(target);
    }
    let out = Command::new("node")
        .arg("tests/e2e/charts.mjs")
        .args(&files)
        .output()
        .expect("node runs");
    let summary = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{summary}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for file in &files {
        let png = file.replace(".svg", ".png");
        assert!(
            std::fs::metadata(&png).is_ok_and(|m| m.len() > 1000),
            "{png}"
        );
    }
    eprintln!(
        "charts rendered in Chromium: {summary}; PNGs in {}",
        folder.display()
    );
}
