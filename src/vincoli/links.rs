//! Link files: vincolo groups declared by finance staff (`rules/<report>.links.toml`).
//!
//! ```toml
//! version = 1
//! [[group]]
//! name = "PROGETTO SAI"
//! direzione = "DIR07"                      # optional: which report of the file
//! revenue = ["38 15 6", "38 15 10"]
//! spending = ["3443 11 0", "3755 19 0"]
//! external = [{ name = "avanzo vincolato applicato", previsione = 150000 }]
//! justification = "Decreto SAI 2022-2024: ..."
//! confidence = "low"                       # optional: high, medium or low
//! attenuate = false                        # optional: overrides the default (true for low)
//! ```
//!
//! Validated in two phases like rule files: the shape when read ([`leggi`]),
//! then against the report ([`verifica`]): every key must be a V row of the
//! right side, and linked once. Errors point into the TOML.

use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;

use rust_decimal::Decimal;
use toml::de::DeTable;

use crate::ast::SezioneId;
use crate::codes::ChiavePeg;
use crate::config::raw::{unknown_key, Val};
use crate::config::read::{FileVersionato, Lettore};
use crate::config::ConfigError;
use crate::lang::item::{Genere, Item};

/// Money from outside the report that finances a group (fondo pluriennale
/// vincolato, avanzo vincolato applicato), per column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Esterno {
    /// What it is.
    pub nome: String,
    /// PREVISIONE, PREVISIONE of the year before, RENDICONTO.
    pub importi: [Decimal; 3],
}

/// A declared group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GruppoDichiarato {
    /// Its name.
    pub nome: String,
    /// Where `[[group]]` starts in the file.
    pub span: Range<usize>,
    /// The report it belongs to (`DIR07`), when the file says.
    pub direzione: Option<String>,
    /// Revenue chapters, with where each key is written.
    pub entrate: Vec<(ChiavePeg, Range<usize>)>,
    /// Spending chapters.
    pub spese: Vec<(ChiavePeg, Range<usize>)>,
    /// External funding.
    pub esterni: Vec<Esterno>,
    /// Why the group holds.
    pub giustificazione: String,
    /// The confidence the reviewer declared (`confidence = "low"`), if any.
    pub fiducia: Option<super::Fiducia>,
    /// `attenuate = true|false`: whether findings on the group are one
    /// severity step lower; when absent, they are for a `low` group only.
    pub attenua: Option<bool>,
}

impl GruppoDichiarato {
    /// Whether findings on this group are one severity step lower, as on an
    /// inferred group: `attenuate` when given, else a `low` confidence.
    pub fn attenuato(&self) -> bool {
        self.attenua
            .unwrap_or(self.fiducia == Some(super::Fiducia::Bassa))
    }
}

/// A link file, read and checked for shape.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FileLegami {
    /// The groups in file order.
    pub gruppi: Vec<GruppoDichiarato>,
}

const GROUP: &[&str] = &[
    "name",
    "direzione",
    "revenue",
    "spending",
    "external",
    "justification",
    "confidence",
    "evidence",
    "attenuate",
];
const EXTERNAL: &[&str] = &[
    "name",
    "previsione",
    "previsione_precedente",
    "rendiconto_precedente",
];

fn chiave(l: &mut Lettore<'_>, v: Val<'_>) -> Option<(ChiavePeg, Range<usize>)> {
    let s = l.string(v)?;
    let parts: Vec<&str> = s.split_whitespace().collect();
    let n: Vec<Option<u32>> = parts.iter().map(|p| p.parse().ok()).collect();
    match n.as_slice() {
        [Some(c), Some(a), Some(x)] => Some((
            ChiavePeg {
                capitolo: *c,
                articolo: *a,
                numero: *x,
            },
            v.span(),
        )),
        _ => {
            l.err(
                v.src,
                v.span(),
                crate::tr!("links-not-a-key", text = s),
                crate::tr!("links-key-help"),
            );
            None
        }
    }
}

/// Read a link file (phase 1: syntax and shape).
pub fn leggi(testo: &str) -> Result<FileLegami, Vec<ConfigError>> {
    FileVersionato {
        cosa: "link file",
        tabella: "group",
        help: "cfg-links-toml-help",
    }
    .leggi(testo, gruppo)
    .map(|gruppi| FileLegami { gruppi })
}

