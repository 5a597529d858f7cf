//! Judging without traces (`Trace::Off`, the app's path and the roll-ups') gives the same
//! values, statuses and scores, bit for bit, as the traced evaluation; `Plan::explain` writes
//! the traces `Plan::evaluate` gives.
#![cfg(not(target_arch = "wasm32"))] // native: the browser tests are tests/browser.rs and tests/e2e

use cruscotto::eval::{evaluate, judge, Datum, Outcome, Polarity, Scope, Series, Trace, Value};
use cruscotto::lang::{parse_target, Lang};
use cruscotto::plan::{default_plan, example_plan, ParseCache, Plan, PlanReport, Scores};
use proptest::prelude::*;

fn bits(v: &Value) -> String {
    match v {
        Value::Number(x) => format!("n{:016x}", x.to_bits()),
        other => format!("{other:?}"),
    }
}

fn same_judgement(traced: &Outcome, untraced: &Outcome, what: &str) {
    assert_eq!(bits(&traced.value), bits(&untraced.value), "{what}");
    assert_eq!(traced.status, untraced.status, "{what}");
    assert_eq!(
        traced.score.map(f64::to_bits),
        untraced.score.map(f64::to_bits),
        "{what}"
    );
    assert!(!traced.trace.is_empty(), "{what}");
    assert!(untraced.trace.is_empty(), "{what}: {}", untraced.trace);
}

fn same_scores(a: &Scores, b: &Scores, what: &str) {
    let a: Vec<_> = a.iter().map(|(y, s)| (*y, s.map(f64::to_bits))).collect();
    let b: Vec<_> = b.iter().map(|(y, s)| (*y, s.map(f64::to_bits))).collect();
    assert_eq!(a, b, "{what}");
}

/// Every outcome and every roll-up of the two reports, compared.
fn same_reports(traced: &PlanReport, untraced: &PlanReport) {
    same_scores(&traced.scores, &untraced.scores, "plan");
    for (m, mu) in traced.missions.iter().zip(&untraced.missions) {
        same_scores(&m.scores, &mu.scores, &m.code);
        for (o, ou) in m.objectives.iter().zip(&mu.objectives) {
            same_scores(&o.scores, &ou.scores, &o.number.to_string());
            for (i, iu) in o.indicators.iter().zip(&ou.indicators) {
                assert_eq!(i.outcomes.len(), iu.outcomes.len());
                for ((y, a), (yu, b)) in i.outcomes.iter().zip(&iu.outcomes) {
                    assert_eq!(y, yu);
                    same_judgement(a, b, &format!("{} {y}", i.code));
                }
            }
        }
    }
}

fn check_plan(plan: &Plan) {
    let traced = plan.evaluate();
    let mut parsed = ParseCache::default();
    let untraced = plan.evaluate_with(&mut parsed, Trace::Off);
    same_reports(&traced, &untraced);
    // Again with the texts already parsed: the same.
    same_reports(&traced, &plan.evaluate_with(&mut parsed, Trace::Off));
    assert_eq!(traced, plan.evaluate_with(&mut parsed, Trace::On));
    // The traces written on demand are those of the whole evaluation.
    let reports = traced.missions.iter().flat_map(|m| &m.objectives);
    for (objective, report) in plan
        .missions
        .iter()
        .flat_map(|m| &m.objectives)
        .zip(reports)
    {
        for (i, r) in objective.indicators.iter().zip(&report.indicators) {
            let traces = plan.explain(objective, i, &mut parsed, Lang::It);
            let expected: Vec<_> = r.outcomes.iter().map(|(y, o)| (*y, &o.trace)).collect();
            let got: Vec<_> = traces.iter().map(|(y, t)| (*y, t)).collect();
            assert_eq!(got, expected, "{}", i.code);
        }
    }
}

#[test]
fn the_default_plan_judges_the_same_without_traces() {
    check_plan(&default_plan());
}

#[test]
fn the_example_data_judge_the_same_without_traces() {
    check_plan(&example_plan());
}

/// The example plan with its data changed: some data scaled, some removed, some set to zero
/// (division by zero), polarity flipped.
fn perturbed(changes: &[(u8, f64)], flip: &[bool]) -> Plan {
    let mut plan = example_plan();
    let mut k = 0usize;
    for (n, indicator) in plan
        .missions
        .iter_mut()
        .flat_map(|m| m.objectives.iter_mut())
        .flat_map(|o| o.indicators.iter_mut())
        .enumerate()
    {
        if flip.get(n % flip.len().max(1)).copied().unwrap_or(false) {
            indicator.polarity = match indicator.polarity {
                Polarity::Higher => Polarity::Lower,
                Polarity::Lower => Polarity::Higher,
            };
        }
        for series in indicator.data.values_mut() {
            let years: Vec<i32> = series.keys().copied().collect();
            for y in years {
                let (what, factor) = changes[k % changes.len()];
                k += 1;
                match what % 5 {
                    0 => {
                        series.remove(&y);
                    }
                    1 => {
                        series.insert(y, Datum::Number(0.0));
                    }
                    2 | 3 => {
                        if let Some(Datum::Number(x)) = series.get_mut(&y) {
                            *x *= factor;
                        }
                    }
                    _ => {}
                }
            }
        }
    }
    plan
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn perturbed_plans_judge_the_same_without_traces(
        changes in prop::collection::vec((any::<u8>(), -3.0f64..3.0), 1..40),
        flip in prop::collection::vec(any::<bool>(), 1..8),
    ) {
        let plan = perturbed(&changes, &flip);
        let traced = plan.evaluate();
        let untraced = plan.evaluate_with(&mut ParseCache::default(), Trace::Off);
        same_reports(&traced, &untraced);
    }

    /// One target against one value, every notation the language has.
    #[test]
    fn targets_judge_the_same_without_traces(
        text in prop::sample::select(vec![
            "100%", ">=80%", "≥ 85%", "<20%", ">1", "<1", ">3,5", "X < X-1", "X < X-4",
            "> media cluster", "≥ media", "scostamento max 0,02 da media cluster", "ITP < -10",
            "31/12/2019", "Anno di rilevazione", "tra 3 e 5", ">= 80% parziale da 50%",
            "non (> 1 e < 2)", "> 1 o < 0,5",
        ]),
        values in prop::collection::vec(prop::option::of(-5.0f64..5.0), 6),
        cluster in prop::option::of(-5.0f64..5.0),
        lower in any::<bool>(),
    ) {
        let target = parse_target(text).expect("a target of the language");
        let own: Series = (2016..).zip(&values)
            .filter_map(|(y, v)| v.map(|v| (y, Datum::Number(v))))
            .collect();
        let mut data = cruscotto::eval::Data::new();
        if let Some(c) = cluster {
            data.insert("media_cluster".into(), [(2021, Datum::Number(c))].into());
        }
        let scope = Scope {
            values: Some(&own),
            polarity: if lower { Polarity::Lower } else { Polarity::Higher },
            code: Some("ITP"),
            years: Some((2016, 2021)),
            ..Scope::new(&data)
        };
        for year in [Some(2021), Some(2016), None] {
            same_judgement(
                &evaluate(&target, &scope, year),
                &judge(&target, &scope, year),
                &format!("{text} {year:?}"),
            );
        }
    }
}
