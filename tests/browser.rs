//! wasm-bindgen-test tests, run in headless Chromium by `scripts/test.sh`: the app mounts, and the
//! browser-side pieces (formatting, CSV, share link, storage, undo history) behave.
#![cfg(target_arch = "wasm32")]

use cruscotto::lang::Lang;
use cruscotto::ui::{format, history::History, io, storage};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a browser document")
}

#[wasm_bindgen_test]
fn the_app_mounts_and_shows_the_plan_title() {
    cruscotto::ui::mount();
    let title = document()
        .query_selector("[data-testid=plan-title]")
        .ok()
        .flatten()
        .expect("the plan title is in the page");
    assert!(title
        .text_content()
        .unwrap_or_default()
        .to_lowercase()
        .contains("cruscotto"));
    for slug in ["cruscotto", "indicatore", "grafici", "laboratorio"] {
        let tab = document()
            .query_selector(&format!("[data-testid=tab-{slug}]"))
            .ok()
            .flatten();
        assert!(tab.is_some(), "tab {slug}");
    }
}

#[wasm_bindgen_test]
fn numbers_are_italian_by_default() {
    assert_eq!(format::num(3.5, Lang::It), "3,5");
    assert_eq!(format::num(1234.5, Lang::It), "1.234,5");
    assert_eq!(format::num(1234.5, Lang::En), "1,234.5");
    assert_eq!(format::percent_of_ratio(0.85, Lang::It), "85 %");
    assert_eq!(
        format::percent_of_ratio(0.855, Lang::En),
        "85.5%",
        "as the English traces"
    );
    assert_eq!(format::num(f64::NAN, Lang::It), "n.d.");
    assert_eq!(format::parse_input("3,5"), Ok(Some(3.5)));
    assert_eq!(format::parse_input("85%"), Ok(Some(0.85)));
    assert_eq!(format::parse_input("1.234,5"), Ok(Some(1234.5)));
    assert_eq!(format::parse_input(""), Ok(None));
    assert_eq!(format::parse_input("tre"), Err(format::NotANumber));
}

#[wasm_bindgen_test]
fn csv_is_for_italian_spreadsheets() {
    let doc = io::csv::document(&[
        vec!["a;b".into(), "1,5".into()],
        vec!["=SOMMA(A1)".into(), "\"x\"".into()],
    ]);
    assert!(doc.starts_with('\u{FEFF}'));
    assert!(doc.contains("\"a;b\";1,5\r\n"));
    assert!(doc.contains("'=SOMMA(A1);\"\"\"x\"\"\""));
    assert_eq!(io::csv::number(0.85), "0,85");
    // Negative numbers stay numbers; anything else starting like a formula is neutralised.
    for plain in ["-2,5", "-10 %", "-1.234,5", "12"] {
        assert_eq!(io::csv::cell(plain), plain);
    }
    for risky in ["-1+2", "-cmd|' /C calc'!A0", "+SOMMA(A1)", "@x", "\t=1"] {
        assert!(io::csv::cell(risky).starts_with("'"), "{risky}");
    }
}

#[wasm_bindgen_test]
fn share_link_round_trips_and_refuses_garbage() {
    let json = cruscotto::plan::to_json(&cruscotto::plan::default_plan());
    let packed = io::share::encode(&json).expect("the page has a window");
    assert!(
        packed.len() < json.len() / 3,
        "compressed: {} of {}",
        packed.len(),
        json.len()
    );
    assert_eq!(io::share::decode(&packed).as_deref(), Ok(json.as_str()));
    assert!(io::share::decode("#piano=!!!").is_err());
    assert!(io::share::decode("#piano=AAAA").is_err());
}

#[wasm_bindgen_test]
fn storage_moves_a_damaged_plan_aside_once() {
    storage::write_plan_text("prova", "{rotto").expect("written");
    storage::move_aside("prova", "Piano di prova", "{rotto").expect("moved");
    storage::move_aside("prova", "Piano di prova", "{rotto").expect("moved again");
    assert_eq!(
        storage::read_plan_text("prova"),
        None,
        "the plan's key is free"
    );
    let copies: Vec<_> = storage::damaged()
        .into_iter()
        .filter(|d| d.key.ends_with(".prova"))
        .collect();
    assert_eq!(copies.len(), 1, "one copy, however many times: {copies:?}");
    assert_eq!(copies[0].name, "Piano di prova");
    assert_eq!(
        storage::backend::get(&copies[0].key).as_deref(),
        Some("{rotto")
    );
    storage::forget_damaged(&copies[0].key);
    assert!(storage::damaged()
        .iter()
        .all(|d| !d.key.ends_with(".prova")));
}

