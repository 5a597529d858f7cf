//! Plan evaluation: statuses per indicator and year, inactive years, weighted roll-ups.
#![cfg(not(target_arch = "wasm32"))] // native: the browser tests are tests/browser.rs and tests/e2e

use cruscotto::eval::{Status, Trace};
use cruscotto::lang::Lang;
use cruscotto::plan::{default_plan, example_plan, load, Plan, PlanReport, EXAMPLE_TITLE};

fn minimal() -> Plan {
    load(include_str!("fixtures/minimal_plan.json")).unwrap()
}

fn status(report: &PlanReport, code: &str, year: i32) -> (Status, Option<f64>) {
    let outcome = report
        .missions
        .iter()
        .flat_map(|m| &m.objectives)
        .flat_map(|o| &o.indicators)
        .find(|i| i.code == code)
        .unwrap()
        .outcomes
        .get(&year)
        .unwrap();
    (outcome.status, outcome.score)
}

#[test]
fn statuses_per_year() {
    let report = minimal().evaluate();
    assert_eq!(report.years, vec![2018, 2019, 2020]);
    assert_eq!(status(&report, "1.1", 2018).0, Status::Baseline);
    assert_eq!(status(&report, "1.1", 2019), (Status::Met, Some(100.0)));
    let (s, score) = status(&report, "1.1", 2020);
    assert!(matches!(s, Status::Partial | Status::NotMet), "{s:?}");
    assert!(score.unwrap() < 100.0);
    assert_eq!(status(&report, "1.2", 2019), (Status::Met, Some(100.0)));
    // Eliminated by an act of 15/12/2019: inactive from 2020.
    assert_eq!(status(&report, "1.2", 2020), (Status::Inactive, None));
}

#[test]
fn weighted_roll_up_of_active_indicators() {
    let report = minimal().evaluate();
    let mission = &report.missions[0];
    let objective = &mission.objectives[0];
    assert_eq!(
        objective.scores.get(&2018),
        Some(&None),
        "baselines have no score"
    );
    assert_eq!(objective.scores.get(&2019), Some(&Some(100.0)));
    let s2020 = status(&report, "1.1", 2020).1;
    assert_eq!(
        *objective.scores.get(&2020).expect("2020"),
        s2020,
        "only the active indicator counts"
    );
    assert_eq!(mission.scores, objective.scores);
    assert_eq!(report.scores, mission.scores);

    // Weights: 1.1 counts three times as much as 1.2.
    let mut plan = minimal();
    plan.missions[0].objectives[0].indicators[0].weight = 3.0;
    plan.missions[0].objectives[0].indicators[1]
        .targets
        .get_mut(&2019)
        .unwrap()
        .text = Some(">2".into());
    let report = plan.evaluate();
    let s11 = status(&report, "1.1", 2019).1.unwrap();
    let s12 = status(&report, "1.2", 2019).1.unwrap();
    let expected = (3.0 * s11 + s12) / 4.0;
    let got = report.missions[0].objectives[0]
        .scores
        .get(&2019)
        .copied()
        .flatten()
        .unwrap();
    assert!((got - expected).abs() < 1e-9, "{got} vs {expected}");
}

#[test]
fn default_plan_has_no_data_so_no_scores() {
    let plan = default_plan();
    let report = plan.evaluate();
    assert_eq!(report.years, (2016..=2021).collect::<Vec<_>>());
    for m in &report.missions {
        assert!(m.scores.values().all(Option::is_none));
        for o in &m.objectives {
            for i in &o.indicators {
                assert_eq!(
                    i.outcomes.get(&2016).expect("2016").status,
                    Status::Inactive,
                    "{}",
                    i.code
                );
                for out in i.outcomes.values() {
                    assert!(
                        matches!(
                            out.status,
                            Status::Inactive | Status::NoData | Status::Baseline
                        ),
                        "{}: {:?}",
                        i.code,
                        out
                    );
                }
            }
        }
    }
    // ITP: inserted in December 2019, targets from 2020.
    assert_eq!(status(&report, "9.10", 2019).0, Status::Inactive);
    assert_eq!(status(&report, "9.10", 2020).0, Status::NoData);
    // Unknown cells are n.d. with the note as the reason.
    let trace = &report.missions[0].objectives[0].indicators[2]
        .outcomes
        .get(&2018)
        .expect("2018")
        .trace;
    assert!(trace.contains("illeggibile nell'OCR"), "{trace}");
    // 7.4: inserted in December 2019 but with a 2017 baseline: baseline shown, 2018 inactive.
    assert_eq!(status(&report, "7.4", 2017).0, Status::Baseline);
    assert_eq!(status(&report, "7.4", 2018).0, Status::Inactive);
}

