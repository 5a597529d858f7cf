//! Evaluation semantics: values, n.d. reasons, scoring rules of docs/language.md, traces.
#![cfg(not(target_arch = "wasm32"))] // native: the browser tests are tests/browser.rs and tests/e2e

use cruscotto::eval::*;
use cruscotto::lang::{parse_formula, parse_target, Lang};

fn series(points: &[(i32, f64)]) -> Series {
    points
        .iter()
        .map(|(y, x)| (*y, Datum::Number(*x)))
        .collect()
}

fn judge(target: &str, polarity: Polarity, x: f64) -> Outcome {
    let values = series(&[(2019, x)]);
    let data = Data::new();
    let scope = Scope {
        values: Some(&values),
        polarity,
        ..Scope::new(&data)
    };
    evaluate(
        &parse_target(target).expect("target parses"),
        &scope,
        Some(2019),
    )
}

#[test]
fn percent_and_decimal_comma() {
    let f = |s: &str| {
        let data = Data::new();
        let f = parse_formula(s).expect("parses");
        Scope {
            formula: Some(&f),
            ..Scope::new(&data)
        }
        .value(2019)
        .0
    };
    assert_eq!(f("80%"), Value::Number(0.8));
    assert_eq!(f("3,5 + 3.5"), Value::Number(7.0));
    assert_eq!(f("-2 ^ 2"), Value::Number(-4.0));
    assert_eq!(f("2 ^ 3 ^ 2"), Value::Number(512.0));
    assert_eq!(f("10 - 4 - 3"), Value::Number(3.0));
    assert_eq!(f("media(1; 2; 3,5 * 2)"), Value::Number(10.0 / 3.0));
    assert_eq!(
        f("somma(1; 2) + min(4; -1) + max(0; 2) + abs(-3)"),
        Value::Number(7.0)
    );
    assert_eq!(f("se(2 > 1 e non 1 = 2; 10; 20)"), Value::Number(10.0));
    assert_eq!(
        f("if(2 between 3 and 4 or 1 != 1; 10; 20)"),
        Value::Number(20.0)
    );
}

#[test]
fn per_year_references_and_reasons() {
    let data = Data::from([(
        "accessi".to_string(),
        series(&[(2016, 100.0), (2017, 120.0), (2019, 90.0)]),
    )]);
    let f = parse_formula("accessi / accessi[x-1]").expect("parses");
    let scope = Scope {
        formula: Some(&f),
        years: Some((2016, 2021)),
        ..Scope::new(&data)
    };
    assert_eq!(
        scope.value(2017),
        (Value::Number(1.2), "120 / 100 = 1,2".to_string())
    );
    assert_eq!(
        scope.value(2016).0,
        Value::NotAvailable(Unavailable::YearOutOfRange { year: 2015 })
    );
    assert_eq!(
        scope.value(2019).0,
        Value::NotAvailable(Unavailable::MissingDatum {
            name: "accessi".into(),
            year: 2018
        })
    );
    let f = parse_formula("accessi[2016] * 2").expect("parses");
    let scope = Scope {
        formula: Some(&f),
        ..Scope::new(&data)
    };
    assert_eq!(scope.value(2030).0, Value::Number(200.0));
    let f = parse_formula("accessi - accessi").expect("parses");
    let scope = Scope {
        formula: Some(&f),
        ..Scope::new(&data)
    };
    let (v, trace) = scope.value(2018);
    assert_eq!(
        v,
        Value::NotAvailable(Unavailable::MissingDatum {
            name: "accessi".into(),
            year: 2018
        })
    );
    assert!(
        trace.contains("manca il dato «accessi» per il 2018"),
        "{trace}"
    );
}

#[test]
fn dates_are_not_numbers() {
    let data = Data::from([(
        "fine".to_string(),
        Series::from([(
            2019,
            Datum::Date(Date {
                year: 2019,
                month: 6,
                day: 30,
            }),
        )]),
    )]);
    let f = parse_formula("fine").expect("parses");
    let scope = Scope {
        formula: Some(&f),
        ..Scope::new(&data)
    };
    assert_eq!(
        scope.value(2019).0,
        Value::Date(Date {
            year: 2019,
            month: 6,
            day: 30
        })
    );
    let out = evaluate(
        &parse_target("entro 30/06/2019").expect("parses"),
        &scope,
        Some(2019),
    );
    assert_eq!(out.status, Status::Met);
    let f = parse_formula("fine + 1").expect("parses");
    let scope = Scope {
        formula: Some(&f),
        ..Scope::new(&data)
    };
    assert!(matches!(
        scope.value(2019).0,
        Value::NotAvailable(Unavailable::Other { .. })
    ));
    // A number against a deadline is n.d., not a silent verdict.
    let out = judge("entro 31/12/2019", Polarity::Higher, 3.0);
    assert_eq!(out.status, Status::NoData);
    assert!(out.trace.contains("data di completamento"), "{}", out.trace);
}

