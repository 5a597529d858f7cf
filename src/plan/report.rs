//! Plan evaluation: an outcome per indicator and year, and weighted roll-ups per objective and
//! missione (docs/plan-format.md, "Evaluation and roll-up").

use std::collections::HashMap;

use serde_json::{json, Value as Json};

use crate::eval::{evaluate_with, Outcome, Scope, Status, Trace, Unavailable, Value};
use crate::lang::{parse_formula_in, parse_target_in, Formula, Lang, Target};
use crate::sorted_map::SortedMap;

use super::model::{Indicator, Objective, Plan};

/// Scores by year: `None` when nothing in that year has a score.
pub type Scores = SortedMap<i32, Option<f64>>;

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
    pub outcomes: SortedMap<i32, Outcome>,
}

impl Plan {
    /// Evaluates every indicator in every year of the plan, with traces, and rolls the scores
    /// up. Each distinct formula and target text is parsed once (plans repeat `≥1`, `100%`, …).
    pub fn evaluate(&self) -> PlanReport {
        self.evaluate_with(&mut ParseCache::default(), Trace::On)
    }

    /// [`Plan::evaluate`] with the texts parsed in `parsed` (kept across calls, a re-evaluation
    /// parses nothing again) and, with [`Trace::Off`], without traces: the same values,
    /// statuses and scores, for figures and roll-ups; [`Plan::explain`] writes the traces of
    /// the indicators a person looks at, in the reader's language. Traces written here are
    /// Italian (the command line's language).
    pub fn evaluate_with(&self, parsed: &mut ParseCache, trace: Trace) -> PlanReport {
        let years: Vec<i32> = (self.years.first..=self.years.last).collect();
        parsed.use_notation(self.defaults.numbers.notation());
        let mut missions = Vec::with_capacity(self.missions.len());
        for m in &self.missions {
            let mut objectives = Vec::with_capacity(m.objectives.len());
            for o in &m.objectives {
                let mut indicators = Vec::with_capacity(o.indicators.len());
                for i in &o.indicators {
                    parsed.add(i);
                    indicators.push(self.judge_indicator(parsed, o, i, &years, Lang::It, trace));
                }
                let scores = roll_up(
                    &years,
                    indicators
                        .iter()
                        .map(|r| (r.weight, |y: i32| r.outcomes.get(&y).and_then(|o| o.score))),
                );
                objectives.push(ObjectiveReport {
                    number: o.number,
                    title: o.title.clone(),
                    weight: o.weight,
                    scores,
                    indicators,
                });
            }
            let scores = roll_up(
                &years,
                objectives
                    .iter()
                    .map(|o| (o.weight, |y: i32| o.scores.get(&y).copied().flatten())),
            );
            missions.push(MissionReport {
                code: m.code.clone(),
                name: m.name.clone(),
                weight: m.weight,
                scores,
                objectives,
            });
        }
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
    /// one, so an edit re-parses only the text that changed. Traces (with [`Trace::On`]) and
    /// reasons are written in `lang`; values, statuses and scores do not depend on it.
    pub fn evaluate_indicator(
        &self,
        objective: &Objective,
        indicator: &Indicator,
        parsed: &mut ParseCache,
        lang: Lang,
        trace: Trace,
    ) -> IndicatorReport {
        parsed.add(indicator);
        let years: Vec<i32> = (self.years.first..=self.years.last).collect();
        self.judge_indicator(parsed, objective, indicator, &years, lang, trace)
    }

    /// The traces of one indicator, by year, in `lang`: what [`Plan::evaluate`] writes (in
    /// Italian), for the outcomes that were judged without them.
    pub fn explain(
        &self,
        objective: &Objective,
        indicator: &Indicator,
        parsed: &mut ParseCache,
        lang: Lang,
    ) -> SortedMap<i32, String> {
        self.evaluate_indicator(objective, indicator, parsed, lang, Trace::On)
            .outcomes
            .into_iter()
            .map(|(year, o)| (year, o.trace))
            .collect()
    }

    fn judge_indicator(
        &self,
        parsed: &ParseCache,
        objective: &Objective,
        indicator: &Indicator,
        years: &[i32],
        lang: Lang,
        trace: Trace,
    ) -> IndicatorReport {
        let scope = self.scope(parsed, indicator);
        let activity = self.activity(indicator);
        let traced = trace == Trace::On;
        let en = lang == Lang::En;
        let words = |it: &str, english: &str| if en { english } else { it }.to_string();
        let mut outcomes = SortedMap::new();
        for &year in years {
            let inactive = |why: String| Outcome {
                value: scope.compute(year),
                status: Status::Inactive,
                score: None,
                trace: if traced {
                    format!("{year}: {} ({why})", Status::Inactive.label(en))
                } else {
                    String::new()
                },
            };
            let no_data = |reason: String| Outcome {
                trace: if traced {
                    format!("{year}: {} ({reason})", Status::NoData.label(en))
                } else {
                    String::new()
                },
                value: Value::NotAvailable(Unavailable::Other { reason }),
                status: Status::NoData,
                score: None,
            };
            let outcome = if objective.first_year.is_some_and(|f| year < f) {
                inactive(words(
                    "anno precedente all'obiettivo",
                    "year before the objective",
                ))
            } else if activity.eliminated(year) {
                inactive(words("indicatore eliminato", "indicator eliminated"))
            } else {
                match indicator.targets.get(&year) {
                    None => inactive(words("nessun target per l'anno", "no target for the year")),
                    Some(cell) => match &cell.text {
                        None => no_data(format!(
                            "{}{}",
                            words("target sconosciuto", "unknown target"),
                            cell.note
                                .as_deref()
                                .map(|n| format!(": {n}"))
                                .unwrap_or_default()
                        )),
                        Some(text) => {
                            match parsed.targets.get(text.as_str()).and_then(Option::as_ref) {
                                None => no_data(if en {
                                    format!("target «{text}» not valid")
                                } else {
                                    format!("target «{text}» non valido")
                                }),
                                Some(target) => {
                                    if activity.before_insertion(year) && !target.is_baseline() {
                                        inactive(words("non ancora inserito", "not inserted yet"))
                                    } else {
                                        evaluate_with(target, &scope, Some(year), lang, trace)
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

impl Plan {
    /// The numbers each year's target holds `indicator`'s value against, for charts (see
    /// [`crate::eval::thresholds`]: constants, the own code as in `ITP < -10`, last year's
    /// value for `X < X-1`, the benchmark for `≥ media`, both edges of a band), by year of the
    /// plan; a year may have none, or two (a range).
    pub fn thresholds(&self, indicator: &Indicator) -> Vec<(i32, f64)> {
        let mut parsed = ParseCache::default();
        parsed.add(indicator);
        let scope = self.scope(&parsed, indicator);
        let mut out = Vec::new();
        for (year, cell) in indicator.targets.range(self.years.first..=self.years.last) {
            let target = cell
                .text
                .as_deref()
                .and_then(|t| parsed.targets.get(t))
                .and_then(Option::as_ref);
            if let Some(target) = target {
                out.extend(
                    crate::eval::thresholds(target, &scope, *year)
                        .into_iter()
                        .map(|x| (*year, x)),
                );
            }
        }
        out
    }

    /// What the indicator's formula and targets read, with the texts parsed in `parsed`.
    fn scope<'a>(&self, parsed: &'a ParseCache, indicator: &'a Indicator) -> Scope<'a> {
        let formula = indicator
            .formula
            .as_deref()
            .and_then(|f| parsed.formulas.get(f))
            .and_then(Option::as_ref);
        Scope {
            data: &indicator.data,
            values: (!indicator.values.is_empty()).then_some(&indicator.values),
            formula,
            polarity: indicator.polarity,
            code: indicator.short_code.as_deref(),
            years: Some((self.years.first, self.years.last)),
        }
    }
}

/// Formula and target texts already parsed (`None`: does not parse), so that each distinct
/// text is parsed once — plans repeat `≥1`, `100%`, … — and, kept by the app, once per session.
#[derive(Debug, Default)]
pub struct ParseCache {
    formulas: HashMap<String, Option<Formula>>,
    targets: HashMap<String, Option<Target>>,
    notation: crate::lang::Notation,
}

impl ParseCache {
    /// Texts read in `notation` from now on (the plan's `defaults.numbers`): the texts parsed
    /// in another notation are parsed again.
    pub fn use_notation(&mut self, notation: crate::lang::Notation) {
        if self.notation != notation {
            *self = ParseCache {
                notation,
                ..ParseCache::default()
            };
        }
    }

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
                self.formulas
                    .insert(f.to_string(), parse_formula_in(f, self.notation).ok());
            }
        }
        for text in indicator.targets.values().filter_map(|c| c.text.as_deref()) {
            if !self.targets.contains_key(text) {
                self.targets
                    .insert(text.to_string(), parse_target_in(text, self.notation).ok());
            }
        }
    }
}

/// Weighted average per year of the children that have a score that year (weight 0 counts
/// for nothing; no child with a score → `None`). Never NaN or infinite: a weight or score that
/// is not finite counts for nothing, and sums that overflow (weights beyond
/// [`super::WEIGHT_MAX`], which validation refuses) give no score rather than NaN.
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
                .filter(|(w, s)| w.is_finite() && *w > 0.0 && s.is_finite())
                .fold((0.0, 0.0), |(sum, ws), (w, s)| (sum + w * s, ws + w));
            let mean = sum / weights;
            (y, (weights > 0.0 && mean.is_finite()).then_some(mean))
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
