//! Benchmarks of the rules language: parsing and evaluating the seed's formulas and targets,
//! a generated plan of 10 000 indicators × 6 years, and — on the arithmetic formulas both
//! accept — the same work done by the `evalexpr` and `fasteval` crates, side by side.
//!
//! Run: `cargo bench --bench language -- --warm-up-time 1 --measurement-time 3`

use std::hint::black_box;

use criterion::{criterion_group, criterion_main};

#[path = "support/cpu_time.rs"]
mod cpu_time;

/// Criterion on the thread's CPU time (comparable on a loaded machine).
type Criterion = criterion::Criterion<cpu_time::CpuTime>;
use cruscotto::eval::{evaluate, judge, Data, Datum, Outcome, Polarity, Scope, Series, Value};
use cruscotto::lang::{parse_formula, parse_target, Formula, Target};
use evalexpr::{ContextWithMutableVariables, DefaultNumericTypes, HashMapContext, Node};

/// The seed's target cells after OCR repair (tests/lang_seed.rs has them with their meaning).
const SEED_TARGETS: &[&str] = &[
    "100%",
    "<20%",
    "<10%",
    "0%",
    "10%",
    "Anno di rilevazione",
    "≥1",
    ">1",
    "≥90%",
    "95%",
    ">= 80%",
    ">=85%",
    "≥3,5",
    "≥3",
    ">3",
    "10",
    ">=75%",
    ">=80%",
    "31/12/2018",
    "31/12/2019",
    "31/12/2020",
    "31/12/2021",
    ">=3",
    ">=3,5",
    "93%",
    "98%",
    "99%",
    "<2",
    "80%",
    "85%",
    "90%",
    "<18%",
    "≥ media",
    "ITP <-10",
    "ITP <-15",
    "X < X-1",
    "X< X-2",
    "X< X-3",
    "X< X-4",
    ">90%",
    ">92%",
    ">94%",
    ">96%",
    ">3,0",
    ">3,5",
    ">1,2",
    "25%",
    "50%",
    "75%",
    "73%",
    "71%",
    "69%",
    "70%",
    "<1",
    "scostamento max 0,02 da media cluster",
    "scostamento max 0,01 da media cluster",
    "> media cluster",
];

/// The seed's "algoritmi di calcolo" written in the language.
const SEED_FORMULAS: &[&str] = &[
    "fascicoli_creati / fascicoli_ricevuti",
    "comunicazioni_non_digitali / comunicazioni_uscita",
    "pratiche_5gg / media(pratiche_5gg_gr; pratiche_5gg_li)",
    "progetti_approvati / progetti_presentati",
    "stakeholders / stakeholders[x-1]",
    "scuole / scuole[x-1]",
    "procedure_avviate / misure_deliberate",
    "accessi / accessi[x-1]",
    "atti_nei_termini / atti_totali",
    "fatture_30gg / fatture_pagate",
    "obiettivi_modificati / obiettivi_programmati",
    "personale_supporto / personale_totale",
    "documenti_fascicolati / documenti_protocollati",
    "immobili_dismessi / immobili_piano",
    "lavori_realizzati / lavori_programmati",
    "riscossioni_spontanee / dovuto",
    "(costi / proventi) / (costi[x-1] / proventi[x-1])",
    "crediti / crediti[x-1]",
    "giorni_ponderati / importi_pagati",
];

/// Arithmetic both languages accept (no year references, decimal point, no functions).
const COMMON_ARITHMETIC: &[&str] = &[
    "fascicoli_creati / fascicoli_ricevuti",
    "atti_nei_termini / atti_totali",
    "(costi / proventi) / (costi_prec / proventi_prec)",
    "fascicoli_creati * 2.5 + atti_totali - 3.5",
    "(fascicoli_creati + atti_totali) * (costi - proventi) / 2.0",
    "costi ^ 2.0 / (proventi + 1.0)",
];

/// The same shapes with whole numbers only, as the seed's formulas are: a number with a dot
/// goes to pest whatever its reading (issue 16 changes it), these take the parser's shortcut.
const WHOLE_ARITHMETIC: &[&str] = &[
    "fascicoli_creati / fascicoli_ricevuti",
    "atti_nei_termini / atti_totali",
    "(costi / proventi) / (costi_prec / proventi_prec)",
    "fascicoli_creati * 2 + atti_totali - 3",
    "(fascicoli_creati + atti_totali) * (costi - proventi) / 2",
    "costi ^ 2 / (proventi + 1)",
];

