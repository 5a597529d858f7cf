//! Text → AST: a guard on the raw text, pest for the syntax, builders for the typed tree.
//! No evaluation happens on pest pairs.

use std::sync::LazyLock;

use pest::error::{ErrorVariant, InputLocation};
use pest::iterators::Pair;
use pest::pratt_parser::{Assoc, Op, PrattParser};
use pest::Parser as _;

use super::ast::*;
use super::diagnostic::{Diagnostic, DiagnosticKind as K, Expected, Found};
use super::suggest::suggest;
use crate::eval::Date;

#[derive(pest_derive::Parser)]
// pest_derive looks for the path under CARGO_MANIFEST_DIR first, then under `src/`.
#[grammar = "grammar/rules.pest"]
struct RulesParser;

/// Longest text accepted, in characters.
pub const MAX_CHARS: usize = 10_000;
/// Deepest nesting of parentheses/brackets, and most `^` in one text (pest and the Pratt parser
/// recurse on them, so the guard refuses deeper input before they run).
pub const MAX_NESTING: usize = 64;
/// Deepest AST accepted (long chains of operators), so that evaluation and printing stay shallow.
pub const MAX_TREE_DEPTH: usize = 128;

/// Function names the language knows, canonical and aliases.
pub const FUNCTIONS: &[&str] = &[
    "media", "avg", "somma", "sum", "min", "max", "abs", "se", "if",
];

/// Keywords of targets (Italian and English), for suggestions on unknown words.
pub const KEYWORDS: &[&str] = &[
    "e",
    "o",
    "non",
    "and",
    "or",
    "not",
    "tra",
    "between",
    "entro",
    "by",
    "scostamento",
    "max",
    "massimo",
    "within",
    "da",
    "of",
    "parziale",
    "partial",
    "from",
    "media",
    "cluster",
    "mean",
    "benchmark",
    "anno",
    "di",
    "rilevazione",
    "baseline",
];

type R<T> = Result<T, Diagnostic>;

static PRATT: LazyLock<PrattParser<Rule>> = LazyLock::new(|| {
    PrattParser::new()
        .op(Op::infix(Rule::add, Assoc::Left) | Op::infix(Rule::sub, Assoc::Left))
        .op(Op::infix(Rule::mul, Assoc::Left) | Op::infix(Rule::div, Assoc::Left))
        .op(Op::prefix(Rule::neg))
        .op(Op::infix(Rule::pow, Assoc::Right))
});

/// Parses an indicator's formula, e.g. `fascicoli_creati / fascicoli_ricevuti`.
pub fn parse_formula(src: &str) -> Result<Formula, Vec<Diagnostic>> {
    guard(src).map_err(|d| vec![d])?;
    let mut top = RulesParser::parse(Rule::formula, src).map_err(|e| {
        let mut d = from_pest(src, e);
        // `a > b` as a whole formula: say where comparisons belong.
        if let K::Unexpected {
            found: Found::Text(t),
            ..
        } = &d.kind
        {
            if t.starts_with(['<', '>', '=', '≥', '≤', '≠', '!']) {
                d.kind = K::ComparisonInFormula;
            }
        }
        vec![d]
    })?;
    let b = Builder {
        src,
        target: false,
        calls: Default::default(),
    };
    let inner = top.next().and_then(|p| p.into_inner().next());
    let expr = match inner {
        Some(p) => b.expr(p).map_err(|d| vec![d])?.0,
        None => return Err(vec![Diagnostic::at(src, 0..0, K::Empty)]),
    };
    Ok(Formula { expr })
}

/// Parses a yearly target, e.g. `>= 80%`, `X < X-1`, `entro 31/12/2019`, `Anno di rilevazione`.
pub fn parse_target(src: &str) -> Result<Target, Vec<Diagnostic>> {
    guard(src).map_err(|d| vec![d])?;
    let mut top = RulesParser::parse(Rule::target, src).map_err(|e| vec![from_pest(src, e)])?;
    let b = Builder {
        src,
        target: true,
        calls: Default::default(),
    };
    b.target(top.next()).map_err(|d| vec![d])
}

