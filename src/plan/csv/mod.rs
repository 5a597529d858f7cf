//! CSV in and out of a plan: the wide CSV Cruscotto exports (one column per year, inputs in
//! display units, roll-ups, reasons) and the import of either it or the long layout
//! (`codice;misura;anno;valore`) that other systems produce. Plain Rust: the page and the
//! command line (`cruscotto csv`, `cruscotto import-csv`) call the same code.

mod import;
mod paste;
mod records;
mod wide;
mod write;

pub use import::{import_csv, BadRow, Change, CsvError, CsvImport, Field, Layout};
pub use paste::{paste_block, PastedCell};
pub use records::{detect_separator, records, Record};
pub use wide::{target_text, wide_csv, wide_rows, Results, RowKind};
pub use write::{cell, document, number};
