//! The typed AST. Every node carries a [`Span`] (byte offsets into the source) so that the
//! evaluator and the app can point back at the text; equality ignores spans, so two trees are
//! equal when they say the same thing (this is what `parse(print(ast)) == ast` checks).

use crate::sorted_map::SortedSet;

use super::date::Date;
use super::Lang;

/// Byte range `start..end` of a node in the source text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }
    pub fn range(self) -> std::ops::Range<usize> {
        self.start..self.end
    }
    pub(crate) fn join(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

/// A node with its place in the source (tera-2 style).
#[derive(Debug, Clone)]
pub struct Spanned<T> {
    pub node: T,
    pub span: Span,
}

impl<T> Spanned<T> {
    pub fn new(node: T, span: Span) -> Spanned<T> {
        Spanned { node, span }
    }
}

/// Spans are where a node was written, not what it means: they do not take part in equality.
impl<T: PartialEq> PartialEq for Spanned<T> {
    fn eq(&self, other: &Self) -> bool {
        self.node == other.node
    }
}

pub type Expr = Spanned<ExprKind>;
pub type Cond = Spanned<CondKind>;

/// Which year a measure is read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearRef {
    /// `accessi`: the year being evaluated.
    Current,
    /// `accessi[x-1]` (offset −1), `accessi[x+1]`.
    Offset(i32),
    /// `accessi[2016]`.
    Absolute(i32),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
    Pow,
}

/// Aggregating and numeric functions; `se` (if) is [`ExprKind::If`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Func {
    Mean,
    Sum,
    Min,
    Max,
    Abs,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ExprKind {
    /// A literal as written: `80%` is `{ value: 80, percent: true }` and means 0,8.
    Number {
        value: f64,
        percent: bool,
    },
    /// `31/12/2019`.
    Date(Date),
    /// `entro 30/06` (deadlines only): that day of the target's year.
    DayMonth {
        day: u8,
        month: u8,
    },
    /// A named per-year input, e.g. `fascicoli_creati`, `accessi[x-1]`.
    Measure {
        name: String,
        year: YearRef,
    },
    /// Targets only: `X` (lag 0) is the indicator's value this year, `X-1` one year before.
    Own {
        lag: u32,
    },
    /// Targets only: `X[2022]`, the indicator's value in a given year (a base year).
    OwnIn {
        year: i32,
    },
    /// Targets only: the indicator's short code used as its value, e.g. `ITP` in `ITP < -10`.
    Code(String),
    /// `media cluster` / `media` / `mean` / `benchmark`: the series `media_cluster`.
    Benchmark,
    Neg(Box<Expr>),
    Binary {
        op: BinOp,
        lhs: Box<Expr>,
        rhs: Box<Expr>,
    },
    Call {
        func: Func,
        args: Vec<Expr>,
    },
    /// `se(condizione; allora; altrimenti)`.
    If {
        cond: Box<Cond>,
        then: Box<Expr>,
        otherwise: Box<Expr>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CmpOp {
    Ge,
    Gt,
    Le,
    Lt,
    Eq,
    Ne,
}

#[derive(Debug, Clone, PartialEq)]
pub enum CondKind {
    /// A bare value, `100%`: reach it in the indicator's good direction (polarity).
    Bare(Expr),
    /// `≥ 80%` (subject `None` = the indicator's value), `X < X-1`, `ITP < -10`.
    Compare {
        subject: Option<Expr>,
        op: CmpOp,
        rhs: Expr,
    },
    /// `tra 3 e 5` (bounds included).
    Between {
        subject: Option<Expr>,
        low: Expr,
        high: Expr,
    },
    /// `scostamento max 0,02 da media cluster`: |X − reference| ≤ tolerance.
    Within {
        tolerance: Expr,
        reference: Expr,
    },
    /// `31/12/2019`, `entro 31/12/2019`: the completion date must not be later.
    Deadline(Expr),
    Not(Box<Cond>),
    And(Box<Cond>, Box<Cond>),
    Or(Box<Cond>, Box<Cond>),
}

/// An indicator's formula (algoritmo di calcolo).
#[derive(Debug, Clone, PartialEq)]
pub struct Formula {
    pub expr: Expr,
}

#[derive(Debug, Clone, PartialEq)]
pub enum TargetBody {
    /// `Anno di rilevazione`: the value is measured, there is no target.
    Baseline,
    Condition(Cond),
}

/// A yearly target, with an optional partial-credit floor (`parziale da 60%`).
#[derive(Debug, Clone)]
pub struct Target {
    pub body: TargetBody,
    pub partial: Option<Expr>,
    pub span: Span,
    /// What the number counts, as a plan writes it (`Almeno 100 progetti di sviluppo…`): kept
    /// for the trace; not part of the meaning (equality and the canonical form ignore it).
    pub label: Option<String>,
}

impl PartialEq for Target {
    fn eq(&self, other: &Self) -> bool {
        self.body == other.body && self.partial == other.partial
    }
}

impl Func {
    /// Canonical (Italian) name.
    pub fn name(self) -> &'static str {
        match self {
            Func::Mean => "media",
            Func::Sum => "somma",
            Func::Min => "min",
            Func::Max => "max",
            Func::Abs => "abs",
        }
    }
}

impl CmpOp {
    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Ge => "≥",
            CmpOp::Gt => ">",
            CmpOp::Le => "≤",
            CmpOp::Lt => "<",
            CmpOp::Eq => "=",
            CmpOp::Ne => "≠",
        }
    }
    /// The same comparison with its sides swapped: `a ≤ b` is `b ≥ a`.
    pub fn mirrored(self) -> CmpOp {
        match self {
            CmpOp::Ge => CmpOp::Le,
            CmpOp::Gt => CmpOp::Lt,
            CmpOp::Le => CmpOp::Ge,
            CmpOp::Lt => CmpOp::Gt,
            other => other,
        }
    }
}

