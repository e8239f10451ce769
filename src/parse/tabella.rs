//! The tabular sections (1.A, 1.B, 2.A, 2.B): Direzione > Settore > Titolo >
//! Tipologia/Macroaggregato > rows, with declared totals at each level.

use super::lines::Line;
use super::recognise::{self, Heading};
use super::record::{has_totale, importi, join_words, joined, starts_with_amount, Record};
use super::tokens::Tok;
use super::{layout, Ctx};
use crate::ast::{
    Gruppo, Intestazione, LivelloTotale, Riga, Settore, SezioneId, Tabella, TipoGruppo, Titolo,
    Totale,
};
use crate::codes::{ChiavePeg, MissioneProgramma, Pdc, PdcError};
use crate::diagnostic::{ParseCode, ParseDiagnostic};
use crate::span::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind<'a> {
    /// A budget row, with the PEG key read from its first text (kept: the
    /// row is built from it when the record closes).
    Riga(recognise::KeyPrefix<'a>),
    Totale,
}

/// Builds a [`Tabella`] line by line.
pub struct TabellaBuilder<'a> {
    id: SezioneId,
    anno: Option<u16>,
    t: Tabella,
    rec: Record<'a>,
    kind: Kind<'a>,
    /// The record ends with amounts but has fewer than its layout: one more
    /// line of amounts may follow.
    tentative: bool,
    /// The level of the total being read, as [`Self::maybe_complete`] last
    /// found it: the record has not grown since, nor the tree (it changes
    /// only when a record closes), so closing it need not read its words
    /// again. Cleared whenever the record starts or grows.
    livello_letto: Option<LivelloTotale>,
}

impl<'a> TabellaBuilder<'a> {
    /// A builder for section `id`.
    pub fn new(id: SezioneId) -> Self {
        TabellaBuilder {
            id,
            anno: None,
            t: Tabella {
                direzione: None,
                settori: Vec::new(),
                totale: None,
            },
            rec: Record::default(),
            // Never read before `fresh` starts a record and sets it.
            kind: Kind::Totale,
            tentative: false,
            livello_letto: None,
        }
    }

    /// The year of the section, for column names in messages.
    pub fn set_anno(&mut self, anno: Option<u16>) {
        self.anno = anno;
    }

    /// A record is waiting for more lines.
    pub fn has_pending(&self) -> bool {
        self.rec.active
    }

    /// True when nothing has been read yet.
    pub fn is_empty(&self) -> bool {
        self.t.direzione.is_none() && self.t.settori.is_empty() && self.t.totale.is_none()
    }

