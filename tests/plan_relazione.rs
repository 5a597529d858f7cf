//! The Relazione sulla performance for a year: its content from the evaluated plan, the
//! Markdown (snapshot of the sample plan) and the self-contained HTML.
#![cfg(not(target_arch = "wasm32"))] // native: the browser tests are tests/browser.rs and tests/e2e

use cruscotto::eval::Status;
use cruscotto::lang::Lang;
use cruscotto::plan::relazione::{relazione, to_html, to_markdown, Relazione};
use cruscotto::plan::{example_plan, Plan};

fn report_of(plan: &Plan, year: i32) -> Relazione {
    relazione(plan, &plan.evaluate(), year, Lang::It).expect("a year of the plan")
}

/// The sample plan with reasons for two gaps of 2019.
fn sample() -> Plan {
    let mut plan = example_plan();
    let report = plan.evaluate();
    let missed: Vec<String> = report
        .missions
        .iter()
        .flat_map(|m| &m.objectives)
        .flat_map(|o| &o.indicators)
        .filter(|i| {
            i.outcomes
                .get(&2019)
                .is_some_and(|o| matches!(o.status, Status::NotMet | Status::Partial))
        })
        .map(|i| i.code.clone())
        .take(2)
        .collect();
    assert_eq!(missed.len(), 2, "the sample has gaps in 2019");
    for i in plan
        .missions
        .iter_mut()
        .flat_map(|m| m.objectives.iter_mut())
        .flat_map(|o| o.indicators.iter_mut())
        .filter(|i| missed.contains(&i.code))
    {
        i.reasons.insert(
            2019,
            format!("Carenza di personale nel servizio (indicatore {})", i.code),
        );
    }
    plan
}

#[test]
fn the_markdown_of_the_sample_plan() {
    let md = to_markdown(&report_of(&sample(), 2019), Lang::It);
    insta::assert_snapshot!(md);
}

#[test]
fn the_summary_counts_the_indicators_in_force() {
    let plan = sample();
    let report = plan.evaluate();
    let r = report_of(&plan, 2019);
    let statuses: Vec<Status> = report
        .missions
        .iter()
        .flat_map(|m| &m.objectives)
        .flat_map(|o| &o.indicators)
        .filter_map(|i| i.outcomes.get(&2019).map(|o| o.status))
        .collect();
    let count = |s: Status| statuses.iter().filter(|x| **x == s).count();
    let s = r.summary;
    assert_eq!(
        (s.met, s.partial, s.not_met, s.no_data, s.baseline),
        (
            count(Status::Met),
            count(Status::Partial),
            count(Status::NotMet),
            count(Status::NoData),
            count(Status::Baseline)
        )
    );
    let rows: usize = r
        .missions
        .iter()
        .flat_map(|m| &m.objectives)
        .map(|o| o.indicators.len())
        .sum();
    assert_eq!(rows, statuses.len() - count(Status::Inactive));
    // Scores are the plan's roll-ups.
    assert_eq!(r.score, report.scores.get(&2019).copied().flatten());
    assert_eq!(
        r.missions[0].score,
        report.missions[0].scores.get(&2019).copied().flatten()
    );
    // Reasons are carried; a gap without one is marked, gently.
    let md = to_markdown(&r, Lang::It);
    assert!(md.contains("Carenza di personale nel servizio"));
    let unexplained = r
        .missions
        .iter()
        .flat_map(|m| &m.objectives)
        .flat_map(|o| &o.indicators)
        .filter(|i| matches!(i.status, Status::NotMet | Status::Partial) && i.reason.is_empty())
        .count();
    assert_eq!(md.matches("*(da motivare)*").count(), unexplained);
    // A year outside the plan has no report.
    assert!(relazione(&plan, &report, 2030, Lang::It).is_none());
}

#[test]
fn the_html_is_one_self_contained_file_that_prints_on_a4() {
    let mut plan = sample();
    plan.missions[0].objectives[0].indicators[0].name = "<script>alert(1)</script> & co".into();
    let r = report_of(&plan, 2019);
    let html = to_html(&r, Lang::It);
    assert!(html.starts_with("<!DOCTYPE html>"));
    // Nothing fetched from elsewhere: no scripts, no links, no external images.
    for outside in ["<script", "<link", "src=", "href=", "url("] {
        assert!(!html.contains(outside), "{outside}");
    }
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"));
    // A4, a page per mission, each headed by the body and the year.
    assert!(html.contains("@page { size: A4"));
    assert!(html.contains("section.mission { break-before: page; }"));
    let running = format!("{} · Relazione sulla performance 2019", r.body);
    assert_eq!(html.matches(&running).count(), r.missions.len() + 1);
    // One chart per objective with a scored indicator, one bar each.
    let scored_objectives = r
        .missions
        .iter()
        .flat_map(|m| &m.objectives)
        .filter(|o| o.indicators.iter().any(|i| i.score.is_some()))
        .count();
    assert_eq!(html.matches("<svg ").count(), scored_objectives);
    assert!(html.contains("Carenza di personale nel servizio"));
    // English on request.
    let en = to_html(
        &relazione(&plan, &plan.evaluate(), 2019, Lang::En).unwrap(),
        Lang::En,
    );
    assert!(en.contains("Performance report 2019") && en.contains("Reason for the gap"));
}