fn gruppo(l: &mut Lettore<'_>, v: Val<'_>) -> Option<GruppoDichiarato> {
    let t: &DeTable<'_> = l.table(v)?;
    let before = l.errors.len();
    let mut g = GruppoDichiarato {
        nome: String::new(),
        span: v.span(),
        direzione: None,
        entrate: Vec::new(),
        spese: Vec::new(),
        esterni: Vec::new(),
        giustificazione: String::new(),
        fiducia: None,
        attenua: None,
    };
    for (k, x) in t.iter() {
        let key: &str = k.get_ref();
        let x = Val { src: 0, v: x };
        match key {
            "name" => g.nome = l.string(x).unwrap_or_default().to_string(),
            "direzione" => g.direzione = l.string(x).map(str::to_string),
            "revenue" => g.entrate = l.list(x, chiave).unwrap_or_default(),
            "spending" => g.spese = l.list(x, chiave).unwrap_or_default(),
            "external" => g.esterni = l.list(x, esterno).unwrap_or_default(),
            "justification" => g.giustificazione = l.string(x).unwrap_or_default().to_string(),
            "confidence" => g.fiducia = fiducia(l, x),
            "attenuate" => g.attenua = l.boolean(x),
            // Written by `links suggest` for the reviewer; not used.
            "evidence" => {}
            _ => l
                .errors
                .push(unknown_key(0, k.span(), key, GROUP, "in a group")),
        }
    }
    // A misspelt key is the real error; do not add "has no revenue" on top.
    if l.errors.len() > before {
        return None;
    }
    if g.nome.is_empty() {
        l.err(
            0,
            v.span(),
            crate::tr!("links-no-name"),
            crate::tr!("links-no-name-help"),
        );
    }
    if g.entrate.is_empty() && g.esterni.is_empty() {
        l.err(
            0,
            v.span(),
            crate::tr!("links-no-revenue", name = &g.nome),
            crate::tr!("links-no-revenue-help"),
        );
    }
    if g.spese.is_empty() {
        l.err(
            0,
            v.span(),
            crate::tr!("links-no-spending", name = &g.nome),
            crate::tr!("links-no-spending-help"),
        );
    }
    (l.errors.len() == before).then_some(g)
}

/// `confidence = "high" | "medium" | "low"`.
fn fiducia(l: &mut Lettore<'_>, v: Val<'_>) -> Option<super::Fiducia> {
    use super::Fiducia;
    let s = l.string(v)?;
    let f = [Fiducia::Alta, Fiducia::Media, Fiducia::Bassa]
        .into_iter()
        .find(|f| f.name() == s);
    if f.is_none() {
        l.err(
            v.src,
            v.span(),
            crate::tr!("links-bad-confidence", text = s),
            crate::tr!("links-bad-confidence-help"),
        );
    }
    f
}

fn esterno(l: &mut Lettore<'_>, v: Val<'_>) -> Option<Esterno> {
    let t: &DeTable<'_> = l.table(v)?;
    let mut e = Esterno {
        nome: String::new(),
        importi: [Decimal::ZERO; 3],
    };
    let mut ok = true;
    for (k, x) in t.iter() {
        let key: &str = k.get_ref();
        let x = Val { src: 0, v: x };
        let col = match key {
            "name" => {
                e.nome = l.string(x).unwrap_or_default().to_string();
                continue;
            }
            "previsione" => 0,
            "previsione_precedente" => 1,
            "rendiconto_precedente" => 2,
            _ => {
                l.errors
                    .push(unknown_key(0, k.span(), key, EXTERNAL, "in `external`"));
                ok = false;
                continue;
            }
        };
        match l.decimal(x) {
            Some(d) if !d.is_sign_negative() && d <= Decimal::from(1_000_000_000_000_000i64) => {
                e.importi[col] = d
            }
            Some(_) => {
                l.err(
                    0,
                    x.span(),
                    crate::tr!("links-external-range"),
                    crate::tr!("links-external-help"),
                );
                ok = false;
            }
            None => ok = false,
        }
    }
    ok.then_some(e)
}

