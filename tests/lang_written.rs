//! Issue 16: the forms plans write read as the language's own notation, print back to one
//! canonical form, and what cannot be read is refused with the accepted form.
#![cfg(not(target_arch = "wasm32"))]

use cruscotto::cli::eval::run;
use cruscotto::lang::{parse_target, DiagnosticKind, Lang};
use serde_json::Value as Json;

/// Each form as plans write it, and the canonical form it means.
const FORMS: &[(&str, &str)] = &[
    ("almeno 5", "≥ 5"),
    ("Almeno 5", "≥ 5"),
    ("non meno di 5", "≥ 5"),
    ("non inferiore al 90%", "≥ 90%"),
    ("non inferiore all'80%", "≥ 80%"),
    ("maggiore o uguale a 90,00%", "≥ 90%"),
    ("pari a 100%", "= 100%"),
    ("superiore a 3", "> 3"),
    ("inferiore a 3", "< 3"),
    ("al massimo 10", "≤ 10"),
    ("massimo 10", "≤ 10"),
    ("non più di 10", "≤ 10"),
    ("non superiore al 5%", "≤ 5%"),
    ("at least 5", "≥ 5"),
    ("at most 5", "≤ 5"),
    ("no more than 5", "≤ 5"),
    ("no less than 5", "≥ 5"),
    ("<= 10 gg.", "≤ 10"),
    ("<= 10 giorni", "≤ 10"),
    ("<= 5 giorni lavorativi", "≤ 5"),
    ("entro 30 giorni", "≤ 30"),
    ("≤ 48 ore", "≤ 48"),
    ("≥ € 1.000.000", "≥ 1000000"),
    (">= 1.000.000 €", "≥ 1000000"),
    ("almeno 2.000 euro", "≥ 2000"),
    ("n. 12", "12"),
    (">= 2.355", "≥ 2355"),
    ("= 45.000", "= 45000"),
    ("1.000,5", "1000,5"),
    ("entro il 31/12/2025", "entro 31/12/2025"),
    ("entro il 31 dicembre 2025", "entro 31/12/2025"),
    ("entro dicembre 2025", "entro 31/12/2025"),
    ("entro febbraio 2024", "entro 29/02/2024"),
    ("entro il 31.12.2025", "entro 31/12/2025"),
    ("80-90%", "tra 80% e 90%"),
    ("tra l'80% e il 90%", "tra 80% e 90%"),
    ("dal 5 al 10", "tra 5 e 10"),
    ("SI", "= 1"),
    ("Sì", "= 1"),
    ("realizzato", "= 1"),
    ("attivato", "= 1"),
    ("mantenimento", "X-1"),
    ("Almeno 100 progetti di sviluppo di soluzioni IA", "≥ 100"),
    ("450 PA attivano Web Analytics Italia.", "450"),
    ("Baseline: 800 servizi", "Anno di rilevazione"),
    ("max 10", "≤ 10"),
    ("maggiore di 3", "> 3"),
    ("oltre 3", "> 3"),
    ("più di 3", "> 3"),
    ("meno di 3", "< 3"),
    ("fino a 10", "≤ 10"),
    ("uguale a 100%", "= 100%"),
    ("12 mesi", "12"),
    ("completato", "= 1"),
];

#[test]
fn plan_forms_read_as_their_canonical_form_and_print_back_to_it() {
    for (form, canonical) in FORMS {
        let read = parse_target(form).unwrap_or_else(|e| panic!("{form}: {e:?}"));
        let meant = parse_target(canonical).unwrap_or_else(|e| panic!("{canonical}: {e:?}"));
        assert_eq!(read, meant, "{form} should mean {canonical}");
        let printed = read.to_string();
        assert_eq!(&printed, canonical, "{form}");
        assert_eq!(parse_target(&printed).unwrap(), read, "{form} → {printed}");
    }
}

