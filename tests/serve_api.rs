//! The workshop API, driven in-process through the router: answers, refusals,
//! participants, saving a profile, and the session log.

use std::sync::Arc;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use serde_json::{Value, json};
use tower::ServiceExt;
use tradeoffs::serve::{Session, SessionOptions, router};

struct Setup {
    dir: tempfile::TempDir,
    session: Arc<Session>,
}

fn setup() -> Setup {
    let dir = tempfile::tempdir().expect("temp dir");
    let criteria = dir.path().join("criteria.toml");
    std::fs::copy("tests/fixtures/small/criteria.toml", &criteria).expect("copy");
    let model = tradeoffs::from_texts(
        include_str!("fixtures/small/options.toml"),
        include_str!("fixtures/small/criteria.toml"),
    )
    .expect("valid");
    let session = Arc::new(Session::new(
        model,
        SessionOptions {
            criteria_path: Some(criteria),
            log_path: Some(dir.path().join("log.jsonl")),
        },
    ));
    Setup { dir, session }
}

async fn call(s: &Setup, method: &str, uri: &str, body: Option<String>) -> (StatusCode, Value) {
    let mut request = Request::builder().method(method).uri(uri);
    if body.is_some() {
        request = request.header("content-type", "application/json");
    }
    let request = request
        .body(body.map_or(Body::empty(), Body::from))
        .expect("request");
    let response = router(s.session.clone())
        .oneshot(request)
        .await
        .expect("response");
    let status = response.status();
    let bytes = response
        .into_body()
        .collect()
        .await
        .expect("body")
        .to_bytes();
    (
        status,
        serde_json::from_slice(&bytes).unwrap_or(Value::Null),
    )
}

async fn post(s: &Setup, uri: &str, body: Value) -> (StatusCode, Value) {
    call(s, "POST", uri, Some(body.to_string())).await
}

