//! The JSON API: every request checked, every refusal a 4xx with a message.

use std::collections::BTreeMap;
use std::sync::Arc;

use axum::Json;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::{Value, json};

use super::save::{SaveError, add_profile};
use super::state::{Participant, Session};
use crate::analysis::sensitivity::{Rebalance, Request as SensitivityRequest, analyse};
use crate::analysis::smaa::{self, ScoreMode, WeightInfo};
use crate::analysis::{rank_with, ranking::RankReport};
use crate::input::diagnostic::did_you_mean;
use crate::methods::{MethodKind, MethodSettings};
use crate::model::{Model, Profile, ProfileForm};

/// A refused request.
pub struct ApiError(StatusCode, String);

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.0, Json(json!({ "error": self.1 }))).into_response()
    }
}

fn bad(message: impl Into<String>) -> ApiError {
    ApiError(StatusCode::BAD_REQUEST, message.into())
}

fn read(session: &Session) -> Result<std::sync::RwLockReadGuard<'_, Model>, ApiError> {
    session.model.read().map_err(|_| {
        ApiError(
            StatusCode::INTERNAL_SERVER_ERROR,
            "the model is unavailable".into(),
        )
    })
}

/// Checks `{criterion: weight}` and returns normalized weights in model order;
/// criteria not named weigh 0.
fn weights(model: &Model, given: &BTreeMap<String, f64>) -> Result<Vec<f64>, ApiError> {
    let mut out = vec![0.0; model.criteria.len()];
    for (id, &w) in given {
        let Some(j) = model.criterion_index(id) else {
            let hint = did_you_mean(id, model.criteria.iter().map(|c| c.id.as_str()))
                .map_or(String::new(), |h| format!("; {h}"));
            return Err(bad(format!("unknown criterion `{id}`{hint}")));
        };
        if !w.is_finite() || w < 0.0 {
            return Err(bad(format!(
                "the weight of `{id}` must be a finite number ≥ 0, not {w}"
            )));
        }
        out[j] = w;
    }
    let total: f64 = out.iter().sum();
    if total <= 0.0 {
        return Err(bad("at least one weight must be positive"));
    }
    Ok(out.into_iter().map(|w| w / total).collect())
}

fn method(name: Option<&str>) -> Result<MethodKind, ApiError> {
    name.unwrap_or("wsm").parse().map_err(bad)
}

/// `GET /api/model`.
pub async fn model_route(State(session): State<Arc<Session>>) -> Result<Json<Value>, ApiError> {
    let m = read(&session)?;
    let criteria: Vec<Value> = m
        .criteria
        .iter()
        .map(|c| {
            json!({
                "id": c.id, "name": c.name, "description": c.description, "direction": c.direction,
                "group": c.group.map(|g| m.groups[g].id.to_string()),
            })
        })
        .collect();
    let groups: Vec<Value> = m
        .groups
        .iter()
        .map(|g| json!({ "id": g.id, "name": g.name }))
        .collect();
    let profiles: Vec<Value> = m
        .profiles
        .iter()
        .map(|p| {
            let w = crate::weights::of_profile(&m, p).weights;
            let weights: serde_json::Map<String, Value> = m
                .criteria
                .iter()
                .zip(w)
                .map(|(c, w)| (c.id.to_string(), json!(w)))
                .collect();
            json!({ "id": p.id, "name": p.name, "form": p.form.name(), "weights": weights })
        })
        .collect();
    let values = m.values();
    let options: Vec<Value> = m
        .options
        .iter()
        .enumerate()
        .map(|(i, o)| {
            let evidence: serde_json::Map<String, Value> = m
                .criteria
                .iter()
                .enumerate()
                .map(|(j, c)| {
                    let e = &m.evidence[i][j];
                    (c.id.to_string(), json!({ "value": m.scores[(i, j)], "low": e.low, "high": e.high, "why": e.why, "source": e.source }))
                })
                .collect();
            let values: Vec<f64> = (0..m.criteria.len()).map(|j| values[(i, j)]).collect();
            json!({ "id": o.id, "name": o.name, "category": o.category, "description": o.description, "values": values, "evidence": evidence })
        })
        .collect();
    let methods: Vec<&str> = MethodKind::ALL.iter().map(|k| k.name()).collect();
    Ok(Json(json!({
        "title": m.title, "criteria": criteria, "groups": groups, "profiles": profiles,
        "default_profile": m.default_profile.map(|p| m.profiles[p].id.to_string()),
        "options": options, "methods": methods,
    })))
}

