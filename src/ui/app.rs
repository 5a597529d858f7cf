//! The shell: header with the plan title, language switch, undo/redo, tabs.

use leptos::prelude::*;

use super::i18n::{Lang, T};
use super::notice::{NoticeArea, Notices};

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
    let lang = RwSignal::new(Lang::It);
    let tab = RwSignal::new(Tab::Dashboard);
    let notices = Notices::new();
    Effect::new(move |_| {
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", lang.get().code());
        }
    });
    view! {
        <div class="app" data-testid="app">
            <header class="app-header">
                <div class="title-row">
                    <h1 class="plan-title" data-testid="plan-title">
                        {move || T::AppName.in_(lang.get())}
                    </h1>
                    <div class="header-tools">
                        <label class="lang-switch">
                            <span class="sr-only">{move || T::Language.in_(lang.get())}</span>
                            <select
                                data-testid="lang"
                                aria-label=move || T::Language.in_(lang.get())
                                on:change=move |ev| {
                                    lang.set(if event_target_value(&ev) == "en" { Lang::En } else { Lang::It })
                                }
                            >
                                <option value="it" selected=move || lang.get() == Lang::It>"Italiano"</option>
                                <option value="en" selected=move || lang.get() == Lang::En>"English"</option>
                            </select>
                        </label>
                    </div>
                </div>
                <nav class="tabs" role="tablist" aria-label=move || T::AppName.in_(lang.get())>
                    {Tab::ALL
                        .into_iter()
                        .map(|t| {
                            view! {
                                <button
                                    role="tab"
                                    class="tab"
                                    id=format!("tab-{}", t.slug())
                                    data-testid=format!("tab-{}", t.slug())
                                    aria-selected=move || (tab.get() == t).to_string()
                                    aria-controls="panel"
                                    on:click=move |_| tab.set(t)
                                >
                                    {move || t.label().in_(lang.get())}
                                </button>
                            }
                        })
                        .collect_view()}
                </nav>
            </header>
            <NoticeArea notices=notices lang=lang />
            <main id="panel" role="tabpanel" class="panel">
                {move || match tab.get() {
                    Tab::Dashboard => view! { <p>"…"</p> }.into_any(),
                    Tab::Indicator => view! { <p>"…"</p> }.into_any(),
                    Tab::Charts => view! { <p>"…"</p> }.into_any(),
                    Tab::Lab => view! { <p>"…"</p> }.into_any(),
                }}
            </main>
        </div>
    }
}
