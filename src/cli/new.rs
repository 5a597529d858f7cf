//! `cruscotto new`: the start of an office's own plan, as JSON on standard output — blank with
//! its years, or a copy of a template (the default plan or a plan file) moved by k years.

use std::io::Write;

use crate::plan::edit::{blank, from_template, Template};
use crate::plan::{self, Plan};

/// `args` after `new`: `FIRST LAST` (blank), or `--template default|FILE [--shift K]`.
/// Returns the exit code: 0 written, 2 wrong arguments or an unreadable template.
pub fn run(args: &[String], mut output: impl Write, mut errors: impl Write) -> i32 {
    match build(args) {
        Ok(plan) => match writeln!(output, "{}", plan::to_json(&plan)) {
            Ok(()) => 0,
            Err(_) => 2,
        },
        Err(message) => {
            let _ = writeln!(errors, "{message}");
            2
        }
    }
}

fn build(args: &[String]) -> Result<Plan, String> {
    let value = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .map(String::as_str)
    };
    if let Some(source) = value("--template") {
        let shift = match value("--shift") {
            None => 0,
            Some(k) => k
                .parse::<i32>()
                .map_err(|_| format!("--shift vuole un numero intero di anni, non «{k}»"))?,
        };
        let template = if source == "default" {
            plan::default_plan()
        } else {
            let text = super::plan::read(source).map_err(|e| format!("{source}: {e}"))?;
            plan::load(&text).map_err(|e| format!("{source}: {e}"))?
        };
        return from_template(&template, Template { shift }).map_err(|r| r.it);
    }
    let years: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    match years.as_slice() {
        [first, last] => {
            let year = |t: &str| {
                t.parse::<i32>()
                    .map_err(|_| format!("«{t}» non è un anno"))
            };
            blank(year(first)?, year(last)?).map_err(|r| r.it)
        }
        _ => Err(
            "uso: cruscotto new PRIMO_ANNO ULTIMO_ANNO | cruscotto new --template default|PIANO.json [--shift K]"
                .into(),
        ),
    }
}
