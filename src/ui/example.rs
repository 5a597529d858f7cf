//! "Dati di esempio": the plan module's example plan (the default plan with invented actuals),
//! opened as a plan of its own and clearly labelled.

use crate::plan::{self, Plan};

pub fn is_example(plan: &Plan) -> bool {
    plan.title == plan::EXAMPLE_TITLE
        || plan
            .notes
            .first()
            .is_some_and(|n| n.starts_with("DATI DI ESEMPIO"))
}

/// A numeric threshold in a simple target (`>=80%` → 0.8, `<1` → 1, `3,5` → 3.5), for charts.
pub fn threshold(text: &str) -> Option<f64> {
    let t = text
        .trim()
        .trim_start_matches(['>', '<', '=', '≥', '≤', ' ']);
    crate::ui::format::parse_input(t).ok().flatten()
}
