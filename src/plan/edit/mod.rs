//! Changes a planning office makes to its own plan: settings, structure, owners, acts and
//! revisions, and the plans it starts from. Plain Rust, shared by the page and the CLI.
//!
//! Every change either applies whole and leaves a plan that passes the same validation as an
//! import, or is refused with the reason (Italian and English) and leaves the plan untouched:
//! [`apply`] works on a copy and keeps it only when it is valid.

mod acts;
mod owners;
mod settings;
mod structure;
mod template;

pub use acts::{add_act, add_revision, remove_act, remove_revision, update_act, Act};
pub use owners::{
    add_owner, merge_owners, owner_users, remove_owner, rename_owner, set_indicator_owners,
};
pub use settings::{set_body, set_defaults, set_title, set_years, years_outside, Outside};
pub use structure::{
    add_indicator, add_mission, add_objective, move_indicator, move_indicator_to_objective,
    move_mission, move_objective, move_objective_to_mission, recode_indicator, recode_mission,
    remove_indicator, remove_mission, remove_objective, rename_indicator, rename_mission,
    rename_objective, renumber_objective, set_indicator_weight, set_mission_weight,
    set_objective_weight,
};
pub use template::{blank, from_template, Template};

use std::fmt;

use super::model::{Indicator, Mission, Objective, Plan};
use super::problem::Problem;
use super::validate::validate;
use crate::lang::Lang;

/// Why a change was not made, in Italian and in English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub it: String,
    pub en: String,
}

impl Refusal {
    pub fn new(it: impl Into<String>, en: impl Into<String>) -> Refusal {
        Refusal {
            it: it.into(),
            en: en.into(),
        }
    }

    pub fn message(&self, lang: Lang) -> &str {
        match lang {
            Lang::It => &self.it,
            Lang::En => &self.en,
        }
    }

    /// The first problems validation found, one after the other.
    fn from_problems(problems: &[Problem]) -> Refusal {
        const SHOWN: usize = 3;
        let join = |pick: fn(&Problem) -> &str| {
            let mut text = problems
                .iter()
                .take(SHOWN)
                .map(|p| format!("{}: {}", p.path, pick(p)))
                .collect::<Vec<_>>()
                .join("; ");
            if problems.len() > SHOWN {
                text.push_str(&format!(" (+{})", problems.len() - SHOWN));
            }
            text
        };
        Refusal::new(
            format!(
                "la modifica renderebbe il piano non valido — {}",
                join(|p| &p.message)
            ),
            format!(
                "the change would make the plan invalid — {}",
                join(|p| &p.message_en)
            ),
        )
    }
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.it)
    }
}

impl std::error::Error for Refusal {}

/// The outcome of a change: what it made (a new code, id, number), or why it was refused.
pub type Change<T = ()> = Result<T, Refusal>;

/// Applies `change` to a copy of `plan` and keeps the copy only if the change succeeds and
/// adds no validation problem. A plan that already had problems (an old file) can still be
/// edited: only problems the change would add refuse it.
pub fn apply<T>(plan: &mut Plan, change: impl FnOnce(&mut Plan) -> Change<T>) -> Change<T> {
    let mut copy = plan.clone();
    let made = change(&mut copy)?;
    let after = validate(&copy);
    if !after.is_empty() {
        let before = validate(plan);
        let added: Vec<Problem> = after
            .into_iter()
            .filter(|p| !before.iter().any(|b| b.message == p.message))
            .collect();
        if !added.is_empty() {
            return Err(Refusal::from_problems(&added));
        }
    }
    *plan = copy;
    Ok(made)
}

// ---- finding things, with the reason when they are not there ----

fn mission_mut<'a>(plan: &'a mut Plan, code: &str) -> Change<&'a mut Mission> {
    plan.missions
        .iter_mut()
        .find(|m| m.code == code)
        .ok_or_else(|| no_mission(code))
}

fn no_mission(code: &str) -> Refusal {
    Refusal::new(
        format!("non c'è una missione con codice «{code}»"),
        format!("there is no mission with code \"{code}\""),
    )
}

fn objective_mut(plan: &mut Plan, number: u32) -> Change<&mut Objective> {
    plan.missions
        .iter_mut()
        .flat_map(|m| m.objectives.iter_mut())
        .find(|o| o.number == number)
        .ok_or_else(|| no_objective(number))
}

