//! Plain edits of the plan the editor needs (find, add, duplicate, remove), no signals here.

use crate::eval::Polarity;
use crate::plan::{Indicator, Objective, Plan};
use crate::sorted_map::SortedMap;

pub fn find<'a>(plan: &'a Plan, code: &str) -> Option<&'a Indicator> {
    plan.indicators()
        .map(|(_, _, i)| i)
        .find(|i| i.code == code)
}

pub fn find_mut<'a>(plan: &'a mut Plan, code: &str) -> Option<&'a mut Indicator> {
    plan.missions
        .iter_mut()
        .flat_map(|m| m.objectives.iter_mut())
        .flat_map(|o| o.indicators.iter_mut())
        .find(|i| i.code == code)
}

/// The objective number holding the indicator.
pub fn objective_of(plan: &Plan, code: &str) -> Option<u32> {
    plan.indicators()
        .find(|(_, _, i)| i.code == code)
        .map(|(_, o, _)| o.number)
}

fn code_taken(plan: &Plan, code: &str) -> bool {
    find(plan, code).is_some()
}

/// A fresh code `N.k` under objective `n`.
pub fn fresh_code(plan: &Plan, n: u32) -> String {
    (1..)
        .map(|k| format!("{n}.{k}"))
        .find(|c| !code_taken(plan, c))
        .unwrap_or_else(|| format!("{n}.x"))
}

pub fn blank_indicator(code: String, name: &str) -> Indicator {
    Indicator {
        code,
        short_code: None,
        name: name.to_string(),
        formula: None,
        formula_text: String::new(),
        unit: None,
        polarity: Polarity::Higher,
        weight: 1.0,
        owners: Vec::new(),
        targets: SortedMap::new(),
        data: SortedMap::new(),
        values: SortedMap::new(),
        reasons: SortedMap::new(),
        revisions: Vec::new(),
        notes: Vec::new(),
    }
}

/// Adds a new indicator after `after` (same objective); returns its code.
pub fn add_after(plan: &mut Plan, after: Option<&str>, name: &str) -> Option<String> {
    let n = match after.and_then(|c| objective_of(plan, c)) {
        Some(n) => n,
        None => plan
            .missions
            .iter()
            .flat_map(|m| m.objectives.iter())
            .map(|o| o.number)
            .next()?,
    };
    let code = fresh_code(plan, n);
    let objective = objective_mut(plan, n)?;
    let at = after
        .and_then(|c| objective.indicators.iter().position(|i| i.code == c))
        .map(|p| p + 1)
        .unwrap_or(objective.indicators.len());
    objective
        .indicators
        .insert(at, blank_indicator(code.clone(), name));
    Some(code)
}

pub fn duplicate(plan: &mut Plan, code: &str) -> Option<String> {
    let n = objective_of(plan, code)?;
    let mut copy = find(plan, code)?.clone();
    copy.code = fresh_code(plan, n);
    copy.short_code = None;
    copy.revisions.clear();
    let new_code = copy.code.clone();
    let objective = objective_mut(plan, n)?;
    let at = objective
        .indicators
        .iter()
        .position(|i| i.code == code)
        .map(|p| p + 1)
        .unwrap_or(0);
    objective.indicators.insert(at, copy);
    Some(new_code)
}

pub fn remove(plan: &mut Plan, code: &str) {
    for m in &mut plan.missions {
        for o in &mut m.objectives {
            o.indicators.retain(|i| i.code != code);
        }
    }
}

/// Adds an objective (next free number) to the mission of `near` (or the first mission).
pub fn add_objective(plan: &mut Plan, near: Option<&str>, title: &str) -> Option<u32> {
    let next = plan
        .missions
        .iter()
        .flat_map(|m| m.objectives.iter())
        .map(|o| o.number)
        .max()
        .unwrap_or(0)
        + 1;
    if plan.missions.is_empty() {
        // An empty plan: a first mission to hold the objective (code and name to be edited).
        plan.missions.push(crate::plan::Mission {
            code: "001".into(),
            name: title.to_string(),
            weight: 1.0,
            objectives: Vec::new(),
        });
    }
    let mission_code = near
        .and_then(|c| {
            plan.indicators()
                .find(|(_, _, i)| i.code == c)
                .map(|(m, _, _)| m.code.clone())
        })
        .or_else(|| plan.missions.first().map(|m| m.code.clone()))?;
    let mission = plan.missions.iter_mut().find(|m| m.code == mission_code)?;
    mission.objectives.push(Objective {
        number: next,
        title: title.to_string(),
        weight: 1.0,
        first_year: None,
        notes: Vec::new(),
        indicators: Vec::new(),
    });
    Some(next)
}

pub fn remove_objective(plan: &mut Plan, number: u32) {
    for m in &mut plan.missions {
        m.objectives.retain(|o| o.number != number);
    }
}

/// Adds a first indicator to objective `n`; returns its code.
pub fn add_after_in_objective(plan: &mut Plan, n: u32, name: &str) -> Option<String> {
    let code = fresh_code(plan, n);
    let objective = objective_mut(plan, n)?;
    objective
        .indicators
        .push(blank_indicator(code.clone(), name));
    Some(code)
}

/// Objective `n` of the plan, to edit.
fn objective_mut(plan: &mut Plan, n: u32) -> Option<&mut Objective> {
    plan.missions
        .iter_mut()
        .flat_map(|m| m.objectives.iter_mut())
        .find(|o| o.number == n)
}
