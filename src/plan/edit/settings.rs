//! Plan settings: title, body (ente), years, and what new indicators start with.
//!
//! Changing the years never drops a target or an actual silently: [`years_outside`] lists what
//! would fall outside the new years, and [`set_years`] refuses while anything does unless the
//! caller says, after showing that list, to drop it.

use super::super::model::{IndicatorDefaults, Plan, YearRange};
use super::super::validate::{DATA_LOOKBACK, YEAR_MAX, YEAR_MIN};
use super::{non_empty, Change, Refusal};
use crate::eval::Polarity;

pub fn set_title(plan: &mut Plan, title: &str) -> Change {
    plan.title = non_empty(title, "il titolo", "the title")?;
    Ok(())
}

/// The public body (ente); may be empty while the office has not written it.
pub fn set_body(plan: &mut Plan, body: &str) -> Change {
    plan.body = body.trim().to_string();
    Ok(())
}

pub fn set_defaults(plan: &mut Plan, unit: Option<&str>, polarity: Polarity) -> Change {
    plan.defaults = IndicatorDefaults {
        unit: unit
            .map(str::trim)
            .filter(|u| !u.is_empty())
            .map(str::to_string),
        polarity,
        // The plan's notation of numbers is not an indicator default the page edits here.
        numbers: plan.defaults.numbers,
    };
    Ok(())
}

/// Something of the plan that lies outside a new range of years.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outside {
    Target {
        indicator: String,
        year: i32,
    },
    /// A datum: the indicator's own value (`series` = `None`) or a measure's.
    Actual {
        indicator: String,
        series: Option<String>,
        year: i32,
    },
    /// An objective whose first year is outside: it would start with the plan instead.
    ObjectiveStart {
        objective: u32,
        year: i32,
    },
}

impl Outside {
    /// One line for a person: "indicatore 1.2, target 2024".
    pub fn describe(&self, en: bool) -> String {
        match (self, en) {
            (Outside::Target { indicator, year }, false) => {
                format!("indicatore {indicator}, target {year}")
            }
            (Outside::Target { indicator, year }, true) => {
                format!("indicator {indicator}, target {year}")
            }
            (
                Outside::Actual {
                    indicator,
                    series,
                    year,
                },
                en,
            ) => {
                let (ind, value) = if en {
                    ("indicator", "value")
                } else {
                    ("indicatore", "valore")
                };
                match series {
                    Some(s) => format!("{ind} {indicator}, {s} {year}"),
                    None => format!("{ind} {indicator}, {value} {year}"),
                }
            }
            (Outside::ObjectiveStart { objective, year }, false) => {
                format!("obiettivo {objective}, primo anno {year}")
            }
            (Outside::ObjectiveStart { objective, year }, true) => {
                format!("objective {objective}, first year {year}")
            }
        }
    }
}

/// Checks a range of years by itself (the same bounds as validation).
fn check_range(first: i32, last: i32) -> Change {
    if first > last {
        return Err(Refusal::new(
            format!("il primo anno ({first}) viene dopo l'ultimo ({last})"),
            format!("the first year ({first}) comes after the last ({last})"),
        ));
    }
    if !(YEAR_MIN..=YEAR_MAX).contains(&first) || !(YEAR_MIN..=YEAR_MAX).contains(&last) {
        return Err(Refusal::new(
            format!("anni {first}–{last} fuori dall'intervallo ammesso ({YEAR_MIN}–{YEAR_MAX})"),
            format!("years {first}–{last} outside the allowed range ({YEAR_MIN}–{YEAR_MAX})"),
        ));
    }
    Ok(())
}

/// What would fall outside the years `first`–`last`: targets outside them, actuals after the
/// last year or more than 20 years before the first (the look-back of `x-1` references), and
/// objectives starting outside them. In dashboard order.
pub fn years_outside(plan: &Plan, first: i32, last: i32) -> Vec<Outside> {
    let mut out = Vec::new();
    let target_out = |y: i32| y < first || y > last;
    let datum_out = |y: i32| y < first - DATA_LOOKBACK || y > last;
    for mission in &plan.missions {
        for objective in &mission.objectives {
            if let Some(y) = objective.first_year.filter(|y| target_out(*y)) {
                out.push(Outside::ObjectiveStart {
                    objective: objective.number,
                    year: y,
                });
            }
            for ind in &objective.indicators {
                for year in ind.targets.keys().copied().filter(|y| target_out(*y)) {
                    out.push(Outside::Target {
                        indicator: ind.code.clone(),
                        year,
                    });
                }
                for year in ind.values.keys().copied().filter(|y| datum_out(*y)) {
                    out.push(Outside::Actual {
                        indicator: ind.code.clone(),
                        series: None,
                        year,
                    });
                }
                for (name, series) in ind.data.iter() {
                    for year in series.keys().copied().filter(|y| datum_out(*y)) {
                        out.push(Outside::Actual {
                            indicator: ind.code.clone(),
                            series: Some(name.clone()),
                            year,
                        });
                    }
                }
            }
        }
    }
    out
}

