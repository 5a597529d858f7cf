//! The Relazione sulla performance view: a year chooser, the core's HTML document shown as it
//! is (an iframe of the very file one downloads), print to A4, download HTML and Markdown.

use leptos::prelude::*;

use crate::eval::Trace;
use crate::plan::relazione::{relazione, to_html, to_markdown};
use crate::plan::ParseCache;
use crate::ui::i18n::{Tr, T};
use crate::ui::io::download;
use crate::ui::notice::Level;
use crate::ui::state::AppState;

#[component]
pub fn ReportView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let years = Memo::new(move |_| state.plan.with(|p| (p.years.first, p.years.last)));
    let picked = RwSignal::new(None::<i32>);
    let year = move || {
        let (first, last) = years.get();
        picked.get().unwrap_or(last).clamp(first, last)
    };
    // The document, built by the core (the same as `cruscotto report`).
    let doc = Memo::new(move |_| {
        let (y, l) = (year(), lang.get());
        state.plan.with(|p| {
            let evaluated = p.evaluate_with(&mut ParseCache::default(), Trace::Off);
            relazione(p, &evaluated, y, l)
        })
    });
    let html = move || {
        doc.with(|d| {
            d.as_ref()
                .map(|d| to_html(d, lang.get()))
                .unwrap_or_default()
        })
    };
    let frame = NodeRef::<leptos::html::Iframe>::new();
    let save = move |markdown: bool| {
        let Some(text) = doc.with_untracked(|d| {
            d.as_ref().map(|d| {
                if markdown {
                    to_markdown(d, lang.get_untracked())
                } else {
                    to_html(d, lang.get_untracked())
                }
            })
        }) else {
            return;
        };
        let (name, mime) = if markdown {
            (
                format!("relazione-{}.md", year()),
                "text/markdown;charset=utf-8",
            )
        } else {
            (
                format!("relazione-{}.html", year()),
                "text/html;charset=utf-8",
            )
        };
        if let Err(e) = download(&name, mime, &text) {
            state.notices.push(Level::Error, "report", T::Error, e);
        }
    };
    view! {
        <div class="card row no-print report-tools">
            <label>
                <Tr k=T::ReportYear /> " "
                <select data-testid="report-year" on:change=move |ev| picked.set(event_target_value(&ev).parse().ok())>
                    {move || {
                        let (first, last) = years.get();
                        let chosen = year();
                        (first..=last)
                            .rev()
                            .map(|y| view! { <option value=y.to_string() selected=y == chosen>{y}</option> })
                            .collect_view()
                    }}
                </select>
            </label>
            <button data-testid="report-print" on:click=move |_| {
                if let Some(w) = frame.get().and_then(|f| f.content_window()) {
                    let _ = w.print();
                }
            }><Tr k=T::PrintReport /></button>
            <button data-testid="report-html" on:click=move |_| save(false)><Tr k=T::DownloadHtml /></button>
            <button data-testid="report-md" on:click=move |_| save(true)><Tr k=T::DownloadMarkdown /></button>
        </div>
        <iframe
            node_ref=frame
            class="report-frame"
            data-testid="report-frame"
            title=move || T::TabReport.in_(lang.get())
            srcdoc=html
        ></iframe>
    }
}
