//! `cruscotto eval`: JSON Lines in, one JSON line out per input line.
//!
//! Input fields: `target` (text, required); the indicator's value as `value` (number or
//! "dd/mm/yyyy"), or `values` (`{"2018": 0.3, "2019": 0.28}`), or `formula` + `data`;
//! `data` also carries benchmark series (`media_cluster`); `year`; `polarity` ("higher" or
//! "lower"); `code` (e.g. "ITP"); `years` ([first, last]); `lang` ("it" or "en").
//! Output: `{"value", "status", "score", "trace"}` or `{"error": {"message", "line", "column"}}`.

use std::io::{BufRead, Write};

use serde_json::{json, Map, Value as Json};

use crate::eval::{evaluate_in, Data, Datum, Polarity, Scope, Series, Value};
use crate::lang::{parse_formula, parse_target, Diagnostic, Lang};

/// Runs the `eval` verb; returns the process exit code (0: every line was answered).
pub fn run(input: impl BufRead, mut output: impl Write) -> i32 {
    for (n, line) in input.lines().enumerate() {
        let reply = match line {
            Ok(text) if text.trim().is_empty() => continue,
            Ok(text) => answer(&text, n + 1),
            Err(e) => input_error(n + 1, &format!("riga illeggibile: {e}")),
        };
        if writeln!(output, "{reply}").is_err() {
            return 1;
        }
    }
    0
}

fn input_error(n: usize, message: &str) -> Json {
    input_error_at(n, None, message)
}

fn input_error_at(n: usize, column: Option<usize>, message: &str) -> Json {
    json!({ "error": { "message": format!("riga {n} dell'input: {message}"), "line": n, "column": column, "source": "input" } })
}

fn parse_error(d: &Diagnostic, what: &str, lang: Lang) -> Json {
    let label = match (what, lang) {
        ("formula", Lang::It) => "formula",
        ("formula", Lang::En) => "formula",
        (_, _) => "target",
    };
    json!({ "error": { "message": format!("{label}: {}", d.message(lang)), "line": d.line, "column": d.column, "source": what } })
}

fn answer(text: &str, n: usize) -> Json {
    let obj: Map<String, Json> = match serde_json::from_str::<Json>(text) {
        Ok(Json::Object(o)) => o,
        Ok(_) => return input_error(n, "serve un oggetto JSON {…}"),
        Err(e) => return input_error_at(n, Some(e.column()), &format!("JSON non valido ({e})")),
    };
    match Request::read(&obj) {
        Ok(req) => req.run(),
        Err(msg) => input_error(n, &msg),
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
}

fn string(obj: &Map<String, Json>, key: &str) -> Result<Option<String>, String> {
    match obj.get(key) {
        None | Some(Json::Null) => Ok(None),
        Some(Json::String(s)) => Ok(Some(s.clone())),
        Some(_) => Err(format!("«{key}» deve essere un testo")),
    }
}

fn datum(v: &Json, what: &str) -> Result<Datum, String> {
    serde_json::from_value::<Datum>(v.clone()).map_err(|e| format!("{what}: {e}"))
}

fn series(v: &Json, what: &str) -> Result<Series, String> {
    let Json::Object(map) = v else {
        return Err(format!(
            "«{what}» deve essere un oggetto {{\"2019\": valore, …}}"
        ));
    };
    // Built in one go (sorted once): inserting one year at a time would shift the entries
    // after it, quadratic for keys given in descending order.
    map.iter()
        .map(|(k, v)| {
            let year: i32 = k
                .trim()
                .parse()
                .map_err(|_| format!("«{what}»: «{k}» non è un anno"))?;
            Ok((year, datum(v, &format!("«{what}» {k}"))?))
        })
        .collect()
}

impl Request {
    fn read(obj: &Map<String, Json>) -> Result<Request, String> {
        let target = string(obj, "target")?.ok_or("manca il campo «target»")?;
        let year = match obj.get("year") {
            None | Some(Json::Null) => None,
            Some(v) => Some(
                v.as_i64()
                    .and_then(|y| i32::try_from(y).ok())
                    .ok_or("«year» deve essere un anno intero")?,
            ),
        };
        let polarity = match string(obj, "polarity")?
            .as_deref()
            .map(str::to_lowercase)
            .as_deref()
        {
            None | Some("higher") | Some("alto") => Polarity::Higher,
            Some("lower") | Some("basso") => Polarity::Lower,
            Some(p) => return Err(format!("«polarity» è «higher» o «lower», non «{p}»")),
        };
        let lang = match string(obj, "lang")?.as_deref() {
            None | Some("it") => Lang::It,
            Some("en") => Lang::En,
            Some(l) => return Err(format!("«lang» è «it» o «en», non «{l}»")),
        };
        let data: Data = match obj.get("data") {
            None | Some(Json::Null) => Data::new(),
            Some(Json::Object(m)) => m
                .iter()
                .map(|(name, s)| Ok((name.clone(), series(s, name)?)))
                .collect::<Result<_, String>>()?,
            Some(_) => {
                return Err("«data» deve essere un oggetto {\"misura\": {\"2019\": 17}}".into())
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
        let years = match obj.get("years") {
            None | Some(Json::Null) => None,
            Some(Json::Array(a)) if a.len() == 2 => {
                let y = |i: usize| a[i].as_i64().and_then(|y| i32::try_from(y).ok());
                Some((
                    y(0).ok_or("«years» vuole due anni")?,
                    y(1).ok_or("«years» vuole due anni")?,
                ))
            }
            Some(_) => return Err("«years» deve essere [primo, ultimo]".into()),
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
        })
    }

    fn run(self) -> Json {
        let target = match parse_target(&self.target) {
            Ok(t) => t,
            Err(ds) => {
                return ds
                    .first()
                    .map_or(Json::Null, |d| parse_error(d, "target", self.lang))
            }
        };
        let formula = match self.formula.as_deref().map(parse_formula) {
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
