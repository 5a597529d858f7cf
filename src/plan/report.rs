//! Plan evaluation: an outcome per indicator and year, and weighted roll-ups per objective and
//! missione (docs/plan-format.md, "Evaluation and roll-up").

use std::collections::{BTreeMap, HashMap};

use serde_json::{json, Value as Json};

use crate::eval::{evaluate, Outcome, Scope, Status, Unavailable, Value};
use crate::lang::{parse_formula, parse_target, Formula, Target};

use super::model::{Indicator, Objective, Plan};

/// Scores by year: `None` when nothing in that year has a score.
pub type Scores = BTreeMap<i32, Option<f64>>;

/// What evaluating a whole plan says.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanReport {
    pub years: Vec<i32>,
    pub missions: Vec<MissionReport>,
    /// Weighted average of the missions' scores, per year.
    pub scores: Scores,
}

#[derive(Debug, Clone, PartialEq)]
pub struct MissionReport {
    pub code: String,
    pub name: String,
    pub weight: f64,
    pub scores: Scores,
    pub objectives: Vec<ObjectiveReport>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ObjectiveReport {
    pub number: u32,
    pub title: String,
    pub weight: f64,
    pub scores: Scores,
    pub indicators: Vec<IndicatorReport>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorReport {
    pub code: String,
    pub name: String,
    pub weight: f64,
    pub outcomes: BTreeMap<i32, Outcome>,
}

impl Plan {
    /// Evaluates every indicator in every year of the plan and rolls the scores up.
    /// Each distinct formula and target text is parsed once (plans repeat `≥1`, `100%`, …).
    pub fn evaluate(&self) -> PlanReport {
        let years: Vec<i32> = (self.years.first..=self.years.last).collect();
        let mut parsed = ParseCache::default();
        for (_, _, indicator) in self.indicators() {
            parsed.add(indicator);
        }
        let missions: Vec<MissionReport> = self
            .missions
            .iter()
            .map(|m| {
                let objectives: Vec<ObjectiveReport> = m
                    .objectives
                    .iter()
                    .map(|o| {
                        let indicators: Vec<IndicatorReport> = o
                            .indicators
                            .iter()
                            .map(|i| self.judge_indicator(&parsed, o, i, &years))
                            .collect();
                        let scores = roll_up(
                            &years,
                            indicators.iter().map(|r| {
                                (r.weight, |y: i32| r.outcomes.get(&y).and_then(|o| o.score))
                            }),
                        );
                        ObjectiveReport {
                            number: o.number,
                            title: o.title.clone(),
                            weight: o.weight,
                            scores,
                            indicators,
                        }
                    })
                    .collect();
                let scores = roll_up(
                    &years,
                    objectives
                        .iter()
                        .map(|o| (o.weight, |y: i32| o.scores.get(&y).copied().flatten())),
                );
                MissionReport {
                    code: m.code.clone(),
                    name: m.name.clone(),
                    weight: m.weight,
                    scores,
                    objectives,
                }
            })
            .collect();
        let scores = roll_up(
            &years,
            missions
                .iter()
                .map(|m| (m.weight, |y: i32| m.scores.get(&y).copied().flatten())),
        );
        PlanReport {
            years,
            missions,
            scores,
        }
    }

    /// Evaluates one indicator of `objective` in every year of the plan, with the same rules as
    /// [`Plan::evaluate`]. `parsed` keeps the expressions parsed across calls: the app keeps
    /// one, so an edit re-parses only the text that changed.
    pub fn evaluate_indicator(
        &self,
        objective: &Objective,
        indicator: &Indicator,
        parsed: &mut ParseCache,
    ) -> IndicatorReport {
        parsed.add(indicator);
        let years: Vec<i32> = (self.years.first..=self.years.last).collect();
        self.judge_indicator(parsed, objective, indicator, &years)
    }

    fn judge_indicator(
        &self,
        parsed: &ParseCache,
        objective: &Objective,
        indicator: &Indicator,
        years: &[i32],
    ) -> IndicatorReport {
        let formula = indicator
            .formula
            .as_deref()
            .and_then(|f| parsed.formulas.get(f))
            .and_then(Option::as_ref);
        let scope = Scope {
            data: &indicator.data,
            values: (!indicator.values.is_empty()).then_some(&indicator.values),
            formula,
            polarity: indicator.polarity,
            code: indicator.short_code.as_deref(),
            years: Some((self.years.first, self.years.last)),
        };
        let activity = self.activity(indicator);
        let mut outcomes = BTreeMap::new();
        for &year in years {
            let inactive = |why: &str| {
                let (value, _) = scope.value(year);
                Outcome {
                    value,
                    status: Status::Inactive,
                    score: None,
                    trace: format!("{year}: non attivo ({why})"),
                }
            };
            let outcome = if objective.first_year.is_some_and(|f| year < f) {
                inactive("anno precedente all'obiettivo")
            } else if activity.eliminated(year) {
                inactive("indicatore eliminato")
            } else {
                match indicator.targets.get(&year) {
                    None => inactive("nessun target per l'anno"),
                    Some(cell) => match &cell.text {
                        None => no_data(
                            year,
                            format!(
                                "target sconosciuto{}",
                                cell.note
                                    .as_deref()
                                    .map(|n| format!(": {n}"))
                                    .unwrap_or_default()
                            ),
                        ),
                        Some(text) => {
                            match parsed.targets.get(text.as_str()).and_then(Option::as_ref) {
                                None => no_data(year, format!("target «{text}» non valido")),
                                Some(target) => {
                                    if activity.before_insertion(year) && !target.is_baseline() {
                                        inactive("non ancora inserito")
                                    } else {
                                        evaluate(target, &scope, Some(year))
                                    }
                                }
                            }
                        }
                    },
                }
            };
            outcomes.insert(year, outcome);
        }
        IndicatorReport {
            code: indicator.code.clone(),
            name: indicator.name.clone(),
            weight: indicator.weight,
            outcomes,
        }
    }
}

/// Formula and target texts already parsed (`None`: does not parse), so that each distinct
/// text is parsed once — plans repeat `≥1`, `100%`, … — and, kept by the app, once per session.
#[derive(Debug, Default)]
pub struct ParseCache {
    formulas: HashMap<String, Option<Formula>>,
    targets: HashMap<String, Option<Target>>,
}

impl ParseCache {
    /// Beyond this many texts the cache starts again (texts typed in a long session).
    const LIMIT: usize = 100_000;

    /// Parses the indicator's formula and target texts not seen yet.
    pub fn add(&mut self, indicator: &Indicator) {
        if self.formulas.len() + self.targets.len() > Self::LIMIT {
            self.formulas.clear();
            self.targets.clear();
        }
        if let Some(f) = indicator.formula.as_deref() {
            if !self.formulas.contains_key(f) {
                self.formulas.insert(f.to_string(), parse_formula(f).ok());
            }
        }
        for text in indicator.targets.values().filter_map(|c| c.text.as_deref()) {
            if !self.targets.contains_key(text) {
                self.targets
                    .insert(text.to_string(), parse_target(text).ok());
            }
        }
    }
}

fn no_data(year: i32, reason: String) -> Outcome {
    Outcome {
        value: Value::NotAvailable(Unavailable::Other {
            reason: reason.clone(),
        }),
        status: Status::NoData,
        score: None,
        trace: format!("{year}: n.d. ({reason})"),
    }
}

/// Weighted average per year of the children that have a score that year (weight 0 counts
/// for nothing; no child with a score → `None`).
fn roll_up<F: Fn(i32) -> Option<f64>>(
    years: &[i32],
    children: impl Iterator<Item = (f64, F)>,
) -> Scores {
    let children: Vec<(f64, F)> = children.collect();
    years
        .iter()
        .map(|&y| {
            let (sum, weights) = children
                .iter()
                .filter_map(|(w, score)| score(y).map(|s| (*w, s)))
                .filter(|(w, s)| *w > 0.0 && s.is_finite())
                .fold((0.0, 0.0), |(sum, ws), (w, s)| (sum + w * s, ws + w));
            (y, (weights > 0.0).then(|| sum / weights))
        })
        .collect()
}

impl PlanReport {
    /// The report as JSON for machines (`cruscotto check --json`).
    pub fn to_json_value(&self) -> Json {
        let scores = |s: &Scores| -> Json {
            s.iter()
                .map(|(y, v)| (y.to_string(), json!(v)))
                .collect::<serde_json::Map<_, _>>()
                .into()
        };
        json!({
            "years": self.years,
            "scores": scores(&self.scores),
            "missions": self.missions.iter().map(|m| json!({
                "code": m.code,
                "name": m.name,
                "weight": m.weight,
                "scores": scores(&m.scores),
                "objectives": m.objectives.iter().map(|o| json!({
                    "number": o.number,
                    "title": o.title,
                    "weight": o.weight,
                    "scores": scores(&o.scores),
                    "indicators": o.indicators.iter().map(|i| json!({
                        "code": i.code,
                        "name": i.name,
                        "weight": i.weight,
                        "years": i.outcomes.iter().map(|(y, out)| (y.to_string(), outcome_json(out)))
                            .collect::<serde_json::Map<_, _>>(),
                    })).collect::<Vec<_>>(),
                })).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
        })
    }
}

fn outcome_json(o: &Outcome) -> Json {
    let (value, reason) = match &o.value {
        Value::Number(x) => (json!(x), None),
        Value::Date(d) => (json!(d.to_string()), None),
        Value::NotAvailable(u) => (
            Json::Null,
            Some(serde_json::to_value(u).unwrap_or(Json::Null)),
        ),
    };
    json!({
        "status": o.status,
        "label": o.status.label(false),
        "score": o.score,
        "value": value,
        "unavailable": reason,
        "trace": o.trace,
    })
}
