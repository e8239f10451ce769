//! `quadra diff`: what changed between two versions of a report, keyed by
//! PEG key (chapters) and by heading and label (declared totals and summary
//! rows), never by line, plus the findings introduced, resolved and changed.

pub mod print;

use rustc_hash::FxHashMap;

use rust_decimal::Decimal;

use crate::ast::{Colonna, Documento, SezioneId};
use crate::baseline::{identita_report, Identita};
use crate::diagnostic::Severity;
use crate::finding::Finding;
use crate::lang::item::{items, Genere, Item};
use crate::span::{LineIndex, Span};

/// One version of a report, parsed and checked.
pub struct Versione<'a> {
    /// The path as given.
    pub path: &'a str,
    /// Its bytes.
    pub bytes: &'a [u8],
    /// Its line index.
    pub index: &'a LineIndex,
    /// The parsed document.
    pub doc: &'a Documento,
    /// Its findings, severities resolved.
    pub findings: &'a [Finding],
    /// Reports (by index) left out of the comparison: the ones the other
    /// version holds byte for byte ([`uguali`]); empty for none.
    pub salta: &'a [bool],
}

impl Versione<'_> {
    /// The 1-based line of a span.
    pub fn riga(&self, span: Span) -> usize {
        self.index.locate(self.bytes, span).line
    }
}

/// Whether a thing is new, gone or changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Stato {
    /// Only in the new version.
    Added,
    /// Only in the old version.
    Removed,
    /// In both, with differences.
    Changed,
}

/// What a changed item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Oggetto {
    /// A budget row (PEG chapter) of 1.A, 1.B, 2.A, 2.B.
    Chapter,
    /// A declared total.
    Total,
    /// A row of 1.C, 1.D, 2.C.
    Summary,
}

/// A field of a chapter that changed (settore, titolo, gruppo,
/// missione-programma, description, V flag).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Campo {
    /// `settore`, `titolo`, `gruppo`, `missione_programma`, `description`, `vincolato`.
    pub field: &'static str,
    /// Old value.
    pub from: String,
    /// New value.
    pub to: String,
}

/// An amount that changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Delta {
    /// The column.
    pub colonna: Colonna,
    /// Old amount (`None`: the column is new).
    pub da: Option<Decimal>,
    /// New amount (`None`: the column is gone).
    pub a: Option<Decimal>,
}

impl Delta {
    /// New minus old (a missing side counts as zero).
    pub fn differenza(&self) -> Decimal {
        let z = Decimal::ZERO;
        self.a
            .unwrap_or(z)
            .checked_sub(self.da.unwrap_or(z))
            .unwrap_or(z)
    }
}

/// A chapter, total or summary row that differs between the versions.
#[derive(Debug, Clone)]
pub struct Cambio {
    /// Report identity (`2022 DIR07`).
    pub report: String,
    /// Section.
    pub sezione: SezioneId,
    /// Chapter, total or summary row.
    pub oggetto: Oggetto,
    /// The PEG key (chapters) or the label with its headings (totals).
    pub chiave: String,
    /// Description (new version when there is one).
    pub descrizione: String,
    /// Added, removed or changed.
    pub stato: Stato,
    /// Fields changed.
    pub campi: Vec<Campo>,
    /// Amounts: every column for added / removed items, changed ones otherwise.
    pub importi: Vec<Delta>,
    /// Where it is in the old version.
    pub old: Option<Span>,
    /// Where it is in the new version.
    pub new: Option<Span>,
}

/// A finding in one version and not the other, or in both with other amounts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CambioFinding {
    /// Index into the new version's findings.
    Introdotto(usize),
    /// Index into the old version's findings.
    Risolto(usize),
    /// Same rule and subject, other amounts: (old index, new index).
    Cambiato(usize, usize),
}

impl CambioFinding {
    /// The finding's index in the new version, unless it was resolved.
    pub fn nuovo(self) -> Option<usize> {
        match self {
            CambioFinding::Introdotto(j) | CambioFinding::Cambiato(_, j) => Some(j),
            CambioFinding::Risolto(_) => None,
        }
    }
}

