//! `parse(print(ast)) == ast` (spans aside) over generated formulas and targets, and the
//! printed text is a fixed point of print ∘ parse.
#![cfg(not(target_arch = "wasm32"))] // native: the browser tests are tests/browser.rs and tests/e2e

use cruscotto::eval::Date;
use cruscotto::lang::*;
use proptest::prelude::*;

const RESERVED: &[&str] = &[
    "e",
    "o",
    "and",
    "or",
    "non",
    "not",
    "tra",
    "between",
    "entro",
    "by",
    "scostamento",
    "within",
    "da",
    "of",
    "parziale",
    "partial",
    "media",
    "mean",
    "benchmark",
    "cluster",
    "anno",
    "rilevazione",
    "baseline",
    "x",
    "media_cluster",
];

fn sp<T>(node: T) -> Spanned<T> {
    Spanned::new(node, Span::default())
}

fn name() -> impl Strategy<Value = String> {
    "[a-z][a-z0-9_]{0,7}".prop_filter("not a keyword", |n| !RESERVED.contains(&n.as_str()))
}

fn number() -> impl Strategy<Value = Expr> {
    (0u32..2_000_000, 0u32..4, any::<bool>()).prop_map(|(n, d, percent)| {
        let value = f64::from(n) / 10f64.powi(d as i32);
        sp(ExprKind::Number { value, percent })
    })
}

fn date() -> impl Strategy<Value = Expr> {
    (1u8..=28, 1u8..=12, 1990i32..2100)
        .prop_map(|(d, m, y)| sp(ExprKind::Date(Date::new(y, m, d).expect("valid"))))
}

fn year_ref() -> impl Strategy<Value = YearRef> {
    prop_oneof![
        Just(YearRef::Current),
        (-6i32..6).prop_map(YearRef::Offset),
        (1000i32..=9999).prop_map(YearRef::Absolute),
    ]
}

fn leaf(target: bool) -> BoxedStrategy<Expr> {
    let measure =
        (name(), year_ref()).prop_map(|(name, year)| sp(ExprKind::Measure { name, year }));
    let base =
        prop_oneof![4 => number(), 1 => date(), 4 => measure, 1 => Just(sp(ExprKind::Benchmark))];
    if target {
        prop_oneof![
            5 => base,
            2 => (0u32..8).prop_map(|lag| sp(ExprKind::Own { lag })),
            1 => (1990i32..2100).prop_map(|year| sp(ExprKind::OwnIn { year })),
        ]
        .boxed()
    } else {
        base.boxed()
    }
}

fn expr(target: bool) -> BoxedStrategy<Expr> {
    leaf(target)
        .prop_recursive(5, 40, 4, move |inner| {
            let binop = prop_oneof![
                Just(BinOp::Add),
                Just(BinOp::Sub),
                Just(BinOp::Mul),
                Just(BinOp::Div),
                Just(BinOp::Pow)
            ];
            let func = prop_oneof![
                Just(Func::Mean),
                Just(Func::Sum),
                Just(Func::Min),
                Just(Func::Max)
            ];
            prop_oneof![
                inner.clone().prop_map(|e| sp(ExprKind::Neg(Box::new(e)))),
                (binop, inner.clone(), inner.clone()).prop_map(|(op, l, r)| sp(ExprKind::Binary {
                    op,
                    lhs: Box::new(l),
                    rhs: Box::new(r)
                })),
                (func, prop::collection::vec(inner.clone(), 1..4))
                    .prop_map(|(func, args)| sp(ExprKind::Call { func, args })),
                inner.clone().prop_map(|a| sp(ExprKind::Call {
                    func: Func::Abs,
                    args: vec![a]
                })),
                (inner.clone(), inner.clone(), inner.clone(), cmp()).prop_map(|(a, b, c, op)| {
                    let cond = sp(CondKind::Compare {
                        subject: Some(a.clone()),
                        op,
                        rhs: b,
                    });
                    sp(ExprKind::If {
                        cond: Box::new(cond),
                        then: Box::new(c),
                        otherwise: Box::new(a),
                    })
                }),
            ]
        })
        .boxed()
}

fn cmp() -> impl Strategy<Value = CmpOp> {
    prop_oneof![
        Just(CmpOp::Ge),
        Just(CmpOp::Gt),
        Just(CmpOp::Le),
        Just(CmpOp::Lt),
        Just(CmpOp::Eq),
        Just(CmpOp::Ne)
    ]
}

/// Subjects a target can write before a comparison (a bare name would be the code).
fn subject() -> impl Strategy<Value = Option<Expr>> {
    prop_oneof![
        3 => Just(None),
        1 => (0u32..5).prop_map(|lag| Some(sp(ExprKind::Own { lag }))),
        1 => (1990i32..2100).prop_map(|year| Some(sp(ExprKind::OwnIn { year }))),
        1 => "[A-Z]{2,4}".prop_filter("not x", |n| !RESERVED.contains(&n.to_lowercase().as_str()))
            .prop_map(|n| Some(sp(ExprKind::Code(n)))),
        1 => (expr(true), expr(true)).prop_map(|(a, b)| Some(sp(ExprKind::Binary {
            op: BinOp::Add, lhs: Box::new(a), rhs: Box::new(b) }))),
    ]
}

