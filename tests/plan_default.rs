//! The embedded default plan: it loads, round-trips, and says what the seed says.
#![cfg(not(target_arch = "wasm32"))] // native: the browser tests are tests/browser.rs and tests/e2e

use cruscotto::eval::Polarity;
use cruscotto::lang::Lang;
use cruscotto::plan::{default_plan, load, to_json, Indicator, Plan, RevisionKind};

fn indicator<'a>(plan: &'a Plan, code: &str) -> &'a Indicator {
    plan.indicators()
        .map(|(_, _, i)| i)
        .find(|i| i.code == code)
        .unwrap_or_else(|| panic!("no indicator {code}"))
}

fn target<'a>(plan: &'a Plan, code: &str, year: i32) -> Option<&'a str> {
    indicator(plan, code).targets.get(&year)?.text.as_deref()
}

fn owners(plan: &Plan, code: &str) -> Vec<String> {
    indicator(plan, code)
        .owners
        .iter()
        .map(|id| plan.owner(id).unwrap().name.clone())
        .collect()
}

#[test]
fn the_embedded_json_loads_and_is_canonical() {
    let text = include_str!("../src/plan/default_plan.json");
    let plan = load(text).unwrap_or_else(|e| panic!("{e}: {:#?}", e.problems()));
    assert_eq!(plan, default_plan());
    assert_eq!(
        to_json(&plan),
        text.trim_end(),
        "src/plan/default_plan.json is not in canonical form: regenerate it with \
         `cargo run -- default-plan > src/plan/default_plan.json`"
    );
}

#[test]
fn round_trip_export_import_is_equal() {
    let plan = default_plan();
    let again = load(&to_json(&plan)).unwrap();
    assert_eq!(again, plan);
    assert_eq!(to_json(&again), to_json(&plan));
}

#[test]
fn both_layouts_are_serde_jsons() {
    // The page writes both layouts with one serializer type (plan::json_text): the same texts
    // as serde_json's own functions, and localStorage keeps the compact one.
    for plan in [default_plan(), cruscotto::plan::example_plan()] {
        assert_eq!(to_json(&plan), serde_json::to_string_pretty(&plan).unwrap());
        let compact = cruscotto::plan::to_compact_json(&plan);
        assert_eq!(compact, serde_json::to_string(&plan).unwrap());
        assert_eq!(load(&compact).unwrap(), plan);
    }
}

