//! Known faults injected into a generated document, each with the findings
//! it must cause and where, so tests know exactly what quadra must say.

use rust_decimal::Decimal;

use super::bilancio::Generato;
use super::vincoli::Lcg;
use crate::ast::{
    Colonna, Corpo, Documento, Gruppo, Report, Riga, Settore, SezioneId, SpanImporti,
};
use crate::codes::{ChiavePeg, Pdc};
use crate::diagnostic::Severity;
use crate::span::Span;

/// The faults a generated document can be given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Guasto {
    /// A row amount changed, its total not (a non-V 1.A row).
    ImportoRiga,
    /// A declared Tipologia total changed.
    TotaleDichiarato,
    /// A row dropped, the totals kept.
    RigaTolta,
    /// A row's PDC of another titolo than its heading.
    CodicePdc,
    /// The V flag set on a row that is not earmarked (1.C not updated).
    FlagV,
    /// A spending chapter left out of its group in the link file.
    LegameMancante,
}

impl Guasto {
    /// Every fault.
    pub const ALL: [Guasto; 6] = [
        Guasto::ImportoRiga,
        Guasto::TotaleDichiarato,
        Guasto::RigaTolta,
        Guasto::CodicePdc,
        Guasto::FlagV,
        Guasto::LegameMancante,
    ];
}

/// Where an expected finding is, by what it is about (spans change when the
/// text is rendered).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dove {
    /// A budget row: report, section, PEG key.
    Riga(usize, SezioneId, ChiavePeg),
    /// A Tipologia / Macroaggregato total: report, section, Settore code, group code.
    TotaleGruppo(usize, SezioneId, u32, u8),
    /// A Settore total: report, section, Settore code.
    TotaleSettore(usize, SezioneId, u32),
    /// The total of a 1.C part: report, revenue part (true) or spending part.
    TotaleParte(usize, bool),
}

/// A finding a fault must cause.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Atteso {
    /// Rule id.
    pub regola: &'static str,
    /// Severity (with the link file of the generated document).
    pub severita: Severity,
    /// Where.
    pub dove: Dove,
    /// The column whose figure the finding points at (`None`: the record).
    pub colonna: Option<Colonna>,
}

fn tabella(r: &mut Report, id: SezioneId) -> Option<&mut Vec<Settore>> {
    r.sezioni
        .iter_mut()
        .find(|s| s.id == id)
        .and_then(|s| match &mut s.corpo {
            Corpo::Tabella(t) => Some(&mut t.settori),
            _ => None,
        })
}

/// The Tipologia 05 group (non-earmarked revenue) of a 1.A Settore.
fn libere(s: &mut Settore) -> Option<&mut Gruppo> {
    s.titoli
        .iter_mut()
        .filter(|t| t.intestazione.as_ref().is_some_and(|i| i.codice == 3))
        .flat_map(|t| t.gruppi.iter_mut())
        .next()
}

fn codice(s: &Settore) -> u32 {
    s.intestazione.as_ref().map_or(0, |i| i.codice)
}

/// Places that faults already took, so that faults injected one after
/// another never meet (an amount changed in a row another fault drops would
/// cancel out): a Settore of a report for the faults on its 1.A rows, a
/// whole report for those whose findings are report-wide (1.C, groups).
#[derive(Debug, Default, Clone)]
pub struct Occupati(std::collections::HashSet<(usize, Option<u32>)>);

impl Occupati {
    fn report_libero(&self, ri: usize) -> bool {
        !self.0.iter().any(|(r, _)| *r == ri)
    }

    fn settore_libero(&self, ri: usize, sc: u32) -> bool {
        !self.0.contains(&(ri, None)) && !self.0.contains(&(ri, Some(sc)))
    }
}

/// A well-mixed start for the generator of one fault (splitmix64), so that
/// neighbouring seeds give unrelated choices.
fn mescola(seme: u64) -> u64 {
    let mut z = seme.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    (z ^ (z >> 31)) | 1
}

/// One of `v`, chosen by `lcg`.
fn uno<T: Copy>(lcg: &mut Lcg, v: &[T]) -> Option<T> {
    (!v.is_empty()).then(|| v[lcg.below(v.len() as u64) as usize])
}

