//! Where a new plan starts: blank with its years, or a copy of a template (the seed, or any
//! plan) with its structure and targets but without actuals, shifted by k years on request.

use super::super::model::{Format, IndicatorDefaults, Plan, YearRange, FORMAT_VERSION};
use super::super::validate::validate;
use super::{Change, Refusal};
use crate::eval::Date;
use crate::sorted_map::SortedMap;

/// What the copy of a template keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Template {
    /// Years to add: the target of year y becomes the target of year y + shift.
    pub shift: i32,
}

fn checked(plan: Plan) -> Change<Plan> {
    let problems = validate(&plan);
    match problems.first() {
        None => Ok(plan),
        Some(p) => Err(Refusal::new(
            format!("{}: {}", p.path, p.message),
            format!("{}: {}", p.path, p.message_en),
        )),
    }
}

/// An empty plan for the years `first`–`last`.
pub fn blank(first: i32, last: i32) -> Change<Plan> {
    let plan = Plan {
        format: Format::CruscottoPlan,
        version: FORMAT_VERSION,
        title: "Nuovo piano".into(),
        body: String::new(),
        years: YearRange { first, last },
        defaults: IndicatorDefaults::default(),
        notes: Vec::new(),
        owners: Vec::new(),
        deliberations: Vec::new(),
        missions: Vec::new(),
    };
    checked(plan)
}

/// A new plan from `template`: missions, objectives, indicators, formulas, targets, owners and
/// weights; no actuals (values, measures, benchmark), no acts and revisions (they are the
/// template's history), no notes on the plan as a whole. Years, targets, objectives' first
/// years and the dates written in targets (deadlines such as `31/12/2019`) move by `shift`.
pub fn from_template(template: &Plan, options: Template) -> Change<Plan> {
    let k = options.shift;
    let mut plan = template.clone();
    plan.version = FORMAT_VERSION;
    plan.notes.clear();
    plan.deliberations.clear();
    plan.years = YearRange {
        first: template.years.first.saturating_add(k),
        last: template.years.last.saturating_add(k),
    };
    for objective in plan
        .missions
        .iter_mut()
        .flat_map(|m| m.objectives.iter_mut())
    {
        objective.first_year = objective.first_year.map(|y| y.saturating_add(k));
        for ind in &mut objective.indicators {
            ind.values = SortedMap::new();
            ind.data = SortedMap::new();
            ind.revisions.clear();
            if k != 0 {
                ind.targets = std::mem::take(&mut ind.targets)
                    .into_iter()
                    .map(|(y, mut cell)| {
                        cell.text = cell.text.map(|t| shift_dates(&t, k));
                        (y.saturating_add(k), cell)
                    })
                    .collect();
            }
        }
    }
    checked(plan)
}

/// The text with every date `d/m/yyyy` in it moved by `k` years (29 February becomes the 28th
/// in a year that has none). One pass over the text.
fn shift_dates(text: &str, k: i32) -> String {
    let mut out = String::with_capacity(text.len());
    let mut run = String::new();
    let flush = |run: &mut String, out: &mut String| {
        match Date::parse(run) {
            Some(d) => {
                let year = d.year.saturating_add(k);
                let moved = Date::new(year, d.month, d.day)
                    .or_else(|| Date::new(year, d.month, 28))
                    .unwrap_or(d);
                out.push_str(&moved.to_string());
            }
            None => out.push_str(run),
        }
        run.clear();
    };
    for c in text.chars() {
        if c.is_ascii_digit() || c == '/' {
            run.push(c);
        } else {
            flush(&mut run, &mut out);
            out.push(c);
        }
    }
    flush(&mut run, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{default_plan, example_plan};

    #[test]
    fn blank_has_its_years_and_nothing_else() {
        let plan = blank(2025, 2027).unwrap();
        assert_eq!((plan.years.first, plan.years.last), (2025, 2027));
        assert!(plan.missions.is_empty() && plan.owners.is_empty());
        assert!(blank(2027, 2025).is_err());
    }

    #[test]
    fn the_seed_shifted_to_2025_keeps_structure_and_targets_without_actuals() {
        let seed = example_plan();
        assert!(seed
            .indicators()
            .any(|(_, _, i)| !i.values.is_empty() || !i.data.is_empty()));
        let k = 2025 - seed.years.first;
        let plan = from_template(&seed, Template { shift: k }).unwrap();
        assert_eq!(plan.years.first, 2025);
        assert_eq!(
            plan.years.last - plan.years.first,
            seed.years.last - seed.years.first
        );
        assert_eq!(plan.indicators().count(), seed.indicators().count());
        assert!(plan.deliberations.is_empty());
        for ((_, so, si), (_, po, pi)) in seed.indicators().zip(plan.indicators()) {
            assert!(pi.values.is_empty() && pi.data.is_empty() && pi.revisions.is_empty());
            assert_eq!(po.first_year, so.first_year.map(|y| y + k));
            for (y, cell) in si.targets.iter() {
                let moved = pi.targets.get(&(y + k)).unwrap();
                assert_eq!(moved.text.is_some(), cell.text.is_some(), "{} {y}", si.code);
            }
        }
    }

    #[test]
    fn deadlines_written_in_targets_move_with_the_years() {
        let seed = default_plan();
        let deadline = seed
            .indicators()
            .flat_map(|(_, _, i)| {
                i.targets
                    .iter()
                    .map(move |(y, c)| (i.code.clone(), *y, c.text.clone()))
            })
            .find(|(_, _, t)| t.as_deref().is_some_and(|t| Date::parse(t).is_some()));
        let (code, year, text) = deadline.expect("the seed has a deadline target");
        let date = Date::parse(&text.unwrap()).unwrap();
        let plan = from_template(&seed, Template { shift: 6 }).unwrap();
        let (_, _, i) = plan.indicators().find(|(_, _, i)| i.code == code).unwrap();
        let moved = i.targets.get(&(year + 6)).unwrap().text.clone().unwrap();
        assert_eq!(Date::parse(&moved).unwrap().year, date.year + 6);
    }

    #[test]
    fn dates_shift_inside_text_and_leap_days_stay_valid() {
        assert_eq!(shift_dates("entro 31/12/2019", 6), "entro 31/12/2025");
        assert_eq!(shift_dates("29/02/2024", 1), "28/02/2025");
        assert_eq!(shift_dates(">= 80% e 1/2", 3), ">= 80% e 1/2");
    }

    #[test]
    fn a_shift_out_of_the_allowed_years_is_refused() {
        assert!(from_template(&default_plan(), Template { shift: 1000 }).is_err());
    }
}
