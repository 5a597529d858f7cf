//! Version history of a plan: which saved versions to keep as they age, and what changed from one
//! version to the next in a line a person reads ("9.7 target 2021: 90% → 95%").
//!
//! Thinning keeps the newest [`MIN_KEEP`] versions, every version of the last hour, the newest of
//! each hour of the last day, and the newest of each day of the last [`DAYS`] days. Hours and
//! days are fixed slices of time (not ages), so a version kept as "the newest of its hour" stays
//! the one kept as it ages.

use crate::eval::{format_number, Datum};
use crate::lang::Lang;
use crate::sorted_map::SortedMap;

use super::model::{Indicator, Plan};

/// Versions always kept, however close together.
pub const MIN_KEEP: usize = 30;
pub const HOUR_MS: f64 = 3_600_000.0;
pub const DAY_MS: f64 = 24.0 * HOUR_MS;
/// Daily versions are kept this many days.
pub const DAYS: f64 = 90.0;

/// Which of the versions saved at `times` (milliseconds, any order) to keep at time `now`.
pub fn keep(times: &[f64], now: f64) -> Vec<bool> {
    let mut order: Vec<usize> = (0..times.len()).collect();
    // Newest first; equal times by position (later saved first).
    order.sort_by(|&a, &b| times[b].total_cmp(&times[a]).then(b.cmp(&a)));
    let mut kept = vec![false; times.len()];
    let mut hours_seen = SortedMap::new();
    let mut days_seen = SortedMap::new();
    for (rank, &i) in order.iter().enumerate() {
        let t = times[i];
        let age = now - t;
        let hour = (t / HOUR_MS).floor() as i64;
        let day = (t / DAY_MS).floor() as i64;
        let first_of_hour = hours_seen.insert(hour, ()).is_none();
        let first_of_day = days_seen.insert(day, ()).is_none();
        kept[i] = rank < MIN_KEEP
            || age < HOUR_MS
            || (age < DAY_MS && first_of_hour)
            || (age < DAYS * DAY_MS && first_of_day);
    }
    kept
}

/// What changed from `before` to `after`, one line each, in plan order (empty: nothing).
pub fn changes(before: &Plan, after: &Plan, lang: Lang) -> Vec<String> {
    let en = lang == Lang::En;
    let mut out = Vec::new();
    if before.title != after.title {
        out.push(format!(
            "{}: «{}» → «{}»",
            if en { "title" } else { "titolo" },
            before.title,
            after.title
        ));
    }
    if before.years != after.years {
        out.push(format!(
            "{}: {}–{} → {}–{}",
            if en { "years" } else { "anni" },
            before.years.first,
            before.years.last,
            after.years.first,
            after.years.last
        ));
    }
    let objectives = |p: &Plan| -> SortedMap<u32, usize> {
        let mut m = SortedMap::new();
        for o in p.missions.iter().flat_map(|m| &m.objectives) {
            m.insert(o.number, o.indicators.len());
        }
        m
    };
    let (ob, oa) = (objectives(before), objectives(after));
    let removed = if en { "removed" } else { "rimosso" };
    let added = if en { "added" } else { "aggiunto" };
    let objective = if en { "objective" } else { "obiettivo" };
    let indicator = if en { "indicator" } else { "indicatore" };
    for n in ob.keys().filter(|n| !oa.contains_key(*n)) {
        out.push(format!("{removed} {objective} {n}"));
    }
    for n in oa.keys().filter(|n| !ob.contains_key(*n)) {
        out.push(format!("{added} {objective} {n}"));
    }
    // Indicators of removed or added objectives are said by the objective's line.
    let by_code = |p: &Plan| -> SortedMap<String, (u32, usize)> {
        let mut m = SortedMap::new();
        for (n, (_, o, i)) in p.indicators().enumerate() {
            m.insert(i.code.clone(), (o.number, n));
        }
        m
    };
    let (ib, ia) = (by_code(before), by_code(after));
    let list_b: Vec<&Indicator> = before.indicators().map(|(_, _, i)| i).collect();
    let list_a: Vec<&Indicator> = after.indicators().map(|(_, _, i)| i).collect();
    for (code, (o, _)) in ib.iter() {
        if !ia.contains_key(code) && oa.contains_key(o) {
            out.push(format!("{removed} {indicator} {code}"));
        }
    }
    for (code, (o, _)) in ia.iter() {
        if !ib.contains_key(code) && ob.contains_key(o) {
            out.push(format!("{added} {indicator} {code}"));
        }
    }
    for (code, (_, na)) in ia.iter() {
        let Some((_, nb)) = ib.get(code) else {
            continue;
        };
        let (b, a) = (list_b[*nb], list_a[*na]);
        if b != a {
            indicator_changes(b, a, lang, &mut out);
        }
    }
    let (mb, ma) = (mission_heads(before), mission_heads(after));
    if mb != ma && out.is_empty() {
        out.push(
            if en {
                "missions changed"
            } else {
                "missioni modificate"
            }
            .into(),
        );
    }
    if out.is_empty() && before != after {
        out.push(
            if en {
                "plan details changed"
            } else {
                "dettagli del piano modificati"
            }
            .into(),
        );
    }
    out
}

