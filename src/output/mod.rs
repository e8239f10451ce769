//! Output formats of `quadra check`. Each format is a function from the
//! checked files to text; all of them locate findings through
//! [`crate::span::LineIndex::locate`], so they agree on every line and column.

pub mod github;
pub mod human;
pub mod json;
pub mod sarif;

use std::io::{self, Write};

use crate::config::RuleSet;
use crate::finding::Finding;
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
}

/// Write the files' findings in `formato`.
pub fn write(
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
        Formato::Xlsx => crate::xlsx::rilievi(files)
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
