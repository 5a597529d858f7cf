//! The values, statuses and outcomes every part of Cruscotto speaks: the language evaluator
//! produces them, the plan rolls them up, the app and the CLI show them.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A calendar date (no time zone): deadlines like `31/12/2019` compare against completion dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

/// One measured datum of a series: a number, or a date (a completion date for deadline targets).
/// In JSON a number is a number and a date is the string `"dd/mm/yyyy"`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Datum {
    Number(f64),
    Date(Date),
}

/// Values of one series by year (consuntivi of a measure, of a benchmark, or of the indicator).
pub type Series = BTreeMap<i32, Datum>;

/// Named series, e.g. `{"fascicoli_creati": {2019: 17}, "media_cluster": {2019: 0.8}}`.
pub type Data = BTreeMap<String, Series>;

/// Why a value could not be computed: always said, never a silent 0 or NaN.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Unavailable {
    /// No datum for this name and year.
    MissingDatum { name: String, year: i32 },
    /// A division whose divisor is zero.
    DivisionByZero,
    /// A year reference outside the plan's years, or before the first datum.
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
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema, Hash,
)]
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
    pub trace: String,
}
