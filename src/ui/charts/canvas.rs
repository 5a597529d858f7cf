//! Canvas components: they fit their container's width and redraw when the data, the language or
//! the window size change.

use leptos::ev;
use leptos::prelude::*;

use super::draw::{self, BarChart, LineChart};
use crate::eval::Status;
use crate::ui::format;
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

type Draw<T> = fn(web_sys::HtmlCanvasElement, &T, Lang) -> Result<(), String>;

/// A canvas that fits its container and redraws `data` with `draw` whenever it changes.
fn chart_canvas<T: Clone + Send + Sync + 'static>(
    data: Signal<T>,
    lang: RwSignal<Lang>,
    label: Signal<String>,
    testid: String,
    height: u32,
    draw: Draw<T>,
) -> impl IntoView {
    let canvas = NodeRef::<leptos::html::Canvas>::new();
    let tick = resize_ticks();
    Effect::new(move |_| {
        tick.track();
        let data = data.get();
        let lang = lang.get();
        let Some(c) = canvas.get() else { return };
        fit(&c, height);
        if let Err(e) = draw(c, &data, lang) {
            web_sys::console::warn_1(&format!("grafico: {e}").into());
        }
    });
    view! {
        <div class="chart-box">
            <canvas node_ref=canvas role="img" aria-label=move || label.get() data-testid=testid></canvas>
        </div>
    }
}

/// The indicator chart: actual line, target markers, benchmark line, status-coloured points;
/// its legend under it, in HTML.
#[component]
pub fn LineChartCanvas(
    #[prop(into)] data: Signal<LineChart>,
    lang: RwSignal<Lang>,
    #[prop(into)] label: Signal<String>,
    #[prop(into)] testid: String,
) -> impl IntoView {
    let key = format!("{testid}-key");
    let values = format!("{testid}-values");
    view! {
        {chart_canvas(data, lang, label, testid, 300, draw::draw_line)}
        <LineChartKey data=data lang=lang testid=key />
        <LineChartValues data=data lang=lang testid=values />
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

/// The objective chart: achievement per year as bars.
#[component]
pub fn BarChartCanvas(
    #[prop(into)] data: Signal<BarChart>,
    lang: RwSignal<Lang>,
    #[prop(into)] label: Signal<String>,
    #[prop(into)] testid: String,
) -> impl IntoView {
    let values = format!("{testid}-values");
    view! {
        {chart_canvas(data, lang, label, testid, 240, draw::draw_bars)}
        <BarChartValues data=data lang=lang testid=values />
    }
}

/// A chart's numbers as a table under it, one row per year: the canvas is a single image for
/// screen readers and the keyboard, the table reads (and can be navigated) cell by cell.
fn values_table(
    testid: String,
    heads: Vec<T>,
    rows: impl Fn() -> Vec<Vec<String>> + Send + Sync + 'static,
) -> impl IntoView {
    view! {
        <details class="chart-values" data-testid=testid>
            <summary><Tr k=T::ChartValues /></summary>
            <div class="table-wrap">
                <table class="grid">
                    <thead>
                        <tr>{heads.into_iter().map(|k| view! { <th scope="col"><Tr k=k /></th> }).collect_view()}</tr>
                    </thead>
                    <tbody>
                        {move || {
                            rows()
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

#[component]
fn LineChartValues(data: Signal<LineChart>, lang: RwSignal<Lang>, testid: String) -> impl IntoView {
    let rows = move || {
        let l = lang.get();
        data.with(|d| {
            let show = |x: f64| {
                if d.percent {
                    format::percent_of_ratio(x, l)
                } else {
                    format::num(x, l)
                }
            };
            let dash = || "—".to_string();
            // Years are the plan's few columns: a search per year costs nothing.
            d.years
                .iter()
                .map(|y| {
                    let actual = d.actual.iter().find(|p| p.0 == *y);
                    let targets: Vec<String> = d
                        .targets
                        .iter()
                        .filter(|t| t.0 == *y)
                        .map(|t| show(t.1))
                        .collect();
                    vec![
                        y.to_string(),
                        actual.map_or_else(|| crate::eval::no_data(l).into(), |a| show(a.1)),
                        actual
                            .map(|a| a.2.label(l.is_en()).to_string())
                            .unwrap_or_else(dash),
                        if targets.is_empty() {
                            dash()
                        } else {
                            targets.join(" – ")
                        },
                        d.benchmark
                            .iter()
                            .find(|b| b.0 == *y)
                            .map(|b| show(b.1))
                            .unwrap_or_else(dash),
                    ]
                })
                .collect()
        })
    };
    values_table(
        testid,
        vec![T::Year, T::Actual, T::Status, T::Target, T::Benchmark],
        rows,
    )
}

#[component]
fn BarChartValues(data: Signal<BarChart>, lang: RwSignal<Lang>, testid: String) -> impl IntoView {
    let rows = move || {
        let l = lang.get();
        data.with(|d| {
            d.years
                .iter()
                .map(|y| {
                    let score = d.scores.iter().find(|s| s.0 == *y);
                    vec![
                        y.to_string(),
                        score.map_or_else(
                            || crate::eval::no_data(l).into(),
                            |s| format::score(s.1, l),
                        ),
                        score
                            .map(|s| draw::bar_status(s.1).label(l.is_en()).to_string())
                            .unwrap_or_else(|| "—".into()),
                    ]
                })
                .collect()
        })
    };
    values_table(testid, vec![T::Year, T::Achievement, T::Status], rows)
}
