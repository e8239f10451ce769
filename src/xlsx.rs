//! The chapters as an XLSX workbook for finance staff (`quadra export
//! --format xlsx`): the columns of the CSV export, amounts as typed
//! numeric cells with a thousands-and-two-decimals format (`#,##0.00` in
//! the file, shown `1.234,56` by an Italian spreadsheet), codes as text so
//! that `01` stays `01`, a frozen bold header, an autofilter and widths
//! that fit. `rust_xlsxwriter` writes the file: XLSX is a zip of XML parts
//! with shared strings and styles, far too much to write by hand well.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use rust_xlsxwriter::{Format, Workbook, XlsxError};

use crate::ast::Documento;
use crate::export::{per_riga, AMOUNT_COLUMNS, CSV_HEADER};
use crate::span::LineIndex;

/// Columns written as whole numbers: report, anno, capitolo, articolo, numero, riga.
const INTERI: &[usize] = &[0, 1, 13, 14, 15, 28];

/// The name of the chapters sheet.
pub const FOGLIO_CAPITOLI: &str = "capitoli";

/// The workbook of the chapters of `doc`, as bytes.
pub fn capitoli(src: &[u8], index: &LineIndex, doc: &Documento) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    foglio_capitoli(&mut wb, src, index, doc)?;
    wb.save_to_buffer()
}

/// Add the chapters sheet to `wb`.
fn foglio_capitoli(
    wb: &mut Workbook,
    src: &[u8],
    index: &LineIndex,
    doc: &Documento,
) -> Result<(), XlsxError> {
    let ws = wb.add_worksheet();
    ws.set_name(FOGLIO_CAPITOLI)?;
    let bold = Format::new().set_bold();
    let importo = Format::new().set_num_format("#,##0.00");
    let intero = Format::new().set_num_format("0");
    let mut larghezze: Vec<usize> = CSV_HEADER.iter().map(|h| h.chars().count()).collect();
    for (c, h) in CSV_HEADER.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *h, &bold)?;
    }
    let mut riga: u32 = 0;
    per_riga(src, index, doc, |r| -> Result<(), XlsxError> {
        riga += 1;
        for (c, v) in r.iter().enumerate() {
            let col = c as u16;
            larghezze[c] = larghezze[c].max(v.chars().count().min(60));
            if v.is_empty() {
                continue;
            }
            if AMOUNT_COLUMNS.contains(&c) {
                // The cell holds the binary double nearest the exact amount,
                // as every spreadsheet number does; shown with two decimals
                // it reads back as the same amount.
                match v.parse::<Decimal>().ok().and_then(|d| d.to_f64()) {
                    Some(n) => ws.write_number_with_format(riga, col, n, &importo)?,
                    None => ws.write_string(riga, col, v)?,
                };
            } else if INTERI.contains(&c) {
                match v.parse::<u32>() {
                    Ok(n) => ws.write_number_with_format(riga, col, n, &intero)?,
                    Err(_) => ws.write_string(riga, col, v)?,
                };
            } else {
                ws.write_string(riga, col, v)?;
            }
        }
        Ok(())
    })?;
    ws.set_freeze_panes(1, 0)?;
    ws.autofilter(0, 0, riga, (CSV_HEADER.len() - 1) as u16)?;
    for (c, w) in larghezze.iter().enumerate() {
        // Whole character widths, two to spare, at most 62.
        ws.set_column_width(c as u16, u16::try_from((*w + 2).min(62)).unwrap_or(62))?;
    }
    Ok(())
}

/// The name of the reconciliation sheet.
pub const FOGLIO_DIFFERENZE: &str = "differenze";

/// Columns of the reconciliation sheet: one row per differing field or
/// amount (a chapter on one side only is one row with neither).
const COLONNE_DIFFERENZE: &[&str] = &[
    "id",
    "kind",
    "direzione",
    "section",
    "key",
    "subject",
    "report_line",
    "data_line",
    "field",
    "report",
    "data",
    "difference",
];

/// One row of the reconciliation sheet: the field or column, its amounts
/// (report, data, difference) or its two texts.
type RigaDifferenza = (String, Option<Vec<Decimal>>, Option<(String, String)>);

