//! Semantic checks of a structurally valid plan: unique codes, years in range, references that
//! exist, weights that make sense, and every formula and target parsing in the rules language.
//! Every problem is collected (none stops the others).

use super::model::Plan;
use super::problem::Problem;
use crate::eval::format_number;
use crate::lang::Lang;

/// Years a plan may cover: generous, but it keeps typos like 20199 out.
pub(super) const YEAR_MIN: i32 = 1900;
pub(super) const YEAR_MAX: i32 = 2200;
/// Data may go back this many years before the plan (for `x-1`, `x-4` references).
pub(super) const DATA_LOOKBACK: i32 = 20;

pub fn validate(plan: &Plan) -> Vec<Problem> {
    let mut problems = Problems(Vec::new());
    let mut checked = super::expressions::Checked::default();
    checked.notation = plan.defaults.numbers.notation();

    let (first, last) = (plan.years.first, plan.years.last);
    if !(YEAR_MIN..=YEAR_MAX).contains(&first)
        || !(YEAR_MIN..=YEAR_MAX).contains(&last)
        || first > last
    {
        problems.add(
            "years".into(),
            format!("anni {first}–{last} non validi (primo ≤ ultimo, tra {YEAR_MIN} e {YEAR_MAX})"),
            format!(
                "years {first}–{last} invalid (first ≤ last, between {YEAR_MIN} and {YEAR_MAX})"
            ),
        );
    }
    let in_years = |y: i32| y >= first && y <= last;

    let repeated = repeats(plan.owners.iter().map(|o| o.id.as_str()));
    for ((i, o), repeated) in plan.owners.iter().enumerate().zip(repeated) {
        if o.id.trim().is_empty() {
            problems.add(
                format!("owners[{i}].id"),
                "id vuoto".into(),
                "empty id".into(),
            );
        } else if repeated {
            problems.add(
                format!("owners[{i}].id"),
                format!("owner «{}» ripetuto", o.id),
                format!("duplicate owner \"{}\"", o.id),
            );
        }
    }
    let repeated = repeats(plan.deliberations.iter().map(|d| d.id.as_str()));
    for ((i, d), repeated) in plan.deliberations.iter().enumerate().zip(repeated) {
        if d.id.trim().is_empty() {
            problems.add(
                format!("deliberations[{i}].id"),
                "id vuoto".into(),
                "empty id".into(),
            );
        } else if repeated {
            problems.add(
                format!("deliberations[{i}].id"),
                format!("deliberazione «{}» ripetuta", d.id),
                format!("duplicate deliberation \"{}\"", d.id),
            );
        }
        for (field, year) in [
            ("year", d.year),
            ("effective_year", d.effective_year),
            ("date", d.date.map(|x| x.year)),
        ] {
            if let Some(y) = year.filter(|y| !(YEAR_MIN..=YEAR_MAX).contains(y)) {
                problems.add(
                    format!("deliberations[{i}].{field}"),
                    format!("anno {y} fuori intervallo ({YEAR_MIN}–{YEAR_MAX})"),
                    format!("year {y} out of range ({YEAR_MIN}–{YEAR_MAX})"),
                );
            }
        }
    }

    let mission_repeated = repeats(plan.missions.iter().map(|m| m.code.as_str()));
    let mut objective_repeated = repeats(
        plan.missions
            .iter()
            .flat_map(|m| m.objectives.iter().map(|o| o.number)),
    );
    let mut code_repeated = repeats(plan.indicators().map(|(_, _, i)| i.code.as_str()));
    let mut short_repeated = repeats(plan.indicators().map(|(_, _, i)| i.short_code.as_deref()));
    for ((mi, m), repeated) in plan.missions.iter().enumerate().zip(mission_repeated) {
        let mpath = format!("missions[{mi}]");
        if m.code.trim().is_empty() {
            problems.add(
                format!("{mpath}.code"),
                "codice vuoto".into(),
                "empty code".into(),
            );
        } else if repeated {
            problems.add(
                format!("{mpath}.code"),
                format!("missione «{}» ripetuta", m.code),
                format!("duplicate mission \"{}\"", m.code),
            );
        }
        check_weight(&mut problems, &mpath, m.weight);
        for (oi, o) in m.objectives.iter().enumerate() {
            let opath = format!("{mpath}.objectives[{oi}]");
            if objective_repeated.next().unwrap_or(false) {
                problems.add(
                    format!("{opath}.number"),
                    format!("obiettivo n. {} ripetuto", o.number),
                    format!("duplicate objective number {}", o.number),
                );
            }
            check_weight(&mut problems, &opath, o.weight);
            if let Some(y) = o.first_year.filter(|y| !in_years(*y)) {
                problems.add(
                    format!("{opath}.first_year"),
                    format!("anno {y} fuori dagli anni del piano ({first}–{last})"),
                    format!("year {y} outside the plan's years ({first}–{last})"),
                );
            }
            for (ii, ind) in o.indicators.iter().enumerate() {
                let ipath = format!("{opath}.indicators[{ii}]");
                let (code_repeated, short_repeated) = (
                    code_repeated.next().unwrap_or(false),
                    short_repeated.next().unwrap_or(false),
                );
                if ind.code.trim().is_empty() {
                    problems.add(
                        format!("{ipath}.code"),
                        "codice vuoto".into(),
                        "empty code".into(),
                    );
                } else if code_repeated {
                    problems.add(
                        format!("{ipath}.code"),
                        format!("codice indicatore «{}» ripetuto", ind.code),
                        format!("duplicate indicator code \"{}\"", ind.code),
                    );
                }
                if let Some(short) = ind.short_code.as_deref() {
                    if short_repeated {
                        problems.add(
                            format!("{ipath}.short_code"),
                            format!("nome breve «{short}» già usato da un altro indicatore"),
                            format!("short code \"{short}\" already used by another indicator"),
                        );
                    }
                }
                check_weight(&mut problems, &ipath, ind.weight);
                for (k, owner) in ind.owners.iter().enumerate() {
                    if plan.owner(owner).is_none() {
                        problems.add(
                            format!("{ipath}.owners[{k}]"),
                            format!("owner «{owner}» inesistente (non è in \"owners\")"),
                            format!("unknown owner \"{owner}\" (not in \"owners\")"),
                        );
                    }
                }
                for (k, ev) in ind.revisions.iter().enumerate() {
                    if let Some(id) = ev.deliberation.as_deref() {
                        if plan.deliberation(id).is_none() {
                            problems.add(
                                format!("{ipath}.revisions[{k}].deliberation"),
                                format!(
                                    "deliberazione «{id}» inesistente (non è in \"deliberations\")"
                                ),
                                format!("unknown deliberation \"{id}\" (not in \"deliberations\")"),
                            );
                        }
                    }
                }
                for year in ind.targets.keys().filter(|y| !in_years(**y)) {
                    problems.add(
                        format!("{ipath}.targets.{year}"),
                        format!("anno {year} fuori dagli anni del piano ({first}–{last})"),
                        format!("year {year} outside the plan's years ({first}–{last})"),
                    );
                }
                // The series' names (`data.NAME`, `values`) written only for a problem.
                let series = ind.data.iter().map(|(n, s)| (Some(n), s));
                for (name, s) in series.chain([(None, &ind.values)]) {
                    for year in s
                        .keys()
                        .filter(|y| **y < first - DATA_LOOKBACK || **y > last)
                    {
                        let name = name.map_or_else(|| "values".into(), |n| format!("data.{n}"));
                        problems.add(
                            format!("{ipath}.{name}.{year}"),
                            format!(
                                "anno {year} fuori intervallo ({}–{last})",
                                first - DATA_LOOKBACK
                            ),
                            format!(
                                "year {year} out of range ({}–{last})",
                                first - DATA_LOOKBACK
                            ),
                        );
                    }
                }
                super::expressions::check_indicator(ind, &ipath, &mut problems.0, &mut checked);
            }
        }
    }
    problems.0
}