impl ExprKind {
    /// The value of a literal number (`80%` → 0,8).
    pub fn literal(value: f64, percent: bool) -> f64 {
        if percent {
            value / 100.0
        } else {
            value
        }
    }
}

/// Calls `f` on every expression node, depth first (the tree is at most a few dozen levels deep).
pub(crate) fn walk_expr(e: &Expr, f: &mut dyn FnMut(&Expr)) {
    f(e);
    match &e.node {
        ExprKind::Neg(x) => walk_expr(x, f),
        ExprKind::Binary { lhs, rhs, .. } => {
            walk_expr(lhs, f);
            walk_expr(rhs, f);
        }
        ExprKind::Call { args, .. } => args.iter().for_each(|a| walk_expr(a, f)),
        ExprKind::If {
            cond,
            then,
            otherwise,
        } => {
            walk_cond(cond, f);
            walk_expr(then, f);
            walk_expr(otherwise, f);
        }
        _ => {}
    }
}

pub(crate) fn walk_cond(c: &Cond, f: &mut dyn FnMut(&Expr)) {
    match &c.node {
        CondKind::Bare(e) | CondKind::Deadline(e) => walk_expr(e, f),
        CondKind::Compare { subject, rhs, .. } => {
            subject.iter().for_each(|s| walk_expr(s, f));
            walk_expr(rhs, f);
        }
        CondKind::Between { subject, low, high } => {
            subject.iter().for_each(|s| walk_expr(s, f));
            walk_expr(low, f);
            walk_expr(high, f);
        }
        CondKind::Within {
            tolerance,
            reference,
        } => {
            walk_expr(tolerance, f);
            walk_expr(reference, f);
        }
        CondKind::Not(x) => walk_cond(x, f),
        CondKind::And(a, b) | CondKind::Or(a, b) => {
            walk_cond(a, f);
            walk_cond(b, f);
        }
    }
}

/// The names in one go (sorted once): one insertion per name would shift the names after it,
/// quadratic for a long formula whose names come in descending order.
fn collect_measures(walk: impl FnOnce(&mut dyn FnMut(&Expr))) -> SortedSet<String> {
    let mut names = Vec::new();
    walk(&mut |e: &Expr| match &e.node {
        ExprKind::Measure { name, .. } => names.push(name.clone()),
        ExprKind::Benchmark => names.push(crate::lang::BENCHMARK_SERIES.to_string()),
        _ => {}
    });
    names.into_iter().collect()
}

impl Formula {
    /// Names of the per-year inputs the formula reads (the app shows an input for each).
    pub fn measures(&self) -> SortedSet<String> {
        collect_measures(|f| walk_expr(&self.expr, f))
    }
    /// Indented AST dump for the "Laboratorio" (Italian labels).
    pub fn tree(&self) -> String {
        self.tree_in(Lang::It)
    }
    /// [`Formula::tree`] with its labels in `lang`.
    pub fn tree_in(&self, lang: Lang) -> String {
        let mut out = String::from("formula\n");
        crate::lang::print::tree_expr(&self.expr, 1, lang, &mut out);
        out
    }
}

impl Target {
    /// Series the target reads besides the indicator's own value (benchmark, other measures).
    /// The indicator's own code (`ITP` in `ITP < -10`) is not a measure.
    pub fn measures(&self) -> SortedSet<String> {
        let mut names = SortedSet::new();
        if let TargetBody::Condition(c) = &self.body {
            names = collect_measures(|f| walk_cond(c, f));
        }
        if let Some(p) = &self.partial {
            names.extend(collect_measures(|f| walk_expr(p, f)));
        }
        names
    }
    pub fn tree(&self) -> String {
        self.tree_in(Lang::It)
    }
    /// [`Target::tree`] with its labels in `lang`.
    pub fn tree_in(&self, lang: Lang) -> String {
        let en = lang == Lang::En;
        let mut out = String::from("target\n");
        match &self.body {
            TargetBody::Baseline => out.push_str(if en {
                "  baseline year\n"
            } else {
                "  anno di rilevazione\n"
            }),
            TargetBody::Condition(c) => crate::lang::print::tree_cond(c, 1, lang, &mut out),
        }
        if let Some(p) = &self.partial {
            out.push_str(if en {
                "  partial from\n"
            } else {
                "  parziale da\n"
            });
            crate::lang::print::tree_expr(p, 2, lang, &mut out);
        }
        out
    }
    pub fn is_baseline(&self) -> bool {
        matches!(self.body, TargetBody::Baseline)
    }
    /// True when the target's numbers are written as percentages (traces then show `85 %`).
    pub fn uses_percent(&self) -> bool {
        let mut any = false;
        let mut look = |e: &Expr| {
            if let ExprKind::Number { percent: true, .. } = e.node {
                any = true;
            }
        };
        if let TargetBody::Condition(c) = &self.body {
            walk_cond(c, &mut look);
        }
        if let Some(p) = &self.partial {
            walk_expr(p, &mut look);
        }
        any
    }
}
