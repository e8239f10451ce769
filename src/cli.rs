//! The command line: `quadra check`, `diff`, `report`, `reconcile`,
//! `generate`, `rules`, `links`, `graph`, `parse` and `export`.
//!
//! Exit codes: 0 no error-severity finding, 1 at least one, 2 usage error,
//! unreadable input, invalid rule file, or input that is not a report.

/// `eprint!` that never panics: when standard error is a closed pipe
/// (`quadra check R 2>&1 | head -1`) the text is dropped and the run goes on
/// to its own exit code.
#[macro_export]
macro_rules! avvisa {
    ($($t:tt)*) => {{
        use std::io::Write as _;
        let _ = write!(std::io::stderr(), $($t)*);
    }};
}

/// `eprintln!` that never panics (see [`avvisa!`]).
#[macro_export]
macro_rules! avvisaln {
    ($($t:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($t)*);
    }};
}

pub(crate) mod check;
mod diff;
mod dove;
mod generate;
mod links;
mod reconcile;
mod report;
mod rules;
mod tabella;

use std::ffi::OsString;
use std::fs::File;
use std::io::{self, BufWriter, Read, Write};
use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::diagnostic::Severity;
use crate::export;
use crate::lingua::{self, Lingua};
use crate::parse::{parse, ParseOutput};
use crate::render::{render_stderr, Fonte, Located};
use crate::span::LineIndex;

/// Exit code: no error-severity finding.
pub const EXIT_OK: i32 = 0;
/// Exit code: at least one error-severity finding.
pub const EXIT_FINDINGS: i32 = 1;
/// Exit code: usage error, unreadable input, invalid rule file, not a report.
pub const EXIT_USAGE: i32 = 2;

#[derive(Debug, Parser)]
#[command(
    name = "quadra",
    version,
    about = "Checks that the accounts of an Italian municipal budget report add up",
    long_about = "quadra reads the text of a Comune di Milano 'Bilancio di Previsione - Report Commissioni' \
(as extracted from the PDF), builds an exact model of every row and declared total, and checks \
that the accounts add up: totals, summaries, codes, markers. Every finding points at the exact \
line of the report.\n\n\
Exit codes: 0 = no error-severity finding, 1 = at least one, \
2 = usage error, unreadable input, invalid rule file, or input that is not a report."
)]
struct Cli {
    #[command(subcommand)]
    cmd: Cmd,
    /// Language of messages and reports (else `lang` in quadra.toml, else the
    /// locale: LC_ALL, LC_MESSAGES, LANG starting with `it`, else English).
    #[arg(long, global = true, value_enum)]
    lang: Option<Lingua>,
}

