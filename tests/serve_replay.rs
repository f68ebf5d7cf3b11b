//! `tradeoffs replay LOG` reads back a session log the server wrote: the
//! group profile, each participant's weights and top options, the timeline.

mod serve_common;

use serde_json::json;
use serve_common::{model, options, post, setup};
use tradeoffs::serve::Session;

#[tokio::test]
async fn a_session_log_replays_with_its_participants_and_restart() {
    let s = setup();
    let token = s.token();
    for (device, name, w) in [("device-ana-1", "Ana", 3), ("device-ben-1", "Ben", 1)] {
        let (status, _) = post(&s, "/api/participants", json!({ "device": device, "name": name, "weights": { "violence": w, "fentanyl_flow": 1 } }), Some(&token)).await;
        assert_eq!(status, 200);
    }
    // A restart in the middle, then a save.
    let resumed = Session::open(model(), options(s.dir.path())).expect("resumes");
    assert!(resumed.resumed);
    let (status, _) = post(
        &s,
        "/api/save",
        json!({ "id": "room", "name": "The room", "from": "group-arithmetic" }),
        Some(&s.key()),
    )
    .await;
    assert_eq!(status, 200);
    let log = s.dir.path().join("log.jsonl");
    // A line cut short, as a crashed writer of another tool might leave.
    let mut text = std::fs::read_to_string(&log).expect("log");
    text.push_str("{\"time\": 1, \"event\": \"subm\n");
    std::fs::write(&log, text).expect("write");

    let out = assert_cmd::Command::cargo_bin("tradeoffs")
        .expect("binary")
        .args([
            "--options",
            "tests/fixtures/small/options.toml",
            "--criteria",
            "tests/fixtures/small/criteria.toml",
            "replay",
        ])
        .arg(&log)
        .output()
        .expect("runs");
    assert!(out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stdout.starts_with("Group profile (2 participants, arithmetic mean): 1. "),
        "{stdout}"
    );
    // The group's violence weight: the mean of 0.75 and 0.5.
    let violence = tradeoffs::from_texts(serve_common::OPTIONS, serve_common::CRITERIA)
        .expect("m")
        .criteria
        .iter()
        .find(|c| c.id.as_str() == "violence")
        .expect("c")
        .name
        .clone();
    assert!(stdout.contains(&format!("{violence} 62.5%")), "{stdout}");
    assert!(
        stdout.contains("p1 Ana: 1. ") && stdout.contains("p2 Ben: 1. "),
        "{stdout}"
    );
    assert!(stdout.contains("session started"));
    assert!(stdout.contains("server restarted; session resumed"));
    assert!(stdout.contains("saved profile room (The room) from group-arithmetic"));
    assert!(
        stderr.contains("1 line of") && stderr.contains("could not be read"),
        "{stderr}"
    );
}
