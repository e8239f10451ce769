//! Reading a CSV table through a profile: header resolution (years
//! included), the decimal convention settled over the whole file, then each
//! record read into a [`Grezza`] row or into located diagnostics. Records
//! are read one at a time from the text; nothing but the rows kept grows
//! with the file.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::messaggi as m;
use super::numeri::{importo, Decimali, ErroreImporto, Prove};
use super::profilo::{normalizza, Campo, Profilo};
use super::testo::{a1, celle, separatore};
use super::valori;
use crate::ast::{Colonna, Importi, ImportiCapitale, ImportiCorrenti, Riga, SezioneId, TipoGruppo};
use crate::codes::ChiavePeg;
use crate::diagnostic::{ParseCode, ParseDiagnostic};
use crate::span::Span;

/// How many diagnostics are listed before the rest are only counted.
pub const MAX_DIAGNOSTICHE: usize = 500;

/// A heading read from a row: code, name, where.
pub type Testata<C> = Option<(C, String, Span)>;

/// One chapter read from a record, with the headings it belongs under.
#[derive(Debug, Clone)]
pub struct Grezza {
    /// The `report` cell (which report of an export), or empty.
    pub report: String,
    /// The budget year.
    pub anno: Option<u16>,
    /// Direzione code and name.
    pub direzione: Testata<String>,
    /// The section.
    pub sezione: SezioneId,
    /// Settore.
    pub settore: Testata<u32>,
    /// Titolo.
    pub titolo: Testata<u8>,
    /// Kind of the group level and its heading.
    pub gruppo: (TipoGruppo, Testata<u8>),
    /// The chapter.
    pub riga: Riga,
}

/// What the table holds, for the rules and the reconciliation.
#[derive(Debug, Clone, Default)]
pub struct Copertura {
    /// The fields whose column was found.
    pub campi: Vec<Campo>,
}

impl Copertura {
    /// True when the table has the field.
    pub fn ha(&self, c: Campo) -> bool {
        self.campi.contains(&c)
    }

    /// True when the table has the amount column.
    pub fn ha_colonna(&self, c: Colonna) -> bool {
        self.ha(Campo::Importo(c))
    }
}

/// Everything read from a table.
#[derive(Debug, Default)]
pub struct Lette {
    /// The rows, in file order.
    pub righe: Vec<Grezza>,
    /// Located problems.
    pub diagnostiche: Vec<ParseDiagnostic>,
    /// What the table holds.
    pub copertura: Copertura,
    /// What was left out or read specially, said once each.
    pub note: Vec<String>,
}

struct Colonne {
    /// Field -> column index and header as written.
    idx: Vec<(Campo, usize, String)>,
}

impl Colonne {
    fn get(&self, c: Campo) -> Option<(usize, &str)> {
        self.idx
            .iter()
            .find(|(k, _, _)| *k == c)
            .map(|(_, i, h)| (*i, h.as_str()))
    }
}

/// Where the text comes from: a spreadsheet's sheet fixes the separator
/// and may start below row 1 or right of column A.
#[derive(Debug, Clone, Copy)]
pub struct Origine {
    /// The separator, when the source fixes it.
    pub separatore: Option<u8>,
    /// The 1-based row of the header.
    pub riga0: u64,
    /// The 0-based column of the first cell.
    pub col0: usize,
}

impl Default for Origine {
    fn default() -> Self {
        Origine {
            separatore: None,
            riga0: 1,
            col0: 0,
        }
    }
}

/// Read the decoded `testo` with `p`. `Err`: nothing can be read (no
/// header, a needed column missing); the message says why.
pub fn leggi(testo: &str, p: &Profilo) -> Result<Lette, String> {
    leggi_da(testo, p, &Origine::default())
}

