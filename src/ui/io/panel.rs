//! Export (JSON, CSV), import (file picker, drag and drop; validated before anything changes),
//! share link.

use leptos::prelude::*;

use crate::ui::i18n::Tr;
use wasm_bindgen::JsCast;

use super::{csv, download, file_stem, read_text, share};
use crate::plan::{self, Plan};
use crate::ui::format;
use crate::ui::i18n::{Lang, T};
use crate::ui::notice::Level;
use crate::ui::report::Report;
use crate::ui::state::AppState;
use crate::ui::storage;

/// A file read and validated, waiting for the user's yes.
#[derive(Clone, Debug, PartialEq)]
enum Pending {
    None,
    /// The plan, the file's name, and whether it fits in the storage left: as a new plan, and
    /// in place of the open one.
    Ready(Box<Plan>, String, (bool, bool)),
    Problems(String, Vec<(String, String)>),
}

/// The plan as CSV rows: one row per indicator, per year target / actual / status / score.
pub fn csv_rows(plan: &Plan, report: &Report, lang: Lang) -> Vec<Vec<String>> {
    let en = lang.is_en();
    let years: Vec<i32> = (plan.years.first..=plan.years.last).collect();
    let mut header: Vec<String> = [
        T::Mission,
        T::Objective,
        T::Code,
        T::Indicator,
        T::Formula,
        T::Owner,
    ]
    .iter()
    .map(|k| k.in_(lang).to_string())
    .collect();
    for y in &years {
        header.push(format!("{} {y}", T::Target.in_(lang)));
        header.push(format!("{} {y}", T::Actual.in_(lang)));
        header.push(format!("{} {y}", T::Status.in_(lang)));
        header.push(format!("{} {y}", T::Score.in_(lang)));
    }
    let mut rows = vec![header];
    for (m, o, i) in plan.indicators() {
        let owners = plan.owner_names(i);
        let mut row = vec![
            format!("{} {}", m.code, m.name),
            format!("{}. {}", o.number, o.title),
            i.code.clone(),
            i.name.clone(),
            i.formula.clone().unwrap_or_else(|| i.formula_text.clone()),
            owners.join(", "),
        ];
        for y in &years {
            row.push(csv::target(i.targets.get(y), lang));
            let outcome = report.outcome(&i.code, *y);
            row.push(match outcome.map(|o| &o.value) {
                Some(crate::eval::Value::Number(x)) => csv::number(*x),
                Some(crate::eval::Value::Date(d)) => d.to_string(),
                _ => String::new(),
            });
            row.push(
                outcome
                    .map(|o| o.status.label(en).to_string())
                    .unwrap_or_default(),
            );
            row.push(
                outcome
                    .and_then(|o| o.score)
                    .map(csv::number)
                    .unwrap_or_default(),
            );
        }
        rows.push(row);
    }
    rows
}

