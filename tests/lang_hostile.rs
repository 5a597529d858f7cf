//! Whatever the text, the language answers with a value or a diagnostic: no panic, no hang,
//! no NaN.
#![cfg(not(target_arch = "wasm32"))] // native: the browser tests are tests/browser.rs and tests/e2e

use cruscotto::eval::{evaluate, Data, Datum, Outcome, Polarity, Scope, Series, Status, Value};
use cruscotto::lang::{parse_formula, parse_target, DiagnosticKind, Lang, MAX_CHARS, MAX_NESTING};
use proptest::prelude::*;

fn kind_of_target(src: &str) -> DiagnosticKind {
    parse_target(src).expect_err("must be refused")[0]
        .kind
        .clone()
}

fn kind_of_formula(src: &str) -> DiagnosticKind {
    parse_formula(src).expect_err("must be refused")[0]
        .kind
        .clone()
}

#[test]
fn a_hundred_thousand_open_parentheses() {
    let open = "(".repeat(100_000);
    let closed = format!("{open}1{}", ")".repeat(100_000));
    for src in [&open, &closed] {
        // The text is over the length cap too; the length check comes first.
        assert!(matches!(
            kind_of_target(src),
            DiagnosticKind::TooLong { .. }
        ));
        assert!(matches!(
            kind_of_formula(src),
            DiagnosticKind::TooLong { .. }
        ));
    }
    // Within the length cap, the nesting limit refuses it before pest recurses.
    let deep = format!("{}1{}", "(".repeat(4000), ")".repeat(4000));
    assert_eq!(
        kind_of_formula(&deep),
        DiagnosticKind::TooDeep { max: MAX_NESTING }
    );
    assert_eq!(
        kind_of_target(&deep),
        DiagnosticKind::TooDeep { max: MAX_NESTING }
    );
    let brackets = format!("a{}", "[".repeat(5000));
    assert_eq!(
        kind_of_formula(&brackets),
        DiagnosticKind::TooDeep { max: MAX_NESTING }
    );
}

#[test]
fn nesting_up_to_the_limit_works() {
    // Debug builds need more than the default 2 MB test stack at 64 levels (see below).
    let worker = std::thread::Builder::new().stack_size(8 << 20).spawn(|| {
        let src = format!(
            "{}17{} / 20",
            "(".repeat(MAX_NESTING),
            ")".repeat(MAX_NESTING)
        );
        let f = parse_formula(&src).expect("64 levels are allowed");
        let data = Data::new();
        let scope = Scope {
            formula: Some(&f),
            ..Scope::new(&data)
        };
        let deeper = format!(
            "{}1{}",
            "(".repeat(MAX_NESTING + 1),
            ")".repeat(MAX_NESTING + 1)
        );
        (scope.value(2019).0, parse_formula(&deeper).is_err())
    });
    let (value, refused) = worker
        .expect("thread starts")
        .join()
        .expect("no stack overflow");
    assert_eq!(value, Value::Number(0.85));
    assert!(refused);
}

#[test]
fn long_chains_of_operators_are_refused_not_overflowed() {
    // 4 999 additions fit in the length cap; the tree would be 4 999 levels deep.
    let chain = vec!["1"; 5000].join("+");
    assert!(chain.len() < MAX_CHARS);
    assert!(matches!(
        kind_of_formula(&chain),
        DiagnosticKind::ChainTooLong { .. }
    ));
    let ands = vec![">= 1"; 1200].join(" e ");
    assert!(matches!(
        kind_of_target(&ands),
        DiagnosticKind::ChainTooLong { .. }
    ));
    let powers = vec!["2"; 2000].join("^");
    assert!(matches!(
        kind_of_formula(&powers),
        DiagnosticKind::TooDeep { .. }
    ));
    // A chain that fits is fine: 100 terms.
    let ok = vec!["1"; 100].join(" + ");
    assert!(parse_formula(&ok).is_ok());
}

