//! The bytes of a table file as text: the byte-order mark, the encoding
//! (UTF-8, or Windows-1252 as Excel on Windows writes it), the separator,
//! and where each cell of a record is in the text, so that a bad cell is
//! underlined where it is written.

use std::ops::Range;

/// Which encoding to read the file in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Codifica {
    /// UTF-8 (a byte-order mark is allowed).
    Utf8,
    /// Windows-1252 (Western European; what Excel on Windows saves as "CSV").
    Windows1252,
    /// UTF-8 when the bytes are UTF-8 (or a BOM says so), else Windows-1252.
    Auto,
}

/// The decoded text and how it was decoded.
#[derive(Debug)]
pub struct Decodificato {
    /// The text, without the byte-order mark.
    pub testo: String,
    /// The encoding used (`UTF-8`, `windows-1252`, `UTF-16LE`...).
    pub codifica: &'static str,
}

/// The first byte that is not UTF-8, when `encoding = "utf-8"` was asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NonUtf8 {
    /// Byte offset.
    pub byte: usize,
}

/// Decode `bytes`. A BOM always wins (UTF-8 or UTF-16); without one, `Auto`
/// takes UTF-8 when the bytes are valid UTF-8 and Windows-1252 otherwise
/// (every byte sequence is Windows-1252 text, so that never fails).
pub fn decodifica(bytes: &[u8], c: Codifica) -> Result<Decodificato, NonUtf8> {
    if let Some((enc, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let (t, _) = enc.decode_without_bom_handling(&bytes[bom..]);
        return Ok(Decodificato {
            testo: t.into_owned(),
            codifica: enc.name(),
        });
    }
    match std::str::from_utf8(bytes) {
        Ok(s) if c != Codifica::Windows1252 => Ok(Decodificato {
            testo: s.to_string(),
            codifica: "UTF-8",
        }),
        Err(e) if c == Codifica::Utf8 => Err(NonUtf8 {
            byte: e.valid_up_to(),
        }),
        _ => {
            let (t, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
            Ok(Decodificato {
                testo: t.into_owned(),
                codifica: "windows-1252",
            })
        }
    }
}

/// The separator of the header line: the most frequent of `;`, tab and `,`
/// outside quotes (`;` first on a tie: Italian spreadsheets write `;`
/// because the comma is their decimal separator).
pub fn separatore(testo: &str) -> u8 {
    let mut n = [0usize; 3];
    let mut quoted = false;
    for b in testo.bytes() {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => break,
            b';' if !quoted => n[0] += 1,
            b'\t' if !quoted => n[1] += 1,
            b',' if !quoted => n[2] += 1,
            _ => {}
        }
    }
    let cand = [b';', b'\t', b','];
    let best = (0..3).max_by_key(|&i| (n[i], 3 - i)).unwrap_or(0);
    if n[best] == 0 {
        b','
    } else {
        cand[best]
    }
}

/// The byte ranges of the cells of the record that starts at `start`, as
/// written (quotes included), found by the same rules the `csv` crate reads
/// with: a quoted cell runs to its closing quote (`""` is a quote inside),
/// and the record ends at a line break outside quotes.
pub fn celle(testo: &str, start: usize, sep: u8) -> Vec<Range<usize>> {
    let b = testo.as_bytes();
    let mut out = Vec::new();
    let mut i = start.min(b.len());
    let mut cell_start = i;
    let mut quoted = false;
    while i < b.len() {
        let c = b[i];
        if quoted {
            if c == b'"' {
                if b.get(i + 1) == Some(&b'"') {
                    i += 1;
                } else {
                    quoted = false;
                }
            }
        } else if c == b'"' && i == cell_start {
            quoted = true;
        } else if c == sep {
            out.push(cell_start..i);
            cell_start = i + 1;
        } else if c == b'\n' || c == b'\r' {
            break;
        }
        i += 1;
    }
    out.push(cell_start..i);
    out
}

/// The end of the line where the record starting at `start` ends.
pub fn fine_record(testo: &str, start: usize, sep: u8) -> usize {
    celle(testo, start, sep).last().map_or(start, |r| r.end)
}

/// The spreadsheet name of a column: 0 -> `A`, 25 -> `Z`, 26 -> `AA`.
pub fn lettera(mut col: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (col % 26) as u8);
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

/// The A1 reference of a cell: 0-based column, 1-based row.
pub fn a1(col: usize, row: u64) -> String {
    format!("{}{row}", lettera(col))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings_are_told_apart() {
        let d = decodifica(b"\xEF\xBB\xBFa;b", Codifica::Auto).unwrap();
        assert_eq!((d.testo.as_str(), d.codifica), ("a;b", "UTF-8"));
        let d = decodifica(b"Centro di responsabilit\xE0", Codifica::Auto).unwrap();
        assert_eq!(d.testo, "Centro di responsabilità");
        assert_eq!(d.codifica, "windows-1252");
        assert_eq!(
            decodifica(b"ab\xE0", Codifica::Utf8).unwrap_err(),
            NonUtf8 { byte: 2 }
        );
        let d = decodifica("è".as_bytes(), Codifica::Auto).unwrap();
        assert_eq!((d.testo.as_str(), d.codifica), ("è", "UTF-8"));
    }

    #[test]
    fn separators_are_detected_outside_quotes() {
        assert_eq!(separatore("a;b;c\n1,2;3;4"), b';');
        assert_eq!(separatore("a,b,c\n"), b',');
        assert_eq!(separatore("a\tb\n"), b'\t');
        assert_eq!(separatore("\"a;b\",c\n"), b',');
        assert_eq!(separatore("solo\n"), b',');
    }

    #[test]
    fn cells_are_located_as_written() {
        let t = "x\na;\"b;\"\"c\";d\r\nnext";
        assert_eq!(celle(t, 2, b';'), vec![2..3, 4..11, 12..13]);
        assert_eq!(fine_record(t, 2, b';'), 13);
        assert_eq!(celle("", 0, b';'), vec![0..0]);
    }

    #[test]
    fn a1_references() {
        assert_eq!(a1(0, 1), "A1");
        assert_eq!(a1(25, 7), "Z7");
        assert_eq!(a1(26, 2), "AA2");
        assert_eq!(a1(27, 2), "AB2");
        assert_eq!(a1(701, 3), "ZZ3");
        assert_eq!(a1(702, 3), "AAA3");
    }
}
