//! Drawing on a canvas with plotters: the indicator chart (actual line, target markers, benchmark
//! line, points coloured by status) and the objective chart (achievement bars per year), on one
//! frame (`frame`: axis titles with the unit, numbers in the page's format, a few pale lines).
//! Each chart is a [`Chart`]: its years, its numbers per year (the table of values and the
//! readout of the year being read, `canvas.rs`) and its drawing.
//!
//! The indicator chart's legend is HTML under the canvas (`canvas.rs`, same colours and
//! markers): drawn inside the plot it covered the last points. The canvas records where it drew
//! each point and each target (`data-points`, `data-targets`: `x,y,#rrggbb` separated by `;`,
//! in canvas pixels), for the assistive text and the end-to-end tests.

use std::ops::Range;

use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;

use crate::eval::Status;
use crate::ui::format;
use crate::ui::i18n::{Lang, T};

/// What the generic chart component (`canvas::chart`) needs of a chart.
pub trait Chart: Clone + PartialEq + Send + Sync + 'static {
    /// The canvas height on a wide screen (4/5 of it on a narrow one).
    const HEIGHT: u32;
    /// The heads of the table of values, the year first.
    const HEADS: &'static [T];
    /// One row per year of [`Chart::years`], the year first, numbers in the page's format.
    fn rows(&self, lang: Lang) -> Vec<Vec<String>>;
    /// Draws the chart.
    fn draw(&self, canvas: web_sys::HtmlCanvasElement, lang: Lang) -> Result<(), String>;
}

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
    /// The indicator's unit as the plan writes it (`giorni`, `€`, `numero`…), on the y axis.
    pub unit: Option<String>,
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

fn err(e: impl std::fmt::Display) -> String {
    e.to_string()
}

const MARGIN: u32 = 12;
const Y_LABELS: u32 = 76;

type Area = DrawingArea<CanvasBackend, plotters::coord::Shift>;
type Plot<'a> = ChartContext<'a, CanvasBackend, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// The canvas as a white drawing area.
fn blank(canvas: web_sys::HtmlCanvasElement) -> Result<Area, String> {
    let root = CanvasBackend::with_canvas_object(canvas)
        .ok_or("canvas non disponibile")?
        .into_drawing_area();
    root.fill(&WHITE).map_err(err)?;
    Ok(root)
}

/// The frame both charts share: years along x, `y` up with a few pale lines across, both axes
/// titled.
fn frame<'a>(
    root: &'a Area,
    years: &[i32],
    y: Range<f64>,
    y_desc: &str,
    y_fmt: &dyn Fn(&f64) -> String,
    lang: Lang,
) -> Result<Plot<'a>, String> {
    let (x0, x1) = x_range(years);
    let mut chart = ChartBuilder::on(root)
        .margin(MARGIN)
        .x_label_area_size(44)
        .y_label_area_size(Y_LABELS)
        .build_cartesian_2d(x0..x1, y)
        .map_err(err)?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .max_light_lines(0)
        .bold_line_style(RGBColor(0xe3, 0xe6, 0xea))
        .y_labels(6)
        .x_labels(years.len().max(2))
        .x_label_formatter(&year_label)
        .y_label_formatter(y_fmt)
        .x_desc(T::Year.in_(lang))
        .y_desc(y_desc)
        .axis_desc_style(("sans-serif", 14))
        .draw()
        .map_err(err)?;
    Ok(chart)
}

/// The year under `x` (canvas pixels) on a canvas `width` wide, as its index among `n`: the
/// years share the plot's width equally (`x_range`), between `frame`'s margin and label area.
pub fn year_at(x: f64, width: f64, n: usize) -> usize {
    let (left, right) = (MARGIN + Y_LABELS, MARGIN);
    let step = (width - (left + right) as f64) / n.max(1) as f64;
    (((x - left as f64) / step).max(0.0) as usize).min(n.saturating_sub(1))
}

/// "n.d." ("no data") for a year without a value, "—" for a cell with nothing to show.
fn or_nd(v: Option<String>, lang: Lang) -> String {
    v.unwrap_or_else(|| crate::eval::no_data(lang).into())
}
fn or_dash(v: Option<String>) -> String {
    v.unwrap_or_else(|| "—".into())
}

impl LineChart {
    fn show(&self, x: f64, lang: Lang) -> String {
        if self.percent {
            format::percent_of_ratio(x, lang)
        } else {
            format::num(x, lang)
        }
    }
}

impl Chart for LineChart {
    const HEIGHT: u32 = 300;
    const HEADS: &'static [T] = &[T::Year, T::Actual, T::Status, T::Target, T::Benchmark];