fn not_a_date(e: &Expr) -> bool {
    !matches!(e.node, ExprKind::Date(_))
}

fn cond() -> BoxedStrategy<Cond> {
    let atom = prop_oneof![
        expr(true)
            .prop_filter("a bare date is a deadline", not_a_date)
            .prop_map(|e| sp(CondKind::Bare(e))),
        (subject(), cmp(), expr(true)).prop_map(|(subject, op, rhs)| sp(CondKind::Compare {
            subject,
            op,
            rhs
        })),
        (subject(), expr(true), expr(true))
            .prop_map(|(subject, low, high)| sp(CondKind::Between { subject, low, high })),
        (expr(true), expr(true)).prop_map(|(t, r)| sp(CondKind::Within {
            tolerance: t,
            reference: r
        })),
        expr(true).prop_map(|e| sp(CondKind::Deadline(e))),
        // `entro 30/06`: a day of the target's year (a real day of some year).
        (1u8..=12, 1u8..=31)
            .prop_filter("a real day", |&(m, d)| cruscotto::lang::Date::new(
                2000, m, d
            )
            .is_some())
            .prop_map(|(month, day)| sp(CondKind::Deadline(sp(ExprKind::DayMonth { day, month })))),
    ];
    atom.prop_recursive(4, 16, 2, |inner| {
        prop_oneof![
            inner.clone().prop_map(|c| sp(CondKind::Not(Box::new(c)))),
            (inner.clone(), inner.clone())
                .prop_map(|(a, b)| sp(CondKind::And(Box::new(a), Box::new(b)))),
            (inner.clone(), inner.clone())
                .prop_map(|(a, b)| sp(CondKind::Or(Box::new(a), Box::new(b)))),
        ]
    })
    .boxed()
}

fn target() -> impl Strategy<Value = Target> {
    let with_partial = (
        subject(),
        prop_oneof![
            Just(CmpOp::Ge),
            Just(CmpOp::Gt),
            Just(CmpOp::Le),
            Just(CmpOp::Lt)
        ],
        expr(true),
        expr(true),
    )
        .prop_map(|(subject, op, rhs, floor)| Target {
            body: TargetBody::Condition(sp(CondKind::Compare { subject, op, rhs })),
            partial: Some(floor),
            span: Span::default(),
            label: None,
        });
    prop_oneof![
        1 => Just(Target { body: TargetBody::Baseline, partial: None, span: Span::default(), label: None }),
        6 => cond().prop_map(|c| Target { body: TargetBody::Condition(c), partial: None, span: Span::default(), label: None }),
        2 => with_partial,
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn formulas_round_trip(e in expr(false)) {
        let f = Formula { expr: e };
        let text = f.to_string();
        let back = parse_formula(&text);
        prop_assert!(back.is_ok(), "{text}: {:?}", back.err().map(|d| d[0].render(&text, Lang::It)));
        let back = back.unwrap();
        prop_assert_eq!(&back, &f, "{}", text);
        prop_assert_eq!(back.to_string(), text);
    }

    #[test]
    fn targets_round_trip(t in target()) {
        let text = t.to_string();
        let back = parse_target(&text);
        prop_assert!(back.is_ok(), "{text}: {:?}", back.err().map(|d| d[0].render(&text, Lang::It)));
        let back = back.unwrap();
        prop_assert_eq!(&back, &t, "{}", text);
        prop_assert_eq!(back.to_string(), text);
    }
}

#[test]
fn spans_point_at_the_source() {
    let src = "a + accessi[x-1]";
    let f = parse_formula(src).expect("parses");
    let ExprKind::Binary { rhs, .. } = &f.expr.node else {
        panic!("binary expected")
    };
    assert_eq!(&src[rhs.span.range()], "accessi[x-1]");
    // Equality ignores spans: the same formula written with other spacing is equal.
    assert_eq!(parse_formula("a+accessi [ x - 1 ]").expect("parses"), f);
}

/// Found by fuzzing (formula_parse, 29/11/2026): `b[0209]` read as the year 209 printed as
/// `b[209]`, which does not parse (a year is written with four digits).
#[test]
fn a_year_with_a_leading_zero_prints_back_to_a_text_that_parses() {
    for text in ["aҍ - b[0209]", "b[0209]", "b[0001]"] {
        let formula = parse_formula(text).expect("four digits are a year");
        let printed = formula.to_string();
        let again = parse_formula(&printed).unwrap_or_else(|e| panic!("{printed:?}: {e:?}"));
        assert_eq!(again, formula, "{text:?} printed as {printed:?}");
    }
}