/// Everything that differs.
#[derive(Debug, Clone, Default)]
pub struct Differenze {
    /// Chapters, totals and summary rows, in the new version's order (removed
    /// ones after, in the old version's order).
    pub cambi: Vec<Cambio>,
    /// Findings that changed.
    pub findings: Vec<CambioFinding>,
    /// A new total or summary check that no longer adds up by exactly the
    /// amounts of a chapter the old version holds and the new one lacks:
    /// (new finding, the removed chapter in `cambi`). The deleted row, named.
    pub cancellati: Vec<(usize, usize)>,
}

impl Differenze {
    /// Whether the new version brings an error finding that the old one did
    /// not have, or has with other amounts (what fails `quadra diff`).
    pub fn nuovi_errori(&self, new: &Versione<'_>) -> usize {
        self.findings
            .iter()
            .filter(|c| match c {
                CambioFinding::Introdotto(n) | CambioFinding::Cambiato(_, n) => {
                    new.findings[*n].severity == Severity::Error
                }
                CambioFinding::Risolto(_) => false,
            })
            .count()
    }
}

/// What identifies an item within its report and section: the PEG key of
/// a chapter, the label with its headings of a total or summary row.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Id {
    Peg(crate::codes::ChiavePeg),
    Etichetta(String),
}

impl Id {
    fn testo(&self) -> String {
        match self {
            Id::Peg(k) => k.to_string(),
            Id::Etichetta(s) => s.clone(),
        }
    }
}

/// Key of an item across versions: report (interned identity), section,
/// kind and identity. No string is built for a chapter.
type Chiave = (u32, SezioneId, Oggetto, Id);

fn oggetto(g: Genere) -> Oggetto {
    match g {
        Genere::Riga => Oggetto::Chapter,
        Genere::Totale => Oggetto::Total,
        Genere::Riepilogo => Oggetto::Summary,
    }
}

/// The identity of a non-row item: its label with the headings around it.
fn etichetta(it: &Item<'_>) -> String {
    let mut s: String = it.testo.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut add = |name: &str, v: Option<String>| {
        if let Some(v) = v {
            s.push_str(&format!(" [{name} {v}]"));
        }
    };
    add("settore", it.settore.map(|v| v.to_string()));
    add("titolo", it.titolo.map(|v| v.to_string()));
    add("gruppo", it.gruppo.map(|v| v.to_string()));
    if it.genere == Genere::Riepilogo {
        add("missione", it.missione.map(|v| v.to_string()));
        add("programma", it.missione_programma.map(|v| v.to_string()));
        add("parte", it.parte.map(|v| format!("{v:?}").to_lowercase()));
    }
    s
}

/// One version's items with their keys, and its findings' signatures:
/// built for both versions at the same time, each on its own thread.
struct Indice<'d> {
    items: Vec<Item<'d>>,
    chiavi: Vec<Chiave>,
    /// Report identities (`2022 DIR07`) by the local number in the keys.
    nomi: Vec<String>,
    firme: Vec<Firma>,
}

fn indice<'d>(v: &Versione<'d>) -> Indice<'d> {
    let mut items_ = Vec::new();
    let mut chiavi = Vec::new();
    let mut nomi = Vec::new();
    for (i, r) in v.doc.reports.iter().enumerate() {
        let rid = nomi.len() as u32;
        nomi.push(identita_report(v.doc, r.span));
        if v.salta.get(i).copied().unwrap_or(false) {
            continue;
        }
        for it in items(r) {
            let id = match it.chiave {
                Some(k) if it.genere == Genere::Riga => Id::Peg(k),
                _ => Id::Etichetta(etichetta(&it)),
            };
            chiavi.push((rid, it.sezione, oggetto(it.genere), id));
            items_.push(it);
        }
    }
    let firme = v
        .findings
        .iter()
        .map(|f| crate::baseline::firma(f, v.doc, v.bytes))
        .collect();
    Indice {
        items: items_,
        chiavi,
        nomi,
        firme,
    }
}

/// Items by key, each key a chain through `prossimo` (no allocation per
/// key): the head is the first item not yet looked at.
struct Catene<K> {
    testa: FxHashMap<K, usize>,
    prossimo: Vec<usize>,
}

const FINE: usize = usize::MAX;

impl<K: std::hash::Hash + Eq> Catene<K> {
    fn new(n: usize) -> Self {
        Catene {
            testa: FxHashMap::with_capacity_and_hasher(n, Default::default()),
            prossimo: vec![FINE; n],
        }
    }

