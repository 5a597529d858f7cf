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
