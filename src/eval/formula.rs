//! Arithmetic: expressions to numbers (or dates) for one year, with "n.d." and its reason
//! instead of NaN, infinities or a silent 0.

use std::cell::{OnceCell, RefCell};
use std::collections::HashMap;

use crate::lang::print::write_expr;
use crate::lang::{BinOp, CmpOp, Expr, ExprKind, Formula, Func, Lang, YearRef, BENCHMARK_SERIES};
use crate::sorted_map::SortedSet;

use super::number::{format_number, no_data, show_datum, show_value};
use super::target::eval_cond;
use super::trace::other;
use super::{Data, Datum, Polarity, Series, Unavailable, Value};

/// What a formula or a target reads: the data, the indicator's own values or formula, and how
/// to judge it. Built by the plan for each indicator, by the CLI for each input line.
#[derive(Debug, Clone, Copy)]
pub struct Scope<'a> {
    /// Measures and benchmark series (benchmark: "media_cluster").
    pub data: &'a Data,
    /// The indicator's own values, when entered directly (they win over the formula, year by year).
    pub values: Option<&'a Series>,
    /// Otherwise computes the indicator's value per year from `data`.
    pub formula: Option<&'a Formula>,
    pub polarity: Polarity,
    /// The indicator's short code, e.g. "ITP".
    pub code: Option<&'a str>,
    /// The period of the data (the plan's first and last year, the Laboratorio's columns): a
    /// year outside it is "out of range", a year inside it without a datum is a missing datum.
    /// `None`: no period known, a year before a series' first datum counts as out of range.
    pub years: Option<(i32, i32)>,
}

static NO_DATA: Data = Data::new();

pub(crate) type Val = Result<Datum, Unavailable>;

impl<'a> Scope<'a> {
    /// A scope over `data` with nothing else set (higher is better, no code, no year range).
    pub fn new(data: &'a Data) -> Scope<'a> {
        Scope {
            data,
            values: None,
            formula: None,
            polarity: Polarity::Higher,
            code: None,
            years: None,
        }
    }

    /// A scope with no data at all.
    pub fn empty() -> Scope<'static> {
        Scope::new(&NO_DATA)
    }

    /// The indicator's value in `year` and how it was obtained, e.g. "17 / 20 = 0,85".
    pub fn value(&self, year: i32) -> (Value, String) {
        let (v, subst) = self.own(Some(year), true, Lang::It);
        let shown = match &v {
            Value::NotAvailable(r) => format!("n.d. ({})", r.describe(Lang::It)),
            other => show_value(other, false, Lang::It),
        };
        match subst {
            Some(s) => (v, format!("{s} = {shown}")),
            None => (v, shown),
        }
    }

    /// The indicator's value in `year`, without the trace (for roll-ups and charts).
    pub fn compute(&self, year: i32) -> Value {
        self.own(Some(year), false, Lang::It).0
    }

    /// The indicator's value and, when computed by a formula, the formula with values in place
    /// of names ("17 / 20").
    pub(crate) fn own(
        &self,
        year: Option<i32>,
        traced: bool,
        lang: Lang,
    ) -> (Value, Option<String>) {
        if let (Some(values), Some(y)) = (self.values, year) {
            if let Some(d) = values.get(&y) {
                return (to_value(Ok(*d)), None);
            }
        }
        if let Some(f) = self.formula {
            #[cfg(test)]
            crate::work::add(crate::work::Work::FormulaRun, 1);
            let env = Env::new(self, year, lang);
            let v = to_value(env.eval(&f.expr));
            let subst = (traced && !matches!(f.expr.node, ExprKind::Measure { .. }))
                .then(|| env.substitute(&f.expr));
            return (v, subst);
        }
        let name = self.code.unwrap_or(match lang {
            Lang::It => "valore dell'indicatore",
            Lang::En => "indicator value",
        });
        let v = match (self.values, year) {
            (Some(values), None) if values.len() == 1 => values.values().next().map(|d| Ok(*d)),
            (Some(_), None) => Some(Err(Unavailable::NoYear)),
            (Some(values), Some(y)) => Some(Err(missing(values, name, y, self.years))),
            (None, _) => None,
        };
        let v = v.unwrap_or_else(|| {
            Err(other(
                lang,
                "nessun valore e nessuna formula per l'indicatore",
                "no value and no formula for the indicator",
            ))
        });
        (to_value(v), None)
    }
}