/// Refuses what would make pest or the builders recurse too deep, or is plainly not text.
fn guard(src: &str) -> R<()> {
    if src.trim().is_empty() {
        return Err(Diagnostic::at(src, 0..0, K::Empty));
    }
    // Length first: a megabyte is refused without looking further.
    if let Some((i, c)) = src.char_indices().nth(MAX_CHARS) {
        let chars = src.chars().count();
        return Err(Diagnostic::at(
            src,
            i..i + c.len_utf8(),
            K::TooLong {
                chars,
                max: MAX_CHARS,
            },
        ));
    }
    let (mut depth, mut powers) = (0usize, 0usize);
    for (i, c) in src.char_indices() {
        let here = i..i + c.len_utf8();
        match c {
            '\0' => return Err(Diagnostic::at(src, here, K::Nul)),
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            '^' => powers += 1,
            _ => {}
        }
        if depth > MAX_NESTING || powers > MAX_NESTING {
            return Err(Diagnostic::at(src, here, K::TooDeep { max: MAX_NESTING }));
        }
    }
    Ok(())
}

struct Builder<'s> {
    src: &'s str,
    /// Targets allow `X`, the indicator's code and conditions without a subject.
    target: bool,
    /// Inside a function call (e.g. `se(a > b; …)`) a bare name is a measure, never the code.
    calls: std::cell::Cell<usize>,
}

fn span_of(p: &Pair<Rule>) -> Span {
    // Optional tails (`accessi` then no `[x-1]`) leave trailing blanks in pest's span: trim them.
    let s = p.as_span();
    Span::new(s.start(), s.start() + s.as_str().trim_end().len())
}

impl<'s> Builder<'s> {
    fn err(&self, span: Span, kind: K) -> Diagnostic {
        Diagnostic::at(self.src, span.range(), kind)
    }

    fn check_depth(&self, depth: usize, span: Span) -> R<usize> {
        if depth > MAX_TREE_DEPTH {
            return Err(self.err(
                span,
                K::TooDeep {
                    max: MAX_TREE_DEPTH,
                },
            ));
        }
        Ok(depth)
    }

    fn target(&self, top: Option<Pair<'s, Rule>>) -> R<Target> {
        let top = top.ok_or_else(|| self.err(Span::default(), K::Empty))?;
        let span = span_of(&top);
        let mut body = TargetBody::Baseline;
        let mut partial = None;
        for p in top.into_inner() {
            match p.as_rule() {
                Rule::condition => body = TargetBody::Condition(deadlines(self.condition(p)?.0)),
                Rule::partial => {
                    let pspan = span_of(&p);
                    let e = p.into_inner().find(|q| q.as_rule() == Rule::expr);
                    let e = e.ok_or_else(|| self.err(pspan, K::ValueNotCondition))?;
                    partial = Some((self.expr(e)?.0, pspan));
                }
                _ => {}
            }
        }
        let partial = match partial {
            None => None,
            Some((floor, pspan)) => {
                match &body {
                    TargetBody::Condition(c) => match &c.node {
                        CondKind::Bare(_) => {}
                        CondKind::Compare {
                            op: CmpOp::Eq | CmpOp::Ne,
                            ..
                        } => return Err(self.err(pspan, K::PartialNeedsDirection)),
                        CondKind::Compare { .. } => {}
                        _ => return Err(self.err(pspan, K::PartialNotAllowed)),
                    },
                    TargetBody::Baseline => return Err(self.err(pspan, K::PartialNotAllowed)),
                }
                Some(floor)
            }
        };
        Ok(Target {
            body,
            partial,
            span,
        })
    }

    // ---- conditions --------------------------------------------------------------------

    fn condition(&self, p: Pair<'s, Rule>) -> R<(Cond, usize)> {
        self.fold(p, Rule::cond_and, |s, q| s.cond_and(q), CondKind::Or)
    }

    fn cond_and(&self, p: Pair<'s, Rule>) -> R<(Cond, usize)> {
        self.fold(p, Rule::cond_not, |s, q| s.cond_not(q), CondKind::And)
    }

