//! `quadra diff OLD NEW`: what changed between two versions of a report.

use std::io::Write;
use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::check::{apri, Letto, Problema, Regole};
use super::{EXIT_FINDINGS, EXIT_OK, EXIT_USAGE};
use crate::diff::{confronta, print, uguali, Versione};
use crate::rules::check_scelti;

/// Arguments of `quadra diff`.
#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The old version of the report.
    old: String,
    /// The new version of the report.
    new: String,
    #[command(flatten)]
    regole: Regole,
    /// Output format.
    #[arg(long, value_enum, default_value_t = DiffFormat::Human)]
    format: DiffFormat,
    /// Write the output to this file instead of standard output.
    #[arg(short = 'o', long)]
    output: Option<PathBuf>,
}

/// Output formats of `quadra diff`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    /// One line per change, for people.
    Human,
    /// Versioned JSON (see README).
    Json,
    /// Markdown tables, fit for a pull-request comment.
    Md,
}

impl DiffArgs {
    /// The new version (where the project file and language are looked for).
    pub(crate) fn primo(&self) -> Option<&str> {
        Some(&self.new)
    }
}

/// Run `quadra diff`. Exit 1 when the new version brings error findings
/// the old one did not have (or had with other amounts).
pub fn run(a: DiffArgs) -> Result<i32, String> {
    let Some(rules) = a.regole.carica(
        &[a.old.clone(), a.new.clone()],
        std::slice::from_ref(&a.new),
    )?
    else {
        return Ok(EXIT_USAGE);
    };
    let come = a.regole.come(&rules, true);
    // The two versions are read at the same time. The link file describes
    // one version; in the other, its chapters that are not V rows are left
    // out (with a note) rather than refuse an ordinary change.
    let (old, new) = rayon::join(|| apri(&a.old, come), || apri(&a.new, come));
    let (mut old, mut new) = match (old, new) {
        (Ok(o), Ok(n)) => (o, n),
        (o, n) => {
            for p in [o.err(), n.err()].into_iter().flatten() {
                match p {
                    Problema::Input(t) | Problema::Legami(t) => crate::avvisa!("{t}"),
                }
            }
            return Ok(EXIT_USAGE);
        }
    };
    for n in [&old.nota, &new.nota].into_iter().flatten() {
        crate::avvisa!("{n}");
    }
    // Reports the two versions hold byte for byte cannot differ: they are
    // neither checked nor compared (a change to one Direzione of a
    // city-wide document checks that Direzione only). The rest are checked
    // at the same time.
    let (so, sn) = uguali(&old.documento, &old.bytes, &new.documento, &new.bytes);
    let verifica = |l: &Letto, salta: &[bool]| {
        check_scelti(
            &l.documento,
            &l.diagnostiche,
            l.regole.as_ref().unwrap_or(come.rules),
            come.deny,
            l.legami.as_ref(),
            &|i| !salta[i],
        )
    };
    let (fo, fnew) = rayon::join(|| verifica(&old, &so), || verifica(&new, &sn));
    (old.findings, new.findings) = (fo, fnew);
    let (vo, vn) = (versione(&old, &so), versione(&new, &sn));
    let d = confronta(&vo, &vn);
    {
        let mut out = super::uscita(a.output.as_deref())?;
        match a.format {
            DiffFormat::Human => print::human(&mut out, &d, &vo, &vn),
            DiffFormat::Json => print::json(&mut out, &d, &vo, &vn),
            DiffFormat::Md => print::markdown(&mut out, &d, &vo, &vn),
        }
        .and_then(|_| out.flush())
        .map_err(|e| crate::tr!("io-cannot-write-output", error = e.to_string()))?;
    }
    let code = if d.nuovi_errori(&vn) > 0 {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    };
    // The process ends here: freeing two documents' worth of small
    // allocations one by one would cost a tenth of a second on 100 MB
    // inputs for nothing (the OS takes the memory back at exit).
    std::mem::forget(d);
    std::mem::forget(old);
    std::mem::forget(new);
    Ok(code)
}

fn versione<'a>(l: &'a Letto, salta: &'a [bool]) -> Versione<'a> {
    Versione {
        salta,
        path: if l.path == "-" { "<stdin>" } else { &l.path },
        bytes: &l.bytes,
        index: &l.index,
        doc: &l.documento,
        findings: &l.findings,
    }
}