fn to_value(v: Val) -> Value {
    match v {
        Ok(Datum::Number(x)) => Value::Number(x),
        Ok(Datum::Date(d)) => Value::Date(d),
        Err(r) => Value::NotAvailable(r),
    }
}

pub(crate) fn from_value(v: &Value) -> Val {
    match v {
        Value::Number(x) => Ok(Datum::Number(*x)),
        Value::Date(d) => Ok(Datum::Date(*d)),
        Value::NotAvailable(r) => Err(r.clone()),
    }
}

/// A year with no datum: outside the scope's period it is "out of range", inside it a missing
/// datum. Only when the scope knows no period is the period guessed from the data (a year before
/// the series' first datum is out of range): a datum removed from a year the period covers is
/// missing, whatever the other years hold.
fn missing(series: &Series, name: &str, year: i32, years: Option<(i32, i32)>) -> Unavailable {
    let outside = match years {
        Some((a, b)) => year < a || year > b,
        None => series.keys().next().is_some_and(|first| year < *first),
    };
    if outside {
        Unavailable::YearOutOfRange { year }
    } else {
        Unavailable::MissingDatum {
            name: name.to_string(),
            year,
        }
    }
}

/// One evaluation: a scope, a year, the language of reasons.
pub(crate) struct Env<'s, 'a> {
    pub scope: &'s Scope<'a>,
    pub year: Option<i32>,
    pub lang: Lang,
    /// The indicator's own value by year, computed once and shared by every `X`, `X-k` and code
    /// in the target, by the judgement and by its trace: a target that names `X-1` a thousand
    /// times runs the formula once, not a thousand times (nor twice more for the trace).
    own_values: RefCell<HashMap<Option<i32>, Val>>,
    /// The names the formula reads, gathered once when a target names something.
    formula_names: OnceCell<SortedSet<String>>,
}

impl<'s, 'a> Env<'s, 'a> {
    pub(crate) fn new(scope: &'s Scope<'a>, year: Option<i32>, lang: Lang) -> Self {
        Env {
            scope,
            year,
            lang,
            own_values: RefCell::default(),
            formula_names: OnceCell::new(),
        }
    }

    /// This evaluation with the indicator's value in `year` already known (the judged value).
    pub(crate) fn knowing(self, year: Option<i32>, value: Val) -> Self {
        self.own_values.borrow_mut().insert(year, value);
        self
    }
}

impl Env<'_, '_> {
    fn year_of(&self, year: YearRef) -> Result<i32, Unavailable> {
        let base = || self.year.ok_or(Unavailable::NoYear);
        match year {
            YearRef::Current => base(),
            YearRef::Absolute(y) => Ok(y),
            YearRef::Offset(k) => base()?
                .checked_add(k)
                .ok_or(Unavailable::YearOutOfRange { year: i32::MAX }),
        }
    }

    fn lookup(&self, name: &str, year: YearRef) -> Val {
        let y = self.year_of(year)?;
        if let Some((a, b)) = self.scope.years {
            if y < a || y > b {
                return Err(Unavailable::YearOutOfRange { year: y });
            }
        }
        match self.scope.data.get(name) {
            None => Err(Unavailable::MissingDatum {
                name: name.to_string(),
                year: y,
            }),
            Some(series) => series
                .get(&y)
                .copied()
                .ok_or_else(|| missing(series, name, y, self.scope.years)),
        }
    }

    /// `entro 30/06`: that day of the year judged (29/02 only in a leap year).
    fn day_of_year(&self, day: u8, month: u8) -> Val {
        let year = self.year.ok_or(Unavailable::NoYear)?;
        match crate::lang::Date::new(year, month, day) {
            Some(d) => Ok(Datum::Date(d)),
            None => Err(other(
                self.lang,
                &format!("il {day:02}/{month:02} non esiste nel {year}"),
                &format!("{day:02}/{month:02} does not exist in {year}"),
            )),
        }
    }

