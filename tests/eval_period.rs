//! `Scope::years` is the period of the data: a year inside it without a datum is a missing datum,
//! whatever the other years hold; only without a period is it guessed from the first datum.
#![cfg(not(target_arch = "wasm32"))] // native: the browser tests are tests/browser.rs and tests/e2e

use cruscotto::eval::*;
use cruscotto::lang::{parse_formula, parse_target, Lang};

fn data() -> Data {
    // The first year of the period (2019) was emptied: the series starts in 2020.
    Data::from([
        (
            "creati".to_string(),
            Series::from([(2020, Datum::Number(40.0)), (2021, Datum::Number(88.0))]),
        ),
        (
            "ricevuti".to_string(),
            Series::from([
                (2019, Datum::Number(20.0)),
                (2020, Datum::Number(45.0)),
                (2021, Datum::Number(100.0)),
            ]),
        ),
    ])
}

#[test]
fn a_year_of_the_period_without_its_datum_is_a_missing_datum() {
    let data = data();
    let f = parse_formula("creati / ricevuti").expect("parses");
    let scope = Scope {
        formula: Some(&f),
        years: Some((2019, 2021)),
        ..Scope::new(&data)
    };
    assert_eq!(
        scope.compute(2019),
        Value::NotAvailable(Unavailable::MissingDatum {
            name: "creati".into(),
            year: 2019
        })
    );
    let target = parse_target(">= 80%").expect("parses");
    let o = evaluate_in(&target, &scope, Some(2019), Lang::It);
    assert!(
        o.trace.contains("manca il dato «creati» per il 2019"),
        "{}",
        o.trace
    );
    assert!(!o.trace.contains("fuori dal periodo"), "{}", o.trace);
}

#[test]
fn outside_the_period_is_out_of_range() {
    let data = data();
    let f = parse_formula("creati / creati[x-1]").expect("parses");
    let scope = Scope {
        formula: Some(&f),
        years: Some((2020, 2021)),
        ..Scope::new(&data)
    };
    assert_eq!(
        scope.compute(2020),
        Value::NotAvailable(Unavailable::YearOutOfRange { year: 2019 })
    );
    assert_eq!(scope.compute(2021), Value::Number(88.0 / 40.0));
}

#[test]
fn without_a_period_before_the_first_datum_is_out_of_range() {
    let data = data();
    let f = parse_formula("creati / ricevuti").expect("parses");
    let scope = Scope {
        formula: Some(&f),
        ..Scope::new(&data)
    };
    assert_eq!(
        scope.compute(2019),
        Value::NotAvailable(Unavailable::YearOutOfRange { year: 2019 })
    );
}

#[test]
fn the_indicators_own_values_follow_the_same_rule() {
    let data = Data::new();
    let values = Series::from([(2021, Datum::Number(1.0))]);
    let scope = Scope {
        values: Some(&values),
        years: Some((2019, 2021)),
        code: Some("ITP"),
        ..Scope::new(&data)
    };
    assert_eq!(
        scope.compute(2020),
        Value::NotAvailable(Unavailable::MissingDatum {
            name: "ITP".into(),
            year: 2020
        })
    );
}
