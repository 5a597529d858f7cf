//! Plain look-ups the editor needs (find an indicator, its objective); the changes are
//! `plan::edit`'s.

use crate::plan::{Indicator, Plan};

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
