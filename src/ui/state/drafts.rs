//! Drafts: invalid text typed in a checked field, kept across reloads (never in the plan).

use super::super::storage;
use leptos::prelude::*;

use super::AppState;
use crate::plan;
use crate::sorted_map::SortedMap;

impl AppState {
    pub(super) fn drafts_key(&self) -> String {
        format!("cruscotto.bozze.{}", self.active.get_untracked())
    }

    pub(super) fn drafts(&self) -> SortedMap<String, String> {
        storage::backend::get(&self.drafts_key())
            .and_then(|t| serde_json::from_str(&t).ok())
            .unwrap_or_default()
    }

    /// The text last typed and not committed in field `key` of the open plan, if any.
    pub fn draft(&self, key: &str) -> Option<String> {
        self.drafts().remove(key)
    }

    pub fn keep_draft(&self, key: &str, text: &str) {
        let mut all = self.drafts();
        if all.get(key).map(String::as_str) == Some(text) {
            return;
        }
        all.insert(key.to_string(), text.to_string());
        if let Ok(t) = plan::json_text(&all, false) {
            let _ = storage::backend::set(&self.drafts_key(), &t);
        }
        self.sync_unfinished(&all);
    }

    /// The codes of the indicators with a draft (keys are `code/field…`), for the dashboard.
    pub(super) fn sync_unfinished(&self, all: &SortedMap<String, String>) {
        let mut codes: Vec<String> = Vec::new();
        for k in all.keys() {
            let code = k.split('/').next().unwrap_or_default();
            if codes.last().map(String::as_str) != Some(code) {
                codes.push(code.to_string());
            }
        }
        if self.unfinished.try_with_untracked(|u| *u != codes) == Some(true) {
            self.unfinished.set(codes);
        }
    }

    /// Reads the drafts of the open plan again (after opening a plan).
    pub(super) fn load_unfinished(&self) {
        self.sync_unfinished(&self.drafts());
    }

    pub fn forget_draft(&self, key: &str) {
        let mut all = self.drafts();
        if all.remove(key).is_some() {
            if all.is_empty() {
                storage::backend::remove(&self.drafts_key());
            } else if let Ok(t) = plan::json_text(&all, false) {
                let _ = storage::backend::set(&self.drafts_key(), &t);
            }
            self.sync_unfinished(&all);
        }
    }
}
