//! Evaluation: formulas to values, targets to statuses, scores and traces.
//!
//! `evaluate(&target, &scope, Some(2019))` judges one year; it never panics and never returns
//! NaN: what cannot be computed is "n.d." with its reason.

mod formula;
mod number;
mod score;
mod target;
mod trace;
mod types;

pub use formula::Scope;
pub use number::{format_number, format_percent};
pub use types::*;

use crate::lang::{Lang, Target, TargetBody};

/// Judges `target` for `year` (None: the only value given, for targets that need no year).
pub fn evaluate(target: &Target, scope: &Scope, year: Option<i32>) -> Outcome {
    evaluate_in(target, scope, year, Lang::It)
}

/// [`evaluate`] with traces and reasons in `lang`.
pub fn evaluate_in(target: &Target, scope: &Scope, year: Option<i32>, lang: Lang) -> Outcome {
    let (x, subst) = scope.own(year, true, lang);
    let percent = target.uses_percent();
    let env = formula::Env { scope, year, lang };
    let prefix = year.map(|y| format!("{y}: ")).unwrap_or_default();
    let shown = number::show_value(&x, percent, lang);
    let value_part = match subst {
        Some(s) => format!("{s} = {shown}"),
        None => shown,
    };
    let cond = match &target.body {
        TargetBody::Baseline => {
            let note = match lang {
                Lang::It => "anno di rilevazione, nessun target",
                Lang::En => "baseline year, no target",
            };
            let reason = match &x {
                Value::NotAvailable(r) => format!(" ({})", r.describe(lang)),
                _ => String::new(),
            };
            let trace = format!("{prefix}{value_part}{reason} → {}", note);
            return Outcome {
                value: x,
                status: Status::Baseline,
                score: None,
                trace,
            };
        }
        TargetBody::Condition(c) => c,
    };
    let xv = formula::from_value(&x);
    let judged = score::judge(target, cond, &env, &xv);
    let mut text = target::cond_text(cond, &env, percent);
    if let crate::lang::CondKind::Bare(_) = cond.node {
        let dir = match (scope.polarity, lang) {
            (Polarity::Higher, Lang::It) => "più alto è meglio",
            (Polarity::Lower, Lang::It) => "più basso è meglio",
            (Polarity::Higher, Lang::En) => "higher is better",
            (Polarity::Lower, Lang::En) => "lower is better",
        };
        text = match lang {
            Lang::It => format!("obiettivo {text} ({dir})"),
            Lang::En => format!("target {text} ({dir})"),
        };
    }
    if let crate::lang::CondKind::Within {
        tolerance,
        reference,
    } = &cond.node
    {
        // Show the deviation itself: "scostamento |0,9 − 0,89| = 0,01, max 0,02".
        if let (Ok(Datum::Number(a)), Ok(Datum::Number(r)), Ok(Datum::Number(t))) =
            (&xv, env.eval(reference), env.eval(tolerance))
        {
            let show = |v: f64| number::show_datum(&Datum::Number(v), percent, lang);
            let (word, max) = match lang {
                Lang::It => ("scostamento", "max"),
                Lang::En => ("deviation", "max"),
            };
            text = format!(
                "{word} |{} − {}| = {}, {max} {}",
                show(*a),
                show(r),
                show((a - r).abs()),
                show(t)
            );
        }
    }
    let sep = match cond.node {
        crate::lang::CondKind::Bare(_) => ", ",
        crate::lang::CondKind::Within { .. } => "; ",
        _ if target::implicit_subject(cond) => " ",
        _ => "; ",
    };
    let partial = target.partial.as_ref().map(|f| {
        let floor = target::cond_text(
            &crate::lang::Spanned::new(crate::lang::CondKind::Bare(f.clone()), f.span),
            &env,
            percent,
        );
        match lang {
            Lang::It => format!(" (parziale da {floor})"),
            Lang::En => format!(" (partial from {floor})"),
        }
    });
    let head = format!(
        "{prefix}{value_part}{sep}{text}{}",
        partial.unwrap_or_default()
    );
    let (status, score, tail) = match judged {
        Ok((status, score)) => {
            let grade = match (status, lang) {
                (Status::Partial, Lang::It) => {
                    format!(", grado {}", format_percent(score / 100.0, lang))
                }
                (Status::Partial, Lang::En) => {
                    format!(", score {}", format_percent(score / 100.0, lang))
                }
                _ => String::new(),
            };
            (
                status,
                Some(score),
                format!("{}{grade}", trace::status_word(status, lang)),
            )
        }
        Err(reason) => {
            let word = trace::status_word(Status::NoData, lang);
            (
                Status::NoData,
                None,
                format!("{word}: {}", reason.describe(lang)),
            )
        }
    };
    Outcome {
        value: x,
        status,
        score,
        trace: format!("{head} → {tail}"),
    }
}
