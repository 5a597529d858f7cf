//! The plan: missioni → obiettivi → indicatori, revisions, the embedded default plan, the JSON
//! exchange format (versioned, with a JSON Schema), loading with validation, and evaluation.

pub mod csv;
mod default;
pub mod edit;
mod envelope;
mod example;
mod expressions;
mod format;
pub mod history;
mod json_path;
mod load;
pub mod loss;
mod migrate;
mod model;
mod problem;
pub mod relazione;
mod report;
mod revision;
mod units;
mod validate;

pub use default::{default_plan, DEFAULT_PLAN_JSON};
pub use example::{example_plan, EXAMPLE_TITLE};
pub use format::{json_text, schema_json, to_compact_json, to_json};
pub use load::{load, MAX_SIZE};
pub use model::{
    Deliberation, Format, Indicator, IndicatorDefaults, Mission, Objective, Owner, Plan,
    RevisionEvent, RevisionKind, TargetCell, YearRange, FORMAT_VERSION,
};
pub use problem::{LoadError, Problem};
pub use report::{IndicatorReport, MissionReport, ObjectiveReport, ParseCache, PlanReport, Scores};
pub use revision::Activity;
pub use units::reads_as_percent;
pub use validate::{weight_ok, WEIGHT_MAX};