/// The differences of a reconciliation as an XLSX workbook: amounts as
/// numeric cells, text values (codes) as text.
pub fn differenze(r: &crate::riconcilia::Riconciliazione) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name(FOGLIO_DIFFERENZE)?;
    let bold = Format::new().set_bold();
    let importo = Format::new().set_num_format("#,##0.00");
    for (c, h) in COLONNE_DIFFERENZE.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *h, &bold)?;
    }
    let mut riga: u32 = 0;
    for d in &r.differences {
        let mut righe: Vec<RigaDifferenza> = d
            .fields
            .iter()
            .map(|f| {
                (
                    f.field.to_string(),
                    None,
                    Some((f.report.clone(), f.data.clone())),
                )
            })
            .collect();
        righe.extend(d.amounts.iter().map(|a| {
            (
                a.column.name().to_string(),
                Some(vec![a.report, a.data, a.difference]),
                None,
            )
        }));
        if righe.is_empty() {
            righe.push((String::new(), None, None));
        }
        for (campo, numeri, testi) in righe {
            riga += 1;
            let testo = [
                d.identita(),
                d.kind.nome().to_string(),
                d.direzione.clone().unwrap_or_default(),
                d.section.code().to_string(),
                d.key.map(|k| k.to_string()).unwrap_or_default(),
                d.subject.clone(),
            ];
            for (c, v) in testo.iter().enumerate() {
                ws.write_string(riga, c as u16, v)?;
            }
            for (c, l) in [(6u16, d.report_line), (7, d.data_line)] {
                if let Some(l) = l {
                    ws.write_number(riga, c, numero_intero(l))?;
                }
            }
            ws.write_string(riga, 8, &campo)?;
            if let Some(n) = numeri {
                for (j, v) in n.iter().enumerate() {
                    if let Some(f) = v.to_f64() {
                        ws.write_number_with_format(riga, 9 + j as u16, f, &importo)?;
                    }
                }
            }
            if let Some((a, b)) = testi {
                ws.write_string(riga, 9, &a)?;
                ws.write_string(riga, 10, &b)?;
            }
        }
    }
    ws.set_freeze_panes(1, 0)?;
    ws.autofilter(0, 0, riga, (COLONNE_DIFFERENZE.len() - 1) as u16)?;
    for (c, w) in [
        32.0, 16.0, 10.0, 8.0, 12.0, 48.0, 11.0, 11.0, 22.0, 16.0, 16.0, 16.0,
    ]
    .iter()
    .enumerate()
    {
        ws.set_column_width(c as u16, *w)?;
    }
    wb.save_to_buffer()
}

/// The audit report as a workbook (`quadra report --format xlsx`): the
/// chapters, the findings (one row each, amounts as numbers), and the
/// vincolo groups with their balance per column.
pub fn rapporto(
    r: &crate::rapporto::Rapporto,
    src: &[u8],
    index: &LineIndex,
    doc: &Documento,
) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    foglio_capitoli(&mut wb, src, index, doc)?;
    let bold = Format::new().set_bold();
    let importo = Format::new().set_num_format("#,##0.00");
    // Findings: one row each; amounts as name / number pairs after the text.
    let ws = wb.add_worksheet();
    ws.set_name("rilievi")?;
    let h = [
        "severity", "rule", "chapter", "line", "message", "help", "amounts",
    ];
    for (c, t) in h.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *t, &bold)?;
    }
    let mut riga: u32 = 0;
    for g in &r.gruppi_findings {
        for v in &g.voci {
            riga += 1;
            ws.write_string(riga, 0, g.severity.as_str())?;
            ws.write_string(riga, 1, &g.rule)?;
            ws.write_string(riga, 2, v.chiave.as_deref().unwrap_or(""))?;
            ws.write_number(riga, 3, numero_intero(v.riga.0))?;
            ws.write_string(riga, 4, &v.messaggio)?;
            ws.write_string(riga, 5, &v.help)?;
            let mut c: u16 = 6;
            for (nome, d) in &v.importi {
                ws.write_string(riga, c, nome)?;
                if let Some(f) = d.to_f64() {
                    ws.write_number_with_format(riga, c + 1, f, &importo)?;
                }
                c = c.saturating_add(2);
            }
        }
    }
    ws.set_freeze_panes(1, 0)?;
    ws.autofilter(0, 0, riga, (h.len() - 1) as u16)?;
    for (c, w) in [9.0, 26.0, 12.0, 7.0, 80.0, 50.0, 24.0].iter().enumerate() {
        ws.set_column_width(c as u16, *w)?;
    }
    // Vincolo groups: one row per group and column.
    let ws = wb.add_worksheet();
    ws.set_name("vincoli")?;
    let h = [
        "report",
        "group",
        "confidence",
        "revenue chapters",
        "spending chapters",
        "column",
        "revenue",
        "spending",
        "difference",
    ];
    for (c, t) in h.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *t, &bold)?;
    }
    let mut riga: u32 = 0;
    for s in &r.schede {
        for g in &s.vincoli {
            let chiavi = |v: &[(String, String)]| -> String {
                v.iter()
                    .map(|(k, _)| k.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            for saldo in &g.saldi {
                riga += 1;
                ws.write_string(riga, 0, &s.direzione)?;
                ws.write_string(riga, 1, &g.nome)?;
                ws.write_string(riga, 2, &g.fiducia_testo)?;
                ws.write_string(riga, 3, chiavi(&g.entrate))?;
                ws.write_string(riga, 4, chiavi(&g.spese))?;
                ws.write_string(riga, 5, &saldo.colonna)?;
                for (c, v) in [
                    (6u16, saldo.entrate),
                    (7, saldo.spese),
                    (8, saldo.differenza),
                ] {
                    if let Some(f) = v.and_then(|d| d.to_f64()) {
                        ws.write_number_with_format(riga, c, f, &importo)?;
                    }
                }
            }
        }
    }
    ws.set_freeze_panes(1, 0)?;
    ws.autofilter(0, 0, riga, (h.len() - 1) as u16)?;
    for (c, w) in [28.0, 40.0, 11.0, 30.0, 30.0, 18.0, 16.0, 16.0, 16.0]
        .iter()
        .enumerate()
    {
        ws.set_column_width(c as u16, *w)?;
    }
    wb.save_to_buffer()
}

/// A line, column or count as a spreadsheet number, exact (capped at
/// `u32::MAX`, far beyond any line of a report).
pub(crate) fn numero_intero(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}
