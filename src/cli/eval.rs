//! `cruscotto eval`: JSON Lines in, one JSON line out per input line.
//!
//! Input fields: `target` (text, required); the indicator's value as `value` (number or
//! "dd/mm/yyyy"), or `values` (`{"2018": 0.3, "2019": 0.28}`), or `formula` + `data`;
//! `data` also carries benchmark series (`media_cluster`); `year`; `polarity` ("higher" or
//! "lower"); `code` (e.g. "ITP"); `years` ([first, last]); `lang` ("it" or "en"); `numbers`
//! ("it": `1.000` is one thousand, the default; "en": `.` is the decimal point); `unit` (the
//! indicator's unit, e.g. "%", "giorni": a target written in another unit is an error).
//! Output: `{"value", "status", "score", "trace"}` or `{"error": {"message", "line", "column"}}`.

use std::io::{BufRead, Write};

use serde_json::{json, Map, Value as Json};

use crate::eval::{evaluate_in, Data, Date, Datum, Polarity, Scope, Series, Value};
use crate::lang::{
    compose, parse_formula_in, parse_target_in, target_unit, Diagnostic, Lang, Notation,
};
use crate::plan::unit_mismatch;

/// Runs the `eval` verb; returns the process exit code (0: every line was answered, 1: the
/// output could not be written).
pub fn run(input: impl BufRead, mut output: impl Write) -> i32 {
    for (n, line) in input.lines().enumerate() {
        let reply = match line {
            Ok(text) if text.trim().is_empty() => continue,
            // A byte order mark (Windows editors) is no part of the JSON.
            Ok(text) => answer(text.strip_prefix('\u{feff}').unwrap_or(&text), n + 1),
            Err(e) => input_error(
                n + 1,
                None,
                Lang::It,
                &format!("riga illeggibile: {e}"),
                &format!("unreadable line: {e}"),
            ),
        };
        if writeln!(output, "{reply}").is_err() {
            return 1;
        }
    }
    0
}

/// The fields a request may have; any other is refused (a misspelt `polarty` must not be
/// silently ignored).
const FIELDS: &[&str] = &[
    "target", "formula", "data", "values", "value", "year", "polarity", "code", "years", "lang",
    "numbers", "unit",
];

fn input_error(n: usize, column: Option<usize>, lang: Lang, it: &str, en: &str) -> Json {
    let message = match lang {
        Lang::It => format!("riga {n} dell'input: {it}"),
        Lang::En => format!("input line {n}: {en}"),
    };
    json!({ "error": { "message": message, "line": n, "column": column, "source": "input" } })
}

fn parse_error(d: &Diagnostic, what: &str, lang: Lang) -> Json {
    let label = match (what, lang) {
        ("formula", Lang::It) => "formula",
        ("formula", Lang::En) => "formula",
        (_, _) => "target",
    };
    json!({ "error": { "message": format!("{label}: {}", d.message(lang)), "line": d.line, "column": d.column, "source": what } })
}

/// The language a line asks for, read from its text even when it is not valid JSON
/// (`"lang": "en"` anywhere in it).
fn sniff_lang(text: &str) -> Lang {
    let mut rest = text;
    while let Some(i) = rest.find("\"lang\"") {
        rest = &rest[i + 6..];
        let after = rest.trim_start();
        if let Some(value) = after.strip_prefix(':') {
            if value.trim_start().starts_with("\"en\"") {
                return Lang::En;
            }
        }
    }
    Lang::It
}

/// serde_json counts columns in bytes; the language counts characters, and so do we.
fn char_column(text: &str, line: usize, byte_column: usize) -> usize {
    let line_text = text.lines().nth(line.saturating_sub(1)).unwrap_or(text);
    let mut end = byte_column.saturating_sub(1).min(line_text.len());
    while !line_text.is_char_boundary(end) {
        end -= 1;
    }
    line_text[..end].chars().count() + 1
}

fn answer(text: &str, n: usize) -> Json {
    let obj: Map<String, Json> = match serde_json::from_str::<Json>(text) {
        Ok(Json::Object(o)) => o,
        Ok(_) => {
            return input_error(
                n,
                None,
                sniff_lang(text),
                "serve un oggetto JSON {…}",
                "a JSON object {…} is needed",
            )
        }
        Err(e) => {
            let column = char_column(text, e.line(), e.column());
            return input_error(
                n,
                Some(column),
                sniff_lang(text),
                &format!("JSON non valido ({e})"),
                &format!("invalid JSON ({e})"),
            );
        }
    };
    let lang = match obj.get("lang") {
        Some(Json::String(l)) if l == "en" => Lang::En,
        _ => Lang::It,
    };
    match Request::read(&obj, lang) {
        Ok(req) => req.run(),
        Err((it, en)) => input_error(n, None, lang, &it, &en),
    }
}

