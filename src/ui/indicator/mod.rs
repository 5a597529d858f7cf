//! Indicatore: the editor of one indicator — its fields, the per-year grid (targets, measures,
//! values, benchmark) checked as you type, the computed value/status/trace per year, the revision
//! history; add, duplicate, remove indicators and objectives.

pub mod checked;
pub mod entry;
pub mod grid;
pub mod ops;
pub mod preview;

use leptos::prelude::*;

use crate::ui::i18n::Tr;

use self::checked::{CheckedInput, Kind};
use self::entry::{Accept, NumberInput};
use super::i18n::T;
use super::state::AppState;
use crate::eval::{Datum, Polarity};
use crate::plan::loss;
use crate::plan::{Indicator, Plan, RevisionKind};

/// The plan cut down to one indicator (its objective and mission, all acts and owners):
/// evaluating it is as cheap as evaluating one indicator.
pub fn single_plan(plan: &Plan, code: &str) -> Option<Plan> {
    let (m, o, i) = plan.indicators().find(|(_, _, i)| i.code == code)?;
    let mut one = plan.clone_shell();
    let mut mission = m.clone();
    let mut objective = o.clone();
    objective.indicators = vec![i.clone()];
    mission.objectives = vec![objective];
    one.missions = vec![mission];
    Some(one)
}

/// The plan cut down to one objective.
pub fn objective_plan(plan: &Plan, number: u32) -> Option<Plan> {
    let m = plan
        .missions
        .iter()
        .find(|m| m.objectives.iter().any(|o| o.number == number))?;
    let mut one = plan.clone_shell();
    let mut mission = m.clone();
    mission.objectives.retain(|o| o.number == number);
    one.missions = vec![mission];
    Some(one)
}

trait Shell {
    fn clone_shell(&self) -> Plan;
}

impl Shell for Plan {
    fn clone_shell(&self) -> Plan {
        Plan {
            format: self.format,
            version: self.version,
            title: self.title.clone(),
            body: self.body.clone(),
            years: self.years,
            defaults: self.defaults.clone(),
            notes: Vec::new(),
            owners: self.owners.clone(),
            deliberations: self.deliberations.clone(),
            missions: Vec::new(),
        }
    }
}

