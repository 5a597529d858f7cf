//! The rules language: grammar binding, typed AST with spans, parser, printer, diagnostics.
//!
//! API in the cel-rust shape: compile the text once (`parse_formula`, `parse_target`), then
//! execute it many times (`crate::eval::evaluate`).

pub mod ast;
mod build;
mod build_expr;
mod compose;
mod date;
mod diagnostic;
// The parser shortcut: native only (parse.rs, `shortcut`).
#[cfg(not(target_arch = "wasm32"))]
mod fast;
mod parse;
pub(crate) mod print;
mod suggest;
mod words;
mod written;

pub use ast::*;
pub use compose::compose;
pub use date::Date;
pub use diagnostic::{char_offsets, Diagnostic, DiagnosticKind, Expected, Found, Lang};
#[doc(hidden)]
pub use parse::phases;
pub use parse::{
    parse_formula, parse_formula_in, parse_target, parse_target_in, FUNCTIONS, KEYWORDS, MAX_CHARS,
    MAX_NESTING, MAX_TREE_DEPTH,
};
pub use print::tree_in_chars;
pub use suggest::{distance, suggest};
pub use written::{read_as, target_unit, Notation, Unit};

/// Name of the benchmark series that `media cluster` / `media` / `mean` reads.
pub const BENCHMARK_SERIES: &str = "media_cluster";
