//! Saving weights as a profile in criteria.toml, so that nothing a save does
//! can leave a file that does not load or lose an earlier version:
//!
//! 1. the new text is built by adding one `[profiles.<id>]` table (every
//!    other byte of the file stays as it was);
//! 2. it is checked by loading it with the options file, as any command
//!    would; a text that does not load is refused and nothing is written;
//! 3. the current file is copied to a new timestamped backup, never over an
//!    existing one;
//! 4. the new text replaces the file atomically.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use axum::Json;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use serde::Deserialize;
use serde_json::{Value, json};
use toml_edit::{DocumentMut, InlineTable, Item, Table, value};

use super::group::{Mean, group_weights};
use super::http::{ApiError, JsonBody, facilitator};
use super::session::Session;
use super::weights::from_ids;
use crate::model::id::is_valid;
use crate::model::{Profile, ProfileForm};
use crate::output::write_atomic;

/// Why a save was refused.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SaveError {
    /// The id is not `[a-z0-9_-]+`.
    #[error("`{0}` is not a valid profile id: use lower case letters, digits, _ and -")]
    InvalidId(String),
    /// A profile with this id exists.
    #[error("a profile `{0}` already exists; choose another id")]
    Exists(String),
    /// The file cannot be read or parsed.
    #[error("cannot read {0}")]
    Unreadable(String),
    /// The new file would not load.
    #[error("the saved file would not load, so nothing was written: {0}")]
    WouldNotLoad(String),
    /// The backup or the file cannot be written.
    #[error("cannot write {0}")]
    Unwritable(String),
}

/// What a save did.
#[derive(Debug, Clone, PartialEq)]
pub struct Saved {
    /// The backup of the file as it was before.
    pub backup: PathBuf,
}

/// Adds `[profiles.<id>]` with these weights to the criteria file at `path`,
/// after checking that the result loads with `options` (the options file's
/// text) and backing up the current file.
pub fn add_profile(
    path: &Path,
    options: &str,
    id: &str,
    name: &str,
    description: &str,
    weights: &[(String, f64)],
) -> Result<Saved, SaveError> {
    if !is_valid(id) {
        return Err(SaveError::InvalidId(id.to_string()));
    }
    let shown = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|_| SaveError::Unreadable(shown.clone()))?;
    let mut doc: DocumentMut = text
        .parse()
        .map_err(|_| SaveError::Unreadable(shown.clone()))?;
    let profiles = doc
        .entry("profiles")
        .or_insert_with(|| {
            let mut t = Table::new();
            t.set_implicit(true);
            Item::Table(t)
        })
        .as_table_mut()
        .ok_or_else(|| SaveError::Unreadable(shown.clone()))?;
    if profiles.contains_key(id) {
        return Err(SaveError::Exists(id.to_string()));
    }
    let mut table = Table::new();
    table.insert("name", value(name));
    table.insert("description", value(description));
    let mut inline = InlineTable::new();
    for (criterion, w) in weights {
        // Rounded so the file reads well; the weights are normalized on load.
        let rounded = (w * 10_000.0).round() / 10_000.0;
        if rounded > 0.0 {
            inline.insert(criterion, rounded.into());
        }
    }
    table.insert("weights", value(inline));
    profiles.insert(id, Item::Table(table));
    let new_text = doc.to_string();
    if let Err(diagnostics) = crate::from_texts(options, &new_text) {
        let problems: Vec<String> = diagnostics.iter().map(|d| d.message.clone()).collect();
        return Err(SaveError::WouldNotLoad(problems.join("; ")));
    }
    let backup = backup(path, text.as_bytes())?;
    write_atomic(path, new_text.as_bytes(), true).map_err(|_| SaveError::Unwritable(shown))?;
    Ok(Saved { backup })
}

/// Copies the file's current bytes to `<name>.<UTC time>.bak` beside it,
/// written whole (temporary file, then linked in without replacing) and
/// never over an existing backup: a second save in the same second gets
/// `-2`, `-3`, …
pub fn backup(path: &Path, bytes: &[u8]) -> Result<PathBuf, SaveError> {
    use std::io::Write;
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let file_name = path.file_name().map_or_else(
        || "criteria.toml".into(),
        |n| n.to_string_lossy().into_owned(),
    );
    let stamp = jiff::Timestamp::now()
        .strftime("%Y%m%dT%H%M%SZ")
        .to_string();
    let unwritable = |p: &Path| SaveError::Unwritable(p.display().to_string());
    let mut temp = tempfile::NamedTempFile::new_in(folder).map_err(|_| unwritable(folder))?;
    temp.write_all(bytes).map_err(|_| unwritable(folder))?;
    temp.as_file().sync_all().map_err(|_| unwritable(folder))?;
    for n in 1..1000 {
        let suffix = if n == 1 {
            String::new()
        } else {
            format!("-{n}")
        };
        let candidate = folder.join(format!("{file_name}.{stamp}{suffix}.bak"));
        match temp.persist_noclobber(&candidate) {
            Ok(_) => return Ok(candidate),
            Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => temp = e.file,
            Err(_) => return Err(unwritable(&candidate)),
        }
    }
    Err(unwritable(folder))
}