#[component]
pub fn IoPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let asker = crate::ui::confirm::asker();
    let t = move |k: T| k.in_(lang.get());
    let pending = RwSignal::new(Pending::None);
    let over = RwSignal::new(false);
    let link = RwSignal::new(String::new());
    // Whether the last link reached the clipboard (the browser may refuse): the message says so.
    let copied = RwSignal::new(false);
    // Focus goes to the panel that appears (confirmation or problems) and back to the file
    // picker when it closes: a keyboard or screen-reader user is never left on a removed node.
    let picker = NodeRef::<leptos::html::Input>::new();
    let shown = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if let Some(el) = shown.get() {
            let _ = el.focus();
        }
    });
    let close = move || {
        pending.set(Pending::None);
        if let Some(el) = picker.get_untracked() {
            let _ = el.focus();
        }
    };
    let on_escape = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" {
            close();
        }
    };

    let handle_text = move |name: String, text: String| match plan::load(&text) {
        Ok(p) => {
            // Measured before anything changes: the stored form of this plan against the space
            // left (a large plan's once the browser has deflated it).
            let json = crate::ui::state::storage_json(&p);
            leptos::task::spawn_local(async move {
                let need = if storage::packs(&json) {
                    storage::pack(&json).await.len()
                } else {
                    json.len()
                } + 64;
                let free = storage::QUOTA_CHARS.saturating_sub(storage::used_chars());
                let open = storage::plan_chars(&state.active.get_untracked());
                let fits = (need <= free, need <= free + open);
                pending.try_set(Pending::Ready(Box::new(p), name, fits));
            });
        }
        Err(e) => {
            let en = lang.get_untracked().is_en();
            let mut list: Vec<(String, String)> = e
                .problems()
                .into_iter()
                .map(|p| {
                    let mut path = if p.path.is_empty() {
                        "(radice)".to_string()
                    } else {
                        p.path.clone()
                    };
                    if let (Some(l), Some(c)) = (p.line, p.column) {
                        path.push_str(&format!(
                            " ({} {l}, {} {c})",
                            T::Line.in_(lang.get_untracked()),
                            T::Column.in_(lang.get_untracked())
                        ));
                    }
                    (path, if en { p.message_en } else { p.message })
                })
                .collect();
            if list.is_empty() {
                list.push((
                    String::new(),
                    if en { e.message_en() } else { e.to_string() },
                ));
            }
            pending.set(Pending::Problems(name, list));
        }
    };
    let read_file = move |file: web_sys::File| {
        let name = file.name();
        leptos::task::spawn_local(async move {
            match read_text(file).await {
                Ok(text) => handle_text(name, text),
                Err(e) => pending.set(Pending::Problems(name, vec![(String::new(), e)])),
            }
        });
    };
    let on_pick = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            read_file(file);
        }
        input.set_value("");
    };
    // A file dropped anywhere on the page is imported (never opened by the browser in place of
    // the app, which would leave the page).
    let h1 = window_event_listener(leptos::ev::dragover, move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        over.set(true);
    });
    let h2 = window_event_listener(leptos::ev::dragleave, move |_| over.set(false));
    let h3 = window_event_listener(leptos::ev::drop, move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        over.set(false);
        if let Some(file) = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0))
        {
            read_file(file);
        }
    });
    on_cleanup(move || {
        h1.remove();
        h2.remove();
        h3.remove();
    });
    let export_json = move |_| {
        let plan = state.plan.get_untracked();
        let name = format!("{}.json", file_stem(&untrack(|| state.plan_name())));
        if let Err(e) = download(&name, "application/json", &plan::to_json(&plan)) {
            state.notices.push(Level::Error, "export", T::Error, e);
        }
    };
    let export_csv = move |_| {
        let plan = state.plan.get_untracked();
        let rep = state.evaluate(&plan);
        let text = csv::document(&csv_rows(&plan, &rep, lang.get_untracked()));
        let name = format!("{}.csv", file_stem(&untrack(|| state.plan_name())));
        if let Err(e) = download(&name, "text/csv;charset=utf-8", &text) {
            state.notices.push(Level::Error, "export", T::Error, e);
        }
    };
    let make_link = move |_| {
        let json = state.plan.with_untracked(crate::ui::state::storage_json);
        leptos::task::spawn_local(async move {
            match share::link(&json).await {
                Some(l) => {
                    copied.try_set(false);
                    let done = web_sys::window().map(|w| w.navigator().clipboard().write_text(&l));
                    link.try_set(l);
                    // The message says whether the link reached the clipboard (it may be refused).
                    if let Some(done) = done {
                        if wasm_bindgen_futures::JsFuture::from(done).await.is_ok() {
                            copied.try_set(true);
                        }
                    }
                }
                None => {
                    link.try_set(String::new());
                    state
                        .notices
                        .push(Level::Warning, "share", T::ShareTooBig, "");
                }
            }
        });
    };
    let _ = format::num;
    view! {
        <div
            class=move || if over.get() { "dropzone over row" } else { "dropzone row" }
            data-testid="dropzone"
        >
            <button data-testid="export-json" on:click=export_json><Tr k=T::ExportJson /></button>
            <button data-testid="export-csv" on:click=export_csv><Tr k=T::ExportCsv /></button>
            <label class="button-like">
                <span><Tr k=T::Import /></span>
                <input type="file" accept=".json,application/json" data-testid="import-file" node_ref=picker on:change=on_pick />
            </label>
            <span class="muted"><Tr k=T::DropHere /></span>
            <button data-testid="share-link" on:click=make_link><Tr k=T::ShareLink /></button>
        </div>
        <Show when=move || !link.get().is_empty()>
            <p class="share-out">
                {move || t(if copied.get() { T::ShareCopied } else { T::ShareMade })}
                " "
                <input readonly data-testid="share-url" prop:value=move || link.get() aria-label=move || t(T::ShareLink) />
            </p>
        </Show>
        {move || match pending.get() {
            Pending::None => ().into_any(),
            Pending::Ready(p, name, (fits_new, fits_replace)) => {
                let plan_for_replace = (*p).clone();
                let plan_for_new = (*p).clone();
                let title = p.title.clone();
                view! {
                    <div
                        class="card import-dialog"
                        role="dialog"
                        aria-modal="false"
                        aria-labelledby="import-ready-file"
                        aria-describedby="import-ready-question"
                        tabindex="-1"
                        node_ref=shown
                        on:keydown=on_escape
                        data-testid="import-ready"
                    >
                        <p id="import-ready-file">
                            <strong>{name}</strong>
                            " — "
                            {title}
                        </p>
                        {(!fits_replace).then(|| view! { <p class="field-error" role="alert" data-testid="import-too-big"><Tr k=T::ImportTooBig /></p> })}
                        {(fits_replace && !fits_new).then(|| view! { <p class="field-error" role="alert" data-testid="import-too-big-as-new"><Tr k=T::ImportTooBigAsNew /></p> })}
                        <p id="import-ready-question"><Tr k=T::ImportReady /></p>
                        <div class="row">
                            <button class="primary" data-testid="import-confirm" on:click=move |_| {
                                let l = lang.get_untracked();
                                let lost = state.plan.with_untracked(|p| crate::plan::loss::plan(p, l));
                                let plan = plan_for_replace.clone();
                                asker.ask(T::AskImportOver.in_(l), lost, T::ImportConfirm.in_(l), move || {
                                    state.notices.push(Level::Info, "import", T::Imported, plan.title.clone());
                                    state.replace(plan.clone());
                                    close();
                                });
                            }><Tr k=T::ImportConfirm /></button>
                            <button data-testid="import-as-new" on:click=move |_| {
                                let name = plan_for_new.title.clone();
                                state.add_plan(name.clone(), plan_for_new.clone());
                                state.notices.push(Level::Info, "import", T::ImportedAsNew, name);
                                close();
                            }><Tr k=T::ImportAsNew /></button>
                            <button data-testid="import-cancel" on:click=move |_| close()>
                                <Tr k=T::ImportCancel />
                            </button>
                        </div>
                    </div>
                }
                    .into_any()
            }
            Pending::Problems(name, list) => {
                view! {
                    <div
                        class="card import-dialog notice-error"
                        role="alert"
                        tabindex="-1"
                        node_ref=shown
                        on:keydown=on_escape
                        data-testid="import-error"
                    >
                        <p>
                            <strong>{name}</strong>
                            ": "
                            <Tr k=T::ImportProblems />
                        </p>
                        <ul class="problems">
                            {list
                                .into_iter()
                                .take(50)
                                .map(|(path, msg)| view! { <li><code>{path}</code> " " {msg}</li> })
                                .collect_view()}
                        </ul>
                        <button on:click=move |_| close()><Tr k=T::Close /></button>
                    </div>
                }
                    .into_any()
            }
        }}
    }
}
