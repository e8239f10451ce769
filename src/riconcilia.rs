//! `quadra reconcile`: a report and a table of the same chapters (open
//! data, a spreadsheet) matched by PEG key. What differs is listed chapter
//! by chapter (only on one side, other amounts per column, other
//! classification) and as sums per Settore and Direzione; each difference
//! has a stable identity (kind, Direzione, section, PEG key or subject), so
//! a list of accepted differences survives edits that move lines.
//!
//! Only what the table holds is compared: a table without a V flag says
//! nothing about V flags, a table without the prior-year forecast nothing
//! about that column.

pub mod baseline;
pub mod print;

use std::collections::{BTreeMap, HashMap, VecDeque};

use rust_decimal::Decimal;
use serde::Serialize;

use crate::ast::{Colonna, Corpo, Documento, RigaInContesto, SezioneId};
use crate::codes::ChiavePeg;
use crate::span::{LineIndex, Span};
use crate::tabelle::profilo::Campo;
use crate::tabelle::Copertura;

/// One side of the reconciliation: a document and where its text is.
pub struct Lato<'a> {
    /// The path as given.
    pub nome: &'a str,
    /// The text the spans index.
    pub bytes: &'a [u8],
    /// Its line index.
    pub index: &'a LineIndex,
    /// The chapters.
    pub doc: &'a Documento,
}

impl Lato<'_> {
    fn riga(&self, s: Span) -> usize {
        self.index.locate(self.bytes, s).line
    }
}

/// What kind of difference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Genere {
    /// A chapter of the report the table does not hold.
    OnlyInReport,
    /// A chapter of the table the report does not hold.
    OnlyInData,
    /// Other amounts in some column.
    Amounts,
    /// Other section, Settore, titolo, group, PDC, missione-programma or V flag.
    Classification,
    /// The chapters of a Settore or Direzione sum differently.
    Total,
}

impl Genere {
    /// The name in JSON and in identities.
    pub fn nome(self) -> &'static str {
        match self {
            Genere::OnlyInReport => "only_in_report",
            Genere::OnlyInData => "only_in_data",
            Genere::Amounts => "amounts",
            Genere::Classification => "classification",
            Genere::Total => "total",
        }
    }
}

/// A field that differs: its name, the report's value, the table's value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Campo2 {
    /// Field name (`missione_programma`, `pdc`, `vincolato`...).
    pub field: &'static str,
    /// In the report.
    pub report: String,
    /// In the table.
    pub data: String,
}

/// An amount column that differs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Importo2 {
    /// The column.
    pub column: Colonna,
    /// In the report.
    pub report: Decimal,
    /// In the table.
    pub data: Decimal,
    /// Table minus report.
    pub difference: Decimal,
}

/// One difference, located on both sides where it exists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Differenza {
    /// What kind.
    pub kind: Genere,
    /// The Direzione code, when known.
    pub direzione: Option<String>,
    /// The section.
    pub section: SezioneId,
    /// The chapter (none for totals).
    pub key: Option<ChiavePeg>,
    /// `Settore 51`, `Direzione DIR07` for totals; the description for chapters.
    pub subject: String,
    /// Line in the report.
    pub report_line: Option<usize>,
    /// Line in the table.
    pub data_line: Option<usize>,
    /// Fields that differ.
    pub fields: Vec<Campo2>,
    /// Amounts that differ.
    pub amounts: Vec<Importo2>,
    /// Where on the report's side (the chapter, the declared total, or the
    /// report of the Direzione): what a baseline identifies the report by.
    #[serde(skip)]
    pub report_span: Span,
}

impl Differenza {
    /// The identity that survives line moves: kind, Direzione, section,
    /// then the PEG key or the subject of a total.
    pub fn identita(&self) -> String {
        let subj = match &self.key {
            Some(k) => k.to_string(),
            None => self.subject.clone(),
        };
        format!(
            "{}|{}|{}|{}",
            self.kind.nome(),
            self.direzione.as_deref().unwrap_or(""),
            self.section.code(),
            subj
        )
    }
}

