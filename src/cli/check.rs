//! `quadra check`: parse each report, run the rules, print the findings.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;

use super::{read_input, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE};
use crate::ast::Documento;
use crate::baseline::{self, Baseline, Confronto};
use crate::config::{load, RuleSet, Sorgente};
use crate::diagnostic::Severity;
use crate::finding::Finding;
use crate::output::{self, Esito, Formato, Stile};
use crate::parse::parse;
use crate::render::{render_stderr, use_colour, Fonte, Located};
use crate::span::LineIndex;
use crate::vincoli::links::{leggi, verifica, FileLegami};

/// Arguments of `quadra check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Report text files or folders of them; `-` reads standard input.
    #[arg(required = true)]
    reports: Vec<String>,
    #[command(flatten)]
    regole: Regole,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Formato::Human)]
    format: Formato,
    /// Write the output to this file instead of standard output.
    #[arg(short = 'o', long)]
    output: Option<PathBuf>,
    /// Width of the human output (default: 100).
    #[arg(long, default_value_t = 100)]
    width: usize,
    /// Human output: list every review aid (info), not the first of each rule.
    #[arg(long)]
    verbose: bool,
    /// Show only findings of this severity and above, in every format
    /// (default: info; warning for `--format github`). Hidden findings do
    /// not count for the exit code.
    #[arg(long, value_enum, value_name = "SEVERITY")]
    min_severity: Option<MinSeverity>,
    /// Show only the findings of this rule (repeatable; a glob: `parse::*`).
    #[arg(long = "rule", value_name = "ID")]
    rule: Vec<String>,
    /// Show only the findings on this chapter, PEG key `3763 20 2` or a glob
    /// `3763 *`; a vincolo group's findings match each of its chapters (repeatable).
    #[arg(long = "chapter", value_name = "KEY")]
    chapter: Vec<String>,
    /// Hide the findings this baseline accepts (same rule, report, chapter
    /// and amounts); report entries that match nothing as stale.
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Record the current errors and warnings as a baseline in FILE (keeping
    /// the justifications of entries already there), then hide them.
    #[arg(long, value_name = "FILE", conflicts_with = "baseline")]
    write_baseline: Option<PathBuf>,
    /// With --baseline: remove the stale entries from the file.
    #[arg(long)]
    prune: bool,
    /// Worker threads (default: one per core; at most the number of files
    /// and four per core).
    #[arg(short = 'j', long, value_name = "N", value_parser = clap::value_parser!(usize))]
    jobs: Option<usize>,
}

/// Where rules and link files come from, and `--deny`: the same for
/// `check`, `diff` and `report`.
#[derive(Debug, Args)]
pub struct Regole {
    /// Rule files applied after the defaults and quadra.toml (repeatable; later ones win).
    #[arg(long = "rules", value_name = "FILE")]
    rules: Vec<PathBuf>,
    /// Do not look for a quadra.toml nor for the report's link file.
    #[arg(long)]
    no_config: bool,
    /// The link file declaring the report's vincolo groups (default:
    /// <report name>.links.toml or rules/<report name>.links.toml in the
    /// report's folder or a parent, up to the repository root).
    #[arg(long, value_name = "FILE")]
    links: Option<PathBuf>,
    /// A report without a link file is an error (exit 2) instead of being
    /// checked with inferred vincolo groups.
    #[arg(long)]
    require_links: bool,
    /// `--deny warnings`: warnings count as errors (severity and exit code);
    /// `--deny empty-justification`, `--deny stale`: baseline entries
    /// without a justification, or matching no finding, are errors (exit 1).
    /// Repeatable, or comma-separated.
    #[arg(long, value_enum, value_delimiter = ',')]
    deny: Vec<Deny>,
    /// Read tables of chapters (`.csv`, `.tsv`, `.xlsx`, `.ods`...; any input when given) with
    /// this mapping profile: a built-in one (`quadra`, `milano-ds397`) or a
    /// TOML file (default: the built-in profile that recognises the header).
    #[arg(long, value_name = "NAME|FILE")]
    profile: Option<String>,
}