/// For each key, whether an earlier key equals it. One sort: the codes of a plan of 10 000
/// indicators are checked in a few milliseconds, and the page needs no set type of its own.
fn repeats<K: Ord>(keys: impl Iterator<Item = K>) -> std::vec::IntoIter<bool> {
    let mut keyed: Vec<(K, usize)> = keys.zip(0..).collect();
    // By key, then position: of equal keys the earliest comes first.
    keyed.sort_unstable();
    let mut out = vec![false; keyed.len()];
    for pair in keyed.windows(2) {
        if let [(a, _), (b, later)] = pair {
            if a == b {
                if let Some(r) = out.get_mut(*later) {
                    *r = true;
                }
            }
        }
    }
    out.into_iter()
}

/// The problems found so far.
struct Problems(Vec<Problem>);

impl Problems {
    fn add(&mut self, path: String, it: String, en: String) {
        self.0.push(Problem::new(path, it, en));
    }
}

/// The largest weight a missione, objective or indicator may have. Weights are relative (0
/// leaves a child out of the average, 1 is the default); the bound keeps the weighted sums of
/// the roll-up far from overflow and typos like `1e308` out.
pub const WEIGHT_MAX: f64 = 1_000_000.0;

/// A weight the plan accepts: a number from 0 to [`WEIGHT_MAX`].
pub fn weight_ok(w: f64) -> bool {
    (0.0..=WEIGHT_MAX).contains(&w)
}

fn check_weight(problems: &mut Problems, path: &str, w: f64) {
    if !weight_ok(w) {
        // 1e308 as "1e308", not as 309 digits.
        let (it, en) = if w.is_finite() && w.abs() < 1e12 {
            (format_number(w, Lang::It), format_number(w, Lang::En))
        } else {
            (format!("{w:e}"), format!("{w:e}"))
        };
        problems.add(
            format!("{path}.weight"),
            format!("peso {it} non valido: dev'essere un numero tra 0 e 1.000.000 (0 = escluso dalla media)"),
            format!("invalid weight {en}: it must be a number between 0 and 1,000,000 (0 = left out of the average)"),
        );
    }
}