/// The outcome.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Riconciliazione {
    /// Chapters found on both sides.
    pub matched: usize,
    /// Chapters of the table left out: Direzioni or years the report does not hold.
    pub left_out: usize,
    /// The amount columns compared.
    pub columns: Vec<Colonna>,
    /// The classification fields compared.
    pub fields: Vec<&'static str>,
    /// The differences, chapters in report order, then the table's extra
    /// chapters, then totals.
    pub differences: Vec<Differenza>,
    /// Differences a baseline accepts (hidden).
    pub accepted: usize,
}

impl Riconciliazione {
    /// How many differences of a kind.
    pub fn conta(&self, g: Genere) -> usize {
        self.differences.iter().filter(|d| d.kind == g).count()
    }
}

type Chiave = (Option<String>, bool, ChiavePeg);

fn dir_of(r: &crate::ast::Report) -> Option<String> {
    r.direzione.as_ref().map(|d| d.codice.clone())
}

fn entrata(s: SezioneId) -> bool {
    !s.is_spesa()
}

/// Every chapter with its report's Direzione and year.
fn capitoli(doc: &Documento) -> Vec<(Option<String>, Option<u16>, RigaInContesto<'_>)> {
    doc.reports
        .iter()
        .flat_map(|r| r.righe().map(move |rc| (dir_of(r), r.anno, rc)))
        .collect()
}

const CAMPI: &[(&str, Campo)] = &[
    ("settore", Campo::SettoreCodice),
    ("titolo", Campo::TitoloCodice),
    ("gruppo", Campo::GruppoCodice),
    ("pdc", Campo::Pdc),
    ("missione_programma", Campo::MissioneProgramma),
    ("vincolato", Campo::Vincolato),
];

fn valore(campo: &str, rc: &RigaInContesto<'_>) -> String {
    let r = rc.riga;
    match campo {
        "section" => rc.sezione.code().to_string(),
        "settore" => rc
            .settore
            .intestazione
            .as_ref()
            .map(|h| h.codice.to_string())
            .unwrap_or_default(),
        "titolo" => rc
            .titolo
            .intestazione
            .as_ref()
            .map(|h| h.codice.to_string())
            .unwrap_or_default(),
        "gruppo" => rc
            .gruppo
            .intestazione
            .as_ref()
            .map(|h| format!("{:02}", h.codice))
            .unwrap_or_default(),
        "pdc" => r.pdc.map(|p| p.to_string()).unwrap_or_default(),
        "missione_programma" => r
            .missione_programma
            .map(|m| m.to_string())
            .unwrap_or_default(),
        "vincolato" => {
            if r.vincolato {
                "V".into()
            } else {
                String::new()
            }
        }
        _ => String::new(),
    }
}