impl Regole {
    /// The rule set for a run over `inputs` (`None`: invalid rule files,
    /// or a link file missing under `--require-links`; errors printed, exit
    /// 2). Says on standard error which project file and rule files are
    /// used, and for each input which link file, or that its groups are
    /// inferred. The project file is the one of `progetto_da` (which must
    /// agree on it).
    pub fn carica(
        &self,
        inputs: &[String],
        progetto_da: &[String],
    ) -> Result<Option<RuleSet>, String> {
        let progetto = if self.no_config {
            None
        } else {
            super::dove::progetto(progetto_da)?
        };
        crate::avvisa!(
            "{}",
            super::dove::righe_regole(inputs, progetto.as_deref(), self.no_config, &self.rules)
        );
        let mut mancanti = false;
        // Not looked for: one line says it for every input.
        let un_solo = self.no_config && self.links.is_none() && !self.require_links;
        let inputs = if un_solo {
            &inputs[..inputs.len().min(1)]
        } else {
            inputs
        };
        for i in inputs {
            let (riga, trovato) =
                super::dove::riga_legami(i, self.links.as_deref(), !self.no_config);
            if self.require_links && !trovato {
                crate::avvisa!(
                    "{}",
                    super::dove::errore_legami_mancanti(i, !self.no_config)
                );
                mancanti = true;
            } else {
                crate::avvisaln!("quadra: {riga}");
            }
        }
        if mancanti {
            return Ok(None);
        }
        load_rules(&self.rules, progetto.as_deref())
    }

    /// What a run over `inputs` used, for the machine formats.
    pub(crate) fn configurazione(&self, inputs: &[String]) -> io::Result<serde_json::Value> {
        let progetto = if self.no_config {
            None
        } else {
            super::dove::progetto(inputs).map_err(io::Error::other)?
        };
        Ok(super::dove::configurazione(
            inputs,
            progetto.as_deref(),
            &self.rules,
            self.links.as_deref(),
            !self.no_config,
        ))
    }

    /// The files this run reads besides the built-in rules: the rule files
    /// in order, and the link file of `report` (if one is named or found).
    pub(crate) fn file_usati(&self, report: &str) -> (Vec<PathBuf>, Option<PathBuf>) {
        let mut regole: Vec<PathBuf> = Vec::new();
        if !self.no_config {
            regole.extend(super::dove::trova_progetto(report));
        }
        regole.extend(self.rules.iter().cloned());
        let legami = trova_legami(report, self.links.as_deref(), !self.no_config);
        (regole, legami)
    }

    /// How to check a report with `rules`.
    pub(crate) fn come<'a>(&'a self, rules: &'a RuleSet, tollerante: bool) -> Come<'a> {
        Come {
            rules,
            links: self.links.as_deref(),
            discover: !self.no_config,
            deny: self.deny.contains(&Deny::Warnings),
            tollerante,
            profilo: self.profile.as_deref(),
        }
    }
}

/// `--min-severity`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum MinSeverity {
    Info,
    Warning,
    Error,
}

impl MinSeverity {
    fn severity(self) -> Severity {
        match self {
            MinSeverity::Info => Severity::Info,
            MinSeverity::Warning => Severity::Warning,
            MinSeverity::Error => Severity::Error,
        }
    }
}

/// What `--deny` promotes to errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Deny {
    /// Warnings become errors.
    Warnings,
    /// A baseline entry with an empty justification is an error.
    EmptyJustification,
    /// A stale baseline entry (matching no finding) is an error.
    Stale,
}

/// How many rule-file problems are drawn; the rest are counted.
const MAX_CONFIG_ERRORS: usize = 50;

/// Read, merge and validate the rule files (the built-in ones, the project
/// file `progetto`, then `extra`); errors are printed located, and `None` is
/// returned (exit 2).
pub fn load_rules(extra: &[PathBuf], progetto: Option<&Path>) -> Result<Option<RuleSet>, String> {
    let mut sorgenti = vec![Sorgente::default_rules()];
    let mut paths: Vec<PathBuf> = Vec::new();
    paths.extend(progetto.map(Path::to_path_buf));
    paths.extend(extra.iter().cloned());
    for p in paths {
        let bytes = std::fs::read(&p).map_err(|e| {
            crate::tr!(
                "io-cannot-read-rules",
                file = p.display().to_string(),
                error = e.to_string()
            )
        })?;
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
            crate::avvisa!("{}", render_stderr(&shown));
            if n > MAX_CONFIG_ERRORS {
                crate::avvisaln!(
                    "quadra: {}",
                    crate::tr!("cli-more-problems", n = n - MAX_CONFIG_ERRORS)
                );
            }
            crate::avvisaln!("quadra: {}", crate::tr!("cli-rule-problems", n = n));
            Ok(None)
        }
    }
}

/// The link file of a report: `explicit`, or when `discover`
/// `<name>.links.toml` or `rules/<name>.links.toml` in the report's folder
/// or a parent, up to the repository root ([`super::dove`]).
pub fn trova_legami(report: &str, explicit: Option<&Path>, discover: bool) -> Option<PathBuf> {
    if let Some(p) = explicit {
        return Some(p.to_path_buf());
    }
    if !discover {
        return None;
    }
    super::dove::trova_legami(report)
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
    let testo = std::fs::read_to_string(&path).map_err(|e| {
        crate::tr!(
            "io-cannot-read-links",
            file = path.display().to_string(),
            error = e.to_string()
        )
    })?;
    Ok(Some(TestoLegami {
        nome: path.display().to_string(),
        path,
        testo,
    }))
}

