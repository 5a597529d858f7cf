//! `cruscotto eval` driven in memory: JSON Lines in, one JSON line out per input line.
#![cfg(not(target_arch = "wasm32"))] // native: the browser tests are tests/browser.rs and tests/e2e

use cruscotto::cli::eval::run;
use serde_json::Value as Json;

fn eval_lines(input: &str) -> (i32, Vec<Json>) {
    let mut out = Vec::new();
    let code = run(input.as_bytes(), &mut out);
    let text = String::from_utf8(out).expect("utf-8 output");
    let lines = text
        .lines()
        .map(|l| serde_json::from_str(l).expect("each output line is JSON"))
        .collect();
    (code, lines)
}

fn one(input: &str) -> Json {
    let (code, mut lines) = eval_lines(input);
    assert_eq!(code, 0);
    assert_eq!(lines.len(), 1, "{lines:?}");
    lines.remove(0)
}

#[test]
fn formula_with_data() {
    let r = one(
        r#"{"target": ">=80%", "formula": "fascicoli_creati / fascicoli_ricevuti", "data": {"fascicoli_creati": {"2019": 17}, "fascicoli_ricevuti": {"2019": 20}}, "year": 2019}"#,
    );
    assert_eq!(r["value"], 0.85);
    assert_eq!(r["status"], "met");
    assert_eq!(r["score"], 100.0);
    assert_eq!(r["trace"], "2019: 17 / 20 = 85 % ≥ 80 % → raggiunto");
}

#[test]
fn bare_value_lower_is_better() {
    let r = one(r#"{"target": "20%", "value": 0.25, "polarity": "lower"}"#);
    assert_eq!(r["status"], "partial");
    assert_eq!(r["score"], 80.0);
}

#[test]
fn own_series_and_year_before() {
    let r = one(
        r#"{"target": "X < X-1", "values": {"2018": 0.3, "2019": 0.28}, "year": 2019, "polarity": "lower"}"#,
    );
    assert_eq!(r["status"], "met");
    let r = one(r#"{"target": "X < X-1", "values": {"2018": 0.3, "2019": 0.28}, "year": 2018}"#);
    assert_eq!(r["status"], "no_data");
    assert_eq!(r["score"], Json::Null);
    assert!(
        r["trace"].as_str().unwrap_or_default().contains("2017"),
        "{r}"
    );
}

#[test]
fn benchmark_code_and_deadline() {
    let r = one(
        r#"{"target": "scostamento max 0,02 da media cluster", "value": 0.86, "year": 2019, "data": {"media_cluster": {"2019": 0.87}}}"#,
    );
    assert_eq!(r["status"], "met");
    let r = one(r#"{"target": "ITP < -10", "value": -8, "code": "ITP", "polarity": "lower"}"#);
    assert_eq!(r["status"], "not_met");
    assert_eq!(r["score"], 0.0);
    let r = one(r#"{"target": "31/12/2019", "value": "02/01/2020"}"#);
    assert_eq!(r["status"], "not_met");
    assert_eq!(r["value"], "02/01/2020");
    let r = one(r#"{"target": "Anno di rilevazione", "value": 12}"#);
    assert_eq!(r["status"], "baseline");
    assert_eq!(r["score"], Json::Null);
}

#[test]
fn division_by_zero_and_missing_data_are_nd_with_reason() {
    let r = one(
        r#"{"target": ">1", "formula": "a / b", "data": {"a": {"2019": 3}, "b": {"2019": 0}}, "year": 2019}"#,
    );
    assert_eq!(r["value"], Json::Null);
    assert_eq!(r["status"], "no_data");
    assert!(r["trace"]
        .as_str()
        .unwrap_or_default()
        .contains("divisione per zero"));
    let r = one(
        r#"{"target": ">1", "formula": "a / b", "data": {"a": {"2019": 3}}, "year": 2019, "lang": "en"}"#,
    );
    assert!(
        r["trace"]
            .as_str()
            .unwrap_or_default()
            .contains("no datum «b» for 2019"),
        "{r}"
    );
}

#[test]
fn parse_errors_carry_line_and_column() {
    let r = one(r#"{"target": ">= 80% parzale da 60%", "value": 1}"#);
    assert_eq!(r["error"]["line"], 1);
    assert_eq!(r["error"]["column"], 8);
    assert_eq!(
        r["error"]["message"],
        "target: parola sconosciuta «parzale»: forse «parziale»?"
    );
    let r = one(r#"{"target": ">= 1", "formula": "a /", "value": 1, "lang": "en"}"#);
    assert_eq!(
        r["error"]["message"],
        "formula: a value is missing after «/»"
    );
}

#[test]
fn bad_lines_get_an_error_and_the_rest_still_run() {
    let input = "not json\n\n{\"target\": 3}\n[1,2]\n{\"value\": 1}\n{\"target\": \">1\", \"value\": \"tomorrow\"}\n{\"target\": \">1\", \"value\": 2}\n";
    let (code, lines) = eval_lines(input);
    assert_eq!(code, 0);
    assert_eq!(lines.len(), 6, "blank lines are skipped: {lines:?}");
    for (l, want_line) in lines[..5].iter().zip([1, 3, 4, 5, 6]) {
        assert_eq!(l["error"]["line"], want_line, "{l}");
        assert!(l["error"]["message"].as_str().is_some());
    }
    assert_eq!(lines[5]["status"], "met");
}

#[test]
fn english_traces() {
    let r =
        one(r#"{"target": ">= 80% partial from 60%", "value": 0.7, "year": 2020, "lang": "en"}"#);
    assert_eq!(r["status"], "partial");
    assert_eq!(r["score"], 50.0);
    assert_eq!(
        r["trace"],
        "2020: 70% ≥ 80% (partial from 60%) → partially met, score 50%"
    );
}
