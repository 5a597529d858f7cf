//! Editing: every change goes through [`AppState::edit`], which records the previous plan for
//! undo, replaces the plan signal and schedules the save.

use leptos::prelude::*;

use super::{now_ms, AppState};
use crate::plan::Plan;

impl AppState {
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

    pub(super) fn after_change(&self) {
        self.ensure_entry_name();
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
    pub(super) fn keep_selection(&self, from: &Plan, to: &Plan) {
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

    pub(super) fn sync_history_flags(&self) {
        let (u, r) = self.history.with_value(|h| (h.can_undo(), h.can_redo()));
        self.can_undo.set(u);
        self.can_redo.set(r);
    }
}
