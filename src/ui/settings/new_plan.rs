//! «Nuovo piano»: blank with its years, or a copy of a template — the seed's cruscotto or a
//! plan kept in this browser — with its structure and targets but no actuals, moved by k years.

use leptos::prelude::*;

use super::{refusal, Refused};
use crate::plan::edit::{self, Refusal, Template};
use crate::plan::{self, Plan};
use crate::ui::i18n::{Tr, T};
use crate::ui::state::AppState;
use crate::ui::storage;

/// The template's value for the seed (any other value is the id of a stored plan).
const SEED: &str = "seed";

#[component]
pub fn NewPlanForm(open: RwSignal<bool>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let t = move |k: T| k.in_(lang.get());
    let refused = RwSignal::new(None::<Refusal>);
    let this_year = js_sys::Date::new_0().get_full_year() as i32;
    let from_template = RwSignal::new(false);
    let first = RwSignal::new(this_year.to_string());
    let last = RwSignal::new((this_year + 2).to_string());
    let source = RwSignal::new(SEED.to_string());
    let shift = RwSignal::new("0".to_string());
    let template = move |id: &str| -> Option<Plan> {
        if id == SEED {
            return Some(plan::default_plan());
        }
        if id == state.active.get_untracked() {
            return Some(state.plan.get_untracked());
        }
        storage::read_plan_text(id).and_then(|text| plan::load(&text).ok())
    };
    let create = move |_| {
        let number = |s: RwSignal<String>| s.get_untracked().trim().parse::<i32>().ok();
        let made = if from_template.get_untracked() {
            let Some(k) = number(shift) else {
                refused.set(Some(refusal(T::NumberInvalid)));
                return;
            };
            let Some(tpl) = template(&source.get_untracked()) else {
                refused.set(Some(refusal(T::TemplateUnreadable)));
                return;
            };
            edit::from_template(&tpl, Template { shift: k }).map(|mut p| {
                p.title = format!("{} {}–{}", p.title, p.years.first, p.years.last);
                p
            })
        } else {
            let (Some(f), Some(l)) = (number(first), number(last)) else {
                refused.set(Some(refusal(T::YearInvalid)));
                return;
            };
            edit::blank(f, l).map(|mut p| {
                p.title = format!("{} {f}–{l}", T::NewPlanTitle.in_(lang.get_untracked()));
                p
            })
        };
        match made {
            Ok(p) => {
                refused.set(None);
                open.set(false);
                state.add_plan(p.title.clone(), p);
                state.tab.set(crate::ui::app::Tab::Plan);
            }
            Err(r) => refused.set(Some(r)),
        }
    };
    let year_field = move |k: T, value: RwSignal<String>, testid: &'static str| {
        view! {
            <label>
                <Tr k=k />
                <input type="number" inputmode="numeric" data-testid=testid
                    prop:value=move || value.get()
                    on:input=move |ev| value.set(event_target_value(&ev)) />
            </label>
        }
    };
    view! {
        <div class="card new-plan" role="group" aria-label=move || t(T::NewPlanTitle) data-testid="new-plan">
            <h2><Tr k=T::NewPlanTitle /></h2>
            <label class="check">
                <input type="radio" name="new-plan-start" data-testid="new-blank"
                    prop:checked=move || !from_template.get()
                    on:change=move |_| from_template.set(false) />
                <Tr k=T::StartBlank />
            </label>
            <div class="fields" hidden=move || from_template.get()>
                {year_field(T::YearsFrom, first, "new-years-from")}
                {year_field(T::YearsTo, last, "new-years-to")}
            </div>
            <label class="check">
                <input type="radio" name="new-plan-start" data-testid="new-template"
                    prop:checked=move || from_template.get()
                    on:change=move |_| from_template.set(true) />
                <Tr k=T::StartTemplate />
            </label>
            <div class="fields" hidden=move || !from_template.get()>
                <label>
                    <Tr k=T::Template />
                    <select data-testid="new-template-source" on:change=move |ev| source.set(event_target_value(&ev))>
                        <option value=SEED>{move || t(T::DefaultPlanName)}</option>
                        {move || state.plans.get().into_iter().filter(|e| !e.name.is_empty()).map(|e| {
                            view! { <option value=e.id.clone()>{e.name.clone()}</option> }
                        }).collect_view()}
                    </select>
                </label>
                {year_field(T::ShiftYears, shift, "new-shift")}
            </div>
            <Refused refused=refused />
            <div class="row">
                <button data-testid="new-create" on:click=create><Tr k=T::Create /></button>
                <button on:click=move |_| open.set(false)><Tr k=T::ImportCancel /></button>
            </div>
        </div>
    }
}
