//! The analyses the page asks for: the model, a ranking, the leader's
//! stability along one weight, and SMAA. The calls into `crate::analysis`
//! are all in this file.
//!
//! A ranking is light and answers at once. Sensitivity and SMAA are heavy:
//! they need the token or key, run on tokio's blocking pool (never on the
//! workers that answer everyone else), at most [`HEAVY_AT_ONCE`] at a time,
//! each on one thread, with a time budget.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use axum::Json;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use serde::Deserialize;
use serde_json::{Value, json};

use super::http::{ApiError, JsonBody, caller};
use super::session::{HEAVY_AT_ONCE, Session};
use super::weights::normalized;
use crate::analysis::sensitivity::{Rebalance, Request as SensitivityRequest, analyse};
use crate::analysis::smaa::{self, ScoreMode, WeightInfo};
use crate::analysis::{rank_with, ranking::RankReport};
use crate::methods::{MethodKind, MethodSettings};
use crate::model::Model;

/// How long a heavy request may wait for a free slot.
const QUEUE_WAIT: Duration = Duration::from_secs(5);
/// How long a heavy analysis may take before the answer is 503.
pub const TIME_BUDGET: Duration = Duration::from_secs(20);
/// The most samples one SMAA request may ask for.
pub const MAX_SAMPLES: u64 = 200_000;
/// The most value evaluations one SMAA request may cost: samples × options
/// × criteria, times options again for PROMETHEE's pairwise flows.
pub const MAX_SMAA_WORK: f64 = 4e8;

fn method(name: Option<&str>) -> Result<MethodKind, ApiError> {
    name.unwrap_or("wsm").parse().map_err(ApiError::bad)
}

/// The model's ranking under these weights, as `tradeoffs rank` computes it.
pub fn ranking(model: &Model, label: &str, w: &[f64], kind: MethodKind) -> RankReport {
    rank_with(model, label, w, kind, &MethodSettings::default())
}

/// Runs `work` on the blocking pool once a heavy slot is free, within the
/// time budget.
async fn heavy<T: Send + 'static>(
    session: &Arc<Session>,
    work: impl FnOnce(&Session) -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    let busy = || {
        ApiError(
            StatusCode::SERVICE_UNAVAILABLE,
            format!("{HEAVY_AT_ONCE} analyses are already running; try again in a moment"),
        )
    };
    let permit = tokio::time::timeout(QUEUE_WAIT, session.heavy.clone().acquire_owned())
        .await
        .map_err(|_| busy())?
        .map_err(|_| busy())?;
    let session = session.clone();
    // The permit travels with the work: a slot is free again only when the
    // thread is, even if the answer has already gone out as a 503.
    let task = tokio::task::spawn_blocking(move || {
        let _permit = permit;
        work(&session)
    });
    match tokio::time::timeout(TIME_BUDGET, task).await {
        Ok(Ok(result)) => result,
        Ok(Err(_)) => Err(ApiError::internal("the analysis failed")),
        Err(_) => Err(ApiError(
            StatusCode::SERVICE_UNAVAILABLE,
            format!(
                "the analysis took longer than {} s; ask for fewer samples",
                TIME_BUDGET.as_secs()
            ),
        )),
    }
}

/// `GET /api/model`.
pub async fn model_route(State(session): State<Arc<Session>>) -> Result<Json<Value>, ApiError> {
    let m = session.read_model()?;
    Ok(Json(model_json(&m)))
}

