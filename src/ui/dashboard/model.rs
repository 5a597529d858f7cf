//! The dashboard's rows, built in plain Rust from the plan, its evaluation and the filters.

use crate::eval::{Outcome, Status, Value};
use crate::plan::{Plan, RevisionKind};
use crate::ui::format;
use crate::ui::i18n::Lang;
use crate::ui::report::{Report, Scores};

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Filters {
    pub owner: String,
    /// A status css code (`met`, `not_met`, …) or empty.
    pub status: String,
    pub year: Option<i32>,
    pub search: String,
}

/// What the reader chose on the Cruscotto: the filters, the plan in force after a deliberation
/// (its id, empty for all revisions) and the page. Kept for the session while other tabs are open
/// (not across a reload).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Choices {
    pub filters: Filters,
    pub as_of: String,
    pub page: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CellView {
    pub year: i32,
    pub target: String,
    pub note: Option<String>,
    pub value: String,
    pub status: Status,
    pub score: Option<f64>,
    pub trace: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct IndicatorView {
    pub code: String,
    pub name: String,
    pub formula: String,
    pub owners: String,
    pub eliminated_by: Option<String>,
    pub cells: Vec<CellView>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ObjectiveView {
    pub number: u32,
    pub title: String,
    pub scores: Vec<(i32, Option<f64>)>,
    pub indicators: Vec<IndicatorView>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct MissionView {
    pub code: String,
    pub name: String,
    pub scores: Vec<(i32, Option<f64>)>,
    pub objectives: Vec<ObjectiveView>,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct DashView {
    pub missions: Vec<MissionView>,
    /// Indicators matching the filters (all pages).
    pub matching: usize,
    pub years: Vec<i32>,
}

pub fn value_text(value: &Value, lang: Lang, percent: bool) -> String {
    match value {
        Value::Number(x) if percent => format::percent_of_ratio(*x, lang),
        Value::Number(x) => format::num(*x, lang),
        Value::Date(d) => d.to_string(),
        Value::NotAvailable(_) => crate::eval::no_data(lang).into(),
    }
}

fn cell(
    outcome: Option<&Outcome>,
    year: i32,
    target: String,
    note: Option<String>,
    lang: Lang,
    percent: bool,
    trace: Option<String>,
) -> CellView {
    match outcome {
        Some(o) => CellView {
            year,
            target,
            note,
            value: value_text(&o.value, lang, percent),
            status: o.status,
            score: o.score,
            trace: trace.unwrap_or_default(),
        },
        None => CellView {
            year,
            target,
            note,
            value: crate::eval::no_data(lang).into(),
            status: Status::NoData,
            score: None,
            trace: String::new(),
        },
    }
}

/// Whether the indicator's values read as percentages (unit "%" or targets written with `%`).
pub fn is_percent(unit: Option<&str>, targets: &[&str]) -> bool {
    unit.is_some_and(|u| u.trim() == "%") || targets.iter().any(|t| t.contains('%'))
}

fn scores(map: Option<&Scores>, years: &[i32]) -> Vec<(i32, Option<f64>)> {
    years
        .iter()
        .map(|y| (*y, map.and_then(|m| m.get(y).copied().flatten())))
        .collect()
}

/// The text the search box looks in, lower-cased, one per indicator in plan order (computed once
/// per plan change, not per keystroke).
pub fn search_texts(plan: &Plan) -> Vec<String> {
    plan.indicators()
        .map(|(_, o, i)| {
            format!(
                "{} {} {} {} {}",
                i.code,
                i.name,
                i.formula_text,
                i.formula.as_deref().unwrap_or(""),
                o.title
            )
            .to_lowercase()
        })
        .collect()
}

/// The rows to show: filtered, and only the page `page` of `page_size` indicators.
#[allow(clippy::too_many_arguments)]
pub fn build(
    plan: &Plan,
    report: &Report,
    texts: &[String],
    f: &Filters,
    lang: Lang,
    page: usize,
    page_size: usize,
) -> DashView {
    let years: Vec<i32> = match f.year {
        Some(y) => vec![y],
        None => (plan.years.first..=plan.years.last).collect(),
    };
    let needle = f.search.trim().to_lowercase();
    let first = page * page_size;
    let mut matching = 0usize;
    let mut seen = 0usize;
    let mut missions = Vec::new();
    for m in &plan.missions {
        let mut objectives = Vec::new();
        for o in &m.objectives {
            let mut indicators = Vec::new();
            for i in &o.indicators {
                let position = seen;
                seen += 1;
                if !f.owner.is_empty() && !i.owners.contains(&f.owner) {
                    continue;
                }
                if !needle.is_empty() {
                    let hay = texts.get(position).map(String::as_str).unwrap_or("");
                    if !hay.contains(&needle) {
                        continue;
                    }
                }
                if !f.status.is_empty()
                    && !years
                        .iter()
                        .any(|y| crate::ui::badge::css(report.status(&i.code, *y)) == f.status)
                {
                    continue;
                }
                matching += 1;
                if matching <= first || matching > first + page_size {
                    continue;
                }
                let targets: Vec<&str> = i
                    .targets
                    .values()
                    .filter_map(|c| c.text.as_deref())
                    .collect();
                let percent = is_percent(i.unit.as_deref(), &targets);
                // The report judged without traces: they are written here, for this page only, in
                // the interface language (the page is rebuilt when it changes).
                let mut traces = report.traces(plan, o, i, lang);
                let cells = years
                    .iter()
                    .map(|y| {
                        let tc = i.targets.get(y);
                        let target = tc.and_then(|c| c.text.clone()).unwrap_or_default();
                        let note = tc.and_then(|c| c.note.clone());
                        let trace = traces.remove(y);
                        let outcome = report.outcome(&i.code, *y);
                        cell(outcome, *y, target, note, lang, percent, trace)
                    })
                    .collect();
                let eliminated_by = i
                    .revisions
                    .iter()
                    .find(|e| e.kind == RevisionKind::Eliminated)
                    .map(|e| {
                        e.deliberation
                            .as_deref()
                            .and_then(|id| plan.deliberation(id))
                            .map(|d| d.label(lang))
                            .unwrap_or_else(|| {
                                crate::ui::i18n::T::UnreadableAct.in_(lang).to_string()
                            })
                    });
                let owners = plan.owner_names(i);
                indicators.push(IndicatorView {
                    code: i.code.clone(),
                    name: i.name.clone(),
                    formula: i.formula_text.clone(),
                    owners: owners.join(", "),
                    eliminated_by,
                    cells,
                });
            }
            if !indicators.is_empty() {
                objectives.push(ObjectiveView {
                    number: o.number,
                    title: o.title.clone(),
                    scores: scores(report.objectives.get(&o.number), &years),
                    indicators,
                });
            }
        }
        if !objectives.is_empty() {
            missions.push(MissionView {
                code: m.code.clone(),
                name: m.name.clone(),
                scores: scores(report.missions.get(&m.code), &years),
                objectives,
            });
        }
    }
    DashView {
        missions,
        matching,
        years,
    }
}
