//! Validated codes of the Italian budget classification: the PEG key of a
//! chapter, the PDC (piano dei conti integrato) code and the missione-programma
//! pair. Each type can only hold a well-formed value; whether the value exists
//! in the official classification is a rule, not a parse question.

use std::fmt;

use serde::{Serialize, Serializer};

/// The PEG key of a budget chapter: capitolo, articolo and a third sub-number,
/// printed `3763 20 2`. It identifies a chapter across versions and years.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ChiavePeg {
    /// Capitolo (chapter).
    pub capitolo: u32,
    /// Articolo (article).
    pub articolo: u32,
    /// Third sub-number.
    pub numero: u32,
}

impl ChiavePeg {
    /// `3763 20 2`, laid out in `buf` (three numbers of at most ten digits
    /// and two blanks): a key is printed in every finding's message, its
    /// identity, its fingerprint and its JSON, and the formatter's path (a
    /// write per number and per blank) cost several times the digits.
    fn testo<'b>(&self, buf: &'b mut [u8; 32]) -> &'b str {
        let mut fine = buf.len();
        for (i, n) in [self.numero, self.articolo, self.capitolo]
            .into_iter()
            .enumerate()
        {
            if i > 0 {
                fine -= 1;
                buf[fine] = b' ';
            }
            fine = crate::amount::cifre_fino(u128::from(n), buf, fine);
        }
        // Digits and blanks are ASCII.
        std::str::from_utf8(&buf[fine..]).unwrap_or_default()
    }
}

impl fmt::Display for ChiavePeg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.testo(&mut [0u8; 32]))
    }
}

impl Serialize for ChiavePeg {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.testo(&mut [0u8; 32]))
    }
}

/// A 10-digit code of the piano dei conti integrato, e.g. `1030215000`
/// (U.1.03.02.15.000). The first digit is the titolo, the next two the
/// tipologia (revenue) or macroaggregato (spending) printed in the header above
/// the row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pdc(u64);

impl Pdc {
    /// Parse exactly ten ASCII digits whose first digit is not zero.
    pub fn parse(digits: &str) -> Result<Pdc, PdcError> {
        if digits.len() != 10 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(PdcError::NotTenDigits);
        }
        if digits.as_bytes()[0] == b'0' {
            return Err(PdcError::ZeroTitolo);
        }
        // Ten digits always fit a u64.
        Ok(Pdc(digits.parse().map_err(|_| PdcError::NotTenDigits)?))
    }

    /// The titolo: first digit (1 = spese correnti, 2 = trasferimenti correnti...).
    pub fn titolo(self) -> u8 {
        (self.0 / 1_000_000_000) as u8
    }

    /// The two-digit second level: tipologia (revenue) or macroaggregato (spending).
    pub fn secondo_livello(self) -> u8 {
        ((self.0 / 10_000_000) % 100) as u8
    }

    /// The code as a number.
    pub fn value(self) -> u64 {
        self.0
    }
}

/// Why a string is not a PDC code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PdcError {
    /// Not exactly ten digits.
    NotTenDigits,
    /// Titolo 0 does not exist.
    ZeroTitolo,
}

impl fmt::Display for Pdc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:010}", self.0)
    }
}

impl Serialize for Pdc {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Missione and programma of the functional classification of spending,
/// printed `12 04`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MissioneProgramma {
    /// Missione, 1..=99 (e.g. 12 = diritti sociali, politiche sociali e famiglia).
    pub missione: u8,
    /// Programma within the missione, 1..=99.
    pub programma: u8,
}

impl MissioneProgramma {
    /// Parse `NN NN` (two two-digit numbers, neither zero).
    pub fn parse(text: &str) -> Option<MissioneProgramma> {
        let b = text.as_bytes();
        if b.len() != 5 || b[2] != b' ' {
            return None;
        }
        let missione = two_digits(&b[0..2])?;
        let programma = two_digits(&b[3..5])?;
        (missione > 0 && programma > 0).then_some(MissioneProgramma {
            missione,
            programma,
        })
    }
}

/// Parse two ASCII digits.
pub(crate) fn two_digits(b: &[u8]) -> Option<u8> {
    match b {
        [a, c] if a.is_ascii_digit() && c.is_ascii_digit() => Some((a - b'0') * 10 + (c - b'0')),
        _ => None,
    }
}

impl fmt::Display for MissioneProgramma {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02} {:02}", self.missione, self.programma)
    }
}

impl Serialize for MissioneProgramma {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pdc_exposes_titolo_and_second_level() {
        let p = Pdc::parse("1030215000").unwrap();
        assert_eq!(p.titolo(), 1);
        assert_eq!(p.secondo_livello(), 3);
        assert_eq!(p.to_string(), "1030215000");
        let e = Pdc::parse("2010101000").unwrap();
        assert_eq!((e.titolo(), e.secondo_livello()), (2, 1));
    }

    #[test]
    fn pdc_rejects_bad_codes() {
        assert_eq!(Pdc::parse("103021500"), Err(PdcError::NotTenDigits));
        assert_eq!(Pdc::parse("10302150001"), Err(PdcError::NotTenDigits));
        assert_eq!(Pdc::parse("10302x5000"), Err(PdcError::NotTenDigits));
        assert_eq!(Pdc::parse("0030215000"), Err(PdcError::ZeroTitolo));
    }

    #[test]
    fn missione_programma_round_trips() {
        let mp = MissioneProgramma::parse("12 04").unwrap();
        assert_eq!((mp.missione, mp.programma), (12, 4));
        assert_eq!(mp.to_string(), "12 04");
        assert_eq!(MissioneProgramma::parse("12 4"), None);
        assert_eq!(MissioneProgramma::parse("00 04"), None);
        assert_eq!(MissioneProgramma::parse("1204"), None);
    }

    #[test]
    fn peg_key_prints_with_single_spaces() {
        let k = ChiavePeg {
            capitolo: 3763,
            articolo: 20,
            numero: 2,
        };
        assert_eq!(k.to_string(), "3763 20 2");
        // Every width of number, the largest included, as `format!` prints
        // them; in JSON, the same text as a string.
        for n in [0, 7, 10, 99, 4_294_967_295u32, 1_000_000_000, 123_456] {
            let k = ChiavePeg {
                capitolo: n,
                articolo: n / 7,
                numero: u32::MAX - n,
            };
            let atteso = format!("{} {} {}", k.capitolo, k.articolo, k.numero);
            assert_eq!(k.to_string(), atteso);
            assert_eq!(serde_json::to_string(&k).unwrap(), format!("\"{atteso}\""));
        }
    }
}
