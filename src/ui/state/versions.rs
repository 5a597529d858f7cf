//! Versions: each save of the open plan adds a version (what changed, in one line), thinned by
//! age; any version can be previewed and restored (restoring is an edit, so a new version).

use leptos::prelude::*;

use super::super::i18n::T;
use super::super::storage::versions;
use super::{now_ms, storage_json, AppState};
use crate::plan::{history, Plan};

/// "29/11/2026 18:20" in the browser's time zone.
pub fn when(t: f64) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(t));
    format!(
        "{:02}/{:02}/{} {:02}:{:02}",
        d.get_date(),
        d.get_month() + 1,
        d.get_full_year(),
        d.get_hours(),
        d.get_minutes()
    )
}

impl AppState {
    /// After opening plan `id` showing `plan`: its versions, and the plan they start from.
    pub(super) fn load_versions(&self, id: &str, plan: &Plan) {
        self.versions.set(versions::list(id));
        self.versions_short.set(false);
        self.saved_plan.set_value(Some(plan.clone()));
        self.restoring.set_value(None);
    }

    /// What the next version will say changed since the last one (`None`: nothing), and, before
    /// a plan's first recorded edit, the plan as it was opened (a version too), as JSON.
    pub(super) fn pending_version(&self) -> (Option<String>, Option<String>) {
        let lang = self.lang.get_untracked();
        let first = self.versions.with_untracked(|v| v.is_empty());
        let mut out = (None, None);
        self.saved_plan.with_value(|prev| {
            let Some(prev) = prev else { return };
            self.plan.with_untracked(|current| {
                let changes = history::changes(prev, current, lang);
                if !changes.is_empty() {
                    out = (
                        Some(history::summary(&changes, lang)),
                        first.then(|| storage_json(prev)),
                    );
                }
            });
        });
        out
    }

    /// After the open plan was stored as `stored` (its JSON: `json`): a version, unless nothing
    /// changed (`summary` and `opened` from [`Self::pending_version`]; `opened` as JSON and as
    /// stored).
    pub(super) fn record_version(
        &self,
        id: &str,
        json: &str,
        stored: &str,
        summary: Option<String>,
        opened: Option<(String, String)>,
    ) {
        let lang = self.lang.get_untracked();
        let now = now_ms();
        let first = self.versions.with_untracked(|v| v.is_empty());
        if let Some((json, stored)) = opened {
            versions::record(
                id,
                &json,
                &stored,
                T::VersionOpened.in_(lang).into(),
                now - 1.0,
            );
        }
        let summary = match (summary, first) {
            (Some(s), _) => s,
            (None, true) => T::VersionFirst.in_(lang).into(),
            (None, false) => return,
        };
        let summary = match self.restoring.get_value() {
            Some(t) => format!("{} {}: {summary}", T::VersionRestored.in_(lang), when(t)),
            None => summary,
        };
        self.restoring.set_value(None);
        let (kept, short) = versions::record(id, json, stored, summary, now);
        self.versions.set(kept);
        if short {
            self.versions_short.set(true);
        }
        self.saved_plan.set_value(Some(self.plan.get_untracked()));
    }

    /// The plan saved as version `t` of the open plan.
    pub fn version(&self, t: f64) -> Option<Plan> {
        versions::read(&self.active.get_untracked(), t)
    }

    /// Makes version `t` the open plan (an undoable edit, saved as a new version).
    pub fn restore_version(&self, t: f64) {
        if let Some(plan) = self.version(t) {
            self.restoring.set_value(Some(t));
            self.replace(plan);
        }
    }
}
