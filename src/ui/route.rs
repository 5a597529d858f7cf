//! Every view's address in the URL fragment: `#/cruscotto?anno=2021`, `#/indicatore/9.7`,
//! `#/grafici/9.7`, `#/laboratorio?formula=…`. Read at start and on Back/Forward (or an address
//! typed in the bar); written when the view changes (a new history entry) or its choices change
//! (the same entry: typing never adds one). The text of an address is `crate::fragment`'s.

use leptos::prelude::*;

use super::app::Tab;
use super::i18n::T;
use super::io::share;
use super::notice::Level;
use super::state::AppState;
use crate::fragment::{self, Address};

pub type Params = Vec<(String, String)>;

#[derive(Clone, Copy)]
pub struct Router {
    /// The choices an address brought for a view, taken by that view when it is built.
    seed: StoredValue<Option<(Tab, Params)>>,
    /// The open view's choices, as it last wrote them (other views' are not in the address).
    params: RwSignal<(Tab, Params)>,
    /// Bumped when an address is opened: the open view is built again from its choices.
    pub generation: RwSignal<u32>,
    /// The address last opened or written (Back fires both `popstate` and `hashchange`).
    last: StoredValue<String>,
}

impl Router {
    /// The choices the address gave `tab` (in `params`), once.
    pub fn take_seed(&self, tab: Tab) -> Option<Address> {
        let mut out = None;
        self.seed.update_value(|s| {
            if s.as_ref().is_some_and(|(t, _)| *t == tab) {
                out = s.take().map(|(_, params)| Address {
                    path: Vec::new(),
                    params,
                });
            }
        });
        out
    }

    /// The open view's choices changed: the address follows (no new history entry).
    pub fn set_params(&self, tab: Tab, params: Params) {
        if self
            .params
            .with_untracked(|(t, p)| (*t, p) != (tab, &params))
        {
            self.params.set((tab, params));
        }
    }
}

/// Starts the router: opens the address the page was loaded with and keeps it in step.
pub fn provide(state: AppState) -> Router {
    let router = Router {
        seed: StoredValue::new(None),
        params: RwSignal::new((Tab::Dashboard, Vec::new())),
        generation: RwSignal::new(0),
        last: StoredValue::new(String::new()),
    };
    provide_context(router);
    let _ = open(state, router, &hash());
    let on_nav = move |_| {
        let h = hash();
        if router.last.with_value(|l| *l == h) {
            return;
        }
        router.last.set_value(h.clone());
        if h.starts_with(share::FRAGMENT_PREFIX) {
            state.open_shared_link();
        } else if open(state, router, &h) {
            router.generation.update(|g| *g += 1);
        }
        write(state, router);
    };
    let a = window_event_listener_untyped("popstate", on_nav);
    let b = window_event_listener_untyped("hashchange", on_nav);
    on_cleanup(move || {
        a.remove();
        b.remove();
    });
    Effect::new(move |_| write(state, router));
    router
}

fn hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// Shows the view an address names (`false`: not an address, e.g. `#main` of the skip link).
/// An unknown view or indicator says so and shows what it can.
fn open(state: AppState, router: Router, hash: &str) -> bool {
    let Some(a) = fragment::parse(hash) else {
        return false;
    };
    let mut path = a.path.into_iter();
    let slug = path.next().unwrap_or_default();
    let Some(tab) = Tab::ALL.into_iter().find(|t| t.slug() == slug) else {
        state
            .notices
            .push(Level::Error, "route", T::UnknownView, slug);
        state.tab.set(Tab::Dashboard);
        return true;
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
    router.seed.set_value(Some((tab, a.params.clone())));
    router.params.set((tab, a.params));
    state.tab.set(tab);
    true
}

fn has_code(tab: Tab) -> bool {
    matches!(tab, Tab::Indicator | Tab::Charts)
}

fn exists(p: &crate::plan::Plan, code: &str) -> bool {
    p.indicators().any(|(_, _, i)| i.code == code)
}

/// Writes the open view's address: a new history entry when another view (or another indicator
/// that still exists) is shown, else the same entry replaced.
fn write(state: AppState, router: Router) {
    let tab = state.tab.get();
    let mut path = vec![tab.slug().to_string()];
    if has_code(tab) {
        path.extend(state.selected.get());
    }
    let params = router
        .params
        .with(|(t, p)| if *t == tab { p.clone() } else { Vec::new() });
    let next = Address { path, params };
    let text = fragment::format(&next);
    let now = hash();
    router.last.set_value(text.clone());
    if text == now {
        return;
    }
    let push = fragment::parse(&now).is_some_and(|old| match (old.path.first(), old.path.get(1)) {
        (Some(s), _) if *s != next.path[0] => true,
        (_, Some(code)) => {
            next.path.get(1) != Some(code) && state.plan.with_untracked(|p| exists(p, code))
        }
        _ => false,
    });
    let Ok(h) = window().history() else { return };
    let url = Some(text.as_str());
    let _ = if push {
        h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", url)
    } else {
        h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", url)
    };
}

/// Brings the open indicator's form into view and puts the keyboard there (after it is drawn).
pub fn focus_form() {
    request_animation_frame(|| {
        let doc = document();
        if let Some(form) = doc
            .query_selector("[data-testid=indicator-form]")
            .ok()
            .flatten()
        {
            form.scroll_into_view();
        }
        if let Some(el) = doc
            .query_selector("[data-testid=field-name]")
            .ok()
            .flatten()
        {
            if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                let _ = el.focus();
            }
        }
    });
}
