//! Amounts written in a table cell, in the Italian (`1.234,56`) or English
//! (`1,234.56`) form. A cell alone can be ambiguous (`1.234` is a thousand
//! and more in Italian, one and a bit in English), so each cell is first
//! classified by the evidence it carries ([`Forma`]); the convention of the
//! file is settled from all the cells ([`Decimali`]) before any is read.

use std::str::FromStr;

use rust_decimal::Decimal;

/// Which character separates the decimals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decimali {
    /// `1.234,56`: comma for decimals, dot for thousands.
    Virgola,
    /// `1,234.56`: dot for decimals, comma for thousands.
    Punto,
    /// Decide from the cells of the file.
    Auto,
}

/// What one cell says about the convention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Forma {
    /// Only the Italian reading is possible (`1.234,56`, `12,5`, `1.234.567`).
    Italiana,
    /// Only the English reading is possible (`1,234.56`, `12.50`, `1,234,567`).
    Inglese,
    /// Both readings are possible and differ (`1.234`, `1,234`).
    Ambigua,
    /// No separator, or one that reads the same either way (`1234`, `-5`).
    Neutra,
}

/// Why a cell is not an amount.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ErroreImporto {
    /// Not a number in either form.
    NonNumero,
    /// Could be read both ways and the convention is not settled.
    Ambiguo,
    /// A number, but not in the file's convention (`1,234.56` in an Italian file).
    AltraConvenzione,
    /// Too large for an exact decimal.
    Troppo,
}

/// Split `cell` into sign and digits-with-separators, dropping a currency
/// sign and spaces used as thousands separators; `None` when other
/// characters are there.
fn pulisci(cell: &str) -> Option<(bool, String)> {
    let mut s = cell.trim();
    for euro in ["€", "EUR", "eur"] {
        s = s.trim_start_matches(euro).trim_end_matches(euro).trim();
    }
    let (neg, s) = if let Some(r) = s.strip_prefix('-') {
        (true, r)
    } else if let Some(r) = s.strip_prefix('+') {
        (false, r)
    } else if let Some(r) = s.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        // Accountants write negative amounts in parentheses.
        (true, r)
    } else {
        (false, s)
    };
    // Spaces (also no-break and thin ones) are thousands separators in some exports.
    let body: String = s
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\''))
        .collect();
    let ok = !body.is_empty()
        && body
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
        && body.as_bytes()[0].is_ascii_digit()
        && body.as_bytes()[body.len() - 1].is_ascii_digit();
    ok.then_some((neg, body))
}

/// True when `int` is digits in groups of three after a first group of one to three.
fn gruppi_di_tre(int: &str, sep: char) -> bool {
    let mut parts = int.split(sep);
    let first = parts.next().unwrap_or("");
    (1..=3).contains(&first.len())
        && parts.all(|p| p.len() == 3)
        && int.chars().all(|c| c.is_ascii_digit() || c == sep)
}

/// True when `s` reads as a number with `dec` as decimal separator and the
/// other character (if any) as a thousands separator in groups of three.
fn legge_come(s: &str, dec: char) -> bool {
    let mil = if dec == ',' { '.' } else { ',' };
    let (int, frac) = match s.rsplit_once(dec) {
        Some((i, f)) => (i, Some(f)),
        None => (s, None),
    };
    if frac.is_some_and(|f| f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit())) {
        return false;
    }
    if int.contains(dec) || int.is_empty() {
        return false;
    }
    !int.contains(mil) || gruppi_di_tre(int, mil)
}

fn valore(s: &str, dec: char) -> Option<Decimal> {
    let plain: String = s
        .chars()
        .filter_map(|c| match c {
            c if c == dec => Some('.'),
            '.' | ',' => None,
            c => Some(c),
        })
        .collect();
    Decimal::from_str(&plain).ok()
}

/// What `cell` says about the convention (`None`: not a number at all).
pub fn forma(cell: &str) -> Option<Forma> {
    let (_, s) = pulisci(cell)?;
    let it = legge_come(&s, ',');
    let en = legge_come(&s, '.');
    Some(match (it, en) {
        (true, true) => {
            if valore(&s, ',') == valore(&s, '.') {
                Forma::Neutra
            } else {
                Forma::Ambigua
            }
        }
        (true, false) => Forma::Italiana,
        (false, true) => Forma::Inglese,
        (false, false) => return None,
    })
}