#[test]
fn a_megabyte_of_text() {
    let big = "1".repeat(1 << 20);
    assert_eq!(
        kind_of_formula(&big),
        DiagnosticKind::TooLong {
            chars: 1 << 20,
            max: MAX_CHARS
        }
    );
    let words = "fascicoli ".repeat(100_000);
    assert!(matches!(
        kind_of_target(&words),
        DiagnosticKind::TooLong { .. }
    ));
}

#[test]
fn nul_bytes_lone_percent_and_odd_text() {
    assert_eq!(kind_of_target("\0"), DiagnosticKind::Nul);
    assert_eq!(kind_of_target(">= 8\u{0}0%"), DiagnosticKind::Nul);
    assert_eq!(kind_of_target("%"), DiagnosticKind::LonePercent);
    assert_eq!(kind_of_formula("%"), DiagnosticKind::LonePercent);
    assert_eq!(kind_of_target("   "), DiagnosticKind::Empty);
    for src in [
        "%%",
        "≥ %",
        "()",
        "[]",
        "(((",
        ")))",
        "X-",
        "x[",
        "se(",
        ";;",
        "–",
        "🙂",
        "\u{202e}>1",
        "1,",
        ",5",
        "--1",
        "non non > 1",
    ] {
        let _ = parse_target(src);
        let _ = parse_formula(src);
    }
}

#[test]
fn numbers_that_overflow_are_not_infinite() {
    let huge = "9".repeat(400);
    assert!(matches!(
        kind_of_formula(&huge),
        DiagnosticKind::NumberTooLarge { .. }
    ));
    assert!(matches!(
        kind_of_target(&format!(">= {huge}")),
        DiagnosticKind::NumberTooLarge { .. }
    ));
    // Arithmetic that overflows is n.d. with a reason, not inf or NaN.
    let data = Data::new();
    for src in [
        "10 ^ 400",
        "1000000000 * 1000000000 ^ 40",
        "(-8) ^ 0,5",
        "0 ^ -1",
        "1 / 0",
    ] {
        let f = parse_formula(src).expect("parses");
        let scope = Scope {
            formula: Some(&f),
            ..Scope::new(&data)
        };
        let (v, trace) = scope.value(2019);
        assert!(matches!(v, Value::NotAvailable(_)), "{src}: {v:?}");
        assert!(trace.contains("n.d."), "{trace}");
    }
}

fn no_nan(o: &Outcome) {
    if let Value::Number(x) = o.value {
        assert!(x.is_finite());
    }
    if let Some(s) = o.score {
        assert!((0.0..=100.0).contains(&s), "score {s}");
    }
    assert!(
        !o.trace.contains("NaN") && !o.trace.contains("inf"),
        "{}",
        o.trace
    );
}

