//! What the server holds for one workshop: the model, the session's secrets,
//! the room, and the state file that lets a restarted server resume them.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, RwLock, RwLockReadGuard};

use rand::{Rng, RngExt};
use serde::{Deserialize, Serialize};
use serde_json::json;
use sha2::{Digest, Sha256};
use tokio::sync::{Semaphore, watch};

use super::http::{AllowedHosts, ApiError};
use super::log::SessionLog;
use super::room::Room;
use crate::model::Model;

/// Heavy analyses (sensitivity, SMAA) allowed to run at once.
pub const HEAVY_AT_ONCE: usize = 2;

/// How the server was started.
#[derive(Debug, Clone, Default)]
pub struct SessionOptions {
    /// The criteria file saves go into; `None` for the built-in model.
    pub criteria_path: Option<PathBuf>,
    /// The options file, read to check a saved criteria file loads.
    pub options_path: Option<PathBuf>,
    /// Where the JSON-lines log goes; `None` to keep no log.
    pub log_path: Option<PathBuf>,
    /// Where the session's state is kept between restarts; `None` to keep none.
    pub state_path: Option<PathBuf>,
    /// Start afresh even when a state file exists.
    pub new_session: bool,
    /// The texts the model was read from (options, criteria), for its hash.
    pub model_texts: (String, String),
    /// The addresses the server may be reached at, beyond loopback.
    pub addresses: Vec<std::net::IpAddr>,
    /// The folder the server runs in: the built-in model is written out here.
    pub folder: PathBuf,
}

/// The session's secrets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Secrets {
    /// Lets the facilitator see the room and save.
    pub key: String,
    /// Lets participants submit; it is in the join link.
    pub token: String,
    /// A short code participants can type instead of following the link.
    pub code: String,
}

impl Secrets {
    fn fresh() -> Self {
        Secrets {
            key: secret(),
            token: secret(),
            code: short_code(),
        }
    }

    /// Whether `given` is the facilitator's key.
    pub fn key_matches(&self, given: &str) -> bool {
        same(given, &self.key)
    }

    /// Whether `given` is the participants' token.
    pub fn token_matches(&self, given: &str) -> bool {
        same(given, &self.token)
    }

    /// Whether `given` is the short code, ignoring case, spaces and dashes.
    pub fn code_matches(&self, given: &str) -> bool {
        let typed: String = given
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .map(|c| c.to_ascii_uppercase())
            .collect();
        same(&typed, &self.code)
    }
}

/// Compares in time independent of where the strings differ.
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// A random secret of 128 bits, as hex, from rand's thread generator: a
/// cryptographically secure ChaCha stream seeded by the operating system.
fn secret() -> String {
    let mut bytes = [0u8; 16];
    rand::rng().fill_bytes(&mut bytes);
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Letters and digits that cannot be mistaken for one another when read
/// off a screen (no 0/O, 1/I/L, 5/S, 2/Z, 8/B).
const CODE_ALPHABET: &[u8] = b"34679ACDEFGHJKMNPQRTUVWXY";
/// Characters in the short code: 25^6 ≈ 2.4 × 10^8 codes.
pub const CODE_LENGTH: usize = 6;

fn short_code() -> String {
    let mut rng = rand::rng();
    (0..CODE_LENGTH)
        .map(|_| CODE_ALPHABET[rng.random_range(0..CODE_ALPHABET.len())] as char)
        .collect()
}

/// The SHA-256 of the two model files, in hex: the log names the model a
/// session ran on.
pub fn model_hash(options: &str, criteria: &str) -> String {
    let mut hasher = Sha256::new();
    hasher.update(options.as_bytes());
    hasher.update([0u8]);
    hasher.update(criteria.as_bytes());
    hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The state file: everything a restarted server needs to resume.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct StateFile {
    format: u32,
    started: f64,
    model_hash: String,
    secrets: Secrets,
    room: Room,
}

const STATE_FORMAT: u32 = 1;

/// A workshop session.
#[derive(Debug)]
pub struct Session {
    /// The model; saving a profile adds to it.
    pub model: RwLock<Model>,
    /// Key, token and short code.
    pub secrets: Secrets,
    /// Submissions so far.
    room: Mutex<Room>,
    /// Where saved profiles go, once there is a file.
    pub criteria_path: Mutex<Option<PathBuf>>,
    /// The options file beside it.
    pub options_path: Mutex<Option<PathBuf>>,
    state_path: Option<PathBuf>,
    /// The folder the server runs in.
    pub folder: PathBuf,
    /// The port the server listens on, once known (for the join link).
    pub port: std::sync::atomic::AtomicU16,
    /// The session log.
    pub log: SessionLog,
    /// Host names the server answers to.
    pub hosts: AllowedHosts,
    /// Network addresses (beyond loopback) for the join link.
    pub addresses: Vec<std::net::IpAddr>,
    /// Room for heavy analyses.
    pub heavy: std::sync::Arc<Semaphore>,
    /// Bumped on every change to the room or the model, for live updates.
    pub changes: watch::Sender<u64>,
    /// When the session began (seconds since the Unix epoch).
    pub started: f64,
    /// SHA-256 of the model files.
    pub model_hash: String,
    /// Whether this start resumed an earlier one.
    pub resumed: bool,
    /// Wrong short codes tried, for rate limiting.
    pub wrong_codes: Mutex<(f64, u32)>,
}

/// Seconds since the Unix epoch.
pub fn now() -> f64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0.0, |d| d.as_secs_f64())
}

