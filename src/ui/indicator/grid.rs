//! The per-year grid of an indicator: targets (checked as you type), one row per measure the
//! formula uses, the directly entered values, the benchmark series; then the computed value,
//! status, score and trace for each year.

use leptos::prelude::*;

use crate::ui::i18n::Tr;

use super::checked::{CheckedInput, Kind};
use super::entry::{Accept, NumberInput};
use super::ops;
use crate::eval::{Datum, Status};
use crate::lang::{parse_formula, BENCHMARK_SERIES};
use crate::plan::{Indicator, TargetCell};
use crate::ui::badge::StatusBadge;
use crate::ui::dashboard::model::value_text;
use crate::ui::format;
use crate::ui::i18n::T;
use crate::ui::report;
use crate::ui::state::AppState;

/// Which series of the indicator a row edits.
#[derive(Clone, Debug, PartialEq)]
enum Series {
    Measure(String),
    Values,
}

fn get(i: &Indicator, s: &Series, year: i32) -> Option<Datum> {
    match s {
        Series::Measure(m) => i.data.get(m).and_then(|d| d.get(&year)).copied(),
        Series::Values => i.values.get(&year).copied(),
    }
}

/// Sets the target text of `year` (empty text: no target; a note stays).
fn put_target(i: &mut Indicator, year: i32, v: String) {
    let note = i.targets.get(&year).and_then(|c| c.note.clone());
    if v.trim().is_empty() && note.is_none() {
        i.targets.remove(&year);
    } else {
        let text = (!v.trim().is_empty()).then_some(v);
        i.targets.insert(year, TargetCell { text, note });
    }
}

fn put(i: &mut Indicator, s: &Series, year: i32, d: Option<Datum>) {
    let series = match s {
        Series::Measure(m) => i.data.get_or_insert_with(m.clone(), Default::default),
        Series::Values => &mut i.values,
    };
    match d {
        Some(d) => {
            series.insert(year, d);
        }
        None => {
            series.remove(&year);
        }
    }
    if let Series::Measure(m) = s {
        if i.data.get(m).is_some_and(|d| d.is_empty()) {
            i.data.remove(m);
        }
    }
}

