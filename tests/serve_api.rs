//! The workshop API, driven in-process through the router: answers,
//! participants per device, the room's view, saving, the session log, and
//! resuming a session from its state file.

mod serve_common;

use axum::http::StatusCode;
use serde_json::{Value, json};
use serve_common::{Setup, model, options, post, request, setup};
use tradeoffs::serve::Session;

#[tokio::test]
async fn rank_answers_exactly_what_the_cli_prints() {
    let s = setup();
    let (status, api) = post(&s, "/api/rank", json!({ "weights": { "fentanyl_flow": 40, "durability": 20, "violence": 25, "cost_us": 15 }, "profile": "balanced" }), None).await;
    assert_eq!(status, StatusCode::OK);
    let out = assert_cmd::Command::cargo_bin("tradeoffs")
        .expect("binary")
        .args([
            "--options",
            "tests/fixtures/small/options.toml",
            "--criteria",
            "tests/fixtures/small/criteria.toml",
            "rank",
            "--profile",
            "balanced",
            "--format",
            "json",
        ])
        .output()
        .expect("runs");
    let cli: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(api, cli);
}

#[tokio::test]
async fn sensitivity_names_the_next_leader_and_smaa_answers() {
    let s = setup();
    let token = s.token();
    let weights = json!({ "fentanyl_flow": 40, "durability": 20, "violence": 25, "cost_us": 15 });
    let (status, v) = post(
        &s,
        "/api/sensitivity",
        json!({ "weights": weights, "criterion": "violence" }),
        Some(&token),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{v}");
    assert_eq!(v["criteria"][0]["id"], "violence");
    let leader = &v["leader"];
    assert_eq!(leader["now"]["id"], v["top"]);
    // Just past each end of the stable interval, someone else leads.
    for side in ["up", "down"] {
        if let Some(id) = leader[side]["leader"]["id"].as_str() {
            assert_ne!(id, v["top"].as_str().expect("top"), "{side}");
        }
    }
    assert!(
        leader["up"].is_object() || leader["down"].is_object(),
        "{leader}"
    );
    let (status, v) = post(
        &s,
        "/api/smaa",
        json!({ "weights": weights, "samples": 2000, "seed": 1 }),
        Some(&token),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(v["samples"], 2000);
    let total: f64 = v["options"]
        .as_array()
        .expect("options")
        .iter()
        .map(|o| o["acceptability"][0].as_f64().expect("n"))
        .sum();
    assert!((total - 1.0).abs() < 1e-9);
}

async fn submit(s: &Setup, device: &str, name: &str, weights: Value) -> (StatusCode, Value) {
    let token = s.token();
    post(
        s,
        "/api/participants",
        json!({ "device": device, "name": name, "weights": weights }),
        Some(&token),
    )
    .await
}

#[tokio::test]
async fn the_room_shows_group_weights_ranking_and_disagreement() {
    let s = setup();
    let key = s.key();
    assert_eq!(
        submit(
            &s,
            "device-ana-1",
            "Ana",
            json!({ "violence": 3, "fentanyl_flow": 1 })
        )
        .await
        .0,
        StatusCode::OK
    );
    assert_eq!(
        submit(
            &s,
            "device-ben-1",
            "Ben",
            json!({ "violence": 1, "fentanyl_flow": 1 })
        )
        .await
        .0,
        StatusCode::OK
    );
    // A second Ana on another device is another participant.
    let (status, v) = submit(
        &s,
        "device-ana-2",
        "Ana",
        json!({ "violence": 1, "fentanyl_flow": 3 }),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(v["participants"], 3);
    let (status, v) = request(&s, "GET", "/api/room", None, Some(&key)).await;
    assert_eq!(status, StatusCode::OK, "{v}");
    let people = v["participants"].as_array().expect("people");
    assert_eq!(people.len(), 3);
    // Arithmetic mean of violence: (0.75 + 0.5 + 0.25) / 3 = 0.5.
    assert!((v["group"]["weights"]["violence"].as_f64().expect("w") - 0.5).abs() < 1e-12);
    assert_eq!(
        v["group"]["ranking"].as_array().expect("ranking").len(),
        model().options.len()
    );
    let spread = &v["disagreement"]["spread"]["violence"];
    assert_eq!(
        (spread["min"].as_f64(), spread["max"].as_f64()),
        (Some(0.25), Some(0.75))
    );
    let w = v["disagreement"]["kendall_w"].as_f64().expect("W");
    assert!((0.0..=1.0).contains(&w));
    let (_, g) = request(&s, "GET", "/api/room?mean=geometric", None, Some(&key)).await;
    assert_eq!(g["group"]["mean"], "geometric");

    // Anonymous mode hides names; removing a submission takes it out.
    assert_eq!(
        post(
            &s,
            "/api/anonymous",
            json!({ "anonymous": true }),
            Some(&key)
        )
        .await
        .0,
        StatusCode::OK
    );
    let (_, v) = request(&s, "GET", "/api/room", None, Some(&key)).await;
    assert!(
        v["participants"]
            .as_array()
            .expect("p")
            .iter()
            .all(|p| p["name"].as_str().expect("n").starts_with("Participant "))
    );
    let id = people[1]["id"].as_u64().expect("id");
    assert_eq!(
        request(
            &s,
            "DELETE",
            &format!("/api/participants/{id}"),
            None,
            Some(&key)
        )
        .await
        .0,
        StatusCode::OK
    );
    assert_eq!(
        request(
            &s,
            "DELETE",
            &format!("/api/participants/{id}"),
            None,
            Some(&key)
        )
        .await
        .0,
        StatusCode::NOT_FOUND
    );
    let (_, v) = request(&s, "GET", "/api/room", None, Some(&key)).await;
    assert_eq!(v["participants"].as_array().expect("p").len(), 2);
    // Participants cannot see the room.
    let token = s.token();
    assert_eq!(
        request(&s, "GET", "/api/room", None, Some(&token)).await.0,
        StatusCode::FORBIDDEN
    );
}

#[tokio::test]
async fn saving_validates_keeps_every_backup_and_adds_to_the_picker() {
    let s = setup();
    let key = s.key();
    submit(
        &s,
        "device-ana-1",
        "Ana",
        json!({ "violence": 3, "fentanyl_flow": 1 }),
    )
    .await;
    submit(
        &s,
        "device-ben-1",
        "Ben",
        json!({ "violence": 1, "fentanyl_flow": 1 }),
    )
    .await;
    let path = s.dir.path().join("criteria.toml");
    let before = std::fs::read_to_string(&path).expect("read");
    let (status, v) = post(
        &s,
        "/api/save",
        json!({ "id": "workshop_group", "name": "The room", "from": "group-arithmetic" }),
        Some(&key),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{v}");
    assert_eq!(v["profile"]["name"], "The room");
    let after = std::fs::read_to_string(&path).expect("read");
    assert!(
        after.starts_with(&before),
        "the rest of the file is kept byte for byte"
    );
    let first_backup = v["backup"].as_str().expect("backup").to_string();
    assert_eq!(
        std::fs::read_to_string(&first_backup).expect("backup"),
        before
    );
    let loaded =
        tradeoffs::from_texts(serve_common::OPTIONS, &after).expect("the saved file is valid");
    let saved = loaded.profile_index("workshop_group").expect("profile");
    let w = tradeoffs::weights::of_profile(&loaded, &loaded.profiles[saved]).weights;
    assert!((w[2] - 0.625).abs() < 1e-4, "{w:?}");
    // The picker (the model route) has it at once.
    let (_, m) = request(&s, "GET", "/api/model", None, None).await;
    assert!(
        m["profiles"]
            .as_array()
            .expect("p")
            .iter()
            .any(|p| p["id"] == "workshop_group" && p["name"] == "The room")
    );
    // A second save keeps a second backup; the first is untouched.
    let (_, room) = request(&s, "GET", "/api/room", None, Some(&key)).await;
    let ana = room["participants"][0]["id"].as_u64().expect("id");
    let (status, v) = post(
        &s,
        "/api/save",
        json!({ "id": "ana", "from": format!("participant-{ana}") }),
        Some(&key),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{v}");
    assert_ne!(v["backup"].as_str().expect("b"), first_backup);
    assert_eq!(
        std::fs::read_to_string(&first_backup).expect("backup"),
        before
    );
    assert_eq!(
        std::fs::read_to_string(v["backup"].as_str().expect("b")).expect("b2"),
        after
    );
    // No overwriting a profile, no bad ids, no unknown source.
    assert_eq!(
        post(
            &s,
            "/api/save",
            json!({ "id": "ana", "from": "group-arithmetic" }),
            Some(&key)
        )
        .await
        .0,
        StatusCode::CONFLICT
    );
    assert_eq!(
        post(
            &s,
            "/api/save",
            json!({ "id": "Bad Id", "from": "group-arithmetic" }),
            Some(&key)
        )
        .await
        .0,
        StatusCode::BAD_REQUEST
    );
    assert_eq!(
        post(
            &s,
            "/api/save",
            json!({ "id": "x", "from": "group-arithmetic" }),
            Some(&s.token())
        )
        .await
        .0,
        StatusCode::FORBIDDEN
    );

    let log = std::fs::read_to_string(s.dir.path().join("log.jsonl")).expect("log");
    let events: Vec<Value> = log
        .lines()
        .map(|l| serde_json::from_str(l).expect("json line"))
        .collect();
    assert_eq!(events[0]["event"], "session-start");
    assert_eq!(events[0]["model_hash"].as_str().expect("hash").len(), 64);
    let submissions: Vec<&Value> = events
        .iter()
        .filter(|e| e["event"] == "submission")
        .collect();
    assert_eq!(submissions.len(), 2);
    assert!(
        submissions[0]["weights"]["violence"].is_number(),
        "weights by criterion id"
    );
    assert_eq!(events.iter().filter(|e| e["event"] == "save").count(), 2);
}

#[tokio::test]
async fn ranking_is_not_logged() {
    let s = setup();
    for _ in 0..20 {
        post(
            &s,
            "/api/rank",
            json!({ "weights": { "violence": 1 } }),
            None,
        )
        .await;
    }
    let log = std::fs::read_to_string(s.dir.path().join("log.jsonl")).expect("log");
    assert_eq!(log.lines().count(), 1, "only the session start: {log}");
}

#[tokio::test]
async fn a_restarted_server_resumes_the_session() {
    let s = setup();
    submit(
        &s,
        "device-ana-1",
        "Ana",
        json!({ "violence": 3, "fentanyl_flow": 1 }),
    )
    .await;
    let (key, token, code) = (s.key(), s.token(), s.session.secrets.code.clone());
    let again = Session::open(model(), options(s.dir.path())).expect("resumed");
    assert!(again.resumed);
    assert_eq!(
        (
            again.secrets.key.clone(),
            again.secrets.token.clone(),
            again.secrets.code.clone()
        ),
        (key.clone(), token, code)
    );
    assert_eq!(again.room().expect("room").participants.len(), 1);
    let fresh = Session::open(
        model(),
        tradeoffs::serve::SessionOptions {
            new_session: true,
            ..options(s.dir.path())
        },
    )
    .expect("new");
    assert!(!fresh.resumed);
    assert_ne!(fresh.secrets.key, key);
    assert_eq!(fresh.room().expect("room").participants.len(), 0);
    // A damaged state file is a clear error, not a silent fresh start.
    std::fs::write(s.dir.path().join("state.json"), "{ half").expect("write");
    let e = Session::open(model(), options(s.dir.path())).expect_err("refused");
    assert!(e.to_string().contains("--new-session"), "{e}");
}

#[tokio::test]
async fn a_code_is_exchanged_for_the_token() {
    let s = setup();
    let code = s.session.secrets.code.to_lowercase();
    let (status, v) = post(&s, "/api/join", json!({ "code": code }), None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(v["token"], s.token());
    assert_eq!(
        post(&s, "/api/join", json!({ "code": "AAAAAA" }), None)
            .await
            .0,
        StatusCode::FORBIDDEN
    );
    let (status, v) = request(&s, "GET", "/api/session", None, Some(&s.key())).await;
    assert_eq!(status, StatusCode::OK);
    assert!(v["qr"].as_str().expect("qr").contains("<svg"));
    assert_eq!(v["code"], s.session.secrets.code);
}

#[tokio::test]
async fn the_built_in_model_is_written_out_before_saving() {
    let dir = tempfile::tempdir().expect("dir");
    let session = std::sync::Arc::new(Session::new(
        tradeoffs::from_texts(
            tradeoffs::input::DEFAULT_OPTIONS,
            tradeoffs::input::DEFAULT_CRITERIA,
        )
        .expect("valid"),
        tradeoffs::serve::SessionOptions {
            folder: dir.path().to_path_buf(),
            ..Default::default()
        },
    ));
    let s = Setup { dir, session };
    let key = s.key();
    let (_, v) = request(&s, "GET", "/api/session", None, Some(&key)).await;
    assert_eq!(v["built_in"], true);
    let (status, v) = post(
        &s,
        "/api/save",
        json!({ "id": "x", "from": "group-arithmetic" }),
        Some(&key),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(
        v["error"]
            .as_str()
            .expect("message")
            .contains("built-in model")
    );
    let (status, v) = request(&s, "POST", "/api/write-model", None, Some(&key)).await;
    assert_eq!(status, StatusCode::OK, "{v}");
    assert_eq!(
        std::fs::read_to_string(s.dir.path().join("criteria.toml")).expect("written"),
        tradeoffs::input::DEFAULT_CRITERIA
    );
    assert_eq!(
        request(&s, "POST", "/api/write-model", None, Some(&key))
            .await
            .0,
        StatusCode::CONFLICT
    );
    let token = s.token();
    let first = tradeoffs::from_texts(
        tradeoffs::input::DEFAULT_OPTIONS,
        tradeoffs::input::DEFAULT_CRITERIA,
    )
    .expect("m")
    .criteria[0]
        .id
        .to_string();
    post(
        &s,
        "/api/participants",
        json!({ "device": "device-ana-1", "name": "Ana", "weights": { first: 1 } }),
        Some(&token),
    )
    .await;
    let (status, v) = post(
        &s,
        "/api/save",
        json!({ "id": "room", "from": "group-arithmetic" }),
        Some(&key),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{v}");
}
