//! The CSV of a plan: the wide one Cruscotto exports reads back to the same plan; the long
//! layout other systems produce (and Excel saves) brings actuals in, with every change and
//! every bad row named.
#![cfg(not(target_arch = "wasm32"))] // native: the browser tests are tests/browser.rs and tests/e2e

use cruscotto::eval::{Datum, Trace};
use cruscotto::lang::Lang;
use cruscotto::plan::csv::{import_csv, records, wide_csv, Field, Layout};
use cruscotto::plan::{example_plan, ParseCache, Plan};

fn indicator<'a>(plan: &'a Plan, code: &str) -> &'a cruscotto::plan::Indicator {
    plan.indicators()
        .map(|(_, _, i)| i)
        .find(|i| i.code == code)
        .unwrap_or_else(|| panic!("no indicator {code}"))
}

fn indicator_mut<'a>(plan: &'a mut Plan, code: &str) -> &'a mut cruscotto::plan::Indicator {
    plan.missions
        .iter_mut()
        .flat_map(|m| m.objectives.iter_mut())
        .flat_map(|o| o.indicators.iter_mut())
        .find(|i| i.code == code)
        .unwrap_or_else(|| panic!("no indicator {code}"))
}

fn wide(plan: &Plan, lang: Lang) -> String {
    let report = plan.evaluate_with(&mut ParseCache::default(), Trace::Off);
    wide_csv(plan, &report, lang)
}

/// The example plan with a reason, a direct value and an unreadable target besides its data.
fn rich_plan() -> Plan {
    let mut plan = example_plan();
    indicator_mut(&mut plan, "1.1").reasons.insert(
        2019,
        "Sistema documentale fermo; da marzo a \"maggio\"\nsecondo rigo".into(),
    );
    indicator_mut(&mut plan, "8.1")
        .values
        .insert(2019, Datum::Number(0.557047));
    indicator_mut(&mut plan, "8.1")
        .reasons
        .insert(2020, "-20 % di personale".into());
    plan
}

#[test]
fn the_wide_csv_reads_back_to_the_same_plan() {
    let plan = rich_plan();
    for lang in [Lang::It, Lang::En] {
        let text = wide(&plan, lang);
        // Onto the same plan: nothing to change, nothing wrong.
        let same = import_csv(&plan, &text).unwrap();
        assert_eq!(same.layout, Layout::Wide);
        assert!(same.bad_rows.is_empty(), "{:?}", same.bad_rows);
        assert!(same.changes.is_empty(), "{:?}", same.changes);
        same_json(&same.plan, &plan);
        // Onto the plan stripped of every input: all of them come back, exactly.
        let mut blank = plan.clone();
        for m in &mut blank.missions {
            for o in &mut m.objectives {
                for i in &mut o.indicators {
                    i.data.clear_all();
                    i.values = Default::default();
                    i.reasons = Default::default();
                    i.targets.remove(&2019);
                }
            }
        }
        let back = import_csv(&blank, &text).unwrap();
        assert!(back.bad_rows.is_empty(), "{:?}", back.bad_rows);
        assert!(!back.changes.is_empty());
        same_json(&back.plan, &without_target_notes_of_2019(&plan));
    }
}

/// The two plans are equal; if not, the first lines of JSON that differ say where.
fn same_json(a: &Plan, b: &Plan) {
    if a != b {
        let (ja, jb) = (cruscotto::plan::to_json(a), cruscotto::plan::to_json(b));
        let diff: Vec<String> = ja
            .lines()
            .zip(jb.lines())
            .enumerate()
            .filter(|(_, (x, y))| x != y)
            .take(5)
            .map(|(n, (x, y))| format!("line {n}: {x} ≠ {y}"))
            .collect();
        panic!("plans differ: {diff:#?}");
    }
}

/// The CSV carries no target notes: a 2019 target restored from it has none.
fn without_target_notes_of_2019(plan: &Plan) -> Plan {
    let mut plan = plan.clone();
    for m in &mut plan.missions {
        for o in &mut m.objectives {
            for i in &mut o.indicators {
                if let Some(c) = i.targets.get_mut(&2019) {
                    if c.text.is_some() {
                        c.note = None;
                    }
                }
            }
        }
    }
    plan
}

