//! One record of a table -> one chapter ([`Grezza`]) with the headings it
//! belongs under, or located diagnostics: the PEG key, the PDC, the titolo
//! and section, the amounts in the file's number form, classification,
//! flags and markers. Notes for what is left out are gathered at the end.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::csv::{Colonne, Grezza, Lette, MAX_DIAGNOSTICHE};
use super::messaggi as m;
use super::numeri::{importo, Decimali, ErroreImporto};
use super::profilo::{normalizza, Campo, Profilo};
use super::testo::{a1, celle};
use super::valori;
use crate::ast::{Colonna, Importi, ImportiCapitale, ImportiCorrenti, Riga, SezioneId, TipoGruppo};
use crate::codes::ChiavePeg;
use crate::diagnostic::{ParseCode, ParseDiagnostic};
use crate::span::Span;

/// The state of the record loop.
pub(super) struct Riga1<'a> {
    pub(super) testo: &'a str,
    pub(super) col0: usize,
    pub(super) sep: u8,
    pub(super) p: &'a Profilo,
    pub(super) col: &'a Colonne,
    pub(super) headers: &'a [String],
    pub(super) importi: &'a [(Colonna, usize)],
    pub(super) conv: Decimali,
    pub(super) anno: Option<u16>,
    pub(super) out: &'a mut Lette,
    pub(super) vuote: BTreeMap<usize, usize>,
    pub(super) fuori: BTreeMap<(bool, u8), usize>,
    pub(super) filtrate: usize,
    pub(super) troppi: bool,
}

fn testo_di<'r>(campo: Campo, get: &impl Fn(Campo) -> Option<C<'r>>) -> String {
    get(campo).map(|c| c.t.to_string()).unwrap_or_default()
}

/// One cell: text, span, name for messages.
struct C<'r> {
    t: &'r str,
    span: Span,
    nome: String,
}

