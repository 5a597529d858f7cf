//! Deliberations (acts: organ, number, date, year in force, note) and, for the indicator
//! editor, the revisions an act makes to an indicator (inserted, updated, eliminated).

use leptos::prelude::*;

use super::{ask_remove, change, refusal, Refused};
use crate::plan::edit::{self, Act, Refusal};
use crate::plan::{Deliberation, RevisionKind};
use crate::ui::i18n::{Tr, T};
use crate::ui::state::AppState;

/// The act `id` as written now, with one part changed by `f` (which may refuse the text).
fn update(
    state: AppState,
    refused: RwSignal<Option<Refusal>>,
    id: &str,
    f: impl FnOnce(&mut Act) -> Result<(), Refusal>,
) {
    let Some(mut act) = state
        .plan
        .with_untracked(|p| p.deliberation(id).map(Act::from))
    else {
        return;
    };
    match f(&mut act) {
        Ok(()) => {
            change(state, refused, None, |p| edit::update_act(p, id, act));
        }
        Err(r) => refused.set(Some(r)),
    }
}

fn optional<N: std::str::FromStr>(text: &str) -> Result<Option<N>, Refusal> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    t.parse().map(Some).map_err(|_| refusal(T::NumberInvalid))
}

fn text(v: String) -> Option<String> {
    Some(v)
}

#[component]
pub fn Acts() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let t = move |k: T| k.in_(lang.get());
    let asker = crate::ui::confirm::asker();
    let refused = RwSignal::new(None::<Refusal>);
    let acts = Memo::new(move |_| state.plan.with(|p| p.deliberations.clone()));
    let row = move |d: Deliberation| {
        let id = d.id.clone();
        let (i1, i2, i3, i4, i5, i6) = (
            id.clone(),
            id.clone(),
            id.clone(),
            id.clone(),
            id.clone(),
            id.clone(),
        );
        view! {
            <li class="outline-row" data-testid="act-row">
                <input class="name" aria-label=move || t(T::Organ) placeholder=move || t(T::Organ) data-testid="act-organ"
                    prop:value=d.organ.clone().unwrap_or_default()
                    on:change=move |ev| { let v = event_target_value(&ev); update(state, refused, &i1, |a| { a.organ = text(v); Ok(()) }) } />
                <input class="num" inputmode="numeric" aria-label=move || t(T::Number) placeholder="n." data-testid="act-number"
                    prop:value=d.number.map(|n| n.to_string()).unwrap_or_default()
                    on:change=move |ev| { let v = event_target_value(&ev); update(state, refused, &i2, |a| { a.number = optional(&v)?; Ok(()) }) } />
                <input class="date" aria-label=move || t(T::ActDate) placeholder="gg/mm/aaaa" data-testid="act-date"
                    prop:value=d.date.map(|x| x.to_string()).unwrap_or_default()
                    on:change=move |ev| { let v = event_target_value(&ev); update(state, refused, &i3, |a| { a.date = Act::parse_date(&v)?; Ok(()) }) } />
                <input class="num" inputmode="numeric" aria-label=move || t(T::EffectiveYear) title=move || t(T::EffectiveYear) data-testid="act-effective"
                    placeholder=d.effective_from().map(|y| y.to_string()).unwrap_or_default()
                    prop:value=d.effective_year.map(|y| y.to_string()).unwrap_or_default()
                    on:change=move |ev| { let v = event_target_value(&ev); update(state, refused, &i4, |a| { a.effective_year = optional(&v)?; Ok(()) }) } />
                <input class="name" aria-label=move || t(T::Note) placeholder=move || t(T::Note) data-testid="act-note"
                    prop:value=d.note.clone().unwrap_or_default()
                    on:change=move |ev| { let v = event_target_value(&ev); update(state, refused, &i5, |a| { a.note = text(v); Ok(()) }) } />
                <button class="danger" data-testid="act-remove" on:click=move |_| {
                    let cited = state.plan.with_untracked(|p| p.indicators().any(|(_, _, i)| i.revisions.iter().any(|e| e.deliberation.as_deref() == Some(i6.as_str()))));
                    let i6 = i6.clone();
                    ask_remove(asker, lang.get_untracked(), if cited { T::AlsoRevisions } else { T::ConfirmRemoveAct }, String::new(), move || {
                        change(state, refused, None, |p| edit::remove_act(p, &i6, cited));
                    });
                }><Tr k=T::Remove /></button>
            </li>
        }
    };
    view! {
        <div class="card" data-testid="plan-acts">
            <h2><Tr k=T::Acts /></h2>
            <Refused refused=refused />
            <ul class="outline">{move || acts.get().into_iter().map(row).collect_view()}</ul>
            <button data-testid="act-add" on:click=move |_| {
                change(state, refused, None, |p| edit::add_act(p, Act::default()));
            }><Tr k=T::AddAct /></button>
        </div>
    }
}

