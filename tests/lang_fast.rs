//! The parser's shortcut (src/lang/fast.rs) against pest: on every text it either declines or
//! builds exactly the tree pest and the builders build, spans included (compared through
//! `Debug`, since tree equality ignores spans); and `parse_*` answers exactly what the pest path
//! answers, errors included. Texts: the default plan's formulas and targets, the fuzz corpus if
//! present, generated valid texts of the shortcut's subset and mutilated ones.
#![cfg(not(target_arch = "wasm32"))]

use cruscotto::lang::{parse_formula, parse_target, phases};
use proptest::prelude::*;

/// Both parsers of both kinds agree on `text`; returns how many of the two the shortcut took.
fn agree(text: &str) -> usize {
    let pest_f = format!("{:?}", phases::pest_formula(text));
    assert_eq!(
        format!("{:?}", parse_formula(text)),
        pest_f,
        "formula {text:?}"
    );
    let pest_t = format!("{:?}", phases::pest_target(text));
    assert_eq!(
        format!("{:?}", parse_target(text)),
        pest_t,
        "target {text:?}"
    );
    if !phases::guard(text) {
        return 0; // the shortcut runs after the guard only
    }
    let f = phases::fast_formula(text).map(|f| assert_eq!(format!("Ok({f:?})"), pest_f));
    let t = phases::fast_target(text).map(|t| assert_eq!(format!("Ok({t:?})"), pest_t));
    usize::from(f.is_some()) + usize::from(t.is_some())
}

fn default_plan_texts() -> (Vec<String>, Vec<String>) {
    let plan: serde_json::Value =
        serde_json::from_str(cruscotto::plan::DEFAULT_PLAN_JSON).expect("the default plan is JSON");
    let (mut formulas, mut targets) = (Vec::new(), Vec::new());
    let mut stack = vec![&plan];
    while let Some(v) = stack.pop() {
        match v {
            serde_json::Value::Object(m) => {
                if let Some(serde_json::Value::String(f)) = m.get("formula") {
                    formulas.push(f.clone());
                }
                if let Some(serde_json::Value::Object(cells)) = m.get("targets") {
                    for cell in cells.values() {
                        if let Some(t) = cell.get("text").and_then(|t| t.as_str()) {
                            targets.push(t.to_string());
                        }
                    }
                }
                stack.extend(m.values());
            }
            serde_json::Value::Array(a) => stack.extend(a),
            _ => {}
        }
    }
    (formulas, targets)
}

#[test]
fn the_default_plan_parses_the_same_and_mostly_by_the_shortcut() {
    let (formulas, targets) = default_plan_texts();
    assert!(
        formulas.len() > 10 && targets.len() > 100,
        "the seed's texts were found"
    );
    for text in formulas.iter().chain(&targets) {
        agree(text);
    }
    // The shortcut is there for these texts: if it stopped taking them, the speed would go.
    let fast_f = formulas
        .iter()
        .filter(|f| phases::fast_formula(f).is_some());
    let fast_t = targets.iter().filter(|t| phases::fast_target(t).is_some());
    let (ff, ft) = (fast_f.count(), fast_t.count());
    assert!(
        ff * 10 >= formulas.len() * 9,
        "{ff} of {} formulas",
        formulas.len()
    );
    assert!(
        ft * 10 >= targets.len() * 7,
        "{ft} of {} targets",
        targets.len()
    );
}

#[test]
fn the_fuzz_corpus_parses_the_same() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus");
    for target in ["formula_parse", "target_parse"] {
        let Ok(dir) = std::fs::read_dir(root.join(target)) else {
            continue; // no corpus in this checkout: the generated texts below still run
        };
        for entry in dir.flatten() {
            if let Ok(text) = std::fs::read_to_string(entry.path()) {
                agree(&text);
            }
        }
    }
}

