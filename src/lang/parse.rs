//! Text → AST: a guard on the raw text, pest for the syntax, builders for the typed tree.
//! No evaluation happens on pest pairs.

use pest::error::{ErrorVariant, InputLocation};
use pest::Parser as _;

use super::ast::*;
use super::build::Builder;
use super::diagnostic::{Diagnostic, DiagnosticKind as K, Expected, Found};
use super::written::{Notation, Written};

#[derive(pest_derive::Parser)]
// pest_derive looks for the path under CARGO_MANIFEST_DIR first, then under `src/`.
#[grammar = "grammar/rules.pest"]
struct RulesParser;

/// Longest text accepted, in characters.
pub const MAX_CHARS: usize = 10_000;
/// Deepest nesting of parentheses/brackets, and most `^` in one text (pest and the builder's
/// precedence climbing recurse on them, so the guard refuses deeper input before they run).
pub const MAX_NESTING: usize = 64;
/// Deepest AST accepted (long chains of operators), so that evaluation and printing stay shallow.
pub const MAX_TREE_DEPTH: usize = 128;

/// Function names the language knows, canonical and aliases.
pub const FUNCTIONS: &[&str] = &[
    "media", "avg", "mean", "average", "somma", "sum", "min", "max", "abs", "se", "if",
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
    // Words of the forms plans write (written.rs), for near misses: «inferore» → «inferiore».
    "almeno",
    "inferiore",
    "superiore",
    "maggiore",
    "minore",
    "uguale",
    "mantenimento",
];

/// Words that cannot name a measure: the grammar's `reserved` rule (a test keeps them equal).
#[cfg(not(target_arch = "wasm32"))]
pub(super) const RESERVED: &[&str] = &[
    "rilevazione",
    "scostamento",
    "benchmark",
    "baseline",
    "parziale",
    "between",
    "cluster",
    "partial",
    "within",
    "entro",
    "media",
    "anno",
    "mean",
    "and",
    "non",
    "not",
    "tra",
    "by",
    "da",
    "of",
    "or",
    "e",
    "o",
    "x",
];

pub(super) type R<T> = Result<T, Diagnostic>;

/// Parses an indicator's formula, e.g. `fascicoli_creati / fascicoli_ricevuti`.
pub fn parse_formula(src: &str) -> Result<Formula, Vec<Diagnostic>> {
    parse_formula_in(src, Notation::Italian)
}

/// [`parse_formula`] for a plan that writes numbers in `notation`.
pub fn parse_formula_in(src: &str, notation: Notation) -> Result<Formula, Vec<Diagnostic>> {
    guard(src).map_err(|d| vec![d])?;
    match shortcut_formula(src, notation) {
        Some(f) => Ok(f),
        None => pest_formula(src, notation),
    }
}

/// The hand-written shortcut (fast.rs) for the common texts, natively: it reads numbers the
/// Italian way only, so a plan written the English way always goes to pest. The page leaves it
/// out (its 2.6 KB do not fit the page budget, docs/performance.md) and parses with pest alone:
/// the same trees, as tests/lang_fast.rs checks.
#[cfg(not(target_arch = "wasm32"))]
fn shortcut_formula(src: &str, notation: Notation) -> Option<Formula> {
    (notation == Notation::Italian)
        .then(|| super::fast::formula(src))
        .flatten()
}

#[cfg(not(target_arch = "wasm32"))]
fn shortcut_target(src: &str, notation: Notation) -> Option<Target> {
    (notation == Notation::Italian)
        .then(|| super::fast::target(src))
        .flatten()
}

#[cfg(target_arch = "wasm32")]
fn shortcut_formula(_: &str, _: Notation) -> Option<Formula> {
    None
}

#[cfg(target_arch = "wasm32")]
fn shortcut_target(_: &str, _: Notation) -> Option<Target> {
    None
}

fn pest_formula(src: &str, notation: Notation) -> Result<Formula, Vec<Diagnostic>> {
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
        notation,
    };
    let inner = top.next().and_then(|p| p.into_inner().next());
    let expr = match inner {
        Some(p) => b.expr(p).map_err(|d| vec![d])?.0,
        None => return Err(vec![Diagnostic::at(src, 0..0, K::Empty)]),
    };
    Ok(Formula { expr })
}

/// Parses a yearly target, e.g. `>= 80%`, `X < X-1`, `entro 31/12/2019`, `Anno di rilevazione`,
/// and the forms plans write (`almeno 5`, `non inferiore al 90%`, `<= 10 gg.`: `written.rs`).
pub fn parse_target(src: &str) -> Result<Target, Vec<Diagnostic>> {
    parse_target_in(src, Notation::Italian)
}

/// [`parse_target`] for a plan that writes numbers in `notation`.
pub fn parse_target_in(src: &str, notation: Notation) -> Result<Target, Vec<Diagnostic>> {
    guard(src).map_err(|d| vec![d])?;
    let rewritten = rewrite(src)?;
    // The shortcut only for a text the plan-form rewrite left as it is.
    if rewritten.is_none() {
        if let Some(t) = shortcut_target(src, notation) {
            return Ok(t);
        }
    }
    pest_target(src, notation, rewritten)
}

