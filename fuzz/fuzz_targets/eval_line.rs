//! Any bytes as `cruscotto eval` input (cruscotto::fuzz_checks::eval_line).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| cruscotto::fuzz_checks::eval_line(data));
