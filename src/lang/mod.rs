//! The rules language: grammar binding, typed AST with spans, parser, printer, diagnostics.
