//! The report's fixed words, Italian and English, and the status icons.

use crate::eval::Status;
use crate::lang::Lang;

/// A word of the report in `lang`.
pub fn w(lang: Lang, it: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::It => it,
        Lang::En => en,
    }
}

/// The icon beside the status word: it reads in black and white too.
pub fn status_icon(status: Status) -> &'static str {
    match status {
        Status::Met => "✓",
        Status::Partial => "◐",
        Status::NotMet => "✗",
        Status::Baseline => "◎",
        Status::NoData => "?",
        Status::Inactive => "–",
    }
}

/// The colour of a status in the HTML (text and chart bars).
pub fn status_colour(status: Status) -> &'static str {
    match status {
        Status::Met => "#1a7f37",
        Status::Partial => "#9a6700",
        Status::NotMet => "#cf222e",
        Status::Baseline | Status::NoData | Status::Inactive => "#57606a",
    }
}
