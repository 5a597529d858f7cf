//! Pest pairs → typed AST, part 2: expressions (precedence climbing over `expr`'s pairs).

use std::iter::Peekable;

use pest::iterators::{Pair, Pairs};

use super::ast::*;
use super::build::{span_of, Builder};
use super::date::Date;
use super::diagnostic::{DiagnosticKind as K, Expected, Found};
use super::parse::{Rule, FUNCTIONS, R};
use super::suggest::suggest;
use super::written::Notation;

impl<'s> Builder<'s> {
    // ---- expressions -------------------------------------------------------------------

    pub(super) fn expr(&self, p: Pair<'s, Rule>) -> R<(Expr, usize)> {
        self.climb(&mut p.into_inner().peekable(), 0)
    }

    /// Precedence climbing, the algorithm of pest's `PrattParser` without its generic machinery
    /// (same trees, same order of errors): `+ -` < `* /` < unary minus < `^` (right-associative).
    /// Left-associative chains loop; only `^` and higher-precedence operands recurse, and the
    /// guard bounds those (`MAX_NESTING`).
    fn climb(&self, items: &mut Peekable<Pairs<'s, Rule>>, min: u8) -> R<(Expr, usize)> {
        let first = items
            .next()
            .ok_or_else(|| self.err(Span::default(), K::Empty))?;
        let mut lhs = if first.as_rule() == Rule::neg {
            let (rhs, d) = self.climb(items, NEG - 1)?;
            let span = span_of(&first).join(rhs.span);
            let depth = self.check_depth(d + 1, span)?;
            (Spanned::new(ExprKind::Neg(Box::new(rhs)), span), depth)
        } else {
            self.primary(first)?
        };
        while let Some((op, prec)) = items.peek().and_then(infix) {
            if prec <= min {
                break;
            }
            items.next();
            let (rhs, dr) = self.climb(items, if op == BinOp::Pow { prec - 1 } else { prec })?;
            let (lhs_e, dl) = lhs;
            let span = lhs_e.span.join(rhs.span);
            let depth = self.check_chain(dl, dr, span)?;
            let node = ExprKind::Binary {
                op,
                lhs: Box::new(lhs_e),
                rhs: Box::new(rhs),
            };
            lhs = (Spanned::new(node, span), depth);
        }
        Ok(lhs)
    }

