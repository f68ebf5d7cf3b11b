//! Helpers shared by the integration tests. Each test file uses part of them.
#![allow(dead_code)]

use std::path::Path;
use std::process::Command as StdCommand;

use assert_cmd::Command;

/// The small test model's files.
pub const SMALL_OPTIONS: &str = "tests/fixtures/small/options.toml";
/// The small test model's criteria and profiles.
pub const SMALL_CRITERIA: &str = "tests/fixtures/small/criteria.toml";

/// Runs the binary on the small model: exit code, stdout, stderr.
pub fn tradeoffs(args: &[&str]) -> (i32, String, String) {
    let out = Command::cargo_bin("tradeoffs")
        .expect("binary")
        .args(["--options", SMALL_OPTIONS, "--criteria", SMALL_CRITERIA])
        .args(args)
        .output()
        .expect("runs");
    (
        out.status.code().expect("exit code"),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The small model, loaded.
pub fn small() -> tradeoffs::Model {
    tradeoffs::from_texts(
        include_str!("../fixtures/small/options.toml"),
        include_str!("../fixtures/small/criteria.toml"),
    )
    .expect("valid")
}

/// Three options on two benefit criteria (0–10): A = (10, 0), B = (0, 10),
/// C = (6, 6). With weights (t, 1 − t) they score t, 1 − t and 0.6.
pub fn crossing_model(profile: &str) -> tradeoffs::Model {
    let options = r#"
[[options]]
id = "a"
scores = { x = 10, y = 0 }
[[options]]
id = "b"
scores = { x = 0, y = 10 }
[[options]]
id = "c"
scores = { x = 6, y = 6 }
"#;
    let criteria = format!(
        "[[criteria]]\nid = \"x\"\ndirection = \"benefit\"\nscale = {{ min = 0, max = 10 }}\n\
         [[criteria]]\nid = \"y\"\ndirection = \"benefit\"\nscale = {{ min = 0, max = 10 }}\n{profile}"
    );
    tradeoffs::from_texts(options, &criteria).expect("valid")
}

/// Why the browser tests cannot run here, if they cannot: they need Debian's
/// Chromium, node, and playwright-core (`npm ci --prefix tests/e2e`).
pub fn browser_missing() -> Option<String> {
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    if !Path::new(&chromium).exists() {
        return Some(format!(
            "no Chromium at {chromium} (apt-get install chromium)"
        ));
    }
    if StdCommand::new("node").arg("--version").output().is_err() {
        return Some("no node on PATH".into());
    }
    if !Path::new("tests/e2e/node_modules/playwright-core").exists() {
        return Some("playwright-core is not installed (npm ci --prefix tests/e2e)".into());
    }
    None
}

/// Skips a browser test outside CI when it cannot run; in CI, fails instead.
pub fn browser_or_skip() -> bool {
    match browser_missing() {
        None => true,
        Some(reason) => {
            assert!(
                std::env::var_os("CI").is_none(),
                "browser test cannot run in CI: {reason}"
            );
            eprintln!("skipped: {reason}");
            false
        }
    }
}

/// Runs the binary in `dir` (no colour, no `COLUMNS` from the caller's
/// shell): exit code, stdout, stderr.
pub fn run_in(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::cargo_bin("tradeoffs")
        .expect("binary")
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("COLUMNS")
        .args(args)
        .output()
        .expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}
