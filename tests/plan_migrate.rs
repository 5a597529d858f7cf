//! Older versions of the format go through a migration to the current one.
#![cfg(not(target_arch = "wasm32"))] // native: the browser tests are tests/browser.rs and tests/e2e

use cruscotto::plan::{load, RevisionKind, FORMAT_VERSION};

#[test]
fn version_0_is_migrated() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/v0_plan.json"
    ))
    .unwrap();
    let plan = load(&text).unwrap();
    assert_eq!(plan.version, FORMAT_VERSION);
    assert_eq!(plan.title, "Piano in formato versione 0");
    assert_eq!(plan.body, "Ente di prova");
    assert_eq!((plan.years.first, plan.years.last), (2018, 2020));
    // Owners by name became a list referenced by id.
    assert_eq!(plan.owners.len(), 1);
    assert_eq!(plan.owners[0].id, "s-anagrafico-certificativo");
    assert_eq!(plan.owners[0].name, "S. Anagrafico Certificativo");
    let ind: Vec<_> = plan.indicators().map(|(_, _, i)| i).collect();
    assert_eq!(
        ind[0].owners,
        vec!["s-anagrafico-certificativo".to_string()]
    );
    assert_eq!(
        ind[0].targets.get(&2019).expect("2019").text.as_deref(),
        Some("100%")
    );
    assert_eq!(
        ind[0].formula_text,
        "n° fascicoli creati / n° fascicoli ricevuti"
    );
    // Polarity words, unknown targets, inline acts.
    assert_eq!(ind[1].polarity, cruscotto::eval::Polarity::Lower);
    assert_eq!(ind[1].targets.get(&2019).expect("2019").text, None);
    assert!(ind[1].targets.get(&2019).expect("2019").note.is_some());
    assert_eq!(ind[1].revisions[0].kind, RevisionKind::Eliminated);
    let act = plan
        .deliberation(ind[1].revisions[0].deliberation.as_deref().unwrap())
        .unwrap();
    assert_eq!(act.number, Some(129));
    assert_eq!(act.date.unwrap().to_string(), "02/12/2019");
    // Exported, it is a current-version plan that loads as is.
    let again = load(&cruscotto::plan::to_json(&plan)).unwrap();
    assert_eq!(again, plan);
}

#[test]
fn a_broken_version_0_says_where() {
    let text = r#"{"format": "cruscotto-plan", "version": 0, "titolo": "x", "ente": "y",
                   "anni": [2018], "missioni": []}"#;
    let problems = load(text).unwrap_err().problems();
    assert_eq!(problems[0].path, "anni");
    let text = r#"{"format": "cruscotto-plan", "version": 0, "titolo": "x", "ente": "y",
                   "anni": [2018, 2020], "missioni": [{"codice": "011", "obiettivi": 3}]}"#;
    let problems = load(text).unwrap_err().problems();
    assert_eq!(problems[0].path, "missioni[0].obiettivi");
}
