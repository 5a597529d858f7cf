//! "Dati di esempio": the default plan with invented actual values, so that a new user sees the
//! dashboard at work. Clearly labelled in its title and first note; never mixed with the real
//! (empty) default plan. Values are deterministic (a hash of indicator, measure and year).

use crate::eval::{Data, Date, Datum, Polarity, Series};
use crate::lang::{parse_formula, BENCHMARK_SERIES};

use super::default::default_plan;
use super::model::{Indicator, Plan};

/// Title of the example plan: says that its data are invented.
pub const EXAMPLE_TITLE: &str = "Piano con dati di esempio (valori inventati)";

/// The default plan with invented actual values for every indicator that has a formula.
pub fn example_plan() -> Plan {
    let mut plan = default_plan();
    plan.title = EXAMPLE_TITLE.to_string();
    plan.notes.insert(
        0,
        "DATI DI ESEMPIO: i valori consuntivi di questo piano sono inventati per mostrare il \
         cruscotto al lavoro; non sono dati della Camera di Commercio. Il piano predefinito \
         (la trascrizione della fonte) non ha valori."
            .to_string(),
    );
    let (first, last) = (plan.years.first - 5, plan.years.last);
    for mission in &mut plan.missions {
        for objective in &mut mission.objectives {
            for indicator in &mut objective.indicators {
                indicator.data = example_data(indicator, first, last);
            }
        }
    }
    plan
}

/// Invented series for the measures of `indicator`'s formula (and its benchmark if a target
/// uses one), years `first..=last`.
fn example_data(indicator: &Indicator, first: i32, last: i32) -> Data {
    let mut data = Data::new();
    let Some(formula) = indicator.formula.as_deref() else {
        return data;
    };
    let Ok(parsed) = parse_formula(formula) else {
        return data;
    };
    let measures = parsed.measures();
    let unit = indicator.unit.as_deref().unwrap_or("");
    // "a / b" with plain names: the denominator drives the numerator (shares stay plausible).
    let simple_ratio = formula
        .split_once(" / ")
        .filter(|(a, b)| !a.contains(['(', '[']) && !b.contains(['(', '[', ' ']))
        .map(|(a, b)| (a.trim().to_string(), b.trim().to_string()));
    for name in &measures {
        let mut series = Series::new();
        for year in first..=last {
            let r = noise(&indicator.code, name, year);
            let value = if name.starts_with("data_") {
                // A completion date around the end of the year, sometimes late.
                let day = 1 + (r * 45.0) as u32;
                let date = if day <= 31 {
                    Date::new(year, 12, day as u8)
                } else {
                    Date::new(year + 1, 1, (day - 31) as u8)
                };
                match date {
                    Some(d) => Datum::Date(d),
                    None => continue,
                }
            } else {
                Datum::Number(number(indicator, unit, name, &simple_ratio, year, r))
            };
            series.insert(year, value);
        }
        data.insert(name.clone(), series);
    }
    let uses_benchmark = indicator
        .targets
        .values()
        .filter_map(|c| c.text.as_deref())
        .any(|t| t.contains("media"));
    if uses_benchmark {
        let level = if unit == "%" { 0.8 } else { 3.5 };
        let series = (first..=last)
            .map(|y| {
                (
                    y,
                    Datum::Number(level + 0.05 * noise("cluster", &indicator.code, y)),
                )
            })
            .collect();
        data.insert(BENCHMARK_SERIES.to_string(), series);
    }
    data
}

fn number(
    indicator: &Indicator,
    unit: &str,
    name: &str,
    simple_ratio: &Option<(String, String)>,
    year: i32,
    r: f64,
) -> f64 {
    let round = |x: f64, digits: i32| {
        let f = 10f64.powi(digits);
        (x * f).round() / f
    };
    if let Some((num, den)) = simple_ratio {
        let base = round(100.0 + 100.0 * noise(&indicator.code, den, year), 0);
        if name == den {
            return base;
        }
        if name == num {
            let share = match (unit, indicator.polarity) {
                (_, Polarity::Lower) if name.starts_with("giorni") => -25.0 + 30.0 * r,
                ("%", Polarity::Lower) => 0.3 * r,
                ("%", Polarity::Higher) => 0.55 + 0.5 * r,
                _ => 0.8 + 0.4 * r,
            };
            return round(base * share, 0);
        }
    }
    // In a composite share like `(a + b) / c`, the divisor is about the size of the numerator.
    let divisor = indicator
        .formula
        .as_deref()
        .and_then(|f| f.rsplit_once(" / "))
        .is_some_and(|(_, d)| d.contains(name));
    match unit {
        "%" if divisor => round(2.0 * (0.6 + 0.45 * r), 3),
        "%" => round(0.6 + 0.45 * r, 3),
        "punteggio medio" => round(2.8 + 1.4 * r, 1),
        "giorni" => round(1.0 + 5.0 * r, 1),
        "numero" => round(5.0 + 10.0 * r, 0),
        // Yearly series compared with earlier years: a slow trend with noise.
        _ => round(100.0 * 1.03f64.powi(year - 2010) * (0.88 + 0.24 * r), 0),
    }
}

/// A number in [0, 1) from the names and the year (FNV-1a, then a splitmix step).
fn noise(a: &str, b: &str, year: i32) -> f64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in a
        .bytes()
        .chain([0])
        .chain(b.bytes())
        .chain(year.to_le_bytes())
    {
        h ^= u64::from(byte);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    // MurmurHash3's finalizer: similar names and adjacent years give unrelated numbers.
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^= h >> 33;
    (h >> 11) as f64 / (1u64 << 53) as f64
}
