//! The preview of actuals read from a CSV: every cell that changes (old → new) and every bad
//! row (row, column, reason). Nothing changes until the user confirms; with bad rows, the valid
//! ones apply only if the user says so. The reading is the core's (`plan::csv`).

use leptos::prelude::*;

use crate::plan::csv::{CsvImport, Field};
use crate::ui::i18n::{Tr, T};
use crate::ui::notice::Level;
use crate::ui::state::AppState;

/// Lists this long are cut, saying how many more there are.
const SHOWN: usize = 200;

#[component]
pub fn CsvPreview(name: String, import: CsvImport, on_close: Callback<()>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let en = move || lang.get().is_en();
    let CsvImport {
        plan,
        changes,
        bad_rows,
        ..
    } = import;
    let (n_changes, n_bad) = (changes.len(), bad_rows.len());
    let more = |n: usize| (n > SHOWN).then(|| view! { <li class="muted">"… +" {n - SHOWN}</li> });
    let change_items = changes
        .into_iter()
        .take(SHOWN)
        .map(|c| {
            let what = match c.field {
                Field::Target => "target".to_string(),
                Field::Measure(m) => m,
                Field::Value => T::Value.in_(lang.get_untracked()).to_lowercase(),
                Field::Reason => T::Reason.in_(lang.get_untracked()).to_lowercase(),
            };
            let show = |t: String| if t.is_empty() { "—".to_string() } else { t };
            view! {
                <li data-testid="csv-change">
                    <code>{c.code}</code> " " {what} " " {c.year} ": " {show(c.old)} " → " <strong>{show(c.new)}</strong>
                </li>
            }
        })
        .collect_view();
    let bad_items = bad_rows
        .into_iter()
        .take(SHOWN)
        .map(|b| {
            view! {
                <li data-testid="csv-bad-row">
                    {move || b.describe(if en() { crate::lang::Lang::En } else { crate::lang::Lang::It })}
                </li>
            }
        })
        .collect_view();
    let apply = move |_| {
        let new = plan.clone();
        state.edit(None, move |p| *p = new);
        state.notices.push(Level::Info, "csv", T::CsvApplied, "");
        on_close.run(());
    };
    view! {
        <div class="card import-dialog" role="dialog" aria-modal="false" data-testid="csv-preview">
            <p><strong>{name}</strong></p>
            {(n_changes == 0 && n_bad == 0).then(|| view! { <p><Tr k=T::CsvNothing /></p> })}
            {(n_changes > 0).then(|| view! {
                <h3><Tr k=T::CsvChanges /> " (" {n_changes} ")"</h3>
                <ul class="problems csv-changes">{change_items} {more(n_changes)}</ul>
            })}
            {(n_bad > 0).then(|| view! {
                <h3 class="notice-error"><Tr k=T::CsvBadRows /> " (" {n_bad} ")"</h3>
                <ul class="problems">{bad_items} {more(n_bad)}</ul>
            })}
            <div class="row">
                {(n_changes > 0).then(|| view! {
                    <button class="primary" data-testid="csv-apply" on:click=apply>
                        {move || if n_bad > 0 { T::CsvApplyGood.in_(lang.get()) } else { T::CsvApply.in_(lang.get()) }}
                    </button>
                })}
                <button data-testid="csv-cancel" on:click=move |_| on_close.run(())><Tr k=T::ImportCancel /></button>
            </div>
        </div>
    }
}
