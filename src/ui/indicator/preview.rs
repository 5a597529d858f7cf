//! What a text being typed (not yet committed) would give: the indicator evaluated on its own
//! with the new text, the plan untouched.

use crate::eval::Trace;
use crate::lang::Lang;
use crate::plan::{Indicator, ParseCache, Plan};
use crate::ui::dashboard::model::{is_percent, value_text};

/// The outcomes of indicator `code` with `change` applied, for `years` (all when `None`), as
/// "2021: 9,7 % raggiunto · …"; `None` when the indicator is gone.
pub fn outcomes(
    plan: &Plan,
    code: &str,
    years: Option<i32>,
    lang: Lang,
    change: impl FnOnce(&mut Indicator),
) -> Option<String> {
    let (_, objective, indicator) = plan.indicators().find(|(_, _, i)| i.code == code)?;
    let mut changed = indicator.clone();
    change(&mut changed);
    let report = plan.evaluate_indicator(
        objective,
        &changed,
        &mut ParseCache::default(),
        lang,
        Trace::Off,
    );
    let targets: Vec<&str> = changed
        .targets
        .values()
        .filter_map(|c| c.text.as_deref())
        .collect();
    let percent = is_percent(changed.unit.as_deref(), &targets);
    let parts: Vec<String> = report
        .outcomes
        .iter()
        .filter(|(y, _)| years.is_none_or(|only| only == **y))
        .map(|(y, o)| {
            format!(
                "{y}: {} {}",
                value_text(&o.value, lang, percent),
                o.status.label(lang.is_en())
            )
        })
        .collect();
    Some(parts.join(" · "))
}
