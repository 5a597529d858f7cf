//! The single-page app (Leptos, client-side rendering): a thin layer over `lang`, `eval`, `plan`.

use leptos::prelude::*;

/// Mounts the app on the page's body.
pub fn mount() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}

#[component]
pub fn App() -> impl IntoView {
    view! {
        <main class="app" data-testid="app">
            <h1 class="plan-title" data-testid="plan-title">"Cruscotto strategico"</h1>
        </main>
    }
}
