//! `quadra check`: parse each report, run the rules, print the findings.

use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};

use super::{read_input, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE};
use crate::config::{find_project_file, load, RuleSet, Sorgente};
use crate::diagnostic::Severity;
use crate::output::{self, Esito, Formato, Stile};
use crate::parse::parse;
use crate::render::{render_stderr, use_colour, Fonte, Located};
use crate::span::LineIndex;
use crate::vincoli::links::{leggi, verifica, FileLegami};

/// Arguments of `quadra check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Report text files; `-` reads standard input.
    #[arg(required = true)]
    reports: Vec<String>,
    /// Rule files applied after the defaults and quadra.toml (repeatable; later ones win).
    #[arg(long = "rules", value_name = "FILE")]
    rules: Vec<PathBuf>,
    /// Do not look for a quadra.toml in the current directory and its parents,
    /// nor for the report's link file in rules/.
    #[arg(long)]
    no_config: bool,
    /// The link file declaring the report's vincolo groups (default:
    /// rules/<report name>.links.toml, when it exists).
    #[arg(long, value_name = "FILE")]
    links: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Formato::Human)]
    format: Formato,
    /// Write the output to this file instead of standard output.
    #[arg(short = 'o', long)]
    output: Option<PathBuf>,
    /// `--deny warnings`: warnings count as errors (severity and exit code).
    #[arg(long, value_enum)]
    deny: Option<Deny>,
    /// Width of the human output (default: 100).
    #[arg(long, default_value_t = 100)]
    width: usize,
}

/// What `--deny` promotes to errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Deny {
    /// Warnings become errors.
    Warnings,
}

/// How many rule-file problems are drawn; the rest are counted.
const MAX_CONFIG_ERRORS: usize = 50;

/// Read, merge and validate the rule files; errors are printed located, and
/// `None` is returned (exit 2).
pub fn load_rules(extra: &[PathBuf], no_config: bool) -> Result<Option<RuleSet>, String> {
    let mut sorgenti = vec![Sorgente::default_rules()];
    let mut paths: Vec<PathBuf> = Vec::new();
    if !no_config {
        if let Some(p) = std::env::current_dir()
            .ok()
            .and_then(|d| find_project_file(&d))
        {
            paths.push(p);
        }
    }
    paths.extend(extra.iter().cloned());
    for p in paths {
        let bytes = std::fs::read(&p)
            .map_err(|e| format!("cannot read rules file {}: {e}", p.display()))?;
        let testo = String::from_utf8(bytes).map_err(|e| {
            format!(
                "rules file {} is not UTF-8 text (byte {})",
                p.display(),
                e.utf8_error().valid_up_to()
            )
        })?;
        sorgenti.push(Sorgente {
            nome: p.display().to_string(),
            testo,
        });
    }
    match load(&sorgenti) {
        Ok(r) => Ok(Some(r)),
        Err(errors) => {
            let n = errors.len();
            let fonti: Vec<Fonte> = sorgenti
                .iter()
                .map(|s| Fonte::new(&s.nome, s.testo.as_bytes()))
                .collect();
            let shown: Vec<Located<'_>> = errors
                .iter()
                .take(MAX_CONFIG_ERRORS)
                .map(|e| Located::config(e, &fonti[e.sorgente]))
                .collect();
            eprint!("{}", render_stderr(&shown));
            if n > MAX_CONFIG_ERRORS {
                eprintln!(
                    "quadra: {} more problem(s) not shown",
                    n - MAX_CONFIG_ERRORS
                );
            }
            eprintln!("quadra: {n} problem(s) in the rule files; nothing was checked");
            Ok(None)
        }
    }
}

/// The link file of a report: `explicit`, or `rules/<name>.links.toml` under
/// the current directory when `discover`.
pub fn trova_legami(report: &str, explicit: Option<&Path>, discover: bool) -> Option<PathBuf> {
    if let Some(p) = explicit {
        return Some(p.to_path_buf());
    }
    if !discover || report == "-" {
        return None;
    }
    let stem = Path::new(report)
        .file_stem()?
        .to_string_lossy()
        .into_owned();
    let p = Path::new("rules").join(format!("{stem}.links.toml"));
    p.is_file().then_some(p)
}

/// A link file's name and text, read before anything is written (an output
/// file may be the link file itself).
pub struct TestoLegami {
    /// Where it was read.
    pub path: PathBuf,
    nome: String,
    testo: String,
}

/// Find and read the report's link file. `Err(msg)`: unreadable (exit 2).
pub fn leggi_legami(
    report: &str,
    explicit: Option<&Path>,
    discover: bool,
) -> Result<Option<TestoLegami>, String> {
    let Some(path) = trova_legami(report, explicit, discover) else {
        return Ok(None);
    };
    let testo = std::fs::read_to_string(&path)
        .map_err(|e| format!("cannot read link file {}: {e}", path.display()))?;
    Ok(Some(TestoLegami {
        nome: path.display().to_string(),
        path,
        testo,
    }))
}

