//! The workshop server: a local web page with live weights for a room of
//! stakeholders, and the JSON API behind it.
//!
//! The binary serves its own page (HTML, JavaScript and CSS compiled in) and
//! the routes below, nothing else: no files are read from the request path.
//!
//! | route | what |
//! |---|---|
//! | `GET /`, `GET /join` | the facilitator's page; the participant's page |
//! | `GET /api/model` | criteria, groups, profiles, options and their evidence |
//! | `POST /api/rank` | `{weights, method}` → the same JSON as `tradeoffs rank --format json` |
//! | `POST /api/sensitivity` | `{weights, method, criterion, rebalance}` → `tradeoffs sensitivity` JSON |
//! | `POST /api/smaa` | `{weights, spread, samples, seed}` → `tradeoffs smaa` JSON |
//! | `POST /api/participants` | `{token, name, weights}`: a participant submits |
//! | `GET /api/participants?key=` | participants, their rankings, and the group profile |
//! | `POST /api/save` | `{key, id, from}`: save a participant's or the group's weights as a profile |

mod api;
mod log;
mod save;
mod state;

use std::io::Write;
use std::net::SocketAddr;
use std::sync::Arc;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse};
use axum::routing::{get, post};

pub use state::{Session, SessionOptions};

/// The largest request body accepted.
pub const BODY_LIMIT: usize = 64 * 1024;

const INDEX: &str = include_str!("static/index.html");
const SCRIPT: &str = include_str!("static/app.js");
const STYLE: &str = include_str!("static/style.css");

/// Every route of the server.
pub fn router(session: Arc<Session>) -> Router {
    Router::new()
        .route("/", get(|| async { Html(INDEX) }))
        .route("/join", get(|| async { Html(INDEX) }))
        .route(
            "/app.js",
            get(|| async {
                (
                    [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
                    SCRIPT,
                )
            }),
        )
        .route(
            "/style.css",
            get(|| async { ([(header::CONTENT_TYPE, "text/css; charset=utf-8")], STYLE) }),
        )
        .route("/api/model", get(api::model_route))
        .route("/api/rank", post(api::rank))
        .route("/api/sensitivity", post(api::sensitivity))
        .route("/api/smaa", post(api::smaa))
        .route(
            "/api/participants",
            post(api::submit).get(api::participants),
        )
        .route("/api/save", post(api::save))
        .route("/api/session", get(api::session_route))
        .fallback(|| async {
            (
                StatusCode::NOT_FOUND,
                "no such page: the server serves only its own page and API",
            )
                .into_response()
        })
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .with_state(session)
}

/// Serves until interrupted, printing the facilitator's address.
///
/// # Errors
/// The address cannot be bound.
pub async fn serve(session: Arc<Session>, addr: SocketAddr) -> Result<(), crate::Error> {
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|e| crate::Error::Server(format!("cannot listen on {addr}: {e}")))?;
    let local = listener
        .local_addr()
        .map_err(|e| crate::Error::Server(e.to_string()))?;
    if !local.ip().is_loopback() {
        eprintln!(
            "warning: listening on {local}, beyond this machine: anyone on the network can open the page; participants still need the session token"
        );
    }
    // A closed stdout must not stop the workshop, so write without panicking.
    let mut out = std::io::stdout();
    let _ = writeln!(
        out,
        "tradeoffs workshop: http://{local}/?key={}",
        session.key
    );
    let _ = writeln!(
        out,
        "participants join: http://{local}/join?token={}",
        session.token
    );
    let _ = out.flush();
    axum::serve(listener, router(session))
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
        .map_err(|e| crate::Error::Server(e.to_string()))
}
