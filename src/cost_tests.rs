//! Cost grows linearly with the input: each shape the fuzzer found quadratic is run at a size and
//! at ten times that size, and the work done (expression nodes evaluated, formula runs, map
//! entries shifted — counted in `crate::work`, never timed) must grow about ten times, not a
//! hundred.

use crate::eval::{evaluate, judge, Data, Datum, Scope, Series};
use crate::lang::{parse_formula, parse_target};
use crate::work::{take, Work};

/// `groups` parenthesised sums of `per_group` copies of `term`, added together: a long text
/// whose tree stays shallow.
fn long_sum(term: &str, per_group: usize, groups: usize) -> String {
    let group = format!("({})", vec![term; per_group].join("+"));
    vec![group; groups].join("+")
}

fn series(years: std::ops::RangeInclusive<i32>, x: f64) -> Series {
    years.map(|y| (y, Datum::Number(x))).collect()
}

/// Work of judging, with its trace, a target naming `X-1` ~10·`groups` times over a formula of
/// ~10·`groups` terms.
fn own_lag_work(groups: usize) -> (u64, u64) {
    let formula = parse_formula(&long_sum("a", 10, groups)).unwrap();
    let target = parse_target(&format!("X > {}", long_sum("X-1", 10, groups))).unwrap();
    let data: Data = [("a".to_string(), series(2016..=2021, 2.0))].into();
    let scope = Scope {
        formula: Some(&formula),
        years: Some((2016, 2021)),
        ..Scope::new(&data)
    };
    take(Work::ExprNode);
    take(Work::FormulaRun);
    let traced = evaluate(&target, &scope, Some(2020));
    let untraced = judge(&target, &scope, Some(2020));
    assert_eq!(traced.status, untraced.status);
    (take(Work::ExprNode), take(Work::FormulaRun))
}

#[test]
fn every_x_minus_1_shares_one_run_of_the_formula() {
    let (_, runs) = own_lag_work(10);
    // This year's value and last year's: once each per judgement (one with the trace, one
    // without), however many times the target names them and although the trace shows them.
    assert_eq!(runs, 4);
    let (small, _) = own_lag_work(10);
    let (large, runs_large) = own_lag_work(100);
    assert_eq!(runs_large, 4);
    assert!(
        large <= 12 * small,
        "10× the text cost {large} nodes against {small}: not linear"
    );
}

/// One `eval` request line with a formula and a target growing together (the 20 KB lines).
fn eval_line_work(groups: usize) -> u64 {
    let line = serde_json::json!({
        "target": format!("X >= {}", long_sum("X-1", 10, groups)),
        "formula": long_sum("a", 10, groups),
        "data": {"a": {"2019": 1, "2020": 2}},
        "year": 2020,
    })
    .to_string();
    take(Work::ExprNode);
    let mut out = Vec::new();
    assert_eq!(crate::cli::eval::run(line.as_bytes(), &mut out), 0);
    let reply = String::from_utf8(out).unwrap();
    assert!(reply.contains("\"status\""), "{reply}");
    take(Work::ExprNode)
}

#[test]
fn an_eval_line_costs_in_proportion_to_its_length() {
    let small = eval_line_work(10);
    let large = eval_line_work(100);
    assert!(large <= 12 * small, "{large} against {small}");
}

/// `cruscotto check --json` of 40 indicators with long formulas and long `X-1` targets.
fn check_work(groups: usize) -> u64 {
    let mut plan = crate::plan::example_plan();
    let objective = &mut plan.missions[0].objectives[0];
    let mut template = objective.indicators[0].clone();
    template.formula = Some(long_sum("a", 10, groups));
    template.values = Series::new();
    template.data = [(
        "a".to_string(),
        series(plan.years.first..=plan.years.last, 3.0),
    )]
    .into();
    for cell in template.targets.values_mut() {
        cell.text = Some(format!("X >= {}", long_sum("X-1", 10, groups)));
    }
    template.revisions.clear();
    objective.indicators = (0..40)
        .map(|k| {
            let mut i = template.clone();
            i.code = format!("L.{k}");
            i
        })
        .collect();
    let path = std::env::temp_dir().join(format!(
        "cruscotto-cost-{}-{groups}.json",
        std::process::id()
    ));
    std::fs::write(&path, crate::plan::to_json(&plan)).unwrap();
    take(Work::ExprNode);
    take(Work::FormulaRun);
    let mut out = Vec::new();
    let code = crate::cli::plan::check(path.to_str().unwrap(), true, &mut out);
    let _ = std::fs::remove_file(&path);
    let text = String::from_utf8(out).unwrap();
    assert_eq!(code, 0, "{}", &text[..text.len().min(2000)]);
    take(Work::ExprNode) + take(Work::FormulaRun)
}

