//! Reading a session log back: the timeline of events and the room as it
//! stood at the end (`tradeoffs replay LOG`).

use indexmap::IndexMap;
use serde_json::Value;

use super::log::{LogLine, parse};

/// One event, in words.
#[derive(Debug, Clone, PartialEq)]
pub struct Moment {
    /// Seconds since the Unix epoch.
    pub time: f64,
    /// What happened.
    pub what: String,
}

/// A participant's latest submission.
#[derive(Debug, Clone, PartialEq)]
pub struct Submitted {
    /// Their public number.
    pub id: u64,
    /// The name they gave.
    pub name: String,
    /// Weights by criterion id.
    pub weights: IndexMap<String, f64>,
    /// `sliders` or `swing`.
    pub via: String,
}

/// A log, read back.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Replay {
    /// Every event, in order.
    pub timeline: Vec<Moment>,
    /// The room at the end of the last session, by public number.
    pub participants: Vec<Submitted>,
    /// Model hashes the sessions ran on, in order, without repeats.
    pub model_hashes: Vec<String>,
    /// Lines that are not whole JSON objects (1-based).
    pub broken: Vec<usize>,
}

fn text(v: &Value, key: &str) -> String {
    v.get(key)
        .and_then(Value::as_str)
        .unwrap_or("?")
        .to_string()
}

fn weights(v: &Value) -> IndexMap<String, f64> {
    v.get("weights")
        .and_then(Value::as_object)
        .map(|o| {
            o.iter()
                .filter_map(|(k, w)| w.as_f64().map(|w| (k.clone(), w)))
                .collect()
        })
        .unwrap_or_default()
}

/// Reads the text of a session log.
pub fn replay(log: &str) -> Replay {
    let mut out = Replay::default();
    for line in parse(log) {
        let event = match line {
            LogLine::Broken(n) => {
                out.broken.push(n);
                continue;
            }
            LogLine::Event(v) => v,
        };
        let time = event.get("time").and_then(Value::as_f64).unwrap_or(0.0);
        let number = event
            .get("participant")
            .and_then(Value::as_u64)
            .unwrap_or(0);
        let what = match event.get("event").and_then(Value::as_str).unwrap_or("") {
            "session-start" => {
                let resumed = event.get("resumed").and_then(Value::as_bool) == Some(true);
                let hash = text(&event, "model_hash");
                if out.model_hashes.last() != Some(&hash) {
                    out.model_hashes.push(hash.clone());
                }
                if resumed {
                    format!(
                        "server restarted; session resumed (model {})",
                        &hash[..hash.len().min(12)]
                    )
                } else {
                    out.participants.clear();
                    format!("session started (model {})", &hash[..hash.len().min(12)])
                }
            }
            "submission" => {
                let s = Submitted {
                    id: number,
                    name: text(&event, "name"),
                    weights: weights(&event),
                    via: text(&event, "via"),
                };
                let what = format!("p{number} {} submitted weights by {}", s.name, s.via);
                match out.participants.iter_mut().find(|p| p.id == number) {
                    Some(p) => *p = s,
                    None => out.participants.push(s),
                }
                what
            }
            "removal" => {
                out.participants.retain(|p| p.id != number);
                format!("p{number} removed by the facilitator")
            }
            "save" => format!(
                "saved profile {} ({}) from {} into {}",
                text(&event, "profile"),
                text(&event, "name"),
                text(&event, "from"),
                text(&event, "file")
            ),
            "anonymous" => {
                if event.get("anonymous").and_then(Value::as_bool) == Some(true) {
                    "names hidden on the projector".to_string()
                } else {
                    "names shown on the projector".to_string()
                }
            }
            "model-written" => format!("built-in model written to {}", text(&event, "criteria")),
            other => other.to_string(),
        };
        out.timeline.push(Moment { time, what });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_log_replays_into_a_timeline_and_the_final_room() {
        let log = r#"{"time":1.0,"event":"session-start","resumed":false,"model_hash":"abcdef0123456789"}
{"time":2.0,"event":"submission","participant":1,"name":"Ana","via":"sliders","weights":{"x":0.75,"y":0.25}}
{"time":3.0,"event":"submission","participant":2,"name":"Ben","via":"swing","weights":{"x":0.5,"y":0.5}}
{"time":4.0,"event":"session-start","resumed":true,"model_hash":"abcdef0123456789"}
{"time":5.0,"event":"submission","participant":1,"name":"Ana","via":"sliders","weights":{"x":0.25,"y":0.75}}
{"time":6.0,"event":"removal","participant":2}
{"time":7.0,"event":"sub
{"time":8.0,"event":"save","profile":"room","name":"Room","from":"group-arithmetic","file":"criteria.toml"}
"#;
        let r = replay(log);
        assert_eq!(r.broken, vec![7]);
        assert_eq!(r.timeline.len(), 7);
        assert!(r.timeline[3].what.starts_with("server restarted"));
        assert_eq!(r.participants.len(), 1);
        assert_eq!(r.participants[0].weights["y"], 0.75);
        assert_eq!(r.model_hashes, vec!["abcdef0123456789".to_string()]);
    }
}