#[component]
pub fn YearGrid(
    /// The indicator's code: it follows a rename typed in the form.
    code: Signal<String>,
    ind: Memo<Option<Indicator>>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let t = move |k: T| k.in_(lang.get());
    let years = Memo::new(move |_| state.plan.with(|p| (p.years.first, p.years.last)));
    // Traces in the interface language: written again when it changes.
    let outcomes = Memo::new_with_compare(
        move |_| {
            let l = lang.get();
            state.plan.with(|p| {
                code.with(|c| super::single_plan(p, c))
                    .map(|one| report::evaluate(&one, l))
            })
        },
        |_, _| true,
    );
    let measures = Memo::new(move |_| {
        ind.with(|i| {
            let Some(i) = i else { return Vec::new() };
            let mut names: Vec<String> = i
                .formula
                .as_deref()
                .and_then(|f| parse_formula(f).ok())
                .map(|f| f.measures().into_iter().collect())
                .unwrap_or_default();
            for k in i.data.keys() {
                if !names.contains(k) && k != BENCHMARK_SERIES {
                    names.push(k.clone());
                }
            }
            names
        })
    });
    // Edits may come from a field being removed (another indicator chosen): `try_*` reads.
    let edit = move |key: String, f: Box<dyn FnOnce(&mut Indicator) + Send + Sync>| {
        let Some(c) = code.try_get_untracked() else {
            return;
        };
        state.edit(Some(&format!("{key}:{c}")), move |p| {
            if let Some(i) = ops::find_mut(p, &c) {
                f(i);
            }
        });
    };
    let series_row = move |label: String, s: Series, testid: String| {
        let (first, last) = years.get();
        let cells = (first - 1..=last)
            .map(|y| {
                let s1 = s.clone();
                let s2 = s.clone();
                let value =
                    Signal::derive(move || ind.with(|i| i.as_ref().and_then(|i| get(i, &s1, y))));
                let key = format!("{testid}-{y}");
                view! {
                    <td>
                        <NumberInput
                            value=value
                            lang=lang
                            accept=Accept::Datum
                            cell=true
                            label=format!("{label} {y}")
                            testid=key.clone()
                            on_valid=Callback::new(move |d: Option<Datum>| {
                                let s = s2.clone();
                                edit(key.clone(), Box::new(move |i| put(i, &s, y, d)));
                            })
                        />
                    </td>
                }
            })
            .collect_view();
        view! {
            <tr>
                <th scope="row">{label.clone()}</th>
                {cells}
            </tr>
        }
    };
    view! {
        <div class="card year-grid" data-testid="year-grid">
            <h3><Tr k=T::Years /></h3>
            <div class="table-wrap">
                <table class="grid" on:paste=move |ev: web_sys::ClipboardEvent| {
                    // A block copied from a spreadsheet (tabs, line breaks) fills the grid from
                    // the cell it is pasted into; one cell pastes as usual.
                    let Some(text) = ev.clipboard_data().and_then(|d| d.get_data("text/plain").ok()) else {
                        return;
                    };
                    if !text.trim_end().contains(['\t', '\n']) {
                        return;
                    }
                    let Some(at) = ev
                        .target()
                        .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
                        .and_then(|e| e.get_attribute("data-testid"))
                    else {
                        return;
                    };
                    let mut rows: Vec<Series> = measures.get_untracked().into_iter().map(Series::Measure).collect();
                    rows.push(Series::Values);
                    rows.push(Series::Measure(BENCHMARK_SERIES.into()));
                    let testids: Vec<String> = rows
                        .iter()
                        .map(|s| match s {
                            Series::Measure(m) if m == BENCHMARK_SERIES => "benchmark".to_string(),
                            Series::Measure(m) => format!("measure-{m}"),
                            Series::Values => "values".to_string(),
                        })
                        .collect();
                    let Some((row_id, year)) = at.rsplit_once('-').and_then(|(r, y)| Some((r, y.parse::<i32>().ok()?))) else {
                        return;
                    };
                    let Some(row) = testids.iter().position(|t| t == row_id) else {
                        return;
                    };
                    ev.prevent_default();
                    let (first, last) = years.get_untracked();
                    let l = lang.get_untracked();
                    let column = usize::try_from(year - (first - 1)).unwrap_or(usize::MAX);
                    let columns = usize::try_from(last - first + 2).unwrap_or(0);
                    match crate::plan::csv::paste_block(&text, (row, column), (rows.len(), columns), l) {
                        Ok(cells) => {
                            edit(
                                format!("paste-{at}"),
                                Box::new(move |i| {
                                    for (r, c, d) in cells {
                                        if let (Some(s), Ok(c)) = (rows.get(r), i32::try_from(c)) {
                                            put(i, s, first - 1 + c, d);
                                        }
                                    }
                                }),
                            );
                        }
                        Err(bad) => state.notices.push(crate::ui::notice::Level::Error, "paste", T::PasteBad, bad.join(" · ")),
                    }
                }>
                    <thead>
                        <tr>
                            <td></td>
                            {move || {
                                let (first, last) = years.get();
                                (first - 1..=last).map(|y| view! { <th scope="col">{y}</th> }).collect_view()
                            }}
                        </tr>
                    </thead>
                    <tbody>
                        <tr>
                            <th scope="row"><Tr k=T::Target /></th>
                            <td></td>
                            {move || {
                                let (first, last) = years.get();
                                (first..=last)
                                    .map(|y| {
                                        let value = Signal::derive(move || {
                                            ind.with(|i| {
                                                i.as_ref()
                                                    .and_then(|i| i.targets.get(&y).and_then(|c| c.text.clone()))
                                                    .unwrap_or_default()
                                            })
                                        });
                                        view! {
                                            <td>
                                                <CheckedInput
                                                    kind=Kind::Target
                                                    value=value
                                                    label=Signal::derive(move || format!("{} {y}", t(T::Target)))
                                                    lang=lang
                                                    testid=format!("target-{y}")
                                                    keep=format!("{}/target/{y}", code.get_untracked())
                                                    on_valid=Callback::new(move |v: String| {
                                                        edit(format!("target-{y}"), Box::new(move |i| put_target(i, y, v)));
                                                    })
                                                    preview=Callback::new(move |v: String| {
                                                        let c = code.get_untracked();
                                                        state.plan.with(|p| super::preview::outcomes(p, &c, Some(y), lang.get_untracked(), |i| put_target(i, y, v)))
                                                            .unwrap_or_default()
                                                    })
                                                />
                                                {move || {
                                                    ind.with(|i| i.as_ref().and_then(|i| i.targets.get(&y).and_then(|c| c.note.clone())))
                                                        .map(|n| view! { <p class="muted cell-note" data-testid="target-note">{n}</p> })
                                                }}
                                            </td>
                                        }
                                    })
                                    .collect_view()
                            }}
                        </tr>
                        {move || {
                            measures
                                .get()
                                .into_iter()
                                .map(|m| series_row(format!("{}: {m}", t(T::Measure)), Series::Measure(m.clone()), format!("measure-{m}")))
                                .collect_view()
                        }}
                        {move || series_row(t(T::ValueDirect).to_string(), Series::Values, "value".into())}
                        {move || series_row(t(T::Benchmark).to_string(), Series::Measure(BENCHMARK_SERIES.into()), "benchmark".into())}
                        <tr class="computed">
                            <th scope="row"><Tr k=T::Computed /></th>
                            <td></td>
                            {move || {
                                let (first, last) = years.get();
                                let percent = ind.with(|i| {
                                    i.as_ref().is_some_and(|i| {
                                        let ts: Vec<&str> = i.targets.values().filter_map(|c| c.text.as_deref()).collect();
                                        crate::ui::dashboard::model::is_percent(i.unit.as_deref(), &ts)
                                    })
                                });
                                outcomes.with(|r| {
                                    (first..=last)
                                        .map(|y| {
                                            let o = r.as_ref().and_then(|r| code.with(|c| r.outcome(c, y))).cloned();
                                            match o {
                                                Some(o) => {
                                                    let status = o.status;
                                                    view! {
                                                        <td data-testid=format!("computed-{y}")>
                                                            <div class="cell-value" data-testid="value">{value_text(&o.value, lang.get(), percent)}</div>
                                                            <StatusBadge status=Signal::derive(move || status) lang=lang />
                                                            {o.score.map(|s| view! { <div class="muted">{format::score(s, lang.get())}</div> })}
                                                            <div class="trace" data-testid="trace">{o.trace.clone()}</div>
                                                        </td>
                                                    }
                                                        .into_any()
                                                }
                                                None => view! { <td>"—"</td> }.into_any(),
                                            }
                                        })
                                        .collect_view()
                                })
                            }}
                        </tr>
                        <tr class="reasons">
                            <th scope="row"><Tr k=T::Reason /></th>
                            <td></td>
                            {move || {
                                let (first, last) = years.get();
                                (first..=last)
                                    .map(|y| {
                                        let reason = move || ind.with(|i| i.as_ref().and_then(|i| i.reasons.get(&y).cloned()).unwrap_or_default());
                                        // A missed or partial target without a reason: a gentle mark.
                                        let needed = move || {
                                            let missed = outcomes.with(|r| {
                                                r.as_ref()
                                                    .and_then(|r| code.with(|c| r.outcome(c, y)).map(|o| matches!(o.status, Status::NotMet | Status::Partial)))
                                                    .unwrap_or(false)
                                            });
                                            missed && reason().trim().is_empty()
                                        };
                                        view! {
                                            <td>
                                                <textarea
                                                    class=move || if needed() { "reason reason-needed" } else { "reason" }
                                                    rows="2"
                                                    data-testid=format!("reason-{y}")
                                                    aria-label=move || format!("{} {y}", t(T::Reason))
                                                    placeholder=move || if needed() { t(T::ReasonNeeded) } else { "" }
                                                    prop:value=reason
                                                    on:change=move |ev| {
                                                        let text = event_target_value(&ev);
                                                        edit(
                                                            format!("reason-{y}"),
                                                            Box::new(move |i| {
                                                                if text.trim().is_empty() {
                                                                    i.reasons.remove(&y);
                                                                } else {
                                                                    i.reasons.insert(y, text.trim().to_string());
                                                                }
                                                            }),
                                                        );
                                                    }
                                                ></textarea>
                                            </td>
                                        }
                                    })
                                    .collect_view()
                            }}
                        </tr>
                    </tbody>
                </table>
            </div>
        </div>
    }
}
