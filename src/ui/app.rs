//! The shell: header with the plan title, plans bar, language switch, undo/redo, tabs.

use leptos::prelude::*;

use crate::ui::i18n::Tr;

use super::i18n::{Lang, T};
use super::notice::NoticeArea;
use super::state::{AppState, SaveState};
use super::{charts_tab, dashboard, indicator, lab, plans};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    Dashboard,
    Indicator,
    Charts,
    Lab,
}

impl Tab {
    pub const ALL: [Tab; 4] = [Tab::Dashboard, Tab::Indicator, Tab::Charts, Tab::Lab];
    pub fn label(self) -> T {
        match self {
            Tab::Dashboard => T::TabDashboard,
            Tab::Indicator => T::TabIndicator,
            Tab::Charts => T::TabCharts,
            Tab::Lab => T::TabLab,
        }
    }
    pub fn slug(self) -> &'static str {
        match self {
            Tab::Dashboard => "cruscotto",
            Tab::Indicator => "indicatore",
            Tab::Charts => "grafici",
            Tab::Lab => "laboratorio",
        }
    }
}

#[component]
pub fn App() -> impl IntoView {
    let state = AppState::start();
    provide_context(state);
    super::confirm::provide();
    dashboard::provide_memory();
    super::route::provide(state);
    #[cfg(feature = "perf-hooks")]
    super::bench::register(state);
    let lang = state.lang;
    let tab = state.tab;
    Effect::new(move |_| {
        let doc = document();
        if let Some(html) = doc.document_element() {
            let _ = html.set_attribute("lang", lang.get().code());
        }
        doc.set_title(T::AppName.in_(lang.get()));
    });
    super::offline::watch(state.notices);
    let t = move |k: T| k.in_(lang.get());
    view! {
        <div class="app" data-testid="app">
            <a class="skip-link" href="#main"><Tr k=T::SkipToContent /></a>
            <header class="app-header">
                <div class="title-row">
                    <div>
                        <h1 class="plan-title" data-testid="plan-title">
                            {move || state.plan_name()}
                        </h1>
                        <p class="plan-body">{move || state.plan.with(|p| p.body.clone())}</p>
                    </div>
                    <div class="header-tools">
                        <SaveIndicator />
                        <button
                            data-testid="undo"
                            aria-keyshortcuts="Control+Z"
                            disabled=move || !state.can_undo.get()
                            on:click=move |_| state.undo()
                        >
                            "↶ "
                            <Tr k=T::Undo />
                        </button>
                        <button
                            data-testid="redo"
                            aria-keyshortcuts="Control+Shift+Z"
                            disabled=move || !state.can_redo.get()
                            on:click=move |_| state.redo()
                        >
                            "↷ "
                            <Tr k=T::Redo />
                        </button>
                        <button class="no-print" on:click=move |_| {
                            if let Some(w) = web_sys::window() {
                                let _ = w.print();
                            }
                        }><Tr k=T::Print /></button>
                        <select
                            data-testid="lang"
                            aria-label=move || t(T::Language)
                            on:change=move |ev| {
                                lang.set(if event_target_value(&ev) == "en" { Lang::En } else { Lang::It })
                            }
                        >
                            <option value="it" selected=move || lang.get() == Lang::It>"Italiano"</option>
                            <option value="en" selected=move || lang.get() == Lang::En>"English"</option>
                        </select>
                    </div>
                </div>
                <plans::PlansBar />
                <nav class="tabs" role="tablist" aria-label=move || t(T::AppName)>
                    {Tab::ALL
                        .into_iter()
                        .map(|k| {
                            view! {
                                <button
                                    role="tab"
                                    class="tab"
                                    id=format!("tab-{}", k.slug())
                                    data-testid=format!("tab-{}", k.slug())
                                    aria-selected=move || (tab.get() == k).to_string()
                                    aria-controls="panel"
                                    tabindex=move || if tab.get() == k { "0" } else { "-1" }
                                    on:click=move |_| tab.set(k)
                                    on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                                        let i = Tab::ALL.iter().position(|x| *x == tab.get_untracked()).unwrap_or(0);
                                        let next = match ev.key().as_str() {
                                            "ArrowRight" => (i + 1) % Tab::ALL.len(),
                                            "ArrowLeft" => (i + Tab::ALL.len() - 1) % Tab::ALL.len(),
                                            "Home" => 0,
                                            "End" => Tab::ALL.len() - 1,
                                            _ => return,
                                        };
                                        ev.prevent_default();
                                        tab.set(Tab::ALL[next]);
                                        if let Some(el) = document().get_element_by_id(&format!("tab-{}", Tab::ALL[next].slug())) {
                                            if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                                                let _ = el.focus();
                                            }
                                        }
                                    }
                                >
                                    {move || t(k.label())}
                                </button>
                            }
                        })
                        .collect_view()}
                </nav>
            </header>
            // One `<main>` landmark: the messages and the tab panel inside it (no content outside
            // landmarks); `tabindex=-1` so the skip link moves the focus there.
            <main id="main" tabindex="-1">
            <ConflictBanner />
            <NoticeArea notices=state.notices lang=lang />
            <super::confirm::ConfirmDialog />
            <super::storage_status::DamagedCopies />
            <div id="panel" role="tabpanel" class="panel" aria-labelledby=move || format!("tab-{}", tab.get().slug())>
                {move || match tab.get() {
                    Tab::Dashboard => view! { <dashboard::Dashboard /> }.into_any(),
                    Tab::Indicator => view! { <indicator::Editor /> }.into_any(),
                    Tab::Charts => view! { <charts_tab::Charts /> }.into_any(),
                    Tab::Lab => view! { <lab::Lab /> }.into_any(),
                }}
            </div>
            </main>
        </div>
    }
}

#[component]
fn SaveIndicator() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    view! {
        <span
            class=move || match state.save.get() {
                SaveState::Failed(_) | SaveState::Conflict(_) => "save-state failed",
                _ => "save-state",
            }
            data-testid="save-state"
            data-state=move || match state.save.get() {
                SaveState::Saved => "saved",
                SaveState::Pending => "pending",
                SaveState::Failed(_) => "failed",
                SaveState::Conflict(_) => "conflict",
            }
            aria-live="polite"
        >
            {move || match state.save.get() {
                SaveState::Saved => T::Saved.in_(lang.get()),
                SaveState::Pending => T::Saving.in_(lang.get()),
                SaveState::Failed(_) | SaveState::Conflict(_) => T::NotSaved.in_(lang.get()),
            }}
            {move || matches!(state.save.get(), SaveState::Failed(_)).then(|| view! {
                " "
                <button data-testid="retry-save" on:click=move |_| state.save_now()>
                    <Tr k=T::Retry />
                </button>
            })}
        </span>
    }
}

/// Shown when another tab changed the plan this tab is editing.
#[component]
fn ConflictBanner() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <Show when=move || matches!(state.save.get(), SaveState::Conflict(_))>
            <div class="banner banner-conflict" role="alert" data-testid="conflict">
                <span><Tr k=T::OtherTab /></span>
                <button data-testid="conflict-theirs" on:click=move |_| state.take_theirs()>
                    <Tr k=T::ReloadTheirs />
                </button>
                <button data-testid="conflict-mine" on:click=move |_| state.keep_mine()>
                    <Tr k=T::KeepMine />
                </button>
            </div>
        </Show>
    }
}
