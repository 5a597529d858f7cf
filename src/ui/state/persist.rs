//! Saving and reading back: the plan's JSON under its key in localStorage, the debounced
//! autosave, a full storage kept in the page, and another tab's write pausing autosave.

use leptos::prelude::*;

use super::super::i18n::T;
use super::super::notice::Level;
use super::super::storage::{self, Entry, WriteError};
use super::{now_ms, storage_json, AppState, SaveState, CHECK_LIMIT, DEFAULT_ID, SAVE_DELAY_MS};
use crate::plan::{self, Plan};

impl AppState {
    pub(super) fn boot(&self) {
        if storage::backend::local().is_none() {
            self.notices.push(
                Level::Warning,
                "storage-unavailable",
                T::StorageUnavailable,
                "",
            );
        }
        let (mut entries, rebuilt) = storage::read_index();
        if rebuilt {
            self.notices
                .push(Level::Warning, "index-rebuilt", T::IndexRebuilt, "");
        }
        if !entries.iter().any(|e| e.id == DEFAULT_ID) {
            entries.insert(
                0,
                Entry {
                    id: DEFAULT_ID.into(),
                    name: String::new(),
                },
            );
        }
        self.plans.set(entries);
        if rebuilt {
            self.write_index();
        }
        self.refresh_storage();
        // A shared link opens as a new plan.
        if self.open_shared_link() {
            return;
        }
        let active = storage::read_active()
            .filter(|id| self.plans.with_untracked(|p| p.iter().any(|e| &e.id == id)))
            .unwrap_or_else(|| DEFAULT_ID.to_string());
        self.open(&active);
    }

    /// Opens the plan `id` from storage. A plan that does not read is moved aside once, taken out
    /// of the list (the list never shows a plan that did not load) and the user told in plain
    /// words, with the copy to download or delete; the default plan opens instead.
    pub fn open(&self, id: &str) {
        self.cancel_timer();
        let plan = match storage::read_plan_text(id) {
            None => {
                self.last_text.set_value(String::new());
                plan::default_plan()
            }
            Some(raw) => match storage::unpack(&raw).ok().map(|json| plan::load(&json)) {
                Some(Ok(plan)) => {
                    self.last_text.set_value(raw);
                    plan
                }
                _ => {
                    let name = self.entry_name(id);
                    let moved = storage::move_aside(id, &name, &raw).is_ok();
                    self.refresh_storage();
                    if !moved {
                        self.notices.push(Level::Error, "quota", T::QuotaFull, "");
                    }
                    if id != DEFAULT_ID {
                        self.plans.update(|p| p.retain(|e| e.id != id));
                        self.write_index();
                        self.open(DEFAULT_ID);
                        return;
                    }
                    // The default plan's stored text: gone when moved, else replaced by the
                    // first edit (never read again as a plan).
                    self.last_text
                        .set_value(if moved { String::new() } else { raw });
                    plan::default_plan()
                }
            },
        };
        self.show(id, plan);
        self.save.set(SaveState::Saved);
        self.ensure_entry_name();
    }

    /// Reads again what the storage holds: the damaged copies and the space used.
    pub fn refresh_storage(&self) {
        self.damaged.set(storage::damaged());
        self.storage_used.set(storage::used_chars());
    }

    /// Makes `plan` the open plan under `id` (history cleared).
    pub(super) fn show(&self, id: &str, plan: Plan) {
        self.cancel_timer();
        self.active.set(id.to_string());
        storage::write_active(id);
        self.selected.set(None);
        self.load_versions(id, &plan);
        self.plan.set(plan);
        self.history.update_value(|h| h.clear());
        self.load_unfinished();
        self.sync_history_flags();
        self.revision.update(|r| *r += 1);
    }

    /// The list names the open plan by its title, also after an edit (a new title, an import
    /// over it, an undo): one name in the header, the list and the exported files.
    pub(super) fn ensure_entry_name(&self) {
        let id = self.active.get_untracked();
        let title = self.plan.with_untracked(|p| p.title.trim().to_string());
        if title.is_empty()
            || self
                .plans
                .with_untracked(|p| p.iter().any(|e| e.id == id && e.name == title))
        {
            return;
        }
        let mut changed = false;
        self.plans.update(|entries| {
            if let Some(e) = entries.iter_mut().find(|e| e.id == id) {
                if e.name != title {
                    e.name = title;
                    changed = true;
                }
            }
        });
        if changed {
            self.write_index();
        }
    }

    pub(super) fn write_index(&self) {
        let entries = self.plans.get_untracked();
        if let Err(WriteError::Full) = storage::write_index(&entries) {
            self.notices.push(Level::Error, "quota", T::QuotaFull, "");
        }
    }

    pub(super) fn cancel_timer(&self) {
        if let Some(handle) = self.timer.get_value() {
            if let Some(w) = web_sys::window() {
                w.clear_timeout_with_handle(handle);
            }
            self.timer.set_value(None);
        }
    }

