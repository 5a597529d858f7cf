//! Embeds the seed plan without its indentation: the file in `src/plan/` stays readable (and in
//! canonical form, `tests/plan_default.rs`), the page carries a third fewer bytes of it.

use std::{env, fs, path::Path};

const SEED: &str = "src/plan/default_plan.json";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    println!("cargo:rerun-if-changed={SEED}");
    let text = fs::read_to_string(SEED)?;
    let out = Path::new(&env::var("OUT_DIR")?).join("default_plan.json");
    fs::write(out, without_layout(&text))?;
    Ok(())
}

/// `json` without the whitespace between its tokens; strings (and their escapes) unchanged.
fn without_layout(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in json.chars() {
        if in_string {
            out.push(c);
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
        } else if !c.is_ascii_whitespace() {
            in_string = c == '"';
            out.push(c);
        }
    }
    out
}
