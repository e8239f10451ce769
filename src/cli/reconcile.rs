//! `quadra reconcile REPORT DATA`: the report against a table of its
//! chapters (open data, a spreadsheet, an export), matched by PEG key.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::check::{apri, Come, Problema};
use super::{read_input, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE};
use crate::config::RuleSet;
use crate::riconcilia::{print, riconcilia, Lato};
use crate::span::LineIndex;
use crate::tabelle;

/// Arguments of `quadra reconcile`.
#[derive(Debug, Args)]
pub struct ReconcileArgs {
    /// The report text file.
    report: String,
    /// The table of chapters (CSV, TSV, XLSX, XLS, ODS).
    data: String,
    /// The table's mapping profile: a built-in one (`quadra`,
    /// `milano-ds397`) or a TOML file (default: the built-in profile that
    /// recognises the header).
    #[arg(long, value_name = "NAME|FILE")]
    profile: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ReconcileFormat::Human)]
    format: ReconcileFormat,
    /// Write the output to this file instead of standard output.
    #[arg(short = 'o', long)]
    output: Option<PathBuf>,
    /// Hide the differences this baseline accepts (same kind, report,
    /// chapter or sum, and amounts).
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Record the current differences as a baseline in FILE (keeping the
    /// justifications of entries already there), then hide them.
    #[arg(long, value_name = "FILE", conflicts_with = "baseline")]
    write_baseline: Option<PathBuf>,
}

/// Output formats of `quadra reconcile`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReconcileFormat {
    /// One line per difference, for people.
    Human,
    /// Versioned JSON (see README).
    Json,
    /// A Markdown table.
    Md,
    /// An XLSX workbook, one row per differing field or amount (amounts as numbers).
    Xlsx,
}

/// Run `quadra reconcile`: exit 1 when something differs.
impl ReconcileArgs {
    /// The report (where the project file and language are looked for).
    pub(crate) fn primo(&self) -> Option<&str> {
        Some(&self.report)
    }
}

pub fn run(a: ReconcileArgs) -> Result<i32, String> {
    let rules =
        RuleSet::default_rules().map_err(|_| "the built-in rules are invalid".to_string())?;
    let come = Come {
        rules: &rules,
        links: None,
        discover: false,
        deny: false,
        tollerante: false,
        profilo: None,
    };
    // The report is parsed as `check` does; its parse problems are said
    // on standard error (they may explain a difference).
    let rep = match apri(&a.report, come) {
        Ok(l) => l,
        Err(Problema::Input(t) | Problema::Legami(t)) => {
            crate::avvisa!("{t}");
            return Ok(EXIT_USAGE);
        }
    };
    if !rep.diagnostiche.is_empty() {
        crate::avvisaln!(
            "quadra: {}: {} problem(s) reading the report (`quadra check` shows them)",
            a.report,
            rep.diagnostiche.len()
        );
    }
    let bytes = read_input(&a.data).map_err(|e| format!("cannot read {}: {e}", a.data))?;
    let t = match tabelle::apri(a.profile.as_deref(), &bytes) {
        Ok(t) => t,
        Err(m) => {
            if m.ends_with('\n') {
                crate::avvisa!("{m}");
            } else {
                crate::avvisaln!("quadra: {}: {}", a.data, crate::escape::terminale(&m));
            }
            return Ok(EXIT_USAGE);
        }
    };
    if !t.diagnostiche.is_empty() {
        crate::avvisaln!("quadra: {}: {} problem(s) reading the table (`quadra check {} --profile {}` shows them)", a.data, t.diagnostiche.len(), a.data, t.profilo);
    }
    for n in &t.note {
        crate::avvisaln!("quadra: {}: {}", a.data, crate::escape::terminale(n));
    }
    let index = LineIndex::new(t.testo.as_bytes());
    let mut r = riconcilia(
        &Lato {
            nome: &a.report,
            bytes: &rep.bytes,
            index: &rep.index,
            doc: &rep.documento,
        },
        &Lato {
            nome: &a.data,
            bytes: t.testo.as_bytes(),
            index: &index,
            doc: &t.documento,
        },
        &t.copertura,
    );
    if let Err(code) = baseline(&a, &mut r, &rep) {
        return code;
    }
    {
        let mut out: Box<dyn Write> = match &a.output {
            Some(f) => Box::new(BufWriter::new(
                File::create(f).map_err(|e| format!("cannot write {}: {e}", f.display()))?,
            )),
            None => super::stdout(),
        };
        match a.format {
            ReconcileFormat::Human => print::human(&mut out, &r, &a.report, &a.data),
            ReconcileFormat::Json => print::json(&mut out, &r, &a.report, &a.data),
            ReconcileFormat::Md => print::md(&mut out, &r, &a.report, &a.data),
            ReconcileFormat::Xlsx => crate::xlsx::differenze(&r)
                .map_err(io::Error::other)
                .and_then(|b| out.write_all(&b)),
        }
        .and_then(|_| out.flush())
        .map_err(|e| format!("cannot write output: {e}"))?;
    }
    Ok(if r.differences.is_empty() {
        EXIT_OK
    } else {
        EXIT_FINDINGS
    })
}

