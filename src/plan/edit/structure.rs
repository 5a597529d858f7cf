//! Structure: missions → objectives → indicators. Add, rename, recode or renumber, reorder,
//! move to another parent, weigh, remove. Codes stay unique; a refused code says why.

use super::super::model::{Indicator, Mission, Objective, Plan};
use super::super::validate::{weight_ok, WEIGHT_MAX};
use super::{
    indicator_mut, mission_mut, no_indicator, no_mission, no_objective, non_empty, objective_mut,
    shift, Change, Refusal,
};
use crate::sorted_map::SortedMap;

/// Codes are short labels, not text: a bound keeps the dashboard's columns readable.
const CODE_MAX_CHARS: usize = 20;

fn check_code(code: &str, what_it: &str, what_en: &str) -> Change<String> {
    let code = non_empty(code, what_it, what_en)?;
    if code.chars().count() > CODE_MAX_CHARS {
        return Err(Refusal::new(
            format!("{what_it} «{code}» è troppo lungo (al massimo {CODE_MAX_CHARS} caratteri)"),
            format!("{what_en} \"{code}\" is too long (at most {CODE_MAX_CHARS} characters)"),
        ));
    }
    Ok(code)
}

// ---- missions ----

/// The first free three-digit code ("001", "002", …).
pub fn fresh_mission_code(plan: &Plan) -> String {
    (1..)
        .map(|n| format!("{n:03}"))
        .find(|c| !plan.missions.iter().any(|m| m.code == *c))
        .unwrap_or_default()
}

fn mission_code_free(plan: &Plan, code: &str) -> Change {
    match plan.missions.iter().find(|m| m.code == code) {
        Some(m) => Err(Refusal::new(
            format!("il codice «{code}» è già della missione «{}»", m.name),
            format!(
                "code \"{code}\" already belongs to the mission \"{}\"",
                m.name
            ),
        )),
        None => Ok(()),
    }
}

/// Adds a mission at the end; `code` empty → the first free one. Returns its code.
pub fn add_mission(plan: &mut Plan, code: &str, name: &str) -> Change<String> {
    let code = if code.trim().is_empty() {
        fresh_mission_code(plan)
    } else {
        check_code(code, "il codice della missione", "the mission's code")?
    };
    mission_code_free(plan, &code)?;
    let name = non_empty(name, "il nome della missione", "the mission's name")?;
    plan.missions.push(Mission {
        code: code.clone(),
        name,
        weight: 1.0,
        objectives: Vec::new(),
    });
    Ok(code)
}

pub fn rename_mission(plan: &mut Plan, code: &str, name: &str) -> Change {
    let name = non_empty(name, "il nome della missione", "the mission's name")?;
    mission_mut(plan, code)?.name = name;
    Ok(())
}

pub fn recode_mission(plan: &mut Plan, code: &str, new_code: &str) -> Change {
    let new_code = check_code(new_code, "il codice della missione", "the mission's code")?;
    if new_code == code {
        return Ok(());
    }
    mission_code_free(plan, &new_code)?;
    mission_mut(plan, code)?.code = new_code;
    Ok(())
}

/// Moves a mission up (`delta` −1) or down (+1) in the dashboard's order.
pub fn move_mission(plan: &mut Plan, code: &str, delta: isize) -> Change {
    let at = plan
        .missions
        .iter()
        .position(|m| m.code == code)
        .ok_or_else(|| no_mission(code))?;
    shift(&mut plan.missions, at, delta)
}

/// Removes a mission with its objectives and indicators.
pub fn remove_mission(plan: &mut Plan, code: &str) -> Change {
    let before = plan.missions.len();
    plan.missions.retain(|m| m.code != code);
    if plan.missions.len() == before {
        return Err(no_mission(code));
    }
    Ok(())
}

fn check_weight(w: f64) -> Change<f64> {
    if weight_ok(w) {
        Ok(w)
    } else {
        Err(Refusal::new(
            format!("peso non valido: dev'essere un numero tra 0 e {WEIGHT_MAX} (0 = escluso dalla media)"),
            format!("invalid weight: it must be a number between 0 and {WEIGHT_MAX} (0 = left out of the average)"),
        ))
    }
}

pub fn set_mission_weight(plan: &mut Plan, code: &str, weight: f64) -> Change {
    let weight = check_weight(weight)?;
    mission_mut(plan, code)?.weight = weight;
    Ok(())
}

// ---- objectives ----

