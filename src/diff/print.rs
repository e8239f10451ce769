//! Printing a [`Differenze`]: for people (human), for programs (JSON) and for
//! a pull-request comment (Markdown).

use std::io::{self, Write};

use serde::Serialize;

use super::{Cambio, CambioFinding, Delta, Differenze, Oggetto, Stato, Versione};
use crate::amount::{italiano, macchina};
use crate::escape::markdown as md;
use crate::finding::Finding;

/// Version of the JSON shape of `quadra diff`.
pub const DIFF_JSON_VERSION: u32 = 1;

/// Rows per Markdown table before the rest is counted (a pull-request
/// comment holds at most 65,536 characters).
pub const MD_MAX_RIGHE: usize = 50;

/// Counts shown at the top of every format.
#[derive(Debug, Default, Serialize, PartialEq, Eq)]
pub struct Sommario {
    /// Chapters only in the new version.
    pub chapters_added: usize,
    /// Chapters only in the old version.
    pub chapters_removed: usize,
    /// Chapters in both with differences.
    pub chapters_changed: usize,
    /// Declared totals and summary rows added, removed or changed.
    pub totals_changed: usize,
    /// Findings only in the new version.
    pub findings_introduced: usize,
    /// Findings only in the old version.
    pub findings_resolved: usize,
    /// Findings in both with other amounts.
    pub findings_changed: usize,
    /// Error findings introduced or changed: non-zero fails `quadra diff`.
    pub new_errors: usize,
}

/// The counts of a comparison.
pub fn sommario(d: &Differenze, new: &Versione<'_>) -> Sommario {
    let mut s = Sommario::default();
    for c in &d.cambi {
        match (c.oggetto, c.stato) {
            (Oggetto::Chapter, Stato::Added) => s.chapters_added += 1,
            (Oggetto::Chapter, Stato::Removed) => s.chapters_removed += 1,
            (Oggetto::Chapter, Stato::Changed) => s.chapters_changed += 1,
            _ => s.totals_changed += 1,
        }
    }
    for f in &d.findings {
        match f {
            CambioFinding::Introdotto(_) => s.findings_introduced += 1,
            CambioFinding::Risolto(_) => s.findings_resolved += 1,
            CambioFinding::Cambiato(..) => s.findings_changed += 1,
        }
    }
    s.new_errors = d.nuovi_errori(new);
    s
}

fn anno(report: &str) -> u16 {
    report
        .split(' ')
        .next()
        .and_then(|a| a.parse().ok())
        .unwrap_or(0)
}

/// `PREVISIONE 2022 10.609.040,00 → 10.609.050,00 (+10,00)`.
fn delta_testo(d: &Delta, anno: u16) -> String {
    let col = if anno > 0 {
        d.colonna.header(anno)
    } else {
        d.colonna.name().to_string()
    };
    let v = |x: Option<rust_decimal::Decimal>| x.map(italiano).unwrap_or_else(|| "-".into());
    match (d.da, d.a) {
        (Some(_), Some(_)) => {
            let diff = d.differenza();
            let segno = if diff.is_sign_negative() { "" } else { "+" };
            format!("{col} {} → {} ({segno}{})", v(d.da), v(d.a), italiano(diff))
        }
        (None, Some(a)) | (Some(a), None) => format!("{col} {}", italiano(a)),
        (None, None) => col,
    }
}

/// What changed in an item, in one line.
fn dettaglio(c: &Cambio) -> String {
    let anno = anno(&c.report);
    let mut parti: Vec<String> = c.campi.iter().map(campo_testo).collect();
    parti.extend(c.importi.iter().map(|d| delta_testo(d, anno)));
    parti.join("; ")
}

fn campo_testo(c: &super::Campo) -> String {
    match c.field {
        "vincolato" if c.to == "true" => crate::tr!("diff-v-added"),
        "vincolato" => crate::tr!("diff-v-removed"),
        "description" => crate::tr!("diff-description", from = &c.from, to = &c.to),
        f => format!("{} {} → {}", f.replace('_', "-"), c.from, c.to),
    }
}

fn segno(s: Stato) -> &'static str {
    match s {
        Stato::Added => "+",
        Stato::Removed => "-",
        Stato::Changed => "~",
    }
}

fn dove(c: &Cambio, old: &Versione<'_>, new: &Versione<'_>) -> String {
    match (c.old, c.new) {
        (_, Some(n)) => format!("{}:{}", new.path, new.riga(n)),
        (Some(o), None) => crate::tr!(
            "diff-old",
            where = format!("{}:{}", old.path, old.riga(o))
        ),
        (None, None) => String::new(),
    }
}

