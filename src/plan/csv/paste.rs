//! A block copied from a spreadsheet (Excel, LibreOffice: cells split by tabs, rows by line
//! breaks, quotes around a cell with a line break), pasted into a grid from one of its cells.

use crate::eval::{parse_number, Date, Datum};
use crate::lang::Lang;

use super::records::records;

/// A pasted cell: (row, column) of the grid, and its datum (`None`: cleared).
pub type PastedCell = (usize, usize, Option<Datum>);

/// Where each cell of the block goes, from the cell `at` (row, column) of a grid of `size`
/// (rows, columns): `(row, column, datum)`, an empty cell clearing its datum. Every cell that
/// is not a number or a date, or falls outside the grid, is named (row and column of the
/// block, from 1) and nothing is returned: a paste applies whole or not at all.
pub fn paste_block(
    text: &str,
    at: (usize, usize),
    size: (usize, usize),
    lang: Lang,
) -> Result<Vec<PastedCell>, Vec<String>> {
    // Spreadsheets end the block with a line break; csv-core drops empty trailing rows.
    let rows = records(text, b'\t');
    let mut cells = Vec::new();
    let mut bad = Vec::new();
    for (r, record) in rows.iter().enumerate() {
        for (c, text) in record.cells.iter().enumerate() {
            let (row, col) = (at.0 + r, at.1 + c);
            let place = match lang {
                Lang::It => format!("riga {}, colonna {}", r + 1, c + 1),
                Lang::En => format!("row {}, column {}", r + 1, c + 1),
            };
            if row >= size.0 || col >= size.1 {
                if !text.is_empty() {
                    bad.push(match lang {
                        Lang::It => format!("{place}: «{text}» fuori dalla griglia"),
                        Lang::En => format!("{place}: \"{text}\" outside the grid"),
                    });
                }
                continue;
            }
            let datum = match Date::parse(text) {
                Some(d) => Ok(Some(Datum::Date(d))),
                None => parse_number(text, lang).map(|n| n.map(|n| Datum::Number(n.value))),
            };
            match datum {
                Ok(d) => cells.push((row, col, d)),
                Err(_) => bad.push(match lang {
                    Lang::It => format!("{place}: «{text}» non è un numero"),
                    Lang::En => format!("{place}: \"{text}\" is not a number"),
                }),
            }
        }
    }
    if bad.is_empty() {
        Ok(cells)
    } else {
        Err(bad)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_block_from_excel_fills_from_the_cell() {
        let block = "1.234\t3,5\r\n\t85%\r\n";
        let cells = paste_block(block, (1, 2), (4, 8), Lang::It).unwrap();
        assert_eq!(
            cells,
            [
                (1, 2, Some(Datum::Number(1234.0))),
                (1, 3, Some(Datum::Number(3.5))),
                (2, 2, None),
                (2, 3, Some(Datum::Number(0.85))),
            ]
        );
    }

    #[test]
    fn a_bad_cell_or_one_outside_is_named_and_nothing_applies() {
        let bad = paste_block("1\tdue\n3\t4\t5\n", (0, 6), (4, 8), Lang::It).unwrap_err();
        assert_eq!(
            bad,
            [
                "riga 1, colonna 2: «due» non è un numero",
                "riga 2, colonna 3: «5» fuori dalla griglia",
            ]
        );
    }
}
