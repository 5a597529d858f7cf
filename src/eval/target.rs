//! Conditions: true, false, or "n.d." with the reason (three-valued: `falso e n.d.` is false,
//! `vero o n.d.` is true, anything else unknown stays n.d.).

use crate::lang::print::{write_cond_in, ENGLISH, ITALIAN};
use crate::lang::{CmpOp, Cond, CondKind, ExprKind};

use super::formula::{compare, Env, Val};
use super::number::{format_percent, show_datum};
use super::trace::other;
use super::{Datum, Polarity, Unavailable};

/// The comparison a bare target `73%` stands for.
pub(crate) fn bare_op(polarity: Polarity) -> CmpOp {
    match polarity {
        Polarity::Higher => CmpOp::Ge,
        Polarity::Lower => CmpOp::Le,
    }
}

pub(crate) fn eval_cond(c: &Cond, env: &Env, x: &Val) -> Result<bool, Unavailable> {
    let lang = env.lang;
    let subject = |s: &Option<crate::lang::Expr>| match s {
        Some(e) => env.eval(e),
        None => x.clone(),
    };
    match &c.node {
        CondKind::Bare(t) => compare(
            &x.clone()?,
            bare_op(env.scope.polarity),
            &env.eval(t)?,
            lang,
        ),
        CondKind::Compare {
            subject: s,
            op,
            rhs,
        } => {
            let a = subject(s);
            let b = env.eval(rhs);
            compare(&a?, *op, &b?, lang)
        }
        CondKind::Between {
            subject: s,
            low,
            high,
        } => {
            let a = subject(s)?;
            let lo = env.eval(low)?;
            let hi = env.eval(high)?;
            // `tra 5 e 3` is the same interval as `tra 3 e 5`, as one says it in Italian.
            let inside = |l: &Datum, h: &Datum| -> Result<bool, Unavailable> {
                Ok(compare(&a, CmpOp::Ge, l, lang)? && compare(&a, CmpOp::Le, h, lang)?)
            };
            Ok(inside(&lo, &hi)? || inside(&hi, &lo)?)
        }
        CondKind::Within {
            tolerance,
            reference,
        } => {
            let a = number(x.clone()?, env)?;
            let r = number(env.eval(reference)?, env)?;
            let t = number(env.eval(tolerance)?, env)?;
            if t < 0.0 {
                let shown = super::number::format_number(t, lang);
                return Err(other(
                    lang,
                    &format!("la tolleranza dello scostamento è negativa ({shown}): nessun valore può rispettarla"),
                    &format!("the deviation's tolerance is negative ({shown}): no value can meet it"),
                ));
            }
            compare(
                &Datum::Number((a - r).abs()),
                CmpOp::Le,
                &Datum::Number(t),
                lang,
            )
        }
        CondKind::Deadline(d) => {
            let a = x.clone()?;
            if let Datum::Number(_) = a {
                return Err(other(
                    lang,
                    "per una scadenza serve la data di completamento (gg/mm/aaaa), non un numero",
                    "a deadline needs the completion date (dd/mm/yyyy), not a number",
                ));
            }
            compare(&a, CmpOp::Le, &env.eval(d)?, lang)
        }
        CondKind::Not(inner) => eval_cond(inner, env, x).map(|b| !b),
        CondKind::And(a, b) => match (eval_cond(a, env, x), eval_cond(b, env, x)) {
            (Ok(false), _) | (_, Ok(false)) => Ok(false),
            (Ok(true), Ok(true)) => Ok(true),
            (Err(r), _) | (_, Err(r)) => Err(r),
        },
        CondKind::Or(a, b) => match (eval_cond(a, env, x), eval_cond(b, env, x)) {
            (Ok(true), _) | (_, Ok(true)) => Ok(true),
            (Ok(false), Ok(false)) => Ok(false),
            (Err(r), _) | (_, Err(r)) => Err(r),
        },
    }
}

fn number(d: Datum, env: &Env) -> Result<f64, Unavailable> {
    match d {
        Datum::Number(x) => Ok(x),
        Datum::Date(_) => Err(other(
            env.lang,
            "uno scostamento si misura tra numeri, non tra date",
            "a deviation is measured between numbers, not dates",
        )),
    }
}

/// The condition with values in place of names and literals ("≥ 80 %", "0,28 < 0,3").
/// `percent`: show values as percentages, as the target is written.
pub(crate) fn cond_text(c: &Cond, env: &Env, percent: bool) -> String {
    let mut out = String::new();
    let words = match env.lang {
        crate::lang::Lang::It => &ITALIAN,
        crate::lang::Lang::En => &ENGLISH,
    };
    write_cond_in(
        c,
        &mut out,
        &mut |leaf| match &leaf.node {
            ExprKind::Number {
                value,
                percent: true,
            } => Some(format_percent(value / 100.0, env.lang)),
            ExprKind::Number {
                value,
                percent: false,
            } => Some(super::number::format_number(*value, env.lang)),
            ExprKind::Date(d) => Some(d.to_string()),
            ExprKind::DayMonth { .. } => Some(env.eval(leaf).map_or_else(
                |_| super::number::no_data(env.lang).into(),
                |d| show_datum(&d, false, env.lang),
            )),
            // The benchmark says what it is: "≥ 0,7 (media cluster)".
            ExprKind::Benchmark => {
                let v = env.eval(leaf);
                let shown = v.map_or_else(
                    |_| super::number::no_data(env.lang).into(),
                    |d| show_datum(&d, percent, env.lang),
                );
                let label = match env.lang {
                    crate::lang::Lang::It => "media cluster",
                    crate::lang::Lang::En => "cluster mean",
                };
                Some(format!("{shown} ({label})"))
            }
            ExprKind::Measure { .. }
            | ExprKind::Own { .. }
            | ExprKind::OwnIn { .. }
            | ExprKind::Code(_) => Some(env.eval(leaf).map_or_else(
                |_| super::number::no_data(env.lang).into(),
                |d| show_datum(&d, percent, env.lang),
            )),
            _ => None,
        },
        words,
    );
    out
}

/// True when the condition is one test of the indicator's value written without a subject
/// (`≥ 80%`, `tra 3 e 5`, `entro 31/12/2019`): the trace then reads "85 % ≥ 80 %".
pub(crate) fn implicit_subject(c: &Cond) -> bool {
    matches!(
        &c.node,
        CondKind::Compare { subject: None, .. }
            | CondKind::Between { subject: None, .. }
            | CondKind::Within { .. }
            | CondKind::Deadline(_)
            | CondKind::Bare(_)
    )
}