#[test]
fn example_data_is_labelled_and_shows_the_dashboard_at_work() {
    let example = example_plan();
    assert_eq!(example.title, EXAMPLE_TITLE);
    assert!(example.title.contains("dati di esempio"));
    assert!(example.notes[0].starts_with("DATI DI ESEMPIO"));
    assert!(default_plan()
        .indicators()
        .all(|(_, _, i)| i.data.is_empty()));
    // Still a valid plan, through the exchange format.
    let again = load(&cruscotto::plan::to_json(&example)).unwrap();
    assert_eq!(again, example);
    let report = example.evaluate();
    let all: Vec<Status> = report
        .missions
        .iter()
        .flat_map(|m| &m.objectives)
        .flat_map(|o| &o.indicators)
        .flat_map(|i| i.outcomes.values().map(|o| o.status))
        .collect();
    for wanted in [
        Status::Met,
        Status::NotMet,
        Status::Baseline,
        Status::Inactive,
        Status::NoData,
    ] {
        assert!(all.contains(&wanted), "{wanted:?} missing");
    }
    assert!(report
        .missions
        .iter()
        .all(|m| m.scores.get(&2019).is_some_and(Option::is_some)));
    assert!(report
        .scores
        .get(&2019)
        .copied()
        .flatten()
        .is_some_and(|s| (0.0..=100.0).contains(&s)));
}

/// A plan of `n` indicators × 6 years (for the speed check below).
fn big_plan(n: usize) -> Plan {
    let mut plan = example_plan();
    let template = plan.missions[3].objectives[1].indicators[6].clone(); // 9.7, a % share
    let objective = &mut plan.missions[3].objectives[1];
    objective.indicators = (0..n)
        .map(|k| {
            let mut i = template.clone();
            i.code = format!("X.{k}");
            i
        })
        .collect();
    plan
}

#[test]
fn large_plans_evaluate() {
    let plan = big_plan(2_000);
    let report = plan.evaluate();
    assert_eq!(report.missions[3].objectives[1].indicators.len(), 2_000);
}

/// The app evaluates indicator by indicator with a parse cache kept across edits: the outcomes
/// must be those of the whole-plan evaluation, also after a target text changes.
#[test]
fn one_indicator_at_a_time_gives_the_same_outcomes() {
    let mut plan = example_plan();
    let mut parsed = cruscotto::plan::ParseCache::default();
    for round in 0..2 {
        let whole = plan.evaluate();
        for (m, mission) in plan.missions.iter().zip(&whole.missions) {
            for (o, objective) in m.objectives.iter().zip(&mission.objectives) {
                for (i, report) in o.indicators.iter().zip(&objective.indicators) {
                    let alone = plan.evaluate_indicator(o, i, &mut parsed, Lang::It, Trace::On);
                    assert_eq!(
                        alone.outcomes, report.outcomes,
                        "{} (round {round})",
                        i.code
                    );
                }
            }
        }
        // Change one target text: the cache must not serve the old parse.
        let cell = plan.missions[0].objectives[0].indicators[0]
            .targets
            .get_mut(&2019)
            .expect("1.1 has a 2019 target");
        cell.text = Some(">= 10%".into());
    }
}