/// `POST /api/save` body.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SaveBody {
    /// The new profile's id.
    id: String,
    /// Its display name; the id when not given.
    name: Option<String>,
    /// `group-arithmetic`, `group-geometric`, or `participant-<n>`.
    from: String,
}

/// `POST /api/save`: adds a profile to criteria.toml.
pub async fn save(
    State(session): State<Arc<Session>>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
    JsonBody(body): JsonBody<SaveBody>,
) -> Result<Json<Value>, ApiError> {
    facilitator(&session, &headers, query.as_deref())?;
    // Reading, checking, backing up and writing files, each synced: on the
    // blocking pool, never on the workers that answer everyone else.
    tokio::task::spawn_blocking(move || save_now(&session, body))
        .await
        .map_err(|_| ApiError::internal("the save failed"))?
}

fn save_now(session: &Session, body: SaveBody) -> Result<Json<Value>, ApiError> {
    let Some(path) = session.criteria_file() else {
        return Err(ApiError::conflict(
            "the built-in model has no criteria.toml to save into; write the model out first (the button above the room), or run `tradeoffs serve` where your criteria.toml is",
        ));
    };
    let name = body.name.as_deref().unwrap_or(&body.id).trim().to_string();
    if name.is_empty() || name.chars().count() > 80 || name.chars().any(char::is_control) {
        return Err(ApiError::bad(
            "give the profile a display name of 1 to 80 characters",
        ));
    }
    let room = session.room()?.clone();
    let mut m = session
        .model
        .write()
        .map_err(|_| ApiError::internal("the model is unavailable"))?;
    let (weights, described) = match body.from.as_str() {
        "group-arithmetic" | "group-geometric" => {
            let mean = if body.from == "group-geometric" {
                Mean::Geometric
            } else {
                Mean::Arithmetic
            };
            let rows: Vec<Vec<f64>> = room
                .participants
                .iter()
                .filter_map(|p| from_ids(&m, &p.weights))
                .collect();
            let w = group_weights(&rows, mean)
                .ok_or_else(|| ApiError::bad("no participant has submitted yet"))?;
            (
                w,
                format!(
                    "the {} mean of {} participants' weights",
                    mean.name(),
                    rows.len()
                ),
            )
        }
        from => {
            let id: u32 = from
                .strip_prefix("participant-")
                .and_then(|n| n.parse().ok())
                .ok_or_else(|| ApiError::bad(format!("`from` must be group-arithmetic, group-geometric or participant-<number>, not `{from}`")))?;
            let p = room
                .get(id)
                .ok_or_else(|| ApiError(StatusCode::NOT_FOUND, format!("no participant p{id}")))?;
            let w = from_ids(&m, &p.weights).ok_or_else(|| {
                ApiError::bad("this participant's weights no longer fit the model")
            })?;
            let who = if room.anonymous {
                format!("participant {id}")
            } else {
                p.name.clone()
            };
            (w, format!("the weights {who} submitted"))
        }
    };
    if m.profile_index(&body.id).is_some() {
        return Err(ApiError::conflict(format!(
            "a profile `{}` already exists; choose another id",
            body.id
        )));
    }
    let pairs: Vec<(String, f64)> = m
        .criteria
        .iter()
        .zip(&weights)
        .map(|(c, w)| (c.id.to_string(), *w))
        .collect();
    let description = format!("Saved in a workshop session: {described}.");
    let options = options_text(session)?;
    let saved = add_profile(&path, &options, &body.id, &name, &description, &pairs).map_err(
        |e| match e {
            SaveError::InvalidId(_) => ApiError::bad(e.to_string()),
            SaveError::Exists(_) => ApiError::conflict(e.to_string()),
            SaveError::WouldNotLoad(_) => ApiError(StatusCode::UNPROCESSABLE_ENTITY, e.to_string()),
            _ => ApiError::internal(e.to_string()),
        },
    )?;
    m.profiles.push(Profile {
        id: crate::model::ProfileId::new(&body.id),
        name: name.clone(),
        description,
        form: ProfileForm::Weights {
            weights: weights.clone(),
            group_weights: None,
        },
        bounds: vec![],
        ratios: vec![],
    });
    let by_id = super::weights::by_id(&m, &weights);
    drop(m);
    session.touch();
    session.log.record(
        "save",
        json!({ "profile": body.id, "name": name, "from": body.from, "weights": by_id, "file": path.display().to_string(), "backup": saved.backup.display().to_string() }),
    );
    Ok(Json(json!({
        "ok": true, "file": path.display().to_string(), "backup": saved.backup.display().to_string(),
        "profile": { "id": body.id, "name": name, "form": "weights", "weights": by_id },
    })))
}

