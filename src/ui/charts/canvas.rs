//! Canvas components: they fit their container's width and redraw when the data, the language,
//! the year being read or the window size change.

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

/// Draws a chart with a year marked; returns each year's x in canvas pixels.
type DrawFn =
    Box<dyn Fn(web_sys::HtmlCanvasElement, Lang, Option<i32>) -> Result<Vec<i32>, String>>;

/// A chart's years, rows and drawing.
type Parts = (Signal<Vec<i32>>, Signal<Vec<Vec<String>>>, DrawFn);

/// A chart's years and rows (as [`Chart`]), without its type: the view below is in the page once.
fn parts<C: Chart>(data: Signal<C>, lang: RwSignal<Lang>) -> Parts {
    (
        Signal::derive(move || data.with(|d| d.years().to_vec())),
        Signal::derive(move || data.with(|d| d.rows(lang.get()))),
        Box::new(move |c, l, f| data.with(|d| d.draw(c, l, f))),
    )
}

/// A chart people can read: the canvas, focusable, with the year being read (arrow keys, Home,
/// End; pointer hover or tap: the nearest year) marked on it and its values written next to
/// it, announced politely. One component for every chart ([`Chart`], [`parts`]).
fn chart(
    (years, rows, draw): Parts,
    heads: &'static [T],
    height: u32,
    lang: RwSignal<Lang>,
    label: Signal<String>,
    testid: String,
) -> impl IntoView {
    let canvas = NodeRef::<leptos::html::Canvas>::new();
    let tick = resize_ticks();
    let focus = RwSignal::new(None::<i32>);
    // Each year's x on the canvas, as last drawn.
    let xs = StoredValue::new(Vec::<i32>::new());
    Effect::new(move |_| {
        tick.track();
        let (lang, year) = (lang.get(), focus.get());
        let Some(c) = canvas.get() else { return };
        fit(&c, height);
        match draw(c, lang, year) {
            Ok(x) => xs.set_value(x),
            Err(e) => web_sys::console::warn_1(&format!("grafico: {e}").into()),
        }
    });
    let set = move |y: Option<i32>| {
        if y.is_some() && y != focus.get_untracked() {
            focus.set(y);
        }
    };
    let key = move |ev: web_sys::KeyboardEvent| {
        let years = years.get_untracked();
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
    };
    // The pointer (a mouse over it, a finger tapping it): the year nearest to it.
    let point = move |ev: web_sys::MouseEvent| {
        let Some(c) = canvas.get_untracked() else {
            return;
        };
        let x = ev.offset_x() as f64 * c.width() as f64 / c.client_width().max(1) as f64;
        let near = xs.with_value(|xs| {
            xs.iter()
                .zip(years.get_untracked())
                .min_by(|a, b| (*a.0 as f64 - x).abs().total_cmp(&(*b.0 as f64 - x).abs()))
                .map(|p| p.1)
        });
        set(near);
    };
    let readout = move || {
        let l = lang.get();
        let year = focus.get().map(|y| y.to_string());
        rows.with(|rows| {
            let row = rows.iter().find(|r| r.first() == year.as_ref())?;
            let parts: Vec<String> = heads[1..]
                .iter()
                .zip(&row[1..])
                .map(|(h, c)| format!("{}: {c}", h.in_(l)))
                .collect();
            Some(format!("{} — {}", row[0], parts.join("; ")))
        })
        .unwrap_or_else(|| T::ChartHint.in_(l).into())
    };
    let bound = move |last: bool| {
        years.with(|y| if last { y.last() } else { y.first() }.map(|y| y.to_string()))
    };
    view! {
        <div class="chart-box">
            <canvas
                node_ref=canvas
                tabindex="0"
                role="slider"
                aria-label=move || label.get()
                aria-valuemin=move || bound(false)
                aria-valuemax=move || bound(true)
                aria-valuenow=move || focus.get().map(|y| y.to_string()).or_else(|| bound(false))
                data-testid=testid.clone()
                on:keydown=key
                on:mousemove=point
                on:click=point
                on:focus=move |_| set(focus.get_untracked().or_else(|| years.with_untracked(|y| y.first().copied())))
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
    let (years, rows, draw) = parts(data, lang);
    view! {
        {chart((years, rows, draw), LineChart::HEADS, LineChart::HEIGHT, lang, label, testid)}
        <LineChartKey data=data lang=lang testid=key />
        {values_table(rows, LineChart::HEADS, values)}
    }
}

/// What a legend entry looks like: a short line, a bar, a marker.
#[derive(Clone, Copy)]
enum Mark {
    Line { dot: bool },
    Bar,
    Triangle,
    Dot,
}

fn swatch(mark: Mark, color: String) -> impl IntoView {
    let body = match mark {
        Mark::Line { dot } => view! {
            <line x1="1" y1="7" x2="23" y2="7" stroke=color.clone() stroke-width="2" />
            {dot.then(|| view! { <circle cx="12" cy="7" r="4" fill=color.clone() /> })}
        }
        .into_any(),
        Mark::Bar => {
            view! { <line x1="3" y1="7" x2="21" y2="7" stroke=color stroke-width="3" /> }.into_any()
        }
        Mark::Triangle => view! {
            <line x1="1" y1="7" x2="23" y2="7" stroke=color.clone() stroke-width="2" />
            <polygon points="12,2 17,11 7,11" fill=color />
        }
        .into_any(),
        Mark::Dot => view! { <circle cx="12" cy="7" r="5" fill=color /> }.into_any(),
    };
    view! { <svg class="chart-key-mark" width="24" height="14" viewBox="0 0 24 14" aria-hidden="true">{body}</svg> }
}

/// The indicator chart's legend, outside the plot so that it never covers a point: only what
/// is drawn (actual values, targets, benchmark), then the status colours of the points shown.
#[component]
fn LineChartKey(data: Signal<LineChart>, lang: RwSignal<Lang>, testid: String) -> impl IntoView {
    let entries = move || {
        let l = lang.get();
        data.with(|d| {
            let mut out: Vec<(&'static str, Mark, String, String)> = Vec::new();
            if !d.actual.is_empty() {
                out.push((
                    "actual",
                    Mark::Line { dot: false },
                    draw::css(draw::ACTUAL),
                    T::Actual.in_(l).into(),
                ));
            }
            if !d.targets.is_empty() {
                out.push((
                    "target",
                    Mark::Bar,
                    draw::css(draw::TARGET),
                    T::Target.in_(l).into(),
                ));
            }
            if !d.benchmark.is_empty() {
                out.push((
                    "benchmark",
                    Mark::Triangle,
                    draw::css(draw::BENCH),
                    T::Benchmark.in_(l).into(),
                ));
            }
            for s in [
                Status::Met,
                Status::Partial,
                Status::NotMet,
                Status::Baseline,
            ] {
                if d.actual.iter().any(|p| p.2 == s) {
                    let color = draw::css(draw::status_color(s));
                    out.push((
                        "status",
                        Mark::Dot,
                        color,
                        format!("{}: {}", T::Status.in_(l), s.label(l.is_en())),
                    ));
                }
            }
            // n.d. and non attivo share one colour: one entry naming those present.
            let grey: Vec<&str> = [Status::NoData, Status::Inactive]
                .into_iter()
                .filter(|s| d.actual.iter().any(|p| p.2 == *s))
                .map(|s| s.label(l.is_en()))
                .collect();
            if !grey.is_empty() {
                let color = draw::css(draw::status_color(Status::NoData));
                out.push((
                    "status",
                    Mark::Dot,
                    color,
                    format!("{}: {}", T::Status.in_(l), grey.join(" / ")),
                ));
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
                        let mark = swatch(mark, color.clone());
                        view! {
                            <li data-kind=kind data-color=color>
                                {mark}
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
    let (years, rows, draw) = parts(data, lang);
    view! {
        {chart((years, rows, draw), BarChart::HEADS, BarChart::HEIGHT, lang, label, testid)}
        {values_table(rows, BarChart::HEADS, values)}
    }
}

/// A chart's numbers as a table under it, one row per year, behind "Valori del grafico": the
/// same numbers as the chart's, read (and navigated) cell by cell.
fn values_table(
    rows: Signal<Vec<Vec<String>>>,
    heads: &'static [T],
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
                            rows.get()
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