#[wasm_bindgen_test]
fn storage_packs_large_plans_and_reads_them_back() {
    let small = "{\"a\":1}";
    assert_eq!(
        storage::pack(small),
        small,
        "small plans stay readable JSON"
    );
    let big = format!(
        "[{}]",
        vec!["{\"code\":\"1.1\",\"name\":\"Indicatore\"}"; 20_000].join(",")
    );
    let packed = storage::pack(&big);
    assert!(packed.starts_with(storage::PACKED_PREFIX));
    assert!(
        packed.len() < big.len() / 10,
        "{} of {}",
        packed.len(),
        big.len()
    );
    assert_eq!(storage::unpack(&packed), Ok(big));
    assert_eq!(storage::unpack(small).as_deref(), Ok(small));
    assert!(storage::unpack(&format!("{}!!!", storage::PACKED_PREFIX)).is_err());
}

#[wasm_bindgen_test]
fn history_undoes_redoes_and_merges_typing() {
    let mut h = History::default();
    h.record(&1, Some("name"), 0.0);
    h.record(&2, Some("name"), 100.0); // same field, quick: one step
    h.record(&3, None, 5000.0);
    assert_eq!(h.undo(&4), Some(3));
    assert_eq!(h.undo(&3), Some(1));
    assert_eq!(h.undo(&1), None);
    assert_eq!(h.redo(&1), Some(3));
}

#[wasm_bindgen_test]
fn the_incremental_report_equals_plan_evaluate() {
    use cruscotto::ui::report::{evaluate_cached, evaluate_full, Cache};
    let mut plan = cruscotto::plan::example_plan();
    let mut cache = Cache::default();
    let same = |a: &cruscotto::ui::report::Report, b: &cruscotto::ui::report::Report| {
        assert_eq!(a.plan, b.plan);
        assert_eq!(a.missions, b.missions);
        assert_eq!(a.objectives, b.objectives);
        assert_eq!(a.cells.len(), b.cells.len());
        for (code, cells) in &a.cells {
            assert_eq!(Some(cells), b.cells.get(code), "{code}");
        }
    };
    same(&evaluate_cached(&plan, &mut cache), &evaluate_full(&plan));
    // Edit one target and one weight: the cached evaluation follows.
    let i = plan.missions[0].objectives[0]
        .indicators
        .first_mut()
        .expect("an indicator");
    i.targets
        .insert(2019, cruscotto::plan::TargetCell::text(">= 50%"));
    i.weight = 3.0;
    same(&evaluate_cached(&plan, &mut cache), &evaluate_full(&plan));
}

/// The deepest nesting the language accepts must not exhaust the browser's wasm stack
/// (a stack overflow kills the page), and one level more is a clear error.
#[wasm_bindgen_test]
fn the_deepest_accepted_nesting_parses_in_the_browser() {
    let depth = cruscotto::lang::MAX_NESTING;
    let deep = format!("{}1{}", "(".repeat(depth - 1), ")".repeat(depth - 1));
    assert!(
        cruscotto::lang::parse_formula(&deep).is_ok(),
        "depth {}",
        depth - 1
    );
    let calls = format!("{}1{}", "abs(".repeat(depth - 1), ")".repeat(depth - 1));
    assert!(cruscotto::lang::parse_formula(&calls).is_ok());
    let target = format!("> {}1{}", "(".repeat(depth - 1), ")".repeat(depth - 1));
    assert!(cruscotto::lang::parse_target(&target).is_ok());
    let too_deep = format!("{}1{}", "(".repeat(100_000), ")".repeat(100_000));
    let errors = cruscotto::lang::parse_formula(&too_deep).unwrap_err();
    assert!(!errors.is_empty());
}

