//! The human format: every finding as a miette report (the line of the
//! report underlined, related locations labelled), then one summary line.

use std::io::{self, Write};

use super::{totale, Esito, Stile};
use crate::diagnostic::Severity;
use crate::render::{render, Fonte, Located};
use crate::sink::Conteggi;

/// `2 errors, 1 warning, 0 infos`.
pub fn conteggi(c: Conteggi) -> String {
    let s = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    format!(
        "{}, {}, {}",
        s(c.errors, "error", "errors"),
        s(c.warnings, "warning", "warnings"),
        s(c.infos, "info", "infos")
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
            writeln!(out, "{}: {} review aid(s), info:", f.nome(), infos.len())?;
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
        format!("; {n} accepted in the baseline (hidden)")
    }
}

/// The table of findings per file that closes a check of many files.
pub fn tabella(files: &[Esito<'_>]) -> String {
    let w = files
        .iter()
        .map(|f| f.nome().chars().count())
        .chain([5])
        .max()
        .unwrap_or(5);
    let mut s = format!(
        "{:<w$}  {:>6}  {:>8}  {:>5}  {:>8}\n",
        "file", "errors", "warnings", "infos", "accepted"
    );
    let riga = |s: &mut String, nome: &str, c: Conteggi, a: usize| {
        s.push_str(&format!(
            "{nome:<w$}  {:>6}  {:>8}  {:>5}  {a:>8}\n",
            c.errors, c.warnings, c.infos
        ));
    };
    for f in files {
        riga(&mut s, f.nome(), Conteggi::of(f.findings), f.accettati);
    }
    riga(
        &mut s,
        "total",
        totale(files),
        files.iter().map(|f| f.accettati).sum(),
    );
    s
}
