//! Family `totals`: every declared total equals the sum of what it totals,
//! in every column (the fifth column of 1.B subtotals included).
//!
//! Each total is compared with the level just below it: a Macroaggregato
//! total with its rows, a Settore total with its Macroaggregato totals (or
//! their rows where a group prints no total). So a mistyped row shows up at
//! its own group, and a mistyped group total at the group and the level above,
//! each with the likely cause among its related locations.
//! The Direzione totals of 1.A-2.B are the `direzione-equals-settori` rule.

use rust_decimal::Decimal;

use super::def::RuleDef;
use super::hints::{differenze, spiega, Differenza, Ruolo, Voce};
use super::Ctx;
use crate::amount::{italiano, somma};
use crate::ast::{Colonna, Corpo, Importi, SezioneId, SpanImporti, TipoGruppo, Totale};
use crate::codes::ChiavePeg;
use crate::finding::{Finding, Scarto};
use crate::sink::Sink;
use crate::span::Span;

/// Rule id.
pub const TOTAL_MISMATCH: &str = crate::catalogo::TOTAL_MISMATCH.id;

/// Something a total sums: a row, a summary row or a lower total.
#[derive(Clone, Copy)]
struct Parte<'a> {
    span: Span,
    importi: &'a Importi,
    spans: &'a SpanImporti,
    chiave: Option<ChiavePeg>,
}

impl<'a> Parte<'a> {
    /// A summary row (1.C titolo, 1.D / 2.C programma): no PEG key.
    fn riepilogo(span: Span, importi: &'a Importi, spans: &'a SpanImporti) -> Self {
        Parte {
            span,
            importi,
            spans,
            chiave: None,
        }
    }

    fn di(t: &'a Totale) -> Self {
        Parte::riepilogo(t.span, &t.importi, &t.spans_importi)
    }
}

struct Confronto<'c, 'a, 'r> {
    ctx: &'c Ctx<'a>,
    rule: &'c RuleDef,
    sink: &'c mut Sink<'r>,
    sezione: SezioneId,
    settore: Option<u32>,
    /// The group whose rows are being summed (its kind and code), if any.
    gruppo: Option<(TipoGruppo, Option<u8>)>,
    /// The lines of the level being checked (heading to total), if known.
    contenitore: Option<Span>,
    /// Where the last declared total checked ends: the lines after it, up
    /// to the next total, are that total's level (a row the parser could
    /// not read lies there, outside every node).
    ultimo: usize,
    tolleranza: Decimal,
}

/// Run the rule.
pub fn check(ctx: &Ctx<'_>, rule: &RuleDef, sink: &mut Sink<'_>) {
    let tolleranza = rule.param("tolerance");
    for s in &ctx.report.sezioni {
        let mut c = Confronto {
            ctx,
            rule,
            sink,
            sezione: s.id,
            settore: None,
            gruppo: None,
            contenitore: None,
            ultimo: s.span.start,
            tolleranza,
        };
        match &s.corpo {
            Corpo::Tabella(t) => {
                for settore in &t.settori {
                    c.settore = settore.intestazione.as_ref().map(|i| i.codice);
                    let mut del_settore = Vec::new();
                    for titolo in &settore.titoli {
                        let mut del_titolo = Vec::new();
                        for gruppo in &titolo.gruppi {
                            let righe: Vec<Parte<'_>> = gruppo
                                .righe
                                .iter()
                                .map(|r| Parte {
                                    span: r.span,
                                    importi: &r.importi,
                                    spans: &r.spans_importi,
                                    chiave: Some(r.chiave),
                                })
                                .collect();
                            let codice = gruppo.intestazione.as_ref().map(|i| i.codice);
                            c.gruppo = Some((gruppo.tipo, codice));
                            c.contenitore = Some(gruppo.span);
                            c.livello(gruppo.totale.as_ref(), righe, &mut del_titolo);
                            c.gruppo = None;
                        }
                        c.contenitore = Some(titolo.span);
                        c.livello(titolo.totale.as_ref(), del_titolo, &mut del_settore);
                    }
                    c.contenitore = Some(settore.span);
                    c.livello(settore.totale.as_ref(), del_settore, &mut Vec::new());
                }
            }
            Corpo::Vincolate(v) => {
                for p in &v.parti {
                    let righe = p
                        .righe
                        .iter()
                        .map(|r| Parte::riepilogo(r.span, &r.importi, &r.spans_importi))
                        .collect();
                    c.contenitore = Some(p.span);
                    c.livello(p.totale.as_ref(), righe, &mut Vec::new());
                }
            }
            Corpo::Missioni(m) => {
                let mut della_direzione = Vec::new();
                for mis in &m.missioni {
                    let righe = mis
                        .programmi
                        .iter()
                        .map(|r| Parte::riepilogo(r.span, &r.importi, &r.spans_importi))
                        .collect();
                    c.contenitore = Some(mis.span);
                    c.livello(mis.totale.as_ref(), righe, &mut della_direzione);
                }
                let mut generale = Vec::new();
                c.contenitore = None;
                c.livello(m.totale_direzione.as_ref(), della_direzione, &mut generale);
                c.livello(m.totale_generale.as_ref(), generale, &mut Vec::new());
            }
        }
    }
}

