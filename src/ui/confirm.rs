//! The question before a destructive action, in a real modal `<dialog>`: the browser traps the
//! focus in it and closes it on Esc (a cancel); the focus goes back to the button that asked.
//! One dialog for the whole page: any feature takes an [`asker`] and asks with what would be lost.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::i18n::{Tr, T};

/// A question: its title, what would be lost (in the reader's words), the confirming button.
#[derive(Clone)]
pub struct Ask {
    pub title: String,
    pub lost: String,
    pub action: String,
    pub on_confirm: Callback<()>,
}

/// The question being asked, if any (in the context).
#[derive(Clone, Copy)]
pub struct Asking(RwSignal<Option<Ask>>);

/// Puts the dialog's state in the context (once, in the app's root).
pub fn provide() {
    provide_context(Asking(RwSignal::new(None)));
}

/// The handle to ask with: take it in a component's body (event handlers have no context).
/// Without the dialog in the page (never in the app), a question is never answered.
pub fn asker() -> Asking {
    use_context::<Asking>().unwrap_or_else(|| Asking(RwSignal::new(None)))
}

impl Asking {
    /// Asks before `on_confirm` runs (it runs only on the confirming button).
    pub fn ask(
        &self,
        title: impl Into<String>,
        lost: impl Into<String>,
        action: impl Into<String>,
        on_confirm: impl Fn() + Send + Sync + 'static,
    ) {
        self.0.set(Some(Ask {
            title: title.into(),
            lost: lost.into(),
            action: action.into(),
            on_confirm: Callback::new(move |()| on_confirm()),
        }));
    }
}

#[component]
pub fn ConfirmDialog() -> impl IntoView {
    let Some(Asking(req)) = use_context::<Asking>() else {
        return ().into_any();
    };
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    // The element that had the focus when the question was asked (the trigger).
    let opener = StoredValue::new_local(None::<web_sys::HtmlElement>);
    Effect::new(move |_| {
        if req.with(|r| r.is_none()) {
            return;
        }
        let Some(d) = dialog.get() else { return };
        if d.open() {
            return;
        }
        let active = document()
            .active_element()
            .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok());
        opener.set_value(active);
        let _ = d.show_modal();
    });
    let give_focus_back = move || {
        if let Some(el) = opener.get_value() {
            if el.is_connected() {
                let _ = el.focus();
            }
        }
        opener.set_value(None);
    };
    // Esc, "Annulla" and the confirming button all end in `close`; a question still pending then
    // was cancelled.
    let on_close = move |_| {
        req.set(None);
        give_focus_back();
    };
    let confirm = move |_| {
        let ask = req.get_untracked();
        req.set(None);
        if let Some(d) = dialog.get_untracked() {
            d.close();
        }
        if let Some(ask) = ask {
            ask.on_confirm.run(());
        }
    };
    let cancel = move |_| {
        if let Some(d) = dialog.get_untracked() {
            d.close();
        }
    };
    // Tab and Shift+Tab go round the dialog's two buttons: the page behind is inert, and the
    // focus never leaves for the browser's own controls.
    let cancel_ref = NodeRef::<leptos::html::Button>::new();
    let yes_ref = NodeRef::<leptos::html::Button>::new();
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() != "Tab" {
            return;
        }
        let (Some(first), Some(last)) = (cancel_ref.get_untracked(), yes_ref.get_untracked())
        else {
            return;
        };
        let active = document().active_element();
        let on = |b: &web_sys::HtmlButtonElement| {
            active
                .as_ref()
                .is_some_and(|a| a == b.unchecked_ref::<web_sys::Element>())
        };
        if ev.shift_key() && !on(&last) {
            ev.prevent_default();
            let _ = last.focus();
        } else if !ev.shift_key() && !on(&first) {
            ev.prevent_default();
            let _ = first.focus();
        }
    };
    let part =
        move |f: fn(&Ask) -> String| move || req.with(|r| r.as_ref().map(f).unwrap_or_default());
    view! {
        <dialog
            node_ref=dialog
            class="confirm"
            data-testid="confirm"
            aria-labelledby="confirm-title"
            aria-describedby="confirm-lost"
            on:close=on_close
            on:keydown=on_key
        >
            <h2 id="confirm-title">{part(|a| a.title.clone())}</h2>
            <p id="confirm-lost" data-testid="confirm-lost">{part(|a| a.lost.clone())}</p>
            <p class="muted"><Tr k=T::ConfirmUndoHint /></p>
            <div class="row">
                <button data-testid="confirm-cancel" autofocus node_ref=cancel_ref on:click=cancel>
                    <Tr k=T::Cancel />
                </button>
                <button class="danger" data-testid="confirm-yes" node_ref=yes_ref on:click=confirm>
                    {part(|a| a.action.clone())}
                </button>
            </div>
        </dialog>
    }
    .into_any()
}
