//! The exchange format: pretty JSON in a stable order, and its JSON Schema.

use super::model::Plan;

/// The plan as pretty JSON (struct fields in declaration order, maps sorted by key).
pub fn to_json(plan: &Plan) -> String {
    // Serializing these types cannot fail (string keys, finite numbers); keep a readable
    // fallback rather than a panic all the same.
    serde_json::to_string_pretty(plan)
        .unwrap_or_else(|e| format!("{{\"error\": \"{}\"}}", e.to_string().replace('"', "'")))
}

/// The JSON Schema of the format, generated from the Rust types (`docs/plan-format.schema.json`).
pub fn schema_json() -> String {
    let schema = schemars::schema_for!(Plan);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}
