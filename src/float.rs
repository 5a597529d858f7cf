//! Decimal text → `f64`, the same number on every platform.
//!
//! Natively this is Rust's parser. In the page it is the browser's `parseFloat`: ECMAScript
//! requires it to round correctly for up to 20 significant digits (and V8 rounds correctly
//! beyond), so both give the nearest `f64` — tests/browser.rs checks them against each other.
//! Rust's parser would add ~14 KB gzipped to the page (its 10 KB table of powers of five and the
//! slow path for long inputs).

/// Reads a plain decimal: an optional `-`, digits, optionally `.` and digits, optionally `e`,
/// an optional sign and digits. The caller has checked that shape; anything else is `None`.
/// Too large a number is infinite, as Rust's parser says.
pub fn parse_decimal(text: &str) -> Option<f64> {
    if !is_plain_decimal(text) {
        return None;
    }
    Some(platform(text))
}

#[cfg(not(target_arch = "wasm32"))]
fn platform(text: &str) -> f64 {
    text.parse().unwrap_or(f64::NAN)
}

#[cfg(target_arch = "wasm32")]
fn platform(text: &str) -> f64 {
    js_sys::parse_float(text)
}

/// `parseFloat` reads the longest prefix that makes a number ("3abc" is 3, "Infinity" is
/// infinite): only a whole plain decimal may reach it.
fn is_plain_decimal(text: &str) -> bool {
    let b = text.as_bytes();
    let mut i = usize::from(b.first() == Some(&b'-'));
    let digits = |i: &mut usize| {
        let start = *i;
        while b.get(*i).is_some_and(u8::is_ascii_digit) {
            *i += 1;
        }
        *i > start
    };
    if !digits(&mut i) {
        return false;
    }
    if b.get(i) == Some(&b'.') {
        i += 1;
        if !digits(&mut i) {
            return false;
        }
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        if !digits(&mut i) {
            return false;
        }
    }
    i == b.len()
}

#[cfg(test)]
mod tests {
    use super::parse_decimal;

    #[test]
    fn plain_decimals_only() {
        assert_eq!(parse_decimal("3.5"), Some(3.5));
        assert_eq!(parse_decimal("-0.25e2"), Some(-25.0));
        assert_eq!(parse_decimal("1e400"), Some(f64::INFINITY));
        for bad in [
            "", "-", ".5", "5.", "3,5", "1e", "1e+", "Infinity", "NaN", "3abc", " 3", "+3",
        ] {
            assert_eq!(parse_decimal(bad), None, "{bad:?}");
        }
    }
}
