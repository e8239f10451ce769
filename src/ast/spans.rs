//! The leaves of the tree, each with its span: every line of the input that
//! is not blank belongs to exactly one leaf (or to a diagnostic). Written as
//! exhaustive destructuring, as sqlparser's `spans.rs` does, so that a field
//! added to a node cannot be forgotten here: the compiler asks for it.

use super::*;

/// What a leaf is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Foglia {
    /// A section header (with a wrapped title).
    IntestazioneSezione,
    /// `ANNO :` and its year.
    Anno,
    /// A heading line (Direzione, Settore, Titolo, Tipologia, Macroaggregato, Missione, part of 1.C).
    Intestazione,
    /// A budget row.
    Riga,
    /// A declared total.
    Totale,
    /// A summary row of 1.C, 1.D, 2.C.
    RigaRiepilogo,
    /// A narrative block.
    Narrativa,
    /// Page furniture.
    Rumore,
}

impl Documento {
    /// Every leaf of the tree, in no particular order.
    pub fn leaves(&self) -> Vec<(Foglia, Span)> {
        let mut out = Vec::new();
        for r in &self.reports {
            r.leaves(&mut out);
        }
        out
    }
}

fn opt_totale(t: &Option<Totale>, out: &mut Vec<(Foglia, Span)>) {
    if let Some(Totale {
        span,
        livello: _,
        etichetta: _,
        importi: _,
        previsione_precedente_ripetuta: _,
        spans_importi: _,
    }) = t
    {
        out.push((Foglia::Totale, *span));
    }
}

fn opt_intestazione<C>(h: &Option<Intestazione<C>>, out: &mut Vec<(Foglia, Span)>) {
    if let Some(Intestazione {
        span,
        codice: _,
        nome: _,
    }) = h
    {
        out.push((Foglia::Intestazione, *span));
    }
}

fn opt_testo(t: &Option<Testo>, kind: Foglia, out: &mut Vec<(Foglia, Span)>) {
    if let Some(Testo { span, testo: _ }) = t {
        out.push((kind, *span));
    }
}

impl Report {
    fn leaves(&self, out: &mut Vec<(Foglia, Span)>) {
        let Report {
            span: _,
            // The title line is also listed in `rumore`, as are its repetitions.
            titolo: _,
            anno: _,
            // Copied from the first tabular section, whose heading is listed there.
            direzione: _,
            sezioni,
            narrativa,
            rumore,
        } = self;
        for s in sezioni {
            s.leaves(out);
        }
        for BloccoNarrativo {
            span,
            missione: _,
            obiettivo_strategico: _,
            programma_operativo: _,
            direzione: _,
            finalita: _,
        } in narrativa
        {
            out.push((Foglia::Narrativa, *span));
        }
        for Rumore { span, tipo: _ } in rumore {
            out.push((Foglia::Rumore, *span));
        }
    }
}

impl Sezione {
    fn leaves(&self, out: &mut Vec<(Foglia, Span)>) {
        let Sezione {
            id: _,
            span: _,
            intestazione,
            anno,
            corpo,
        } = self;
        out.push((Foglia::IntestazioneSezione, intestazione.span));
        if let Some(Anno { span, anno: _ }) = anno {
            out.push((Foglia::Anno, *span));
        }
        match corpo {
            Corpo::Tabella(t) => t.leaves(out),
            Corpo::Vincolate(v) => v.leaves(out),
            Corpo::Missioni(m) => m.leaves(out),
        }
    }
}

impl Tabella {
    fn leaves(&self, out: &mut Vec<(Foglia, Span)>) {
        let Tabella {
            direzione,
            settori,
            totale,
        } = self;
        opt_intestazione(direzione, out);
        for Settore {
            span: _,
            intestazione,
            titoli,
            totale,
        } in settori
        {
            opt_intestazione(intestazione, out);
            for Titolo {
                span: _,
                intestazione,
                gruppi,
                totale,
            } in titoli
            {
                opt_intestazione(intestazione, out);
                for Gruppo {
                    span: _,
                    tipo: _,
                    intestazione,
                    righe,
                    totale,
                } in gruppi
                {
                    opt_intestazione(intestazione, out);
                    for r in righe {
                        let Riga {
                            span,
                            chiave: _,
                            chiave_span: _,
                            pdc: _,
                            descrizione: _,
                            vincolato: _,
                            non_ripetuto: _,
                            asterisco: _,
                            importi: _,
                            importi_span: _,
                            spans_importi: _,
                            missione_programma: _,
                        } = r;
                        out.push((Foglia::Riga, *span));
                    }
                    opt_totale(totale, out);
                }
                opt_totale(totale, out);
            }
            opt_totale(totale, out);
        }
        opt_totale(totale, out);
    }
}

impl RiepilogoVincolate {
    fn leaves(&self, out: &mut Vec<(Foglia, Span)>) {
        let RiepilogoVincolate { parti } = self;
        for ParteVincolate {
            span: _,
            intestazione,
            direzione,
            righe,
            totale,
        } in parti
        {
            opt_testo(intestazione, Foglia::Intestazione, out);
            opt_testo(direzione, Foglia::Intestazione, out);
            for RigaTitolo {
                span,
                vincolato: _,
                titolo: _,
                descrizione: _,
                importi: _,
                spans_importi: _,
            } in righe
            {
                out.push((Foglia::RigaRiepilogo, *span));
            }
            opt_totale(totale, out);
        }
    }
}

impl RiepilogoMissioni {
    fn leaves(&self, out: &mut Vec<(Foglia, Span)>) {
        let RiepilogoMissioni {
            intestazione,
            direzione,
            missioni,
            totale_direzione,
            totale_generale,
        } = self;
        opt_testo(intestazione, Foglia::Intestazione, out);
        opt_testo(direzione, Foglia::Intestazione, out);
        for Missione {
            span: _,
            intestazione,
            programmi,
            totale,
        } in missioni
        {
            opt_intestazione(intestazione, out);
            for RigaProgramma {
                span,
                programma: _,
                missione_programma: _,
                descrizione: _,
                importi: _,
                spans_importi: _,
            } in programmi
            {
                out.push((Foglia::RigaRiepilogo, *span));
            }
            opt_totale(totale, out);
        }
        opt_totale(totale_direzione, out);
        opt_totale(totale_generale, out);
    }
}
