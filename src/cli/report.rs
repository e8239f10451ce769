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
    /// The report text file, or folders and several files (one page per
    /// report and an index, in the folder -o DIR); `-` reads standard input.
    #[arg(required = true, value_name = "REPORT_OR_FOLDER")]
    reports: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Html)]
    format: ReportFormat,
    /// Write the audit report to this file instead of standard output; for
    /// several reports, the folder to write their pages and index.html
    /// (index.md) in (with `--format md` and no folder: one document).
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
        self.reports.first().map(String::as_str)
    }
}

/// One report's page, made in memory.
struct Pagina {
    path: String,
    testo: Vec<u8>,
    errori: usize,
    avvertenze: usize,
    segnalazioni: usize,
    accettati: usize,
}

/// Run `quadra report`; the exit code is that of `quadra check`.
pub fn run(a: ReportArgs) -> Result<i32, String> {
    let paths = super::check::espandi(&a.reports)?;
    let uno = a.reports.len() == 1 && !std::path::Path::new(&a.reports[0]).is_dir();
    // Several reports: a folder of pages and an index, or (Markdown) one document.
    let cartella = match (&a.output, a.format) {
        _ if uno => None,
        (_, ReportFormat::Xlsx) => return Err(crate::tr!("cfg15-report-xlsx-one")),
        (Some(o), _) if o.is_dir() || o.extension().is_none() => Some(o.clone()),
        (_, ReportFormat::Md) => None,
        _ => return Err(crate::tr!("cfg15-report-needs-folder")),
    };
    let Some(rules) = a.regole.carica(&paths, &paths)? else {
        return Ok(EXIT_USAGE);
    };
    if uno {
        let p = match pagina(&a, &paths[0], &rules)? {
            Ok(p) => p,
            Err(t) => {
                crate::avvisa!("{t}");
                return Ok(EXIT_USAGE);
            }
        };
        scrivi(a.output.as_deref(), &p.testo)?;
        return Ok(if p.errori > 0 { EXIT_FINDINGS } else { EXIT_OK });
    }
    let mut pagine = Vec::new();
    let mut usage = false;
    for p in &paths {
        match pagina(&a, p, &rules)? {
            Ok(x) => pagine.push(x),
            Err(t) => {
                crate::avvisa!("{t}");
                usage = true;
            }
        }
    }
    match cartella {
        Some(dir) => {
            std::fs::create_dir_all(&dir).map_err(|e| {
                crate::tr!(
                    "io-cannot-write",
                    file = dir.display().to_string(),
                    error = e.to_string()
                )
            })?;
            let ext = if a.format == ReportFormat::Md {
                "md"
            } else {
                "html"
            };
            let nomi = nomi_pagine(&pagine, ext);
            for (p, n) in pagine.iter().zip(&nomi) {
                scrivi(Some(&dir.join(n)), &p.testo)?;
            }
            let indice = if a.format == ReportFormat::Md {
                indice_md(&pagine, &nomi)
            } else {
                indice_html(&pagine, &nomi)
            };
            scrivi(Some(&dir.join(format!("index.{ext}"))), indice.as_bytes())?;
            crate::avvisaln!(
                "quadra: {}",
                crate::tr!(
                    "cfg15-report-written",
                    n = pagine.len(),
                    folder = dir.display().to_string(),
                    index = format!("index.{ext}")
                )
            );
        }
        None => {
            let mut tutto = Vec::new();
            for (i, p) in pagine.iter().enumerate() {
                if i > 0 {
                    tutto.extend_from_slice(b"\n---\n\n");
                }
                tutto.extend_from_slice(&p.testo);
            }
            scrivi(a.output.as_deref(), &tutto)?;
        }
    }
    let errori = pagine.iter().any(|p| p.errori > 0);
    Ok(if usage {
        EXIT_USAGE
    } else if errori {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    })
}

/// Write `testo` to `output` (a file) or standard output.
fn scrivi(output: Option<&std::path::Path>, testo: &[u8]) -> Result<(), String> {
    let mut out = super::uscita(output)?;
    out.write_all(testo)
        .and_then(|_| out.flush())
        .map_err(|e| crate::tr!("io-cannot-write-output", error = e.to_string()))
}

/// The file name of each page: the report's name, numbered when two
/// reports of different folders share it.
fn nomi_pagine(pagine: &[Pagina], ext: &str) -> Vec<String> {
    let mut visti: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    pagine
        .iter()
        .map(|p| {
            let stem = std::path::Path::new(&p.path).file_stem().map_or_else(
                || "report".to_string(),
                |s| s.to_string_lossy().into_owned(),
            );
            let n = visti.entry(stem.clone()).or_insert(0);
            *n += 1;
            if *n == 1 {
                format!("{stem}.{ext}")
            } else {
                format!("{stem}-{n}.{ext}")
            }
        })
        .collect()
}