impl Riga1<'_> {
    pub(super) fn diag(
        &mut self,
        code: ParseCode,
        span: Span,
        (msg, label, help): (String, String, String),
    ) {
        if self.out.diagnostiche.len() >= MAX_DIAGNOSTICHE {
            if !self.troppi {
                self.troppi = true;
                self.out.diagnostiche.push(ParseDiagnostic::new(
                    ParseCode::TooManyDiagnostics,
                    span,
                    m::troppi(MAX_DIAGNOSTICHE),
                    "",
                    "",
                ));
            }
            return;
        }
        self.out
            .diagnostiche
            .push(ParseDiagnostic::new(code, span, msg, label, help));
    }

    pub(super) fn record(
        &mut self,
        r: &::csv::StringRecord,
        row: u64,
        start: usize,
        kind_idx: Option<usize>,
    ) {
        let spans = celle(self.testo, start, self.sep);
        let end = spans.last().map_or(start, |s| s.end);
        let rspan = Span::new(start, end);
        if r.len() != self.headers.len() {
            self.diag(
                ParseCode::UnrecognisedLine,
                rspan,
                m::celle_contate(row, r.len(), self.headers.len()),
            );
        }
        let headers = self.headers;
        let col = self.col;
        let col0 = self.col0;
        let cella = |i: usize| -> C<'_> {
            let span = spans
                .get(i)
                .map_or(Span::new(end, end), |s| Span::new(s.start, s.end));
            C {
                t: r.get(i).unwrap_or("").trim(),
                span,
                nome: m::cella(
                    &a1(i + col0, row),
                    headers.get(i).map_or("", |h| h.as_str()),
                ),
            }
        };
        let get = |c: Campo| col.get(c).map(|(i, _)| cella(i));

        // The PEG key.
        let chiave = match get(Campo::Chiave) {
            Some(c) => match valori::chiave(c.t) {
                Some(k) => Some((k, c.span)),
                None if c.t.is_empty() => None,
                None => {
                    self.diag(
                        ParseCode::UnexpectedText,
                        c.span,
                        m::codice(&c.nome, c.t, "PEG key (capitolo articolo numero)"),
                    );
                    return;
                }
            },
            None => {
                let mut parti = [0u32; 3];
                let mut span: Option<Span> = None;
                let mut vuoto = false;
                for (j, campo) in [Campo::Capitolo, Campo::Articolo, Campo::Numero]
                    .into_iter()
                    .enumerate()
                {
                    let Some(c) = get(campo) else { continue };
                    span = Some(span.map_or(c.span, |s| s.join(c.span)));
                    if c.t.is_empty() {
                        vuoto |= campo != Campo::Numero;
                        continue;
                    }
                    match valori::intero(c.t) {
                        Some(n) => parti[j] = n,
                        None => {
                            self.diag(
                                ParseCode::UnexpectedText,
                                c.span,
                                m::codice(&c.nome, c.t, campo.nome()),
                            );
                            return;
                        }
                    }
                }
                (!vuoto).then(|| {
                    (
                        ChiavePeg {
                            capitolo: parti[0],
                            articolo: parti[1],
                            numero: parti[2],
                        },
                        span.unwrap_or(rspan),
                    )
                })
            }
        };
        let Some((chiave, chiave_span)) = chiave else {
            self.diag(ParseCode::UnrecognisedLine, rspan, m::senza_chiave(row));
            return;
        };

        // PDC, titolo, section.
        let pdc = match get(Campo::Pdc) {
            Some(c) if !c.t.is_empty() => match valori::pdc(c.t) {
                Some(p) => Some(p),
                None => {
                    self.diag(ParseCode::InvalidPdc, c.span, m::pdc(&c.nome, c.t));
                    None
                }
            },
            _ => None,
        };
        let titolo = match get(Campo::TitoloCodice) {
            Some(c) if !c.t.is_empty() => match valori::titolo(c.t) {
                Some(t) => Some((t, testo_di(Campo::TitoloNome, &get), c.span)),
                None => {
                    self.diag(
                        ParseCode::UnexpectedText,
                        c.span,
                        m::codice(&c.nome, c.t, "titolo"),
                    );
                    return;
                }
            },
            _ => None,
        };
        let sezione = match (get(Campo::Sezione), kind_idx) {
            (Some(c), _) => match SezioneId::from_code(c.t).filter(|s| {
                matches!(
                    s,
                    SezioneId::EntrateCorrenti
                        | SezioneId::SpeseCorrenti
                        | SezioneId::EntrateCapitale
                        | SezioneId::SpeseCapitale
                )
            }) {
                Some(s) => s,
                None => {
                    self.diag(
                        ParseCode::UnrecognisedLine,
                        c.span,
                        m::sezione(&c.nome, c.t),
                    );
                    return;
                }
            },
            (None, Some(k)) => {
                let c = cella(k);
                let Some(t) = &self.p.tipo else { return };
                let v = normalizza(c.t);
                let entrata = if t.entrate.iter().any(|e| normalizza(e) == v) {
                    true
                } else if t.uscite.iter().any(|e| normalizza(e) == v) {
                    false
                } else {
                    let d = m::tipo(&c.nome, c.t, &t.entrate, &t.uscite);
                    self.diag(ParseCode::UnrecognisedLine, c.span, d);
                    return;
                };
                let Some(tit) = titolo.as_ref().map(|t| t.0).or(pdc.map(|p| p.titolo())) else {
                    self.diag(ParseCode::UnrecognisedLine, rspan, m::senza_titolo(row));
                    return;
                };
                match valori::sezione_di(entrata, tit) {
                    Some(s) => s,
                    None => {
                        *self.fuori.entry((entrata, tit)).or_default() += 1;
                        return;
                    }
                }
            }
            (None, None) => return,
        };

        // Amounts.
        let mut imp = if sezione.is_capitale() {
            Importi::Capitale(ImportiCapitale::default())
        } else {
            Importi::Correnti(ImportiCorrenti::default())
        };
        let mut imp_span: Option<Span> = None;
        let mut spans_importi = crate::ast::SpanImporti::default();
        for &(colonna, i) in self.importi {
            let c = cella(i);
            if imp.get(colonna).is_none() {
                // A "di cui" column on a current chapter: the section has no
                // such column, so only a written amount other than zero is wrong.
                if !matches!(importo(c.t, self.conv), Ok(None))
                    && !matches!(importo(c.t, self.conv), Ok(Some(v)) if v.is_zero())
                {
                    self.diag(
                        ParseCode::UnexpectedText,
                        c.span,
                        m::colonna_estranea(&c.nome, c.t, sezione.code()),
                    );
                }
                continue;
            }
            let v = match importo(c.t, self.conv) {
                Ok(Some(v)) => v,
                Ok(None) => {
                    *self.vuote.entry(i).or_default() += 1;
                    Decimal::ZERO
                }
                Err(e) => {
                    let d = match e {
                        ErroreImporto::NonNumero => m::non_importo(&c.nome, c.t),
                        ErroreImporto::Ambiguo => m::ambiguo(&c.nome, c.t),
                        ErroreImporto::AltraConvenzione => {
                            m::altra_convenzione(&c.nome, c.t, self.conv == Decimali::Virgola)
                        }
                        ErroreImporto::Troppo => m::troppo(&c.nome, c.t),
                    };
                    self.diag(ParseCode::MalformedAmount, c.span, d);
                    Decimal::ZERO
                }
            };
            // A column the section's shape lacks (a "di cui" of a current row) is not an error when empty or zero.
            imp.set(colonna, v);
            spans_importi.set(colonna, c.span);
            imp_span = Some(imp_span.map_or(c.span, |s| s.join(c.span)));
        }

        // Classification and markers.
        let missione_programma = if sezione.is_spesa() {
            self.mp(&get)
        } else {
            None
        };
        let flag = |s: &mut Self, campo: Campo| -> Option<bool> {
            let c = get(campo)?;
            let v = c.t.to_lowercase();
            if s.p.vero.contains(&v) {
                Some(true)
            } else if s.p.falso.contains(&v) {
                Some(false)
            } else {
                s.diag(ParseCode::UnexpectedText, c.span, m::flag(&c.nome, c.t));
                Some(false)
            }
        };
        let vincolato = flag(self, Campo::Vincolato).unwrap_or(false);
        let nr = flag(self, Campo::NonRipetuto);
        let ast = flag(self, Campo::Asterisco);
        let (descrizione, nr_testo, ast_testo) =
            valori::descrizione(&testo_di(Campo::Descrizione, &get));

        let settore = match get(Campo::SettoreCodice) {
            Some(c) if !c.t.is_empty() => match valori::intero(c.t) {
                Some(n) => Some((n, testo_di(Campo::SettoreNome, &get), c.span)),
                None => {
                    self.diag(
                        ParseCode::UnexpectedText,
                        c.span,
                        m::codice(&c.nome, c.t, "Settore code"),
                    );
                    None
                }
            },
            _ => None,
        };
        let livello = get(Campo::LivelloGruppo).map(|c| c.t.to_lowercase());
        let tipo_gruppo = match livello.as_deref() {
            Some("tipologia") => TipoGruppo::Tipologia,
            Some("macroaggregato") => TipoGruppo::Macroaggregato,
            Some(_) => TipoGruppo::Nessuno,
            None => match sezione {
                SezioneId::EntrateCorrenti | SezioneId::EntrateCapitale => TipoGruppo::Tipologia,
                _ => TipoGruppo::Macroaggregato,
            },
        };
        let gruppo = match get(Campo::GruppoCodice) {
            Some(c) if !c.t.is_empty() && tipo_gruppo != TipoGruppo::Nessuno => {
                match valori::gruppo(c.t) {
                    Some(g) => Some((g, testo_di(Campo::GruppoNome, &get), c.span)),
                    None => {
                        self.diag(
                            ParseCode::UnexpectedText,
                            c.span,
                            m::codice(&c.nome, c.t, "tipologia / macroaggregato code"),
                        );
                        None
                    }
                }
            }
            _ => None,
        };
        let tipo_gruppo =
            if gruppo.is_none() && livello.is_none() && sezione == SezioneId::SpeseCapitale {
                TipoGruppo::Nessuno
            } else {
                tipo_gruppo
            };
        let direzione = get(Campo::DirezioneCodice)
            .filter(|c| !c.t.is_empty())
            .map(|c| {
                (
                    c.t.to_string(),
                    testo_di(Campo::DirezioneNome, &get),
                    c.span,
                )
            });
        let anno = match get(Campo::Anno) {
            Some(c) if !c.t.is_empty() => {
                match valori::intero(c.t).and_then(|n| u16::try_from(n).ok()) {
                    Some(a) => Some(a),
                    None => {
                        self.diag(
                            ParseCode::UnexpectedText,
                            c.span,
                            m::codice(&c.nome, c.t, "year"),
                        );
                        self.anno
                    }
                }
            }
            _ => self.anno,
        };
        self.out.righe.push(Grezza {
            report: get(Campo::Report)
                .map(|c| c.t.to_string())
                .unwrap_or_default(),
            anno,
            direzione,
            sezione,
            settore,
            titolo,
            gruppo: (tipo_gruppo, gruppo),
            riga: Riga {
                span: rspan,
                chiave,
                chiave_span,
                pdc: if sezione.is_capitale() { None } else { pdc },
                descrizione,
                vincolato,
                non_ripetuto: nr.unwrap_or(nr_testo),
                asterisco: ast.unwrap_or(ast_testo),
                importi: imp,
                importi_span: imp_span.unwrap_or(rspan),
                spans_importi,
                missione_programma,
            },
        });
    }

    fn mp<'r>(
        &mut self,
        get: &impl Fn(Campo) -> Option<C<'r>>,
    ) -> Option<crate::codes::MissioneProgramma> {
        if let Some(c) = get(Campo::MissioneProgramma) {
            if c.t.is_empty() {
                return None;
            }
            let r = valori::missione_programma(c.t);
            if r.is_none() {
                self.diag(
                    ParseCode::InvalidMissioneProgramma,
                    c.span,
                    m::missione_programma(&c.nome, c.t),
                );
            }
            return r;
        }
        let (mi, pr) = (get(Campo::Missione)?, get(Campo::Programma)?);
        if mi.t.is_empty() && pr.t.is_empty() {
            return None;
        }
        let r = valori::missione_e_programma(mi.t, pr.t);
        if r.is_none() {
            let span = mi.span.join(pr.span);
            let t = format!("{} {}", mi.t, pr.t);
            self.diag(
                ParseCode::InvalidMissioneProgramma,
                span,
                m::missione_programma(&mi.nome, &t),
            );
        }
        r
    }

    pub(super) fn chiudi(&mut self) {
        if self.filtrate > 0 {
            self.out.note.push(m::filtrate(self.filtrate));
        }
        if !self.fuori.is_empty() {
            let n: usize = self.fuori.values().sum();
            let t: Vec<String> = self
                .fuori
                .iter()
                .map(|((e, t), n)| {
                    format!("{} titolo {t}: {n}", if *e { "entrate" } else { "uscite" })
                })
                .collect();
            self.out.note.push(m::fuori_sezione(n, &t.join(", ")));
        }
        for (i, n) in &self.vuote {
            self.out.note.push(m::vuote(
                *n,
                self.headers.get(*i).map_or("", |h| h.as_str()),
            ));
        }
    }
}