#[test]
fn checking_a_plan_with_long_x_minus_1_targets_is_linear() {
    let small = check_work(3);
    let large = check_work(30);
    assert!(large <= 12 * small, "{large} against {small}");
}

/// Values given in descending year order, in an `eval` request: shifted entries.
fn descending_values_work(n: i32) -> u64 {
    let values: serde_json::Map<String, serde_json::Value> =
        (0..n).rev().map(|y| (y.to_string(), 1.into())).collect();
    let line = serde_json::json!({ "target": ">= 1", "values": values, "year": n - 1 }).to_string();
    take(Work::EntryShifted);
    let mut out = Vec::new();
    crate::cli::eval::run(line.as_bytes(), &mut out);
    let reply = String::from_utf8(out).unwrap();
    assert!(reply.contains("\"met\""), "{reply}");
    take(Work::EntryShifted)
}

#[test]
fn series_in_a_request_are_built_in_one_go() {
    // One insertion per key would shift n²/2 entries.
    for n in [2_000, 20_000] {
        let shifted = descending_values_work(n);
        assert!(shifted <= n as u64, "{n} keys: {shifted} entries shifted");
    }
}

#[test]
fn the_names_of_a_long_formula_are_collected_in_one_go() {
    // Names "qaaa", "qaab", …: no keyword among them.
    let name = |k: usize| -> String {
        let letter = |d: usize| char::from(b'a' + (d % 26) as u8);
        ['q', letter(k / 676), letter(k / 26), letter(k)]
            .iter()
            .collect()
    };
    for n in [100usize, 1_000] {
        let names: Vec<String> = (0..n).rev().map(name).collect();
        // Shallow: sums of 30 names in parentheses.
        let text = names
            .chunks(30)
            .map(|c| format!("({})", c.join("+")))
            .collect::<Vec<_>>()
            .join("+");
        let formula = parse_formula(&text).unwrap();
        take(Work::EntryShifted);
        assert_eq!(formula.measures().len(), n);
        let shifted = take(Work::EntryShifted);
        assert!(shifted <= n as u64, "{n} names: {shifted} entries shifted");
    }
}

#[test]
fn a_large_map_in_reverse_order_is_read_in_one_sort() {
    use crate::sorted_map::SortedMap;
    // A sorted Vec filled by inserts would move ~n²/2 entries here.
    let n = 400_000;
    let text = format!(
        "{{{}}}",
        (0..n)
            .rev()
            .map(|k| format!("\"{k}\": {}", k % 7))
            .collect::<Vec<_>>()
            .join(",")
    );
    take(Work::EntryShifted);
    let map: SortedMap<i32, u8> = serde_json::from_str(&text).expect("reads");
    assert!(take(Work::EntryShifted) <= n as u64);
    assert_eq!(map.len(), n);
    assert!(map.keys().copied().eq(0..n as i32));
    assert!(map.iter().all(|(k, v)| i32::from(*v) == k % 7));
}

/// Bytes the rewrite of plan forms looks at for `n` repetitions of `unit` (articles before
/// numbers, comparison words, words after numbers: each looks back or ahead).
fn rewrite_work(unit: &str, n: usize) -> u64 {
    let text = unit.repeat(n);
    take(Work::ByteScanned);
    let _ = parse_target(&text);
    take(Work::ByteScanned)
}

#[test]
fn reading_plan_forms_is_linear() {
    for unit in [
        "a 1 ",
        "almeno 5 e ",
        "5 progetti ",
        "il      1 ",
        "entro il 3 ",
    ] {
        let small = rewrite_work(unit, 50);
        let large = rewrite_work(unit, 500);
        assert!(small > 0, "{unit}");
        assert!(
            large <= 12 * small,
            "«{unit}» ×10 looked at {large} bytes against {small}: not linear"
        );
    }
}
