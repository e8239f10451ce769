//! `quadra links suggest|show REPORT` and `quadra graph REPORT`: the vincolo
//! groups inferred from a report.

use std::io::{self, Write};
use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};

use super::check::{leggi_legami, valida_legami};
use super::with_report;
use crate::lang::item::items;
use crate::vincoli::dizionario::Dizionario;
use crate::vincoli::infer::costruisci;
use crate::vincoli::print::{self, Vista};

/// Arguments of `quadra links`.
#[derive(Debug, Args)]
pub struct LinksArgs {
    #[command(subcommand)]
    action: LinksCmd,
}

#[derive(Debug, Subcommand)]
enum LinksCmd {
    /// Propose vincolo groups with their evidence and confidence, as a link file to review and commit.
    Suggest {
        /// The report text file; `-` reads standard input.
        report: String,
        #[command(flatten)]
        legami: LegamiArgs,
        /// Write the link file here instead of standard output.
        #[arg(short = 'o', long)]
        output: Option<PathBuf>,
    },
    /// Show the vincolo groups as a table (or JSON): chapters, amounts per column, difference, evidence.
    Show {
        /// The report text file; `-` reads standard input.
        report: String,
        #[command(flatten)]
        legami: LegamiArgs,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ShowFormat::Text)]
        format: ShowFormat,
        /// Write the output to this file instead of standard output.
        #[arg(short = 'o', long)]
        output: Option<PathBuf>,
    },
}

/// Where the declared groups come from.
#[derive(Debug, Args)]
struct LegamiArgs {
    /// The link file declaring vincolo groups (default: <report name>.links.toml or
    /// rules/<report name>.links.toml in the report's folder or a parent, up to the repository root).
    #[arg(long, value_name = "FILE")]
    links: Option<PathBuf>,
    /// Do not look for the report's link file: inferred groups only.
    #[arg(long)]
    no_config: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ShowFormat {
    /// A table for people.
    Text,
    /// JSON, version 1.
    Json,
}

/// Arguments of `quadra graph`.
#[derive(Debug, Args)]
pub struct GraphArgs {
    /// The report text file; `-` reads standard input.
    report: String,
    #[command(flatten)]
    legami: LegamiArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = GraphFormat::Dot)]
    format: GraphFormat,
    /// Write the output to this file instead of standard output.
    #[arg(short = 'o', long)]
    output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum GraphFormat {
    /// Graphviz DOT (`dot -Tsvg`).
    Dot,
    /// The groups as JSON, version 1.
    Json,
}

type Printer = fn(&mut dyn Write, &str, &[Vista<'_, '_>]) -> io::Result<()>;

fn emit(
    report: &str,
    legami: &LegamiArgs,
    output: Option<PathBuf>,
    printer: Printer,
) -> Result<i32, String> {
    // Read the link file before the output is opened, and never write over
    // it: a reviewed link file is not to be replaced by suggestions.
    let (riga, _) = super::dove::riga_legami(report, legami.links.as_deref(), !legami.no_config);
    crate::avvisaln!("quadra: {riga}");
    let testo = leggi_legami(report, legami.links.as_deref(), !legami.no_config)?;
    if let (Some(t), Some(o)) = (&testo, &output) {
        let same = |a: &std::path::Path, b: &std::path::Path| {
            a.canonicalize()
                .ok()
                .is_some_and(|a| b.canonicalize().ok() == Some(a))
        };
        if same(&t.path, o) {
            return Err(format!(
                "{} is the link file in use: write the output elsewhere (and merge what you keep by hand)",
                o.display()
            ));
        }
    }
    with_report(report, output, move |out, path, bytes, index, p| {
        let file = match testo.as_ref().map(|t| valida_legami(t, &p.documento)) {
            None => None,
            Some(Ok(f)) => Some(f),
            Some(Err(testo)) => {
                crate::avvisa!("{testo}");
                return Err(io::Error::new(
                    io::ErrorKind::InvalidData,
                    "the link file is invalid (see above)",
                ));
            }
        };
        let diz = Dizionario::ufficiale();
        let all: Vec<_> = p.documento.reports.iter().map(items).collect();
        let grafi: Vec<_> = p
            .documento
            .reports
            .iter()
            .zip(&all)
            .map(|(r, it)| {
                let dir = r.direzione.as_ref().map(|d| d.codice.as_str());
                costruisci(it, file.as_ref().map(|f| (f, dir)), diz)
            })
            .collect();
        let viste: Vec<Vista<'_, '_>> = p
            .documento
            .reports
            .iter()
            .zip(&grafi)
            .map(|(report, grafo)| Vista {
                report,
                grafo,
                bytes,
                index,
            })
            .collect();
        printer(out, path, &viste)
    })
    // Exit code as for `parse`: 1 when lines could not be read (reported on
    // standard error; the groups are still printed), 2 when not a report.
}

/// Run `quadra links`.
impl LinksArgs {
    /// The report (where the project file and language are looked for).
    pub(crate) fn primo(&self) -> Option<&str> {
        match &self.action {
            LinksCmd::Suggest { report, .. } | LinksCmd::Show { report, .. } => Some(report),
        }
    }
}

impl GraphArgs {
    /// The report (where the project file and language are looked for).
    pub(crate) fn primo(&self) -> Option<&str> {
        Some(&self.report)
    }
}

pub fn run(a: LinksArgs) -> Result<i32, String> {
    match a.action {
        LinksCmd::Suggest {
            report,
            legami,
            output,
        } => emit(&report, &legami, output, print::suggerimento),
        LinksCmd::Show {
            report,
            legami,
            format,
            output,
        } => match format {
            ShowFormat::Text => emit(&report, &legami, output, |o, _, v| print::tabella(o, v)),
            ShowFormat::Json => emit(&report, &legami, output, |o, _, v| print::json(o, v)),
        },
    }
}

/// Run `quadra graph`.
pub fn run_graph(a: GraphArgs) -> Result<i32, String> {
    match a.format {
        GraphFormat::Dot => emit(&a.report, &a.legami, a.output, |o, _, v| print::dot(o, v)),
        GraphFormat::Json => emit(&a.report, &a.legami, a.output, |o, _, v| print::json(o, v)),
    }
}