    /// The indicator's own value `lag` years before this one.
    pub(crate) fn own(&self, lag: u32) -> Val {
        let year = match (self.year, lag) {
            (None, 0) => None,
            (None, _) => return Err(Unavailable::NoYear),
            (Some(y), lag) => {
                let lag = i32::try_from(lag)
                    .map_err(|_| Unavailable::YearOutOfRange { year: i32::MIN })?;
                let y = y
                    .checked_sub(lag)
                    .ok_or(Unavailable::YearOutOfRange { year: i32::MIN })?;
                Some(y)
            }
        };
        self.own_in(year)
    }

    /// The indicator's own value in `year` (`None`: the request has no year), computed once.
    fn own_in(&self, year: Option<i32>) -> Val {
        if let (Some(y), Some((a, b))) = (year, self.scope.years) {
            if y < a || y > b {
                return Err(Unavailable::YearOutOfRange { year: y });
            }
        }
        if let Some(v) = self.own_values.borrow().get(&year) {
            return v.clone();
        }
        let v = from_value(&self.scope.own(year, false, self.lang).0);
        self.own_values.borrow_mut().insert(year, v.clone());
        v
    }

    fn code(&self, name: &str) -> Val {
        match self.scope.code {
            Some(code) if !code.eq_ignore_ascii_case(name) => Err(other(
                self.lang,
                &format!("il target nomina «{name}» ma il codice dell'indicatore è «{code}»"),
                &format!("the target names «{name}» but the indicator's code is «{code}»"),
            )),
            Some(_) => self.own(0),
            // No code: a name the data or the formula uses is a measure, not the indicator's
            // value (`a > 5` on `a / b` must not silently test a / b).
            None if self.scope.data.contains_key(name)
                || self
                    .formula_names
                    .get_or_init(|| self.scope.formula.map(Formula::measures).unwrap_or_default())
                    .contains(name) =>
            {
                Err(other(
                    self.lang,
                    &format!("«{name}» è una misura, non il valore dell'indicatore: per il valore scrivi X (es. X > 5)"),
                    &format!("«{name}» is a measure, not the indicator's value: for the value write X (e.g. X > 5)"),
                ))
            }
            None => self.own(0),
        }
    }

    fn number(&self, v: Val, what: &Expr) -> Result<f64, Unavailable> {
        match v? {
            Datum::Number(x) => Ok(x),
            Datum::Date(d) => {
                let mut text = String::new();
                write_expr(what, &mut text, &mut |_| None);
                Err(other(
                    self.lang,
                    &format!("«{text}» è una data ({d}): non entra in un calcolo"),
                    &format!("«{text}» is a date ({d}): it cannot be used in arithmetic"),
                ))
            }
        }
    }

    fn finite(&self, x: f64) -> Val {
        if x.is_finite() {
            Ok(Datum::Number(x))
        } else if x.is_nan() {
            Err(other(
                self.lang,
                "risultato non definito (es. potenza di un negativo)",
                "undefined result (e.g. power of a negative number)",
            ))
        } else {
            Err(other(
                self.lang,
                "risultato troppo grande",
                "result too large",
            ))
        }
    }