fn breve(s: &str, n: usize) -> String {
    let s: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() <= n {
        s
    } else {
        format!("{}…", s.chars().take(n - 1).collect::<String>())
    }
}

/// The finding a change is about, with its version and a sign.
/// The removed chapter whose amounts a new finding's differences are.
fn cancellato<'d>(d: &'d Differenze, c: &CambioFinding) -> Option<&'d Cambio> {
    let j = c.nuovo()?;
    d.cancellati
        .iter()
        .find(|(f, _)| *f == j)
        .map(|(_, i)| &d.cambi[*i])
}

fn finding_di<'v>(
    c: &CambioFinding,
    old: &'v Versione<'v>,
    new: &'v Versione<'v>,
) -> (&'static str, &'v Finding, &'v Versione<'v>) {
    match *c {
        CambioFinding::Introdotto(j) => ("introduced", &new.findings[j], new),
        CambioFinding::Risolto(i) => ("resolved", &old.findings[i], old),
        CambioFinding::Cambiato(_, j) => ("changed", &new.findings[j], new),
    }
}

/// Human output; text from the reports cannot reach the terminal as
/// control sequences ([`crate::escape::terminale`]).
pub fn human(
    out: &mut dyn Write,
    d: &Differenze,
    old: &Versione<'_>,
    new: &Versione<'_>,
) -> io::Result<()> {
    let mut buf = Vec::new();
    human_grezzo(&mut buf, d, old, new)?;
    let testo = String::from_utf8_lossy(&buf);
    out.write_all(crate::escape::terminale(&testo).as_bytes())
}

fn human_grezzo(
    out: &mut dyn Write,
    d: &Differenze,
    old: &Versione<'_>,
    new: &Versione<'_>,
) -> io::Result<()> {
    let s = sommario(d, new);
    writeln!(out, "quadra diff {} → {}", old.path, new.path)?;
    let righe = [
        crate::tr!(
            "diff-chapters",
            added = s.chapters_added,
            removed = s.chapters_removed,
            changed = s.chapters_changed,
            totals = s.totals_changed
        ),
        crate::tr!(
            "diff-findings",
            introduced = s.findings_introduced,
            resolved = s.findings_resolved,
            changed = s.findings_changed,
            errors = s.new_errors
        ),
    ];
    writeln!(out, "{}\n{}", righe[0], righe[1])?;
    let mut report = None;
    for c in &d.cambi {
        if report != Some(&c.report) {
            writeln!(out, "\n{}", crate::tr!("diff-report", report = &c.report))?;
            report = Some(&c.report);
        }
        let cosa = match c.oggetto {
            Oggetto::Chapter => crate::tr!(
                "diff-chapter",
                key = &c.chiave,
                description = breve(&c.descrizione, 60)
            ),
            _ => breve(&c.chiave, 90),
        };
        writeln!(
            out,
            "  {} {} {cosa} ({})",
            segno(c.stato),
            c.sezione.code(),
            dove(c, old, new)
        )?;
        writeln!(out, "      {}", dettaglio(c))?;
    }
    if !d.findings.is_empty() {
        writeln!(out, "\n{}", crate::tr!("diff-findings-heading"))?;
        for c in &d.findings {
            let (what, f, v) = finding_di(c, old, new);
            let what = crate::tr!("diff-status", status = what);
            let l = v.index.locate(v.bytes, f.span);
            writeln!(
                out,
                "  {what} {} {} {}:{}:{}: {}",
                crate::tr!("report-severity", severity = f.severity.as_str()),
                f.rule,
                v.path,
                l.line,
                l.column,
                f.message
            )?;
            if let Some(cambio) = cancellato(d, c) {
                writeln!(
                    out,
                    "      {}",
                    crate::tr!(
                        "diff-deleted-chapter",
                        key = &cambio.chiave,
                        text = &cambio.descrizione
                    )
                )?;
            }
            if let CambioFinding::Cambiato(i, _) = *c {
                let fo = &old.findings[i];
                let anno = old
                    .doc
                    .reports
                    .iter()
                    .find(|r| r.span.start <= fo.span.start && fo.span.start <= r.span.end)
                    .and_then(|r| r.anno);
                let prima: Vec<String> = fo
                    .amounts
                    .iter()
                    .map(|(k, a)| {
                        let k = crate::rapporto::evidenza::nome_importo(k, anno);
                        format!("{k} {}", italiano(*a))
                    })
                    .collect();
                writeln!(
                    out,
                    "      {}",
                    crate::tr!("diff-was", amounts = prima.join("; "))
                )?;
            }
        }
    }
    Ok(())
}

