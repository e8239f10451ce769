//! The summary sections: 1.C (V revenue and spending per titolo) and 1.D / 2.C
//! (spending per missione and programma).

use super::lines::Line;
use super::recognise;
use super::record::{has_totale, importi, join_words, starts_with_amount, Parts, Record};
use super::tokens::Tok;
use super::{layout, Ctx};
use crate::ast::{
    Intestazione, LivelloTotale, Missione, ParteVincolate, RiepilogoMissioni, RiepilogoVincolate,
    RigaProgramma, RigaTitolo, SezioneId, Testo, Totale,
};
use crate::codes::MissioneProgramma;
use crate::diagnostic::{ParseCode, ParseDiagnostic};
use crate::span::Span;

/// What the pending record of a summary is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Starts with amounts (1.C rows, 2.C rows).
    Riga,
    /// Starts with a two-digit code and a name: a 1.D row, or a missione heading.
    Codice,
    /// A `Totale` line.
    Totale,
}

/// Shared line handling of the summaries: a pending record, completed when it
/// ends with as many amounts as its layout.
struct Pending<'a> {
    rec: Record<'a>,
    kind: Kind,
    tentative: bool,
}

impl<'a> Pending<'a> {
    fn new() -> Self {
        Pending {
            rec: Record::default(),
            kind: Kind::Riga,
            tentative: false,
        }
    }

    fn start(&mut self, kind: Kind, line: &Line<'a>, toks: &[Tok<'a>]) {
        self.rec.start(line.span, toks);
        self.kind = kind;
        self.tentative = false;
    }

    /// Is the record complete after its last line, given how many amounts it needs?
    fn complete(&mut self, expected: usize) -> bool {
        if !self.rec.ends_with_amount() {
            return false;
        }
        if self.rec.amounts() >= expected {
            return true;
        }
        self.tentative = true;
        false
    }
}

fn single_text<'a>(toks: &[Tok<'a>]) -> Option<(&'a str, Span)> {
    match toks {
        [Tok::Text(t, sp)] => Some((t, *sp)),
        _ => None,
    }
}

fn testo(s: &str, span: Span) -> Testo {
    Testo {
        span,
        testo: join_words(std::iter::once(s)),
    }
}

fn total_of(
    id: SezioneId,
    livello: LivelloTotale,
    rec: &Record<'_>,
    anno: Option<u16>,
    ctx: &mut Ctx,
) -> Option<Totale> {
    let parts = rec.parts(ctx)?;
    let layout = layout::totale(id, livello);
    if !parts.check_count(ctx, rec.span, "total", layout, anno) {
        return None;
    }
    let (importi, extra, spans_importi) = importi(id.is_capitale(), layout, &parts.amounts);
    Some(Totale {
        span: rec.span,
        livello,
        etichetta: rec.label(),
        importi,
        previsione_precedente_ripetuta: extra,
        spans_importi,
    })
}

fn missing_amounts(ctx: &mut Ctx, span: Span, id: SezioneId) {
    ctx.push(ParseDiagnostic::new(
        ParseCode::MissingAmounts,
        span,
        crate::msg!("parse-total-no-amounts"),
        crate::tr!("parse-total-no-amounts-label"),
        crate::tr!("parse-total-no-amounts-help", code = id.code()),
    ));
}

/// Builds section 1.C.
pub struct VincolateBuilder<'a> {
    anno: Option<u16>,
    r: RiepilogoVincolate,
    p: Pending<'a>,
}

/// Catalogue id of the help line.
const EXPECTED_VINCOLATE: &str = "parse-expected-vincolate";

impl<'a> VincolateBuilder<'a> {
    /// A builder for 1.C.
    pub fn new() -> Self {
        VincolateBuilder {
            anno: None,
            r: RiepilogoVincolate { parti: Vec::new() },
            p: Pending::new(),
        }
    }

    /// The section year.
    pub fn set_anno(&mut self, anno: Option<u16>) {
        self.anno = anno;
    }

    /// A record is waiting for more lines.
    pub fn has_pending(&self) -> bool {
        self.p.rec.active
    }

    /// True when nothing was read.
    pub fn is_empty(&self) -> bool {
        self.r.parti.is_empty()
    }

