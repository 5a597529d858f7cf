//! wasm-bindgen-test tests, run in headless Chromium by `scripts/test.sh`.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a browser document")
}

#[wasm_bindgen_test]
fn the_app_mounts_and_shows_the_plan_title() {
    cruscotto::ui::mount();
    let title = document()
        .query_selector("[data-testid=plan-title]")
        .ok()
        .flatten()
        .expect("the plan title is in the page");
    assert!(title
        .text_content()
        .unwrap_or_default()
        .contains("Cruscotto"));
}
