//! `quadra links suggest|show REPORT` and `quadra graph REPORT`: the vincolo
//! groups inferred from a report.

use std::io::{self, Write};
use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};

use super::with_report;
use crate::lang::item::items;
use crate::vincoli::dizionario::Dizionario;
use crate::vincoli::infer::inferisci;
use crate::vincoli::stampa::{self, Vista};

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
        /// Write the link file here instead of standard output.
        #[arg(short = 'o', long)]
        output: Option<PathBuf>,
    },
    /// Show the vincolo groups as a table (or JSON): chapters, amounts per column, difference, evidence.
    Show {
        /// The report text file; `-` reads standard input.
        report: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ShowFormat::Text)]
        format: ShowFormat,
        /// Write the output to this file instead of standard output.
        #[arg(short = 'o', long)]
        output: Option<PathBuf>,
    },
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

type Stampa = fn(&mut dyn Write, &str, &[Vista<'_, '_>]) -> io::Result<()>;

fn emit(report: &str, output: Option<PathBuf>, stampa: Stampa) -> Result<i32, String> {
    with_report(report, output, move |out, path, bytes, index, p| {
        let diz = Dizionario::ufficiale();
        let all: Vec<_> = p.documento.reports.iter().map(items).collect();
        let grafi: Vec<_> = all.iter().map(|it| inferisci(it, diz)).collect();
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
        stampa(out, path, &viste)
    })
    // Exit code as for `parse`: 1 when lines could not be read (reported on
    // standard error; the groups are still printed), 2 when not a report.
}

/// Run `quadra links`.
pub fn run(a: LinksArgs) -> Result<i32, String> {
    match a.action {
        LinksCmd::Suggest { report, output } => emit(&report, output, stampa::suggerimento),
        LinksCmd::Show {
            report,
            format: ShowFormat::Text,
            output,
        } => emit(&report, output, |o, _, v| stampa::tabella(o, v)),
        LinksCmd::Show {
            report,
            format: ShowFormat::Json,
            output,
        } => emit(&report, output, |o, _, v| stampa::json(o, v)),
    }
}

/// Run `quadra graph`.
pub fn run_graph(a: GraphArgs) -> Result<i32, String> {
    match a.format {
        GraphFormat::Dot => emit(&a.report, a.output, |o, _, v| stampa::dot(o, v)),
        GraphFormat::Json => emit(&a.report, a.output, |o, _, v| stampa::json(o, v)),
    }
}
