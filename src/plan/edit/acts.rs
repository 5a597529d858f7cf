//! Deliberations (acts) and the revisions they make to indicators: inserted, updated or
//! eliminated, from the act's effective year (see `revision.rs` and docs/plan-format.md).

use super::super::model::{Deliberation, Plan, RevisionEvent, RevisionKind};
use super::{indicator_mut, Change, Refusal};
use crate::eval::Date;

/// What a person writes about an act. Unknown parts stay `None`: never invented.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Act {
    pub organ: Option<String>,
    pub number: Option<u32>,
    pub date: Option<Date>,
    /// First plan year it governs; `None` → the year after its date.
    pub effective_year: Option<i32>,
    pub note: Option<String>,
}

impl Act {
    /// Reads a date as people write it ("2/12/2024", "02/12/2024"); empty → unknown.
    pub fn parse_date(text: &str) -> Change<Option<Date>> {
        let text = text.trim();
        if text.is_empty() {
            return Ok(None);
        }
        Date::parse(text).map(Some).ok_or_else(|| {
            Refusal::new(
                format!("«{text}» non è una data gg/mm/aaaa"),
                format!("\"{text}\" is not a date dd/mm/yyyy"),
            )
        })
    }

    fn clean(text: Option<String>) -> Option<String> {
        text.map(|t| t.trim().to_string()).filter(|t| !t.is_empty())
    }

    fn into_deliberation(self, id: String) -> Deliberation {
        Deliberation {
            id,
            organ: Act::clean(self.organ),
            number: self.number,
            date: self.date,
            year: None,
            effective_year: self.effective_year,
            note: Act::clean(self.note),
        }
    }
}

fn no_act(id: &str) -> Refusal {
    Refusal::new(
        format!("non c'è una deliberazione con id «{id}»"),
        format!("there is no resolution with id \"{id}\""),
    )
}

/// "giunta-129-2024" from organ, number and year, made unique.
fn fresh_id(plan: &Plan, act: &Act) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(organ) = act.organ.as_deref() {
        let word: String = organ
            .trim()
            .chars()
            .flat_map(char::to_lowercase)
            .map(|c| if c.is_alphanumeric() { c } else { '-' })
            .take(30)
            .collect();
        if !word.trim_matches('-').is_empty() {
            parts.push(word.trim_matches('-').to_string());
        }
    }
    if let Some(n) = act.number {
        parts.push(n.to_string());
    }
    if let Some(d) = act.date {
        parts.push(d.year.to_string());
    }
    let base = if parts.is_empty() {
        "atto".to_string()
    } else {
        parts.join("-")
    };
    super::free_id(base, |id| plan.deliberations.iter().any(|d| d.id == id))
}

/// Records an act; returns its id.
pub fn add_act(plan: &mut Plan, act: Act) -> Change<String> {
    let id = fresh_id(plan, &act);
    plan.deliberations.push(act.into_deliberation(id.clone()));
    Ok(id)
}

/// Rewrites what is known of an act (its id, which revisions use, stays).
pub fn update_act(plan: &mut Plan, id: &str, act: Act) -> Change {
    let d = plan
        .deliberations
        .iter_mut()
        .find(|d| d.id == id)
        .ok_or_else(|| no_act(id))?;
    *d = act.into_deliberation(id.to_string());
    Ok(())
}

/// Removes an act. While revisions cite it the removal is refused, listing the indicators,
/// unless `with_revisions`: then those revisions go too.
pub fn remove_act(plan: &mut Plan, id: &str, with_revisions: bool) -> Change {
    if plan.deliberation(id).is_none() {
        return Err(no_act(id));
    }
    let cites = |e: &RevisionEvent| e.deliberation.as_deref() == Some(id);
    let users: Vec<String> = plan
        .indicators()
        .filter(|(_, _, i)| i.revisions.iter().any(cites))
        .map(|(_, _, i)| i.code.clone())
        .collect();
    if !users.is_empty() && !with_revisions {
        let list = users.join(", ");
        return Err(Refusal::new(
            format!(
                "la deliberazione è citata dalle revisioni di {} indicatori: {list}",
                users.len()
            ),
            format!(
                "the resolution is cited by the revisions of {} indicators: {list}",
                users.len()
            ),
        ));
    }
    for ind in plan.indicators_mut() {
        ind.revisions.retain(|e| !cites(e));
    }
    plan.deliberations.retain(|d| d.id != id);
    Ok(())
}

