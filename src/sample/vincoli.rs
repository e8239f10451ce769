//! Generated earmarked chapters with known links, for the inference tests
//! and the scaling measurement: each revenue chapter is split over one to
//! three spending chapters of its Settore (some naming a funding programme),
//! among noise chapters that finance nothing.

use rust_decimal::Decimal;

use crate::ast::{Importi, ImportiCorrenti, SezioneId};
use crate::codes::{ChiavePeg, Pdc};
use crate::lang::item::{base, Genere, Item};
use crate::span::Span;

/// A small deterministic generator (no dependency, same cases every run).
pub struct Lcg(pub u64);

impl Lcg {
    /// The next number.
    pub fn avanti(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    /// A number below `n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.avanti() % n
    }
}

/// A generated V chapter.
pub struct Capitolo {
    /// Revenue (true) or spending.
    pub entrata: bool,
    /// Its PEG key (unique).
    pub chiave: ChiavePeg,
    /// Its amounts.
    pub importi: Importi,
    /// Its description.
    pub testo: String,
    /// Its Settore.
    pub settore: u32,
    /// The true group, `None` for noise.
    pub gruppo_vero: Option<usize>,
}

const PROGRAMMI: &[&str] = &[
    "PROGETTO SAI",
    "PON INCLUSIONE",
    "FONDO POVERTA'",
    "POR",
    "LEGGE N.285/1997",
];

/// `gruppi` true groups and `gruppi / 2` noise chapters, from `seed`.
pub fn genera(seed: u64, gruppi: usize) -> Vec<Capitolo> {
    let mut r = Lcg(seed);
    let mut out = Vec::new();
    let mut cap = 1000u32;
    let euro = |r: &mut Lcg| Decimal::new((r.below(9_000) as i64 + 100) * 10_000, 2);
    let correnti = |a: [Decimal; 3]| {
        Importi::Correnti(ImportiCorrenti {
            previsione: a[0],
            previsione_precedente: a[1],
            rendiconto_precedente: a[2],
        })
    };
    let settori = (gruppi as u64 / 10).max(6);
    for g in 0..gruppi {
        let settore = 51 + r.below(settori) as u32;
        let prog = (r.below(10) < 4).then(|| PROGRAMMI[r.below(PROGRAMMI.len() as u64) as usize]);
        let a = [euro(&mut r), euro(&mut r), euro(&mut r)];
        let k = 1 + r.below(3) as usize;
        // Split each column into k parts.
        let mut parti = vec![[Decimal::ZERO; 3]; k];
        for c in 0..3 {
            let mut resto = a[c];
            for (i, p) in parti.iter_mut().enumerate() {
                let v = if i + 1 == k {
                    resto
                } else {
                    (resto * Decimal::new(r.below(60) as i64 + 20, 2)).round_dp(0)
                };
                p[c] = v;
                resto -= v;
            }
        }
        let tag = prog.map(|p| format!(" - {p}")).unwrap_or_default();
        cap += 1;
        out.push(Capitolo {
            entrata: true,
            chiave: ChiavePeg {
                capitolo: cap,
                articolo: 1,
                numero: 0,
            },
            importi: correnti(a),
            testo: format!("TRASFERIMENTI STATALI{tag}"),
            settore,
            gruppo_vero: Some(g),
        });
        for p in parti {
            cap += 1;
            out.push(Capitolo {
                entrata: false,
                chiave: ChiavePeg {
                    capitolo: cap,
                    articolo: 1,
                    numero: 0,
                },
                importi: correnti(p),
                testo: format!("CONTRATTI DI SERVIZIO PUBBLICO{tag} - FINANZIATO"),
                settore,
                gruppo_vero: Some(g),
            });
        }
    }
    for i in 0..gruppi / 2 {
        cap += 1;
        let a = [euro(&mut r), euro(&mut r), euro(&mut r)];
        out.push(Capitolo {
            entrata: i % 2 == 0,
            chiave: ChiavePeg {
                capitolo: cap,
                articolo: 1,
                numero: 0,
            },
            importi: correnti(a),
            testo: "TRASFERIMENTI CORRENTI A FAMIGLIE - FINANZIATO".into(),
            settore: 51 + r.below(settori) as u32,
            gruppo_vero: None,
        });
    }
    out
}

/// The chapters as items of 1.A (revenue, PDC of State transfers) and 1.B.
pub fn items(caps: &[Capitolo]) -> Vec<Item<'_>> {
    let pdc = Pdc::parse("2010101000").ok();
    caps.iter()
        .map(|c| {
            let sezione = if c.entrata {
                SezioneId::EntrateCorrenti
            } else {
                SezioneId::SpeseCorrenti
            };
            let mut it = base(Genere::Riga, sezione, Span::default(), &c.importi, &c.testo);
            it.settore = Some(c.settore);
            it.titolo = Some(if c.entrata { 2 } else { 1 });
            it.gruppo = Some(1);
            it.chiave = Some(c.chiave);
            it.pdc = if c.entrata { pdc } else { None };
            it.vincolato = true;
            it
        })
        .collect()
}
