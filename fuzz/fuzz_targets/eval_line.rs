//! Any bytes as `cruscotto eval` input: every line gets one JSON answer, nothing panics.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut out = Vec::new();
    cruscotto::cli::eval::run(data, &mut out);
    let text = String::from_utf8(out).expect("the answers are UTF-8");
    for line in text.lines() {
        let _: serde_json::Value = serde_json::from_str(line).expect("each answer is JSON");
    }
});
