//! Laboratorio formule: a formula, a target and a small data table; the syntax tree, value,
//! status, score and trace per year, live; errors with a caret under the position; every target
//! notation of the default plan one click away; "applica all'indicatore …"; what-if.

pub mod whatif;

use leptos::prelude::*;

use crate::ui::options::indicator_options;

use crate::ui::i18n::Tr;

use crate::eval::{evaluate_in, Data, Polarity, Scope, Series};
use crate::fragment::pair;
use crate::lang::Lang;
use crate::lang::{parse_formula, parse_target, tree_in_chars};
use crate::plan::TargetCell;
use crate::sorted_map::{SortedMap, SortedSet};
use crate::ui::app::Tab;
use crate::ui::badge::StatusBadge;
use crate::ui::dashboard::model::value_text;
use crate::ui::format;
use crate::ui::i18n::T;
use crate::ui::indicator::checked::{CheckedInput, Kind};
use crate::ui::indicator::entry::{datum_text, read, Accept, Reading};
use crate::ui::indicator::ops;
use crate::ui::notice::Level;
use crate::ui::route;
use crate::ui::state::AppState;

/// Data rows of an example: a measure and its texts for the table's last three years (Italian).
type Rows = &'static [(&'static str, [&'static str; 3])];

/// The formula of most examples and its data (last three years of the table).
const RATIO: &str = "fascicoli_creati / fascicoli_ricevuti";
const RATIO_ROWS: Rows = &[
    ("fascicoli_creati", ["17", "40", "88"]),
    ("fascicoli_ricevuti", ["20", "45", "100"]),
];
/// The ratio's rows with a cluster average.
const CLUSTER_ROWS: Rows = &[
    RATIO_ROWS[0],
    RATIO_ROWS[1],
    ("media_cluster", ["0,8", "0,85", "0,9"]),
];
const DATE_ROWS: Rows = &[(
    "data_completamento",
    ["15/10/2019", "20/12/2019", "10/01/2020"],
)];
const PRATICHE_ROWS: Rows = &[("pratiche", ["2100", "2355", "2600"])];

/// One example per distinct target notation (of the default plan and of other offices' plans,
/// docs/language.md §8): the target, a formula and the data rows it needs (Italian), so that
/// every example gives a result.
pub const EXAMPLES: &[(&str, &str, Rows)] = &[
    ("100%", RATIO, RATIO_ROWS),
    ("≥ 80%", RATIO, RATIO_ROWS),
    ("≥ 80% parziale da 60%", RATIO, RATIO_ROWS),
    (
        "≥3,5",
        "soddisfazione",
        &[("soddisfazione", ["3,2", "3,6", "4,1"])],
    ),
    ("Anno di rilevazione", RATIO, RATIO_ROWS),
    ("X < X-1", RATIO, RATIO_ROWS),
    (
        "ITP < -10",
        "variazione",
        &[("variazione", ["-5", "-12", "-20"])],
    ),
    ("≥ media", RATIO, CLUSTER_ROWS),
    ("scostamento max 0,02 da media cluster", RATIO, CLUSTER_ROWS),
    ("31/12/2019", "data_completamento", DATE_ROWS),
    ("entro il 31 dicembre 2019", "data_completamento", DATE_ROWS),
    ("non inferiore al 90%", RATIO, RATIO_ROWS),
    ("80-90%", RATIO, RATIO_ROWS),
    ("almeno 2.355", "pratiche", PRATICHE_ROWS),
    (
        "<= 10 gg.",
        "giorni_medi",
        &[("giorni_medi", ["12", "10", "8"])],
    ),
    ("entro il 30/06", "data_completamento", DATE_ROWS),
    ("+5% rispetto al 2019", "pratiche", PRATICHE_ROWS),
    ("SI", "realizzato", &[("realizzato", ["0", "1", "1"])]),
];

/// A cell of the data table: the text as typed and the language it was typed in, so that a
/// language switch never changes what it means (`1.234` typed in Italian stays one thousand two
/// hundred and thirty-four).
#[derive(Clone, Debug, PartialEq)]
pub struct Typed {
    pub text: String,
    pub lang: Lang,
}

impl Typed {
    pub fn new(text: impl Into<String>, lang: Lang) -> Typed {
        Typed {
            text: text.into(),
            lang,
        }
    }

    /// What the text reads as, in the language it was typed in.
    pub fn reading(&self) -> Result<Reading, T> {
        read(&self.text, Accept::Datum, self.lang)
    }

    /// The same cell shown in `lang`: a text that reads as a datum is written again the way
    /// `lang` writes it, when that text reads back as the very same datum; otherwise (a text that
    /// does not read, more decimals than a cell shows) it is kept as typed, still read in the
    /// language it was typed in.
    pub fn in_lang(&self, lang: Lang) -> Typed {
        if self.lang == lang {
            return self.clone();
        }
        let Ok(r) = self.reading() else {
            return self.clone();
        };
        let redrawn = Typed::new(datum_text(r.datum.as_ref(), lang), lang);
        if redrawn.reading().map(|back| back.datum) == Ok(r.datum) {
            redrawn
        } else {
            self.clone()
        }
    }
}

#[component]
pub fn Lab() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let t = move |k: T| k.in_(lang.get());
    let (first, last) = state.plan.with_untracked(|p| (p.years.first, p.years.last));
    let years: Vec<i32> = ((last - 2).max(first)..=last).collect();
    // The period of the data is the table's columns: a column left empty is a missing datum.
    let period = (years.first().copied().unwrap_or(last), last);
    let years = StoredValue::new(years);
    // An address opened (a link, Back) brings the experiment: formula, target, polarity and
    // the table's cells (`measure.year.language`, the text as typed in that language).
    let seed = route::seed(Tab::Lab);
    let given = |k: &str, or: &str| {
        seed.as_ref()
            .and_then(|a| a.get(k))
            .unwrap_or(or)
            .to_string()
    };
    let formula = RwSignal::new(given("formula", RATIO));
    let target = RwSignal::new(given("target", ">= 80%"));
    // Whether the text shown in each field has an error: results then belong to no text shown,
    // so they are not shown, and nothing can be applied.
    let formula_bad = RwSignal::new(false);
    let target_bad = RwSignal::new(false);
    let shown_bad = move || formula_bad.get() || target_bad.get();
    let polarity = RwSignal::new(if given("polarita", "") == "minore" {
        Polarity::Lower
    } else {
        Polarity::Higher
    });
    // Data typed in the table: measure → year → text and the language it was typed in.
    let cells: RwSignal<SortedMap<String, SortedMap<i32, Typed>>> = RwSignal::new(SortedMap::new());
    let fill = move |rows: Rows| {
        let l = lang.get_untracked();
        cells.update(|c| {
            for (m, values) in rows {
                let row = c.get_or_insert_with(m.to_string(), Default::default);
                for (y, v) in years.get_value().into_iter().zip(values) {
                    if row.get(&y).is_none_or(|t| t.text.trim().is_empty()) {
                        row.insert(y, Typed::new(*v, Lang::It).in_lang(l));
                    }
                }
            }
        })
    };
    if let Some(a) = &seed {
        cells.update(|c| {
            for (k, v) in &a.params {
                // A measure's name has no dot.
                let mut parts = k.split('.');
                let (Some(m), Some(Ok(y)), Some(l)) =
                    (parts.next(), parts.next().map(str::parse), parts.next())
                else {
                    continue;
                };
                let l = if l == "en" { Lang::En } else { Lang::It };
                c.get_or_insert_with(m.to_string(), Default::default)
                    .insert(y, Typed::new(v.clone(), l).in_lang(lang.get_untracked()));
            }
        });
    }
    // No data given: the default formula's.
    if cells.with_untracked(|c| c.is_empty()) {
        fill(RATIO_ROWS);
    }
    let parsed_formula =
        Memo::new_with_compare(move |_| parse_formula(&formula.get()).ok(), |_, _| true);
    let parsed_target =
        Memo::new_with_compare(move |_| parse_target(&target.get()).ok(), |_, _| true);
    let measures = Memo::new(move |_| {
        let mut names: SortedSet<String> = SortedSet::new();
        parsed_formula.with(|f| {
            if let Some(f) = f {
                names.extend(f.measures());
            }
        });
        parsed_target.with(|t| {
            if let Some(t) = t {
                names.extend(t.measures());
            }
        });
        names.into_iter().collect::<Vec<_>>()
    });
    // A language switch redraws the cells in the new language's format, never rereads them.
    // The experiment is in the address (replaced as it changes), to share like a playground link.
    Effect::new(move |prev: Option<Lang>| {
        let l = lang.get();
        if prev.is_some_and(|p| p != l) {
            cells.update(|c| {
                for row in c.values_mut() {
                    for cell in row.values_mut() {
                        *cell = cell.in_lang(l);
                    }
                }
            });
        }
        let mut q = String::new();
        pair(&mut q, "formula", &formula.get());
        pair(&mut q, "target", &target.get());
        if polarity.get() == Polarity::Lower {
            pair(&mut q, "polarita", "minore");
        }
        cells.with(|c| {
            for m in measures.get() {
                if let Some(row) = c.get(&m) {
                    for (y, t) in row.iter() {
                        pair(&mut q, &format!("{m}.{y}.{}", t.lang.code()), &t.text);
                    }
                }
            }
        });
        route::set_query(Tab::Lab, q);
        l
    });
    let results = Memo::new_with_compare(
        move |_| {
            let lang = lang.get();
            let data: Data = cells.with(|c| {
                c.iter()
                    .map(|(name, ys)| {
                        let series = ys
                            .iter()
                            .filter_map(|(y, cell)| cell.reading().ok()?.datum.map(|d| (*y, d)))
                            .collect::<Series>();
                        (name.clone(), series)
                    })
                    .collect()
            });
            let (Some(f), Some(tg)) = (parsed_formula.get(), parsed_target.get()) else {
                return Vec::new();
            };
            let scope = Scope {
                data: &data,
                values: None,
                formula: Some(&f),
                polarity: polarity.get(),
                code: None,
                years: Some(period),
            };
            years
                .get_value()
                .into_iter()
                .map(|y| (y, evaluate_in(&tg, &scope, Some(y), lang)))
                .collect::<Vec<_>>()
        },
        |_, _| true,
    );
    let apply_code = RwSignal::new(state.plan.with_untracked(|p| {
        p.indicators()
            .next()
            .map(|(_, _, i)| i.code.clone())
            .unwrap_or_default()
    }));
    let apply_year = RwSignal::new(last);
    let apply = move |_| {
        // `try_*`: a click may arrive while the Laboratorio is being removed (tab switch).
        let (Some(c), Some(y)) = (
            apply_code.try_get_untracked(),
            apply_year.try_get_untracked(),
        ) else {
            return;
        };
        let (Some(f), Some(tg)) = (formula.try_get_untracked(), target.try_get_untracked()) else {
            return;
        };
        if formula_bad.try_get_untracked() != Some(false)
            || target_bad.try_get_untracked() != Some(false)
            || parse_formula(&f).is_err()
            || parse_target(&tg).is_err()
        {
            return;
        }
        let c2 = c.clone();
        state.edit(None, move |p| {
            if let Some(i) = ops::find_mut(p, &c) {
                i.formula = Some(f);
                let note = i.targets.get(&y).and_then(|c| c.note.clone());
                i.targets.insert(
                    y,
                    TargetCell {
                        text: Some(tg),
                        note,
                    },
                );
            }
        });
        state
            .notices
            .push(Level::Info, "applied", T::Applied, format!("{c2} · {y}"));
    };
    view! {
        <section class="lab editor" data-testid="lab">
            <div class="card">
                <h2><Tr k=T::LabTitle /></h2>
                <div class="fields">
                    <div class="wide">
                        <span class="label"><Tr k=T::LabFormula /></span>
                        <CheckedInput
                            kind=Kind::Formula
                            value=Signal::derive(move || formula.get())
                            label=Signal::derive(move || t(T::LabFormula).to_string())
                            lang=lang
                            testid="lab-formula"
                            on_valid=Callback::new(move |v: String| formula.set(v))
                            live=true
                            scratch=true
                            invalid=formula_bad
                        />
                    </div>
                    <div class="wide">
                        <span class="label"><Tr k=T::LabTarget /></span>
                        <CheckedInput
                            kind=Kind::Target
                            value=Signal::derive(move || target.get())
                            label=Signal::derive(move || t(T::LabTarget).to_string())
                            lang=lang
                            testid="lab-target"
                            on_valid=Callback::new(move |v: String| target.set(v))
                            live=true
                            scratch=true
                            invalid=target_bad
                        />
                    </div>
                    <label>
                        <Tr k=T::Polarity />
                        <select on:change=move |ev| polarity.set(if event_target_value(&ev) == "lower" { Polarity::Lower } else { Polarity::Higher })>
                            <option value="higher"><Tr k=T::HigherBetter /></option>
                            <option value="lower" selected=polarity.get_untracked() == Polarity::Lower><Tr k=T::LowerBetter /></option>
                        </select>
                    </label>
                </div>
                <h3><Tr k=T::LabExamples /></h3>
                <div class="examples" data-testid="lab-examples">
                    {EXAMPLES
                        .iter()
                        .map(|&(tg, f, rows)| {
                            let pick = move |_| {
                                fill(rows);
                                formula.set(f.to_string());
                                target.set(tg.to_string());
                            };
                            view! { <button on:click=pick>{tg}</button> }
                        })
                        .collect_view()}
                </div>
            </div>
            <div class="card">
                <h3><Tr k=T::LabData /></h3>
                <div class="table-wrap">
                    <table class="grid" data-testid="lab-data">
                        <thead>
                            <tr>
                                <th><Tr k=T::Measure /></th>
                                {years.get_value().into_iter().map(|y| view! { <th scope="col">{y}</th> }).collect_view()}
                            </tr>
                        </thead>
                        <tbody>
                            {move || {
                                measures
                                    .get()
                                    .into_iter()
                                    .map(|m| {
                                        let row = years
                                            .get_value()
                                            .into_iter()
                                            .map(|y| {
                                                let m1 = m.clone();
                                                let m2 = m.clone();
                                                let m3 = m.clone();
                                                let m4 = m.clone();
                                                // What the cell reads as: an error, or "letto come …" when
                                                // the text could be read otherwise. The text is not rewritten
                                                // while typed; a language switch redraws it (same datum).
                                                let reading = Memo::new(move |_| {
                                                    cells.with(|c| c.get(&m1).and_then(|s| s.get(&y)).map(Typed::reading))
                                                });
                                                let text = Memo::new(move |_| {
                                                    cells.with(|c| c.get(&m4).and_then(|s| s.get(&y)).map(|t| t.text.clone()).unwrap_or_default())
                                                });
                                                view! {
                                                    <td>
                                                        <input
                                                            class="num"
                                                            inputmode="decimal"
                                                            aria-label=format!("{m} {y}")
                                                            data-testid=format!("lab-cell-{m}-{y}")
                                                            aria-invalid=move || reading.with(|r| matches!(r, Some(Err(_)))).to_string()
                                                            prop:value=move || text.get()
                                                            // `try_*`: an input may arrive while the Laboratorio is being removed.
                                                            on:input=move |ev| {
                                                                let v = event_target_value(&ev);
                                                                let m = m2.clone();
                                                                let Some(l) = lang.try_get_untracked() else {
                                                                    return;
                                                                };
                                                                cells.try_update(|c| {
                                                                    c.get_or_insert_with(m, Default::default).insert(y, Typed::new(v, l));
                                                                });
                                                            }
                                                        />
                                                        {move || reading.get().map(|r| match r {
                                                            Err(k) => view! { <span class="field-error" role="alert" data-testid=format!("lab-cell-{m3}-{y}-error")><Tr k=k /></span> }.into_any(),
                                                            Ok(r) => r.note.map(|n| view! { <span class="muted field-note" data-testid=format!("lab-cell-{m3}-{y}-read")><Tr k=T::ReadAs /> " " {n}</span> }).into_any(),
                                                        })}
                                                    </td>
                                                }
                                            })
                                            .collect_view();
                                        view! { <tr><th scope="row" class="mono">{m.clone()}</th>{row}</tr> }
                                    })
                                    .collect_view()
                            }}
                        </tbody>
                    </table>
                </div>
            </div>
            <div class="card">
                <h3><Tr k=T::Value /> " · " <Tr k=T::Status /> " · " <Tr k=T::Trace /></h3>
                <table class="grid" data-testid="lab-results">
                    <tbody>
                        {move || {
                            if shown_bad() {
                                return view! { <tr><td class="field-error" data-testid="lab-stale"><Tr k=T::LabStale /></td></tr> }.into_any();
                            }
                            let percent = target.with(|t| t.contains('%'));
                            results
                                .get()
                                .into_iter()
                                .map(|(y, o)| {
                                    let status = o.status;
                                    view! {
                                        <tr data-testid=format!("lab-result-{y}")>
                                            <th scope="row">{y}</th>
                                            <td class="cell-value">{value_text(&o.value, lang.get(), percent)}</td>
                                            <td><StatusBadge status=Signal::derive(move || status) lang=lang /></td>
                                            <td>{o.score.map(|s| format::score(s, lang.get())).unwrap_or_else(|| "—".into())}</td>
                                            <td class="trace" data-testid="lab-trace">{o.trace.clone()}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()
                                .into_any()
                        }}
                    </tbody>
                </table>
                <h3><Tr k=T::LabTree /></h3>
                <pre class="tree" data-testid="lab-tree">
                    {move || {
                        if shown_bad() {
                            return String::new();
                        }
                        // Labels in the page's language, positions in characters as the error columns count them.
                        let mut s = parsed_formula.with(|f| f.as_ref().map(|f| tree_in_chars(&f.tree_in(lang.get()), &formula.get())).unwrap_or_default());
                        s.push_str(&parsed_target.with(|t| t.as_ref().map(|t| tree_in_chars(&t.tree_in(lang.get()), &target.get())).unwrap_or_default()));
                        s
                    }}
                </pre>
                <div class="row">
                    <label>
                        <Tr k=T::ApplyTo />
                        <select data-testid="lab-apply-indicator" on:change=move |ev| apply_code.set(event_target_value(&ev))>
                            {indicator_options(state, move || apply_code.get())}
                        </select>
                    </label>
                    <label>
                        <Tr k=T::Year />
                        <select on:change=move |ev| if let Ok(y) = event_target_value(&ev).parse() { apply_year.set(y) }>
                            {(first..=last).map(|y| view! { <option value=y.to_string() selected=y == last>{y}</option> }).collect_view()}
                        </select>
                    </label>
                    <button data-testid="lab-apply" disabled=shown_bad on:click=apply><Tr k=T::ApplyTo /></button>
                </div>
            </div>
            <whatif::WhatIf />
        </section>
    }
}