    /// Take one non-blank line.
    pub fn line(&mut self, line: &Line<'a>, toks: &[Tok<'a>], ctx: &mut Ctx) {
        if self.p.rec.active {
            let continues = if self.p.tentative {
                starts_with_amount(toks) && !has_totale(toks)
            } else {
                !has_totale(toks) && single_text(toks).is_none_or(|(t, _)| !is_part_heading(t))
            };
            if continues {
                self.p.rec.extend(line.span, toks);
                if self
                    .p
                    .complete(layout::riga(SezioneId::RiepilogoVincolate).len())
                {
                    self.close(ctx);
                }
                return;
            }
            self.close(ctx);
        }
        if starts_with_amount(toks) || has_totale(toks) {
            let kind = if has_totale(toks) {
                Kind::Totale
            } else {
                Kind::Riga
            };
            self.p.start(kind, line, toks);
            if self
                .p
                .complete(layout::riga(SezioneId::RiepilogoVincolate).len())
            {
                self.close(ctx);
            }
            return;
        }
        if let Some((t, sp)) = single_text(toks) {
            if is_part_heading(t) {
                self.r.parti.push(ParteVincolate {
                    span: sp,
                    intestazione: Some(testo(t, sp)),
                    direzione: None,
                    righe: Vec::new(),
                    totale: None,
                });
                return;
            }
            if t.starts_with("DIREZIONE") {
                let p = self.parte(sp, ctx);
                if p.direzione.is_none() {
                    p.direzione = Some(testo(t, sp));
                    p.span = p.span.join(sp);
                    return;
                }
            }
        }
        ctx.unrecognised(line.span, SezioneId::RiepilogoVincolate, EXPECTED_VINCOLATE);
    }

    /// Close any pending record and return the section.
    pub fn finish(mut self, ctx: &mut Ctx) -> RiepilogoVincolate {
        if self.p.rec.active {
            self.close(ctx);
        }
        self.r
    }

    fn parte(&mut self, sp: Span, ctx: &mut Ctx) -> &mut ParteVincolate {
        if self.r.parti.is_empty() {
            ctx.out_of_place(sp, "parse-where-before-part", "parse-expect-part");
            self.r.parti.push(ParteVincolate {
                span: sp,
                intestazione: None,
                direzione: None,
                righe: Vec::new(),
                totale: None,
            });
        }
        self.r.parti.last_mut().expect("pushed above")
    }

    fn close(&mut self, ctx: &mut Ctx) {
        self.p.rec.active = false;
        let id = SezioneId::RiepilogoVincolate;
        let span = self.p.rec.span;
        if self.p.kind == Kind::Totale {
            if !self.p.rec.has_amount() {
                return missing_amounts(ctx, span, id);
            }
            if let Some(t) = total_of(id, LivelloTotale::Parte, &self.p.rec, self.anno, ctx) {
                let p = self.parte(span, ctx);
                p.span = p.span.join(span);
                if p.totale.is_none() {
                    p.totale = Some(t);
                } else {
                    ctx.out_of_place(
                        span,
                        "parse-where-after-part-total",
                        "parse-expect-new-part",
                    );
                }
            }
            return;
        }
        let Some(parts) = self.p.rec.parts(ctx) else {
            return;
        };
        let layout = layout::riga(id);
        if !parts.check_count(ctx, span, "vincolate-row", layout, self.anno) {
            return;
        }
        let help = "parse-1c-row-help";
        let Some((t, tsp)) = parts.take_inner(ctx, Some(2), help) else {
            ctx.push(ParseDiagnostic::new(
                ParseCode::UnrecognisedLine,
                span,
                crate::msg!("parse-1c-no-titolo"),
                crate::tr!("parse-1c-no-titolo-label"),
                crate::lingua::testo(help, None),
            ));
            return;
        };
        let Some((code, name)) = titolo_code(t) else {
            ctx.push(ParseDiagnostic::new(
                ParseCode::UnexpectedText,
                tsp,
                crate::msg!("parse-not-titolo", text = t),
                crate::tr!("parse-not-titolo-label"),
                crate::lingua::testo(help, None),
            ));
            return;
        };
        let (importi, _, spans_importi) = importi(false, layout, &parts.amounts);
        let riga = RigaTitolo {
            span,
            vincolato: parts.v.is_some(),
            titolo: code,
            descrizione: join_words(std::iter::once(name)),
            importi,
            spans_importi,
        };
        let p = self.parte(span, ctx);
        p.span = p.span.join(span);
        p.righe.push(riga);
    }
}

impl Default for VincolateBuilder<'_> {
    fn default() -> Self {
        Self::new()
    }
}

fn is_part_heading(t: &str) -> bool {
    t.starts_with("ENTRATE") || t.starts_with("SPESE")
}

/// `2 TRASFERIMENTI CORRENTI`: a one-digit titolo and its name.
fn titolo_code(t: &str) -> Option<(u8, &str)> {
    let (c, n) = t.split_once(' ')?;
    if c.len() != 1 {
        return None;
    }
    Some((c.parse().ok()?, n))
}

