//! The canonical form (Display) and the indented tree dump. The printer puts parentheses
//! exactly where the grammar needs them, so that parsing the printed text gives the same AST.

use std::fmt;

use super::ast::*;
use super::Lang;

/// Replaces a leaf with other text (the evaluator shows values in place of names).
pub(crate) type Leaf<'a> = &'a mut dyn FnMut(&Expr) -> Option<String>;

fn expr_prec(e: &Expr) -> u8 {
    match &e.node {
        ExprKind::Binary {
            op: BinOp::Add | BinOp::Sub,
            ..
        } => 1,
        ExprKind::Binary {
            op: BinOp::Mul | BinOp::Div,
            ..
        } => 2,
        ExprKind::Neg(_) => 3,
        ExprKind::Binary { op: BinOp::Pow, .. } => 4,
        _ => 5,
    }
}

fn cond_prec(c: &Cond) -> u8 {
    match &c.node {
        CondKind::Or(..) => 1,
        CondKind::And(..) => 2,
        CondKind::Not(_) => 3,
        _ => 4,
    }
}

/// Canonical number: shortest text that reads back to the same f64, with a decimal comma.
pub(crate) fn literal(value: f64, percent: bool) -> String {
    let mut s = format!("{value}").replace('.', ",");
    if percent {
        s.push('%');
    }
    s
}

pub(crate) fn bin_symbol(op: BinOp) -> &'static str {
    match op {
        BinOp::Add => "+",
        BinOp::Sub => "-",
        BinOp::Mul => "*",
        BinOp::Div => "/",
        BinOp::Pow => "^",
    }
}

fn year_suffix(year: YearRef) -> String {
    match year {
        YearRef::Current => String::new(),
        YearRef::Offset(0) => "[x]".into(),
        YearRef::Offset(k) if k < 0 => format!("[x{k}]"),
        YearRef::Offset(k) => format!("[x+{k}]"),
        YearRef::Absolute(y) => format!("[{y:04}]"),
    }
}

pub(crate) fn write_expr(e: &Expr, out: &mut String, leaf: Leaf) {
    if let Some(text) = leaf(e) {
        out.push_str(&text);
        return;
    }
    match &e.node {
        ExprKind::Number { value, percent } => out.push_str(&literal(*value, *percent)),
        ExprKind::Date(d) => out.push_str(&d.to_string()),
        ExprKind::DayMonth { day, month } => out.push_str(&format!("{day:02}/{month:02}")),
        ExprKind::Measure { name, year } => {
            out.push_str(name);
            out.push_str(&year_suffix(*year));
        }
        ExprKind::Own { lag: 0 } => out.push('X'),
        ExprKind::Own { lag } => out.push_str(&format!("X-{lag}")),
        ExprKind::OwnIn { year } => out.push_str(&format!("X[{year}]")),
        ExprKind::Code(name) => out.push_str(name),
        ExprKind::Benchmark => out.push_str("media cluster"),
        ExprKind::Neg(x) => {
            out.push('-');
            // `--x` is not in the grammar: a negated negation needs parentheses.
            paren_expr(x, expr_prec(x) <= 3, out, leaf);
        }
        ExprKind::Binary { op, lhs, rhs } => {
            let p = expr_prec(e);
            let right_assoc = *op == BinOp::Pow;
            let (pl, pr) = (expr_prec(lhs), expr_prec(rhs));
            paren_expr(lhs, pl < p || (right_assoc && pl == p), out, leaf);
            out.push(' ');
            out.push_str(bin_symbol(*op));
            out.push(' ');
            paren_expr(rhs, pr < p || (!right_assoc && pr == p), out, leaf);
        }
        ExprKind::Call { func, args } => {
            out.push_str(func.name());
            out.push('(');
            for (i, a) in args.iter().enumerate() {
                if i > 0 {
                    out.push_str("; ");
                }
                write_expr(a, out, leaf);
            }
            out.push(')');
        }
        ExprKind::If {
            cond,
            then,
            otherwise,
        } => {
            out.push_str("se(");
            write_cond(cond, out, leaf);
            out.push_str("; ");
            write_expr(then, out, leaf);
            out.push_str("; ");
            write_expr(otherwise, out, leaf);
            out.push(')');
        }
    }
}

fn paren_expr(e: &Expr, parens: bool, out: &mut String, leaf: Leaf) {
    if parens {
        out.push('(');
    }
    write_expr(e, out, leaf);
    if parens {
        out.push(')');
    }
}

/// The condition keywords in one language: the canonical form is Italian; the English aliases of
/// the grammar are used to explain a target to an English reader.
pub(crate) struct Words {
    between: &'static str,
    and: &'static str,
    within: &'static str,
    of: &'static str,
    by: &'static str,
    not: &'static str,
    or: &'static str,
}

