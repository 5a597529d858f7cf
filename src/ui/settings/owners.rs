//! Owners: the offices responsible for indicators — add, rename, merge into another, remove
//! (asking first when indicators still name it). Assigning them is in the indicator editor.

use leptos::prelude::*;

use super::{ask_remove, change, Refused};
use crate::plan::edit::{self, Refusal};
use crate::ui::i18n::{Tr, T};
use crate::ui::state::AppState;

#[component]
pub fn Owners() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let t = move |k: T| k.in_(lang.get());
    let asker = crate::ui::confirm::asker();
    let refused = RwSignal::new(None::<Refusal>);
    let owners = Memo::new(move |_| state.plan.with(|p| p.owners.clone()));
    let new_name = RwSignal::new(String::new());
    let add = move || {
        let name = new_name.get_untracked();
        if change(state, refused, None, |p| edit::add_owner(p, &name)).is_some() {
            new_name.set(String::new());
        }
    };
    let remove = move |id: String| {
        let users = state.plan.with_untracked(|p| edit::owner_users(p, &id));
        let also = !users.is_empty();
        let (title, lost) = if also {
            (T::AlsoFromIndicators, users.join(", "))
        } else {
            (T::ConfirmRemoveOwner, String::new())
        };
        ask_remove(asker, lang.get_untracked(), title, lost, move || {
            change(state, refused, None, |p| edit::remove_owner(p, &id, also));
        });
    };
    view! {
        <div class="card" data-testid="plan-owners">
            <h2><Tr k=T::OwnersTitle /></h2>
            <Refused refused=refused />
            <ul class="outline">
                {move || {
                    let all = owners.get();
                    all.iter()
                        .map(|o| {
                            let (id1, id2, id3) = (o.id.clone(), o.id.clone(), o.id.clone());
                            let others: Vec<(String, String)> = all
                                .iter()
                                .filter(|x| x.id != o.id)
                                .map(|x| (x.id.clone(), x.name.clone()))
                                .collect();
                            view! {
                                <li class="outline-row" data-testid="owner-row">
                                    <input class="name" aria-label=move || t(T::Name) data-testid="owner-name" prop:value=o.name.clone()
                                        on:change=move |ev| {
                                            let v = event_target_value(&ev);
                                            change(state, refused, None, |p| edit::rename_owner(p, &id1, &v));
                                        } />
                                    <select aria-label=move || t(T::MergeInto) data-testid="owner-merge"
                                        on:change=move |ev| {
                                            let into = event_target_value(&ev);
                                            if !into.is_empty() {
                                                change(state, refused, None, |p| edit::merge_owners(p, &id2, &into));
                                            }
                                        }>
                                        <option value="" selected=true>{move || t(T::MergeInto)}</option>
                                        {others.into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()}
                                    </select>
                                    <button class="danger" data-testid="owner-remove" on:click=move |_| remove(id3.clone())>
                                        <Tr k=T::Remove />
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
            <div class="row">
                <input
                    aria-label=move || t(T::Name)
                    data-testid="owner-new"
                    prop:value=move || new_name.get()
                    on:input=move |ev| new_name.set(event_target_value(&ev))
                    on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                        if ev.key() == "Enter" {
                            add();
                        }
                    }
                />
                <button data-testid="owner-add" on:click=move |_| add()><Tr k=T::AddOwner /></button>
            </div>
        </div>
    }
}
