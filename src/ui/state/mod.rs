//! The app's state at the edge: signals over the plain `Plan`, the edit → undo → autosave path,
//! the plans kept in localStorage, and the cross-tab guard.
//!
//! Every change to the plan goes through [`AppState::edit`]: it records the previous plan for
//! undo, replaces the plan signal, and schedules a debounced save. The save writes the plan's
//! JSON under its key; a full storage keeps the edit in the page and says so; another tab writing
//! the same key pauses autosave until the user chooses.
//!
//! One concern per file: `edit` (edit, undo, redo), `persist` (open, autosave, conflicts),
//! `events` (window listeners), `drafts` (invalid text kept aside), `library` (several plans).

mod drafts;
mod edit;
mod events;
mod library;
mod persist;
mod versions;

pub use versions::when;

use leptos::prelude::*;

use super::app::Tab;
use super::history::History;
use super::i18n::Lang;
use super::notice::Notices;
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
    /// Copies of stored plans that could not be read (moved aside, to download or delete).
    pub damaged: RwSignal<Vec<storage::Damaged>>,
    /// Characters this site keeps in localStorage (see `storage::QUOTA_CHARS`).
    pub storage_used: RwSignal<usize>,
    /// The saved versions of the open plan, oldest first.
    pub versions: RwSignal<Vec<storage::versions::Version>>,
    /// The storage could not hold every version thinning keeps: the newest are kept.
    pub versions_short: RwSignal<bool>,
    /// The plan as last saved (what the next version is compared with).
    saved_plan: StoredValue<Option<Plan>>,
    /// The version being restored (named in the next version's summary).
    restoring: StoredValue<Option<f64>>,
    /// Codes of the indicators with text typed and not committed (drafts), sorted.
    pub unfinished: RwSignal<Vec<String>>,
    cache: StoredValue<report::Cache>,
    history: StoredValue<History<Plan>>,
    /// The text this tab last wrote or read for the active plan (to recognise other tabs' writes).
    last_text: StoredValue<String>,
    timer: StoredValue<Option<i32>>,
}

pub use super::storage::DEFAULT_ID;
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
            unfinished: RwSignal::new(Vec::new()),
            damaged: RwSignal::new(Vec::new()),
            versions: RwSignal::new(Vec::new()),
            versions_short: RwSignal::new(false),
            saved_plan: StoredValue::new(None),
            restoring: StoredValue::new(None),
            storage_used: RwSignal::new(0),
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

    /// Evaluates `plan`, re-evaluating only the indicators changed since the last call.
    pub fn evaluate(&self, plan: &Plan) -> Report {
        let mut out = Report::default();
        self.cache
            .update_value(|c| out = report::evaluate_cached(plan, c));
        out
    }
}

fn empty_plan() -> Plan {
    let mut plan = plan::default_plan();
    plan.missions.clear();
    plan
}
