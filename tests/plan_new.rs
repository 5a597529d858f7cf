//! `cruscotto new`: a blank plan or a template's copy, which `check` accepts; and a plan built
//! with the edit operations from blank, exported, checked by the real binary.
#![cfg(not(target_arch = "wasm32"))] // native: the browser tests are tests/browser.rs and tests/e2e

use std::process::Command;

use cruscotto::cli::new::run;
use cruscotto::plan::edit::{
    add_indicator, add_mission, add_objective, add_owner, apply, blank, set_indicator_owners,
};
use cruscotto::plan::{load, to_json, TargetCell};

fn new(args: &[&str]) -> (i32, String, String) {
    let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = run(&args, &mut out, &mut err);
    (
        code,
        String::from_utf8(out).unwrap(),
        String::from_utf8(err).unwrap(),
    )
}

#[test]
fn blank_with_years() {
    let (code, out, _) = new(&["2025", "2027"]);
    assert_eq!(code, 0);
    let plan = load(&out).unwrap();
    assert_eq!((plan.years.first, plan.years.last), (2025, 2027));
    assert!(plan.missions.is_empty());
}

#[test]
fn the_default_plan_as_template_moved_to_2025() {
    let seed = cruscotto::plan::default_plan();
    let k = 2025 - seed.years.first;
    let (code, out, err) = new(&["--template", "default", "--shift", &k.to_string()]);
    assert_eq!(code, 0, "{err}");
    let plan = load(&out).unwrap();
    assert_eq!(plan.years.first, 2025);
    assert_eq!(plan.indicators().count(), seed.indicators().count());
    assert!(plan
        .indicators()
        .all(|(_, _, i)| i.values.is_empty() && i.data.is_empty()));
}

#[test]
fn wrong_arguments_say_why() {
    let (code, _, err) = new(&["2027", "2025"]);
    assert_eq!(code, 2);
    assert!(err.contains("2027"), "{err}");
    let (code, _, err) = new(&["--template", "default", "--shift", "tre"]);
    assert_eq!(code, 2);
    assert!(err.contains("«tre»"), "{err}");
    let (code, _, err) = new(&[]);
    assert_eq!(code, 2);
    assert!(err.contains("uso:"), "{err}");
}

#[test]
fn a_plan_built_from_blank_is_checked_clean_by_the_binary() {
    let mut plan = blank(2025, 2027).unwrap();
    apply(&mut plan, |p| {
        add_mission(p, "011", "Competitività e sviluppo delle imprese")?;
        let n = add_objective(p, "011", "Semplificare")?;
        let a = add_indicator(p, n, "", "Pratiche evase")?;
        let b = add_indicator(p, n, "", "Rapporto evase / ricevute")?;
        assert_ne!(a, b);
        let office = add_owner(p, "S. Anagrafico Certificativo")?;
        set_indicator_owners(p, &a, std::slice::from_ref(&office))?;
        Ok(b)
    })
    .unwrap();
    apply(&mut plan, |p| {
        let o = &mut p.missions[0].objectives[0];
        o.indicators[0]
            .targets
            .insert(2025, TargetCell::text(">= 100"));
        o.indicators[1].formula = Some("evase / ricevute".into());
        o.indicators[1]
            .targets
            .insert(2025, TargetCell::text(">= 90%"));
        Ok(())
    })
    .unwrap();
    let dir = std::env::temp_dir().join(format!("cruscotto-new-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("piano.json");
    std::fs::write(&file, to_json(&plan)).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_cruscotto"))
        .arg("check")
        .arg(&file)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(text.contains("Piano valido."), "{text}");
    std::fs::remove_dir_all(&dir).unwrap();
}
