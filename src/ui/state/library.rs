//! The plan library: several plans in the browser, new, copy, rename, delete, reset, the
//! example plan and plans opened from a shared link.

use leptos::prelude::*;

use super::super::i18n::T;
use super::super::io::share;
use super::super::notice::Level;
use super::super::storage::{self, Entry};
use super::{AppState, SaveState, DEFAULT_ID};
use crate::plan::{self, Plan};

impl AppState {
    pub fn entry_name(&self, id: &str) -> String {
        self.plans.with(|p| {
            p.iter()
                .find(|e| e.id == id)
                .map(|e| e.name.clone())
                .unwrap_or_default()
        })
    }

    /// The open plan's name, the same in the header, the plans list and the exported files: its
    /// title (else its name in the list).
    pub fn plan_name(&self) -> String {
        let title = self.plan.with(|p| p.title.trim().to_string());
        if title.is_empty() {
            self.entry_name(&self.active.get())
        } else {
            title
        }
    }

    /// Adds `plan` under a new id with `name`, opens it and saves it. A full storage keeps the
    /// plan open in the page (and says so) rather than dropping it.
    pub fn add_plan(&self, name: String, plan: Plan) {
        self.save_now();
        let id = storage::new_id();
        self.plans.update(|p| {
            p.push(Entry {
                id: id.clone(),
                name,
            })
        });
        self.write_index();
        self.show(&id, plan);
        self.last_text.set_value(String::new());
        self.save.set(SaveState::Pending);
        self.save_now();
    }

    pub fn new_plan(&self) {
        let mut plan = plan::default_plan();
        plan.missions.clear();
        plan.deliberations.clear();
        plan.owners.clear();
        plan.notes.clear();
        plan.title = T::NewPlan.in_(self.lang.get_untracked()).to_string();
        let name = format!(
            "{} {}",
            plan.title,
            self.plans.with_untracked(|p| p.len() + 1)
        );
        plan.title = name.clone();
        self.add_plan(name, plan);
    }

    pub fn duplicate_plan(&self) {
        let id = self.active.get_untracked();
        let name = format!(
            "{} {}",
            T::CopyOf.in_(self.lang.get_untracked()),
            self.entry_name(&id)
        );
        // The copy says it is a copy, in the list and in its header alike.
        let mut plan = self.plan.get_untracked();
        plan.title = name.clone();
        self.add_plan(name, plan);
    }

    /// Renames the open plan: its entry in the list and its title (an undoable edit).
    pub fn rename_plan(&self, name: String) {
        let title = name.clone();
        self.edit(None, move |p| p.title = title);
        let id = self.active.get_untracked();
        self.plans.update(|p| {
            if let Some(e) = p.iter_mut().find(|e| e.id == id) {
                e.name = name;
            }
        });
        self.write_index();
    }

    pub fn delete_plan(&self) {
        let id = self.active.get_untracked();
        self.cancel_timer();
        storage::delete_plan(&id);
        storage::versions::delete_all(&id);
        storage::backend::remove(&self.drafts_key());
        if id == DEFAULT_ID {
            // The default plan cannot vanish: deleting it resets it.
            self.open(DEFAULT_ID);
            return;
        }
        self.plans.update(|p| p.retain(|e| e.id != id));
        self.write_index();
        self.open(DEFAULT_ID);
    }

    /// The active plan becomes the default plan again (undoable): its values, its title and
    /// so its badges and its name in the list (a reset example is no longer the example).
    pub fn reset_default(&self) {
        let plan = plan::default_plan();
        let id = self.active.get_untracked();
        let name = if id == DEFAULT_ID {
            String::new()
        } else {
            plan.title.clone()
        };
        self.replace(plan);
        self.plans.update(|p| {
            if let Some(e) = p.iter_mut().find(|e| e.id == id) {
                e.name = name;
            }
        });
        self.write_index();
    }

    /// Opens the plan with the example data (a plan of its own, made once).
    pub fn open_example(&self) {
        let existing = self.plans.with_untracked(|p| {
            p.iter()
                .find(|e| e.name == plan::EXAMPLE_TITLE)
                .map(|e| e.id.clone())
        });
        match existing {
            Some(id) => self.switch_to(&id),
            None => self.add_plan(plan::EXAMPLE_TITLE.to_string(), plan::example_plan()),
        }
    }

    pub fn switch_to(&self, id: &str) {
        self.save_now();
        self.open(id);
    }

    /// `#piano=…` in the address: decode, validate, save as a new plan.
    pub(crate) fn open_shared_link(&self) -> bool {
        let Some(w) = web_sys::window() else {
            return false;
        };
        let Ok(hash) = w.location().hash() else {
            return false;
        };
        if !hash.starts_with(share::FRAGMENT_PREFIX) {
            return false;
        }
        // Remove the fragment so a reload does not import again.
        if let Ok(history) = w.history() {
            let path = w.location().pathname().unwrap_or_default();
            let search = w.location().search().unwrap_or_default();
            let _ = history.replace_state_with_url(
                &wasm_bindgen::JsValue::NULL,
                "",
                Some(&format!("{path}{search}")),
            );
        }
        match share::decode(&hash)
            .map_err(|_| ())
            .and_then(|json| plan::load(&json).map_err(|_| ()))
        {
            Ok(plan) => {
                let name = plan.title.clone();
                self.add_plan(name, plan);
                self.notices
                    .push(Level::Info, "shared", T::SharedOpened, "");
                true
            }
            Err(()) => {
                self.notices.push(Level::Error, "shared", T::SharedBad, "");
                false
            }
        }
    }
}
