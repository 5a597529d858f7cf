//! The evaluation as the interface reads it, indexed by indicator code, objective number and
//! mission code — and kept up to date incrementally: a memo per indicator.
//!
//! The cache keeps each indicator's outcomes with the indicator they came from, and the parsed
//! expressions by text; after an edit only indicators that differ are evaluated again (through
//! `Plan::evaluate_indicator`, so the semantics stay the plan module's), then the weighted
//! roll-ups are redone — the same rule as `plan::report` (weighted mean of the children that
//! have a score, weights > 0). A browser test checks that the result equals `Plan::evaluate`.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use crate::eval::{Outcome, Status, Trace};
use crate::plan::{Deliberation, Indicator, ParseCache, Plan};

pub type Outcomes = Arc<BTreeMap<i32, Outcome>>;
pub type Scores = BTreeMap<i32, Option<f64>>;

#[derive(Clone, Debug, Default)]
pub struct Report {
    /// By indicator code, then year.
    pub cells: HashMap<String, Outcomes>,
    /// By objective number, then year: grado di raggiungimento 0–100 (`None`: nothing to score).
    pub objectives: HashMap<u32, Scores>,
    /// By mission code, then year.
    pub missions: HashMap<String, Scores>,
    /// The whole plan, per year.
    pub plan: Scores,
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

/// Outcomes of indicators already evaluated, with what they were evaluated from.
#[derive(Default)]
pub struct Cache {
    years: (i32, i32),
    deliberations: Vec<Deliberation>,
    entries: HashMap<String, (Indicator, Option<i32>, Outcomes)>,
    parsed: ParseCache,
}

/// Evaluates the plan for the interface (no cache).
pub fn evaluate(plan: &Plan) -> Report {
    evaluate_cached(plan, &mut Cache::default())
}

fn roll_up(years: &[i32], children: &[(f64, &Scores)]) -> Scores {
    years
        .iter()
        .map(|&y| {
            let (sum, weights) = children
                .iter()
                .filter_map(|(w, s)| s.get(&y).copied().flatten().map(|s| (*w, s)))
                .filter(|(w, s)| *w > 0.0 && s.is_finite())
                .fold((0.0, 0.0), |(sum, ws), (w, s)| (sum + w * s, ws + w));
            (y, (weights > 0.0).then(|| sum / weights))
        })
        .collect()
}

/// Evaluates the plan, re-evaluating only the indicators that changed since `cache` saw them.
pub fn evaluate_cached(plan: &Plan, cache: &mut Cache) -> Report {
    let span = (plan.years.first, plan.years.last);
    if cache.years != span || cache.deliberations != plan.deliberations {
        cache.entries.clear();
        cache.years = span;
        cache.deliberations = plan.deliberations.clone();
    }
    let years: Vec<i32> = (span.0..=span.1).collect();
    let mut report = Report::default();
    let mut mission_scores: Vec<(f64, Scores)> = Vec::new();
    for m in &plan.missions {
        let mut objective_scores: Vec<(f64, Scores)> = Vec::new();
        for o in &m.objectives {
            let mut indicator_scores: Vec<(f64, Scores)> = Vec::new();
            for i in &o.indicators {
                let hit = cache
                    .entries
                    .get(&i.code)
                    .filter(|(seen, first, _)| seen == i && *first == o.first_year)
                    .map(|(_, _, out)| out.clone());
                let outcomes = match hit {
                    Some(out) => out,
                    None => {
                        let out: Outcomes = Arc::new(
                            plan.evaluate_indicator(o, i, &mut cache.parsed, Trace::On)
                                .outcomes,
                        );
                        cache
                            .entries
                            .insert(i.code.clone(), (i.clone(), o.first_year, out.clone()));
                        out
                    }
                };
                let scores: Scores = years
                    .iter()
                    .map(|y| (*y, outcomes.get(y).and_then(|o| o.score)))
                    .collect();
                indicator_scores.push((i.weight, scores));
                report.cells.insert(i.code.clone(), outcomes);
            }
            let refs: Vec<(f64, &Scores)> = indicator_scores.iter().map(|(w, s)| (*w, s)).collect();
            let scores = roll_up(&years, &refs);
            report.objectives.insert(o.number, scores.clone());
            objective_scores.push((o.weight, scores));
        }
        let refs: Vec<(f64, &Scores)> = objective_scores.iter().map(|(w, s)| (*w, s)).collect();
        let scores = roll_up(&years, &refs);
        report.missions.insert(m.code.clone(), scores.clone());
        mission_scores.push((m.weight, scores));
    }
    let refs: Vec<(f64, &Scores)> = mission_scores.iter().map(|(w, s)| (*w, s)).collect();
    report.plan = roll_up(&years, &refs);
    // Forget indicators no longer in the plan.
    if cache.entries.len() > report.cells.len() {
        cache
            .entries
            .retain(|code, _| report.cells.contains_key(code));
    }
    report
}

/// The same figures straight from `Plan::evaluate` (for the check that the cache is faithful).
pub fn evaluate_full(plan: &Plan) -> Report {
    let full = plan.evaluate();
    let mut report = Report {
        plan: full.scores,
        ..Report::default()
    };
    for m in full.missions {
        for o in m.objectives {
            for i in o.indicators {
                report.cells.insert(i.code, Arc::new(i.outcomes));
            }
            report.objectives.insert(o.number, o.scores);
        }
        report.missions.insert(m.code, m.scores);
    }
    report
}
