//! JSON.

use serde::Serialize;

/// Pretty-printed JSON with a final newline.
pub fn render<T: Serialize>(result: &T) -> String {
    let mut text = serde_json::to_string_pretty(result)
        .unwrap_or_else(|e| format!("{{\"error\": \"cannot serialize: {e}\"}}"));
    text.push('\n');
    text
}