#[component]
pub fn Editor() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let asker = crate::ui::confirm::asker();
    // Without a choice, the first indicator.
    Effect::new(move |_| {
        if state.selected.with(|s| s.is_none()) {
            let first = state
                .plan
                .with_untracked(|p| p.indicators().next().map(|(_, _, i)| i.code.clone()));
            if first.is_some() {
                state.selected.set(first);
            }
        }
    });
    // The form on screen: a new one when another indicator is chosen, the same one when the
    // indicator shown is renamed in it (typing in the code field keeps its focus and caret).
    // `live` is the code the open form edits; the form updates it when it renames.
    let live = StoredValue::new(state.selected.get_untracked());
    let open = RwSignal::new(state.selected.get_untracked());
    Effect::new(move |_| {
        let sel = state.selected.get();
        if live.try_get_value().as_ref() != Some(&sel) {
            live.set_value(sel.clone());
            open.set(sel);
        }
    });
    let add = move |_| {
        let after = state.selected.get_untracked();
        let name = T::Indicator.in_(lang.get_untracked()).to_string();
        let mut new_code = None;
        state.edit(None, |p| {
            new_code = ops::add_after(p, after.as_deref(), &name)
        });
        if new_code.is_some() {
            state.selected.set(new_code);
        }
    };
    let duplicate = move |_| {
        let Some(code) = state.selected.get_untracked() else {
            return;
        };
        let mut new_code = None;
        state.edit(None, |p| new_code = ops::duplicate(p, &code));
        if new_code.is_some() {
            state.selected.set(new_code);
        }
    };
    let remove = move |_| {
        let Some(code) = state.selected.get_untracked() else {
            return;
        };
        let l = lang.get_untracked();
        let Some(lost) = state
            .plan
            .with_untracked(|p| ops::find(p, &code).map(|i| loss::indicator(i, l)))
        else {
            return;
        };
        asker.ask(
            T::AskRemoveIndicator.in_(l),
            lost,
            T::RemoveIndicator.in_(l),
            move || {
                state.edit(None, |p| ops::remove(p, &code));
                state.selected.set(None);
            },
        );
    };
    let add_objective = move |_| {
        let near = state.selected.get_untracked();
        let title = T::Objective.in_(lang.get_untracked()).to_string();
        let mut code = None;
        state.edit(None, |p| {
            if let Some(n) = ops::add_objective(p, near.as_deref(), &title) {
                code = ops::add_after_in_objective(p, n, &title);
            }
        });
        if code.is_some() {
            state.selected.set(code);
        }
    };
    let remove_objective = move |_| {
        let Some(code) = state.selected.get_untracked() else {
            return;
        };
        let Some(n) = state.plan.with_untracked(|p| ops::objective_of(p, &code)) else {
            return;
        };
        let l = lang.get_untracked();
        let lost = state.plan.with_untracked(|p| {
            p.missions
                .iter()
                .flat_map(|m| &m.objectives)
                .find(|o| o.number == n)
                .map(|o| loss::objective(o, l))
        });
        let Some(lost) = lost else { return };
        asker.ask(
            T::AskRemoveObjective.in_(l),
            lost,
            T::RemoveObjective.in_(l),
            move || {
                state.edit(None, |p| ops::remove_objective(p, n));
                state.selected.set(None);
            },
        );
    };
    view! {
        <section class="editor" data-testid="editor">
            <div class="card row">
                <label>
                    <Tr k=T::ChooseIndicator />
                    <select
                        data-testid="indicator-select"
                        on:change=move |ev| state.selected.set(Some(event_target_value(&ev)))
                    >
                        {move || {
                            let sel = state.selected.get().unwrap_or_default();
                            state.choices.get()
                                .into_iter()
                                .map(|(n, code, name)| {
                                    let selected = code == sel;
                                    view! { <option value=code.clone() selected=selected>{format!("[{n}] {code} {name}")}</option> }
                                })
                                .collect_view()
                        }}
                    </select>
                </label>
                <button data-testid="indicator-add" on:click=add><Tr k=T::AddIndicator /></button>
                <button data-testid="indicator-duplicate" on:click=duplicate><Tr k=T::DuplicateIndicator /></button>
                <button class="danger" data-testid="indicator-remove" on:click=remove><Tr k=T::RemoveIndicator /></button>
                <button data-testid="objective-add" on:click=add_objective><Tr k=T::AddObjective /></button>
                <button class="danger" data-testid="objective-remove" on:click=remove_objective><Tr k=T::RemoveObjective /></button>
            </div>
            {move || open.get().map(|code| view! { <Form code=code live=live /> })}
        </section>
    }
}