/// Apply `--baseline` or `--write-baseline` to the differences (through the
/// findings they are for a baseline). `Err`: the exit, problems printed.
fn baseline(
    a: &ReconcileArgs,
    r: &mut crate::riconcilia::Riconciliazione,
    rep: &super::check::Letto,
) -> Result<(), Result<i32, String>> {
    use crate::baseline as b;
    use crate::riconcilia::baseline::finding;
    let mut findings: Vec<crate::finding::Finding> = r
        .differences
        .iter()
        .enumerate()
        .map(|(i, d)| {
            // The message in the current language; its identity the English
            // line, as baselines written before the translation hold it.
            let m = crate::lingua::Testo {
                testo: print::riga(d, &a.report, &a.data),
                identita: print::riga_in(crate::lingua::Lingua::En, d, &a.report, &a.data),
            };
            let mut f = finding(d, m);
            // The index, to find the difference again after matching.
            f.label = i.to_string();
            f
        })
        .collect();
    if let Some(w) = &a.write_baseline {
        let old = if w.exists() {
            match super::check::leggi_baseline(w).map_err(Err)? {
                Ok((old, _)) => Some(old),
                Err(()) => return Err(Ok(EXIT_USAGE)),
            }
        } else {
            None
        };
        let nuove: Vec<b::Voce> = findings
            .iter()
            .map(|f| b::voce(f, &rep.documento, &rep.bytes))
            .collect();
        let visti = rep
            .documento
            .reports
            .iter()
            .map(|x| b::identita_report(&rep.documento, x.span))
            .collect();
        let voci = b::unisci(old.as_ref(), nuove, &visti);
        std::fs::write(w, b::scrivi(&voci))
            .map_err(|e| Err(format!("cannot write baseline {}: {e}", w.display())))?;
        crate::avvisaln!(
            "quadra: recorded {} difference(s) in {}; write a justification for each",
            voci.len(),
            w.display()
        );
        r.accepted = r.differences.len();
        r.differences.clear();
    } else if let Some(p) = &a.baseline {
        let (base, _) = match super::check::leggi_baseline(p).map_err(Err)? {
            Ok(x) => x,
            Err(()) => return Err(Ok(EXIT_USAGE)),
        };
        let mut c = b::Confronto::new(&base);
        r.accepted = c
            .applica(&mut findings, &rep.documento, &rep.bytes)
            .nascosti;
        let tenuti: std::collections::HashSet<usize> = findings
            .iter()
            .filter_map(|f| f.label.parse().ok())
            .collect();
        let mut i = 0;
        r.differences.retain(|_| {
            i += 1;
            tenuti.contains(&(i - 1))
        });
        let stale = c.stale().len();
        if stale > 0 {
            crate::avvisaln!(
                "quadra: {stale} stale entr{} in the baseline {}",
                if stale == 1 { "y" } else { "ies" },
                p.display()
            );
        }
    }
    Ok(())
}
