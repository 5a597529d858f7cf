//! The shapes the fuzzer found quadratic, at a size and ten times that size: the time should
//! grow about ten times (tests in src/cost_tests.rs count the work; this shows the time).
//! - an `eval` line whose formula and target (`X-1` many times) grow together, up to 20 KB;
//! - `check` of 40 indicators with long formulas and long `X-1` targets;
//! - 200 000 values given in descending year order.
//!
//! Run: `cargo bench --bench linear -- --warm-up-time 1 --measurement-time 3`

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use cruscotto::plan::{example_plan, load, to_json, Plan};

/// `groups` parenthesised sums of ten `term`s, added together (a long text, a shallow tree).
fn long_sum(term: &str, groups: usize) -> String {
    let group = format!("({})", [term; 10].join("+"));
    vec![group; groups].join("+")
}

fn eval_line(groups: usize) -> String {
    serde_json::json!({
        "target": format!("X >= {}", long_sum("X-1", groups)),
        "formula": long_sum("a", groups),
        "data": {"a": {"2019": 1, "2020": 2}},
        "year": 2020,
    })
    .to_string()
}

fn long_plan(groups: usize) -> String {
    let mut plan: Plan = example_plan();
    let objective = &mut plan.missions[0].objectives[0];
    let mut template = objective.indicators[0].clone();
    template.formula = Some(long_sum("a", groups));
    template.values = Default::default();
    template.data = [(
        "a".to_string(),
        (plan.years.first..=plan.years.last)
            .map(|y| (y, cruscotto::eval::Datum::Number(3.0)))
            .collect(),
    )]
    .into();
    for cell in template.targets.values_mut() {
        cell.text = Some(format!("X >= {}", long_sum("X-1", groups)));
    }
    template.revisions.clear();
    objective.indicators = (0..40)
        .map(|k| {
            let mut i = template.clone();
            i.code = format!("L.{k}");
            i
        })
        .collect();
    to_json(&plan)
}

fn descending_values(n: i32) -> String {
    let values: serde_json::Map<String, serde_json::Value> =
        (0..n).rev().map(|y| (y.to_string(), 1.into())).collect();
    serde_json::json!({ "target": ">= 1", "values": values, "year": n - 1 }).to_string()
}

fn bench_linear(c: &mut Criterion) {
    let mut g = c.benchmark_group("linear");
    g.sample_size(10);
    for groups in [20, 200] {
        let line = eval_line(groups);
        g.bench_function(format!("eval line of {} KB", line.len() / 1024), |b| {
            b.iter(|| {
                let mut out = Vec::new();
                cruscotto::cli::eval::run(black_box(line.as_bytes()), &mut out);
                out.len()
            })
        });
    }
    for groups in [3, 30] {
        let text = long_plan(groups);
        g.bench_function(
            format!(
                "check: 40 indicators, X-1 × {} ({} KB)",
                groups * 10,
                text.len() / 1024
            ),
            |b| b.iter(|| load(black_box(&text)).map(|p| p.evaluate().years.len())),
        );
    }
    for n in [20_000, 200_000] {
        let line = descending_values(n);
        g.bench_function(format!("eval: {n} values in descending order"), |b| {
            b.iter(|| {
                let mut out = Vec::new();
                cruscotto::cli::eval::run(black_box(line.as_bytes()), &mut out);
                out.len()
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench_linear);
criterion_main!(benches);
