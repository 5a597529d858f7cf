//! Numbers typed or pasted by a person (`eval::parse_number`): Italian `1.234,5`, English
//! `1,234.5`, the last separator decides when both appear, a lone `.` in Italian is thousands
//! only when it looks like it; and what `format_number` prints reads back as the same number.
#![cfg(not(target_arch = "wasm32"))] // native: the browser tests are tests/browser.rs and tests/e2e

use cruscotto::eval::{format_number, parse_number, NotANumber, ReadNumber};
use cruscotto::lang::Lang;
use proptest::prelude::*;

fn it(text: &str) -> Option<f64> {
    parse_number(text, Lang::It)
        .unwrap_or_else(|_| panic!("{text:?} should be a number"))
        .map(|r| r.value)
}

fn en(text: &str) -> Option<f64> {
    parse_number(text, Lang::En)
        .unwrap_or_else(|_| panic!("{text:?} should be a number"))
        .map(|r| r.value)
}

fn plain(text: &str, lang: Lang) -> bool {
    match parse_number(text, lang) {
        Ok(Some(ReadNumber { plain, .. })) => plain,
        other => panic!("{text:?}: {other:?}"),
    }
}

#[test]
fn italian_numbers() {
    assert_eq!(it("4,9"), Some(4.9));
    assert_eq!(it("1.234,5"), Some(1234.5));
    assert_eq!(it("1.234"), Some(1234.0));
    assert_eq!(it("12.345.678"), Some(12_345_678.0));
    assert_eq!(it("12.345.678,25"), Some(12_345_678.25));
    assert_eq!(it("0,05"), Some(0.05));
    assert_eq!(it("10,50"), Some(10.5));
    assert_eq!(it("-3,5"), Some(-3.5));
    assert_eq!(it("−3,5"), Some(-3.5), "the typographic minus");
    assert_eq!(it("+2"), Some(2.0));
    assert_eq!(it("1234"), Some(1234.0));
    assert_eq!(it(",5"), Some(0.5));
    assert_eq!(it("  7  "), Some(7.0));
    assert_eq!(it(""), None);
    assert_eq!(it("   "), None);
}

#[test]
fn both_separators_the_last_is_the_decimal_one() {
    assert_eq!(it("1,234.5"), Some(1234.5));
    assert_eq!(it("1.234,5"), Some(1234.5));
    assert_eq!(it("12,345,678.9"), Some(12_345_678.9));
    assert_eq!(en("1.234,5"), Some(1234.5));
    assert_eq!(en("1,234.5"), Some(1234.5));
}

#[test]
fn a_lone_point_in_italian() {
    // Exactly 3 digits after 1–3 digits: thousands.
    assert_eq!(it("1.234"), Some(1234.0));
    assert_eq!(it("123.456"), Some(123_456.0));
    assert_eq!(it("-1.234"), Some(-1234.0));
    // Anything else: a decimal point (lenient).
    assert_eq!(it("3.5"), Some(3.5));
    assert_eq!(it("3.25"), Some(3.25));
    assert_eq!(it("1.2345"), Some(1.2345));
    assert_eq!(it("0.125"), Some(0.125), "0.125 is no thousands grouping");
    assert_eq!(
        it("1234.567"),
        Some(1234.567),
        "4 digits before: no grouping"
    );
    assert_eq!(it(".5"), Some(0.5));
    // Both readings are possible, or the text was converted: the UI says what it read.
    assert!(!plain("1.234", Lang::It));
    assert!(!plain("3.5", Lang::It));
    assert!(plain("1.234,5", Lang::It));
    assert!(plain("3,5", Lang::It));
    assert!(plain("12.345.678", Lang::It));
    assert!(plain("1234", Lang::It));
    assert!(!plain("1,234.5", Lang::It));
}

#[test]
fn a_lone_comma_in_english() {
    assert_eq!(en("1,234"), Some(1234.0));
    assert_eq!(en("3,5"), Some(3.5));
    assert_eq!(en("3.5"), Some(3.5));
    assert_eq!(en("1,234,567"), Some(1_234_567.0));
    assert!(!plain("1,234", Lang::En));
    assert!(plain("1,234.5", Lang::En));
}

#[test]
fn a_lone_comma_in_italian_is_always_decimal() {
    assert_eq!(it("1,234"), Some(1.234));
    assert!(plain("1,234", Lang::It));
    // Repeated, it can only be grouping (pasted from an English sheet).
    assert_eq!(it("1,234,567"), Some(1_234_567.0));
    assert!(!plain("1,234,567", Lang::It));
}

#[test]
fn percent_exponent_spaces() {
    assert_eq!(it("85%"), Some(0.85));
    assert_eq!(it("85 %"), Some(0.85));
    assert_eq!(it("3,5%"), Some(0.035));
    assert!(!plain("85%", Lang::It));
    assert_eq!(it("1e3"), Some(1000.0));
    assert_eq!(it("1,5E+06"), Some(1_500_000.0));
    assert_eq!(it("2e-2"), Some(0.02));
    assert!(!plain("1e3", Lang::It));
    assert_eq!(it("1 234,5"), Some(1234.5));
    assert_eq!(it("1\u{a0}234\u{a0}567"), Some(1_234_567.0));
    assert_eq!(it("1 234.5"), Some(1234.5));
    assert_eq!(it("-0"), Some(0.0));
    assert!(
        it("-0").is_some_and(|x| x.is_sign_positive()),
        "no -0 in a plan"
    );
}

