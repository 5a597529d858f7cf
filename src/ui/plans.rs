//! The plans bar: which plan is open, new / duplicate / rename / delete / reset, and the
//! import-export panel.

use leptos::prelude::*;

use crate::ui::i18n::Tr;

use super::i18n::T;
use super::io::panel::IoPanel;
use super::state::{AppState, DEFAULT_ID};
use crate::plan::loss;

#[component]
pub fn PlansBar() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let asker = crate::ui::confirm::asker();
    let t = move |k: T| k.in_(lang.get());
    let ask = |question: &str, default: &str| -> Option<String> {
        web_sys::window()?
            .prompt_with_message_and_default(question, default)
            .ok()
            .flatten()
    };
    view! {
        <div class="plans-bar" data-testid="plans-bar">
            <label>
                <Tr k=T::Plans />
                <select
                    data-testid="plan-select"
                    on:change=move |ev| {
                        let id = event_target_value(&ev);
                        if id != state.active.get_untracked() {
                            state.switch_to(&id);
                        }
                    }
                >
                    {move || {
                        let active = state.active.get();
                        state
                            .plans
                            .get()
                            .into_iter()
                            .map(|e| {
                                let selected = e.id == active;
                                let label = if selected {
                                    state.plan_name()
                                } else if e.name.is_empty() {
                                    T::DefaultPlanName.in_(lang.get()).to_string()
                                } else {
                                    e.name.clone()
                                };
                                view! { <option value=e.id.clone() selected=selected>{label}</option> }
                            })
                            .collect_view()
                    }}
                </select>
            </label>
            <button data-testid="plan-new" on:click=move |_| state.new_plan()><Tr k=T::NewPlan /></button>
            <button data-testid="plan-duplicate" on:click=move |_| state.duplicate_plan()>
                <Tr k=T::Duplicate />
            </button>
            <button
                data-testid="plan-rename"
                on:click=move |_| {
                    let current = state.entry_name(&state.active.get_untracked());
                    if let Some(name) = ask(t(T::NewName), &current) {
                        let name = name.trim().to_string();
                        if !name.is_empty() {
                            state.rename_plan(name);
                        }
                    }
                }
            >
                <Tr k=T::Rename />
            </button>
            <button
                class="danger"
                data-testid="plan-delete"
                disabled=move || state.active.get() == DEFAULT_ID
                on:click=move |_| {
                    let l = lang.get_untracked();
                    let lost = state.plan.with_untracked(|p| loss::plan(p, l));
                    asker.ask(T::AskDeletePlan.in_(l), lost, T::Delete.in_(l), move || state.delete_plan());
                }
            >
                <Tr k=T::Delete />
            </button>
            <button data-testid="plan-reset" on:click=move |_| {
                let l = lang.get_untracked();
                let lost = state.plan.with_untracked(|p| loss::plan(p, l));
                asker.ask(T::AskResetPlan.in_(l), lost, T::ResetDefault.in_(l), move || state.reset_default());
            }>
                <Tr k=T::ResetDefault />
            </button>
            <IoPanel />
            <super::storage_status::StorageUsed />
            <super::versions::VersionsPanel />
        </div>
    }
}
