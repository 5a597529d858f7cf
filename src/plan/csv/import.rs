//! Reading a CSV into a plan: the long layout (`codice;misura;anno;valore`, what other systems
//! produce) or the wide one ([`super::wide`], what Cruscotto exports). The result lists every
//! change (old → new, per cell) and every bad row (row, column, reason); the plan it carries
//! has the good rows applied, the bad ones left out: whether to use it is the caller's choice.

use std::collections::HashMap;

use crate::eval::{parse_number, Date, Datum};
use crate::lang::{parse_target, Lang, BENCHMARK_SERIES};

use super::super::model::{Indicator, Plan, TargetCell};
use super::super::units::reads_as_percent;
use super::records::{detect_separator, records, Record};
use super::wide::{measures, same_units, RowKind, CODE_COLUMN, HEADER, MEASURE_COLUMN, UNREADABLE};
use super::write::{datum, uncell};

/// Which CSV a file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// `codice;misura;anno;valore`: one value per row.
    Long,
    /// One column per year, as Cruscotto exports it.
    Wide,
}

/// What a cell of the plan holds.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Field {
    Target,
    /// A measure of the formula, or the benchmark series.
    Measure(String),
    /// The indicator's own value, entered directly.
    Value,
    Reason,
}

/// One cell that the import changes, with its text before and after (empty: nothing).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub code: String,
    pub field: Field,
    pub year: i32,
    pub old: String,
    pub new: String,
}

/// A row left out, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadRow {
    /// The row in the file, as a spreadsheet numbers it (the header is row 1).
    pub row: usize,
    /// The column's name in the header.
    pub column: String,
    pub message: String,
    pub message_en: String,
}

impl BadRow {
    /// `riga 5, colonna «valore»: …` (or English).
    pub fn describe(&self, lang: Lang) -> String {
        match lang {
            Lang::It => format!(
                "riga {}, colonna «{}»: {}",
                self.row, self.column, self.message
            ),
            Lang::En => format!(
                "row {}, column \"{}\": {}",
                self.row, self.column, self.message_en
            ),
        }
    }
}

/// What reading a CSV gives.
#[derive(Debug, Clone, PartialEq)]
pub struct CsvImport {
    pub layout: Layout,
    /// The plan with the good rows applied.
    pub plan: Plan,
    pub changes: Vec<Change>,
    pub bad_rows: Vec<BadRow>,
}

/// A file that is not a CSV of either layout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvError {
    pub message: String,
    pub message_en: String,
}

impl std::fmt::Display for CsvError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

const LONG_HEADER: [(&str, &str); 4] = [
    ("codice", "code"),
    ("misura", "measure"),
    ("anno", "year"),
    ("valore", "value"),
];

/// Reads `text` (either layout, `;` or `,`) against `plan`.
pub fn import_csv(plan: &Plan, text: &str) -> Result<CsvImport, CsvError> {
    if text.len() > super::super::load::MAX_SIZE {
        return Err(CsvError {
            message: "file troppo grande (oltre 20 MB)".into(),
            message_en: "file too large (over 20 MB)".into(),
        });
    }
    let sep = detect_separator(text.strip_prefix('\u{FEFF}').unwrap_or(text));
    let rows = records(text, sep);
    let Some((header, body)) = rows.split_first() else {
        return Err(CsvError {
            message: "il file è vuoto".into(),
            message_en: "the file is empty".into(),
        });
    };
    let names: Vec<String> = header.cells.iter().map(|c| c.to_lowercase()).collect();
    let is_long = names.len() >= 4
        && LONG_HEADER
            .iter()
            .zip(&names)
            .all(|((it, en), n)| n == it || n == en);
    let is_wide = names.len() > HEADER.len()
        && HEADER
            .iter()
            .zip(&names)
            .all(|((it, en), n)| *n == it.to_lowercase() || *n == en.to_lowercase());
    // The cells that hold numbers: `valore`, or the year columns of the wide input rows (codes
    // like `1.1` must not make the file look English).
    let numbers: Vec<&str> = if is_long {
        body.iter()
            .filter_map(|r| r.cells.get(3))
            .map(String::as_str)
            .collect()
    } else {
        body.iter()
            .filter(|r| {
                matches!(
                    r.cells.first().and_then(|k| RowKind::read(k)),
                    Some(RowKind::Measure | RowKind::Value)
                )
            })
            .flat_map(|r| r.cells.iter().skip(HEADER.len()).map(String::as_str))
            .collect()
    };
    let mut import = Importer::new(plan, number_lang(&numbers, sep));
    if is_long {
        import.long(header, body);
    } else if is_wide {
        import.wide(header, body);
    } else {
        return Err(CsvError {
            message: "intestazione non riconosciuta: attesa «codice;misura;anno;valore» \
                      (o «code;measure;year;value») o quella del CSV esportato da Cruscotto"
                .into(),
            message_en:
                "header not recognised: expected \"code;measure;year;value\" \
                         (or \"codice;misura;anno;valore\") or the one of the CSV Cruscotto exports"
                    .into(),
        });
    }
    Ok(CsvImport {
        layout: if is_long { Layout::Long } else { Layout::Wide },
        plan: import.plan,
        changes: import.changes,
        bad_rows: import.bad,
    })
}