/// Match the chapters of `report` and `dati` (a table whose contents
/// `cop` describes) and list what differs.
pub fn riconcilia(report: &Lato<'_>, dati: &Lato<'_>, cop: &Copertura) -> Riconciliazione {
    let usa_dir = cop.ha(Campo::DirezioneCodice);
    let usa_anno = cop.ha(Campo::Anno) || dati.doc.reports.iter().any(|r| r.anno.is_some());
    let mut out = Riconciliazione {
        columns: [
            Colonna::Previsione,
            Colonna::PrevisionePrecedente,
            Colonna::RendicontoPrecedente,
            Colonna::CronoAnniPrecedenti,
            Colonna::AltriNuoviStanziamenti,
            Colonna::ProgrammaTriennaleLp,
        ]
        .into_iter()
        .filter(|c| cop.ha_colonna(*c))
        .collect(),
        fields: std::iter::once("section")
            .chain(
                CAMPI
                    .iter()
                    .filter(|(n, c)| {
                        cop.ha(*c) || (*n == "missione_programma" && cop.ha(Campo::Missione))
                    })
                    .map(|(n, _)| *n),
            )
            .collect(),
        ..Default::default()
    };
    let rep = capitoli(report.doc);
    let ambito: Vec<(Option<String>, Option<u16>)> = report
        .doc
        .reports
        .iter()
        .map(|r| (dir_of(r), r.anno))
        .collect();
    // The table's chapters within the report's Direzioni and years.
    let mut dat = Vec::new();
    for (d, a, rc) in capitoli(dati.doc) {
        let dentro = ambito.iter().any(|(rd, ra)| {
            (!usa_dir || d.is_none() || *rd == d)
                && (!usa_anno || a.is_none() || ra.is_none() || *ra == a)
        });
        if dentro {
            dat.push((if usa_dir { d } else { None }, rc));
        } else {
            out.left_out += 1;
        }
    }
    // The report of a Direzione, for differences with no chapter there.
    let span_report = |d: &Option<String>| -> Span {
        report
            .doc
            .reports
            .iter()
            .find(|r| !usa_dir || dir_of(r) == *d)
            .map_or(Span::default(), |r| r.span)
    };
    let mut per_chiave: HashMap<Chiave, VecDeque<usize>> = HashMap::new();
    for (i, (d, rc)) in dat.iter().enumerate() {
        per_chiave
            .entry((d.clone(), entrata(rc.sezione), rc.riga.chiave))
            .or_default()
            .push_back(i);
    }
    let mut usati = vec![false; dat.len()];
    // Sums per (Direzione, section, Settore) on each side: [report, table].
    // The Settore is `Some(code)`; `None` is the Direzione's sum.
    type Livello = (Option<String>, SezioneId, Option<Option<u32>>);
    let mut somme: BTreeMap<Livello, [Vec<Decimal>; 2]> = BTreeMap::new();
    let mut posti: HashMap<Livello, [Option<Span>; 2]> = HashMap::new();
    let cols = out.columns.clone();
    // The report's declared totals, where the sums are located on its side.
    for r in &report.doc.reports {
        let d = if usa_dir { dir_of(r) } else { None };
        for s in &r.sezioni {
            let Corpo::Tabella(t) = &s.corpo else {
                continue;
            };
            if let Some(tot) = &t.totale {
                posti.entry((d.clone(), s.id, None)).or_default()[0] = Some(tot.span);
            }
            for st in &t.settori {
                if let Some(tot) = &st.totale {
                    let k = (
                        d.clone(),
                        s.id,
                        Some(st.intestazione.as_ref().map(|h| h.codice)),
                    );
                    posti.entry(k).or_default()[0] = Some(tot.span);
                }
            }
        }
    }
    let mut somma =
        |lato: usize, d: &Option<String>, rc: &RigaInContesto<'_>, cols: &[Colonna], span: Span| {
            let settore = rc.settore.intestazione.as_ref().map(|h| h.codice);
            for k in [
                (d.clone(), rc.sezione, Some(settore)),
                (d.clone(), rc.sezione, None),
            ] {
                let e = somme.entry(k.clone()).or_insert_with(|| {
                    [
                        vec![Decimal::ZERO; cols.len()],
                        vec![Decimal::ZERO; cols.len()],
                    ]
                });
                for (j, c) in cols.iter().enumerate() {
                    let v = rc.riga.importi.get(*c).unwrap_or_default();
                    e[lato][j] = e[lato][j].checked_add(v).unwrap_or(e[lato][j]);
                }
                posti.entry(k).or_default()[lato].get_or_insert(span);
            }
        };
    for (d, _, rc) in &rep {
        let d = if usa_dir { d.clone() } else { None };
        somma(0, &d, rc, &cols, rc.riga.span);
        let key = (d.clone(), entrata(rc.sezione), rc.riga.chiave);
        let trovato = per_chiave.get_mut(&key).and_then(|q| q.pop_front());
        let base = Differenza {
            kind: Genere::OnlyInReport,
            direzione: d.clone(),
            section: rc.sezione,
            key: Some(rc.riga.chiave),
            subject: rc.riga.descrizione.clone(),
            report_line: Some(report.riga(rc.riga.span)),
            report_span: rc.riga.span,
            data_line: None,
            fields: Vec::new(),
            amounts: Vec::new(),
        };
        let Some(j) = trovato else {
            out.differences.push(base);
            continue;
        };
        usati[j] = true;
        out.matched += 1;
        let other = &dat[j].1;
        let data_line = Some(dati.riga(other.riga.span));
        let fields: Vec<Campo2> = out
            .fields
            .iter()
            .filter_map(|f| {
                let (a, b) = (valore(f, rc), valore(f, other));
                // A level the report does not print (2.B has no
                // macroaggregato headings) cannot differ; a V flag can.
                let muto = a.is_empty() && *f != "vincolato";
                (a != b && !muto).then_some(Campo2 {
                    field: f,
                    report: a,
                    data: b,
                })
            })
            .collect();
        if !fields.is_empty() {
            out.differences.push(Differenza {
                kind: Genere::Classification,
                data_line,
                fields,
                ..base.clone()
            });
        }
        let amounts: Vec<Importo2> = cols
            .iter()
            .filter_map(|c| {
                let a = rc.riga.importi.get(*c)?;
                let b = other.riga.importi.get(*c)?;
                (a != b).then(|| Importo2 {
                    column: *c,
                    report: a,
                    data: b,
                    difference: b.checked_sub(a).unwrap_or_default(),
                })
            })
            .collect();
        if !amounts.is_empty() {
            out.differences.push(Differenza {
                kind: Genere::Amounts,
                data_line,
                amounts,
                ..base
            });
        }
    }
    for (j, (d, rc)) in dat.iter().enumerate() {
        somma(1, d, rc, &cols, rc.riga.span);
        if !usati[j] {
            out.differences.push(Differenza {
                kind: Genere::OnlyInData,
                direzione: d.clone(),
                section: rc.sezione,
                key: Some(rc.riga.chiave),
                subject: rc.riga.descrizione.clone(),
                report_line: None,
                report_span: span_report(d),
                data_line: Some(dati.riga(rc.riga.span)),
                fields: Vec::new(),
                amounts: Vec::new(),
            });
        }
    }
    let primo_totale = out.differences.len();
    for (k, [a, b]) in &somme {
        let amounts: Vec<Importo2> = cols
            .iter()
            .enumerate()
            .filter(|(j, _)| a[*j] != b[*j])
            .map(|(j, c)| Importo2 {
                column: *c,
                report: a[j],
                data: b[j],
                difference: b[j].checked_sub(a[j]).unwrap_or_default(),
            })
            .collect();
        if amounts.is_empty() {
            continue;
        }
        let p = posti.get(k).copied().unwrap_or_default();
        out.differences.push(Differenza {
            kind: Genere::Total,
            direzione: k.0.clone(),
            section: k.1,
            key: None,
            subject: match k.2 {
                Some(Some(s)) => format!("Settore {s}"),
                Some(None) => "Settore (no code)".to_string(),
                None => format!("Direzione {}", k.0.as_deref().unwrap_or(""))
                    .trim_end()
                    .to_string(),
            },
            report_line: p[0].map(|s| report.riga(s)),
            report_span: p[0].unwrap_or_else(|| span_report(&k.0)),
            data_line: p[1].map(|s| dati.riga(s)),
            fields: Vec::new(),
            amounts,
        });
    }
    // Settori first, then their Direzione, section by section.
    out.differences[primo_totale..].sort_by_key(|d| {
        (
            d.direzione.clone(),
            d.section,
            d.subject.starts_with("Direzione"),
        )
    });
    out
}