trait ClearAll {
    fn clear_all(&mut self);
}

impl ClearAll for cruscotto::eval::Data {
    fn clear_all(&mut self) {
        *self = Default::default();
    }
}

/// The cells of the wide CSV's row of `kind` for indicator `code` (and measure).
fn row(text: &str, kind: &str, code: &str, measure: &str) -> Vec<String> {
    records(text, b';')
        .into_iter()
        .find(|r| r.cells[0] == kind && r.cells[3] == code && r.cells[5] == measure)
        .unwrap_or_else(|| panic!("no row {kind} {code} {measure}"))
        .cells
}

#[test]
fn the_wide_csv_shows_inputs_in_display_units_with_roll_ups_and_acts() {
    let plan = rich_plan();
    let text = wide(&plan, Lang::It);
    assert!(text.starts_with("\u{FEFF}Riga;Missione;Obiettivo;Codice;Nome;Misura;"));
    assert!(text.contains("\r\n"));
    let header = &records(&text, b';')[0].cells;
    let col = |year: i32| header.iter().position(|h| *h == year.to_string()).unwrap();
    // 8.1 is a percentage: its direct value reads 55,7047 %, not 0,557047.
    assert_eq!(row(&text, "valore", "8.1", "")[col(2019)], "55,7047 %");
    assert_eq!(row(&text, "target", "8.1", "")[col(2019)], "100%");
    assert_eq!(
        row(&text, "motivazione", "8.1", "")[col(2020)],
        "'-20 % di personale"
    );
    // A measure of a ratio is a count, written as it is.
    let creati = indicator(&plan, "1.1")
        .data
        .get("fascicoli_creati")
        .unwrap();
    let Some(Datum::Number(x)) = creati.get(&2019) else {
        panic!()
    };
    assert_eq!(
        row(&text, "misura", "1.1", "fascicoli_creati")[col(2019)],
        format!("{x}").replace('.', ",")
    );
    // The computed value of a percentage indicator, and its score, are percentages too.
    let computed = &row(&text, "indicatore", "1.1", "")[col(2019)];
    assert!(computed.ends_with(" %"), "{computed}");
    // Roll-up rows: every mission and objective, with the achievement where there is one.
    let rows = records(&text, b';');
    let missions = rows.iter().filter(|r| r.cells[0] == "missione").count();
    let objectives = rows.iter().filter(|r| r.cells[0] == "obiettivo").count();
    assert_eq!(missions, plan.missions.len());
    assert_eq!(
        objectives,
        plan.missions
            .iter()
            .map(|m| m.objectives.len())
            .sum::<usize>()
    );
    let report = plan.evaluate();
    let score = report.missions[0]
        .scores
        .get(&2019)
        .copied()
        .flatten()
        .unwrap();
    let mission_row = rows.iter().find(|r| r.cells[0] == "missione").unwrap();
    assert_eq!(
        mission_row.cells[col(2019)],
        cruscotto::plan::csv::number(score / 100.0, true)
    );
    // A target unreadable in the source: the page's marker and the note, never an empty cell
    // (which means "no target").
    assert!(
        row(&text, "target", "1.3", "")[col(2019)].starts_with("illeggibile: illeggibile nell'OCR")
    );
    assert_eq!(row(&text, "target", "1.1", "")[col(2016)], "");
    let en = wide(&plan, Lang::En);
    assert!(en.contains(";unreadable: "));
    // An eliminated indicator names the act.
    let eliminated = row(&text, "indicatore", "7.2", "");
    assert!(
        eliminated[8].contains("eliminato: Giunta n. 129 del 02/12/2019"),
        "{eliminated:?}"
    );
}

