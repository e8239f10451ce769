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
    /// Every synonym in one automaton matching ASCII letters in any case
    /// (pattern `i` is `cercatori[i]`), when every synonym is ASCII: one
    /// pass over a description instead of one upper-cased copy and one
    /// search per synonym.
    automa: Option<aho_corasick::AhoCorasick>,
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
            .collect::<Vec<_>>();
        let automa = programmi
            .iter()
            .flat_map(|p| &p.sinonimi)
            .all(|s| s.is_ascii())
            .then(|| {
                aho_corasick::AhoCorasick::builder()
                    .ascii_case_insensitive(true)
                    .build(cercatori.iter().map(|(_, f)| f.needle()))
                    .ok()
            })
            .flatten();
        Ok(Dizionario {
            programmi,
            cercatori,
            automa,
        })
    }

    /// The programmes a description names, as indices (see
    /// [`Dizionario::programma`]), sorted, into a buffer the caller reuses:
    /// vincolo inference asks for every chapter of a report.
    pub fn trova(&self, descrizione: &str, trovati: &mut Vec<usize>) {
        trovati.clear();
        match &self.automa {
            Some(automa) if descrizione.is_ascii() => self.con_automa(automa, descrizione, trovati),
            _ => self.per_sinonimo(descrizione, trovati),
        }
        trovati.sort_unstable();
    }

    /// The programme of an index that [`Dizionario::trova`] gives.
    pub fn programma(&self, i: usize) -> &Programma {
        &self.programmi[i]
    }

    /// ASCII text and synonyms: upper-casing is ASCII case folding, which
    /// the automaton does while it reads. Overlapping matches, so that no
    /// occurrence hides a whole-word one.
    fn con_automa(
        &self,
        automa: &aho_corasick::AhoCorasick,
        descrizione: &str,
        trovati: &mut Vec<usize>,
    ) {
        let b = descrizione.as_bytes();
        for m in automa.find_overlapping_iter(b) {
            let i = self.cercatori[m.pattern().as_usize()].0;
            if !trovati.contains(&i) && intero(b, m.start(), m.end()) {
                trovati.push(i);
            }
        }
    }

    /// Any text: each synonym searched in the upper-cased description.
    fn per_sinonimo(&self, descrizione: &str, trovati: &mut Vec<usize>) {
        let d = descrizione.to_uppercase();
        let b = d.as_bytes();
        for (i, f) in &self.cercatori {
            let n = f.needle().len();
            if !trovati.contains(i) && f.find_iter(b).any(|at| intero(b, at, at + n)) {
                trovati.push(*i);
            }
        }
    }
}

/// `b[start..end]` is a whole word: no word character (an ASCII letter or
/// digit, or any byte of a non-ASCII character) touches it.
fn intero(b: &[u8], start: usize, end: usize) -> bool {
    let parola = |i: Option<&u8>| i.is_some_and(|c| c.is_ascii_alphanumeric() || *c >= 0x80);
    !parola(start.checked_sub(1).and_then(|p| b.get(p))) && !parola(b.get(end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_programmes_as_whole_words() {
        let d = Dizionario::ufficiale();
        let ids = |s: &str| -> Vec<String> {
            let mut trovati = Vec::new();
            d.trova(s, &mut trovati);
            trovati.iter().map(|&i| d.programma(i).id.clone()).collect()
        };
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
        assert_eq!(ids("progetto sai minori"), ["sai"]);
    }

    /// The one-pass automaton finds exactly what one search per synonym in
    /// the upper-cased text finds, on texts built from synonyms, their
    /// pieces, other words and every kind of separator, in any case.
    #[test]
    fn the_automaton_agrees_with_one_search_per_synonym() {
        let d = Dizionario::ufficiale();
        let automa = d.automa.as_ref().expect("the shipped synonyms are ASCII");
        let mut pezzi: Vec<String> = d
            .programmi
            .iter()
            .flat_map(|p| p.sinonimi.clone())
            .collect();
        let frammenti: Vec<String> = pezzi
            .iter()
            .flat_map(|s| [s[..s.len() / 2].to_string(), s[s.len() / 2..].to_string()])
            .collect();
        pezzi.extend(frammenti);
        pezzi.extend(["PORTA", "FIN.TO", "2022", "X", "SAIS", "N.2855"].map(String::from));
        let sep = [" ", "", "-", " - ", "(", ")", "'", "/", "1", "A"];
        let mut stato: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut prossimo = |n: usize| {
            stato ^= stato << 13;
            stato ^= stato >> 7;
            stato ^= stato << 17;
            (stato % n as u64) as usize
        };
        let mut nominati = 0;
        for _ in 0..20_000 {
            let mut t = String::new();
            for _ in 0..1 + prossimo(5) {
                t.push_str(sep[prossimo(sep.len())]);
                let p = &pezzi[prossimo(pezzi.len())];
                t.push_str(&if prossimo(3) == 0 {
                    p.to_lowercase()
                } else {
                    p.clone()
                });
            }
            let (mut atteso, mut letto) = (Vec::new(), Vec::new());
            d.per_sinonimo(&t, &mut atteso);
            d.con_automa(automa, &t, &mut letto);
            atteso.sort_unstable();
            letto.sort_unstable();
            assert_eq!(letto, atteso, "{t:?}");
            nominati += usize::from(!atteso.is_empty());
        }
        // The texts do name programmes, often: the comparison is not vacuous.
        assert!(nominati > 5_000, "{nominati}");
    }
}