/// The index page: one line per report, its counts and its page.
/// The index's column headers: report, errors, warnings, infos, accepted.
fn colonne_indice() -> [String; 5] {
    [
        "cfg15-index-col-report",
        "cfg15-index-col-errors",
        "cfg15-index-col-warnings",
        "cfg15-index-col-infos",
        "cfg15-index-col-accepted",
    ]
    .map(|id| crate::lingua::testo(id, None))
}

fn indice_html(pagine: &[Pagina], nomi: &[String]) -> String {
    use crate::escape::html as esc;
    let c = colonne_indice();
    let mut s = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <title>{}</title>\n<style>body{{font:15px system-ui,sans-serif;margin:2em}}table{{border-collapse:collapse}}\
         td,th{{border:1px solid #ccc;padding:4px 8px;text-align:left}}td.n{{text-align:right}}</style>\n</head>\n<body>\n\
         <h1>{}</h1>\n<table>\n<tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>\n",
        crate::lingua::corrente().codice(),
        esc(&crate::tr!("cfg15-index-title", n = pagine.len())),
        esc(&crate::tr!("cfg15-index-title", n = pagine.len())),
        esc(&c[0]),
        esc(&c[1]),
        esc(&c[2]),
        esc(&c[3]),
        esc(&c[4]),
    );
    for (p, n) in pagine.iter().zip(nomi) {
        s.push_str(&format!(
            "<tr><td><a href=\"{}\">{}</a></td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>\n",
            esc(n),
            esc(&p.path),
            p.errori,
            p.avvertenze,
            p.segnalazioni,
            p.accettati
        ));
    }
    s.push_str("</table>\n</body>\n</html>\n");
    s
}

/// The index in Markdown.
fn indice_md(pagine: &[Pagina], nomi: &[String]) -> String {
    use crate::escape::markdown as esc;
    let c = colonne_indice();
    let mut s = format!(
        "# {}\n\n| {} | {} | {} | {} | {} |\n|---|---:|---:|---:|---:|\n",
        esc(&crate::tr!("cfg15-index-title", n = pagine.len())),
        esc(&c[0]),
        esc(&c[1]),
        esc(&c[2]),
        esc(&c[3]),
        esc(&c[4]),
    );
    for (p, n) in pagine.iter().zip(nomi) {
        s.push_str(&format!(
            "| [{}](<{}>) | {} | {} | {} | {} |\n",
            esc(&p.path),
            n.replace(['<', '>'], ""),
            p.errori,
            p.avvertenze,
            p.segnalazioni,
            p.accettati
        ));
    }
    s
}

/// Check one report and lay its audit report out in memory. `Ok(Err(text))`:
/// the report could not be checked (the text says why; exit 2).
fn pagina(a: &ReportArgs, path: &str, rules: &RuleSet) -> Result<Result<Pagina, String>, String> {
    let come = a.regole.come(rules, false);
    let mut l = match controlla(path, come) {
        Ok(l) => l,
        Err(Problema::Input(t) | Problema::Legami(t)) => return Ok(Err(t)),
    };
    let mut accettati = 0;
    let mut accettate = Vec::new();
    if let Some(p) = &a.baseline {
        let Ok((b, _)) = leggi_baseline(p)? else {
            return Ok(Err(String::new()));
        };
        let mut c = Confronto::new(&b);
        accettati = c.applica(&mut l.findings, &l.documento, &l.bytes).nascosti;
        accettate = usate(&b, &c, &l.documento);
    }
    let carta = raccogli(a, path, &l, accettate, rules);
    let mut r = costruisci(&Ingresso {
        file: if path == "-" { "<stdin>" } else { path },
        bytes: &l.bytes,
        index: &l.index,
        doc: &l.documento,
        findings: &l.findings,
        accettati,
        legami: l.legami.as_ref(),
        rules,
    });
    r.carta = Some(carta);
    let mut testo: Vec<u8> = Vec::new();
    match a.format {
        ReportFormat::Html => html::write(&mut testo, &r),
        ReportFormat::Md => md::write(&mut testo, &r),
        ReportFormat::Xlsx => crate::xlsx::rapporto(&r, &l.bytes, &l.index, &l.documento)
            .map_err(io::Error::other)
            .and_then(|b| testo.write_all(&b)),
    }
    .map_err(|e| crate::tr!("io-cannot-write-output", error = e.to_string()))?;
    let conta = |s: Severity| l.findings.iter().filter(|f| f.severity == s).count();
    Ok(Ok(Pagina {
        path: path.to_string(),
        testo,
        errori: conta(Severity::Error),
        avvertenze: conta(Severity::Warning),
        segnalazioni: conta(Severity::Info),
        accettati,
    }))
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
fn raccogli(
    a: &ReportArgs,
    path: &str,
    l: &Letto,
    accettate: Vec<Accettata>,
    rules: &RuleSet,
) -> Carta {
    let (file_regole, legami) = a.regole.file_usati(path);
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
