//! `cruscotto default-plan` and `cruscotto check PLAN.json`.

use std::io::{Read, Write};

use serde_json::json;

use crate::eval::Status;
use crate::plan::{self, LoadError, Plan, PlanReport, Problem, Scores};

/// Prints the embedded default plan as JSON; returns the exit code.
pub fn default_plan(mut output: impl Write) -> i32 {
    let text = plan::to_json(&plan::default_plan());
    match writeln!(output, "{text}") {
        Ok(()) => 0,
        Err(_) => 2,
    }
}

/// Validates and evaluates a plan file (`/dev/stdin` works); prints per objective and indicator
/// the status per year, as a table or (`json`) as JSON. Returns 0 valid, 1 a plan with problems,
/// 2 a file that cannot be read as a plan (unreadable, too large, not JSON, not a plan, version).
pub fn check(path: &str, json: bool, mut output: impl Write) -> i32 {
    let result = read(path).and_then(|text| plan::load(&text));
    let code = match &result {
        Ok(_) => 0,
        Err(e) if e.is_unreadable() => 2,
        Err(_) => 1,
    };
    let written = if json {
        write_json(&mut output, &result, code)
    } else {
        match &result {
            Ok(plan) => write_table(&mut output, plan, &plan.evaluate()),
            Err(e) => write_error(&mut output, path, e),
        }
    };
    match written {
        Ok(()) => code,
        Err(_) => 2,
    }
}

/// Reads at most one byte more than the size limit, so that a huge file is refused quickly.
pub(crate) fn read(path: &str) -> Result<String, LoadError> {
    let unreadable = |it: String, en: String| LoadError::NotJson(Problem::new("", it, en));
    let file = std::fs::File::open(path).map_err(|e| {
        unreadable(
            format!("impossibile aprire il file: {e}"),
            format!("cannot open the file: {e}"),
        )
    })?;
    let mut bytes = Vec::new();
    file.take(plan::MAX_SIZE as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| {
            unreadable(
                format!("impossibile leggere il file: {e}"),
                format!("cannot read the file: {e}"),
            )
        })?;
    if bytes.len() > plan::MAX_SIZE {
        return Err(LoadError::TooLarge {
            size: bytes.len(),
            limit: plan::MAX_SIZE,
        });
    }
    String::from_utf8(bytes).map_err(|_| {
        unreadable(
            "il file non è testo UTF-8".into(),
            "the file is not UTF-8 text".into(),
        )
    })
}

fn write_error(out: &mut impl Write, path: &str, e: &LoadError) -> std::io::Result<()> {
    match e {
        LoadError::Invalid(problems) => {
            let count = match problems.len() {
                1 => "1 problema".to_string(),
                n => format!("{n} problemi"),
            };
            writeln!(out, "Il piano «{path}» ha {count}:")?;
            for p in problems {
                writeln!(out, "  {p}")?;
            }
            Ok(())
        }
        other => {
            writeln!(out, "Impossibile leggere «{path}» come piano: {other}")?;
            for p in other.problems() {
                if p.line.is_some() || !p.path.is_empty() {
                    writeln!(out, "  {p}")?;
                }
            }
            Ok(())
        }
    }
}

fn write_json(
    out: &mut impl Write,
    result: &Result<Plan, LoadError>,
    code: i32,
) -> std::io::Result<()> {
    let doc = match result {
        Ok(plan) => json!({
            "valid": true,
            "exit_code": code,
            "title": plan.title,
            "problems": [],
            "report": plan.evaluate().to_json_value(),
        }),
        Err(e) => json!({
            "valid": false,
            "exit_code": code,
            "error": e.to_string(),
            "error_en": e.message_en(),
            "problems": e.problems(),
        }),
    };
    let text = serde_json::to_string_pretty(&doc).unwrap_or_else(|_| "{}".into());
    writeln!(out, "{text}")
}

const NAME_WIDTH: usize = 46;
const CELL_WIDTH: usize = 10;

fn write_table(out: &mut impl Write, plan: &Plan, report: &PlanReport) -> std::io::Result<()> {
    let objectives: usize = plan.missions.iter().map(|m| m.objectives.len()).sum();
    writeln!(out, "{} — {}", plan.title, plan.body)?;
    writeln!(
        out,
        "Anni {}–{} · {} missioni · {objectives} obiettivi · {} indicatori",
        plan.years.first,
        plan.years.last,
        plan.missions.len(),
        plan.indicators().count()
    )?;
    writeln!(out)?;
    let mut header = pad("", NAME_WIDTH);
    for year in &report.years {
        header.push_str(&pad_left(&year.to_string(), CELL_WIDTH));
    }
    writeln!(out, "{}", header.trim_end())?;
    let score_row = |label: String, scores: &Scores| {
        let mut row = pad(&label, NAME_WIDTH);
        for year in &report.years {
            let cell = scores
                .get(year)
                .copied()
                .flatten()
                .map_or_else(|| "–".to_string(), percent);
            row.push_str(&pad_left(&cell, CELL_WIDTH));
        }
        row
    };
    for mission in &report.missions {
        let label = format!("Missione {} {}", mission.code, mission.name);
        writeln!(out, "{}", score_row(label, &mission.scores).trim_end())?;
        for objective in &mission.objectives {
            let label = format!("  Obiettivo {} {}", objective.number, objective.title);
            writeln!(out, "{}", score_row(label, &objective.scores).trim_end())?;
            for indicator in &objective.indicators {
                let mut row = pad(
                    &format!("    {} {}", indicator.code, indicator.name),
                    NAME_WIDTH,
                );
                for year in &report.years {
                    let cell = indicator
                        .outcomes
                        .get(year)
                        .map_or_else(String::new, |o| cell(o.status, o.score));
                    row.push_str(&pad_left(&cell, CELL_WIDTH));
                }
                writeln!(out, "{}", row.trim_end())?;
            }
        }
    }
    writeln!(
        out,
        "{}",
        score_row("Piano".to_string(), &report.scores).trim_end()
    )?;
    writeln!(out)?;
    writeln!(
        out,
        "✓ raggiunto · ~ parzialmente raggiunto · ✗ non raggiunto · rilev. anno di rilevazione · \
         n.d. non disponibile · — non attivo · obiettivi e missioni: media pesata dei gradi di \
         raggiungimento"
    )?;
    writeln!(out, "Piano valido.")
}

fn cell(status: Status, score: Option<f64>) -> String {
    let score = score.map(percent).unwrap_or_default();
    match status {
        Status::Met => format!("✓ {score}"),
        Status::Partial => format!("~ {score}"),
        Status::NotMet => format!("✗ {score}"),
        Status::Baseline => "rilev.".into(),
        Status::NoData => "n.d.".into(),
        Status::Inactive => "—".into(),
    }
}

/// 0–100 as Italian shows it: "85 %", "72,5 %".
fn percent(score: f64) -> String {
    let rounded = (score * 10.0).round() / 10.0;
    let text = if rounded.fract() == 0.0 {
        format!("{rounded:.0}")
    } else {
        format!("{rounded:.1}").replace('.', ",")
    };
    format!("{text} %")
}

/// Cuts to `width` characters (with "…") and pads with spaces.
fn pad(text: &str, width: usize) -> String {
    let count = text.chars().count();
    if count >= width {
        let mut cut: String = text.chars().take(width.saturating_sub(2)).collect();
        cut.push_str("… ");
        cut
    } else {
        format!("{text}{}", " ".repeat(width - count))
    }
}

fn pad_left(text: &str, width: usize) -> String {
    let count = text.chars().count();
    format!("{}{text}", " ".repeat(width.saturating_sub(count)))
}
