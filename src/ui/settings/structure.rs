//! Structure: missions → objectives → indicators as an outline. Each row edits its code (or
//! number), name and weight, moves up and down (buttons, or Alt+↑/Alt+↓ on the row), moves to
//! another parent, and is removed after a confirmation. Every change through `plan::edit`.
//!
//! The outline is redrawn only when codes, numbers or order change; names and weights are read
//! by each row's fields (by position), so typing in one, or leaving it, keeps the focus.

use leptos::prelude::*;

use super::{ask_remove, change, focus_later, refusal, Refused};
use crate::eval::Datum;
use crate::plan::edit::{self, Refusal};
use crate::plan::{loss, Plan};
use crate::ui::app::Tab;
use crate::ui::i18n::{Lang, Tr, T};
use crate::ui::indicator::entry::{Accept, NumberInput};
use crate::ui::state::AppState;

/// The plan's shape: mission codes → objective numbers → indicator codes.
type Shape = Vec<(String, Vec<(u32, Vec<String>)>)>;

/// Which row a move works on.
#[derive(Clone)]
enum Row {
    Mission(String),
    Objective(u32),
    Indicator(String),
}

/// Where a row is in the plan (mission, objective, indicator positions).
#[derive(Clone, Copy)]
struct At(usize, Option<usize>, Option<usize>);

impl At {
    fn name(self, p: &Plan) -> Option<String> {
        let m = p.missions.get(self.0)?;
        let Some(oi) = self.1 else {
            return Some(m.name.clone());
        };
        let o = m.objectives.get(oi)?;
        match self.2 {
            None => Some(o.title.clone()),
            Some(ii) => o.indicators.get(ii).map(|i| i.name.clone()),
        }
    }

    fn weight(self, p: &Plan) -> Option<f64> {
        let m = p.missions.get(self.0)?;
        let Some(oi) = self.1 else {
            return Some(m.weight);
        };
        let o = m.objectives.get(oi)?;
        match self.2 {
            None => Some(o.weight),
            Some(ii) => o.indicators.get(ii).map(|i| i.weight),
        }
    }
}