#[test]
fn missions_objectives_and_indicators_as_in_the_seed() {
    let plan = default_plan();
    assert_eq!(plan.title, "Cruscotto strategico");
    assert_eq!((plan.years.first, plan.years.last), (2016, 2021));
    let summary: Vec<(&str, &str, Vec<u32>, usize)> = plan
        .missions
        .iter()
        .map(|m| {
            (
                m.code.as_str(),
                m.name.as_str(),
                m.objectives.iter().map(|o| o.number).collect(),
                m.objectives.iter().map(|o| o.indicators.len()).sum(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        vec![
            (
                "011",
                "Competitività e sviluppo delle imprese",
                vec![1, 2, 3, 4, 5],
                17
            ),
            (
                "016",
                "Commercio internazionale e internazionalizzazione del sistema produttivo",
                vec![6],
                3
            ),
            ("012", "Regolazione dei mercati", vec![7], 6),
            (
                "032",
                "Servizi istituzionali e generali delle PA",
                vec![8, 9, 10, 11, 12, 13, 14],
                27
            ),
        ]
    );
    let per_objective: Vec<usize> = plan
        .missions
        .iter()
        .flat_map(|m| m.objectives.iter().map(|o| o.indicators.len()))
        .collect();
    assert_eq!(
        per_objective,
        vec![3, 7, 2, 1, 4, 3, 6, 1, 11, 2, 4, 2, 3, 4]
    );
    assert_eq!(plan.indicators().count(), 53);
    // Some objectives start in 2017.
    let starts: Vec<Option<i32>> = plan
        .missions
        .iter()
        .flat_map(|m| m.objectives.iter().map(|o| o.first_year))
        .collect();
    assert_eq!(starts[0], Some(2016));
    assert_eq!(starts[5..10], [Some(2017); 5]);
}

#[test]
fn no_actual_values_in_the_seed() {
    let plan = default_plan();
    assert!(plan
        .indicators()
        .all(|(_, _, i)| i.data.is_empty() && i.values.is_empty()));
}

#[test]
fn spot_checks_of_targets() {
    let plan = default_plan();
    assert_eq!(target(&plan, "1.1", 2017), Some("100%"));
    assert_eq!(target(&plan, "1.1", 2016), None);
    assert_eq!(target(&plan, "1.2", 2017), Some("<20%"));
    assert_eq!(target(&plan, "1.2", 2020), Some("0%"));
    assert_eq!(target(&plan, "2.2", 2018), Some("Anno di rilevazione"));
    assert_eq!(target(&plan, "2.2", 2019), Some("≥1")); // OCR "21"
    assert_eq!(target(&plan, "4.1", 2017), Some("≥90%")); // OCR "290%"
    assert_eq!(target(&plan, "4.1", 2021), Some("95%"));
    assert_eq!(target(&plan, "5.2", 2019), Some(">= 80%"));
    assert_eq!(target(&plan, "5.4", 2017), Some("≥3,5")); // OCR "235"
    assert_eq!(target(&plan, "6.2", 2020), Some("≥ 85%"));
    assert_eq!(target(&plan, "7.3", 2019), Some("31/12/2019"));
    assert_eq!(target(&plan, "9.1", 2018), Some("93%"));
    assert_eq!(target(&plan, "9.4", 2019), Some("4,6"));
    assert_eq!(target(&plan, "9.9", 2019), Some("≥ media")); // OCR ">amedio"
    assert_eq!(target(&plan, "9.10", 2020), Some("ITP < -10"));
    assert_eq!(target(&plan, "9.10", 2021), Some("ITP < -15"));
    assert_eq!(target(&plan, "9.11", 2017), Some("X < X-1")); // OCR "X< XA"
    assert_eq!(target(&plan, "10.1", 2020), Some("X < X-4"));
    assert_eq!(target(&plan, "10.2", 2019), Some(">94%"));
    assert_eq!(target(&plan, "11.1", 2017), Some(">3,0"));
    assert_eq!(target(&plan, "11.3", 2019), Some(">1,2"));
    assert_eq!(target(&plan, "13.3", 2020), Some("85%"));
    assert_eq!(target(&plan, "14.1", 2020), Some("69%"));
    assert_eq!(
        target(&plan, "14.3", 2017),
        Some("scostamento max 0,02 da media cluster")
    );
    assert_eq!(target(&plan, "14.3", 2019), Some("> media cluster"));
    assert_eq!(indicator(&plan, "9.10").short_code.as_deref(), Some("ITP"));
    assert_eq!(indicator(&plan, "9.8").polarity, Polarity::Lower);
    assert_eq!(
        indicator(&plan, "14.2").formula.as_deref(),
        Some("(costi / proventi) / (costi[x-1] / proventi[x-1])")
    );
    assert_eq!(
        indicator(&plan, "5.3").formula.as_deref(),
        Some("accessi_biblioteca / accessi_biblioteca[x-1]")
    );
}

#[test]
fn unreadable_cells_are_unknown_with_a_note() {
    let plan = default_plan();
    let mut unknown = 0;
    for (_, _, i) in plan.indicators() {
        for cell in i.targets.values() {
            if cell.text.is_none() {
                unknown += 1;
                assert!(
                    cell.note.as_deref().is_some_and(|n| !n.is_empty()),
                    "{}",
                    i.code
                );
            }
        }
    }
    assert_eq!(unknown, 20);
    let cell = indicator(&plan, "1.3").targets.get(&2018).expect("2018");
    assert!(cell
        .note
        .as_deref()
        .unwrap()
        .contains("illeggibile nell'OCR"));
}

#[test]
fn spot_checks_of_owners() {
    let plan = default_plan();
    assert_eq!(owners(&plan, "1.1"), ["S. Anagrafico Certificativo"]);
    assert_eq!(owners(&plan, "1.2"), ["S. Innovazione e Digitalizzazione"]);
    assert_eq!(
        owners(&plan, "2.7"),
        [
            "S. Promozione Sviluppo Economico",
            "S. Innovazione e Digitalizzazione"
        ]
    );
    assert_eq!(owners(&plan, "9.8"), ["S. Staff"]);
    assert_eq!(
        owners(&plan, "9.10"),
        ["S. Gestione Risorse Finanziarie e Patrimoni"]
    );
    assert_eq!(owners(&plan, "11.2"), ["S. Segreteria Generale"]);
    assert_eq!(
        owners(&plan, "7.3"),
        ["S. Regolazione Mercato Tutela Consumatore"]
    );
    assert!(
        owners(&plan, "7.1").is_empty(),
        "owner unreadable in the OCR"
    );
}

#[test]
fn deliberations_as_in_the_seed() {
    let plan = default_plan();
    let labels =
        |lang| -> Vec<String> { plan.deliberations.iter().map(|d| d.label(lang)).collect() };
    assert_eq!(
        labels(Lang::It),
        [
            "Giunta n. 97 del 26/07/2018",
            "organo non indicato n. ? (2018)",
            "Giunta n. ? del 31/01/2019",
            "Giunta n. 129 del 02/12/2019",
        ]
    );
    // In English the act is cited in English; the organ is the plan's own word.
    assert_eq!(
        labels(Lang::En),
        [
            "Giunta no. 97 of 26/07/2018",
            "body not stated no. ? (2018)",
            "Giunta no. ? of 31/01/2019",
            "Giunta no. 129 of 02/12/2019",
        ]
    );
    let january = plan.deliberation("giunta-31-01-2019").unwrap();
    assert_eq!(
        january.number, None,
        "the source has no number: never invented"
    );
    assert_eq!(january.effective_from(), Some(2019));
    let december = plan.deliberation("giunta-129-2019").unwrap();
    assert_eq!(december.effective_from(), Some(2020));
}

#[test]
fn eliminated_indicators_with_their_act() {
    let plan = default_plan();
    let eliminated: Vec<(&str, Option<&str>)> = plan
        .indicators()
        .flat_map(|(_, _, i)| {
            i.revisions
                .iter()
                .filter(|e| e.kind == RevisionKind::Eliminated)
                .map(move |e| (i.code.as_str(), e.deliberation.as_deref()))
        })
        .collect();
    assert_eq!(
        eliminated,
        [
            ("2.4", Some("giunta-31-01-2019")),
            ("2.5", Some("giunta-31-01-2019")),
            ("2.6", Some("giunta-31-01-2019")),
            ("3.2", Some("giunta-31-01-2019")),
            ("6.1", Some("giunta-31-01-2019")),
            ("7.2", Some("giunta-129-2019")),
            ("7.6", None),
            ("9.11", Some("giunta-129-2019")),
            ("13.1", Some("giunta-31-01-2019")),
            ("14.3", Some("rolling-2018")),
        ]
    );
    // Eliminated in December 2019 (effective 2020): in force up to 2019 only.
    let tp = indicator(&plan, "9.11");
    let activity = plan.activity(tp);
    assert!(activity.is_active(2019) && !activity.is_active(2020));
}

#[test]
fn inserted_in_december_2019_have_targets_from_2020() {
    let plan = default_plan();
    for code in ["7.1", "9.10"] {
        let i = indicator(&plan, code);
        assert!(i.revisions.iter().any(|e| e.kind == RevisionKind::Inserted
            && e.deliberation.as_deref() == Some("giunta-129-2019")));
        assert_eq!(i.targets.keys().next(), Some(&2020), "{code}");
        let activity = plan.activity(i);
        assert!(!activity.is_active(2019) && activity.is_active(2020));
    }
    // Inserted by the January 2019 act: targets from 2019.
    assert_eq!(indicator(&plan, "5.2").targets.keys().next(), Some(&2019));
    assert_eq!(indicator(&plan, "6.2").targets.keys().next(), Some(&2019));
}

#[test]
fn every_target_and_formula_parses_in_the_language() {
    use cruscotto::lang::{parse_formula, parse_target};
    let plan = default_plan();
    let mut targets = 0;
    for (_, _, i) in plan.indicators() {
        let formula = i.formula.as_deref().unwrap_or_else(|| panic!("{}", i.code));
        let parsed = parse_formula(formula).unwrap_or_else(|d| panic!("{}: {d:?}", i.code));
        for measure in parsed.measures() {
            assert!(
                measure
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
                "{}: measure {measure} is not snake_case",
                i.code
            );
        }
        for (year, cell) in &i.targets {
            if let Some(text) = &cell.text {
                parse_target(text).unwrap_or_else(|d| panic!("{} {year} «{text}»: {d:?}", i.code));
                targets += 1;
            }
        }
    }
    assert_eq!(targets, 220); // + 20 unknown cells = 240
}

/// The plan's notes are printed in the page: they speak to a user, never of the repository's files.
#[test]
fn no_repository_paths_in_the_plan_text() {
    let text = to_json(&default_plan());
    for path in ["docs/", "src/", ".md", ".rs\"", "tests/"] {
        assert!(
            !text.contains(path),
            "the default plan names a repository path ({path})"
        );
    }
}
