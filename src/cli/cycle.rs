//! The verbs of the yearly cycle: `cruscotto csv PLAN.json` (the wide CSV the page exports),
//! `cruscotto import-csv PLAN.json DATA.csv` (the plan with the actuals, as JSON; the plan
//! file is never written) and `cruscotto report PLAN.json --year Y --format md|html`.
//!
//! Exit codes: 0 done; 1 a CSV with bad rows (each named on stderr, nothing on stdout);
//! 2 a file that cannot be read as a plan or as a CSV of either layout, or a wrong call.

use std::io::Write;

use crate::eval::Trace;
use crate::lang::Lang;
use crate::plan::csv::{import_csv as import, Field};
use crate::plan::relazione::{relazione, to_html, to_markdown};
use crate::plan::{self, LoadError, ParseCache, Plan};

/// The plan at `path`, or the exit code 2 with the reason on `err`.
fn load(path: &str, err: &mut impl Write) -> Result<Plan, i32> {
    super::plan::read(path)
        .and_then(|text| plan::load(&text))
        .map_err(|e| {
            let _ = writeln!(err, "Impossibile leggere «{path}» come piano: {e}");
            if let LoadError::Invalid(problems) = &e {
                for p in problems {
                    let _ = writeln!(err, "  {p}");
                }
            }
            2
        })
}

/// `cruscotto csv PLAN.json`: the wide CSV (Italian spreadsheets: `;`, decimal comma, BOM).
pub fn csv(path: &str, mut out: impl Write, mut err: impl Write) -> i32 {
    let plan = match load(path, &mut err) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let report = plan.evaluate_with(&mut ParseCache::default(), Trace::Off);
    match out.write_all(plan::csv::wide_csv(&plan, &report, Lang::It).as_bytes()) {
        Ok(()) => 0,
        Err(_) => 2,
    }
}

/// `cruscotto import-csv PLAN.json DATA.csv`: the plan with the CSV's values, as JSON on `out`;
/// the changes are listed on `err`. Any bad row: all of them on `err`, nothing on `out`, 1.
pub fn import_csv(
    plan_path: &str,
    csv_path: &str,
    mut out: impl Write,
    mut err: impl Write,
) -> i32 {
    let plan = match load(plan_path, &mut err) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let text = match read_csv(csv_path) {
        Ok(t) => t,
        Err(message) => {
            let _ = writeln!(err, "Impossibile leggere «{csv_path}»: {message}");
            return 2;
        }
    };
    let result = match import(&plan, &text) {
        Ok(r) => r,
        Err(e) => {
            let _ = writeln!(err, "«{csv_path}»: {e}");
            return 2;
        }
    };
    if !result.bad_rows.is_empty() {
        let n = result.bad_rows.len();
        let _ = writeln!(
            err,
            "«{csv_path}»: {} — il piano non è stato aggiornato:",
            if n == 1 {
                "1 riga non valida".to_string()
            } else {
                format!("{n} righe non valide")
            }
        );
        for b in &result.bad_rows {
            let _ = writeln!(err, "  {}", b.describe(Lang::It));
        }
        return 1;
    }
    for c in &result.changes {
        let what = match &c.field {
            Field::Target => "target".to_string(),
            Field::Measure(m) => m.clone(),
            Field::Value => "valore".to_string(),
            Field::Reason => "motivazione".to_string(),
        };
        let show = |t: &str| {
            if t.is_empty() {
                "(vuoto)".to_string()
            } else {
                t.replace('\n', " ")
            }
        };
        let _ = writeln!(
            err,
            "{} {what} {}: {} → {}",
            c.code,
            c.year,
            show(&c.old),
            show(&c.new)
        );
    }
    let _ = writeln!(err, "{} celle cambiate.", result.changes.len());
    match writeln!(out, "{}", plan::to_json(&result.plan)) {
        Ok(()) => 0,
        Err(_) => 2,
    }
}

/// A CSV file as text: UTF-8 (with or without BOM), at most `plan::MAX_SIZE`.
fn read_csv(path: &str) -> Result<String, String> {
    use std::io::Read;
    let file = std::fs::File::open(path).map_err(|e| format!("impossibile aprire il file: {e}"))?;
    let mut bytes = Vec::new();
    file.take(plan::MAX_SIZE as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("impossibile leggere il file: {e}"))?;
    if bytes.len() > plan::MAX_SIZE {
        return Err("file troppo grande (oltre 20 MB)".into());
    }
    String::from_utf8(bytes).map_err(|_| {
        "il file non è testo UTF-8: in Excel salvarlo come «CSV UTF-8 (delimitato da virgole)»"
            .to_string()
    })
}

/// The formats of the Relazione.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Html,
}

/// `cruscotto report PLAN.json --year Y --format md|html`: the Relazione on `out`.
pub fn report(
    path: &str,
    year: i32,
    format: Format,
    mut out: impl Write,
    mut err: impl Write,
) -> i32 {
    let plan = match load(path, &mut err) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let evaluated = plan.evaluate_with(&mut ParseCache::default(), Trace::Off);
    let Some(r) = relazione(&plan, &evaluated, year, Lang::It) else {
        let _ = writeln!(
            err,
            "anno {year} fuori dagli anni del piano ({}–{})",
            plan.years.first, plan.years.last
        );
        return 2;
    };
    let text = match format {
        Format::Markdown => to_markdown(&r, Lang::It),
        Format::Html => to_html(&r, Lang::It),
    };
    match out.write_all(text.as_bytes()) {
        Ok(()) => 0,
        Err(_) => 2,
    }
}

/// Reads `--year Y --format md|html` (either order, `--opt=value` too).
pub fn report_options(args: &[String]) -> Result<(i32, Format), String> {
    let (mut year, mut format) = (None, Format::Markdown);
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let (name, inline) = match a.split_once('=') {
            Some((n, v)) => (n, Some(v.to_string())),
            None => (a.as_str(), None),
        };
        let mut value = || {
            inline
                .clone()
                .or_else(|| it.next().cloned())
                .unwrap_or_default()
        };
        match name {
            "--year" | "--anno" => {
                let v = value();
                year = Some(
                    v.parse::<i32>()
                        .map_err(|_| format!("anno «{v}» non valido"))?,
                );
            }
            "--format" | "--formato" => {
                format = match value().as_str() {
                    "md" | "markdown" => Format::Markdown,
                    "html" => Format::Html,
                    other => return Err(format!("formato «{other}» sconosciuto: md o html")),
                };
            }
            other => return Err(format!("opzione «{other}» sconosciuta")),
        }
    }
    year.map(|y| (y, format))
        .ok_or_else(|| "manca --year ANNO".to_string())
}
