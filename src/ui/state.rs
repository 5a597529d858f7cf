//! The app's state at the edge: signals over the plain `Plan`, the edit → undo → autosave path,
//! the plans kept in localStorage, and the cross-tab guard.
//!
//! Every change to the plan goes through [`AppState::edit`]: it records the previous plan for
//! undo, replaces the plan signal, and schedules a debounced save. The save writes the plan's
//! JSON under its key; a full storage keeps the edit in the page and says so; another tab writing
//! the same key pauses autosave until the user chooses.

use leptos::ev;
use leptos::prelude::*;

use super::app::Tab;
use super::history::History;
use super::i18n::{Lang, T};
use super::io::share;
use super::notice::{Level, Notices};
use super::report::{self, Report};
use super::storage::{self, Entry, WriteError};
use crate::plan::{self, Plan};

/// Where the last save stands.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveState {
    Saved,
    Pending,
    /// The storage refused the write; the plan in the page is newer than the stored one.
    Failed(WriteError),
    /// Another tab changed this plan: autosave paused, the other tab's text kept here.
    Conflict(String),
}

/// Everything the components share, all `Copy` handles.
#[derive(Clone, Copy)]
pub struct AppState {
    pub lang: RwSignal<Lang>,
    pub tab: RwSignal<Tab>,
    pub notices: Notices,
    /// The plan being edited (complete, all revisions).
    pub plan: RwSignal<Plan>,
    /// Bumped on every edit (cheap "plan changed" for effects).
    pub revision: RwSignal<u64>,
    pub plans: RwSignal<Vec<Entry>>,
    pub active: RwSignal<String>,
    pub save: RwSignal<SaveState>,
    pub can_undo: RwSignal<bool>,
    pub can_redo: RwSignal<bool>,
    /// The indicator open in the editor and the charts (its code).
    pub selected: RwSignal<Option<String>>,
    /// Every indicator as (objective number, code, name cut to 80 characters), for the choosers:
    /// changes only when these change (not on every value typed).
    pub choices: Memo<Vec<(u32, String, String)>>,
    cache: StoredValue<report::Cache>,
    history: StoredValue<History<Plan>>,
    /// The text this tab last wrote or read for the active plan (to recognise other tabs' writes).
    last_text: StoredValue<String>,
    timer: StoredValue<Option<i32>>,
}

pub const DEFAULT_ID: &str = "predefinito";
const SAVE_DELAY_MS: i32 = 400;
/// Plans whose JSON is shorter are loaded back (validated) before being stored.
const CHECK_LIMIT: usize = 2_000_000;

pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// The JSON kept in localStorage (compact; `plan::load` reads it back like any export).
pub fn storage_json(plan: &Plan) -> String {
    plan::to_compact_json(plan)
}

impl AppState {
    /// Builds the state from localStorage (or the default plan) and starts the listeners.
    pub fn start() -> AppState {
        let plan = RwSignal::new(empty_plan());
        let choices = Memo::new(move |_| {
            plan.with(|p| {
                p.indicators()
                    .map(|(_, o, i)| (o.number, i.code.clone(), i.name.chars().take(80).collect()))
                    .collect()
            })
        });
        let state = AppState {
            choices,
            lang: RwSignal::new(Lang::It),
            tab: RwSignal::new(Tab::Dashboard),
            notices: Notices::new(),
            plan,
            revision: RwSignal::new(0),
            plans: RwSignal::new(Vec::new()),
            active: RwSignal::new(DEFAULT_ID.to_string()),
            save: RwSignal::new(SaveState::Saved),
            can_undo: RwSignal::new(false),
            can_redo: RwSignal::new(false),
            selected: RwSignal::new(None),
            history: StoredValue::new(History::default()),
            cache: StoredValue::new(report::Cache::default()),
            last_text: StoredValue::new(String::new()),
            timer: StoredValue::new(None),
        };
        if let Some(lang) = storage::backend::get("cruscotto.lingua") {
            state
                .lang
                .set(if lang == "en" { Lang::En } else { Lang::It });
        }
        state.boot();
        state.listen();
        state
    }

