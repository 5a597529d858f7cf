//! Piano: the office's own plan — settings (title, body, years, defaults), structure (missions,
//! objectives, indicators), owners, acts; and «Nuovo piano» (blank or from a template).
//!
//! Every change goes through `plan::edit` (whole or refused with the reason) and then through
//! [`AppState::edit`] (undo, autosave): [`change`] joins the two.

pub mod acts;
pub mod general;
pub mod new_plan;
pub mod owners;
pub mod structure;

use leptos::prelude::*;

use super::confirm::Asking;
use super::i18n::{Lang, T};
use super::state::AppState;
use crate::plan::edit::{self, Change, Refusal};
use crate::plan::Plan;

/// Runs `op` through `plan::edit::apply`; a change that applies becomes one undoable edit
/// (grouped by `key`), a refusal is kept in `refused` for the panel to show.
pub fn change<T>(
    state: AppState,
    refused: RwSignal<Option<Refusal>>,
    key: Option<&str>,
    op: impl FnOnce(&mut Plan) -> Change<T>,
) -> Option<T> {
    let mut plan = state.plan.get_untracked();
    match edit::apply(&mut plan, op) {
        Ok(made) => {
            refused.set(None);
            state.edit(key, move |p| *p = plan);
            Some(made)
        }
        Err(r) => {
            refused.set(Some(r));
            None
        }
    }
}

/// A refusal worded by the interface (input that is not even a number or a year).
pub fn refusal(k: T) -> Refusal {
    Refusal::new(k.in_(Lang::It), k.in_(Lang::En))
}

/// The reason the last change of a panel was refused, in the interface language.
#[component]
pub fn Refused(refused: RwSignal<Option<Refusal>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        refused.get().map(|r| {
            view! {
                <p class="field-error" role="alert" data-testid="refusal">
                    {r.message(state.lang.get()).to_string()}
                </p>
            }
        })
    }
}

/// Asks in the page's dialog (`ui::confirm`) before a removal, saying what would be lost; the
/// removal runs only on «Rimuovi». `asker` is taken in the component's body (handlers have no
/// context).
pub fn ask_remove(
    asker: Asking,
    lang: Lang,
    title: T,
    lost: String,
    on_confirm: impl Fn() + Send + Sync + 'static,
) {
    asker.ask(title.in_(lang), lost, T::Remove.in_(lang), on_confirm);
}

/// Moves the keyboard focus to the element `id` after the next repaint (a row re-drawn after a
/// move keeps its user's place).
pub fn focus_later(id: String) {
    request_animation_frame(move || {
        if let Some(el) = document().get_element_by_id(&id) {
            if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                let _ = el.focus();
            }
        }
    });
}

/// The «Piano» tab.
#[component]
pub fn PlanTab() -> impl IntoView {
    view! {
        <section class="plan-settings" data-testid="plan-settings">
            <general::General />
            <structure::Structure />
            <owners::Owners />
            <acts::Acts />
        </section>
    }
}
