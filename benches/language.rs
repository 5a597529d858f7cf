//! Benchmarks of the language (filled by the language work).
fn main() {}
