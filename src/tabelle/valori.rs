//! Codes as tables write them: PEG keys, PDC codes in their several forms
//! (`1030215000`, `U.1.03.02.15.000`, `1.03.02.15`), titolo and
//! tipologia / macroaggregato codes, missione and programma, and the
//! markers a description carries.

use crate::ast::SezioneId;
use crate::codes::{ChiavePeg, MissioneProgramma, Pdc};

/// A whole number (leading zeros allowed; `12.0` as spreadsheets export
/// integers is read as 12).
pub fn intero(s: &str) -> Option<u32> {
    let s = s.trim();
    let s = s
        .strip_suffix(".0")
        .or_else(|| s.strip_suffix(",0"))
        .unwrap_or(s);
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// `3763 20 2` (also with `/`, `.` or `-` between the numbers; a missing
/// third number is 0).
pub fn chiave(s: &str) -> Option<ChiavePeg> {
    let parti: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || matches!(c, '/' | '.' | '-'))
        .filter(|p| !p.is_empty())
        .collect();
    let n: Vec<u32> = parti.iter().map(|p| intero(p)).collect::<Option<_>>()?;
    match n[..] {
        [c, a] => Some(ChiavePeg {
            capitolo: c,
            articolo: a,
            numero: 0,
        }),
        [c, a, x] => Some(ChiavePeg {
            capitolo: c,
            articolo: a,
            numero: x,
        }),
        _ => None,
    }
}

/// The dot-separated levels of a classification code, without the leading
/// `E.` / `U.` of revenue / spending.
fn livelli(s: &str) -> Option<Vec<&str>> {
    let s = s.trim();
    let s = s
        .strip_prefix("E.")
        .or_else(|| s.strip_prefix("U."))
        .or_else(|| s.strip_prefix("e."))
        .or_else(|| s.strip_prefix("u."))
        .unwrap_or(s);
    let l: Vec<&str> = s.split('.').collect();
    l.iter()
        .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
        .then_some(l)
}

/// A PDC: ten digits, or its dotted form with four or five levels (the
/// fifth level, when absent, is `000`).
pub fn pdc(s: &str) -> Option<Pdc> {
    let l = livelli(s)?;
    let digits = match l[..] {
        [one] if one.len() == 10 => one.to_string(),
        [one] if one.len() == 7 => format!("{one}000"),
        [a, b, c, d] if a.len() == 1 && [b, c, d].iter().all(|x| x.len() == 2) => {
            format!("{a}{b}{c}{d}000")
        }
        [a, b, c, d, e]
            if a.len() == 1 && [b, c, d].iter().all(|x| x.len() == 2) && e.len() == 3 =>
        {
            format!("{a}{b}{c}{d}{e}")
        }
        _ => return None,
    };
    Pdc::parse(&digits).ok()
}

/// The titolo of a code: `1`, `U.1`, `1.03...`: the first level.
pub fn titolo(s: &str) -> Option<u8> {
    let l = livelli(s)?;
    let first = l.first()?;
    let v: u32 = if l.len() == 1 && first.len() > 2 {
        // A whole PDC in one number: its first digit.
        first[..1].parse().ok()?
    } else {
        first.parse().ok()?
    };
    u8::try_from(v).ok().filter(|&t| (1..=9).contains(&t))
}

/// The tipologia / macroaggregato of a code: `03`, `1.03` or `103` (the
/// titolo's digit then two digits) all give 3.
pub fn gruppo(s: &str) -> Option<u8> {
    let l = livelli(s)?;
    let v: u32 = match l[..] {
        [one] if one.len() <= 2 => one.parse().ok()?,
        [one] if one.len() >= 3 => one[1..3].parse().ok()?,
        [_, second, ..] => second.parse().ok()?,
        _ => return None,
    };
    u8::try_from(v).ok().filter(|&g| g <= 99)
}

/// `12 04`, `1204`, `12.04`, `12-04`.
pub fn missione_programma(s: &str) -> Option<MissioneProgramma> {
    let s = s.trim();
    if let Some(mp) = MissioneProgramma::parse(s) {
        return Some(mp);
    }
    let d: String = s
        .chars()
        .filter(|c| !matches!(c, '.' | '-' | ' ' | '/'))
        .collect();
    (d.len() == 4 && d.bytes().all(|b| b.is_ascii_digit()))
        .then(|| MissioneProgramma::parse(&format!("{} {}", &d[..2], &d[2..])))
        .flatten()
}