impl Session {
    /// A session with fresh secrets and no state file: for tests and embedding.
    pub fn new(model: Model, options: SessionOptions) -> Self {
        Self::open(
            model,
            SessionOptions {
                state_path: None,
                ..options
            },
        )
        .unwrap_or_else(|_| unreachable!("no state file is read"))
    }

    /// Resumes the session in `options.state_path` if there is one (unless
    /// `new_session`), else starts a new one and writes its state file.
    ///
    /// # Errors
    /// The state file exists but cannot be read, or cannot be written.
    pub fn open(model: Model, options: SessionOptions) -> Result<Self, crate::Error> {
        let hash = model_hash(&options.model_texts.0, &options.model_texts.1);
        let stored = match &options.state_path {
            Some(path) if path.exists() && !options.new_session => Some(read_state(path)?),
            _ => None,
        };
        let resumed = stored.is_some();
        let (started, secrets, room) = match stored {
            Some(s) => {
                if s.model_hash != hash {
                    eprintln!(
                        "note: the model files changed since this session began; submissions are kept by criterion id"
                    );
                }
                (s.started, s.secrets, s.room)
            }
            None => (now(), Secrets::fresh(), Room::default()),
        };
        let (changes, _) = watch::channel(0);
        let session = Session {
            model: RwLock::new(model),
            secrets,
            room: Mutex::new(room),
            criteria_path: Mutex::new(options.criteria_path),
            options_path: Mutex::new(options.options_path),
            state_path: options.state_path,
            folder: options.folder,
            port: std::sync::atomic::AtomicU16::new(0),
            log: SessionLog::new(options.log_path),
            hosts: AllowedHosts::new(options.addresses.iter().copied()),
            addresses: options.addresses,
            heavy: std::sync::Arc::new(Semaphore::new(HEAVY_AT_ONCE)),
            changes,
            started,
            model_hash: hash,
            resumed,
            wrong_codes: Mutex::new((0.0, 0)),
        };
        {
            let room = session
                .room
                .lock()
                .map_err(|_| crate::Error::Server("poisoned".into()))?;
            session
                .persist(&room)
                .map_err(|e| crate::Error::Server(e.1))?;
        }
        let criteria: Vec<String> = session
            .read_model()
            .map(|m| m.criteria.iter().map(|c| c.id.to_string()).collect())
            .unwrap_or_default();
        session.log.record(
            "session-start",
            json!({
                "started": session.started, "resumed": resumed, "model_hash": session.model_hash,
                "criteria": criteria,
                "participants": session.room.lock().map(|r| r.participants.len()).unwrap_or(0),
            }),
        );
        Ok(session)
    }