#[test]
fn edges_of_the_subset_parse_the_same() {
    let texts = [
        "a",
        "_a1",
        "a/b",
        "a / b[x-1]",
        "a[ X + 2 ]",
        "a [2019]",
        "a[201]",
        "a[20190]",
        "a[x]",
        "a[x-]",
        "a[x1]",
        "-a",
        "--a",
        "- -a",
        "a--b",
        "a - -b",
        "-2^-3",
        "-a^2*b",
        "a^b^c",
        "2^3^-4",
        "a*-b",
        "(a)",
        "((a))",
        "(a) + (b)",
        "((a + b) * c)",
        "(a > b)",
        "()",
        "a(",
        "media(a; b)",
        "MEDIA (a)",
        "media\t(a;b;c)",
        "media\n(a)",
        "abs(a; b)",
        "abs(a)",
        "abs()",
        "se(a > b; 1; 2)",
        "foo(a)",
        "x(a)",
        "media_cluster",
        "MEDIA_cluster[x-1]",
        "media",
        "media cluster",
        "mean",
        "e",
        "o",
        "x",
        "X",
        "X-1",
        "x-12",
        "X -1",
        "X-",
        "X-1a",
        "X-99999999999",
        "Xa",
        "80%",
        "80 %",
        "80  %",
        "80\t%",
        "3,5",
        "3,",
        "3,5,5",
        "3.5",
        "1.000",
        "2.355",
        "1.000.000",
        "1.000,5",
        "1.000.5",
        "1.2.3",
        "0.500",
        "01.000",
        "1,000.5",
        "12.5%",
        "12.5 %",
        "3.",
        "3.x",
        "3..5",
        "a * 2.5 + 1.000",
        ">= 1.000",
        "X >= 2.355,5",
        "X <= 0.85",
        "X[2022]",
        "x[2022] * 1,05",
        "X >= X[2022] * 1,05",
        "X[202]",
        "X[20222]",
        "X [2022]",
        "X[2022",
        "1e5",
        "1e-9",
        "12/3",
        "31/12/2019",
        "100/2",
        "a/12/12/2019",
        ">= 80%",
        ">=80%",
        "=> 3",
        "<= 3",
        "=<3",
        "!= 3",
        "<> 3",
        "> 3",
        "< 3",
        "== 3",
        "= 3",
        "=",
        ">",
        "<=>3",
        "X < X-1",
        "X< X-2",
        "ITP <-10",
        "X >= -5",
        "- 5",
        ">= - 5 %",
        "X < X-1 + 1",
        "80-90%",
        "5 5",
        "a b",
        " a ",
        "\ta\r\n",
        "a\u{A0}",
        "a\u{B}",
        "attività",
        "a\u{300}",
        "a ≥ b",
        "≥ 80%",
        "a − b",
        "a × b",
        "99999999999999999999999999999999999999999",
        "1,99999999999999999999",
        "0",
        "00",
        "007%",
        "tra 3 e 5",
        "X tra 3 e 5",
        "scostamento max 0,02 da media cluster",
        "Anno di rilevazione",
        "100% parziale da 80%",
        "non X > 3",
        "X > 3 e X < 5",
        "anno di rilevazione",
        "Anno\tDi  RILEVAZIONE ",
        "anno rilevazione",
        "rilevazione",
        "baseline",
        "anno",
        "anno di",
        "di rilevazione",
        "annodi rilevazione",
        "baseline baseline",
        "≥1",
        "≤ 2",
        "≠3",
        "≥≥3",
        "X ≥ X-1",
        "X > 3 && X < 5",
        "entro 31/12/2019",
        "",
    ];
    let taken: usize = texts.iter().map(|t| agree(t)).sum();
    assert!(taken > 40, "the shortcut took {taken}");
    // Deep chains and nesting end where pest ends them, with pest's message.
    for n in [60, 64, 65, 127, 128, 129, 200] {
        agree(&vec!["a"; n].join(" + "));
        agree(&vec!["a"; n].join(" ^ "));
        agree(&format!("{}a{}", "(".repeat(n), ")".repeat(n)));
        agree(&format!("{}a", "-(".repeat(n)));
        agree(&format!("{}a{}", "media(".repeat(n), ")".repeat(n)));
    }
}

/// Texts of the shortcut's subset, spaced at random, with some words and forms just outside.
fn text() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        4 => "[0-9]{1,4}(,[0-9]{1,3})?( {0,2}%)?",
        4 => "[a-z_][a-z0-9_]{0,6}",
        1 => prop::sample::select(vec![
            "e",
            "o",
            "x",
            "X",
            "X-1",
            "x-3",
            "media",
            "media_cluster",
            "max",
            "da",
            "ITP",
            "Média",
        ])
        .prop_map(String::from),
        2 => (
            "[a-z]{1,5}",
            "\\[ ?([xX] ?([+-] ?[0-9]{1,2})?|[0-9]{3,5}) ?\\]"
        )
            .prop_map(|(n, y)| format!("{n}{y}")),
    ];
    leaf.prop_recursive(5, 48, 4, |inner| {
        let sp = "[ \t]{0,2}";
        prop_oneof![
            (inner.clone(), sp, "[-+*/^]", sp, inner.clone())
                .prop_map(|(a, s, op, t, b)| format!("{a}{s}{op}{t}{b}")),
            (sp, inner.clone()).prop_map(|(s, a)| format!("-{s}{a}")),
            (sp, inner.clone()).prop_map(|(s, a)| format!("({s}{a})")),
            (
                "(media|somma|abs|MAX|min|media|abs|se|foo)",
                prop::collection::vec(inner.clone(), 1..4)
            )
                .prop_map(|(f, args)| format!("{f}({})", args.join("; "))),
            (
                inner.clone(),
                "(>=|<=|=>|=<|!=|<>|>|<|==|=|≥)",
                inner.clone()
            )
                .prop_map(|(a, op, b)| format!("{a} {op} {b}")),
            ("(>=|<|=|!=) ?", inner).prop_map(|(op, a)| format!("{op}{a}")),
        ]
    })
}

/// A text with one character deleted, replaced or inserted.
fn mutilated() -> impl Strategy<Value = String> {
    let alphabet = prop::sample::select(
        " \t\n()[];,.%+-*/^<>=!xXe0123456789aé\u{A0}−≥"
            .chars()
            .collect::<Vec<_>>(),
    );
    (text(), any::<prop::sample::Index>(), alphabet, 0..3u8).prop_map(|(t, i, c, how)| {
        let mut chars: Vec<char> = t.chars().collect();
        let at = i.index(chars.len() + 1);
        match how {
            0 if at < chars.len() => {
                chars.remove(at);
            }
            1 if at < chars.len() => chars[at] = c,
            _ => chars.insert(at, c),
        }
        chars.into_iter().collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn generated_texts_parse_the_same(t in text()) {
        agree(&t);
    }

    #[test]
    fn mutilated_texts_parse_the_same(t in mutilated()) {
        agree(&t);
    }
}
