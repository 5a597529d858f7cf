//! The saved versions of each plan, kept compactly in localStorage: a list of (time, one-line
//! summary, size) under `cruscotto.versioni.<id>`, each version under
//! `cruscotto.versione.<id>.<ms>`: the newest as the plan is stored (deflated when large), every older one as a delta
//! from the next newer one (`plan::delta`). Thinned by age with `plan::history::keep`, within a
//! budget; a full storage gives up the oldest first (nothing newer depends on them).

use serde::{Deserialize, Serialize};

use super::{backend, unpack, WriteError};
use crate::plan::{self, delta, history, Plan};

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
    let versions = list(id);
    let i = versions.iter().position(|v| v.t == t)?;
    plan::load(&text_at(id, &versions, i)?).ok()
}

/// What is stored for version `t`, unpacked: the plan's JSON or a delta from the next newer one.
fn stored(id: &str, t: f64) -> Option<String> {
    unpack(&backend::get(&version_key(id, t))?).ok()
}

/// The JSON of `versions[i]`: the nearest full copy at or after it, then the deltas back to it.
fn text_at(id: &str, versions: &[Version], i: usize) -> Option<String> {
    let mut deltas = Vec::new();
    let mut text = loop {
        let s = stored(id, versions.get(i + deltas.len())?.t)?;
        if !s.starts_with(delta::MARK) {
            break s;
        }
        deltas.push(s);
    };
    for d in deltas.iter().rev() {
        text = delta::apply(d, &text)?;
    }
    Some(text)
}

/// Adds a version of plan `id` saved at `now` with `summary`: its JSON, and its stored form (the
/// JSON itself, or deflated: see `storage::pack`). The newest version is a full copy; the one
/// before becomes a delta from it, so an edit of a 12 MB plan costs a few bytes. Then thins the
/// list by age and budget. Returns the versions kept, and whether the storage could not hold
/// all that thinning keeps (the oldest were given up).
pub fn record(
    id: &str,
    json: &str,
    stored_form: &str,
    summary: String,
    now: f64,
) -> (Vec<Version>, bool) {
    let mut versions = list(id);
    // Times are keys: strictly increasing.
    let t = versions.last().map_or(now, |v| now.max(v.t + 1.0)).floor();
    let mut short = false;
    let mut written = backend::set(&version_key(id, t), stored_form);
    // A full storage: make room by dropping the oldest versions (nothing newer depends on them).
    while written == Err(WriteError::Full) && !versions.is_empty() {
        let old = versions.remove(0);
        backend::remove(&version_key(id, old.t));
        short = true;
        written = backend::set(&version_key(id, t), stored_form);
    }
    if written.is_ok() {
        versions.push(Version {
            t,
            s: summary,
            n: stored_form.len(),
        });
    }
    let times: Vec<f64> = versions.iter().map(|v| v.t).collect();
    let mut keep = history::keep(&times, now);
    // Re-encode, from the newest down: the full copy before the new one, and every version whose
    // next newer one goes, as a delta from the next newer version kept.
    let last = versions.len().saturating_sub(1);
    let low = (0..last).find(|&i| keep[i] && (i + 1 == last || !keep[i + 1]));
    if let (Some(low), true) = (low, written.is_ok()) {
        let mut newer = json.to_string();
        let mut base = json.to_string();
        for i in (low..last).rev() {
            let text = stored(id, versions[i].t).and_then(|s| {
                if s.starts_with(delta::MARK) {
                    delta::apply(&s, &newer)
                } else {
                    Some(s)
                }
            });
            let Some(text) = text else {
                // Unreadable from here down: the older versions go with it.
                keep[..=i].iter_mut().for_each(|k| *k = false);
                break;
            };
            if keep[i] {
                if i + 1 == last || !keep[i + 1] {
                    let d = delta::encode(&text, &base);
                    if backend::set(&version_key(id, versions[i].t), &d).is_err() {
                        keep[..=i].iter_mut().for_each(|k| *k = false);
                        short = true;
                        break;
                    }
                    versions[i].n = d.len();
                }
                base = text.clone();
            }
            newer = text;
        }
    }
    // Newest first within the budget (the newest always): the oldest go, nothing depends on them.
    let mut total = 0;
    for (v, k) in versions
        .iter()
        .zip(keep.iter_mut())
        .rev()
        .filter(|(_, k)| **k)
    {
        if total > 0 && total + v.n > BUDGET {
            *k = false;
            short = true;
        }
        total = (total + v.n).min(BUDGET + 1);
    }
    let mut kept = Vec::with_capacity(versions.len());
    for (v, k) in versions.into_iter().zip(keep) {
        if k {
            kept.push(v);
        } else {
            backend::remove(&version_key(id, v.t));
        }
    }
    if let Ok(text) = serde_json::to_string(&kept) {
        let _ = backend::set(&list_key(id), &text);
    }
    (kept, short)
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