/// `POST /api/rank` body.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RankBody {
    weights: BTreeMap<String, f64>,
    method: Option<String>,
    /// A label for the `profile` field of the answer.
    profile: Option<String>,
}

/// `POST /api/rank`: the same JSON as `tradeoffs rank --format json`.
pub async fn rank(
    State(session): State<Arc<Session>>,
    Json(body): Json<RankBody>,
) -> Result<Json<RankReport>, ApiError> {
    let m = read(&session)?;
    let w = weights(&m, &body.weights)?;
    let kind = method(body.method.as_deref())?;
    let label = body.profile.as_deref().unwrap_or("workshop");
    let report = rank_with(&m, label, &w, kind, &MethodSettings::default());
    session.log.record(
        "weights",
        json!({ "weights": report.weights, "method": kind.name() }),
    );
    Ok(Json(report))
}

/// `POST /api/sensitivity` body.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SensitivityBody {
    weights: BTreeMap<String, f64>,
    method: Option<String>,
    criterion: String,
    rebalance: Option<String>,
}

/// `POST /api/sensitivity`: the sweep of one criterion.
pub async fn sensitivity(
    State(session): State<Arc<Session>>,
    Json(body): Json<SensitivityBody>,
) -> Result<Json<Value>, ApiError> {
    let m = read(&session)?;
    let w = weights(&m, &body.weights)?;
    let kind = method(body.method.as_deref())?;
    let criterion = m
        .criterion_index(&body.criterion)
        .ok_or_else(|| bad(format!("unknown criterion `{}`", body.criterion)))?;
    let rebalance: Rebalance = body
        .rebalance
        .as_deref()
        .unwrap_or("proportional")
        .parse()
        .map_err(bad)?;
    let report = analyse(
        &m,
        &SensitivityRequest {
            profile: "workshop",
            weights: &w,
            bounds: vec![(0.0, 1.0); m.criteria.len()],
            method: kind,
            rebalance,
            criterion: Some(criterion),
            top: crate::analysis::sensitivity::DEFAULT_TOP,
            all: false,
        },
    );
    serde_json::to_value(report)
        .map(Json)
        .map_err(|e| bad(e.to_string()))
}

/// `POST /api/smaa` body.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SmaaBody {
    weights: BTreeMap<String, f64>,
    method: Option<String>,
    spread: Option<f64>,
    samples: Option<u64>,
    seed: Option<u64>,
}

/// The most samples one request may ask for.
const MAX_SAMPLES: u64 = 200_000;

/// `POST /api/smaa`: acceptability with each weight uniform within ±spread of the current ones.
pub async fn smaa(
    State(session): State<Arc<Session>>,
    Json(body): Json<SmaaBody>,
) -> Result<Json<Value>, ApiError> {
    let m = read(&session)?;
    let w = weights(&m, &body.weights)?;
    let kind = method(body.method.as_deref())?;
    let spread = body.spread.unwrap_or(0.25);
    if !(spread.is_finite() && spread >= 0.0) {
        return Err(bad("spread must be a finite number ≥ 0"));
    }
    let samples = body.samples.unwrap_or(20_000);
    if samples == 0 || samples > MAX_SAMPLES {
        return Err(bad(format!("samples must be between 1 and {MAX_SAMPLES}")));
    }
    let report = smaa::run(
        &m,
        &smaa::Request {
            profile: "workshop".into(),
            weights: WeightInfo::Spread { weights: w, spread },
            method: kind,
            samples,
            seed: body.seed.unwrap_or(smaa::DEFAULT_SEED),
            scores: if smaa::has_ranges(&m) {
                ScoreMode::Uncertain
            } else {
                ScoreMode::Fixed
            },
            threads: None,
            progress: false,
        },
    )
    .map_err(|e| bad(e.to_string()))?;
    serde_json::to_value(report)
        .map(Json)
        .map_err(|e| bad(e.to_string()))
}

