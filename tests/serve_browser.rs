//! The workshop page in a real browser: Debian's headless Chromium driven by
//! playwright-core. Moving a slider must show the ranking `tradeoffs rank`
//! gives for those weights; a participant's submission must reach the group
//! profile. The slider-to-ranking latency is printed, not asserted.

use std::io::{BufRead, BufReader};
mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// Stops the server however the test ends.
struct Server(std::process::Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn the_workshop_page_ranks_live_and_gathers_the_room() {
    if !common::browser_or_skip() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    for file in ["options.toml", "criteria.toml"] {
        std::fs::copy(
            Path::new("tests/fixtures/small").join(file),
            dir.path().join(file),
        )
        .expect("copy");
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_tradeoffs"))
        .args(["serve", "--port", "0"])
        .current_dir(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("server starts");
    let stdout = child.stdout.take().expect("stdout");
    let server = Server(child);
    // Keep reading the server's output so its pipe never closes under it.
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if let Some(url) = line.strip_prefix("tradeoffs workshop: ") {
                let _ = tx.send(url.to_string());
            }
        }
    });
    let url = rx
        .recv_timeout(std::time::Duration::from_secs(30))
        .expect("the server prints its address");

    let artifacts = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("../test-artifacts");
    std::fs::create_dir_all(&artifacts).expect("artifacts");
    let screenshot = artifacts.join("serve.png");
    let out = Command::new("node")
        .arg("tests/e2e/serve.mjs")
        .arg(&url)
        .arg(&screenshot)
        .output()
        .expect("node runs");
    drop(server);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{text}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let seen: serde_json::Value = serde_json::from_str(text.trim()).expect("json");

    // The ranking shown must be what `tradeoffs rank` gives for the same weights.
    let weights = seen["state"]["weights"].as_object().expect("weights");
    let entries: Vec<String> = weights
        .iter()
        .map(|(k, v)| format!("{k} = {}", v.as_f64().expect("w")))
        .collect();
    let criteria = std::fs::read_to_string(dir.path().join("criteria.toml")).expect("criteria")
        + &format!("\n[profiles.e2e]\nweights = {{ {} }}\n", entries.join(", "));
    std::fs::write(dir.path().join("e2e-criteria.toml"), criteria).expect("write");
    let cli = Command::new(env!("CARGO_BIN_EXE_tradeoffs"))
        .args([
            "--criteria",
            "e2e-criteria.toml",
            "rank",
            "--profile",
            "e2e",
            "--format",
            "json",
        ])
        .current_dir(dir.path())
        .output()
        .expect("rank runs");
    let expected: serde_json::Value = serde_json::from_slice(&cli.stdout).expect("json");
    let want: Vec<(String, u64)> = expected["ranking"]
        .as_array()
        .expect("ranking")
        .iter()
        .map(|r| {
            (
                r["id"].as_str().expect("id").to_string(),
                r["rank"].as_u64().expect("rank"),
            )
        })
        .collect();
    let got: Vec<(String, u64)> = seen["order"]
        .as_array()
        .expect("order")
        .iter()
        .map(|r| {
            (
                r["id"].as_str().expect("id").to_string(),
                r["rank"].as_u64().expect("rank"),
            )
        })
        .collect();
    assert_eq!(
        got, want,
        "the page shows the CLI's ranking for the same weights"
    );
    assert!(
        seen["swap"].as_str().expect("swap").contains("next swap")
            || seen["swap"].as_str().expect("swap").contains("no swap")
    );
    assert!(
        seen["group"]
            .as_str()
            .expect("group")
            .contains("arithmetic mean of 1")
    );
    assert!(screenshot.exists());
    let log =
        std::fs::read_to_string(dir.path().join("tradeoffs-session.jsonl")).expect("session log");
    assert!(log.lines().any(|l| l.contains("\"submission\"")));
    eprintln!(
        "median slider-to-ranking latency: {} ms; screenshot at {}",
        seen["median_latency_ms"],
        screenshot.display()
    );
}