fn mission_heads(p: &Plan) -> Vec<(&str, &str, f64)> {
    p.missions
        .iter()
        .map(|m| (m.code.as_str(), m.name.as_str(), m.weight))
        .collect()
}

fn indicator_changes(b: &Indicator, a: &Indicator, lang: Lang, out: &mut Vec<String>) {
    let en = lang == Lang::En;
    let code = &a.code;
    let before_len = out.len();
    let text = |t: Option<&str>| t.filter(|t| !t.is_empty()).unwrap_or("—").to_string();
    let years = b.targets.keys().chain(a.targets.keys()).copied();
    let mut seen = Vec::new();
    for y in years {
        if seen.contains(&y) {
            continue;
        }
        seen.push(y);
        let tb = b.targets.get(&y).and_then(|c| c.text.as_deref());
        let ta = a.targets.get(&y).and_then(|c| c.text.as_deref());
        if tb != ta {
            out.push(format!("{code} target {y}: {} → {}", text(tb), text(ta)));
        }
    }
    if b.formula != a.formula {
        out.push(format!(
            "{code} formula: {} → {}",
            text(b.formula.as_deref()),
            text(a.formula.as_deref())
        ));
    }
    let datum = |d: Option<&Datum>| match d {
        None => "—".to_string(),
        Some(Datum::Number(x)) => format_number(*x, lang),
        Some(Datum::Date(d)) => format!("{d}"),
    };
    let series_names = b.data.keys().chain(a.data.keys());
    let mut names_seen: Vec<&String> = Vec::new();
    for name in series_names {
        if names_seen.contains(&name) {
            continue;
        }
        names_seen.push(name);
        let (sb, sa) = (b.data.get(name), a.data.get(name));
        if sb == sa {
            continue;
        }
        let ys: Vec<i32> = sb
            .into_iter()
            .flat_map(|s| s.keys())
            .chain(sa.into_iter().flat_map(|s| s.keys()))
            .copied()
            .collect();
        let mut done = Vec::new();
        for y in ys {
            if done.contains(&y) {
                continue;
            }
            done.push(y);
            let (db, da) = (sb.and_then(|s| s.get(&y)), sa.and_then(|s| s.get(&y)));
            if db != da {
                out.push(format!("{code} {name} {y}: {} → {}", datum(db), datum(da)));
            }
        }
    }
    for (y, db) in b.values.iter() {
        let da = a.values.get(y);
        if Some(db) != da {
            out.push(format!(
                "{code} {} {y}: {} → {}",
                if en { "value" } else { "valore" },
                datum(Some(db)),
                datum(da)
            ));
        }
    }
    for (y, da) in a.values.iter() {
        if !b.values.contains_key(y) {
            out.push(format!(
                "{code} {} {y}: — → {}",
                if en { "value" } else { "valore" },
                datum(Some(da))
            ));
        }
    }
    if b.code != a.code || b.name != a.name {
        out.push(format!(
            "{code} {}: «{}» → «{}»",
            if en { "name" } else { "nome" },
            b.name,
            a.name
        ));
    }
    if out.len() == before_len {
        out.push(format!(
            "{code} {}",
            if en { "changed" } else { "modificato" }
        ));
    }
}

