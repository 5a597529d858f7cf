//! Indicatore: the editor of one indicator.
use leptos::prelude::*;

#[component]
pub fn Editor() -> impl IntoView {
    view! { <p>"…"</p> }
}