/// Sets the plan's years. While something lies outside them ([`years_outside`]) the change is
/// refused, listing it, unless `drop_outside`: then those targets and actuals are removed and
/// objectives starting outside start with the plan.
pub fn set_years(plan: &mut Plan, first: i32, last: i32, drop_outside: bool) -> Change {
    check_range(first, last)?;
    let outside = years_outside(plan, first, last);
    if !outside.is_empty() && !drop_outside {
        const SHOWN: usize = 5;
        let list = |en: bool| {
            let mut text = outside
                .iter()
                .take(SHOWN)
                .map(|o| o.describe(en))
                .collect::<Vec<_>>()
                .join("; ");
            if outside.len() > SHOWN {
                text.push_str(&format!(" (+{})", outside.len() - SHOWN));
            }
            text
        };
        return Err(Refusal::new(
            format!(
                "{} elementi cadrebbero fuori dagli anni {first}–{last}: {}",
                outside.len(),
                list(false)
            ),
            format!(
                "{} items would fall outside the years {first}–{last}: {}",
                outside.len(),
                list(true)
            ),
        ));
    }
    let target_in = |y: &i32| *y >= first && *y <= last;
    let datum_in = |y: &i32| *y >= first - DATA_LOOKBACK && *y <= last;
    for objective in plan
        .missions
        .iter_mut()
        .flat_map(|m| m.objectives.iter_mut())
    {
        if objective
            .first_year
            .is_some_and(|y| !target_in(&y) || y == first)
        {
            objective.first_year = None;
        }
        for ind in &mut objective.indicators {
            ind.targets = std::mem::take(&mut ind.targets)
                .into_iter()
                .filter(|(y, _)| target_in(y))
                .collect();
            ind.values = std::mem::take(&mut ind.values)
                .into_iter()
                .filter(|(y, _)| datum_in(y))
                .collect();
            for series in ind.data.values_mut() {
                *series = std::mem::take(series)
                    .into_iter()
                    .filter(|(y, _)| datum_in(y))
                    .collect();
            }
        }
    }
    plan.years = YearRange { first, last };
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::apply;
    use super::*;
    use crate::plan::default_plan;

    #[test]
    fn shortening_lists_what_falls_outside_and_changes_nothing_until_told() {
        let mut plan = default_plan();
        let before = plan.clone();
        let outside = years_outside(&plan, 2016, 2019);
        assert!(outside
            .iter()
            .any(|o| matches!(o, Outside::Target { year: 2020, .. })));
        let refused = apply(&mut plan, |p| set_years(p, 2016, 2019, false)).unwrap_err();
        assert!(
            refused.it.contains("fuori dagli anni 2016–2019"),
            "{refused}"
        );
        assert_eq!(plan, before);
        apply(&mut plan, |p| set_years(p, 2016, 2019, true)).unwrap();
        assert_eq!((plan.years.first, plan.years.last), (2016, 2019));
        assert!(years_outside(&plan, 2016, 2019).is_empty());
        assert!(plan
            .indicators()
            .all(|(_, _, i)| i.targets.keys().all(|y| *y <= 2019)));
    }

    #[test]
    fn extending_keeps_everything() {
        let mut plan = default_plan();
        assert!(years_outside(&plan, 2015, 2023).is_empty());
        let targets: usize = plan.indicators().map(|(_, _, i)| i.targets.len()).sum();
        apply(&mut plan, |p| set_years(p, 2015, 2023, false)).unwrap();
        let after: usize = plan.indicators().map(|(_, _, i)| i.targets.len()).sum();
        assert_eq!(targets, after);
    }

    #[test]
    fn backwards_and_absurd_years_are_refused() {
        let mut plan = default_plan();
        let e = apply(&mut plan, |p| set_years(p, 2027, 2025, true)).unwrap_err();
        assert!(e.en.contains("comes after"), "{e:?}");
        let e = apply(&mut plan, |p| set_years(p, 2025, 20270, true)).unwrap_err();
        assert!(e.it.contains("fuori dall'intervallo"), "{e:?}");
    }

    #[test]
    fn empty_title_is_refused_body_and_defaults_are_set() {
        let mut plan = default_plan();
        assert!(apply(&mut plan, |p| set_title(p, "  ")).is_err());
        apply(&mut plan, |p| set_body(p, " Comune di Prova ")).unwrap();
        assert_eq!(plan.body, "Comune di Prova");
        apply(&mut plan, |p| set_defaults(p, Some("%"), Polarity::Lower)).unwrap();
        assert_eq!(plan.defaults.unit.as_deref(), Some("%"));
        assert_eq!(plan.defaults.polarity, Polarity::Lower);
    }
}
