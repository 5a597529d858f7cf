//! Every spelling the grammar accepts builds the tree of the canonical one. The grammar keeps few
//! rules (grammar/rules.pest, header), so the AST builder reads some meanings from the matched
//! text: the comparison and arithmetic operators, `e`/`o`, the sign in `[x-1]`.
#![cfg(not(target_arch = "wasm32"))] // native: the browser tests are tests/browser.rs and tests/e2e

use cruscotto::lang::{parse_formula, parse_target};

fn target(src: &str) -> String {
    match parse_target(src) {
        Ok(t) => t.to_string(),
        Err(e) => panic!("{src:?}: {:?}", e[0].kind),
    }
}

fn formula(src: &str) -> String {
    match parse_formula(src) {
        Ok(f) => f.to_string(),
        Err(e) => panic!("{src:?}: {:?}", e[0].kind),
    }
}

#[test]
fn comparison_operators() {
    let spellings = [
        (">=", "≥"),
        ("≥", "≥"),
        ("=>", "≥"),
        ("<=", "≤"),
        ("≤", "≤"),
        ("=<", "≤"),
        ("!=", "≠"),
        ("<>", "≠"),
        ("≠", "≠"),
        (">", ">"),
        ("<", "<"),
        ("==", "="),
        ("=", "="),
    ];
    for (written, canonical) in spellings {
        assert_eq!(target(&format!("{written} 3")), format!("{canonical} 3"));
        assert_eq!(target(&format!("{written}3")), format!("{canonical} 3"));
        assert_eq!(
            target(&format!("X-1 {written} media")),
            format!("X-1 {canonical} media cluster")
        );
        assert_eq!(
            formula(&format!("se(a {written} b; 1; 0)")),
            format!("se(a {canonical} b; 1; 0)")
        );
    }
}

#[test]
fn arithmetic_operators_and_their_precedence() {
    let spellings = [
        ("+", "+"),
        ("-", "-"),
        ("−", "-"),
        ("*", "*"),
        ("×", "*"),
        ("·", "*"),
        ("/", "/"),
        ("÷", "/"),
        ("^", "^"),
    ];
    for (written, canonical) in spellings {
        assert_eq!(
            formula(&format!("a {written} b")),
            format!("a {canonical} b")
        );
        // The unary minus binds less than `^`: the printer puts it in parentheses there.
        let minus_b = if canonical == "^" { "(-b)" } else { "-b" };
        assert_eq!(
            formula(&format!("a{written}-b")),
            format!("a {canonical} {minus_b}")
        );
    }
    for (written, canonical) in [
        ("a - b - c", "a - b - c"),
        ("a - (b - c)", "a - (b - c)"),
        ("a / b * c", "a / b * c"),
        ("a / (b * c)", "a / (b * c)"),
        ("a + b * c", "a + b * c"),
        ("(a + b) * c", "(a + b) * c"),
        ("a ^ b ^ c", "a ^ b ^ c"),
        ("(a ^ b) ^ c", "(a ^ b) ^ c"),
        ("-a ^ b", "-a ^ b"),
        ("(-a) ^ b", "(-a) ^ b"),
        ("-a * b", "-a * b"),
        ("a * -b ^ c + d", "a * -b ^ c + d"),
        ("a ^ -b * c", "a ^ (-b) * c"),
        ("a ^ (-b * c)", "a ^ (-b * c)"),
    ] {
        assert_eq!(formula(written), canonical, "{written}");
    }
}

#[test]
fn logical_operators_and_their_precedence() {
    for and in ["e", "E", "and", "AND", "&&"] {
        for or in ["o", "O", "or", "Or", "||"] {
            assert_eq!(
                target(&format!("> 1 {and} < 5 {or} = 9")),
                "> 1 e < 5 o = 9"
            );
            assert_eq!(
                target(&format!("> 1 {or} < 5 {and} = 9")),
                "> 1 o < 5 e = 9"
            );
            assert_eq!(
                target(&format!("(> 1 {or} < 5) {and} = 9")),
                "(> 1 o < 5) e = 9"
            );
        }
    }
    for not in ["non", "NON", "not", "Not"] {
        assert_eq!(target(&format!("{not} X < X-1")), "non X < X-1");
    }
}

#[test]
fn years_in_brackets() {
    for (written, canonical) in [
        ("a[x-1]", "a[x-1]"),
        ("a[x - 1]", "a[x-1]"),
        ("a[X−1]", "a[x-1]"),
        ("a[ x -\u{A0}12 ]", "a[x-12]"),
        ("a[x+2]", "a[x+2]"),
        ("a [x + 2]", "a[x+2]"),
        ("a[x]", "a[x]"),
        ("a[x+0]", "a[x]"),
        ("a[2019]", "a[2019]"),
        ("a[ 2019 ]", "a[2019]"),
        ("a", "a"),
    ] {
        assert_eq!(formula(written), canonical, "{written}");
    }
}

#[test]
fn keywords_and_their_english_aliases() {
    for (written, canonical) in [
        (
            "scostamento max 0,02 da media cluster",
            "scostamento max 0,02 da media cluster",
        ),
        (
            "Scostamento Massimo 0,02 DA media",
            "scostamento max 0,02 da media cluster",
        ),
        (
            "within 0,02 of mean",
            "scostamento max 0,02 da media cluster",
        ),
        (
            "within 0,02 da benchmark",
            "scostamento max 0,02 da media cluster",
        ),
        ("tra 3 e 5", "tra 3 e 5"),
        ("between 3 AND 5", "tra 3 e 5"),
        ("BETWEEN 3 e 5", "tra 3 e 5"),
        ("entro 31/12/2019", "entro 31/12/2019"),
        ("by 31/12/2019", "entro 31/12/2019"),
        ("Anno di rilevazione", "Anno di rilevazione"),
        ("anno rilevazione", "Anno di rilevazione"),
        ("rilevazione", "Anno di rilevazione"),
        ("baseline", "Anno di rilevazione"),
        (">= 80% parziale da 60%", "≥ 80% parziale da 60%"),
        (">= 80% partial from 60%", "≥ 80% parziale da 60%"),
    ] {
        assert_eq!(target(written), canonical, "{written}");
    }
    // Italian and English do not mix inside one clause.
    for mixed in [
        ">= 80% parziale from 60%",
        ">= 80% partial da 60%",
        "anno baseline",
    ] {
        assert!(parse_target(mixed).is_err(), "{mixed}");
    }
}
