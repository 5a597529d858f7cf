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

/// "n.d." (English "no data"): what cannot be computed, as the badges say it.
pub fn no_data(lang: Lang) -> &'static str {
    super::Status::NoData.label(lang == Lang::En)
}

fn format_decimals(x: f64, decimals: usize, lang: Lang) -> String {
    if !x.is_finite() {
        return no_data(lang).into();
    }
    // Beyond 15 digits, or too small to show with these decimals: spreadsheet notation
    // (1E+308, 4E-05), never a 309-digit number or a 0 that is not zero. Below 1E-12 it is
    // rounding noise of binary arithmetic (0,1 + 0,2 − 0,3) and shows as 0.
    let tiny = (1e-12..0.5 * 10f64.powi(-(decimals as i32))).contains(&x.abs());
    if x.abs() >= 1e15 || tiny {
        // Rust's own rounding of mantissa and exponent: "-1.500e-308".
        let sci = format!("{x:.3e}");
        let (mantissa, exponent) = sci.split_once('e').unwrap_or((&sci, "0"));
        let mantissa = mantissa.trim_end_matches('0').trim_end_matches('.');
        let mantissa = match lang {
            Lang::It => mantissa.replace('.', ","),
            Lang::En => mantissa.to_string(),
        };
        let (sign, digits) = match exponent.strip_prefix('-') {
            Some(d) => ('-', d),
            None => ('+', exponent),
        };
        return format!("{mantissa}E{sign}{digits:0>2}");
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

/// Text typed or pasted by a person that is not a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotANumber;

/// A number read from text a person typed: its value, and whether the text was written the
/// plain way of the language (otherwise the interface says what it understood: "letto come …").
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ReadNumber {
    pub value: f64,
    /// `false` when the text could be read otherwise (`1.234`: thousands or decimals?) or was
    /// converted (`85%`, `1e3`, `1,234.5` in Italian, `3.5` in Italian).
    pub plain: bool,
}

/// Reads a number the way a person writes it (Italian: `,` decimals and `.` thousands; English
/// the other way round). Empty text → `Ok(None)`.
///
/// - `1.234,5` = 1234,5 · `1.234` = 1234 · `12.345.678` = 12345678 · `1 234,5` = 1234,5;
/// - both `.` and `,`: the last one is the decimal separator (`1,234.5` = 1234,5 in Italian too);
/// - one separator of the other language's kind, once (`.` in Italian): thousands when it
///   follows 1–3 digits (not starting with 0) and is followed by exactly 3 digits (`1.234`),
///   otherwise a decimal point (`3.5`, `0.125`, `1234.5`): lenient, and reported as not plain;
/// - a separator repeated is a thousands separator, and its groups must have 3 digits;
/// - `85%` = 0,85; a sign `-` (or `−`, `+`); an exponent `1,5E+06`; a trailing separator while
///   typing (`3,` = 3).
///
/// Never NaN or infinite: a number too large for f64 is not a number.
pub fn parse_number(text: &str, lang: Lang) -> Result<Option<ReadNumber>, NotANumber> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let (t, percent) = match t.strip_suffix('%') {
        Some(rest) => (rest.trim_end(), true),
        None => (t, false),
    };
    let (negative, t) = if let Some(rest) = t.strip_prefix('-').or_else(|| t.strip_prefix('−')) {
        (true, rest)
    } else {
        (false, t.strip_prefix('+').unwrap_or(t))
    };
    let (mantissa, exponent) = match t.find(['e', 'E']) {
        Some(at) => (&t[..at], Some(&t[at + 1..])),
        None => (t, None),
    };
    let exponent = match exponent {
        None => None,
        Some(e) => {
            let digits = e.strip_prefix(['+', '-']).unwrap_or(e);
            if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return Err(NotANumber);
            }
            Some(e)
        }
    };
    let (int, frac, plain) = split_mantissa(mantissa, lang)?;
    let mut canonical = String::with_capacity(int.len() + frac.len() + 8);
    if negative {
        canonical.push('-');
    }
    canonical.push_str(if int.is_empty() { "0" } else { &int });
    if !frac.is_empty() {
        canonical.push('.');
        canonical.push_str(frac);
    }
    if let Some(e) = exponent {
        canonical.push('e');
        canonical.push_str(e);
    }
    let x = crate::float::parse_decimal(&canonical).ok_or(NotANumber)?;
    let x = if percent { x / 100.0 } else { x };
    if !x.is_finite() {
        return Err(NotANumber);
    }
    Ok(Some(ReadNumber {
        // No "-0" in a plan.
        value: if x == 0.0 { 0.0 } else { x },
        plain: plain && !percent && exponent.is_none(),
    }))
}

/// Spaces people use to group thousands (`1 234`), besides the language's separator.
fn is_space_group(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\'')
}

