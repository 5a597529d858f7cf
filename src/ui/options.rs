//! Options of the selects that pick an indicator (Grafici, Laboratorio, what-if): one place for
//! how an indicator is named in a list.

use leptos::prelude::*;

use super::state::AppState;

/// `<option>`s "code name" for every indicator of the plan, with `selected`'s code chosen.
pub fn indicator_options(
    state: AppState,
    selected: impl Fn() -> String + Send + Sync + 'static,
) -> impl IntoView {
    move || {
        let sel = selected();
        state
            .choices
            .get()
            .into_iter()
            .map(|(_, code, name)| {
                let chosen = code == sel;
                view! { <option value=code.clone() selected=chosen>{format!("{code} {name}")}</option> }
            })
            .collect_view()
    }
}
