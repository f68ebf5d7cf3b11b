//! The session log: one JSON object per line, appended as things happen, so a
//! workshop can be reviewed afterwards.

use std::io::Write;
use std::path::PathBuf;
use std::sync::Mutex;
use std::time::{SystemTime, UNIX_EPOCH};

use serde_json::{Value, json};

/// An append-only JSON-lines file.
#[derive(Debug)]
pub struct SessionLog {
    path: Option<PathBuf>,
    lock: Mutex<()>,
}

impl SessionLog {
    /// A log at `path`, or none.
    pub fn new(path: Option<PathBuf>) -> Self {
        SessionLog {
            path,
            lock: Mutex::new(()),
        }
    }

    /// Appends one event; a log that cannot be written is reported once per
    /// event on stderr and never stops the workshop.
    pub fn record(&self, event: &str, details: Value) {
        let Some(path) = &self.path else { return };
        let time = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0.0, |d| d.as_secs_f64());
        let mut line = json!({ "time": time, "event": event });
        if let (Some(obj), Value::Object(more)) = (line.as_object_mut(), details) {
            obj.extend(more);
        }
        let _guard = self.lock.lock();
        let written = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
            .and_then(|mut f| writeln!(f, "{line}"));
        if let Err(e) = written {
            eprintln!(
                "warning: cannot append to the session log {}: {e}",
                path.display()
            );
        }
    }
}