/// The digits before and after the decimal separator of a mantissa (grouping removed), and
/// whether it was written the plain way of `lang`.
fn split_mantissa(m: &str, lang: Lang) -> Result<(String, &str, bool), NotANumber> {
    if !m
        .chars()
        .all(|c| c.is_ascii_digit() || c == '.' || c == ',' || is_space_group(c))
    {
        return Err(NotANumber);
    }
    let (local_point, local_group) = match lang {
        Lang::It => (',', '.'),
        Lang::En => ('.', ','),
    };
    let dots = m.matches('.').count();
    let commas = m.matches(',').count();
    let spaced = m.chars().any(is_space_group);
    // Which character, if any, is the decimal separator, and is the reading the plain one?
    let (point, plain) = match (dots, commas) {
        (0, 0) => (None, true),
        (_, 0) | (0, _) => {
            let (c, n) = if dots > 0 { ('.', dots) } else { (',', commas) };
            if n > 1 {
                // Repeated: thousands (`12.345.678`; `1,234,567` pasted from English).
                (None, c == local_group)
            } else if c == local_point {
                (Some(c), true)
            } else if spaced {
                // `1 234.5`: the spaces group, so the point is decimal.
                (Some(c), false)
            } else {
                // A lone separator of the other kind: thousands only if it looks like it.
                let (before, after) = m.split_once(c).unwrap_or((m, ""));
                let thousands =
                    (1..=3).contains(&before.len()) && !before.starts_with('0') && after.len() == 3;
                (if thousands { None } else { Some(c) }, false)
            }
        }
        _ => {
            // Both: the last one is the decimal separator, and it comes once.
            let last = m.rfind(['.', ',']).and_then(|i| m[i..].chars().next());
            let c = last.ok_or(NotANumber)?;
            if m.matches(c).count() != 1 {
                return Err(NotANumber);
            }
            (Some(c), c == local_point)
        }
    };
    let (int, frac) = match point {
        Some(c) => m.split_once(c).ok_or(NotANumber)?,
        None => (m, ""),
    };
    if !frac.bytes().all(|b| b.is_ascii_digit()) {
        return Err(NotANumber);
    }
    let groups: Vec<&str> = int
        .split(|c: char| c == '.' || c == ',' || is_space_group(c))
        .collect();
    if groups.len() > 1 {
        let first_ok = (1..=3).contains(&groups[0].len());
        if !first_ok || groups[1..].iter().any(|g| g.len() != 3) {
            return Err(NotANumber);
        }
    }
    let digits: String = groups.concat();
    if digits.is_empty() && frac.is_empty() {
        return Err(NotANumber);
    }
    Ok((digits, frac, plain && !spaced))
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
        Value::NotAvailable(_) => no_data(lang).into(),
    }
}

/// How many decimals (0–9) tell `a` and `b` apart once rounded: `None` when they are the same
/// value (equal, or apart only by the noise of binary arithmetic), so "66 % → 66 %" is never
/// shown as a change, while 66,4 → 65,6 shows with one decimal.
pub fn decimals_to_tell_apart(a: f64, b: f64) -> Option<usize> {
    let noise = 1e-9 * a.abs().max(b.abs()).max(1.0);
    if !a.is_finite() || !b.is_finite() || (a - b).abs() <= noise {
        return None;
    }
    (0..=9usize)
        .find(|d| {
            let scale = 10f64.powi(*d as i32);
            (a * scale).round() != (b * scale).round()
        })
        .or(Some(9))
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
        assert_eq!(format_number(-1e-13, Lang::It), "0");
        assert_eq!(format_number(0.1 + 0.2 - 0.3, Lang::It), "0");
        assert_eq!(format_number(-0.00001, Lang::It), "-1E-05");
        assert_eq!(format_number(1.0 / 3.0, Lang::It), "0,3333");
        assert_eq!(format_number(1_000_000.0, Lang::It), "1.000.000");
        assert_eq!(format_number(f64::NAN, Lang::It), "n.d.");
        assert_eq!(format_percent(0.85, Lang::It), "85 %");
        assert_eq!(format_percent(0.855, Lang::En), "85.5%");
    }

    #[test]
    fn decimals_tell_real_changes_apart_and_ignore_noise() {
        assert_eq!(decimals_to_tell_apart(66.0, 66.0), None);
        assert_eq!(decimals_to_tell_apart(0.1 + 0.2, 0.3), None);
        assert_eq!(decimals_to_tell_apart(66.0, 66.0 + 1e-12), None);
        assert_eq!(decimals_to_tell_apart(66.0, 67.0), Some(0));
        // Both show "66 %" with no decimal: a real change, shown with one.
        assert_eq!(decimals_to_tell_apart(66.4, 65.6), Some(1));
        assert_eq!(decimals_to_tell_apart(66.0, 66.004), Some(3));
        assert_eq!(decimals_to_tell_apart(f64::NAN, 1.0), None);
    }
}
