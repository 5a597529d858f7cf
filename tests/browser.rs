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

/// The deepest nesting the language accepts must not exhaust the browser's wasm stack
/// (a stack overflow kills the page), and one level more is a clear error.
#[wasm_bindgen_test]
fn the_deepest_accepted_nesting_parses_in_the_browser() {
    let depth = cruscotto::lang::MAX_NESTING;
    let deep = format!("{}1{}", "(".repeat(depth - 1), ")".repeat(depth - 1));
    assert!(
        cruscotto::lang::parse_formula(&deep).is_ok(),
        "depth {}",
        depth - 1
    );
    let calls = format!("{}1{}", "abs(".repeat(depth - 1), ")".repeat(depth - 1));
    assert!(cruscotto::lang::parse_formula(&calls).is_ok());
    let target = format!("> {}1{}", "(".repeat(depth - 1), ")".repeat(depth - 1));
    assert!(cruscotto::lang::parse_target(&target).is_ok());
    let too_deep = format!("{}1{}", "(".repeat(100_000), ")".repeat(100_000));
    let errors = cruscotto::lang::parse_formula(&too_deep).unwrap_err();
    assert!(!errors.is_empty());
}
