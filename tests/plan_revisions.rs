//! Revisions: activity per year, and the plan as of a deliberation.
#![cfg(not(target_arch = "wasm32"))] // native: the browser tests are tests/browser.rs and tests/e2e

use cruscotto::plan::{default_plan, Plan};

fn codes(plan: &Plan) -> Vec<String> {
    plan.indicators().map(|(_, _, i)| i.code.clone()).collect()
}

fn events(plan: &Plan, code: &str) -> Vec<String> {
    plan.indicators()
        .find(|(_, _, i)| i.code == code)
        .map(|(_, _, i)| {
            i.revisions
                .iter()
                .map(|e| format!("{:?}:{}", e.kind, e.deliberation.as_deref().unwrap_or("?")))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn as_of_july_2018_applies_only_that_far() {
    let plan = default_plan();
    let then = plan.as_of("giunta-97-2018");
    let ids: Vec<&str> = then.deliberations.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["giunta-97-2018"]);
    let codes = codes(&then);
    // Inserted later (January 2019, December 2019): not there yet.
    for later in ["5.2", "6.2", "7.1", "7.4", "7.5", "9.10"] {
        assert!(!codes.contains(&later.to_string()), "{later}");
    }
    // Inserted by this very act: there.
    assert!(codes.contains(&"7.3".to_string()));
    assert_eq!(events(&then, "7.3"), ["Inserted:giunta-97-2018"]);
    // Eliminated later: still there and in force.
    assert!(codes.contains(&"9.11".to_string()));
    assert!(events(&then, "9.11").is_empty());
    let tp = then
        .indicators()
        .find(|(_, _, i)| i.code == "9.11")
        .unwrap()
        .2;
    assert!(then.activity(tp).is_active(2020));
    assert_eq!(codes.len(), 53 - 6);
}

#[test]
fn as_of_january_2019_includes_the_undated_2018_rolling() {
    let plan = default_plan();
    let then = plan.as_of("giunta-31-01-2019");
    let ids: Vec<&str> = then.deliberations.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["giunta-97-2018", "rolling-2018", "giunta-31-01-2019"]);
    assert_eq!(events(&then, "5.2"), ["Inserted:giunta-31-01-2019"]);
    assert_eq!(events(&then, "14.3"), ["Eliminated:rolling-2018"]);
    assert_eq!(events(&then, "2.4"), ["Eliminated:giunta-31-01-2019"]);
    assert_eq!(events(&then, "7.2"), Vec::<String>::new());
    assert_eq!(codes(&then).len(), 53 - 4);
}

#[test]
fn as_of_the_last_act_is_the_whole_plan() {
    let plan = default_plan();
    assert_eq!(plan.as_of("giunta-129-2019"), plan);
    // An unknown id changes nothing.
    assert_eq!(plan.as_of("nessuna"), plan);
}

#[test]
fn activity_follows_the_effective_year() {
    let plan = default_plan();
    let find = |code: &str| {
        plan.indicators()
            .find(|(_, _, i)| i.code == code)
            .unwrap()
            .2
    };
    // Eliminated by the January 2019 act (effective 2019).
    let a = plan.activity(find("2.4"));
    assert!(a.is_active(2018) && !a.is_active(2019) && a.eliminated(2020));
    // Inserted by the July 2018 act (effective 2018).
    let a = plan.activity(find("7.3"));
    assert!(a.before_insertion(2017) && a.is_active(2018));
    // Eliminated by an act the OCR cuts off, but no act is later than 02/12/2019: inactive
    // from 2020 at the latest, in force before.
    let a = plan.activity(find("7.6"));
    assert!(a.is_active(2019) && a.eliminated(2020) && !a.is_active(2021));
    // "rolling annuale 2018", year only: effective 2019.
    let a = plan.activity(find("14.3"));
    assert!(a.is_active(2018) && !a.is_active(2019));
}
