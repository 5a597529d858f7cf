//! Numbers the Italian way (`3,5`, `1.234,5`, `85 %`) or the English way.

use crate::lang::Lang;

use super::{Datum, Value};

/// A number for people: at most 4 decimals, no trailing zeros, thousands grouped.
/// Italian `1.234,5`, English `1,234.5`. Never prints NaN or inf ("n.d." instead).
pub fn format_number(x: f64, lang: Lang) -> String {
    format_decimals(x, 4, lang)
}

/// A fraction as a percentage: 0,85 → `85 %` (Italian, with a space) or `85%` (English).
pub fn format_percent(x: f64, lang: Lang) -> String {
    let n = format_decimals(x * 100.0, 2, lang);
    match lang {
        Lang::It => format!("{n} %"),
        Lang::En => format!("{n}%"),
    }
}

fn format_decimals(x: f64, decimals: usize, lang: Lang) -> String {
    if !x.is_finite() {
        return "n.d.".into();
    }
    let text = format!("{:.*}", decimals, x.abs());
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let frac = frac.trim_end_matches('0');
    let (group, point) = match lang {
        Lang::It => ('.', ','),
        Lang::En => (',', '.'),
    };
    let mut out = String::with_capacity(text.len() + 4);
    let negative = x < 0.0 && (int.bytes().any(|b| b != b'0') || !frac.is_empty());
    if negative {
        out.push('-');
    }
    let digits = int.len();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (digits - i) % 3 == 0 {
            out.push(group);
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push(point);
        out.push_str(frac);
    }
    out
}

/// A datum or value as shown in traces: numbers as percentages when the target is written so.
pub(crate) fn show_datum(d: &Datum, percent: bool, lang: Lang) -> String {
    match d {
        Datum::Number(x) if percent => format_percent(*x, lang),
        Datum::Number(x) => format_number(*x, lang),
        Datum::Date(d) => d.to_string(),
    }
}

pub(crate) fn show_value(v: &Value, percent: bool, lang: Lang) -> String {
    match v {
        Value::Number(x) => show_datum(&Datum::Number(*x), percent, lang),
        Value::Date(d) => d.to_string(),
        Value::NotAvailable(_) => "n.d.".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn italian_and_english() {
        assert_eq!(format_number(3.5, Lang::It), "3,5");
        assert_eq!(format_number(1234.5, Lang::It), "1.234,5");
        assert_eq!(format_number(1234.5, Lang::En), "1,234.5");
        assert_eq!(format_number(-10.0, Lang::It), "-10");
        assert_eq!(format_number(-0.00001, Lang::It), "0");
        assert_eq!(format_number(1.0 / 3.0, Lang::It), "0,3333");
        assert_eq!(format_number(1_000_000.0, Lang::It), "1.000.000");
        assert_eq!(format_number(f64::NAN, Lang::It), "n.d.");
        assert_eq!(format_percent(0.85, Lang::It), "85 %");
        assert_eq!(format_percent(0.855, Lang::En), "85.5%");
    }
}
