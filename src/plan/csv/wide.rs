//! The wide CSV: the whole plan in a spreadsheet, one column per year. Rows, by their first
//! cell (`Riga`): `missione` and `obiettivo` (the weighted achievement), then per indicator
//! `indicatore` (name, formula, owners, revisions — eliminations name their act — and the
//! computed value), `target`, one `misura` per measure, `valore` (direct values),
//! `motivazione` (the reasons), `stato` and `punteggio`. Inputs are in display units
//! (`55,7 %`); [`super::import_csv`] reads the input rows back (targets, measures, values,
//! reasons) and leaves the computed ones.

use crate::eval::{Outcome, Status, Value};
use crate::lang::{parse_formula, parse_target, Lang};
use crate::sorted_map::{SortedMap, SortedSet};

use super::super::model::{Indicator, Plan, RevisionKind, TargetCell};
use super::super::report::{PlanReport, Scores};
use super::super::units::reads_as_percent;
use super::write::{datum, document, number};
use crate::eval::Datum;

/// The kinds of row, as the first cell names them (Italian, English).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    Mission,
    Objective,
    Indicator,
    Target,
    Measure,
    Value,
    Reason,
    Status,
    Score,
}

const KINDS: [(RowKind, &str, &str); 9] = [
    (RowKind::Mission, "missione", "mission"),
    (RowKind::Objective, "obiettivo", "objective"),
    (RowKind::Indicator, "indicatore", "indicator"),
    (RowKind::Target, "target", "target"),
    (RowKind::Measure, "misura", "measure"),
    (RowKind::Value, "valore", "value"),
    (RowKind::Reason, "motivazione", "reason"),
    (RowKind::Status, "stato", "status"),
    (RowKind::Score, "punteggio", "score"),
];

impl RowKind {
    pub fn word(self, lang: Lang) -> &'static str {
        let (_, it, en) = KINDS
            .iter()
            .find(|k| k.0 == self)
            .copied()
            .unwrap_or(KINDS[0]);
        match lang {
            Lang::It => it,
            Lang::En => en,
        }
    }

    /// The kind a first cell names, in either language.
    pub fn read(word: &str) -> Option<RowKind> {
        let w = word.trim().to_lowercase();
        KINDS
            .iter()
            .find(|(_, it, en)| *it == w || *en == w)
            .map(|k| k.0)
    }
}

/// The header's cells before the years (Italian, English).
pub const HEADER: [(&str, &str); 9] = [
    ("Riga", "Row"),
    ("Missione", "Mission"),
    ("Obiettivo", "Objective"),
    ("Codice", "Code"),
    ("Nome", "Name"),
    ("Misura", "Measure"),
    ("Formula", "Formula"),
    ("Owner", "Owner"),
    ("Revisioni", "Revisions"),
];
/// Columns of the cells the importer reads.
pub const CODE_COLUMN: usize = 3;
pub const MEASURE_COLUMN: usize = 5;

/// The word a target cell unreadable in the source is written as, followed by its note:
/// never an empty cell, which means "no target". The page shows the same word.
pub const UNREADABLE: (&str, &str) = ("illeggibile", "unreadable");

fn pick(pair: (&'static str, &'static str), lang: Lang) -> &'static str {
    match lang {
        Lang::It => pair.0,
        Lang::En => pair.1,
    }
}

/// A year's target as written: the text; empty when there is no target; `illeggibile: note`
/// when the source's cell is unreadable.
pub fn target_text(cell: Option<&TargetCell>, lang: Lang) -> String {
    match cell {
        None => String::new(),
        Some(TargetCell {
            text: Some(text), ..
        }) => text.clone(),
        Some(TargetCell { text: None, note }) => {
            let word = pick(UNREADABLE, lang);
            match note.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
                Some(note) => format!("{word}: {note}"),
                None => word.to_string(),
            }
        }
    }
}

/// A score 0–100 as a percentage (`87,5 %`); empty when there is none.
fn score_text(score: Option<f64>) -> String {
    score.map(|s| number(s / 100.0, true)).unwrap_or_default()
}

