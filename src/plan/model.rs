//! The plan's data model: what a cruscotto strategico holds, as serialized in the exchange format.
//!
//! Domain names are English in code; the JSON keys are the same snake_case English names so that
//! the format reads the same as the code (documented in `docs/plan-format.md`).

use crate::sorted_map::SortedMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::eval::{Data, Date, Polarity, Series};
use crate::lang::Lang;

/// The only value of `"format"`: says "this JSON is a Cruscotto plan".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
pub enum Format {
    #[default]
    #[serde(rename = "cruscotto-plan")]
    CruscottoPlan,
}

/// The version of the exchange format this build writes (and the newest it reads).
pub const FORMAT_VERSION: u32 = 1;

/// A strategic plan (cruscotto strategico): missioni → obiettivi → indicatori, with owners and
/// the deliberations that revised it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    /// Always `"cruscotto-plan"`.
    pub format: Format,
    /// Format version; this build writes 1. Older versions are migrated on load.
    pub version: u32,
    /// Title shown to the user, e.g. "Cruscotto strategico".
    pub title: String,
    /// The public body, e.g. "Camera di Commercio della Maremma e del Tirreno".
    pub body: String,
    /// The plan's years (columns of the dashboard), both included.
    pub years: YearRange,
    /// Unit and polarity given to new indicators (omitted when neither is set).
    #[serde(default, skip_serializing_if = "IndicatorDefaults::is_unset")]
    pub defaults: IndicatorDefaults,
    /// Free notes on the plan as a whole (sources, transcription remarks).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// The services responsible for indicators, referenced by id.
    #[serde(default)]
    pub owners: Vec<Owner>,
    /// The acts that inserted, updated or eliminated indicators, referenced by id.
    #[serde(default)]
    pub deliberations: Vec<Deliberation>,
    /// Budget missions, in the order of the dashboard.
    pub missions: Vec<Mission>,
}

/// First and last year of the plan, both included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct YearRange {
    pub first: i32,
    pub last: i32,
}

/// What a new indicator starts with: the office's usual unit and direction.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IndicatorDefaults {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    #[serde(default)]
    pub polarity: Polarity,
    /// How the plan's targets and formulas write numbers: `"it"` (default: `1.000` is one
    /// thousand, `3,5` a decimal) or `"en"` (`.` is the decimal point; `1.000` and `1,000` are
    /// refused as ambiguous). Omitted when Italian.
    #[serde(default, skip_serializing_if = "NumberNotation::is_italian")]
    pub numbers: NumberNotation,
}

/// How a plan writes numbers (docs/language.md, «Numeri»).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub enum NumberNotation {
    /// `1.000` is one thousand, `,` is the decimal sign.
    #[default]
    #[serde(rename = "it")]
    Italian,
    /// `.` is the decimal point.
    #[serde(rename = "en")]
    English,
}

impl NumberNotation {
    pub fn is_italian(&self) -> bool {
        *self == NumberNotation::Italian
    }

    /// The language's notation for this setting.
    pub fn notation(self) -> crate::lang::Notation {
        match self {
            NumberNotation::Italian => crate::lang::Notation::Italian,
            NumberNotation::English => crate::lang::Notation::English,
        }
    }
}

impl IndicatorDefaults {
    pub fn is_unset(&self) -> bool {
        *self == IndicatorDefaults::default()
    }
}

/// A service responsible for indicators ("S. Anagrafico Certificativo").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Owner {
    pub id: String,
    pub name: String,
}

/// An act that revised the plan, e.g. "deliberazione della Giunta n. 129 del 2 dicembre 2019".
/// Number and date may be unknown (the seed has "Giunta n. del 31 gennaio 2019"): never invented.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Deliberation {
    pub id: String,
    /// The deciding organ, e.g. "Giunta"; `null` when the source does not say.
    #[serde(default)]
    pub organ: Option<String>,
    /// The act's number; `null` when the source lacks it.
    #[serde(default)]
    pub number: Option<u32>,
    /// The act's date, `"dd/mm/yyyy"`; `null` when unknown.
    #[serde(default, with = "date_opt")]
    #[schemars(
        with = "Option<String>",
        regex(pattern = r"^[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}$")
    )]
    pub date: Option<Date>,
    /// The year of the act when only the year is known (ignored when `date` is given).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// First plan year the act governs. Default: the year after the act's date (a rolling
    /// revision adopted in December sets the next year's targets).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective_year: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A budget mission ("Missione 011 Competitività e sviluppo delle imprese").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Mission {
    /// Three-digit code, e.g. "011".
    pub code: String,
    pub name: String,
    /// Weight in the plan's roll-up (default 1; 0 to 1 000 000, 0 leaves it out).
    #[serde(default = "one", skip_serializing_if = "is_one")]
    #[schemars(range(min = 0.0, max = super::validate::WEIGHT_MAX))]
    pub weight: f64,
    pub objectives: Vec<Objective>,
}

/// A strategic objective, numbered across the plan (1–14 in the seed).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Objective {
    pub number: u32,
    pub title: String,
    /// Weight in its mission's roll-up (default 1; 0 to 1 000 000, 0 leaves it out).
    #[serde(default = "one", skip_serializing_if = "is_one")]
    #[schemars(range(min = 0.0, max = super::validate::WEIGHT_MAX))]
    pub weight: f64,
    /// First year of the objective's columns, when later than the plan's first year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_year: Option<i32>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    pub indicators: Vec<Indicator>,
}

