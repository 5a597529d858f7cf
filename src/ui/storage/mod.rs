//! Keeping plans in the browser: an index of plans, one key per plan (its JSON, exactly what
//! `plan::to_json` writes), unreadable data kept aside (never overwritten), writes that tell a full
//! storage apart.
//!
//! Keys: `cruscotto.piani` (index), `cruscotto.attivo` (open plan id), `cruscotto.piano.<id>`,
//! `cruscotto.messo-da-parte.<id>.<ms>` (unreadable data kept aside).

pub mod backend;

use serde::{Deserialize, Serialize};

pub use backend::WriteError;

pub const INDEX_KEY: &str = "cruscotto.piani";
pub const ACTIVE_KEY: &str = "cruscotto.attivo";
pub const PLAN_PREFIX: &str = "cruscotto.piano.";
pub const ASIDE_PREFIX: &str = "cruscotto.messo-da-parte.";

/// One saved plan in the index.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub id: String,
    pub name: String,
}

pub fn plan_key(id: &str) -> String {
    format!("{PLAN_PREFIX}{id}")
}

/// The index of saved plans; an unreadable index is kept aside and rebuilt from the plan keys.
/// Returns the entries and, when something was kept aside, its key.
pub fn read_index() -> (Vec<Entry>, Option<String>) {
    let mut aside = None;
    let mut entries: Vec<Entry> = match backend::get(INDEX_KEY) {
        None => Vec::new(),
        Some(text) => match serde_json::from_str(&text) {
            Ok(entries) => entries,
            Err(_) => {
                aside = keep_aside("indice", &text);
                Vec::new()
            }
        },
    };
    // Plans whose key exists but that the index forgot (e.g. index lost) come back.
    for key in backend::keys_with_prefix(PLAN_PREFIX) {
        let id = key[PLAN_PREFIX.len()..].to_string();
        if !entries.iter().any(|e| e.id == id) {
            entries.push(Entry {
                name: id.clone(),
                id,
            });
        }
    }
    (entries, aside)
}

pub fn write_index(entries: &[Entry]) -> Result<(), WriteError> {
    let text = crate::plan::json_text(entries, false).unwrap_or_else(|_| "[]".into());
    backend::set(INDEX_KEY, &text)
}

pub fn read_active() -> Option<String> {
    backend::get(ACTIVE_KEY)
}

pub fn write_active(id: &str) {
    let _ = backend::set(ACTIVE_KEY, id);
}

pub fn read_plan_text(id: &str) -> Option<String> {
    backend::get(&plan_key(id))
}

pub fn write_plan_text(id: &str, text: &str) -> Result<(), WriteError> {
    backend::set(&plan_key(id), text)
}

pub fn delete_plan(id: &str) {
    backend::remove(&plan_key(id));
}

/// Copies unreadable data to a new key (never overwriting one) and returns that key.
pub fn keep_aside(what: &str, text: &str) -> Option<String> {
    let now = js_sys::Date::now() as u64;
    for n in 0..100u32 {
        let key = format!("{ASIDE_PREFIX}{what}.{now}.{n}");
        if backend::get(&key).is_none() {
            return backend::set(&key, text).ok().map(|_| key);
        }
    }
    None
}

/// A fresh plan id: short, unique enough, readable in the storage inspector.
pub fn new_id() -> String {
    let now = js_sys::Date::now() as u64;
    let rnd = (js_sys::Math::random() * 1_000_000.0) as u64;
    format!("p{now:x}{rnd:x}")
}