/// The revisions of indicator `code`, with a form to record one more.
#[component]
pub fn Revisions(#[prop(into)] code: Signal<String>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let t = move |k: T| k.in_(lang.get());
    let refused = RwSignal::new(None::<Refusal>);
    let events = Memo::new(move |_| {
        code.with(|c| {
            state.plan.with(|p| {
                p.indicators()
                    .find(|(_, _, i)| i.code == *c)
                    .map(|(_, _, i)| {
                        i.revisions
                            .iter()
                            .map(|e| {
                                let act =
                                    e.deliberation.as_deref().and_then(|id| p.deliberation(id));
                                let label = act.map(|d| d.label());
                                let from = act.and_then(|d| d.effective_from());
                                (e.kind, label, from, e.note.clone())
                            })
                            .collect::<Vec<_>>()
                    })
                    .unwrap_or_default()
            })
        })
    });
    let acts = Memo::new(move |_| {
        state.plan.with(|p| {
            p.deliberations
                .iter()
                .map(|d| (d.id.clone(), d.label()))
                .collect::<Vec<_>>()
        })
    });
    let kind = RwSignal::new(RevisionKind::Inserted);
    let act = RwSignal::new(String::new());
    let kind_word = move |k: RevisionKind| {
        t(match k {
            RevisionKind::Inserted => T::Inserted,
            RevisionKind::Updated => T::Updated,
            RevisionKind::Eliminated => T::Eliminated,
        })
    };
    view! {
        <ul data-testid="revisions">
            {move || events.get().into_iter().enumerate().map(|(k, (kind, label, from, note))| {
                view! {
                    <li>
                        <strong>{kind_word(kind)}</strong>
                        " — "
                        {label.unwrap_or_else(|| t(T::UnreadableAct).to_string())}
                        {from.map(|y| format!(" ({} {y})", t(T::EffectiveYear)))}
                        {note.map(|n| view! { <span class="muted">" (" {n} ")"</span> })}
                        " "
                        <button class="icon danger" data-testid="revision-remove" aria-label=move || t(T::Remove) title=move || t(T::Remove)
                            on:click=move |_| { let c = code.get_untracked(); change(state, refused, None, |p| edit::remove_revision(p, &c, k)); }>"×"</button>
                    </li>
                }
            }).collect_view()}
        </ul>
        <Refused refused=refused />
        <Show when=move || !acts.with(|a| a.is_empty()) fallback=move || view! { <p class="muted"><Tr k=T::NoActs /></p> }>
            <div class="row">
                <select aria-label=move || t(T::History) data-testid="revision-kind" on:change=move |ev| {
                    kind.set(match event_target_value(&ev).as_str() {
                        "updated" => RevisionKind::Updated,
                        "eliminated" => RevisionKind::Eliminated,
                        _ => RevisionKind::Inserted,
                    });
                }>
                    <option value="inserted"><Tr k=T::Inserted /></option>
                    <option value="updated"><Tr k=T::Updated /></option>
                    <option value="eliminated"><Tr k=T::Eliminated /></option>
                </select>
                <select aria-label=move || t(T::Acts) data-testid="revision-act" on:change=move |ev| act.set(event_target_value(&ev))>
                    <option value="">"—"</option>
                    {move || acts.get().into_iter().map(|(id, label)| {
                        let value = id.clone();
                        view! { <option value=value selected=move || act.get() == id>{label}</option> }
                    }).collect_view()}
                </select>
                <button data-testid="revision-add" on:click=move |_| {
                    let (c, k, a) = (code.get_untracked(), kind.get_untracked(), act.get_untracked());
                    change(state, refused, None, |p| edit::add_revision(p, &c, k, &a, None));
                }><Tr k=T::RecordRevision /></button>
            </div>
        </Show>
    }
}