pub(crate) const ITALIAN: Words = Words {
    between: "tra ",
    and: " e ",
    within: "scostamento max ",
    of: " da ",
    by: "entro ",
    not: "non ",
    or: " o ",
};

pub(crate) const ENGLISH: Words = Words {
    between: "between ",
    and: " and ",
    within: "within ",
    of: " of ",
    by: "by ",
    not: "not ",
    or: " or ",
};

pub(crate) fn write_cond(c: &Cond, out: &mut String, leaf: Leaf) {
    write_cond_in(c, out, leaf, &ITALIAN);
}

pub(crate) fn write_cond_in(c: &Cond, out: &mut String, leaf: Leaf, w: &Words) {
    match &c.node {
        CondKind::Bare(e) => write_expr(e, out, leaf),
        CondKind::Compare { subject, op, rhs } => {
            if let Some(s) = subject {
                write_expr(s, out, leaf);
                out.push(' ');
            }
            out.push_str(op.symbol());
            out.push(' ');
            write_expr(rhs, out, leaf);
        }
        CondKind::Between { subject, low, high } => {
            if let Some(s) = subject {
                write_expr(s, out, leaf);
                out.push(' ');
            }
            out.push_str(w.between);
            write_expr(low, out, leaf);
            out.push_str(w.and);
            write_expr(high, out, leaf);
        }
        CondKind::Within {
            tolerance,
            reference,
        } => {
            out.push_str(w.within);
            write_expr(tolerance, out, leaf);
            out.push_str(w.of);
            write_expr(reference, out, leaf);
        }
        CondKind::Deadline(e) => {
            out.push_str(w.by);
            write_expr(e, out, leaf);
        }
        CondKind::Not(x) => {
            out.push_str(w.not);
            paren_cond(x, cond_prec(x) < 4, out, leaf, w);
        }
        CondKind::And(a, b) | CondKind::Or(a, b) => {
            let (p, word) = if let CondKind::And(..) = c.node {
                (2, w.and)
            } else {
                (1, w.or)
            };
            paren_cond(a, cond_prec(a) < p, out, leaf, w);
            out.push_str(word);
            paren_cond(b, cond_prec(b) <= p, out, leaf, w);
        }
    }
}

fn paren_cond(c: &Cond, parens: bool, out: &mut String, leaf: Leaf, w: &Words) {
    if parens {
        out.push('(');
    }
    write_cond_in(c, out, leaf, w);
    if parens {
        out.push(')');
    }
}

impl fmt::Display for Formula {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = String::new();
        write_expr(&self.expr, &mut out, &mut |_| None);
        f.write_str(&out)
    }
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = String::new();
        match &self.body {
            TargetBody::Baseline => out.push_str("Anno di rilevazione"),
            TargetBody::Condition(c) => write_cond(c, &mut out, &mut |_| None),
        }
        if let Some(p) = &self.partial {
            out.push_str(" parziale da ");
            write_expr(p, &mut out, &mut |_| None);
        }
        f.write_str(&out)
    }
}

impl fmt::Display for Spanned<ExprKind> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = String::new();
        write_expr(self, &mut out, &mut |_| None);
        f.write_str(&out)
    }
}

impl fmt::Display for Spanned<CondKind> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = String::new();
        write_cond(self, &mut out, &mut |_| None);
        f.write_str(&out)
    }
}

// ---- tree dump ------------------------------------------------------------------------------

fn line(depth: usize, text: &str, span: Span, out: &mut String) {
    out.push_str(&"  ".repeat(depth));
    out.push_str(text);
    out.push_str(&format!("  @{}..{}\n", span.start, span.end));
}

