//! Machine-readable outputs of a parsed report: the AST as JSON and the
//! budget rows as CSV.

use std::io::Write;

use serde::Serialize;

use crate::ast::{Colonna, Documento, Importi, Report, TipoGruppo, AST_SCHEMA_VERSION};
use crate::diagnostic::{ParseCode, ParseDiagnostic, Severity};
use crate::span::{LineIndex, Location};

/// A diagnostic with its location resolved, as JSON prints it.
#[derive(Debug, Serialize)]
pub struct DiagnosticJson<'d> {
    /// Stable code.
    pub code: ParseCode,
    /// Severity.
    pub severity: Severity,
    /// Message.
    pub message: &'d str,
    /// Where, 1-based.
    #[serde(flatten)]
    pub location: Location,
    /// Label under the span.
    pub label: &'d str,
    /// What was expected.
    pub help: &'d str,
}

/// The JSON document of `quadra parse --format json`.
#[derive(Debug, Serialize)]
pub struct AstJson<'d> {
    /// Version of this shape ([`AST_SCHEMA_VERSION`]).
    pub schema_version: u32,
    /// The input path as given (`-` for standard input).
    pub file: &'d str,
    /// The reports.
    pub reports: &'d [Report],
    /// Parse diagnostics.
    pub diagnostics: Vec<DiagnosticJson<'d>>,
}

/// Build the JSON document of a parse.
pub fn ast_json<'d>(
    file: &'d str,
    src: &[u8],
    index: &LineIndex,
    doc: &'d Documento,
    diags: &'d [ParseDiagnostic],
) -> AstJson<'d> {
    AstJson {
        schema_version: AST_SCHEMA_VERSION,
        file,
        reports: &doc.reports,
        diagnostics: diags
            .iter()
            .map(|d| DiagnosticJson {
                code: d.code,
                severity: d.severity,
                message: &d.message,
                location: index.locate(src, d.span),
                label: &d.label,
                help: &d.help,
            })
            .collect(),
    }
}

/// Columns of the CSV export, in order.
pub const CSV_HEADER: &[&str] = &[
    "report",
    "anno",
    "direzione_codice",
    "direzione_nome",
    "sezione",
    "settore_codice",
    "settore_nome",
    "titolo_codice",
    "titolo_nome",
    "livello_gruppo",
    "gruppo_codice",
    "gruppo_nome",
    "chiave",
    "capitolo",
    "articolo",
    "numero",
    "pdc",
    "descrizione",
    "vincolato",
    "non_ripetuto",
    "asterisco",
    "previsione",
    "previsione_precedente",
    "rendiconto_precedente",
    "crono_anni_precedenti",
    "altri_nuovi_stanziamenti",
    "programma_triennale_lp",
    "missione_programma",
    "riga",
];

/// The CSV dialect of the export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Dialetto {
    /// `,` separator, decimal point, no BOM: what programs read.
    #[default]
    Standard,
    /// `;` separator, decimal comma, UTF-8 BOM: what an Italian spreadsheet
    /// opens as numbers (and as UTF-8).
    Italiano,
}

/// Write one CSV line per budget row (header first). Amounts use a decimal
/// point and no thousands separator, so spreadsheets read them as numbers.
pub fn write_csv<W: Write>(
    out: W,
    src: &[u8],
    index: &LineIndex,
    doc: &Documento,
) -> Result<(), csv::Error> {
    write_csv_dialetto(out, src, index, doc, Dialetto::Standard)
}

/// [`write_csv`] in a dialect.
pub fn write_csv_dialetto<W: Write>(
    mut out: W,
    src: &[u8],
    index: &LineIndex,
    doc: &Documento,
    dialetto: Dialetto,
) -> Result<(), csv::Error> {
    let it = dialetto == Dialetto::Italiano;
    if it {
        out.write_all("\u{feff}".as_bytes())?;
    }
    let mut w = csv::WriterBuilder::new()
        .delimiter(if it { b';' } else { b',' })
        .from_writer(out);
    w.write_record(CSV_HEADER)?;
    per_riga(src, index, doc, |mut r| {
        if it {
            for c in &mut r[AMOUNT_COLUMNS] {
                *c = c.replace('.', ",");
            }
        }
        w.write_record(&r)
    })?;
    w.flush()?;
    Ok(())
}

/// Where the amount columns are in [`CSV_HEADER`].
pub const AMOUNT_COLUMNS: std::ops::Range<usize> = 21..27;

/// Call `f` with the cells of each budget row, in [`CSV_HEADER`] order and
/// document order (amounts with a decimal point, no thousands separator).
pub fn per_riga<E>(
    src: &[u8],
    index: &LineIndex,
    doc: &Documento,
    mut f: impl FnMut([String; 29]) -> Result<(), E>,
) -> Result<(), E> {
    for (n, report) in doc.reports.iter().enumerate() {
        let (dir_code, dir_name) = report
            .direzione
            .as_ref()
            .map_or(("", ""), |d| (d.codice.as_str(), d.nome.as_str()));
        let anno = report.anno.map(|a| a.to_string()).unwrap_or_default();
        for rc in report.righe() {
            let r = rc.riga;
            let (s_code, s_name) = rc
                .settore
                .intestazione
                .as_ref()
                .map_or((String::new(), ""), |h| {
                    (h.codice.to_string(), h.nome.as_str())
                });
            let (t_code, t_name) = rc
                .titolo
                .intestazione
                .as_ref()
                .map_or((String::new(), ""), |h| {
                    (h.codice.to_string(), h.nome.as_str())
                });
            let (g_code, g_name) = rc
                .gruppo
                .intestazione
                .as_ref()
                .map_or((String::new(), ""), |h| {
                    (format!("{:02}", h.codice), h.nome.as_str())
                });
            let livello = match rc.gruppo.tipo {
                TipoGruppo::Tipologia => "tipologia",
                TipoGruppo::Macroaggregato => "macroaggregato",
                TipoGruppo::Nessuno => "",
            };
            let amount = |c: Colonna| amount_cell(&r.importi, c);
            let line = index.locate(src, r.span).line.to_string();
            f([
                (n + 1).to_string(),
                anno.clone(),
                dir_code.to_string(),
                dir_name.to_string(),
                rc.sezione.code().to_string(),
                s_code,
                s_name.to_string(),
                t_code,
                t_name.to_string(),
                livello.to_string(),
                g_code,
                g_name.to_string(),
                r.chiave.to_string(),
                r.chiave.capitolo.to_string(),
                r.chiave.articolo.to_string(),
                r.chiave.numero.to_string(),
                r.pdc.map(|p| p.to_string()).unwrap_or_default(),
                r.descrizione.clone(),
                bool_cell(r.vincolato).to_string(),
                bool_cell(r.non_ripetuto).to_string(),
                bool_cell(r.asterisco).to_string(),
                amount(Colonna::Previsione),
                amount(Colonna::PrevisionePrecedente),
                amount(Colonna::RendicontoPrecedente),
                amount(Colonna::CronoAnniPrecedenti),
                amount(Colonna::AltriNuoviStanziamenti),
                amount(Colonna::ProgrammaTriennaleLp),
                r.missione_programma
                    .map(|m| m.to_string())
                    .unwrap_or_default(),
                line,
            ])?;
        }
    }
    Ok(())
}

fn amount_cell(i: &Importi, c: Colonna) -> String {
    i.get(c).map(|d| d.to_string()).unwrap_or_default()
}

fn bool_cell(b: bool) -> &'static str {
    if b {
        "true"
    } else {
        "false"
    }
}