/// Inject `guasto` into `g`, at a place no earlier fault took (`occupati`);
/// the findings it must cause, or `None` when there is no place for it.
pub fn inietta(
    g: &mut Generato,
    guasto: Guasto,
    seme: u64,
    occupati: &mut Occupati,
) -> Option<Vec<Atteso>> {
    let mut lcg = Lcg(mescola(seme));
    let n = g.documento.reports.len();
    let delta = Decimal::new(100 * (1 + lcg.below(999) as i64), 2);
    let entrate = SezioneId::EntrateCorrenti;
    let e = |regola, dove| Atteso {
        regola,
        severita: Severity::Error,
        dove,
        colonna: None,
    };
    let w = |regola, dove| Atteso {
        regola,
        severita: Severity::Warning,
        dove,
        colonna: None,
    };
    // A total that no longer adds up points at its figure of this column.
    let alla = |mut a: Atteso, c: Colonna| {
        a.colonna = Some(c);
        a
    };
    if guasto == Guasto::LegameMancante {
        let dir = |ri: usize| {
            g.documento.reports[ri]
                .direzione
                .as_ref()
                .map_or(String::new(), |d| d.codice.clone())
        };
        let cands: Vec<(usize, usize)> = (0..n)
            .filter(|&ri| occupati.report_libero(ri))
            .flat_map(|ri| {
                let d = dir(ri);
                (0..g.legami.len())
                    .filter(|&i| g.legami[i].direzione == d && g.legami[i].spese.len() >= 2)
                    .map(|i| (ri, i))
                    .collect::<Vec<_>>()
            })
            .collect();
        let (ri, i) = uno(&mut lcg, &cands)?;
        occupati.0.insert((ri, None));
        let l = &mut g.legami[i];
        let k = l.spese.remove(lcg.below(l.spese.len() as u64) as usize);
        return Some(vec![
            w("vincolo-unbalanced", Dove::Riga(ri, entrate, l.entrate[0])),
            w(
                "vincolo-unmatched-spending",
                Dove::Riga(ri, SezioneId::SpeseCorrenti, k),
            ),
        ]);
    }
    // A Settore no fault took (a whole report for a V flag, whose 1.C
    // finding is report-wide).
    let mut cands = Vec::new();
    for ri in 0..n {
        if guasto == Guasto::FlagV && !occupati.report_libero(ri) {
            continue;
        }
        for (si, s) in tabella(&mut g.documento.reports[ri], entrate)?
            .iter()
            .enumerate()
        {
            // A dropped row needs a group that keeps one.
            let righe = s
                .titoli
                .iter()
                .filter(|t| t.intestazione.as_ref().is_some_and(|i| i.codice == 3))
                .flat_map(|t| &t.gruppi)
                .next()
                .map_or(0, |g| g.righe.len());
            let posto = righe >= if guasto == Guasto::RigaTolta { 2 } else { 1 };
            if posto && occupati.settore_libero(ri, codice(s)) {
                cands.push((ri, si));
            }
        }
    }
    let (ri, si) = uno(&mut lcg, &cands)?;
    let settori = tabella(&mut g.documento.reports[ri], entrate)?;
    let s = &mut settori[si];
    let sc = codice(s);
    occupati.0.insert((
        ri,
        if guasto == Guasto::FlagV {
            None
        } else {
            Some(sc)
        },
    ));
    let gr = libere(s)?;
    let gc = gr.intestazione.as_ref().map_or(0, |i| i.codice);
    let riga_i = lcg.below(gr.righe.len() as u64) as usize;
    let tot_gruppo = Dove::TotaleGruppo(ri, entrate, sc, gc);
    let add = |x: &mut crate::ast::Importi| {
        let v = x.get(Colonna::Previsione).unwrap_or_default() + delta;
        x.set(Colonna::Previsione, v);
    };
    Some(match guasto {
        Guasto::ImportoRiga => {
            add(&mut gr.righe[riga_i].importi);
            vec![alla(e("total-mismatch", tot_gruppo), Colonna::Previsione)]
        }
        Guasto::TotaleDichiarato => {
            add(&mut gr.totale.as_mut()?.importi);
            // The Settore total sums the group totals, so it disagrees too.
            vec![
                alla(e("total-mismatch", tot_gruppo), Colonna::Previsione),
                alla(
                    e("total-mismatch", Dove::TotaleSettore(ri, entrate, sc)),
                    Colonna::Previsione,
                ),
            ]
        }
        Guasto::RigaTolta => {
            let tolta = gr.righe.remove(riga_i);
            // The first column (the report's own year first) the row held an amount in.
            let prima = tolta
                .importi
                .columns()
                .iter()
                .copied()
                .filter(|c| tolta.importi.get(*c).is_some_and(|v| !v.is_zero()))
                .min();
            let t = e("total-mismatch", tot_gruppo);
            vec![match prima {
                Some(c) => alla(t, c),
                None => t,
            }]
        }
        Guasto::CodicePdc => {
            let r: &mut Riga = &mut gr.righe[riga_i];
            let pdc = r.pdc?;
            // Same second level, titolo 2 instead of 3.
            r.pdc = Some(Pdc::parse(&(pdc.value() - 1_000_000_000).to_string()).ok()?);
            vec![e("pdc-titolo-mismatch", Dove::Riga(ri, entrate, r.chiave))]
        }
        Guasto::FlagV => {
            let r: &mut Riga = &mut gr.righe[riga_i];
            r.vincolato = true;
            let k = r.chiave;
            // 1.C has no line for titolo 3: the finding stands at the row.
            vec![
                e("vincolate-entrate", Dove::Riga(ri, entrate, k)),
                w("vincolo-unmatched-revenue", Dove::Riga(ri, entrate, k)),
            ]
        }
        Guasto::LegameMancante => unreachable!("handled above"),
    })
}

