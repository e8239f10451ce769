//! `quadra report REPORT --format html|md`: the audit report to file.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::check::{controlla, leggi_baseline, Problema, Regole};
use super::{EXIT_FINDINGS, EXIT_OK, EXIT_USAGE};
use crate::baseline::Confronto;
use crate::diagnostic::Severity;
use crate::rapporto::{costruisci, html, md, Ingresso};

/// Arguments of `quadra report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The report text file; `-` reads standard input.
    report: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Html)]
    format: ReportFormat,
    /// Write the audit report to this file instead of standard output.
    #[arg(short = 'o', long)]
    output: Option<PathBuf>,
    #[command(flatten)]
    regole: Regole,
    /// Leave out the findings this baseline accepts (they are counted).
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
}

/// Formats of the audit report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// One self-contained HTML page (inline CSS and SVG, nothing loaded).
    Html,
    /// Markdown tables.
    Md,
    /// An XLSX workbook: sheets `capitoli` (chapters), `rilievi` (findings)
    /// and `vincoli` (vincolo groups and their balance per column).
    Xlsx,
}

/// Run `quadra report`; the exit code is that of `quadra check`.
pub fn run(a: ReportArgs) -> Result<i32, String> {
    let Some(rules) = a.regole.carica()? else {
        return Ok(EXIT_USAGE);
    };
    let come = a.regole.come(&rules, false);
    let mut l = match controlla(&a.report, come) {
        Ok(l) => l,
        Err(Problema::Input(t) | Problema::Legami(t)) => {
            eprint!("{t}");
            return Ok(EXIT_USAGE);
        }
    };
    let mut accettati = 0;
    if let Some(p) = &a.baseline {
        let Ok((b, _)) = leggi_baseline(p)? else {
            return Ok(EXIT_USAGE);
        };
        accettati = Confronto::new(&b)
            .applica(&mut l.findings, &l.documento, &l.bytes)
            .nascosti;
    }
    let r = costruisci(&Ingresso {
        file: if a.report == "-" {
            "<stdin>"
        } else {
            &a.report
        },
        bytes: &l.bytes,
        index: &l.index,
        doc: &l.documento,
        findings: &l.findings,
        accettati,
        legami: l.legami.as_ref(),
        rules: &rules,
    });
    {
        let mut out: Box<dyn Write> = match &a.output {
            Some(f) => Box::new(BufWriter::new(
                File::create(f).map_err(|e| format!("cannot write {}: {e}", f.display()))?,
            )),
            None => Box::new(BufWriter::new(io::stdout().lock())),
        };
        match a.format {
            ReportFormat::Html => html::write(&mut out, &r),
            ReportFormat::Md => md::write(&mut out, &r),
            ReportFormat::Xlsx => crate::xlsx::rapporto(&r, &l.bytes, &l.index, &l.documento)
                .map_err(io::Error::other)
                .and_then(|b| out.write_all(&b)),
        }
        .and_then(|_| out.flush())
        .map_err(|e| format!("cannot write output: {e}"))?;
    }
    let errors = l.findings.iter().any(|f| f.severity == Severity::Error);
    Ok(if errors { EXIT_FINDINGS } else { EXIT_OK })
}
