//! Spreadsheets (XLSX, XLS, XLSB, ODS) read with `calamine`: one sheet is
//! laid out as tab-separated text, one line per row from the header down,
//! so that the CSV reader, its diagnostics and every output work on it
//! unchanged. Numeric cells are written in the number form the profile
//! reads, never ambiguously; cells keep their A1 references in messages.

use std::io::Cursor;

use calamine::{open_workbook_auto_from_rs, Data, Reader};

use super::numeri::Decimali;

/// A sheet as text.
#[derive(Debug)]
pub struct Foglio {
    /// Tab-separated, the header first.
    pub testo: String,
    /// The 1-based row of the header in the sheet.
    pub riga0: u64,
    /// The 0-based column of the first cell.
    pub col0: usize,
    /// The sheet's name.
    pub nome: String,
}

/// True for the bytes of a spreadsheet: a ZIP container (XLSX, XLSB, ODS)
/// or an OLE compound file (XLS).
pub fn e_foglio(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0])
}

/// A number as the reader reads it in `dec`'s form: the shortest decimal
/// that is the cell's binary value, with a fourth decimal digit added when
/// it has exactly three (`1.234` alone would be ambiguous; `1.2340` is not).
/// The one `f64` of quadra: calamine hands a numeric cell as the binary
/// value the file stores, and it becomes text here, at once, which the table
/// reader then reads as a `Decimal` like any other cell.
fn numero(v: f64, dec: Decimali) -> String {
    if v.is_finite() && v.fract() == 0.0 && v.abs() < 1e15 {
        return format!("{v:.0}");
    }
    let mut s = format!("{v}");
    if let Some((_, f)) = s.split_once('.') {
        if f.len() == 3 {
            s.push('0');
        }
    }
    if dec == Decimali::Virgola {
        s = s.replace('.', ",");
    }
    s
}

fn cella(d: &Data, dec: Decimali) -> String {
    match d {
        Data::Empty => String::new(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => numero(*f, dec),
        other => other.to_string(),
    }
}

/// A cell for tab-separated text: quoted when it holds a tab, a line
/// break or a quote.
fn campo(s: &str) -> String {
    if s.contains(['\t', '\n', '\r', '"']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// The sheet `nome` (the first one when `None`) of the workbook in `bytes`.
pub fn in_testo(bytes: &[u8], nome: Option<&str>, dec: Decimali) -> Result<Foglio, String> {
    let mut wb = open_workbook_auto_from_rs(Cursor::new(bytes.to_vec()))
        .map_err(|e| super::messaggi::foglio_illeggibile(&e))?;
    let names = wb.sheet_names();
    let scelto = match nome {
        Some(n) => names
            .iter()
            .find(|s| s.as_str() == n)
            .cloned()
            .ok_or_else(|| super::messaggi::foglio_mancante(n, &names))?,
        None => names.first().cloned().ok_or_else(super::messaggi::vuota)?,
    };
    let range = wb
        .worksheet_range(&scelto)
        .map_err(|e| super::messaggi::foglio_illeggibile(&e))?;
    let (r0, c0) = range.start().unwrap_or((0, 0));
    let mut testo = String::new();
    for row in range.rows() {
        let cells: Vec<String> = row.iter().map(|d| campo(&cella(d, dec))).collect();
        testo.push_str(&cells.join("\t"));
        testo.push('\n');
    }
    Ok(Foglio {
        testo,
        riga0: u64::from(r0) + 1,
        col0: c0 as usize,
        nome: scelto,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_written_unambiguously() {
        assert_eq!(numero(1234240.0, Decimali::Auto), "1234240");
        assert_eq!(numero(1234.5, Decimali::Auto), "1234.5");
        assert_eq!(numero(1.234, Decimali::Auto), "1.2340");
        assert_eq!(numero(1.234, Decimali::Virgola), "1,2340");
        assert_eq!(numero(0.1, Decimali::Punto), "0.1");
        assert_eq!(campo("a\tb"), "\"a\tb\"");
        assert_eq!(campo("x\"y"), "\"x\"\"y\"");
        assert!(e_foglio(b"PK\x03\x04rest"));
        assert!(!e_foglio(b"capitolo;articolo"));
    }
}
