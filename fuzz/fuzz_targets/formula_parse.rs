//! Any text as a formula: parsing never panics; what parses prints to a text that parses to the
//! same tree, and computes over data naming its measures without panicking.
#![no_main]

use cruscotto::eval::{Data, Datum, Scope, Series};
use cruscotto::lang::parse_formula;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(formula) = parse_formula(text) else {
        return;
    };
    let printed = formula.to_string();
    let again = parse_formula(&printed).unwrap_or_else(|e| panic!("{printed:?}: {e:?}"));
    assert_eq!(again, formula, "{text:?} printed as {printed:?}");
    let data: Data = formula
        .measures()
        .into_iter()
        .enumerate()
        .map(|(k, name)| {
            let series: Series = (2016..=2021).map(|y| (y, Datum::Number((k + 1) as f64 * f64::from(y - 2015)))).collect();
            (name, series)
        })
        .collect();
    let scope = Scope {
        formula: Some(&formula),
        years: Some((2016, 2021)),
        ..Scope::new(&data)
    };
    let _ = scope.value(2019);
});