/// As Excel (Italian) saves a sheet as "CSV UTF-8": BOM, `;`, CRLF, decimal comma.
const EXCEL: &str = "\u{FEFF}codice;misura;anno;valore\r\n\
    1.1;fascicoli_creati;2019;1.234\r\n\
    1.1;fascicoli_ricevuti;2019;1.300\r\n\
    8.1;indice_adeguatezza_magellano;2020;97,5%\r\n\
    5.4;soddisfazione_media_biblioteca;2019;3,5\r\n\
    7.3;data_definizione_piano_ispettivo;2019;15/12/2019\r\n";

#[test]
fn a_file_saved_by_excel_brings_actuals_in() {
    let plan = cruscotto::plan::default_plan();
    let import = import_csv(&plan, EXCEL).unwrap();
    assert_eq!(import.layout, Layout::Long);
    assert!(import.bad_rows.is_empty(), "{:?}", import.bad_rows);
    let p = &import.plan;
    let datum = |code: &str, m: &str, y: i32| {
        indicator(p, code)
            .data
            .get(m)
            .and_then(|s| s.get(&y))
            .copied()
    };
    assert_eq!(
        datum("1.1", "fascicoli_creati", 2019),
        Some(Datum::Number(1234.0))
    );
    assert_eq!(
        datum("1.1", "fascicoli_ricevuti", 2019),
        Some(Datum::Number(1300.0))
    );
    assert_eq!(
        datum("8.1", "indice_adeguatezza_magellano", 2020),
        Some(Datum::Number(0.975))
    );
    assert_eq!(
        datum("5.4", "soddisfazione_media_biblioteca", 2019),
        Some(Datum::Number(3.5))
    );
    assert_eq!(
        datum("7.3", "data_definizione_piano_ispettivo", 2019).map(|d| match d {
            Datum::Date(d) => d.to_string(),
            Datum::Number(x) => x.to_string(),
        }),
        Some("15/12/2019".to_string())
    );
    // Every cell that changed is listed, old → new, in display units.
    assert_eq!(import.changes.len(), 5);
    let c = &import.changes[2];
    assert_eq!((c.code.as_str(), c.year), ("8.1", 2020));
    assert_eq!(
        c.field,
        Field::Measure("indice_adeguatezza_magellano".into())
    );
    assert_eq!((c.old.as_str(), c.new.as_str()), ("", "97,5 %"));
    // Importing the same file again changes nothing.
    let again = import_csv(&import.plan, EXCEL).unwrap();
    assert!(again.changes.is_empty());
    assert_eq!(again.plan, import.plan);
}

#[test]
fn commas_and_decimal_points_and_english_headers() {
    let plan = cruscotto::plan::default_plan();
    let text = "code,measure,year,value\n1.1,fascicoli_creati,2019,17.5\n\"1.1\",\"fascicoli_ricevuti\",2019,\"1,000\"\n";
    let import = import_csv(&plan, text).unwrap();
    assert!(import.bad_rows.is_empty(), "{:?}", import.bad_rows);
    let s = |m: &str| {
        indicator(&import.plan, "1.1")
            .data
            .get(m)
            .unwrap()
            .get(&2019)
            .copied()
    };
    assert_eq!(s("fascicoli_creati"), Some(Datum::Number(17.5)));
    assert_eq!(s("fascicoli_ricevuti"), Some(Datum::Number(1000.0)));
}

#[test]
fn codes_do_not_decide_how_numbers_are_written() {
    // Codes like 1.1 are not decimals: 1.234 in a `;` file is one thousand two hundred ...
    let plan = cruscotto::plan::default_plan();
    let text = "codice;misura;anno;valore\n1.1;fascicoli_creati;2019;1.234\n9.10;importi_pagati;2019;2.500\n";
    let import = import_csv(&plan, text).unwrap();
    assert!(import.bad_rows.is_empty(), "{:?}", import.bad_rows);
    let s = |code: &str, m: &str| {
        indicator(&import.plan, code)
            .data
            .get(m)
            .unwrap()
            .get(&2019)
            .copied()
    };
    assert_eq!(s("1.1", "fascicoli_creati"), Some(Datum::Number(1234.0)));
    assert_eq!(s("9.10", "importi_pagati"), Some(Datum::Number(2500.0)));
    // ... and in a `,` file with decimal points it is a decimal.
    let text = "code,measure,year,value\n1.1,fascicoli_creati,2019,1.25\n";
    let import = import_csv(&plan, text).unwrap();
    assert_eq!(
        indicator(&import.plan, "1.1")
            .data
            .get("fascicoli_creati")
            .unwrap()
            .get(&2019),
        Some(&Datum::Number(1.25))
    );
}

