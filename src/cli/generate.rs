//! `quadra generate`: a generated report with known truth (and, optionally,
//! known faults), for tests, benchmarks and trying quadra out.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::EXIT_OK;
use crate::impaginazione::{impagina, Opzioni};
use crate::sample::bilancio::{genera, Parametri};
use crate::sample::guasti::{inietta, Guasto};

/// Arguments of `quadra generate`.
#[derive(Debug, Args)]
pub struct GenerateArgs {
    /// Seed: the same seed gives the same report.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Budget year.
    #[arg(long, default_value_t = 2022)]
    year: u16,
    /// Direzioni (reports) in the document.
    #[arg(long, default_value_t = 1)]
    direzioni: usize,
    /// Settori per Direzione.
    #[arg(long, default_value_t = 3)]
    settori: usize,
    /// Spending rows per Settore.
    #[arg(long, default_value_t = 8)]
    rows: usize,
    /// Leave out the capital sections 2.A, 2.B, 2.C.
    #[arg(long)]
    no_capital: bool,
    /// Lines per page: page footers and repeated column headers at each break.
    #[arg(long, value_name = "N")]
    page: Option<usize>,
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
    let mut g = genera(&Parametri {
        seme: a.seed,
        anno: a.year,
        direzioni: a.direzioni.max(1),
        prima_direzione: 1,
        settori: a.settori.max(1),
        righe: a.rows.max(1),
        capitale: !a.no_capital,
        narrativa: 1,
    });
    for (i, f) in a.fault.iter().enumerate() {
        match inietta(&mut g, f.guasto(), a.seed.wrapping_add(i as u64)) {
            Some(attesi) => {
                for x in attesi {
                    eprintln!(
                        "quadra: fault {f:?}: expect {} {} at {:?}",
                        x.severita.as_str(),
                        x.regola,
                        x.dove
                    );
                }
            }
            None => eprintln!("quadra: fault {f:?}: no place for it in this report"),
        }
    }
    let testo = impagina(
        &g.documento,
        &Opzioni {
            righe_per_pagina: a.page,
            ..Opzioni::default()
        },
    );
    let scrivi = |p: &PathBuf, t: &str| {
        std::fs::write(p, t).map_err(|e| format!("cannot write {}: {e}", p.display()))
    };
    match &a.output {
        Some(p) => scrivi(p, &testo)?,
        None => print!("{testo}"),
    }
    if let Some(p) = &a.links {
        scrivi(p, &g.testo_legami())?;
    }
    Ok(EXIT_OK)
}
