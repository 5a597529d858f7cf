//! Snapshots of error messages, Italian and English, for every bad input in tests/lang_errors/
//! (`target_*.txt` are targets, `formula_*.txt` formulas). Review changes with `cargo insta`.
#![cfg(not(target_arch = "wasm32"))] // native: the browser tests are tests/browser.rs and tests/e2e

use cruscotto::lang::{parse_formula, parse_target, Diagnostic, Lang};

fn diagnostics(name: &str, src: &str) -> Vec<Diagnostic> {
    let result = if name.starts_with("formula_") {
        parse_formula(src).map(|_| ())
    } else {
        parse_target(src).map(|_| ())
    };
    match result {
        Ok(()) => panic!("{name}: {src:?} should not parse"),
        Err(ds) => ds,
    }
}

#[test]
fn error_messages() {
    insta::glob!("lang_errors/*.txt", |path| {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_string();
        let src = std::fs::read_to_string(path).expect("readable test input");
        let ds = diagnostics(&name, &src);
        assert!(!ds.is_empty());
        let mut out = String::new();
        for d in &ds {
            // Every diagnostic points inside the text (or at its end).
            assert!(d.span.start <= src.len() && d.span.end <= src.len());
            assert!(d.line >= 1 && d.column >= 1);
            out.push_str(&format!(
                "it: {}\n{}\n\nen: {}\n",
                d.message(Lang::It),
                d.render(&src, Lang::It),
                d.message(Lang::En)
            ));
        }
        insta::assert_snapshot!(out);
    });
}

#[test]
fn unknown_names_come_with_the_closest_known_ones() {
    let d = &parse_formula("mediaa(a; b)").unwrap_err()[0];
    assert_eq!(
        d.message(Lang::It),
        "funzione sconosciuta «mediaa»: forse «media»?"
    );
    assert_eq!(
        d.message(Lang::En),
        "unknown function «mediaa»: did you mean «media»?"
    );
    assert_eq!((d.line, d.column), (1, 1));
    let d = &parse_target(">= 80% partal from 60%").unwrap_err()[0];
    assert_eq!(
        d.message(Lang::En),
        "unknown word «partal»: did you mean «partial»?"
    );
    assert_eq!(d.column, 8);
}

#[test]
fn missing_value_after_an_operator_says_so() {
    for (src, op) in [
        (">=", ">="),
        ("≥ ", "≥"),
        ("X < ", "<"),
        ("tra 3 e", "e"),
        ("a +", "+"),
    ] {
        let ds = if src == "a +" {
            parse_formula(src).map(|_| ())
        } else {
            parse_target(src).map(|_| ())
        };
        let d = &ds.unwrap_err()[0];
        assert_eq!(
            d.message(Lang::It),
            format!("manca il valore dopo «{op}»"),
            "{src}"
        );
    }
}

#[test]
fn positions_count_characters_on_the_right_line() {
    // `≥` is 3 bytes but one column.
    let d = &parse_target("≥ 80%\no ≥ 3 $").unwrap_err()[0];
    assert_eq!((d.line, d.column), (2, 7));
    assert_eq!(d.message(Lang::It), "atteso un operatore (+ − * / ^), «e»/«o», «parziale da …» oppure la fine del testo, trovato «$»");
}
