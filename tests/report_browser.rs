//! The report in a real browser: Debian's headless Chromium, driven by the Node
//! package playwright-core (installed by `npm ci --prefix tests/e2e`, which
//! .ci/run does). Loads with no console error and no network request, and
//! saves a screenshot to target/test-artifacts/report.png.

use std::path::{Path, PathBuf};
use std::process::Command;

/// Why the browser test cannot run here, if it cannot.
fn missing() -> Option<String> {
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    if !Path::new(&chromium).exists() {
        return Some(format!(
            "no Chromium at {chromium} (apt-get install chromium)"
        ));
    }
    if Command::new("node").arg("--version").output().is_err() {
        return Some("no node on PATH".into());
    }
    if !Path::new("tests/e2e/node_modules/playwright-core").exists() {
        return Some("playwright-core is not installed (npm ci --prefix tests/e2e)".into());
    }
    None
}

#[test]
fn the_report_renders_in_headless_chromium_without_errors() {
    if let Some(reason) = missing() {
        assert!(
            std::env::var_os("CI").is_none(),
            "browser test cannot run in CI: {reason}"
        );
        eprintln!("skipped: {reason}");
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