/// Records that act `act` inserted, updated or eliminated indicator `code`.
pub fn add_revision(
    plan: &mut Plan,
    code: &str,
    kind: RevisionKind,
    act: &str,
    note: Option<String>,
) -> Change {
    if plan.deliberation(act).is_none() {
        return Err(no_act(act));
    }
    let ind = indicator_mut(plan, code)?;
    if ind
        .revisions
        .iter()
        .any(|e| e.kind == kind && e.deliberation.as_deref() == Some(act))
    {
        return Err(Refusal::new(
            "questa revisione è già registrata",
            "this revision is already recorded",
        ));
    }
    ind.revisions.push(RevisionEvent {
        kind,
        deliberation: Some(act.to_string()),
        note: Act::clean(note),
    });
    Ok(())
}

/// Removes the revision at `index` in the indicator's list.
pub fn remove_revision(plan: &mut Plan, code: &str, index: usize) -> Change {
    let ind = indicator_mut(plan, code)?;
    if index >= ind.revisions.len() {
        return Err(Refusal::new("revisione inesistente", "no such revision"));
    }
    ind.revisions.remove(index);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::{add_indicator, add_mission, add_objective, apply, blank};
    use super::*;

    fn act(organ: &str, number: u32, date: &str, effective: Option<i32>) -> Act {
        Act {
            organ: Some(organ.into()),
            number: Some(number),
            date: Act::parse_date(date).unwrap(),
            effective_year: effective,
            note: None,
        }
    }

    #[test]
    fn acts_of_the_user_drive_the_plan_in_force() {
        let mut plan = blank(2025, 2027).unwrap();
        apply(&mut plan, |p| {
            add_mission(p, "", "M")?;
            let n = add_objective(p, "001", "O")?;
            add_indicator(p, n, "", "Vecchio")?;
            add_indicator(p, n, "", "Nuovo")?;
            Ok(())
        })
        .unwrap();
        let adopt = apply(&mut plan, |p| {
            add_act(p, act("Giunta", 5, "30/01/2025", Some(2025)))
        })
        .unwrap();
        let rolling = apply(&mut plan, |p| {
            add_act(p, act("Giunta", 129, "02/12/2025", None))
        })
        .unwrap();
        assert_eq!(rolling, "giunta-129-2025");
        apply(&mut plan, |p| {
            add_revision(p, "1.1", RevisionKind::Inserted, &adopt, None)?;
            add_revision(p, "1.1", RevisionKind::Eliminated, &rolling, None)?;
            add_revision(
                p,
                "1.2",
                RevisionKind::Inserted,
                &rolling,
                Some("nuovo".into()),
            )
        })
        .unwrap();
        // After the January act only: the new indicator is not yet in the plan.
        let early = plan.as_of(&adopt);
        assert!(early.indicators().all(|(_, _, i)| i.code != "1.2"));
        // The December act governs from 2026: 1.1 is eliminated then, 1.2 inactive before.
        let (_, _, old) = plan.indicators().find(|(_, _, i)| i.code == "1.1").unwrap();
        assert!(plan.activity(old).is_active(2025) && !plan.activity(old).is_active(2026));
        let (_, _, new) = plan.indicators().find(|(_, _, i)| i.code == "1.2").unwrap();
        assert!(!plan.activity(new).is_active(2025) && plan.activity(new).is_active(2026));
    }

    #[test]
    fn a_cited_act_is_removed_only_when_told() {
        let mut plan = blank(2025, 2027).unwrap();
        apply(&mut plan, |p| {
            add_mission(p, "", "M")?;
            let n = add_objective(p, "001", "O")?;
            add_indicator(p, n, "", "A")?;
            let id = add_act(p, act("Giunta", 1, "01/02/2025", None))?;
            add_revision(p, "1.1", RevisionKind::Updated, &id, None)
        })
        .unwrap();
        let before = plan.clone();
        let e = apply(&mut plan, |p| remove_act(p, "giunta-1-2025", false)).unwrap_err();
        assert!(e.it.contains("1.1"), "{e}");
        assert_eq!(plan, before);
        apply(&mut plan, |p| remove_act(p, "giunta-1-2025", true)).unwrap();
        assert!(plan.deliberations.is_empty());
        assert!(plan.indicators().all(|(_, _, i)| i.revisions.is_empty()));
    }

    #[test]
    fn bad_dates_and_unknown_acts_are_refused() {
        assert!(Act::parse_date("31/02/2025").is_err());
        assert_eq!(Act::parse_date(" ").unwrap(), None);
        let mut plan = blank(2025, 2027).unwrap();
        assert!(apply(&mut plan, |p| add_revision(
            p,
            "1.1",
            RevisionKind::Inserted,
            "x",
            None
        ))
        .is_err());
        let e = apply(&mut plan, |p| {
            add_act(
                p,
                Act {
                    effective_year: Some(99999),
                    ..Act::default()
                },
            )
        })
        .unwrap_err();
        assert!(e.it.contains("99999"), "{e}");
    }
}
