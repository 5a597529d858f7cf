//! How an indicator's figures read to a person: as percentages or as plain numbers.

use super::model::Indicator;

/// Whether the indicator's values (and its benchmark) read as percentages: unit "%" or a
/// target written with `%` — the rule of the dashboard, so the CSV and the Relazione show
/// `55,7 %` where the page does.
pub fn reads_as_percent(indicator: &Indicator) -> bool {
    indicator.unit.as_deref().is_some_and(|u| u.trim() == "%")
        || indicator
            .targets
            .values()
            .any(|c| c.text.as_deref().is_some_and(|t| t.contains('%')))
}
