//! The Relazione's content for one year, from the plan and its evaluation.

use crate::eval::{format_number, format_percent, Status, Value};
use crate::lang::Lang;

use super::super::model::Plan;
use super::super::report::PlanReport;
use super::super::units::reads_as_percent;

/// The report for one year.
#[derive(Debug, Clone, PartialEq)]
pub struct Relazione {
    pub plan_title: String,
    pub body: String,
    pub year: i32,
    /// The plan's weighted achievement, 0–100.
    pub score: Option<f64>,
    pub summary: Summary,
    pub missions: Vec<MissionSection>,
    /// The plan's notes: invented data, transcription remarks.
    pub notes: Vec<String>,
}

/// How many indicators in force that year are in each state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Summary {
    pub met: usize,
    pub partial: usize,
    pub not_met: usize,
    pub no_data: usize,
    pub baseline: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct MissionSection {
    pub code: String,
    pub name: String,
    pub score: Option<f64>,
    pub objectives: Vec<ObjectiveSection>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ObjectiveSection {
    pub number: u32,
    pub title: String,
    pub score: Option<f64>,
    /// The indicators in force that year (inactive ones are left out).
    pub indicators: Vec<IndicatorRow>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorRow {
    pub code: String,
    pub name: String,
    pub owners: Vec<String>,
    /// The target as written; `illeggibile` when unknown.
    pub target: String,
    /// The actual in display units; `n.d.` when there is none.
    pub actual: String,
    pub status: Status,
    /// 0–100.
    pub score: Option<f64>,
    /// The motivazione dello scostamento; empty when none is written.
    pub reason: String,
}

/// The Relazione of `plan` (evaluated in `report`) for `year`; `None` for a year outside the
/// plan. Figures are written in `lang` (`55,7 %` or `55.7%`).
pub fn relazione(plan: &Plan, report: &PlanReport, year: i32, lang: Lang) -> Option<Relazione> {
    if !(plan.years.first..=plan.years.last).contains(&year) {
        return None;
    }
    let mut summary = Summary::default();
    let mut missions = Vec::new();
    for (m, mr) in plan.missions.iter().zip(&report.missions) {
        let mut objectives = Vec::new();
        for (o, or) in m.objectives.iter().zip(&mr.objectives) {
            let mut rows = Vec::new();
            for (i, ir) in o.indicators.iter().zip(&or.indicators) {
                let Some(outcome) = ir.outcomes.get(&year) else {
                    continue;
                };
                match outcome.status {
                    Status::Inactive => continue,
                    Status::Met => summary.met += 1,
                    Status::Partial => summary.partial += 1,
                    Status::NotMet => summary.not_met += 1,
                    Status::NoData => summary.no_data += 1,
                    Status::Baseline => summary.baseline += 1,
                }
                let percent = reads_as_percent(i);
                let actual = match &outcome.value {
                    Value::Number(x) if percent => format_percent(*x, lang),
                    Value::Number(x) => format_number(*x, lang),
                    Value::Date(d) => d.to_string(),
                    Value::NotAvailable(_) => "n.d.".into(),
                };
                let target = match i.targets.get(&year) {
                    Some(c) => c.text.clone().unwrap_or_else(|| {
                        super::words::w(lang, "illeggibile", "unreadable").into()
                    }),
                    None => String::new(),
                };
                rows.push(IndicatorRow {
                    code: i.code.clone(),
                    name: i.name.clone(),
                    owners: plan.owner_names(i),
                    target,
                    actual,
                    status: outcome.status,
                    score: outcome.score,
                    reason: i.reasons.get(&year).cloned().unwrap_or_default(),
                });
            }
            if rows.is_empty() {
                continue;
            }
            objectives.push(ObjectiveSection {
                number: o.number,
                title: o.title.clone(),
                score: or.scores.get(&year).copied().flatten(),
                indicators: rows,
            });
        }
        if objectives.is_empty() {
            continue;
        }
        missions.push(MissionSection {
            code: m.code.clone(),
            name: m.name.clone(),
            score: mr.scores.get(&year).copied().flatten(),
            objectives,
        });
    }
    Some(Relazione {
        plan_title: plan.title.clone(),
        body: plan.body.clone(),
        year,
        score: report.scores.get(&year).copied().flatten(),
        summary,
        missions,
        notes: plan.notes.clone(),
    })
}

/// A score 0–100 as the report prints it: `87,5 %` (one decimal at most); `–` when none.
pub fn score_text(score: Option<f64>, lang: Lang) -> String {
    match score {
        Some(s) => {
            let s = (s * 10.0).round() / 10.0;
            format_percent(s / 100.0, lang)
        }
        None => "–".into(),
    }
}