/// [`leggi`] of text from `o`.
pub fn leggi_da(testo: &str, p: &Profilo, o: &Origine) -> Result<Lette, String> {
    let sep = o
        .separatore
        .or(p.separatore)
        .unwrap_or_else(|| separatore(testo));
    let reader = || {
        ::csv::ReaderBuilder::new()
            .delimiter(sep)
            .has_headers(false)
            .flexible(true)
            .from_reader(testo.as_bytes())
    };
    let mut rd = reader();
    let mut records = rd.records();
    // The header is the first of the first rows that has every column the
    // profile needs (titles and notes may come above it), else the first
    // row that is not blank (and the missing column is said).
    let primi: Vec<Result<::csv::StringRecord, ::csv::Error>> =
        records.by_ref().take(MAX_RIGHE_PRIMA).collect();
    let ok = |r: &Result<::csv::StringRecord, ::csv::Error>,
              f: &dyn Fn(&::csv::StringRecord) -> bool| { r.as_ref().is_ok_and(f) };
    let Some(hi) = primi
        .iter()
        .position(|r| ok(r, &|h| e_header(p, h)))
        .or_else(|| {
            primi
                .iter()
                .position(|r| ok(r, &|h| h.iter().any(|c| !c.trim().is_empty())))
        })
    else {
        return Err(m::VUOTA.into());
    };
    let Some(Ok(header)) = primi.get(hi) else {
        return Err(m::VUOTA.into());
    };
    let header = header.clone();
    let resto = primi.into_iter().skip(hi + 1);
    let headers: Vec<String> = header.iter().map(normalizza).collect();
    let written: Vec<String> = header.iter().map(|h| h.trim().to_string()).collect();
    let mut out = Lette::default();
    let anno = match p.anno {
        Some(a) => Some(a),
        None => anno_dai_header(p, &headers)?,
    };
    let mut idx = Vec::new();
    for (campo, modello) in &p.colonne {
        let want = modello.per_anno(anno);
        match want.and_then(|w| headers.iter().position(|h| *h == w)) {
            Some(i) => idx.push((*campo, i, written[i].clone())),
            None => {
                let h = modello
                    .per_anno(anno)
                    .unwrap_or_else(|| modello.testo.clone());
                if obbligatorio(*campo, p) {
                    return Err(m::header_obbligatorio(&modello.chiave, &h, &p.nome));
                }
                out.note.push(m::header_mancante(&modello.chiave, &h));
            }
        }
    }
    let col = Colonne { idx };
    let (kind_idx, filtri) = colonne_di_servizio(p, &headers, anno)?;
    if !col
        .idx
        .iter()
        .any(|(c, _, _)| matches!(c, Campo::Importo(_)))
    {
        let (_, mo) = p
            .colonne
            .iter()
            .find(|(c, _)| matches!(c, Campo::Importo(_)))
            .ok_or_else(|| m::VUOTA.to_string())?;
        return Err(m::header_obbligatorio(
            &mo.chiave,
            &mo.per_anno(anno).unwrap_or_default(),
            &p.nome,
        ));
    }
    out.copertura.campi = col.idx.iter().map(|(c, _, _)| *c).collect();
    let importi: Vec<(Colonna, usize)> = col
        .idx
        .iter()
        .filter_map(|(c, i, _)| match c {
            Campo::Importo(k) => Some((*k, *i)),
            _ => None,
        })
        .collect();
    // The convention: the profile's, or the one the whole file's cells settle.
    let conv = match p.decimali {
        Decimali::Auto => {
            let mut prove = Prove::default();
            for r in reader().records().skip(1).flatten() {
                for (_, i) in &importi {
                    if let Some(c) = r.get(*i) {
                        prove.conta(c);
                    }
                }
            }
            prove.decidi()
        }
        d => d,
    };
    let mut ctx = Riga1 {
        testo,
        col0: o.col0,
        sep,
        p,
        col: &col,
        headers: &written,
        importi: &importi,
        conv,
        anno,
        out: &mut out,
        vuote: BTreeMap::new(),
        fuori: BTreeMap::new(),
        filtrate: 0,
        troppi: false,
    };
    for (n, r) in resto.chain(records).enumerate() {
        let row = (n + hi) as u64 + 1 + o.riga0;
        match r {
            Ok(r) => {
                // After a CRLF the reader's position is the `\n` of the
                // line before: the record starts after it.
                let mut start = r.position().map_or(0, |pos| pos.byte() as usize);
                while matches!(testo.as_bytes().get(start), Some(b'\r' | b'\n')) {
                    start += 1;
                }
                if r.iter().all(|c| c.trim().is_empty()) {
                    continue;
                }
                if !tieni(&r, &filtri) {
                    ctx.filtrate += 1;
                    continue;
                }
                ctx.record(&r, row, start, kind_idx);
            }
            Err(e) => {
                let at = e.position().map_or(testo.len(), |pos| pos.byte() as usize);
                ctx.diag(
                    ParseCode::UnrecognisedLine,
                    Span::new(at, at + 1),
                    (
                        format!("row {row}: {e}"),
                        "unreadable".into(),
                        "check the quotes of the row".into(),
                    ),
                );
            }
        }
    }
    ctx.chiudi();
    Ok(out)
}

/// True when the header of `testo` has every column `p` needs (the
/// auto-detection of the profile when `--profile` is not given).
pub fn riconosce(testo: &str, p: &Profilo, o: &Origine) -> bool {
    let sep = o
        .separatore
        .or(p.separatore)
        .unwrap_or_else(|| separatore(testo));
    let mut rd = ::csv::ReaderBuilder::new()
        .delimiter(sep)
        .has_headers(false)
        .flexible(true)
        .from_reader(testo.as_bytes());
    rd.records()
        .take(MAX_RIGHE_PRIMA)
        .flatten()
        .any(|h| e_header(p, &h))
}

