//! Grafici tab.
use leptos::prelude::*;

#[component]
pub fn Charts() -> impl IntoView {
    view! { <p>"…"</p> }
}
