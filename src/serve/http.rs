//! The HTTP edge: the one error shape, the JSON body extractor that maps
//! axum's own refusals to it, the Host header guard, and the credentials a
//! request carries.
//!
//! Every refusal is `{"error": "…"}` with a status from the README's table:
//! 400 bad request, 401 no credentials, 403 wrong credentials or foreign
//! Host, 404 no such route or item, 405 wrong method, 408 body too slow,
//! 409 conflict, 413 body too large, 415 not JSON, 422 well-formed JSON of
//! the wrong shape, 429 too many, 500 the server's fault, 503 busy or out of
//! time.

use std::time::Duration;

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, Request, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde::de::DeserializeOwned;
use serde_json::json;

use super::session::Session;

/// How long a client may take to send a request body.
pub const BODY_TIMEOUT: Duration = Duration::from_secs(10);

/// A refused request: a status and a sentence.
#[derive(Debug)]
pub struct ApiError(pub StatusCode, pub String);

impl ApiError {
    /// 400: the request says something the server cannot do.
    pub fn bad(message: impl Into<String>) -> Self {
        ApiError(StatusCode::BAD_REQUEST, message.into())
    }

    /// 403: the credentials are wrong.
    pub fn forbidden(message: impl Into<String>) -> Self {
        ApiError(StatusCode::FORBIDDEN, message.into())
    }

    /// 409: the request conflicts with what exists.
    pub fn conflict(message: impl Into<String>) -> Self {
        ApiError(StatusCode::CONFLICT, message.into())
    }

    /// 500: the server failed.
    pub fn internal(message: impl Into<String>) -> Self {
        ApiError(StatusCode::INTERNAL_SERVER_ERROR, message.into())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.0, Json(json!({ "error": self.1 }))).into_response()
    }
}

/// A JSON request body whose every refusal (wrong content type, bad syntax,
/// wrong shape, too large, too slow) is an [`ApiError`].
#[derive(Debug)]
pub struct JsonBody<T>(pub T);

impl<S, T> FromRequest<S> for JsonBody<T>
where
    S: Send + Sync,
    T: DeserializeOwned,
{
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        match tokio::time::timeout(BODY_TIMEOUT, Json::<T>::from_request(req, state)).await {
            Err(_) => Err(ApiError(
                StatusCode::REQUEST_TIMEOUT,
                "the request body took too long to arrive".into(),
            )),
            Ok(Ok(Json(value))) => Ok(JsonBody(value)),
            Ok(Err(rejection)) => Err(from_rejection(&rejection)),
        }
    }
}

fn from_rejection(rejection: &JsonRejection) -> ApiError {
    let status = rejection.status();
    let message = match rejection {
        JsonRejection::MissingJsonContentType(_) => {
            "send the body as JSON with `content-type: application/json`".to_string()
        }
        JsonRejection::JsonSyntaxError(_) => {
            format!("the body is not valid JSON: {}", rejection.body_text())
        }
        JsonRejection::JsonDataError(_) => format!(
            "the JSON does not fit this route: {}",
            rejection.body_text()
        ),
        _ if status == StatusCode::PAYLOAD_TOO_LARGE => {
            format!("the body is larger than {} bytes", super::BODY_LIMIT)
        }
        _ => rejection.body_text(),
    };
    ApiError(status, message)
}

/// Turns any error response that is not already JSON (axum's 404, 405, a
/// query rejection) into the one error shape, keeping its status.
pub async fn json_errors(req: Request, next: Next) -> Response {
    let response = next.run(req).await;
    let status = response.status();
    let is_json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    if status.is_client_error() || status.is_server_error() {
        if is_json {
            return response;
        }
        let (_, body) = response.into_parts();
        let text = axum::body::to_bytes(body, 4096)
            .await
            .map(|b| String::from_utf8_lossy(&b).trim().to_string())
            .unwrap_or_default();
        let message = match status {
            StatusCode::NOT_FOUND => {
                "no such page: the server serves only its own pages and API".to_string()
            }
            StatusCode::METHOD_NOT_ALLOWED => "this route does not take that method".to_string(),
            _ if !text.is_empty() => text,
            _ => status
                .canonical_reason()
                .unwrap_or("request refused")
                .to_string(),
        };
        return ApiError(status, message).into_response();
    }
    response
}

