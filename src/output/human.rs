//! The human format: every finding as a miette report (the line of the
//! report underlined, related locations labelled), then one summary line.

use std::io::{self, Write};

use super::{totale, Esito, Stile};
use crate::diagnostic::Severity;
use crate::render::{render, Fonte, Located};
use crate::sink::Conteggi;

/// `2 errors, 1 warning, 0 infos` (`2 errori, 1 avvertenza, 0 segnalazioni`).
pub fn conteggi(c: Conteggi) -> String {
    crate::tr!(
        "check-summary-counts",
        errors = c.errors,
        warnings = c.warnings,
        infos = c.infos
    )
}

/// Write the human report: errors and warnings in full, with the lines of
/// the report they concern; infos (review aids) one line each, so that they
/// do not bury the findings that matter.
pub fn write(out: &mut dyn Write, files: &[Esito<'_>], stile: Stile) -> io::Result<()> {
    for f in files {
        let (infos, full): (Vec<_>, Vec<_>) = f
            .findings
            .iter()
            .partition(|x| x.severity == Severity::Info);
        if !full.is_empty() {
            let source = Fonte::new(f.nome(), f.bytes);
            let located: Vec<_> = full.iter().map(|x| Located::finding(x, &source)).collect();
            out.write_all(render(&located, stile.colour, stile.width).as_bytes())?;
        }
        if !infos.is_empty() {
            let intestazione = crate::tr!("check-infos-header", file = f.nome(), n = infos.len());
            writeln!(out, "{intestazione}")?;
            for x in infos {
                let l = f.locate(x.span);
                writeln!(
                    out,
                    "  {}:{}:{}: {}: {}",
                    f.nome(),
                    l.line,
                    l.column,
                    x.rule,
                    crate::escape::terminale(&x.message)
                )?;
            }
            writeln!(out)?;
        }
    }
    if files.len() > 1 {
        out.write_all(tabella(files).as_bytes())?;
    } else {
        for f in files {
            writeln!(
                out,
                "{}: {}{}",
                f.nome(),
                conteggi(Conteggi::of(f.findings)),
                accettati(f.accettati)
            )?;
        }
    }
    for f in files {
        for n in crate::tabelle::messaggi::riepilogo(f.non_applicabili, f.note) {
            writeln!(out, "{}: {}", f.nome(), crate::escape::terminale(&n))?;
        }
    }
    Ok(())
}

/// `; 3 accepted in the baseline (hidden)`, or nothing.
fn accettati(n: usize) -> String {
    if n == 0 {
        String::new()
    } else {
        crate::tr!("check-accepted", n = n)
    }
}

/// The table of findings per file that closes a check of many files.
pub fn tabella(files: &[Esito<'_>]) -> String {
    let w = files
        .iter()
        .map(|f| f.nome().chars().count())
        .chain([
            crate::tr!("check-table-file").chars().count(),
            crate::tr!("check-table-total").chars().count(),
        ])
        .max()
        .unwrap_or(5);
    let titoli = [
        crate::tr!("check-table-errors"),
        crate::tr!("check-table-warnings"),
        crate::tr!("check-table-infos"),
        crate::tr!("check-table-accepted"),
    ];
    // Each column as wide as its heading (in English: 6, 8, 5, 8).
    let l: Vec<usize> = titoli.iter().map(|t| t.chars().count()).collect();
    let (l0, l1, l2, l3) = (l[0], l[1], l[2], l[3]);
    let mut s = format!(
        "{:<w$}  {:>l0$}  {:>l1$}  {:>l2$}  {:>l3$}\n",
        crate::tr!("check-table-file"),
        titoli[0],
        titoli[1],
        titoli[2],
        titoli[3]
    );
    let riga = |s: &mut String, nome: &str, c: Conteggi, a: usize| {
        s.push_str(&format!(
            "{nome:<w$}  {:>l0$}  {:>l1$}  {:>l2$}  {a:>l3$}\n",
            c.errors, c.warnings, c.infos
        ));
    };
    for f in files {
        riga(&mut s, f.nome(), Conteggi::of(f.findings), f.accettati);
    }
    riga(
        &mut s,
        &crate::tr!("check-table-total"),
        totale(files),
        files.iter().map(|f| f.accettati).sum(),
    );
    s
}
