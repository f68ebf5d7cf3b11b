//! The room's routes: joining, submitting, the facilitator's view of the
//! room (group weights, group ranking, disagreement), removing a
//! submission, anonymous mode, and live updates.

use std::collections::BTreeMap;
use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use axum::Json;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::sse::{Event, KeepAlive, Sse};
use futures_util::Stream;
use indexmap::IndexMap;
use serde::Deserialize;
use serde_json::{Value, json};

use super::analyses::ranking;
use super::group::{Mean, group_weights, kendall_w, mid_ranks, spreads};
use super::http::{ApiError, Caller, JsonBody, caller, facilitator};
use super::room::{Elicitation, Participant, RoomError};
use super::session::{Session, now};
use super::weights::{by_id, from_ids, normalized};
use crate::methods::MethodKind;
use crate::model::Model;

/// Wrong short codes allowed per minute before joining by code pauses.
const WRONG_CODES_PER_MINUTE: u32 = 30;

/// `POST /api/join` body.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JoinBody {
    code: String,
}

/// `POST /api/join`: the short code typed by a participant, exchanged for
/// the session token.
pub async fn join(
    State(session): State<Arc<Session>>,
    JsonBody(body): JsonBody<JoinBody>,
) -> Result<Json<Value>, ApiError> {
    let mut tries = session
        .wrong_codes
        .lock()
        .map_err(|_| ApiError::internal("busy"))?;
    let t = now();
    if t - tries.0 > 60.0 {
        *tries = (t, 0);
    }
    if tries.1 >= WRONG_CODES_PER_MINUTE {
        return Err(ApiError(
            StatusCode::TOO_MANY_REQUESTS,
            "too many wrong codes; wait a minute, or use the join link".into(),
        ));
    }
    if session.secrets.code_matches(&body.code) {
        Ok(Json(json!({ "token": session.secrets.token })))
    } else {
        tries.1 += 1;
        Err(ApiError::forbidden(
            "that code is not this session's; check the code on the screen",
        ))
    }
}

/// `POST /api/participants` body.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubmitBody {
    /// The browser's random device id.
    device: String,
    name: String,
    weights: BTreeMap<String, f64>,
    /// `sliders` (default) or `swing`.
    via: Option<Elicitation>,
    /// Swing ratings, top swing = 100, when `via` is `swing`.
    swing: Option<BTreeMap<String, f64>>,
}

/// `POST /api/participants`: a participant submits (or resubmits) weights.
pub async fn submit(
    State(session): State<Arc<Session>>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
    JsonBody(body): JsonBody<SubmitBody>,
) -> Result<Json<Value>, ApiError> {
    if caller(&session, &headers, query.as_deref())? != Caller::Participant {
        return Err(ApiError::forbidden(
            "submit from the join link, with the session token",
        ));
    }
    let (weights, swing) = {
        let m = session.read_model()?;
        let w = normalized(&m, &body.weights)?;
        let swing = match &body.swing {
            Some(ratings) => {
                // Checked like weights; kept as given, for the log.
                normalized(&m, ratings)?;
                Some(
                    ratings
                        .iter()
                        .map(|(k, v)| (k.clone(), *v))
                        .collect::<IndexMap<_, _>>(),
                )
            }
            None => None,
        };
        (by_id(&m, &w), swing)
    };
    let submission = Participant {
        id: 0,
        device: body.device,
        name: body.name,
        weights,
        via: body.via.unwrap_or(Elicitation::Sliders),
        swing,
        time: now(),
    };
    let logged = submission.clone();
    let id = session
        .change_room_blocking(|room| {
            room.submit(submission).map_err(|e| match e {
                RoomError::Full => ApiError(StatusCode::TOO_MANY_REQUESTS, e.to_string()),
                _ => ApiError::bad(e.to_string()),
            })
        })
        .await?;
    let count = session.room()?.participants.len();
    session.log.record(
        "submission",
        json!({ "participant": id, "name": logged.name.trim(), "via": logged.via, "weights": logged.weights, "swing": logged.swing }),
    );
    Ok(Json(
        json!({ "ok": true, "participant": id, "participants": count }),
    ))
}

/// `GET /api/room` query.
#[derive(Debug, Deserialize)]
pub struct RoomQuery {
    mean: Option<String>,
    method: Option<String>,
}

/// How many top options each participant's line shows.
const TOP: usize = 3;

