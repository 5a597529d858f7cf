//! Canvas components: they fit their container's width and redraw when the data, the language,
//! or the window size change.

use std::sync::Arc;

use leptos::ev;
use leptos::prelude::*;

use super::draw::{self, BarChart, Chart, LineChart};
use crate::eval::Status;
use crate::ui::i18n::{Lang, Tr, T};

fn fit(canvas: &web_sys::HtmlCanvasElement, height: u32) {
    let width = canvas
        .parent_element()
        .map(|p| p.client_width())
        .filter(|w| *w > 0)
        .unwrap_or(640)
        .clamp(260, 1400) as u32;
    if canvas.width() != width {
        canvas.set_width(width);
    }
    canvas.set_height(if width < 500 { height * 4 / 5 } else { height });
}

fn resize_ticks() -> RwSignal<u32> {
    let tick = RwSignal::new(0u32);
    let handle =
        window_event_listener(ev::resize, move |_| tick.update(|t| *t = t.wrapping_add(1)));
    on_cleanup(move || handle.remove());
    tick
}

/// A chart's rows (as [`Chart::rows`]) and its drawing, without its type: the view below is in
/// the page once, for every chart.
type Rows = Arc<dyn Fn(Lang) -> Vec<Vec<String>> + Send + Sync>;
type DrawFn = Box<dyn Fn(web_sys::HtmlCanvasElement, Lang) -> Result<(), String>>;

fn parts<C: Chart>(data: Signal<C>) -> (Rows, DrawFn) {
    (
        Arc::new(move |l| data.with(|d| d.rows(l))),
        Box::new(move |c, l| data.with(|d| d.draw(c, l))),
    )
}

/// A chart people can read: the canvas, focusable, a slider over its years (arrow keys, Home,
/// End; pointer hover or tap: the year under it), the values of the year being read written
/// next to it and announced politely. One component for every chart ([`Chart`], [`parts`]).
fn chart(
    (rows, draw): (Rows, DrawFn),
    heads: &'static [T],
    height: u32,
    lang: RwSignal<Lang>,
    label: Signal<String>,
    testid: String,
) -> impl IntoView {
    let canvas = NodeRef::<leptos::html::Canvas>::new();
    let tick = resize_ticks();
    let focus = RwSignal::new(None::<i32>);
    Effect::new(move |_| {
        tick.track();
        let lang = lang.get();
        let Some(c) = canvas.get() else { return };
        fit(&c, height);
        if let Err(e) = draw(c, lang) {
            web_sys::console::warn_1(&format!("grafico: {e}").into());
        }
    });
    // The years, from the rows' first cells (tracks the chart's data).
    let years = {
        let rows = rows.clone();
        move || -> Vec<i32> {
            rows(lang.get_untracked())
                .iter()
                .filter_map(|r| r.first()?.parse().ok())
                .collect()
        }
    };
    let set = move |y: Option<i32>| {
        if y.is_some() && y != focus.get_untracked() {
            focus.set(y);
        }
    };
    let key = {
        let years = years.clone();
        move |ev: web_sys::KeyboardEvent| {
            let years = years();
            let last = years.len().saturating_sub(1);
            let at = focus
                .get_untracked()
                .and_then(|y| years.iter().position(|x| *x == y));
            let to = match (ev.key().as_str(), at) {
                ("Home", _) | ("ArrowRight" | "ArrowUp", None) => 0,
                ("End", _) | ("ArrowLeft" | "ArrowDown", None) => last,
                ("ArrowRight" | "ArrowUp", Some(i)) => (i + 1).min(last),
                ("ArrowLeft" | "ArrowDown", Some(i)) => i.saturating_sub(1),
                _ => return,
            };
            ev.prevent_default();
            set(years.get(to).copied());
        }
    };
    // The pointer (a mouse over it, a finger tapping it): the year under it.
    let point = {
        let years = years.clone();
        move |ev: web_sys::MouseEvent| {
            let Some(c) = canvas.get_untracked() else {
                return;
            };
            let width = c.width() as f64;
            let x = ev.offset_x() as f64 * width / c.client_width().max(1) as f64;
            let years = years();
            set(years.get(draw::year_at(x, width, years.len())).copied());
        }
    };
    let first = {
        let years = years.clone();
        move || years().first().copied()
    };
    let readout = move || {
        let l = lang.get();
        let year = focus.get().map(|y| y.to_string());
        rows(l)
            .into_iter()
            .find(|r| r.first() == year.as_ref())
            .map(|row| {
                let parts: Vec<String> = heads[1..]
                    .iter()
                    .zip(&row[1..])
                    .map(|(h, c)| format!("{}: {c}", h.in_(l)))
                    .collect();
                format!("{} — {}", row[0], parts.join("; "))
            })
            .unwrap_or_else(|| T::ChartHint.in_(l).into())
    };
    let (min, max, now) = (first.clone(), years.clone(), first.clone());
    view! {
        <div class="chart-box">
            <canvas
                node_ref=canvas
                tabindex="0"
                role="slider"
                aria-label=move || label.get()
                aria-valuemin=min
                aria-valuemax=move || max().last().copied()
                aria-valuenow=move || focus.get().or_else(&now)
                data-testid=testid.clone()
                on:keydown=key
                on:mousemove=point.clone()
                on:click=point
                on:focus=move |_| set(focus.get_untracked().or_else(&first))
            ></canvas>
        </div>
        <p class="chart-readout" aria-live="polite" data-testid=format!("{testid}-readout")>{readout}</p>
    }
}