const YEARS: std::ops::RangeInclusive<i32> = 2016..=2021;

fn seed_data() -> Data {
    let mut data = Data::new();
    for f in SEED_FORMULAS.iter().chain(COMMON_ARITHMETIC) {
        for name in parse_formula(f).expect("seed formula parses").measures() {
            let series: Series = YEARS
                .map(|y| {
                    (
                        y,
                        Datum::Number(f64::from(y - 2000) * 1.5 + name.len() as f64),
                    )
                })
                .collect();
            data.insert(name, series);
        }
    }
    data.insert(
        "media_cluster".into(),
        YEARS.map(|y| (y, Datum::Number(0.8))).collect(),
    );
    data
}

fn bench_seed(c: &mut Criterion) {
    let mut g = c.benchmark_group("seed");
    g.bench_function("parse 57 targets", |b| {
        b.iter(|| {
            SEED_TARGETS
                .iter()
                .map(|t| parse_target(black_box(t)).is_ok() as usize)
                .sum::<usize>()
        })
    });
    g.bench_function("parse 19 formulas", |b| {
        b.iter(|| {
            SEED_FORMULAS
                .iter()
                .map(|f| parse_formula(black_box(f)).is_ok() as usize)
                .sum::<usize>()
        })
    });
    let targets: Vec<Target> = SEED_TARGETS
        .iter()
        .map(|t| parse_target(t).expect("parses"))
        .collect();
    let values: Series = YEARS
        .map(|y| (y, Datum::Number(0.5 + f64::from(y - 2016) * 0.1)))
        .collect();
    let data = seed_data();
    g.bench_function("evaluate 57 targets (with traces)", |b| {
        let scope = Scope {
            values: Some(&values),
            code: Some("ITP"),
            ..Scope::new(&data)
        };
        b.iter(|| {
            targets
                .iter()
                .filter(|t| evaluate(t, &scope, Some(2020)).score.is_some())
                .count()
        })
    });
    g.bench_function("judge 57 targets (no traces)", |b| {
        let scope = Scope {
            values: Some(&values),
            code: Some("ITP"),
            ..Scope::new(&data)
        };
        b.iter(|| {
            targets
                .iter()
                .filter(|t| judge(t, &scope, Some(2020)).score.is_some())
                .count()
        })
    });
    let formulas: Vec<Formula> = SEED_FORMULAS
        .iter()
        .map(|f| parse_formula(f).expect("parses"))
        .collect();
    g.bench_function("compute 19 formulas", |b| {
        b.iter(|| {
            formulas
                .iter()
                .filter(|f| {
                    matches!(
                        Scope {
                            formula: Some(f),
                            ..Scope::new(&data)
                        }
                        .compute(2020),
                        Value::Number(_)
                    )
                })
                .count()
        })
    });
    g.finish();
}

fn evalexpr_context(data: &Data, year: i32) -> HashMapContext<DefaultNumericTypes> {
    let mut ctx = HashMapContext::<DefaultNumericTypes>::new();
    for (name, series) in data {
        if let Some(Datum::Number(x)) = series.get(&year) {
            ctx.set_value(name.clone(), evalexpr::Value::Float(*x))
                .expect("mutable context");
        }
    }
    ctx
}