#[test]
fn typing_key_by_key_never_reads_nonsense() {
    // Every prefix of `1.234,5` typed in the Italian way is a number (or nothing yet), and the
    // last one is 1234,5.
    let prefixes = ["1", "1.", "1.2", "1.23", "1.234", "1.234,", "1.234,5"];
    let read: Vec<f64> = prefixes.iter().filter_map(|p| it(p)).collect();
    assert_eq!(read, vec![1.0, 1.0, 1.2, 1.23, 1234.0, 1234.0, 1234.5]);
    assert_eq!(it("3,"), Some(3.0));
}

#[test]
fn not_numbers() {
    for text in [
        "abc",
        "tre",
        "1,2,3.4.5",
        "1.23.4",
        "1.234.5",
        "12.34.567",
        "1.2345.678",
        "1,234.5,6",
        "1e",
        "e5",
        "1e3.5",
        "--1",
        "-",
        "+",
        ",",
        ".",
        "%",
        "1%%",
        "1 2",
        "1.234 5",
        "NaN",
        "inf",
        "infinity",
        "1e400",
        "-1e400",
        "0x10",
        "1_000",
        "١٢",
        "12a",
        "1-2",
    ] {
        assert_eq!(
            parse_number(text, Lang::It),
            Err(NotANumber),
            "{text:?} is not a number"
        );
    }
}

/// A number with at most 4 decimals (what `format_number` prints), not too large to print them.
fn four_decimals() -> impl Strategy<Value = f64> {
    (-100_000_000_000i64..100_000_000_000i64, 0u32..=4)
        .prop_map(|(n, k)| n as f64 / 10f64.powi(k as i32))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// What the app prints, a person can paste back: the same number.
    #[test]
    fn format_then_parse_gives_the_number_back(x in four_decimals()) {
        for lang in [Lang::It, Lang::En] {
            let text = format_number(x, lang);
            let back = parse_number(&text, lang).map(|r| r.map(|r| r.value));
            prop_assert_eq!(back, Ok(Some(x)), "{} printed as {:?}", x, text);
        }
    }

    /// Any finite number: it reads back as the number rounded to the 4 decimals printed.
    #[test]
    fn any_number_reads_back_rounded(x in -1e12f64..1e12) {
        let text = format_number(x, Lang::It);
        let back = parse_number(&text, Lang::It).ok().flatten().map(|r| r.value);
        let rounded: f64 = format!("{x:.4}").parse().unwrap_or(f64::NAN);
        prop_assert_eq!(back, Some(if rounded == 0.0 { 0.0 } else { rounded }), "{:?}", text);
    }

    /// Whatever the text: a finite number, nothing, or "not a number" — never a panic, NaN or inf.
    #[test]
    fn never_nan(text in "[-+−0-9.,eE% \u{a0}']{0,16}|\\PC{0,12}") {
        for lang in [Lang::It, Lang::En] {
            if let Ok(Some(r)) = parse_number(&text, lang) {
                prop_assert!(r.value.is_finite());
            }
        }
    }

    /// Plain Italian with a decimal comma and grouped thousands: read exactly.
    #[test]
    fn grouped_italian(int in 0u64..1_000_000_000_000, frac in proptest::option::of("[0-9]{1,4}")) {
        let digits = int.to_string();
        let mut grouped = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                grouped.push('.');
            }
            grouped.push(c);
        }
        let (text, plain_text) = match &frac {
            Some(f) => (format!("{grouped},{f}"), format!("{digits}.{f}")),
            None => (grouped.clone(), digits.clone()),
        };
        let expected: f64 = plain_text.parse().unwrap_or(f64::NAN);
        let read = parse_number(&text, Lang::It);
        prop_assert_eq!(read.map(|r| r.map(|r| r.value)), Ok(Some(expected)), "{:?}", text);
    }
}

#[test]
fn huge_and_tiny_numbers_are_shown_in_spreadsheet_notation_and_read_back() {
    use cruscotto::eval::format_number;
    assert_eq!(format_number(1e308, Lang::It), "1E+308");
    assert_eq!(
        format_number(1e-308, Lang::It),
        "0",
        "below 1E-12: rounding noise"
    );
    assert_eq!(format_number(-1.5e-12, Lang::It), "-1,5E-12");
    assert_eq!(format_number(2.5e20, Lang::En), "2.5E+20");
    // Ordinary numbers as before; nothing that is not zero shows as 0.
    assert_eq!(format_number(1234.5, Lang::It), "1.234,5");
    assert_eq!(format_number(0.00004, Lang::It), "4E-05");
    for x in [1e308, 1e-11, -1.5e-12, 2.5e20, 4e-5] {
        for lang in [Lang::It, Lang::En] {
            let shown = format_number(x, lang);
            let back = parse_number(&shown, lang).unwrap().unwrap().value;
            assert!((back - x).abs() <= x.abs() * 1e-3, "{shown} → {back} ≠ {x}");
        }
    }
}
