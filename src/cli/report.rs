//! `quadra report REPORT --format html|md`: the audit report to file.

use std::io::{self, Write};
use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::check::{controlla, leggi_baseline, Letto, Problema, Regole};
use super::{EXIT_FINDINGS, EXIT_OK, EXIT_USAGE};
use crate::ast::Documento;
use crate::baseline::Confronto;
use crate::baseline::{identita_report, Baseline};
use crate::config::{RuleSet, DEFAULT_RULES};
use crate::diagnostic::Severity;
use crate::rapporto::carta::{adesso, controlli, data, maggiori, sha256, Accettata, Carta};
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

impl ReportArgs {
    /// The report (where the project file and language are looked for).
    pub(crate) fn primo(&self) -> Option<&str> {
        Some(&self.report)
    }
}

/// Run `quadra report`; the exit code is that of `quadra check`.
pub fn run(a: ReportArgs) -> Result<i32, String> {
    let Some(rules) = a.regole.carica(
        std::slice::from_ref(&a.report),
        std::slice::from_ref(&a.report),
    )?
    else {
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
    let mut accettate = Vec::new();
    if let Some(p) = &a.baseline {
        let Ok((b, _)) = leggi_baseline(p)? else {
            return Ok(EXIT_USAGE);
        };
        let mut c = Confronto::new(&b);
        accettati = c.applica(&mut l.findings, &l.documento, &l.bytes).nascosti;
        accettate = usate(&b, &c, &l.documento);
    }
    let carta = raccogli(&a, &l, accettate, &rules);
    let mut r = costruisci(&Ingresso {
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
    r.carta = Some(carta);
    {
        let mut out = super::uscita(a.output.as_deref())?;
        match a.format {
            ReportFormat::Html => html::write(&mut out, &r),
            ReportFormat::Md => md::write(&mut out, &r),
            ReportFormat::Xlsx => crate::xlsx::rapporto(&r, &l.bytes, &l.index, &l.documento)
                .map_err(io::Error::other)
                .and_then(|b| out.write_all(&b)),
        }
        .and_then(|_| out.flush())
        .map_err(|e| crate::tr!("io-cannot-write-output", error = e.to_string()))?;
    }
    let errors = l.findings.iter().any(|f| f.severity == Severity::Error);
    Ok(if errors { EXIT_FINDINGS } else { EXIT_OK })
}

/// The baseline entries of this document's reports that hid a finding.
fn usate(b: &Baseline, c: &Confronto<'_>, doc: &Documento) -> Vec<Accettata> {
    let reports: Vec<String> = doc
        .reports
        .iter()
        .map(|r| identita_report(doc, r.span))
        .collect();
    let stale = c.stale();
    b.voci
        .iter()
        .filter(|v| reports.contains(&v.id.report))
        .filter(|v| !stale.iter().any(|s| std::ptr::eq(*s, *v)))
        .map(|v| Accettata {
            rule: v.id.rule.clone(),
            subject: v.id.subject.clone(),
            message: v.message.clone(),
            justification: v.justification.clone(),
        })
        .collect()
}

/// The working paper's record: date, hashes of the input, of the rule files
/// and of the link file, the checks performed, the largest findings.
fn raccogli(a: &ReportArgs, l: &Letto, accettate: Vec<Accettata>, rules: &RuleSet) -> Carta {
    let (file_regole, legami) = a.regole.file_usati(&a.report);
    let mut regole = vec![(
        crate::tr!("report-builtin-rules"),
        sha256(DEFAULT_RULES.as_bytes()),
    )];
    for p in file_regole {
        let h = std::fs::read(&p).map(|b| sha256(&b)).unwrap_or_default();
        regole.push((p.display().to_string(), h));
    }
    let legami = legami.filter(|_| l.legami.is_some()).map(|p| {
        let h = std::fs::read(&p).map(|b| sha256(&b)).unwrap_or_default();
        (p.display().to_string(), h)
    });
    let ev = crate::rapporto::evidenza::Evidenze::di(&l.documento);
    Carta {
        data: data(adesso()),
        sha256: sha256(&l.bytes),
        documenti: l
            .documento
            .reports
            .iter()
            .map(|r| {
                (
                    r.anno.map_or("?".to_string(), |a| a.to_string()),
                    r.direzione
                        .as_ref()
                        .map_or("?".to_string(), |d| format!("{} {}", d.codice, d.nome)),
                )
            })
            .collect(),
        regole,
        legami,
        controlli: controlli(rules, &l.findings),
        maggiori: maggiori(&l.findings, &|f| ev.capitoli(f).unwrap_or_default()),
        accettate,
    }
}