/// Check a link file's text against the document; `Err(text)`: the errors,
/// rendered located, to print before exiting with 2. With `tollerante`, the
/// chapters the document does not hold as V rows are left out first
/// ([`crate::vincoli::links::adatta`]), and how many is returned.
pub fn valida_legami_con(
    t: &TestoLegami,
    doc: &crate::ast::Documento,
    tollerante: bool,
) -> Result<(FileLegami, usize), String> {
    let errori = match leggi(&t.testo) {
        Ok(file) => {
            let (file, tolti) = if tollerante {
                crate::vincoli::links::adatta(&file, doc)
            } else {
                (file, 0)
            };
            let e = errori_documento(&file, doc);
            if e.is_empty() {
                return Ok((file, tolti));
            }
            e
        }
        Err(e) => e,
    };
    Err(rendi_errori_legami(t, errori))
}

/// [`valida_legami_con`], strict.
pub fn valida_legami(t: &TestoLegami, doc: &crate::ast::Documento) -> Result<FileLegami, String> {
    valida_legami_con(t, doc, false).map(|(f, _)| f)
}

/// Phase 2 of a link file: its chapters against every report of `doc`.
fn errori_documento(
    file: &FileLegami,
    doc: &crate::ast::Documento,
) -> Vec<crate::config::ConfigError> {
    let mut e = Vec::new();
    for r in &doc.reports {
        let its = crate::lang::item::items(r);
        e.extend(verifica(file, direzione(r), &its));
    }
    e.extend(errori_direzioni(file, &doc.reports));
    e
}

/// The Direzione code of a report, as link files name it.
fn direzione(r: &crate::ast::Report) -> Option<&str> {
    r.direzione.as_ref().map(|d| d.codice.as_str())
}

/// The link file's groups for a Direzione none of `reports` is: they would
/// never be checked.
fn errori_direzioni(
    file: &FileLegami,
    reports: &[crate::ast::Report],
) -> Vec<crate::config::ConfigError> {
    let dirs: Vec<Option<&str>> = reports.iter().map(direzione).collect();
    let mut e = Vec::new();
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
                    help: "correct `direzione`, or remove it when the file holds one report".into(),
                });
            }
        }
    }
    e
}

fn rendi_errori_legami(t: &TestoLegami, mut errori: Vec<crate::config::ConfigError>) -> String {
    errori.sort_by_key(|e| e.span.start);
    errori.dedup();
    let fonte = Fonte::new(&t.nome, t.testo.as_bytes());
    let shown: Vec<Located<'_>> = errori
        .iter()
        .take(MAX_CONFIG_ERRORS)
        .map(|e| Located::config(e, &fonte))
        .collect();
    format!(
        "{}quadra: {} problem(s) in the link file {}; nothing was checked\n",
        render_stderr(&shown),
        errori.len(),
        t.nome
    )
}

/// One report read, parsed and checked.
pub(crate) struct Letto {
    pub path: String,
    pub bytes: Vec<u8>,
    pub index: LineIndex,
    /// The reports read. After [`controlla_in_flusso`] only their identity
    /// (span, title, year, Direzione: what baselines key findings by), their
    /// trees having been dropped once checked.
    pub documento: Documento,
    /// What the parser said (also among `findings` once checked).
    pub diagnostiche: Vec<crate::diagnostic::ParseDiagnostic>,
    pub findings: Vec<Finding>,
    pub accettati: usize,
    /// The link file's groups, when it has one.
    pub legami: Option<FileLegami>,
    /// Said about the link file when it was cut to fit (see [`Come::tollerante`]).
    pub nota: Option<String>,
    /// A table's own rule set: the rules it cannot feed switched off.
    pub regole: Option<RuleSet>,
    /// Those rules and why (tables only).
    pub non_applicabili: Vec<(String, &'static str)>,
    /// What the table reader left out or read specially (tables only).
    pub note: Vec<String>,
}

/// Why an input was not checked; the text is printed in input order.
pub(crate) enum Problema {
    /// Unreadable, or not a report: the others are still checked (exit 2).
    Input(String),
    /// Its link file is invalid: nothing is reported (exit 2).
    Legami(String),
}

/// How to check a report: rules, link file, `--deny warnings`.
#[derive(Clone, Copy)]
pub(crate) struct Come<'a> {
    pub rules: &'a RuleSet,
    pub links: Option<&'a Path>,
    pub discover: bool,
    pub deny: bool,
    /// Leave out the link file's chapters the report does not hold as V
    /// rows, with a note, instead of refusing the file (`diff`'s old version).
    pub tollerante: bool,
    /// `--profile`: read the input as a table of chapters.
    pub profilo: Option<&'a str>,
}