    fn primary(&self, p: Pair<'s, Rule>) -> R<(Expr, usize)> {
        let span = span_of(&p);
        let text = p.as_str();
        let leaf = |node| Ok((Spanned::new(node, span), 1));
        match p.as_rule() {
            Rule::number => {
                let percent = text.ends_with('%');
                let written = text.trim_end_matches('%').trim_end();
                match read_number(written, self.notation) {
                    Ok(value) => leaf(ExprKind::Number { value, percent }),
                    Err(kind) => Err(self.err(span, kind(shorten(written)))),
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
                // `X[2022]`: four digits between the brackets (the grammar's `own`).
                if let Some((_, year)) = text.strip_suffix(']').and_then(|t| t.split_once('[')) {
                    let year = year.parse::<i32>().unwrap_or_default();
                    return leaf(ExprKind::OwnIn { year });
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
                    CondKind::Bare(e) => Ok((e, d)),
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
        let (text, start) = (p.as_str(), p.as_span().start());
        let mut inner = p.into_inner();
        // Accents typed or pasted as combining marks name the same series.
        let name = super::compose::compose(inner.next().map_or("", |q| q.as_str())).into_owned();
        // The year in brackets is a silent rule: it runs from `[` to the end of the measure.
        let year = match text.find('[') {
            Some(i) => {
                self.year_ref(&text[i..], Span::new(start + i, start + text.len()), inner)?
            }
            None => YearRef::Current,
        };
        // The benchmark series by its data name is the benchmark.
        if year == YearRef::Current && name.eq_ignore_ascii_case(super::BENCHMARK_SERIES) {
            return Ok((Spanned::new(ExprKind::Benchmark, span), 1));
        }
        Ok((Spanned::new(ExprKind::Measure { name, year }, span), 1))
    }

    /// `[2019]`, `[x]`, `[x-1]`, `[x + 2]`: `text` is the bracketed text.
    fn year_ref(&self, text: &str, span: Span, inner: Pairs<'s, Rule>) -> R<YearRef> {
        let too_large = || {
            self.err(
                span,
                K::NumberTooLarge {
                    text: shorten(text),
                },
            )
        };
        for q in inner {
            match q.as_rule() {
                Rule::year_abs => {
                    return q
                        .as_str()
                        .parse()
                        .map(YearRef::Absolute)
                        .map_err(|_| too_large())
                }
                Rule::year_int => {
                    let k: i32 = q.as_str().parse().map_err(|_| too_large())?;
                    let sign = if text.contains(['-', '−']) { -1 } else { 1 };
                    return Ok(YearRef::Offset(sign * k));
                }
                _ => {}
            }
        }
        Ok(YearRef::Offset(0))
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
            (None, first) => {
                let mut v = values.into_iter();
                // The arity check above guarantees three arguments; this stays an error, not a panic.
                let (Some(cond), Some(then), Some(otherwise)) = (first, v.next(), v.next()) else {
                    let kind = K::Arity {
                        name: lower,
                        expected: "3",
                        found: 0,
                    };
                    return Err(self.err(span, kind));
                };
                if let CondKind::Bare(_) | CondKind::Deadline(_) = cond.node {
                    return Err(self.err(cond.span, K::ValueNotCondition));
                }
                // Inside a value there is no "indicator's value" to test implicitly.
                if let Some(span) = without_subject(&cond) {
                    return Err(self.err(span, K::IfNeedsSubject));
                }
                ExprKind::If {
                    cond: Box::new(cond),
                    then: Box::new(then),
                    otherwise: Box::new(otherwise),
                }
            }
        };
        Ok((Spanned::new(node, span), depth))
    }
}

/// Binding power of the unary minus: above `* /`, below `^` (so `-2^2` is `-(2^2)`).
const NEG: u8 = 3;

/// An infix operator and its binding power.
fn infix(p: &Pair<Rule>) -> Option<(BinOp, u8)> {
    if p.as_rule() != Rule::infix {
        return None;
    }
    Some(match p.as_str() {
        "+" => (BinOp::Add, 1),
        "-" | "−" => (BinOp::Sub, 1),
        "*" | "×" | "·" => (BinOp::Mul, 2),
        "/" | "÷" => (BinOp::Div, 2),
        _ => (BinOp::Pow, 4),
    })
}

/// `1.000`, `12.500`: one to three digits (not a leading 0), the separator `sep`, exactly three
/// digits — how a whole number with a thousands separator is written.
fn looks_like_thousands(written: &str, sep: char) -> bool {
    let Some((int, frac)) = written.split_once(sep) else {
        return false;
    };
    (1..=3).contains(&int.len())
        && !int.starts_with('0')
        && frac.len() == 3
        && int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit())
}

type NumberError = fn(String) -> K;

/// A number as the plan writes it (docs/language.md, «Numeri»). Italian: `.` groups thousands
/// (`2.355`, `1.000.000`, `1.000,5`) and `,` is the decimal sign; a lone dot followed by other
/// than three digits (`3.5`, `0.500`) stays a decimal point, as the language always read it.
/// English: `.` is the decimal point and `1.000`, `1,000` are refused as ambiguous.
pub(super) fn read_number(written: &str, notation: Notation) -> Result<f64, NumberError> {
    let dots = written.matches('.').count();
    let comma = written.contains(',');
    let digits = match notation {
        Notation::Italian
            if dots > 1 || (dots == 1 && comma) || looks_like_thousands(written, '.') =>
        {
            let (int, frac) = written.split_once(',').unwrap_or((written, ""));
            let mut groups = int.split('.');
            let head = groups.next().unwrap_or_default();
            let ok = (1..=3).contains(&head.len()) && groups.all(|g| g.len() == 3);
            if !ok {
                return Err(|text| K::MalformedNumber { text });
            }
            let int = int.replace('.', "");
            if frac.is_empty() {
                int
            } else {
                format!("{int}.{frac}")
            }
        }
        Notation::Italian => written.replace(',', "."),
        Notation::English if dots > 1 || (dots == 1 && comma) => {
            return Err(|text| K::MalformedNumber { text })
        }
        Notation::English if looks_like_thousands(written, '.') => {
            return Err(|text| K::AmbiguousDecimalPoint { text })
        }
        Notation::English if looks_like_thousands(written, ',') => {
            return Err(|text| K::AmbiguousComma { text })
        }
        Notation::English => written.replace(',', "."),
    };
    match crate::float::parse_decimal(&digits) {
        Some(value) if value.is_finite() => Ok(value),
        _ => Err(|text| K::NumberTooLarge { text }),
    }
}

/// Where a condition tests the indicator's value without naming it (`≥ 80%`, `tra 3 e 5`,
/// `scostamento …`), if it does.
fn without_subject(c: &Cond) -> Option<Span> {
    match &c.node {
        CondKind::Compare { subject: None, .. }
        | CondKind::Between { subject: None, .. }
        | CondKind::Within { .. }
        | CondKind::Bare(_)
        | CondKind::Deadline(_) => Some(c.span),
        CondKind::Compare { .. } | CondKind::Between { .. } => None,
        CondKind::Not(x) => without_subject(x),
        CondKind::And(a, b) | CondKind::Or(a, b) => {
            without_subject(a).or_else(|| without_subject(b))
        }
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