/// One line for a list of versions: the first change, and how many more.
pub fn summary(changes: &[String], lang: Lang) -> String {
    match changes {
        [] => match lang {
            Lang::It => "nessuna modifica".into(),
            Lang::En => "no change".into(),
        },
        [one] => one.clone(),
        [first, rest @ ..] => match lang {
            Lang::It => format!("{first} e altre {} modifiche", rest.len()),
            Lang::En => format!("{first} and {} more changes", rest.len()),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{example_plan, TargetCell};

    fn find<'a>(p: &'a mut Plan, code: &str) -> &'a mut Indicator {
        p.missions
            .iter_mut()
            .flat_map(|m| &mut m.objectives)
            .flat_map(|o| &mut o.indicators)
            .find(|i| i.code == code)
            .expect("indicator")
    }

    #[test]
    fn a_target_change_reads_as_before_and_after() {
        let before = example_plan();
        let mut after = before.clone();
        find(&mut after, "9.7")
            .targets
            .insert(2021, TargetCell::text("95%"));
        let c = changes(&before, &after, Lang::It);
        assert_eq!(c, vec!["9.7 target 2021: 90% → 95%".to_string()]);
        assert_eq!(summary(&c, Lang::It), "9.7 target 2021: 90% → 95%");
    }

    #[test]
    fn a_removed_objective_is_one_line_not_one_per_indicator() {
        let before = example_plan();
        let mut after = before.clone();
        for m in &mut after.missions {
            m.objectives.retain(|o| o.number != 9);
        }
        let c = changes(&before, &after, Lang::It);
        assert_eq!(c, vec!["rimosso obiettivo 9".to_string()]);
        let back = changes(&after, &before, Lang::En);
        assert_eq!(back, vec!["added objective 9".to_string()]);
    }

    #[test]
    fn values_and_several_changes() {
        let before = example_plan();
        let mut after = before.clone();
        let i = find(&mut after, "1.1");
        let name = i.data.keys().next().cloned().expect("a measure");
        i.data
            .get_mut(&name)
            .expect("series")
            .insert(2030, Datum::Number(1.5));
        after.title = "Nuovo".into();
        let c = changes(&before, &after, Lang::It);
        assert_eq!(c.len(), 2, "{c:?}");
        assert_eq!(c[1], format!("1.1 {name} 2030: — → 1,5"));
        assert!(summary(&c, Lang::It).ends_with("e altre 1 modifiche"));
        assert!(changes(&before, &before, Lang::It).is_empty());
        assert_eq!(summary(&[], Lang::It), "nessuna modifica");
    }

    #[test]
    fn thinning_keeps_recent_and_one_per_hour_and_day() {
        let now = 1000.0 * DAY_MS;
        // 200 saves a minute apart in the last ~3 hours, then one every 10 minutes for 3 days.
        let mut times: Vec<f64> = (0..200).map(|k| now - k as f64 * 60_000.0).collect();
        times.extend((0..432).map(|k| now - 4.0 * HOUR_MS - k as f64 * 600_000.0));
        let kept = keep(&times, now);
        let n = kept.iter().filter(|k| **k).count();
        // 60 in the last hour, ~23 more hours, ~3 days.
        assert!((60 + 20..=60 + 24 + 4).contains(&n), "{n}");
        assert!(times
            .iter()
            .zip(&kept)
            .all(|(t, k)| *k || now - t >= HOUR_MS));
    }
}
