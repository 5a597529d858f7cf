//! Grado di raggiungimento (0–100) and status. The rules, also in docs/language.md:
//! - a bare target (`73%`) scores like the chambers do: actual/target (or target/actual when
//!   lower is better), capped at 100; short of the target with a positive score is "partial";
//! - `… parziale da F` scores linearly from the floor F (0) to the target (100);
//! - every other condition is met (100) or not met (0);
//! - a missed target never shows 100: its score is capped at 99,99.

use crate::lang::{CmpOp, Cond, CondKind, Expr, ExprKind, Lang, Target, TargetBody};

use super::formula::{Env, Val};
use super::number::format_number;
use super::target::{bare_op, eval_cond};
use super::trace::other;
use super::{Datum, Status, Unavailable};
use super::{Polarity, Scope};

/// The comparison a graded target makes: the indicator's value (`None`: the implicit one, or
/// the expression naming it), the direction, the threshold. `80% <= X` is read as `X >= 80%`,
/// so that both spellings grade alike.
struct Graded<'t> {
    subject: Option<&'t Expr>,
    op: CmpOp,
    threshold: &'t Expr,
}

fn graded<'t>(target: &'t Target, c: &'t Cond, polarity: Polarity) -> Option<Graded<'t>> {
    match &c.node {
        CondKind::Bare(t) => Some(Graded {
            subject: None,
            op: bare_op(polarity),
            threshold: t,
        }),
        CondKind::Compare {
            subject: Some(s),
            op,
            rhs,
        } if target.partial.is_some() && names_own(rhs) && !names_own(s) => Some(Graded {
            subject: Some(rhs),
            op: op.mirrored(),
            threshold: s,
        }),
        CondKind::Compare { subject, op, rhs } if target.partial.is_some() => Some(Graded {
            subject: subject.as_ref(),
            op: *op,
            threshold: rhs,
        }),
        _ => None,
    }
}

/// `X` or the indicator's code: the value being judged.
fn names_own(e: &Expr) -> bool {
    matches!(e.node, ExprKind::Own { lag: 0 } | ExprKind::Code(_))
}

/// True for `≥ >`, false for `≤ <`, `None` for `= ≠`.
fn higher(op: CmpOp) -> Option<bool> {
    match op {
        CmpOp::Ge | CmpOp::Gt => Some(true),
        CmpOp::Le | CmpOp::Lt => Some(false),
        CmpOp::Eq | CmpOp::Ne => None,
    }
}

/// A partial floor that is not before the target in the good direction: an error whether or
/// not the target is met (else `≥ 80% parziale da 90%` says "met" at 85 % and hides it).
fn floor_on_wrong_side(f: f64, t: f64, higher: bool, lang: Lang) -> Option<Unavailable> {
    let wrong_side = if higher { f >= t } else { f <= t };
    wrong_side.then(|| {
        let (fs, ts) = (format_number(f, lang), format_number(t, lang));
        other(
            lang,
            &format!("la soglia parziale ({fs}) deve stare prima del target ({ts}) nella direzione buona"),
            &format!("the partial floor ({fs}) must come before the target ({ts}) in the good direction"),
        )
    })
}

/// The floor checked against the target when both are known numbers.
fn check_floor(target: &Target, g: &Graded, env: &Env) -> Result<(), Unavailable> {
    let (Some(floor), Some(up)) = (&target.partial, higher(g.op)) else {
        return Ok(());
    };
    if let (Ok(Datum::Number(f)), Ok(Datum::Number(t))) = (env.eval(floor), env.eval(g.threshold)) {
        if let Some(e) = floor_on_wrong_side(f, t, up, env.lang) {
            return Err(e);
        }
    }
    Ok(())
}

/// What is wrong with a target whatever the data: a partial floor written on the wrong side of
/// a constant target (`≥ 80% parziale da 90%`). For validating plans; `None` when nothing is.
pub fn target_problem(target: &Target, polarity: Polarity, lang: Lang) -> Option<String> {
    let TargetBody::Condition(c) = &target.body else {
        return None;
    };
    let g = graded(target, c, polarity)?;
    let scope = Scope {
        polarity,
        ..Scope::empty()
    };
    let env = Env::new(&scope, None, lang);
    check_floor(target, &g, &env)
        .err()
        .map(|e| e.describe(lang))
}

pub(crate) fn judge(
    target: &Target,
    c: &Cond,
    env: &Env,
    x: &Val,
) -> Result<(Status, f64), Unavailable> {
    let graded = graded(target, c, env.scope.polarity);
    if let Some(g) = &graded {
        check_floor(target, g, env)?;
    }
    let met = eval_cond(c, env, x)?;
    if met {
        return Ok((Status::Met, 100.0));
    }
    let Some(g) = graded else {
        return Ok((Status::NotMet, 0.0));
    };
    let a = number(g.subject.map_or_else(|| x.clone(), |s| env.eval(s))?, env)?;
    let t = number(env.eval(g.threshold)?, env)?;
    let Some(higher) = higher(g.op) else {
        return Ok((Status::NotMet, 0.0));
    };
    let score = match &target.partial {
        Some(floor) => {
            let f = number(env.eval(floor)?, env)?;
            if let Some(e) = floor_on_wrong_side(f, t, higher, env.lang) {
                return Err(e);
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