/// `GET /api/room?mean=&method=`: participants, the group profile, the group
/// ranking and where the room disagrees. Facilitator only.
pub async fn room_view(
    State(session): State<Arc<Session>>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Result<Json<Value>, ApiError> {
    facilitator(&session, &headers, query.as_deref())?;
    let q: RoomQuery = query_fields(query.as_deref())?;
    let mean: Mean = q
        .mean
        .as_deref()
        .unwrap_or("arithmetic")
        .parse()
        .map_err(ApiError::bad)?;
    let kind: MethodKind = q
        .method
        .as_deref()
        .unwrap_or("wsm")
        .parse()
        .map_err(ApiError::bad)?;
    let room = session.room()?.clone();
    let m = session.read_model()?;
    Ok(Json(view(&m, &room, mean, kind)))
}

/// The query's fields other than the credential, as a struct; values are
/// plain words, so no percent-decoding is needed.
fn query_fields<T: serde::de::DeserializeOwned>(query: Option<&str>) -> Result<T, ApiError> {
    let pairs: serde_json::Map<String, Value> = query
        .unwrap_or("")
        .split('&')
        .filter_map(|p| p.split_once('='))
        .filter(|(k, _)| *k != "key" && *k != "token")
        .map(|(k, v)| (k.to_string(), Value::String(v.to_string())))
        .collect();
    serde_json::from_value(Value::Object(pairs)).map_err(|e| ApiError::bad(e.to_string()))
}

/// The room as the facilitator sees it.
pub fn view(m: &Model, room: &super::room::Room, mean: Mean, kind: MethodKind) -> Value {
    let rows: Vec<(u32, Vec<f64>)> = room
        .participants
        .iter()
        .filter_map(|p| from_ids(m, &p.weights).map(|w| (p.id, w)))
        .collect();
    let mut ranks: Vec<Vec<f64>> = vec![];
    let people: Vec<Value> = room
        .participants
        .iter()
        .filter_map(|p| {
            let w = rows.iter().find(|(id, _)| *id == p.id)?.1.clone();
            let r = ranking(m, "participant", &w, kind);
            let mut competition = vec![0; m.options.len()];
            for row in &r.ranking {
                if let Some(i) = m.option_index(&row.id) {
                    competition[i] = row.rank;
                }
            }
            ranks.push(mid_ranks(&competition));
            let name = if room.anonymous {
                format!("Participant {}", p.id)
            } else {
                p.name.clone()
            };
            Some(json!({
                "id": p.id, "name": name, "via": p.via, "time": p.time,
                "weights": by_id(m, &w),
                "top": r.ranking.iter().take(TOP).map(|o| o.id.clone()).collect::<Vec<_>>(),
            }))
        })
        .collect();
    let weights: Vec<Vec<f64>> = rows.iter().map(|(_, w)| w.clone()).collect();
    let group = group_weights(&weights, mean).map(|w| {
        let r = ranking(m, "group", &w, kind);
        json!({
            "mean": mean.name(), "weights": by_id(m, &w),
            "ranking": r.ranking.iter().map(|o| json!({ "id": o.id, "name": o.name, "rank": o.rank, "score": o.score })).collect::<Vec<_>>(),
        })
    });
    let spread: IndexMap<String, Value> = m
        .criteria
        .iter()
        .zip(spreads(&weights))
        .map(|(c, s)| (c.id.to_string(), json!(s)))
        .collect();
    json!({
        "anonymous": room.anonymous,
        "method": kind.name(),
        "participants": people,
        "group": group,
        "disagreement": { "spread": spread, "kendall_w": kendall_w(&ranks) },
    })
}

/// `DELETE /api/participants/{id}`: the facilitator removes a submission.
pub async fn remove(
    State(session): State<Arc<Session>>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
    Path(id): Path<u32>,
) -> Result<Json<Value>, ApiError> {
    facilitator(&session, &headers, query.as_deref())?;
    session
        .change_room_blocking(move |room| {
            if room.remove(id) {
                Ok(())
            } else {
                Err(ApiError(
                    StatusCode::NOT_FOUND,
                    format!("no participant p{id}"),
                ))
            }
        })
        .await?;
    session.log.record("removal", json!({ "participant": id }));
    Ok(Json(json!({ "ok": true })))
}

/// `POST /api/anonymous` body.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnonymousBody {
    anonymous: bool,
}

/// `POST /api/anonymous`: hide or show names on the facilitator's screen.
pub async fn anonymous(
    State(session): State<Arc<Session>>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
    JsonBody(body): JsonBody<AnonymousBody>,
) -> Result<Json<Value>, ApiError> {
    facilitator(&session, &headers, query.as_deref())?;
    let anonymous = body.anonymous;
    session
        .change_room_blocking(move |room| {
            room.anonymous = anonymous;
            Ok(())
        })
        .await?;
    session
        .log
        .record("anonymous", json!({ "anonymous": body.anonymous }));
    Ok(Json(json!({ "ok": true, "anonymous": body.anonymous })))
}

/// `GET /api/events?key=`: server-sent events. An event `room` (data: a
/// change counter) is sent whenever the room or the model changes; the
/// page then asks for `/api/room`.
pub async fn events(
    State(session): State<Arc<Session>>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Result<Sse<impl Stream<Item = Result<Event, Infallible>>>, ApiError> {
    facilitator(&session, &headers, query.as_deref())?;
    let receiver = session.changes.subscribe();
    let stream = futures_util::stream::unfold((receiver, true), |(mut rx, first)| async move {
        if !first && rx.changed().await.is_err() {
            return None;
        }
        let n = *rx.borrow_and_update();
        Some((
            Ok(Event::default().event("room").data(n.to_string())),
            (rx, false),
        ))
    });
    Ok(Sse::new(stream).keep_alive(KeepAlive::new().interval(Duration::from_secs(15))))
}
