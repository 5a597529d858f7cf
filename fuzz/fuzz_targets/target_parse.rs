//! Any text as a target: parsing never panics; what parses prints to a text that parses to the
//! same tree, and evaluates (with and without trace) without panicking.
#![no_main]

use cruscotto::eval::{evaluate, judge, Data, Datum, Scope, Series};
use cruscotto::lang::parse_target;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(target) = parse_target(text) else {
        return;
    };
    let printed = target.to_string();
    let again = parse_target(&printed).unwrap_or_else(|e| panic!("{printed:?}: {e:?}"));
    assert_eq!(again, target, "{text:?} printed as {printed:?}");
    let values: Series = (2016..=2021).map(|y| (y, Datum::Number(f64::from(y - 2015) / 4.0))).collect();
    let data: Data = [("media_cluster".to_string(), values.clone())].into();
    let scope = Scope {
        values: Some(&values),
        years: Some((2016, 2021)),
        ..Scope::new(&data)
    };
    let traced = evaluate(&target, &scope, Some(2019));
    let untraced = judge(&target, &scope, Some(2019));
    assert_eq!(traced.status, untraced.status);
});
