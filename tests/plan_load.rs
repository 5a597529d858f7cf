//! Bad plan files: each gives its own clear error (path + message), none panics.
#![cfg(not(target_arch = "wasm32"))] // native: the browser tests are tests/browser.rs and tests/e2e

use cruscotto::plan::{load, LoadError, Problem, MAX_SIZE};

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn problems(name: &str) -> Vec<Problem> {
    match load(&fixture(name)) {
        Err(LoadError::Invalid(problems)) => problems,
        other => panic!("{name}: expected Invalid, got {other:?}"),
    }
}

fn has(problems: &[Problem], path: &str, needle: &str) -> bool {
    problems
        .iter()
        .any(|p| p.path == path && p.message.contains(needle))
}

#[test]
fn minimal_plan_loads() {
    let plan = load(&fixture("minimal_plan.json")).unwrap();
    assert_eq!(plan.title, "Piano minimo di prova");
    assert_eq!(plan.indicators().count(), 2);
}

#[test]
fn truncated_json_is_not_json() {
    match load(&fixture("bad/truncated.json")) {
        Err(LoadError::NotJson(p)) => {
            assert!(p.message.contains("finisce prima del previsto"), "{p}");
            assert!(p.line.is_some() && p.column.is_some());
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn wrong_types_give_the_path_and_position() {
    let problems = problems("bad/wrong_types.json");
    assert_eq!(problems.len(), 1);
    let p = &problems[0];
    assert_eq!(p.path, "years.first");
    assert!(p.message.contains("tipo errato"), "{p}");
    assert!(p.message_en.contains("invalid type"), "{}", p.message_en);
    assert_eq!(p.line, Some(7)); // "first": "2018" is on line 7 of the fixture
}

#[test]
fn unknown_fields_are_refused() {
    let problems = problems("bad/unknown_field.json");
    assert_eq!(
        problems[0].path,
        "missions[0].objectives[0].indicators[0].colour"
    );
    assert!(problems[0].message.contains("campo sconosciuto \"colour\""));
}

#[test]
fn duplicate_codes_are_reported() {
    let problems = problems("bad/duplicate_codes.json");
    assert!(
        has(
            &problems,
            "missions[0].objectives[0].indicators[1].code",
            "codice indicatore «1.1» ripetuto"
        ),
        "{problems:?}"
    );
}

#[test]
fn all_problems_are_reported_at_once() {
    let problems = problems("bad/many_problems.json");
    let i0 = "missions[0].objectives[0].indicators[0]";
    let i1 = "missions[0].objectives[0].indicators[1]";
    assert!(has(
        &problems,
        &format!("{i0}.owners[1]"),
        "owner «nessuno» inesistente"
    ));
    assert!(has(
        &problems,
        &format!("{i0}.targets.2031"),
        "fuori dagli anni del piano"
    ));
    assert!(has(
        &problems,
        &format!("{i1}.revisions[0].deliberation"),
        "deliberazione «g-99» inesistente"
    ));
    assert_eq!(problems.len(), 3, "{problems:?}");
}

#[test]
fn version_99_is_refused_clearly() {
    let err = load(&fixture("bad/version_99.json")).unwrap_err();
    assert_eq!(
        err,
        LoadError::UnsupportedVersion {
            found: 99,
            supported: 1
        }
    );
    let message = err.to_string();
    assert!(
        message.contains("versione del formato 99 non supportata"),
        "{message}"
    );
    assert!(message.contains("aggiornare Cruscotto"));
    assert!(err.is_unreadable());
    assert_eq!(err.problems()[0].path, "version");
}

#[test]
fn negative_or_textual_versions_are_refused() {
    let neg = fixture("minimal_plan.json").replace("\"version\": 1", "\"version\": -1");
    assert!(matches!(
        load(&neg),
        Err(LoadError::UnsupportedVersion { found: -1, .. })
    ));
    let text = fixture("minimal_plan.json").replace("\"version\": 1", "\"version\": \"1\"");
    assert!(matches!(load(&text), Err(LoadError::NotAPlan(p)) if p.path == "version"));
    let float = fixture("minimal_plan.json").replace("\"version\": 1", "\"version\": 1.5");
    assert!(matches!(load(&float), Err(LoadError::NotAPlan(p)) if p.message.contains("intero")));
}

#[test]
fn other_json_is_not_a_plan() {
    match load(&fixture("bad/not_a_plan.json")) {
        Err(LoadError::NotAPlan(p)) => {
            assert_eq!(p.path, "format");
            assert!(p.message.contains("cruscotto-plan"));
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(load("[1, 2, 3]"), Err(LoadError::NotAPlan(_))));
    assert!(matches!(load(""), Err(LoadError::NotJson(_))));
}

#[test]
fn script_tags_are_just_text() {
    let plan = load(&fixture("bad/script_names.json")).unwrap();
    assert_eq!(plan.title, "<script>alert('x')</script> Piano");
    let objective = &plan.missions[0].objectives[0];
    assert_eq!(objective.title, "<script>document.cookie</script>");
    assert_eq!(
        objective.indicators[0].name,
        "<img src=x onerror=alert(1)> & <b>grassetto</b>"
    );
    // And they survive export unchanged (escaping is the UI's business, not the format's).
    let again = load(&cruscotto::plan::to_json(&plan)).unwrap();
    assert_eq!(again, plan);
}

#[test]
fn a_50_mb_string_is_refused_by_size() {
    let huge = format!(
        "{{\"format\": \"cruscotto-plan\", \"version\": 1, \"title\": \"{}\"}}",
        "a".repeat(50 * 1024 * 1024)
    );
    match load(&huge) {
        Err(e @ LoadError::TooLarge { .. }) => {
            assert_eq!(
                e,
                LoadError::TooLarge {
                    size: huge.len(),
                    limit: MAX_SIZE
                }
            );
            assert!(e.to_string().contains("file troppo grande"));
            assert!(e.is_unreadable());
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let depth = 10_000;
    let deep = format!(
        "{{\"format\": \"cruscotto-plan\", \"version\": 1, \"title\": {}{}}}",
        "[".repeat(depth),
        "]".repeat(depth)
    );
    match load(&deep) {
        Err(LoadError::NotJson(p)) => {
            assert!(p.message.contains("annidamento troppo profondo"), "{p}");
            assert!(p.message_en.contains("recursion limit"));
        }
        other => panic!("{other:?}"),
    }
    let objects = format!("{}{}", "{\"a\":".repeat(depth), "}".repeat(depth));
    assert!(matches!(load(&objects), Err(LoadError::NotJson(_))));
}

#[test]
fn invalid_dates_and_weights_are_reported() {
    let bad_date = fixture("minimal_plan.json").replace("15/12/2019", "31/02/2019");
    let problems = match load(&bad_date) {
        Err(LoadError::Invalid(p)) => p,
        other => panic!("{other:?}"),
    };
    assert_eq!(problems[0].path, "deliberations[0].date");
    assert!(
        problems[0].message.contains("non è una data"),
        "{:?}",
        problems[0]
    );

    let bad_weight = fixture("minimal_plan.json")
        .replace("\"code\": \"1.1\",", "\"code\": \"1.1\", \"weight\": -2,");
    let problems = match load(&bad_weight) {
        Err(LoadError::Invalid(p)) => p,
        other => panic!("{other:?}"),
    };
    assert!(has(
        &problems,
        "missions[0].objectives[0].indicators[0].weight",
        "peso -2 non valido"
    ));
}

#[test]
fn a_target_that_does_not_parse_says_where() {
    let problems = problems("bad/bad_target.json");
    assert_eq!(problems.len(), 1, "{problems:?}");
    let p = &problems[0];
    assert_eq!(
        p.path,
        "missions[0].objectives[0].indicators[0].targets.2019.text"
    );
    assert!(p.message.starts_with("target non valido: "), "{p}");
    assert!(
        p.message_en.starts_with("invalid target: "),
        "{}",
        p.message_en
    );
    // ">= 80%%": the second % is at column 7 of the target text.
    assert_eq!((p.line, p.column), (Some(1), Some(7)));
}

#[test]
fn a_formula_that_does_not_parse_says_where() {
    let problems = problems("bad/bad_formula.json");
    let p = &problems[0];
    assert_eq!(p.path, "missions[0].objectives[0].indicators[0].formula");
    assert!(p.message.starts_with("formula non valida: "), "{p}");
    assert_eq!(p.line, Some(2), "the formula spans two lines");
    assert!(p.column.is_some());
}

#[test]
fn every_problem_of_every_expression_is_reported() {
    let mut plan: serde_json::Value = serde_json::from_str(&fixture("minimal_plan.json")).unwrap();
    let ind = &mut plan["missions"][0]["objectives"][0]["indicators"];
    ind[0]["targets"]["2019"]["text"] = ">>".into();
    ind[0]["targets"]["2020"]["text"] = "tra 3".into();
    ind[1]["formula"] = "accessi /".into();
    let problems = match load(&plan.to_string()) {
        Err(LoadError::Invalid(p)) => p,
        other => panic!("{other:?}"),
    };
    let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    assert!(paths.contains(&"missions[0].objectives[0].indicators[0].targets.2019.text"));
    assert!(paths.contains(&"missions[0].objectives[0].indicators[0].targets.2020.text"));
    assert!(paths.contains(&"missions[0].objectives[0].indicators[1].formula"));
}

#[test]
fn no_bad_fixture_panics() {
    let dir = format!("{}/tests/fixtures/bad", env!("CARGO_MANIFEST_DIR"));
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let result = std::panic::catch_unwind(|| load(&text));
        assert!(result.is_ok(), "{} panicked", path.display());
    }
}

#[test]
fn short_codes_are_unique_and_problems_display_with_their_place() {
    let text = fixture("minimal_plan.json").replace(
        "\"code\": \"1.1\",",
        "\"code\": \"1.1\", \"short_code\": \"DOC\",",
    );
    let text = text.replace(
        "\"code\": \"1.2\",",
        "\"code\": \"1.2\", \"short_code\": \"DOC\",",
    );
    let problems = match load(&text) {
        Err(LoadError::Invalid(p)) => p,
        other => panic!("{other:?}"),
    };
    assert!(has(
        &problems,
        "missions[0].objectives[0].indicators[1].short_code",
        "«DOC» già usato"
    ));
    let shown = Problem::new("years", "anni non validi", "invalid years")
        .at(3, 5)
        .to_string();
    assert_eq!(shown, "years (riga 3, colonna 5): anni non validi");
}

#[test]
fn syntax_errors_are_worded_in_italian_with_a_position_from_1() {
    let cases = [
        ("\u{89}PNG\r\n", "atteso un valore"),
        ("{\"title\": \"a\u{1}b\"}", "carattere di controllo"),
        ("{\"a\": 1,}", "virgola di troppo"),
        ("{\"a\" 1}", "manca «:»"),
        ("{\"a\": 1} x", "testo in più"),
        ("{a: 1}", "tra virgolette"),
    ];
    for (text, needle) in cases {
        match load(text) {
            Err(LoadError::NotJson(p)) => {
                assert!(p.message.contains(needle), "{text:?}: {p}");
                assert!(!p.message.contains("expected"), "{text:?}: {p}");
                assert!(p.column.is_some_and(|c| c >= 1), "{text:?}: {p:?}");
            }
            other => panic!("{text:?}: {other:?}"),
        }
    }
    match load("") {
        Err(LoadError::NotJson(p)) => assert_eq!((p.line, p.column), (Some(1), Some(1))),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_repeated_field_is_named_in_italian() {
    let text = fixture("minimal_plan.json").replacen(
        "\"title\": \"Piano minimo di prova\",",
        "\"title\": \"Piano minimo di prova\", \"title\": \"ancora\",",
        1,
    );
    let problems = match load(&text) {
        Err(LoadError::Invalid(p)) => p,
        other => panic!("{other:?}"),
    };
    assert_eq!(problems[0].path, "title");
    assert_eq!(problems[0].message, "campo ripetuto: \"title\"");
}

/// A document whose root holds `members` (JSON text) and nothing else.
fn root_with(members: &str) -> String {
    format!("{{{members}}}")
}

#[test]
fn the_envelope_prints_the_offending_value_as_json() {
    let plan = "\"format\": \"cruscotto-plan\"";
    // (members, path, Italian message, English message)
    let cases = [
        (
            "\"version\": 1".to_string(),
            "format",
            "manca il campo \"format\": \"cruscotto-plan\"",
            "missing field \"format\": \"cruscotto-plan\"",
        ),
        (
            "\"format\": \"altro\", \"version\": 1".to_string(),
            "format",
            "formato \"altro\" sconosciuto: atteso \"cruscotto-plan\"",
            "unknown format \"altro\": expected \"cruscotto-plan\"",
        ),
        (
            "\"format\": null, \"version\": 1".to_string(),
            "format",
            "formato null sconosciuto: atteso \"cruscotto-plan\"",
            "unknown format null: expected \"cruscotto-plan\"",
        ),
        (
            "\"format\": 5, \"version\": 1".to_string(),
            "format",
            "formato 5 sconosciuto: atteso \"cruscotto-plan\"",
            "unknown format 5: expected \"cruscotto-plan\"",
        ),
        (
            "\"format\": 1e2, \"version\": 1".to_string(),
            "format",
            "formato 100.0 sconosciuto: atteso \"cruscotto-plan\"",
            "unknown format 100.0: expected \"cruscotto-plan\"",
        ),
        (
            "\"format\": true, \"version\": 1".to_string(),
            "format",
            "formato true sconosciuto: atteso \"cruscotto-plan\"",
            "unknown format true: expected \"cruscotto-plan\"",
        ),
        // Escaped as JSON: quotes, new lines and control characters, not other letters.
        (
            "\"format\": \"a\\\"b\\u00e8\\n\\u0001\", \"version\": 1".to_string(),
            "format",
            "formato \"a\\\"bè\\n\\u0001\" sconosciuto: atteso \"cruscotto-plan\"",
            "unknown format \"a\\\"bè\\n\\u0001\": expected \"cruscotto-plan\"",
        ),
        (
            "\"format\": [\"x\", 1, {\"a\": null}], \"version\": 1".to_string(),
            "format",
            "formato [\"x\",1,{\"a\":null}] sconosciuto: atteso \"cruscotto-plan\"",
            "unknown format [\"x\",1,{\"a\":null}]: expected \"cruscotto-plan\"",
        ),
        (
            format!("{plan}, \"x\": 0"),
            "version",
            "manca il campo \"version\"",
            "missing field \"version\"",
        ),
        (
            format!("{plan}, \"version\": null"),
            "version",
            "versione null non valida: atteso un numero intero",
            "invalid version null: expected an integer",
        ),
        (
            format!("{plan}, \"version\": \"1\""),
            "version",
            "versione \"1\" non valida: atteso un numero intero",
            "invalid version \"1\": expected an integer",
        ),
        (
            format!("{plan}, \"version\": 1.0"),
            "version",
            "versione 1.0 non valida: atteso un numero intero",
            "invalid version 1.0: expected an integer",
        ),
        (
            format!("{plan}, \"version\": -0"),
            "version",
            "versione -0.0 non valida: atteso un numero intero",
            "invalid version -0.0: expected an integer",
        ),
        (
            format!("{plan}, \"version\": false"),
            "version",
            "versione false non valida: atteso un numero intero",
            "invalid version false: expected an integer",
        ),
        (
            format!("{plan}, \"version\": [1]"),
            "version",
            "versione [1] non valida: atteso un numero intero",
            "invalid version [1]: expected an integer",
        ),
        (
            format!("{plan}, \"version\": {{}}"),
            "version",
            "versione {} non valida: atteso un numero intero",
            "invalid version {}: expected an integer",
        ),
        (
            "\"version\": 1, \"format\": [], \"format\": \"cruscotto-plan\", \"format\": 7"
                .to_string(),
            "format",
            // A repeated member: the last one counts.
            "formato 7 sconosciuto: atteso \"cruscotto-plan\"",
            "unknown format 7: expected \"cruscotto-plan\"",
        ),
    ];
    for (members, path, it, en) in cases {
        let text = root_with(&members);
        match load(&text) {
            Err(LoadError::NotAPlan(p)) => {
                assert_eq!((p.path.as_str(), p.message.as_str()), (path, it), "{text}");
                assert_eq!(p.message_en, en, "{text}");
                assert_eq!((p.line, p.column), (None, None), "{text}");
            }
            other => panic!("{text}: {other:?}"),
        }
    }
}

#[test]
fn a_document_that_is_not_an_object_is_not_a_plan() {
    for text in ["[1, 2]", "\"cruscotto-plan\"", "3", "null", "true"] {
        match load(text) {
            Err(LoadError::NotAPlan(p)) => {
                assert_eq!(p.path, "", "{text}");
                assert_eq!(
                    p.message,
                    "il documento non è un oggetto JSON con \"format\": \"cruscotto-plan\""
                );
                assert_eq!(
                    p.message_en,
                    "the document is not a JSON object with \"format\": \"cruscotto-plan\""
                );
            }
            other => panic!("{text}: {other:?}"),
        }
    }
}

#[test]
fn versions_are_whole_numbers_up_to_this_builds() {
    let version = |v: &str| {
        load(&root_with(&format!(
            "\"format\": \"cruscotto-plan\", \"version\": {v}"
        )))
    };
    let found = |v: &str| match version(v) {
        Err(LoadError::UnsupportedVersion { found, supported }) => {
            assert_eq!(supported, 1);
            found
        }
        other => panic!("{v}: {other:?}"),
    };
    assert_eq!(found("2"), 2);
    assert_eq!(found("-5"), -5);
    assert_eq!(found("-9223372036854775808"), i64::MIN);
    // Beyond i64: the largest one, not a wrapped negative number.
    assert_eq!(found("9223372036854775808"), i64::MAX);
    assert_eq!(found("18446744073709551615"), i64::MAX);
    // Known versions go on to the structure.
    assert!(
        matches!(version("1"), Err(LoadError::Invalid(p)) if p[0].message.contains("\"title\""))
    );
    assert!(matches!(version("0"), Err(LoadError::Invalid(p)) if p[0].path == "anni"));
}

#[test]
fn syntax_is_checked_everywhere_before_the_envelope() {
    let plan = "\"format\": \"cruscotto-plan\", \"version\": 1";
    // (members after the envelope, Italian message, English message, column)
    let cases = [
        ("\"x\": 1e400", "sintassi JSON non valida: numero troppo grande", "number out of range", 53),
        ("\"x\": \"\\x\"", "sintassi JSON non valida: sequenza con «\\» non valida in un testo", "invalid escape", 51),
        ("\"x\": \"\\ud800\\u0041\"", "sintassi JSON non valida: sequenza «\\u» non valida in un testo", "lone leading surrogate in hex escape", 61),
        ("\"x\": \"a\tb\"", "sintassi JSON non valida: carattere di controllo (per esempio un a capo) dentro un testo tra virgolette", "control character (\\u0000-\\u001F) found while parsing a string", 51),
        ("\"x\": {\"a\": 1, \"a\": [}", "sintassi JSON non valida: qui è atteso un valore (un testo tra virgolette, un numero, true, false, null, [ … ] o { … }): è un file JSON?", "expected value", 64),
        ("\"x\": [1,]", "sintassi JSON non valida: una virgola di troppo prima di «]» o «}»", "trailing comma", 52),
        ("\"x\": tru", "sintassi JSON non valida: parola non riconosciuta (sono ammesse solo true, false e null)", "expected ident", 52),
        ("5: 1", "sintassi JSON non valida: il nome di un campo va scritto tra virgolette", "key must be a string", 44),
    ];
    for (members, it, en, column) in cases {
        let text = root_with(&format!("{plan}, {members}"));
        match load(&text) {
            Err(LoadError::NotJson(p)) => {
                assert_eq!(
                    (p.message.as_str(), p.message_en.as_str()),
                    (it, en),
                    "{text}"
                );
                assert_eq!((p.line, p.column), (Some(1), Some(column)), "{text}");
            }
            other => panic!("{text}: {other:?}"),
        }
    }
    // A syntax error after a wrong format: the file is not JSON, whatever it says it is.
    assert!(matches!(
        load("{\"format\": \"altro\", \"version\": 1, x}"),
        Err(LoadError::NotJson(p)) if p.message_en == "key must be a string"
    ));
    // Too deep inside a member the plan reader would refuse anyway: still too deep.
    let deep = format!(
        "{{{plan}, \"x\": {}1{}}}",
        "{\"a\":".repeat(200),
        "}".repeat(200)
    );
    assert!(matches!(
        load(&deep),
        Err(LoadError::NotJson(p)) if p.message_en == "recursion limit exceeded"
    ));
    // An escaped key is the key it spells.
    let escaped = "{\"f\\u006frmat\": \"cruscotto-plan\", \"version\": 1}";
    assert!(
        matches!(load(escaped), Err(LoadError::Invalid(p)) if p[0].message == "manca il campo \"title\"")
    );
}

#[test]
fn a_year_out_of_range_in_a_series_names_the_series() {
    let mut plan: serde_json::Value = serde_json::from_str(&fixture("minimal_plan.json")).unwrap();
    let ind = &mut plan["missions"][0]["objectives"][0]["indicators"];
    ind[0]["data"]["documenti_fascicolati"]["1990"] = 5.into();
    ind[1]["values"] = serde_json::json!({ "2019": 1.1, "2021": 1.2 });
    let problems = match load(&plan.to_string()) {
        Err(LoadError::Invalid(p)) => p,
        other => panic!("{other:?}"),
    };
    // The plan covers 2018–2020; data may go back 20 years.
    assert!(has(
        &problems,
        "missions[0].objectives[0].indicators[0].data.documenti_fascicolati.1990",
        "anno 1990 fuori intervallo (1998–2020)"
    ));
    assert!(has(
        &problems,
        "missions[0].objectives[0].indicators[1].values.2021",
        "anno 2021 fuori intervallo (1998–2020)"
    ));
    assert_eq!(problems.len(), 2, "{problems:?}");
}

#[test]
fn one_target_text_on_indicators_of_different_units_is_judged_on_each() {
    // Each distinct text is checked once; its unit must still meet each indicator's own.
    for (units, wrong) in [(["%", "giorni"], 0), (["giorni", "%"], 1)] {
        let mut plan: serde_json::Value =
            serde_json::from_str(&fixture("minimal_plan.json")).unwrap();
        let ind = &mut plan["missions"][0]["objectives"][0]["indicators"];
        for (i, unit) in units.iter().enumerate() {
            ind[i]["unit"] = (*unit).into();
            ind[i]["targets"]["2019"]["text"] = "<= 10 gg.".into();
        }
        let problems = match load(&plan.to_string()) {
            Err(LoadError::Invalid(p)) => p,
            other => panic!("{other:?}"),
        };
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(has(
            &problems,
            &format!("missions[0].objectives[0].indicators[{wrong}].targets.2019.text"),
            "target in giorni su un indicatore in «%»"
        ));
    }
}
