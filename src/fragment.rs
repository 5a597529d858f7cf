//! An address in the URL fragment, `#/grafici/9.7?anno=2021`: path segments and query pairs,
//! percent-encoded. One parse and one format, plain Rust (the page's router in `ui::route`
//! gives the segments their meaning), so that it works on any static host and is tested here.

/// A parsed fragment: the path's segments (`["indicatore", "9.7"]`) and the query's pairs,
/// in order, decoded.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Address {
    pub path: Vec<String>,
    pub params: Vec<(String, String)>,
}

impl Address {
    /// The value of the first pair named `key`.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

/// Reads `#/a/b?k=v&…`; `None` for a fragment that is not an address (`#piano=…`, `#main`).
pub fn parse(fragment: &str) -> Option<Address> {
    let rest = fragment.strip_prefix("#/")?;
    let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
    let pairs = |s: &str| {
        s.split('&')
            .filter(|p| !p.is_empty())
            .map(|p| {
                let (k, v) = p.split_once('=').unwrap_or((p, ""));
                (decode(k), decode(v))
            })
            .collect()
    };
    Some(Address {
        path: path
            .split('/')
            .filter(|s| !s.is_empty())
            .map(decode)
            .collect(),
        params: pairs(query),
    })
}

/// Writes `#/a/b?k=v&…` (pairs with an empty value are left out: they say nothing).
pub fn format(a: &Address) -> String {
    let mut out = String::from("#");
    for s in &a.path {
        out.push('/');
        out.push_str(&encode(s));
    }
    let mut query = String::new();
    for (k, v) in &a.params {
        pair(&mut query, k, v);
    }
    if !query.is_empty() {
        out.push('?');
        out.push_str(&query);
    }
    out
}

/// Appends `k=v` to a query (after a `&` if it has pairs), unless `v` is empty.
pub fn pair(query: &mut String, k: &str, v: &str) {
    if v.is_empty() {
        return;
    }
    if !query.is_empty() {
        query.push('&');
    }
    query.push_str(&encode(k));
    query.push('=');
    query.push_str(&encode(v));
}

/// Percent-encodes every byte but letters, digits and `-_.~!*'(),:;@` (readable in a link,
/// never a separator here).
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~!*'(),:;@".contains(&b) {
            out.push(b as char);
        } else {
            out.push('%');
            for d in [b >> 4, b & 15] {
                out.push(char::from(b"0123456789ABCDEF"[usize::from(d)]));
            }
        }
    }
    out
}

/// Undoes `encode` (and any other percent-encoding, `+` included as a space); a `%` not
/// followed by two hex digits stays as it is, and so does a text whose escapes are not UTF-8.
pub fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |j: usize| bytes.get(j).and_then(|b| (*b as char).to_digit(16));
        match (bytes[i], hex(i + 1), hex(i + 2)) {
            (b'%', Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 3;
            }
            (b'+', ..) => {
                out.push(b' ');
                i += 1;
            }
            (b, ..) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn addr(path: &[&str], params: &[(&str, &str)]) -> Address {
        Address {
            path: path.iter().map(|s| s.to_string()).collect(),
            params: params
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        }
    }

    #[test]
    fn reads_views_codes_and_params() {
        assert_eq!(parse("#/cruscotto"), Some(addr(&["cruscotto"], &[])));
        assert_eq!(
            parse("#/indicatore/9.7"),
            Some(addr(&["indicatore", "9.7"], &[]))
        );
        assert_eq!(
            parse("#/cruscotto?anno=2021&cerca=tempi%20medi&stato="),
            Some(addr(
                &["cruscotto"],
                &[("anno", "2021"), ("cerca", "tempi medi"), ("stato", "")]
            ))
        );
        assert_eq!(parse("#piano=abc"), None);
        assert_eq!(parse(""), None);
        assert_eq!(parse("#/"), Some(addr(&[], &[])));
    }

    #[test]
    fn any_text_goes_round_trip() {
        let texts = [
            "fascicoli_creati / fascicoli_ricevuti",
            "≥ 80% parziale da 60%",
            "a&b=c?d#e/f+g%h",
            "entro il 31 dicembre 2019",
        ];
        for t in texts {
            let a = addr(&["laboratorio", t], &[("formula", t), ("x.2021.it", "1,5")]);
            assert_eq!(parse(&format(&a)), Some(a), "{t}");
        }
    }

    #[test]
    fn broken_escapes_stay_as_written() {
        assert_eq!(decode("100%"), "100%");
        assert_eq!(decode("%zz%4"), "%zz%4");
        assert_eq!(decode("%C3%A8"), "è");
        assert_eq!(decode("%FF"), "%FF");
        assert_eq!(decode("a+b"), "a b");
    }

    #[test]
    fn empty_values_are_left_out() {
        assert_eq!(
            format(&addr(&["cruscotto"], &[("anno", ""), ("stato", "met")])),
            "#/cruscotto?stato=met"
        );
    }
}