fn no_objective(number: u32) -> Refusal {
    Refusal::new(
        format!("non c'è un obiettivo n. {number}"),
        format!("there is no objective number {number}"),
    )
}

fn indicator_mut<'a>(plan: &'a mut Plan, code: &str) -> Change<&'a mut Indicator> {
    plan.missions
        .iter_mut()
        .flat_map(|m| m.objectives.iter_mut())
        .flat_map(|o| o.indicators.iter_mut())
        .find(|i| i.code == code)
        .ok_or_else(|| no_indicator(code))
}

fn no_indicator(code: &str) -> Refusal {
    Refusal::new(
        format!("non c'è un indicatore con codice «{code}»"),
        format!("there is no indicator with code \"{code}\""),
    )
}

/// A name or title that must say something.
fn non_empty(text: &str, what_it: &str, what_en: &str) -> Change<String> {
    let text = text.trim();
    if text.is_empty() {
        return Err(Refusal::new(
            format!("{what_it}: non può essere vuoto"),
            format!("{what_en}: it cannot be empty"),
        ));
    }
    Ok(text.to_string())
}

/// Moves the item at `from` by `delta` places (−1 up, +1 down), within the list.
fn shift<T>(list: &mut [T], from: usize, delta: isize) -> Change {
    let to = from as isize + delta;
    if to < 0 || to >= list.len() as isize {
        return Err(Refusal::new(
            if delta < 0 {
                "è già il primo"
            } else {
                "è già l'ultimo"
            },
            if delta < 0 {
                "it is already the first"
            } else {
                "it is already the last"
            },
        ));
    }
    let to = to as usize;
    if from < to {
        list[from..=to].rotate_left(1);
    } else {
        list[to..=from].rotate_right(1);
    }
    Ok(())
}

/// `base`, or the first of `base-2`, `base-3`, … that `taken` does not hold: the id of a new
/// owner or act.
fn free_id(base: String, taken: impl Fn(&str) -> bool) -> String {
    if !taken(&base) {
        return base;
    }
    (2..)
        .map(|k| format!("{base}-{k}"))
        .find(|id| !taken(id))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{load, to_json, TargetCell};

    fn one_indicator() -> Plan {
        let mut plan = blank(2025, 2027).unwrap();
        apply(&mut plan, |p| {
            add_mission(p, "", "Competitività")?;
            let n = add_objective(p, "001", "Imprese")?;
            add_indicator(p, n, "", "Pratiche evase")
        })
        .unwrap();
        plan
    }

    #[test]
    fn a_change_that_breaks_validation_is_refused_with_the_reason() {
        let mut plan = one_indicator();
        let before = plan.clone();
        let e = apply(&mut plan, |p| {
            let i = indicator_mut(p, "1.1")?;
            i.targets.insert(2025, TargetCell::text(">= (80"));
            i.targets.insert(2031, TargetCell::text(">= 80%"));
            Ok(())
        })
        .unwrap_err();
        assert!(e.it.contains("targets.2031"), "{e}");
        assert!(e.en.contains("outside the plan's years"), "{e:?}");
        assert_eq!(plan, before);
    }

    #[test]
    fn a_plan_with_old_problems_can_still_be_edited() {
        let mut plan = one_indicator();
        plan.missions[0].objectives[0].indicators[0]
            .targets
            .insert(2025, TargetCell::text(">= (80"));
        apply(&mut plan, |p| rename_indicator(p, "1.1", "Pratiche chiuse")).unwrap();
        assert_eq!(
            plan.missions[0].objectives[0].indicators[0].name,
            "Pratiche chiuse"
        );
    }

    #[test]
    fn a_plan_built_here_exports_and_loads_back() {
        let mut plan = one_indicator();
        apply(&mut plan, |p| {
            set_body(p, "Comune di Prova")?;
            set_defaults(p, Some("%"), crate::eval::Polarity::Lower)?;
            let id = add_owner(p, "Ufficio Tributi")?;
            set_indicator_owners(p, "1.1", &[id])
        })
        .unwrap();
        let loaded = load(&to_json(&plan)).unwrap();
        assert_eq!(loaded, plan);
    }
}
