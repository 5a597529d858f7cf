//! Older versions of the format go through a migration to the current one.
#![cfg(not(target_arch = "wasm32"))] // native: the browser tests are tests/browser.rs and tests/e2e

use cruscotto::plan::{load, LoadError, RevisionKind, FORMAT_VERSION};

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

/// A version-0 document with these members besides the envelope.
fn v0(members: &str) -> String {
    format!(r#"{{"format": "cruscotto-plan", "version": 0, {members}}}"#)
}

/// A version-0 document with one indicator, written `indicator`.
fn v0_indicator(indicator: &str) -> String {
    v0(&format!(
        r#""titolo": "x", "ente": "y", "anni": [2018, 2020], "missioni": [{{"codice": "011",
            "nome": "m", "obiettivi": [{{"numero": 1, "titolo": "o", "indicatori": [{indicator}]}}]}}]"#
    ))
}

#[test]
fn version_0_migrates_to_this_version_1_plan() {
    let old = v0(r#"
        "titolo": "Piano \"vecchio\"", "ente": "Ente", "anni": [2018, 2020], "colore": [1, {"a": 2}],
        "missioni": [
          { "codice": "011", "nome": "Competitività", "obiettivi": [
            { "numero": 1, "titolo": "Primo", "indicatori": [
              { "codice": "1.1", "nome": "Fascicoli", "algoritmo": "n° creati / n° ricevuti",
                "formula": "creati / ricevuti", "polarita": "alto", "owner": "S. Anagrafico Certificativo",
                "target": { "2020": "100%", "2019": null, "2018": "Anno di rilevazione", "2019": ">=80%" } },
              { "codice": "1.2", "nome": "Comunicazioni", "formula": null, "polarita": "basso",
                "owner": "S. Anagrafico Certificativo", "target": { "2019": null },
                "eliminato": { "organo": "Giunta", "numero": 129, "data": "2/12/2019" } }
            ] } ] },
          { "codice": "032", "nome": "Servizi", "obiettivi": [
            { "numero": 2, "titolo": "Secondo", "indicatori": [
              { "codice": "2.1", "nome": "Accessi", "algoritmo": "", "polarita": "BASSO", "owner": "S. Staff",
                "eliminato": { "organo": "Giunta", "numero": 129, "data": "2/12/2019", "nota": "ignorata" } },
              { "codice": "2.2", "nome": "Tempi", "owner": null, "polarita": null, "target": null,
                "eliminato": { "organo": "Giunta", "data": "31/01/2019" } }
            ] } ] }
        ]"#);
    let new = r#"{
      "format": "cruscotto-plan", "version": 1, "title": "Piano \"vecchio\"", "body": "Ente",
      "years": { "first": 2018, "last": 2020 },
      "notes": ["Migrato dal formato versione 0."],
      "owners": [
        { "id": "s-anagrafico-certificativo", "name": "S. Anagrafico Certificativo" },
        { "id": "s-staff", "name": "S. Staff" }
      ],
      "deliberations": [
        { "id": "giunta-129-2-12-2019", "organ": "Giunta", "number": 129, "date": "02/12/2019" },
        { "id": "giunta-null-31-01-2019", "organ": "Giunta", "number": null, "date": "31/01/2019" }
      ],
      "missions": [
        { "code": "011", "name": "Competitività", "objectives": [
          { "number": 1, "title": "Primo", "indicators": [
            { "code": "1.1", "name": "Fascicoli", "formula": "creati / ricevuti",
              "formula_text": "n° creati / n° ricevuti", "polarity": "higher",
              "owners": ["s-anagrafico-certificativo"],
              "targets": { "2018": { "text": "Anno di rilevazione" }, "2019": { "text": ">=80%" },
                           "2020": { "text": "100%" } } },
            { "code": "1.2", "name": "Comunicazioni", "formula": null, "formula_text": "Comunicazioni",
              "polarity": "lower", "owners": ["s-anagrafico-certificativo"],
              "targets": { "2019": { "text": null, "note": "sconosciuto (versione 0)" } },
              "revisions": [ { "kind": "eliminato", "deliberation": "giunta-129-2-12-2019" } ] }
          ] } ] },
        { "code": "032", "name": "Servizi", "objectives": [
          { "number": 2, "title": "Secondo", "indicators": [
            { "code": "2.1", "name": "Accessi", "formula": null, "formula_text": "", "polarity": "higher",
              "owners": ["s-staff"], "targets": {},
              "revisions": [ { "kind": "eliminato", "deliberation": "giunta-129-2-12-2019" } ] },
            { "code": "2.2", "name": "Tempi", "formula": null, "formula_text": "Tempi", "polarity": "higher",
              "owners": [], "targets": {},
              "revisions": [ { "kind": "eliminato", "deliberation": "giunta-null-31-01-2019" } ] }
          ] } ] }
      ]
    }"#;
    assert_eq!(load(&old).unwrap(), load(new).unwrap());
}