#[derive(Serialize)]
struct JsonDoc<'a> {
    version: u32,
    old: &'a str,
    new: &'a str,
    summary: Sommario,
    changes: Vec<JsonCambio<'a>>,
    findings: Vec<JsonFinding<'a>>,
}

#[derive(Serialize)]
struct JsonCambio<'a> {
    report: &'a str,
    section: &'static str,
    kind: Oggetto,
    key: &'a str,
    description: &'a str,
    status: Stato,
    old_line: Option<usize>,
    new_line: Option<usize>,
    fields: &'a [super::Campo],
    amounts: Vec<JsonDelta>,
}

#[derive(Serialize)]
struct JsonDelta {
    column: &'static str,
    from: Option<String>,
    to: Option<String>,
    difference: String,
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    status: &'static str,
    rule: &'a str,
    severity: &'static str,
    message: &'a str,
    file: &'a str,
    line: usize,
    column: usize,
    key: Option<String>,
    amounts: std::collections::BTreeMap<&'a str, String>,
    previous_amounts: Option<std::collections::BTreeMap<&'a str, String>>,
    /// The PEG key of the old version's chapter whose amounts are exactly
    /// this finding's differences (the deleted row), when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    deleted_chapter: Option<&'a str>,
}

fn importi_json(f: &Finding) -> std::collections::BTreeMap<&str, String> {
    f.amounts
        .iter()
        .map(|(k, a)| (k.as_ref(), macchina(*a)))
        .collect()
}

/// JSON output (shape in README, versioned by `version`).
pub fn json(
    out: &mut dyn Write,
    d: &Differenze,
    old: &Versione<'_>,
    new: &Versione<'_>,
) -> io::Result<()> {
    let doc = JsonDoc {
        version: DIFF_JSON_VERSION,
        old: old.path,
        new: new.path,
        summary: sommario(d, new),
        changes: d
            .cambi
            .iter()
            .map(|c| JsonCambio {
                report: &c.report,
                section: c.sezione.code(),
                kind: c.oggetto,
                key: &c.chiave,
                description: &c.descrizione,
                status: c.stato,
                old_line: c.old.map(|s| old.riga(s)),
                new_line: c.new.map(|s| new.riga(s)),
                fields: &c.campi,
                amounts: c
                    .importi
                    .iter()
                    .map(|x| JsonDelta {
                        column: x.colonna.name(),
                        from: x.da.map(macchina),
                        to: x.a.map(macchina),
                        difference: macchina(x.differenza()),
                    })
                    .collect(),
            })
            .collect(),
        findings: d
            .findings
            .iter()
            .map(|c| {
                let (status, f, v) = finding_di(c, old, new);
                let l = v.index.locate(v.bytes, f.span);
                JsonFinding {
                    status,
                    rule: &f.rule,
                    severity: f.severity.as_str(),
                    message: &f.message,
                    file: v.path,
                    line: l.line,
                    column: l.column,
                    key: f.key.map(|k| k.to_string()),
                    amounts: importi_json(f),
                    previous_amounts: match *c {
                        CambioFinding::Cambiato(i, _) => Some(importi_json(&old.findings[i])),
                        _ => None,
                    },
                    deleted_chapter: cancellato(d, c).map(|x| x.chiave.as_str()),
                }
            })
            .collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &doc).map_err(io::Error::other)?;
    writeln!(out)
}