    /// The model, for reading.
    pub fn read_model(&self) -> Result<RwLockReadGuard<'_, Model>, ApiError> {
        self.model
            .read()
            .map_err(|_| ApiError::internal("the model is unavailable"))
    }

    /// The room, for reading; change it through [`Session::change_room`].
    pub fn room(&self) -> Result<MutexGuard<'_, Room>, ApiError> {
        self.room
            .lock()
            .map_err(|_| ApiError::internal("the room is unavailable"))
    }

    /// Applies `change` to the room, writes the state file, and tells the
    /// live pages. The state file is written before the answer, so what a
    /// participant was told was kept survives a restart.
    pub fn change_room<T>(
        &self,
        change: impl FnOnce(&mut Room) -> Result<T, ApiError>,
    ) -> Result<T, ApiError> {
        let mut room = self.room()?;
        let mut next = room.clone();
        let out = change(&mut next)?;
        self.persist(&next)?;
        *room = next;
        drop(room);
        self.changes.send_modify(|n| *n += 1);
        Ok(out)
    }

    /// [`Session::change_room`] on tokio's blocking pool: the state file is
    /// written and synced there, never on the workers that answer everyone
    /// else.
    pub async fn change_room_blocking<T: Send + 'static>(
        self: &std::sync::Arc<Self>,
        change: impl FnOnce(&mut Room) -> Result<T, ApiError> + Send + 'static,
    ) -> Result<T, ApiError> {
        let session = self.clone();
        tokio::task::spawn_blocking(move || session.change_room(change))
            .await
            .map_err(|_| ApiError::internal("the room could not be updated"))?
    }

    fn persist(&self, room: &Room) -> Result<(), ApiError> {
        let Some(path) = &self.state_path else {
            return Ok(());
        };
        let state = StateFile {
            format: STATE_FORMAT,
            started: self.started,
            model_hash: self.model_hash.clone(),
            secrets: self.secrets.clone(),
            room: room.clone(),
        };
        let text =
            serde_json::to_string_pretty(&state).map_err(|e| ApiError::internal(e.to_string()))?;
        crate::output::write_atomic(path, text.as_bytes(), true)
            .map_err(|e| ApiError::internal(format!("cannot keep the session state: {e}")))?;
        // The file holds the facilitator's key: readable by its owner only.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let _ = std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600));
        }
        Ok(())
    }

    /// Tells the live pages that something changed.
    pub fn touch(&self) {
        self.changes.send_modify(|n| *n += 1);
    }

    /// The criteria file saves go into, if any.
    pub fn criteria_file(&self) -> Option<PathBuf> {
        self.criteria_path.lock().ok().and_then(|p| p.clone())
    }
}

fn read_state(path: &Path) -> Result<StateFile, crate::Error> {
    let fail = |why: String| {
        crate::Error::Server(format!(
            "cannot resume the session in {}: {why}; move it away or run `tradeoffs serve --new-session`",
            path.display()
        ))
    };
    let text = std::fs::read_to_string(path).map_err(|e| fail(e.to_string()))?;
    let state: StateFile = serde_json::from_str(&text).map_err(|e| fail(e.to_string()))?;
    if state.format != STATE_FORMAT {
        return Err(fail(format!(
            "state format {} is not {STATE_FORMAT}",
            state.format
        )));
    }
    Ok(state)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_typeable_and_match_loosely() {
        let s = Secrets::fresh();
        assert_eq!(s.code.len(), CODE_LENGTH);
        assert!(s.code.bytes().all(|b| CODE_ALPHABET.contains(&b)));
        let typed = format!(" {}-{} ", &s.code[..3].to_lowercase(), &s.code[3..]);
        assert!(s.code_matches(&typed));
        assert!(!s.code_matches("AAAAAA"));
        assert!(s.key_matches(&s.key) && !s.key_matches(&s.token));
    }

    #[test]
    fn the_model_hash_changes_with_either_file() {
        let a = model_hash("o", "c");
        assert_eq!(a.len(), 64);
        assert_ne!(a, model_hash("o", "c2"));
        assert_ne!(a, model_hash("oc", ""));
    }
}
