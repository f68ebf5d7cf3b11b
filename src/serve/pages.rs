//! The two pages and their assets, compiled into the binary: the
//! facilitator's page (for a projector) at `/`, the participant's page (for
//! a phone) at `/join`, and the script and style they share.

use axum::Router;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;

const FACILITATOR: &str = include_str!("static/facilitator.html");
const PARTICIPANT: &str = include_str!("static/participant.html");
const SHARED_JS: &str = include_str!("static/shared.js");
const FACILITATOR_JS: &str = include_str!("static/facilitator.js");
const PARTICIPANT_JS: &str = include_str!("static/participant.js");
const STYLE: &str = include_str!("static/style.css");

/// Pages forbid framing and inline scripts from elsewhere.
const POLICY: &str = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'";

fn asset(content_type: &'static str, body: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CONTENT_SECURITY_POLICY, POLICY),
            (header::CACHE_CONTROL, "no-cache"),
            (header::REFERRER_POLICY, "no-referrer"),
        ],
        body,
    )
        .into_response()
}

/// The page routes.
pub fn routes<S: Clone + Send + Sync + 'static>() -> Router<S> {
    const HTML: &str = "text/html; charset=utf-8";
    const JS: &str = "text/javascript; charset=utf-8";
    Router::new()
        .route("/", get(|| async { asset(HTML, FACILITATOR) }))
        .route("/join", get(|| async { asset(HTML, PARTICIPANT) }))
        .route("/shared.js", get(|| async { asset(JS, SHARED_JS) }))
        .route(
            "/facilitator.js",
            get(|| async { asset(JS, FACILITATOR_JS) }),
        )
        .route(
            "/participant.js",
            get(|| async { asset(JS, PARTICIPANT_JS) }),
        )
        .route(
            "/style.css",
            get(|| async { asset("text/css; charset=utf-8", STYLE) }),
        )
}