/// The span of what `dove` names in a parsed document.
pub fn span_di(doc: &Documento, dove: Dove) -> Option<Span> {
    nodo(doc, dove).map(|(s, _)| s)
}

/// Where the finding `a` must point in a parsed document: the figure of its
/// column, or the record.
pub fn span_atteso(doc: &Documento, a: &Atteso) -> Option<Span> {
    let (span, cifre) = nodo(doc, a.dove)?;
    Some(a.colonna.and_then(|c| cifre.get(c)).unwrap_or(span))
}

/// The record `dove` names and where its amounts are printed.
fn nodo(doc: &Documento, dove: Dove) -> Option<(Span, SpanImporti)> {
    let tab = |ri: usize, id: SezioneId| -> Option<&Vec<Settore>> {
        doc.reports
            .get(ri)?
            .sezione(id)
            .and_then(|s| match &s.corpo {
                Corpo::Tabella(t) => Some(&t.settori),
                _ => None,
            })
    };
    match dove {
        Dove::Riga(ri, id, k) => tab(ri, id)?
            .iter()
            .flat_map(|s| &s.titoli)
            .flat_map(|t| &t.gruppi)
            .flat_map(|g| &g.righe)
            .find(|r| r.chiave == k)
            .map(|r| (r.span, r.spans_importi)),
        Dove::TotaleGruppo(ri, id, sc, gc) => tab(ri, id)?
            .iter()
            .filter(|s| codice(s) == sc)
            .flat_map(|s| &s.titoli)
            .flat_map(|t| &t.gruppi)
            .find(|g| g.intestazione.as_ref().is_some_and(|i| i.codice == gc))
            .and_then(|g| g.totale.as_ref())
            .map(|t| (t.span, t.spans_importi)),
        Dove::TotaleSettore(ri, id, sc) => tab(ri, id)?
            .iter()
            .find(|s| codice(s) == sc)
            .and_then(|s| s.totale.as_ref())
            .map(|t| (t.span, t.spans_importi)),
        Dove::TotaleParte(ri, entrate) => {
            let s = doc
                .reports
                .get(ri)?
                .sezione(SezioneId::RiepilogoVincolate)?;
            match &s.corpo {
                Corpo::Vincolate(v) => v
                    .parti
                    .get(if entrate { 0 } else { 1 })?
                    .totale
                    .as_ref()
                    .map(|t| (t.span, t.spans_importi)),
                _ => None,
            }
        }
    }
}