/// The options file's text, to check a saved criteria file against.
fn options_text(session: &Session) -> Result<String, ApiError> {
    let path = session.options_path.lock().ok().and_then(|p| p.clone());
    match path {
        Some(p) => std::fs::read_to_string(&p)
            .map_err(|e| ApiError::internal(format!("cannot read {}: {e}", p.display()))),
        None => Ok(crate::input::DEFAULT_OPTIONS.to_string()),
    }
}

/// `POST /api/write-model`: writes the built-in model out as options.toml
/// and criteria.toml in the server's folder, so saves have somewhere to go.
/// Refuses (409) when either file exists.
pub async fn write_model(
    State(session): State<Arc<Session>>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Result<Json<Value>, ApiError> {
    facilitator(&session, &headers, query.as_deref())?;
    if session.criteria_file().is_some() {
        return Err(ApiError::conflict("the model already comes from files"));
    }
    let folder = session.folder.clone();
    let options = folder.join("options.toml");
    let criteria = folder.join("criteria.toml");
    for (path, text) in [
        (&options, crate::input::DEFAULT_OPTIONS),
        (&criteria, crate::input::DEFAULT_CRITERIA),
    ] {
        write_atomic(path, text.as_bytes(), false).map_err(|e| match e {
            crate::Error::Exists { .. } => ApiError::conflict(format!(
                "{} exists; restart `tradeoffs serve` in that folder to use it",
                path.display()
            )),
            other => ApiError::internal(other.to_string()),
        })?;
    }
    if let Ok(mut p) = session.options_path.lock() {
        *p = Some(options.clone());
    }
    if let Ok(mut p) = session.criteria_path.lock() {
        *p = Some(criteria.clone());
    }
    session.touch();
    session.log.record(
        "model-written",
        json!({ "options": options.display().to_string(), "criteria": criteria.display().to_string() }),
    );
    Ok(Json(
        json!({ "ok": true, "options": options.display().to_string(), "criteria": criteria.display().to_string() }),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL_OPTIONS: &str = include_str!("../../tests/fixtures/small/options.toml");
    const SMALL_CRITERIA: &str = include_str!("../../tests/fixtures/small/criteria.toml");

    #[test]
    fn every_save_keeps_its_own_backup_and_loads() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("criteria.toml");
        std::fs::write(&path, SMALL_CRITERIA).expect("write");
        let w = [("violence".to_string(), 0.5), ("cost_us".to_string(), 0.5)];
        let first = add_profile(&path, SMALL_OPTIONS, "one", "One", "d", &w).expect("saved");
        let second = add_profile(&path, SMALL_OPTIONS, "two", "Two", "d", &w).expect("saved");
        assert_ne!(first.backup, second.backup);
        assert_eq!(
            std::fs::read_to_string(&first.backup).expect("b1"),
            SMALL_CRITERIA
        );
        let after_first = std::fs::read_to_string(&second.backup).expect("b2");
        assert!(after_first.contains("[profiles.one]") && !after_first.contains("[profiles.two]"));
        let now = std::fs::read_to_string(&path).expect("file");
        let model = crate::from_texts(SMALL_OPTIONS, &now).expect("loads");
        assert_eq!(model.profiles.last().expect("p").name, "Two");
    }

    #[test]
    fn a_save_that_would_not_load_writes_nothing() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("criteria.toml");
        std::fs::write(&path, SMALL_CRITERIA).expect("write");
        // Weights that round to zero everywhere: the profile would be all-zero.
        let w = [("violence".to_string(), 1e-9)];
        let e = add_profile(&path, SMALL_OPTIONS, "zero", "Zero", "d", &w).expect_err("refused");
        assert!(matches!(e, SaveError::WouldNotLoad(_)), "{e}");
        assert_eq!(
            std::fs::read_to_string(&path).expect("file"),
            SMALL_CRITERIA
        );
        assert_eq!(
            std::fs::read_dir(dir.path()).expect("dir").count(),
            1,
            "no backup, no temp file"
        );
    }
}