struct Request {
    target: String,
    formula: Option<String>,
    data: Data,
    values: Option<Series>,
    year: Option<i32>,
    polarity: Polarity,
    code: Option<String>,
    years: Option<(i32, i32)>,
    lang: Lang,
    notation: Notation,
    unit: Option<String>,
}

/// An input error in both languages.
type Bad = (String, String);

fn bad(it: impl Into<String>, en: impl Into<String>) -> Bad {
    (it.into(), en.into())
}

fn string(obj: &Map<String, Json>, key: &str) -> Result<Option<String>, Bad> {
    match obj.get(key) {
        None | Some(Json::Null) => Ok(None),
        Some(Json::String(s)) => Ok(Some(s.clone())),
        Some(_) => Err(bad(
            format!("«{key}» deve essere un testo"),
            format!("«{key}» must be a text"),
        )),
    }
}

fn datum(v: &Json, what: &str) -> Result<Datum, Bad> {
    let read = match v {
        Json::Number(x) => x.as_f64().filter(|x| x.is_finite()).map(Datum::Number),
        Json::String(t) => Date::parse(t).map(Datum::Date),
        _ => None,
    };
    read.ok_or_else(|| {
        bad(
            format!("{what}: {v} non è né un numero né una data gg/mm/aaaa"),
            format!("{what}: {v} is neither a number nor a date dd/mm/yyyy"),
        )
    })
}

fn series(v: &Json, what: &str) -> Result<Series, Bad> {
    let Json::Object(map) = v else {
        return Err(bad(
            format!("«{what}» deve essere un oggetto {{\"2019\": valore, …}}"),
            format!("«{what}» must be an object {{\"2019\": value, …}}"),
        ));
    };
    // Built in one go (sorted once): inserting one year at a time would shift the entries
    // after it, quadratic for keys given in descending order.
    map.iter()
        .map(|(k, v)| {
            let year: i32 = k.trim().parse().map_err(|_| {
                bad(
                    format!("«{what}»: «{k}» non è un anno"),
                    format!("«{what}»: «{k}» is not a year"),
                )
            })?;
            Ok((year, datum(v, &format!("«{what}» {k}"))?))
        })
        .collect()
}

