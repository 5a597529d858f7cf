//! The verbs of the native `cruscotto` command, as plain functions over readers and writers
//! so that tests drive them without spawning processes.

pub mod cycle;
pub mod eval;
pub mod new;
pub mod plan;
