//! Data values as plans carry them in JSON: numbers, or dates written dd/mm/yyyy.
#![cfg(not(target_arch = "wasm32"))] // native: the browser tests are tests/browser.rs and tests/e2e
use cruscotto::eval::{Date, Datum};

#[test]
fn dates_are_real_calendar_days() {
    assert_eq!(Date::parse("31/12/2019"), Date::new(2019, 12, 31));
    assert!(Date::parse("31/12/2019").is_some());
    assert_eq!(Date::parse("29/02/2019"), None, "2019 is not a leap year");
    assert!(Date::parse("29/02/2020").is_some());
    assert_eq!(Date::parse("1/13/2020"), None);
    assert_eq!(
        Date::parse("31/12/19"),
        None,
        "a two-digit year is ambiguous"
    );
    assert!(Date::parse("30/11/2019") < Date::parse("01/12/2019"));
}

#[test]
fn a_datum_reads_a_number_or_a_date_and_writes_it_back() {
    let datum: Datum = serde_json::from_str("3.5").unwrap();
    assert_eq!(datum, Datum::Number(3.5));
    let datum: Datum = serde_json::from_str("\"31/12/2019\"").unwrap();
    assert_eq!(serde_json::to_string(&datum).unwrap(), "\"31/12/2019\"");
    let err = serde_json::from_str::<Datum>("\"domani\"").unwrap_err();
    assert!(err.to_string().contains("gg/mm/aaaa"), "{err}");
}
