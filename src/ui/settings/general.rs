//! Plan settings: title, body (ente), years (what falls outside is shown before applying), and
//! the unit and polarity new indicators start with.

use leptos::prelude::*;

use super::{change, refusal, Refused};
use crate::eval::Polarity;
use crate::plan::edit::{self, Outside, Refusal};
use crate::ui::i18n::{Tr, T};
use crate::ui::state::AppState;

/// The items listed before new years apply (the rest counted).
const SHOWN: usize = 50;

#[component]
pub fn General() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let refused = RwSignal::new(None::<Refusal>);
    let plan_years = Memo::new(move |_| state.plan.with(|p| (p.years.first, p.years.last)));
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    // The plan's years changed (undo, another plan): the fields show them.
    Effect::new(move |_| {
        let (f, l) = plan_years.get();
        from.set(f.to_string());
        to.set(l.to_string());
    });
    // New years that would leave things outside: shown, applied only on request.
    let pending = RwSignal::new(None::<(i32, i32, Vec<Outside>)>);
    let try_years = move || {
        let read = |s: RwSignal<String>| s.get_untracked().trim().parse::<i32>().ok();
        let (Some(f), Some(l)) = (read(from), read(to)) else {
            refused.set(Some(refusal(T::YearInvalid)));
            return;
        };
        pending.set(None);
        if (f, l) == plan_years.get_untracked() {
            refused.set(None);
            return;
        }
        let outside = if f <= l {
            state.plan.with_untracked(|p| edit::years_outside(p, f, l))
        } else {
            Vec::new()
        };
        if outside.is_empty() {
            change(state, refused, None, |p| edit::set_years(p, f, l, false));
        } else {
            refused.set(None);
            pending.set(Some((f, l, outside)));
        }
    };
    let defaults = Memo::new(move |_| state.plan.with(|p| p.defaults.clone()));
    view! {
        <div class="card" data-testid="plan-general">
            <h2><Tr k=T::PlanSettings /></h2>
            <div class="fields">
                <label class="wide">
                    <Tr k=T::PlanTitle />
                    <input
                        data-testid="plan-title-input"
                        prop:value=move || state.plan.with(|p| p.title.clone())
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            change(state, refused, None, |p| edit::set_title(p, &v));
                        }
                    />
                </label>
                <label class="wide">
                    <Tr k=T::PlanBody />
                    <input
                        data-testid="plan-body"
                        prop:value=move || state.plan.with(|p| p.body.clone())
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            change(state, refused, None, |p| edit::set_body(p, &v));
                        }
                    />
                </label>
                <label>
                    <Tr k=T::YearsFrom />
                    <input
                        type="number"
                        inputmode="numeric"
                        data-testid="plan-years-from"
                        prop:value=move || from.get()
                        on:change=move |ev| {
                            from.set(event_target_value(&ev));
                            try_years();
                        }
                    />
                </label>
                <label>
                    <Tr k=T::YearsTo />
                    <input
                        type="number"
                        inputmode="numeric"
                        data-testid="plan-years-to"
                        prop:value=move || to.get()
                        on:change=move |ev| {
                            to.set(event_target_value(&ev));
                            try_years();
                        }
                    />
                </label>
                <fieldset class="wide">
                    <legend><Tr k=T::DefaultsNew /></legend>
                    <label>
                        <Tr k=T::Unit />
                        <input
                            data-testid="plan-default-unit"
                            prop:value=move || defaults.get().unit.unwrap_or_default()
                            on:change=move |ev| {
                                let v = event_target_value(&ev);
                                let polarity = defaults.get_untracked().polarity;
                                change(state, refused, None, |p| edit::set_defaults(p, Some(&v), polarity));
                            }
                        />
                    </label>
                    <label>
                        <Tr k=T::Polarity />
                        <select
                            data-testid="plan-default-polarity"
                            on:change=move |ev| {
                                let polarity = if event_target_value(&ev) == "lower" { Polarity::Lower } else { Polarity::Higher };
                                let unit = defaults.get_untracked().unit;
                                change(state, refused, None, |p| edit::set_defaults(p, unit.as_deref(), polarity));
                            }
                        >
                            <option value="higher" selected=move || defaults.get().polarity == Polarity::Higher><Tr k=T::HigherBetter /></option>
                            <option value="lower" selected=move || defaults.get().polarity == Polarity::Lower><Tr k=T::LowerBetter /></option>
                        </select>
                    </label>
                </fieldset>
            </div>
            <Refused refused=refused />
            {move || pending.get().map(|(f, l, outside)| {
                let en = lang.get().is_en();
                view! {
                    <div class="banner" role="alert" data-testid="years-outside">
                        <p><Tr k=T::YearsOutside /></p>
                        <ul>
                            {outside.iter().take(SHOWN).map(|o| view! { <li>{o.describe(en)}</li> }).collect_view()}
                            {(outside.len() > SHOWN).then(|| view! { <li>{format!("+{}", outside.len() - SHOWN)}</li> })}
                        </ul>
                        <button
                            class="danger"
                            data-testid="years-drop"
                            on:click=move |_| {
                                pending.set(None);
                                change(state, refused, None, |p| edit::set_years(p, f, l, true));
                            }
                        >
                            <Tr k=T::YearsDrop />
                        </button>
                        " "
                        <button on:click=move |_| {
                            pending.set(None);
                            let (f, l) = plan_years.get_untracked();
                            from.set(f.to_string());
                            to.set(l.to_string());
                        }>
                            <Tr k=T::ImportCancel />
                        </button>
                    </div>
                }
            })}
        </div>
    }
}
