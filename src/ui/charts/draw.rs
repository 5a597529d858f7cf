//! Drawing on a canvas with plotters: the indicator chart (actual line, target markers, benchmark
//! line, points coloured by status) and the objective chart (achievement bars per year).
//!
//! The indicator chart's legend is HTML under the canvas (`canvas.rs`, same colours and
//! markers): drawn inside the plot it covered the last points. The canvas records where it drew
//! each point and each target (`data-points`, `data-targets`: `x,y,#rrggbb` separated by `;`,
//! in canvas pixels), for the assistive text and the end-to-end tests.

use plotters::prelude::*;
use plotters_canvas::CanvasBackend;

use crate::eval::Status;
use crate::ui::format;
use crate::ui::i18n::Lang;

/// What the indicator chart shows.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct LineChart {
    pub years: Vec<i32>,
    /// Actual value per year and its status.
    pub actual: Vec<(i32, f64, Status)>,
    /// The numeric thresholds per year (none, one, or two for a range), see `Plan::thresholds`.
    pub targets: Vec<(i32, f64)>,
    pub benchmark: Vec<(i32, f64)>,
    /// Show values ×100 with a `%` (ratios).
    pub percent: bool,
}

/// What the objective chart shows: achievement 0–100 per year.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct BarChart {
    pub years: Vec<i32>,
    pub scores: Vec<(i32, f64)>,
}

pub fn status_color(status: Status) -> RGBColor {
    match status {
        Status::Met => RGBColor(0x1b, 0x7a, 0x3a),
        Status::Partial => RGBColor(0x9e, 0x64, 0x00), // 4.9:1 on white (docs/accessibility.md)
        Status::NotMet => RGBColor(0xb3, 0x26, 0x1e),
        Status::Baseline => RGBColor(0x1f, 0x5f, 0xa8),
        Status::NoData | Status::Inactive => RGBColor(0x6b, 0x72, 0x80),
    }
}

/// The status a bar of the objective chart is coloured by (named in its table of values).
pub fn bar_status(score: f64) -> Status {
    if score >= 100.0 - 1e-9 {
        Status::Met
    } else if score > 0.0 {
        Status::Partial
    } else {
        Status::NotMet
    }
}

pub const ACTUAL: RGBColor = RGBColor(0x1d, 0x24, 0x30);
pub const TARGET: RGBColor = RGBColor(0xb3, 0x26, 0x1e);
pub const BENCH: RGBColor = RGBColor(0x1f, 0x5f, 0xa8);

/// The colour as CSS (`#rrggbb`), for the HTML legend and the recorded positions.
pub fn css(c: RGBColor) -> String {
    format!("#{:02x}{:02x}{:02x}", c.0, c.1, c.2)
}

/// Positions in canvas pixels with their colour: `x,y,#rrggbb;…`.
fn positions(points: &[((i32, i32), RGBColor)]) -> String {
    points
        .iter()
        .map(|((x, y), c)| format!("{x},{y},{}", css(*c)))
        .collect::<Vec<_>>()
        .join(";")
}

fn x_range(years: &[i32]) -> (f64, f64) {
    let first = years.iter().min().copied().unwrap_or(2016) as f64;
    let last = years.iter().max().copied().unwrap_or(2021) as f64;
    (first - 0.5, last + 0.5)
}

fn year_label(x: &f64) -> String {
    if (x - x.round()).abs() < 1e-6 {
        format!("{:.0}", x)
    } else {
        String::new()
    }
}

/// The canvas as a white drawing area.
fn blank(
    canvas: web_sys::HtmlCanvasElement,
) -> Result<DrawingArea<CanvasBackend, plotters::coord::Shift>, String> {
    let root = CanvasBackend::with_canvas_object(canvas)
        .ok_or("canvas non disponibile")?
        .into_drawing_area();
    root.fill(&WHITE).map_err(|e| e.to_string())?;
    Ok(root)
}

