//! The evaluation as the interface reads it: `Plan::evaluate`'s report, indexed by indicator code,
//! objective number and mission code for quick look-ups.

use std::collections::{BTreeMap, HashMap};

use crate::eval::{Outcome, Status};
use crate::plan::Plan;

#[derive(Clone, Debug, Default)]
pub struct Report {
    /// By indicator code, then year.
    pub cells: HashMap<String, BTreeMap<i32, Outcome>>,
    /// By objective number, then year: grado di raggiungimento 0–100 (`None`: nothing to score).
    pub objectives: HashMap<u32, BTreeMap<i32, Option<f64>>>,
    /// By mission code, then year.
    pub missions: HashMap<String, BTreeMap<i32, Option<f64>>>,
    /// The whole plan, per year.
    pub plan: BTreeMap<i32, Option<f64>>,
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
    let full = plan.evaluate();
    let mut report = Report {
        plan: full.scores,
        ..Report::default()
    };
    for m in full.missions {
        for o in m.objectives {
            for i in o.indicators {
                report.cells.insert(i.code, i.outcomes);
            }
            report.objectives.insert(o.number, o.scores);
        }
        report.missions.insert(m.code, m.scores);
    }
    report
}
