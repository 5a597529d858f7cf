//! The fuzz targets' checks (`cruscotto::fuzz_checks`) in every `cargo test`: over the seeds
//! `scripts/fuzz.sh` starts from (the default plan's texts, eval lines made of them, the plan),
//! each cut short at every character and with each character left out — the cheap mutations
//! that find most crashes of a parser — plus the corpus a local fuzzing run left in
//! `fuzz/corpus/`. Target texts also come from issue 16's corpus of published plans. Fuzzing proper (mutation for minutes) is `bash scripts/fuzz.sh`.
#![cfg(not(target_arch = "wasm32"))]

use cruscotto::fuzz_checks;
use cruscotto::plan::{default_plan, to_json};

fn seeds() -> (Vec<String>, Vec<String>) {
    let plan = default_plan();
    let (mut formulas, mut targets) = (Vec::new(), Vec::new());
    for (_, _, i) in plan.indicators() {
        formulas.extend(i.formula.clone());
        targets.extend(i.targets.values().filter_map(|t| t.text.clone()));
    }
    // The forms other offices' plans write (issue 16's corpus).
    let corpus = include_str!("corpus/targets_it.tsv");
    targets.extend(
        corpus
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| l.split('\t').next().map(str::to_string)),
    );
    formulas.sort();
    formulas.dedup();
    targets.sort();
    targets.dedup();
    (formulas, targets)
}

/// `text`, each of its prefixes, and `text` without each one of its characters.
fn cuts(text: &str) -> Vec<String> {
    let bounds: Vec<usize> = text.char_indices().map(|(k, _)| k).collect();
    let mut out = vec![text.to_string()];
    for (n, &k) in bounds.iter().enumerate() {
        out.push(text[..k].to_string());
        let next = bounds.get(n + 1).copied().unwrap_or(text.len());
        out.push(format!("{}{}", &text[..k], &text[next..]));
    }
    out
}

/// What a local fuzzing run left for `target` (nothing in a fresh clone).
fn corpus(target: &str) -> Vec<Vec<u8>> {
    let dir = format!("{}/fuzz/corpus/{target}", env!("CARGO_MANIFEST_DIR"));
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .filter_map(|e| std::fs::read(e.ok()?.path()).ok())
        .take(2_000)
        .collect()
}

fn each_text(seeds: &[String], target: &str, check: fn(&str)) -> usize {
    let mut n = 0;
    for seed in seeds {
        for text in cuts(seed) {
            check(&text);
            n += 1;
        }
    }
    for bytes in corpus(target) {
        if let Ok(text) = std::str::from_utf8(&bytes) {
            check(text);
            n += 1;
        }
    }
    n
}

#[test]
fn target_parse_holds_on_the_seeds_and_their_cuts() {
    let (_, targets) = seeds();
    assert!(targets.len() > 100, "{} target texts", targets.len());
    assert!(each_text(&targets, "target_parse", fuzz_checks::target_parse) > 1_000);
}

#[test]
fn formula_parse_holds_on_the_seeds_and_their_cuts() {
    let (formulas, _) = seeds();
    assert!(formulas.len() > 15);
    assert!(each_text(&formulas, "formula_parse", fuzz_checks::formula_parse) > 1_000);
}

#[test]
fn eval_line_answers_every_line_of_the_seeds_and_their_cuts() {
    let (formulas, targets) = seeds();
    let mut lines: Vec<String> = targets
        .iter()
        .map(|t| serde_json::json!({"target": t, "value": 0.8, "year": 2019}).to_string())
        .collect();
    lines.extend(formulas.iter().map(|f| {
        serde_json::json!({"target": ">= 80%", "formula": f, "year": 2019, "data": {}}).to_string()
    }));
    // All lines as one input, then each line cut: unfinished JSON, broken escapes, lone bytes.
    fuzz_checks::eval_line(lines.join("\n").as_bytes());
    for line in &lines {
        for cut in cuts(line) {
            fuzz_checks::eval_line(cut.as_bytes());
        }
    }
    for bytes in corpus("eval_line") {
        fuzz_checks::eval_line(&bytes);
    }
}

#[test]
fn plan_load_holds_on_the_default_plan_and_its_cuts() {
    let json = to_json(&default_plan());
    fuzz_checks::plan_load(&json);
    // Cut at 200 places spread over the file, and without each of those characters.
    let bounds: Vec<usize> = json.char_indices().map(|(k, _)| k).collect();
    for n in (0..bounds.len()).step_by(bounds.len() / 200 + 1) {
        let k = bounds[n];
        fuzz_checks::plan_load(&json[..k]);
        let next = bounds.get(n + 1).copied().unwrap_or(json.len());
        fuzz_checks::plan_load(&format!("{}{}", &json[..k], &json[next..]));
    }
    for bytes in corpus("plan_load") {
        if let Ok(text) = std::str::from_utf8(&bytes) {
            fuzz_checks::plan_load(text);
        }
    }
}

/// Inputs fuzzing found, kept as regressions.
#[test]
fn what_fuzzing_found_holds() {
    // A logical `o` glued to a year (`X-0o`) before `max`: the plan-form rewrite read `max` as
    // «at most» only when the `o` stood apart, so the printed form did not parse back.
    fuzz_checks::target_parse("X - X-0- X-0-5<X-0o max+0,02");
    // The same after `&&`, which the rewrite did not know as a logical operator.
    fuzz_checks::target_parse("-1113&&\t\t\t max- 0");
    // `X-010001` (seven characters after the X) was read as `X[1000]`.
    fuzz_checks::target_parse("910*1000000000o\n\nl’X-599998*1 <- X-010001");
}