#[wasm_bindgen_test]
fn checked_fields_locate_the_error() {
    use cruscotto::lang::Notation::{English, Italian};
    use cruscotto::ui::indicator::checked::{check, Kind};
    assert!(check(Kind::Target, ">= 80%", Lang::It, Italian).is_ok());
    assert!(
        check(Kind::Target, "", Lang::It, Italian).is_ok(),
        "empty: no target"
    );
    assert!(check(Kind::Formula, "a / b", Lang::It, Italian).is_ok());
    let e = check(Kind::Formula, "a / (b", Lang::It, Italian).expect_err("unclosed parenthesis");
    assert_eq!(e.line, 1);
    assert!(e.column >= 5, "column {}", e.column);
    assert!(!e.message.is_empty());
    let e = check(Kind::Target, ">= 8O%", Lang::En, Italian).expect_err("letter O for zero");
    assert!(e.column >= 4 && e.column <= 6, "column {}", e.column);
    assert_eq!(e.line_text, ">= 8O%");
    // A plan written the English way: its fields read `2.5` as a decimal and refuse `1.000`,
    // as its validation does; an Italian plan's fields read `1.000` as one thousand.
    assert!(check(Kind::Target, ">= 2.5", Lang::It, English).is_ok());
    let e = check(Kind::Target, ">= 1.000", Lang::It, English).expect_err("ambiguous");
    assert!(e.message.contains("1000"), "{}", e.message);
    assert!(check(Kind::Target, ">= 1.000", Lang::It, Italian).is_ok());
}

#[wasm_bindgen_test]
fn dashboard_rows_filter_and_page() {
    use cruscotto::ui::dashboard::model::{build, search_texts, Filters};
    let plan = cruscotto::plan::example_plan();
    let report = cruscotto::ui::report::evaluate(&plan, Lang::It);
    let texts = search_texts(&plan);
    let all = build(
        &plan,
        &report,
        &texts,
        &Filters::default(),
        Lang::It,
        0,
        1000,
    );
    assert!(all.matching >= 40);
    let page = build(&plan, &report, &texts, &Filters::default(), Lang::It, 1, 10);
    let shown: usize = page
        .missions
        .iter()
        .flat_map(|m| &m.objectives)
        .map(|o| o.indicators.len())
        .sum();
    assert_eq!(shown, 10, "the second page of ten");
    let f = Filters {
        search: "FASCICOLI".into(),
        ..Filters::default()
    };
    let found = build(&plan, &report, &texts, &f, Lang::It, 0, 1000);
    assert!(found.matching >= 1 && found.matching < all.matching);
    let f = Filters {
        year: Some(2019),
        ..Filters::default()
    };
    let one = build(&plan, &report, &texts, &f, Lang::It, 0, 1000);
    assert_eq!(one.years, vec![2019]);
}

/// The app judges without traces; the dashboard writes the traces of the rows it shows, and
/// they are those of `Plan::evaluate`.
#[wasm_bindgen_test]
fn dashboard_traces_are_those_of_plan_evaluate() {
    use cruscotto::ui::dashboard::model::{build, search_texts, Filters};
    use cruscotto::ui::report::{evaluate_cached, Cache};
    let plan = cruscotto::plan::example_plan();
    let report = evaluate_cached(&plan, &mut Cache::default());
    let full = plan.evaluate();
    let traces: std::collections::HashMap<(String, i32), String> = full
        .missions
        .iter()
        .flat_map(|m| &m.objectives)
        .flat_map(|o| &o.indicators)
        .flat_map(|i| {
            i.outcomes
                .iter()
                .map(|(y, o)| ((i.code.clone(), *y), o.trace.clone()))
        })
        .collect();
    let texts = search_texts(&plan);
    let page = build(
        &plan,
        &report,
        &texts,
        &Filters::default(),
        Lang::It,
        0,
        1000,
    );
    let mut checked = 0;
    for i in page
        .missions
        .iter()
        .flat_map(|m| &m.objectives)
        .flat_map(|o| &o.indicators)
    {
        for c in &i.cells {
            let expected = traces.get(&(i.code.clone(), c.year));
            assert_eq!(Some(&c.trace), expected, "{} {}", i.code, c.year);
            assert!(!c.trace.is_empty());
            checked += 1;
        }
    }
    assert!(checked > 300, "{checked} cells");
}