    /// Left fold of `a op b op c` without recursion on the length of the chain.
    fn fold(
        &self,
        p: Pair<'s, Rule>,
        item: Rule,
        build: impl Fn(&Self, Pair<'s, Rule>) -> R<(Cond, usize)>,
        join: fn(Box<Cond>, Box<Cond>) -> CondKind,
    ) -> R<(Cond, usize)> {
        let mut acc: Option<(Cond, usize)> = None;
        for q in p.into_inner().filter(|q| q.as_rule() == item) {
            let (c, d) = build(self, q)?;
            acc = Some(match acc {
                None => (c, d),
                Some((a, da)) => {
                    let span = a.span.join(c.span);
                    let depth = self.check_depth(1 + da.max(d), span)?;
                    (Spanned::new(join(Box::new(a), Box::new(c)), span), depth)
                }
            });
        }
        acc.ok_or_else(|| self.err(Span::default(), K::Empty))
    }

    fn cond_not(&self, p: Pair<'s, Rule>) -> R<(Cond, usize)> {
        let span = span_of(&p);
        let mut negate = false;
        let mut atom = None;
        for q in p.into_inner() {
            match q.as_rule() {
                Rule::op_not => negate = true,
                _ => atom = Some(self.cond_atom(q)?),
            }
        }
        let (c, d) = atom.ok_or_else(|| self.err(span, K::ValueNotCondition))?;
        if negate {
            let depth = self.check_depth(d + 1, span)?;
            return Ok((Spanned::new(CondKind::Not(Box::new(c)), span), depth));
        }
        Ok((c, d))
    }

    fn cond_atom(&self, p: Pair<'s, Rule>) -> R<(Cond, usize)> {
        let span = span_of(&p);
        let rule = p.as_rule();
        if !self.target && matches!(rule, Rule::within | Rule::deadline) {
            return Err(self.err(span, K::OwnInFormula));
        }
        if !self.target && matches!(rule, Rule::cmp_tail | Rule::between_tail) {
            return Err(self.err(span, K::ValueNotCondition));
        }
        let exprs: Vec<Pair<'s, Rule>> = match rule {
            Rule::led => Vec::new(),
            _ => p
                .clone()
                .into_inner()
                .filter(|q| q.as_rule() == Rule::expr)
                .collect(),
        };
        let mut built = Vec::with_capacity(exprs.len());
        for e in exprs {
            built.push(self.expr(e)?);
        }
        let depth = 1 + built.iter().map(|x| x.1).max().unwrap_or(0);
        let mut it = built.into_iter().map(|x| x.0);
        let mut next = || {
            it.next()
                .ok_or_else(|| self.err(span, K::ValueNotCondition))
        };
        let node = match rule {
            Rule::within => CondKind::Within {
                tolerance: next()?,
                reference: next()?,
            },
            Rule::deadline => CondKind::Deadline(next()?),
            Rule::cmp_tail => CondKind::Compare {
                subject: None,
                op: cmp_op(&p),
                rhs: next()?,
            },
            Rule::between_tail => CondKind::Between {
                subject: None,
                low: next()?,
                high: next()?,
            },
            _ => return self.led(p),
        };
        Ok((Spanned::new(node, span), self.check_depth(depth, span)?))
    }

    /// `expr`, `expr op expr`, `expr tra a e b`, or a parenthesised condition.
    fn led(&self, p: Pair<'s, Rule>) -> R<(Cond, usize)> {
        let span = span_of(&p);
        let mut inner = p.into_inner();
        let head = inner
            .next()
            .ok_or_else(|| self.err(span, K::ValueNotCondition))?;
        let Some(tail) = inner.next() else {
            // A lone group `( … )` may hold a condition: build it as one.
            if let Some(group) = lone_group(&head) {
                return self.group_condition(group);
            }
            let (e, d) = self.expr(head)?;
            return Ok((Spanned::new(CondKind::Bare(e), span), d + 1));
        };
        let (subject, ds) = self.expr(head)?;
        let subject = Some(self.subject(subject));
        let tail_rule = tail.as_rule();
        let mut rest = Vec::new();
        let op = cmp_op(&tail);
        for e in tail.into_inner().filter(|q| q.as_rule() == Rule::expr) {
            rest.push(self.expr(e)?);
        }
        let depth = 1 + rest.iter().map(|x| x.1).max().unwrap_or(0).max(ds);
        let mut it = rest.into_iter().map(|x| x.0);
        let mut next = || {
            it.next()
                .ok_or_else(|| self.err(span, K::ValueNotCondition))
        };
        let node = if tail_rule == Rule::between_tail {
            CondKind::Between {
                subject,
                low: next()?,
                high: next()?,
            }
        } else {
            CondKind::Compare {
                subject,
                op,
                rhs: next()?,
            }
        };
        Ok((Spanned::new(node, span), self.check_depth(depth, span)?))
    }