#[test]
fn bare_targets_score_actual_over_target_capped() {
    let o = judge("80%", Polarity::Higher, 0.6);
    assert_eq!((o.status, o.score), (Status::Partial, Some(75.0)));
    let o = judge("80%", Polarity::Higher, 0.95);
    assert_eq!((o.status, o.score), (Status::Met, Some(100.0)));
    // Lower is better: target / actual.
    let o = judge("20%", Polarity::Lower, 0.4);
    assert_eq!((o.status, o.score), (Status::Partial, Some(50.0)));
    let o = judge("20%", Polarity::Lower, 0.1);
    assert_eq!((o.status, o.score), (Status::Met, Some(100.0)));
    // Zero or negative: no proportion, a miss is a miss.
    let o = judge("0%", Polarity::Lower, 0.01);
    assert_eq!((o.status, o.score), (Status::NotMet, Some(0.0)));
    let o = judge("5", Polarity::Higher, -1.0);
    assert_eq!((o.status, o.score), (Status::NotMet, Some(0.0)));
    // Just short never shows 100.
    let o = judge("100%", Polarity::Higher, 0.99999999);
    assert_eq!((o.status, o.score), (Status::Partial, Some(99.99)));
}

#[test]
fn partial_clause_is_linear_from_floor_to_target() {
    let o = judge(">= 80% parziale da 60%", Polarity::Higher, 0.65);
    assert_eq!((o.status, o.score), (Status::Partial, Some(25.0)));
    let o = judge(">= 80% parziale da 60%", Polarity::Higher, 0.6);
    assert_eq!((o.status, o.score), (Status::NotMet, Some(0.0)));
    let o = judge(">= 80% parziale da 60%", Polarity::Higher, 0.8);
    assert_eq!((o.status, o.score), (Status::Met, Some(100.0)));
    // Lower is better, read from the comparison: ≤ 10 from 20.
    let o = judge("<= 10 partial from 20", Polarity::Higher, 12.5);
    assert_eq!((o.status, o.score), (Status::Partial, Some(75.0)));
    // A floor on the wrong side is n.d., said in words.
    let o = judge(">= 80% parziale da 90%", Polarity::Higher, 0.7);
    assert_eq!(o.status, Status::NoData);
    assert!(o.trace.contains("soglia parziale"), "{}", o.trace);
}

#[test]
fn conditions_are_three_valued() {
    let data = Data::new();
    let values = series(&[(2019, 5.0)]);
    let scope = Scope {
        values: Some(&values),
        ..Scope::new(&data)
    };
    let run = |t: &str| evaluate(&parse_target(t).expect("parses"), &scope, Some(2019)).status;
    // X-1 is missing: "false and n.d." is false, "true or n.d." is true, otherwise n.d.
    assert_eq!(run("> 10 e X < X-1"), Status::NotMet);
    assert_eq!(run("> 1 o X < X-1"), Status::Met);
    assert_eq!(run("> 1 e X < X-1"), Status::NoData);
    assert_eq!(run("tra 4 e 6"), Status::Met);
    assert_eq!(run("non tra 4 e 6"), Status::NotMet);
    assert_eq!(run("(> 1 e < 3) o = 5"), Status::Met);
}

#[test]
fn the_code_must_be_the_indicators() {
    let data = Data::new();
    let values = series(&[(2019, -12.0)]);
    let scope = Scope {
        values: Some(&values),
        code: Some("ITP"),
        ..Scope::new(&data)
    };
    let t = parse_target("ITP < -10").expect("parses");
    assert!(t.measures().is_empty(), "the code is not a measure");
    assert_eq!(evaluate(&t, &scope, Some(2019)).status, Status::Met);
    let other = parse_target("ABC < -10").expect("parses");
    let out = evaluate(&other, &scope, Some(2019));
    assert_eq!(out.status, Status::NoData);
    assert!(out.trace.contains("«ABC»"), "{}", out.trace);
}

#[test]
fn english_evaluation() {
    let data = Data::new();
    let values = series(&[(2019, 0.5)]);
    let scope = Scope {
        values: Some(&values),
        ..Scope::new(&data)
    };
    let t = parse_target("100%").expect("parses");
    let out = evaluate_in(&t, &scope, Some(2019), Lang::En);
    assert_eq!(
        out.trace,
        "2019: 50%, target 100% (higher is better) → partially met, score 50%"
    );
    let it = evaluate(&t, &scope, Some(2019));
    assert_eq!(
        it.trace,
        "2019: 50 %, obiettivo 100 % (più alto è meglio) → parzialmente raggiunto, grado 50 %"
    );
}

#[test]
fn measures_and_tree() {
    let f = parse_formula("(costi / proventi) / (costi[x-1] / proventi[x-1])").expect("parses");
    assert_eq!(
        f.measures().into_iter().collect::<Vec<_>>(),
        ["costi", "proventi"]
    );
    let t = parse_target("> media cluster").expect("parses");
    assert_eq!(
        t.measures().into_iter().collect::<Vec<_>>(),
        ["media_cluster"]
    );
    let tree = parse_formula("a / b[x-1]").expect("parses").tree();
    assert_eq!(
        tree,
        "formula\n  operazione /  @0..10\n    misura a  @0..1\n    misura b[x-1]  @4..10\n"
    );
}

