//! Driving the workshop router in-process: a session on the small model in a
//! temporary folder, and requests with a Host header and credentials.
#![allow(dead_code)]

use std::sync::Arc;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;
use tradeoffs::serve::{Session, SessionOptions, router};

pub const OPTIONS: &str = include_str!("../fixtures/small/options.toml");
pub const CRITERIA: &str = include_str!("../fixtures/small/criteria.toml");

pub struct Setup {
    pub dir: tempfile::TempDir,
    pub session: Arc<Session>,
}

impl Setup {
    pub fn key(&self) -> String {
        self.session.secrets.key.clone()
    }
    pub fn token(&self) -> String {
        self.session.secrets.token.clone()
    }
}

pub fn options(dir: &std::path::Path) -> SessionOptions {
    SessionOptions {
        criteria_path: Some(dir.join("criteria.toml")),
        options_path: Some(dir.join("options.toml")),
        log_path: Some(dir.join("log.jsonl")),
        state_path: Some(dir.join("state.json")),
        new_session: false,
        model_texts: (OPTIONS.into(), CRITERIA.into()),
        addresses: vec![],
        folder: dir.to_path_buf(),
    }
}

pub fn model() -> tradeoffs::Model {
    tradeoffs::from_texts(OPTIONS, CRITERIA).expect("valid")
}

/// A session on the small model, its files in a fresh folder.
pub fn setup() -> Setup {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("criteria.toml"), CRITERIA).expect("copy");
    std::fs::write(dir.path().join("options.toml"), OPTIONS).expect("copy");
    let session = Arc::new(Session::open(model(), options(dir.path())).expect("session"));
    Setup { dir, session }
}

/// A request with `Host: localhost`, the credential as a bearer token.
pub async fn request(
    s: &Setup,
    method: &str,
    uri: &str,
    body: Option<String>,
    auth: Option<&str>,
) -> (StatusCode, Value) {
    send(s, method, uri, body, auth, Some("localhost:7878"), true).await
}

pub async fn send(
    s: &Setup,
    method: &str,
    uri: &str,
    body: Option<String>,
    auth: Option<&str>,
    host: Option<&str>,
    json_type: bool,
) -> (StatusCode, Value) {
    let mut request = Request::builder().method(method).uri(uri);
    if body.is_some() && json_type {
        request = request.header("content-type", "application/json");
    }
    if let Some(host) = host {
        request = request.header("host", host);
    }
    if let Some(auth) = auth {
        request = request.header("authorization", format!("Bearer {auth}"));
    }
    let request = request
        .body(body.map_or(Body::empty(), Body::from))
        .expect("request");
    let response = router(s.session.clone())
        .oneshot(request)
        .await
        .expect("response");
    let status = response.status();
    let is_json = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    let bytes = response
        .into_body()
        .collect()
        .await
        .expect("body")
        .to_bytes();
    let value = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
    if status.is_client_error() || status.is_server_error() {
        assert!(is_json, "{uri}: error {status} is not JSON");
        assert!(
            value["error"].as_str().is_some_and(|m| !m.is_empty()),
            "{uri}: {status} has no error message: {value}"
        );
    }
    (status, value)
}

pub async fn post(s: &Setup, uri: &str, body: Value, auth: Option<&str>) -> (StatusCode, Value) {
    request(s, "POST", uri, Some(body.to_string()), auth).await
}
