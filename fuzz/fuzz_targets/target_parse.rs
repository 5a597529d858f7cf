//! Any text as a target (cruscotto::fuzz_checks::target_parse says what is checked).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        cruscotto::fuzz_checks::target_parse(text);
    }
});