/// The model as the pages need it.
pub fn model_json(m: &Model) -> Value {
    let criteria: Vec<Value> = m
        .criteria
        .iter()
        .map(|c| {
            json!({
                "id": c.id, "name": c.name, "description": c.description, "direction": c.direction,
                "group": c.group.map(|g| m.groups[g].id.to_string()),
                "scale": { "min": c.scale.min, "max": c.scale.max },
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
            let w = crate::weights::of_profile(m, p).weights;
            json!({ "id": p.id, "name": p.name, "form": p.form.name(), "weights": super::weights::by_id(m, &w) })
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
    json!({
        "title": m.title, "criteria": criteria, "groups": groups, "profiles": profiles,
        "default_profile": m.default_profile.map(|p| m.profiles[p].id.to_string()),
        "options": options, "methods": methods,
    })
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

/// `POST /api/rank`: the same JSON as `tradeoffs rank --format json`. Not
/// logged: a slider move is not an event.
pub async fn rank(
    State(session): State<Arc<Session>>,
    JsonBody(body): JsonBody<RankBody>,
) -> Result<Json<RankReport>, ApiError> {
    let m = session.read_model()?;
    let w = normalized(&m, &body.weights)?;
    let kind = method(body.method.as_deref())?;
    let label: String = body
        .profile
        .as_deref()
        .unwrap_or("workshop")
        .chars()
        .take(80)
        .collect();
    Ok(Json(ranking(&m, &label, &w, kind)))
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

/// `POST /api/sensitivity`: the sweep of one criterion, plus `leader`: how
/// far this weight can move before the top of the ranking changes, and to
/// whom.
pub async fn sensitivity(
    State(session): State<Arc<Session>>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
    JsonBody(body): JsonBody<SensitivityBody>,
) -> Result<Json<Value>, ApiError> {
    caller(&session, &headers, query.as_deref())?;
    let (w, kind, criterion, rebalance) = {
        let m = session.read_model()?;
        let w = normalized(&m, &body.weights)?;
        let kind = method(body.method.as_deref())?;
        let criterion = m
            .criterion_index(&body.criterion)
            .ok_or_else(|| ApiError::bad(format!("unknown criterion `{}`", body.criterion)))?;
        let rebalance: Rebalance = body
            .rebalance
            .as_deref()
            .unwrap_or("proportional")
            .parse()
            .map_err(ApiError::bad)?;
        (w, kind, criterion, rebalance)
    };
    heavy(&session, move |session| {
        let m = session.read_model()?;
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
        let stable = report.criteria.first().map(|s| s.top_stable);
        let mut value =
            serde_json::to_value(&report).map_err(|e| ApiError::internal(e.to_string()))?;
        if let (Some(stable), Some(obj)) = (stable, value.as_object_mut()) {
            obj.insert("leader".into(), leader(&m, &w, kind, criterion, stable));
        }
        Ok(Json(value))
    })
    .await
}

/// The leader now, and who leads just past each end of the interval over
/// which it stays first (moving weight `j` with the others rescaled in
/// proportion, as the sweep does).
fn leader(m: &Model, w: &[f64], kind: MethodKind, j: usize, stable: [f64; 2]) -> Value {
    let top = |w: &[f64]| -> Value {
        let r = ranking(m, "leader", w, kind);
        let first = &r.ranking[0];
        json!({ "id": first.id, "name": first.name })
    };
    let at = |t: f64| -> Option<Vec<f64>> {
        let rest = 1.0 - w[j];
        if !(0.0..=1.0).contains(&t) || rest <= 0.0 {
            return None;
        }
        Some(
            w.iter()
                .enumerate()
                .map(|(k, &x)| if k == j { t } else { x * (1.0 - t) / rest })
                .collect(),
        )
    };
    const PAST: f64 = 1e-6;
    let beyond = |t: f64| at(t).map(|v| json!({ "weight": t, "leader": top(&v) }));
    json!({
        "criterion": m.criteria[j].id, "weight": w[j], "now": top(w),
        "up": if stable[1] < 1.0 - PAST { beyond(stable[1] + PAST).map(|mut v| { v["weight"] = json!(stable[1]); v }) } else { None },
        "down": if stable[0] > PAST { beyond(stable[0] - PAST).map(|mut v| { v["weight"] = json!(stable[0]); v }) } else { None },
    })
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

/// `POST /api/smaa`: acceptability with each weight uniform within ±spread
/// of the current ones.
pub async fn smaa(
    State(session): State<Arc<Session>>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
    JsonBody(body): JsonBody<SmaaBody>,
) -> Result<Json<Value>, ApiError> {
    caller(&session, &headers, query.as_deref())?;
    let (w, kind, spread, samples) = {
        let m = session.read_model()?;
        let w = normalized(&m, &body.weights)?;
        let kind = method(body.method.as_deref())?;
        let spread = body.spread.unwrap_or(0.25);
        if !(spread.is_finite() && spread >= 0.0) {
            return Err(ApiError::bad("spread must be a finite number ≥ 0"));
        }
        let samples = body.samples.unwrap_or(20_000);
        if samples == 0 || samples > MAX_SAMPLES {
            return Err(ApiError::bad(format!(
                "samples must be between 1 and {MAX_SAMPLES}"
            )));
        }
        let (n, c) = (m.options.len() as f64, m.criteria.len() as f64);
        let per_sample = n
            * c
            * if kind == MethodKind::Promethee {
                n
            } else {
                1.0
            };
        if samples as f64 * per_sample > MAX_SMAA_WORK {
            return Err(ApiError::bad(format!(
                "at most {} samples for {} on this model",
                (MAX_SMAA_WORK / per_sample).floor(),
                kind.name()
            )));
        }
        (w, kind, spread, samples)
    };
    let seed = body.seed.unwrap_or(smaa::DEFAULT_SEED);
    heavy(&session, move |session| {
        let m = session.read_model()?;
        let report = smaa::run(
            &m,
            &smaa::Request {
                profile: "workshop".into(),
                weights: WeightInfo::Spread { weights: w, spread },
                method: kind,
                samples,
                seed,
                scores: if smaa::has_ranges(&m) {
                    ScoreMode::Uncertain
                } else {
                    ScoreMode::Fixed
                },
                threads: Some(1),
                progress: false,
                ranks: None,
                pairwise: None,
            },
        )
        .map_err(|e| ApiError::bad(e.to_string()))?;
        serde_json::to_value(report)
            .map(Json)
            .map_err(|e| ApiError::internal(e.to_string()))
    })
    .await
}
