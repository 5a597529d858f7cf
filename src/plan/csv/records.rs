//! The records of a CSV text, read by `csv-core` (quotes, doubled quotes, separators and line
//! breaks inside quotes, CRLF or LF): the separator `;` or `,` is detected from the header
//! line, a UTF-8 BOM is dropped.

use csv_core::{ReadFieldResult, ReaderBuilder};

/// One record: its number in the file (the header is row 1, as a spreadsheet counts) and its
/// cells, trimmed.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    pub row: usize,
    pub cells: Vec<String>,
}

/// The separator of a file: the one of `;` and `,` that comes more often in its first line
/// outside quotes (`;` on a tie: Italian spreadsheets).
pub fn detect_separator(text: &str) -> u8 {
    let (mut semicolons, mut commas, mut quoted) = (0usize, 0usize, false);
    for b in text.bytes() {
        match b {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => break,
            b';' if !quoted => semicolons += 1,
            b',' if !quoted => commas += 1,
            _ => {}
        }
    }
    if commas > semicolons {
        b','
    } else {
        b';'
    }
}

/// Every record of `text` with the separator `sep`; rows with only empty cells are left out
/// (spreadsheets write them at the end of a sheet). Invalid UTF-8 cannot occur: the text is a
/// `&str`, and csv-core splits only at ASCII bytes.
pub fn records(text: &str, sep: u8) -> Vec<Record> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let mut reader = ReaderBuilder::new().delimiter(sep).build();
    let mut input = text.as_bytes();
    let mut out = Vec::new();
    let mut cells = Vec::new();
    let mut field: Vec<u8> = Vec::new();
    let mut buf = [0u8; 4096];
    let mut row = 0;
    loop {
        let (result, read, written) = reader.read_field(input, &mut buf);
        input = &input[read..];
        field.extend_from_slice(&buf[..written]);
        match result {
            ReadFieldResult::InputEmpty | ReadFieldResult::OutputFull => {}
            ReadFieldResult::Field { record_end } => {
                cells.push(String::from_utf8_lossy(&field).trim().to_string());
                field.clear();
                if record_end {
                    row += 1;
                    if cells.iter().any(|c| !c.is_empty()) {
                        out.push(Record {
                            row,
                            cells: std::mem::take(&mut cells),
                        });
                    } else {
                        cells.clear();
                    }
                }
            }
            ReadFieldResult::End => break,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_bom_crlf_and_the_separator() {
        let text = "\u{FEFF}codice;valore\r\n\"1;1\";\"3,5\"\r\n;\r\n\"a \"\"b\"\"\nc\";2\r\n";
        let sep = detect_separator(text);
        assert_eq!(sep, b';');
        let rows = records(text, sep);
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[0].cells, ["codice", "valore"]);
        assert_eq!(rows[1].cells, ["1;1", "3,5"]);
        // The empty row 3 is skipped, but counted.
        assert_eq!(rows[2].row, 4);
        assert_eq!(rows[2].cells, ["a \"b\"\nc", "2"]);
        assert_eq!(detect_separator("code,measure,year,value\n"), b',');
        assert_eq!(detect_separator("\"a;b\",c\n"), b',');
    }
}
