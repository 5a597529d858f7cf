//! A shortcut for the texts plans mostly hold: a small recursive descent that builds, for the
//! valid text of a common subset, the very tree (spans included) that pest and the builders
//! build, in one pass without pairs. It answers `None` on anything else — any error, any
//! character or construct outside the subset — and the text then goes to pest, so pest still
//! defines the syntax and writes every message (tests/lang_fast.rs checks both paths agree).
//!
//! Formulas: ASCII names, `name[x-1]`/`[2019]`, whole numbers and `3,5` (never a `.`: how a dot
//! reads is pest's to say), `%`, `+ - * / ^`, unary minus, parentheses, `media(…; …)` and the
//! other value functions. Targets: an optional comparison and a subject over a lone `X`, `X-k`
//! or number (no names, words or arithmetic: those are where targets' notations grow).

use super::ast::*;
use super::parse::{MAX_TREE_DEPTH, RESERVED};

pub(super) fn formula(src: &str) -> Option<Formula> {
    let mut p = Fast {
        src,
        at: 0,
        target: false,
        room: ROOM,
    };
    let (expr, _) = p.climb(0, true)?;
    p.end().then_some(Formula { expr })
}

pub(super) fn target(src: &str) -> Option<Target> {
    let span = Span::new(0, src.trim_end().len());
    if is_baseline(src) {
        let (body, partial) = (TargetBody::Baseline, None);
        return Some(Target {
            body,
            partial,
            span,
            label: None,
        });
    }
    let mut p = Fast {
        src,
        at: 0,
        target: true,
        room: ROOM,
    };
    p.blanks();
    let start = p.at;
    // Spans as the builder takes them: from the operator or the subject to the last value.
    let (end, node) = match p.cmp_op() {
        Some(op) => {
            let rhs = p.climb(0, true)?.0;
            (
                rhs.span.end,
                CondKind::Compare {
                    subject: None,
                    op,
                    rhs,
                },
            )
        }
        None => {
            let subject = p.climb(0, true)?.0;
            match p.cmp_op() {
                Some(op) => {
                    let rhs = p.climb(0, true)?.0;
                    let subject = Some(subject);
                    (rhs.span.end, CondKind::Compare { subject, op, rhs })
                }
                None => (subject.span.end, CondKind::Bare(subject)),
            }
        }
    };
    let body = TargetBody::Condition(Spanned::new(node, Span::new(start, end)));
    p.end().then_some(Target {
        body,
        partial: None,
        span,
        label: None,
    })
}

/// `Anno di rilevazione`, `anno rilevazione`, `rilevazione`, `baseline`, in plain blanks.
fn is_baseline(src: &str) -> bool {
    const FORMS: [&[&str]; 4] = [
        &["anno", "di", "rilevazione"],
        &["anno", "rilevazione"],
        &["rilevazione"],
        &["baseline"],
    ];
    let blank = |c: char| matches!(c, ' ' | '\t' | '\r' | '\n');
    if !src.chars().all(|c| c.is_ascii_alphabetic() || blank(c)) {
        return false;
    }
    let words = src.split(blank).filter(|w| !w.is_empty());
    FORMS.iter().any(|form| {
        let mut w = words.clone();
        form.iter()
            .all(|f| w.next().is_some_and(|x| x.eq_ignore_ascii_case(f)))
            && w.next().is_none()
    })
}

struct Fast<'s> {
    src: &'s str,
    at: usize,
    target: bool,
    /// Levels of recursion left: deeper texts are rare and go to pest, whose stack guard turns
    /// a small stack into a message rather than a crash.
    room: u8,
}

/// Nesting the shortcut takes (parentheses, calls, signs and powers together).
const ROOM: u8 = 16;

/// Binding power of the unary minus, as in build_expr.rs.
const NEG: u8 = 3;

