//! The single-page app (Leptos, client-side rendering): a thin layer over `lang`, `eval`, `plan`.
//!
//! One folder per area: `dashboard/` (Cruscotto), `indicator/` (editor), `charts/` (Grafici),
//! `lab/` (Laboratorio), `storage/` (localStorage), `io/` (export, import, CSV, share link).
//! `state.rs` holds the signals and the edit/undo/save machinery; `i18n.rs` every word shown.

pub mod app;
pub mod charts;
pub mod format;
pub mod history;
pub mod i18n;
pub mod io;
pub mod notice;
pub mod storage;

/// Mounts the app on the page's body.
pub fn mount() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
