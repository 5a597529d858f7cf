//! Any text as a plan file: loading never panics; a plan that loads evaluates and is written
//! back to a file that loads to the same plan.
#![no_main]

use cruscotto::plan::{load, to_json};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(plan) = load(text) else {
        return;
    };
    let _ = plan.evaluate();
    let again = load(&to_json(&plan)).expect("a written plan loads");
    assert_eq!(again, plan);
});
