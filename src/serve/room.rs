//! The room: who has submitted which weights, one entry per device.
//!
//! A participant is known by a random device id their browser keeps, not by
//! the name they type: two people called Ana are two participants, and a
//! participant who renames themselves is still one. The facilitator sees a
//! short public number (`p3`), never the device id.

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

/// The most participants one session holds.
pub const MAX_PARTICIPANTS: usize = 200;
/// The longest name, in characters.
pub const MAX_NAME: usize = 60;
/// The longest device id, in characters.
pub const MAX_DEVICE: usize = 64;

/// How a participant gave their weights.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Elicitation {
    /// Moving sliders.
    Sliders,
    /// Ranking and rating swings.
    Swing,
}

/// One participant's submission.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Participant {
    /// Public number, shown to the facilitator as `p<id>`.
    pub id: u32,
    /// The browser's random device id.
    pub device: String,
    /// The name they gave.
    pub name: String,
    /// Normalized weights by criterion id.
    pub weights: IndexMap<String, f64>,
    /// Sliders or swing weighting.
    pub via: Elicitation,
    /// Swing ratings (top swing = 100), when given that way.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub swing: Option<IndexMap<String, f64>>,
    /// Seconds since the Unix epoch of the latest submission.
    pub time: f64,
}

/// Why a submission was refused.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum RoomError {
    /// The name is empty or too long.
    #[error("give a name of 1 to {MAX_NAME} characters")]
    Name,
    /// The device id is malformed.
    #[error("the device id must be 8 to {MAX_DEVICE} letters, digits or -")]
    Device,
    /// The room is full.
    #[error("the session already has {MAX_PARTICIPANTS} participants")]
    Full,
}

/// Everyone who has submitted.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Room {
    /// Submissions in the order people first submitted.
    pub participants: Vec<Participant>,
    /// The next public number.
    pub next_id: u32,
    /// Names hidden on the facilitator's screen.
    pub anonymous: bool,
}

/// A checked name: trimmed, control characters removed.
pub fn clean_name(name: &str) -> Result<String, RoomError> {
    let name: String = name.trim().chars().filter(|c| !c.is_control()).collect();
    if name.is_empty() || name.chars().count() > MAX_NAME {
        return Err(RoomError::Name);
    }
    Ok(name)
}

fn check_device(device: &str) -> Result<(), RoomError> {
    let ok = (8..=MAX_DEVICE).contains(&device.len())
        && device
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-');
    if ok { Ok(()) } else { Err(RoomError::Device) }
}

impl Room {
    /// Adds or replaces the submission of `submission.device`; returns its
    /// public number.
    pub fn submit(&mut self, mut submission: Participant) -> Result<u32, RoomError> {
        submission.name = clean_name(&submission.name)?;
        check_device(&submission.device)?;
        if let Some(existing) = self
            .participants
            .iter_mut()
            .find(|p| p.device == submission.device)
        {
            submission.id = existing.id;
            *existing = submission;
            return Ok(existing.id);
        }
        if self.participants.len() >= MAX_PARTICIPANTS {
            return Err(RoomError::Full);
        }
        self.next_id += 1;
        submission.id = self.next_id;
        self.participants.push(submission);
        Ok(self.next_id)
    }

    /// Removes participant `id`; whether there was one.
    pub fn remove(&mut self, id: u32) -> bool {
        let before = self.participants.len();
        self.participants.retain(|p| p.id != id);
        self.participants.len() != before
    }

    /// Participant `id`.
    pub fn get(&self, id: u32) -> Option<&Participant> {
        self.participants.iter().find(|p| p.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(device: &str, name: &str) -> Participant {
        Participant {
            id: 0,
            device: device.into(),
            name: name.into(),
            weights: IndexMap::new(),
            via: Elicitation::Sliders,
            swing: None,
            time: 0.0,
        }
    }

    #[test]
    fn the_same_name_on_two_devices_is_two_participants() {
        let mut room = Room::default();
        let a = room.submit(person("device-aaaa", "Ana")).expect("ok");
        let b = room.submit(person("device-bbbb", "Ana")).expect("ok");
        assert_ne!(a, b);
        assert_eq!(room.participants.len(), 2);
        // A resubmission from the same device replaces, keeping the number.
        let again = room.submit(person("device-aaaa", "Ana M.")).expect("ok");
        assert_eq!(again, a);
        assert_eq!(room.participants.len(), 2);
        assert_eq!(room.get(a).expect("there").name, "Ana M.");
    }

    #[test]
    fn names_devices_and_room_size_are_capped() {
        let mut room = Room::default();
        assert_eq!(
            room.submit(person("device-aaaa", "  ")),
            Err(RoomError::Name)
        );
        assert_eq!(
            room.submit(person("device-aaaa", &"x".repeat(MAX_NAME + 1))),
            Err(RoomError::Name)
        );
        assert_eq!(room.submit(person("short", "Ana")), Err(RoomError::Device));
        assert_eq!(
            room.submit(person("device/../x", "Ana")),
            Err(RoomError::Device)
        );
        for i in 0..MAX_PARTICIPANTS {
            room.submit(person(&format!("device-{i:04}"), "P"))
                .expect("room");
        }
        assert_eq!(
            room.submit(person("device-full", "Q")),
            Err(RoomError::Full)
        );
        // Someone already in the room can still resubmit.
        assert!(room.submit(person("device-0000", "P")).is_ok());
        assert!(room.remove(1));
        assert!(!room.remove(1));
    }
}