/// How many rows may come before the header (titles, notes, blank rows).
pub const MAX_RIGHE_PRIMA: usize = 20;

/// True when `h` has every column `p` needs.
fn e_header(p: &Profilo, h: &::csv::StringRecord) -> bool {
    let headers: Vec<String> = h.iter().map(normalizza).collect();
    let anno = p.anno.or(anno_dai_header(p, &headers).ok().flatten());
    let trovata =
        |mo: &super::profilo::Modello| mo.per_anno(anno).is_some_and(|w| headers.contains(&w));
    p.colonne
        .iter()
        .filter(|(c, _)| obbligatorio(*c, p))
        .all(|(_, mo)| trovata(mo))
        && p.colonne
            .iter()
            .any(|(c, mo)| matches!(c, Campo::Importo(_)) && trovata(mo))
        && colonne_di_servizio(p, &headers, anno).is_ok()
}

/// The fields without which no chapter can be read.
fn obbligatorio(c: Campo, p: &Profilo) -> bool {
    match c {
        Campo::Chiave | Campo::Capitolo | Campo::Articolo | Campo::Sezione => true,
        Campo::TitoloCodice => p.tipo.is_some() && p.colonna(Campo::Pdc).is_none(),
        _ => false,
    }
}

/// The budget year from the headers: of the years the headers name, the
/// one for which most of the profile's year columns are there (`Previsione
/// 2023`, `Previsione 2022`, `Rendiconto 2022` is 2023, not 2022); on a tie
/// the earliest (a three-year budget names three forecasts).
fn anno_dai_header(p: &Profilo, headers: &[String]) -> Result<Option<u16>, String> {
    let con_anno: Vec<_> = p.colonne.iter().filter(|(_, mo)| mo.ha_anno()).collect();
    let Some(primo) = con_anno
        .iter()
        .find(|(c, _)| *c == Campo::Importo(Colonna::Previsione))
        .or(con_anno.first())
    else {
        return Ok(None);
    };
    let mut candidati: Vec<u16> = con_anno
        .iter()
        .flat_map(|(_, mo)| headers.iter().filter_map(|h| mo.anno_di(h)))
        .collect();
    candidati.sort_unstable();
    candidati.dedup();
    let punti = |a: u16| {
        con_anno
            .iter()
            .filter(|(_, mo)| mo.per_anno(Some(a)).is_some_and(|w| headers.contains(&w)))
            .count()
    };
    // max_by_key keeps the last of equal keys: walk the years backwards.
    match candidati.into_iter().rev().max_by_key(|a| punti(*a)) {
        Some(a) => Ok(Some(a)),
        None => Err(m::senza_anno(&primo.1.chiave, &primo.1.testo)),
    }
}

type Filtri = Vec<(usize, Vec<String>, bool)>;

fn colonne_di_servizio(
    p: &Profilo,
    headers: &[String],
    anno: Option<u16>,
) -> Result<(Option<usize>, Filtri), String> {
    let trova = |mo: &super::profilo::Modello| -> Result<usize, String> {
        let w = mo.per_anno(anno).unwrap_or_default();
        headers
            .iter()
            .position(|h| *h == w)
            .ok_or_else(|| m::header_obbligatorio(&mo.chiave, &mo.testo, &p.nome))
    };
    let kind = match (&p.tipo, p.colonna(Campo::Sezione)) {
        (Some(t), None) => Some(trova(&t.colonna)?),
        _ => None,
    };
    let mut filtri = Vec::new();
    for f in &p.filtri {
        filtri.push((
            trova(&f.colonna)?,
            f.valori.iter().map(|v| normalizza(v)).collect(),
            f.escludi,
        ));
    }
    Ok((kind, filtri))
}

fn tieni(r: &::csv::StringRecord, filtri: &Filtri) -> bool {
    filtri.iter().all(|(i, vals, escludi)| {
        let c = normalizza(r.get(*i).unwrap_or(""));
        vals.contains(&c) != *escludi
    })
}

/// The state of the record loop.
struct Riga1<'a> {
    testo: &'a str,
    col0: usize,
    sep: u8,
    p: &'a Profilo,
    col: &'a Colonne,
    headers: &'a [String],
    importi: &'a [(Colonna, usize)],
    conv: Decimali,
    anno: Option<u16>,
    out: &'a mut Lette,
    vuote: BTreeMap<usize, usize>,
    fuori: BTreeMap<(bool, u8), usize>,
    filtrate: usize,
    troppi: bool,
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
    fn diag(&mut self, code: ParseCode, span: Span, (msg, label, help): (String, String, String)) {
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

    fn record(&mut self, r: &::csv::StringRecord, row: u64, start: usize, kind_idx: Option<usize>) {
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

    fn chiudi(&mut self) {
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
