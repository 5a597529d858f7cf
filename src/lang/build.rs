//! Pest pairs → typed AST, part 1: the target and its conditions. Every builder returns the
//! node with its depth, so that over-deep trees are refused while they are built.

use pest::iterators::Pair;

use super::ast::*;
use super::diagnostic::{Diagnostic, DiagnosticKind as K};
use super::parse::{Rule, MAX_TREE_DEPTH, R};

pub(super) struct Builder<'s> {
    pub(super) src: &'s str,
    /// Targets allow `X`, the indicator's code and conditions without a subject.
    pub(super) target: bool,
    /// Inside a function call (e.g. `se(a > b; …)`) a bare name is a measure, never the code.
    pub(super) calls: std::cell::Cell<usize>,
    /// How the plan writes numbers (`1.000`: a thousand in Italian).
    pub(super) notation: super::written::Notation,
}

pub(super) fn span_of(p: &Pair<Rule>) -> Span {
    // Optional tails (`accessi` then no `[x-1]`) leave trailing blanks in pest's span: trim them.
    let s = p.as_span();
    Span::new(s.start(), s.start() + s.as_str().trim_end().len())
}

impl<'s> Builder<'s> {
    pub(super) fn err(&self, span: Span, kind: K) -> Diagnostic {
        Diagnostic::at(self.src, span.range(), kind)
    }

    pub(super) fn check_depth(&self, depth: usize, span: Span) -> R<usize> {
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

    /// The depth of a node joining `left` (the chain so far) and `right`: past the limit, a
    /// chain that grew on the left is "too long", not "too nested".
    pub(super) fn check_chain(&self, left: usize, right: usize, span: Span) -> R<usize> {
        let depth = 1 + left.max(right);
        if depth > MAX_TREE_DEPTH && left >= right {
            return Err(self.err(
                span,
                K::ChainTooLong {
                    max: MAX_TREE_DEPTH,
                },
            ));
        }
        self.check_depth(depth, span)
    }

    pub(super) fn target(&self, top: Option<Pair<'s, Rule>>) -> R<Target> {
        let top = top.ok_or_else(|| self.err(Span::default(), K::Empty))?;
        let span = span_of(&top);
        let mut body = TargetBody::Baseline;
        let mut partial = None;
        for p in top.into_inner() {
            match p.as_rule() {
                Rule::condition => {
                    body = TargetBody::Condition(range(deadlines(self.condition(p)?.0)))
                }
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
            label: None,
        })
    }

    // ---- conditions --------------------------------------------------------------------

    /// `a e b o c`: the grammar gives one flat list; `e`/`and` binds tighter than `o`/`or`, and
    /// both fold to the left without recursion on the length of the chain.
    pub(super) fn condition(&self, p: Pair<'s, Rule>) -> R<(Cond, usize)> {
        let mut any: Option<(Cond, usize)> = None;
        let mut all: Option<(Cond, usize)> = None;
        for q in p.into_inner() {
            if q.as_rule() == Rule::op_logic {
                self.not_an_exponent(&q)?;
            }
            match q.as_rule() {
                Rule::cond_not => {
                    let c = self.cond_not(q)?;
                    all = Some(self.join(all, c, CondKind::And)?);
                }
                Rule::op_logic if q.as_str().starts_with(['o', 'O', '|']) => {
                    if let Some(c) = all.take() {
                        any = Some(self.join(any, c, CondKind::Or)?);
                    }
                }
                _ => {}
            }
        }
        if let Some(c) = all {
            any = Some(self.join(any, c, CondKind::Or)?);
        }
        any.ok_or_else(|| self.err(Span::default(), K::Empty))
    }

    /// `1e-9`, `2E+3`: an `e` glued to a digit before and a (signed) digit after is a number
    /// in scientific notation, not the logical «e» it would parse as.
    fn not_an_exponent(&self, op: &Pair<'s, Rule>) -> R<()> {
        let span = op.as_span();
        if !op.as_str().eq_ignore_ascii_case("e") {
            return Ok(());
        }
        let before = self
            .src
            .as_bytes()
            .get(..span.start())
            .and_then(<[u8]>::last);
        let after = self.src.as_bytes().get(span.end()..).unwrap_or_default();
        let digit_after = match after {
            [b'+' | b'-', d, ..] | [d, ..] => d.is_ascii_digit(),
            [] => false,
        };
        if !(before.is_some_and(|b| b.is_ascii_digit()) && digit_after) {
            return Ok(());
        }
        let start = self
            .src
            .get(..span.start())
            .unwrap_or_default()
            .rfind(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
            .map_or(0, |i| i + 1);
        let tail = after
            .iter()
            .enumerate()
            .position(|(i, b)| !(b.is_ascii_digit() || (i == 0 && (*b == b'+' || *b == b'-'))))
            .unwrap_or(after.len());
        let end = span.end() + tail;
        let text = self.src.get(start..end).unwrap_or_default().to_string();
        Err(self.err(Span::new(start, end), K::ScientificNotation { text }))
    }

    fn join(
        &self,
        acc: Option<(Cond, usize)>,
        (c, d): (Cond, usize),
        join: fn(Box<Cond>, Box<Cond>) -> CondKind,
    ) -> R<(Cond, usize)> {
        Ok(match acc {
            None => (c, d),
            Some((a, da)) => {
                let span = a.span.join(c.span);
                let depth = self.check_chain(da, d, span)?;
                (Spanned::new(join(Box::new(a), Box::new(c)), span), depth)
            }
        })
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
        if rule == Rule::led {
            return self.led(p);
        }
        self.tail(p, None, span)
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
            // A bare value is a wrapper, not a level: depth counts real nesting only.
            return Ok((Spanned::new(CondKind::Bare(e), span), d));
        };
        let (subject, ds) = self.expr(head)?;
        self.tail(tail, Some((self.subject(subject), ds)), span)
    }

    /// `30/06` after `entro`: a day that exists in some year (29/02 does, 31/06 does not).
    fn day_month(&self, p: &Pair<'s, Rule>) -> R<Expr> {
        let span = span_of(p);
        let (day, month) = p.as_str().split_once('/').unwrap_or_default();
        match (day.parse::<u8>(), month.parse::<u8>()) {
            (Ok(day), Ok(month)) if super::Date::new(2000, month, day).is_some() => {
                Ok(Spanned::new(ExprKind::DayMonth { day, month }, span))
            }
            _ => Err(self.err(
                span,
                K::InvalidDate {
                    text: p.as_str().to_string(),
                },
            )),
        }
    }

    /// A condition atom from its expressions (`within`, `deadline`, `cmp_tail`, `between_tail`),
    /// after the subject if there is one; `span` is the whole condition's.
    fn tail(
        &self,
        p: Pair<'s, Rule>,
        subject: Option<(Expr, usize)>,
        span: Span,
    ) -> R<(Cond, usize)> {
        let rule = p.as_rule();
        let op = cmp_op(&p);
        let mut depth = subject.as_ref().map_or(0, |s| s.1);
        let subject = subject.map(|s| s.0);
        let mut built = Vec::with_capacity(2);
        for e in p.into_inner() {
            match e.as_rule() {
                Rule::expr => {
                    let (x, d) = self.expr(e)?;
                    depth = depth.max(d);
                    built.push(x);
                }
                Rule::day_month => built.push(self.day_month(&e)?),
                _ => {}
            }
        }
        let mut it = built.into_iter();
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
            Rule::between_tail => CondKind::Between {
                subject,
                low: next()?,
                high: next()?,
            },
            _ => CondKind::Compare {
                subject,
                op,
                rhs: next()?,
            },
        };
        Ok((Spanned::new(node, span), self.check_depth(1 + depth, span)?))
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

    pub(super) fn group_condition(&self, group: Pair<'s, Rule>) -> R<(Cond, usize)> {
        let span = span_of(&group);
        let cond = group.into_inner().find(|q| q.as_rule() == Rule::condition);
        let cond = cond.ok_or_else(|| self.err(span, K::ValueNotCondition))?;
        self.condition(cond)
    }
}

/// The group of an expression made of one parenthesised group and nothing else.
pub(super) fn lone_group<'s>(expr: &Pair<'s, Rule>) -> Option<Pair<'s, Rule>> {
    let mut inner = expr.clone().into_inner();
    match (inner.next(), inner.next()) {
        (Some(g), None) if g.as_rule() == Rule::group => Some(g),
        _ => None,
    }
}