/// The language numbers are written in: a `,` that cannot be a thousands separator (`3,5`,
/// `0,125`, `1.234,5`) says Italian, a `.` that cannot (`3.5`, `1,234.5`) English; when the
/// file says neither or both, the separator's custom (`;` Italian, `,` English): `1.234` alone
/// is 1234 in a `;` file.
fn number_lang(cells: &[&str], sep: u8) -> Lang {
    let (mut comma, mut point) = (false, false);
    for cell in cells {
        let t = cell.trim().trim_end_matches('%').trim();
        let t = t.trim_start_matches(['-', '+']);
        if t.is_empty() || !t.bytes().all(|b| b.is_ascii_digit() || b".,".contains(&b)) {
            continue;
        }
        let Some(at) = t.rfind(['.', ',']) else {
            continue;
        };
        let (before, after) = (&t[..at], &t[at + 1..]);
        let decimal = before.contains(['.', ','])
            || after.len() != 3
            || before.is_empty()
            || before.starts_with('0');
        if decimal {
            match t.as_bytes()[at] {
                b',' => comma = true,
                _ => point = true,
            }
        }
    }
    match (comma, point) {
        (true, false) => Lang::It,
        (false, true) => Lang::En,
        _ if sep == b',' => Lang::En,
        _ => Lang::It,
    }
}

/// Where each indicator is in the plan: (mission, objective, indicator).
type Place = (usize, usize, usize);

struct Importer {
    plan: Plan,
    places: HashMap<String, Place>,
    lang: Lang,
    changes: Vec<Change>,
    bad: Vec<BadRow>,
    /// The row that set each cell, to refuse a second one.
    seen: HashMap<(Place, Field, i32), usize>,
}

/// A bad row's reason, in both languages.
struct Why(String, String);

impl Importer {
    fn new(plan: &Plan, lang: Lang) -> Importer {
        let mut places = HashMap::new();
        for (mi, m) in plan.missions.iter().enumerate() {
            for (oi, o) in m.objectives.iter().enumerate() {
                for (ii, i) in o.indicators.iter().enumerate() {
                    places.entry(i.code.clone()).or_insert((mi, oi, ii));
                }
            }
        }
        Importer {
            plan: plan.clone(),
            places,
            lang,
            changes: Vec::new(),
            bad: Vec::new(),
            seen: HashMap::new(),
        }
    }

    fn bad(&mut self, row: usize, column: &str, why: Why) {
        self.bad.push(BadRow {
            row,
            column: column.to_string(),
            message: why.0,
            message_en: why.1,
        });
    }

    fn indicator(&self, place: Place) -> Option<&Indicator> {
        self.plan
            .missions
            .get(place.0)
            .and_then(|m| m.objectives.get(place.1))
            .and_then(|o| o.indicators.get(place.2))
    }

