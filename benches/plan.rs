//! Benchmarks of whole plans: evaluating the default plan (the < 1 ms budget of a re-evaluation),
//! the example data set, and a generated plan of 10 000 indicators × 6 years — cold (`evaluate`:
//! parsing every text, writing every trace) and the app's way (`evaluate_with`: texts parsed
//! once and kept, no traces); loading (with full validation) and writing the exchange format.
//!
//! Run: `cargo bench --bench plan -- --warm-up-time 1 --measurement-time 3`

use std::hint::black_box;

use criterion::{criterion_group, criterion_main};

#[path = "support/cpu_time.rs"]
mod cpu_time;

/// Criterion on the thread's CPU time (comparable on a loaded machine).
type Criterion = criterion::Criterion<cpu_time::CpuTime>;
use cruscotto::eval::Trace;
use cruscotto::plan::{default_plan, example_plan, load, to_json, ParseCache, Plan};

/// The example plan with one objective grown to `n` copies of a share indicator (9.7).
fn generated_plan(n: usize) -> Plan {
    let mut plan = example_plan();
    let objective = &mut plan.missions[3].objectives[1];
    let template = objective.indicators[6].clone();
    objective.indicators = (0..n)
        .map(|k| {
            let mut indicator = template.clone();
            indicator.code = format!("G.{k}");
            indicator
        })
        .collect();
    plan
}

fn bench_evaluate(c: &mut Criterion) {
    let default = default_plan();
    let example = example_plan();
    let large = generated_plan(10_000);
    let mut group = c.benchmark_group("plan/evaluate");
    group.bench_function("default plan (53 indicators, no actuals)", |b| {
        b.iter(|| black_box(&default).evaluate())
    });
    group.bench_function("example data (53 indicators with actuals)", |b| {
        b.iter(|| black_box(&example).evaluate())
    });
    // Re-evaluation: the texts parsed by an earlier evaluation, no traces.
    for (name, plan) in [("default plan", &default), ("example data", &example)] {
        let mut parsed = ParseCache::default();
        group.bench_function(format!("{name}: re-evaluation, parsed, no traces"), |b| {
            b.iter(|| black_box(plan).evaluate_with(&mut parsed, Trace::Off))
        });
    }
    group.bench_function("default plan: cold, no traces (parsing included)", |b| {
        b.iter(|| black_box(&default).evaluate_with(&mut ParseCache::default(), Trace::Off))
    });
    group.sample_size(10);
    group.bench_function("generated: 10 000 indicators × 6 years", |b| {
        b.iter(|| black_box(&large).evaluate())
    });
    group.bench_function(
        "generated: first evaluation, no traces (parsing included)",
        |b| b.iter(|| black_box(&large).evaluate_with(&mut ParseCache::default(), Trace::Off)),
    );
    group.finish();
}

fn bench_format(c: &mut Criterion) {
    let example = example_plan();
    let json = to_json(&example);
    let large_json = to_json(&generated_plan(10_000));
    let mut group = c.benchmark_group("plan/format");
    group.bench_function("to_json (example data)", |b| {
        b.iter(|| to_json(black_box(&example)))
    });
    group.bench_function("load + validate (example data)", |b| {
        b.iter(|| load(black_box(&json)).is_ok())
    });
    group.sample_size(10);
    group.bench_function("load + validate (10 000 indicators)", |b| {
        b.iter(|| load(black_box(&large_json)).is_ok())
    });
    // The load alone: the plan is freed outside the timing (freeing 10 000 indicators is a
    // fifth of the line above, and happens when a plan is replaced, not when it is read).
    group.bench_function(
        "load + validate (10 000 indicators), plan freed apart",
        |b| b.iter_with_large_drop(|| load(black_box(&large_json))),
    );
    // As the page stores it (compact JSON, `storage_json`), not as exported (indented).
    let compact =
        serde_json::to_string(&serde_json::from_str::<serde_json::Value>(&large_json).unwrap())
            .unwrap();
    group.bench_function(
        "load + validate (10 000 indicators, compact JSON), plan freed apart",
        |b| b.iter_with_large_drop(|| load(black_box(&compact))),
    );
    group.finish();
}

criterion_group!(
    name = benches;
    config = criterion::Criterion::default().with_measurement(cpu_time::CpuTime);
    targets = bench_evaluate, bench_format);
criterion_main!(benches);
