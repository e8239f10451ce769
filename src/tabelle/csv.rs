//! Reading a CSV table through a profile: header resolution (years
//! included), the decimal convention settled over the whole file, then each
//! record read into a [`Grezza`] row or into located diagnostics. Records
//! are read one at a time from the text; nothing but the rows kept grows
//! with the file.

use std::collections::BTreeMap;

use super::messaggi as m;
use super::numeri::{Decimali, Prove};
use super::profilo::{normalizza, Campo, Profilo};
use super::riga::Riga1;
use super::testo::separatore;
use crate::ast::{Colonna, Riga, SezioneId, TipoGruppo};
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

/// Field -> column of the header.
pub(super) struct Colonne {
    /// Field -> column index and header as written.
    idx: Vec<(Campo, usize, String)>,
}

impl Colonne {
    pub(super) fn get(&self, c: Campo) -> Option<(usize, &str)> {
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
        return Err(m::vuota());
    };
    let Some(Ok(header)) = primi.get(hi) else {
        return Err(m::vuota());
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
                // The header's closest column, when one is close ("did you mean").
                let forse =
                    crate::simili::piu_simile(&normalizza(&h), headers.iter().map(String::as_str))
                        .and_then(|n| headers.iter().position(|x| x == n))
                        .map(|i| {
                            crate::tr!("cfg15-header-did-you-mean", name = written[i].as_str())
                        })
                        .unwrap_or_default();
                if obbligatorio(*campo, p) {
                    return Err(m::header_obbligatorio(&modello.chiave, &h, &p.nome) + &forse);
                }
                out.note
                    .push(m::header_mancante(&modello.chiave, &h) + &forse);
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
            .ok_or_else(m::vuota)?;
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