fn check_any(text: &str) {
    let f = parse_formula(text);
    let t = parse_target(text);
    for d in f
        .as_ref()
        .err()
        .into_iter()
        .chain(t.as_ref().err())
        .flatten()
    {
        assert!(d.span.end <= text.len());
        let _ = d.render(text, Lang::It);
        let _ = d.render(text, Lang::En);
    }
    let data = Data::from([
        (
            "a".to_string(),
            Series::from([(2019, Datum::Number(0.0)), (2018, Datum::Number(-3.0))]),
        ),
        (
            "media_cluster".to_string(),
            Series::from([(2019, Datum::Number(0.5))]),
        ),
    ]);
    let values = Series::from([(2019, Datum::Number(0.0)), (2018, Datum::Number(1e308))]);
    if let Ok(t) = &t {
        let _ = t.to_string();
        let _ = t.tree();
        for polarity in [Polarity::Higher, Polarity::Lower] {
            let formula = f.as_ref().ok();
            let scope = Scope {
                data: &data,
                values: Some(&values),
                formula,
                polarity,
                code: Some("A"),
                years: None,
            };
            for year in [None, Some(2019), Some(i32::MIN), Some(i32::MAX)] {
                let o = evaluate(t, &scope, year);
                no_nan(&o);
                if o.status == Status::NoData {
                    assert_eq!(o.score, None);
                }
            }
        }
    }
    if let Ok(f) = &f {
        let scope = Scope {
            formula: Some(f),
            ..Scope::new(&data)
        };
        let (v, _) = scope.value(2019);
        if let Value::Number(x) = v {
            assert!(x.is_finite());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        check_any(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn random_token_soup_never_panics(tokens in prop::collection::vec(prop::sample::select(vec![
        "X", "X-1", "x", "a", "a[x-1]", "a[2019]", "media", "cluster", "scostamento", "max", "da", "tra", "e", "o",
        "non", "entro", "parziale", "(", ")", "[", "]", ";", ",", "%", "80%", "3,5", "0", "-", "+", "*", "/", "^",
        ">=", "≥", "<", "≤", "=", "≠", "<>", "31/12/2019", "se(", "media(", "abs(", "Anno", "di", "rilevazione", "ITP",
        "1e5", "99999999999999999999999", "0,0000001",
    ]), 0..24)) {
        check_any(&tokens.join(" "));
        check_any(&tokens.concat());
    }
}

/// The deepest accepted inputs (64 levels of function calls, of negations) parse, evaluate and
/// print. Stack measured natively (see docs/language.md): under 512 KB with optimisations, about
/// 4 MB in a debug build, so the debug test runs on an 8 MB thread. With less stack, pest's own
/// guard (native only) turns into a "too deep" diagnostic rather than a crash.
#[test]
fn deepest_accepted_inputs_work() {
    let worker = std::thread::Builder::new().stack_size(8 << 20).spawn(|| {
        let calls = format!(
            "{}x1{}",
            "se(a > b; 1; ".repeat(MAX_NESTING),
            ")".repeat(MAX_NESTING)
        );
        let f = parse_formula(&calls).expect("64 nested calls are allowed");
        let data = Data::from([
            ("a".to_string(), Series::from([(2019, Datum::Number(1.0))])),
            ("b".to_string(), Series::from([(2019, Datum::Number(2.0))])),
            ("x1".to_string(), Series::from([(2019, Datum::Number(7.0))])),
        ]);
        let printed = f.to_string();
        let value = Scope {
            formula: Some(&f),
            ..Scope::new(&data)
        }
        .value(2019)
        .0;
        let target = format!(
            "{}≥ 1{}",
            "non (".repeat(MAX_NESTING),
            ")".repeat(MAX_NESTING)
        );
        let t = parse_target(&target).expect("64 levels of conditions are allowed");
        let values = Series::from([(2019, Datum::Number(2.0))]);
        let scope = Scope {
            values: Some(&values),
            ..Scope::new(&data)
        };
        (
            printed == calls,
            value,
            evaluate(&t, &scope, Some(2019)).status,
        )
    });
    let (printed, value, status) = worker
        .expect("thread starts")
        .join()
        .expect("no stack overflow");
    assert!(printed);
    assert_eq!(value, Value::Number(7.0));
    assert_eq!(
        status,
        Status::Met,
        "an even number of negations of a true condition"
    );
}

#[test]
fn a_small_stack_gives_a_diagnostic_not_a_crash() {
    // 128 KB: pest's guard stops before the stack runs out (native targets).
    let worker = std::thread::Builder::new().stack_size(128 << 10).spawn(|| {
        let deep = format!("{}1{}", "(".repeat(MAX_NESTING), ")".repeat(MAX_NESTING));
        parse_formula(&deep)
            .map(|_| ())
            .map_err(|d| d[0].kind.clone())
    });
    let result = worker
        .expect("thread starts")
        .join()
        .expect("no stack overflow");
    if let Err(kind) = result {
        assert_eq!(kind, DiagnosticKind::TooDeep { max: MAX_NESTING });
    }
}