fn objective_number_free(plan: &Plan, number: u32) -> Change {
    if number == 0 {
        return Err(Refusal::new(
            "il numero dell'obiettivo parte da 1",
            "objective numbers start at 1",
        ));
    }
    match plan
        .missions
        .iter()
        .flat_map(|m| m.objectives.iter())
        .find(|o| o.number == number)
    {
        Some(o) => Err(Refusal::new(
            format!("il numero {number} è già dell'obiettivo «{}»", o.title),
            format!(
                "number {number} already belongs to the objective \"{}\"",
                o.title
            ),
        )),
        None => Ok(()),
    }
}

/// Adds an objective at the end of mission `mission`, numbered after the highest. Returns its
/// number.
pub fn add_objective(plan: &mut Plan, mission: &str, title: &str) -> Change<u32> {
    let title = non_empty(title, "il titolo dell'obiettivo", "the objective's title")?;
    let number = plan
        .missions
        .iter()
        .flat_map(|m| m.objectives.iter())
        .map(|o| o.number)
        .max()
        .unwrap_or(0)
        .checked_add(1)
        .ok_or_else(|| {
            Refusal::new(
                "numeri degli obiettivi esauriti",
                "no objective number left",
            )
        })?;
    mission_mut(plan, mission)?.objectives.push(Objective {
        number,
        title,
        weight: 1.0,
        first_year: None,
        notes: Vec::new(),
        indicators: Vec::new(),
    });
    Ok(number)
}

pub fn rename_objective(plan: &mut Plan, number: u32, title: &str) -> Change {
    let title = non_empty(title, "il titolo dell'obiettivo", "the objective's title")?;
    objective_mut(plan, number)?.title = title;
    Ok(())
}

pub fn renumber_objective(plan: &mut Plan, number: u32, new_number: u32) -> Change {
    if new_number == number {
        return Ok(());
    }
    objective_number_free(plan, new_number)?;
    objective_mut(plan, number)?.number = new_number;
    Ok(())
}

/// Where objective `number` is: (mission index, objective index).
fn objective_place(plan: &Plan, number: u32) -> Change<(usize, usize)> {
    plan.missions
        .iter()
        .enumerate()
        .find_map(|(mi, m)| {
            m.objectives
                .iter()
                .position(|o| o.number == number)
                .map(|oi| (mi, oi))
        })
        .ok_or_else(|| no_objective(number))
}

/// Moves an objective up or down within its mission.
pub fn move_objective(plan: &mut Plan, number: u32, delta: isize) -> Change {
    let (mi, oi) = objective_place(plan, number)?;
    let mission = plan
        .missions
        .get_mut(mi)
        .ok_or_else(|| no_objective(number))?;
    shift(&mut mission.objectives, oi, delta)
}

/// Moves an objective, with its indicators, to the end of another mission.
pub fn move_objective_to_mission(plan: &mut Plan, number: u32, mission: &str) -> Change {
    let to = plan
        .missions
        .iter()
        .position(|m| m.code == mission)
        .ok_or_else(|| no_mission(mission))?;
    let (mi, oi) = objective_place(plan, number)?;
    if mi == to {
        return Err(Refusal::new(
            format!("l'obiettivo {number} è già nella missione {mission}"),
            format!("objective {number} is already in mission {mission}"),
        ));
    }
    let objective = plan.missions[mi].objectives.remove(oi);
    plan.missions[to].objectives.push(objective);
    Ok(())
}

pub fn remove_objective(plan: &mut Plan, number: u32) -> Change {
    let (mi, oi) = objective_place(plan, number)?;
    plan.missions[mi].objectives.remove(oi);
    Ok(())
}

pub fn set_objective_weight(plan: &mut Plan, number: u32, weight: f64) -> Change {
    let weight = check_weight(weight)?;
    objective_mut(plan, number)?.weight = weight;
    Ok(())
}

// ---- indicators ----

fn indicator_code_free(plan: &Plan, code: &str) -> Change {
    match plan.indicators().find(|(_, _, i)| i.code == code) {
        Some((_, o, i)) => Err(Refusal::new(
            format!(
                "il codice «{code}» è già dell'indicatore «{}» (obiettivo {})",
                i.name, o.number
            ),
            format!(
                "code \"{code}\" already belongs to the indicator \"{}\" (objective {})",
                i.name, o.number
            ),
        )),
        None => Ok(()),
    }
}

/// The first free code `N.k` under objective `N`.
pub fn fresh_indicator_code(plan: &Plan, objective: u32) -> String {
    (1..)
        .map(|k| format!("{objective}.{k}"))
        .find(|c| !plan.indicators().any(|(_, _, i)| i.code == *c))
        .unwrap_or_default()
}