/// Refuses (403) a request whose Host header names neither the bound
/// address, `localhost`, nor one of the printed network addresses: a page
/// from another site that rebinds its DNS name to this machine sends its
/// own name as Host, and is turned away here.
pub async fn check_host(
    State(session): State<std::sync::Arc<Session>>,
    req: Request,
    next: Next,
) -> Response {
    let host = req
        .headers()
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if session.hosts.allows(host) {
        next.run(req).await
    } else {
        ApiError::forbidden(format!(
            "this server answers only to its own addresses, not to the host `{}`",
            host.chars().take(100).collect::<String>()
        ))
        .into_response()
    }
}

/// The host names a request may use.
#[derive(Debug, Clone, Default)]
pub struct AllowedHosts {
    names: Vec<String>,
}

impl AllowedHosts {
    /// `localhost`, the loopback addresses, and these addresses.
    pub fn new(addresses: impl IntoIterator<Item = std::net::IpAddr>) -> Self {
        let mut names: Vec<String> = vec!["localhost".into(), "127.0.0.1".into(), "[::1]".into()];
        for ip in addresses {
            names.push(match ip {
                std::net::IpAddr::V4(v4) => v4.to_string(),
                std::net::IpAddr::V6(v6) => format!("[{v6}]"),
            });
        }
        names.sort();
        names.dedup();
        AllowedHosts { names }
    }

    /// Whether `host` (with or without a port) is one of ours.
    pub fn allows(&self, host: &str) -> bool {
        let host = host.trim().to_ascii_lowercase();
        // Strip the port: after the closing bracket for IPv6, else after the last colon.
        let name = if host.starts_with('[') {
            host.split_inclusive(']').next().unwrap_or("")
        } else {
            host.rsplit_once(':').map_or(host.as_str(), |(n, _)| n)
        };
        let port_ok = host[name.len()..].is_empty()
            || host[name.len()..]
                .strip_prefix(':')
                .is_some_and(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
        port_ok && self.names.iter().any(|n| n == name)
    }
}

/// Who a request says it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Caller {
    /// Holds the facilitator's key.
    Facilitator,
    /// Holds the participants' token.
    Participant,
}

/// The credential a request carries: `Authorization: Bearer <key or token>`,
/// else a `key=` or `token=` query parameter (an `EventSource` cannot set
/// headers).
pub fn credential(headers: &HeaderMap, query: Option<&str>) -> Option<String> {
    if let Some(bearer) = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
    {
        return Some(bearer.trim().to_string());
    }
    let query = query?;
    url_pairs(query)
        .into_iter()
        .find(|(k, _)| k == "key" || k == "token")
        .map(|(_, v)| v)
}

/// Minimal `a=b&c=d` splitting; secrets are hex, so no decoding is needed
/// beyond leaving anything odd unmatched.
fn url_pairs(query: &str) -> Vec<(String, String)> {
    query
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

/// Who the request's credential names, or a 401/403.
pub fn caller(
    session: &Session,
    headers: &HeaderMap,
    query: Option<&str>,
) -> Result<Caller, ApiError> {
    let Some(given) = credential(headers, query) else {
        return Err(ApiError(
            StatusCode::UNAUTHORIZED,
            "this route needs the session token (the join link) or the facilitator's key".into(),
        ));
    };
    if session.secrets.key_matches(&given) {
        Ok(Caller::Facilitator)
    } else if session.secrets.token_matches(&given) {
        Ok(Caller::Participant)
    } else {
        Err(ApiError::forbidden(
            "the session token or key is wrong; use the join link the facilitator shows",
        ))
    }
}

/// The facilitator's key, or a 401/403.
pub fn facilitator(
    session: &Session,
    headers: &HeaderMap,
    query: Option<&str>,
) -> Result<(), ApiError> {
    match caller(session, headers, query)? {
        Caller::Facilitator => Ok(()),
        Caller::Participant => Err(ApiError::forbidden(
            "only the facilitator's key may do this",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_match_with_or_without_a_port_and_nothing_else() {
        let hosts = AllowedHosts::new(["192.168.1.20".parse().expect("ip")]);
        for ok in [
            "localhost",
            "localhost:7878",
            "127.0.0.1:1",
            "192.168.1.20:7878",
            "[::1]:80",
            "LOCALHOST",
        ] {
            assert!(hosts.allows(ok), "{ok}");
        }
        for no in [
            "evil.example",
            "evil.example:7878",
            "localhost.evil.example",
            "192.168.1.2",
            "",
            "localhost:",
            "localhost:80x",
            "127.0.0.1.nip.io",
        ] {
            assert!(!hosts.allows(no), "{no}");
        }
    }
}
