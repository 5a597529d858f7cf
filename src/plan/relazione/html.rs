//! The Relazione as one self-contained HTML file: styles in the document, each objective's
//! chart an inline SVG (score per indicator, coloured by status), an A4 page per mission when
//! printed, each mission headed by the body and the year.

use std::fmt::Write;

use crate::eval::Status;
use crate::lang::Lang;

use super::build::{score_text, ObjectiveSection, Relazione};
use super::markdown::reason_or_mark;
use super::words::{status_colour, status_icon, w};

/// Text escaped for HTML content and attribute values.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = "
@page { size: A4; margin: 16mm 14mm; }
body { font: 10.5pt/1.4 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: #1f2328; margin: 0 auto; max-width: 190mm; padding: 8mm; }
h1 { font-size: 20pt; margin: 0 0 2mm; }
h2 { font-size: 14pt; margin: 8mm 0 2mm; border-bottom: 1px solid #d0d7de; }
h3 { font-size: 11.5pt; margin: 5mm 0 2mm; }
.running { color: #57606a; font-size: 9pt; border-bottom: 1px solid #d0d7de; margin-bottom: 3mm; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0; }
th, td { border: 1px solid #d0d7de; padding: 1.2mm 1.6mm; vertical-align: top; text-align: left; }
th { background: #f6f8fa; font-weight: 600; }
td.num { text-align: right; white-space: nowrap; }
.todo { color: #9a6700; font-style: italic; }
.summary td.num { width: 20mm; }
svg { display: block; margin: 1mm 0 3mm; }
.notes { color: #57606a; font-size: 9pt; }
@media print {
  body { padding: 0; max-width: none; }
  section.mission { break-before: page; }
  tr, svg { break-inside: avoid; }
}
";

/// The objective's chart: one bar per indicator with a score, 0–100 %.
fn chart(o: &ObjectiveSection, lang: Lang) -> String {
    let scored: Vec<_> = o.indicators.iter().filter(|i| i.score.is_some()).collect();
    if scored.is_empty() {
        return String::new();
    }
    let (label_w, bar_w, row_h) = (60.0, 420.0, 18.0);
    let height = row_h * scored.len() as f64 + 16.0;
    let mut svg = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{}" height="{height}" viewBox="0 0 {} {height}" role="img" aria-label="{}">"#,
        label_w + bar_w + 60.0,
        label_w + bar_w + 60.0,
        esc(&format!(
            "{} {}",
            w(
                lang,
                "Punteggio degli indicatori dell'obiettivo",
                "Indicator scores of objective"
            ),
            o.number
        ))
    );
    for (k, i) in scored.iter().enumerate() {
        let score = i.score.unwrap_or(0.0).clamp(0.0, 100.0);
        let y = k as f64 * row_h;
        let colour = status_colour(i.status);
        let _ = write!(
            svg,
            r##"<text x="0" y="{ty}" font-size="11" fill="#1f2328">{code}</text><rect x="{label_w}" y="{ry}" width="{bw:.1}" height="12" fill="{colour}"/><rect x="{label_w}" y="{ry}" width="{bar_w}" height="12" fill="none" stroke="#d0d7de"/><text x="{tx:.1}" y="{ty}" font-size="11" fill="#1f2328">{value}</text>"##,
            ty = y + 11.0,
            ry = y + 1.0,
            code = esc(&i.code),
            bw = bar_w * score / 100.0,
            tx = label_w + bar_w + 4.0,
            value = esc(&score_text(Some(score), lang)),
        );
    }
    // The scale: 0 and 100 %.
    let base = row_h * scored.len() as f64 + 12.0;
    let _ = write!(
        svg,
        r##"<text x="{label_w}" y="{base}" font-size="9" fill="#57606a">0</text><text x="{x100}" y="{base}" font-size="9" fill="#57606a" text-anchor="end">100 %</text></svg>"##,
        x100 = label_w + bar_w,
    );
    svg
}

pub fn to_html(r: &Relazione, lang: Lang) -> String {
    let title = format!(
        "{} {} — {}",
        w(lang, "Relazione sulla performance", "Performance report"),
        r.year,
        r.body
    );
    let running = format!(
        r#"<div class="running">{} · {} {}</div>"#,
        esc(&r.body),
        w(lang, "Relazione sulla performance", "Performance report"),
        r.year
    );
    let mut h = String::new();
    let _ = write!(
        h,
        r#"<!DOCTYPE html><html lang="{}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{}</title><style>{STYLE}</style></head><body>"#,
        w(lang, "it", "en"),
        esc(&title)
    );
    let _ = write!(
        h,
        "<header>{running}<h1>{} {}</h1><p><strong>{}</strong> — {}</p><p>{}: <strong>{}</strong></p></header>",
        w(lang, "Relazione sulla performance", "Performance report"),
        r.year,
        esc(&r.body),
        esc(&r.plan_title),
        w(lang, "Grado di raggiungimento complessivo", "Overall achievement"),
        esc(&score_text(r.score, lang)),
    );
    let _ = write!(
        h,
        r#"<h2>{}</h2><table class="summary"><tr><th>{}</th><th>{}</th></tr>"#,
        w(lang, "Sintesi", "Summary"),
        w(lang, "Esito", "Status"),
        w(lang, "Indicatori", "Indicators"),
    );
    let s = r.summary;
    for (status, n) in [
        (Status::Met, s.met),
        (Status::Partial, s.partial),
        (Status::NotMet, s.not_met),
        (Status::NoData, s.no_data),
        (Status::Baseline, s.baseline),
    ] {
        let _ = write!(
            h,
            r#"<tr><td style="color:{}">{} {}</td><td class="num">{n}</td></tr>"#,
            status_colour(status),
            status_icon(status),
            status.label(lang == Lang::En)
        );
    }
    h.push_str("</table>");
    for m in &r.missions {
        let _ = write!(
            h,
            r#"<section class="mission">{running}<h2>{} {} {} — {}</h2>"#,
            w(lang, "Missione", "Mission"),
            esc(&m.code),
            esc(&m.name),
            esc(&score_text(m.score, lang)),
        );
        for o in &m.objectives {
            let _ = write!(
                h,
                "<h3>{} {}. {} — {}</h3>{}",
                w(lang, "Obiettivo", "Objective"),
                o.number,
                esc(&o.title),
                esc(&score_text(o.score, lang)),
                chart(o, lang),
            );
            let _ = write!(
                h,
                "<table><tr><th>{}</th><th>{}</th><th>Target</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
                w(lang, "Codice", "Code"),
                w(lang, "Indicatore", "Indicator"),
                w(lang, "Consuntivo", "Actual"),
                w(lang, "Esito", "Status"),
                w(lang, "Punteggio", "Score"),
                w(lang, "Motivazione dello scostamento", "Reason for the gap"),
            );
            for i in &o.indicators {
                let reason = reason_or_mark(&i.reason, i.status).map_or_else(
                    || {
                        format!(
                            r#"<span class="todo">{}</span>"#,
                            w(lang, "(da motivare)", "(reason to be given)")
                        )
                    },
                    |r| esc(&r),
                );
                let _ = write!(
                    h,
                    r#"<tr><td>{}</td><td>{}</td><td>{}</td><td class="num">{}</td><td style="color:{}">{} {}</td><td class="num">{}</td><td>{reason}</td></tr>"#,
                    esc(&i.code),
                    esc(&i.name),
                    esc(&i.target),
                    esc(&i.actual),
                    status_colour(i.status),
                    status_icon(i.status),
                    i.status.label(lang == Lang::En),
                    i.score
                        .map_or_else(String::new, |s| esc(&score_text(Some(s), lang))),
                );
            }
            h.push_str("</table>");
        }
        h.push_str("</section>");
    }
    if !r.notes.is_empty() {
        let _ = write!(
            h,
            r#"<section class="notes"><h2>{}</h2><ul>"#,
            w(lang, "Note", "Notes")
        );
        for n in &r.notes {
            let _ = write!(h, "<li>{}</li>", esc(n));
        }
        h.push_str("</ul></section>");
    }
    h.push_str("</body></html>\n");
    h
}