/// A target unreadable in the source is exported with the page's marker and its note, not as an
/// empty cell (which means "no target").
#[wasm_bindgen_test]
fn csv_marks_unreadable_targets() {
    use cruscotto::plan::TargetCell;
    use cruscotto::ui::io::panel::csv_rows;
    let plan = cruscotto::plan::example_plan();
    let report =
        cruscotto::ui::report::evaluate_cached(&plan, &mut cruscotto::ui::report::Cache::default());
    let rows = csv_rows(&plan, &report, Lang::It);
    let column = |name: &str| {
        rows[0]
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("column {name}"))
    };
    let row = |code: &str| {
        rows.iter()
            .find(|r| r.get(2).map(String::as_str) == Some(code))
            .unwrap_or_else(|| panic!("row {code}"))
    };
    let unreadable = &row("1.3")[column("Target 2019")];
    assert!(
        unreadable.starts_with("illeggibile: illeggibile nell'OCR"),
        "{unreadable}"
    );
    assert_eq!(row("1.1")[column("Target 2016")], "", "no target: empty");
    assert_eq!(row("1.1")[column("Target 2019")], "100%");
    let en = csv_rows(&plan, &report, Lang::En);
    assert!(en[1..]
        .iter()
        .any(|r| r.iter().any(|c| c.starts_with("unreadable: "))));
    let bare = TargetCell {
        text: None,
        note: None,
    };
    assert_eq!(io::csv::target(Some(&bare), Lang::It), "illeggibile");
    assert_eq!(io::csv::target(None, Lang::It), "");
}

/// With the interface in English, the dashboard's traces and the indicator editor's are
/// English, numbers included.
#[wasm_bindgen_test]
fn traces_follow_the_interface_language() {
    use cruscotto::ui::dashboard::model::{build, search_texts, Filters};
    use cruscotto::ui::report::{evaluate, evaluate_cached, Cache};
    let plan = cruscotto::plan::example_plan();
    let report = evaluate_cached(&plan, &mut Cache::default());
    let texts = search_texts(&plan);
    let f = Filters {
        search: "fascicoli".into(),
        ..Filters::default()
    };
    let cell = |lang: Lang| {
        let view = build(&plan, &report, &texts, &f, lang, 0, 1000);
        view.missions
            .iter()
            .flat_map(|m| &m.objectives)
            .flat_map(|o| &o.indicators)
            .find(|i| i.code == "1.1")
            .and_then(|i| i.cells.iter().find(|c| c.year == 2019))
            .map(|c| c.trace.clone())
            .expect("1.1 2019 on the page")
    };
    assert_eq!(
        cell(Lang::En),
        "2019: 147 / 162 = 90.74%, target 100% (higher is better) → partially met, score 90.74%"
    );
    assert!(cell(Lang::It).contains("90,74 %, obiettivo 100 %"));
    let one = evaluate(&plan, Lang::En);
    let trace = &one.outcome("1.1", 2019).expect("1.1 2019").trace;
    assert!(trace.contains("partially met"), "{trace}");
}

#[wasm_bindgen_test]
fn a_laboratorio_cell_keeps_its_datum_across_a_language_switch() {
    use cruscotto::eval::Datum;
    use cruscotto::ui::lab::Typed;
    let datum = |t: &Typed| t.reading().ok().and_then(|r| r.datum);
    // Typed in Italian: 1.234 is one thousand two hundred and thirty-four.
    let it = Typed::new("1.234", Lang::It);
    let en = it.in_lang(Lang::En);
    assert_eq!(en, Typed::new("1,234", Lang::En));
    assert_eq!(datum(&en), Some(Datum::Number(1234.0)));
    assert_eq!(en.in_lang(Lang::It), Typed::new("1.234", Lang::It));
    // Typed in English: 1.5 is one and a half.
    assert_eq!(
        Typed::new("1.5", Lang::En).in_lang(Lang::It),
        Typed::new("1,5", Lang::It)
    );
    // More decimals than a cell shows: kept as typed, still read as typed.
    let fine = Typed::new("0,12345678", Lang::It).in_lang(Lang::En);
    assert_eq!(fine, Typed::new("0,12345678", Lang::It));
    assert_eq!(datum(&fine), Some(Datum::Number(0.12345678)));
    // Text that does not read: kept, still an error; empty stays empty.
    assert!(Typed::new("tre", Lang::It)
        .in_lang(Lang::En)
        .reading()
        .is_err());
    assert_eq!(
        Typed::new("", Lang::It).in_lang(Lang::En),
        Typed::new("", Lang::En)
    );
}

