//! The JSON Schema in docs/ is generated from the Rust types and must stay in step with them.
#![cfg(not(target_arch = "wasm32"))] // native: the browser tests are tests/browser.rs and tests/e2e

use std::path::Path;

const SCHEMA_PATH: &str = "docs/plan-format.schema.json";

#[test]
fn schema_file_matches_the_types() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(SCHEMA_PATH);
    let generated = cruscotto::plan::schema_json();
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &generated).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "{SCHEMA_PATH} is out of date with the Rust types in src/plan/model.rs.\n\
         Regenerate it with:  UPDATE_SCHEMA=1 cargo test --test plan_schema"
    );
}

#[test]
fn schema_describes_the_envelope() {
    let schema: serde_json::Value = serde_json::from_str(&cruscotto::plan::schema_json()).unwrap();
    assert_eq!(schema["title"], "Plan");
    let required = schema["required"].as_array().unwrap();
    for field in ["format", "version", "title", "missions"] {
        assert!(required.iter().any(|r| r == field), "{field} not required");
    }
    let text = schema.to_string();
    assert!(text.contains("cruscotto-plan"));
    assert!(text.contains("inserito") && text.contains("eliminato"));
}
