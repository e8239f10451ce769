//! Selectors: which items a TOML rule looks at (`select = { section = "1.B",
//! vincolato = true }`). Every criterion given must hold; a list means any of
//! its values.

use regex::Regex;

use crate::ast::{LivelloTotale, SezioneId};
use crate::lang::item::{Genere, Item, Parte};

/// A glob over a printed code: `*` any run of characters, `?` one character
/// (`3763 *` is every article of capitolo 3763, `12 0?` missione 12 programmi 01-09).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Glob(pub String);

impl Glob {
    /// True when `text` matches the whole pattern.
    pub fn matches(&self, text: &str) -> bool {
        glob(self.0.as_bytes(), text.as_bytes())
    }
}

fn glob(p: &[u8], t: &[u8]) -> bool {
    // Iterative matcher with one backtrack point: linear in practice, never
    // exponential on patterns with many stars.
    let (mut pi, mut ti) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while ti < t.len() {
        if pi < p.len() && (p[pi] == b'?' || p[pi] == t[ti]) {
            pi += 1;
            ti += 1;
        } else if pi < p.len() && p[pi] == b'*' {
            star = Some((pi, ti));
            pi += 1;
        } else if let Some((sp, st)) = star {
            pi = sp + 1;
            ti = st + 1;
            star = Some((sp, st + 1));
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|&c| c == b'*')
}

/// The criteria of a selector. Empty lists and `None` select everything.
#[derive(Debug, Clone, Default)]
pub struct Selettore {
    /// Kinds of item (`row` when the rule file says nothing).
    pub generi: Vec<Genere>,
    /// Sections.
    pub sezioni: Vec<SezioneId>,
    /// Settore codes.
    pub settori: Vec<u32>,
    /// Titolo codes.
    pub titoli: Vec<u8>,
    /// Tipologia / Macroaggregato codes.
    pub gruppi: Vec<u8>,
    /// Levels of totals.
    pub livelli: Vec<LivelloTotale>,
    /// Part of 1.C.
    pub parte: Option<Parte>,
    /// PEG key pattern, on the key printed `3763 20 2`.
    pub chiave: Option<Glob>,
    /// Missione-programma pattern, on `12 04`.
    pub missione_programma: Option<Glob>,
    /// PDC pattern, on the ten digits.
    pub pdc: Option<Glob>,
    /// Pattern on the description (rows) or label (totals).
    pub descrizione: Option<Regex>,
    /// V flag.
    pub vincolato: Option<bool>,
    /// `(ART.NON RIPETUTO)`.
    pub non_ripetuto: Option<bool>,
    /// Leading `*`.
    pub asterisco: Option<bool>,
}

fn any_of<T: PartialEq>(list: &[T], v: Option<T>) -> bool {
    list.is_empty() || v.is_some_and(|v| list.contains(&v))
}

fn flag(want: Option<bool>, have: bool) -> bool {
    want.is_none_or(|w| w == have)
}

impl Selettore {
    /// True when the item meets every criterion.
    pub fn matches(&self, it: &Item<'_>) -> bool {
        any_of(&self.generi, Some(it.genere))
            && any_of(&self.sezioni, Some(it.sezione))
            && any_of(&self.settori, it.settore)
            && any_of(&self.titoli, it.titolo)
            && any_of(&self.gruppi, it.gruppo)
            && any_of(&self.livelli, it.livello)
            && self.parte.is_none_or(|p| it.parte == Some(p))
            && flag(self.vincolato, it.vincolato)
            && flag(self.non_ripetuto, it.non_ripetuto)
            && flag(self.asterisco, it.asterisco)
            && self
                .chiave
                .as_ref()
                .is_none_or(|g| it.chiave.is_some_and(|k| g.matches(&k.to_string())))
            && self.missione_programma.as_ref().is_none_or(|g| {
                it.missione_programma
                    .is_some_and(|mp| g.matches(&mp.to_string()))
            })
            && self
                .pdc
                .as_ref()
                .is_none_or(|g| it.pdc.is_some_and(|p| g.matches(&p.to_string())))
            && self
                .descrizione
                .as_ref()
                .is_none_or(|r| r.is_match(it.testo))
    }

    /// The kind and section criteria as bit sets: what a rule tests first
    /// on every item, in two instructions instead of the whole selector.
    pub fn maschera(&self) -> Maschera {
        let bits = |n: u32, it: &mut dyn Iterator<Item = u32>| -> u8 {
            let tutti = ((1u32 << n) - 1) as u8;
            let b = it.fold(0u8, |b, i| b | (1 << i));
            if b == 0 {
                tutti
            } else {
                b
            }
        };
        let Selettore {
            generi,
            sezioni,
            settori,
            titoli,
            gruppi,
            livelli,
            parte,
            chiave,
            missione_programma,
            pdc,
            descrizione,
            vincolato,
            non_ripetuto,
            asterisco,
        } = self;
        Maschera {
            generi: bits(3, &mut generi.iter().map(|g| *g as u32)),
            sezioni: bits(7, &mut sezioni.iter().map(|s| *s as u32)),
            resto: !settori.is_empty()
                || !titoli.is_empty()
                || !gruppi.is_empty()
                || !livelli.is_empty()
                || parte.is_some()
                || chiave.is_some()
                || missione_programma.is_some()
                || pdc.is_some()
                || descrizione.is_some()
                || vincolato.is_some()
                || non_ripetuto.is_some()
                || asterisco.is_some(),
        }
    }

    /// The same selector without its V-flag criterion: the rows that a wrong
    /// V flag would have moved in or out of the selection.
    pub fn senza_vincolo(&self) -> Selettore {
        Selettore {
            vincolato: None,
            ..self.clone()
        }
    }
}

/// A selector's kind and section criteria as bit sets (bit `i` for the
/// kind or section of discriminant `i`; every bit when the list is empty),
/// and whether it has other criteria, which [`Selettore::matches`] then
/// decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Maschera {
    generi: u8,
    sezioni: u8,
    resto: bool,
}