/// Missione and programma from two cells; the programma may repeat the
/// missione (`12` and `1204`).
pub fn missione_e_programma(mi: &str, pr: &str) -> Option<MissioneProgramma> {
    let m = intero(mi)?;
    let mut p = intero(pr)?;
    if p > 99 && p / 100 == m {
        p %= 100;
    }
    let (m, p) = (u8::try_from(m).ok()?, u8::try_from(p).ok()?);
    (m > 0 && p > 0 && m <= 99 && p <= 99).then_some(MissioneProgramma {
        missione: m,
        programma: p,
    })
}

/// The section of a chapter of revenue (`entrata`) or spending under
/// titolo `t`: the current titoli (entrate 1-3, spese 1) and the capital
/// ones (entrate 4-5, spese 2-3). Other titoli (loans, clearing accounts)
/// are in no section of a Report Commissioni.
pub fn sezione_di(entrata: bool, t: u8) -> Option<SezioneId> {
    match (entrata, t) {
        (true, 1..=3) => Some(SezioneId::EntrateCorrenti),
        (true, 4 | 5) => Some(SezioneId::EntrateCapitale),
        (false, 1) => Some(SezioneId::SpeseCorrenti),
        (false, 2 | 3) => Some(SezioneId::SpeseCapitale),
        _ => None,
    }
}

/// The description without the markers the report prints in front of it
/// (`*`, `(ART.NON RIPETUTO)`), as the report parser reads them, and
/// whether each was there.
pub fn descrizione(s: &str) -> (String, bool, bool) {
    let mut d = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let (mut nr, mut ast) = (false, false);
    loop {
        if let Some(rest) = d.strip_prefix('*') {
            ast = true;
            d = rest.trim_start().to_string();
        } else if let Some(rest) = d.strip_prefix("(ART.NON RIPETUTO)") {
            nr = true;
            d = rest.trim_start().to_string();
        } else {
            break;
        }
    }
    (d, nr, ast)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_in_their_written_forms() {
        let k = chiave("3763 20 2").unwrap();
        assert_eq!(k.to_string(), "3763 20 2");
        assert_eq!(chiave("3763/20").unwrap().to_string(), "3763 20 0");
        assert_eq!(chiave("3763"), None);
        assert_eq!(intero("0012"), Some(12));
        assert_eq!(intero("12.0"), Some(12));
        assert_eq!(intero("1a"), None);
        for s in [
            "1030215000",
            "U.1.03.02.15.000",
            "1.03.02.15",
            "1.03.02.15.000",
            "1030215",
        ] {
            assert_eq!(
                pdc(s).map(|p| p.to_string()).as_deref(),
                Some("1030215000"),
                "{s}"
            );
        }
        assert_eq!(pdc("1.3.2.15"), None);
        assert_eq!(titolo("U.1"), Some(1));
        assert_eq!(titolo("2.01"), Some(2));
        assert_eq!(titolo("2010101000"), Some(2));
        assert_eq!(titolo("0"), None);
        assert_eq!(gruppo("03"), Some(3));
        assert_eq!(gruppo("1.03"), Some(3));
        assert_eq!(gruppo("103"), Some(3));
        assert_eq!(gruppo("U.1.03.02"), Some(3));
        assert_eq!(missione_programma("1204").unwrap().to_string(), "12 04");
        assert_eq!(missione_programma("12.04").unwrap().to_string(), "12 04");
        assert_eq!(missione_programma("12 4"), None);
        assert_eq!(
            missione_e_programma("12", "1204").unwrap().to_string(),
            "12 04"
        );
        assert_eq!(
            missione_e_programma("12", "4").unwrap().to_string(),
            "12 04"
        );
        assert_eq!(missione_e_programma("0", "4"), None);
    }

    #[test]
    fn sections_and_markers() {
        assert_eq!(sezione_di(true, 2), Some(SezioneId::EntrateCorrenti));
        assert_eq!(sezione_di(true, 4), Some(SezioneId::EntrateCapitale));
        assert_eq!(sezione_di(false, 2), Some(SezioneId::SpeseCapitale));
        assert_eq!(sezione_di(false, 7), None);
        assert_eq!(
            descrizione(" *  (ART.NON RIPETUTO) CONTRIBUTI  X "),
            ("CONTRIBUTI X".to_string(), true, true)
        );
    }
}
