//! The session log: one JSON object per line, appended as things happen, so
//! a workshop can be replayed afterwards (`tradeoffs replay LOG`).
//!
//! Each line is serialized whole and handed to the operating system in one
//! `write` on a file opened for appending, then flushed: a server killed at
//! any moment leaves whole lines, never half of one glued to the next. Only
//! meaningful events are written (a session starting, a submission, a
//! removal, a save, the anonymous switch), never a slider move, and the log
//! stops growing at [`MAX_LOG_BYTES`].

use std::io::Write;
use std::path::PathBuf;
use std::sync::Mutex;

use serde_json::{Value, json};

/// The size past which the log takes no more events.
pub const MAX_LOG_BYTES: u64 = 16 * 1024 * 1024;

/// An append-only JSON-lines file.
#[derive(Debug)]
pub struct SessionLog {
    path: Option<PathBuf>,
    /// Held while writing so two events never interleave; `true` once the
    /// log is full and the warning has been given.
    lock: Mutex<bool>,
}

impl SessionLog {
    /// A log at `path`, or none.
    pub fn new(path: Option<PathBuf>) -> Self {
        SessionLog {
            path,
            lock: Mutex::new(false),
        }
    }

    /// Appends one event; a log that cannot be written is reported on stderr
    /// and never stops the workshop.
    pub fn record(&self, event: &str, details: Value) {
        let Some(path) = &self.path else { return };
        let mut line = json!({ "time": super::session::now(), "event": event });
        if let (Some(obj), Value::Object(more)) = (line.as_object_mut(), details) {
            obj.extend(more);
        }
        let mut text = line.to_string();
        text.push('\n');
        let Ok(mut full) = self.lock.lock() else {
            return;
        };
        let size = std::fs::metadata(path).map_or(0, |m| m.len());
        if size + text.len() as u64 > MAX_LOG_BYTES {
            if !*full {
                *full = true;
                eprintln!(
                    "warning: the session log {} reached {} MB; later events are not logged",
                    path.display(),
                    MAX_LOG_BYTES / (1024 * 1024)
                );
            }
            return;
        }
        let written = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
            .and_then(|mut f| {
                f.write_all(text.as_bytes())?;
                f.flush()
            });
        if let Err(e) = written {
            eprintln!(
                "warning: cannot append to the session log {}: {e}",
                path.display()
            );
        }
    }
}

/// One line of a log as read back.
#[derive(Debug, Clone, PartialEq)]
pub enum LogLine {
    /// A whole event.
    Event(Value),
    /// A line that is not a JSON object: its 1-based number.
    Broken(usize),
}

/// Reads a log's lines; blank lines are skipped.
pub fn parse(text: &str) -> Vec<LogLine> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| match serde_json::from_str::<Value>(l) {
            Ok(v) if v.is_object() => LogLine::Event(v),
            _ => LogLine::Broken(i + 1),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_are_whole_lines_and_read_back() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("log.jsonl");
        let log = SessionLog::new(Some(path.clone()));
        log.record("submission", json!({ "name": "Ana\nwith a newline" }));
        log.record("save", json!({ "profile": "p" }));
        let text = std::fs::read_to_string(&path).expect("log");
        let lines = parse(&text);
        assert_eq!(lines.len(), 2);
        assert!(matches!(&lines[0], LogLine::Event(v) if v["name"] == "Ana\nwith a newline"));
        assert_eq!(
            parse("{\"a\":1}\n{\"b\":\n"),
            vec![LogLine::Event(json!({"a":1})), LogLine::Broken(2)]
        );
    }
}