/// Markdown output, for a pull-request comment: a summary, then tables of
/// findings and changes, each cut at [`MD_MAX_RIGHE`] rows.
pub fn markdown(
    out: &mut dyn Write,
    d: &Differenze,
    old: &Versione<'_>,
    new: &Versione<'_>,
) -> io::Result<()> {
    let s = sommario(d, new);
    writeln!(
        out,
        "### quadra diff: {} → {}\n",
        md(old.path),
        md(new.path)
    )?;
    let esito = if s.new_errors > 0 {
        crate::tr!("diff-md-new-errors", n = s.new_errors)
    } else {
        crate::tr!("diff-md-no-new-error")
    };
    writeln!(out, "{esito}\n")?;
    writeln!(
        out,
        "| | {} | {} | {} |\n|---|---:|---:|---:|",
        crate::tr!("diff-md-col-added"),
        crate::tr!("diff-md-col-removed"),
        crate::tr!("diff-md-col-changed")
    )?;
    writeln!(
        out,
        "| {} | {} | {} | {} |",
        crate::tr!("diff-md-chapters"),
        s.chapters_added,
        s.chapters_removed,
        s.chapters_changed
    )?;
    writeln!(
        out,
        "| {} | | | {} |",
        crate::tr!("diff-md-totals"),
        s.totals_changed
    )?;
    writeln!(
        out,
        "{}\n",
        crate::tr!(
            "diff-md-findings-row",
            introduced = s.findings_introduced,
            resolved = s.findings_resolved,
            changed = s.findings_changed
        )
    )?;
    if !d.findings.is_empty() {
        writeln!(
            out,
            "#### {}\n\n| | {} | {} | {} | {} |\n|---|---|---|---|---|",
            crate::tr!("diff-md-findings"),
            crate::tr!("diff-md-col-severity"),
            crate::tr!("diff-md-col-rule"),
            crate::tr!("diff-md-col-where"),
            crate::tr!("diff-md-col-message")
        )?;
        for c in d.findings.iter().take(MD_MAX_RIGHE) {
            let (what, f, v) = finding_di(c, old, new);
            let what = crate::tr!("diff-status", status = what);
            let l = v.index.locate(v.bytes, f.span);
            // The deleted chapter, when the finding's differences are its amounts.
            let causa = cancellato(d, c).map_or(String::new(), |x| {
                format!(
                    " — {}",
                    md(&crate::tr!(
                        "diff-deleted-chapter",
                        key = &x.chiave,
                        text = &x.descrizione
                    ))
                )
            });
            writeln!(
                out,
                "| {what} | {} | `{}` | {}:{} | {}{causa} |",
                crate::tr!("report-severity", severity = f.severity.as_str()),
                md(&f.rule).replace('\\', ""),
                md(v.path),
                l.line,
                md(&f.message)
            )?;
        }
        piu(out, d.findings.len())?;
    }
    for (titolo, chapters) in [
        (crate::tr!("diff-md-chapters-heading"), true),
        (crate::tr!("diff-md-totals-heading"), false),
    ] {
        let righe: Vec<&Cambio> = d
            .cambi
            .iter()
            .filter(|c| (c.oggetto == Oggetto::Chapter) == chapters)
            .collect();
        if righe.is_empty() {
            continue;
        }
        writeln!(
            out,
            "#### {titolo}\n\n| | {} | {} | {} | {} | {} |\n|---|---|---|---|---|---|",
            crate::tr!("diff-md-col-report"),
            crate::tr!("diff-md-col-section"),
            if chapters {
                crate::tr!("diff-md-col-chapter")
            } else {
                crate::tr!("diff-md-col-total")
            },
            crate::tr!("diff-md-col-where"),
            crate::tr!("diff-md-col-change")
        )?;
        for c in righe.iter().take(MD_MAX_RIGHE) {
            let cosa = if chapters {
                format!("{} {}", md(&c.chiave), md(&breve(&c.descrizione, 60)))
            } else {
                md(&breve(&c.chiave, 80))
            };
            writeln!(
                out,
                "| {} | {} | {} | {cosa} | {} | {} |",
                crate::tr!(
                    "diff-status",
                    status = match c.stato {
                        Stato::Added => "added",
                        Stato::Removed => "removed",
                        Stato::Changed => "changed",
                    }
                ),
                md(&c.report),
                c.sezione.code(),
                md(&dove(c, old, new)),
                md(&dettaglio(c))
            )?;
        }
        piu(out, righe.len())?;
    }
    Ok(())
}

fn piu(out: &mut dyn Write, n: usize) -> io::Result<()> {
    if n > MD_MAX_RIGHE {
        writeln!(
            out,
            "\n{}\n",
            crate::tr!("diff-md-more", n = n - MD_MAX_RIGHE)
        )
    } else {
        writeln!(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ast::Colonna;

    #[test]
    fn delta_of_a_changed_amount_shows_both_and_the_difference() {
        let d = Delta {
            colonna: Colonna::Previsione,
            da: Some("10609040.00".parse().unwrap()),
            a: Some("10609050.00".parse().unwrap()),
        };
        assert_eq!(
            delta_testo(&d, 2022),
            "PREVISIONE 2022 10.609.040,00 → 10.609.050,00 (+10,00)"
        );
    }
}
