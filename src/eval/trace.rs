//! Words of traces and reasons.

use crate::lang::{CondKind, Lang, Spanned, Target, TargetBody};

use super::formula::{from_value, Env};
use super::number::{self, format_percent};
use super::{target, Datum, Polarity, Status, Unavailable, Value};

impl Unavailable {
    /// Why the value is "n.d.", in plain words.
    pub fn describe(&self, lang: Lang) -> String {
        let it = lang == Lang::It;
        match self {
            Unavailable::MissingDatum { name, year } if it => {
                format!("manca il dato «{name}» per il {year}")
            }
            Unavailable::MissingDatum { name, year } => format!("no datum «{name}» for {year}"),
            Unavailable::DivisionByZero if it => "divisione per zero".into(),
            Unavailable::DivisionByZero => "division by zero".into(),
            Unavailable::YearOutOfRange { year } if it => {
                format!("l'anno {year} è fuori dal periodo dei dati")
            }
            Unavailable::YearOutOfRange { year } => format!("year {year} is outside the data"),
            Unavailable::NoYear if it => "serve l'anno di riferimento".into(),
            Unavailable::NoYear => "a reference year is needed".into(),
            Unavailable::Other { reason } => reason.clone(),
        }
    }
}

pub(crate) fn status_word(status: Status, lang: Lang) -> &'static str {
    status.label(lang == Lang::En)
}

/// Reasons worded in the evaluation's language (they end up in `Unavailable::Other`).
pub(crate) fn other(lang: Lang, it: &str, en: &str) -> Unavailable {
    Unavailable::Other {
        reason: if lang == Lang::It { it } else { en }.to_string(),
    }
}

/// The trace of a judged target, e.g. "2019: 17 / 20 = 85 % ≥ 80 % → raggiunto": the year, the
/// value (with the formula's substitution), the condition with values in place of names, and
/// what was judged (`judged`: `None` for a baseline year).
pub(crate) fn write(
    target: &Target,
    env: &Env,
    x: &Value,
    subst: Option<String>,
    judged: &Result<Option<(Status, f64)>, Unavailable>,
) -> String {
    let lang = env.lang;
    let percent = target.uses_percent();
    let prefix = env.year.map(|y| format!("{y}: ")).unwrap_or_default();
    let shown = number::show_value(x, percent, lang);
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
            let reason = match x {
                Value::NotAvailable(r) => format!(" ({})", r.describe(lang)),
                _ => String::new(),
            };
            return format!("{prefix}{value_part}{reason} → {note}");
        }
        TargetBody::Condition(c) => c,
    };
    let mut text = target::cond_text(cond, env, percent);
    if let CondKind::Bare(_) = cond.node {
        let dir = match (env.scope.polarity, lang) {
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
    if let CondKind::Within {
        tolerance,
        reference,
    } = &cond.node
    {
        // Show the deviation itself: "scostamento |0,9 − 0,89| = 0,01, max 0,02".
        if let (Ok(Datum::Number(a)), Ok(Datum::Number(r)), Ok(Datum::Number(t))) =
            (from_value(x), env.eval(reference), env.eval(tolerance))
        {
            let show = |v: f64| number::show_datum(&Datum::Number(v), percent, lang);
            let (word, max) = match lang {
                Lang::It => ("scostamento", "max"),
                Lang::En => ("deviation", "max"),
            };
            text = format!(
                "{word} |{} − {}| = {}, {max} {}",
                show(a),
                show(r),
                show((a - r).abs()),
                show(t)
            );
        }
    }
    let sep = match cond.node {
        CondKind::Bare(_) => ", ",
        CondKind::Within { .. } => "; ",
        _ if target::implicit_subject(cond) => " ",
        _ => "; ",
    };
    let partial = target.partial.as_ref().map(|f| {
        let floor = target::cond_text(
            &Spanned::new(CondKind::Bare(f.clone()), f.span),
            env,
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
    let tail = match judged {
        Ok(Some((status, score))) => {
            let grade = match (status, lang) {
                (Status::Partial, Lang::It) => {
                    format!(", grado {}", format_percent(score / 100.0, lang))
                }
                (Status::Partial, Lang::En) => {
                    format!(", score {}", format_percent(score / 100.0, lang))
                }
                _ => String::new(),
            };
            format!("{}{grade}", status_word(*status, lang))
        }
        // A condition always judges to a status or to a reason; `None` is a baseline year,
        // answered above.
        Ok(None) => String::new(),
        Err(reason) => {
            let word = status_word(Status::NoData, lang);
            format!("{word}: {}", reason.describe(lang))
        }
    };
    format!("{head} → {tail}")
}
