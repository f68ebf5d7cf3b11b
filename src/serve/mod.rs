//! The workshop server: a facilitator's page for the projector, a
//! participant's page for phones, and the JSON API behind them.
//!
//! The binary serves its own pages (HTML, JavaScript and CSS compiled in)
//! and the routes below, nothing else: no files are read from the request
//! path. The README's workshop section documents every route, its
//! credentials and its statuses.
//!
//! | concern | module |
//! |---|---|
//! | the session: secrets, state file, resuming | [`session`] |
//! | the room: participants per device, caps | [`room`] and its routes in `participants` |
//! | the group: means, spread, Kendall's W | [`group`] |
//! | joining: addresses, join link, QR code | `join` |
//! | analyses: ranking, sensitivity, SMAA | `analyses` |
//! | saving profiles and backups | [`saving`] |
//! | the session log | [`log`] |
//! | errors, Host guard, credentials | [`http`] |
//! | the pages | `pages` |

mod analyses;
pub mod group;
pub mod http;
mod join;
pub mod log;
mod pages;
mod participants;
pub mod replay;
pub mod room;
pub mod saving;
pub mod session;
pub mod weights;

use std::io::Write;
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Duration;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{delete, get, post};
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;

pub use join::network_addresses;
pub use session::{Session, SessionOptions};

/// The largest request body accepted.
pub const BODY_LIMIT: usize = 64 * 1024;
/// How long a connection may take to send a request's headers, and how
/// long an idle keep-alive connection is kept.
pub const HEADER_TIMEOUT: Duration = Duration::from_secs(10);
/// Connections served at once; more wait in the operating system's queue.
pub const MAX_CONNECTIONS: usize = 512;

/// Every route of the server.
pub fn router(session: Arc<Session>) -> Router {
    let api = Router::new()
        .route("/api/model", get(analyses::model_route))
        .route("/api/rank", post(analyses::rank))
        .route("/api/sensitivity", post(analyses::sensitivity))
        .route("/api/smaa", post(analyses::smaa))
        .route("/api/join", post(participants::join))
        .route("/api/participants", post(participants::submit))
        .route("/api/participants/{id}", delete(participants::remove))
        .route("/api/room", get(participants::room_view))
        .route("/api/anonymous", post(participants::anonymous))
        .route("/api/events", get(participants::events))
        .route("/api/session", get(join::session_route))
        .route("/api/save", post(saving::save))
        .route("/api/write-model", post(saving::write_model));
    api.merge(pages::routes())
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(axum::middleware::from_fn(http::json_errors))
        .layer(axum::middleware::from_fn_with_state(
            session.clone(),
            http::check_host,
        ))
        .with_state(session)
}

/// Serves until interrupted, printing the facilitator's address and the
/// join link.
///
/// Each connection is served by hyper with a timer: a client that does not
/// send its headers within [`HEADER_TIMEOUT`] (or leaves a keep-alive
/// connection idle that long) is disconnected, and at most
/// [`MAX_CONNECTIONS`] are served at once, so half-open connections cannot
/// starve the room.
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
    session.port.store(local.port(), Ordering::Relaxed);
    announce(&session, local);
    let app = router(session);
    let slots = Arc::new(tokio::sync::Semaphore::new(MAX_CONNECTIONS));
    let accept = async {
        loop {
            let Ok(permit) = slots.clone().acquire_owned().await else {
                return;
            };
            let Ok((stream, _)) = listener.accept().await else {
                // Out of file descriptors and the like: wait, then go on.
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            };
            let service = TowerToHyperService::new(app.clone());
            tokio::spawn(async move {
                let _permit = permit;
                let _ = hyper::server::conn::http1::Builder::new()
                    .timer(TokioTimer::new())
                    .header_read_timeout(HEADER_TIMEOUT)
                    .serve_connection(TokioIo::new(stream), service)
                    .await;
            });
        }
    };
    tokio::select! {
        () = accept => Ok(()),
        _ = tokio::signal::ctrl_c() => Ok(()),
    }
}

fn announce(session: &Session, local: SocketAddr) {
    if !local.ip().is_loopback() {
        eprintln!(
            "warning: listening on {local}, beyond this machine: anyone on the network can open the page; participants still need the join link or code"
        );
    }
    // A closed stdout must not stop the workshop, so write without panicking.
    let mut out = std::io::stdout();
    let port = local.port();
    let facilitator_host = if local.ip().is_unspecified() || local.ip().is_loopback() {
        join::origin(std::net::IpAddr::from([127, 0, 0, 1]), port)
    } else {
        join::origin(local.ip(), port)
    };
    let _ = writeln!(
        out,
        "tradeoffs workshop: {facilitator_host}/?key={}",
        session.secrets.key
    );
    for link in join::join_links(session) {
        let _ = writeln!(out, "participants join: {link}");
    }
    let _ = writeln!(
        out,
        "or open {}/join and type the code {}",
        session
            .addresses
            .first()
            .map_or(facilitator_host.clone(), |ip| join::origin(*ip, port)),
        session.secrets.code
    );
    if session.resumed {
        let n = session.room().map(|r| r.participants.len()).unwrap_or(0);
        let _ = writeln!(
            out,
            "resumed the session with {n} participant{} (start afresh with --new-session)",
            if n == 1 { "" } else { "s" }
        );
    }
    let _ = out.flush();
}
