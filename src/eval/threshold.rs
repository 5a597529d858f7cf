//! The numbers a target holds the indicator's value against in a year, for charts: `≥ 80%` →
//! 0,8; `ITP < -10` → −10; `X < X-1` → last year's value; `≥ media` → the benchmark that year;
//! `scostamento max 0,02 da media cluster` → the benchmark ± 0,02; `tra 3 e 5` → 3 and 5.

use crate::lang::{Cond, CondKind, Expr, ExprKind, Lang, Target, TargetBody};

use super::formula::Env;
use super::{Datum, Scope};

/// The thresholds of `target` in `year`, read with the data of `scope`: the numbers the
/// indicator's own value is compared with. Empty for a baseline year, a deadline (a date), a
/// condition on something other than the indicator's value, or a reference that is n.d. in
/// that year (e.g. `X < X-1` without last year's value). `non`, `e`, `o` keep the thresholds of
/// their parts (the boundary is the same).
pub fn thresholds(target: &Target, scope: &Scope, year: i32) -> Vec<f64> {
    let env = Env::new(scope, Some(year), Lang::It);
    let mut out = Vec::new();
    if let TargetBody::Condition(c) = &target.body {
        collect(c, &env, &mut out);
    }
    out.retain(|x| x.is_finite());
    out
}

fn collect(c: &Cond, env: &Env, out: &mut Vec<f64>) {
    let mut push = |e: &Expr| {
        if let Some(x) = number(e, env) {
            out.push(x);
        }
    };
    match &c.node {
        CondKind::Bare(t) => push(t),
        CondKind::Compare {
            subject,
            op: _,
            rhs,
        } => {
            if is_own(subject.as_ref(), env) {
                push(rhs);
            } else if let Some(s) = subject {
                // `-10 > ITP`: the value on the right.
                if is_own(Some(rhs), env) {
                    push(s);
                }
            }
        }
        CondKind::Between { subject, low, high } => {
            if is_own(subject.as_ref(), env) {
                push(low);
                push(high);
            }
        }
        CondKind::Within {
            tolerance,
            reference,
        } => {
            if let (Some(r), Some(t)) = (number(reference, env), number(tolerance, env)) {
                out.push(r - t);
                out.push(r + t);
            }
        }
        CondKind::Deadline(_) => {}
        CondKind::Not(inner) => collect(inner, env, out),
        CondKind::And(a, b) | CondKind::Or(a, b) => {
            collect(a, env, out);
            collect(b, env, out);
        }
    }
}

/// Whether `subject` is the indicator's value this year: no subject, `X`, or its own short
/// code (`ITP`; any code when the indicator has none, as the evaluation reads it).
fn is_own(subject: Option<&Expr>, env: &Env) -> bool {
    match subject.map(|e| &e.node) {
        None | Some(ExprKind::Own { lag: 0 }) => true,
        Some(ExprKind::Code(name)) => env
            .scope
            .code
            .is_none_or(|code| code.eq_ignore_ascii_case(name)),
        Some(_) => false,
    }
}

fn number(e: &Expr, env: &Env) -> Option<f64> {
    match env.eval(e) {
        Ok(Datum::Number(x)) => Some(x),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::{Data, Polarity, Series};
    use crate::lang::parse_target;

    fn at(text: &str, scope: &Scope, year: i32) -> Vec<f64> {
        let t = parse_target(text).unwrap_or_else(|e| panic!("{text}: {e:?}"));
        thresholds(&t, scope, year)
    }

    #[test]
    fn constants_own_code_and_negative_numbers() {
        let scope = Scope {
            code: Some("ITP"),
            polarity: Polarity::Lower,
            ..Scope::empty()
        };
        assert_eq!(at("ITP < -10", &scope, 2020), vec![-10.0]);
        assert_eq!(at("itp <= -15", &scope, 2020), vec![-15.0]);
        assert_eq!(at("< -2,5", &scope, 2020), vec![-2.5]);
        assert_eq!(at(">= 80%", &scope, 2020), vec![0.8]);
        assert_eq!(at("4,6", &scope, 2020), vec![4.6]);
        assert_eq!(at("tra 3 e 5", &scope, 2020), vec![3.0, 5.0]);
        assert_eq!(at("Anno di rilevazione", &scope, 2020), Vec::<f64>::new());
        assert_eq!(at("31/12/2019", &scope, 2020), Vec::<f64>::new());
        // Another indicator's code is not this value: nothing to draw.
        assert_eq!(at("ABC < -10", &scope, 2020), Vec::<f64>::new());
    }

    #[test]
    fn relative_targets_read_the_data() {
        let mut data = Data::new();
        let bench: Series = [(2019, Datum::Number(0.7))].into_iter().collect();
        data.insert(crate::lang::BENCHMARK_SERIES.to_string(), bench);
        let values: Series = [(2018, Datum::Number(12.0)), (2019, Datum::Number(9.0))]
            .into_iter()
            .collect();
        let scope = Scope {
            values: Some(&values),
            ..Scope::new(&data)
        };
        assert_eq!(at("X < X-1", &scope, 2019), vec![12.0]);
        assert_eq!(
            at("X < X-1", &scope, 2018),
            Vec::<f64>::new(),
            "no 2017 value"
        );
        assert_eq!(at("≥ media", &scope, 2019), vec![0.7]);
        let band = at("scostamento max 0,02 da media cluster", &scope, 2019);
        assert_eq!(band.len(), 2);
        assert!((band[0] - 0.68).abs() < 1e-12 && (band[1] - 0.72).abs() < 1e-12);
        assert_eq!(
            at("> media cluster", &scope, 2020),
            Vec::<f64>::new(),
            "no benchmark"
        );
    }
}
