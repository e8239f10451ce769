//! Output formats of `quadra check`. Each format is a function from the
//! checked files to text; all of them locate findings through
//! [`crate::span::LineIndex::locate`], so they agree on every line and column.

pub mod flusso;
pub mod github;
pub mod human;
pub mod json;
mod rientro;
pub mod sarif;
pub mod xlsx;

use std::io::{self, Write};

use crate::config::RuleSet;
use crate::diagnostic::Severity;
use crate::finding::Finding;
use crate::lang::selector::Glob;
use crate::sink::Conteggi;
use crate::span::{LineIndex, Location};

/// The output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Formato {
    /// Annotated source excerpts for people (miette), then a summary line.
    Human,
    /// Versioned JSON (see README).
    Json,
    /// SARIF 2.1.0, for code-scanning tools.
    Sarif,
    /// GitHub Actions workflow commands (`::error file=...`).
    Github,
    /// An XLSX workbook, one finding per row (amounts as numbers); write it with `-o FILE`.
    Xlsx,
}

/// One checked file.
#[derive(Clone, Copy)]
pub struct Esito<'a> {
    /// The path as given (`-` for standard input).
    pub path: &'a str,
    /// Its bytes.
    pub bytes: &'a [u8],
    /// Its line index.
    pub index: &'a LineIndex,
    /// Its findings, severities resolved.
    pub findings: &'a [Finding],
    /// Findings hidden because a baseline accepts them.
    pub accettati: usize,
    /// Rules switched off because the input (a table) cannot feed them, and why.
    pub non_applicabili: &'a [(String, &'static str)],
    /// What the table reader left out or read specially.
    pub note: &'a [String],
    /// Findings the filters (`--min-severity`, `--rule`, `--chapter`) dropped.
    pub filtrati: usize,
}

impl<'a> Esito<'a> {
    /// A checked file, nothing hidden by a baseline.
    pub fn new(
        path: &'a str,
        bytes: &'a [u8],
        index: &'a LineIndex,
        findings: &'a [Finding],
    ) -> Self {
        Esito {
            path,
            bytes,
            index,
            findings,
            accettati: 0,
            non_applicabili: &[],
            note: &[],
            filtrati: 0,
        }
    }

    /// The name to show for the file.
    pub fn nome(&self) -> &str {
        if self.path == "-" {
            "<stdin>"
        } else {
            self.path
        }
    }

    /// Where a span is.
    pub fn locate(&self, span: crate::span::Span) -> Location {
        self.index.locate(self.bytes, span)
    }
}

/// Options of the human format.
#[derive(Debug, Clone, Copy)]
pub struct Stile {
    /// ANSI colours.
    pub colour: bool,
    /// Width in columns.
    pub width: usize,
    /// Every review aid listed, not the first few of each rule.
    pub verbose: bool,
}

/// Which findings are shown (`--min-severity`, `--rule`, `--chapter`): one
/// filter applied before every format, so that no two formats disagree.
/// Findings it drops do not count for the summary or the exit code.
#[derive(Debug, Clone, Default)]
pub struct Filtro {
    /// The lowest severity shown (`None`: every severity, but `warning`
    /// for the GitHub format, whose annotations are few).
    pub min: Option<Severity>,
    /// Rule ids (globs: `parse::*`); empty: every rule.
    pub regole: Vec<Glob>,
    /// PEG keys (globs on `3763 20 2`): a finding whose chapter, or one of
    /// whose group's chapters, matches; empty: every finding.
    pub capitoli: Vec<Glob>,
}

impl Filtro {
    /// The filter as given on the command line; keys are read with their
    /// blanks collapsed (`"3763  20 2"` is `3763 20 2`).
    pub fn new(min: Option<Severity>, regole: &[String], capitoli: &[String]) -> Self {
        let norm = |s: &String| Glob(s.split_whitespace().collect::<Vec<_>>().join(" "));
        Filtro {
            min,
            regole: regole.iter().map(|r| Glob(r.trim().to_string())).collect(),
            capitoli: capitoli.iter().map(norm).collect(),
        }
    }