/// Read and check the report's link file. `Err(msg)`: unreadable (exit 2);
/// `Ok(Err(()))`: invalid, errors printed located (exit 2).
pub fn carica_legami(
    report: &str,
    explicit: Option<&Path>,
    discover: bool,
    doc: &crate::ast::Documento,
) -> Result<Result<Option<FileLegami>, ()>, String> {
    match leggi_legami(report, explicit, discover)? {
        None => Ok(Ok(None)),
        Some(t) => Ok(valida_legami(&t, doc).map(Some)),
    }
}

/// Check a link file's text against the document; errors are printed
/// located, and `Err(())` means exit 2.
pub fn valida_legami(t: &TestoLegami, doc: &crate::ast::Documento) -> Result<FileLegami, ()> {
    let (nome, testo) = (&t.nome, &t.testo);
    let mut errori = match leggi(testo) {
        Ok(file) => {
            let mut e = Vec::new();
            let dirs: Vec<Option<&str>> = doc
                .reports
                .iter()
                .map(|r| r.direzione.as_ref().map(|d| d.codice.as_str()))
                .collect();
            for (r, dir) in doc.reports.iter().zip(&dirs) {
                let its = crate::lang::item::items(r);
                e.extend(verifica(&file, *dir, &its));
            }
            // A group for a Direzione the file does not hold would never be checked.
            for g in &file.gruppi {
                if let Some(d) = &g.direzione {
                    if !dirs.contains(&Some(d.as_str())) {
                        e.push(crate::config::ConfigError {
                            sorgente: 0,
                            span: g.span.clone(),
                            message: format!(
                                "group `{}` is for Direzione {d}, which the report does not hold",
                                g.nome
                            ),
                            help:
                                "correct `direzione`, or remove it when the file holds one report"
                                    .into(),
                        });
                    }
                }
            }
            if e.is_empty() {
                return Ok(file);
            }
            e
        }
        Err(e) => e,
    };
    errori.sort_by_key(|e| e.span.start);
    errori.dedup();
    let fonte = Fonte::new(nome, testo.as_bytes());
    let shown: Vec<Located<'_>> = errori
        .iter()
        .take(MAX_CONFIG_ERRORS)
        .map(|e| Located::config(e, &fonte))
        .collect();
    eprint!("{}", render_stderr(&shown));
    eprintln!(
        "quadra: {} problem(s) in the link file {nome}; nothing was checked",
        errori.len()
    );
    Err(())
}

struct Letto {
    path: String,
    bytes: Vec<u8>,
    index: LineIndex,
    findings: Vec<crate::finding::Finding>,
}

/// Run `quadra check`.
pub fn run(a: CheckArgs) -> Result<i32, String> {
    let Some(rules) = load_rules(&a.rules, a.no_config)? else {
        return Ok(EXIT_USAGE);
    };
    let deny = a.deny == Some(Deny::Warnings);
    let mut usage = false;
    let mut letti = Vec::new();
    for path in &a.reports {
        let bytes = match read_input(path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("quadra: cannot read {path}: {e}");
                usage = true;
                continue;
            }
        };
        match parse(&bytes) {
            Ok(p) => {
                let legami =
                    match carica_legami(path, a.links.as_deref(), !a.no_config, &p.documento)? {
                        Ok(l) => l,
                        Err(()) => return Ok(EXIT_USAGE),
                    };
                let findings = crate::rules::check_con_legami(
                    &p.documento,
                    &p.diagnostics,
                    &rules,
                    deny,
                    legami.as_ref(),
                );
                let index = LineIndex::new(&bytes);
                letti.push(Letto {
                    path: path.clone(),
                    bytes,
                    index,
                    findings,
                });
            }
            Err(e) => {
                let name = if path == "-" {
                    "<stdin>"
                } else {
                    path.as_str()
                };
                let source = Fonte::new(name, &bytes);
                eprint!("{}", render_stderr(&[Located::not_a_report(&e, &source)]));
                usage = true;
            }
        }
    }
    let esiti: Vec<Esito<'_>> = letti
        .iter()
        .map(|l| Esito {
            path: &l.path,
            bytes: &l.bytes,
            index: &l.index,
            findings: &l.findings,
        })
        .collect();
    let terminal = a.output.is_none() && io::stdout().is_terminal();
    let stile = Stile {
        colour: use_colour(terminal),
        width: a.width,
    };
    {
        let mut out: Box<dyn Write> = match &a.output {
            Some(f) => Box::new(BufWriter::new(
                File::create(f).map_err(|e| format!("cannot write {}: {e}", f.display()))?,
            )),
            None => Box::new(BufWriter::new(io::stdout().lock())),
        };
        output::write(a.format, &mut out, &esiti, &rules, stile)
            .and_then(|_| out.flush())
            .map_err(|e| format!("cannot write output: {e}"))?;
    }
    if usage {
        return Ok(EXIT_USAGE);
    }
    let errors = letti
        .iter()
        .flat_map(|l| &l.findings)
        .any(|f| f.severity == Severity::Error);
    Ok(if errors { EXIT_FINDINGS } else { EXIT_OK })
}