#[test]
fn every_bad_row_is_named_and_the_good_ones_still_apply() {
    let plan = cruscotto::plan::default_plan();
    let text = "codice;misura;anno;valore\n\
        1.1;fascicoli_creati;2019;10\n\
        99.9;x;2019;1\n\
        1.1;fascicoli_persi;2019;1\n\
        1.1;fascicoli_ricevuti;2019;dieci\n\
        1.1;fascicoli_ricevuti;2035;1\n\
        1.1;;2019;0,5\n\
        1.1;fascicoli_creati;2019;11\n\
        1.1;fascicoli_ricevuti;duemila;1\n";
    let import = import_csv(&plan, text).unwrap();
    let bad: Vec<(usize, &str)> = import
        .bad_rows
        .iter()
        .map(|b| (b.row, b.column.as_str()))
        .collect();
    assert_eq!(
        bad,
        [
            (3, "codice"),
            (4, "misura"),
            (5, "valore"),
            (6, "anno"),
            (7, "misura"),
            (8, "valore"),
            (9, "anno")
        ]
    );
    let words: Vec<String> = import
        .bad_rows
        .iter()
        .map(|b| b.describe(Lang::It))
        .collect();
    assert!(words[0].contains("codice «99.9» sconosciuto"), "{words:?}");
    assert!(
        words[1].contains("misura «fascicoli_persi» sconosciuta"),
        "{words:?}"
    );
    assert!(
        words[1].contains("fascicoli_creati, fascicoli_ricevuti"),
        "{words:?}"
    );
    assert!(words[2].contains("«dieci» non è un numero"), "{words:?}");
    assert!(
        words[3].contains("anno 2035 fuori dagli anni del piano"),
        "{words:?}"
    );
    assert!(words[5].contains("già data alla riga 2"), "{words:?}");
    assert!(import.bad_rows[0]
        .describe(Lang::En)
        .starts_with("row 3, column \"codice\": unknown code"));
    // The good row is in the plan; nothing of the bad ones.
    let i = indicator(&import.plan, "1.1");
    assert_eq!(
        i.data.get("fascicoli_creati").unwrap().get(&2019),
        Some(&Datum::Number(10.0))
    );
    assert!(i.data.get("fascicoli_ricevuti").is_none());
    assert!(i.values.is_empty());
    assert_eq!(import.changes.len(), 1);
}

#[test]
fn a_file_of_neither_layout_is_refused() {
    let plan = cruscotto::plan::default_plan();
    assert!(import_csv(&plan, "").unwrap_err().message.contains("vuoto"));
    let err = import_csv(&plan, "nome;cognome\nMario;Rossi\n").unwrap_err();
    assert!(err.message.contains("codice;misura;anno;valore"), "{err}");
}

#[test]
fn wide_input_rows_are_checked_too() {
    let plan = rich_plan();
    let text: String = wide(&plan, Lang::It)
        .split_inclusive('\n')
        .map(|line| match line {
            l if l.starts_with("target;") && l.contains(";9.1;") => l.replace(";9.1;", ";9.99;"),
            l if l.starts_with("target;") && l.contains(";4.1;") => l.replacen("≥90%", ">= (90", 1),
            l => l.to_string(),
        })
        .collect();
    let import = import_csv(&plan, &text).unwrap();
    let words: Vec<String> = import
        .bad_rows
        .iter()
        .map(|b| b.describe(Lang::It))
        .collect();
    assert!(
        words
            .iter()
            .any(|w| w.contains("codice «9.99» sconosciuto")),
        "{words:?}"
    );
    assert!(
        words
            .iter()
            .any(|w| w.contains("target «>= (90» non valido")),
        "{words:?}"
    );
}
