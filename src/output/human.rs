//! The human format: every finding as a miette report (the line of the
//! report underlined, related locations labelled), then one summary line.

use std::io::{self, Write};

use super::{Esito, Stile};
use crate::diagnostic::Severity;
use crate::finding::{Base, Finding};
use crate::render::{a_capo, render, Fonte, Located};
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

/// How many warnings and review aids of each rule are listed without `--verbose`.
pub const PRIME_VOCI: usize = 5;

/// Write the human report, grouped by severity (errors, warnings, review
/// aids) then by rule, so that each severity fits a screen: errors in full,
/// with the lines of the report they concern (a vincolo group's chapters
/// cut to [`PRIMI_LEGATI`]); warnings and review aids one line each, the
/// largest [`PRIME_VOCI`] of each rule. `--verbose` shows every warning in
/// full and every finding. Text is wrapped at the width.
pub fn write(out: &mut dyn Write, files: &[Esito<'_>], stile: Stile) -> io::Result<()> {
    let w = stile.width.max(20);
    for f in files {
        let source = Fonte::new(f.nome(), f.bytes);
        for sev in [Severity::Error, Severity::Warning, Severity::Info] {
            let tutti: Vec<&Finding> = f.findings.iter().filter(|x| x.severity == sev).collect();
            if tutti.is_empty() {
                continue;
            }
            let intestazione = crate::tr!(
                "check-severity-header",
                severity = sev.as_str(),
                n = tutti.len(),
                file = f.nome()
            );
            scrivi_a_capo(out, &intestazione, "", w)?;
            for (regola, gruppo) in per_regola(&tutti) {
                let base = if gruppo.iter().any(|x| x.base != Base::Documento) {
                    "grouping"
                } else {
                    "document"
                };
                let titolo = crate::tr!(
                    "check-rule-header",
                    rule = regola,
                    n = gruppo.len(),
                    basis = base
                );
                scrivi_a_capo(out, &titolo, "", w)?;
                // Errors in full; warnings too with `--verbose`.
                if sev == Severity::Error || (sev == Severity::Warning && stile.verbose) {
                    let ridotti: Vec<Finding> =
                        gruppo.iter().map(|x| ridotto(x, stile.verbose)).collect();
                    let located: Vec<_> = ridotti
                        .iter()
                        .map(|x| Located::finding(x, &source).a_capo(w))
                        .collect();
                    out.write_all(render(&located, stile.colour, w).as_bytes())?;
                    continue;
                }
                let mut voci = gruppo.clone();
                if !stile.verbose {
                    // The largest first: the top entries of the rule.
                    voci.sort_by(|a, b| {
                        peso(b).cmp(&peso(a)).then(a.span.start.cmp(&b.span.start))
                    });
                    voci.truncate(PRIME_VOCI);
                    voci.sort_by_key(|x| x.span.start);
                }
                for x in &voci {
                    riga_sola(out, f, x, w)?;
                }
                if voci.len() < gruppo.len() {
                    let altri = crate::tr!("check-rule-more", n = gruppo.len() - voci.len());
                    scrivi_a_capo(out, &format!("  {altri}"), "    ", w)?;
                }
            }
            writeln!(out)?;
        }
    }
    if files.len() > 1 {
        out.write_all(tabella(files).as_bytes())?;
    } else {
        for f in files {
            // Facts and hypotheses counted apart, just above the counts.
            if let Some(b) = per_base(f.nome(), f.findings) {
                scrivi_a_capo(out, &b, "  ", w)?;
            }
            let riga = format!(
                "{}: {}{}{}",
                f.nome(),
                conteggi(Conteggi::of(f.findings)),
                accettati(f.accettati),
                filtrati(f.filtrati)
            );
            scrivi_a_capo(out, &riga, "  ", w)?;
        }
    }
    for f in files {
        for n in crate::tabelle::messaggi::riepilogo(f.non_applicabili, f.note) {
            writeln!(out, "{}: {}", f.nome(), crate::escape::terminale(&n))?;
        }
    }
    Ok(())
}

/// How many related locations a finding draws without `--verbose`.
pub const PRIMI_LEGATI: usize = 2;

/// A finding as one wrapped line: `file:line:column: message`.
fn riga_sola(out: &mut dyn Write, f: &Esito<'_>, x: &Finding, w: usize) -> io::Result<()> {
    let l = f.locate(x.span);
    let riga = format!(
        "  {}:{}:{}: {}",
        f.nome(),
        l.line,
        l.column,
        crate::escape::terminale(&x.message)
    );
    scrivi_a_capo(out, &riga, "      ", w)
}

/// A finding on a grouping with at most [`PRIMI_LEGATI`] related locations
/// (the other chapters of its group; all with `--verbose`); the help line
/// says how many are left out. A finding on the document keeps every
/// related location: they are the rows summed and the likely causes.
fn ridotto(x: &Finding, verbose: bool) -> Finding {
    let mut x = x.clone();
    if !verbose && x.base != Base::Documento && x.related.len() > PRIMI_LEGATI {
        let n = x.related.len() - PRIMI_LEGATI;
        x.related.truncate(PRIMI_LEGATI);
        x.help.push_str(&crate::tr!("check-related-more", n = n));
    }
    x
}

/// The findings of one severity by rule, rules in the order of their
/// first finding, findings in file order.
fn per_regola<'f>(findings: &[&'f Finding]) -> Vec<(&'f str, Vec<&'f Finding>)> {
    let mut out: Vec<(&'f str, Vec<&'f Finding>)> = Vec::new();
    for x in findings {
        match out.iter_mut().find(|(r, _)| *r == x.rule) {
            Some((_, v)) => v.push(x),
            None => out.push((&x.rule, vec![x])),
        }
    }
    out
}

