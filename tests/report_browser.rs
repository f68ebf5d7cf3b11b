//! The report in a real browser: Debian's headless Chromium, driven by the Node
//! package playwright-core (installed by `npm ci --prefix tests/e2e`, which
//! .ci/run does). Loads with no console error and no network request, and
//! saves a screenshot to target/test-artifacts/report.png.

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
