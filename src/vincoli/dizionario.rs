//! The dictionary of funding programmes (`rules/programmi-finanziamento.toml`,
//! compiled in): the words that tie an earmarked revenue chapter to the
//! spending it finances.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Deserialize;

/// The dictionary as shipped.
pub const TABLE: &str = include_str!("../../rules/programmi-finanziamento.toml");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[allow(dead_code)]
    version: u32,
    programmi: BTreeMap<String, Voce>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Voce {
    name: String,
    synonyms: Vec<String>,
}

/// A funding programme.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Programma {
    /// Stable id (`sai`).
    pub id: String,
    /// Name shown to people (`PROGETTO SAI`).
    pub nome: String,
    /// Upper-case synonyms, matched as whole words.
    pub sinonimi: Vec<String>,
}

/// The programmes, in file order of their ids.
#[derive(Debug)]
pub struct Dizionario {
    /// Every programme.
    pub programmi: Vec<Programma>,
    /// Every synonym with its programme, as a precompiled substring finder.
    cercatori: Vec<(usize, memchr::memmem::Finder<'static>)>,
}

impl Dizionario {
    /// The shipped dictionary (parsed once).
    pub fn ufficiale() -> &'static Dizionario {
        static D: OnceLock<Dizionario> = OnceLock::new();
        D.get_or_init(|| {
            Dizionario::parse(TABLE).expect("the shipped dictionary is valid (tested)")
        })
    }

    /// Parse a dictionary in the format of the shipped file.
    pub fn parse(text: &str) -> Result<Dizionario, String> {
        let f: File = toml::from_str(text).map_err(|e| e.to_string())?;
        let programmi: Vec<Programma> = f
            .programmi
            .into_iter()
            .map(|(id, v)| Programma {
                id,
                nome: v.name,
                sinonimi: v.synonyms.iter().map(|s| s.to_uppercase()).collect(),
            })
            .collect();
        let cercatori = programmi
            .iter()
            .enumerate()
            .flat_map(|(i, p)| {
                p.sinonimi
                    .iter()
                    .map(move |s| (i, memchr::memmem::Finder::new(s.as_bytes()).into_owned()))
            })
            .collect();
        Ok(Dizionario {
            programmi,
            cercatori,
        })
    }

    /// The programmes a description names.
    pub fn programmi_di(&self, descrizione: &str) -> Vec<&Programma> {
        // Synonyms are upper case; a word character is an ASCII letter or
        // digit, or any byte of a non-ASCII character.
        let d = descrizione.to_uppercase();
        let b = d.as_bytes();
        let parola = |i: Option<&u8>| i.is_some_and(|c| c.is_ascii_alphanumeric() || *c >= 0x80);
        let mut trovati: Vec<usize> = Vec::new();
        for (i, f) in &self.cercatori {
            if trovati.contains(i) {
                continue;
            }
            let n = f.needle().len();
            let intero = f.find_iter(b).any(|at| {
                !parola(at.checked_sub(1).and_then(|p| b.get(p))) && !parola(b.get(at + n))
            });
            if intero {
                trovati.push(*i);
            }
        }
        trovati.sort_unstable();
        trovati.into_iter().map(|i| &self.programmi[i]).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_programmes_as_whole_words() {
        let d = Dizionario::ufficiale();
        let ids =
            |s: &str| -> Vec<String> { d.programmi_di(s).iter().map(|p| p.id.clone()).collect() };
        assert_eq!(
            ids("TRASFERIMENTI STATALI - PROGETTO SAI - ADULTI"),
            ["sai"]
        );
        assert_eq!(ids("POR - TRASFERIMENTI DA REGIONE"), ["por"]);
        // `POR` inside `PORTA` is not the programme.
        assert_eq!(ids("MANUTENZIONE PORTA"), Vec::<String>::new());
        assert_eq!(
            ids("PON INCLUSIONE - FONDO POVERTA' ESTREME - CONTRATTI"),
            ["pon-inclusione", "poverta"]
        );
    }
}