/// The link file cut to what `doc` holds: each group keeps the chapters
/// that are V rows of 1.A (revenue) or 1.B (spending) of its Direzione's
/// report (of any report, for a group without `direzione`); a repeated key
/// counts by its first row, as [`verifica`] reads it. Groups left without
/// chapters go. Returns the number of chapters left out. `quadra diff`
/// checks both versions this way, since the link file describes one of them.
pub fn adatta(file: &FileLegami, doc: &crate::ast::Documento) -> (FileLegami, usize) {
    let mut v: rustc_hash::FxHashSet<(Option<String>, SezioneId, ChiavePeg)> =
        rustc_hash::FxHashSet::default();
    for r in &doc.reports {
        let dir = r.direzione.as_ref().map(|d| d.codice.clone());
        let mut primi: HashMap<(SezioneId, ChiavePeg), bool> = HashMap::default();
        for it in crate::lang::item::items(r)
            .iter()
            .filter(|i| i.genere == Genere::Riga)
        {
            if let Some(k) = it.chiave {
                primi.entry((it.sezione, k)).or_insert(it.vincolato);
            }
        }
        for ((sezione, k), _) in primi.into_iter().filter(|(_, v)| *v) {
            v.insert((dir.clone(), sezione, k));
            v.insert((None, sezione, k));
        }
    }
    let mut tolti = 0;
    let mut out = FileLegami::default();
    for g in &file.gruppi {
        let mut g = g.clone();
        for (lista, sezione) in [
            (&mut g.entrate, SezioneId::EntrateCorrenti),
            (&mut g.spese, SezioneId::SpeseCorrenti),
        ] {
            let prima = lista.len();
            lista.retain(|(k, _)| v.contains(&(g.direzione.clone(), sezione, *k)));
            tolti += prima - lista.len();
        }
        if !g.entrate.is_empty() || !g.spese.is_empty() {
            out.gruppi.push(g);
        }
    }
    (out, tolti)
}

/// Check a link file against one report's items (phase 2): every key is a V
/// row of 1.A (revenue) or 1.B (spending), and appears in one group only.
/// Groups for another Direzione are skipped.
pub fn verifica(
    file: &FileLegami,
    direzione: Option<&str>,
    items: &[Item<'_>],
) -> Vec<ConfigError> {
    let mut errors = Vec::new();
    let mut righe: HashMap<(SezioneId, ChiavePeg), &Item<'_>> = HashMap::default();
    for it in items.iter().filter(|i| i.genere == Genere::Riga) {
        if let Some(k) = it.chiave {
            righe.entry((it.sezione, k)).or_insert(it);
        }
    }
    let mut visti: HashMap<(SezioneId, ChiavePeg), &str> = HashMap::default();
    for g in file
        .gruppi
        .iter()
        .filter(|g| g.direzione.is_none() || g.direzione.as_deref() == direzione)
    {
        for (lista, sezione, lato) in [
            (&g.entrate, SezioneId::EntrateCorrenti, "revenue"),
            (&g.spese, SezioneId::SpeseCorrenti, "spending"),
        ] {
            for (k, span) in lista {
                let err = |message: String, help: String| ConfigError {
                    sorgente: 0,
                    span: span.clone(),
                    message,
                    help,
                };
                match righe.get(&(sezione, *k)) {
                    None => errors.push(err(
                        crate::tr!(
                            "links-not-in-section",
                            side = lato,
                            key = k.to_string(),
                            section = sezione.code()
                        ),
                        crate::tr!("links-not-in-section-help"),
                    )),
                    Some(it) if !it.vincolato => errors.push(err(
                        crate::tr!("links-not-v", key = k.to_string(), name = &g.nome),
                        crate::tr!("links-not-v-help"),
                    )),
                    Some(_) => {
                        if let Some(other) = visti.insert((sezione, *k), &g.nome) {
                            errors.push(err(
                                crate::tr!(
                                    "links-twice",
                                    key = k.to_string(),
                                    other = other,
                                    name = &g.nome
                                ),
                                crate::tr!("links-twice-help"),
                            ));
                        }
                    }
                }
            }
        }
    }
    errors
}
