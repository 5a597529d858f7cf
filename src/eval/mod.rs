//! Evaluation: formulas to values, targets to statuses, scores and traces.

mod types;

pub use types::*;
