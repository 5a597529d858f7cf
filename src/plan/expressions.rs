//! Every formula and target of an indicator must parse in the rules language; each problem is
//! reported with its JSON path and, inside the expression, line and column.

use std::collections::HashMap;

use crate::eval::{target_problem, Polarity};
use crate::lang::{
    parse_formula_in, parse_target_in, target_unit, Diagnostic, Lang, Notation, Unit,
};

use super::model::Indicator;
use super::problem::Problem;

/// Each distinct text checked once: plans repeat `≥1`, `100%`, … in most cells, and a plan of
/// 10 000 indicators would otherwise parse 70 000 texts to validate (docs/benchmarks.md).
#[derive(Default)]
pub(super) struct Checked<'p> {
    formulas: HashMap<&'p str, Vec<Diagnostic>>,
    targets: HashMap<(&'p str, Polarity), TargetCheck>,
    /// How the plan writes numbers (`defaults.numbers`).
    pub(super) notation: Notation,
}

struct TargetCheck {
    verdict: Verdict,
    /// The unit the text writes (`10 gg.`), to compare with the indicator's.
    unit: Option<Unit>,
}

enum Verdict {
    Invalid(Vec<Diagnostic>),
    /// Parses; what is wrong with it whatever the data (Italian, English), if anything.
    Parsed(Option<(String, String)>),
}

pub(super) fn check_indicator<'p>(
    indicator: &'p Indicator,
    path: &str,
    out: &mut Vec<Problem>,
    checked: &mut Checked<'p>,
) {
    let notation = checked.notation;
    if let Some(formula) = &indicator.formula {
        let diagnostics = checked.formulas.entry(formula.as_str()).or_insert_with(|| {
            parse_formula_in(formula, notation)
                .err()
                .unwrap_or_default()
        });
        if !diagnostics.is_empty() {
            // Written only for a problem: most formulas have none.
            let at = format!("{path}.formula");
            out.extend(
                diagnostics
                    .iter()
                    .map(|d| problem(&at, "formula non valida", "invalid formula", d)),
            );
        }
    }
    for (year, cell) in &indicator.targets {
        let Some(text) = &cell.text else { continue };
        let at = || format!("{path}.targets.{year}.text");
        let check =
            checked
                .targets
                .entry((text.as_str(), indicator.polarity))
                .or_insert_with(|| TargetCheck {
                    verdict: match parse_target_in(text, notation) {
                        Err(diagnostics) => Verdict::Invalid(diagnostics),
                        // What is wrong whatever the data (a partial floor beyond the target).
                        Ok(target) => Verdict::Parsed(
                            target_problem(&target, indicator.polarity, Lang::It)
                                .zip(target_problem(&target, indicator.polarity, Lang::En)),
                        ),
                    },
                    unit: target_unit(text),
                });
        match &check.verdict {
            Verdict::Invalid(diagnostics) => out.extend(
                diagnostics
                    .iter()
                    .map(|d| problem(&at(), "target non valido", "invalid target", d)),
            ),
            Verdict::Parsed(Some((it, en))) => out.push(Problem::new(
                at(),
                format!("target non valido: {it}"),
                format!("invalid target: {en}"),
            )),
            Verdict::Parsed(None) => {}
        }
        // `<= 10 gg.` on an indicator in %: the target's unit must be the indicator's.
        if let (Some(written), Some(unit)) = (check.unit, indicator.unit.as_deref()) {
            if let Some((it, en)) = unit_mismatch(written, unit) {
                out.push(Problem::new(at(), it, en));
            }
        }
    }
}

fn problem(path: &str, it: &str, en: &str, d: &Diagnostic) -> Problem {
    Problem::new(
        path,
        format!("{it}: {}", d.message(Lang::It)),
        format!("{en}: {}", d.message(Lang::En)),
    )
    .at(d.line, d.column)
}

/// A target written in `written` on an indicator whose unit is `unit` (free text: `%`,
/// `giorni`, `€`…): the two must agree. Units this table does not know are not judged.
pub fn unit_mismatch(written: Unit, unit: &str) -> Option<(String, String)> {
    let percent = matches!(unit.trim(), "%" | "percentuale" | "Percentuale" | "percent");
    let agrees = match Unit::of_indicator(unit) {
        Some(u) => u == written,
        None => !percent,
    };
    (!agrees).then(|| {
        (
            format!(
                "target in {} su un indicatore in «{unit}»: l'unità del target dev'essere quella dell'indicatore",
                written.name(Lang::It)
            ),
            format!(
                "target in {} on an indicator in «{unit}»: the target's unit must be the indicator's",
                written.name(Lang::En)
            ),
        )
    })
}