/// Draws the indicator chart; errors are returned as text, never a panic.
pub fn draw_line(
    canvas: web_sys::HtmlCanvasElement,
    data: &LineChart,
    lang: Lang,
) -> Result<(), String> {
    let element = canvas.clone();
    let root = blank(canvas)?;
    let scale = if data.percent { 100.0 } else { 1.0 };
    let all: Vec<f64> = data
        .actual
        .iter()
        .map(|p| p.1)
        .chain(data.targets.iter().map(|p| p.1))
        .chain(data.benchmark.iter().map(|p| p.1))
        .map(|v| v * scale)
        .filter(|v| v.is_finite())
        .collect();
    let (mut lo, mut hi) = all
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
            (lo.min(*v), hi.max(*v))
        });
    if !lo.is_finite() {
        lo = 0.0;
        hi = 1.0;
    }
    if lo > 0.0 {
        lo = 0.0;
    }
    if (hi - lo).abs() < 1e-9 {
        hi = lo + 1.0;
    }
    let pad = (hi - lo) * 0.1;
    let (x0, x1) = x_range(&data.years);
    let mut chart = ChartBuilder::on(&root)
        .margin(12)
        .x_label_area_size(28)
        .y_label_area_size(56)
        .build_cartesian_2d(x0..x1, (lo - if lo < 0.0 { pad } else { 0.0 })..(hi + pad))
        .map_err(|e| e.to_string())?;
    let percent = data.percent;
    let y_fmt = move |y: &f64| {
        let text = format::number(*y, lang, 2);
        if percent {
            format!("{text} %")
        } else {
            text
        }
    };
    chart
        .configure_mesh()
        .x_labels(data.years.len().max(2))
        .x_label_formatter(&year_label)
        .y_label_formatter(&y_fmt)
        .light_line_style(RGBColor(0xee, 0xee, 0xee))
        .draw()
        .map_err(|e| e.to_string())?;
    // Benchmark: dashed-looking thin line.
    if !data.benchmark.is_empty() {
        chart
            .draw_series(LineSeries::new(
                data.benchmark.iter().map(|(y, v)| (*y as f64, v * scale)),
                BENCH.stroke_width(2),
            ))
            .map_err(|e| e.to_string())?;
        chart
            .draw_series(
                data.benchmark
                    .iter()
                    .map(|(y, v)| TriangleMarker::new((*y as f64, v * scale), 5, BENCH.filled())),
            )
            .map_err(|e| e.to_string())?;
    }
    // Targets: a short horizontal bar per year.
    chart
        .draw_series(data.targets.iter().map(|(y, v)| {
            let x = *y as f64;
            PathElement::new(
                vec![(x - 0.3, v * scale), (x + 0.3, v * scale)],
                TARGET.stroke_width(3),
            )
        }))
        .map_err(|e| e.to_string())?;
    // Actual values: a line and points coloured by status.
    chart
        .draw_series(LineSeries::new(
            data.actual.iter().map(|(y, v, _)| (*y as f64, v * scale)),
            ACTUAL.stroke_width(2),
        ))
        .map_err(|e| e.to_string())?;
    chart
        .draw_series(
            data.actual
                .iter()
                .map(|(y, v, s)| Circle::new((*y as f64, v * scale), 6, status_color(*s).filled())),
        )
        .map_err(|e| e.to_string())?;
    root.present().map_err(|e| e.to_string())?;
    // Where the points and the targets are (a target: on its bar, clear of the point).
    let points: Vec<_> = data
        .actual
        .iter()
        .map(|(y, v, s)| {
            (
                chart.backend_coord(&(*y as f64, v * scale)),
                status_color(*s),
            )
        })
        .collect();
    let targets: Vec<_> = data
        .targets
        .iter()
        .map(|(y, v)| (chart.backend_coord(&(*y as f64 + 0.22, v * scale)), TARGET))
        .collect();
    let _ = element.set_attribute("data-points", &positions(&points));
    let _ = element.set_attribute("data-targets", &positions(&targets));
    Ok(())
}

/// Draws the objective chart: one bar per year, 0–100 %.
pub fn draw_bars(
    canvas: web_sys::HtmlCanvasElement,
    data: &BarChart,
    lang: Lang,
) -> Result<(), String> {
    let root = blank(canvas)?;
    let (x0, x1) = x_range(&data.years);
    let mut chart = ChartBuilder::on(&root)
        .margin(12)
        .x_label_area_size(28)
        .y_label_area_size(56)
        .build_cartesian_2d(x0..x1, 0.0..105.0)
        .map_err(|e| e.to_string())?;
    let y_fmt = move |y: &f64| format::score(*y, lang);
    chart
        .configure_mesh()
        .x_labels(data.years.len().max(2))
        .x_label_formatter(&year_label)
        .y_label_formatter(&y_fmt)
        .light_line_style(RGBColor(0xee, 0xee, 0xee))
        .draw()
        .map_err(|e| e.to_string())?;
    chart
        .draw_series(data.scores.iter().map(|(y, s)| {
            let x = *y as f64;
            let color = status_color(bar_status(*s));
            Rectangle::new(
                [(x - 0.3, 0.0), (x + 0.3, s.clamp(0.0, 100.0))],
                color.filled(),
            )
        }))
        .map_err(|e| e.to_string())?;
    root.present().map_err(|e| e.to_string())?;
    Ok(())
}