/// Adds an indicator at the end of objective `objective`, with the plan's default unit and
/// polarity; `code` empty → the first free `N.k`. Returns its code.
pub fn add_indicator(plan: &mut Plan, objective: u32, code: &str, name: &str) -> Change<String> {
    let code = if code.trim().is_empty() {
        fresh_indicator_code(plan, objective)
    } else {
        check_code(code, "il codice dell'indicatore", "the indicator's code")?
    };
    indicator_code_free(plan, &code)?;
    let name = non_empty(name, "il nome dell'indicatore", "the indicator's name")?;
    let indicator = Indicator {
        code: code.clone(),
        short_code: None,
        name,
        formula: None,
        formula_text: String::new(),
        unit: plan.defaults.unit.clone(),
        polarity: plan.defaults.polarity,
        weight: 1.0,
        owners: Vec::new(),
        targets: SortedMap::new(),
        data: SortedMap::new(),
        values: SortedMap::new(),
        revisions: Vec::new(),
        notes: Vec::new(),
        reasons: SortedMap::new(),
    };
    objective_mut(plan, objective)?.indicators.push(indicator);
    Ok(code)
}

pub fn rename_indicator(plan: &mut Plan, code: &str, name: &str) -> Change {
    let name = non_empty(name, "il nome dell'indicatore", "the indicator's name")?;
    indicator_mut(plan, code)?.name = name;
    Ok(())
}

pub fn recode_indicator(plan: &mut Plan, code: &str, new_code: &str) -> Change {
    let new_code = check_code(
        new_code,
        "il codice dell'indicatore",
        "the indicator's code",
    )?;
    if new_code == code {
        return Ok(());
    }
    indicator_code_free(plan, &new_code)?;
    indicator_mut(plan, code)?.code = new_code;
    Ok(())
}

/// Where indicator `code` is: (mission, objective, indicator) indices.
fn indicator_place(plan: &Plan, code: &str) -> Change<(usize, usize, usize)> {
    plan.missions
        .iter()
        .enumerate()
        .find_map(|(mi, m)| {
            m.objectives.iter().enumerate().find_map(|(oi, o)| {
                o.indicators
                    .iter()
                    .position(|i| i.code == code)
                    .map(|ii| (mi, oi, ii))
            })
        })
        .ok_or_else(|| no_indicator(code))
}

/// Moves an indicator up or down within its objective.
pub fn move_indicator(plan: &mut Plan, code: &str, delta: isize) -> Change {
    let (mi, oi, ii) = indicator_place(plan, code)?;
    shift(&mut plan.missions[mi].objectives[oi].indicators, ii, delta)
}

/// Moves an indicator to the end of another objective (its code stays).
pub fn move_indicator_to_objective(plan: &mut Plan, code: &str, objective: u32) -> Change {
    let (tm, to) = objective_place(plan, objective)?;
    let (mi, oi, ii) = indicator_place(plan, code)?;
    if (mi, oi) == (tm, to) {
        return Err(Refusal::new(
            format!("l'indicatore {code} è già nell'obiettivo {objective}"),
            format!("indicator {code} is already in objective {objective}"),
        ));
    }
    let indicator = plan.missions[mi].objectives[oi].indicators.remove(ii);
    plan.missions[tm].objectives[to].indicators.push(indicator);
    Ok(())
}

pub fn remove_indicator(plan: &mut Plan, code: &str) -> Change {
    let (mi, oi, ii) = indicator_place(plan, code)?;
    plan.missions[mi].objectives[oi].indicators.remove(ii);
    Ok(())
}

