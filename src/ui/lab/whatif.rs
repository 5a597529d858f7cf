//! What-if: change one indicator's target for one year, see which statuses and roll-ups change,
//! then keep it (an undoable edit) or not.

use leptos::prelude::*;

use crate::ui::options::indicator_options;

use crate::ui::i18n::Tr;

use crate::eval::Status;
use crate::plan::{Plan, TargetCell};
use crate::ui::badge::StatusBadge;
use crate::ui::format;
use crate::ui::i18n::{Lang, T};
use crate::ui::indicator::checked::{CheckedInput, Kind};
use crate::ui::indicator::ops;
use crate::ui::report::Report;
use crate::ui::state::AppState;

/// One difference between the current plan and the what-if plan.
#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    Status {
        code: String,
        year: i32,
        before: Status,
        after: Status,
    },
    Score {
        what: String,
        year: i32,
        before: Option<f64>,
        after: Option<f64>,
    },
}

/// A real change of value (not the noise of binary arithmetic): see `decimals_to_tell_apart`.
fn differs(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => crate::eval::decimals_to_tell_apart(x, y).is_some(),
        (None, None) => false,
        _ => true,
    }
}

/// Every status and roll-up that differs between `a` and `b`.
pub fn changes(plan: &Plan, a: &Report, b: &Report, lang: Lang) -> Vec<Change> {
    let mut out = Vec::new();
    let years: Vec<i32> = (plan.years.first..=plan.years.last).collect();
    for (_, _, i) in plan.indicators() {
        for y in &years {
            let (sa, sb) = (a.status(&i.code, *y), b.status(&i.code, *y));
            if sa != sb {
                out.push(Change::Status {
                    code: i.code.clone(),
                    year: *y,
                    before: sa,
                    after: sb,
                });
            }
        }
    }
    for m in &plan.missions {
        for o in &m.objectives {
            for y in &years {
                let get = |r: &Report| {
                    r.objectives
                        .get(&o.number)
                        .and_then(|s| s.get(y).copied().flatten())
                };
                if differs(get(a), get(b)) {
                    out.push(Change::Score {
                        what: format!("{} {}", T::Objective.in_(lang), o.number),
                        year: *y,
                        before: get(a),
                        after: get(b),
                    });
                }
            }
        }
        for y in &years {
            let get = |r: &Report| {
                r.missions
                    .get(&m.code)
                    .and_then(|s| s.get(y).copied().flatten())
            };
            if differs(get(a), get(b)) {
                out.push(Change::Score {
                    what: format!("{} {}", T::Mission.in_(lang), m.code),
                    year: *y,
                    before: get(a),
                    after: get(b),
                });
            }
        }
    }
    out
}

fn set_target(plan: &mut Plan, code: &str, year: i32, text: &str) {
    if let Some(i) = ops::find_mut(plan, code) {
        if text.trim().is_empty() {
            i.targets.remove(&year);
        } else {
            let note = i.targets.get(&year).and_then(|c| c.note.clone());
            i.targets.insert(
                year,
                TargetCell {
                    text: Some(text.to_string()),
                    note,
                },
            );
        }
    }
}

