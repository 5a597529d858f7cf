//! The plan: missioni → obiettivi → indicatori, revisions, the embedded default plan, the JSON
//! exchange format (versioned, with a JSON Schema), loading with validation, and evaluation.

mod default;
mod format;
mod load;
mod migrate;
mod model;
mod problem;
mod revision;
mod validate;

pub use default::default_plan;
pub use format::{schema_json, to_json};
pub use load::{load, MAX_SIZE};
pub use model::{
    Deliberation, Format, Indicator, Mission, Objective, Owner, Plan, RevisionEvent, RevisionKind,
    TargetCell, YearRange, FORMAT_VERSION,
};
pub use problem::{LoadError, Problem};
pub use revision::Activity;
