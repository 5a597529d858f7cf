//! The status badge: colour AND icon AND word, readable without colour.

use leptos::prelude::*;

use super::i18n::Lang;
use crate::eval::Status;

pub fn icon(status: Status) -> &'static str {
    match status {
        Status::Met => "✓",
        Status::Partial => "◐",
        Status::NotMet => "✗",
        Status::Baseline => "◎",
        Status::NoData => "?",
        Status::Inactive => "–",
    }
}

pub fn css(status: Status) -> &'static str {
    match status {
        Status::Met => "met",
        Status::Partial => "partial",
        Status::NotMet => "not_met",
        Status::Baseline => "baseline",
        Status::NoData => "no_data",
        Status::Inactive => "inactive",
    }
}

#[component]
pub fn StatusBadge(#[prop(into)] status: Signal<Status>, lang: RwSignal<Lang>) -> impl IntoView {
    view! {
        <span
            class=move || format!("badge status-{}", css(status.get()))
            data-testid="status"
            data-status=move || css(status.get())
        >
            <span class="icon" aria-hidden="true">{move || icon(status.get())}</span>
            <span class="word">{move || status.get().label(lang.get().is_en())}</span>
        </span>
    }
}