/// The form of one indicator. `code` is its code when opened; a rename typed in the code field
/// changes it here (and in `live`, the editor's note of the code the open form edits).
///
/// Every handler may run while the form is being removed (a field edited, then another
/// indicator chosen: the browser fires the field's last events on the way out), so handlers
/// read the form's own reactive values with `try_*` only: a disposed value means "do nothing",
/// never a panic (which would kill the page).
#[component]
fn Form(code: String, live: StoredValue<Option<String>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let t = move |k: T| k.in_(lang.get());
    // Groups the quick edits of the code field into one undo step, across renames.
    let opened_as = StoredValue::new(code.clone());
    let code_s = RwSignal::new(code.clone());
    let ind = Memo::new(move |_| code_s.with(|c| state.plan.with(|p| ops::find(p, c).cloned())));
    let field = move |f: fn(&Indicator) -> String| {
        Signal::derive(move || ind.with(|i| i.as_ref().map(f).unwrap_or_default()))
    };
    let set = move |key: &'static str, f: Box<dyn FnOnce(&mut Indicator)>| {
        let Some(code) = code_s.try_get_untracked() else {
            return;
        };
        state.edit(Some(&format!("{key}:{code}")), move |p| {
            if let Some(i) = ops::find_mut(p, &code) {
                f(i);
            }
        });
    };
    // The code field: saved as you type when it is a free code; otherwise the text stays, with
    // the message, and the plan keeps the last good code.
    let code_draft = RwSignal::new(code);
    let code_error = RwSignal::new(None::<T>);
    let plan_code = Memo::new(move |_| ind.with(|i| i.as_ref().map(|i| i.code.clone())));
    Effect::new(move |_| {
        // The code changed elsewhere (undo): show it, unless it is what was typed here.
        if let Some(c) = plan_code.get() {
            if code_draft
                .try_with_untracked(|d| d.trim() != c)
                .unwrap_or(false)
            {
                code_draft.set(c);
                code_error.set(None);
            }
        }
    });
    let on_code = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        code_draft.set(text.clone());
        let new = text.trim().to_string();
        let Some(old) = code_s.try_get_untracked() else {
            return;
        };
        if new == old {
            code_error.set(None);
            return;
        }
        if new.is_empty() {
            code_error.set(Some(T::CodeEmpty));
            return;
        }
        if state.plan.with_untracked(|p| ops::find(p, &new).is_some()) {
            code_error.set(Some(T::CodeTaken));
            return;
        }
        code_error.set(None);
        let n2 = new.clone();
        let key = opened_as.try_with_value(|c| format!("code:{c}"));
        state.edit(key.as_deref(), move |p| {
            if let Some(i) = ops::find_mut(p, &old) {
                i.code = n2;
            }
        });
        code_s.set(new.clone());
        live.set_value(Some(new.clone()));
        state.selected.set(Some(new));
    };
    view! {
        <Show when=move || ind.with(|i| i.is_some()) fallback=|| view! { <p>"—"</p> }>
            <div class="card" data-testid="indicator-form">
                <h2><Tr k=T::Indicator /> " " {move || ind.with(|i| i.as_ref().map(|i| i.code.clone()).unwrap_or_default())}</h2>
                <div class="fields">
                    <label class="wide">
                        <Tr k=T::Name />
                        <textarea
                            rows="2"
                            data-testid="field-name"
                            prop:value=field(|i| i.name.clone())
                            on:input=move |ev| {
                                let v = event_target_value(&ev);
                                set("name", Box::new(move |i| i.name = v));
                            }
                        ></textarea>
                    </label>
                    <label>
                        <Tr k=T::Code />
                        <input
                            data-testid="field-code"
                            autocomplete="off"
                            prop:value=move || code_draft.get()
                            aria-invalid=move || code_error.get().is_some().to_string()
                            on:input=on_code
                        />
                        {move || code_error.get().map(|k| {
                            view! { <span class="field-error" role="alert" data-testid="field-code-error">{t(k)}</span> }
                        })}
                    </label>
                    <label>
                        <Tr k=T::ShortCode />
                        <input
                            data-testid="field-short-code"
                            prop:value=field(|i| i.short_code.clone().unwrap_or_default())
                            on:input=move |ev| {
                                let v = event_target_value(&ev).trim().to_string();
                                set("short", Box::new(move |i| i.short_code = (!v.is_empty()).then_some(v)));
                            }
                        />
                    </label>
                    <label>
                        <Tr k=T::Unit />
                        <input
                            data-testid="field-unit"
                            prop:value=field(|i| i.unit.clone().unwrap_or_default())
                            on:input=move |ev| {
                                let v = event_target_value(&ev);
                                set("unit", Box::new(move |i| i.unit = (!v.trim().is_empty()).then_some(v)));
                            }
                        />
                    </label>
                    <label>
                        <Tr k=T::Polarity />
                        <select
                            data-testid="field-polarity"
                            on:change=move |ev| {
                                let lower = event_target_value(&ev) == "lower";
                                set("polarity", Box::new(move |i| i.polarity = if lower { Polarity::Lower } else { Polarity::Higher }));
                            }
                        >
                            <option value="higher" selected=move || ind.with(|i| i.as_ref().map(|i| i.polarity) == Some(Polarity::Higher))>
                                <Tr k=T::HigherBetter />
                            </option>
                            <option value="lower" selected=move || ind.with(|i| i.as_ref().map(|i| i.polarity) == Some(Polarity::Lower))>
                                <Tr k=T::LowerBetter />
                            </option>
                        </select>
                    </label>
                    <label>
                        <Tr k=T::Weight />
                        <NumberInput
                            value=Signal::derive(move || ind.with(|i| i.as_ref().map(|i| Datum::Number(i.weight))))
                            lang=lang
                            accept=Accept::Weight
                            label=Signal::derive(move || t(T::Weight).to_string())
                            testid="field-weight"
                            on_valid=Callback::new(move |d: Option<Datum>| {
                                if let Some(Datum::Number(w)) = d {
                                    set("weight", Box::new(move |i| i.weight = w));
                                }
                            })
                        />
                    </label>
                    <fieldset class="wide owners">
                        <legend><Tr k=T::Owner /></legend>
                        {move || {
                            state
                                .plan
                                .with(|p| p.owners.clone())
                                .into_iter()
                                .map(|o| {
                                    let id = o.id.clone();
                                    let id2 = o.id.clone();
                                    view! {
                                        <label class="check">
                                            <input
                                                type="checkbox"
                                                prop:checked=move || ind.with(|i| i.as_ref().is_some_and(|i| i.owners.contains(&id)))
                                                on:change=move |ev| {
                                                    let on = event_target_checked(&ev);
                                                    let id = id2.clone();
                                                    set("owners", Box::new(move |i| {
                                                        i.owners.retain(|x| *x != id);
                                                        if on {
                                                            i.owners.push(id);
                                                        }
                                                    }));
                                                }
                                            />
                                            {o.name.clone()}
                                        </label>
                                    }
                                })
                                .collect_view()
                        }}
                    </fieldset>
                    <div class="wide">
                        <span class="label"><Tr k=T::Formula /></span>
                        <CheckedInput
                            kind=Kind::Formula
                            value=field(|i| i.formula.clone().unwrap_or_default())
                            label=Signal::derive(move || t(T::Formula).to_string())
                            lang=lang
                            testid="field-formula"
                            keep=format!("{}/formula", code_s.get_untracked())
                            on_valid=Callback::new(move |v: String| {
                                set("formula", Box::new(move |i| i.formula = (!v.trim().is_empty()).then_some(v)));
                            })
                            preview=Callback::new(move |v: String| {
                                let c = code_s.get_untracked();
                                state.plan.with(|p| preview::outcomes(p, &c, None, lang.get_untracked(), |i| i.formula = (!v.trim().is_empty()).then_some(v)))
                                    .unwrap_or_default()
                            })
                        />
                    </div>
                    <label class="wide">
                        <Tr k=T::SourceText />
                        <textarea
                            rows="2"
                            data-testid="field-formula-text"
                            prop:value=field(|i| i.formula_text.clone())
                            on:input=move |ev| {
                                let v = event_target_value(&ev);
                                set("formula_text", Box::new(move |i| i.formula_text = v));
                            }
                        ></textarea>
                    </label>
                </div>
            </div>
            <ObjectiveFields code=code_s.into() />
            <grid::YearGrid code=code_s.into() ind=ind />
            <Show when=move || ind.with(|i| i.as_ref().is_some_and(|i| !i.notes.is_empty()))>
                <div class="card" data-testid="indicator-notes">
                    <h3><Tr k=T::Notes /></h3>
                    <ul>
                        {move || {
                            ind.with(|i| i.as_ref().map(|i| i.notes.clone()).unwrap_or_default())
                                .into_iter()
                                .map(|n| view! { <li>{n}</li> })
                                .collect_view()
                        }}
                    </ul>
                </div>
            </Show>
            <div class="card" data-testid="history">
                <h3><Tr k=T::History /></h3>
                {move || {
                    let revs = ind.with(|i| i.as_ref().map(|i| i.revisions.clone()).unwrap_or_default());
                    if revs.is_empty() {
                        return view! { <p class="muted">"—"</p> }.into_any();
                    }
                    view! {
                        <ul>
                            {revs
                                .into_iter()
                                .map(|e| {
                                    let kind = t(match e.kind {
                                        RevisionKind::Inserted => T::Inserted,
                                        RevisionKind::Updated => T::Updated,
                                        RevisionKind::Eliminated => T::Eliminated,
                                    });
                                    let act = e
                                        .deliberation
                                        .as_deref()
                                        .and_then(|id| state.plan.with_untracked(|p| p.deliberation(id).map(|d| d.label(lang.get()))))
                                        .unwrap_or_else(|| t(T::UnreadableAct).to_string());
                                    view! {
                                        <li>
                                            <strong>{kind}</strong>
                                            " — "
                                            {act}
                                            {e.note.map(|n| view! { <span class="muted">" (" {n} ")"</span> })}
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                        .into_any()
                }}
            </div>
        </Show>
    }
}

/// Title and weight of the objective holding the indicator.
#[component]
fn ObjectiveFields(
    /// The code of the indicator shown (it follows a rename).
    code: Signal<String>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let t = move |k: T| k.in_(lang.get());
    let objective = Memo::new(move |_| {
        code.with(|c| {
            state.plan.with(|p| {
                p.indicators()
                    .find(|(_, _, i)| i.code == *c)
                    .map(|(_, o, _)| (o.number, o.title.clone(), o.weight))
            })
        })
    });
    // May run while the form is being removed: `try_*` only (see `Form`).
    let edit = move |key: &'static str,
                     f: Box<dyn FnOnce(&mut crate::plan::Objective) + Send + Sync>| {
        let Some((n, _, _)) = objective.try_get_untracked().flatten() else {
            return;
        };
        state.edit(Some(&format!("{key}:{n}")), move |p| {
            if let Some(o) = p
                .missions
                .iter_mut()
                .flat_map(|m| m.objectives.iter_mut())
                .find(|o| o.number == n)
            {
                f(o);
            }
        });
    };
    view! {
        <div class="card" data-testid="objective-form">
            <h3><Tr k=T::Objective /> " " {move || objective.get().map(|o| o.0).unwrap_or_default()}</h3>
            <div class="fields">
                <label class="wide">
                    <Tr k=T::Name />
                    <input
                        data-testid="objective-title"
                        prop:value=move || objective.get().map(|o| o.1).unwrap_or_default()
                        on:input=move |ev| {
                            let v = event_target_value(&ev);
                            edit("objective-title", Box::new(move |o| o.title = v));
                        }
                    />
                </label>
                <label>
                    <Tr k=T::Weight />
                    <NumberInput
                        value=Signal::derive(move || objective.with(|o| o.as_ref().map(|o| Datum::Number(o.2))))
                        lang=lang
                        accept=Accept::Weight
                        label=Signal::derive(move || format!("{} {}", t(T::Weight), t(T::Objective)))
                        testid="objective-weight"
                        on_valid=Callback::new(move |d: Option<Datum>| {
                            if let Some(Datum::Number(w)) = d {
                                edit("objective-weight", Box::new(move |o| o.weight = w));
                            }
                        })
                    />
                </label>
            </div>
        </div>
    }
}