#[test]
fn version_0_repeated_members_count_once_the_last() {
    let plan = load(&v0_indicator(
        r#"{"codice": "1.1", "codice": "1.2", "nome": "n", "target": {"2019": "<1", "2019": ">1"}}"#,
    ))
    .unwrap();
    let indicator = &plan.missions[0].objectives[0].indicators[0];
    assert_eq!(indicator.code, "1.2");
    assert_eq!(
        indicator.targets.get(&2019).unwrap().text.as_deref(),
        Some(">1")
    );
}

#[test]
fn a_version_0_value_of_the_wrong_type_is_reported_at_its_version_1_path() {
    let m = "missions[0].objectives[0]";
    let i = &format!("{m}.indicators[0]");
    // (version-0 document, path, Italian message)
    let cases = [
        (
            v0(r#""titolo": 5, "ente": "y", "anni": [2018, 2020]"#),
            "title".to_string(),
            "tipo errato: trovato il numero `5`, atteso un testo",
        ),
        (
            v0(r#""titolo": "x", "anni": [2018, 2020]"#),
            "body".to_string(),
            "tipo errato: trovato null, atteso un testo",
        ),
        (
            v0(r#""titolo": "x", "ente": "y", "anni": [2018, "2020"]"#),
            "years.last".to_string(),
            "tipo errato: trovato il testo \"2020\", atteso un numero intero",
        ),
        (
            v0_indicator(r#"{"codice": 5, "nome": "n"}"#),
            format!("{i}.code"),
            "tipo errato: trovato il numero `5`, atteso un testo",
        ),
        (
            v0_indicator(r#"{"codice": "1.1"}"#),
            format!("{i}.formula_text"),
            "tipo errato: trovato null, atteso un testo",
        ),
        (
            v0_indicator(r#"{"codice": "1.1", "nome": "n", "formula": [1]}"#),
            format!("{i}.formula"),
            "tipo errato: trovato un elenco [ … ], atteso un testo",
        ),
        (
            v0_indicator(r#"{"codice": "1.1", "nome": "n", "algoritmo": {"a": 1}}"#),
            format!("{i}.formula_text"),
            "tipo errato: trovato un oggetto { … }, atteso un testo",
        ),
        (
            v0_indicator(r#"{"codice": "1.1", "nome": "n", "target": {"2019": 80}}"#),
            format!("{i}.targets.2019.text"),
            "tipo errato: trovato il numero `80`, atteso un testo",
        ),
        (
            v0_indicator(r#"{"codice": "1.1", "nome": "n", "target": {"anno": "1"}}"#),
            format!("{i}.targets.anno"),
            "struttura non valida: invalid value: expected key to be a number in quotes",
        ),
        (
            v0_indicator(r#"{"codice": "1.1", "nome": "n", "eliminato": {"numero": "129"}}"#),
            "deliberations[0].number".to_string(),
            "tipo errato: trovato il testo \"129\", atteso un numero intero",
        ),
        (
            v0_indicator(r#"{"codice": "1.1", "nome": "n", "eliminato": {"numero": -3}}"#),
            "deliberations[0].number".to_string(),
            "struttura non valida: invalid value: integer `-3`, expected u32",
        ),
        (
            v0_indicator(r#"{"codice": "1.1", "nome": "n", "eliminato": {"organo": 5}}"#),
            "deliberations[0].organ".to_string(),
            "tipo errato: trovato il numero `5`, atteso un testo",
        ),
        (
            v0_indicator(r#"{"codice": "1.1", "nome": "n", "eliminato": {"data": "31/02/2019"}}"#),
            "deliberations[0].date".to_string(),
            "struttura non valida: «31/02/2019» non è una data gg/mm/aaaa",
        ),
        // The first fault in the version-1 document: its acts come before its missions.
        (
            v0_indicator(
                r#"{"codice": "1.1", "nome": "n", "formula": 7, "eliminato": {"numero": "x"}}"#,
            ),
            "deliberations[0].number".to_string(),
            "tipo errato: trovato il testo \"x\", atteso un numero intero",
        ),
    ];
    for (text, path, message) in cases {
        match load(&text) {
            Err(LoadError::Invalid(problems)) => {
                let p = &problems[0];
                assert_eq!(
                    (p.path.as_str(), p.message.as_str()),
                    (path.as_str(), message),
                    "{text}"
                );
                // A place in the migrated document means nothing to the user.
                assert_eq!((p.line, p.column), (None, None), "{text}");
            }
            other => panic!("{text}: {other:?}"),
        }
    }
}

#[test]
fn a_version_0_shape_fault_is_reported_at_its_version_0_path() {
    let ok = r#""titolo": "x", "ente": "y", "anni": [2018, 2020]"#;
    let list = "versione 0: attesa una lista JSON";
    let object = "versione 0: atteso un oggetto JSON";
    let years = "versione 0: «anni» deve essere [primo, ultimo]";
    let objective = |indicators: &str| {
        v0(&format!(
            r#"{ok}, "missioni": [{{"codice": "011", "nome": "m", "obiettivi": [{{"numero": 1,
                "titolo": "o", "indicatori": {indicators}}}]}}]"#
        ))
    };
    // (version-0 document, path, Italian message)
    let cases = [
        (v0(r#""titolo": "x", "ente": "y""#), "anni", years),
        (
            v0(r#""titolo": "x", "ente": "y", "anni": null"#),
            "anni",
            years,
        ),
        (
            v0(r#""titolo": "x", "ente": "y", "anni": 2018"#),
            "anni",
            years,
        ),
        (
            v0(r#""titolo": "x", "ente": "y", "anni": {"primo": 2018}"#),
            "anni",
            years,
        ),
        (
            v0(r#""titolo": "x", "ente": "y", "anni": [2018, 2019, 2020]"#),
            "anni",
            years,
        ),
        (v0(&format!(r#"{ok}, "missioni": null"#)), "missioni", list),
        (v0(&format!(r#"{ok}, "missioni": {{}}"#)), "missioni", list),
        (
            v0(&format!(r#"{ok}, "missioni": [null]"#)),
            "missioni[0]",
            object,
        ),
        (
            v0(&format!(r#"{ok}, "missioni": [["011", "m", []]]"#)),
            "missioni[0]",
            object,
        ),
        (
            v0(&format!(
                r#"{ok}, "missioni": [{{"codice": "011", "obiettivi": ["1"]}}]"#
            )),
            "missioni[0].obiettivi[0]",
            object,
        ),
        (
            objective("null"),
            "missioni[0].obiettivi[0].indicatori",
            list,
        ),
        (
            objective("[[]]"),
            "missioni[0].obiettivi[0].indicatori[0]",
            object,
        ),
        (
            objective(r#"[{"codice": "1.1", "nome": "n", "target": ["100%"]}]"#),
            "missioni[0].obiettivi[0].indicatori[0].target",
            object,
        ),
        (
            objective(r#"[{"codice": "1.1", "nome": "n", "eliminato": []}]"#),
            "missioni[0].obiettivi[0].indicatori[0].eliminato",
            object,
        ),
        (
            objective(r#"[{"codice": "1.1", "nome": "n", "eliminato": "Giunta n. 129"}]"#),
            "missioni[0].obiettivi[0].indicatori[0].eliminato",
            object,
        ),
    ];
    for (text, path, message) in cases {
        match load(&text) {
            Err(LoadError::Invalid(problems)) => {
                assert_eq!(problems.len(), 1, "{text}");
                let p = &problems[0];
                assert_eq!(
                    (p.path.as_str(), p.message.as_str()),
                    (path, message),
                    "{text}"
                );
                assert!(p.message_en.starts_with("version 0: "), "{text}: {p:?}");
            }
            other => panic!("{text}: {other:?}"),
        }
    }
}

#[test]
fn version_1_is_read_as_it_is_and_written_as_the_current_version() {
    let v1 = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/minimal_plan.json"
    ))
    .unwrap();
    assert!(
        v1.contains(r#""version": 1"#),
        "the fixture is a version-1 file"
    );
    let plan = load(&v1).unwrap();
    assert_eq!(plan.version, FORMAT_VERSION);
    assert!(plan.indicators().all(|(_, _, i)| i.reasons.is_empty()));
    let written = cruscotto::plan::to_json(&plan);
    assert!(written.contains(&format!(r#""version": {FORMAT_VERSION}"#)));
    assert_eq!(load(&written).unwrap(), plan);
}

#[test]
fn reasons_go_through_the_format_and_their_years_are_checked() {
    let mut plan = cruscotto::plan::default_plan();
    let first = plan.years.first;
    let ind = &mut plan.missions[0].objectives[0].indicators[0];
    ind.reasons
        .insert(first + 1, "Blocco del sistema informatico a marzo".into());
    let text = cruscotto::plan::to_json(&plan);
    assert!(text.contains("\"reasons\""));
    let again = load(&text).unwrap();
    assert_eq!(
        again.missions[0].objectives[0].indicators[0]
            .reasons
            .get(&(first + 1))
            .map(String::as_str),
        Some("Blocco del sistema informatico a marzo")
    );
    assert_eq!(again, plan);
    // A reason for a year outside the plan is a problem, named by its path.
    plan.missions[0].objectives[0].indicators[0]
        .reasons
        .insert(first - 1, "x".into());
    let problems = load(&cruscotto::plan::to_json(&plan))
        .unwrap_err()
        .problems();
    assert_eq!(
        problems[0].path,
        format!(
            "missions[0].objectives[0].indicators[0].reasons.{}",
            first - 1
        )
    );
}