impl Maschera {
    /// True when the item's kind and section are selected.
    #[inline]
    pub fn ammette(&self, it: &Item<'_>) -> bool {
        self.generi & (1 << it.genere as u32) != 0 && self.sezioni & (1 << it.sezione as u32) != 0
    }

    /// True when the item is selected: the bits, then the rest of the
    /// selector only if it has more criteria (same answer as
    /// [`Selettore::matches`], a test proves it).
    #[inline]
    pub fn seleziona(&self, sel: &Selettore, it: &Item<'_>) -> bool {
        self.ammette(it) && (!self.resto || sel.matches(it))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The bit sets select exactly what the whole selector selects, for
    /// every subset of kinds, every subset of sections (all 2^7), with and
    /// without a further criterion, on every item of the real report.
    #[test]
    fn the_mask_selects_what_the_selector_selects() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let bytes =
            std::fs::read(root.join("reports/milano-2022-dir07-welfare-e-salute.txt")).unwrap();
        let out = crate::parse(&bytes).unwrap();
        let items: Vec<Item<'_>> = out
            .documento
            .reports
            .iter()
            .flat_map(crate::lang::item::items)
            .collect();
        assert!(items.len() > 400, "items read: {}", items.len());
        let generi = [Genere::Riga, Genere::Riepilogo, Genere::Totale];
        let (mut scelti, mut casi) = (0usize, 0usize);
        for gm in 0u32..8 {
            for sm in 0u32..128 {
                for altro in [None, Some(true), Some(false)] {
                    let sel = Selettore {
                        generi: (0..3)
                            .filter(|i| gm & (1 << i) != 0)
                            .map(|i| generi[i])
                            .collect(),
                        sezioni: (0..7)
                            .filter(|i| sm & (1 << i) != 0)
                            .map(|i| SezioneId::ALL[i])
                            .collect(),
                        vincolato: altro,
                        ..Selettore::default()
                    };
                    let m = sel.maschera();
                    for it in &items {
                        let scelto = sel.matches(it);
                        assert_eq!(m.seleziona(&sel, it), scelto, "{sel:?} on {it:?}");
                        assert!(scelto <= m.ammette(it));
                        scelti += usize::from(scelto);
                        casi += 1;
                    }
                }
            }
        }
        // Not a vacuous agreement: some selections hold and some do not.
        assert!(scelti > 0 && scelti < casi, "{scelti} of {casi}");
    }

    #[test]
    fn globs_match_whole_codes() {
        let g = Glob("3763 *".into());
        assert!(g.matches("3763 20 2"));
        assert!(!g.matches("37630 20 2"));
        assert!(Glob("12 0?".into()).matches("12 04"));
        assert!(!Glob("12 0?".into()).matches("12 10"));
        assert!(Glob("*".into()).matches(""));
        assert!(Glob("*2*2*".into()).matches("3763 20 2"));
        assert!(!Glob("a*a*a*a*a*b".into()).matches(&"a".repeat(200)));
    }
}