    fn indicator_mut(&mut self, place: Place) -> Option<&mut Indicator> {
        self.plan
            .missions
            .get_mut(place.0)
            .and_then(|m| m.objectives.get_mut(place.1))
            .and_then(|o| o.indicators.get_mut(place.2))
    }

    fn place(&self, code: &str) -> Result<Place, Why> {
        self.places.get(code).copied().ok_or_else(|| {
            Why(
                format!(
                    "codice «{code}» sconosciuto: nessun indicatore del piano ha questo codice"
                ),
                format!("unknown code \"{code}\": no indicator of the plan has this code"),
            )
        })
    }

    /// Whether `name` is a measure the indicator reads (its formula, its targets) or has data of.
    fn measure_ok(&self, place: Place, name: &str) -> Result<(), Why> {
        let Some(i) = self.indicator(place) else {
            return Ok(());
        };
        let known = measures(i);
        if known.iter().any(|m| m == name) || name == BENCHMARK_SERIES {
            return Ok(());
        }
        let list = if known.is_empty() {
            "nessuna".to_string()
        } else {
            known.join(", ")
        };
        Err(Why(
            format!(
                "misura «{name}» sconosciuta per l'indicatore {} (misure: {list})",
                i.code
            ),
            format!(
                "unknown measure \"{name}\" for indicator {} (measures: {list})",
                i.code
            ),
        ))
    }

    fn year_ok(&self, year: i32, field: &Field) -> Result<(), Why> {
        let (first, last) = (self.plan.years.first, self.plan.years.last);
        // Measures may go back (`x-1`, `x-4`), as the plan format allows.
        let from = match field {
            Field::Measure(_) => first - super::super::validate::DATA_LOOKBACK,
            _ => first,
        };
        if (from..=last).contains(&year) {
            Ok(())
        } else {
            Err(Why(
                format!("anno {year} fuori dagli anni del piano ({from}–{last})"),
                format!("year {year} outside the plan's years ({from}–{last})"),
            ))
        }
    }

    /// A datum: a date `dd/mm/yyyy`, or a number (`%` divides by 100); empty → none.
    fn read_datum(&self, text: &str) -> Result<Option<Datum>, Why> {
        if let Some(d) = Date::parse(text.trim()) {
            return Ok(Some(Datum::Date(d)));
        }
        match parse_number(text, self.lang) {
            Ok(n) => Ok(n.map(|n| Datum::Number(n.value))),
            Err(_) => Err(Why(
                format!("«{text}» non è un numero (né una data gg/mm/aaaa)"),
                format!("\"{text}\" is not a number (nor a date dd/mm/yyyy)"),
            )),
        }
    }