#[derive(Debug, Subcommand)]
enum Cmd {
    /// Check reports against the rules: totals, summaries, codes, markers, review aids.
    ///
    /// Rules come from the built-in rules/default.toml, then a quadra.toml in the
    /// current directory or a parent, then each --rules FILE in order (later
    /// files override earlier ones).
    Check(check::CheckArgs),
    /// What changed between two versions of a report: chapters added, removed,
    /// moved or re-valued (keyed by PEG key, not by line), declared totals, and
    /// the findings introduced, resolved or changed.
    ///
    /// Exit 1 when the new version brings an error finding the old one did not
    /// have (or had with other amounts).
    Diff(diff::DiffArgs),
    /// The audit report (verbale) to file: one self-contained HTML page or Markdown,
    /// with the report's totals, the findings by severity and rule, the vincolo
    /// groups and their graph, and spending per missione-programma.
    Report(report::ReportArgs),
    /// Write a generated report with known truth (and known faults, on request):
    /// every total and summary computed, vincolo groups known (--links writes them).
    Generate(generate::GenerateArgs),
    /// List the rule catalogue, or explain one rule (`quadra rules explain total-mismatch`).
    Rules(rules::RulesArgs),
    /// Reconcile a report with a table of its chapters (open data, a
    /// spreadsheet): matched by PEG key, chapters on one side only, other
    /// amounts per column, other classification, Settore and Direzione sums.
    ///
    /// Exit 1 when something differs.
    Reconcile(reconcile::ReconcileArgs),
    /// Vincolo groups: earmarked revenue linked to the spending it finances, inferred from evidence.
    Links(links::LinksArgs),
    /// The vincolo graph as Graphviz DOT (`dot -Tsvg`) or JSON.
    Graph(links::GraphArgs),
    /// Parse a report and print its syntax tree (every row, total and narrative block, with byte spans).
    ///
    /// Diagnostics for lines that could not be read go to standard error and
    /// into the JSON `diagnostics` array. The JSON shape is versioned by its
    /// `schema_version` field (see README).
    Parse {
        /// The report text file; `-` reads standard input.
        report: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ParseFormat::Json)]
        format: ParseFormat,
        /// Write the output to this file instead of standard output.
        #[arg(short = 'o', long)]
        output: Option<PathBuf>,
    },
    /// Export the budget rows of a report (or a table), one line per row (1.A, 1.B, 2.A, 2.B).
    ///
    /// CSV: header row, UTF-8, comma-separated, amounts with a decimal point
    /// and no thousands separator, so that the file opens cleanly in a spreadsheet
    /// (`--csv-dialect it`: `;`, decimal comma, BOM). XLSX: the same columns,
    /// amounts as numbers.
    Export {
        /// The report text file; `-` reads standard input.
        report: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ExportFormat::Csv)]
        format: ExportFormat,
        /// Write the output to this file instead of standard output.
        #[arg(short = 'o', long)]
        output: Option<PathBuf>,
        /// Read the input as a table of chapters with this mapping profile
        /// (a built-in name or a TOML file; `.csv`, `.xlsx`, `.ods`... inputs
        /// are tables anyway).
        #[arg(long, value_name = "NAME|FILE")]
        profile: Option<String>,
        /// CSV dialect: `it` writes `;`, decimal commas and a UTF-8 BOM, as an
        /// Italian spreadsheet opens it.
        #[arg(long, value_enum, value_name = "DIALECT")]
        csv_dialect: Option<CsvDialect>,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ParseFormat {
    /// The AST as JSON.
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ExportFormat {
    /// Comma-separated values with a header row.
    Csv,
    /// An XLSX workbook: numeric amount cells, frozen header, autofilter.
    Xlsx,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum CsvDialect {
    /// `;` separator, decimal comma, UTF-8 BOM.
    It,
}

impl CsvDialect {
    fn dialetto(d: Option<CsvDialect>) -> export::Dialetto {
        match d {
            Some(CsvDialect::It) => export::Dialetto::Italiano,
            None => export::Dialetto::Standard,
        }
    }
}

impl Cmd {
    /// The report a run is about, if any.
    fn primo(&self) -> Option<&str> {
        match self {
            Cmd::Check(a) => a.primo(),
            Cmd::Diff(a) => a.primo(),
            Cmd::Report(a) => a.primo(),
            Cmd::Reconcile(a) => a.primo(),
            Cmd::Links(a) => a.primo(),
            Cmd::Graph(a) => a.primo(),
            Cmd::Parse { report, .. } | Cmd::Export { report, .. } => Some(report),
            Cmd::Generate(_) | Cmd::Rules(_) => None,
        }
    }
}

/// Run the command line; returns the exit code.
pub fn run<I: IntoIterator<Item = OsString>>(args: I) -> i32 {
    let args: Vec<OsString> = args.into_iter().collect();
    // `--no-config` ignores the project file, its `lang` included.
    let no_config = args.iter().any(|a| a == "--no-config");
    let cli = match Cli::try_parse_from(args) {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { EXIT_USAGE } else { EXIT_OK };
        }
    };
    // The project file of the report, as for its rules; the current
    // directory's for commands without a report.
    let progetto = match (cli.lang, no_config) {
        (None, false) => match cli.cmd.primo() {
            Some(r) => dove::trova_progetto(r).and_then(|f| lingua::lingua_del_file(&f)),
            None => std::env::current_dir()
                .ok()
                .and_then(|d| lingua::lingua_del_progetto(&d)),
        },
        _ => None,
    };
    lingua::imposta(lingua::scegli(cli.lang, progetto, |k| {
        std::env::var(k).ok()
    }));
    let result = match cli.cmd {
        Cmd::Check(a) => check::run(a),
        Cmd::Diff(a) => diff::run(a),
        Cmd::Report(a) => report::run(a),
        Cmd::Generate(a) => generate::run(a),
        Cmd::Rules(a) => rules::run(a),
        Cmd::Reconcile(a) => reconcile::run(a),
        Cmd::Links(a) => links::run(a),
        Cmd::Graph(a) => links::run_graph(a),
        Cmd::Parse {
            report,
            format: ParseFormat::Json,
            output,
        } => with_report(&report, output, |out, path, bytes, index, p| {
            let doc = export::ast_json(path, bytes, index, &p.documento, &p.diagnostics);
            serde_json::to_writer_pretty(&mut *out, &doc).map_err(io::Error::other)?;
            writeln!(out)
        }),
        Cmd::Export {
            report,
            format,
            output,
            profile,
            csv_dialect,
        } => {
            let formato = match format {
                ExportFormat::Csv => tabella::Formato::Csv(CsvDialect::dialetto(csv_dialect)),
                ExportFormat::Xlsx => tabella::Formato::Xlsx,
            };
            if profile.is_some() || crate::tabelle::e_tabella(&report) {
                tabella::esporta(&report, profile.as_deref(), output, formato)
            } else {
                with_report(&report, output, |out, _, bytes, index, p| {
                    tabella::scrivi(out, formato, bytes, index, &p.documento)
                })
            }
        }
    };
    match result {
        Ok(code) => code,
        Err(msg) => {
            crate::avvisaln!("quadra: {msg}");
            EXIT_USAGE
        }
    }
}

type Emit<'a> =
    dyn FnOnce(&mut dyn Write, &str, &[u8], &LineIndex, &ParseOutput) -> io::Result<()> + 'a;

/// Read and parse a report, hand it to `emit`, print diagnostics; the exit code.
pub(crate) fn with_report(
    path: &str,
    output: Option<PathBuf>,
    emit: impl FnOnce(&mut dyn Write, &str, &[u8], &LineIndex, &ParseOutput) -> io::Result<()>,
) -> Result<i32, String> {
    let emit: Box<Emit<'_>> = Box::new(emit);
    let bytes = read_input(path)
        .map_err(|e| crate::tr!("io-cannot-read", file = path, error = e.to_string()))?;
    let parsed = parse(&bytes);
    let name = if path == "-" { "<stdin>" } else { path };
    let p = match parsed {
        Ok(p) => p,
        Err(e) => {
            let source = Fonte::new(name, &bytes);
            crate::avvisa!("{}", render_stderr(&[Located::not_a_report(&e, &source)]));
            return Ok(EXIT_USAGE);
        }
    };
    let index = LineIndex::new(&bytes);
    {
        let mut out = uscita(output.as_deref())?;
        emit(&mut out, path, &bytes, &index, &p).map_err(|e| match e.kind() {
            io::ErrorKind::InvalidData => e.to_string(),
            _ => crate::tr!("io-cannot-write-output", error = e.to_string()),
        })?;
        out.flush()
            .map_err(|e| crate::tr!("io-cannot-write-output", error = e.to_string()))?;
    }
    if !p.diagnostics.is_empty() {
        let source = Fonte::new(name, &bytes);
        let located: Vec<_> = p
            .diagnostics
            .iter()
            .map(|d| Located::parse(d, &source))
            .collect();
        crate::avvisa!("{}", render_stderr(&located));
        crate::avvisaln!(
            "{}",
            crate::tr!("cli-report-problems", file = name, n = p.diagnostics.len())
        );
    }
    let errors = p.diagnostics.iter().any(|d| d.severity == Severity::Error);
    Ok(if errors { EXIT_FINDINGS } else { EXIT_OK })
}

/// Where a command writes its output: `-o FILE` (created), else standard
/// output; buffered either way. The error says which file could not be
/// created, in the run's language.
pub(crate) fn uscita(output: Option<&std::path::Path>) -> Result<Box<dyn Write>, String> {
    Ok(match output {
        Some(f) => Box::new(BufWriter::new(File::create(f).map_err(|e| {
            crate::tr!(
                "io-cannot-write",
                file = f.display().to_string(),
                error = e.to_string()
            )
        })?)),
        None => stdout(),
    })
}

/// Standard output, buffered, quiet when the reader goes away: once a write
/// meets a closed pipe (`quadra check R | head -1`), the rest of the output
/// is discarded without an error, so the run ends as it would have (same
/// exit status, no "Broken pipe" message), as `rg` does.
pub(crate) fn stdout() -> Box<dyn Write> {
    Box::new(BufWriter::new(Tubo {
        dentro: io::stdout().lock(),
        chiuso: false,
    }))
}

/// A writer that drops everything after its reader has closed the pipe.
struct Tubo<W> {
    dentro: W,
    chiuso: bool,
}

impl<W: Write> Write for Tubo<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.chiuso {
            return Ok(buf.len());
        }
        match self.dentro.write(buf) {
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                self.chiuso = true;
                Ok(buf.len())
            }
            r => r,
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.chiuso {
            return Ok(());
        }
        match self.dentro.flush() {
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                self.chiuso = true;
                Ok(())
            }
            r => r,
        }
    }
}

/// Read a file, or standard input for `-`.
pub(crate) fn read_input(path: &str) -> io::Result<Vec<u8>> {
    let mut buf = Vec::new();
    if path == "-" {
        io::stdin().lock().read_to_end(&mut buf)?;
    } else {
        File::open(path)?.read_to_end(&mut buf)?;
    }
    Ok(buf)
}
