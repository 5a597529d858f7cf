//! Positions shown to people count characters: the Laboratorio's syntax tree and the error
//! columns alike (spans count bytes inside the language).

use cruscotto::lang::{parse_formula, parse_target, tree_in_chars};

#[test]
fn tree_positions_count_characters_like_error_columns() {
    // `≥` and `è` are several bytes each: byte positions would say 4..7 for `80%`.
    let src = "≥ 80% parziale da 60%";
    let tree = tree_in_chars(&parse_target(src).expect("parses").tree(), src);
    assert!(
        tree.contains("80 %  @2..5") || tree.contains("80%  @2..5"),
        "{tree}"
    );
    let chars = src.chars().count();
    for line in tree.lines().filter(|l| l.contains("  @")) {
        let (_, span) = line.rsplit_once("  @").expect("a span");
        let (a, b) = span.split_once("..").expect("a range");
        let (a, b): (usize, usize) = (a.parse().expect("start"), b.parse().expect("end"));
        assert!(a <= b && b <= chars, "{line} in {src}");
    }

    // The same text's error column and tree position name the same character.
    let f = "perché_a / b";
    let tree = tree_in_chars(&parse_formula(f).expect("parses").tree(), f);
    assert!(tree.contains("misura b  @11..12"), "{tree}");
    let err = parse_formula("perché_a / b +").expect_err("incomplete");
    assert_eq!(err[0].column, 14, "at the `+`, in characters (byte 15)");
}

#[test]
fn text_without_positions_is_kept() {
    assert_eq!(
        tree_in_chars("target\n  anno di rilevazione\n", "x"),
        "target\n  anno di rilevazione\n"
    );
}
