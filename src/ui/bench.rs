//! Measuring hooks for `scripts/perf.mjs` (exported to JavaScript as `window.wasmBindings.*`):
//! they time the plan's evaluation inside the page and open a generated large plan in the app.
//! Nothing here runs unless the script calls it.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;

use super::dashboard::model;
use super::i18n::Lang;
use super::state::AppState;
use crate::eval::Trace;
use crate::plan::{self, Plan};

thread_local! {
    static APP: RefCell<Option<AppState>> = const { RefCell::new(None) };
}

pub(crate) fn register(state: AppState) {
    APP.with(|a| *a.borrow_mut() = Some(state));
}

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or(0.0)
}

/// A plan with `n` indicators: the example plan's indicators repeated (unique codes), so every
/// formula, target notation and revision of the seed is in it.
pub fn large_plan(n: usize) -> Plan {
    let mut plan = plan::example_plan();
    let template: Vec<_> = plan.indicators().map(|(_, _, i)| i.clone()).collect();
    if template.is_empty() {
        return plan;
    }
    let objectives: usize = plan.missions.iter().map(|m| m.objectives.len()).sum();
    for o in plan
        .missions
        .iter_mut()
        .flat_map(|m| m.objectives.iter_mut())
    {
        o.indicators.clear();
    }
    let mut k = 0usize;
    'outer: loop {
        for o in plan
            .missions
            .iter_mut()
            .flat_map(|m| m.objectives.iter_mut())
        {
            if k >= n {
                break 'outer;
            }
            let mut i = template[k % template.len()].clone();
            i.code = format!("{}.{}", o.number, k / objectives.max(1) + 1);
            i.short_code = None;
            o.indicators.push(i);
            k += 1;
        }
    }
    plan.title = format!("Piano generato: {n} indicatori (prestazioni)");
    plan
}

/// Milliseconds (mean of `iterations`) to evaluate the default plan and the example plan, as
/// JSON: `*_cold` is `Plan::evaluate` (every text parsed, every trace written: what the CLI does),
/// `*_cold_untraced` the same without traces;
/// `*_plan` is `Plan::evaluate_with` with the texts parsed by an earlier call and no traces;
/// plain `default`/`example` is what the app does when it re-evaluates the whole plan (its
/// per-indicator memo forgotten, parsed texts kept, no traces, roll-ups and index included);
/// `*_page` builds the dashboard's first page, writing the traces of its rows.
#[wasm_bindgen]
pub fn cruscotto_bench_evaluate(iterations: u32) -> String {
    let iterations = iterations.max(1);
    let mean = |t0: f64| (now() - t0) / f64::from(iterations);
    let mut out = Vec::new();
    for (name, plan) in [
        ("default", plan::default_plan()),
        ("example", plan::example_plan()),
    ] {
        let t0 = now();
        for _ in 0..iterations {
            let report = plan.evaluate();
            if report.years.is_empty() {
                break;
            }
        }
        out.push(format!("\"{name}_cold\": {:.4}", mean(t0)));
        let t0 = now();
        for _ in 0..iterations {
            let report = plan.evaluate_with(&mut plan::ParseCache::default(), Trace::Off);
            if report.years.is_empty() {
                break;
            }
        }
        out.push(format!("\"{name}_cold_untraced\": {:.4}", mean(t0)));
        let mut parsed = plan::ParseCache::default();
        let _ = plan.evaluate_with(&mut parsed, Trace::Off);
        let t0 = now();
        for _ in 0..iterations {
            let report = plan.evaluate_with(&mut parsed, Trace::Off);
            if report.years.is_empty() {
                break;
            }
        }
        out.push(format!("\"{name}_plan\": {:.4}", mean(t0)));
        let mut cache = crate::ui::report::Cache::default();
        let mut report = crate::ui::report::evaluate_cached(&plan, &mut cache);
        let t0 = now();
        for _ in 0..iterations {
            cache.forget_outcomes();
            report = crate::ui::report::evaluate_cached(&plan, &mut cache);
        }
        out.push(format!("\"{name}\": {:.4}", mean(t0)));
        let texts = model::search_texts(&plan);
        let filters = model::Filters::default();
        let t0 = now();
        for _ in 0..iterations {
            let page = model::build(&plan, &report, &texts, &filters, Lang::It, 0, 100);
            if page.years.is_empty() {
                break;
            }
        }
        out.push(format!("\"{name}_page\": {:.4}", mean(t0)));
    }
    // After an edit: one target changed, the rest served by the per-indicator cache.
    let mut plan = plan::example_plan();
    let mut cache = crate::ui::report::Cache::default();
    let _ = crate::ui::report::evaluate_cached(&plan, &mut cache);
    let t0 = now();
    for k in 0..iterations {
        if let Some(i) = plan
            .missions
            .iter_mut()
            .flat_map(|m| m.objectives.iter_mut())
            .flat_map(|o| o.indicators.iter_mut())
            .next()
        {
            let text = if k % 2 == 0 { ">= 50%" } else { ">= 90%" };
            i.targets
                .insert(plan.years.last, crate::plan::TargetCell::text(text));
        }
        let _ = crate::ui::report::evaluate_cached(&plan, &mut cache);
    }
    out.push(format!("\"after_edit\": {:.4}", mean(t0)));
    format!("{{{}}}", out.join(", "))
}

/// Builds a plan of `n` indicators, times its JSON round trip and evaluation, and (when `open`)
/// puts it in the app as the current plan. JSON of timings in ms.
#[wasm_bindgen]
pub fn cruscotto_bench_large(n: u32, open: bool) -> String {
    let t0 = now();
    let plan = large_plan(n as usize);
    let t1 = now();
    let json = plan::to_json(&plan);
    let t2 = now();
    let loaded = plan::load(&json);
    let t3 = now();
    let ok = loaded.is_ok();
    let plan = loaded.unwrap_or(plan);
    let mut cache = crate::ui::report::Cache::default();
    let report = crate::ui::report::evaluate_cached(&plan, &mut cache);
    let t4 = now();
    let count = report.cells.len();
    // One target edited, re-evaluated through the cache.
    let mut edited = plan.clone();
    if let Some(i) = edited
        .missions
        .iter_mut()
        .flat_map(|m| m.objectives.iter_mut())
        .flat_map(|o| o.indicators.iter_mut())
        .next()
    {
        i.targets
            .insert(edited.years.last, crate::plan::TargetCell::text(">= 50%"));
    }
    let t4a = now();
    let _ = crate::ui::report::evaluate_cached(&edited, &mut cache);
    let after_edit = now() - t4a;
    if open {
        APP.with(|a| {
            if let Some(state) = *a.borrow() {
                state.replace(plan);
            }
        });
    }
    let t5 = now();
    format!(
        "{{\"indicators\": {count}, \"json_bytes\": {}, \"load_ok\": {ok}, \"generate_ms\": {:.2}, \"to_json_ms\": {:.2}, \"load_ms\": {:.2}, \"evaluate_ms\": {:.2}, \"open_ms\": {:.2}, \"after_edit_ms\": {:.2}}}",
        json.len(),
        t1 - t0,
        t2 - t1,
        t3 - t2,
        t4 - t3,
        t5 - t4,
        after_edit
    )
}