    /// The `--rule` patterns that match no rule of `rules` and no parse
    /// code, each with a close id if there is one: a misspelt `--rule`
    /// would otherwise hide everything and pass a CI job.
    pub fn regole_ignote<'r>(&self, rules: &'r RuleSet) -> Vec<(String, Option<&'r str>)> {
        let ids: Vec<&str> = rules
            .rules
            .iter()
            .map(|r| r.id.as_str())
            .chain(crate::diagnostic::ParseCode::ALL.iter().map(|c| c.as_str()))
            .collect();
        self.regole
            .iter()
            .filter(|g| !ids.iter().any(|id| g.matches(id)))
            .map(|g| {
                let simile = crate::simili::simili(&g.0, rules.rules.iter().map(|r| r.id.as_str()))
                    .first()
                    .copied();
                (g.0.clone(), simile)
            })
            .collect()
    }

    /// The `--chapter` patterns that cannot be a PEG key: only digits,
    /// blanks and the glob characters `*` `?` can match one.
    pub fn capitoli_invalidi(&self) -> Vec<String> {
        self.capitoli
            .iter()
            .filter(|g| {
                g.0.is_empty()
                    || !g
                        .0
                        .chars()
                        .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '*' | '?'))
            })
            .map(|g| g.0.clone())
            .collect()
    }

    /// The lowest severity shown in `formato`.
    pub fn minimo(&self, formato: Formato) -> Severity {
        match (self.min, formato) {
            (Some(s), _) => s,
            (None, Formato::Github) => Severity::Warning,
            (None, _) => Severity::Info,
        }
    }

    /// True when `f` is shown in `formato`.
    pub fn tiene(&self, formato: Formato, f: &Finding) -> bool {
        f.severity >= self.minimo(formato)
            && (self.regole.is_empty() || self.regole.iter().any(|g| g.matches(&f.rule)))
            && (self.capitoli.is_empty()
                || f.key.iter().chain(&f.capitoli).any(|k| {
                    let k = k.to_string();
                    self.capitoli.iter().any(|g| g.matches(&k))
                }))
    }

    /// True when the filter can drop something in `formato`.
    pub fn attivo(&self, formato: Formato) -> bool {
        self.minimo(formato) > Severity::Info
            || !self.regole.is_empty()
            || !self.capitoli.is_empty()
    }

    /// The findings of `findings` shown in `formato`.
    pub fn applica(&self, formato: Formato, findings: &[Finding]) -> Vec<Finding> {
        findings
            .iter()
            .filter(|f| self.tiene(formato, f))
            .cloned()
            .collect()
    }
}

/// Write every finding of the files in `formato` (no filter, GitHub's
/// infos too: `quadra check` applies its [`Filtro`] with [`write_filtrato`]).
pub fn write(
    formato: Formato,
    out: &mut dyn Write,
    files: &[Esito<'_>],
    rules: &RuleSet,
    stile: Stile,
) -> io::Result<()> {
    scrivi(formato, out, files, rules, stile)
}

/// Write the findings of the files that `filtro` keeps in `formato`; the
/// number it drops is said in the human summary.
pub fn write_filtrato(
    formato: Formato,
    out: &mut dyn Write,
    files: &[Esito<'_>],
    rules: &RuleSet,
    stile: Stile,
    filtro: &Filtro,
) -> io::Result<()> {
    if !filtro.attivo(formato) {
        return scrivi(formato, out, files, rules, stile);
    }
    let tenuti: Vec<Vec<Finding>> = files
        .iter()
        .map(|f| filtro.applica(formato, f.findings))
        .collect();
    let filtrati: Vec<Esito<'_>> = files
        .iter()
        .zip(&tenuti)
        .map(|(f, t)| Esito {
            findings: t,
            filtrati: f.filtrati + (f.findings.len() - t.len()),
            ..*f
        })
        .collect();
    scrivi(formato, out, &filtrati, rules, stile)
}

fn scrivi(
    formato: Formato,
    out: &mut dyn Write,
    files: &[Esito<'_>],
    rules: &RuleSet,
    stile: Stile,
) -> io::Result<()> {
    match formato {
        Formato::Human => human::write(out, files, stile),
        Formato::Json => json::write(out, files),
        Formato::Sarif => sarif::write(out, files, rules),
        Formato::Github => github::write(out, files),
        Formato::Xlsx => xlsx::rilievi(files)
            .map_err(io::Error::other)
            .and_then(|b| out.write_all(&b)),
    }
}

/// Counts over all files.
pub fn totale(files: &[Esito<'_>]) -> Conteggi {
    files
        .iter()
        .fold(Conteggi::default(), |c, f| c.plus(Conteggi::of(f.findings)))
}