#[tokio::test]
async fn rank_answers_exactly_what_the_cli_prints() {
    let s = setup();
    let (status, api) = post(&s, "/api/rank", json!({ "weights": { "fentanyl_flow": 40, "durability": 20, "violence": 25, "cost_us": 15 }, "profile": "balanced" })).await;
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
async fn sensitivity_and_smaa_answer_for_the_current_weights() {
    let s = setup();
    let weights = json!({ "fentanyl_flow": 40, "durability": 20, "violence": 25, "cost_us": 15 });
    let (status, v) = post(
        &s,
        "/api/sensitivity",
        json!({ "weights": weights, "criterion": "violence" }),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(v["criteria"][0]["id"], "violence");
    assert!(
        !v["criteria"][0]["thresholds"]
            .as_array()
            .expect("thresholds")
            .is_empty()
    );
    let (status, v) = post(
        &s,
        "/api/smaa",
        json!({ "weights": weights, "samples": 2000, "seed": 1 }),
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

#[tokio::test]
async fn bad_requests_get_a_4xx_with_a_message_and_the_server_keeps_serving() {
    let s = setup();
    let cases: Vec<(Option<String>, &str, StatusCode)> = vec![
        (
            Some("{not json".into()),
            "/api/rank",
            StatusCode::BAD_REQUEST,
        ),
        (
            Some(json!({ "weights": { "violense": 1 } }).to_string()),
            "/api/rank",
            StatusCode::BAD_REQUEST,
        ),
        (
            Some(json!({ "weights": { "violence": -1 } }).to_string()),
            "/api/rank",
            StatusCode::BAD_REQUEST,
        ),
        (
            Some(json!({ "weights": { "violence": 0 } }).to_string()),
            "/api/rank",
            StatusCode::BAD_REQUEST,
        ),
        (
            Some(r#"{"weights": {"violence": 1e999}}"#.into()),
            "/api/rank",
            StatusCode::BAD_REQUEST,
        ),
        (
            Some(json!({ "weights": { "violence": 1 }, "method": "wsn" }).to_string()),
            "/api/rank",
            StatusCode::BAD_REQUEST,
        ),
        (
            Some(json!({ "weights": { "violence": 1 }, "extra": 1 }).to_string()),
            "/api/rank",
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        (
            Some(format!(
                r#"{{"weights": {{"violence": 1}}, "method": "{}"}}"#,
                "x".repeat(70_000)
            )),
            "/api/rank",
            StatusCode::PAYLOAD_TOO_LARGE,
        ),
        (
            Some(json!({ "weights": { "violence": 1 }, "samples": 10_000_000 }).to_string()),
            "/api/smaa",
            StatusCode::BAD_REQUEST,
        ),
        (
            Some(
                json!({ "token": "wrong", "name": "Ana", "weights": { "violence": 1 } })
                    .to_string(),
            ),
            "/api/participants",
            StatusCode::FORBIDDEN,
        ),
        (
            Some(json!({ "key": "wrong", "id": "x", "from": "group-arithmetic" }).to_string()),
            "/api/save",
            StatusCode::FORBIDDEN,
        ),
    ];
    for (body, uri, want) in cases {
        let (status, v) = call(&s, "POST", uri, body.clone()).await;
        assert_eq!(
            status,
            want,
            "{uri} {:?}",
            body.map(|b| b.chars().take(80).collect::<String>())
        );
        if status == StatusCode::BAD_REQUEST && v.is_object() {
            assert!(v["error"].as_str().is_some_and(|m| !m.is_empty()), "{v}");
        }
    }
    let (status, v) = post(&s, "/api/rank", json!({ "weights": { "violense": 1 } })).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(
        v["error"],
        "unknown criterion `violense`; did you mean `violence`?"
    );
    for path in [
        "/etc/passwd",
        "/../criteria.toml",
        "/static/app.js",
        "/api/participants",
    ] {
        let (status, _) = call(&s, "GET", path, None).await;
        assert!(
            status == StatusCode::NOT_FOUND || status == StatusCode::FORBIDDEN,
            "{path}: {status}"
        );
    }
    let (status, _) = post(&s, "/api/rank", json!({ "weights": { "violence": 1 } })).await;
    assert_eq!(status, StatusCode::OK, "still serving");
}

#[tokio::test]
async fn participants_make_a_group_profile_that_can_be_saved() {
    let s = setup();
    let token = s.session.token.clone();
    let key = s.session.key.clone();
    let (status, _) = post(
        &s,
        "/api/participants",
        json!({ "token": token, "name": "Ana", "weights": { "violence": 3, "fentanyl_flow": 1 } }),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = post(
        &s,
        "/api/participants",
        json!({ "token": token, "name": "Ben", "weights": { "violence": 1, "fentanyl_flow": 1 } }),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let (status, v) = call(&s, "GET", &format!("/api/participants?key={key}"), None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(v["participants"].as_array().expect("people").len(), 2);
    // Arithmetic mean of (0.75, 0.25) and (0.5, 0.5) on violence and fentanyl flow.
    assert!((v["group"]["weights"]["violence"].as_f64().expect("w") - 0.625).abs() < 1e-12);
    let (_, g) = call(
        &s,
        "GET",
        &format!("/api/participants?key={key}&mean=geometric"),
        None,
    )
    .await;
    // Geometric: √(0.75·0.5) and √(0.25·0.5), renormalized.
    let (a, b) = ((0.75f64 * 0.5).sqrt(), (0.25f64 * 0.5).sqrt());
    assert!((g["group"]["weights"]["violence"].as_f64().expect("w") - a / (a + b)).abs() < 1e-9);

    let path = s.dir.path().join("criteria.toml");
    let before = std::fs::read_to_string(&path).expect("read");
    let (status, v) = post(
        &s,
        "/api/save",
        json!({ "key": key, "id": "workshop_group", "from": "group-arithmetic" }),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{v}");
    let after = std::fs::read_to_string(&path).expect("read");
    assert!(
        after.starts_with(&before),
        "the rest of the file is kept byte for byte"
    );
    assert!(after.contains("[profiles.workshop_group]"));
    assert_eq!(
        std::fs::read_to_string(path.with_extension("toml.bak")).expect("backup"),
        before
    );
    let model = tradeoffs::from_texts(include_str!("fixtures/small/options.toml"), &after)
        .expect("the saved file is valid");
    let saved = model.profile_index("workshop_group").expect("profile");
    let w = tradeoffs::weights::of_profile(&model, &model.profiles[saved]).weights;
    assert!((w[2] - 0.625).abs() < 1e-4, "{w:?}");
    let (status, _) = post(
        &s,
        "/api/save",
        json!({ "key": key, "id": "workshop_group", "from": "Ana" }),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT, "no overwriting a profile");
    let (status, _) = post(
        &s,
        "/api/save",
        json!({ "key": key, "id": "Bad Id", "from": "Ana" }),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);

    let log = std::fs::read_to_string(s.dir.path().join("log.jsonl")).expect("log");
    let events: Vec<String> = log
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).expect("json line")["event"]
                .as_str()
                .unwrap_or("")
                .to_string()
        })
        .collect();
    assert_eq!(events.iter().filter(|e| *e == "submission").count(), 2);
    assert!(events.contains(&"save".to_string()));
}

#[tokio::test]
async fn saving_into_the_built_in_model_is_refused() {
    let model = tradeoffs::from_texts(
        include_str!("fixtures/small/options.toml"),
        include_str!("fixtures/small/criteria.toml"),
    )
    .expect("valid");
    let session = Arc::new(Session::new(model, SessionOptions::default()));
    let s = Setup {
        dir: tempfile::tempdir().expect("dir"),
        session,
    };
    let key = s.session.key.clone();
    let (status, v) = post(
        &s,
        "/api/save",
        json!({ "key": key, "id": "x", "from": "group-arithmetic" }),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(
        v["error"]
            .as_str()
            .expect("message")
            .contains("built-in model")
    );
}
