//! What the service worker (pwa/register.js) learns, told to the user: the page runs from the copy
//! kept in the browser because the network is gone, or a new version is ready for the next visit.
//! register.js marks `<html data-offline>` / `<html data-update="ready">` and fires `cruscotto-sw`.

use leptos::prelude::*;

use super::i18n::T;
use super::notice::{Level, Notices};

/// Called by the app's root component. Shows the two notices whenever register.js reports, and once now (it may have reported before
/// the app was mounted).
pub fn watch(notices: Notices) {
    let show = move || {
        let Some(root) = document().document_element() else {
            return;
        };
        if root.has_attribute("data-offline") {
            notices.push(Level::Info, "offline", T::OfflineCopy, "");
        } else {
            notices.dismiss_kind("offline");
        }
        if root.get_attribute("data-update").as_deref() == Some("ready") {
            notices.push(Level::Info, "update", T::UpdateReady, "");
        }
    };
    show();
    let handle = window_event_listener_untyped("cruscotto-sw", move |_| show());
    on_cleanup(move || handle.remove());
}