#[component]
pub fn Structure() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let t = move |k: T| k.in_(lang.get());
    let asker = crate::ui::confirm::asker();
    // What a removal takes away, in the reader's words (plan::loss), for the dialog.
    let lost = move |f: &dyn Fn(&Plan, Lang) -> Option<String>| {
        state
            .plan
            .with_untracked(|p| f(p, lang.get_untracked()))
            .unwrap_or_default()
    };
    let refused = RwSignal::new(None::<Refusal>);
    let shape = Memo::new(move |_| {
        state.plan.with(|p| {
            p.missions
                .iter()
                .map(|m| {
                    let objectives = m
                        .objectives
                        .iter()
                        .map(|o| {
                            (
                                o.number,
                                o.indicators.iter().map(|i| i.code.clone()).collect(),
                            )
                        })
                        .collect();
                    (m.code.clone(), objectives)
                })
                .collect::<Shape>()
        })
    });
    // The parents a row may move to, with their names.
    let missions = Memo::new(move |_| {
        state.plan.with(|p| {
            p.missions
                .iter()
                .map(|m| (m.code.clone(), m.name.chars().take(60).collect::<String>()))
                .collect::<Vec<_>>()
        })
    });
    let objectives = Memo::new(move |_| {
        state.plan.with(|p| {
            p.missions
                .iter()
                .flat_map(|m| m.objectives.iter())
                .map(|o| (o.number, o.title.chars().take(60).collect::<String>()))
                .collect::<Vec<_>>()
        })
    });
    // Moves a row and keeps the focus on the same button of the row, now elsewhere.
    let shift = move |row: Row, delta: isize, focus: String| {
        let moved = match row {
            Row::Mission(c) => change(state, refused, None, |p| edit::move_mission(p, &c, delta)),
            Row::Objective(n) => {
                change(state, refused, None, |p| edit::move_objective(p, n, delta))
            }
            Row::Indicator(c) => {
                change(state, refused, None, |p| edit::move_indicator(p, &c, delta))
            }
        };
        if moved.is_some() {
            focus_later(focus);
        }
    };
    // Alt+↑ / Alt+↓ on any control of a row move that row.
    let keys = move |row: Row, focus: String| {
        move |ev: leptos::ev::KeyboardEvent| {
            if !ev.alt_key() {
                return;
            }
            let delta = match ev.key().as_str() {
                "ArrowUp" => -1,
                "ArrowDown" => 1,
                _ => return,
            };
            ev.prevent_default();
            ev.stop_propagation();
            shift(row.clone(), delta, focus.clone());
        }
    };
    let name_input = move |at: At, testid: &'static str, rename: Callback<String>| {
        view! {
            <input class="name" aria-label=move || t(T::Name) data-testid=testid
                prop:value=move || state.plan.with(|p| at.name(p).unwrap_or_default())
                on:change=move |ev| rename.run(event_target_value(&ev)) />
        }
    };
    let weight_input = move |at: At, label: String, testid: String, on: Callback<f64>| {
        view! {
            <NumberInput
                value=Signal::derive(move || state.plan.with(|p| at.weight(p).map(Datum::Number)))
                lang=lang
                accept=Accept::Weight
                cell=true
                label=label
                testid=testid
                on_valid=Callback::new(move |d: Option<Datum>| {
                    if let Some(Datum::Number(w)) = d {
                        on.run(w);
                    }
                })
            />
        }
    };
    let up_down = move |row: Row, id: String| {
        let (r1, r2) = (row.clone(), row);
        let (up, down) = (format!("{id}-up"), format!("{id}-down"));
        let (up2, down2) = (up.clone(), down.clone());
        view! {
            <button id=up.clone() class="icon" data-testid=up title=move || t(T::MoveUp) aria-label=move || t(T::MoveUp)
                on:click=move |_| shift(r1.clone(), -1, up2.clone())>"↑"</button>
            <button id=down.clone() class="icon" data-testid=down title=move || t(T::MoveDown) aria-label=move || t(T::MoveDown)
                on:click=move |_| shift(r2.clone(), 1, down2.clone())>"↓"</button>
        }
    };
    let weight_label = move |what: &str| format!("{} {what}", T::Weight.in_(lang.get_untracked()));
    let indicator_row = move |code: String, at: At, objective: u32| {
        let id = format!("ind-{code}");
        let row = Row::Indicator(code.clone());
        let keydown = keys(row.clone(), format!("{id}-up"));
        let arrows = up_down(row, id);
        let (c1, c2, c3, c4, c5, c6) = (
            code.clone(),
            code.clone(),
            code.clone(),
            code.clone(),
            code.clone(),
            code.clone(),
        );
        view! {
            <li class="outline-row" data-testid=format!("indicator-row-{code}") on:keydown=keydown>
                <input class="code" aria-label=move || t(T::Code) data-testid="indicator-code" prop:value=code.clone()
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        if change(state, refused, None, |p| edit::recode_indicator(p, &c1, &v)).is_some()
                            && state.selected.get_untracked().as_deref() == Some(c1.as_str())
                        {
                            state.selected.set(Some(v.trim().to_string()));
                        }
                    } />
                {name_input(at, "indicator-name", Callback::new(move |v: String| {
                    change(state, refused, None, |p| edit::rename_indicator(p, &c2, &v));
                }))}
                {weight_input(at, weight_label(&code), format!("indicator-weight-{code}"), Callback::new(move |w| {
                    change(state, refused, Some(&format!("w-i:{c3}")), |p| edit::set_indicator_weight(p, &c3, w));
                }))}
                {arrows}
                <select aria-label=move || t(T::MoveTo) data-testid="indicator-move"
                    on:change=move |ev| {
                        if let Ok(n) = event_target_value(&ev).parse::<u32>() {
                            change(state, refused, None, |p| edit::move_indicator_to_objective(p, &c4, n));
                        }
                    }>
                    <option value="" selected=true>{move || t(T::MoveTo)}</option>
                    {move || objectives.get().into_iter().filter(|(n, _)| *n != objective).map(|(n, title)| {
                        view! { <option value=n.to_string()>{format!("{n} {title}")}</option> }
                    }).collect_view()}
                </select>
                <button data-testid="indicator-open" on:click=move |_| {
                    state.selected.set(Some(c5.clone()));
                    state.tab.set(Tab::Indicator);
                }><Tr k=T::Open /></button>
                <button class="danger" data-testid="indicator-remove" on:click=move |_| {
                    let what = lost(&|p, l| p.indicators().find(|(_, _, i)| i.code == c6).map(|(_, _, i)| loss::indicator(i, l)));
                    let c6 = c6.clone();
                    ask_remove(asker, lang.get_untracked(), T::ConfirmRemoveIndicator, what, move || {
                        change(state, refused, None, |p| edit::remove_indicator(p, &c6));
                    });
                }><Tr k=T::Remove /></button>
            </li>
        }
    };
    let objective_row = move |n: u32, codes: Vec<String>, at: At, mission: String| {
        let id = format!("obj-{n}");
        let row = Row::Objective(n);
        let keydown = keys(row.clone(), format!("{id}-up"));
        let arrows = up_down(row, id);
        view! {
            <li class="outline-objective" data-testid=format!("objective-row-{n}")>
                <div class="outline-row" on:keydown=keydown>
                    <input class="num" type="number" min="1" aria-label=move || t(T::Number) data-testid="objective-number" prop:value=n.to_string()
                        on:change=move |ev| {
                            match event_target_value(&ev).trim().parse::<u32>() {
                                Ok(new) => { change(state, refused, None, |p| edit::renumber_objective(p, n, new)); }
                                Err(_) => refused.set(Some(refusal(T::NumberInvalid))),
                            }
                        } />
                    {name_input(at, "objective-title", Callback::new(move |v: String| {
                        change(state, refused, None, |p| edit::rename_objective(p, n, &v));
                    }))}
                    {weight_input(at, weight_label(&n.to_string()), format!("objective-weight-{n}"), Callback::new(move |w| {
                        change(state, refused, Some(&format!("w-o:{n}")), |p| edit::set_objective_weight(p, n, w));
                    }))}
                    {arrows}
                    <select aria-label=move || t(T::MoveTo) data-testid="objective-move"
                        on:change=move |ev| {
                            let m = event_target_value(&ev);
                            if !m.is_empty() {
                                change(state, refused, None, |p| edit::move_objective_to_mission(p, n, &m));
                            }
                        }>
                        <option value="" selected=true>{move || t(T::MoveTo)}</option>
                        {move || missions.get().into_iter().filter(|(c, _)| *c != mission).map(|(c, name)| {
                            view! { <option value=c.clone()>{format!("{c} {name}")}</option> }
                        }).collect_view()}
                    </select>
                    <button data-testid="indicator-add" data-objective=n.to_string() on:click=move |_| {
                        let name = T::Indicator.in_(lang.get_untracked()).to_string();
                        if let Some(code) = change(state, refused, None, |p| edit::add_indicator(p, n, "", &name)) {
                            state.selected.set(Some(code.clone()));
                            focus_later(format!("ind-{code}-up"));
                        }
                    }><Tr k=T::AddIndicator /></button>
                    <button class="danger" data-testid="objective-remove" on:click=move |_| {
                        let what = lost(&|p, l| p.missions.iter().flat_map(|m| &m.objectives).find(|o| o.number == n).map(|o| loss::objective(o, l)));
                        ask_remove(asker, lang.get_untracked(), T::ConfirmRemoveObjective, what, move || {
                            change(state, refused, None, |p| edit::remove_objective(p, n));
                        });
                    }><Tr k=T::Remove /></button>
                </div>
                <ul class="outline">
                    {codes.into_iter().enumerate().map(|(ii, code)| indicator_row(code, At(at.0, at.1, Some(ii)), n)).collect_view()}
                </ul>
            </li>
        }
    };
    let mission_row = move |code: String, objectives: Vec<(u32, Vec<String>)>, mi: usize| {
        let id = format!("mis-{code}");
        let row = Row::Mission(code.clone());
        let keydown = keys(row.clone(), format!("{id}-up"));
        let arrows = up_down(row, id);
        let at = At(mi, None, None);
        let (c1, c2, c3, c4, c5) = (
            code.clone(),
            code.clone(),
            code.clone(),
            code.clone(),
            code.clone(),
        );
        view! {
            <li class="outline-mission" data-testid=format!("mission-row-{code}")>
                <div class="outline-row" on:keydown=keydown>
                    <input class="code" aria-label=move || t(T::Code) data-testid="mission-code" prop:value=code.clone()
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            change(state, refused, None, |p| edit::recode_mission(p, &c1, &v));
                        } />
                    {name_input(at, "mission-name", Callback::new(move |v: String| {
                        change(state, refused, None, |p| edit::rename_mission(p, &c2, &v));
                    }))}
                    {weight_input(at, weight_label(&code), format!("mission-weight-{code}"), Callback::new(move |w| {
                        change(state, refused, Some(&format!("w-m:{c3}")), |p| edit::set_mission_weight(p, &c3, w));
                    }))}
                    {arrows}
                    <button data-testid="objective-add" data-mission=code.clone() on:click=move |_| {
                        let title = T::Objective.in_(lang.get_untracked()).to_string();
                        if let Some(n) = change(state, refused, None, |p| edit::add_objective(p, &c4, &title)) {
                            focus_later(format!("obj-{n}-up"));
                        }
                    }><Tr k=T::AddObjective /></button>
                    <button class="danger" data-testid="mission-remove" on:click=move |_| {
                        let what = lost(&|p, l| p.missions.iter().find(|m| m.code == c5).map(|m| loss::mission(m, l)));
                        let c5 = c5.clone();
                        ask_remove(asker, lang.get_untracked(), T::ConfirmRemoveMission, what, move || {
                            change(state, refused, None, |p| edit::remove_mission(p, &c5));
                        });
                    }><Tr k=T::Remove /></button>
                </div>
                <ul class="outline">
                    {objectives.into_iter().enumerate().map(|(oi, (n, codes))| objective_row(n, codes, At(mi, Some(oi), None), code.clone())).collect_view()}
                </ul>
            </li>
        }
    };
    view! {
        <div class="card" data-testid="plan-structure">
            <h2><Tr k=T::Structure /></h2>
            <p class="muted"><Tr k=T::ReorderHint /></p>
            <Refused refused=refused />
            <ul class="outline">
                {move || shape.get().into_iter().enumerate().map(|(mi, (code, objectives))| mission_row(code, objectives, mi)).collect_view()}
            </ul>
            <button data-testid="mission-add" on:click=move |_| {
                let name = T::Mission.in_(lang.get_untracked()).to_string();
                if let Some(code) = change(state, refused, None, |p| edit::add_mission(p, "", &name)) {
                    focus_later(format!("mis-{code}-up"));
                }
            }><Tr k=T::AddMission /></button>
        </div>
    }
}
