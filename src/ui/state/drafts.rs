//! Drafts: invalid text typed in a checked field, kept across reloads (never in the plan).

use super::super::storage;
use leptos::prelude::*;

use super::AppState;
use crate::plan;

impl AppState {
    pub(super) fn drafts_key(&self) -> String {
        format!("cruscotto.bozze.{}", self.active.get_untracked())
    }

    pub(super) fn drafts(&self) -> crate::sorted_map::SortedMap<String, String> {
        storage::backend::get(&self.drafts_key())
            .and_then(|t| serde_json::from_str(&t).ok())
            .unwrap_or_default()
    }

    /// The invalid text last typed in field `key` of the open plan, if any.
    pub fn draft(&self, key: &str) -> Option<String> {
        self.drafts().remove(key)
    }

    pub fn keep_draft(&self, key: &str, text: &str) {
        let mut all = self.drafts();
        all.insert(key.to_string(), text.to_string());
        if let Ok(t) = plan::json_text(&all, false) {
            let _ = storage::backend::set(&self.drafts_key(), &t);
        }
    }

    pub fn forget_draft(&self, key: &str) {
        let mut all = self.drafts();
        if all.remove(key).is_some() {
            if all.is_empty() {
                storage::backend::remove(&self.drafts_key());
            } else if let Ok(t) = plan::json_text(&all, false) {
                let _ = storage::backend::set(&self.drafts_key(), &t);
            }
        }
    }
}