    /// Records a cell's new content; a second row for the same cell is refused.
    fn set(&mut self, row: usize, column: &str, place: Place, field: Field, year: i32, new: Cell) {
        if let Some(first) = self.seen.get(&(place, field.clone(), year)) {
            let first = *first;
            self.bad(
                row,
                column,
                Why(
                    format!("la stessa cella è già data alla riga {first}"),
                    format!("the same cell is already given in row {first}"),
                ),
            );
            return;
        }
        self.seen.insert((place, field.clone(), year), row);
        let Some(i) = self.indicator_mut(place) else {
            return;
        };
        let percent = reads_as_percent(i);
        let code = i.code.clone();
        let (old, new_text) = match (&field, new) {
            (Field::Target, Cell::Target(cell)) => {
                let old = i.targets.get(&year).cloned();
                let old_text = super::wide::target_text(old.as_ref(), Lang::It);
                let new_text = super::wide::target_text(cell.as_ref(), Lang::It);
                if old_text != new_text {
                    match cell {
                        // The note of the cell stays with it: the CSV does not carry it.
                        Some(TargetCell { text: Some(t), .. }) => {
                            let note = old.and_then(|c| c.note);
                            i.targets.insert(
                                year,
                                TargetCell {
                                    text: Some(t),
                                    note,
                                },
                            );
                        }
                        Some(c) => {
                            i.targets.insert(year, c);
                        }
                        None => {
                            i.targets.remove(&year);
                        }
                    }
                }
                (old_text, new_text)
            }
            (Field::Reason, Cell::Text(text)) => {
                let old = i.reasons.get(&year).cloned().unwrap_or_default();
                match text.is_empty() {
                    true => i.reasons.remove(&year),
                    false => i.reasons.insert(year, text.clone()),
                };
                (old, text)
            }
            (Field::Value, Cell::Datum(d)) => {
                let old = i
                    .values
                    .get(&year)
                    .map(|x| datum(x, percent))
                    .unwrap_or_default();
                match d {
                    Some(d) => i.values.insert(year, d),
                    None => i.values.remove(&year),
                };
                (old, d.map(|d| datum(&d, percent)).unwrap_or_default())
            }
            (Field::Measure(name), Cell::Datum(d)) => {
                let percent = percent && same_units(i, name);
                let series = i.data.get(name);
                let old = series
                    .and_then(|s| s.get(&year))
                    .map(|x| datum(x, percent))
                    .unwrap_or_default();
                match d {
                    Some(d) => {
                        i.data
                            .get_or_insert_with(name.clone(), Default::default)
                            .insert(year, d);
                    }
                    None => {
                        if let Some(s) = i.data.get_mut(name) {
                            s.remove(&year);
                            if s.is_empty() {
                                i.data.remove(name);
                            }
                        }
                    }
                }
                (old, d.map(|d| datum(&d, percent)).unwrap_or_default())
            }
            _ => return,
        };
        if old != new_text {
            self.changes.push(Change {
                code,
                field,
                year,
                old,
                new: new_text,
            });
        }
    }

    fn long(&mut self, header: &Record, body: &[Record]) {
        // The column as the file names it.
        let names: Vec<String> = header.cells.clone();
        let column = |k: usize| names.get(k).map_or(LONG_HEADER[k].0, |n| n.as_str());
        for r in body {
            let get = |k: usize| r.cells.get(k).map_or("", |c| c.as_str());
            let (code, measure, year, value) = (get(0), get(1), get(2), get(3));
            let place = match self.place(code) {
                Ok(p) => p,
                Err(why) => {
                    self.bad(r.row, column(0), why);
                    continue;
                }
            };
            let field = if measure.is_empty() {
                Field::Value
            } else {
                Field::Measure(measure.to_string())
            };
            if let Field::Measure(name) = &field {
                if let Err(why) = self.measure_ok(place, name) {
                    self.bad(r.row, column(1), why);
                    continue;
                }
            } else if let Some(i) = self.indicator(place).filter(|i| i.formula.is_some()) {
                let list = measures(i).join(", ");
                let why = Why(
                    format!(
                        "l'indicatore {} si calcola con una formula: indicare la misura ({list})",
                        i.code
                    ),
                    format!(
                        "indicator {} is computed by a formula: name the measure ({list})",
                        i.code
                    ),
                );
                self.bad(r.row, column(1), why);
                continue;
            }
            let year = match year.parse::<i32>() {
                Ok(y) => y,
                Err(_) => {
                    let why = Why(
                        format!("anno «{year}» non valido"),
                        format!("invalid year \"{year}\""),
                    );
                    self.bad(r.row, column(2), why);
                    continue;
                }
            };
            if let Err(why) = self.year_ok(year, &field) {
                self.bad(r.row, column(2), why);
                continue;
            }
            match self.read_datum(value) {
                Ok(d) => self.set(r.row, column(3), place, field, year, Cell::Datum(d)),
                Err(why) => self.bad(r.row, column(3), why),
            }
        }
    }

