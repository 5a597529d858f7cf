//! The evaluation as the interface reads it, indexed by indicator code, objective number and
//! mission code — and kept up to date incrementally: a memo per indicator.
//!
//! The cache keeps each indicator's outcomes with the indicator they came from, and the parsed
//! expressions by text; after an edit only indicators that differ are evaluated again (through
//! `Plan::evaluate_indicator`, so the semantics stay the plan module's), then the weighted
//! roll-ups are redone — the same rule as `plan::report` (weighted mean of the children that
//! have a score, weights > 0). A browser test checks that the result equals `Plan::evaluate`.
//!
//! The app's outcomes are judged without traces (`Trace::Off`: values, statuses and scores
//! are the same, and do not depend on the language); [`Report::traces`] writes them for the
//! rows on screen, in the interface language, with the parsed texts the report came from.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use crate::eval::{Outcome, Status, Trace};
use crate::lang::Lang;
use crate::plan::{Deliberation, Indicator, Objective, ParseCache, Plan};
use crate::sorted_map::SortedMap;

pub type Outcomes = Arc<SortedMap<i32, Outcome>>;
pub use crate::plan::Scores;

#[derive(Clone, Debug, Default)]
pub struct Report {
    /// By indicator code, then year.
    pub cells: HashMap<String, Outcomes>,
    /// By objective number, then year: grado di raggiungimento 0–100 (`None`: nothing to score).
    /// Sorted maps, collected once per evaluation: no hash table type of their own in the page.
    pub objectives: SortedMap<u32, Scores>,
    /// By mission code, then year.
    pub missions: SortedMap<String, Scores>,
    /// The whole plan, per year.
    pub plan: Scores,
    /// The texts parsed for this evaluation (shared with the cache), to write traces.
    parsed: Arc<Mutex<ParseCache>>,
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

    /// The traces of `indicator` (of `objective` in `plan`, the plan this report comes from)
    /// by year, written now in `lang` (the interface language): the text `Plan::evaluate`
    /// gives in Italian, for the rows a person sees.
    pub fn traces(
        &self,
        plan: &Plan,
        objective: &Objective,
        indicator: &Indicator,
        lang: Lang,
    ) -> SortedMap<i32, String> {
        let mut parsed = self.parsed.lock().unwrap_or_else(PoisonError::into_inner);
        plan.explain(objective, indicator, &mut parsed, lang)
    }
}

/// Outcomes of indicators already evaluated, with what they were evaluated from.
pub struct Cache {
    years: (i32, i32),
    deliberations: Vec<Deliberation>,
    entries: HashMap<String, (Indicator, Option<i32>, Outcomes)>,
    parsed: Arc<Mutex<ParseCache>>,
    /// The app's cache judges without traces; `evaluate` (one indicator, one objective) writes them.
    trace: Trace,
    /// The language of the traces (and of the reasons of "n.d." values) when `trace` is on.
    lang: Lang,
}

impl Default for Cache {
    fn default() -> Cache {
        Cache {
            years: (0, 0),
            deliberations: Vec::new(),
            entries: HashMap::new(),
            parsed: Arc::default(),
            trace: Trace::Off,
            lang: Lang::It,
        }
    }
}

impl Cache {
    /// Forgets the outcomes and keeps the parsed texts: the next evaluation judges every
    /// indicator again, as after a change of the plan's years or acts (for measuring).
    pub fn forget_outcomes(&mut self) {
        self.entries.clear();
    }
}

/// Evaluates the plan for the interface (no cache), with traces in `lang` in the outcomes: for
/// small plans (the indicator editor's one indicator).
pub fn evaluate(plan: &Plan, lang: Lang) -> Report {
    let mut cache = Cache {
        trace: Trace::On,
        lang,
        ..Cache::default()
    };
    evaluate_cached(plan, &mut cache)
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
    let mut report = Report {
        parsed: cache.parsed.clone(),
        ..Report::default()
    };
    let mut parsed = cache.parsed.lock().unwrap_or_else(PoisonError::into_inner);
    let mut mission_scores: Vec<(f64, Scores)> = Vec::new();
    let mut objectives = Vec::new();
    let mut missions = Vec::new();
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
                            plan.evaluate_indicator(o, i, &mut parsed, cache.lang, cache.trace)
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
            objectives.push((o.number, scores.clone()));
            objective_scores.push((o.weight, scores));
        }
        let refs: Vec<(f64, &Scores)> = objective_scores.iter().map(|(w, s)| (*w, s)).collect();
        let scores = roll_up(&years, &refs);
        missions.push((m.code.clone(), scores.clone()));
        mission_scores.push((m.weight, scores));
    }
    let refs: Vec<(f64, &Scores)> = mission_scores.iter().map(|(w, s)| (*w, s)).collect();
    report.plan = roll_up(&years, &refs);
    report.objectives = objectives.into_iter().collect();
    report.missions = missions.into_iter().collect();
    // Forget indicators no longer in the plan.
    if cache.entries.len() > report.cells.len() {
        cache
            .entries
            .retain(|code, _| report.cells.contains_key(code));
    }
    report
}

/// The same figures straight from the plan's whole evaluation, without traces like the app's
/// cache (for the check that the cache is faithful).
pub fn evaluate_full(plan: &Plan) -> Report {
    let mut parsed = ParseCache::default();
    let full = plan.evaluate_with(&mut parsed, Trace::Off);
    let mut report = Report {
        plan: full.scores,
        parsed: Arc::new(Mutex::new(parsed)),
        ..Report::default()
    };
    let (mut objectives, mut missions) = (Vec::new(), Vec::new());
    for m in full.missions {
        for o in m.objectives {
            for i in o.indicators {
                report.cells.insert(i.code, Arc::new(i.outcomes));
            }
            objectives.push((o.number, o.scores));
        }
        missions.push((m.code, m.scores));
    }
    report.objectives = objectives.into_iter().collect();
    report.missions = missions.into_iter().collect();
    report
}

/// The page's CSV export reads its cached evaluation (`plan::csv::wide_csv`).
impl crate::plan::csv::Results for Report {
    fn mission(&self, _: usize, code: &str) -> Option<&Scores> {
        self.missions.get(code)
    }
    fn objective(&self, _: usize, _: usize, number: u32) -> Option<&Scores> {
        self.objectives.get(&number)
    }
    fn outcomes(&self, _: [usize; 3], code: &str) -> Option<&SortedMap<i32, Outcome>> {
        self.cells.get(code).map(|o| &**o)
    }
}
