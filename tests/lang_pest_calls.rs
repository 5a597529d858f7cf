//! The parser's work stays linear in nested parentheses: pest's own call counter is capped (a
//! process-wide setting, hence a test file of its own) and adversarial nestings must finish
//! under the cap with the ordinary syntax error (60 parentheses are within the nesting limit). Fuzzing found `p(tra(p(tra(…` taking 36 s for
//! 587 bytes: `tra (…)` and a call `tra(…)` each parsed the rest, 2^depth times in all.
#![cfg(not(target_arch = "wasm32"))]

use std::num::NonZeroUsize;

use cruscotto::lang::{parse_formula, parse_target};

/// `open` repeated `depth` times, something inside, no closing parenthesis: every level fails.
fn nested(open: &str, depth: usize) -> String {
    format!("{}a", open.repeat(depth))
}

#[test]
fn nested_keywords_before_parentheses_cost_linear_work() {
    // ~100 pest calls per level is plenty for a linear parse; 2^30 levels of retries is not.
    pest::set_call_limit(NonZeroUsize::new(200_000));
    for open in [
        "p(tra(",
        "tra(",
        "p(entro(",
        "non(",
        "p(non(",
        "within(",
        "somma(tra(",
        "p(between(",
    ] {
        for text in [nested(open, 30), format!("X >= {}", nested(open, 30))] {
            for errors in [parse_formula(&text).err(), parse_target(&text).err()] {
                // Over the cap pest gives up with its own error, which reads as "too deep".
                let message = format!("{errors:?}");
                assert!(errors.is_some(), "{text}: unclosed, yet read");
                assert!(!message.contains("TooDeep"), "{text}: {message}");
            }
        }
    }
}
