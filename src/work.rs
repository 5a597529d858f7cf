//! Counters of work done, for the tests that compare the cost of an input with that of one ten
//! times larger (tests never time anything). Compiled into tests only.

use std::cell::Cell;

/// What is counted.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Work {
    /// An expression node evaluated (`Env::eval`).
    ExprNode,
    /// An indicator's formula evaluated for one year (`Scope::own`).
    FormulaRun,
    /// An entry moved by an insertion into a `SortedMap`/`SortedSet`.
    EntryShifted,
    /// A byte of a target's text looked at by the rewrite of plan forms (`lang::written`).
    ByteScanned,
}

thread_local! {
    static COUNTS: [Cell<u64>; 4] =
        const { [Cell::new(0), Cell::new(0), Cell::new(0), Cell::new(0)] };
}

pub(crate) fn add(what: Work, n: u64) {
    COUNTS.with(|c| c[what as usize].set(c[what as usize].get() + n));
}

/// The count of `what` since the last call, reset to 0.
pub(crate) fn take(what: Work) -> u64 {
    COUNTS.with(|c| c[what as usize].replace(0))
}