#[test]
fn the_language_itself_is_not_rewritten() {
    for text in [
        "scostamento max 0,02 da media cluster",
        "scostamento massimo 0,02 da media",
        "X < X-1",
        "ITP < -10",
        "≥ 80% parziale da 60%",
        "X - 1",
        "media(a; b) > max(c; 5)",
        "non X < X-1",
    ] {
        let t = parse_target(text).unwrap_or_else(|e| panic!("{text}: {e:?}"));
        assert_eq!(parse_target(&t.to_string()).unwrap(), t, "{text}");
    }
    // A subtraction with a name or `X` stays a subtraction.
    assert_eq!(parse_target("X-1 - 5").unwrap().to_string(), "X-1 - 5");
}

#[test]
fn forms_that_cannot_be_read_are_refused_with_the_accepted_form() {
    for (text, hint) in [
        (
            "Aumento del 25% rispetto alla baseline.",
            "X >= X[2022] * 1,05",
        ),
        ("+2 punti in più rispetto alla baseline", "X >= X-1 + 2%"),
    ] {
        let d = &parse_target(text).unwrap_err()[0];
        assert!(
            matches!(d.kind, DiagnosticKind::PlanForm { .. }),
            "{text}: {d:?}"
        );
        let it = d.message(Lang::It);
        assert!(it.contains(hint), "{text}: {it}");
        assert!(!d.message(Lang::En).is_empty());
        // The caret is under what was written.
        assert!(text[d.span.clone()].chars().count() >= 2, "{text}: {d:?}");
    }
    // A base that is a year is read (on the indicator's own series: src/lang/written.rs).
    assert_eq!(
        parse_target("≥ valore 2022").map(|t| t.to_string()),
        Ok("≥ X[2022]".to_string())
    );
    // A near miss names the closest word.
    let d = &parse_target("inferore al 90%").unwrap_err()[0];
    assert!(
        d.message(Lang::It).contains("«inferiore»"),
        "{}",
        d.message(Lang::It)
    );
}

fn eval(line: &str) -> Json {
    let mut out = Vec::new();
    assert_eq!(run(line.as_bytes(), &mut out), 0);
    serde_json::from_str(String::from_utf8(out).unwrap().trim()).unwrap()
}