#[component]
pub fn WhatIf() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let t = move |k: T| k.in_(lang.get());
    let code = RwSignal::new(state.plan.with_untracked(|p| {
        p.indicators()
            .next()
            .map(|(_, _, i)| i.code.clone())
            .unwrap_or_default()
    }));
    let year = RwSignal::new(state.plan.with_untracked(|p| p.years.last));
    let current = Memo::new(move |_| {
        let (c, y) = (code.get(), year.get());
        state.plan.with(|p| {
            ops::find(p, &c)
                .and_then(|i| i.targets.get(&y))
                .and_then(|c| c.text.clone())
                .unwrap_or_default()
        })
    });
    let proposal = RwSignal::new(String::new());
    Effect::new(move |_| proposal.set(current.get()));
    let diff = Memo::new(move |_| {
        let (c, y, text) = (code.get(), year.get(), proposal.get());
        if text == current.get()
            || crate::ui::indicator::checked::check(
                Kind::Target,
                &text,
                Lang::It,
                state.plan.with(|p| p.defaults.numbers.notation()),
            )
            .is_err()
        {
            return Vec::new();
        }
        state.plan.with(|p| {
            let before = state.evaluate(p);
            let mut q = p.clone();
            set_target(&mut q, &c, y, &text);
            let after = state.evaluate(&q);
            changes(p, &before, &after, lang.get())
        })
    });
    // The target shown has an error: nothing to save (the last valid text is not what is shown).
    let bad = RwSignal::new(false);
    let save = move |_| {
        if bad.try_get_untracked() != Some(false) {
            return;
        }
        // `try_*`: a click may arrive while the Laboratorio is being removed (tab switch).
        let (Some(c), Some(y), Some(text)) = (
            code.try_get_untracked(),
            year.try_get_untracked(),
            proposal.try_get_untracked(),
        ) else {
            return;
        };
        state.edit(None, move |p| set_target(p, &c, y, &text));
    };
    view! {
        <div class="card" data-testid="whatif">
            <h3><Tr k=T::WhatIf /></h3>
            <p class="muted"><Tr k=T::WhatIfHelp /></p>
            <div class="row">
                <label>
                    <Tr k=T::Indicator />
                    <select data-testid="whatif-indicator" on:change=move |ev| code.set(event_target_value(&ev))>
                        {indicator_options(state, move || code.get())}
                    </select>
                </label>
                <label>
                    <Tr k=T::Year />
                    <select data-testid="whatif-year" on:change=move |ev| if let Ok(y) = event_target_value(&ev).parse() { year.set(y) }>
                        {move || {
                            let (a, b) = state.plan.with(|p| (p.years.first, p.years.last));
                            let sel = year.get();
                            (a..=b).map(|y| view! { <option value=y.to_string() selected=y == sel>{y}</option> }).collect_view()
                        }}
                    </select>
                </label>
                <div>
                    <span class="label"><Tr k=T::Target /></span>
                    <CheckedInput
                        kind=Kind::Target
                        value=Signal::derive(move || current.get())
                        label=Signal::derive(move || t(T::Target).to_string())
                        lang=lang
                        testid="whatif-target"
                        on_valid=Callback::new(move |v: String| proposal.set(v))
                        live=true
                        invalid=bad
                    />
                </div>
                <button class="primary" data-testid="whatif-save" disabled=move || bad.get() || (diff.with(|d| d.is_empty()) && proposal.get() == current.get()) on:click=save>
                    <Tr k=T::Save />
                </button>
            </div>
            <h4><Tr k=T::Changes /></h4>
            {move || {
                if bad.get() {
                    return view! { <p class="field-error" data-testid="whatif-stale"><Tr k=T::LabStale /></p> }.into_any();
                }
                let d = diff.get();
                if d.is_empty() {
                    return view! { <p class="muted" data-testid="whatif-none"><Tr k=T::NoChanges /></p> }.into_any();
                }
                view! {
                    <ul data-testid="whatif-changes">
                        {d.into_iter()
                            .map(|c| match c {
                                Change::Status { code, year, before, after } => view! {
                                    <li>
                                        {code} " · " {year} ": "
                                        <StatusBadge status=Signal::derive(move || before) lang=lang />
                                        " → "
                                        <StatusBadge status=Signal::derive(move || after) lang=lang />
                                    </li>
                                }.into_any(),
                                Change::Score { what, year, before, after } => {
                                    // As many decimals as tell the two values apart (66,4 % → 65,6 %).
                                    let d = before.zip(after).and_then(|(a, b)| crate::eval::decimals_to_tell_apart(a, b)).unwrap_or(0);
                                    let show = move |x: Option<f64>| x.map_or_else(|| crate::eval::no_data(lang.get()).into(), |x| format::score_with(x, lang.get(), d));
                                    view! { <li>{what} " · " {year} ": " {move || show(before)} " → " <strong>{move || show(after)}</strong></li> }.into_any()
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                    .into_any()
            }}
        </div>
    }
}