/// Read, parse and check one report (on a worker thread).
pub(crate) fn controlla(path: &str, come: Come<'_>) -> Result<Letto, Problema> {
    let mut l = apri(path, come)?;
    l.findings = crate::rules::check_con_legami(
        &l.documento,
        &l.diagnostiche,
        l.regole.as_ref().unwrap_or(come.rules),
        come.deny,
        l.legami.as_ref(),
    );
    Ok(l)
}

/// Read, parse and check one report file a report (Direzione) at a time:
/// each report's tree is checked as soon as it is read, then dropped, so
/// that memory holds the input, one report's tree and the findings, however
/// many reports the file holds. What `check` prints is exactly what
/// [`controlla`] gives; the link file is checked strictly (never
/// [`Come::tollerante`]).
pub(crate) fn controlla_in_flusso(path: &str, come: Come<'_>) -> Result<Letto, Problema> {
    // A table of chapters is read whole, through its profile.
    if come.profilo.is_some() || crate::tabelle::e_tabella(path) {
        return controlla(path, come);
    }
    let bytes = read_input(path).map_err(|e| {
        Problema::Input(format!(
            "quadra: {}\n",
            crate::tr!("io-cannot-read", file = path, error = e.to_string())
        ))
    })?;
    // The link file is needed while the reports are read; its problems are
    // said after the report's own, as when the whole document is read first.
    let testo = leggi_legami(path, come.links, come.discover);
    let file = match &testo {
        Ok(Some(t)) => Some(leggi(&t.testo)),
        _ => None,
    };
    let valido = file.as_ref().and_then(|f| f.as_ref().ok());
    let mut controllo = crate::rules::Controllo::new(come.rules, come.deny, valido);
    let mut errori = Vec::new();
    let mut scheletri = Vec::new();
    let letto = crate::parse::parse_each_con(&bytes, |r, d| {
        controllo.letture(d);
        let its = crate::lang::item::items(&r);
        if let Some(f) = valido {
            errori.extend(verifica(f, direzione(&r), &its));
        }
        // Once the link file is known to be wrong nothing is reported.
        if errori.is_empty() {
            controllo.report(&r, &its);
        }
        drop(its);
        scheletri.push(scheletro(r));
    });
    let diagnostiche = match letto {
        Ok(d) => d,
        Err(e) => {
            let name = if path == "-" { "<stdin>" } else { path };
            let source = Fonte::new(name, &bytes);
            return Err(Problema::Input(render_stderr(&[Located::not_a_report(
                &e, &source,
            )])));
        }
    };
    for d in &diagnostiche {
        controllo.parse_diagnostic(d);
    }
    let findings = controllo.finish();
    let testo = testo.map_err(|m| Problema::Legami(format!("quadra: {m}\n")))?;
    let legami = match (testo, file) {
        (Some(t), Some(Err(e))) => return Err(Problema::Legami(rendi_errori_legami(&t, e))),
        (Some(t), Some(Ok(f))) => {
            errori.extend(errori_direzioni(&f, &scheletri));
            if !errori.is_empty() {
                return Err(Problema::Legami(rendi_errori_legami(&t, errori)));
            }
            Some(f)
        }
        _ => None,
    };
    let index = LineIndex::new(&bytes);
    Ok(Letto {
        path: path.to_string(),
        bytes,
        index,
        documento: Documento { reports: scheletri },
        diagnostiche,
        findings,
        accettati: 0,
        legami,
        nota: None,
        regole: None,
        non_applicabili: Vec::new(),
        note: Vec::new(),
    })
}

/// What is kept of a checked report: its identity, without its tree.
fn scheletro(r: crate::ast::Report) -> crate::ast::Report {
    crate::ast::Report {
        span: r.span,
        titolo: r.titolo,
        anno: r.anno,
        direzione: r.direzione,
        sezioni: Vec::new(),
        narrativa: Vec::new(),
        rumore: Vec::new(),
    }
}