/// The plan forms of `src` in the language's notation (`written.rs`), `None` when there are
/// none; a form refused with its hint is an error. The rewritten text has the same byte
/// offsets: errors are located (and quoted) in `src`.
fn rewrite(src: &str) -> Result<Option<(String, Written)>, Vec<Diagnostic>> {
    let rewritten = super::written::rewrite(src);
    if let Some((_, w)) = &rewritten {
        if let Some((at, hint)) = w.refused.clone() {
            let text = src.get(at.clone()).unwrap_or_default().to_string();
            return Err(vec![Diagnostic::at(src, at, K::PlanForm { text, hint })]);
        }
    }
    Ok(rewritten)
}

fn pest_target(
    src: &str,
    notation: Notation,
    rewritten: Option<(String, Written)>,
) -> Result<Target, Vec<Diagnostic>> {
    let text = rewritten.as_ref().map_or(src, |(t, _)| t.as_str());
    let mut top = RulesParser::parse(Rule::target, text).map_err(|e| {
        // A sentence that does not parse (`n.d.`, two numbers, a milestone in words): its hint.
        let d = match super::written::sentence_hint(src) {
            Some((at, hint)) => {
                let text = src.get(at.clone()).unwrap_or_default().to_string();
                Diagnostic::at(src, at, K::PlanForm { text, hint })
            }
            None => from_pest(src, e),
        };
        vec![d]
    })?;
    let b = Builder {
        src,
        target: true,
        calls: Default::default(),
        notation,
    };
    let mut target = b.target(top.next()).map_err(|d| vec![d])?;
    if let Some((
        _,
        Written {
            label: Some(at), ..
        },
    )) = &rewritten
    {
        let words = src.get(at.clone()).unwrap_or_default();
        target.label = Some(words.trim().trim_end_matches('.').to_string());
    }
    Ok(target)
}

/// The phases of parsing one at a time, for `benches/language.rs` to time them apart (where
/// parse time goes, docs/benchmarks.md). Not an API.
#[doc(hidden)]
pub mod phases {
    use super::*;

    /// The guard's pass over the raw text.
    pub fn guard(src: &str) -> bool {
        super::guard(src).is_ok()
    }

    /// The whole parse without the shortcut (fast.rs): pest and the builders.
    pub fn pest_formula(src: &str) -> Result<Formula, Vec<Diagnostic>> {
        super::guard(src).map_err(|d| vec![d])?;
        super::pest_formula(src, Notation::Italian)
    }

    pub fn pest_target(src: &str) -> Result<Target, Vec<Diagnostic>> {
        super::guard(src).map_err(|d| vec![d])?;
        super::pest_target(src, Notation::Italian, super::rewrite(src)?)
    }

    /// The shortcut alone: `None` where it leaves the text to pest.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn fast_formula(src: &str) -> Option<Formula> {
        super::super::fast::formula(src)
    }

    #[cfg(not(target_arch = "wasm32"))]
    pub fn fast_target(src: &str) -> Option<Target> {
        super::super::fast::target(src)
    }

    /// pest's recognition of the text, pairs built, no tree.
    pub fn pest(src: &str, target: bool) -> bool {
        let rule = if target { Rule::target } else { Rule::formula };
        RulesParser::parse(rule, src).is_ok()
    }
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

// ---- pest errors in words ------------------------------------------------------------------

fn from_pest(src: &str, err: pest::error::Error<Rule>) -> Diagnostic {
    let pos = match err.location {
        InputLocation::Pos(p) => p,
        InputLocation::Span((s, _)) => s,
    };
    let positives = match &err.variant {
        ErrorVariant::ParsingError { positives, .. } => positives.clone(),
        // pest's own guards (stack nearly full, natively): the text is nested too deeply.
        ErrorVariant::CustomError { .. } => {
            let end = super::diagnostic::floor_char_boundary(src, pos.min(src.len()));
            return Diagnostic::at(src, end..end, K::TooDeep { max: MAX_NESTING });
        }
    };
    let mut expected: Vec<Expected> = positives.into_iter().filter_map(expected_of).collect();
    expected.sort();
    expected.dedup();
    super::words::describe(src, pos, expected)
}

pub(crate) fn expected_of(rule: Rule) -> Option<Expected> {
    use Rule::*;
    Some(match rule {
        expr | number | date | day_month | own | benchmark | measure | group | call | call_name
        | ident | neg | condition | cond_not | led | within | deadline | between_tail
        | kw_scostamento | kw_within | kw_entro | kw_between | kw_anno | kw_rilevazione
        | kw_baseline | op_not => Expected::Value,
        cmp_tail => Expected::Comparison,
        op_logic => Expected::Logical,
        infix => Expected::Operator,
        rparen => Expected::CloseParen,
        rbracket => Expected::CloseBracket,
        semicolon => Expected::Semicolon,
        year_abs | year_int => Expected::YearRef,
        partial | kw_parziale | kw_partial => Expected::Partial,
        kw_da | kw_of => Expected::Keyword("da"),
        kw_and => Expected::Keyword("e"),
        kw_max => Expected::Keyword("max"),
        kw_from => Expected::Keyword("from"),
        EOI => Expected::End,
        _ => return None,
    })
}
