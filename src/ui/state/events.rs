//! Window listeners: other tabs' writes, page hide and close, and the undo/redo keys.

use leptos::ev;
use leptos::prelude::*;

use super::super::storage;
use super::{AppState, SaveState};

impl AppState {
    pub(super) fn listen(&self) {
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
        // Closing the page with edits the storage refused, or with a large plan's save still
        // being deflated (it cannot be waited for): the browser asks first.
        let h5 = window_event_listener_untyped("beforeunload", move |e| {
            this.save_now();
            if matches!(
                this.save.get_untracked(),
                SaveState::Failed(_) | SaveState::Conflict(_) | SaveState::Pending
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
}
