//! Weights: a number from 0 to 1 000 000 (0 leaves a child out of the average). Import and
//! `cruscotto check` refuse anything else with its path; the roll-up never gives NaN or inf.
#![cfg(not(target_arch = "wasm32"))] // native: the browser tests are tests/browser.rs and tests/e2e

use cruscotto::cli::plan::check;
use cruscotto::plan::{load, to_json, weight_ok, LoadError, Plan, Problem, WEIGHT_MAX};

fn minimal() -> Plan {
    load(include_str!("fixtures/minimal_plan.json")).unwrap()
}

fn problems_of(plan: &Plan) -> Vec<Problem> {
    // Through the JSON, as an imported file.
    match load(&to_json(plan)) {
        Err(LoadError::Invalid(p)) => p,
        other => panic!("expected problems, got {other:?}"),
    }
}

#[test]
fn the_bound() {
    assert!(weight_ok(0.0));
    assert!(weight_ok(1.0));
    assert!(weight_ok(0.5));
    assert!(weight_ok(WEIGHT_MAX));
    assert_eq!(WEIGHT_MAX, 1_000_000.0);
    for w in [
        -1.0,
        -0.5,
        1_000_000.5,
        1e308,
        f64::INFINITY,
        f64::NAN,
        -0.0001,
    ] {
        assert!(!weight_ok(w), "{w}");
    }
}

#[test]
fn huge_weights_are_refused_with_path_and_message() {
    let mut plan = minimal();
    plan.missions[0].objectives[0].indicators[0].weight = 1e308;
    plan.missions[0].objectives[0].weight = 2_000_000.0;
    plan.missions[0].weight = -0.5;
    let problems = problems_of(&plan);
    let find = |path: &str| {
        problems
            .iter()
            .find(|p| p.path == path)
            .unwrap_or_else(|| panic!("no problem at {path}: {problems:?}"))
    };
    let p = find("missions[0].objectives[0].indicators[0].weight");
    assert!(
        p.message
            .starts_with("peso 1e308 non valido: dev'essere un numero tra 0 e 1.000.000"),
        "{p}"
    );
    assert!(p.message_en.contains("between 0 and 1,000,000"), "{p:?}");
    let p = find("missions[0].objectives[0].weight");
    assert!(p.message.starts_with("peso 2.000.000 non valido"), "{p}");
    let p = find("missions[0].weight");
    assert!(p.message.starts_with("peso -0,5 non valido"), "{p}");
    assert_eq!(problems.len(), 3, "{problems:?}");
}

#[test]
fn the_largest_weight_is_accepted_and_rolls_up() {
    let mut plan = minimal();
    for i in &mut plan.missions[0].objectives[0].indicators {
        i.weight = WEIGHT_MAX;
    }
    let plan = load(&to_json(&plan)).expect("1 000 000 is a valid weight");
    let report = plan.evaluate();
    let score = report.missions[0].objectives[0]
        .scores
        .get(&2019)
        .copied()
        .flatten();
    assert_eq!(score, Some(100.0));
}

#[test]
fn cli_check_refuses_a_huge_weight() {
    let text = include_str!("fixtures/minimal_plan.json").replace(
        "\"code\": \"1.1\",",
        "\"code\": \"1.1\", \"weight\": 1e308,",
    );
    let path = std::env::temp_dir().join(format!("cruscotto-weight-{}.json", std::process::id()));
    std::fs::write(&path, text).unwrap();
    let mut out = Vec::new();
    let code = check(path.to_str().unwrap(), false, &mut out);
    let _ = std::fs::remove_file(&path);
    let out = String::from_utf8(out).unwrap();
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("missions[0].objectives[0].indicators[0].weight: peso 1e308 non valido"),
        "{out}"
    );
}

/// Weights the validation would refuse, evaluated anyway (a plan built in code): the roll-up
/// gives a number or no score, never NaN or inf.
#[test]
fn roll_up_never_gives_nan() {
    for w in [1e308, f64::MAX, f64::INFINITY, f64::NAN, -1.0, 0.0] {
        let mut plan = minimal();
        for i in &mut plan.missions[0].objectives[0].indicators {
            i.weight = w;
        }
        plan.missions[0].objectives[0].weight = w;
        plan.missions[0].weight = w;
        let report = plan.evaluate();
        let all = report
            .missions
            .iter()
            .flat_map(|m| {
                m.objectives
                    .iter()
                    .flat_map(|o| o.scores.values())
                    .chain(m.scores.values())
            })
            .chain(report.scores.values());
        for s in all {
            assert!(s.is_none_or(|s| s.is_finite()), "weight {w}: score {s:?}");
        }
        // 1e308 × 100 overflows: no score, and the mission does not silently average others.
        if w == 1e308 {
            let o = &report.missions[0].objectives[0];
            assert_eq!(o.scores.get(&2019), Some(&None), "{:?}", o.scores);
        }
    }
}

#[test]
fn the_schema_states_the_bound() {
    let schema: serde_json::Value = serde_json::from_str(&cruscotto::plan::schema_json()).unwrap();
    for def in ["Mission", "Objective", "Indicator"] {
        let w = &schema["$defs"][def]["properties"]["weight"];
        assert_eq!(w["minimum"], 0.0, "{def}: {w}");
        assert_eq!(w["maximum"], WEIGHT_MAX, "{def}: {w}");
    }
}
