//! The Relazione as Markdown (tables in the GitHub / CommonMark-extensions dialect).

use crate::eval::Status;
use crate::lang::Lang;

use super::build::{score_text, Relazione};
use super::words::{status_icon, w};

/// A cell of a Markdown table: `|` escaped, line breaks as spaces.
fn cell(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace(['\r', '\n'], " ")
}

/// Text outside tables: characters Markdown would read as markup escaped.
fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(if c == '\n' || c == '\r' { ' ' } else { c });
    }
    out
}

/// The reason cell: the reason, or a gentle mark where a missed or partial target has none.
pub(super) fn reason_or_mark(reason: &str, status: Status) -> Option<String> {
    if !reason.trim().is_empty() {
        Some(reason.trim().to_string())
    } else if matches!(status, Status::NotMet | Status::Partial) {
        None
    } else {
        Some(String::new())
    }
}

pub fn to_markdown(r: &Relazione, lang: Lang) -> String {
    let mut out = String::new();
    let push = |out: &mut String, line: &str| {
        out.push_str(line);
        out.push('\n');
    };
    push(
        &mut out,
        &format!(
            "# {} {}",
            w(lang, "Relazione sulla performance", "Performance report"),
            r.year
        ),
    );
    push(&mut out, "");
    push(
        &mut out,
        &format!("**{}** — {}", text(&r.body), text(&r.plan_title)),
    );
    push(&mut out, "");
    push(
        &mut out,
        &format!(
            "{}: **{}**",
            w(
                lang,
                "Grado di raggiungimento complessivo",
                "Overall achievement"
            ),
            score_text(r.score, lang)
        ),
    );
    push(&mut out, "");
    push(&mut out, &format!("## {}", w(lang, "Sintesi", "Summary")));
    push(&mut out, "");
    push(
        &mut out,
        &format!(
            "| {} | {} |",
            w(lang, "Esito", "Status"),
            w(lang, "Indicatori", "Indicators")
        ),
    );
    push(&mut out, "|---|---:|");
    let s = r.summary;
    for (status, n) in [
        (Status::Met, s.met),
        (Status::Partial, s.partial),
        (Status::NotMet, s.not_met),
        (Status::NoData, s.no_data),
        (Status::Baseline, s.baseline),
    ] {
        push(
            &mut out,
            &format!(
                "| {} {} | {n} |",
                status_icon(status),
                status.label(lang == Lang::En)
            ),
        );
    }
    for m in &r.missions {
        push(&mut out, "");
        push(
            &mut out,
            &format!(
                "## {} {} {} — {}",
                w(lang, "Missione", "Mission"),
                text(&m.code),
                text(&m.name),
                score_text(m.score, lang)
            ),
        );
        for o in &m.objectives {
            push(&mut out, "");
            push(
                &mut out,
                &format!(
                    "### {} {}. {} — {}",
                    w(lang, "Obiettivo", "Objective"),
                    o.number,
                    text(&o.title),
                    score_text(o.score, lang)
                ),
            );
            push(&mut out, "");
            push(
                &mut out,
                &format!(
                    "| {} | {} | {} | {} | {} | {} | {} |",
                    w(lang, "Codice", "Code"),
                    w(lang, "Indicatore", "Indicator"),
                    "Target",
                    w(lang, "Consuntivo", "Actual"),
                    w(lang, "Esito", "Status"),
                    w(lang, "Punteggio", "Score"),
                    w(lang, "Motivazione dello scostamento", "Reason for the gap"),
                ),
            );
            push(&mut out, "|---|---|---|---:|---|---:|---|");
            for i in &o.indicators {
                let reason = reason_or_mark(&i.reason, i.status).map_or_else(
                    || format!("*{}*", w(lang, "(da motivare)", "(reason to be given)")),
                    |r| cell(&r),
                );
                push(
                    &mut out,
                    &format!(
                        "| {} | {} | {} | {} | {} {} | {} | {} |",
                        cell(&i.code),
                        cell(&i.name),
                        cell(&i.target),
                        cell(&i.actual),
                        status_icon(i.status),
                        i.status.label(lang == Lang::En),
                        i.score
                            .map_or_else(String::new, |s| score_text(Some(s), lang)),
                        reason
                    ),
                );
            }
        }
    }
    if !r.notes.is_empty() {
        push(&mut out, "");
        push(&mut out, &format!("## {}", w(lang, "Note", "Notes")));
        push(&mut out, "");
        for n in &r.notes {
            push(&mut out, &format!("- {}", text(n)));
        }
    }
    push(&mut out, "");
    push(
        &mut out,
        &format!(
            "_{}_",
            w(
                lang,
                "Grado di raggiungimento: media pesata dei punteggi degli indicatori in vigore (obiettivi), degli obiettivi (missioni), delle missioni (piano). Prodotto da Cruscotto.",
                "Achievement: weighted mean of the scores of the indicators in force (objectives), of the objectives (missions), of the missions (plan). Produced by Cruscotto."
            )
        ),
    );
    out
}