fn bench_versus_evalexpr(c: &mut Criterion) {
    let data = seed_data();
    let mut g = c.benchmark_group("arithmetic vs evalexpr");
    g.bench_function("cruscotto parse 6", |b| {
        b.iter(|| {
            COMMON_ARITHMETIC
                .iter()
                .map(|f| parse_formula(black_box(f)).is_ok() as usize)
                .sum::<usize>()
        })
    });
    g.bench_function("evalexpr parse 6", |b| {
        b.iter(|| {
            COMMON_ARITHMETIC
                .iter()
                .map(|f| {
                    evalexpr::build_operator_tree::<DefaultNumericTypes>(black_box(f)).is_ok()
                        as usize
                })
                .sum::<usize>()
        })
    });
    let ours: Vec<Formula> = COMMON_ARITHMETIC
        .iter()
        .map(|f| parse_formula(f).expect("parses"))
        .collect();
    let theirs: Vec<Node<DefaultNumericTypes>> = COMMON_ARITHMETIC
        .iter()
        .map(|f| evalexpr::build_operator_tree(f).expect("parses"))
        .collect();
    let ctx = evalexpr_context(&data, 2020);
    // Same answers before timing anything.
    for (o, t) in ours.iter().zip(&theirs) {
        let a = Scope {
            formula: Some(o),
            ..Scope::new(&data)
        }
        .compute(2020);
        let b = t.eval_float_with_context(&ctx).expect("evalexpr evaluates");
        assert_eq!(a, Value::Number(b), "{o}");
    }
    g.bench_function("cruscotto evaluate 6", |b| {
        b.iter(|| {
            ours.iter()
                .filter(|f| {
                    matches!(
                        Scope {
                            formula: Some(f),
                            ..Scope::new(&data)
                        }
                        .compute(2020),
                        Value::Number(_)
                    )
                })
                .count()
        })
    });
    g.bench_function("evalexpr evaluate 6", |b| {
        b.iter(|| {
            theirs
                .iter()
                .filter(|n| n.eval_float_with_context(&ctx).is_ok())
                .count()
        })
    });
    g.finish();
    bench_versus_fasteval(c, &data, &ours);
    bench_parse_phases(c);
    bench_parse_and_evaluate(c, "parse + evaluate 6", COMMON_ARITHMETIC, &data, &ctx);
    bench_parse_and_evaluate(c, "parse + evaluate 6 whole", WHOLE_ARITHMETIC, &data, &ctx);
}

fn fasteval_namespace(data: &Data, year: i32) -> std::collections::BTreeMap<String, f64> {
    data.iter()
        .filter_map(|(name, series)| match series.get(&year) {
            Some(Datum::Number(x)) => Some((name.clone(), *x)),
            _ => None,
        })
        .collect()
}

/// fasteval 0.2, the fastest Rust expression engine we know, on the same formulas.
fn bench_versus_fasteval(c: &mut Criterion, data: &Data, ours: &[Formula]) {
    use fasteval::Evaler;
    let mut g = c.benchmark_group("arithmetic vs fasteval");
    let parser = fasteval::Parser::new();
    let mut slab = fasteval::Slab::new();
    g.bench_function("fasteval parse 6", |b| {
        b.iter(|| {
            COMMON_ARITHMETIC
                .iter()
                .map(|f| {
                    slab.clear();
                    parser.parse(black_box(f), &mut slab.ps).is_ok() as usize
                })
                .sum::<usize>()
        })
    });
    let parsed: Vec<(fasteval::Slab, fasteval::ExpressionI)> = COMMON_ARITHMETIC
        .iter()
        .map(|f| {
            let mut slab = fasteval::Slab::new();
            let e = parser.parse(f, &mut slab.ps).expect("fasteval parses");
            (slab, e)
        })
        .collect();
    let mut ns = fasteval_namespace(data, 2020);
    for ((slab, e), o) in parsed.iter().zip(ours) {
        let a = Scope {
            formula: Some(o),
            ..Scope::new(data)
        }
        .compute(2020);
        let b = e
            .from(&slab.ps)
            .eval(slab, &mut ns)
            .expect("fasteval evaluates");
        match a {
            Value::Number(a) => assert!((a - b).abs() <= 1e-9 * a.abs().max(1.0), "{o}"),
            other => panic!("{o}: {other:?}"),
        }
    }
    g.bench_function("fasteval evaluate 6", |b| {
        b.iter(|| {
            parsed
                .iter()
                .filter(|(slab, e)| e.from(&slab.ps).eval(slab, &mut ns).is_ok())
                .count()
        })
    });
    g.finish();
}

/// Where parse time goes: the guard's pass, pest's recognition (pairs), and the whole parse
/// (guard + pest + the builder's tree); the builder is the difference.
fn bench_parse_phases(c: &mut Criterion) {
    use cruscotto::lang::phases;
    let mut g = c.benchmark_group("parse phases 6");
    g.bench_function("guard", |b| {
        b.iter(|| {
            COMMON_ARITHMETIC
                .iter()
                .filter(|f| phases::guard(black_box(f)))
                .count()
        })
    });
    g.bench_function("pest", |b| {
        b.iter(|| {
            COMMON_ARITHMETIC
                .iter()
                .filter(|f| phases::pest(black_box(f), false))
                .count()
        })
    });
    g.bench_function("whole parse", |b| {
        b.iter(|| {
            COMMON_ARITHMETIC
                .iter()
                .filter(|f| parse_formula(black_box(f)).is_ok())
                .count()
        })
    });
    g.bench_function("whole parse, pest path only", |b| {
        b.iter(|| {
            COMMON_ARITHMETIC
                .iter()
                .filter(|f| phases::pest_formula(black_box(f)).is_ok())
                .count()
        })
    });
    g.finish();
}

