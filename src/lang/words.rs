//! Turns "pest failed at byte N expecting these rules" into what a person would say:
//! "manca il valore dopo ≥", "«%» va scritto subito dopo un numero", "parola sconosciuta «meda»:
//! forse «media»?".

use super::diagnostic::{floor_char_boundary, Diagnostic, DiagnosticKind as K, Expected, Found};
use super::parse::{FUNCTIONS, KEYWORDS};
use super::suggest::suggest;

/// Tokens after which a value must come.
const VALUE_AFTER: &[&str] = &[
    "≥", ">=", "=>", ">", "≤", "<=", "=<", "<", "=", "==", "≠", "!=", "<>", "+", "-", "−", "*",
    "×", "·", "/", "÷", "^", "(", ";", "tra", "between", "e", "and", "o", "or", "non", "not", "da",
    "of", "entro", "by", "max", "massimo", "within", "from",
];

pub(crate) fn describe(src: &str, pos: usize, expected: Vec<Expected>) -> Diagnostic {
    let pos = floor_char_boundary(src, pos.min(src.len()));
    let rest = &src[pos..];
    let found = token_at(rest);
    let here = pos..pos + found.as_ref().map_or(0, |t| t.len());

    if rest.starts_with('%') {
        return Diagnostic::at(src, pos..pos + 1, K::LonePercent);
    }
    if rest.starts_with(',') && inside_call(&src[..pos]) {
        return Diagnostic::at(src, pos..pos + 1, K::CommaInCall);
    }
    if let Some(d) = unknown_word(src, pos) {
        return d;
    }
    let before = src[..pos].trim_end();
    if let Some(after) = last_token(before) {
        let is_op = VALUE_AFTER.iter().any(|t| t.eq_ignore_ascii_case(after));
        if is_op && expected.contains(&Expected::Value) {
            let start = before.len() - after.len();
            return Diagnostic::at(
                src,
                start..pos.max(before.len()),
                K::MissingValue {
                    after: after.to_string(),
                },
            );
        }
    }
    let found = match found {
        None => Found::End,
        Some(t) => Found::Text(t.chars().map(shown).collect()),
    };
    Diagnostic::at(src, here, K::Unexpected { found, expected })
}

fn shown(c: char) -> char {
    if c.is_control() {
        '�'
    } else {
        c
    }
}

/// The word, number or single symbol at the start of `rest` (None at the end).
fn token_at(rest: &str) -> Option<&str> {
    let c = rest.chars().next()?;
    let end = if c.is_alphabetic() || c == '_' {
        rest.find(|x: char| !(x.is_alphanumeric() || x == '_'))
            .unwrap_or(rest.len())
    } else if c.is_ascii_digit() {
        rest.find(|x: char| !(x.is_ascii_digit() || x == ',' || x == '.'))
            .unwrap_or(rest.len())
    } else {
        c.len_utf8()
    };
    // Long words are cut: the message only needs to show where.
    let end = floor_char_boundary(rest, end.min(40)).max(c.len_utf8());
    Some(&rest[..end])
}

/// The last word or operator of `before` (already trimmed).
fn last_token(before: &str) -> Option<&str> {
    let c = before.chars().next_back()?;
    let start = if c.is_alphabetic() || c == '_' {
        before
            .rfind(|x: char| !(x.is_alphanumeric() || x == '_'))
            .map_or(0, |i| i + char_len(before, i))
    } else if "<>=!≥≤≠".contains(c) {
        before
            .rfind(|x: char| !"<>=!≥≤≠".contains(x))
            .map_or(0, |i| i + char_len(before, i))
    } else {
        before.len() - c.len_utf8()
    };
    Some(&before[start..])
}

fn char_len(s: &str, i: usize) -> usize {
    s[i..].chars().next().map_or(1, char::len_utf8)
}

/// True when the text before the error has an unclosed `(` opened right after a name.
fn inside_call(before: &str) -> bool {
    let mut depth = 0i32;
    for (i, c) in before.char_indices().rev() {
        match c {
            ')' => depth += 1,
            '(' if depth > 0 => depth -= 1,
            '(' => {
                let name = before[..i].trim_end();
                return name.chars().next_back().is_some_and(char::is_alphabetic);
            }
            _ => {}
        }
    }
    false
}

/// A word at (or just before) the error that is close to a keyword or function name.
fn unknown_word(src: &str, pos: usize) -> Option<Diagnostic> {
    let known: Vec<&str> = KEYWORDS.iter().chain(FUNCTIONS).copied().collect();
    let is_known =
        |w: &str| known.iter().any(|k| k.eq_ignore_ascii_case(w)) || w.eq_ignore_ascii_case("x");
    let mut candidates = Vec::new();
    if let Some(w) = token_at(&src[pos..]).filter(|w| w.starts_with(|c: char| c.is_alphabetic())) {
        candidates.push((pos, w));
    }
    let before = src[..pos].trim_end();
    if let Some(w) = last_token(before).filter(|w| w.starts_with(|c: char| c.is_alphabetic())) {
        candidates.push((before.len() - w.len(), w));
    }
    candidates.into_iter().find_map(|(at, w)| {
        if is_known(w) {
            return None;
        }
        let suggestions = suggest(w, &known);
        (!suggestions.is_empty()).then(|| {
            Diagnostic::at(
                src,
                at..at + w.len(),
                K::UnknownWord {
                    word: w.to_string(),
                    suggestions,
                },
            )
        })
    })
}
