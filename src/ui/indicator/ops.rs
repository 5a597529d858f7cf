//! Plain look-ups the editor needs (find, the objective of an indicator) and duplicate; the
//! other changes are `plan::edit`'s.

use crate::plan::{Indicator, Objective, Plan};

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

/// Objective `n` of the plan, to edit.
fn objective_mut(plan: &mut Plan, n: u32) -> Option<&mut Objective> {
    plan.missions
        .iter_mut()
        .flat_map(|m| m.objectives.iter_mut())
        .find(|o| o.number == n)
}