/// The catalogue's name of a group level (`where-gruppo`'s `kind`).
fn tipo_nome(t: TipoGruppo) -> &'static str {
    match t {
        TipoGruppo::Tipologia => "tipologia",
        TipoGruppo::Macroaggregato => "macroaggregato",
        TipoGruppo::Nessuno => "none",
    }
}

impl<'a> Confronto<'_, 'a, '_> {
    /// Check `totale` (if declared) against `parti`, then pass up to the level
    /// above either the total or, when none is printed, the parts themselves.
    fn livello(
        &mut self,
        totale: Option<&'a Totale>,
        parti: Vec<Parte<'a>>,
        sopra: &mut Vec<Parte<'a>>,
    ) {
        match totale {
            Some(t) => {
                self.confronta(t, &parti);
                self.ultimo = t.span.end;
                sopra.push(Parte::di(t));
            }
            None => sopra.extend(parti),
        }
    }

    fn confronta(&mut self, t: &Totale, parti: &[Parte<'_>]) {
        let mut colonne: Vec<(Colonna, Decimal, Decimal)> = Vec::new();
        for &col in t.importi.columns() {
            let Some(dichiarato) = t.importi.get(col) else {
                continue;
            };
            let Some(calcolato) = somma(parti.iter().filter_map(|p| p.importi.get(col))) else {
                continue;
            };
            colonne.push((col, dichiarato, calcolato));
        }
        if let Some(rip) = t.previsione_precedente_ripetuta {
            if let Some(calcolato) = somma(
                parti
                    .iter()
                    .filter_map(|p| p.importi.get(Colonna::PrevisionePrecedente)),
            ) {
                colonne.push((Colonna::PrevisionePrecedenteRipetuta, rip, calcolato));
            }
        }
        let confrontate: Vec<Colonna> = colonne.iter().map(|(c, ..)| *c).collect();
        let mut diverse: Vec<_> = colonne
            .into_iter()
            .filter(|(_, d, c)| {
                // A difference beyond the range of Decimal cannot be stated: skip.
                d.checked_sub(*c).is_some_and(|x| x.abs() > self.tolleranza)
            })
            .collect();
        // The report's own year first, whatever the print order of the section.
        diverse.sort_by_key(|(c, ..)| *c);
        if diverse.is_empty() {
            return;
        }
        let cosa = match parti.len() {
            0 => crate::tr!("total-nothing-listed"),
            n => {
                // The label names the figure it stands under and what the
                // items sum to, in the column of the primary location.
                let (col, d, c) = diverse[0];
                crate::tr!(
                    "total-items-sum",
                    n = n,
                    column = self.ctx.colonna(col),
                    declared = italiano(d),
                    computed = italiano(c)
                )
            }
        };
        let dettagli: Vec<String> = diverse
            .iter()
            .enumerate()
            .map(|(i, (col, d, c))| {
                let id = if i == 0 {
                    "total-detail-first"
                } else {
                    "total-detail-other"
                };
                crate::tr!(
                    id,
                    column = self.ctx.colonna(*col),
                    declared = italiano(*d),
                    computed = italiano(*c),
                    difference = italiano(*d - *c)
                )
            })
            .collect();
        let mut f = Finding::new(
            &self.rule.id,
            self.rule.severity,
            t.span,
            crate::msg!(
                "total-message",
                label = &t.etichetta,
                details = dettagli.join("; ")
            ),
        );
        f.label = crate::tr!("total-label", what = &cosa);
        if parti.is_empty() {
            f.label = crate::tr!("total-label-empty", what = &cosa);
        }
        f.help = crate::tr!("total-help");
        for (col, d, c) in &diverse {
            f.amounts
                .push((crate::finding::nome_importo(col.name(), "declared"), *d));
            f.amounts
                .push((crate::finding::nome_importo(col.name(), "computed"), *c));
            f.amounts.push((
                crate::finding::nome_importo(col.name(), "difference"),
                *d - *c,
            ));
        }
        f.context.sezione = Some(self.sezione);
        f.context.settore = self.settore;
        f.context.soggetto = t.etichetta.clone();
        // Likely causes come first: they are what an auditor should open.
        let diffs: Vec<Differenza> = diverse
            .iter()
            .map(|(col, d, c)| Differenza {
                colonna: *col,
                nome: self.ctx.colonna(*col).to_string(),
                dichiarato: *d,
                calcolato: *c,
            })
            .collect();
        let voci: Vec<Voce<'_>> = parti
            .iter()
            .map(|p| Voce {
                span: p.span,
                importi: p.importi,
                spans: p.spans,
                ruolo: Ruolo::Sommato(crate::tr!("total-summed-role")),
            })
            .collect();
        let cifra = |c: Colonna| t.spans_importi.get(c).unwrap_or(t.span);
        let spiegato = spiega(
            &mut f,
            &confrontate,
            &diffs,
            Some(cifra(diverse[0].0)),
            &voci,
        );
        let figure: Vec<(String, Span)> = diffs
            .iter()
            .map(|d| (d.nome.clone(), cifra(d.colonna)))
            .collect();
        f.alle_cifre(t.span, &figure, "figure-also-differs");
        // The rows summed (or, when none is listed, the total itself): where
        // a missing row would have been.
        let cosa = match self.gruppo {
            Some((tipo, Some(codice))) if tipo != TipoGruppo::Nessuno => crate::tr!(
                "where-gruppo",
                kind = tipo_nome(tipo),
                code = format!("{codice:02}"),
                label = &t.etichetta
            ),
            _ => crate::tr!("where-total", label = &t.etichetta),
        };
        let ambito = match (parti.first(), parti.last()) {
            (Some(a), Some(b)) => Some((a.span.join(b.span), cosa)),
            _ => Some((t.span, cosa)),
        };
        let dal_precedente = Span::new(self.ultimo.min(t.span.start), t.span.end);
        let estensione = self
            .contenitore
            .map_or(dal_precedente, |c| c.join(dal_precedente));
        f.scarto = Some(Box::new(Scarto {
            differenze: differenze(&diffs),
            ambito,
            estensione: Some(estensione),
            spiegato,
            ..Scarto::default()
        }));
        if let (Some(first), Some(last)) = (parti.first(), parti.last()) {
            let key = |p: &Parte<'_>| p.chiave.map(|k| format!(" ({k})")).unwrap_or_default();
            if parti.len() == 1 {
                f.related(first.span, crate::tr!("total-only-item", key = key(first)));
            } else {
                f.related(
                    first.span,
                    crate::tr!("total-first-item", n = parti.len(), key = key(first)),
                );
                f.related(last.span, crate::tr!("total-last-item", key = key(last)));
            }
        }
        self.sink.push(f);
    }
}
