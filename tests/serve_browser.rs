//! A whole workshop in a real browser: Debian's headless Chromium driven by
//! playwright-core (tests/e2e/serve.mjs). Both pages at phone and projector
//! sizes, three participants, the room's view, a restart in the middle, a
//! save. Screenshots go to target/test-artifacts/.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

/// Stops the server however the test ends.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts `tradeoffs serve` in `dir` and returns it with its facilitator URL.
fn start(dir: &Path, port: u16) -> (Server, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tradeoffs"))
        .args(["serve", "--port", &port.to_string()])
        .current_dir(dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("server starts");
    let stdout = child.stdout.take().expect("stdout");
    let (tx, rx) = mpsc::channel();
    // Keep reading the server's output so its pipe never closes under it.
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if let Some(url) = line.strip_prefix("tradeoffs workshop: ") {
                let _ = tx.send(url.to_string());
            }
        }
    });
    let url = rx
        .recv_timeout(Duration::from_secs(30))
        .expect("the server prints its address");
    (Server(child), url)
}

fn port_of(url: &str) -> u16 {
    url.split(':')
        .nth(2)
        .and_then(|rest| rest.split('/').next())
        .and_then(|p| p.parse().ok())
        .expect("port")
}

#[test]
fn a_workshop_runs_on_a_projector_and_phones_and_survives_a_restart() {
    if !common::browser_or_skip() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    // The default model: more than enough options to see whether ten fit on a projector.
    std::fs::write(
        dir.path().join("options.toml"),
        tradeoffs::input::DEFAULT_OPTIONS,
    )
    .expect("write");
    std::fs::write(
        dir.path().join("criteria.toml"),
        tradeoffs::input::DEFAULT_CRITERIA,
    )
    .expect("write");
    let (server, url) = start(dir.path(), 0);
    let port = port_of(&url);

    let artifacts = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("../test-artifacts");
    std::fs::create_dir_all(&artifacts).expect("artifacts");
    let mut node = Command::new("node")
        .arg("tests/e2e/serve.mjs")
        .arg(&url)
        .arg(&artifacts)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("node runs");
    let mut to_node = node.stdin.take().expect("stdin");
    let from_node = BufReader::new(node.stdout.take().expect("stdout"));
    let mut server = Some(server);
    let mut report = None;
    let mut output = String::new();
    for line in from_node.lines().map_while(Result::ok) {
        if line == "RESTART" {
            // As a laptop lid or a mistaken Ctrl-C would: stop it, start it again.
            drop(server.take());
            let (again, again_url) = start(dir.path(), port);
            assert_eq!(again_url, url, "the same key after a restart");
            server = Some(again);
            writeln!(to_node, "go").expect("tell node");
        } else if line.starts_with('{') {
            report = Some(line.clone());
        }
        output.push_str(&line);
        output.push('\n');
    }
    let status = node.wait().expect("node ends");
    let mut stderr = String::new();
    let _ = std::io::Read::read_to_string(&mut node.stderr.take().expect("stderr"), &mut stderr);
    drop(server);
    assert!(status.success(), "{output}\n{stderr}");
    let seen: serde_json::Value = serde_json::from_str(&report.expect("a report")).expect("json");

    // Both pages fit every size; the projector shows at least ten options.
    for page in ["facilitator", "participant"] {
        for size in ["390x844", "1024x768", "1280x720"] {
            let l = &seen["layout"][page][size];
            assert_eq!(
                l["overflow"], false,
                "{page} at {size} scrolls sideways: {l}"
            );
            assert!(artifacts.join(format!("{page}-{size}.png")).exists());
        }
    }
    for size in ["1024x768", "1280x720"] {
        let visible = seen["layout"]["facilitator"][size]["visible_options"]
            .as_u64()
            .expect("n");
        assert!(
            visible >= 10,
            "only {visible} options on the first screen at {size}"
        );
    }
    assert_eq!(
        seen["layout"]["participant"]["390x844"]["submit_visible"],
        true
    );
    assert_eq!(
        seen["participant_controls"],
        serde_json::json!([]),
        "no facilitator control on the participant's page"
    );
    assert_eq!(seen["key_in_address_bar"], false);
    assert_eq!(seen["after_restart_key_in_address_bar"], false);
    assert_eq!(seen["token_in_address_bar"], false);
    assert_eq!(seen["qr"], true);

    // The swap hint speaks of the leader; SMAA twice leaves one note per option.
    let swap = seen["swap"].as_str().expect("swap");
    assert!(swap.contains("leads"), "{swap}");
    // No contradiction from rounding: the weight now and the bounds read differently.
    let figures: Vec<&str> = swap
        .split_whitespace()
        .filter(|w| w.trim_end_matches([':', '.', ',']).ends_with('%'))
        .collect();
    let distinct: std::collections::BTreeSet<&&str> = figures.iter().collect();
    assert_eq!(distinct.len(), figures.len(), "{swap}");
    assert!(!figures.is_empty(), "{swap}");
    for note in seen["smaa_annotations"].as_array().expect("notes") {
        assert_eq!(
            note.as_str().expect("s").matches("first in").count(),
            1,
            "{note}"
        );
    }
    // Swing weighting: the implied weights shown before submitting sum to ~100%.
    let implied: f64 = seen["swing_implied"]
        .as_array()
        .expect("implied")
        .iter()
        .map(|p| {
            p.as_str()
                .expect("s")
                .trim_end_matches('%')
                .parse::<f64>()
                .expect("n")
        })
        .sum();
    assert!(
        (implied - 100.0).abs() <= seen["swing_implied"].as_array().expect("a").len() as f64 * 0.5,
        "{implied}"
    );

    // The room: three participants, the group ranking, the disagreement figures.
    assert_eq!(seen["people"].as_array().expect("people").len(), 3);
    assert!(seen["people"].to_string().contains("(swing)"));
    assert!(seen["kendall"].as_str().expect("W").contains("Kendall's W"));
    assert!(seen["disagreement_rows"].as_u64().expect("rows") >= 1);
    let options = tradeoffs::from_texts(
        tradeoffs::input::DEFAULT_OPTIONS,
        tradeoffs::input::DEFAULT_CRITERIA,
    )
    .expect("the default model")
    .options
    .len();
    assert_eq!(seen["group_ranking"].as_u64(), Some(options as u64));
    // After the restart: the same people and the same join link.
    assert_eq!(seen["people_after_restart"], seen["people"]);
    assert_eq!(seen["join_after_restart"], true);

    // The ranking shown must be what `tradeoffs rank` gives for the same weights.
    let weights = seen["state"]["weights"].as_object().expect("weights");
    let entries: Vec<String> = weights
        .iter()
        .map(|(k, v)| format!("{k} = {}", v.as_f64().expect("w")))
        .collect();
    let criteria = tradeoffs::input::DEFAULT_CRITERIA.to_string()
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
    let ids = |v: &serde_json::Value| -> Vec<(String, u64)> {
        v.as_array()
            .expect("rows")
            .iter()
            .map(|r| {
                (
                    r["id"].as_str().expect("id").to_string(),
                    r["rank"].as_u64().expect("rank"),
                )
            })
            .collect()
    };
    assert_eq!(
        ids(&seen["order"]),
        ids(&expected["ranking"]),
        "the page shows the CLI's ranking"
    );

    // The save: a file that loads, with the profile and its display name.
    assert!(seen["saved"].as_str().expect("saved").contains("The room"));
    let text = std::fs::read_to_string(dir.path().join("criteria.toml")).expect("criteria");
    let model = tradeoffs::from_texts(tradeoffs::input::DEFAULT_OPTIONS, &text)
        .expect("the saved file loads");
    let p = model.profile_index("room").expect("saved profile");
    assert_eq!(model.profiles[p].name, "The room");
    // The log: whole lines, two session starts, four participants' submissions.
    let log = std::fs::read_to_string(dir.path().join("tradeoffs-session.jsonl")).expect("log");
    let events: Vec<serde_json::Value> = log
        .lines()
        .map(|l| serde_json::from_str(l).expect("whole line"))
        .collect();
    assert_eq!(
        events
            .iter()
            .filter(|e| e["event"] == "session-start")
            .count(),
        2
    );
    assert!(events.iter().filter(|e| e["event"] == "submission").count() >= 5);
    eprintln!("screenshots in {}", artifacts.display());
}
