//! The exchange format: pretty JSON in a stable order, and its JSON Schema.

use std::io;

use serde::Serialize;
use serde_json::ser::{CompactFormatter, Formatter, PrettyFormatter};

use super::model::Plan;

/// The plan as pretty JSON (struct fields in declaration order, maps sorted by key).
pub fn to_json(plan: &Plan) -> String {
    plan_text(plan, true)
}

/// The plan as compact JSON (localStorage, share links); `load` reads both.
pub fn to_compact_json(plan: &Plan) -> String {
    plan_text(plan, false)
}

fn plan_text(plan: &Plan, pretty: bool) -> String {
    // Serializing these types cannot fail (string keys, finite numbers); keep a readable
    // fallback rather than a panic all the same.
    json_text(plan, pretty)
        .unwrap_or_else(|e| format!("{{\"error\": \"{}\"}}", e.to_string().replace('"', "'")))
}

/// `value` as JSON, pretty (as `serde_json::to_string_pretty`) or compact (as
/// `serde_json::to_string`). One serializer type for both layouts: the page holds one copy of
/// each type's serialization code instead of one per layout.
pub fn json_text<T: Serialize + ?Sized>(value: &T, pretty: bool) -> serde_json::Result<String> {
    let mut out = Vec::with_capacity(256);
    let layout = Layout(pretty.then(PrettyFormatter::new));
    value.serialize(&mut serde_json::Serializer::with_formatter(
        &mut out, layout,
    ))?;
    String::from_utf8(out).map_err(serde::ser::Error::custom)
}

/// serde_json's pretty layout, or its compact one when `None`, chosen at run time.
struct Layout(Option<PrettyFormatter<'static>>);

/// Each punctuation call goes to the pretty formatter, or to the compact one.
macro_rules! layout {
    ($($name:ident($($arg:ident: $ty:ty),*);)*) => {
        $(fn $name<W: ?Sized + io::Write>(&mut self, w: &mut W $(, $arg: $ty)*) -> io::Result<()> {
            match &mut self.0 {
                Some(pretty) => pretty.$name(w $(, $arg)*),
                None => CompactFormatter.$name(w $(, $arg)*),
            }
        })*
    };
}

impl Formatter for Layout {
    layout! {
        begin_array();
        end_array();
        begin_array_value(first: bool);
        end_array_value();
        begin_object();
        end_object();
        begin_object_key(first: bool);
        begin_object_value();
        end_object_value();
    }
}

/// The JSON Schema of the format, generated from the Rust types (`docs/plan-format.schema.json`).
pub fn schema_json() -> String {
    let schema = schemars::schema_for!(Plan);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}
