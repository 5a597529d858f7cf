//! Every formula and target of an indicator must parse in the rules language; each problem is
//! reported with its JSON path and, inside the expression, line and column.

use crate::eval::target_problem;
use crate::lang::{parse_formula, parse_target, Diagnostic, Lang};

use super::model::Indicator;
use super::problem::Problem;

pub(super) fn check_indicator(indicator: &Indicator, path: &str, out: &mut Vec<Problem>) {
    if let Some(formula) = &indicator.formula {
        if let Err(diagnostics) = parse_formula(formula) {
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
        match parse_target(text) {
            Err(diagnostics) => out.extend(
                diagnostics
                    .iter()
                    .map(|d| problem(&at(), "target non valido", "invalid target", d)),
            ),
            // What is wrong whatever the data (a partial floor beyond the target).
            Ok(target) => {
                if let (Some(it), Some(en)) = (
                    target_problem(&target, indicator.polarity, Lang::It),
                    target_problem(&target, indicator.polarity, Lang::En),
                ) {
                    out.push(Problem::new(
                        at(),
                        format!("target non valido: {it}"),
                        format!("invalid target: {en}"),
                    ));
                }
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