/// `POST /api/participants` body.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubmitBody {
    token: String,
    name: String,
    weights: BTreeMap<String, f64>,
}

/// `POST /api/participants`: a participant submits their weights.
pub async fn submit(
    State(session): State<Arc<Session>>,
    Json(body): Json<SubmitBody>,
) -> Result<Json<Value>, ApiError> {
    if body.token != session.token {
        return Err(ApiError(
            StatusCode::FORBIDDEN,
            "the session token is missing or wrong; use the join link".into(),
        ));
    }
    let name = body.name.trim();
    if name.is_empty() || name.chars().count() > 60 {
        return Err(bad("give a name of 1 to 60 characters"));
    }
    let w = weights(&*read(&session)?, &body.weights)?;
    let mut list = session.participants.lock().map_err(|_| bad("busy"))?;
    list.retain(|p| p.name != name);
    list.push(Participant {
        name: name.to_string(),
        weights: w.clone(),
    });
    session
        .log
        .record("submission", json!({ "name": name, "weights": w }));
    Ok(Json(json!({ "ok": true, "participants": list.len() })))
}

/// The facilitator's key, from the query.
#[derive(Debug, Deserialize)]
pub struct KeyQuery {
    key: Option<String>,
    mean: Option<String>,
}

fn check_key(session: &Session, key: Option<&str>) -> Result<(), ApiError> {
    if key == Some(session.key.as_str()) {
        Ok(())
    } else {
        Err(ApiError(
            StatusCode::FORBIDDEN,
            "the facilitator key is missing or wrong".into(),
        ))
    }
}

/// The group profile: the arithmetic mean of normalized weights, or their
/// geometric mean renormalized.
pub fn group_weights(participants: &[Participant], geometric: bool) -> Option<Vec<f64>> {
    let first = participants.first()?;
    let n = participants.len() as f64;
    let mut w: Vec<f64> = (0..first.weights.len())
        .map(|j| {
            if geometric {
                (participants
                    .iter()
                    .map(|p| p.weights[j].max(1e-12).ln())
                    .sum::<f64>()
                    / n)
                    .exp()
            } else {
                participants.iter().map(|p| p.weights[j]).sum::<f64>() / n
            }
        })
        .collect();
    let total: f64 = w.iter().sum();
    w.iter_mut().for_each(|x| *x /= total);
    Some(w)
}

/// `GET /api/participants?key=&mean=arithmetic|geometric`.
pub async fn participants(
    State(session): State<Arc<Session>>,
    Query(q): Query<KeyQuery>,
) -> Result<Json<Value>, ApiError> {
    check_key(&session, q.key.as_deref())?;
    let geometric = match q.mean.as_deref().unwrap_or("arithmetic") {
        "arithmetic" => false,
        "geometric" => true,
        other => {
            return Err(bad(format!(
                "mean must be arithmetic or geometric, not {other}"
            )));
        }
    };
    let m = read(&session)?;
    let list = session
        .participants
        .lock()
        .map_err(|_| bad("busy"))?
        .clone();
    let top = |w: &[f64]| -> Vec<String> {
        rank_with(
            &m,
            "participant",
            w,
            MethodKind::Wsm,
            &MethodSettings::default(),
        )
        .ranking
        .into_iter()
        .take(3)
        .map(|r| r.id)
        .collect()
    };
    let weights_map = |w: &[f64]| -> serde_json::Map<String, Value> {
        m.criteria
            .iter()
            .zip(w)
            .map(|(c, w)| (c.id.to_string(), json!(w)))
            .collect()
    };
    let people: Vec<Value> = list
        .iter()
        .map(|p| json!({ "name": p.name, "weights": weights_map(&p.weights), "top": top(&p.weights) }))
        .collect();
    let group = group_weights(&list, geometric).map(|w| json!({ "mean": if geometric { "geometric" } else { "arithmetic" }, "weights": weights_map(&w), "top": top(&w) }));
    Ok(Json(json!({ "participants": people, "group": group })))
}

