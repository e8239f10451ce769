//! The official missioni / programmi of spending (D.Lgs. 118/2011, Allegato
//! 14), shipped as data in `rules/missioni-programmi.toml` and compiled into
//! the binary.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Deserialize;

use crate::codes::MissioneProgramma;

/// The classification table, as written in `rules/missioni-programmi.toml`.
pub const TABLE: &str = include_str!("../rules/missioni-programmi.toml");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    missioni: BTreeMap<String, String>,
    programmi: BTreeMap<String, Voce>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Voce {
    Nome(String),
    Dettaglio {
        name: String,
        #[serde(default)]
        regions_only: bool,
    },
}

/// A programma of the classification.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Programma {
    /// Official name.
    pub nome: String,
    /// Used by Regioni only, not by Comuni.
    pub solo_regioni: bool,
}

/// Missioni and programmi by code.
#[derive(Debug)]
pub struct Classificazione {
    missioni: BTreeMap<u8, String>,
    programmi: BTreeMap<MissioneProgramma, Programma>,
}

impl Classificazione {
    /// The table compiled into the binary (parsed once).
    pub fn ufficiale() -> &'static Classificazione {
        static C: OnceLock<Classificazione> = OnceLock::new();
        C.get_or_init(|| {
            Classificazione::parse(TABLE).expect("rules/missioni-programmi.toml is valid (tested)")
        })
    }

    /// Parse a table in the format of `rules/missioni-programmi.toml`.
    pub fn parse(text: &str) -> Result<Classificazione, String> {
        let f: File = toml::from_str(text).map_err(|e| e.to_string())?;
        let code = |s: &str| -> Result<u8, String> {
            s.parse::<u8>()
                .map_err(|_| format!("`{s}` is not a two-digit code"))
        };
        let mut missioni = BTreeMap::new();
        for (k, v) in f.missioni {
            missioni.insert(code(&k)?, v);
        }
        let mut programmi = BTreeMap::new();
        for (k, v) in f.programmi {
            let (m, p) = k
                .split_once('.')
                .ok_or_else(|| format!("`{k}` is not `MM.PP`"))?;
            let mp = MissioneProgramma {
                missione: code(m)?,
                programma: code(p)?,
            };
            if !missioni.contains_key(&mp.missione) {
                return Err(format!("programma `{k}` of an unknown missione"));
            }
            let (nome, solo_regioni) = match v {
                Voce::Nome(n) => (n, false),
                Voce::Dettaglio { name, regions_only } => (name, regions_only),
            };
            programmi.insert(mp, Programma { nome, solo_regioni });
        }
        Ok(Classificazione {
            missioni,
            programmi,
        })
    }

    /// The programma, if it exists.
    pub fn programma(&self, mp: MissioneProgramma) -> Option<&Programma> {
        self.programmi.get(&mp)
    }

    /// The missione's name, if it exists.
    pub fn missione(&self, code: u8) -> Option<&str> {
        self.missioni.get(&code).map(String::as_str)
    }

    /// Number of programmi.
    pub fn len(&self) -> usize {
        self.programmi.len()
    }

    /// True when there are no programmi.
    pub fn is_empty(&self) -> bool {
        self.programmi.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_table_parses_and_has_the_welfare_programmi() {
        let c = Classificazione::ufficiale();
        assert_eq!(c.len(), 99);
        assert_eq!(
            c.missione(12),
            Some("Diritti sociali, politiche sociali e famiglia")
        );
        let mp = MissioneProgramma {
            missione: 12,
            programma: 4,
        };
        assert_eq!(
            c.programma(mp).map(|p| p.nome.as_str()),
            Some("Interventi per soggetti a rischio di esclusione sociale")
        );
        let regional = MissioneProgramma {
            missione: 12,
            programma: 10,
        };
        assert!(c.programma(regional).unwrap().solo_regioni);
        assert!(c
            .programma(MissioneProgramma {
                missione: 12,
                programma: 11
            })
            .is_none());
    }
}
