//! Loading a plan from JSON: size cap, syntax, envelope (format, version), migration,
//! structure (with JSON paths), then every semantic check (see `validate`).

use super::envelope;
use super::json_path::path_at;
use super::migrate::v0_to_v1;
use super::model::{Plan, FORMAT_VERSION};
use super::problem::{LoadError, Problem};
use super::validate::validate;

/// Largest plan file accepted: far above any real plan, small enough for a browser tab.
pub const MAX_SIZE: usize = 20 * 1024 * 1024;

/// Reads a plan from JSON, migrating older versions and reporting every problem found.
pub fn load(json: &str) -> Result<Plan, LoadError> {
    if json.len() > MAX_SIZE {
        return Err(LoadError::TooLarge {
            size: json.len(),
            limit: MAX_SIZE,
        });
    }
    // A byte order mark (saved by Windows editors) is no part of the JSON.
    let json = json.strip_prefix('\u{feff}').unwrap_or(json);
    // serde_json's recursion limit (128) turns absurd nesting into an error, not a stack overflow.
    let root = envelope::scan(json, false).map_err(|e| LoadError::NotJson(syntax_problem(&e)))?;
    let version = envelope::check(&root)?;
    let mut plan = if version >= 1 {
        // Version 2 only added optional members (`reasons`): a version-1 document reads as is.
        structure(json, true)?
    } else {
        // Read again, whole this time: only older documents need it, and they are small.
        let doc = envelope::scan(json, true).map_err(|e| LoadError::NotJson(syntax_problem(&e)))?;
        let text = v0_to_v1(&doc).map_err(|p| LoadError::Invalid(vec![p]))?;
        // The migrated document is read as text too: one way of reading a plan in the page.
        structure(&text, false)?
    };
    plan.version = FORMAT_VERSION;
    let problems = validate(&plan);
    if problems.is_empty() {
        Ok(plan)
    } else {
        Err(LoadError::Invalid(problems))
    }
}

/// The plan's structure, read from the text so that an error carries its JSON path and, when
/// `located` (the user's own text, not a migrated one), its line and column.
fn structure(json: &str, located: bool) -> Result<Plan, LoadError> {
    serde_json::from_str::<Plan>(json).map_err(|e| {
        let message = strip_location(&e.to_string());
        let whole_container =
            message.starts_with("missing field") || message.starts_with("invalid length");
        let path = path_at(json, e.line(), e.column(), whole_container);
        let location = (located && e.line() > 0).then(|| (e.line(), e.column()));
        LoadError::Invalid(vec![structure_problem(path, &message, location)])
    })
}

fn syntax_problem(e: &serde_json::Error) -> Problem {
    let en = strip_location(&e.to_string());
    let it = if en.contains("recursion limit") {
        "annidamento troppo profondo (oltre 128 livelli)".to_string()
    } else if e.is_eof() {
        "il file finisce prima del previsto (JSON troncato?)".to_string()
    } else {
        format!("sintassi JSON non valida: {}", syntax_words(&en))
    };
    let p = Problem::new("", it, en);
    if e.line() > 0 {
        // serde_json says column 0 before the first character of a line; people count from 1.
        p.at(e.line(), e.column().max(1))
    } else {
        p
    }
}

/// serde_json's syntax errors in Italian (all of its messages that a file can cause).
fn syntax_words(en: &str) -> String {
    let words = match en {
        "expected value" => "qui è atteso un valore (un testo tra virgolette, un numero, true, false, null, [ … ] o { … }): è un file JSON?",
        "expected ident" => "parola non riconosciuta (sono ammesse solo true, false e null)",
        "expected `:`" => "manca «:» tra il nome di un campo e il suo valore",
        "expected `,` or `]`" => "manca «,» tra due elementi di un elenco, o «]» alla sua fine",
        "expected `,` or `}`" => "manca «,» tra due campi, o «}» alla fine di un oggetto",
        "expected `\"`" => "manca una virgoletta «\"»",
        "key must be a string" => "il nome di un campo va scritto tra virgolette",
        "trailing comma" => "una virgola di troppo prima di «]» o «}»",
        "trailing characters" => "testo in più dopo la fine del documento",
        "invalid escape" => "sequenza con «\\» non valida in un testo",
        "invalid number" => "numero non valido",
        "number out of range" => "numero troppo grande",
        "invalid unicode code point" | "lone leading surrogate in hex escape" | "unexpected end of hex escape" => {
            "sequenza «\\u» non valida in un testo"
        }
        s if s.starts_with("control character") => {
            "carattere di controllo (per esempio un a capo) dentro un testo tra virgolette"
        }
        other => return other.to_string(),
    };
    words.to_string()
}

/// serde_json appends " at line L column C"; the location is kept in its own fields.
fn strip_location(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

/// serde's names of JSON and Rust types, in words a planning officer reads.
fn type_words(serde: &str) -> String {
    let words = match serde.trim() {
        "i32" | "i64" | "u8" | "u32" | "u64" | "usize" => "un numero intero",
        "f64" | "f32" => "un numero",
        "a string" => "un testo",
        "a boolean" => "vero/falso",
        "a sequence" | "sequence" => "un elenco [ … ]",
        "a map" | "map" => "un oggetto { … }",
        "a number or a date dd/mm/yyyy" => "un numero o una data gg/mm/aaaa",
        "unit value" => "null",
        s if s.starts_with("struct ") => "un oggetto { … }",
        "null" => "null",
        other => {
            let quoted = [
                ("string ", "il testo "),
                ("integer ", "il numero "),
                ("floating point ", "il numero "),
                ("boolean ", "il valore "),
            ];
            return quoted
                .iter()
                .find_map(|(en, it)| other.strip_prefix(en).map(|v| format!("{it}{v}")))
                .unwrap_or_else(|| other.to_string());
        }
    };
    words.to_string()
}

/// A serde error worded in Italian (common cases), English kept as is.
fn structure_problem(path: String, en: &str, location: Option<(usize, usize)>) -> Problem {
    let it = if let Some(rest) = en.strip_prefix("missing field ") {
        format!("manca il campo {}", rest.replace('`', "\""))
    } else if let Some(rest) = en.strip_prefix("unknown field ") {
        let name = rest.split(',').next().unwrap_or(rest);
        format!("campo sconosciuto {}", name.replace('`', "\""))
    } else if let Some(rest) = en.strip_prefix("invalid type: ") {
        let mut parts = rest.splitn(2, ", expected ");
        let found = parts.next().unwrap_or(rest);
        let expected = parts.next().unwrap_or("?");
        format!(
            "tipo errato: trovato {}, atteso {}",
            type_words(found),
            type_words(expected)
        )
    } else if let Some(rest) = en.strip_prefix("unknown variant ") {
        format!("valore non ammesso {}", rest.replace('`', "\""))
    } else if let Some(rest) = en.strip_prefix("duplicate field ") {
        format!("campo ripetuto: {}", rest.replace('`', "\""))
    } else {
        format!("struttura non valida: {en}")
    };
    let p = Problem::new(path, it, en.to_string());
    match location {
        Some((l, c)) => p.at(l, c),
        None => p,
    }
}