    /// Put item `i` first in its key's chain (items go in backwards).
    fn metti(&mut self, k: K, i: usize) {
        let prima = self.testa.insert(k, i).unwrap_or(FINE);
        self.prossimo[i] = prima;
    }

    /// The first item of `k` not used yet, marked used.
    fn prendi(&mut self, k: &K, usati: &mut [bool]) -> Option<usize> {
        let t = self.testa.get_mut(k)?;
        while *t != FINE {
            let i = *t;
            *t = self.prossimo[i];
            if !usati[i] {
                usati[i] = true;
                return Some(i);
            }
        }
        None
    }
}

/// The reports both versions hold byte for byte (the k-th report of a name
/// in one paired with the k-th of that name in the other): nothing in them
/// can differ, so `quadra diff` neither checks nor compares them.
pub fn uguali(
    old: &Documento,
    old_bytes: &[u8],
    new: &Documento,
    new_bytes: &[u8],
) -> (Vec<bool>, Vec<bool>) {
    let mut per_nome: FxHashMap<String, std::collections::VecDeque<usize>> = FxHashMap::default();
    for (i, r) in old.reports.iter().enumerate() {
        per_nome
            .entry(identita_report(old, r.span))
            .or_default()
            .push_back(i);
    }
    let mut so = vec![false; old.reports.len()];
    let mut sn = vec![false; new.reports.len()];
    for (j, r) in new.reports.iter().enumerate() {
        let Some(i) = per_nome
            .get_mut(&identita_report(new, r.span))
            .and_then(|q| q.pop_front())
        else {
            continue;
        };
        if old_bytes.get(old.reports[i].span.start..old.reports[i].span.end)
            == new_bytes.get(r.span.start..r.span.end)
        {
            so[i] = true;
            sn[j] = true;
        }
    }
    (so, sn)
}

/// Give the new version's keys the report numbers of the old one: the k-th
/// report of a name in the new version is the k-th of that name in the old
/// (a document may hold the same Direzione twice). The names of all
/// reports by number.
fn unifica(old: &Indice<'_>, new: &mut Indice<'_>) -> Vec<String> {
    let mut nomi = old.nomi.clone();
    let mut per_nome: FxHashMap<&str, std::collections::VecDeque<usize>> = FxHashMap::default();
    for (i, n) in old.nomi.iter().enumerate() {
        per_nome.entry(n.as_str()).or_default().push_back(i);
    }
    let mappa: Vec<u32> = new
        .nomi
        .iter()
        .map(|n| {
            let kesimo = per_nome.get_mut(n.as_str()).and_then(|q| q.pop_front());
            match kesimo {
                Some(i) => i as u32,
                None => {
                    nomi.push(n.clone());
                    (nomi.len() - 1) as u32
                }
            }
        })
        .collect();
    for k in &mut new.chiavi {
        k.0 = mappa[k.0 as usize];
    }
    nomi
}

