//! Cruscotto: the rules language, the plan and its evaluation — plain Rust with no browser type,
//! shared by the native `cruscotto` command and the browser app (`ui`, wasm32 only).

pub mod cli;
pub mod eval;
pub mod float;
pub mod fragment;
pub mod lang;
pub mod plan;
pub mod sorted_map;

#[cfg(test)]
mod cost_tests;
#[cfg(not(target_arch = "wasm32"))]
#[doc(hidden)]
pub mod fuzz_checks;
#[cfg(test)]
pub(crate) mod work;

#[cfg(target_arch = "wasm32")]
pub mod ui;
