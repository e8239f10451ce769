//! `quadra diff`: what changed between two versions of a report, keyed by
//! PEG key (chapters) and by heading and label (declared totals and summary
//! rows), never by line, plus the findings introduced, resolved and changed.

pub mod stampa;

use std::collections::HashMap;

use rust_decimal::Decimal;

use crate::ast::{Colonna, Documento, SezioneId};
use crate::baseline::{identita, identita_report, Identita};
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

/// Everything that differs.
#[derive(Debug, Clone, Default)]
pub struct Differenze {
    /// Chapters, totals and summary rows, in the new version's order (removed
    /// ones after, in the old version's order).
    pub cambi: Vec<Cambio>,
    /// Findings that changed.
    pub findings: Vec<CambioFinding>,
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

/// Key of an item across versions: report, section, kind and identity.
type Chiave = (String, SezioneId, Oggetto, String);

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

fn chiave(doc: &Documento, it: &Item<'_>) -> Chiave {
    let id = match it.chiave {
        Some(k) if it.genere == Genere::Riga => k.to_string(),
        _ => etichetta(it),
    };
    (
        identita_report(doc, it.span),
        it.sezione,
        oggetto(it.genere),
        id,
    )
}

fn tutti<'d>(doc: &'d Documento) -> Vec<Item<'d>> {
    doc.reports.iter().flat_map(items).collect()
}

fn colonne(it: &Item<'_>) -> &'static [Colonna] {
    it.importi.columns()
}

fn delte(old: Option<&Item<'_>>, new: Option<&Item<'_>>, all: bool) -> Vec<Delta> {
    let mut cols: Vec<Colonna> = Vec::new();
    for it in old.iter().chain(new.iter()) {
        for c in colonne(it) {
            if !cols.contains(c) {
                cols.push(*c);
            }
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

/// An item's amounts, column by column (what exact pairing compares).
fn valori(it: &Item<'_>) -> Vec<Option<Decimal>> {
    colonne(it).iter().map(|c| it.importo(*c)).collect()
}

fn campi(o: &Item<'_>, n: &Item<'_>) -> Vec<Campo> {
    let mut out = Vec::new();
    let mut f = |field: &'static str, a: String, b: String| {
        if a != b {
            out.push(Campo {
                field,
                from: a,
                to: b,
            });
        }
    };
    let opt = |v: Option<String>| v.unwrap_or_else(|| "-".into());
    f(
        "settore",
        opt(o.settore.map(|v| v.to_string())),
        opt(n.settore.map(|v| v.to_string())),
    );
    f(
        "titolo",
        opt(o.titolo.map(|v| v.to_string())),
        opt(n.titolo.map(|v| v.to_string())),
    );
    f(
        "gruppo",
        opt(o.gruppo.map(|v| format!("{v:02}"))),
        opt(n.gruppo.map(|v| format!("{v:02}"))),
    );
    f(
        "missione_programma",
        opt(o.missione_programma.map(|v| v.to_string())),
        opt(n.missione_programma.map(|v| v.to_string())),
    );
    let norm = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    f("description", norm(o.testo), norm(n.testo));
    f(
        "vincolato",
        o.vincolato.to_string(),
        n.vincolato.to_string(),
    );
    out
}

/// Compare two versions.
pub fn confronta(old: &Versione<'_>, new: &Versione<'_>) -> Differenze {
    let vecchi = tutti(old.doc);
    let nuovi = tutti(new.doc);
    // Items sharing a key (a repeated PEG key) pair up with one of the same
    // amounts first, then in document order. Each old item is popped from
    // each index at most once, so this stays linear.
    let chiavi_old: Vec<Chiave> = vecchi.iter().map(|it| chiave(old.doc, it)).collect();
    let chiavi_new: Vec<Chiave> = nuovi.iter().map(|it| chiave(new.doc, it)).collect();
    let mut esatti: HashMap<(&Chiave, Vec<Option<Decimal>>), Vec<usize>> = HashMap::new();
    let mut per_chiave: HashMap<&Chiave, Vec<usize>> = HashMap::with_capacity(vecchi.len());
    for (i, it) in vecchi.iter().enumerate().rev() {
        esatti
            .entry((&chiavi_old[i], valori(it)))
            .or_default()
            .push(i);
        per_chiave.entry(&chiavi_old[i]).or_default().push(i);
    }
    let mut usati = vec![false; vecchi.len()];
    let prendi = |pila: Option<&mut Vec<usize>>, usati: &mut Vec<bool>| -> Option<usize> {
        let pila = pila?;
        while let Some(i) = pila.pop() {
            if !usati[i] {
                usati[i] = true;
                return Some(i);
            }
        }
        None
    };
    let coppie_esatte: Vec<Option<usize>> = nuovi
        .iter()
        .zip(&chiavi_new)
        .map(|(n, k)| prendi(esatti.get_mut(&(k, valori(n))), &mut usati))
        .collect();
    let coppie: Vec<Option<usize>> = coppie_esatte
        .into_iter()
        .zip(&chiavi_new)
        .map(|(c, k)| c.or_else(|| prendi(per_chiave.get_mut(k), &mut usati)))
        .collect();
    let mut cambi = Vec::new();
    for ((n, k), o) in nuovi.iter().zip(chiavi_new).zip(coppie) {
        let (report, sezione, ogg, id) = k;
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
        let (report, sezione, ogg, id) = chiave(old.doc, o);
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
    Differenze {
        cambi,
        findings: confronta_findings(old, new),
    }
}

type Firma = (Identita, Vec<(String, Decimal)>);

fn firma(v: &Versione<'_>, f: &Finding) -> Firma {
    let mut a = f.amounts.clone();
    a.sort();
    (identita(f, v.doc, v.bytes), a)
}

/// Findings matched by rule, report and subject (as a baseline matches
/// them): same amounts = unchanged, other amounts = changed.
fn confronta_findings(old: &Versione<'_>, new: &Versione<'_>) -> Vec<CambioFinding> {
    let firme_old: Vec<Firma> = old.findings.iter().map(|f| firma(old, f)).collect();
    let mut esatti: HashMap<&Firma, Vec<usize>> = HashMap::new();
    for (i, f) in firme_old.iter().enumerate().rev() {
        esatti.entry(f).or_default().push(i);
    }
    let mut usati = vec![false; old.findings.len()];
    let mut restanti = Vec::new();
    for (j, f) in new.findings.iter().enumerate() {
        let fm = firma(new, f);
        match esatti.get_mut(&fm).and_then(|v| v.pop()) {
            Some(i) => usati[i] = true,
            None => restanti.push((j, fm.0)),
        }
    }
    let mut per_id: HashMap<&Identita, Vec<usize>> = HashMap::new();
    for (i, f) in firme_old.iter().enumerate().rev() {
        if !usati[i] {
            per_id.entry(&f.0).or_default().push(i);
        }
    }
    let mut out = Vec::new();
    for (j, id) in restanti {
        match per_id.get_mut(&id).and_then(|v| v.pop()) {
            Some(i) => {
                usati[i] = true;
                out.push(CambioFinding::Cambiato(i, j));
            }
            None => out.push(CambioFinding::Introdotto(j)),
        }
    }
    out.extend(
        (0..old.findings.len())
            .filter(|&i| !usati[i])
            .map(CambioFinding::Risolto),
    );
    out
}