    /// In a target, a bare name before a comparison is the indicator's own code (`ITP < -10`).
    fn subject(&self, e: Expr) -> Expr {
        match e.node {
            ExprKind::Measure {
                name,
                year: YearRef::Current,
            } if self.target && self.calls.get() == 0 => Spanned::new(ExprKind::Code(name), e.span),
            node => Spanned::new(node, e.span),
        }
    }

    fn group_condition(&self, group: Pair<'s, Rule>) -> R<(Cond, usize)> {
        let span = span_of(&group);
        let cond = group.into_inner().find(|q| q.as_rule() == Rule::condition);
        let cond = cond.ok_or_else(|| self.err(span, K::ValueNotCondition))?;
        self.condition(cond)
    }

    // ---- expressions -------------------------------------------------------------------

    fn expr(&self, p: Pair<'s, Rule>) -> R<(Expr, usize)> {
        PRATT
            .map_primary(|q| self.primary(q))
            .map_prefix(|op, rhs| {
                let (rhs, d) = rhs?;
                let span = span_of(&op).join(rhs.span);
                let depth = self.check_depth(d + 1, span)?;
                Ok((Spanned::new(ExprKind::Neg(Box::new(rhs)), span), depth))
            })
            .map_infix(|lhs, op, rhs| {
                let ((lhs, dl), (rhs, dr)) = (lhs?, rhs?);
                let op = match op.as_rule() {
                    Rule::add => BinOp::Add,
                    Rule::sub => BinOp::Sub,
                    Rule::mul => BinOp::Mul,
                    Rule::div => BinOp::Div,
                    _ => BinOp::Pow,
                };
                let span = lhs.span.join(rhs.span);
                let depth = self.check_depth(1 + dl.max(dr), span)?;
                let node = ExprKind::Binary {
                    op,
                    lhs: Box::new(lhs),
                    rhs: Box::new(rhs),
                };
                Ok((Spanned::new(node, span), depth))
            })
            .parse(p.into_inner())
    }

    fn primary(&self, p: Pair<'s, Rule>) -> R<(Expr, usize)> {
        let span = span_of(&p);
        let text = p.as_str();
        let leaf = |node| Ok((Spanned::new(node, span), 1));
        match p.as_rule() {
            Rule::number => {
                let percent = text.ends_with('%');
                let digits = text.trim_end_matches('%').trim_end().replace(',', ".");
                match digits.parse::<f64>() {
                    Ok(value) if value.is_finite() => leaf(ExprKind::Number { value, percent }),
                    _ => Err(self.err(
                        span,
                        K::NumberTooLarge {
                            text: shorten(text),
                        },
                    )),
                }
            }
            Rule::date => match Date::parse(text) {
                Some(d) => leaf(ExprKind::Date(d)),
                None => Err(self.err(
                    span,
                    K::InvalidDate {
                        text: shorten(text),
                    },
                )),
            },
            Rule::own => {
                if !self.target {
                    return Err(self.err(span, K::OwnInFormula));
                }
                let lag = match text.split_once('-') {
                    None => 0,
                    Some((_, k)) => k.parse::<u32>().map_err(|_| {
                        self.err(
                            span,
                            K::NumberTooLarge {
                                text: shorten(text),
                            },
                        )
                    })?,
                };
                leaf(ExprKind::Own { lag })
            }
            Rule::benchmark => leaf(ExprKind::Benchmark),
            Rule::measure => self.measure(p),
            Rule::group => {
                let (c, d) = self.group_condition(p)?;
                match c.node {
                    CondKind::Bare(e) => Ok((e, d.saturating_sub(1).max(1))),
                    _ => Err(self.err(span, K::ConditionNotValue)),
                }
            }
            Rule::call => self.call(p),
            _ => Err(self.err(
                span,
                K::Unexpected {
                    found: Found::Text(text.into()),
                    expected: vec![Expected::Value],
                },
            )),
        }
    }