    /// Take one non-blank line, its tokens and the PEG key it starts with
    /// (as [`super::tokens::tokenize`] gives it: the key its first text
    /// starts with).
    pub fn line(
        &mut self,
        line: &Line<'a>,
        key: Option<recognise::KeyPrefix<'a>>,
        toks: &[Tok<'a>],
        ctx: &mut Ctx,
    ) {
        // Read once by the tokenizer: the key both ends the record before
        // it and starts the new one.
        debug_assert_eq!(
            key,
            match toks {
                [Tok::Text(t, _), ..] => recognise::key_prefix(t),
                _ => None,
            },
            "the tokenizer's key is the first text's"
        );
        if self.rec.active {
            let continues = if self.tentative {
                // Only a line of amounts completes a short record: a total
                // line also starts with amounts, but carries its label.
                starts_with_amount(toks) && !has_totale(toks)
            } else {
                !(key.is_some() || self.starts_item(toks))
            };
            if continues {
                self.rec.extend(line.span, toks);
                self.livello_letto = None;
                self.maybe_complete(ctx);
                return;
            }
            self.close(ctx);
        }
        self.fresh(line, key, toks, ctx);
    }

    /// Close any pending record and return the table.
    pub fn finish(mut self, ctx: &mut Ctx) -> Tabella {
        if self.rec.active {
            self.close(ctx);
        }
        self.t
    }

    /// A line that starts a total or a heading (a row's key is tested by
    /// the caller).
    fn starts_item(&self, toks: &[Tok<'a>]) -> bool {
        match toks {
            _ if has_totale(toks) => true,
            [Tok::Text(t, _)] => {
                recognise::direzione(t).is_some() || recognise::heading(t).is_some()
            }
            _ => false,
        }
    }

    /// Start the record of a line; `key` is the PEG key its first text
    /// starts with.
    fn fresh(
        &mut self,
        line: &Line<'a>,
        key: Option<recognise::KeyPrefix<'a>>,
        toks: &[Tok<'a>],
        ctx: &mut Ctx,
    ) {
        if let Some(key) = key {
            self.rec.start(line.span, toks);
            self.livello_letto = None;
            self.kind = Kind::Riga(key);
            self.maybe_complete(ctx);
            return;
        }
        if has_totale(toks) {
            self.rec.start(line.span, toks);
            self.livello_letto = None;
            self.kind = Kind::Totale;
            self.maybe_complete(ctx);
            return;
        }
        if let [Tok::Text(t, sp)] = toks {
            if self.heading(t, *sp, ctx) {
                return;
            }
        }
        ctx.unrecognised(line.span, self.id, EXPECTED_TABELLA);
    }

    fn heading(&mut self, t: &str, sp: Span, ctx: &mut Ctx) -> bool {
        if let Some((code, name)) = recognise::direzione(t) {
            if self.t.direzione.is_some() {
                ctx.push(ParseDiagnostic::new(
                    ParseCode::OutOfPlace,
                    sp,
                    crate::msg!(
                        "parse-second-direzione",
                        code = code.to_string(),
                        section = self.id.code()
                    ),
                    crate::tr!("parse-second-direzione-label"),
                    crate::tr!("parse-second-direzione-help"),
                ));
            }
            self.t.direzione = Some(Intestazione {
                span: sp,
                codice: code.to_string(),
                nome: join_words(std::iter::once(name)),
            });
            return true;
        }
        let h = recognise::heading(t)
            .or_else(|| recognise::settore_plain(t).map(|(c, n)| Heading::Settore(c, n)));
        let Some(h) = h else {
            return false;
        };
        match h {
            Heading::Settore(codice, nome) => self.t.settori.push(Settore {
                span: sp,
                intestazione: Some(intestazione(sp, codice, nome)),
                titoli: Vec::new(),
                totale: None,
            }),
            Heading::Titolo(codice, nome) => {
                let s = self.settore(sp, ctx);
                s.titoli.push(Titolo {
                    span: sp,
                    intestazione: Some(intestazione(sp, codice, nome)),
                    gruppi: Vec::new(),
                    totale: None,
                });
            }
            Heading::Tipologia(codice, nome) | Heading::Macroaggregato(codice, nome) => {
                let tipo = if matches!(h, Heading::Tipologia(..)) {
                    TipoGruppo::Tipologia
                } else {
                    TipoGruppo::Macroaggregato
                };
                let t = self.titolo(sp, ctx);
                t.gruppi.push(Gruppo {
                    span: sp,
                    tipo,
                    intestazione: Some(intestazione(sp, codice, nome)),
                    righe: Vec::new(),
                    totale: None,
                });
            }
        }
        true
    }

    fn maybe_complete(&mut self, ctx: &mut Ctx) {
        if !self.rec.ends_with_amount() {
            return;
        }
        let expected = match self.kind {
            Kind::Riga(_) => layout::riga(self.id).len(),
            Kind::Totale => {
                let livello = self.livello(self.rec.label_words());
                self.livello_letto = Some(livello);
                layout::totale(self.id, livello).len()
            }
        };
        if self.rec.amounts() >= expected {
            self.close(ctx);
        } else {
            self.tentative = true;
        }
    }

    /// Finish the pending record: build it and put it in the tree.
    fn close(&mut self, ctx: &mut Ctx) {
        self.rec.active = false;
        self.tentative = false;
        if !self.rec.has_amount() {
            let what = match self.kind {
                Kind::Riga(_) => "row",
                Kind::Totale => "total",
            };
            let cols: Vec<String> = layout::riga(self.id)
                .iter()
                .map(|c| c.titolo(self.anno))
                .collect();
            ctx.push(ParseDiagnostic::new(
                ParseCode::MissingAmounts,
                self.rec.span,
                crate::msg!("parse-no-amounts", what = what),
                crate::tr!("parse-no-amounts-label", what = what),
                crate::tr!("parse-no-amounts-help", columns = cols.join(", ")),
            ));
            return;
        }
        match self.kind {
            Kind::Riga(key) => {
                if let Some(r) = self.riga(key, ctx) {
                    let sp = r.span;
                    let g = self.gruppo(sp, ctx);
                    g.span = g.span.join(sp);
                    g.righe.push(r);
                    self.grow(sp);
                }
            }
            Kind::Totale => {
                if let Some(t) = self.totale(ctx) {
                    self.attach_totale(t, ctx);
                }
            }
        }
    }

    /// The row whose first text (`parts.lead[0]`, the record's first
    /// token) starts with `key`.
    fn riga(&mut self, key: recognise::KeyPrefix<'a>, ctx: &mut Ctx) -> Option<Riga> {
        let span = self.rec.span;
        let parts = self.rec.parts_reusing(ctx)?;
        let (first, first_sp) = *parts.lead.first()?;
        debug_assert_eq!(recognise::key_prefix(first), Some(key));
        let chiave_span = Span::new(first_sp.start, first_sp.start + key.len);
        let num = |s: &str, ctx: &mut Ctx| -> Option<u32> {
            // The key's numbers are ASCII digits (`key_prefix`): up to nine
            // of them cannot pass `u32`, and are summed without `parse`'s
            // sign and overflow tests.
            debug_assert!(s.bytes().all(|d| d.is_ascii_digit()), "{s:?}");
            let v = if (1..=9).contains(&s.len()) {
                Some(s.bytes().fold(0u32, |m, d| m * 10 + u32::from(d - b'0')))
            } else {
                s.parse().ok()
            };
            if v.is_none() {
                ctx.push(ParseDiagnostic::new(
                    ParseCode::UnrecognisedLine,
                    chiave_span,
                    crate::msg!("parse-peg-too-large", text = s.to_string()),
                    crate::tr!("parse-peg-too-large-label"),
                    crate::tr!("parse-peg-too-large-help"),
                ));
            }
            v
        };
        let capitolo = num(key.capitolo, ctx)?;
        let articolo = num(key.articolo, ctx)?;
        let (numero, pdc) = if self.id.is_capitale() {
            (num(key.terzo, ctx)?, None)
        } else {
            if key.terzo.len() < 11 {
                ctx.push(ParseDiagnostic::new(
                    ParseCode::InvalidPdc,
                    chiave_span,
                    crate::msg!("parse-pdc-fused", text = key.terzo.to_string()),
                    crate::tr!("parse-pdc-fused-label"),
                    crate::tr!("parse-pdc-fused-help"),
                ));
                return None;
            }
            let (sub, pdc) = key.terzo.split_at(key.terzo.len() - 10);
            match Pdc::parse(pdc) {
                Ok(p) => (num(sub, ctx)?, Some(p)),
                Err(e) => {
                    let why = match e {
                        PdcError::NotTenDigits => "digits",
                        PdcError::ZeroTitolo => "zero",
                    };
                    ctx.push(ParseDiagnostic::new(
                        ParseCode::InvalidPdc,
                        chiave_span,
                        crate::msg!("parse-pdc-invalid", pdc = pdc, why = why),
                        crate::tr!("parse-pdc-invalid-label"),
                        crate::tr!("parse-pdc-invalid-help"),
                    ));
                    return None;
                }
            }
        };
        let layout = layout::riga(self.id);
        if !parts.check_count(ctx, span, "row", layout, self.anno) {
            return None;
        }
        let mp_at = layout::missione_programma_after(self.id);
        let mp_text = parts.take_inner(ctx, mp_at, "parse-row-help");
        let missione_programma = match (mp_at, mp_text) {
            (None, _) => None,
            (Some(_), Some((s, sp))) => match MissioneProgramma::parse(&joined(s)) {
                Some(mp) => Some(mp),
                None => {
                    ctx.push(invalid_mp(sp, s));
                    return None;
                }
            },
            (Some(_), None) => {
                ctx.push(invalid_mp(parts.amounts_span(), ""));
                return None;
            }
        };
        let desc_first = &first[key.len..];
        let mut descrizione =
            join_words(std::iter::once(desc_first).chain(parts.lead[1..].iter().map(|p| p.0)));
        let (mut asterisco, mut non_ripetuto) = (false, false);
        loop {
            if let Some(rest) = descrizione.strip_prefix('*') {
                asterisco = true;
                descrizione = rest.trim_start().to_string();
            } else if let Some(rest) = descrizione.strip_prefix("(ART.NON RIPETUTO)") {
                non_ripetuto = true;
                descrizione = rest.trim_start().to_string();
            } else {
                break;
            }
        }
        let (importi, _, spans_importi) = importi(self.id.is_capitale(), layout, &parts.amounts);
        let (vincolato, importi_span) = (parts.v.is_some(), parts.amounts_span());
        self.rec.recycle(parts);
        Some(Riga {
            span,
            chiave: ChiavePeg {
                capitolo,
                articolo,
                numero,
            },
            chiave_span,
            pdc,
            descrizione,
            vincolato,
            non_ripetuto,
            asterisco,
            importi,
            importi_span,
            spans_importi,
            missione_programma,
        })
    }

    /// The level of a total from the words of its label (as
    /// [`Record::label_words`] gives them: the label is joined only for the
    /// total that is kept, not on every line of a total being read).
    fn livello<'w>(&self, words: impl Iterator<Item = &'w str> + Clone) -> LivelloTotale {
        // A Direzione's code (`DIR07`) in the label: looked for word by word
        // only in the rare label that holds `DIR` at all.
        if self.rec.mentions(b"DIR") && words.clone().any(is_dir_code) {
            return LivelloTotale::Direzione;
        }
        // The label's shape from its first four words, none collected.
        let mut w = words;
        let settore = match (w.next(), w.next(), w.next(), w.next()) {
            (Some("Totale"), Some("Settore"), Some(n), None)
            | (Some("Totale"), Some(n), None, None)
            | (Some(n), Some("Totale"), None, None) => n.bytes().all(|b| b.is_ascii_digit()),
            _ => false,
        };
        if settore {
            return LivelloTotale::Settore;
        }
        let open_gruppo = self
            .t
            .settori
            .last()
            .and_then(|s| s.titoli.last())
            .and_then(|t| t.gruppi.last())
            .is_some_and(|g| g.tipo != TipoGruppo::Nessuno && g.totale.is_none());
        if open_gruppo {
            LivelloTotale::Gruppo
        } else {
            LivelloTotale::Titolo
        }
    }

    fn totale(&mut self, ctx: &mut Ctx) -> Option<Totale> {
        let parts = self.rec.parts_reusing(ctx)?;
        let etichetta = self.rec.label();
        let livello = match self.livello_letto.take() {
            Some(l) => l,
            None => self.livello(self.rec.label_words()),
        };
        let layout = layout::totale(self.id, livello);
        if !parts.check_count(ctx, self.rec.span, "total", layout, self.anno) {
            return None;
        }
        let (importi, previsione_precedente_ripetuta, spans_importi) =
            importi(self.id.is_capitale(), layout, &parts.amounts);
        self.rec.recycle(parts);
        Some(Totale {
            span: self.rec.span,
            livello,
            etichetta,
            importi,
            previsione_precedente_ripetuta,
            spans_importi,
        })
    }

    fn attach_totale(&mut self, t: Totale, ctx: &mut Ctx) {
        let sp = t.span;
        let slot = match t.livello {
            LivelloTotale::Direzione => &mut self.t.totale,
            LivelloTotale::Settore => {
                let s = self.settore(sp, ctx);
                s.span = s.span.join(sp);
                &mut s.totale
            }
            LivelloTotale::Titolo => {
                let ti = self.titolo(sp, ctx);
                ti.span = ti.span.join(sp);
                &mut ti.totale
            }
            _ => {
                let g = self.gruppo(sp, ctx);
                g.span = g.span.join(sp);
                &mut g.totale
            }
        };
        if slot.is_some() {
            ctx.push(ParseDiagnostic::new(
                ParseCode::OutOfPlace,
                sp,
                crate::msg!("parse-second-total", label = &t.etichetta),
                crate::tr!("parse-second-total-label"),
                crate::tr!("parse-second-total-help"),
            ));
            return;
        }
        *slot = Some(t);
        self.grow(sp);
    }

    /// Extend the spans of the open Settore and Titolo to cover `sp`.
    fn grow(&mut self, sp: Span) {
        if let Some(s) = self.t.settori.last_mut() {
            s.span = s.span.join(sp);
            if let Some(t) = s.titoli.last_mut() {
                t.span = t.span.join(sp);
            }
        }
    }

    fn settore(&mut self, sp: Span, ctx: &mut Ctx) -> &mut Settore {
        if self.t.settori.is_empty() {
            ctx.out_of_place(sp, "parse-where-before-settore", "parse-expect-settore");
            self.t.settori.push(Settore {
                span: sp,
                intestazione: None,
                titoli: Vec::new(),
                totale: None,
            });
        }
        self.t.settori.last_mut().expect("pushed above")
    }

    fn titolo(&mut self, sp: Span, ctx: &mut Ctx) -> &mut Titolo {
        let s = self.settore(sp, ctx);
        if s.titoli.is_empty() {
            ctx.out_of_place(sp, "parse-where-before-titolo", "parse-expect-titolo");
            s.titoli.push(Titolo {
                span: sp,
                intestazione: None,
                gruppi: Vec::new(),
                totale: None,
            });
        }
        s.titoli.last_mut().expect("pushed above")
    }

    fn gruppo(&mut self, sp: Span, ctx: &mut Ctx) -> &mut Gruppo {
        let t = self.titolo(sp, ctx);
        if t.gruppi.is_empty() {
            // 2.B has no group level: its rows sit straight under the Titolo.
            t.gruppi.push(Gruppo {
                span: sp,
                tipo: TipoGruppo::Nessuno,
                intestazione: None,
                righe: Vec::new(),
                totale: None,
            });
        }
        t.gruppi.last_mut().expect("pushed above")
    }
}

/// Catalogue id of the help line.
const EXPECTED_TABELLA: &str = "parse-expected-tabella";

fn is_dir_code(w: &str) -> bool {
    w.strip_prefix("DIR")
        .is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
}

fn intestazione<C>(span: Span, codice: C, nome: &str) -> Intestazione<C> {
    Intestazione {
        span,
        codice,
        nome: join_words(std::iter::once(nome)),
    }
}

fn invalid_mp(sp: Span, s: &str) -> ParseDiagnostic {
    ParseDiagnostic::new(
        ParseCode::InvalidMissioneProgramma,
        sp,
        if s.is_empty() {
            crate::msg!("parse-mp-missing")
        } else {
            crate::msg!("parse-mp-invalid", text = s)
        },
        crate::tr!("parse-mp-label"),
        crate::tr!("parse-mp-help"),
    )
}

#[cfg(test)]
mod tests {
    use crate::ast::{Corpo, LivelloTotale};

    /// A 1.A report of one Settore, Titolo and Tipologia with one row, then
    /// `righe`: the total the Tipologia ends with, which must be its own
    /// (no Settore total), with this label.
    fn totale_della_tipologia(righe: &str, etichetta: &str) {
        let testo = format!(
            " Bilancio di Previsione 2022 - REPORT COMMISSIONI - \n\
            1.A        ENTRATE CORRENTI\nANNO :\n2022\n\
            DIR07   DIREZIONE WELFARE E SALUTE\n51 AREA DIRITTI E INCLUSIONE\n\
            3 ENTRATE EXTRATRIBUTARIETITOLO\n01 VENDITA DI BENI E SERVIZITIPOLOGIA:\n\
            225 1 03010201000 PROVENTI 150.000,00160.000,00 59.202,50\n{righe}"
        );
        let out = crate::parse(testo.as_bytes()).expect("a report");
        let Corpo::Tabella(t) = &out.documento.reports[0].sezioni[0].corpo else {
            panic!("a table");
        };
        let settore = &t.settori[0];
        assert!(settore.totale.is_none());
        let totale = settore.titoli[0].gruppi[0]
            .totale
            .as_ref()
            .expect("the Tipologia's total");
        assert_eq!(totale.livello, LivelloTotale::Gruppo);
        assert_eq!(totale.etichetta, etichetta);
    }

    /// The level read for a total that then could not be built (a
    /// malformed amount) is not the next total's: `Totale ... ALTRO` after
    /// a broken `Totale Settore 51` is the Tipologia's.
    #[test]
    fn a_broken_total_leaves_no_level_to_the_next() {
        totale_della_tipologia(
            "150.000,00Totale Settore 51 1.60,00 59.202,50\n\
            150.000,00Totale 160.000,00 59.202,50 ALTRO\n\
            226 1 03010201000 PROVENTI 1,00 2,00 3,00\n",
            "Totale ALTRO",
        );
    }

    /// A total's level is read from all of its label: when a short total
    /// (`Totale Settore 51`, two amounts of three) takes a line of amounts
    /// that ends with a word, the word makes it a Tipologia's total, not the
    /// Settore's (the level read before that line is not kept).
    #[test]
    fn a_total_that_grows_is_levelled_on_its_whole_label() {
        totale_della_tipologia(
            "150.000,00Totale Settore 51 160.000,00\n59.202,50 ALTRO\n",
            "Totale Settore 51 ALTRO",
        );
    }
}
