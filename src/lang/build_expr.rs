//! Pest pairs → typed AST, part 2: expressions (precedence by pest's PrattParser).

use pest::iterators::Pair;

use super::ast::*;
use super::build::{span_of, Builder};
use super::diagnostic::{DiagnosticKind as K, Expected, Found};
use super::parse::{Rule, FUNCTIONS, PRATT, R};
use super::suggest::suggest;
use crate::eval::Date;

impl<'s> Builder<'s> {
    // ---- expressions -------------------------------------------------------------------

    pub(super) fn expr(&self, p: Pair<'s, Rule>) -> R<(Expr, usize)> {
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

/// Long literals are cut in messages: the caret shows where they are.
fn shorten(text: &str) -> String {
    if text.chars().count() <= 24 {
        return text.to_string();
    }
    let head: String = text.chars().take(20).collect();
    format!("{head}…")
}