    fn measure(&self, p: Pair<'s, Rule>) -> R<(Expr, usize)> {
        let span = span_of(&p);
        let mut name = String::new();
        let mut year = YearRef::Current;
        for q in p.into_inner() {
            match q.as_rule() {
                Rule::ident => name = q.as_str().to_string(),
                Rule::year_ref => year = self.year_ref(q)?,
                _ => {}
            }
        }
        // The benchmark series by its data name is the benchmark.
        if year == YearRef::Current && name.eq_ignore_ascii_case(super::BENCHMARK_SERIES) {
            return Ok((Spanned::new(ExprKind::Benchmark, span), 1));
        }
        Ok((Spanned::new(ExprKind::Measure { name, year }, span), 1))
    }

    fn year_ref(&self, p: Pair<'s, Rule>) -> R<YearRef> {
        let span = span_of(&p);
        let too_large = || {
            self.err(
                span,
                K::NumberTooLarge {
                    text: shorten(p.as_str()),
                },
            )
        };
        for q in p.clone().into_inner() {
            match q.as_rule() {
                Rule::year_abs => {
                    return q
                        .as_str()
                        .parse()
                        .map(YearRef::Absolute)
                        .map_err(|_| too_large())
                }
                Rule::year_rel => {
                    let mut sign = 1;
                    let mut k = 0i32;
                    for r in q.into_inner() {
                        match r.as_rule() {
                            Rule::year_sign if r.as_str() != "+" => sign = -1,
                            Rule::year_int => k = r.as_str().parse().map_err(|_| too_large())?,
                            _ => {}
                        }
                    }
                    return Ok(YearRef::Offset(sign * k));
                }
                _ => {}
            }
        }
        Ok(YearRef::Current)
    }

    fn call(&self, p: Pair<'s, Rule>) -> R<(Expr, usize)> {
        let span = span_of(&p);
        let mut name = "";
        let mut name_span = span;
        let mut args = Vec::new();
        for q in p.into_inner() {
            match q.as_rule() {
                Rule::call_name => {
                    name = q.as_str();
                    name_span = span_of(&q);
                }
                Rule::condition => {
                    self.calls.set(self.calls.get() + 1);
                    let arg = self.condition(q);
                    self.calls.set(self.calls.get() - 1);
                    args.push(arg?);
                }
                _ => {}
            }
        }
        let lower = name.to_lowercase();
        let func = match lower.as_str() {
            "media" | "avg" | "mean" | "average" => Some(Func::Mean),
            "somma" | "sum" => Some(Func::Sum),
            "min" => Some(Func::Min),
            "max" => Some(Func::Max),
            "abs" => Some(Func::Abs),
            "se" | "if" => None,
            _ => {
                let suggestions = suggest(name, FUNCTIONS);
                let kind = K::UnknownFunction {
                    name: name.to_string(),
                    suggestions,
                };
                return Err(self.err(name_span, kind));
            }
        };
        let (want, ok) = match func {
            Some(Func::Abs) => ("1", args.len() == 1),
            Some(_) => ("almeno 1", !args.is_empty()),
            None => ("3", args.len() == 3),
        };
        if !ok {
            let kind = K::Arity {
                name: lower,
                expected: want,
                found: args.len(),
            };
            return Err(self.err(span, kind));
        }
        let depth = self.check_depth(1 + args.iter().map(|a| a.1).max().unwrap_or(0), span)?;
        let mut values = Vec::with_capacity(args.len());
        let mut args = args.into_iter().map(|a| a.0);
        let first_cond = if func.is_none() { args.next() } else { None };
        for a in args {
            match a.node {
                CondKind::Bare(e) => values.push(e),
                _ => return Err(self.err(a.span, K::ConditionNotValue)),
            }
        }
        let node = match (func, first_cond) {
            (Some(func), _) => ExprKind::Call { func, args: values },
            (None, Some(cond)) => {
                if let CondKind::Bare(_) | CondKind::Deadline(_) = cond.node {
                    return Err(self.err(cond.span, K::ValueNotCondition));
                }
                let mut v = values.into_iter();
                match (v.next(), v.next()) {
                    (Some(then), Some(otherwise)) => ExprKind::If {
                        cond: Box::new(cond),
                        then: Box::new(then),
                        otherwise: Box::new(otherwise),
                    },
                    _ => {
                        return Err(self.err(
                            span,
                            K::Arity {
                                name: lower,
                                expected: "3",
                                found: 0,
                            },
                        ))
                    }
                }
            }
            (None, None) => {
                return Err(self.err(
                    span,
                    K::Arity {
                        name: lower,
                        expected: "3",
                        found: 0,
                    },
                ))
            }
        };
        Ok((Spanned::new(node, span), depth))
    }
}