impl Fast<'_> {
    fn peek(&self) -> u8 {
        self.src.as_bytes().get(self.at).copied().unwrap_or(0)
    }
    fn blanks(&mut self) {
        while matches!(self.peek(), b' ' | b'\t' | b'\r' | b'\n') {
            self.at += 1;
        }
    }
    fn end(&mut self) -> bool {
        self.blanks();
        self.at == self.src.len()
    }
    fn digits(&mut self) -> usize {
        let from = self.at;
        while self.peek().is_ascii_digit() {
            self.at += 1;
        }
        self.at - from
    }

    /// `>=` … `=` in the grammar's order (`cmp_op`), after blanks.
    fn cmp_op(&mut self) -> Option<CmpOp> {
        self.blanks();
        let rest = self.src.get(self.at..)?;
        let &(text, op) = super::build::CMP_OPS
            .iter()
            .find(|(s, _)| rest.starts_with(s))?;
        self.at += text.len();
        Some(op)
    }

    /// Precedence climbing as `Builder::climb` does it, on the text: same trees, same depths.
    fn climb(&mut self, min: u8, neg: bool) -> Option<(Expr, usize)> {
        self.room = self.room.checked_sub(1)?;
        let climbed = self.climb_in(min, neg);
        self.room += 1;
        climbed
    }

    fn climb_in(&mut self, min: u8, neg: bool) -> Option<(Expr, usize)> {
        self.blanks();
        let mut lhs = if neg && self.peek() == b'-' {
            let start = self.at;
            self.at += 1;
            let (rhs, d) = self.climb(NEG - 1, false)?;
            let span = Span::new(start, start + 1).join(rhs.span);
            (
                Spanned::new(ExprKind::Neg(Box::new(rhs)), span),
                depth(d + 1)?,
            )
        } else {
            self.primary()?
        };
        loop {
            self.blanks();
            let (op, prec) = match self.peek() {
                b'+' => (BinOp::Add, 1),
                b'-' => (BinOp::Sub, 1),
                b'*' => (BinOp::Mul, 2),
                b'/' => (BinOp::Div, 2),
                b'^' => (BinOp::Pow, 4),
                _ => break,
            };
            if prec <= min {
                break;
            }
            // Arithmetic in targets is where their notations grow (`80-90%`): pest decides.
            if self.target {
                return None;
            }
            self.at += 1;
            let (rhs, dr) = self.climb(if op == BinOp::Pow { prec - 1 } else { prec }, true)?;
            let (lhs_e, dl) = lhs;
            let span = lhs_e.span.join(rhs.span);
            // `check_chain`: any failure is pest's to report.
            let d = depth(1 + dl.max(dr))?;
            let node = ExprKind::Binary {
                op,
                lhs: Box::new(lhs_e),
                rhs: Box::new(rhs),
            };
            lhs = (Spanned::new(node, span), d);
        }
        Some(lhs)
    }

    fn primary(&mut self) -> Option<(Expr, usize)> {
        let start = self.at;
        let c = self.peek();
        let node = if c.is_ascii_digit() {
            self.number()?
        } else if c == b'(' && !self.target {
            self.at += 1;
            let inner = self.climb(0, true)?;
            self.blanks();
            return self.eat(b')').then_some(inner);
        } else if c.is_ascii_alphabetic() || c == b'_' {
            while matches!(self.peek(), b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'_') {
                self.at += 1;
            }
            // A letter outside ASCII may go on the word: pest reads it.
            if !self.peek().is_ascii() {
                return None;
            }
            let word = &self.src[start..self.at];
            let rest = &self.src[self.at..];
            if rest.trim_start_matches([' ', '\t']).starts_with('(') {
                return if self.target {
                    None
                } else {
                    self.call(word, start)
                };
            }
            if word.eq_ignore_ascii_case("x") {
                return self.own(start);
            }
            if self.target || RESERVED.iter().any(|r| word.eq_ignore_ascii_case(r)) {
                return None;
            }
            return self.measure(word, start);
        } else {
            return None;
        };
        Some((Spanned::new(node, Span::new(start, self.at)), 1))
    }

    fn eat(&mut self, c: u8) -> bool {
        let ok = self.peek() == c;
        self.at += usize::from(ok);
        ok
    }

    /// `12`, `3,5`, `2.355`, `3.5`, `80%`, `85 %`: the grammar's `number` token, read by the
    /// builder's own function (Italian notation: the shortcut runs for no other).
    fn number(&mut self) -> Option<ExprKind> {
        let start = self.at;
        let int = self.digits();
        // A date (`31/12/2019`) is pest's.
        if int <= 2 && self.peek() == b'/' {
            return None;
        }
        let bytes = self.src.as_bytes();
        let digit_at = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_digit);
        // Groups `.ddd` while another `.` or `,` and a digit follow, then one decimal part.
        while self.peek() == b'.' && digit_at(self.at + 1) {
            let group = self.at;
            self.at += 1;
            self.digits();
            if !(matches!(self.peek(), b'.' | b',') && digit_at(self.at + 1)) {
                self.at = group;
                break;
            }
        }
        if matches!(self.peek(), b',' | b'.') && digit_at(self.at + 1) {
            self.at += 1;
            self.digits();
        }
        let written = &self.src[start..self.at];
        let spaces = bytes[self.at..].iter().take_while(|&&b| b == b' ').count();
        let percent = bytes.get(self.at + spaces) == Some(&b'%');
        if percent {
            self.at += spaces + 1;
        }
        // A malformed number (`1.2.3`) goes to pest, for its message.
        let value = super::build_expr::read_number(written, super::Notation::Italian).ok()?;
        Some(ExprKind::Number { value, percent })
    }

    /// `X`, `X-1` (targets only).
    fn own(&mut self, start: usize) -> Option<(Expr, usize)> {
        if !self.target {
            return None;
        }
        let mut lag = 0;
        if self.peek() == b'-'
            && self
                .src
                .as_bytes()
                .get(self.at + 1)
                .is_some_and(u8::is_ascii_digit)
        {
            self.at += 1;
            let from = self.at;
            self.digits();
            lag = self.src[from..self.at].parse().ok()?;
        }
        Some((
            Spanned::new(ExprKind::Own { lag }, Span::new(start, self.at)),
            1,
        ))
    }

    /// `costi`, `costi[x-1]`, `costi [2019]`.
    fn measure(&mut self, name: &str, start: usize) -> Option<(Expr, usize)> {
        let mut end = self.at;
        self.blanks();
        let year = if self.eat(b'[') {
            self.blanks();
            let year = if self.peek().is_ascii_digit() {
                let from = self.at;
                (self.digits() == 4).then_some(())?;
                YearRef::Absolute(self.src[from..self.at].parse().ok()?)
            } else if self.eat(b'x') || self.eat(b'X') {
                self.blanks();
                let sign = match self.peek() {
                    b'+' => 1,
                    b'-' => -1,
                    _ => 0,
                };
                if sign != 0 {
                    self.at += 1;
                    self.blanks();
                    let from = self.at;
                    self.digits();
                    YearRef::Offset(sign * self.src[from..self.at].parse::<i32>().ok()?)
                } else {
                    YearRef::Offset(0)
                }
            } else {
                return None;
            };
            self.blanks();
            if !self.eat(b']') {
                return None;
            }
            end = self.at;
            year
        } else {
            self.at = end;
            YearRef::Current
        };
        let span = Span::new(start, end);
        if year == YearRef::Current && name.eq_ignore_ascii_case(super::BENCHMARK_SERIES) {
            return Some((Spanned::new(ExprKind::Benchmark, span), 1));
        }
        let name = name.to_string();
        Some((Spanned::new(ExprKind::Measure { name, year }, span), 1))
    }

    /// `media(a; b)`, `abs(x)`: the value functions (`se` and anything else is pest's).
    fn call(&mut self, name: &str, start: usize) -> Option<(Expr, usize)> {
        const FUNCS: [(&str, Func); 9] = [
            ("media", Func::Mean),
            ("avg", Func::Mean),
            ("mean", Func::Mean),
            ("average", Func::Mean),
            ("somma", Func::Sum),
            ("sum", Func::Sum),
            ("min", Func::Min),
            ("max", Func::Max),
            ("abs", Func::Abs),
        ];
        let &(_, func) = FUNCS.iter().find(|(n, _)| name.eq_ignore_ascii_case(n))?;
        self.blanks();
        self.eat(b'(');
        let mut args = Vec::new();
        let mut d = 0;
        loop {
            let (arg, da) = self.climb(0, true)?;
            d = d.max(da);
            args.push(arg);
            self.blanks();
            if self.eat(b')') {
                break;
            }
            if !self.eat(b';') {
                return None;
            }
        }
        if func == Func::Abs && args.len() != 1 {
            return None;
        }
        let span = Span::new(start, self.at);
        Some((
            Spanned::new(ExprKind::Call { func, args }, span),
            depth(1 + d)?,
        ))
    }
}

fn depth(d: usize) -> Option<usize> {
    (d <= MAX_TREE_DEPTH).then_some(d)
}

#[cfg(test)]
mod tests {
    /// The shortcut's reserved words are the grammar's: a word added there must come here.
    #[test]
    fn reserved_words_are_the_grammars() {
        let grammar = include_str!("../../grammar/rules.pest");
        let rule = grammar
            .split("\nreserved = _{")
            .nth(1)
            .and_then(|r| r.split("~ word_end").next())
            .expect("the grammar has a reserved rule");
        let words: Vec<&str> = rule
            .split("^\"")
            .skip(1)
            .filter_map(|w| w.split('"').next())
            .collect();
        assert!(words.len() > 20, "{words:?}");
        assert_eq!(words, super::RESERVED);
    }
}
