//! Canvas components: they fit their container's width and redraw when the data, the language or
//! the window size change.

use leptos::ev;
use leptos::prelude::*;

use super::draw::{self, BarChart, LineChart};
use crate::ui::i18n::Lang;

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

/// The indicator chart: actual line, target markers, benchmark line, status-coloured points.
#[component]
pub fn LineChartCanvas(
    #[prop(into)] data: Signal<LineChart>,
    lang: RwSignal<Lang>,
    #[prop(into)] label: Signal<String>,
    #[prop(into)] testid: String,
) -> impl IntoView {
    chart_canvas(data, lang, label, testid, 300, draw::draw_line)
}

/// The objective chart: achievement per year as bars.
#[component]
pub fn BarChartCanvas(
    #[prop(into)] data: Signal<BarChart>,
    lang: RwSignal<Lang>,
    #[prop(into)] label: Signal<String>,
    #[prop(into)] testid: String,
) -> impl IntoView {
    chart_canvas(data, lang, label, testid, 240, draw::draw_bars)
}