/// The spellings of the comparison operators, in the order the grammar's `cmp_op` tries them
/// (the builder and the parser shortcut, fast.rs, read them from here).
pub(super) const CMP_OPS: [(&str, CmpOp); 13] = [
    (">=", CmpOp::Ge),
    ("≥", CmpOp::Ge),
    ("=>", CmpOp::Ge),
    ("<=", CmpOp::Le),
    ("≤", CmpOp::Le),
    ("=<", CmpOp::Le),
    ("!=", CmpOp::Ne),
    ("<>", CmpOp::Ne),
    ("≠", CmpOp::Ne),
    (">", CmpOp::Gt),
    ("<", CmpOp::Lt),
    ("==", CmpOp::Eq),
    ("=", CmpOp::Eq),
];

/// The operator of a comparison tail, from its text (`cmp_op` is silent, one rule less in the
/// generated parser).
pub(super) fn cmp_op(p: &Pair<Rule>) -> CmpOp {
    let text = p.as_str();
    CMP_OPS
        .iter()
        .find(|(s, _)| text.starts_with(s))
        .map_or(CmpOp::Eq, |&(_, op)| op)
}

/// `80-90%`, `5-10`: two numbers joined by a minus, alone as a target, are a range as plans
/// write it, never a subtraction (nobody sets a target of 80 − 0,9).
fn range(c: Cond) -> Cond {
    let span = c.span;
    match c.node {
        CondKind::Bare(Spanned {
            node:
                ExprKind::Binary {
                    op: BinOp::Sub,
                    lhs,
                    rhs,
                },
            span: e_span,
        }) => match (&lhs.node, &rhs.node) {
            (
                &ExprKind::Number {
                    value: a,
                    percent: pa,
                },
                &ExprKind::Number {
                    value: b,
                    percent: pb,
                },
            ) => {
                let low = Spanned::new(
                    ExprKind::Number {
                        value: a,
                        percent: pa || pb,
                    },
                    lhs.span,
                );
                let high = Spanned::new(
                    ExprKind::Number {
                        value: b,
                        percent: pa || pb,
                    },
                    rhs.span,
                );
                Spanned::new(
                    CondKind::Between {
                        subject: None,
                        low,
                        high,
                    },
                    span,
                )
            }
            _ => Spanned::new(
                CondKind::Bare(Spanned::new(
                    ExprKind::Binary {
                        op: BinOp::Sub,
                        lhs,
                        rhs,
                    },
                    e_span,
                )),
                span,
            ),
        },
        other => Spanned::new(other, span),
    }
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