#[test]
fn a_unit_must_agree_with_the_indicators_unit() {
    let r = eval(r#"{"target": "<= 10 gg.", "value": 0.5, "unit": "%"}"#);
    let message = r["error"]["message"].as_str().unwrap_or_default();
    assert!(
        message.contains("target in giorni") && message.contains("«%»"),
        "{r}"
    );
    let r = eval(r#"{"target": "<= 10 gg.", "value": 0.5, "unit": "%", "lang": "en"}"#);
    assert!(
        r["error"]["message"].as_str().unwrap().contains("in days"),
        "{r}"
    );
    let r = eval(r#"{"target": "<= 10 gg.", "value": 9, "unit": "giorni", "polarity": "lower"}"#);
    assert_eq!(r["status"], "met", "{r}");
    let r = eval(r#"{"target": ">= € 5.000", "value": 4000, "unit": "giorni"}"#);
    assert!(r.get("error").is_some(), "{r}");
}

#[test]
fn the_words_after_the_number_are_kept_in_the_trace() {
    let r = eval(r#"{"target": "Almeno 100 progetti di sviluppo di soluzioni IA", "value": 120}"#);
    assert_eq!(r["status"], "met", "{r}");
    assert!(
        r["trace"]
            .as_str()
            .unwrap()
            .ends_with("(progetti di sviluppo di soluzioni IA)"),
        "{r}"
    );
    let r = eval(r#"{"target": "450 PA attivano Web Analytics Italia.", "value": 300}"#);
    assert!(
        r["trace"]
            .as_str()
            .unwrap()
            .ends_with("(PA attivano Web Analytics Italia)"),
        "{r}"
    );
    // Equal meaning, equal trees: the words do not change what the target is.
    assert_eq!(
        parse_target("450 PA attivano Web Analytics Italia.").unwrap(),
        parse_target("450").unwrap()
    );
}

#[test]
fn a_request_says_how_its_numbers_are_written() {
    let r = eval(r#"{"target": ">= 1.000", "value": 999}"#);
    assert_eq!(r["status"], "not_met", "{r}");
    let r = eval(r#"{"target": ">= 1.000", "value": 999, "numbers": "en"}"#);
    assert!(
        r["error"]["message"].as_str().unwrap().contains("ambiguo"),
        "{r}"
    );
    let r = eval(r#"{"target": ">= 1.5", "value": 2, "numbers": "en"}"#);
    assert_eq!(r["status"], "met", "{r}");
}

#[test]
fn a_plan_checks_units_and_reads_numbers_as_its_setting_says() {
    use cruscotto::plan::{example_plan, load, to_json, NumberNotation, TargetCell};
    let messages = |plan: &cruscotto::plan::Plan| -> Vec<String> {
        match load(&to_json(plan)) {
            Ok(_) => Vec::new(),
            Err(e) => e.problems().into_iter().map(|p| p.message).collect(),
        }
    };
    let cell = |text: &str| TargetCell {
        text: Some(text.to_string()),
        note: None,
    };
    let mut plan = example_plan();
    assert!(messages(&plan).is_empty());
    let year = plan.years.first;
    {
        let ind = plan.indicators_mut().next().unwrap();
        ind.unit = Some("%".into());
        ind.targets.insert(year, cell("<= 10 gg."));
    }
    let found = messages(&plan);
    assert!(
        found.iter().any(|m| m.contains("target in giorni")),
        "{found:?}"
    );
    {
        let ind = plan.indicators_mut().next().unwrap();
        ind.unit = Some("giorni".into());
    }
    assert!(messages(&plan).is_empty(), "{:?}", messages(&plan));
    {
        let ind = plan.indicators_mut().next().unwrap();
        ind.targets.insert(year, cell(">= 1.000"));
    }
    assert!(messages(&plan).is_empty());
    plan.defaults.numbers = NumberNotation::English;
    let found = messages(&plan);
    assert!(found.iter().any(|m| m.contains("ambiguo")), "{found:?}");
    assert!(to_json(&plan).contains("\"numbers\": \"en\""));
}

#[test]
fn a_deadline_without_its_year_is_the_targets_year() {
    let eval = |line: &str| {
        let mut out = Vec::new();
        run(line.as_bytes(), &mut out);
        serde_json::from_slice::<serde_json::Value>(&out).unwrap()
    };
    for written in ["entro il 30/06", "entro 30/6", "Entro il 30/06"] {
        let t = parse_target(written).unwrap_or_else(|e| panic!("{written}: {e:?}"));
        assert_eq!(t.to_string(), "entro 30/06", "{written}");
        // Completed on 15/06 of the target's year: met; on 01/07: not met.
        for (done, status) in [("15/06/2025", "met"), ("01/07/2025", "not_met")] {
            let answer = eval(&format!(
                r#"{{"target": "{written}", "year": 2025, "values": {{"2025": "{done}"}}}}"#
            ));
            assert_eq!(answer["status"], status, "{written}, {done}: {answer}");
        }
    }
    // 29/02 exists only in a leap year: n.d. with the reason, never a verdict.
    let answer =
        eval(r#"{"target": "entro il 29/02", "year": 2025, "values": {"2025": "01/01/2025"}}"#);
    assert_eq!(answer["status"], "no_data", "{answer}");
    assert!(
        answer["trace"].as_str().unwrap_or("").contains("29/02"),
        "{answer}"
    );
    // A day that no year has is an error; with a year the date is the one written.
    assert!(parse_target("entro il 31/06").is_err());
    assert_eq!(
        parse_target("entro 30/06/2024").unwrap().to_string(),
        "entro 30/06/2024"
    );
}