/// A key performance indicator with its yearly targets and data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// Unique code in the plan, e.g. "9.10".
    pub code: String,
    /// Short name targets may use for the indicator's own value, e.g. "ITP" in `ITP < -10`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short_code: Option<String>,
    pub name: String,
    /// The formula in the rules language, e.g. `accessi / accessi[x-1]`; `null` when none fits.
    #[serde(default)]
    pub formula: Option<String>,
    /// The algoritmo di calcolo as the source writes it.
    pub formula_text: String,
    /// Unit of the value, e.g. "%", "giorni", "rapporto".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Which way is good (default: higher).
    #[serde(default)]
    pub polarity: Polarity,
    /// Weight in its objective's roll-up (default 1; 0 to 1 000 000, 0 leaves it out).
    #[serde(default = "one", skip_serializing_if = "is_one")]
    #[schemars(range(min = 0.0, max = super::validate::WEIGHT_MAX))]
    pub weight: f64,
    /// Owner ids (see `owners`); empty when the source does not say.
    #[serde(default)]
    pub owners: Vec<String>,
    /// Target per year, in the rules language.
    #[serde(default)]
    pub targets: SortedMap<i32, TargetCell>,
    /// Measures and benchmark series (`media_cluster`) by name, then by year.
    #[serde(default, skip_serializing_if = "SortedMap::is_empty")]
    pub data: Data,
    /// The indicator's own values by year, when entered directly instead of computed.
    #[serde(default, skip_serializing_if = "SortedMap::is_empty")]
    pub values: Series,
    /// Inserted / updated / eliminated, each by a deliberation.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub revisions: Vec<RevisionEvent>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// One year's target: the text in the rules language, or `null` when unknown (with a note why).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TargetCell {
    pub text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// What a revision did to an indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub enum RevisionKind {
    #[serde(rename = "inserito")]
    Inserted,
    #[serde(rename = "aggiornato")]
    Updated,
    #[serde(rename = "eliminato")]
    Eliminated,
}

/// "Inserito / Aggiornato / Eliminato in sede di rolling annuale con deliberazione …".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RevisionEvent {
    pub kind: RevisionKind,
    /// Deliberation id; `null` when the act is unreadable in the source.
    pub deliberation: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

fn one() -> f64 {
    1.0
}

#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_one(x: &f64) -> bool {
    *x == 1.0
}

impl TargetCell {
    /// A known target text.
    pub fn text(text: impl Into<String>) -> TargetCell {
        TargetCell {
            text: Some(text.into()),
            note: None,
        }
    }
}

impl Deliberation {
    /// The year the act was adopted, if known.
    pub fn adopted_year(&self) -> Option<i32> {
        self.date.map(|d| d.year).or(self.year)
    }

    /// First plan year the act governs: `effective_year`, else the year after adoption.
    pub fn effective_from(&self) -> Option<i32> {
        self.effective_year
            .or_else(|| self.adopted_year().map(|y| y + 1))
    }

    /// How a person cites the act: "Giunta n. 129 del 02/12/2019", "Giunta n. ? del 31/01/2019"
    /// (English: "Giunta no. 129 of 02/12/2019"; the organ is the plan's own word).
    pub fn label(&self, lang: Lang) -> String {
        let en = lang == Lang::En;
        let organ = self.organ.as_deref().unwrap_or(if en {
            "body not stated"
        } else {
            "organo non indicato"
        });
        let no = if en { "no." } else { "n." };
        let number = self
            .number
            .map_or_else(|| format!("{no} ?"), |n| format!("{no} {n}"));
        let when = match (self.date, self.year) {
            (Some(d), _) => format!("{} {d}", if en { "of" } else { "del" }),
            (None, Some(y)) => format!("({y})"),
            (None, None) => (if en {
                "(date unknown)"
            } else {
                "(data ignota)"
            })
            .to_string(),
        };
        format!("{organ} {number} {when}")
    }
}

impl Plan {
    /// All indicators with their mission and objective, in dashboard order.
    pub fn indicators(&self) -> impl Iterator<Item = (&Mission, &Objective, &Indicator)> {
        self.missions.iter().flat_map(|m| {
            m.objectives
                .iter()
                .flat_map(move |o| o.indicators.iter().map(move |i| (m, o, i)))
        })
    }

    /// All indicators, to change them in place (dashboard order).
    pub fn indicators_mut(&mut self) -> impl Iterator<Item = &mut Indicator> {
        self.missions
            .iter_mut()
            .flat_map(|m| m.objectives.iter_mut())
            .flat_map(|o| o.indicators.iter_mut())
    }

    pub fn owner(&self, id: &str) -> Option<&Owner> {
        self.owners.iter().find(|o| o.id == id)
    }

    /// The names of an indicator's owners (the id where an owner is missing from the list).
    pub fn owner_names(&self, indicator: &Indicator) -> Vec<String> {
        indicator
            .owners
            .iter()
            .map(|id| {
                self.owner(id)
                    .map_or_else(|| id.clone(), |o| o.name.clone())
            })
            .collect()
    }

    pub fn deliberation(&self, id: &str) -> Option<&Deliberation> {
        self.deliberations.iter().find(|d| d.id == id)
    }
}

/// `Option<Date>` as `"dd/mm/yyyy"` or `null`.
mod date_opt {
    use serde::{Deserialize, Deserializer, Serializer};

    use crate::eval::Date;

    pub fn serialize<S: Serializer>(date: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
        match date {
            Some(d) => s.collect_str(d),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Date>, D::Error> {
        match Option::<String>::deserialize(d)? {
            None => Ok(None),
            Some(text) => Date::parse(&text).map(Some).ok_or_else(|| {
                serde::de::Error::custom(format!("«{text}» non è una data gg/mm/aaaa"))
            }),
        }
    }
}