/// Read and parse one report and its link file; no rule has run yet.
pub(crate) fn apri(path: &str, come: Come<'_>) -> Result<Letto, Problema> {
    let bytes = read_input(path).map_err(|e| {
        Problema::Input(format!(
            "quadra: {}\n",
            crate::tr!("io-cannot-read", file = path, error = e.to_string())
        ))
    })?;
    if come.profilo.is_some() || crate::tabelle::e_tabella(path) {
        return super::tabella::apri(path, &bytes, come);
    }
    let p = match parse(&bytes) {
        Ok(p) => p,
        Err(e) => {
            let name = if path == "-" { "<stdin>" } else { path };
            let source = Fonte::new(name, &bytes);
            return Err(Problema::Input(render_stderr(&[Located::not_a_report(
                &e, &source,
            )])));
        }
    };
    let mut nota = None;
    let legami = match leggi_legami(path, come.links, come.discover)
        .map_err(|m| Problema::Legami(format!("quadra: {m}\n")))?
    {
        None => None,
        Some(t) => {
            let (file, tolti) =
                valida_legami_con(&t, &p.documento, come.tollerante).map_err(Problema::Legami)?;
            if tolti > 0 {
                nota = Some(format!(
                    "quadra: {path}: {tolti} chapter(s) of the link file {} are not V rows of this version; it is checked without them\n",
                    t.path.display()
                ));
            }
            Some(file)
        }
    };
    let index = LineIndex::new(&bytes);
    Ok(Letto {
        path: path.to_string(),
        bytes,
        index,
        documento: p.documento,
        diagnostiche: p.diagnostics,
        findings: Vec::new(),
        accettati: 0,
        legami,
        nota,
        regole: None,
        non_applicabili: Vec::new(),
        note: Vec::new(),
    })
}

/// The report files named on the command line: files as given, folders
/// walked (sorted, hidden entries skipped) for `*.txt` files.
pub fn espandi(args: &[String]) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    for a in args {
        let p = Path::new(a);
        if a != "-" && p.is_dir() {
            let before = out.len();
            cammina(p, &mut out).map_err(|e| {
                crate::tr!(
                    "io-cannot-read-folder",
                    folder = a.as_str(),
                    error = e.to_string()
                )
            })?;
            if out.len() == before {
                return Err(crate::tr!("io-empty-folder", folder = a.as_str()));
            }
        } else {
            out.push(a.clone());
        }
    }
    Ok(out)
}

/// Walk `dir` for `*.txt` files. Symbolic links to folders are not
/// followed (a link to a parent would loop forever); a name that is not
/// UTF-8 is an error, not a file skipped.
fn cammina(dir: &Path, out: &mut Vec<String>) -> io::Result<()> {
    let mut entries: Vec<(PathBuf, std::fs::FileType)> = std::fs::read_dir(dir)?
        .map(|e| e.and_then(|e| Ok((e.path(), e.file_type()?))))
        .collect::<io::Result<_>>()?;
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    for (p, tipo) in entries {
        let Some(nome) = p.file_name() else { continue };
        if nome.to_string_lossy().starts_with('.') {
            continue;
        }
        if tipo.is_dir() {
            cammina(&p, out)?;
        } else if (!tipo.is_symlink() || !p.is_dir()) && p.extension().is_some_and(|e| e == "txt") {
            let s = p.to_str().ok_or_else(|| {
                io::Error::other(format!(
                    "the file name {} is not UTF-8; rename it",
                    p.display()
                ))
            })?;
            out.push(s.to_string());
        }
    }
    Ok(())
}

/// Check every input on a pool of `jobs` threads (all cores when `None`),
/// with a progress bar on a terminal. Results come back in input order.
fn controlla_tutti(
    paths: &[String],
    a: &CheckArgs,
    rules: &RuleSet,
) -> Result<Vec<Result<Letto, Problema>>, String> {
    let pb = if paths.len() > 1 && io::stderr().is_terminal() {
        let pb = ProgressBar::new(paths.len() as u64);
        pb.set_style(
            ProgressStyle::with_template("{bar:40} {pos}/{len} reports {elapsed} {wide_msg}")
                .map_err(|e| e.to_string())?,
        );
        pb
    } else {
        ProgressBar::hidden()
    };
    let lavoro = || {
        paths
            .par_iter()
            .map(|p| {
                let r = controlla_in_flusso(p, a.regole.come(rules, false));
                pb.set_message(p.clone());
                pb.inc(1);
                r
            })
            .collect::<Vec<_>>()
    };
    // More threads than files, or far more than cores, only cost.
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let out = match a.jobs.map(|n| fili(n, paths.len(), cores)) {
        // The process's pool, so that writing the output (laid out file by
        // file in parallel) keeps to `-j` too; a pool of its own when the
        // process already has one (the command run twice in one process).
        Some(n) => match rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global()
        {
            Ok(()) => lavoro(),
            Err(_) => rayon::ThreadPoolBuilder::new()
                .num_threads(n)
                .build()
                .map_err(|e| format!("cannot start {n} threads: {e}"))?
                .install(lavoro),
        },
        None => lavoro(),
    };
    pb.finish_and_clear();
    Ok(out)
}

