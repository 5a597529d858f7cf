//! `cruscotto default-plan` and `cruscotto check`: as functions, and through the real binary.
#![cfg(not(target_arch = "wasm32"))] // native: the browser tests are tests/browser.rs and tests/e2e

use std::io::Write;
use std::process::{Command, Stdio};

use cruscotto::cli::plan::{check, default_plan};

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn run_check(name: &str, json: bool) -> (i32, String) {
    let mut out = Vec::new();
    let code = check(&fixture(name), json, &mut out);
    (code, String::from_utf8(out).unwrap())
}

#[test]
fn default_plan_prints_the_embedded_plan() {
    let mut out = Vec::new();
    assert_eq!(default_plan(&mut out), 0);
    let plan = cruscotto::plan::load(std::str::from_utf8(&out).unwrap()).unwrap();
    assert_eq!(plan, cruscotto::plan::default_plan());
}

#[test]
fn check_a_valid_plan_prints_the_table() {
    let (code, out) = run_check("minimal_plan.json", false);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("Piano minimo di prova"));
    assert!(out.contains("Missione 032"));
    assert!(out.contains("Obiettivo 1 Obiettivo di prova"));
    assert!(out.contains("1.1 Documenti fascicolati"));
    assert!(out.contains("✓ 100 %"));
    assert!(out.contains("rilev."));
    assert!(out.contains("—"), "inactive 2020 of 1.2");
    assert!(out.trim_end().ends_with("Piano valido."));
}

#[test]
fn check_json_for_machines() {
    let (code, out) = run_check("minimal_plan.json", true);
    assert_eq!(code, 0);
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(doc["valid"], true);
    let ind = &doc["report"]["missions"][0]["objectives"][0]["indicators"][0];
    assert_eq!(ind["code"], "1.1");
    assert_eq!(ind["years"]["2019"]["status"], "met");
    assert_eq!(ind["years"]["2019"]["label"], "raggiunto");
    assert_eq!(ind["years"]["2019"]["score"], 100.0);
    assert_eq!(
        doc["report"]["missions"][0]["objectives"][0]["scores"]["2019"],
        100.0
    );
}

#[test]
fn check_a_plan_with_problems_lists_them_with_paths() {
    let (code, out) = run_check("bad/many_problems.json", false);
    assert_eq!(code, 1);
    assert!(out.contains("ha 3 problemi"), "{out}");
    assert!(out.contains(
        "missions[0].objectives[0].indicators[0].owners[1]: owner «nessuno» inesistente"
    ));
    let (code, out) = run_check("bad/bad_target.json", true);
    assert_eq!(code, 1);
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(doc["valid"], false);
    assert_eq!(
        doc["problems"][0]["path"],
        "missions[0].objectives[0].indicators[0].targets.2019.text"
    );
}

#[test]
fn check_unreadable_files_exit_2() {
    for name in [
        "bad/truncated.json",
        "bad/version_99.json",
        "bad/not_a_plan.json",
        "does-not-exist.json",
    ] {
        let (code, out) = run_check(name, false);
        assert_eq!(code, 2, "{name}: {out}");
        assert!(out.starts_with("Impossibile leggere"), "{name}: {out}");
    }
    let (_, out) = run_check("bad/version_99.json", false);
    assert!(out.contains("versione del formato 99 non supportata"));
}

#[test]
fn the_binary_exit_codes() {
    let bin = env!("CARGO_BIN_EXE_cruscotto");
    let status = |args: &[&str]| {
        Command::new(bin)
            .args(args)
            .stdout(Stdio::null())
            .status()
            .unwrap()
            .code()
    };
    assert_eq!(status(&["check", &fixture("minimal_plan.json")]), Some(0));
    assert_eq!(
        status(&["check", &fixture("bad/duplicate_codes.json")]),
        Some(1)
    );
    assert_eq!(
        status(&["check", &fixture("bad/truncated.json"), "--json"]),
        Some(2)
    );
    assert_eq!(status(&["check", &fixture("bad/version_99.json")]), Some(2));
    assert_eq!(status(&["check"]), Some(2));
}

#[test]
fn the_binary_default_plan_piped_into_check_stdin() {
    let bin = env!("CARGO_BIN_EXE_cruscotto");
    let exported = Command::new(bin).arg("default-plan").output().unwrap();
    assert_eq!(exported.status.code(), Some(0));
    let mut child = Command::new(bin)
        .args(["check", "/dev/stdin"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(&exported.stdout)
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Cruscotto strategico"));
    assert!(text.contains("9.10 Indicatore annuale di tempestività"));
    assert!(text.contains("Piano valido."));
}
