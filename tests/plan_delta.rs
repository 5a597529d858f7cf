//! Property test of the compact versions (`plan::delta`): an older text always comes back from
//! its delta and the newer text, a delta is small when the texts differ in a small stretch, and a
//! delta applied to another text is refused rather than giving a wrong text.
#![cfg(not(target_arch = "wasm32"))] // native: the browser tests are tests/browser.rs and tests/e2e

use cruscotto::plan::delta::{apply, encode};
use proptest::prelude::*;

/// Texts with multi-byte characters, from a small alphabet so that prefixes and suffixes match.
fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(vec!['a', 'b', '"', ':', 'è', 'é', '€', '😀']),
        0..60,
    )
    .prop_map(|c| c.into_iter().collect())
}

/// A newer text: `older` with one stretch replaced (how a save changes a plan's JSON).
fn edit() -> impl Strategy<Value = (String, String, usize)> {
    (text(), text(), text(), text()).prop_map(|(head, old, new, tail)| {
        (
            format!("{head}{old}{tail}"),
            format!("{head}{new}{tail}"),
            old.len(),
        )
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn the_older_text_comes_back(a in text(), b in text()) {
        prop_assert_eq!(apply(&encode(&a, &b), &b), Some(a));
    }

    #[test]
    fn an_edit_is_stored_as_its_stretch((older, newer, stretch) in edit(), other in text()) {
        let d = encode(&older, &newer);
        prop_assert_eq!(apply(&d, &newer), Some(older.clone()));
        // The common head and tail are counted, not copied: the delta is the old stretch and a header.
        prop_assert!(d.len() <= stretch + 40, "{} > {} + 40", d.len(), stretch);
        // Another newer text: refused or, when it equals the newer one where it matters, right.
        if let Some(back) = apply(&d, &other) {
            prop_assert_eq!(back, older);
        }
    }

    #[test]
    fn a_chain_of_versions_comes_back(versions in prop::collection::vec(text(), 1..8)) {
        // Newest last, as stored: each older version a delta from the next newer one.
        let newest = versions.last().cloned().unwrap_or_default();
        let deltas: Vec<String> = versions.windows(2).map(|w| encode(&w[0], &w[1])).collect();
        let mut current = newest;
        for (d, want) in deltas.iter().zip(&versions).rev() {
            current = apply(d, &current).expect("a delta of the chain applies");
            prop_assert_eq!(&current, want);
        }
    }
}
