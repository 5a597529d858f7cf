//! Evaluation: formulas to values, targets to statuses, scores and traces.
//!
//! `evaluate(&target, &scope, Some(2019))` judges one year; it never panics and never returns
//! NaN: what cannot be computed is "n.d." with its reason. `judge` gives the same value, status
//! and score without writing the trace (for roll-ups and large plans): one code path, where
//! the trace is written after judging, from what was judged.

mod formula;
mod number;
mod score;
mod target;
mod threshold;
mod trace;
mod types;

pub use formula::Scope;
pub use number::{
    decimals_to_tell_apart, format_number, format_percent, no_data, parse_number, NotANumber,
    ReadNumber,
};
pub use score::target_problem;
pub use threshold::thresholds;
pub use types::*;

use crate::lang::{Lang, Target, TargetBody};

/// Judges `target` for `year` (None: the only value given, for targets that need no year).
pub fn evaluate(target: &Target, scope: &Scope, year: Option<i32>) -> Outcome {
    evaluate_with(target, scope, year, Lang::It, Trace::On)
}

/// [`evaluate`] with traces and reasons in `lang`.
pub fn evaluate_in(target: &Target, scope: &Scope, year: Option<i32>, lang: Lang) -> Outcome {
    evaluate_with(target, scope, year, lang, Trace::On)
}

/// [`evaluate`] without the trace (`Outcome::trace` empty): value, status and score are the
/// same, bit for bit.
pub fn judge(target: &Target, scope: &Scope, year: Option<i32>) -> Outcome {
    evaluate_with(target, scope, year, Lang::It, Trace::Off)
}

/// Judges `target` for `year`, with reasons in `lang`, writing the trace only when `trace` is
/// [`Trace::On`].
pub fn evaluate_with(
    target: &Target,
    scope: &Scope,
    year: Option<i32>,
    lang: Lang,
    trace: Trace,
) -> Outcome {
    let traced = trace == Trace::On;
    let (x, subst) = scope.own(year, traced, lang);
    // The judged value is shared with every `X` of the target and with the trace.
    let env = formula::Env::new(scope, year, lang).knowing(year, formula::from_value(&x));
    let judged = match &target.body {
        TargetBody::Baseline => Ok(None),
        TargetBody::Condition(c) => {
            score::judge(target, c, &env, &formula::from_value(&x)).map(Some)
        }
    };
    let (status, score) = match &judged {
        Ok(None) => (Status::Baseline, None),
        Ok(Some((status, score))) => (*status, Some(*score)),
        Err(_) => (Status::NoData, None),
    };
    let trace = if traced {
        let mut t = trace::write(target, &env, &x, subst, &judged);
        // What the number counts, in the plan's words.
        if let Some(label) = &target.label {
            t.push_str(&format!(" ({label})"));
        }
        t
    } else {
        String::new()
    };
    Outcome {
        value: x,
        status,
        score,
        trace,
    }
}
