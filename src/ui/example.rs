//! "Dati di esempio": made-up actual values so that a new user sees statuses and roll-ups.
//! Clearly labelled: the plan gets a note with [`MARKER`], and the interface shows a badge.

use crate::eval::{Date, Datum};
use crate::plan::Plan;
use crate::ui::format;

pub const MARKER: &str = "DATI DI ESEMPIO: consuntivi inventati, solo per prova";

pub fn has_example(plan: &Plan) -> bool {
    plan.notes.iter().any(|n| n == MARKER)
}

/// A numeric threshold in a simple target (`>=80%` → 0.8, `<1` → 1, `3,5` → 3.5).
pub fn threshold(text: &str) -> Option<f64> {
    let t = text
        .trim()
        .trim_start_matches(['>', '<', '=', '≥', '≤', ' ']);
    format::parse_input(t).ok().flatten()
}

fn noise(code: &str, year: i32) -> f64 {
    // A small deterministic hash → 0..1.
    let mut h: u64 = 1469598103934665603;
    for b in code.bytes().chain(year.to_le_bytes()) {
        h ^= b as u64;
        h = h.wrapping_mul(1099511628211);
    }
    (h % 1000) as f64 / 1000.0
}

/// Fills the indicators' own values for every year with a target (made-up, deterministic).
pub fn apply(plan: &mut Plan) {
    let (first, last) = (plan.years.first, plan.years.last);
    for m in &mut plan.missions {
        for o in &mut m.objectives {
            for i in &mut o.indicators {
                let mut level = 50.0 + 50.0 * noise(&i.code, 0);
                for year in first..=last {
                    let Some(text) = i.targets.get(&year).and_then(|c| c.text.clone()) else {
                        continue;
                    };
                    let r = noise(&i.code, year);
                    let lower = text.contains('<');
                    if let Some(d) = Date::parse(&text) {
                        let day = if r < 0.7 {
                            d.day.saturating_sub(5).max(1)
                        } else {
                            d.day
                        };
                        let month = if r < 0.7 { d.month } else { (d.month % 12) + 1 };
                        let done = Date::new(d.year, month, day.min(28)).unwrap_or(d);
                        i.values.insert(year, Datum::Date(done));
                    } else if let Some(x) = threshold(&text) {
                        // Around the threshold: about two thirds on the good side.
                        let spread = if x.abs() < 1e-9 { 0.05 } else { x.abs() * 0.15 };
                        let good = r < 0.65;
                        let delta = spread * (0.2 + r);
                        let v = if good != lower { x + delta } else { x - delta };
                        let v = if text.contains('%') {
                            v.clamp(0.0, 1.0)
                        } else {
                            v
                        };
                        i.values
                            .insert(year, Datum::Number((v * 1000.0).round() / 1000.0));
                    } else {
                        // Relative targets (X < X-1, media cluster, baseline): a moving series.
                        level *= 0.9 + 0.2 * r;
                        i.values
                            .insert(year, Datum::Number((level * 100.0).round() / 100.0));
                        if text.contains("media") {
                            let bench = level * (0.9 + 0.2 * noise(&i.code, year + 7));
                            i.data
                                .entry("media_cluster".into())
                                .or_default()
                                .insert(year, Datum::Number((bench * 100.0).round() / 100.0));
                        }
                    }
                }
            }
        }
    }
    if !has_example(plan) {
        plan.notes.push(MARKER.to_string());
    }
}
