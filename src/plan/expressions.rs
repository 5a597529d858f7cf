//! Every formula and target of an indicator must parse in the rules language; each problem is
//! reported with its JSON path and, inside the expression, line and column.

use std::collections::HashMap;

use crate::eval::{target_problem, Polarity};
use crate::lang::{parse_formula, parse_target, Diagnostic, Lang};

use super::model::Indicator;
use super::problem::Problem;

/// Each distinct text checked once: plans repeat `≥1`, `100%`, … in most cells, and a plan of
/// 10 000 indicators would otherwise parse 70 000 texts to validate (docs/benchmarks.md).
#[derive(Default)]
pub(super) struct Checked<'p> {
    formulas: HashMap<&'p str, Vec<Diagnostic>>,
    targets: HashMap<(&'p str, Polarity), TargetCheck>,
}

enum TargetCheck {
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
    if let Some(formula) = &indicator.formula {
        let diagnostics = checked
            .formulas
            .entry(formula.as_str())
            .or_insert_with(|| parse_formula(formula).err().unwrap_or_default());
        let at = format!("{path}.formula");
        out.extend(
            diagnostics
                .iter()
                .map(|d| problem(&at, "formula non valida", "invalid formula", d)),
        );
    }
    for (year, cell) in &indicator.targets {
        let Some(text) = &cell.text else { continue };
        let at = || format!("{path}.targets.{year}.text");
        let check = checked
            .targets
            .entry((text.as_str(), indicator.polarity))
            .or_insert_with(|| match parse_target(text) {
                Err(diagnostics) => TargetCheck::Invalid(diagnostics),
                // What is wrong whatever the data (a partial floor beyond the target).
                Ok(target) => TargetCheck::Parsed(
                    target_problem(&target, indicator.polarity, Lang::It).zip(target_problem(
                        &target,
                        indicator.polarity,
                        Lang::En,
                    )),
                ),
            });
        match check {
            TargetCheck::Invalid(diagnostics) => out.extend(
                diagnostics
                    .iter()
                    .map(|d| problem(&at(), "target non valido", "invalid target", d)),
            ),
            TargetCheck::Parsed(Some((it, en))) => out.push(Problem::new(
                at(),
                format!("target non valido: {it}"),
                format!("invalid target: {en}"),
            )),
            TargetCheck::Parsed(None) => {}
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