/// Long literals are cut in messages: the caret shows where they are.
fn shorten(text: &str) -> String {
    if text.chars().count() <= 24 {
        return text.to_string();
    }
    let head: String = text.chars().take(20).collect();
    format!("{head}…")
}

/// The group of an expression made of one parenthesised group and nothing else.
fn lone_group<'s>(expr: &Pair<'s, Rule>) -> Option<Pair<'s, Rule>> {
    let mut inner = expr.clone().into_inner();
    match (inner.next(), inner.next()) {
        (Some(g), None) if g.as_rule() == Rule::group => Some(g),
        _ => None,
    }
}

fn cmp_op(p: &Pair<Rule>) -> CmpOp {
    let op = p.clone().into_inner().find(|q| q.as_rule() == Rule::cmp_op);
    match op.and_then(|o| o.into_inner().next()).map(|o| o.as_rule()) {
        Some(Rule::ge) => CmpOp::Ge,
        Some(Rule::gt) => CmpOp::Gt,
        Some(Rule::le) => CmpOp::Le,
        Some(Rule::lt) => CmpOp::Lt,
        Some(Rule::ne) => CmpOp::Ne,
        _ => CmpOp::Eq,
    }
}

// ---- pest errors in words ------------------------------------------------------------------

fn from_pest(src: &str, err: pest::error::Error<Rule>) -> Diagnostic {
    let pos = match err.location {
        InputLocation::Pos(p) => p,
        InputLocation::Span((s, _)) => s,
    };
    let positives = match &err.variant {
        ErrorVariant::ParsingError { positives, .. } => positives.clone(),
        ErrorVariant::CustomError { .. } => Vec::new(),
    };
    let mut expected: Vec<Expected> = positives.into_iter().filter_map(expected_of).collect();
    expected.sort();
    expected.dedup();
    super::words::describe(src, pos, expected)
}

pub(crate) fn expected_of(rule: Rule) -> Option<Expected> {
    use Rule::*;
    Some(match rule {
        expr | primary | number | date | own | benchmark | measure | group | call | call_name
        | ident | neg | lparen | condition | cond_and | cond_not | led | within | deadline
        | between_tail | baseline | kw_media | kw_mean | kw_benchmark | kw_scostamento
        | kw_within | kw_entro | kw_by | kw_tra | kw_between | kw_anno | kw_rilevazione
        | kw_baseline | op_not | kw_non | kw_not => Expected::Value,
        cmp_tail | cmp_op | ge | le | ne | gt | lt | eq => Expected::Comparison,
        op_and | op_or | kw_o | kw_or => Expected::Logical,
        add | sub | mul | div | pow => Expected::Operator,
        rparen => Expected::CloseParen,
        rbracket => Expected::CloseBracket,
        semicolon => Expected::Semicolon,
        year_ref | year_abs | year_rel | year_int => Expected::YearRef,
        partial | kw_parziale | kw_partial => Expected::Partial,
        kw_da | kw_of => Expected::Keyword("da"),
        kw_e | kw_and => Expected::Keyword("e"),
        kw_max | kw_massimo => Expected::Keyword("max"),
        kw_from => Expected::Keyword("from"),
        EOI => Expected::End,
        _ => return None,
    })
}

/// A bare date among the target's conditions (`31/12/2019`, as the seed writes deadlines) is a
/// deadline; inside values (`se(…)`, parentheses) a date stays a date.
fn deadlines(c: Cond) -> Cond {
    let span = c.span;
    let node = match c.node {
        CondKind::Bare(e) if matches!(e.node, ExprKind::Date(_)) => CondKind::Deadline(e),
        CondKind::Not(x) => CondKind::Not(Box::new(deadlines(*x))),
        CondKind::And(a, b) => CondKind::And(Box::new(deadlines(*a)), Box::new(deadlines(*b))),
        CondKind::Or(a, b) => CondKind::Or(Box::new(deadlines(*a)), Box::new(deadlines(*b))),
        other => other,
    };
    Spanned::new(node, span)
}
