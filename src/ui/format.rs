//! Numbers the Italian way (`3,5`, `85 %`, `1.234,5`), English on switch.

use super::i18n::Lang;

/// A number with at most `decimals` decimals (trailing zeros dropped), grouped by thousands.
pub fn number(x: f64, lang: Lang, decimals: usize) -> String {
    if !x.is_finite() {
        return crate::eval::no_data(lang).into();
    }
    let (dec_sep, group_sep) = match lang {
        Lang::It => (',', '.'),
        Lang::En => ('.', ','),
    };
    let text = format!("{:.*}", decimals, x.abs());
    let (int_part, frac_part) = match text.split_once('.') {
        Some((i, f)) => (i.to_string(), f.trim_end_matches('0').to_string()),
        None => (text.clone(), String::new()),
    };
    let mut grouped = String::new();
    let digits: Vec<char> = int_part.chars().collect();
    for (i, c) in digits.iter().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(group_sep);
        }
        grouped.push(*c);
    }
    let negative =
        x < 0.0 && (grouped.chars().any(|c| c != '0' && c != group_sep) || !frac_part.is_empty());
    let mut out = String::new();
    if negative {
        out.push('-');
    }
    out.push_str(&grouped);
    if !frac_part.is_empty() {
        out.push(dec_sep);
        out.push_str(&frac_part);
    }
    out
}

/// A number the way a cell shows it: 2 decimals at most.
pub fn num(x: f64, lang: Lang) -> String {
    number(x, lang, 2)
}

/// A ratio shown as a percentage: 0.85 → `85 %`.
pub fn percent_of_ratio(x: f64, lang: Lang) -> String {
    with_percent(number(x * 100.0, lang, 1), lang)
}

/// A score already on 0–100 → `85 %` (`85%` in English).
pub fn score(x: f64, lang: Lang) -> String {
    score_with(x, lang, 0)
}

/// [`score`] with `decimals` decimals at most.
pub fn score_with(x: f64, lang: Lang, decimals: usize) -> String {
    with_percent(number(x, lang, decimals), lang)
}

/// Italian puts a space before `%`, English does not: as the traces (`eval::format_percent`).
fn with_percent(n: String, lang: Lang) -> String {
    match lang {
        Lang::It => format!("{n} %"),
        Lang::En => format!("{n}%"),
    }
}

/// Text that is not a number (the reader lives in `eval`, plain Rust tested natively).
pub use crate::eval::NotANumber;

/// Reads a number typed by a person the Italian way: `3,5`, `1.234,5`, `1.234`, `85%`, `-2`
/// (the rules: [`crate::eval::parse_number`]). Empty → `Ok(None)`.
pub fn parse_input(text: &str) -> Result<Option<f64>, NotANumber> {
    parse_input_in(text, Lang::It)
}

/// [`parse_input`] in the interface's language (English: `1,234.5`).
pub fn parse_input_in(text: &str, lang: Lang) -> Result<Option<f64>, NotANumber> {
    crate::eval::parse_number(text, lang).map(|r| r.map(|r| r.value))
}