impl Request {
    fn read(obj: &Map<String, Json>, lang: Lang) -> Result<Request, Bad> {
        if let Some(unknown) = obj.keys().find(|k| !FIELDS.contains(&k.as_str())) {
            // `Year` for `year`: same letters, another case, is the likeliest slip.
            let same = FIELDS.iter().find(|f| f.eq_ignore_ascii_case(unknown));
            let hint = same.map_or_else(
                || crate::lang::suggest(unknown, FIELDS),
                |f| vec![f.to_string()],
            );
            let (it, en) = match hint.first() {
                Some(h) => (format!(": forse «{h}»?"), format!(": did you mean «{h}»?")),
                None => (
                    format!(" (i campi sono {})", FIELDS.join(", ")),
                    format!(" (the fields are {})", FIELDS.join(", ")),
                ),
            };
            return Err(bad(
                format!("campo sconosciuto «{unknown}»{it}"),
                format!("unknown field «{unknown}»{en}"),
            ));
        }
        let target = string(obj, "target")?
            .ok_or_else(|| bad("manca il campo «target»", "the field «target» is missing"))?;
        let year =
            match obj.get("year") {
                None | Some(Json::Null) => None,
                Some(v) => Some(v.as_i64().and_then(|y| i32::try_from(y).ok()).ok_or_else(
                    || {
                        bad(
                            "«year» deve essere un anno intero",
                            "«year» must be a whole year",
                        )
                    },
                )?),
            };
        let polarity = match string(obj, "polarity")?
            .as_deref()
            .map(str::to_lowercase)
            .as_deref()
        {
            None | Some("higher") | Some("alto") => Polarity::Higher,
            Some("lower") | Some("basso") => Polarity::Lower,
            Some(p) => {
                return Err(bad(
                    format!("«polarity» è «higher» o «lower», non «{p}»"),
                    format!("«polarity» is «higher» or «lower», not «{p}»"),
                ))
            }
        };
        let notation = match string(obj, "numbers")?.as_deref() {
            None | Some("it") => Notation::Italian,
            Some("en") => Notation::English,
            Some(n) => {
                return Err(bad(
                    format!("«numbers» è «it» o «en», non «{n}»"),
                    format!("«numbers» is «it» or «en», not «{n}»"),
                ))
            }
        };
        match string(obj, "lang")?.as_deref() {
            None | Some("it") | Some("en") => {}
            Some(l) => {
                return Err(bad(
                    format!("«lang» è «it» o «en», non «{l}»"),
                    format!("«lang» is «it» or «en», not «{l}»"),
                ))
            }
        }
        let data: Data = match obj.get("data") {
            None | Some(Json::Null) => Data::new(),
            // Names with accents pasted as combining marks read the same series as the formula.
            Some(Json::Object(m)) => m
                .iter()
                .map(|(name, s)| Ok((compose(name).into_owned(), series(s, name)?)))
                .collect::<Result<_, Bad>>()?,
            Some(_) => {
                return Err(bad(
                    "«data» deve essere un oggetto {\"misura\": {\"2019\": 17}}",
                    "«data» must be an object {\"measure\": {\"2019\": 17}}",
                ))
            }
        };
        let mut values = match obj.get("values") {
            None | Some(Json::Null) => None,
            Some(v) => Some(series(v, "values")?),
        };
        if let Some(v) = obj.get("value").filter(|v| !v.is_null()) {
            let d = datum(v, "«value»")?;
            // With no year, the single value stands alone (key 0 is never shown).
            values
                .get_or_insert_with(Series::new)
                .insert(year.unwrap_or(0), d);
        }
        let two_years = || bad("«years» vuole due anni", "«years» needs two years");
        let years = match obj.get("years") {
            None | Some(Json::Null) => None,
            Some(Json::Array(a)) if a.len() == 2 => {
                let y = |i: usize| a[i].as_i64().and_then(|y| i32::try_from(y).ok());
                let (first, last) = (y(0).ok_or_else(two_years)?, y(1).ok_or_else(two_years)?);
                if first > last {
                    return Err(bad(
                        format!("«years» va dal primo all'ultimo anno: [{last}, {first}], non [{first}, {last}]"),
                        format!("«years» goes from the first to the last year: [{last}, {first}], not [{first}, {last}]"),
                    ));
                }
                Some((first, last))
            }
            Some(_) => {
                return Err(bad(
                    "«years» deve essere [primo, ultimo]",
                    "«years» must be [first, last]",
                ))
            }
        };
        Ok(Request {
            target,
            formula: string(obj, "formula")?,
            data,
            values,
            year,
            polarity,
            code: string(obj, "code")?,
            years,
            lang,
            notation,
            unit: string(obj, "unit")?,
        })
    }

    fn run(self) -> Json {
        let target = match parse_target_in(&self.target, self.notation) {
            Ok(t) => t,
            Err(ds) => {
                return ds
                    .first()
                    .map_or(Json::Null, |d| parse_error(d, "target", self.lang))
            }
        };
        if let (Some(written), Some(unit)) = (target_unit(&self.target), self.unit.as_deref()) {
            if let Some((it, en)) = unit_mismatch(written, unit) {
                let message = if self.lang == Lang::It { it } else { en };
                return json!({ "error": { "message": format!("target: {message}"), "line": 1, "column": 1, "source": "target" } });
            }
        }
        let formula = match self
            .formula
            .as_deref()
            .map(|f| parse_formula_in(f, self.notation))
        {
            None => None,
            Some(Ok(f)) => Some(f),
            Some(Err(ds)) => {
                return ds
                    .first()
                    .map_or(Json::Null, |d| parse_error(d, "formula", self.lang))
            }
        };
        let scope = Scope {
            data: &self.data,
            values: self.values.as_ref(),
            formula: formula.as_ref(),
            polarity: self.polarity,
            code: self.code.as_deref(),
            years: self.years,
        };
        let out = evaluate_in(&target, &scope, self.year, self.lang);
        let value = match out.value {
            Value::Number(x) => json!(x),
            Value::Date(d) => json!(d.to_string()),
            Value::NotAvailable(_) => Json::Null,
        };
        let status = serde_json::to_value(out.status).unwrap_or(Json::Null);
        json!({ "value": value, "status": status, "score": out.score, "trace": out.trace })
    }
}
