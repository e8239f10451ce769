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
                    x.message
                )?;
            }
            writeln!(out)?;
        }
    }
    for f in files {
        writeln!(out, "{}: {}", f.nome(), conteggi(Conteggi::of(f.findings)))?;
    }
    if files.len() > 1 {
        writeln!(out, "total: {}", conteggi(totale(files)))?;
    }
    Ok(())
}
