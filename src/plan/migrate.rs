//! Migrations from older versions of the exchange format to the current one.
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

use serde_json::{json, Map, Value};

use super::problem::Problem;

/// Brings a document of `version` up to the current version, step by step.
pub fn migrate(mut doc: Value, version: u32) -> Result<Value, Problem> {
    if version == 0 {
        doc = v0_to_v1(&doc)?;
    }
    Ok(doc)
}

fn field<'a>(obj: &'a Map<String, Value>, key: &str) -> Option<&'a Value> {
    obj.get(key).filter(|v| !v.is_null())
}

fn text(obj: &Map<String, Value>, key: &str) -> Value {
    field(obj, key).cloned().unwrap_or(Value::Null)
}

fn as_object<'a>(value: &'a Value, path: &str) -> Result<&'a Map<String, Value>, Problem> {
    value.as_object().ok_or_else(|| {
        Problem::new(
            path,
            "versione 0: atteso un oggetto JSON",
            "version 0: expected a JSON object",
        )
    })
}

fn as_array<'a>(value: Option<&'a Value>, path: &str) -> Result<&'a [Value], Problem> {
    match value {
        None => Ok(&[]),
        Some(Value::Array(items)) => Ok(items),
        Some(_) => Err(Problem::new(
            path,
            "versione 0: attesa una lista JSON",
            "version 0: expected a JSON array",
        )),
    }
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

fn v0_to_v1(doc: &Value) -> Result<Value, Problem> {
    let root = as_object(doc, "")?;
    let (first, last) = match field(root, "anni")
        .and_then(Value::as_array)
        .map(Vec::as_slice)
    {
        Some([a, b]) => (a.clone(), b.clone()),
        _ => {
            return Err(Problem::new(
                "anni",
                "versione 0: «anni» deve essere [primo, ultimo]",
                "version 0: \"anni\" must be [first, last]",
            ))
        }
    };
    let mut owners: Vec<Value> = Vec::new();
    let mut deliberations: Vec<Value> = Vec::new();
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
                let i = as_object(i, &ipath)?;
                indicators.push(indicator_v0(i, &ipath, &mut owners, &mut deliberations)?);
            }
            objectives.push(json!({
                "number": text(o, "numero"),
                "title": text(o, "titolo"),
                "indicators": indicators,
            }));
        }
        missions.push(json!({
            "code": text(m, "codice"),
            "name": text(m, "nome"),
            "objectives": objectives,
        }));
    }
    Ok(json!({
        "format": "cruscotto-plan",
        "version": 1,
        "title": text(root, "titolo"),
        "body": text(root, "ente"),
        "years": { "first": first, "last": last },
        "notes": ["Migrato dal formato versione 0."],
        "owners": owners,
        "deliberations": deliberations,
        "missions": missions,
    }))
}

fn indicator_v0(
    i: &Map<String, Value>,
    path: &str,
    owners: &mut Vec<Value>,
    deliberations: &mut Vec<Value>,
) -> Result<Value, Problem> {
    let mut owner_ids = Vec::new();
    if let Some(name) = field(i, "owner").and_then(Value::as_str) {
        let id = slug(name);
        if !owners.iter().any(|o| o["id"] == id.as_str()) {
            owners.push(json!({ "id": id, "name": name }));
        }
        owner_ids.push(Value::from(id));
    }
    let mut targets = Map::new();
    if let Some(t) = field(i, "target") {
        for (year, value) in as_object(t, &format!("{path}.target"))? {
            let cell = match value {
                Value::Null => json!({ "text": null, "note": "sconosciuto (versione 0)" }),
                other => json!({ "text": other }),
            };
            targets.insert(year.clone(), cell);
        }
    }
    let polarity = match field(i, "polarita").and_then(Value::as_str) {
        Some("basso") => "lower",
        _ => "higher",
    };
    let mut revisions = Vec::new();
    if let Some(act) = field(i, "eliminato") {
        let act = as_object(act, &format!("{path}.eliminato"))?;
        let organ = text(act, "organo");
        let number = text(act, "numero");
        let date = text(act, "data");
        let id = slug(&format!(
            "{}-{}-{}",
            organ.as_str().unwrap_or("atto"),
            number,
            date.as_str().unwrap_or("")
        ));
        if !deliberations.iter().any(|d| d["id"] == id.as_str()) {
            deliberations.push(json!({ "id": id, "organ": organ, "number": number, "date": date }));
        }
        revisions.push(json!({ "kind": "eliminato", "deliberation": id }));
    }
    Ok(json!({
        "code": text(i, "codice"),
        "name": text(i, "nome"),
        "formula": text(i, "formula"),
        "formula_text": field(i, "algoritmo").or_else(|| field(i, "nome")).cloned().unwrap_or(Value::Null),
        "polarity": polarity,
        "owners": owner_ids,
        "targets": targets,
        "revisions": revisions,
    }))
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