/// The measures an indicator's rows list: those of its data, then those its formula and
/// targets read that have no data yet (so an office can fill them in).
pub fn measures(indicator: &Indicator) -> Vec<String> {
    let mut names: Vec<String> = indicator.data.keys().cloned().collect();
    let mut read = SortedSet::new();
    if let Some(f) = indicator
        .formula
        .as_deref()
        .and_then(|f| parse_formula(f).ok())
    {
        read.extend(f.measures());
    }
    for text in indicator.targets.values().filter_map(|c| c.text.as_deref()) {
        if let Ok(t) = parse_target(text) {
            read.extend(t.measures());
        }
    }
    for name in read {
        if !names.contains(&name) {
            names.push(name);
        }
    }
    names
}

/// Whether a measure is in the indicator's own units: the benchmark (compared with the
/// indicator's value) and the one measure a formula like `valutazioni_positive` is.
pub fn same_units(indicator: &Indicator, measure: &str) -> bool {
    measure == crate::lang::BENCHMARK_SERIES
        || indicator.formula.as_deref().map(str::trim) == Some(measure)
}

/// The revisions of an indicator in words: `eliminato: Giunta n. 129 del 02/12/2019`.
fn revisions_text(plan: &Plan, indicator: &Indicator, lang: Lang) -> String {
    indicator
        .revisions
        .iter()
        .map(|ev| {
            let kind = match (ev.kind, lang) {
                (RevisionKind::Inserted, Lang::It) => "inserito",
                (RevisionKind::Updated, Lang::It) => "aggiornato",
                (RevisionKind::Eliminated, Lang::It) => "eliminato",
                (RevisionKind::Inserted, Lang::En) => "inserted",
                (RevisionKind::Updated, Lang::En) => "updated",
                (RevisionKind::Eliminated, Lang::En) => "eliminated",
            };
            let act = match ev.deliberation.as_deref() {
                Some(id) => plan
                    .deliberation(id)
                    .map_or_else(|| id.to_string(), |d| d.label()),
                None => pick(("atto illeggibile", "act unreadable"), lang).to_string(),
            };
            format!("{kind}: {act}")
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// The first year column: the plan's first year, or the earliest datum before it (measures
/// reach back for `x-1`, `x-4`), so that every input is in the file.
pub fn first_column(plan: &Plan) -> i32 {
    plan.indicators()
        .flat_map(|(_, _, i)| i.data.values().chain(std::iter::once(&i.values)))
        .filter_map(|s| s.keys().next().copied())
        .fold(plan.years.first, i32::min)
}

/// What the wide CSV reads of an evaluation, by position in the plan (mission `m`, objective `o`,
/// indicator `i`) or by code: the CLI passes `Plan::evaluate`'s report, the page its own cached
/// one (so the page carries no second evaluation just to export).
pub trait Results {
    fn mission(&self, m: usize, code: &str) -> Option<&Scores>;
    fn objective(&self, m: usize, o: usize, number: u32) -> Option<&Scores>;
    fn outcomes(&self, at: [usize; 3], code: &str) -> Option<&SortedMap<i32, Outcome>>;
}

impl Results for PlanReport {
    fn mission(&self, m: usize, _: &str) -> Option<&Scores> {
        self.missions.get(m).map(|r| &r.scores)
    }
    fn objective(&self, m: usize, o: usize, _: u32) -> Option<&Scores> {
        Some(&self.missions.get(m)?.objectives.get(o)?.scores)
    }
    fn outcomes(&self, [m, o, i]: [usize; 3], _: &str) -> Option<&SortedMap<i32, Outcome>> {
        let r = self.missions.get(m)?.objectives.get(o)?.indicators.get(i)?;
        Some(&r.outcomes)
    }
}

/// The wide CSV's rows (header first).
pub fn wide_rows(plan: &Plan, report: &impl Results, lang: Lang) -> Vec<Vec<String>> {
    let (no_scores, no_outcomes) = (Scores::default(), SortedMap::new());
    let years: Vec<i32> = (first_column(plan)..=plan.years.last).collect();
    let mut header: Vec<String> = HEADER.iter().map(|h| pick(*h, lang).to_string()).collect();
    header.extend(years.iter().map(i32::to_string));
    let mut rows = vec![header];
    let row = |kind: RowKind, fixed: [&str; 8], cells: Vec<String>| -> Vec<String> {
        let mut r = vec![kind.word(lang).to_string()];
        r.extend(fixed.iter().map(|c| c.to_string()));
        r.extend(cells);
        r
    };
    for (mi, m) in plan.missions.iter().enumerate() {
        let mission_scores = report.mission(mi, &m.code).unwrap_or(&no_scores);
        let scores = years
            .iter()
            .map(|y| score_text(mission_scores.get(y).copied().flatten()))
            .collect();
        rows.push(row(
            RowKind::Mission,
            [&m.code, "", "", &m.name, "", "", "", ""],
            scores,
        ));
        for (oi, o) in m.objectives.iter().enumerate() {
            let number_text = o.number.to_string();
            let on = number_text.as_str();
            let objective_scores = report.objective(mi, oi, o.number).unwrap_or(&no_scores);
            let scores = years
                .iter()
                .map(|y| score_text(objective_scores.get(y).copied().flatten()))
                .collect();
            rows.push(row(
                RowKind::Objective,
                [&m.code, on, "", &o.title, "", "", "", ""],
                scores,
            ));
            for (ii, i) in o.indicators.iter().enumerate() {
                let outcomes = report
                    .outcomes([mi, oi, ii], &i.code)
                    .unwrap_or(&no_outcomes);
                let percent = reads_as_percent(i);
                let code = i.code.as_str();
                let id = [&m.code as &str, on, code];
                let input = |kind: RowKind, measure: &str, cells: Vec<String>| {
                    row(kind, [id[0], id[1], id[2], "", measure, "", "", ""], cells)
                };
                let outcome = |y: &i32| outcomes.get(y).filter(|o| o.status != Status::Inactive);
                let values = years
                    .iter()
                    .map(|y| match outcome(y).map(|o| &o.value) {
                        Some(Value::Number(x)) => number(*x, percent),
                        Some(Value::Date(d)) => d.to_string(),
                        Some(Value::NotAvailable(_)) => "n.d.".into(),
                        None => String::new(),
                    })
                    .collect();
                let formula = i.formula.clone().unwrap_or_else(|| i.formula_text.clone());
                rows.push(row(
                    RowKind::Indicator,
                    [
                        id[0],
                        id[1],
                        id[2],
                        &i.name,
                        "",
                        &formula,
                        &plan.owner_names(i).join(", "),
                        &revisions_text(plan, i, lang),
                    ],
                    values,
                ));
                rows.push(input(
                    RowKind::Target,
                    "",
                    years
                        .iter()
                        .map(|y| target_text(i.targets.get(y), lang))
                        .collect(),
                ));
                for name in measures(i) {
                    let percent = percent && same_units(i, &name);
                    let series = i.data.get(&name);
                    let cells = years
                        .iter()
                        .map(|y| {
                            series
                                .and_then(|s| s.get(y))
                                .map(|d| datum(d, percent))
                                .unwrap_or_default()
                        })
                        .collect();
                    rows.push(input(RowKind::Measure, &name, cells));
                }
                if i.formula.is_none() || !i.values.is_empty() {
                    let cells = years
                        .iter()
                        .map(|y| {
                            i.values
                                .get(y)
                                .map(|d: &Datum| datum(d, percent))
                                .unwrap_or_default()
                        })
                        .collect();
                    rows.push(input(RowKind::Value, "", cells));
                }
                rows.push(input(
                    RowKind::Reason,
                    "",
                    years
                        .iter()
                        .map(|y| i.reasons.get(y).cloned().unwrap_or_default())
                        .collect(),
                ));
                rows.push(input(
                    RowKind::Status,
                    "",
                    years
                        .iter()
                        .map(|y| {
                            outcomes
                                .get(y)
                                .map(|o| o.status.label(lang == Lang::En).to_string())
                                .unwrap_or_default()
                        })
                        .collect(),
                ));
                rows.push(input(
                    RowKind::Score,
                    "",
                    years
                        .iter()
                        .map(|y| score_text(outcomes.get(y).and_then(|o| o.score)))
                        .collect(),
                ));
            }
        }
    }
    rows
}

/// The wide CSV's text: `;`, decimal comma, BOM, CRLF.
pub fn wide_csv(plan: &Plan, report: &impl Results, lang: Lang) -> String {
    document(&wide_rows(plan, report, lang))
}
