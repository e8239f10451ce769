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
        Ok(Dizionario {
            programmi: f
                .programmi
                .into_iter()
                .map(|(id, v)| Programma {
                    id,
                    nome: v.name,
                    sinonimi: v.synonyms.iter().map(|s| s.to_uppercase()).collect(),
                })
                .collect(),
        })
    }

    /// The programmes a description names.
    pub fn programmi_di(&self, descrizione: &str) -> Vec<&Programma> {
        let d = descrizione.to_uppercase();
        self.programmi
            .iter()
            .filter(|p| p.sinonimi.iter().any(|s| parola_intera(&d, s)))
            .collect()
    }
}

/// True when `needle` occurs in `hay` not inside a longer word.
fn parola_intera(hay: &str, needle: &str) -> bool {
    let is_word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
    let mut from = 0;
    while let Some(i) = hay[from..].find(needle) {
        let at = from + i;
        let before = hay[..at].chars().next_back();
        let after = hay[at + needle.len()..].chars().next();
        if !is_word(before) && !is_word(after) {
            return true;
        }
        from = at + needle.len().max(1);
        while !hay.is_char_boundary(from) {
            from += 1;
        }
    }
    false
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
