//! Traces in the reader's language: `Plan::explain` and `Plan::evaluate_indicator` write them in
//! English on request (words and numbers), while values, statuses and scores stay those of the
//! untraced judgement the app keeps (which does not depend on the language).

use cruscotto::eval::{Outcome, Trace, Value};
use cruscotto::lang::Lang;
use cruscotto::plan::{default_plan, example_plan, ParseCache, Plan};

/// Italian words of the traces' own vocabulary (not of the users' notes).
const ITALIAN: &[&str] = &[
    "obiettivo",
    "raggiunto",
    "più ",
    "meglio",
    "non attivo",
    "nessun target",
    "anno precedente",
    "eliminato",
    "non ancora",
    "sconosciuto",
    "grado",
    "scostamento",
    "entro",
    "rilevazione",
    "manca il dato",
    "divisione",
    "non valido",
];

/// A decimal comma ("90,74") or an Italian percent ("90 %"): `1,234` (English grouping) is not.
fn italian_number(text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    for (k, c) in chars.iter().enumerate() {
        let before = k > 0 && chars[k - 1].is_ascii_digit();
        if *c == ',' && before {
            let digits = chars[k + 1..]
                .iter()
                .take_while(|d| d.is_ascii_digit())
                .count();
            if digits > 0 && digits != 3 {
                return Some(
                    chars[k.saturating_sub(4)..(k + 1 + digits)]
                        .iter()
                        .collect(),
                );
            }
        }
        if *c == ' ' && before && chars.get(k + 1) == Some(&'%') {
            return Some(chars[k.saturating_sub(4)..k + 2].iter().collect());
        }
    }
    None
}

/// The text without what is between « and ».
fn unquoted(text: &str) -> String {
    let mut depth = 0usize;
    let mut out = String::new();
    for c in text.chars() {
        match c {
            '«' => depth += 1,
            '»' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

fn check_english(plan: &Plan) -> usize {
    let mut parsed = ParseCache::default();
    let mut checked = 0;
    for (_, o, i) in plan.indicators() {
        let it = plan.explain(o, i, &mut parsed, Lang::It);
        let en = plan.explain(o, i, &mut parsed, Lang::En);
        assert_eq!(
            it.keys().collect::<Vec<_>>(),
            en.keys().collect::<Vec<_>>(),
            "{}",
            i.code
        );
        for (year, trace) in &en {
            assert!(!trace.is_empty(), "{} {year}", i.code);
            // The users' notes and names stay as written (Italian): take them out before
            // looking (names are quoted «like_this»).
            let mut words = trace.to_lowercase();
            for note in i.targets.values().filter_map(|c| c.note.as_deref()) {
                words = words.replace(&note.to_lowercase(), "");
            }
            let words = unquoted(&words);
            for w in ITALIAN {
                assert!(
                    !words.contains(w),
                    "{} {year}: «{w}» in the English trace «{trace}»",
                    i.code
                );
            }
            assert_eq!(
                italian_number(&words),
                None,
                "{} {year}: Italian number in «{trace}»",
                i.code
            );
            if it.get(year).expect("year") != trace {
                checked += 1;
            }
        }
    }
    checked
}

#[test]
fn english_traces_have_english_words_and_numbers() {
    let changed = check_english(&example_plan());
    assert!(
        changed > 200,
        "{changed} traces differ between Italian and English"
    );
    check_english(&default_plan());
}

#[test]
fn the_example_cell_of_the_qa_report_reads_in_english() {
    let plan = example_plan();
    let (_, o, i) = plan
        .indicators()
        .find(|(_, _, i)| i.code == "1.1")
        .expect("1.1 in the example plan");
    let mut parsed = ParseCache::default();
    let en = plan.explain(o, i, &mut parsed, Lang::En);
    assert_eq!(
        en.get(&2019).expect("2019"),
        "2019: 147 / 162 = 90.74%, target 100% (higher is better) → partially met, score 90.74%"
    );
    let it = plan.explain(o, i, &mut parsed, Lang::It);
    assert_eq!(
        it.get(&2019).expect("2019"),
        "2019: 147 / 162 = 90,74 %, obiettivo 100 % (più alto è meglio) → parzialmente raggiunto, grado 90,74 %"
    );
    // The words of the plan module itself (inactive years, unknown targets).
    assert_eq!(
        en.get(&2016).map(String::as_str),
        Some("2016: inactive (no target for the year)")
    );
    let (_, o3, i3) = plan
        .indicators()
        .find(|(_, _, i)| i.code == "1.3")
        .expect("1.3 in the example plan");
    let en3 = plan.explain(o3, i3, &mut parsed, Lang::En);
    assert!(
        en3.get(&2019)
            .expect("2019")
            .starts_with("2019: no data (unknown target: "),
        "{}",
        en3.get(&2019).expect("2019")
    );
}

fn same_judgement(a: &Outcome, b: &Outcome, what: &str) {
    assert_eq!(a.status, b.status, "{what}");
    assert_eq!(
        a.score.map(f64::to_bits),
        b.score.map(f64::to_bits),
        "{what}"
    );
    match (&a.value, &b.value) {
        (Value::Number(x), Value::Number(y)) => assert_eq!(x.to_bits(), y.to_bits(), "{what}"),
        (Value::Date(x), Value::Date(y)) => assert_eq!(x, y, "{what}"),
        // The reason is worded in the language asked for.
        (Value::NotAvailable(_), Value::NotAvailable(_)) => {}
        (x, y) => panic!("{what}: {x:?} vs {y:?}"),
    }
}

/// The app keeps one untraced judgement (in Italian) and writes traces in the interface
/// language: that is sound only if the language changes nothing but words.
#[test]
fn the_judgement_does_not_depend_on_the_language() {
    for plan in [default_plan(), example_plan()] {
        let mut parsed = ParseCache::default();
        for (_, o, i) in plan.indicators() {
            let it = plan.evaluate_indicator(o, i, &mut parsed, Lang::It, Trace::Off);
            let en = plan.evaluate_indicator(o, i, &mut parsed, Lang::En, Trace::On);
            assert_eq!(it.outcomes.len(), en.outcomes.len());
            for ((y, a), (_, b)) in it.outcomes.iter().zip(&en.outcomes) {
                same_judgement(a, b, &format!("{} {y}", i.code));
            }
        }
    }
}

#[test]
fn the_checker_of_numbers_is_not_blind() {
    assert!(italian_number("147 / 162 = 90,74 %").is_some());
    assert!(italian_number("= 4,9 →").is_some());
    assert!(italian_number("90 % ").is_some());
    assert_eq!(italian_number("1,234.5 and 90.74%"), None);
}
