//! The evidence of a link, kept as data while the graph is built and read by
//! the rules (which never show it), and written out only where a person or a
//! tool reads it: `links show`, `links suggest`, DOT, JSON, the audit report.

use std::fmt;

use serde::{Serialize, Serializer};

use crate::codes::ChiavePeg;

/// How the evidence of a declared link starts (the group's name follows).
pub const PROVA_DICHIARATA: &str = "declared in the link file: ";

/// Why two chapters are linked.
///
/// [`fmt::Display`] writes it in English, the words link files and JSON
/// carry (`identical amounts in every column: 1003 8 2 = 4010 2 1`);
/// [`Prova::testo`] in the reader's language. Two proofs are equal exactly
/// when their English texts are, so groups list each text once.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Prova<'a> {
    /// A group of the link file, by its name.
    Dichiarata(String),
    /// The same amounts in every column (PEG keys of revenue and spending;
    /// `None` for a chapter without one).
    Identici(Option<ChiavePeg>, Option<ChiavePeg>),
    /// Spending chapters whose amounts sum to the revenue's in every column.
    Somma(Option<ChiavePeg>, Vec<Option<ChiavePeg>>),
    /// A funding programme named by both descriptions, in a Settore.
    Programma(&'a str, Option<u32>),
}

/// A PEG key as printed, nothing for a chapter without one.
struct Chiave(Option<ChiavePeg>);

impl fmt::Display for Chiave {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(k) => k.fmt(f),
            None => Ok(()),
        }
    }
}

/// What the evidence says after its kind: the keys, or the programme's name
/// and where.
struct Corpo<'p, 'a>(&'p Prova<'a>);

impl fmt::Display for Corpo<'_, '_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Prova::Dichiarata(nome) => f.write_str(nome),
            Prova::Identici(r, s) => write!(f, "{} = {}", Chiave(*r), Chiave(*s)),
            Prova::Somma(r, parti) => {
                write!(f, "{} = ", Chiave(*r))?;
                for (i, p) in parti.iter().enumerate() {
                    if i > 0 {
                        f.write_str(" + ")?;
                    }
                    Chiave(*p).fmt(f)?;
                }
                Ok(())
            }
            Prova::Programma(nome, _) => f.write_str(nome),
        }
    }
}

/// `, settore 50`, or nothing outside a Settore.
fn dove(settore: Option<u32>) -> String {
    settore
        .map(|s| format!(", settore {s}"))
        .unwrap_or_default()
}

impl fmt::Display for Prova<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let corpo = Corpo(self);
        match self {
            Prova::Dichiarata(_) => write!(f, "{PROVA_DICHIARATA}{corpo}"),
            Prova::Identici(..) => write!(f, "identical amounts in every column: {corpo}"),
            Prova::Somma(..) => write!(f, "exact sum in every column: {corpo}"),
            Prova::Programma(nome, settore) => write!(
                f,
                "programme {nome} named by revenue and spending{}",
                dove(*settore)
            ),
        }
    }
}

impl Serialize for Prova<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl Prova<'_> {
    /// The evidence as the reader's language says it (the catalogue's
    /// `evidence-*` forms).
    pub fn testo(&self) -> String {
        let what = Corpo(self).to_string();
        match self {
            Prova::Dichiarata(_) => crate::tr!("evidence-declared", what = what),
            Prova::Identici(..) => crate::tr!("evidence-identical", what = what),
            Prova::Somma(..) => crate::tr!("evidence-sum", what = what),
            Prova::Programma(nome, settore) => {
                crate::tr!("evidence-programme", name = *nome, where = dove(*settore))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(capitolo: u32, articolo: u32, numero: u32) -> Option<ChiavePeg> {
        Some(ChiavePeg {
            capitolo,
            articolo,
            numero,
        })
    }

    /// The English texts are those inference wrote before it kept evidence
    /// as data (link files and JSON carry them).
    #[test]
    fn english_texts_are_the_link_files_words() {
        assert_eq!(
            Prova::Identici(k(1003, 8, 2), k(4010, 2, 1)).to_string(),
            "identical amounts in every column: 1003 8 2 = 4010 2 1"
        );
        assert_eq!(
            Prova::Identici(None, k(4010, 2, 1)).to_string(),
            "identical amounts in every column:  = 4010 2 1"
        );
        assert_eq!(
            Prova::Somma(k(1, 2, 3), vec![k(4, 5, 6), None, k(7, 8, 9)]).to_string(),
            "exact sum in every column: 1 2 3 = 4 5 6 +  + 7 8 9"
        );
        assert_eq!(
            Prova::Programma("PROGETTO SAI", Some(50)).to_string(),
            "programme PROGETTO SAI named by revenue and spending, settore 50"
        );
        assert_eq!(
            Prova::Programma("PROGETTO SAI", None).to_string(),
            "programme PROGETTO SAI named by revenue and spending"
        );
        assert_eq!(
            Prova::Dichiarata("SAI adulti".into()).to_string(),
            "declared in the link file: SAI adulti"
        );
        assert_eq!(
            serde_json::to_string(&Prova::Identici(k(1, 1, 1), k(2, 2, 2))).unwrap(),
            "\"identical amounts in every column: 1 1 1 = 2 2 2\""
        );
    }
}