/// Read `cell` as an amount: `Ok(None)` for an empty cell (not the same as a
/// written zero), the amount, or why not. `conv` is the settled convention
/// ([`Decimali::Auto`] here means it could not be settled: only cells that
/// read the same either way are accepted).
pub fn importo(cell: &str, conv: Decimali) -> Result<Option<Decimal>, ErroreImporto> {
    if cell.trim().is_empty() {
        return Ok(None);
    }
    let f = forma(cell).ok_or(ErroreImporto::NonNumero)?;
    let (neg, s) = pulisci(cell).ok_or(ErroreImporto::NonNumero)?;
    let dec = match (conv, f) {
        (Decimali::Auto, Forma::Ambigua) => return Err(ErroreImporto::Ambiguo),
        (Decimali::Auto, Forma::Italiana) | (Decimali::Virgola, _) => ',',
        (Decimali::Auto, _) | (Decimali::Punto, _) => '.',
    };
    if !legge_come(&s, dec) {
        return Err(ErroreImporto::AltraConvenzione);
    }
    let v = valore(&s, dec).ok_or(ErroreImporto::Troppo)?;
    Ok(Some(if neg { -v } else { v }))
}

/// Counts of the forms seen in a file, to settle [`Decimali::Auto`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Prove {
    /// Cells only the Italian form reads.
    pub italiane: usize,
    /// Cells only the English form reads.
    pub inglesi: usize,
}

impl Prove {
    /// Count one cell.
    pub fn conta(&mut self, cell: &str) {
        match forma(cell) {
            Some(Forma::Italiana) => self.italiane += 1,
            Some(Forma::Inglese) => self.inglesi += 1,
            _ => {}
        }
    }

    /// The convention the evidence settles: the only form seen, or the
    /// majority (the minority cells are then errors, each located);
    /// [`Decimali::Auto`] when no cell decides.
    pub fn decidi(self) -> Decimali {
        match (self.italiane, self.inglesi) {
            (0, 0) => Decimali::Auto,
            (i, e) if i >= e => Decimali::Virgola,
            _ => Decimali::Punto,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn forms_are_classified_by_their_evidence() {
        assert_eq!(forma("1.234,56"), Some(Forma::Italiana));
        assert_eq!(forma("1.234.567"), Some(Forma::Italiana));
        assert_eq!(forma("12,5"), Some(Forma::Italiana));
        assert_eq!(forma("1,234.56"), Some(Forma::Inglese));
        assert_eq!(forma("1234240.00"), Some(Forma::Inglese));
        assert_eq!(forma("1,234,567"), Some(Forma::Inglese));
        assert_eq!(forma("1.234"), Some(Forma::Ambigua));
        assert_eq!(forma("1,234"), Some(Forma::Ambigua));
        assert_eq!(forma("1234"), Some(Forma::Neutra));
        assert_eq!(forma("-0"), Some(Forma::Neutra));
        assert_eq!(forma("1.2.3"), None);
        assert_eq!(forma("12a"), None);
        assert_eq!(forma("1e5"), None);
        assert_eq!(forma(""), None);
    }

    #[test]
    fn amounts_read_exactly_in_each_convention() {
        assert_eq!(importo("1.234,56", Decimali::Auto), Ok(Some(d("1234.56"))));
        assert_eq!(
            importo(" € 1.234,56 ", Decimali::Virgola),
            Ok(Some(d("1234.56")))
        );
        assert_eq!(
            importo("-1,234.56", Decimali::Punto),
            Ok(Some(d("-1234.56")))
        );
        assert_eq!(importo("(10,00)", Decimali::Virgola), Ok(Some(d("-10.00"))));
        assert_eq!(importo("1.234", Decimali::Virgola), Ok(Some(d("1234"))));
        assert_eq!(importo("1.234", Decimali::Punto), Ok(Some(d("1.234"))));
        assert_eq!(
            importo("1 234,50", Decimali::Virgola),
            Ok(Some(d("1234.50")))
        );
        assert_eq!(importo("0", Decimali::Auto), Ok(Some(d("0"))));
        assert_eq!(importo("", Decimali::Auto), Ok(None));
        assert_eq!(importo("   ", Decimali::Punto), Ok(None));
    }

    #[test]
    fn bad_cells_say_why() {
        assert_eq!(
            importo("1.234", Decimali::Auto),
            Err(ErroreImporto::Ambiguo)
        );
        assert_eq!(
            importo("n.d.", Decimali::Auto),
            Err(ErroreImporto::NonNumero)
        );
        assert_eq!(
            importo("1,234.56", Decimali::Virgola),
            Err(ErroreImporto::AltraConvenzione)
        );
        assert_eq!(
            importo("99999999999999999999999999999999", Decimali::Punto),
            Err(ErroreImporto::Troppo)
        );
    }

    #[test]
    fn the_majority_settles_the_convention() {
        let mut p = Prove::default();
        for c in ["1.234,56", "1.234", "7", "0,50"] {
            p.conta(c);
        }
        assert_eq!(
            p,
            Prove {
                italiane: 2,
                inglesi: 0
            }
        );
        assert_eq!(p.decidi(), Decimali::Virgola);
        assert_eq!(Prove::default().decidi(), Decimali::Auto);
    }
}
