//! Laboratorio formule.
use leptos::prelude::*;

#[component]
pub fn Lab() -> impl IntoView {
    view! { <p>"…"</p> }
}