/// Threads for `-j n`: at least one, at most one per file and four per
/// core (more only cost).
fn fili(n: usize, files: usize, cores: usize) -> usize {
    n.clamp(1, files.max(1).min(4 * cores))
}

/// Read a baseline file; errors are printed located (then exit 2).
pub(crate) fn leggi_baseline(path: &Path) -> Result<Result<(Baseline, String), ()>, String> {
    let testo = std::fs::read_to_string(path).map_err(|e| {
        crate::tr!(
            "io-cannot-read-baseline",
            file = path.display().to_string(),
            error = e.to_string()
        )
    })?;
    match baseline::leggi(&testo) {
        Ok(b) => Ok(Ok((b, testo))),
        Err(errori) => {
            let fonte = Fonte::new(&path.display().to_string(), testo.as_bytes());
            let shown: Vec<Located<'_>> = errori
                .iter()
                .take(MAX_CONFIG_ERRORS)
                .map(|e| Located::config(e, &fonte))
                .collect();
            crate::avvisa!("{}", render_stderr(&shown));
            crate::avvisaln!(
                "quadra: {}",
                crate::tr!(
                    "cli-baseline-problems",
                    n = errori.len(),
                    file = path.display().to_string()
                )
            );
            Ok(Err(()))
        }
    }
}

/// Record the findings as a baseline at `path`, keeping the justifications
/// of a baseline already there.
fn scrivi_baseline(path: &Path, letti: &[Letto]) -> Result<Result<Baseline, ()>, String> {
    let old = if path.exists() {
        match leggi_baseline(path)? {
            Ok((b, _)) => Some(b),
            Err(()) => return Ok(Err(())),
        }
    } else {
        None
    };
    let nuove: Vec<baseline::Voce> = letti
        .iter()
        .flat_map(|l| {
            l.findings
                .iter()
                .filter(|f| baseline::da_registrare(f))
                .map(|f| baseline::voce(f, &l.documento, &l.bytes))
        })
        .collect();
    let visti: std::collections::HashSet<String> = letti
        .iter()
        .flat_map(|l| {
            l.documento
                .reports
                .iter()
                .map(|r| baseline::identita_report(&l.documento, r.span))
        })
        .collect();
    let voci = baseline::unisci(old.as_ref(), nuove, &visti);
    std::fs::write(path, baseline::scrivi(&voci)).map_err(|e| {
        crate::tr!(
            "io-cannot-write-baseline",
            file = path.display().to_string(),
            error = e.to_string()
        )
    })?;
    crate::avvisaln!(
        "quadra: {}",
        crate::tr!(
            "cli-baseline-recorded",
            n = voci.len(),
            file = path.display().to_string()
        )
    );
    Ok(Ok(Baseline { voci }))
}

/// What the baseline policy (`--deny empty-justification`, `--deny stale`)
/// asks of a baseline given with `--baseline`.
#[derive(Clone, Copy, Default)]
struct Politica {
    /// Entries with an empty justification are errors.
    giustificate: bool,
    /// Stale entries are errors.
    stale: bool,
}

/// Say how many entries of the checked reports have an empty
/// justification: a warning, or located errors under `--deny
/// empty-justification`. Returns whether the policy was broken.
fn giustificazioni(confronto: &Confronto<'_>, testo: &str, path: &Path, nega: bool) -> bool {
    let vuote = confronto.vuote();
    if vuote.is_empty() {
        return false;
    }
    let file = path.display().to_string();
    if !nega {
        crate::avvisaln!(
            "quadra: {}",
            crate::tr!("cfg15-baseline-unjustified", n = vuote.len(), file = file)
        );
        return false;
    }
    let errori: Vec<crate::config::ConfigError> = vuote
        .iter()
        .map(|v| crate::config::ConfigError {
            sorgente: 0,
            span: riga_giustificazione(testo, v.span.clone()),
            message: crate::tr!(
                "cfg15-baseline-empty",
                rule = &v.id.rule,
                subject = &v.id.subject,
                report = &v.id.report
            ),
            help: crate::tr!("cfg15-baseline-empty-help"),
        })
        .collect();
    let fonte = Fonte::new(&file, testo.as_bytes());
    let shown: Vec<Located<'_>> = errori
        .iter()
        .take(MAX_CONFIG_ERRORS)
        .map(|e| Located::config(e, &fonte).come("baseline::empty-justification", Severity::Error))
        .collect();
    crate::avvisa!("{}", render_stderr(&shown));
    if errori.len() > MAX_CONFIG_ERRORS {
        crate::avvisaln!(
            "quadra: {}",
            crate::tr!("cli-more-problems", n = errori.len() - MAX_CONFIG_ERRORS)
        );
    }
    crate::avvisaln!(
        "quadra: {}",
        crate::tr!("cfg15-baseline-denied-empty", n = errori.len(), file = file)
    );
    true
}

