//! The single-page app (Leptos, client-side rendering): a thin layer over `lang`, `eval`, `plan`.
//!
//! One folder per area: `dashboard/` (Cruscotto), `indicator/` (editor), `charts/` + `charts_tab`
//! (Grafici), `lab/` (Laboratorio), `storage/` (localStorage), `io/` (export, import, CSV, share
//! link). `state/` holds the signals and the edit → undo → autosave path; `i18n.rs` every word
//! shown; `report.rs` adapts the plan's evaluation for display.

pub mod app;
pub mod badge;
#[cfg(feature = "perf-hooks")]
pub mod bench;
pub mod charts;
pub mod charts_tab;
pub mod confirm;
pub mod dashboard;
pub mod example;
pub mod format;
pub mod history;
pub mod i18n;
pub mod indicator;
pub mod io;
pub mod lab;
pub mod notice;
pub mod offline;
pub mod options;
pub mod plans;
pub mod report;
pub mod route;
pub mod state;
pub mod storage;
pub mod storage_status;
pub mod versions;

/// Mounts the app on the page's body.
pub fn mount() {
    console_error_panic_hook::set_once();
    mark("cruscotto-mount-start");
    leptos::mount::mount_to_body(app::App);
    mark("cruscotto-mounted");
}

/// A performance mark for `scripts/perf.mjs` (first render time).
fn mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}
