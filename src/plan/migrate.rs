//! Migrations from older versions of the exchange format to the current one.
//!
//! Version 1 → 2: version 2 added the optional `reasons` of an indicator (the motivazione dello
//! scostamento per year) and `not_after` of a deliberation. A version-1 document is a valid version-2 document but for its
//! number: it is read as it is, and written back as version 2 (`load`).
//!
//! Version 0 (the first prototype's format, Italian keys, documented in docs/plan-format.md):
//!
//! ```json
//! { "format": "cruscotto-plan", "version": 0, "titolo": "…", "ente": "…", "anni": [2016, 2021],
//!   "missioni": [ { "codice": "011", "nome": "…", "obiettivi": [ { "numero": 1, "titolo": "…",
//!     "indicatori": [ { "codice": "1.1", "nome": "…", "algoritmo": "…", "formula": "a / b",
//!       "polarita": "alto" | "basso", "owner": "S. Staff", "target": { "2019": ">=80%" },
//!       "eliminato": { "organo": "Giunta", "numero": 129, "data": "02/12/2019" } } ] } ] } ] }
//! ```
//!
//! Owners were plain names (now a list referenced by id), targets plain strings (now cells with a
//! note), and only eliminations were recorded, by an inline act (now a deliberation list).
//!
//! The migration checks the shape (lists, objects), naming the version-0 path of a fault. The
//! values it copies (texts, numbers) go as they are into a version-1 document, as JSON text: the
//! one reader of plans checks their types there, so a wrong one is reported at its version-1
//! path, as in any plan.

use super::envelope::{quoted, Json};
use super::problem::Problem;
use crate::sorted_map::SortedMap;

fn as_object<'a>(value: &'a Json, path: &str) -> Result<&'a Json, Problem> {
    match value {
        Json::Object(_) => Ok(value),
        _ => Err(not_an_object(path)),
    }
}

fn not_an_object(path: &str) -> Problem {
    Problem::new(
        path,
        "versione 0: atteso un oggetto JSON",
        "version 0: expected a JSON object",
    )
}

/// A list; a member left out is an empty list.
fn as_array<'a>(value: &'a Json, path: &str) -> Result<&'a [Json], Problem> {
    match value {
        Json::Missing => Ok(&[]),
        Json::Array(items) => Ok(items),
        _ => Err(Problem::new(
            path,
            "versione 0: attesa una lista JSON",
            "version 0: expected a JSON array",
        )),
    }
}

/// A member, `null` or left out alike (`Missing`).
fn field<'a>(obj: &'a Json, key: &str) -> &'a Json {
    obj.get(key).or_missing()
}

/// "S. Anagrafico Certificativo" → "s-anagrafico-certificativo".
fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// The version-1 document of a version-0 one, as JSON text. Members are written in the order of
/// their keys, as `serde_json::Value` wrote them when the migration used it: the reader meets a
/// document's faults, and reports the first, in the same order as then.
pub(super) fn v0_to_v1(doc: &Json) -> Result<String, Problem> {
    let root = as_object(doc, "")?;
    let years = match field(root, "anni") {
        Json::Array(years) => years.as_slice(),
        _ => &[],
    };
    let [first, last] = years else {
        return Err(Problem::new(
            "anni",
            "versione 0: «anni» deve essere [primo, ultimo]",
            "version 0: \"anni\" must be [first, last]",
        ));
    };
    let mut lists = Lists::default();
    let mut missions = Vec::new();
    for (mi, m) in as_array(root.get("missioni"), "missioni")?
        .iter()
        .enumerate()
    {
        let mpath = format!("missioni[{mi}]");
        let m = as_object(m, &mpath)?;
        let mut objectives = Vec::new();
        for (oi, o) in as_array(m.get("obiettivi"), &format!("{mpath}.obiettivi"))?
            .iter()
            .enumerate()
        {
            let opath = format!("{mpath}.obiettivi[{oi}]");
            let o = as_object(o, &opath)?;
            let mut indicators = Vec::new();
            for (ii, i) in as_array(o.get("indicatori"), &format!("{opath}.indicatori"))?
                .iter()
                .enumerate()
            {
                let ipath = format!("{opath}.indicatori[{ii}]");
                indicators.push(lists.indicator(as_object(i, &ipath)?, &ipath)?);
            }
            objectives.push(format!(
                r#"{{"indicators":[{}],"number":{},"title":{}}}"#,
                indicators.join(","),
                field(o, "numero"),
                field(o, "titolo"),
            ));
        }
        missions.push(format!(
            r#"{{"code":{},"name":{},"objectives":[{}]}}"#,
            field(m, "codice"),
            field(m, "nome"),
            objectives.join(","),
        ));
    }
    Ok(format!(
        concat!(
            r#"{{"body":{body},"deliberations":[{acts}],"format":"cruscotto-plan","#,
            r#""missions":[{missions}],"notes":["Migrato dal formato versione 0."],"#,
            r#""owners":[{owners}],"title":{title},"version":1,"#,
            r#""years":{{"first":{first},"last":{last}}}}}"#,
        ),
        body = field(root, "ente"),
        acts = lists.acts.join(","),
        missions = missions.join(","),
        owners = lists.owners.join(","),
        title = field(root, "titolo"),
        first = first,
        last = last,
    ))
}