/// Where an entry's `justification` line is in the baseline text (the
/// entry's own span when it has none).
fn riga_giustificazione(testo: &str, entry: std::ops::Range<usize>) -> std::ops::Range<usize> {
    // The entry's span may be its `[[accepted]]` header alone: its keys
    // run to the next table header.
    let Some(t) = testo.get(entry.start..) else {
        return entry;
    };
    let mut at = 0;
    for (i, riga) in t.split_inclusive('\n').enumerate() {
        let chiave = riga.trim_start();
        if i > 0 && chiave.starts_with('[') {
            break;
        }
        if chiave.starts_with("justification") {
            let inizio = entry.start + at + (riga.len() - chiave.len());
            return inizio..entry.start + at + riga.trim_end().len();
        }
        at += riga.len();
    }
    entry
}

/// Hide what the baseline accepts; report stale entries (or prune them).
/// Returns whether the baseline policy was broken (exit 1).
fn applica_baseline(
    b: &Baseline,
    testo: Option<&str>,
    path: &Path,
    prune: bool,
    politica: Politica,
    letti: &mut [Letto],
) -> Result<bool, String> {
    let mut confronto = Confronto::new(b);
    for l in letti.iter_mut() {
        l.accettati = confronto
            .applica(&mut l.findings, &l.documento, &l.bytes)
            .nascosti;
    }
    let rotta = testo.is_some_and(|t| giustificazioni(&confronto, t, path, politica.giustificate));
    let stale = confronto.stale_errors();
    if stale.is_empty() {
        return Ok(rotta);
    }
    if prune {
        let tenute: Vec<baseline::Voce> = confronto.tenute().into_iter().cloned().collect();
        std::fs::write(path, baseline::scrivi(&tenute)).map_err(|e| {
            crate::tr!(
                "io-cannot-write-baseline",
                file = path.display().to_string(),
                error = e.to_string()
            )
        })?;
        crate::avvisaln!(
            "quadra: {}",
            crate::tr!(
                "cli-baseline-removed",
                n = stale.len(),
                file = path.display().to_string()
            )
        );
    } else if let Some(testo) = testo {
        let fonte = Fonte::new(&path.display().to_string(), testo.as_bytes());
        let gravita = if politica.stale {
            Severity::Error
        } else {
            Severity::Warning
        };
        let shown: Vec<Located<'_>> = stale
            .iter()
            .map(|e| Located::config(e, &fonte).come("baseline::stale", gravita))
            .collect();
        crate::avvisa!("{}", render_stderr(&shown));
        crate::avvisaln!(
            "quadra: {}",
            crate::tr!(
                "cli-baseline-stale",
                n = stale.len(),
                file = path.display().to_string()
            )
        );
        if politica.stale {
            crate::avvisaln!(
                "quadra: {}",
                crate::tr!(
                    "cfg15-baseline-denied-stale",
                    n = stale.len(),
                    file = path.display().to_string()
                )
            );
            return Ok(true);
        }
    }
    Ok(rotta)
}

impl CheckArgs {
    /// The first input (where the project file and language are looked for).
    pub(crate) fn primo(&self) -> Option<&str> {
        self.reports.first().map(String::as_str)
    }
}

