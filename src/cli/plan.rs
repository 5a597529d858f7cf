//! `cruscotto default-plan` and `cruscotto check PLAN.json`.

use std::io::Write;

use crate::plan;

/// Prints the embedded default plan as JSON; returns the exit code.
pub fn default_plan(mut output: impl Write) -> i32 {
    let text = plan::to_json(&plan::default_plan());
    match writeln!(output, "{text}") {
        Ok(()) => 0,
        Err(_) => 2,
    }
}

/// Validates and evaluates a plan file; returns 0 valid, 1 problems, 2 unreadable.
pub fn check(_path: &str, _json: bool, mut output: impl Write) -> i32 {
    let _ = writeln!(output, "check: not built yet");
    2
}
