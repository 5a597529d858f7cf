//! The thresholds the charts draw: every target notation of the default plan that holds the
//! indicator's value against a number gives that number (constants, negative numbers, the
//! indicator's own code, last year's value, the benchmark, both edges of a band).

use std::collections::BTreeMap;

use cruscotto::eval::{thresholds, Data, Datum, Scope, Series};
use cruscotto::lang::{parse_target, CondKind, TargetBody, BENCHMARK_SERIES};
use cruscotto::plan::{default_plan, example_plan};

/// Every distinct target text of the default plan, with the short code of an indicator that
/// uses it.
fn notations() -> BTreeMap<String, Option<String>> {
    let plan = default_plan();
    let mut out = BTreeMap::new();
    for (_, _, i) in plan.indicators() {
        for text in i.targets.values().filter_map(|c| c.text.clone()) {
            out.entry(text).or_insert_with(|| i.short_code.clone());
        }
    }
    out
}

#[test]
fn every_notation_with_a_number_has_a_threshold() {
    // Data for every year: the indicator's values 2010..=2021 are 100 + year offset, the
    // benchmark is 0,5.
    let values: Series = (2010..=2021)
        .map(|y| (y, Datum::Number(f64::from(100 + y - 2010))))
        .collect();
    let mut data = Data::new();
    data.insert(
        BENCHMARK_SERIES.to_string(),
        (2010..=2021).map(|y| (y, Datum::Number(0.5))).collect(),
    );
    let all = notations();
    assert!(all.len() > 40, "{} notations", all.len());
    let mut drawn = 0;
    for (text, code) in &all {
        let target = parse_target(text).unwrap_or_else(|e| panic!("«{text}»: {e:?}"));
        let scope = Scope {
            values: Some(&values),
            code: code.as_deref(),
            ..Scope::new(&data)
        };
        let got = thresholds(&target, &scope, 2020);
        let none_expected = match &target.body {
            TargetBody::Baseline => true,
            TargetBody::Condition(c) => matches!(c.node, CondKind::Deadline(_)),
        };
        if none_expected {
            assert!(
                got.is_empty(),
                "«{text}» has no numeric threshold, got {got:?}"
            );
        } else {
            assert!(!got.is_empty(), "«{text}»: no threshold drawn");
            drawn += 1;
        }
    }
    assert!(drawn > 35, "{drawn} notations with a threshold");
}

#[test]
fn the_thresholds_are_the_right_numbers() {
    let values: Series = [(2016, Datum::Number(7.0)), (2019, Datum::Number(4.0))]
        .into_iter()
        .collect();
    let mut data = Data::new();
    data.insert(
        BENCHMARK_SERIES.to_string(),
        [(2020, Datum::Number(0.9))].into_iter().collect(),
    );
    let scope = Scope {
        values: Some(&values),
        code: Some("ITP"),
        ..Scope::new(&data)
    };
    let at = |text: &str| {
        let t = parse_target(text).unwrap_or_else(|e| panic!("«{text}»: {e:?}"));
        thresholds(&t, &scope, 2020)
    };
    let close = |a: Vec<f64>, b: &[f64]| {
        a.len() == b.len() && a.iter().zip(b).all(|(x, y)| (x - y).abs() < 1e-12)
    };
    assert!(close(at("ITP < -10"), &[-10.0]));
    assert!(close(at("ITP < -15"), &[-15.0]));
    assert!(close(at(">=80%"), &[0.8]));
    assert!(close(at("≥ 85%"), &[0.85]));
    assert!(close(at(">= 80%"), &[0.8]));
    assert!(close(at(">3,0"), &[3.0]));
    assert!(close(at("≥1"), &[1.0]));
    assert!(close(at("<10%"), &[0.1]));
    assert!(close(at("4,6"), &[4.6]));
    assert!(close(at("0%"), &[0.0]));
    assert!(close(at("X < X-1"), &[4.0]), "2019's value");
    assert!(close(at("X < X-4"), &[7.0]), "2016's value");
    assert!(at("X < X-2").is_empty(), "no 2018 value: nothing to draw");
    assert!(close(at("≥ media"), &[0.9]));
    assert!(close(at("> media cluster"), &[0.9]));
    assert!(close(
        at("scostamento max 0,02 da media cluster"),
        &[0.88, 0.92]
    ));
    assert!(at("Anno di rilevazione").is_empty());
    assert!(at("31/12/2020").is_empty());
}

/// The plan-level helper the chart reads: 9.10 (ITP) has its two negative targets.
#[test]
fn the_itp_indicator_has_its_negative_thresholds() {
    let plan = example_plan();
    let (_, _, itp) = plan
        .indicators()
        .find(|(_, _, i)| i.code == "9.10")
        .expect("9.10 in the example plan");
    assert_eq!(plan.thresholds(itp), vec![(2020, -10.0), (2021, -15.0)]);
    let (_, _, first) = plan
        .indicators()
        .find(|(_, _, i)| i.code == "1.1")
        .expect("1.1");
    assert_eq!(
        plan.thresholds(first),
        (2017..=2021).map(|y| (y, 1.0)).collect::<Vec<_>>()
    );
}
