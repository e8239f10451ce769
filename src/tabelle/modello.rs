//! Rows of a table -> the model the report parser builds: one report per
//! (report, year, Direzione), its sections in document order, then Settore >
//! Titolo > Tipologia / Macroaggregato > chapters, each level in the order
//! its first chapter appears. A table declares no totals and no summaries,
//! so those stay empty: the rules that need them are not applicable.

use std::collections::HashMap;

use super::csv::{Grezza, Testata};
use crate::ast::{
    Corpo, Documento, Gruppo, Intestazione, Report, Riga, Settore, Sezione, SezioneId, Tabella,
    Testo, TipoGruppo, Titolo,
};
use crate::span::Span;

struct G {
    tipo: TipoGruppo,
    head: Testata<u8>,
    righe: Vec<Riga>,
}

#[derive(Default)]
struct T {
    head: Testata<u8>,
    gruppi: Vec<G>,
    idx: HashMap<(u8, Option<u8>), usize>,
}

#[derive(Default)]
struct St {
    head: Testata<u32>,
    titoli: Vec<T>,
    idx: HashMap<Option<u8>, usize>,
}

#[derive(Default)]
struct S {
    settori: Vec<St>,
    idx: HashMap<Option<u32>, usize>,
}

struct R {
    anno: Option<u16>,
    direzione: Testata<String>,
    sezioni: [Option<S>; 4],
}

fn posto(s: SezioneId) -> usize {
    match s {
        SezioneId::EntrateCorrenti => 0,
        SezioneId::SpeseCorrenti => 1,
        SezioneId::EntrateCapitale => 2,
        _ => 3,
    }
}

const ORDINE: [SezioneId; 4] = [
    SezioneId::EntrateCorrenti,
    SezioneId::SpeseCorrenti,
    SezioneId::EntrateCapitale,
    SezioneId::SpeseCapitale,
];

fn tipo_n(t: TipoGruppo) -> u8 {
    match t {
        TipoGruppo::Tipologia => 0,
        TipoGruppo::Macroaggregato => 1,
        TipoGruppo::Nessuno => 2,
    }
}

/// Build the document from the rows, in file order.
pub fn documento(righe: Vec<Grezza>) -> Documento {
    let mut reports: Vec<R> = Vec::new();
    let mut idx: HashMap<(String, Option<u16>, Option<String>), usize> = HashMap::new();
    for g in righe {
        let key = (
            g.report.clone(),
            g.anno,
            g.direzione.as_ref().map(|d| d.0.clone()),
        );
        let ri = *idx.entry(key).or_insert_with(|| {
            reports.push(R {
                anno: g.anno,
                direzione: g.direzione.clone(),
                sezioni: [None, None, None, None],
            });
            reports.len() - 1
        });
        let s = reports[ri].sezioni[posto(g.sezione)].get_or_insert_with(S::default);
        let code = g.settore.as_ref().map(|h| h.0);
        let si = *s.idx.entry(code).or_insert_with(|| {
            s.settori.push(St {
                head: g.settore.clone(),
                ..St::default()
            });
            s.settori.len() - 1
        });
        let st = &mut s.settori[si];
        let tcode = g.titolo.as_ref().map(|h| h.0);
        let ti = *st.idx.entry(tcode).or_insert_with(|| {
            st.titoli.push(T {
                head: g.titolo.clone(),
                ..T::default()
            });
            st.titoli.len() - 1
        });
        let t = &mut st.titoli[ti];
        let (tipo, head) = g.gruppo;
        let gk = (tipo_n(tipo), head.as_ref().map(|h| h.0));
        let gi = *t.idx.entry(gk).or_insert_with(|| {
            t.gruppi.push(G {
                tipo,
                head,
                righe: Vec::new(),
            });
            t.gruppi.len() - 1
        });
        t.gruppi[gi].righe.push(g.riga);
    }
    Documento {
        reports: reports.into_iter().map(report).collect(),
    }
}

fn intestazione<C>(h: Testata<C>) -> Option<Intestazione<C>> {
    h.map(|(codice, nome, span)| Intestazione { span, codice, nome })
}

fn unione(spans: impl Iterator<Item = Span>) -> Span {
    spans.reduce(Span::join).unwrap_or_default()
}

fn report(r: R) -> Report {
    let direzione = intestazione(r.direzione);
    let mut sezioni = Vec::new();
    for (i, s) in r.sezioni.into_iter().enumerate() {
        let Some(s) = s else { continue };
        let id = ORDINE[i];
        let settori: Vec<Settore> = s
            .settori
            .into_iter()
            .map(|st| {
                let titoli: Vec<Titolo> = st
                    .titoli
                    .into_iter()
                    .map(|t| {
                        let gruppi: Vec<Gruppo> = t
                            .gruppi
                            .into_iter()
                            .map(|g| Gruppo {
                                span: unione(g.righe.iter().map(|r| r.span)),
                                tipo: g.tipo,
                                intestazione: intestazione(g.head),
                                righe: g.righe,
                                totale: None,
                            })
                            .collect();
                        Titolo {
                            span: unione(gruppi.iter().map(|g| g.span)),
                            intestazione: intestazione(t.head),
                            gruppi,
                            totale: None,
                        }
                    })
                    .collect();
                Settore {
                    span: unione(titoli.iter().map(|t| t.span)),
                    intestazione: intestazione(st.head),
                    titoli,
                    totale: None,
                }
            })
            .collect();
        let span = unione(settori.iter().map(|s| s.span));
        let first = settori
            .first()
            .and_then(|s| s.titoli.first())
            .and_then(|t| t.gruppi.first())
            .and_then(|g| g.righe.first())
            .map_or(span, |r| r.span);
        sezioni.push(Sezione {
            id,
            span,
            intestazione: Testo {
                span: first,
                testo: format!("{} {}", id.code(), id.title()),
            },
            anno: None,
            corpo: Corpo::Tabella(Tabella {
                direzione: direzione.clone(),
                settori,
                totale: None,
            }),
        });
    }
    Report {
        span: unione(sezioni.iter().map(|s| s.span)),
        titolo: None,
        anno: r.anno,
        direzione,
        sezioni,
        narrativa: Vec::new(),
        rumore: Vec::new(),
    }
}
