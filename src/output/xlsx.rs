//! `quadra check --format xlsx`: the findings as a workbook. Beside the
//! other output formats, so that the workbooks of `src/xlsx.rs` (chapters,
//! audit report, reconciliation) need nothing of the outputs.

use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{Format, Workbook, XlsxError};

use crate::xlsx::numero_intero;

/// The findings of `quadra check --format xlsx`: sheet `rilievi`, one
/// finding per row of every file (file, severity, rule, chapter, line,
/// column, message, help, fingerprint, then the amounts as name / number
/// pairs), and sheet `riepilogo` with the counts per file.
pub fn rilievi(files: &[super::Esito<'_>]) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let bold = Format::new().set_bold();
    let importo = Format::new().set_num_format("#,##0.00");
    let ws = wb.add_worksheet();
    ws.set_name("rilievi")?;
    let h = [
        "file",
        "severity",
        "rule",
        "chapter",
        "line",
        "column",
        "message",
        "help",
        "fingerprint",
        "amounts",
    ];
    for (c, t) in h.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *t, &bold)?;
    }
    let mut riga: u32 = 0;
    for f in files {
        for x in f.findings {
            riga += 1;
            let l = f.locate(x.span);
            ws.write_string(riga, 0, f.nome())?;
            ws.write_string(riga, 1, x.severity.as_str())?;
            ws.write_string(riga, 2, &x.rule)?;
            ws.write_string(riga, 3, x.key.map(|k| k.to_string()).unwrap_or_default())?;
            ws.write_number(riga, 4, numero_intero(l.line))?;
            ws.write_number(riga, 5, numero_intero(l.column))?;
            ws.write_string(riga, 6, &x.message)?;
            ws.write_string(riga, 7, &x.help)?;
            ws.write_string(riga, 8, super::sarif::fingerprint(x))?;
            let mut c: u16 = 9;
            for (nome, d) in &x.amounts {
                ws.write_string(riga, c, &**nome)?;
                if let Some(v) = d.to_f64() {
                    ws.write_number_with_format(riga, c + 1, v, &importo)?;
                }
                c = c.saturating_add(2);
            }
        }
    }
    ws.set_freeze_panes(1, 0)?;
    ws.autofilter(0, 0, riga, (h.len() - 1) as u16)?;
    for (c, w) in [30.0, 9.0, 26.0, 12.0, 7.0, 7.0, 80.0, 50.0, 18.0, 24.0]
        .iter()
        .enumerate()
    {
        ws.set_column_width(c as u16, *w)?;
    }
    let ws = wb.add_worksheet();
    ws.set_name("riepilogo")?;
    for (c, t) in ["file", "errors", "warnings", "infos", "accepted"]
        .iter()
        .enumerate()
    {
        ws.write_string_with_format(0, c as u16, *t, &bold)?;
    }
    for (i, f) in files.iter().enumerate() {
        let r = i as u32 + 1;
        let n = crate::sink::Conteggi::of(f.findings);
        ws.write_string(r, 0, f.nome())?;
        for (c, v) in [n.errors, n.warnings, n.infos, f.accettati]
            .iter()
            .enumerate()
        {
            ws.write_number(r, c as u16 + 1, numero_intero(*v))?;
        }
    }
    ws.set_column_width(0, 40.0)?;
    wb.save_to_buffer()
}