    fn wide(&mut self, header: &Record, body: &[Record]) {
        // The year columns, after the fixed ones.
        let mut years: Vec<(usize, i32)> = Vec::new();
        for (k, name) in header.cells.iter().enumerate().skip(HEADER.len()) {
            match name.trim().parse::<i32>() {
                Ok(y) if self.year_ok(y, &Field::Measure(String::new())).is_ok() => {
                    years.push((k, y));
                }
                Ok(y) => {
                    let why = self
                        .year_ok(y, &Field::Value)
                        .err()
                        .unwrap_or(Why(String::new(), String::new()));
                    self.bad(header.row, name, why);
                }
                Err(_) => self.bad(
                    header.row,
                    name,
                    Why(
                        format!("colonna «{name}»: atteso un anno"),
                        format!("column \"{name}\": a year expected"),
                    ),
                ),
            }
        }
        let code_column = HEADER[CODE_COLUMN].0;
        for r in body {
            let get = |k: usize| r.cells.get(k).map_or("", |c| c.as_str());
            let Some(kind) = RowKind::read(get(0)) else {
                let why = Why(
                    format!(
                        "tipo di riga «{}» sconosciuto (target, misura, valore, motivazione, …)",
                        get(0)
                    ),
                    format!(
                        "unknown row kind \"{}\" (target, measure, value, reason, …)",
                        get(0)
                    ),
                );
                self.bad(r.row, HEADER[0].0, why);
                continue;
            };
            let field = match kind {
                RowKind::Target => Field::Target,
                RowKind::Measure => Field::Measure(get(MEASURE_COLUMN).to_string()),
                RowKind::Value => Field::Value,
                RowKind::Reason => Field::Reason,
                // Computed rows: the plan computes them again.
                _ => continue,
            };
            let place = match self.place(get(CODE_COLUMN)) {
                Ok(p) => p,
                Err(why) => {
                    self.bad(r.row, code_column, why);
                    continue;
                }
            };
            if let Field::Measure(name) = &field {
                if let Err(why) = self.measure_ok(place, name) {
                    self.bad(r.row, HEADER[MEASURE_COLUMN].0, why);
                    continue;
                }
            }
            for &(k, year) in &years {
                let text = uncell(get(k));
                let column = header.cells.get(k).map_or("", |c| c.as_str());
                // Columns before the plan's years are for measures only.
                if let Err(why) = self.year_ok(year, &field) {
                    if !text.is_empty() {
                        self.bad(r.row, column, why);
                    }
                    continue;
                }
                let cell = match &field {
                    Field::Target => self.read_target(text).map(Cell::Target),
                    Field::Reason => Ok(Cell::Text(text.to_string())),
                    _ => self.read_datum(text).map(Cell::Datum),
                };
                match cell {
                    Ok(cell) => self.set(r.row, column, place, field.clone(), year, cell),
                    Err(why) => self.bad(r.row, column, why),
                }
            }
        }
    }

    /// A target cell: empty → none; `illeggibile: note` → unknown with the note; else a text
    /// that must parse in the rules language.
    fn read_target(&self, text: &str) -> Result<Option<TargetCell>, Why> {
        let t = text.trim();
        if t.is_empty() {
            return Ok(None);
        }
        for word in [UNREADABLE.0, UNREADABLE.1] {
            if let Some(rest) = t.strip_prefix(word) {
                if rest.is_empty() || rest.starts_with(':') {
                    let note = rest.trim_start_matches(':').trim();
                    return Ok(Some(TargetCell {
                        text: None,
                        note: (!note.is_empty()).then(|| note.to_string()),
                    }));
                }
            }
        }
        match parse_target(t) {
            Ok(_) => Ok(Some(TargetCell::text(t))),
            Err(d) => {
                let first = d.first();
                Err(Why(
                    format!(
                        "target «{t}» non valido: {}",
                        first.map(|d| d.message(Lang::It)).unwrap_or_default()
                    ),
                    format!(
                        "invalid target \"{t}\": {}",
                        first.map(|d| d.message(Lang::En)).unwrap_or_default()
                    ),
                ))
            }
        }
    }
}

/// A cell's new content.
enum Cell {
    Target(Option<TargetCell>),
    Datum(Option<Datum>),
    Text(String),
}