/// How large a review aid is: its largest amount, in absolute value.
fn peso(x: &Finding) -> rust_decimal::Decimal {
    x.amounts
        .iter()
        .map(|(_, d)| d.abs())
        .max()
        .unwrap_or_default()
}

/// `x.txt: of the errors and warnings, 2 on the document's figures, 43 on
/// vincolo groupings`, or `None` when none rests on a grouping (all are facts).
fn per_base(nome: &str, findings: &[Finding]) -> Option<String> {
    let (mut documento, mut gruppi) = (0usize, 0usize);
    for x in findings.iter().filter(|x| x.severity != Severity::Info) {
        match x.base {
            Base::Documento => documento += 1,
            Base::Raggruppamento { .. } => gruppi += 1,
        }
    }
    (gruppi > 0).then(|| {
        crate::tr!(
            "check-summary-basis",
            file = nome,
            document = documento,
            grouping = gruppi
        )
    })
}

/// `; 68 not shown (filters)`, or nothing.
fn filtrati(n: usize) -> String {
    if n == 0 {
        String::new()
    } else {
        crate::tr!("check-filtered", n = n)
    }
}

/// Write `text` wrapped at `width` columns: words are kept whole (a word
/// longer than the width stands alone on its line), continuation lines
/// start with `rientro`.
fn scrivi_a_capo(out: &mut dyn Write, text: &str, rientro: &str, width: usize) -> io::Result<()> {
    for riga in a_capo(text, rientro, width) {
        writeln!(out, "{riga}")?;
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
    let righe: Vec<(&str, Conteggi, usize)> = files
        .iter()
        .map(|f| (f.nome(), Conteggi::of(f.findings), f.accettati))
        .collect();
    tabella_di(&righe)
}

/// [`tabella`] from each file's name, counts and accepted findings: a
/// batch's table on standard error counts what the filters keep without
/// copying the findings.
pub fn tabella_di(files: &[(&str, Conteggi, usize)]) -> String {
    let w = files
        .iter()
        .map(|f| f.0.chars().count())
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
        riga(&mut s, f.0, f.1, f.2);
    }
    riga(
        &mut s,
        &crate::tr!("check-table-total"),
        files.iter().fold(Conteggi::default(), |c, f| c.plus(f.1)),
        files.iter().map(|f| f.2).sum(),
    );
    s
}

#[cfg(test)]
mod tests {
    use super::a_capo;

    #[test]
    fn wraps_at_the_width_keeping_words_whole() {
        let t = "  x.txt:1:1: chapter 27 1 0 `TRASFERIMENTI DA AMMINISTRAZIONI CENTRALI`: forecast 1.234.240,00";
        let righe = a_capo(t, "      ", 40);
        assert_eq!(
            righe,
            vec![
                "  x.txt:1:1: chapter 27 1 0",
                "      `TRASFERIMENTI DA AMMINISTRAZIONI",
                "      CENTRALI`: forecast 1.234.240,00",
            ]
        );
        assert!(righe.iter().all(|r| r.chars().count() <= 40));
        // A word longer than the width stands alone, unbroken.
        assert_eq!(
            a_capo("a 0123456789abc b", "", 10),
            vec!["a", "0123456789abc", "b"]
        );
        assert_eq!(a_capo("", "  ", 10), vec![""]);
    }
}