/// The figure that matters when a text is new: parse and evaluate once, per engine.
fn bench_parse_and_evaluate(
    c: &mut Criterion,
    group: &str,
    set: &[&str],
    data: &Data,
    ctx: &HashMapContext<DefaultNumericTypes>,
) {
    use fasteval::Evaler;
    // Same answers before timing anything.
    for f in set {
        let ours = parse_formula(f).expect("parses");
        let a = Scope {
            formula: Some(&ours),
            ..Scope::new(data)
        }
        .compute(2020);
        let b = evalexpr::eval_float_with_context(f, ctx).expect("evalexpr evaluates");
        match a {
            Value::Number(a) => assert!((a - b).abs() <= 1e-9 * a.abs().max(1.0), "{f}"),
            other => panic!("{f}: {other:?}"),
        }
    }
    let mut g = c.benchmark_group(group);
    type Parse = fn(&str) -> Result<cruscotto::lang::Formula, Vec<cruscotto::lang::Diagnostic>>;
    let parsers: [(&str, Parse); 2] = [
        (
            "cruscotto, pest path only",
            cruscotto::lang::phases::pest_formula,
        ),
        ("cruscotto", parse_formula),
    ];
    for (name, parse) in parsers {
        g.bench_function(name, |b| {
            b.iter(|| {
                set.iter()
                    .filter_map(|f| parse(black_box(f)).ok())
                    .filter(|f| {
                        let scope = Scope {
                            formula: Some(f),
                            ..Scope::new(data)
                        };
                        matches!(scope.compute(2020), Value::Number(_))
                    })
                    .count()
            })
        });
    }
    g.bench_function("evalexpr", |b| {
        b.iter(|| {
            set.iter()
                .filter_map(|f| {
                    evalexpr::build_operator_tree::<DefaultNumericTypes>(black_box(f)).ok()
                })
                .filter(|n| n.eval_float_with_context(ctx).is_ok())
                .count()
        })
    });
    let parser = fasteval::Parser::new();
    let mut slab = fasteval::Slab::new();
    let mut ns = fasteval_namespace(data, 2020);
    g.bench_function("fasteval", |b| {
        b.iter(|| {
            set.iter()
                .filter(|f| {
                    slab.clear();
                    match parser.parse(black_box(f), &mut slab.ps) {
                        Ok(e) => e.from(&slab.ps).eval(&slab, &mut ns).is_ok(),
                        Err(_) => false,
                    }
                })
                .count()
        })
    });
    g.finish();
}

/// 10 000 indicators: formula i uses its own measures `m{i}_a`, `m{i}_b` (`c` for some), and
/// six yearly targets drawn from the seed's cells.
struct Plan {
    formulas: Vec<String>,
    targets: Vec<[String; 6]>,
    data: Data,
}

fn generated_plan() -> Plan {
    let shapes = [
        "{a} / {b}",
        "{a} / {a}[x-1]",
        "({a} / {b}) / ({a}[x-1] / {b}[x-1])",
        "{a} * 2,5 + {b} - 3,5",
        "media({a}; {b}; {c})",
    ];
    let mut plan = Plan {
        formulas: Vec::new(),
        targets: Vec::new(),
        data: Data::new(),
    };
    for i in 0..10_000usize {
        let (a, b, c) = (format!("m{i}_a"), format!("m{i}_b"), format!("m{i}_c"));
        let shape = shapes[i % shapes.len()];
        plan.formulas.push(
            shape
                .replace("{a}", &a)
                .replace("{b}", &b)
                .replace("{c}", &c),
        );
        let targets =
            std::array::from_fn(|k| SEED_TARGETS[(i * 7 + k) % SEED_TARGETS.len()].to_string());
        plan.targets.push(targets);
        for (n, name) in [a, b, c].into_iter().enumerate() {
            let series = YEARS
                .map(|y| {
                    (
                        y,
                        Datum::Number(((i + n * 3) % 17 + 1) as f64 * f64::from(y - 2010)),
                    )
                })
                .collect();
            plan.data.insert(name, series);
        }
    }
    plan.data.insert(
        "media_cluster".into(),
        YEARS.map(|y| (y, Datum::Number(0.8))).collect(),
    );
    plan
}

