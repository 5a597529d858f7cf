//! Silent traps (issue 15): each answers with an error, an "n.d." with its reason, or a problem
//! in the plan's check — never a plausible verdict.
#![cfg(not(target_arch = "wasm32"))]

use cruscotto::cli::{eval, plan as plan_cli};
use cruscotto::lang::{
    parse_formula, parse_target, parse_target_in, CondKind, DiagnosticKind, ExprKind, Lang,
    Notation, TargetBody,
};
use cruscotto::plan::{example_plan, load, to_json, LoadError};
use serde_json::Value as Json;

fn one(line: &str) -> Json {
    let mut out = Vec::new();
    assert_eq!(eval::run(line.as_bytes(), &mut out), 0);
    let text = String::from_utf8(out).unwrap();
    serde_json::from_str(text.trim()).unwrap()
}

fn message(r: &Json) -> String {
    r["error"]["message"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

fn target_error(text: &str) -> DiagnosticKind {
    parse_target(text).map(|_| ()).unwrap_err()[0].kind.clone()
}

#[test]
fn a_partial_floor_beyond_the_target_is_nd_even_when_the_target_is_met() {
    let r = one(r#"{"target": ">= 80% parziale da 90%", "value": 0.95}"#);
    assert_eq!(r["status"], "no_data", "{r}");
    assert!(
        r["trace"].as_str().unwrap().contains("soglia parziale"),
        "{r}"
    );
    // Lower is better: the floor must be above the target.
    let r = one(r#"{"target": "<= 20% parziale da 10%", "value": 0.05, "polarity": "lower"}"#);
    assert_eq!(r["status"], "no_data", "{r}");
    // On the right side nothing changes.
    let r = one(r#"{"target": ">= 80% parziale da 60%", "value": 0.95}"#);
    assert_eq!(r["status"], "met");
}

#[test]
fn check_refuses_a_plan_with_a_partial_floor_beyond_its_target() {
    let mut plan = example_plan();
    let indicator = &mut plan.missions[0].objectives[0].indicators[0];
    let year = *indicator.targets.keys().next().unwrap();
    indicator.targets.get_mut(&year).unwrap().text = Some(">= 80% parziale da 90%".into());
    let problems = match load(&to_json(&plan)) {
        Err(LoadError::Invalid(problems)) => problems,
        other => panic!("expected problems, got {other:?}"),
    };
    let p = problems
        .iter()
        .find(|p| p.path.ends_with(&format!("targets.{year}.text")))
        .unwrap_or_else(|| panic!("{problems:?}"));
    assert!(p.message.contains("soglia parziale (0,9)"), "{}", p.message);
    assert!(p.message_en.contains("partial floor"), "{}", p.message_en);
}

#[test]
fn a_threshold_written_first_grades_like_the_same_threshold_written_after() {
    for target in ["X >= 80% parziale da 60%", "80% <= X parziale da 60%"] {
        let r = one(&format!(r#"{{"target": "{target}", "value": 0.7}}"#));
        assert_eq!(r["status"], "partial", "{target}: {r}");
        assert_eq!(r["score"], 50.0, "{target}: {r}");
    }
    // Lower is better, with the code: `ITP <= -10` and `-10 >= X`.
    let r = one(r#"{"target": "ITP <= -10 parziale da 0", "value": -5, "code": "ITP"}"#);
    let mirrored = one(r#"{"target": "-10 >= X parziale da 0", "value": -5, "code": "ITP"}"#);
    assert_eq!(r["score"], 50.0, "{r}");
    assert_eq!(mirrored["score"], r["score"], "{mirrored}");
}

#[test]
fn a_condition_inside_se_must_name_its_subject() {
    for text in [
        "se(>= 80%; 1; 0) > 0",
        "X > se(tra 1 e 2; 1; 0)",
        "X > se(non < 3; 1; 0)",
    ] {
        assert_eq!(target_error(text), DiagnosticKind::IfNeedsSubject, "{text}");
    }
    assert!(parse_target("X > se(X >= 80%; 1; 0)").is_ok());
    let d = &parse_target("se(>= 80%; 1; 0) > 0").unwrap_err()[0];
    assert!(d.message(Lang::It).contains("se(X >= 80%; 1; 0)"));
    assert!(d.message(Lang::En).contains("if(X >= 80%; 1; 0)"));
}

#[test]
fn a_measure_named_in_a_target_is_not_the_indicators_value() {
    let r = one(
        r#"{"target": "a > 5", "formula": "a / b", "data": {"a": {"2019": 10}, "b": {"2019": 1}}, "year": 2019}"#,
    );
    assert_eq!(r["status"], "no_data", "{r}");
    assert!(
        r["trace"].as_str().unwrap().contains("«a» è una misura"),
        "{r}"
    );
    // A data series of that name, without a formula, too.
    let r = one(r#"{"target": "b > 5", "value": 9, "data": {"b": {"0": 1}}}"#);
    assert_eq!(r["status"], "no_data", "{r}");
    // The indicator's code still means its value.
    let r = one(r#"{"target": "ITP < -10", "value": -12, "code": "ITP"}"#);
    assert_eq!(r["status"], "met");
}

#[test]
fn one_point_three_digits_is_a_thousand_in_italian_and_refused_in_english() {
    // Issue 16 settles the trap: in an Italian plan (the default) the dot groups thousands.
    let value = |text: &str| match parse_target(text).unwrap().body {
        TargetBody::Condition(c) => match c.node {
            CondKind::Compare { rhs, .. } | CondKind::Bare(rhs) => match rhs.node {
                ExprKind::Number { value, .. } => value,
                other => panic!("{text}: {other:?}"),
            },
            other => panic!("{text}: {other:?}"),
        },
        other => panic!("{text}: {other:?}"),
    };
    assert_eq!(value(">= 1.000"), 1000.0);
    assert_eq!(value(">= 12.500"), 12500.0);
    assert_eq!(value("= 45.000"), 45000.0);
    assert_eq!(value(">= 1.000.000"), 1_000_000.0);
    assert_eq!(value(">= 2.355,5"), 2355.5);
    // Other dots are decimal points, as the language always read them.
    assert_eq!(value(">= 1.5"), 1.5);
    assert_eq!(value(">= 0.500"), 0.5);
    assert_eq!(value(">= 1,000"), 1.0);
    // Groups that are not of three digits are no number at all.
    for text in [">= 1.000.00", ">= 1.0000.000", ">= 1.00,5"] {
        assert!(
            matches!(target_error(text), DiagnosticKind::MalformedNumber { .. }),
            "{text}"
        );
    }
    // A plan that writes numbers the English way keeps the refusal, with the hint.
    let english = |text: &str| parse_target_in(text, Notation::English).unwrap_err()[0].clone();
    for text in [">= 1.000", ">= 12.500", "< 100.000%"] {
        assert!(
            matches!(
                english(text).kind,
                DiagnosticKind::AmbiguousDecimalPoint { .. }
            ),
            "{text}"
        );
    }
    let d = english(">= 1.000");
    assert_eq!(d.column, 4);
    let it = d.message(Lang::It);
    assert!(it.contains("1000") && it.contains("1,000"), "{it}");
    assert!(d.message(Lang::En).contains("decimal point"));
    let d = english(">= 1,000");
    assert!(matches!(d.kind, DiagnosticKind::AmbiguousComma { .. }));
    assert!(
        d.message(Lang::It).contains("1000"),
        "{}",
        d.message(Lang::It)
    );
    for text in [
        ">= 1.5",
        ">= 1.25",
        ">= 1.2345",
        ">= 0.500",
        ">= 1000",
        ">= 3,5",
    ] {
        assert!(parse_target_in(text, Notation::English).is_ok(), "{text}");
    }
}

#[test]
fn unknown_request_fields_are_refused_with_a_suggestion() {
    let r = one(r#"{"target": ">= 1", "value": 2, "polarty": "lower"}"#);
    assert!(
        message(&r).contains("campo sconosciuto «polarty»: forse «polarity»?"),
        "{r}"
    );
    let r = one(r#"{"target": ">= 1", "value": 2, "Year": 2019, "lang": "en"}"#);
    assert!(
        message(&r).contains("unknown field «Year»: did you mean «year»?"),
        "{r}"
    );
}

#[test]
fn years_out_of_order_and_a_negative_tolerance_are_refused() {
    let r = one(r#"{"target": ">= 1", "value": 2, "year": 2019, "years": [2021, 2016]}"#);
    assert!(message(&r).contains("[2016, 2021]"), "{r}");
    let r = one(
        r#"{"target": "scostamento max -0,02 da media cluster", "value": 0.8, "year": 2019, "data": {"media_cluster": {"2019": 0.8}}}"#,
    );
    assert_eq!(r["status"], "no_data", "{r}");
    assert!(r["trace"].as_str().unwrap().contains("tolleranza"), "{r}");
}

#[test]
fn comparisons_are_relative_also_below_one() {
    let r = one(r#"{"target": "> 0", "value": 1e-10}"#);
    assert_eq!(r["status"], "met", "{r}");
    // Binary fractions still compare equal: 17/20 ≥ 85 %.
    let r = one(
        r#"{"target": ">= 85%", "formula": "a / b", "data": {"a": {"2019": 17}, "b": {"2019": 20}}, "year": 2019}"#,
    );
    assert_eq!(r["status"], "met");
    let r = one(
        r#"{"target": "= 0,3", "formula": "a + b", "data": {"a": {"2019": 0.1}, "b": {"2019": 0.2}}, "year": 2019}"#,
    );
    assert_eq!(r["status"], "met", "{r}");
}

#[test]
fn a_byte_order_mark_is_not_an_error() {
    let r = one("\u{feff}{\"target\": \">= 1\", \"value\": 2}");
    assert_eq!(r["status"], "met", "{r}");
    let json = format!("\u{feff}{}", to_json(&example_plan()));
    assert!(load(&json).is_ok());
}

#[test]
fn input_errors_speak_the_requested_language_and_count_characters() {
    let r = one(r#"{"value": 2, "lang": "en"}"#);
    assert_eq!(message(&r), "input line 1: the field «target» is missing");
    let r = one(r#"{"value": 2}"#);
    assert_eq!(message(&r), "riga 1 dell'input: manca il campo «target»");
    let r = one(r#"{"lang": "en", "target": ">1", "value": "tomorrow"}"#);
    assert!(
        message(&r).contains("is neither a number nor a date"),
        "{r}"
    );
    let r = one(r#"{"lang": "en", "target": "ààà" x}"#);
    assert!(message(&r).starts_with("input line 1: invalid JSON"), "{r}");
    // The error is at `x`: character 32, byte 35.
    assert_eq!(r["error"]["column"], 32, "{r}");
    // Language errors count characters too: `>` is character 5 (byte 8).
    let r = one(r#"{"target": "ààà >", "value": 1}"#);
    assert_eq!(r["error"]["column"], 5, "{r}");
}

fn check(path: &str) -> (i32, Json) {
    let mut out = Vec::new();
    let code = plan_cli::check(path, true, &mut out);
    (code, serde_json::from_slice(&out).unwrap())
}

#[test]
fn check_says_what_is_wrong_with_the_file() {
    let (code, r) = check("/nonexistent/plan.json");
    assert_eq!(code, 2);
    let error = r["error"].as_str().unwrap();
    assert!(error.contains("impossibile aprire"), "{error}");
    assert!(!error.contains("JSON"), "{error}");
    let path = std::env::temp_dir().join(format!("cruscotto-big-{}.json", std::process::id()));
    let size = 21 * 1024 * 1024 + 7;
    std::fs::write(&path, vec![b' '; size]).unwrap();
    let (code, r) = check(path.to_str().unwrap());
    let _ = std::fs::remove_file(&path);
    assert_eq!(code, 2);
    assert!(
        r["error"]
            .as_str()
            .unwrap()
            .contains(&format!("{size} byte")),
        "{r}"
    );
}

struct Broken;

impl std::io::Write for Broken {
    fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
        Err(std::io::Error::other("disk full"))
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn output_that_cannot_be_written_exits_1() {
    assert_eq!(plan_cli::default_plan(Broken), 1);
    let path = std::env::temp_dir().join(format!("cruscotto-ok-{}.json", std::process::id()));
    std::fs::write(&path, to_json(&example_plan())).unwrap();
    let code = plan_cli::check(path.to_str().unwrap(), true, Broken);
    let _ = std::fs::remove_file(&path);
    assert_eq!(code, 1);
    assert_eq!(
        eval::run(&b"{\"target\": \">1\", \"value\": 2}\n"[..], Broken),
        1
    );
}

#[test]
fn unknown_flags_are_refused() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_cruscotto"))
        .args(["check", "--jsn", "plan.json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("«--jsn»"));
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_cruscotto"))
        .args(["eval", "--verbose"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_long_flat_chain_is_too_long_not_too_nested() {
    let chain = vec!["1"; 200].join("+");
    let d = &parse_formula(&chain).unwrap_err()[0];
    assert_eq!(d.kind, DiagnosticKind::ChainTooLong { max: 128 });
    assert!(d.message(Lang::It).contains("catena troppo lunga"));
    assert!(d.message(Lang::En).contains("parentheses"));
    // Real nesting keeps its message.
    let nested = format!("{}1{}", "(".repeat(70), ")".repeat(70));
    assert!(matches!(
        parse_formula(&nested).unwrap_err()[0].kind,
        DiagnosticKind::TooDeep { .. }
    ));
}

#[test]
fn a_decomposed_accent_names_the_same_measure() {
    let composed = parse_formula("attività / b").unwrap();
    let decomposed = parse_formula("attivita\u{300} / b").unwrap();
    assert_eq!(composed, decomposed);
    assert!(decomposed.measures().contains("attività"));
    // Decomposed in the data, composed in the formula (and the other way round).
    let r = one(
        "{\"target\": \">= 1\", \"formula\": \"attività\", \"data\": {\"attivita\u{300}\": {\"2019\": 2}}, \"year\": 2019}",
    );
    assert_eq!(r["status"], "met", "{r}");
    let r = one(
        "{\"target\": \">= 1\", \"formula\": \"citta\u{300}\", \"data\": {\"città\": {\"2019\": 2}}, \"year\": 2019}",
    );
    assert_eq!(r["status"], "met", "{r}");
}

#[test]
fn scientific_notation_is_not_read_as_a_logical_e() {
    for text in ["< 1e-9", ">= 5E-3", "X > 2e-10 o X < 1"] {
        let d = &parse_target(text).unwrap_err()[0];
        assert!(
            matches!(&d.kind, DiagnosticKind::ScientificNotation { .. }),
            "{text}: {:?}",
            d.kind
        );
    }
    let d = &parse_target("< 1e-9").unwrap_err()[0];
    assert_eq!((d.column, d.span.clone()), (3, 2..6));
    assert!(d.message(Lang::It).contains("«1e-9»"));
    // A real «e» between conditions still works, with or without spaces around digits.
    assert!(parse_target(">= 1 e <= 5").is_ok());
    assert!(parse_target("X >= 1 e X <= 2").is_ok());
}