#[test]
fn values_win_over_the_formula_year_by_year() {
    let data = Data::from([("a".to_string(), series(&[(2018, 4.0), (2019, 6.0)]))]);
    let f = parse_formula("a / 2").expect("parses");
    let values = series(&[(2019, 10.0)]);
    let scope = Scope {
        values: Some(&values),
        formula: Some(&f),
        ..Scope::new(&data)
    };
    assert_eq!(scope.value(2019).0, Value::Number(10.0));
    assert_eq!(scope.value(2018).0, Value::Number(2.0));
}

#[test]
fn examples_of_docs_language_md_parse_and_print_as_documented() {
    let canonical = [
        (">=80%", "≥ 80%"),
        ("X< X-4", "X < X-4"),
        ("31/12/2019", "entro 31/12/2019"),
        ("≥ media", "≥ media cluster"),
        (">= 80% partial from 60%", "≥ 80% parziale da 60%"),
        (">= media cluster * 1,1", "≥ media cluster * 1,1"),
        ("< X-1 - 5%", "< X-1 - 5%"),
        ("X-1 tra 3 e 5", "X-1 tra 3 e 5"),
        ("rilevazione", "Anno di rilevazione"),
        (
            "within 0,02 of mean",
            "scostamento max 0,02 da media cluster",
        ),
        ("≥ 3 and not X < X-1", "≥ 3 e non X < X-1"),
    ];
    for (src, printed) in canonical {
        assert_eq!(parse_target(src).expect(src).to_string(), printed);
    }
    assert!(parse_formula("--a").is_err());
    assert_eq!(parse_formula("-(-a)").expect("parses").to_string(), "-(-a)");
}

proptest::proptest! {
    /// `tra a e b` is the interval between a and b whichever is written first (an officer writes
    /// `tra 5 e 3` meaning the same as `tra 3 e 5`).
    #[test]
    fn a_range_is_the_same_whichever_bound_comes_first(
        x in -100i32..100,
        a in -100i32..100,
        b in -100i32..100,
    ) {
        let forward = judge(&format!("tra {a} e {b}"), Polarity::Higher, x.into());
        let backward = judge(&format!("tra {b} e {a}"), Polarity::Higher, x.into());
        proptest::prop_assert_eq!(forward.status, backward.status);
        let inside = a.min(b) <= x && x <= a.max(b);
        proptest::prop_assert_eq!(forward.status == Status::Met, inside);
    }
}

#[test]
fn english_traces_use_the_english_keywords() {
    let values = series(&[(2019, 4.0)]);
    let data = Data::new();
    let scope = Scope {
        values: Some(&values),
        ..Scope::new(&data)
    };
    let trace = |target: &str, lang: Lang| {
        evaluate_in(&parse_target(target).unwrap(), &scope, Some(2019), lang).trace
    };
    let en = trace("tra 3 e 5 o non X < 2", Lang::En);
    assert!(en.contains("between 3 and 5 or not"), "{en}");
    let it = trace("between 3 and 5 or not X < 2", Lang::It);
    assert!(it.contains("tra 3 e 5 o non"), "{it}");
    let deadline = trace("entro 31/12/2019", Lang::En);
    assert!(deadline.contains("by 31/12/2019"), "{deadline}");
}

/// The Laboratorio's syntax tree in English: no label word of the Italian tree is left (the
/// words of the formula itself, its measures, stay as written).
#[test]
fn the_syntax_tree_speaks_english_on_request() {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphabetic())
            .filter(|w| w.len() > 1)
            .map(str::to_lowercase)
            .collect()
    };
    let formulas = [
        "-a / b[x-1] + 3,5%",
        "media(a; b) * 2",
        "se(a > 1; a; 0)",
        "31/12/2019",
    ];
    let targets = [
        ">= 80%",
        "X < X-1",
        "X < X",
        "> media cluster",
        "tra 3 e 5",
        "scostamento max 0,02 da media cluster",
        "entro 31/12/2019",
        "non (> 1 o < 0) e ITP < -10",
        "Anno di rilevazione",
        ">= 80% parziale da 60%",
        "73%",
    ];
    let trees = formulas
        .iter()
        .map(|f| {
            let p = parse_formula(f).expect("parses");
            (*f, p.tree_in(Lang::It), p.tree_in(Lang::En))
        })
        .chain(targets.iter().map(|t| {
            let p = parse_target(t).expect("parses");
            (*t, p.tree_in(Lang::It), p.tree_in(Lang::En))
        }));
    for (text, it, en) in trees {
        let own = words(text);
        let english = words(&en);
        for w in words(&it) {
            let label = !own.contains(&w) && w != "formula" && w != "target";
            assert!(
                !(label && english.contains(&w)),
                "{text}: «{w}» in the English tree:\n{en}"
            );
        }
        assert_ne!(it, en, "{text}: the tree has words to translate");
    }
}
