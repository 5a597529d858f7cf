//! Writing CSV for Italian spreadsheets: `;` separator, decimal comma, UTF-8 BOM, CRLF; and
//! numbers written so that reading them back gives the same number, bit for bit.

use crate::eval::{parse_number, Datum};
use crate::lang::Lang;

/// One cell, quoted when it holds a separator, a quote or a line break.
pub fn cell(text: &str) -> String {
    // A leading = + - @ (or a tab or carriage return before one) would be run as a formula by
    // spreadsheets: neutralise it with a `'` (the reader drops it), except in a number
    // (-2,5, -10 %) as `eval::parse_number` reads one.
    let risky = text.starts_with(['=', '+', '-', '@', '\t', '\r'])
        && !matches!(parse_number(text, Lang::It), Ok(Some(_)));
    let text = if risky {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if text.contains([';', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// What [`cell`] added to keep a spreadsheet from running a text as a formula, taken away.
pub fn uncell(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => text,
    }
}

/// Rows of cells → the file's text, with the BOM Excel needs to read UTF-8.
pub fn document(rows: &[Vec<String>]) -> String {
    let mut out = String::from("\u{FEFF}");
    for row in rows {
        let line: Vec<String> = row.iter().map(|c| cell(c)).collect();
        out.push_str(&line.join(";"));
        out.push_str("\r\n");
    }
    out
}

/// A number as a person reads it in a spreadsheet, decimal comma, no grouping: as a
/// percentage (`55,7 %`) when `percent`, else plain (`0,5`, `1234`). Always the text that
/// `eval::parse_number` reads back as exactly `x`: the percentage gets the few decimals that
/// takes; a number that no percentage text gives back exactly is written plain.
pub fn number(x: f64, percent: bool) -> String {
    if !x.is_finite() {
        return String::new();
    }
    if percent && (x * 100.0).is_finite() {
        for decimals in 0..=17 {
            let text = format!("{:.*} %", decimals, x * 100.0).replace('.', ",");
            if matches!(parse_number(&text, Lang::It), Ok(Some(r)) if r.value == x) {
                return text;
            }
        }
    }
    // Rust's shortest text that reads back as the same number; never an exponent.
    let text = format!("{x}").replace('.', ",");
    if text == "-0" {
        "0".into()
    } else {
        text
    }
}

/// A datum: a number as [`number`], a date as `dd/mm/yyyy`.
pub fn datum(d: &Datum, percent: bool) -> String {
    match d {
        Datum::Number(x) => number(*x, percent),
        Datum::Date(d) => d.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_back_exactly() {
        assert_eq!(number(0.557047, true), "55,7047 %");
        assert_eq!(number(0.5, true), "50 %");
        assert_eq!(number(1.0, true), "100 %");
        assert_eq!(number(1234.5, false), "1234,5");
        assert_eq!(number(-10.0, false), "-10");
        assert_eq!(number(f64::NAN, false), "");
        for x in [
            0.1,
            0.7,
            1.0 / 3.0,
            0.123456789,
            1e-9,
            12345.678,
            -0.02,
            3.5,
        ] {
            for percent in [false, true] {
                let text = number(x, percent);
                let back = parse_number(&text, Lang::It).unwrap().unwrap().value;
                assert_eq!(back, x, "{x} → {text}");
            }
        }
    }

    #[test]
    fn cells_are_quoted_and_formulas_neutralised() {
        assert_eq!(cell("a;b"), "\"a;b\"");
        assert_eq!(cell("3,5"), "3,5");
        assert_eq!(cell("=1+1"), "'=1+1");
        assert_eq!(uncell("'=1+1"), "=1+1");
        assert_eq!(uncell("l'anno"), "l'anno");
        assert_eq!(cell("-2,5"), "-2,5");
    }
}