/// The plan-wide lists that version 0 kept inline: owners and acts, as JSON objects, with their
/// ids (JSON strings).
#[derive(Default)]
struct Lists {
    owner_ids: Vec<String>,
    owners: Vec<String>,
    act_ids: Vec<String>,
    acts: Vec<String>,
}

impl Lists {
    fn indicator(&mut self, i: &Json, path: &str) -> Result<String, Problem> {
        let mut owners = String::new();
        if let Some(name) = field(i, "owner").as_str() {
            let id = quoted(&slug(name));
            if !self.owner_ids.contains(&id) {
                self.owners
                    .push(format!(r#"{{"id":{id},"name":{}}}"#, quoted(name)));
                self.owner_ids.push(id.clone());
            }
            owners = id;
        }
        let mut targets = Vec::new();
        match field(i, "target") {
            Json::Missing => {}
            Json::Object(cells) => {
                // By year, the last of a repeated year: as a map read from JSON keeps them.
                let cells: SortedMap<&str, &Json> =
                    cells.iter().map(|(y, t)| (y.as_str(), t)).collect();
                for (year, text) in &cells {
                    targets.push(match text {
                        Json::Null => format!(
                            r#"{}:{{"note":"sconosciuto (versione 0)","text":null}}"#,
                            quoted(year)
                        ),
                        text => format!(r#"{}:{{"text":{text}}}"#, quoted(year)),
                    });
                }
            }
            _ => return Err(not_an_object(&format!("{path}.target"))),
        }
        let polarity = match field(i, "polarita").as_str() {
            Some("basso") => "lower",
            _ => "higher",
        };
        let mut revisions = String::new();
        match field(i, "eliminato") {
            Json::Missing => {}
            act @ Json::Object(_) => {
                let (organ, number, date) = (
                    field(act, "organo"),
                    field(act, "numero"),
                    field(act, "data"),
                );
                let id = quoted(&slug(&format!(
                    "{}-{number}-{}",
                    organ.as_str().unwrap_or("atto"),
                    date.as_str().unwrap_or("")
                )));
                if !self.act_ids.contains(&id) {
                    self.acts.push(format!(
                        r#"{{"date":{date},"id":{id},"number":{number},"organ":{organ}}}"#
                    ));
                    self.act_ids.push(id.clone());
                }
                revisions = format!(r#"{{"deliberation":{id},"kind":"eliminato"}}"#);
            }
            _ => return Err(not_an_object(&format!("{path}.eliminato"))),
        }
        // The algoritmo, else the name, as the text of the formula.
        let formula_text = match field(i, "algoritmo") {
            Json::Missing => field(i, "nome"),
            algoritmo => algoritmo,
        };
        Ok(format!(
            concat!(
                r#"{{"code":{code},"formula":{formula},"formula_text":{formula_text},"#,
                r#""name":{name},"owners":[{owners}],"polarity":"{polarity}","#,
                r#""revisions":[{revisions}],"targets":{{{targets}}}}}"#,
            ),
            code = field(i, "codice"),
            formula = field(i, "formula"),
            formula_text = formula_text,
            name = field(i, "nome"),
            owners = owners,
            polarity = polarity,
            revisions = revisions,
            targets = targets.join(","),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::slug;

    #[test]
    fn slugs() {
        assert_eq!(
            slug("S. Anagrafico Certificativo"),
            "s-anagrafico-certificativo"
        );
        assert_eq!(slug("Giunta-129-02/12/2019"), "giunta-129-02-12-2019");
    }
}
