//! How people reach the session: the machine's network addresses, the join
//! link, its QR code, and the facilitator's view of all three.

use std::net::IpAddr;
use std::sync::Arc;
use std::sync::atomic::Ordering;

use axum::Json;
use axum::extract::{RawQuery, State};
use axum::http::HeaderMap;
use qrcode::QrCode;
use qrcode::render::svg;
use serde_json::{Value, json};

use super::http::{ApiError, facilitator};
use super::session::Session;

/// The addresses other machines can reach when bound to `bind`: the machine's
/// non-loopback interface addresses of the same family for an unspecified
/// bind (`0.0.0.0`, `::`), the bound address itself otherwise, and nothing
/// for loopback.
pub fn network_addresses(bind: IpAddr) -> Vec<IpAddr> {
    if bind.is_loopback() {
        return vec![];
    }
    if !bind.is_unspecified() {
        return vec![bind];
    }
    let mut found: Vec<IpAddr> = if_addrs::get_if_addrs()
        .unwrap_or_default()
        .into_iter()
        .map(|i| i.ip())
        .filter(|ip| !ip.is_loopback() && ip.is_ipv4() == bind.is_ipv4())
        // Link-local IPv6 needs a zone id no one can type.
        .filter(|ip| !matches!(ip, IpAddr::V6(v6) if (v6.segments()[0] & 0xffc0) == 0xfe80))
        .collect();
    found.sort();
    found.dedup();
    found
}

/// `http://host:port` for an address.
pub fn origin(ip: IpAddr, port: u16) -> String {
    match ip {
        IpAddr::V4(v4) => format!("http://{v4}:{port}"),
        IpAddr::V6(v6) => format!("http://[{v6}]:{port}"),
    }
}

/// The join links: one per network address, else the loopback one.
pub fn join_links(session: &Session) -> Vec<String> {
    let port = session.port.load(Ordering::Relaxed);
    let token = &session.secrets.token;
    let hosts: Vec<String> = if session.addresses.is_empty() {
        vec![origin(IpAddr::from([127, 0, 0, 1]), port)]
    } else {
        session
            .addresses
            .iter()
            .map(|ip| origin(*ip, port))
            .collect()
    };
    hosts
        .into_iter()
        .map(|h| format!("{h}/join?token={token}"))
        .collect()
}

/// The text as a QR code, in SVG.
pub fn qr_svg(text: &str) -> Option<String> {
    let code = QrCode::new(text.as_bytes()).ok()?;
    Some(
        code.render::<svg::Color<'_>>()
            .min_dimensions(200, 200)
            .quiet_zone(true)
            .build(),
    )
}

/// `GET /api/session`: what the facilitator's page shows about the
/// session: join links, QR code, short code, and where saves go.
pub async fn session_route(
    State(session): State<Arc<Session>>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Result<Json<Value>, ApiError> {
    facilitator(&session, &headers, query.as_deref())?;
    let links = join_links(&session);
    let criteria = session.criteria_file();
    let port = session.port.load(Ordering::Relaxed);
    Ok(Json(json!({
        "join": format!("/join?token={}", session.secrets.token),
        "links": links,
        "qr": links.first().and_then(|l| qr_svg(l)),
        "code": session.secrets.code,
        "code_url": session.addresses.first().map_or_else(|| origin(IpAddr::from([127, 0, 0, 1]), port), |ip| origin(*ip, port)) + "/join",
        "built_in": criteria.is_none(),
        "can_save": criteria.is_some(),
        "criteria_file": criteria.map(|p| p.display().to_string()),
        "resumed": session.resumed,
        "started": session.started,
    })))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loopback_has_no_network_address_and_a_named_one_is_itself() {
        assert!(network_addresses(IpAddr::from([127, 0, 0, 1])).is_empty());
        let lan = IpAddr::from([192, 168, 1, 20]);
        assert_eq!(network_addresses(lan), vec![lan]);
        for ip in network_addresses(IpAddr::from([0, 0, 0, 0])) {
            assert!(!ip.is_loopback() && !ip.is_unspecified());
        }
        assert_eq!(origin("::1".parse().expect("ip"), 80), "http://[::1]:80");
    }

    #[test]
    fn the_qr_code_is_svg() {
        let svg = qr_svg("http://192.168.1.20:7878/join?token=0123456789abcdef0123456789abcdef")
            .expect("fits");
        assert!(svg.contains("<svg") && svg.contains("</svg>"));
        roxmltree::Document::parse(&svg).expect("well-formed");
    }
}
