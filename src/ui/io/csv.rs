//! CSV for Italian spreadsheets: `;` separator, decimal comma, UTF-8 BOM, CRLF line ends.
//!
//! A target cell unreadable in the source (`text: null`) is exported as the word the page shows,
//! `illeggibile` (`unreadable` in English) followed by its note — never as an empty cell, which
//! means "no target".

use crate::plan::TargetCell;
use crate::ui::i18n::{Lang, T};

/// One cell, quoted when it holds a separator, a quote or a line break.
pub fn cell(text: &str) -> String {
    // A leading = + - @ (or a tab or carriage return before one) would be run as a formula by
    // spreadsheets: neutralise it, except in a number (-2,5, -10 %) as `eval::parse_number` reads one.
    let risky = text.starts_with(['=', '+', '-', '@', '\t', '\r'])
        && !matches!(crate::eval::parse_number(text, Lang::It), Ok(Some(_)));
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

/// A number with a decimal comma and no grouping (what spreadsheets read back as a number).
pub fn number(x: f64) -> String {
    if !x.is_finite() {
        return String::new();
    }
    let text = format!("{x:.6}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    text.replace('.', ",")
}

/// A year's target as exported: the text as written; empty when there is no target; the
/// page's `illeggibile` marker (with the note, if any) when the source's cell is unreadable.
pub fn target(cell: Option<&TargetCell>, lang: Lang) -> String {
    match cell {
        None => String::new(),
        Some(TargetCell {
            text: Some(text), ..
        }) => text.clone(),
        Some(TargetCell { text: None, note }) => {
            let word = T::UnknownTarget.in_(lang);
            match note.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
                Some(note) => format!("{word}: {note}"),
                None => word.to_string(),
            }
        }
    }
}