/// The indicator chart: actual line, target markers, benchmark line, status-coloured points;
/// its legend under it, in HTML; its table of values.
#[component]
pub fn LineChartCanvas(
    #[prop(into)] data: Signal<LineChart>,
    lang: RwSignal<Lang>,
    #[prop(into)] label: Signal<String>,
    #[prop(into)] testid: String,
) -> impl IntoView {
    let key = format!("{testid}-key");
    let values = format!("{testid}-values");
    let (rows, draw) = parts(data);
    let table = values_table(rows.clone(), LineChart::HEADS, lang, values);
    view! {
        {chart((rows, draw), LineChart::HEADS, LineChart::HEIGHT, lang, label, testid)}
        <LineChartKey data=data lang=lang testid=key />
        {table}
    }
}

/// The indicator chart's legend, outside the plot so that it never covers a point: only what
/// is drawn (actual values, targets, benchmark), then the status colours of the points shown.
/// Each mark is a CSS shape (`line`, `bar`, `dot`) in the colour of what it names.
#[component]
fn LineChartKey(data: Signal<LineChart>, lang: RwSignal<Lang>, testid: String) -> impl IntoView {
    let entries = move || {
        let l = lang.get();
        data.with(|d| {
            let has = |s: Status| d.actual.iter().any(|p| p.2 == s);
            let status = |s: Status, words: &str| {
                let text = format!("{}: {words}", T::Status.in_(l));
                ("status", "dot", draw::status_color(s), text)
            };
            let mut out = Vec::new();
            for (shown, kind, mark, color, name) in [
                (
                    !d.actual.is_empty(),
                    "actual",
                    "line",
                    draw::ACTUAL,
                    T::Actual,
                ),
                (
                    !d.targets.is_empty(),
                    "target",
                    "bar",
                    draw::TARGET,
                    T::Target,
                ),
                (
                    !d.benchmark.is_empty(),
                    "benchmark",
                    "tri",
                    draw::BENCH,
                    T::Benchmark,
                ),
            ] {
                if shown {
                    out.push((kind, mark, color, name.in_(l).to_string()));
                }
            }
            for s in [
                Status::Met,
                Status::Partial,
                Status::NotMet,
                Status::Baseline,
            ] {
                if has(s) {
                    out.push(status(s, s.label(l.is_en())));
                }
            }
            // n.d. and non attivo share one colour: one entry naming those present.
            let grey: Vec<&str> = [Status::NoData, Status::Inactive]
                .into_iter()
                .filter(|s| has(*s))
                .map(|s| s.label(l.is_en()))
                .collect();
            if !grey.is_empty() {
                out.push(status(Status::NoData, &grey.join(" / ")));
            }
            out
        })
    };
    view! {
        <ul class="chart-key" data-testid=testid>
            {move || {
                entries()
                    .into_iter()
                    .map(|(kind, mark, color, text)| {
                        let color = draw::css(color);
                        view! {
                            <li data-kind=kind data-color=color.clone()>
                                <span class=format!("chart-key-mark {mark}") style=format!("--c:{color}") aria-hidden="true"></span>
                                <span>{text}</span>
                            </li>
                        }
                    })
                    .collect_view()
            }}
        </ul>
    }
}

/// The objective chart: achievement per year as bars, and its table of values.
#[component]
pub fn BarChartCanvas(
    #[prop(into)] data: Signal<BarChart>,
    lang: RwSignal<Lang>,
    #[prop(into)] label: Signal<String>,
    #[prop(into)] testid: String,
) -> impl IntoView {
    let values = format!("{testid}-values");
    let (rows, draw) = parts(data);
    let table = values_table(rows.clone(), BarChart::HEADS, lang, values);
    view! {
        {chart((rows, draw), BarChart::HEADS, BarChart::HEIGHT, lang, label, testid)}
        {table}
    }
}

/// A chart's numbers as a table under it, one row per year, behind "Valori del grafico": the
/// same numbers as the chart's, read (and navigated) cell by cell.
fn values_table(
    rows: Rows,
    heads: &'static [T],
    lang: RwSignal<Lang>,
    testid: String,
) -> impl IntoView {
    view! {
        <details class="chart-values" data-testid=testid>
            <summary><Tr k=T::ChartValues /></summary>
            <div class="table-wrap">
                <table class="grid">
                    <thead>
                        <tr>{heads.iter().map(|k| view! { <th scope="col"><Tr k=*k /></th> }).collect_view()}</tr>
                    </thead>
                    <tbody>
                        {move || {
                            rows(lang.get())
                                .into_iter()
                                .map(|row| {
                                    let mut cells = row.into_iter();
                                    view! {
                                        <tr>
                                            <th scope="row">{cells.next()}</th>
                                            {cells.map(|c| view! { <td>{c}</td> }).collect_view()}
                                        </tr>
                                    }
                                })
                                .collect_view()
                        }}
                    </tbody>
                </table>
            </div>
        </details>
    }
}