    fn boot(&self) {
        if storage::backend::local().is_none() {
            self.notices.push(
                Level::Warning,
                "storage-unavailable",
                T::StorageUnavailable,
                "",
            );
        }
        let (mut entries, aside) = storage::read_index();
        if let Some(key) = aside {
            self.notices
                .push(Level::Warning, "corrupt", T::CorruptKept, key);
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
        // A shared link opens as a new plan.
        if self.open_shared_link() {
            return;
        }
        let active = storage::read_active()
            .filter(|id| self.plans.with_untracked(|p| p.iter().any(|e| &e.id == id)))
            .unwrap_or_else(|| DEFAULT_ID.to_string());
        self.open(&active);
    }

    /// Opens the plan `id` from storage; unreadable data is kept aside and the user told.
    pub fn open(&self, id: &str) {
        self.cancel_timer();
        let plan = match storage::read_plan_text(id) {
            None => {
                self.last_text.set_value(String::new());
                plan::default_plan()
            }
            Some(text) => match plan::load(&text) {
                Ok(plan) => {
                    self.last_text.set_value(text);
                    plan
                }
                Err(_) => {
                    let kept = storage::keep_aside(id, &text).unwrap_or_else(|| "—".into());
                    self.notices
                        .push(Level::Error, "corrupt", T::CorruptKept, kept);
                    // The stored text stays where it is until the user edits (then it is replaced,
                    // the copy aside remains).
                    self.last_text.set_value(text);
                    plan::default_plan()
                }
            },
        };
        self.show(id, plan);
        self.save.set(SaveState::Saved);
        self.ensure_entry_name();
    }

    /// Makes `plan` the open plan under `id` (history cleared).
    fn show(&self, id: &str, plan: Plan) {
        self.cancel_timer();
        self.active.set(id.to_string());
        storage::write_active(id);
        self.selected.set(None);
        self.plan.set(plan);
        self.history.update_value(|h| h.clear());
        self.sync_history_flags();
        self.revision.update(|r| *r += 1);
    }

    fn ensure_entry_name(&self) {
        let id = self.active.get_untracked();
        let title = self.plan.with_untracked(|p| p.title.clone());
        let mut changed = false;
        self.plans.update(|entries| {
            if let Some(e) = entries.iter_mut().find(|e| e.id == id) {
                if e.name.is_empty() {
                    e.name = title;
                    changed = true;
                }
            }
        });
        if changed {
            self.write_index();
        }
    }

    fn write_index(&self) {
        let entries = self.plans.get_untracked();
        if let Err(WriteError::Full) = storage::write_index(&entries) {
            self.notices.push(Level::Error, "quota", T::QuotaFull, "");
        }
    }

    /// Evaluates `plan`, re-evaluating only the indicators changed since the last call.
    pub fn evaluate(&self, plan: &Plan) -> Report {
        let mut out = Report::default();
        self.cache
            .update_value(|c| out = report::evaluate_cached(plan, c));
        out
    }

    /// Changes the plan: records undo, bumps the revision, schedules the save.
    /// `key` groups quick edits of one field into one undo step.
    pub fn edit(&self, key: Option<&str>, f: impl FnOnce(&mut Plan)) {
        let before = self.plan.get_untracked();
        self.plan.update(f);
        self.history
            .update_value(|h| h.record(&before, key, now_ms()));
        self.after_change();
    }

    /// Replaces the whole plan as one undoable step.
    pub fn replace(&self, plan: Plan) {
        self.edit(None, move |p| *p = plan);
    }

    fn after_change(&self) {
        self.sync_history_flags();
        self.revision.update(|r| *r += 1);
        self.schedule_save();
    }

    pub fn undo(&self) {
        let current = self.plan.get_untracked();
        let mut prev = None;
        self.history.update_value(|h| prev = h.undo(&current));
        if let Some(p) = prev {
            self.keep_selection(&current, &p);
            self.plan.set(p);
            self.after_change();
        }
    }

    pub fn redo(&self) {
        let current = self.plan.get_untracked();
        let mut next = None;
        self.history.update_value(|h| next = h.redo(&current));
        if let Some(p) = next {
            self.keep_selection(&current, &p);
            self.plan.set(p);
            self.after_change();
        }
    }

    /// After undo or redo the chosen indicator may be gone (its code renamed, or it was just
    /// added): choose the one in the same place of the plan, or none (the editor then shows the
    /// first).
    fn keep_selection(&self, from: &Plan, to: &Plan) {
        let Some(code) = self.selected.get_untracked() else {
            return;
        };
        if to.indicators().any(|(_, _, i)| i.code == code) {
            return;
        }
        let place = from.indicators().position(|(_, _, i)| i.code == code);
        let same_place = place.and_then(|n| to.indicators().nth(n));
        self.selected
            .set(same_place.map(|(_, _, i)| i.code.clone()));
    }

    fn sync_history_flags(&self) {
        let (u, r) = self.history.with_value(|h| (h.can_undo(), h.can_redo()));
        self.can_undo.set(u);
        self.can_redo.set(r);
    }

    fn cancel_timer(&self) {
        if let Some(handle) = self.timer.get_value() {
            if let Some(w) = web_sys::window() {
                w.clear_timeout_with_handle(handle);
            }
            self.timer.set_value(None);
        }
    }

    fn schedule_save(&self) {
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
        let text = self.plan.with_untracked(storage_json);
        // Only a plan that loads back is stored (else the next visit would find it unreadable).
        // Very large plans are checked by their edits only: a full check would cost seconds.
        if text.len() < CHECK_LIMIT {
            if let Err(e) = plan::load(&text) {
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
        match storage::write_plan_text(&id, &text) {
            Ok(()) => {
                self.last_text.set_value(text);
                self.save.set(SaveState::Saved);
                self.notices.dismiss_kind("quota");
                storage::write_active(&id);
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
            match plan::load(&text) {
                Ok(p) => {
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

    fn listen(&self) {
        let this = *self;
        // Another tab wrote to localStorage.
        let h1 = window_event_listener(ev::storage, move |e: web_sys::StorageEvent| {
            let Some(key) = e.key() else { return };
            if key == storage::INDEX_KEY {
                let (entries, _) = storage::read_index();
                this.plans.set(entries);
                return;
            }
            let id = this.active.get_untracked();
            if key != storage::plan_key(&id) {
                return;
            }
            let new = e.new_value().unwrap_or_default();
            if new != this.last_text.get_value() {
                this.cancel_timer();
                this.save.set(SaveState::Conflict(new));
            }
        });
        // Leaving or hiding the page: write what is pending now.
        let h2 = window_event_listener_untyped("pagehide", move |_| this.save_now());
        let h3 = window_event_listener_untyped("visibilitychange", move |_| this.save_now());
        // Closing the page with edits the storage refused: the browser asks first.
        let h5 = window_event_listener_untyped("beforeunload", move |e| {
            if matches!(
                this.save.get_untracked(),
                SaveState::Failed(_) | SaveState::Conflict(_)
            ) {
                e.prevent_default();
                let _ = js_sys::Reflect::set(&e, &"returnValue".into(), &"".into());
            }
        });
        // Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y, except while typing in a text field (the field's own undo).
        let h4 = window_event_listener(ev::keydown, move |e: web_sys::KeyboardEvent| {
            if !(e.ctrl_key() || e.meta_key()) {
                return;
            }
            let key = e.key().to_lowercase();
            let typing = e
                .target()
                .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
                .map(|el| match el.tag_name().as_str() {
                    "TEXTAREA" => true,
                    // A checkbox or a button has no undo of its own: Ctrl+Z undoes the plan.
                    "INPUT" => !matches!(
                        el.get_attribute("type").as_deref(),
                        Some(
                            "checkbox"
                                | "radio"
                                | "button"
                                | "submit"
                                | "reset"
                                | "file"
                                | "range"
                                | "color"
                        )
                    ),
                    _ => false,
                })
                .unwrap_or(false);
            if typing {
                return;
            }
            if key == "z" && !e.shift_key() {
                e.prevent_default();
                this.undo();
            } else if (key == "z" && e.shift_key()) || key == "y" {
                e.prevent_default();
                this.redo();
            }
        });
        on_cleanup(move || {
            h1.remove();
            h2.remove();
            h3.remove();
            h4.remove();
            h5.remove();
        });
        Effect::new(move |_| {
            let lang = this.lang.get();
            let _ = storage::backend::set("cruscotto.lingua", lang.code());
        });
    }

    // ---- drafts: invalid text typed in a checked field, kept across reloads ----

    fn drafts_key(&self) -> String {
        format!("cruscotto.bozze.{}", self.active.get_untracked())
    }

    fn drafts(&self) -> crate::sorted_map::SortedMap<String, String> {
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

    // ---- plans (several in the browser) ----

    pub fn entry_name(&self, id: &str) -> String {
        self.plans.with(|p| {
            p.iter()
                .find(|e| e.id == id)
                .map(|e| e.name.clone())
                .unwrap_or_default()
        })
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

    /// The active plan becomes the default plan again (undoable).
    /// The plan keeps its name in the list, and so in its header.
    pub fn reset_default(&self) {
        let mut plan = plan::default_plan();
        let name = self.entry_name(&self.active.get_untracked());
        if !name.trim().is_empty() {
            plan.title = name;
        }
        self.replace(plan);
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
    fn open_shared_link(&self) -> bool {
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

fn empty_plan() -> Plan {
    let mut plan = plan::default_plan();
    plan.missions.clear();
    plan
}