pub fn set_indicator_weight(plan: &mut Plan, code: &str, weight: f64) -> Change {
    let weight = check_weight(weight)?;
    indicator_mut(plan, code)?.weight = weight;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::{apply, blank};
    use super::*;

    fn small() -> Plan {
        let mut plan = blank(2025, 2027).unwrap();
        apply(&mut plan, |p| {
            add_mission(p, "", "Competitività")?;
            add_mission(p, "032", "Servizi istituzionali")?;
            let n = add_objective(p, "001", "Imprese")?;
            add_indicator(p, n, "", "Pratiche evase")?;
            add_indicator(p, n, "", "Tempi medi")?;
            add_objective(p, "032", "Trasparenza")?;
            Ok(())
        })
        .unwrap();
        plan
    }

    fn codes(plan: &Plan) -> Vec<String> {
        plan.indicators().map(|(_, _, i)| i.code.clone()).collect()
    }

    #[test]
    fn builds_a_plan_from_nothing() {
        let plan = small();
        assert_eq!(
            plan.missions
                .iter()
                .map(|m| m.code.as_str())
                .collect::<Vec<_>>(),
            ["001", "032"]
        );
        assert_eq!(codes(&plan), ["1.1", "1.2"]);
        assert_eq!(plan.missions[1].objectives[0].number, 2);
    }

    #[test]
    fn a_taken_code_is_refused_with_its_owner_named() {
        let mut plan = small();
        let before = plan.clone();
        let e = apply(&mut plan, |p| recode_indicator(p, "1.2", "1.1")).unwrap_err();
        assert!(e.it.contains("«Pratiche evase»"), "{e}");
        let e = apply(&mut plan, |p| recode_mission(p, "001", "032")).unwrap_err();
        assert!(e.en.contains("Servizi istituzionali"), "{e:?}");
        let e = apply(&mut plan, |p| renumber_objective(p, 1, 2)).unwrap_err();
        assert!(e.it.contains("Trasparenza"), "{e}");
        let e = apply(&mut plan, |p| recode_indicator(p, "1.2", "  ")).unwrap_err();
        assert!(e.it.contains("vuoto"), "{e}");
        assert_eq!(plan, before);
        apply(&mut plan, |p| recode_indicator(p, "1.2", "A.7")).unwrap();
        assert_eq!(codes(&plan), ["1.1", "A.7"]);
    }

    #[test]
    fn a_failing_step_leaves_nothing_half_done() {
        let mut plan = small();
        let before = plan.clone();
        let e = apply(&mut plan, |p| {
            add_mission(p, "099", "Nuova")?;
            add_indicator(p, 99, "", "nessun obiettivo 99")
        });
        assert!(e.is_err());
        assert_eq!(plan, before);
    }

    #[test]
    fn reorders_and_moves() {
        let mut plan = small();
        apply(&mut plan, |p| move_indicator(p, "1.2", -1)).unwrap();
        assert_eq!(codes(&plan), ["1.2", "1.1"]);
        assert!(apply(&mut plan, |p| move_indicator(p, "1.2", -1)).is_err());
        apply(&mut plan, |p| move_mission(p, "032", -1)).unwrap();
        assert_eq!(plan.missions[0].code, "032");
        apply(&mut plan, |p| move_indicator_to_objective(p, "1.1", 2)).unwrap();
        assert_eq!(plan.missions[0].objectives[0].indicators[0].code, "1.1");
        apply(&mut plan, |p| move_objective_to_mission(p, 1, "032")).unwrap();
        assert_eq!(
            plan.missions[0]
                .objectives
                .iter()
                .map(|o| o.number)
                .collect::<Vec<_>>(),
            [2, 1]
        );
        apply(&mut plan, |p| move_objective(p, 1, -1)).unwrap();
        assert_eq!(plan.missions[0].objectives[0].number, 1);
        assert!(plan.missions[1].objectives.is_empty());
    }

    #[test]
    fn weights_outside_the_range_are_refused() {
        let mut plan = small();
        assert!(apply(&mut plan, |p| set_objective_weight(p, 1, -1.0)).is_err());
        assert!(apply(&mut plan, |p| set_mission_weight(p, "001", f64::NAN)).is_err());
        apply(&mut plan, |p| set_indicator_weight(p, "1.1", 3.0)).unwrap();
        assert_eq!(plan.missions[0].objectives[0].indicators[0].weight, 3.0);
    }

    #[test]
    fn new_indicators_take_the_plan_defaults() {
        let mut plan = small();
        apply(&mut plan, |p| {
            super::super::set_defaults(p, Some("giorni"), crate::eval::Polarity::Lower)
        })
        .unwrap();
        let code = apply(&mut plan, |p| add_indicator(p, 2, "", "Tempi")).unwrap();
        let (_, _, i) = plan.indicators().find(|(_, _, i)| i.code == code).unwrap();
        assert_eq!(i.unit.as_deref(), Some("giorni"));
        assert_eq!(i.polarity, crate::eval::Polarity::Lower);
    }

    #[test]
    fn removal_takes_the_children_along() {
        let mut plan = small();
        apply(&mut plan, |p| remove_mission(p, "001")).unwrap();
        assert!(codes(&plan).is_empty());
        assert!(apply(&mut plan, |p| remove_objective(p, 1)).is_err());
    }
}