    pub(super) fn schedule_save(&self) {
        if matches!(self.save.get_untracked(), SaveState::Conflict(_)) {
            return;
        }
        self.save.set(SaveState::Pending);
        self.cancel_timer();
        let this = *self;
        let cb = wasm_bindgen::closure::Closure::once_into_js(move || {
            this.timer.set_value(None);
            this.save_now();
        });
        if let Some(w) = web_sys::window() {
            use wasm_bindgen::JsCast;
            if let Ok(handle) = w.set_timeout_with_callback_and_timeout_and_arguments_0(
                cb.unchecked_ref(),
                SAVE_DELAY_MS,
            ) {
                self.timer.set_value(Some(handle));
            }
        }
    }

    /// Writes the plan now (also on page hide). Does nothing while another tab's change waits.
    pub fn save_now(&self) {
        self.cancel_timer();
        match self.save.get_untracked() {
            SaveState::Conflict(_) | SaveState::Saved => return,
            SaveState::Pending | SaveState::Failed(_) => {}
        }
        let id = self.active.get_untracked();
        let json = self.plan.with_untracked(storage_json);
        // Only a plan that loads back is stored (else the next visit would find it unreadable).
        // Very large plans are checked by their edits only: a full check would cost seconds.
        if json.len() < CHECK_LIMIT {
            if let Err(e) = plan::load(&json) {
                let en = self.lang.get_untracked().is_en();
                let detail = e
                    .problems()
                    .first()
                    .map(|p| {
                        format!(
                            "{}: {}",
                            p.path,
                            if en { &p.message_en } else { &p.message }
                        )
                    })
                    .unwrap_or_default();
                self.notices
                    .push(Level::Error, "invalid", T::InvalidEdit, detail);
                self.save
                    .set(SaveState::Failed(WriteError::Other("invalid".into())));
                return;
            }
        }
        self.notices.dismiss_kind("invalid");
        let (summary, opened) = self.pending_version();
        if !storage::packs(&json) && !opened.as_deref().is_some_and(storage::packs) {
            let opened = opened.map(|o| (o.clone(), o));
            return self.store(&id, &json, json.clone(), summary, opened);
        }
        // A large plan: the browser deflates it first, asynchronously (the state stays Pending;
        // leaving the page meanwhile asks first). An edit or another plan shown meanwhile makes
        // this save stale: the next one writes the newer plan.
        let revision = self.revision.get_untracked();
        let this = *self;
        leptos::task::spawn_local(async move {
            let text = storage::pack(&json).await;
            let opened = match opened {
                Some(o) if storage::packs(&o) => Some((o.clone(), storage::pack(&o).await)),
                o => o.map(|o| (o.clone(), o)),
            };
            if this.active.get_untracked() != id {
                // Another plan was opened meanwhile: this one is still written, if still listed.
                if this.plans.with_untracked(|p| p.iter().any(|e| e.id == id))
                    && storage::write_plan_text(&id, &text).is_err()
                {
                    this.notices.push(Level::Error, "quota", T::QuotaFull, "");
                }
            } else if this.revision.get_untracked() == revision
                && matches!(
                    this.save.get_untracked(),
                    SaveState::Pending | SaveState::Failed(_)
                )
            {
                this.store(&id, &json, text, summary, opened);
            }
        });
    }

    /// Writes `text`, the stored form of the open plan `json`, giving up old versions when the
    /// storage is full, then records the version.
    fn store(
        &self,
        id: &str,
        json: &str,
        text: String,
        summary: Option<String>,
        opened: Option<(String, String)>,
    ) {
        let mut written = storage::write_plan_text(id, &text);
        // The plan comes before its old versions: a full storage gives up versions first.
        while written == Err(WriteError::Full) && storage::versions::shed(id) {
            self.versions_short.set(true);
            written = storage::write_plan_text(id, &text);
        }
        match written {
            Ok(()) => {
                self.record_version(id, json, &text, summary, opened);
                self.last_text.set_value(text);
                self.storage_used.set(storage::used_chars());
                self.save.set(SaveState::Saved);
                self.notices.dismiss_kind("quota");
                storage::write_active(id);
            }
            Err(e) => {
                if e == WriteError::Full {
                    self.notices.push(Level::Error, "quota", T::QuotaFull, "");
                } else if e == WriteError::Unavailable {
                    self.notices.push(
                        Level::Warning,
                        "storage-unavailable",
                        T::StorageUnavailable,
                        "",
                    );
                }
                self.save.set(SaveState::Failed(e));
            }
        }
    }

    /// Another tab's version of the active plan replaces ours.
    pub fn take_theirs(&self) {
        if let SaveState::Conflict(text) = self.save.get_untracked() {
            match storage::unpack(&text)
                .map_err(|_| ())
                .and_then(|json| plan::load(&json).map_err(|_| ()))
            {
                Ok(p) => {
                    self.saved_plan.set_value(Some(p.clone()));
                    self.last_text.set_value(text);
                    let before = self.plan.get_untracked();
                    self.history
                        .update_value(|h| h.record(&before, None, now_ms()));
                    self.plan.set(p);
                    self.save.set(SaveState::Saved);
                    self.sync_history_flags();
                    self.revision.update(|r| *r += 1);
                }
                Err(_) => {
                    self.save.set(SaveState::Pending);
                    self.save_now();
                }
            }
        }
    }

    /// Ours overwrites the other tab's version.
    pub fn keep_mine(&self) {
        self.save.set(SaveState::Pending);
        self.save_now();
    }
}
