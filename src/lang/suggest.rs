//! "Did you mean": the known names closest to an unknown one.

/// Known names within a small edit distance of `name` (case-insensitive), closest first.
/// The allowed distance grows with the length of the name (1 up to 4 letters, then 2, then 3).
pub fn suggest(name: &str, known: &[&str]) -> Vec<String> {
    let lower = name.to_lowercase();
    let len = lower.chars().count();
    let limit = match len {
        // One or two letters are too short to be anybody's typo.
        0..=2 => return Vec::new(),
        3..=4 => 1,
        5..=8 => 2,
        _ => 3,
    };
    let mut scored: Vec<(usize, &str)> = known
        .iter()
        .filter_map(|k| {
            let d = distance(&lower, &k.to_lowercase());
            (d > 0 && d <= limit).then_some((d, *k))
        })
        .collect();
    scored.sort();
    scored.dedup_by(|a, b| a.1 == b.1);
    scored
        .into_iter()
        .take(3)
        .map(|(_, k)| k.to_string())
        .collect()
}

/// Optimal string alignment distance (Levenshtein plus adjacent swaps: "mdeia" → "media" is 1).
pub fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    // Long words are never typos of keywords; the cap keeps this cheap on hostile input.
    if a.len() > 64 || b.len() > 64 {
        return usize::MAX;
    }
    let w = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * w];
    for i in 0..=a.len() {
        d[i * w] = i;
    }
    for (j, cell) in d.iter_mut().enumerate().take(w) {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[(i - 1) * w + j] + 1)
                .min(d[i * w + j - 1] + 1)
                .min(d[(i - 1) * w + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[(i - 2) * w + j - 2] + 1);
            }
            d[i * w + j] = best;
        }
    }
    d[a.len() * w + b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        assert_eq!(distance("media", "media"), 0);
        assert_eq!(distance("mdeia", "media"), 1);
        assert_eq!(distance("medai", "media"), 1);
        assert_eq!(distance("somm", "somma"), 1);
        assert_eq!(distance("", "abc"), 3);
    }

    #[test]
    fn suggestions_are_close_and_sorted() {
        let known = ["media", "somma", "min", "max", "abs", "se"];
        assert_eq!(suggest("meida", &known), vec!["media"]);
        assert_eq!(suggest("mox", &known), vec!["max"]);
        assert!(suggest("fascicoli", &known).is_empty());
    }
}