fn colonne(it: &Item<'_>) -> &'static [Colonna] {
    it.importi.columns()
}

fn delte(old: Option<&Item<'_>>, new: Option<&Item<'_>>, all: bool) -> Vec<Delta> {
    if let (Some(o), Some(n), false) = (old, new, all) {
        if o.importi == n.importi && o.ripetuta == n.ripetuta {
            return Vec::new();
        }
    }
    let mut cols: Vec<Colonna> = Vec::new();
    for it in old.iter().chain(new.iter()) {
        for c in colonne(it) {
            if !cols.contains(c) {
                cols.push(*c);
            }
        }
        // The fifth amount of 1.B subtotals.
        if it.ripetuta.is_some() && !cols.contains(&Colonna::PrevisionePrecedenteRipetuta) {
            cols.push(Colonna::PrevisionePrecedenteRipetuta);
        }
    }
    cols.into_iter()
        .map(|c| Delta {
            colonna: c,
            da: old.and_then(|i| i.importo(c)),
            a: new.and_then(|i| i.importo(c)),
        })
        .filter(|d| all || d.da != d.a)
        .collect()
}

/// An item's amounts as raw bytes, for exact pairing: hashing the bytes is
/// much cheaper than hashing decimals (which normalises each one). Two
/// amounts written with other scales (1,0 and 1,00) count as different
/// here, which only sends the pair to positional matching.
fn valori(it: &Item<'_>) -> [[u8; 16]; 7] {
    let mut out = [[0u8; 16]; 7];
    for (o, c) in out.iter_mut().zip(colonne(it)) {
        *o = it.importo(*c).unwrap_or_default().serialize();
    }
    out[6] = it.ripetuta.unwrap_or_default().serialize();
    out
}

fn campi(o: &Item<'_>, n: &Item<'_>) -> Vec<Campo> {
    let mut out = Vec::new();
    // Strings are built only for what differs: most chapters do not.
    fn campo<T: PartialEq>(
        out: &mut Vec<Campo>,
        field: &'static str,
        a: T,
        b: T,
        testo: impl Fn(&T) -> String,
    ) {
        if a != b {
            out.push(Campo {
                field,
                from: testo(&a),
                to: testo(&b),
            });
        }
    }
    fn opt<T: std::fmt::Display>(v: &Option<T>) -> String {
        v.as_ref().map_or_else(|| "-".into(), |v| v.to_string())
    }
    campo(&mut out, "settore", o.settore, n.settore, opt);
    campo(&mut out, "titolo", o.titolo, n.titolo, opt);
    campo(&mut out, "gruppo", o.gruppo, n.gruppo, |v| {
        v.map_or_else(|| "-".into(), |v| format!("{v:02}"))
    });
    campo(
        &mut out,
        "missione_programma",
        o.missione_programma,
        n.missione_programma,
        opt,
    );
    if !o.testo.split_whitespace().eq(n.testo.split_whitespace()) {
        let norm = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        out.push(Campo {
            field: "description",
            from: norm(o.testo),
            to: norm(n.testo),
        });
    }
    campo(&mut out, "vincolato", o.vincolato, n.vincolato, |v| {
        v.to_string()
    });
    out
}

/// Compare two versions.
pub fn confronta(old: &Versione<'_>, new: &Versione<'_>) -> Differenze {
    let (io, mut inn) = rayon::join(|| indice(old), || indice(new));
    let nomi = unifica(&io, &mut inn);
    let (vecchi, chiavi_old) = (&io.items, &io.chiavi);
    let (nuovi, chiavi_new) = (&inn.items, &inn.chiavi);
    // Items sharing a key (a repeated PEG key) pair up with one of the same
    // amounts first, then in document order. Each old item is taken from
    // each chain at most once, so this stays linear.
    let mut esatti = Catene::new(vecchi.len());
    let mut per_chiave = Catene::new(vecchi.len());
    for i in (0..vecchi.len()).rev() {
        esatti.metti((&chiavi_old[i], valori(&vecchi[i])), i);
        per_chiave.metti(&chiavi_old[i], i);
    }
    let mut usati = vec![false; vecchi.len()];
    let coppie_esatte: Vec<Option<usize>> = nuovi
        .iter()
        .zip(chiavi_new)
        .map(|(n, k)| esatti.prendi(&(k, valori(n)), &mut usati))
        .collect();
    let coppie: Vec<Option<usize>> = coppie_esatte
        .into_iter()
        .zip(chiavi_new)
        .map(|(c, k)| c.or_else(|| per_chiave.prendi(&k, &mut usati)))
        .collect();
    let mut cambi = Vec::new();
    for ((n, k), o) in nuovi.iter().zip(chiavi_new).zip(coppie) {
        let (rid, sezione, ogg, ref id) = *k;
        let (report, id) = (nomi[rid as usize].clone(), id.testo());
        let c = match o {
            None => Cambio {
                report,
                sezione,
                oggetto: ogg,
                chiave: id,
                descrizione: n.testo.to_string(),
                stato: Stato::Added,
                campi: Vec::new(),
                importi: delte(None, Some(n), true),
                old: None,
                new: Some(n.span),
            },
            Some(i) => {
                let o = &vecchi[i];
                let campi = if ogg == Oggetto::Chapter {
                    campi(o, n)
                } else {
                    Vec::new()
                };
                let importi = delte(Some(o), Some(n), false);
                if campi.is_empty() && importi.is_empty() {
                    continue;
                }
                Cambio {
                    report,
                    sezione,
                    oggetto: ogg,
                    chiave: id,
                    descrizione: n.testo.to_string(),
                    stato: Stato::Changed,
                    campi,
                    importi,
                    old: Some(o.span),
                    new: Some(n.span),
                }
            }
        };
        cambi.push(c);
    }
    for (i, o) in vecchi.iter().enumerate().filter(|(i, _)| !usati[*i]) {
        let (rid, sezione, ogg, ref id) = chiavi_old[i];
        let (report, id) = (nomi[rid as usize].clone(), id.testo());
        cambi.push(Cambio {
            report,
            sezione,
            oggetto: ogg,
            chiave: id,
            descrizione: o.testo.to_string(),
            stato: Stato::Removed,
            campi: Vec::new(),
            importi: delte(Some(o), None, true),
            old: Some(vecchi[i].span),
            new: None,
        });
    }
    let findings = confronta_findings(&io.firme, &inn.firme);
    let cancellati = cancellati(&findings, new, &cambi);
    Differenze {
        cambi,
        findings,
        cancellati,
    }
}

/// Findings of the new version whose differences (`<column>_difference`,
/// declared minus computed) are exactly the amounts of a removed chapter, in
/// every column: that chapter was deleted.
fn cancellati(
    findings: &[CambioFinding],
    new: &Versione<'_>,
    cambi: &[Cambio],
) -> Vec<(usize, usize)> {
    let tolti: Vec<usize> = (0..cambi.len())
        .filter(|&i| cambi[i].oggetto == Oggetto::Chapter && cambi[i].stato == Stato::Removed)
        .collect();
    if tolti.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for j in findings.iter().filter_map(|c| c.nuovo()) {
        let f = &new.findings[j];
        let diff: Vec<(&str, Decimal)> = f
            .amounts
            .iter()
            .filter_map(|(k, v)| Some((k.strip_suffix("_difference")?, *v)))
            .filter(|(k, _)| *k != "previsione_precedente_ripetuta")
            .collect();
        if diff.is_empty() || !diff.iter().all(|(_, v)| *v > Decimal::ZERO) {
            continue;
        }
        // Any section: the summaries (1.C, 1.D, 2.C) that cover the row
        // differ by its amounts too.
        for &i in &tolti {
            let c = &cambi[i];
            let importi: Vec<(&str, Decimal)> = c
                .importi
                .iter()
                .filter_map(|d| Some((d.colonna.name(), d.da?)))
                .filter(|(_, v)| !v.is_zero())
                .collect();
            let uguali = importi.len() == diff.len()
                && importi
                    .iter()
                    .all(|(k, v)| diff.iter().any(|(dk, dv)| dk == k && dv == v));
            if uguali {
                out.push((j, i));
                break;
            }
        }
    }
    out
}

use crate::baseline::Firma;

/// Findings matched as a baseline matches them (rule, report and subject;
/// amounts, or the message when there are none): equal = unchanged, same
/// identity = changed, else introduced or resolved.
fn confronta_findings(firme_old: &[Firma], firme_new: &[Firma]) -> Vec<CambioFinding> {
    let mut esatti: FxHashMap<&Firma, Vec<usize>> = FxHashMap::default();
    for (i, f) in firme_old.iter().enumerate().rev() {
        esatti.entry(f).or_default().push(i);
    }
    let mut usati = vec![false; firme_old.len()];
    let mut restanti = Vec::new();
    for (j, f) in firme_new.iter().enumerate() {
        match esatti.get_mut(f).and_then(|v| v.pop()) {
            Some(i) => usati[i] = true,
            None => restanti.push((j, &f.0)),
        }
    }
    let mut per_id: FxHashMap<&Identita, Vec<usize>> = FxHashMap::default();
    for (i, f) in firme_old.iter().enumerate().rev() {
        if !usati[i] {
            per_id.entry(&f.0).or_default().push(i);
        }
    }
    let mut out = Vec::new();
    for (j, id) in restanti {
        match per_id.get_mut(id).and_then(|v| v.pop()) {
            Some(i) => {
                usati[i] = true;
                out.push(CambioFinding::Cambiato(i, j));
            }
            None => out.push(CambioFinding::Introdotto(j)),
        }
    }
    out.extend(
        (0..firme_old.len())
            .filter(|&i| !usati[i])
            .map(CambioFinding::Risolto),
    );
    out
}
