//! Property test of the version thinning (`plan::history::keep`): whatever the save times, the
//! newest versions and the last hour are all kept, every hour of the last day and every day of
//! the kept period keeps its newest version, older slices keep one each, and thinning again keeps
//! everything it kept.
#![cfg(not(target_arch = "wasm32"))] // native: the browser tests are tests/browser.rs and tests/e2e

use cruscotto::plan::history::{keep, DAYS, DAY_MS, HOUR_MS, MIN_KEEP};
use proptest::prelude::*;

const NOW: f64 = 20_000.0 * DAY_MS;

fn ages() -> impl Strategy<Value = Vec<f64>> {
    // Ages from seconds to 120 days, clustered and spread alike.
    prop::collection::vec(
        prop_oneof![
            0.0..HOUR_MS,
            0.0..DAY_MS,
            0.0..120.0 * DAY_MS,
            (0u32..5000).prop_map(|m| f64::from(m) * 60_000.0),
        ],
        0..400,
    )
}

fn slice(t: f64, len: f64) -> i64 {
    (t / len).floor() as i64
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn thinning_keeps_what_it_promises(ages in ages()) {
        let times: Vec<f64> = ages.iter().map(|a| NOW - a).collect();
        let kept = keep(&times, NOW);
        prop_assert_eq!(kept.len(), times.len());
        let mut newest_first: Vec<usize> = (0..times.len()).collect();
        newest_first.sort_by(|&a, &b| times[b].total_cmp(&times[a]).then(b.cmp(&a)));
        // The newest MIN_KEEP, whatever their age.
        for &i in newest_first.iter().take(MIN_KEEP) {
            prop_assert!(kept[i], "one of the newest {} dropped", MIN_KEEP);
        }
        let beyond: Vec<usize> = newest_first.iter().skip(MIN_KEEP).copied().collect();
        for &i in &beyond {
            let age = NOW - times[i];
            // Every save of the last hour.
            if age < HOUR_MS {
                prop_assert!(kept[i]);
            }
            // The newest of each hour of the last day, of each day of the kept period.
            let newest_of = |len: f64| newest_first
                .iter()
                .find(|&&j| slice(times[j], len) == slice(times[i], len))
                .copied();
            if age < DAY_MS && newest_of(HOUR_MS) == Some(i) {
                prop_assert!(kept[i], "the newest of its hour");
            }
            if age < DAYS * DAY_MS && newest_of(DAY_MS) == Some(i) {
                prop_assert!(kept[i], "the newest of its day");
            }
            // Nothing older than the kept period, beyond the newest MIN_KEEP.
            if age >= DAYS * DAY_MS {
                prop_assert!(!kept[i], "too old");
            }
        }
        // Thinned: beyond the newest and the last hour, one per hour (last day) or per day.
        let mut hours = std::collections::BTreeMap::new();
        let mut days = std::collections::BTreeMap::new();
        for &i in beyond.iter().filter(|&&i| kept[i] && NOW - times[i] >= HOUR_MS) {
            if NOW - times[i] < DAY_MS {
                *hours.entry(slice(times[i], HOUR_MS)).or_insert(0) += 1;
            } else {
                *days.entry(slice(times[i], DAY_MS)).or_insert(0) += 1;
            }
        }
        prop_assert!(hours.values().all(|n| *n <= 1), "{:?}", hours);
        prop_assert!(days.values().all(|n| *n <= 1), "{:?}", days);
        // Thinning what was kept keeps it all (a reload does not thin again differently).
        let again: Vec<f64> = times.iter().zip(&kept).filter(|(_, k)| **k).map(|(t, _)| *t).collect();
        prop_assert!(keep(&again, NOW).iter().all(|k| *k));
    }

    #[test]
    fn thinning_later_keeps_no_more_than_now(ages in ages(), later in 0.0..(30.0 * DAY_MS)) {
        let times: Vec<f64> = ages.iter().map(|a| NOW - a).collect();
        let kept_now = keep(&times, NOW);
        let kept_later = keep(&times, NOW + later);
        prop_assert!(kept_now.len() == kept_later.len());
        let n_now = kept_now.iter().filter(|k| **k).count();
        let n_later = kept_later.iter().filter(|k| **k).count();
        prop_assert!(n_later <= n_now.max(MIN_KEEP.min(times.len())));
    }
}
