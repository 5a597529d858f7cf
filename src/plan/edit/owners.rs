//! Owners: the offices responsible for indicators. Indicators name owners by id; an owner
//! still named by indicators is removed only when the caller says so (after asking).

use super::super::model::{Owner, Plan};
use super::{indicator_mut, non_empty, Change, Refusal};

fn no_owner(id: &str) -> Refusal {
    Refusal::new(
        format!("non c'è un owner con id «{id}»"),
        format!("there is no owner with id \"{id}\""),
    )
}

fn name_free(plan: &Plan, name: &str, except: Option<&str>) -> Change {
    match plan
        .owners
        .iter()
        .find(|o| Some(o.id.as_str()) != except && o.name.trim().eq_ignore_ascii_case(name))
    {
        Some(o) => Err(Refusal::new(
            format!("c'è già un owner «{}»", o.name),
            format!("there is already an owner \"{}\"", o.name),
        )),
        None => Ok(()),
    }
}

/// An id from the name: lower-case letters and digits joined by "-", made unique.
fn fresh_id(plan: &Plan, name: &str) -> String {
    let mut base = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            base.push(c);
        } else if !base.ends_with('-') && !base.is_empty() {
            base.push('-');
        }
    }
    let base = base
        .trim_end_matches('-')
        .chars()
        .take(40)
        .collect::<String>();
    let base = if base.is_empty() {
        "owner".to_string()
    } else {
        base
    };
    super::free_id(base, |id| plan.owners.iter().any(|o| o.id == id))
}

/// Adds an office; returns its id.
pub fn add_owner(plan: &mut Plan, name: &str) -> Change<String> {
    let name = non_empty(name, "il nome dell'owner", "the owner's name")?;
    name_free(plan, &name, None)?;
    let id = fresh_id(plan, &name);
    plan.owners.push(Owner {
        id: id.clone(),
        name,
    });
    Ok(id)
}

/// Renames an office (its id, which indicators use, stays).
pub fn rename_owner(plan: &mut Plan, id: &str, name: &str) -> Change {
    let name = non_empty(name, "il nome dell'owner", "the owner's name")?;
    name_free(plan, &name, Some(id))?;
    plan.owners
        .iter_mut()
        .find(|o| o.id == id)
        .ok_or_else(|| no_owner(id))?
        .name = name;
    Ok(())
}

/// The codes of the indicators that name owner `id`.
pub fn owner_users(plan: &Plan, id: &str) -> Vec<String> {
    plan.indicators()
        .filter(|(_, _, i)| i.owners.iter().any(|o| o == id))
        .map(|(_, _, i)| i.code.clone())
        .collect()
}

/// `from` is merged into `into`: every indicator naming `from` names `into` (once), and
/// `from` leaves the list.
pub fn merge_owners(plan: &mut Plan, from: &str, into: &str) -> Change {
    if from == into {
        return Err(Refusal::new(
            "non si può unire un owner con sé stesso",
            "an owner cannot be merged with itself",
        ));
    }
    for id in [from, into] {
        if plan.owner(id).is_none() {
            return Err(no_owner(id));
        }
    }
    for ind in plan.indicators_mut() {
        if ind.owners.iter().any(|o| o == from) {
            let has_into = ind.owners.iter().any(|o| o == into);
            let mut replaced = false;
            ind.owners.retain_mut(|o| {
                if o != from {
                    return true;
                }
                if has_into || replaced {
                    return false;
                }
                *o = into.to_string();
                replaced = true;
                true
            });
        }
    }
    plan.owners.retain(|o| o.id != from);
    Ok(())
}

