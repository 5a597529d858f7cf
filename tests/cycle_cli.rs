//! `cruscotto csv`, `cruscotto import-csv` and `cruscotto report`, through the real binary.
#![cfg(not(target_arch = "wasm32"))] // native: the browser tests are tests/browser.rs and tests/e2e

use std::process::{Command, Output};

use cruscotto::eval::Datum;
use cruscotto::plan::{load, Plan};

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cruscotto"))
        .args(args)
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

fn datum(plan: &Plan, code: &str, measure: &str, year: i32) -> Option<Datum> {
    plan.indicators()
        .find(|(_, _, i)| i.code == code)
        .and_then(|(_, _, i)| i.data.get(measure))
        .and_then(|s| s.get(&year))
        .copied()
}

/// A scratch file for one test (removed by the test).
fn scratch(name: &str, content: &[u8]) -> String {
    let path = std::env::temp_dir().join(format!("cruscotto-cycle-{}-{name}", std::process::id()));
    std::fs::write(&path, content).unwrap();
    path.to_string_lossy().into_owned()
}

#[test]
fn a_file_saved_by_excel_is_imported_and_the_plan_file_is_left_alone() {
    let plan_path = fixture("minimal_plan.json");
    let before = std::fs::read(&plan_path).unwrap();
    let out = run(&["import-csv", &plan_path, &fixture("excel_actuals.csv")]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let plan = load(&text(&out.stdout)).unwrap();
    // Italian numbers: 1.234 is a thousand and more, 1.300,5 has a decimal comma.
    assert_eq!(
        datum(&plan, "1.1", "documenti_fascicolati", 2020),
        Some(Datum::Number(1234.0))
    );
    assert_eq!(
        datum(&plan, "1.1", "documenti_protocollati", 2020),
        Some(Datum::Number(1300.5))
    );
    assert_eq!(
        datum(&plan, "1.2", "accessi", 2020),
        Some(Datum::Number(1250.0))
    );
    // The rest of the plan is untouched.
    assert_eq!(
        datum(&plan, "1.1", "documenti_fascicolati", 2019),
        Some(Datum::Number(90.0))
    );
    let err = text(&out.stderr);
    assert!(
        err.contains("1.1 documenti_fascicolati 2020: 80 → 1234"),
        "{err}"
    );
    assert!(err.contains("3 celle cambiate."), "{err}");
    assert_eq!(
        std::fs::read(&plan_path).unwrap(),
        before,
        "the plan file is never modified"
    );
}

#[test]
fn bad_rows_are_all_named_on_stderr_and_nothing_is_printed() {
    let out = run(&[
        "import-csv",
        &fixture("minimal_plan.json"),
        &fixture("bad_actuals.csv"),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty(), "nothing on stdout");
    let err = text(&out.stderr);
    assert!(err.contains("4 righe non valide"), "{err}");
    for line in [
        "riga 3, colonna «codice»: codice «1.9» sconosciuto",
        "riga 4, colonna «anno»: anno 2031 fuori dagli anni del piano",
        "riga 5, colonna «valore»: «mille» non è un numero",
        "riga 6, colonna «misura»: misura «visite» sconosciuta per l'indicatore 1.2 (misure: accessi)",
    ] {
        assert!(err.contains(line), "{line}\n{err}");
    }
}

#[test]
fn the_wide_csv_goes_out_and_back_in_unchanged() {
    let plan_path = fixture("minimal_plan.json");
    let out = run(&["csv", &plan_path]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let csv = text(&out.stdout);
    assert!(csv.starts_with("\u{FEFF}Riga;Missione;"));
    // 1.1 is a percentage: its computed value reads 90 %, not 0,9.
    assert!(csv.contains("\r\nindicatore;032;1;1.1;"), "{csv}");
    let line = csv
        .lines()
        .find(|l| l.starts_with("indicatore;032;1;1.1;"))
        .unwrap();
    assert!(line.ends_with(";70 %;90 %;80 %"), "{line}");
    assert!(csv.contains("eliminato: Giunta n. 10 del 15/12/2019"));
    let csv_path = scratch("wide.csv", csv.as_bytes());
    let back = run(&["import-csv", &plan_path, &csv_path]);
    std::fs::remove_file(&csv_path).ok();
    assert_eq!(back.status.code(), Some(0), "{}", text(&back.stderr));
    assert!(text(&back.stderr).contains("0 celle cambiate."));
    let original = load(&std::fs::read_to_string(&plan_path).unwrap()).unwrap();
    assert_eq!(load(&text(&back.stdout)).unwrap(), original);
}

#[test]
fn the_report_in_markdown_and_html() {
    let plan_path = fixture("minimal_plan.json");
    let md = run(&["report", &plan_path, "--year", "2019", "--format", "md"]);
    assert_eq!(md.status.code(), Some(0), "{}", text(&md.stderr));
    let md = text(&md.stdout);
    assert!(md.starts_with("# Relazione sulla performance 2019\n"));
    assert!(md.contains("| 1.1 | Documenti fascicolati / documenti protocollati | >=80% | 90 % | ✓ raggiunto | 100 % |  |"), "{md}");
    // The same document as the core builds for the page.
    let plan = load(&std::fs::read_to_string(&plan_path).unwrap()).unwrap();
    let r = cruscotto::plan::relazione::relazione(
        &plan,
        &plan.evaluate(),
        2019,
        cruscotto::lang::Lang::It,
    )
    .unwrap();
    assert_eq!(
        md,
        cruscotto::plan::relazione::to_markdown(&r, cruscotto::lang::Lang::It)
    );
    let html = run(&["report", &plan_path, "--format=html", "--year=2019"]);
    assert_eq!(html.status.code(), Some(0));
    assert!(text(&html.stdout).starts_with("<!DOCTYPE html>"));
    // Wrong calls say why, exit 2.
    for args in [
        vec!["report", plan_path.as_str()],
        vec!["report", plan_path.as_str(), "--year", "2030"],
        vec![
            "report",
            plan_path.as_str(),
            "--year",
            "2019",
            "--format",
            "pdf",
        ],
        vec!["import-csv", plan_path.as_str()],
        vec!["csv", "does-not-exist.json"],
    ] {
        let out = run(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(!out.stderr.is_empty(), "{args:?}");
    }
}

#[test]
fn a_csv_that_is_not_utf8_or_of_no_layout_is_refused_clearly() {
    let plan_path = fixture("minimal_plan.json");
    // Windows-1252, as Excel's plain "CSV" saves it: "è" is one byte 0xE8.
    let latin = scratch(
        "latin.csv",
        b"codice;misura;anno;valore\r\n1.1;documenti_fascicolati;2019;\xe8\r\n",
    );
    let out = run(&["import-csv", &plan_path, &latin]);
    std::fs::remove_file(&latin).ok();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("CSV UTF-8"),
        "{}",
        text(&out.stderr)
    );
    let other = scratch("other.csv", b"nome;cognome\r\nMario;Rossi\r\n");
    let out = run(&["import-csv", &plan_path, &other]);
    std::fs::remove_file(&other).ok();
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("intestazione non riconosciuta"));
    assert!(out.stdout.is_empty());
}
