//! Any text as a formula (cruscotto::fuzz_checks::formula_parse says what is checked).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        cruscotto::fuzz_checks::formula_parse(text);
    }
});
