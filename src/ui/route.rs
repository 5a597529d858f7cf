//! Every view's address in the URL fragment: `#/cruscotto?anno=2021`, `#/indicatore/9.7`,
//! `#/grafici/9.7`, `#/laboratorio?formula=…`. Read at start and when the address changes
//! (Back/Forward, an address typed in the bar: `hashchange`); written by one effect from the
//! open view, its indicator and its choices: a new history entry when the view changes, the same
//! entry replaced as its choices change (typing never adds one). The text of an address is
//! `crate::fragment`'s.

use std::cell::Cell;

use leptos::prelude::*;

use super::app::Tab;
use super::i18n::T;
use super::io::share;
use super::notice::Level;
use super::state::AppState;
use crate::fragment::{self, Address};

thread_local! {
    /// The open view's choices as its address writes them, `#/slug?query`
    /// (`#/laboratorio?formula=…`): set by the view named by the slug as its choices change, and
    /// by an address opened (the choices it gives that view). Set up by `provide`.
    static QUERY: Cell<Option<RwSignal<String>>> = const { Cell::new(None) };
}

/// Opens the address the page was loaded with and keeps the address in step with the page.
pub fn provide(state: AppState) {
    let query = RwSignal::new(String::new());
    QUERY.set(Some(query));
    open(state, query, &hash());
    // The App lasts as long as the page: the listener is never removed.
    let _ = window_event_listener_untyped("hashchange", move |_| {
        let h = hash();
        if h.starts_with(share::FRAGMENT_PREFIX) {
            state.open_shared_link();
        }
        open(state, query, &h);
    });
    Effect::new(move |_| write(state, query));
}

/// The choices `tab` starts from as it is built: those of an address opened for it (a link, Back,
/// a reload), or its own when it is built again; none when another view was open.
pub fn seed(tab: Tab) -> Option<Address> {
    QUERY
        .get()?
        .with_untracked(|q| fragment::parse(q))
        .filter(|a| a.path.first().is_some_and(|s| s == tab.slug()))
}

/// `tab`'s choices changed (`fragment::pair`s): the address follows, in the same history entry.
pub fn set_query(tab: Tab, query: String) {
    if let Some(q) = QUERY.get() {
        q.set(["#/", tab.slug(), "?", &query].concat());
    }
}

fn hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// Shows the view an address names; an unknown view or indicator says so and shows what it can.
/// Not an address (`#main` of the skip link, a share link): the open view's address is written
/// again.
fn open(state: AppState, query: RwSignal<String>, hash: &str) {
    let Some(a) = fragment::parse(hash) else {
        query.update(|_| ());
        return;
    };
    let mut path = a.path.into_iter();
    let slug = path.next().unwrap_or_default();
    let Some(tab) = Tab::ALL.into_iter().find(|t| t.slug() == slug) else {
        state
            .notices
            .push(Level::Error, "route", T::UnknownView, slug);
        state.tab.set(Tab::Dashboard);
        return;
    };
    if let Some(code) = path.next().filter(|_| has_code(tab)) {
        if state.plan.with_untracked(|p| exists(p, &code)) {
            state.selected.set(Some(code));
            if tab == Tab::Indicator {
                focus_form();
            }
        } else {
            state
                .notices
                .push(Level::Error, "route", T::UnknownIndicator, code);
        }
    }
    // The view is built again (a set signal always notifies) from the address's choices.
    let q = hash.split_once('?').map_or("", |(_, q)| q);
    query.set(["#/", &slug, "?", q].concat());
    state.tab.set(tab);
}

fn has_code(tab: Tab) -> bool {
    matches!(tab, Tab::Indicator | Tab::Charts)
}

fn exists(p: &crate::plan::Plan, code: &str) -> bool {
    super::indicator::ops::find(p, code).is_some()
}

/// Writes the open view's address: a new history entry when another view (or another indicator
/// that still exists) is shown, else the same entry replaced.
fn write(state: AppState, query: RwSignal<String>) {
    let tab = state.tab.get();
    let slug = tab.slug();
    let mut text = String::from("#/");
    text.push_str(slug);
    if has_code(tab) {
        if let Some(c) = state.selected.get() {
            text.push('/');
            text.push_str(&fragment::encode(&c));
        }
    }
    let view = text.len();
    query.with(|q| {
        let own = q.strip_prefix("#/").and_then(|q| q.strip_prefix(slug));
        if let Some(q) = own.and_then(|q| q.strip_prefix('?')) {
            if !q.is_empty() {
                text.push('?');
                text.push_str(q);
            }
        }
    });
    let now = hash();
    if text == now {
        return;
    }
    let old = now.split('?').next().unwrap_or_default();
    let push = old.strip_prefix("#/").is_some_and(|o| {
        let (s, code) = o.split_once('/').unwrap_or((o, ""));
        s != slug
            || (!code.is_empty()
                && old != &text[..view]
                && state
                    .plan
                    .with_untracked(|p| exists(p, &fragment::decode(code))))
    });
    let Ok(h) = window().history() else { return };
    let url = Some(text.as_str());
    let _ = if push {
        h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", url)
    } else {
        h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", url)
    };
}

/// Puts the keyboard in the open indicator's form, in view (after it is drawn).
pub fn focus_form() {
    // Focusing scrolls the field into view.
    gloo_timers::callback::Timeout::new(0, || {
        if let Some(el) = document()
            .query_selector("[data-testid=field-name]")
            .ok()
            .flatten()
        {
            let _ = wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(el).focus();
        }
    })
    .forget();
}