/// Removes an office. While indicators name it the removal is refused, listing them, unless
/// `also_from_indicators`: then they stop naming it.
pub fn remove_owner(plan: &mut Plan, id: &str, also_from_indicators: bool) -> Change {
    let name = plan.owner(id).ok_or_else(|| no_owner(id))?.name.clone();
    let users = owner_users(plan, id);
    if !users.is_empty() && !also_from_indicators {
        let list = users.join(", ");
        return Err(Refusal::new(
            format!(
                "«{name}» è ancora owner di {} indicatori: {list}",
                users.len()
            ),
            format!(
                "\"{name}\" is still the owner of {} indicators: {list}",
                users.len()
            ),
        ));
    }
    for ind in plan.indicators_mut() {
        ind.owners.retain(|o| o != id);
    }
    plan.owners.retain(|o| o.id != id);
    Ok(())
}

/// The owners of indicator `code`, one or more (or none), each once, in the given order.
pub fn set_indicator_owners(plan: &mut Plan, code: &str, owners: &[String]) -> Change {
    let mut ids: Vec<String> = Vec::with_capacity(owners.len());
    for id in owners {
        if plan.owner(id).is_none() {
            return Err(no_owner(id));
        }
        if !ids.contains(id) {
            ids.push(id.clone());
        }
    }
    indicator_mut(plan, code)?.owners = ids;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::{add_indicator, add_mission, add_objective, apply, blank};
    use super::*;

    fn plan_with_owners() -> Plan {
        let mut plan = blank(2025, 2027).unwrap();
        apply(&mut plan, |p| {
            add_mission(p, "", "M")?;
            let n = add_objective(p, "001", "O")?;
            add_indicator(p, n, "", "A")?;
            add_indicator(p, n, "", "B")?;
            let staff = add_owner(p, "S. Staff")?;
            let seg = add_owner(p, "S. Segreteria Generale")?;
            set_indicator_owners(p, "1.1", &[staff.clone(), seg.clone()])?;
            set_indicator_owners(p, "1.2", &[seg])?;
            Ok(())
        })
        .unwrap();
        plan
    }

    #[test]
    fn ids_come_from_names_and_stay_unique() {
        let plan = plan_with_owners();
        let ids: Vec<&str> = plan.owners.iter().map(|o| o.id.as_str()).collect();
        assert_eq!(ids, ["s-staff", "s-segreteria-generale"]);
        let mut p = plan.clone();
        assert!(apply(&mut p, |p| add_owner(p, "s. staff")).is_err());
    }

    #[test]
    fn removal_names_the_indicators_and_waits_to_be_told() {
        let mut plan = plan_with_owners();
        let before = plan.clone();
        let e = apply(&mut plan, |p| {
            remove_owner(p, "s-segreteria-generale", false)
        })
        .unwrap_err();
        assert!(e.it.contains("1.1, 1.2"), "{e}");
        assert_eq!(plan, before);
        apply(&mut plan, |p| {
            remove_owner(p, "s-segreteria-generale", true)
        })
        .unwrap();
        assert!(owner_users(&plan, "s-segreteria-generale").is_empty());
        assert_eq!(plan.owners.len(), 1);
        assert_eq!(owner_users(&plan, "s-staff"), ["1.1"]);
    }

    #[test]
    fn merge_keeps_one_reference_each() {
        let mut plan = plan_with_owners();
        apply(&mut plan, |p| {
            merge_owners(p, "s-staff", "s-segreteria-generale")
        })
        .unwrap();
        let owners: Vec<Vec<String>> = plan
            .indicators()
            .map(|(_, _, i)| i.owners.clone())
            .collect();
        assert_eq!(
            owners,
            [vec!["s-segreteria-generale"], vec!["s-segreteria-generale"]]
        );
        assert_eq!(plan.owners.len(), 1);
    }

    #[test]
    fn rename_keeps_the_id_and_unknown_ids_are_refused() {
        let mut plan = plan_with_owners();
        apply(&mut plan, |p| {
            rename_owner(p, "s-staff", "Staff del Segretario")
        })
        .unwrap();
        assert_eq!(
            plan.owner_names(&plan.missions[0].objectives[0].indicators[0])[0],
            "Staff del Segretario"
        );
        assert!(apply(&mut plan, |p| set_indicator_owners(
            p,
            "1.2",
            &["nessuno".into()]
        ))
        .is_err());
    }
}
