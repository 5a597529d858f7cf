//! What each fuzz target checks (`fuzz/fuzz_targets/*`), as plain functions: libFuzzer drives
//! them with mutated inputs (`scripts/fuzz.sh`), and `tests/fuzz_smoke.rs` runs them in every
//! `cargo test` over the seeds and their cuts, so a broken check or a crash on the seeds fails
//! CI without the nightly fuzzing toolchain. Not an API. Each panics on a violation.

use crate::eval::{evaluate, judge, Data, Datum, Scope, Series};
use crate::lang::{parse_formula, parse_target};
use crate::plan::{load, to_json};

/// Any text as a target: parsing never panics; what parses prints to a text that parses to the
/// same tree, and evaluates (with and without trace) to the same status.
pub fn target_parse(text: &str) {
    let Ok(target) = parse_target(text) else {
        return;
    };
    let printed = target.to_string();
    let again = parse_target(&printed).unwrap_or_else(|e| panic!("{printed:?}: {e:?}"));
    assert_eq!(again, target, "{text:?} printed as {printed:?}");
    let values: Series = (2016..=2021)
        .map(|y| (y, Datum::Number(f64::from(y - 2015) / 4.0)))
        .collect();
    let data: Data = [("media_cluster".to_string(), values.clone())].into();
    let scope = Scope {
        values: Some(&values),
        years: Some((2016, 2021)),
        ..Scope::new(&data)
    };
    let traced = evaluate(&target, &scope, Some(2019));
    let untraced = judge(&target, &scope, Some(2019));
    assert_eq!(traced.status, untraced.status, "{text:?}");
}

/// Any text as a formula: parsing never panics; what parses prints to a text that parses to the
/// same tree, and computes over data naming its measures.
pub fn formula_parse(text: &str) {
    let Ok(formula) = parse_formula(text) else {
        return;
    };
    let printed = formula.to_string();
    let again = parse_formula(&printed).unwrap_or_else(|e| panic!("{printed:?}: {e:?}"));
    assert_eq!(again, formula, "{text:?} printed as {printed:?}");
    let data: Data = formula
        .measures()
        .into_iter()
        .enumerate()
        .map(|(k, name)| {
            let series: Series = (2016..=2021)
                .map(|y| (y, Datum::Number((k + 1) as f64 * f64::from(y - 2015))))
                .collect();
            (name, series)
        })
        .collect();
    let scope = Scope {
        formula: Some(&formula),
        years: Some((2016, 2021)),
        ..Scope::new(&data)
    };
    let _ = scope.value(2019);
}

/// Any bytes as `cruscotto eval` input: every line gets one JSON answer.
pub fn eval_line(data: &[u8]) {
    let mut out = Vec::new();
    crate::cli::eval::run(data, &mut out);
    let text = String::from_utf8(out).unwrap_or_else(|e| panic!("answers not UTF-8: {e}"));
    for line in text.lines() {
        let answer = serde_json::from_str::<serde_json::Value>(line);
        assert!(answer.is_ok(), "not JSON: {line}");
    }
}

/// Any text as a plan file: loading never panics; a plan that loads evaluates and is written
/// back to a file that loads to the same plan.
pub fn plan_load(text: &str) {
    let Ok(plan) = load(text) else {
        return;
    };
    let _ = plan.evaluate();
    let again = load(&to_json(&plan)).unwrap_or_else(|e| panic!("a written plan loads: {e}"));
    assert_eq!(again, plan);
}