/// `POST /api/save` body.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SaveBody {
    key: String,
    id: String,
    /// `group-arithmetic`, `group-geometric`, or a participant's name.
    from: String,
}

/// `POST /api/save`: adds a profile to criteria.toml (backup kept, atomic write).
pub async fn save(
    State(session): State<Arc<Session>>,
    Json(body): Json<SaveBody>,
) -> Result<Json<Value>, ApiError> {
    check_key(&session, Some(&body.key))?;
    let Some(path) = session.criteria_path.clone() else {
        return Err(ApiError(
            StatusCode::CONFLICT,
            "the built-in model has no criteria.toml to save into; run `tradeoffs serve` where your criteria.toml is".into(),
        ));
    };
    let list = session
        .participants
        .lock()
        .map_err(|_| bad("busy"))?
        .clone();
    let (weights, described) = match body.from.as_str() {
        "group-arithmetic" | "group-geometric" => {
            let geometric = body.from == "group-geometric";
            let w = group_weights(&list, geometric)
                .ok_or_else(|| bad("no participant has submitted yet"))?;
            (
                w,
                format!(
                    "the {} mean of {} participants' weights",
                    if geometric { "geometric" } else { "arithmetic" },
                    list.len()
                ),
            )
        }
        name => {
            let p = list
                .iter()
                .find(|p| p.name == name)
                .ok_or_else(|| bad(format!("no participant named `{name}`")))?;
            (p.weights.clone(), format!("the weights {name} submitted"))
        }
    };
    let mut m = session.model.write().map_err(|_| {
        ApiError(
            StatusCode::INTERNAL_SERVER_ERROR,
            "the model is unavailable".into(),
        )
    })?;
    if m.profile_index(&body.id).is_some() {
        return Err(ApiError(
            StatusCode::CONFLICT,
            format!("a profile `{}` already exists; choose another id", body.id),
        ));
    }
    let pairs: Vec<(String, f64)> = m
        .criteria
        .iter()
        .zip(&weights)
        .map(|(c, w)| (c.id.to_string(), *w))
        .collect();
    let description = format!("Saved in a workshop session: {described}.");
    add_profile(&path, &body.id, &body.id, &description, &pairs).map_err(|e| match e {
        SaveError::InvalidId(_) => bad(e.to_string()),
        SaveError::Exists(_) => ApiError(StatusCode::CONFLICT, e.to_string()),
        _ => ApiError(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()),
    })?;
    m.profiles.push(Profile {
        id: crate::model::ProfileId::new(&body.id),
        name: body.id.clone(),
        description,
        form: ProfileForm::Weights {
            weights,
            group_weights: None,
        },
        bounds: vec![],
    });
    session.log.record(
        "save",
        json!({ "profile": body.id, "from": body.from, "file": path.display().to_string() }),
    );
    Ok(Json(
        json!({ "ok": true, "profile": body.id, "file": path.display().to_string(), "backup": path.with_extension("toml.bak").display().to_string() }),
    ))
}

/// `GET /api/session?key=`: the join path, for the facilitator's page.
pub async fn session_route(
    State(session): State<Arc<Session>>,
    Query(q): Query<KeyQuery>,
) -> Result<Json<Value>, ApiError> {
    check_key(&session, q.key.as_deref())?;
    Ok(Json(
        json!({ "join": format!("/join?token={}", session.token), "can_save": session.criteria_path.is_some() }),
    ))
}
