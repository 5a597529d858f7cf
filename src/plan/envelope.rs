//! The envelope of a plan file (`"format"`, `"version"`), read in one pass over the text that
//! also checks the whole document's JSON syntax; and, for the migration of older versions, the
//! whole document as a small tree.
//!
//! Both go through serde_json's `deserialize_any` everywhere, as reading a `serde_json::Value`
//! did: the same syntax errors at the same lines and columns, numbers out of range and escapes
//! checked in every string, nesting limited to 128 levels (an error, never a stack overflow).
//! `Value` (its `BTreeMap`, its printing and writing) cost the page ~10 KB gzipped; this tree and
//! its one visitor ~5 KB with the migration; typed (serde derive) structs for version 0 instead
//! of the tree, 4.5 KB more (docs/performance.md, «Peso»).

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use super::format::json_text;
use super::model::FORMAT_VERSION;
use super::problem::{LoadError, Problem};

/// A JSON value; objects keep their members in the order written, repeated keys included.
#[derive(Debug)]
pub(super) enum Json {
    /// Not in the document: a member left out.
    Missing,
    Null,
    Bool(bool),
    /// A non-negative integer (serde_json reads those as `u64`, negative ones as `i64`).
    U64(u64),
    I64(i64),
    F64(f64),
    Str(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

impl Json {
    pub(super) fn as_str(&self) -> Option<&str> {
        match self {
            Json::Str(s) => Some(s),
            _ => None,
        }
    }

    /// A member of an object (the last, if repeated, as in a `serde_json::Value`); `Missing`
    /// for a member left out and for anything but an object.
    pub(super) fn get(&self, key: &str) -> &Json {
        match self {
            Json::Object(members) => members
                .iter()
                .rev()
                .find(|(k, _)| k == key)
                .map_or(&Json::Missing, |(_, v)| v),
            _ => &Json::Missing,
        }
    }

    /// The value, `Missing` for `null`: version 0 treated the two alike.
    pub(super) fn or_missing(&self) -> &Json {
        match self {
            Json::Null => &Json::Missing,
            other => other,
        }
    }
}

/// The value as compact JSON, as `serde_json::Value` printed it (but an object's members in the
/// order written, repeated keys included; a member left out: `null`).
impl fmt::Display for Json {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Json::Missing | Json::Null => f.write_str("null"),
            Json::Bool(b) => write!(f, "{b}"),
            Json::U64(n) => write!(f, "{n}"),
            Json::I64(n) => write!(f, "{n}"),
            // serde_json's own writing of numbers and strings.
            Json::F64(x) => f.write_str(&json_text(x, false).map_err(|_| fmt::Error)?),
            Json::Str(s) => f.write_str(&quoted(s)),
            Json::Array(items) => {
                f.write_str("[")?;
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        f.write_str(",")?;
                    }
                    write!(f, "{item}")?;
                }
                f.write_str("]")
            }
            Json::Object(members) => {
                f.write_str("{")?;
                for (i, (key, value)) in members.iter().enumerate() {
                    if i > 0 {
                        f.write_str(",")?;
                    }
                    write!(f, "{}:{value}", quoted(key))?;
                }
                f.write_str("}")
            }
        }
    }
}

/// A text as a JSON string, escaped as serde_json escapes it.
pub(super) fn quoted(text: &str) -> String {
    json_text(text, false).unwrap_or_default()
}

/// What a scan keeps of the value it reads.
#[derive(Clone, Copy, PartialEq)]
enum Keep {
    /// Everything.
    All,
    /// Of an object, its `format` and `version` (the document's root).
    Envelope,
    /// Nothing: the value is only checked.
    Nothing,
}

struct Scan(Keep);

impl<'de> DeserializeSeed<'de> for Scan {
    type Value = Json;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Json, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Scan {
    type Value = Json;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Json, E> {
        Ok(Json::Bool(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Json, E> {
        Ok(Json::I64(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Json, E> {
        Ok(Json::U64(v))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Json, E> {
        Ok(Json::F64(v))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Json, E> {
        Ok(Json::Str(match self.0 {
            Keep::Nothing => String::new(),
            Keep::All | Keep::Envelope => v.to_string(),
        }))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        let keep = if self.0 == Keep::All {
            Keep::All
        } else {
            Keep::Nothing
        };
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(Scan(keep))? {
            if keep == Keep::All {
                items.push(item);
            }
        }
        Ok(Json::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        let keys = if self.0 == Keep::Nothing {
            Keep::Nothing
        } else {
            Keep::All
        };
        let mut members = Vec::new();
        while let Some(key) = map.next_key_seed(Scan(keys))? {
            let kept = match self.0 {
                Keep::All => true,
                Keep::Envelope => matches!(key.as_str(), Some("format" | "version")),
                Keep::Nothing => false,
            };
            let value = map.next_value_seed(Scan(if kept { Keep::All } else { Keep::Nothing }))?;
            if let (true, Json::Str(key)) = (kept, key) {
                members.push((key, value));
            }
        }
        Ok(Json::Object(members))
    }
}

/// Reads the whole document, keeping everything (`all`) or only, if it is an object, its
/// `format` and `version`.
pub(super) fn scan(json: &str, all: bool) -> serde_json::Result<Json> {
    // What `serde_json::from_str` does, with a seed.
    let mut de = serde_json::Deserializer::from_str(json);
    let root = Scan(if all { Keep::All } else { Keep::Envelope }).deserialize(&mut de)?;
    de.end()?;
    Ok(root)
}

/// Checks `"format"` and `"version"` of a scanned document; returns the version to migrate from.
pub(super) fn check(root: &Json) -> Result<u32, LoadError> {
    let Json::Object(_) = root else {
        return Err(LoadError::NotAPlan(Problem::new(
            "",
            "il documento non è un oggetto JSON con \"format\": \"cruscotto-plan\"",
            "the document is not a JSON object with \"format\": \"cruscotto-plan\"",
        )));
    };
    match root.get("format") {
        Json::Str(f) if f == "cruscotto-plan" => {}
        Json::Missing => {
            return Err(LoadError::NotAPlan(Problem::new(
                "format",
                "manca il campo \"format\": \"cruscotto-plan\"",
                "missing field \"format\": \"cruscotto-plan\"",
            )))
        }
        other => {
            return Err(LoadError::NotAPlan(Problem::new(
                "format",
                format!("formato {other} sconosciuto: atteso \"cruscotto-plan\""),
                format!("unknown format {other}: expected \"cruscotto-plan\""),
            )));
        }
    }
    match root.get("version") {
        Json::U64(v) => match u32::try_from(*v) {
            Ok(v) if v <= FORMAT_VERSION => Ok(v),
            _ => Err(LoadError::UnsupportedVersion {
                found: i64::try_from(*v).unwrap_or(i64::MAX),
                supported: FORMAT_VERSION,
            }),
        },
        Json::I64(v) => match u32::try_from(*v) {
            Ok(v) if v <= FORMAT_VERSION => Ok(v),
            _ => Err(LoadError::UnsupportedVersion {
                found: *v,
                supported: FORMAT_VERSION,
            }),
        },
        Json::Missing => Err(LoadError::NotAPlan(Problem::new(
            "version",
            "manca il campo \"version\"",
            "missing field \"version\"",
        ))),
        other => Err(LoadError::NotAPlan(Problem::new(
            "version",
            format!("versione {other} non valida: atteso un numero intero"),
            format!("invalid version {other}: expected an integer"),
        ))),
    }
}
