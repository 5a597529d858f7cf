//! Words of traces and reasons.

use crate::lang::Lang;

use super::{Status, Unavailable};

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
