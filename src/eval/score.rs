//! Grado di raggiungimento (0–100) and status. The rules, also in docs/language.md:
//! - a bare target (`73%`) scores like the chambers do: actual/target (or target/actual when
//!   lower is better), capped at 100; short of the target with a positive score is "partial";
//! - `… parziale da F` scores linearly from the floor F (0) to the target (100);
//! - every other condition is met (100) or not met (0);
//! - a missed target never shows 100: its score is capped at 99,99.

use crate::lang::{CmpOp, Cond, CondKind, Target};

use super::formula::{Env, Val};
use super::number::format_number;
use super::target::{bare_op, eval_cond};
use super::trace::other;
use super::{Datum, Status, Unavailable};

pub(crate) fn judge(
    target: &Target,
    c: &Cond,
    env: &Env,
    x: &Val,
) -> Result<(Status, f64), Unavailable> {
    let graded = match &c.node {
        CondKind::Bare(t) => Some((None, bare_op(env.scope.polarity), t)),
        CondKind::Compare { subject, op, rhs } if target.partial.is_some() => {
            Some((subject.as_ref(), *op, rhs))
        }
        _ => None,
    };
    let met = eval_cond(c, env, x)?;
    if met {
        return Ok((Status::Met, 100.0));
    }
    let Some((subject, op, t)) = graded else {
        return Ok((Status::NotMet, 0.0));
    };
    let a = number(subject.map_or_else(|| x.clone(), |s| env.eval(s))?, env)?;
    let t = number(env.eval(t)?, env)?;
    let higher = match op {
        CmpOp::Ge | CmpOp::Gt => true,
        CmpOp::Le | CmpOp::Lt => false,
        CmpOp::Eq | CmpOp::Ne => return Ok((Status::NotMet, 0.0)),
    };
    let score = match &target.partial {
        Some(floor) => {
            let f = number(env.eval(floor)?, env)?;
            let wrong_side = if higher { f >= t } else { f <= t };
            if wrong_side {
                let (fs, ts) = (format_number(f, env.lang), format_number(t, env.lang));
                return Err(other(
                    env.lang,
                    &format!("la soglia parziale ({fs}) deve stare prima del target ({ts}) nella direzione buona"),
                    &format!("the partial floor ({fs}) must come before the target ({ts}) in the good direction"),
                ));
            }
            if higher {
                (a - f) / (t - f) * 100.0
            } else {
                (f - a) / (f - t) * 100.0
            }
        }
        // Proportional credit needs positive numbers; otherwise a miss is a miss.
        None if a > 0.0 && t > 0.0 => {
            if higher {
                a / t * 100.0
            } else {
                t / a * 100.0
            }
        }
        None => 0.0,
    };
    let score = round2(if score.is_finite() {
        score.clamp(0.0, 99.99)
    } else {
        0.0
    });
    Ok(if score > 0.0 {
        (Status::Partial, score)
    } else {
        (Status::NotMet, 0.0)
    })
}

fn number(d: Datum, env: &Env) -> Result<f64, Unavailable> {
    match d {
        Datum::Number(x) => Ok(x),
        Datum::Date(_) => Err(other(
            env.lang,
            "il grado parziale si calcola solo su numeri",
            "partial credit is computed on numbers only",
        )),
    }
}

pub(crate) fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}
