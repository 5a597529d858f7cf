//! Revisions: when an indicator is in force, and the plan as of a deliberation.
//!
//! Rule (documented in docs/plan-format.md): a deliberation governs the plan from its
//! `effective_year`, by default the year after its date — the rolling revision of December 2019
//! inserts indicators whose first targets are for 2020. An indicator inserted by an act
//! effective from year E is inactive before E; one eliminated by an act effective from E is
//! inactive from E on. Acts whose date is unknown change nothing in the years (the event is kept).

use crate::eval::Date;

use super::model::{Deliberation, Indicator, Plan, RevisionKind};

/// The years an indicator is in force, according to its revision events.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Activity {
    /// Inactive before this year (inserted by a later act).
    pub from: Option<i32>,
    /// Inactive from this year on (eliminated).
    pub until_before: Option<i32>,
}

impl Activity {
    pub fn is_active(self, year: i32) -> bool {
        self.from.is_none_or(|f| year >= f) && self.until_before.is_none_or(|u| year < u)
    }

    /// Inactive only because not yet inserted (a baseline may still be measured then).
    pub fn before_insertion(self, year: i32) -> bool {
        self.from.is_some_and(|f| year < f)
    }

    pub fn eliminated(self, year: i32) -> bool {
        self.until_before.is_some_and(|u| year >= u)
    }
}

impl Plan {
    /// The years `indicator` is in force, from its revision events.
    pub fn activity(&self, indicator: &Indicator) -> Activity {
        let mut activity = Activity::default();
        for event in &indicator.revisions {
            let act = event
                .deliberation
                .as_deref()
                .and_then(|id| self.deliberation(id));
            // An act known only to be no later than a date: an elimination by it certainly
            // holds from the year after that date; an insertion says nothing certain.
            let from = match event.kind {
                RevisionKind::Eliminated => act.and_then(Deliberation::effective_at_latest),
                _ => act.and_then(Deliberation::effective_from),
            };
            let Some(from) = from else {
                continue;
            };
            match event.kind {
                RevisionKind::Inserted => {
                    activity.from = Some(activity.from.map_or(from, |f| f.min(from)));
                }
                RevisionKind::Eliminated => {
                    activity.until_before =
                        Some(activity.until_before.map_or(from, |u| u.min(from)));
                }
                RevisionKind::Updated => {}
            }
        }
        activity
    }

    /// The plan in force after deliberation `deliberation_id`: only the events of acts dated up
    /// to that act's date (the act itself included) are kept; indicators inserted later are
    /// removed; later acts are dropped from the list. Targets are kept as they are (the source
    /// records only the latest texts, not what an update changed). An unknown id, or an act
    /// with no known date, gives the plan unchanged but for events of undated acts.
    pub fn as_of(&self, deliberation_id: &str) -> Plan {
        let Some(cut) = self.deliberation(deliberation_id) else {
            return self.clone();
        };
        let cut_key = sort_key(cut);
        let keep = |d: &Deliberation| -> bool {
            d.id == cut.id
                || match (sort_key(d), cut_key) {
                    (Some(k), Some(c)) => k <= c,
                    // Undated, but known to be no later than the cut.
                    (None, Some(c)) => d.not_after.is_some_and(|n| n <= c),
                    _ => false,
                }
        };
        let kept: Vec<&str> = self
            .deliberations
            .iter()
            .filter(|d| keep(d))
            .map(|d| d.id.as_str())
            .collect();
        let mut plan = self.clone();
        plan.deliberations.retain(|d| kept.contains(&d.id.as_str()));
        for mission in &mut plan.missions {
            for objective in &mut mission.objectives {
                // Inserted by a later act: not yet in the plan.
                objective.indicators.retain(|i| {
                    !i.revisions.iter().any(|e| {
                        e.kind == RevisionKind::Inserted
                            && e.deliberation
                                .as_deref()
                                .is_some_and(|id| !kept.contains(&id))
                    })
                });
                for indicator in &mut objective.indicators {
                    indicator.revisions.retain(|e| {
                        e.deliberation
                            .as_deref()
                            .is_none_or(|id| kept.contains(&id))
                    });
                }
            }
        }
        plan
    }
}

/// When an act was adopted, as far as known: its date, or the last day of its year.
fn sort_key(d: &Deliberation) -> Option<Date> {
    d.date.or_else(|| {
        d.year.map(|year| Date {
            year,
            month: 12,
            day: 31,
        })
    })
}