fn bench_plan(c: &mut Criterion) {
    let plan = generated_plan();
    let mut g = c.benchmark_group("plan 10000 x 6");
    g.sample_size(10);
    g.bench_function("parse 10000 formulas + 60000 targets", |b| {
        b.iter(|| {
            let f = plan
                .formulas
                .iter()
                .filter(|f| parse_formula(f).is_ok())
                .count();
            let t = plan
                .targets
                .iter()
                .flatten()
                .filter(|t| parse_target(t).is_ok())
                .count();
            f + t
        })
    });
    let formulas: Vec<Formula> = plan
        .formulas
        .iter()
        .map(|f| parse_formula(f).expect("parses"))
        .collect();
    let targets: Vec<Vec<Target>> = plan
        .targets
        .iter()
        .map(|ts| {
            ts.iter()
                .map(|t| parse_target(t).expect("parses"))
                .collect()
        })
        .collect();
    // How many targets are met, judging each outcome with `judge_one` (traced or not).
    let count_met = |judge_one: fn(&Target, &Scope, Option<i32>) -> Outcome| {
        let mut met = 0usize;
        for (f, ts) in formulas.iter().zip(&targets) {
            let scope = Scope {
                formula: Some(f),
                polarity: Polarity::Higher,
                years: Some((2016, 2021)),
                ..Scope::new(&plan.data)
            };
            for (t, year) in ts.iter().zip(YEARS) {
                met += usize::from(judge_one(t, &scope, Some(year)).score == Some(100.0));
            }
        }
        met
    };
    g.bench_function("evaluate 60000 outcomes (with traces)", |b| {
        b.iter(|| count_met(evaluate))
    });
    g.bench_function("judge 60000 outcomes (no traces)", |b| {
        b.iter(|| count_met(judge))
    });
    g.bench_function("compute 60000 formula values", |b| {
        b.iter(|| {
            formulas
                .iter()
                .flat_map(|f| YEARS.map(move |y| (f, y)))
                .filter(|(f, y)| {
                    matches!(
                        Scope {
                            formula: Some(f),
                            ..Scope::new(&plan.data)
                        }
                        .compute(*y),
                        Value::Number(_)
                    )
                })
                .count()
        })
    });
    // Side by side: the arithmetic-only indicators (shapes 0 and 3), both engines.
    let common: Vec<usize> = (0..formulas.len())
        .filter(|i| i % 5 == 0 || i % 5 == 3)
        .collect();
    let dotted: Vec<Node<DefaultNumericTypes>> = common
        .iter()
        .map(|&i| {
            evalexpr::build_operator_tree(&plan.formulas[i].replace(',', "."))
                .expect("evalexpr parses")
        })
        .collect();
    let contexts: Vec<HashMapContext<DefaultNumericTypes>> =
        YEARS.map(|y| evalexpr_context(&plan.data, y)).collect();
    g.bench_function(
        format!("cruscotto compute {} arithmetic x 6", common.len()),
        |b| {
            b.iter(|| {
                let mut n = 0usize;
                for &i in &common {
                    let scope = Scope {
                        formula: Some(&formulas[i]),
                        ..Scope::new(&plan.data)
                    };
                    for y in YEARS {
                        n += usize::from(matches!(scope.compute(y), Value::Number(_)));
                    }
                }
                n
            })
        },
    );
    g.bench_function(
        format!("evalexpr evaluate {} arithmetic x 6", common.len()),
        |b| {
            b.iter(|| {
                let mut n = 0usize;
                for node in &dotted {
                    for ctx in &contexts {
                        n += usize::from(node.eval_float_with_context(ctx).is_ok());
                    }
                }
                n
            })
        },
    );
    g.finish();
}

fn bench_micro(c: &mut Criterion) {
    let mut g = c.benchmark_group("micro");
    for t in [
        "100%",
        ">= 80%",
        "scostamento max 0,02 da media cluster",
        "X < X-1",
    ] {
        g.bench_function(format!("target {t}"), |b| {
            b.iter(|| parse_target(black_box(t)).is_ok())
        });
    }
    for f in ["a", "fascicoli_creati / fascicoli_ricevuti"] {
        g.bench_function(format!("formula {f}"), |b| {
            b.iter(|| parse_formula(black_box(f)).is_ok())
        });
    }
    g.finish();
}

criterion_group!(
    name = benches;
    config = criterion::Criterion::default().with_measurement(cpu_time::CpuTime);
    targets =
    bench_micro,
    bench_seed,
    bench_versus_evalexpr,
    bench_plan
);
criterion_main!(benches);