pub(crate) fn tree_expr(e: &Expr, depth: usize, lang: Lang, out: &mut String) {
    // The labels in the interface language (Italian first, English after the `|`).
    let w = |it: &'static str, en: &'static str| if lang == Lang::En { en } else { it };
    let label = match &e.node {
        ExprKind::Number { value, percent } => {
            format!("{} {}", w("numero", "number"), literal(*value, *percent))
        }
        ExprKind::Date(d) => format!("{} {d}", w("data", "date")),
        ExprKind::DayMonth { day, month } => match lang {
            Lang::It => format!("data {day:02}/{month:02} dell'anno"),
            Lang::En => format!("date {day:02}/{month:02} of the year"),
        },
        ExprKind::Measure { name, year } => {
            format!("{} {name}{}", w("misura", "measure"), year_suffix(*year))
        }
        ExprKind::Own { lag: 0 } => {
            w("X (valore dell'indicatore)", "X (the indicator's value)").into()
        }
        ExprKind::Own { lag } => match lang {
            Lang::It => format!("X-{lag} (valore di {lag} anni prima)"),
            Lang::En => format!("X-{lag} (value {lag} years before)"),
        },
        ExprKind::OwnIn { year } => match lang {
            Lang::It => format!("X[{year}] (valore del {year})"),
            Lang::En => format!("X[{year}] (value in {year})"),
        },
        ExprKind::Code(name) => format!(
            "{} {name} ({})",
            w("codice", "code"),
            w("valore dell'indicatore", "the indicator's value")
        ),
        ExprKind::Benchmark => w("media cluster", "cluster mean").into(),
        ExprKind::Neg(_) => w("meno (negazione)", "minus (negation)").into(),
        ExprKind::Binary { op, .. } => {
            format!("{} {}", w("operazione", "operation"), bin_symbol(*op))
        }
        ExprKind::Call { func, .. } => format!("{} {}", w("funzione", "function"), func.name()),
        ExprKind::If { .. } => w("se", "if").into(),
    };
    line(depth, &label, e.span, out);
    match &e.node {
        ExprKind::Neg(x) => tree_expr(x, depth + 1, lang, out),
        ExprKind::Binary { lhs, rhs, .. } => {
            tree_expr(lhs, depth + 1, lang, out);
            tree_expr(rhs, depth + 1, lang, out);
        }
        ExprKind::Call { args, .. } => args.iter().for_each(|a| tree_expr(a, depth + 1, lang, out)),
        ExprKind::If {
            cond,
            then,
            otherwise,
        } => {
            tree_cond(cond, depth + 1, lang, out);
            tree_expr(then, depth + 1, lang, out);
            tree_expr(otherwise, depth + 1, lang, out);
        }
        _ => {}
    }
}

pub(crate) fn tree_cond(c: &Cond, depth: usize, lang: Lang, out: &mut String) {
    let w = |it: &'static str, en: &'static str| if lang == Lang::En { en } else { it };
    let label = match &c.node {
        CondKind::Bare(_) => w("valore da raggiungere", "value to reach").to_string(),
        CondKind::Compare {
            subject: None, op, ..
        } => format!("{} X {}", w("confronto", "comparison"), op.symbol()),
        CondKind::Compare { op, .. } => format!("{} {}", w("confronto", "comparison"), op.symbol()),
        CondKind::Between { .. } => w("tra", "between").into(),
        CondKind::Within { .. } => w("scostamento max … da", "within … of").into(),
        CondKind::Deadline(_) => w("entro (scadenza)", "by (deadline)").into(),
        CondKind::Not(_) => w("non", "not").into(),
        CondKind::And(..) => w("e", "and").into(),
        CondKind::Or(..) => w("o", "or").into(),
    };
    line(depth, &label, c.span, out);
    let d = depth + 1;
    match &c.node {
        CondKind::Bare(e) | CondKind::Deadline(e) => tree_expr(e, d, lang, out),
        CondKind::Compare { subject, rhs, .. } => {
            subject.iter().for_each(|s| tree_expr(s, d, lang, out));
            tree_expr(rhs, d, lang, out);
        }
        CondKind::Between { subject, low, high } => {
            subject.iter().for_each(|s| tree_expr(s, d, lang, out));
            tree_expr(low, d, lang, out);
            tree_expr(high, d, lang, out);
        }
        CondKind::Within {
            tolerance,
            reference,
        } => {
            tree_expr(tolerance, d, lang, out);
            tree_expr(reference, d, lang, out);
        }
        CondKind::Not(x) => tree_cond(x, d, lang, out),
        CondKind::And(a, b) | CondKind::Or(a, b) => {
            tree_cond(a, d, lang, out);
            tree_cond(b, d, lang, out);
        }
    }
}

/// A tree of `src` (`Formula::tree`, `Target::tree`) with its positions (`@start..end`, bytes
/// as the spans keep them) in characters, as error columns count them.
pub fn tree_in_chars(tree: &str, src: &str) -> String {
    let chars = super::char_offsets(src);
    let mut out = String::with_capacity(tree.len());
    for l in tree.lines() {
        let span = l.split_once("  @").and_then(|(head, r)| {
            let (a, b) = r.split_once("..")?;
            Some((head, a.parse().ok()?, b.parse().ok()?))
        });
        match span {
            Some((head, a, b)) => out.push_str(&format!("{head}  @{}..{}", chars(a), chars(b))),
            None => out.push_str(l),
        }
        out.push('\n');
    }
    out
}
