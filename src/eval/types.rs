//! The values, statuses and outcomes every part of Cruscotto speaks: the language evaluator
//! produces them, the plan rolls them up, the app and the CLI show them.

pub use crate::lang::Date;
use crate::sorted_map::SortedMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// One measured datum of a series: a number, or a date (a completion date for deadline targets).
/// In JSON a number is a number and a date is the string `"dd/mm/yyyy"`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Datum {
    Number(f64),
    Date(Date),
}

/// Values of one series by year (consuntivi of a measure, of a benchmark, or of the indicator).
pub type Series = SortedMap<i32, Datum>;

/// Named series, e.g. `{"fascicoli_creati": {2019: 17}, "media_cluster": {2019: 0.8}}`.
pub type Data = SortedMap<String, Series>;

/// Why a value could not be computed: always said, never a silent 0 or NaN.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Unavailable {
    /// No datum for this name and year.
    MissingDatum { name: String, year: i32 },
    /// A division whose divisor is zero.
    DivisionByZero,
    /// A year outside the scope's period (`Scope::years`); with no period, before the first datum.
    YearOutOfRange { year: i32 },
    /// The expression needs a year but none was given.
    NoYear,
    /// Any other reason, already worded for a person (Italian).
    Other { reason: String },
}

/// The result of a formula: a number, a date, or "n.d." with the reason.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Number(f64),
    Date(Date),
    NotAvailable(Unavailable),
}

/// Which way is good for an indicator (a bare target `73%` means "at least" or "at most").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema, Hash)]
#[serde(rename_all = "snake_case")]
pub enum Polarity {
    #[default]
    Higher,
    Lower,
}

/// Status of an indicator in one year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// raggiunto
    Met,
    /// parzialmente raggiunto
    Partial,
    /// non raggiunto
    NotMet,
    /// anno di rilevazione: measured, no target
    Baseline,
    /// n.d.: the value or the target cannot be evaluated
    NoData,
    /// non attivo: eliminated, or not yet inserted, in that year
    Inactive,
}

/// What evaluating a target for one year says.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub value: Value,
    pub status: Status,
    /// Grado di raggiungimento, 0–100; `None` for baseline, n.d. and inactive.
    pub score: Option<f64>,
    /// A short text a person can read, e.g. "2019: 17 / 20 = 85 % ≥ 80 % → raggiunto".
    /// Empty when evaluated with [`Trace::Off`].
    pub trace: String,
}

/// Whether an evaluation writes the trace of each outcome. Value, status and score do not
/// depend on it; `Off` is for roll-ups and large plans, where nobody reads every trace.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Trace {
    #[default]
    On,
    Off,
}

impl Serialize for Datum {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Datum::Number(x) => serializer.serialize_f64(*x),
            Datum::Date(d) => serializer.collect_str(d),
        }
    }
}

impl<'de> Deserialize<'de> for Datum {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(DatumVisitor)
    }
}

/// A number or a `dd/mm/yyyy` text, read without buffering the value (an untagged enum would
/// pull serde's buffering machinery into the page).
struct DatumVisitor;

impl serde::de::Visitor<'_> for DatumVisitor {
    type Value = Datum;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a number or a date dd/mm/yyyy")
    }
    fn visit_f64<E: serde::de::Error>(self, x: f64) -> Result<Datum, E> {
        if x.is_finite() {
            Ok(Datum::Number(x))
        } else {
            Err(E::custom("numero non finito"))
        }
    }
    fn visit_i64<E: serde::de::Error>(self, x: i64) -> Result<Datum, E> {
        self.visit_f64(x as f64)
    }
    fn visit_u64<E: serde::de::Error>(self, x: u64) -> Result<Datum, E> {
        self.visit_f64(x as f64)
    }
    fn visit_str<E: serde::de::Error>(self, t: &str) -> Result<Datum, E> {
        Date::parse(t)
            .map(Datum::Date)
            .ok_or_else(|| E::custom(format!("«{t}» non è né un numero né una data gg/mm/aaaa")))
    }
}

impl JsonSchema for Datum {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Datum".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A number, or a date as \"dd/mm/yyyy\"",
            "oneOf": [
                { "type": "number" },
                { "type": "string", "pattern": "^[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}$" }
            ]
        })
    }
}

impl Status {
    /// The word the interface shows (Italian or English).
    pub fn label(self, english: bool) -> &'static str {
        match (self, english) {
            (Status::Met, false) => "raggiunto",
            (Status::Met, true) => "met",
            (Status::Partial, false) => "parzialmente raggiunto",
            (Status::Partial, true) => "partially met",
            (Status::NotMet, false) => "non raggiunto",
            (Status::NotMet, true) => "not met",
            (Status::Baseline, false) => "rilevazione",
            (Status::Baseline, true) => "baseline",
            (Status::NoData, false) => "n.d.",
            (Status::NoData, true) => "no data",
            (Status::Inactive, false) => "non attivo",
            (Status::Inactive, true) => "inactive",
        }
    }
}