/// Builds sections 1.D and 2.C.
pub struct MissioniBuilder<'a> {
    id: SezioneId,
    anno: Option<u16>,
    r: RiepilogoMissioni,
    p: Pending<'a>,
}

/// Catalogue id of the help line.
const EXPECTED_MISSIONI: &str = "parse-expected-missioni";

impl<'a> MissioniBuilder<'a> {
    /// A builder for 1.D or 2.C.
    pub fn new(id: SezioneId) -> Self {
        MissioniBuilder {
            id,
            anno: None,
            r: RiepilogoMissioni {
                intestazione: None,
                direzione: None,
                missioni: Vec::new(),
                totale_direzione: None,
                totale_generale: None,
            },
            p: Pending::new(),
        }
    }

    /// The section year.
    pub fn set_anno(&mut self, anno: Option<u16>) {
        self.anno = anno;
    }

    /// A record is waiting for more lines.
    pub fn has_pending(&self) -> bool {
        self.p.rec.active
    }

    /// True when nothing was read.
    pub fn is_empty(&self) -> bool {
        self.r.missioni.is_empty() && self.r.totale_direzione.is_none()
    }

    /// In 1.D rows start with their code; in 2.C with their amounts.
    fn code_first(&self) -> bool {
        self.id == SezioneId::RiepilogoSpesaCorrente
    }

    fn expected(&self) -> usize {
        layout::riga(self.id).len()
    }