    fn rows(&self, l: Lang) -> Vec<Vec<String>> {
        // Years are the plan's few columns: a search per year costs nothing.
        self.years
            .iter()
            .map(|y| {
                let actual = self.actual.iter().find(|p| p.0 == *y);
                let targets: Vec<String> = self
                    .targets
                    .iter()
                    .filter(|t| t.0 == *y)
                    .map(|t| self.show(t.1, l))
                    .collect();
                vec![
                    y.to_string(),
                    or_nd(actual.map(|a| self.show(a.1, l)), l),
                    or_dash(actual.map(|a| a.2.label(l.is_en()).to_string())),
                    or_dash((!targets.is_empty()).then(|| targets.join(" – "))),
                    or_dash(
                        self.benchmark
                            .iter()
                            .find(|b| b.0 == *y)
                            .map(|b| self.show(b.1, l)),
                    ),
                ]
            })
            .collect()
    }

    fn draw(&self, canvas: web_sys::HtmlCanvasElement, lang: Lang) -> Result<(), String> {
        let data = self;
        let element = canvas.clone();
        let root = blank(canvas)?;
        let scale = if data.percent { 100.0 } else { 1.0 };
        let (mut lo, mut hi) = data
            .actual
            .iter()
            .map(|p| p.1)
            .chain(data.targets.iter().map(|p| p.1))
            .chain(data.benchmark.iter().map(|p| p.1))
            .map(|v| v * scale)
            .filter(|v| v.is_finite())
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
                (lo.min(v), hi.max(v))
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
        let percent = data.percent;
        let y_fmt = move |y: &f64| {
            let text = format::number(*y, lang, 2);
            if percent {
                format!("{text} %")
            } else {
                text
            }
        };
        let unit = if percent {
            Some("%")
        } else {
            data.unit.as_deref()
        };
        let y_desc = match unit.map(str::trim).filter(|u| !u.is_empty()) {
            Some(u) => format!("{} ({u})", T::Value.in_(lang)),
            None => T::Value.in_(lang).to_string(),
        };
        let mut chart = frame(
            &root,
            &data.years,
            (lo - if lo < 0.0 { pad } else { 0.0 })..(hi + pad),
            &y_desc,
            &y_fmt,
            lang,
        )?;
        // Benchmark: a thin line with triangles.
        if !data.benchmark.is_empty() {
            chart
                .draw_series(LineSeries::new(
                    data.benchmark.iter().map(|(y, v)| (*y as f64, v * scale)),
                    BENCH.stroke_width(2),
                ))
                .map_err(err)?;
            chart
                .draw_series(
                    data.benchmark.iter().map(|(y, v)| {
                        TriangleMarker::new((*y as f64, v * scale), 5, BENCH.filled())
                    }),
                )
                .map_err(err)?;
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
            .map_err(err)?;
        // Actual values: a line and points coloured by status.
        chart
            .draw_series(LineSeries::new(
                data.actual.iter().map(|(y, v, _)| (*y as f64, v * scale)),
                ACTUAL.stroke_width(2),
            ))
            .map_err(err)?;
        chart
            .draw_series(
                data.actual.iter().map(|(y, v, s)| {
                    Circle::new((*y as f64, v * scale), 6, status_color(*s).filled())
                }),
            )
            .map_err(err)?;
        root.present().map_err(err)?;
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
}

impl Chart for BarChart {
    const HEIGHT: u32 = 240;
    const HEADS: &'static [T] = &[T::Year, T::Achievement, T::Status];

    fn rows(&self, l: Lang) -> Vec<Vec<String>> {
        self.years
            .iter()
            .map(|y| {
                let score = self.scores.iter().find(|s| s.0 == *y);
                vec![
                    y.to_string(),
                    or_nd(score.map(|s| format::score(s.1, l)), l),
                    or_dash(score.map(|s| bar_status(s.1).label(l.is_en()).to_string())),
                ]
            })
            .collect()
    }

    /// One bar per year, 0–100 %.
    fn draw(&self, canvas: web_sys::HtmlCanvasElement, lang: Lang) -> Result<(), String> {
        let root = blank(canvas)?;
        let y_fmt = move |y: &f64| format::score(*y, lang);
        let mut chart = frame(
            &root,
            &self.years,
            0.0..105.0,
            T::AchievementAxis.in_(lang),
            &y_fmt,
            lang,
        )?;
        chart
            .draw_series(self.scores.iter().map(|(y, s)| {
                let x = *y as f64;
                let color = status_color(bar_status(*s));
                Rectangle::new(
                    [(x - 0.3, 0.0), (x + 0.3, s.clamp(0.0, 100.0))],
                    color.filled(),
                )
            }))
            .map_err(err)?;
        root.present().map_err(err)
    }
}
