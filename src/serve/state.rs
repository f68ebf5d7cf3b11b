//! What the server holds: the model, the session's secrets, the participants.

use std::path::PathBuf;
use std::sync::{Mutex, RwLock};

use rand::Rng;

use super::log::SessionLog;
use crate::model::Model;

/// One participant's submitted weights.
#[derive(Debug, Clone, PartialEq)]
pub struct Participant {
    /// The name they gave.
    pub name: String,
    /// Normalized weights, one per criterion.
    pub weights: Vec<f64>,
}

/// How the server was started.
#[derive(Debug, Clone, Default)]
pub struct SessionOptions {
    /// The criteria file saves go into; `None` for the built-in model.
    pub criteria_path: Option<PathBuf>,
    /// Where the JSON-lines log goes; `None` to keep no log.
    pub log_path: Option<PathBuf>,
}

/// A workshop session.
#[derive(Debug)]
pub struct Session {
    /// The model; saving a profile adds to it.
    pub model: RwLock<Model>,
    /// Lets participants submit.
    pub token: String,
    /// Lets the facilitator see participants and save profiles.
    pub key: String,
    /// Submissions so far, by name (a resubmission replaces).
    pub participants: Mutex<Vec<Participant>>,
    /// Where saved profiles go.
    pub criteria_path: Option<PathBuf>,
    /// The session log.
    pub log: SessionLog,
}

/// A random URL-safe secret of 128 bits from rand's thread generator, a
/// cryptographically secure ChaCha stream seeded by the operating system.
fn secret() -> String {
    let mut bytes = [0u8; 16];
    rand::rng().fill_bytes(&mut bytes);
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

impl Session {
    /// A new session with fresh secrets.
    pub fn new(model: Model, options: SessionOptions) -> Self {
        Session {
            model: RwLock::new(model),
            token: secret(),
            key: secret(),
            participants: Mutex::new(vec![]),
            criteria_path: options.criteria_path,
            log: SessionLog::new(options.log_path),
        }
    }
}