/// In the page decimals are read by the browser's `parseFloat` (`cruscotto::float`): it must give
/// the very `f64` Rust's parser gives, which the native CLI and tests use.
#[wasm_bindgen_test]
fn the_browser_reads_decimals_as_rust_does() {
    let mut texts: Vec<String> = [
        "0",
        "-0",
        "0.1",
        "0.2",
        "0.3",
        "2.5",
        "85.5",
        "1234.5678",
        "9007199254740993",
        "2.2250738585072011e-308",
        "2.2250738585072014e-308",
        "4.9e-324",
        "2e-324",
        "1.7976931348623157e308",
        "1.7976931348623158e308",
        "1e23",
        "8.98846567431158e307",
        "0.1000000000000000055511151231257827",
        "123456789012345678901234567890",
        "7.038531e-26",
        "1e-12",
        "5e-5",
        "1e15",
        "0.000001",
        "3.14159265358979323846",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    // Deterministic spread: random digit strings, decimal points and exponents.
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for _ in 0..5000 {
        let len = 1 + (next() % 25) as usize;
        let mut s: String = (0..len)
            .map(|_| char::from(b'0' + (next() % 10) as u8))
            .collect();
        if next() % 2 == 0 && len > 1 {
            s.insert(1 + (next() as usize) % (len - 1), '.');
        }
        if next() % 3 == 0 {
            s.push_str(&format!("e{}", (next() % 640) as i64 - 330));
        }
        texts.push(s);
    }
    for text in &texts {
        let rust: f64 = text.parse().expect("a decimal");
        let page = cruscotto::float::parse_decimal(text).expect("a plain decimal");
        assert_eq!(
            page.to_bits(),
            rust.to_bits(),
            "{text}: page {page:e}, Rust {rust:e}"
        );
    }
}

#[wasm_bindgen_test]
fn versions_thinned_by_age_stay_compact_and_each_reads_back() {
    use cruscotto::plan::{self, history::HOUR_MS};
    use storage::versions;
    let id = "prova-versioni";
    versions::delete_all(id);
    let base = plan::default_plan();
    // 40 saves 20 minutes apart: thinning drops older versions from the middle of the chain,
    // whose older neighbours are then stored as deltas from the next version kept.
    let now = 20_000.0 * 24.0 * HOUR_MS;
    let mut kept = Vec::new();
    for k in 0..40 {
        let mut p = base.clone();
        p.title = format!("Versione {k}");
        let t = now - f64::from(39 - k) * HOUR_MS / 3.0;
        kept = versions::record(id, &plan::to_compact_json(&p), "", format!("{k}"), t).0;
    }
    assert!(kept.len() >= 30 && kept.len() < 40, "{}", kept.len());
    for v in &kept {
        let p = versions::read(id, v.t).expect("every version kept reads back");
        assert_eq!(p.title, format!("Versione {}", v.s));
    }
    let (newest, older) = kept.split_last().expect("versions");
    assert!(older.iter().all(|v| v.n < 200), "older versions are deltas");
    assert!(newest.n > 1000, "the newest is a full copy");
    // A damaged delta makes its version (and the older ones) unreadable, never a wrong plan.
    let key = format!(
        "cruscotto.versione.{id}.{}",
        older[older.len() - 1].t as u64
    );
    let stored = storage::backend::get(&key).expect("stored");
    let damaged = format!("{}X", &stored[..stored.len() - 1]);
    let _ = storage::backend::set(&key, &damaged);
    assert!(versions::read(id, older[older.len() - 1].t).is_none());
    assert!(versions::read(id, older[0].t).is_none());
    assert!(versions::read(id, newest.t).is_some());
    versions::delete_all(id);
}

/// The browser's base64 (btoa/atob) carries every byte value both ways, and the share link's
/// alphabet is URL-safe without padding.
#[wasm_bindgen_test]
fn browser_base64_round_trips_every_byte() {
    let bytes: Vec<u8> = (0..=255u8).cycle().take(256 * 3 + 2).collect();
    for url in [false, true] {
        let text = io::base64::encode(&bytes, url).expect("the page has a window");
        if url {
            assert!(!text.contains(['+', '/', '=']), "{text}");
        }
        assert_eq!(io::base64::decode(&text, url).as_deref(), Ok(&bytes[..]));
    }
    assert!(io::base64::decode("@@@@", false).is_err());
}
