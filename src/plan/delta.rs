//! Compact versions: an older text kept as what differs from the next newer one. Two saves of a
//! plan differ in a small stretch of its JSON, so the older one is the newer one's common prefix
//! and suffix (counted, not copied) around the older middle. Linear in the text, no diff
//! algorithm; a checksum of the older text makes a delta applied to the wrong text an error,
//! never a plausible wrong plan.

/// Every delta starts with this (plan JSON and the deflated form never do).
pub const MARK: &str = "delta:";

/// `older` as a delta from `newer`: `delta:<prefix>:<suffix>:<checksum>:<middle>`.
pub fn encode(older: &str, newer: &str) -> String {
    let (a, b) = (older.as_bytes(), newer.as_bytes());
    let mut p = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    while !older.is_char_boundary(p) {
        p -= 1;
    }
    let room = a.len().min(b.len()) - p;
    let mut s = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take(room)
        .take_while(|(x, y)| x == y)
        .count();
    while !older.is_char_boundary(a.len() - s) {
        s -= 1;
    }
    let middle = &older[p..a.len() - s];
    format!("{MARK}{p}:{s}:{:x}:{middle}", checksum(older))
}

/// The older text a delta from `newer` stands for; `None` when `delta` is not one or was not
/// made from `newer`.
pub fn apply(delta: &str, newer: &str) -> Option<String> {
    let mut parts = delta.strip_prefix(MARK)?.splitn(4, ':');
    let p: usize = parts.next()?.parse().ok()?;
    let s: usize = parts.next()?.parse().ok()?;
    let sum = u64::from_str_radix(parts.next()?, 16).ok()?;
    let middle = parts.next()?;
    let head = newer.get(..p)?;
    let tail = newer.get(newer.len().checked_sub(s)?..)?;
    if p + s > newer.len() {
        return None;
    }
    let older = [head, middle, tail].concat();
    (checksum(&older) == sum).then_some(older)
}

/// FNV-1a, 64 bits: enough to tell a wrong base apart, cheap on 12 MB.
fn checksum(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_small_edit_is_a_small_delta() {
        let newer = format!("{{\"a\":\"{}\",\"t\":\"95%\",\"z\":1}}", "x".repeat(10_000));
        let older = newer.replace("95%", "90%");
        let d = encode(&older, &newer);
        assert!(d.len() < 40, "{d}");
        assert_eq!(apply(&d, &newer).as_deref(), Some(older.as_str()));
    }

    #[test]
    fn a_delta_from_another_text_is_refused() {
        let d = encode("abc 90% def", "abc 95% def");
        assert_eq!(apply(&d, "abc 95% def").as_deref(), Some("abc 90% def"));
        assert_eq!(apply(&d, "xbc 95% def"), None);
        assert_eq!(apply(&d, "ab"), None);
        assert_eq!(apply("{\"title\":1}", "abc"), None);
        assert_eq!(apply("delta:99:0:0:", "abc"), None);
    }

    #[test]
    fn multibyte_text_splits_on_characters() {
        let (older, newer) = ("città è", "città é");
        let d = encode(older, newer);
        assert_eq!(apply(&d, newer).as_deref(), Some(older));
    }
}
