//! The saved versions of each plan, kept compactly in localStorage: a list of (time, one-line
//! summary, size) under `cruscotto.versioni.<id>`, each version's plan deflated under
//! `cruscotto.versione.<id>.<ms>`. Thinned by age with `plan::history::keep`, within a budget.

use serde::{Deserialize, Serialize};

use super::{backend, pack_always, unpack, WriteError, PACKED_PREFIX};
use crate::plan::{self, history, Plan};

const LIST_PREFIX: &str = "cruscotto.versioni.";
const VERSION_PREFIX: &str = "cruscotto.versione.";
/// Characters the versions of one plan may take together; the newest version is always kept.
const BUDGET: usize = 2_000_000;

/// One saved version.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Version {
    /// When it was saved (ms since 1970); also its key.
    pub t: f64,
    /// What changed from the version before, in one line.
    pub s: String,
    /// Characters its stored form takes.
    #[serde(default)]
    pub n: usize,
}

fn list_key(id: &str) -> String {
    format!("{LIST_PREFIX}{id}")
}

fn version_key(id: &str, t: f64) -> String {
    format!("{VERSION_PREFIX}{id}.{}", t as u64)
}

/// The versions of plan `id`, oldest first (an unreadable list reads as none).
pub fn list(id: &str) -> Vec<Version> {
    backend::get(&list_key(id))
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default()
}

/// The plan saved as version `t` of plan `id`.
pub fn read(id: &str, t: f64) -> Option<Plan> {
    let raw = backend::get(&version_key(id, t))?;
    plan::load(&unpack(&raw).ok()?).ok()
}

/// Adds a version of plan `id` (its JSON, or its stored form) saved at `now` with `summary`, then thins the list.
/// Returns the list kept.
pub fn record(id: &str, json: &str, summary: String, now: f64) -> Vec<Version> {
    let mut versions = list(id);
    // Times are keys: strictly increasing.
    let t = versions.last().map_or(now, |v| now.max(v.t + 1.0)).floor();
    // `json` may already be in its stored (deflated) form: never deflate twice.
    let stored = if json.starts_with(PACKED_PREFIX) {
        json.to_string()
    } else {
        pack_always(json)
    };
    let n = stored.len();
    let mut written = backend::set(&version_key(id, t), &stored);
    // A full storage: make room by dropping the oldest versions (never the plans).
    while written == Err(WriteError::Full) && versions.len() > 1 {
        let old = versions.remove(0);
        backend::remove(&version_key(id, old.t));
        written = backend::set(&version_key(id, t), &stored);
    }
    if written.is_ok() {
        versions.push(Version { t, s: summary, n });
    }
    let times: Vec<f64> = versions.iter().map(|v| v.t).collect();
    let keep = history::keep(&times, now);
    let mut total = 0;
    let mut kept = Vec::with_capacity(versions.len());
    // Newest first within the budget; the newest is always kept.
    for (v, k) in versions.into_iter().zip(keep).rev() {
        if k && (kept.is_empty() || total + v.n <= BUDGET) {
            total += v.n;
            kept.push(v);
        } else {
            backend::remove(&version_key(id, v.t));
        }
    }
    kept.reverse();
    if let Ok(text) = serde_json::to_string(&kept) {
        let _ = backend::set(&list_key(id), &text);
    }
    kept
}

/// Forgets every version of plan `id` (the plan was deleted).
pub fn delete_all(id: &str) {
    for v in list(id) {
        backend::remove(&version_key(id, v.t));
    }
    backend::remove(&list_key(id));
}

/// Frees room for a plan's own save: drops the older half of plan `id`'s versions (the newest is
/// kept). Returns whether anything was dropped.
pub fn shed(id: &str) -> bool {
    let mut versions = list(id);
    if versions.len() < 2 {
        return false;
    }
    let drop = versions.len() / 2;
    for v in versions.drain(..drop) {
        backend::remove(&version_key(id, v.t));
    }
    if let Ok(text) = serde_json::to_string(&versions) {
        let _ = backend::set(&list_key(id), &text);
    }
    true
}