    /// Take one non-blank line.
    pub fn line(&mut self, line: &Line<'a>, toks: &[Tok<'a>], ctx: &mut Ctx) {
        if self.p.rec.active {
            let plain = single_text(toks).is_some_and(|(t, _)| {
                recognise::coded_name(t).is_none() && !recognise::has_totale(t)
            });
            let continues = if self.p.tentative {
                starts_with_amount(toks) && !has_totale(toks)
            } else if self.p.kind == Kind::Codice && !self.p.rec.has_amount() {
                // A code and a name so far: a wrapped name, or the amounts of a 1.D row.
                plain || (self.code_first() && starts_with_amount(toks))
            } else {
                // Amounts and text so far: waiting for the amounts after the label.
                !has_totale(toks) && (plain || starts_with_amount(toks))
            };
            if continues {
                self.p.rec.extend(line.span, toks);
                let expected = self.expected();
                if self.p.complete(expected) {
                    self.close(ctx);
                }
                return;
            }
            self.close(ctx);
        }
        let kind = if has_totale(toks) {
            Some(Kind::Totale)
        } else if starts_with_amount(toks) {
            Some(Kind::Riga)
        } else {
            match toks.first() {
                Some(Tok::Text(t, _)) if recognise::coded_name(t).is_some() => Some(Kind::Codice),
                _ => None,
            }
        };
        if let Some(kind) = kind {
            self.p.start(kind, line, toks);
            let expected = self.expected();
            if self.p.complete(expected) {
                self.close(ctx);
            }
            return;
        }
        if let Some((t, sp)) = single_text(toks) {
            if self.r.intestazione.is_none() && is_part_heading(t) {
                let t = recognise::heading(t)
                    .and_then(|h| match h {
                        recognise::Heading::Titolo(c, n) => Some(format!("{n} TITOLO {c}")),
                        _ => None,
                    })
                    .unwrap_or_else(|| t.to_string());
                self.r.intestazione = Some(testo(&t, sp));
                return;
            }
            if self.r.direzione.is_none() && t.starts_with("DIREZIONE") {
                self.r.direzione = Some(testo(t, sp));
                return;
            }
        }
        ctx.unrecognised(line.span, self.id, EXPECTED_MISSIONI);
    }

    /// Close any pending record and return the section.
    pub fn finish(mut self, ctx: &mut Ctx) -> RiepilogoMissioni {
        if self.p.rec.active {
            self.close(ctx);
        }
        self.r
    }

    fn missione(&mut self, sp: Span, ctx: &mut Ctx) -> &mut Missione {
        if self.r.missioni.is_empty() {
            ctx.out_of_place(sp, "parse-where-before-missione", "parse-expect-missione");
            self.r.missioni.push(Missione {
                span: sp,
                intestazione: None,
                programmi: Vec::new(),
                totale: None,
            });
        }
        self.r.missioni.last_mut().expect("pushed above")
    }

    fn livello(&self, label: &str) -> LivelloTotale {
        let direzione = self
            .r
            .direzione
            .as_ref()
            .is_some_and(|d| label.strip_prefix("Totale ") == Some(d.testo.as_str()));
        if direzione
            || label.split(' ').any(|w| {
                w.strip_prefix("DIR")
                    .is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
            })
        {
            LivelloTotale::Direzione
        } else if self.r.totale_direzione.is_some() {
            LivelloTotale::Sezione
        } else {
            LivelloTotale::Missione
        }
    }

    fn close(&mut self, ctx: &mut Ctx) {
        self.p.rec.active = false;
        self.p.tentative = false;
        let span = self.p.rec.span;
        match self.p.kind {
            Kind::Totale => {
                if !self.p.rec.has_amount() {
                    return missing_amounts(ctx, span, self.id);
                }
                let livello = self.livello(&self.p.rec.label());
                let Some(t) = total_of(self.id, livello, &self.p.rec, self.anno, ctx) else {
                    return;
                };
                let slot = match livello {
                    LivelloTotale::Direzione => &mut self.r.totale_direzione,
                    LivelloTotale::Sezione => &mut self.r.totale_generale,
                    _ => {
                        let m = self.missione(span, ctx);
                        m.span = m.span.join(span);
                        &mut m.totale
                    }
                };
                if slot.is_none() {
                    *slot = Some(t);
                } else {
                    ctx.out_of_place(
                        span,
                        "parse-where-after-same-total",
                        "parse-expect-new-missione",
                    );
                }
            }
            Kind::Codice if !self.p.rec.has_amount() => {
                // A code and a name with no amounts: a missione heading.
                let label = self.p.rec.label();
                let Some((code, name)) = recognise::coded_name(&label) else {
                    return ctx.unrecognised(span, self.id, EXPECTED_MISSIONI);
                };
                self.r.missioni.push(Missione {
                    span,
                    intestazione: Some(Intestazione {
                        span,
                        codice: code,
                        nome: name.to_string(),
                    }),
                    programmi: Vec::new(),
                    totale: None,
                });
            }
            Kind::Codice | Kind::Riga => {
                let Some(parts) = self.p.rec.parts(ctx) else {
                    return;
                };
                if let Some(r) = self.programma(&parts, span, ctx) {
                    let m = self.missione(span, ctx);
                    m.span = m.span.join(span);
                    m.programmi.push(r);
                }
            }
        }
    }

    fn programma(&self, parts: &Parts<'a>, span: Span, ctx: &mut Ctx) -> Option<RigaProgramma> {
        let layout = layout::riga(self.id);
        if !parts.check_count(ctx, span, "programma-row", layout, self.anno) {
            return None;
        }
        let help = if self.code_first() {
            "parse-1d-row-help"
        } else {
            "parse-2c-row-help"
        };
        let text = if self.code_first() {
            parts.take_inner(ctx, None, help);
            join_words(parts.lead.iter().map(|p| p.0))
        } else {
            for (s, sp) in &parts.lead {
                ctx.push(ParseDiagnostic::new(
                    ParseCode::UnexpectedText,
                    *sp,
                    crate::msg!("parse-unexpected-before", text = *s),
                    crate::tr!("parse-unexpected-label"),
                    crate::lingua::testo(help, None),
                ));
            }
            let inner: Vec<&str> = parts
                .inner
                .iter()
                .filter(|i| i.0 == 4)
                .map(|i| i.1)
                .collect();
            for &(at, s, sp) in &parts.inner {
                if at != 4 {
                    ctx.push(ParseDiagnostic::new(
                        ParseCode::UnexpectedText,
                        sp,
                        crate::msg!("parse-unexpected-among", text = s),
                        crate::tr!("parse-unexpected-label"),
                        crate::lingua::testo(help, None),
                    ));
                }
            }
            join_words(inner.into_iter())
        };
        let Some((programma, name)) = recognise::coded_name(&text) else {
            ctx.push(ParseDiagnostic::new(
                ParseCode::UnrecognisedLine,
                span,
                crate::msg!("parse-no-programma"),
                crate::tr!("parse-no-programma-label"),
                crate::lingua::testo(help, None),
            ));
            return None;
        };
        let missione = self
            .r
            .missioni
            .last()
            .and_then(|m| m.intestazione.as_ref())
            .map(|h| h.codice);
        let (importi, _, spans_importi) = importi(self.id.is_capitale(), layout, &parts.amounts);
        Some(RigaProgramma {
            span,
            programma,
            missione_programma: missione
                .and_then(|m| MissioneProgramma::parse(&format!("{m:02} {programma:02}"))),
            descrizione: name.to_string(),
            importi,
            spans_importi,
        })
    }
}