    pub(crate) fn eval(&self, e: &Expr) -> Val {
        #[cfg(test)]
        crate::work::add(crate::work::Work::ExprNode, 1);
        match &e.node {
            ExprKind::Number { value, percent } => {
                Ok(Datum::Number(ExprKind::literal(*value, *percent)))
            }
            ExprKind::Date(d) => Ok(Datum::Date(*d)),
            ExprKind::DayMonth { day, month } => self.day_of_year(*day, *month),
            ExprKind::Measure { name, year } => self.lookup(name, *year),
            ExprKind::Own { lag } => self.own(*lag),
            ExprKind::OwnIn { year } => self.own_in(Some(*year)),
            ExprKind::Code(name) => self.code(name),
            ExprKind::Benchmark => self.lookup(BENCHMARK_SERIES, YearRef::Current),
            ExprKind::Neg(x) => Ok(Datum::Number(-self.number(self.eval(x), x)?)),
            ExprKind::Binary { op, lhs, rhs } => {
                let a = self.number(self.eval(lhs), lhs)?;
                let b = self.number(self.eval(rhs), rhs)?;
                match op {
                    BinOp::Add => self.finite(a + b),
                    BinOp::Sub => self.finite(a - b),
                    BinOp::Mul => self.finite(a * b),
                    BinOp::Div if b == 0.0 => Err(Unavailable::DivisionByZero),
                    BinOp::Div => self.finite(a / b),
                    BinOp::Pow if a == 0.0 && b < 0.0 => Err(Unavailable::DivisionByZero),
                    BinOp::Pow => self.finite(a.powf(b)),
                }
            }
            ExprKind::Call { func, args } => {
                let mut xs = Vec::with_capacity(args.len());
                for a in args {
                    xs.push(self.number(self.eval(a), a)?);
                }
                let n = xs.len() as f64;
                let r = match func {
                    Func::Sum => xs.iter().sum(),
                    Func::Mean => xs.iter().sum::<f64>() / n,
                    Func::Min => xs.iter().copied().fold(f64::INFINITY, f64::min),
                    Func::Max => xs.iter().copied().fold(f64::NEG_INFINITY, f64::max),
                    Func::Abs => xs.first().map_or(f64::NAN, |x| x.abs()),
                };
                self.finite(r)
            }
            ExprKind::If {
                cond,
                then,
                otherwise,
            } => {
                if eval_cond(cond, self, &Err(Unavailable::NoYear))? {
                    self.eval(then)
                } else {
                    self.eval(otherwise)
                }
            }
        }
    }

    /// The expression with each name replaced by its value ("17 / 20").
    pub(crate) fn substitute(&self, e: &Expr) -> String {
        let mut out = String::new();
        write_expr(e, &mut out, &mut |leaf| match &leaf.node {
            ExprKind::Measure { .. }
            | ExprKind::Benchmark
            | ExprKind::Own { .. }
            | ExprKind::OwnIn { .. }
            | ExprKind::Code(_) => Some(self.eval(leaf).map_or_else(
                |_| no_data(self.lang).into(),
                |d| show_datum(&d, false, self.lang),
            )),
            ExprKind::Number { value, percent } => Some(format_number(
                ExprKind::literal(*value, *percent),
                self.lang,
            )),
            _ => None,
        });
        out
    }
}

/// Compares two data with a relative tolerance of 1e-9 (17/20 ≥ 85 % must hold despite
/// binary fractions). Dates compare by calendar; a date against a number is an error.
pub(crate) fn compare(a: &Datum, op: CmpOp, b: &Datum, lang: Lang) -> Result<bool, Unavailable> {
    use std::cmp::Ordering;
    let ord = match (a, b) {
        (Datum::Number(x), Datum::Number(y)) => {
            // Relative, as documented: `> 0` holds for 1e-10 (an absolute floor of 1e-9 below
            // 1 would call it equal to 0).
            let eps = 1e-9 * x.abs().max(y.abs());
            if (x - y).abs() <= eps {
                Ordering::Equal
            } else if x < y {
                Ordering::Less
            } else {
                Ordering::Greater
            }
        }
        (Datum::Date(x), Datum::Date(y)) => x.cmp(y),
        _ => {
            return Err(other(
                lang,
                "confronto tra una data e un numero",
                "comparison between a date and a number",
            ))
        }
    };
    Ok(match op {
        CmpOp::Ge => ord != Ordering::Less,
        CmpOp::Gt => ord == Ordering::Greater,
        CmpOp::Le => ord != Ordering::Greater,
        CmpOp::Lt => ord == Ordering::Less,
        CmpOp::Eq => ord == Ordering::Equal,
        CmpOp::Ne => ord != Ordering::Equal,
    })
}
