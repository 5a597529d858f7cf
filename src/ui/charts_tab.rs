//! Grafici: for the chosen indicator, actual vs target (and benchmark) per year; for its
//! objective, the grado di raggiungimento per year as bars. Redrawn when the data change.

use leptos::prelude::*;

use crate::ui::options::indicator_options;

use crate::ui::i18n::Tr;

use super::charts::canvas::{BarChartCanvas, LineChartCanvas};
use super::charts::draw::{BarChart, LineChart};
use super::dashboard::model::is_percent;
use super::i18n::T;
use super::indicator::{objective_plan, ops, single_plan};
use super::report;
use super::state::AppState;
use crate::eval::{Datum, Value};
use crate::lang::BENCHMARK_SERIES;
use crate::plan::Plan;

/// The indicator chart's data, from the plan.
pub fn line_data(plan: &Plan, code: &str) -> LineChart {
    let Some(i) = ops::find(plan, code) else {
        return LineChart::default();
    };
    let years: Vec<i32> = (plan.years.first..=plan.years.last).collect();
    // Values and statuses only: judged without traces.
    let rep = single_plan(plan, code)
        .map(|p| report::evaluate_cached(&p, &mut report::Cache::default()))
        .unwrap_or_default();
    let actual = years
        .iter()
        .filter_map(|y| {
            let o = rep.outcome(code, *y)?;
            match o.value {
                Value::Number(v) if v.is_finite() => Some((*y, v, o.status)),
                _ => None,
            }
        })
        .collect();
    let targets = plan.thresholds(i);
    let benchmark = i
        .data
        .get(BENCHMARK_SERIES)
        .map(|s| {
            s.iter()
                .filter(|(y, _)| years.contains(y))
                .filter_map(|(y, d)| match d {
                    Datum::Number(v) => Some((*y, *v)),
                    Datum::Date(_) => None,
                })
                .collect()
        })
        .unwrap_or_default();
    let texts: Vec<&str> = i
        .targets
        .values()
        .filter_map(|c| c.text.as_deref())
        .collect();
    LineChart {
        years,
        actual,
        targets,
        benchmark,
        percent: is_percent(i.unit.as_deref(), &texts),
        unit: i.unit.clone(),
    }
}

/// The objective chart's data.
pub fn bar_data(plan: &Plan, number: u32) -> BarChart {
    let years: Vec<i32> = (plan.years.first..=plan.years.last).collect();
    let rep = objective_plan(plan, number)
        .map(|p| report::evaluate_cached(&p, &mut report::Cache::default()))
        .unwrap_or_default();
    let scores = rep
        .objectives
        .get(&number)
        .map(|s| s.iter().filter_map(|(y, v)| v.map(|v| (*y, v))).collect())
        .unwrap_or_default();
    BarChart { years, scores }
}

#[component]
pub fn Charts() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let t = move |k: T| k.in_(lang.get());
    Effect::new(move |_| {
        if state.selected.with(|s| s.is_none()) {
            let first = state
                .plan
                .with_untracked(|p| p.indicators().next().map(|(_, _, i)| i.code.clone()));
            if first.is_some() {
                state.selected.set(first);
            }
        }
    });
    let code = Memo::new(move |_| state.selected.get().unwrap_or_default());
    let line = Memo::new(move |_| state.plan.with(|p| line_data(p, &code.get())));
    let objective = Memo::new(move |_| state.plan.with(|p| ops::objective_of(p, &code.get())));
    let bars = Memo::new(move |_| {
        let n = objective.get();
        state
            .plan
            .with(|p| n.map(|n| bar_data(p, n)).unwrap_or_default())
    });
    let title = Memo::new(move |_| {
        state.plan.with(|p| {
            ops::find(p, &code.get())
                .map(|i| format!("{} {}", i.code, i.name))
                .unwrap_or_default()
        })
    });
    let objective_title = Memo::new(move |_| {
        let n = objective.get();
        state.plan.with(|p| {
            p.missions
                .iter()
                .flat_map(|m| m.objectives.iter())
                .find(|o| Some(o.number) == n)
                .map(|o| format!("{}. {}", o.number, o.title))
                .unwrap_or_default()
        })
    });
    view! {
        <section class="charts-grid" data-testid="charts">
            <div class="card row">
                <label>
                    <Tr k=T::ChooseIndicator />
                    <select
                        data-testid="chart-indicator-select"
                        on:change=move |ev| state.selected.set(Some(event_target_value(&ev)))
                    >
                        {indicator_options(state, move || code.get())}
                    </select>
                </label>
            </div>
            <div class="card">
                <h2><Tr k=T::ChartFor /> " " {move || title.get()}</h2>
                <LineChartCanvas
                    data=line
                    lang=lang
                    label=Signal::derive(move || format!("{} {}", t(T::ChartFor), title.get()))
                    testid="chart-indicator"
                />
            </div>
            <div class="card">
                <h2><Tr k=T::ObjectiveChart /> " " {move || objective_title.get()}</h2>
                <BarChartCanvas
                    data=bars
                    lang=lang
                    label=Signal::derive(move || format!("{} {}", t(T::ObjectiveChart), objective_title.get()))
                    testid="chart-objective"
                />
            </div>
        </section>
    }
}
