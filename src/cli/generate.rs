//! `quadra generate`: a generated report with known truth (and, optionally,
//! known faults), for tests, benchmarks and trying quadra out.

use std::io::Write;
use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::EXIT_OK;
use crate::report_text::{impagina, Opzioni};
use crate::sample::bilancio::{genera, Parametri};
use crate::sample::guasti::{inietta, Dove, Guasto, Occupati};

/// Arguments of `quadra generate`.
#[derive(Debug, Args)]
pub struct GenerateArgs {
    /// Seed: the same seed gives the same report.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Budget year (1901-2099: the report's column headers carry it and the
    /// year before, which the grammar reads as 19xx / 20xx).
    #[arg(long, default_value_t = 2022, value_parser = clap::value_parser!(u16).range(1901..=2099))]
    year: u16,
    /// Direzioni (reports) in the document (1-10000).
    #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u64).range(1..=10_000))]
    direzioni: u64,
    /// Settori per Direzione (1-500).
    #[arg(long, default_value_t = 3, value_parser = clap::value_parser!(u64).range(1..=500))]
    settori: u64,
    /// Spending rows per Settore (1-10000).
    #[arg(long, default_value_t = 8, value_parser = clap::value_parser!(u64).range(1..=10_000))]
    rows: u64,
    /// Leave out the capital sections 2.A, 2.B, 2.C.
    #[arg(long)]
    no_capital: bool,
    /// Lines per page: page footers and repeated column headers at each break.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..=1_000_000))]
    page: Option<u64>,
    /// Inject a known fault (repeatable).
    #[arg(long, value_enum)]
    fault: Vec<Fault>,
    /// Write the report here (default: standard output).
    #[arg(short = 'o', long)]
    output: Option<PathBuf>,
    /// Write the link file declaring the generated vincolo groups here.
    #[arg(long, value_name = "FILE")]
    links: Option<PathBuf>,
}

/// Faults `quadra generate` can inject.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Fault {
    /// A row amount changed, its total not.
    Amount,
    /// A declared total changed.
    Total,
    /// A row dropped, the totals kept.
    DroppedRow,
    /// A PDC of another titolo than its heading.
    Code,
    /// The V flag set on a row that is not earmarked.
    VFlag,
    /// A spending chapter left out of its group in the link file.
    MissingLink,
}

impl Fault {
    /// The name given on the command line (`code`, `v-flag`).
    fn nome(self) -> String {
        self.to_possible_value()
            .map_or_else(String::new, |v| v.get_name().to_string())
    }

    fn guasto(self) -> Guasto {
        match self {
            Fault::Amount => Guasto::ImportoRiga,
            Fault::Total => Guasto::TotaleDichiarato,
            Fault::DroppedRow => Guasto::RigaTolta,
            Fault::Code => Guasto::CodicePdc,
            Fault::VFlag => Guasto::FlagV,
            Fault::MissingLink => Guasto::LegameMancante,
        }
    }
}

/// Run `quadra generate`; the expected findings of injected faults go to
/// standard error.
pub fn run(a: GenerateArgs) -> Result<i32, String> {
    // Bounded so that no option makes it eat the machine's memory.
    const MAX_RIGHE: u64 = 20_000_000;
    if a.direzioni * a.settori * a.rows > MAX_RIGHE {
        crate::avvisaln!(
            "quadra: {} x {} x {} rows is more than {MAX_RIGHE}; generate a document in parts",
            a.direzioni,
            a.settori,
            a.rows
        );
        return Ok(super::EXIT_USAGE);
    }
    let mut g = genera(&Parametri {
        seme: a.seed,
        anno: a.year,
        direzioni: a.direzioni as usize,
        prima_direzione: 1,
        settori: a.settori as usize,
        righe: a.rows as usize,
        capitale: !a.no_capital,
        narrativa: 1,
    });
    let mut occupati = Occupati::default();
    for (i, f) in a.fault.iter().enumerate() {
        match inietta(
            &mut g,
            f.guasto(),
            a.seed.wrapping_add(i as u64),
            &mut occupati,
        ) {
            Some(attesi) => {
                for x in attesi {
                    crate::avvisaln!(
                        "quadra: {}",
                        crate::tr!(
                            "cfg15-fault-expect",
                            fault = f.nome(),
                            severity =
                                crate::tr!("report-severity", severity = x.severita.as_str()),
                            rule = x.regola,
                            place = dove(x.dove)
                        )
                    );
                }
            }
            None => crate::avvisaln!(
                "quadra: {}",
                crate::tr!("cfg15-fault-none", fault = f.nome())
            ),
        }
    }
    let testo = impagina(
        &g.documento,
        &Opzioni {
            righe_per_pagina: a.page.map(|p| p as usize),
            ..Opzioni::default()
        },
    );
    let scrivi = |p: &PathBuf, t: &str| {
        std::fs::write(p, t).map_err(|e| {
            crate::tr!(
                "io-cannot-write",
                file = p.display().to_string(),
                error = e.to_string()
            )
        })
    };
    match &a.output {
        Some(p) => scrivi(p, &testo)?,
        None => {
            let mut out = super::stdout();
            out.write_all(testo.as_bytes())
                .and_then(|_| out.flush())
                .map_err(|e| crate::tr!("io-cannot-write-output", error = e.to_string()))?;
        }
    }
    if let Some(p) = &a.links {
        scrivi(p, &g.testo_legami())?;
    }
    Ok(EXIT_OK)
}

/// Where an expected finding is, in words (report numbers from 1).
fn dove(d: Dove) -> String {
    match d {
        Dove::Riga(r, s, k) => crate::tr!(
            "cfg15-where-row",
            report = r + 1,
            section = s.code(),
            key = k.to_string()
        ),
        Dove::TotaleGruppo(r, s, settore, gruppo) => crate::tr!(
            "cfg15-where-group",
            report = r + 1,
            section = s.code(),
            settore = settore,
            group = format!("{gruppo:02}")
        ),
        Dove::TotaleSettore(r, s, settore) => crate::tr!(
            "cfg15-where-settore",
            report = r + 1,
            section = s.code(),
            settore = settore
        ),
        Dove::TotaleParte(r, entrate) => crate::tr!(
            "cfg15-where-part",
            report = r + 1,
            part = if entrate { "revenue" } else { "spending" }
        ),
    }
}