/// Run `quadra check`.
pub fn run(a: CheckArgs) -> Result<i32, String> {
    if a.prune && a.baseline.is_none() {
        return Err("`--prune` needs `--baseline FILE`".into());
    }
    let paths = espandi(&a.reports)?;
    let Some(rules) = a.regole.carica(&paths, &paths)? else {
        return Ok(EXIT_USAGE);
    };
    let filtro = output::Filtro::new(
        a.min_severity.map(MinSeverity::severity),
        &a.rule,
        &a.chapter,
    );
    let ignote = filtro.regole_ignote(&rules);
    for (id, simile) in &ignote {
        let hint = simile
            .map(|s| crate::tr!("rules-did-you-mean", id = s))
            .unwrap_or_default();
        eprintln!(
            "quadra: {}",
            crate::tr!("check-unknown-rule-filter", id = id, hint = hint)
        );
    }
    let invalidi = filtro.capitoli_invalidi();
    for k in &invalidi {
        eprintln!(
            "quadra: {}",
            crate::tr!("check-bad-chapter-filter", key = k)
        );
    }
    if !ignote.is_empty() || !invalidi.is_empty() {
        return Ok(EXIT_USAGE);
    }
    let baseline_letta = match &a.baseline {
        Some(p) => match leggi_baseline(p)? {
            Ok(b) => Some(b),
            Err(()) => return Ok(EXIT_USAGE),
        },
        None => None,
    };
    let mut usage = false;
    let mut letti = Vec::new();
    let mut legami_invalidi = false;
    for r in controlla_tutti(&paths, &a, &rules)? {
        match r {
            Ok(l) => letti.push(l),
            Err(Problema::Input(t)) => {
                crate::avvisa!("{t}");
                usage = true;
            }
            Err(Problema::Legami(t)) => {
                crate::avvisa!("{t}");
                legami_invalidi = true;
            }
        }
    }
    if legami_invalidi {
        return Ok(EXIT_USAGE);
    }
    let mut politica_rotta = false;
    if let Some(w) = &a.write_baseline {
        match scrivi_baseline(w, &letti)? {
            Ok(b) => {
                applica_baseline(&b, None, w, false, Politica::default(), &mut letti)?;
            }
            Err(()) => return Ok(EXIT_USAGE),
        }
    } else if let (Some((b, testo)), Some(p)) = (&baseline_letta, &a.baseline) {
        let politica = Politica {
            giustificate: a.regole.deny.contains(&Deny::EmptyJustification),
            stale: a.regole.deny.contains(&Deny::Stale),
        };
        politica_rotta = applica_baseline(b, Some(testo), p, a.prune, politica, &mut letti)?;
    }
    let esiti: Vec<Esito<'_>> = letti
        .iter()
        .map(|l| Esito {
            accettati: l.accettati,
            non_applicabili: &l.non_applicabili,
            note: &l.note,
            ..Esito::new(&l.path, &l.bytes, &l.index, &l.findings)
        })
        .collect();
    let terminal = a.output.is_none() && io::stdout().is_terminal();
    let stile = Stile {
        colour: use_colour(terminal),
        width: a.width,
        verbose: a.verbose,
    };
    {
        let mut out = super::uscita(a.output.as_deref())?;
        let conf = || a.regole.configurazione(&paths);
        match a.format {
            // What the run used, as a last top-level field / a property of the run.
            Formato::Json => {
                let mut coda = super::dove::Coda::new(&mut out);
                output::write_filtrato(a.format, &mut coda, &esiti, &rules, stile, &filtro)
                    .and_then(|_| coda.chiudi("configuration", &conf()?))
            }
            Formato::Sarif => {
                let mut buf = Vec::new();
                output::write_filtrato(a.format, &mut buf, &esiti, &rules, stile, &filtro).and_then(
                    |_| {
                        let mut log: serde_json::Value =
                            serde_json::from_slice(&buf).map_err(io::Error::other)?;
                        if let Some(run) = log.pointer_mut("/runs/0") {
                            run["properties"]["configuration"] = conf()?;
                        }
                        serde_json::to_writer_pretty(&mut out, &log).map_err(io::Error::other)?;
                        writeln!(out)
                    },
                )
            }
            _ => output::write_filtrato(a.format, &mut out, &esiti, &rules, stile, &filtro),
        }
        .and_then(|_| out.flush())
        .map_err(|e| crate::tr!("io-cannot-write-output", error = e.to_string()))?;
    }
    // Machine formats carry per-file data; people reading the log still get
    // the table.
    if a.format != Formato::Human && esiti.len() > 1 {
        let tenuti: Vec<Vec<crate::finding::Finding>> = esiti
            .iter()
            .map(|e| filtro.applica(a.format, e.findings))
            .collect();
        let filtrati: Vec<Esito<'_>> = esiti
            .iter()
            .zip(&tenuti)
            .map(|(e, t)| Esito { findings: t, ..*e })
            .collect();
        crate::avvisa!("{}", output::human::tabella(&filtrati));
    }
    // Only what the filters show counts: `--rule X` gates on X alone.
    let errors = letti
        .iter()
        .flat_map(|l| &l.findings)
        .any(|f| f.severity == Severity::Error && filtro.tiene(a.format, f));
    // The process ends here: freeing every document one allocation at a
    // time would be a sequential tail after the parallel work.
    drop(esiti);
    std::mem::forget(letti);
    Ok(if usage {
        EXIT_USAGE
    } else if errors || politica_rotta {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    })
}

#[cfg(test)]
mod tests {
    use super::fili;

    #[test]
    fn threads_are_bounded_by_files_and_cores() {
        assert_eq!(fili(100_000, 1, 2), 1);
        assert_eq!(fili(100_000, 200, 2), 8);
        assert_eq!(fili(3, 200, 2), 3);
        assert_eq!(fili(0, 200, 2), 1);
        assert_eq!(fili(5, 0, 2), 1);
    }
}
