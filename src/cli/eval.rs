//! `cruscotto eval`: JSON Lines in, one JSON line out per input line.

use std::io::{BufRead, Write};

/// Runs the `eval` verb; returns the process exit code.
pub fn run(_input: impl BufRead, mut output: impl Write) -> i32 {
    let _ = writeln!(
        output,
        "{{\"error\":{{\"message\":\"eval: not built yet\"}}}}"
    );
    2
}
