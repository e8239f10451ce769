//! The arguments of `quadra check`, and those `diff` and `report` share
//! ([`Regole`]: rule files, link files, `--deny`, `--profile`).

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use crate::diagnostic::Severity;
use crate::output::Formato;

/// Arguments of `quadra check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Report text files or folders of them; `-` reads standard input.
    #[arg(required = true)]
    pub(super) reports: Vec<String>,
    #[command(flatten)]
    pub(super) regole: Regole,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Formato::Human)]
    pub(super) format: Formato,
    /// Write the output to this file instead of standard output.
    #[arg(short = 'o', long)]
    pub(super) output: Option<PathBuf>,
    /// Width of the human output (default: 100).
    #[arg(long, default_value_t = 100)]
    pub(super) width: usize,
    /// Human output: list every review aid (info), not the first of each rule.
    #[arg(long)]
    pub(super) verbose: bool,
    /// Show only findings of this severity and above, in every format
    /// (default: info; warning for `--format github`). Hidden findings do
    /// not count for the exit code.
    #[arg(long, value_enum, value_name = "SEVERITY")]
    pub(super) min_severity: Option<MinSeverity>,
    /// Show only the findings of this rule (repeatable; a glob: `parse::*`).
    #[arg(long = "rule", value_name = "ID")]
    pub(super) rule: Vec<String>,
    /// Show only the findings on this chapter, PEG key `3763 20 2` or a glob
    /// `3763 *`; a vincolo group's findings match each of its chapters (repeatable).
    #[arg(long = "chapter", value_name = "KEY")]
    pub(super) chapter: Vec<String>,
    /// Hide the findings this baseline accepts (same rule, report, chapter
    /// and amounts); report entries that match nothing as stale.
    #[arg(long, value_name = "FILE")]
    pub(super) baseline: Option<PathBuf>,
    /// Record the current errors and warnings as a baseline in FILE (keeping
    /// the justifications of entries already there), then hide them.
    #[arg(long, value_name = "FILE", conflicts_with = "baseline")]
    pub(super) write_baseline: Option<PathBuf>,
    /// With --baseline: remove the stale entries from the file.
    #[arg(long)]
    pub(super) prune: bool,
    /// Worker threads (default: one per core; at most the number of files
    /// and four per core).
    #[arg(short = 'j', long, value_name = "N", value_parser = clap::value_parser!(usize))]
    pub(super) jobs: Option<usize>,
}

impl CheckArgs {
    /// The first input (where the project file and language are looked for).
    pub(crate) fn primo(&self) -> Option<&str> {
        self.reports.first().map(String::as_str)
    }
}

/// Where rules and link files come from, and `--deny`: the same for
/// `check`, `diff` and `report`.
#[derive(Debug, Args)]
pub struct Regole {
    /// Rule files applied after the defaults and quadra.toml (repeatable; later ones win).
    #[arg(long = "rules", value_name = "FILE")]
    pub(super) rules: Vec<PathBuf>,
    /// Do not look for a quadra.toml nor for the report's link file.
    #[arg(long)]
    pub(super) no_config: bool,
    /// The link file declaring the report's vincolo groups (default:
    /// <report name>.links.toml or rules/<report name>.links.toml in the
    /// report's folder or a parent, up to the repository root).
    #[arg(long, value_name = "FILE")]
    pub(super) links: Option<PathBuf>,
    /// A report without a link file is an error (exit 2) instead of being
    /// checked with inferred vincolo groups.
    #[arg(long)]
    pub(super) require_links: bool,
    /// `--deny warnings`: warnings count as errors (severity and exit code);
    /// `--deny empty-justification`, `--deny stale`: baseline entries
    /// without a justification, or matching no finding, are errors (exit 1).
    /// Repeatable, or comma-separated.
    #[arg(long, value_enum, value_delimiter = ',')]
    pub(super) deny: Vec<Deny>,
    /// Read tables of chapters (`.csv`, `.tsv`, `.xlsx`, `.ods`...; any input when given) with
    /// this mapping profile: a built-in one (`quadra`, `milano-ds397`) or a
    /// TOML file (default: the built-in profile that recognises the header).
    #[arg(long, value_name = "NAME|FILE")]
    pub(super) profile: Option<String>,
}

/// `--min-severity`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(super) enum MinSeverity {
    Info,
    Warning,
    Error,
}

impl MinSeverity {
    pub(super) fn severity(self) -> Severity {
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
