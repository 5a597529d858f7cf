//! The default plan: the seed (cruscotto strategico of the Camera di Commercio della Maremma e
//! del Tirreno, 2016–2021) transcribed in `default_plan.json` (notes in docs/seed-transcription.md).

use super::load::load;
use super::model::Plan;

/// The embedded transcription of the seed, in the exchange format (without its layout: build.rs).
pub const DEFAULT_PLAN_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/default_plan.json"));

/// The seed plan, parsed and validated at call time. A test guarantees it loads; should it
/// ever not, an empty plan that says so is returned rather than a panic.
pub fn default_plan() -> Plan {
    load(DEFAULT_PLAN_JSON).unwrap_or_else(|e| Plan {
        format: super::model::Format::CruscottoPlan,
        version: super::model::FORMAT_VERSION,
        title: "Piano predefinito non disponibile".into(),
        body: String::new(),
        years: super::model::YearRange {
            first: 2016,
            last: 2021,
        },
        defaults: Default::default(),
        notes: vec![format!("errore interno: {e}")],
        owners: Vec::new(),
        deliberations: Vec::new(),
        missions: Vec::new(),
    })
}
