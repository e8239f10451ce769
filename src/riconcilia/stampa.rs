//! The reconciliation for people (one line per difference), as JSON
//! (version 1) and as Markdown. Every sentence is here.

use std::io::{self, Write};

use serde::Serialize;

use super::{Differenza, Genere, Riconciliazione};
use crate::amount::italiano;
use crate::escape::{markdown, terminale};

/// Version of the JSON shape.
pub const JSON_VERSION: u32 = 1;

fn genere(g: Genere) -> &'static str {
    match g {
        Genere::OnlyInReport => "only in the report",
        Genere::OnlyInData => "only in the data",
        Genere::Amounts => "other amounts",
        Genere::Classification => "other classification",
        Genere::Total => "sums differ",
    }
}

/// `12 chapters matched, 1 only in the report, ...`.
pub fn sommario(r: &Riconciliazione) -> String {
    format!(
        "{} chapter(s) matched; {} only in the report, {} only in the data, {} with other amounts, {} with other classification, {} Settore / Direzione sum(s) differ",
        r.matched,
        r.conta(Genere::OnlyInReport),
        r.conta(Genere::OnlyInData),
        r.conta(Genere::Amounts),
        r.conta(Genere::Classification),
        r.conta(Genere::Total)
    )
}

fn dove(d: &Differenza, report: &str, dati: &str) -> String {
    let mut v = Vec::new();
    if let Some(l) = d.report_line {
        v.push(format!("{report}:{l}"));
    }
    if let Some(l) = d.data_line {
        v.push(format!("{dati}:{l}"));
    }
    v.join(", ")
}

fn soggetto(d: &Differenza) -> String {
    let mut s = d.section.code().to_string();
    if let Some(dir) = &d.direzione {
        s = format!("{dir} {s}");
    }
    match &d.key {
        Some(k) => format!("{s} chapter {k} {}", d.subject),
        None => format!("{s} {}", d.subject),
    }
}

fn dettagli(d: &Differenza) -> Vec<String> {
    let mut v: Vec<String> = d
        .fields
        .iter()
        .map(|f| {
            format!(
                "{}: `{}` in the report, `{}` in the data",
                f.field, f.report, f.data
            )
        })
        .collect();
    v.extend(d.amounts.iter().map(|a| {
        format!(
            "{}: {} in the report, {} in the data (difference {})",
            a.column.name(),
            italiano(a.report),
            italiano(a.data),
            italiano(a.difference)
        )
    }));
    v
}

/// The line of one difference: kind, subject, where, what differs.
pub fn riga(d: &Differenza, report: &str, dati: &str) -> String {
    let det = dettagli(d);
    let line = format!(
        "{}: {} ({})",
        genere(d.kind),
        soggetto(d),
        dove(d, report, dati)
    );
    if det.is_empty() {
        line
    } else {
        format!("{line}: {}", det.join("; "))
    }
}

/// One line per difference, then the summary.
pub fn human(out: &mut dyn Write, r: &Riconciliazione, report: &str, dati: &str) -> io::Result<()> {
    for d in &r.differences {
        writeln!(out, "{}", terminale(&riga(d, report, dati)))?;
    }
    writeln!(
        out,
        "{} <-> {}: {}",
        terminale(report),
        terminale(dati),
        sommario(r)
    )?;
    if r.accepted > 0 {
        writeln!(
            out,
            "{} difference(s) accepted in the baseline (hidden)",
            r.accepted
        )?;
    }
    if r.left_out > 0 {
        writeln!(out, "{} chapter(s) of the data are of Direzioni or years the report does not hold: left out", r.left_out)?;
    }
    let cols: Vec<&str> = r.columns.iter().map(|c| c.name()).collect();
    writeln!(
        out,
        "compared: amounts {}; fields {}",
        cols.join(", "),
        r.fields.join(", ")
    )?;
    Ok(())
}

#[derive(Serialize)]
struct Doc<'a> {
    version: u32,
    report: &'a str,
    data: &'a str,
    summary: Summary,
    columns: Vec<&'static str>,
    fields: &'a [&'static str],
    differences: Vec<Voce<'a>>,
}

#[derive(Serialize)]
struct Summary {
    matched: usize,
    only_in_report: usize,
    only_in_data: usize,
    amounts: usize,
    classification: usize,
    totals: usize,
    left_out: usize,
    accepted: usize,
}

#[derive(Serialize)]
struct Voce<'a> {
    id: String,
    #[serde(flatten)]
    d: &'a Differenza,
}

/// The JSON document.
pub fn json(out: &mut dyn Write, r: &Riconciliazione, report: &str, dati: &str) -> io::Result<()> {
    let doc = Doc {
        version: JSON_VERSION,
        report,
        data: dati,
        summary: Summary {
            matched: r.matched,
            only_in_report: r.conta(Genere::OnlyInReport),
            only_in_data: r.conta(Genere::OnlyInData),
            amounts: r.conta(Genere::Amounts),
            classification: r.conta(Genere::Classification),
            totals: r.conta(Genere::Total),
            left_out: r.left_out,
            accepted: r.accepted,
        },
        columns: r.columns.iter().map(|c| c.name()).collect(),
        fields: &r.fields,
        differences: r
            .differences
            .iter()
            .map(|d| Voce {
                id: d.identita(),
                d,
            })
            .collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &doc).map_err(io::Error::other)?;
    writeln!(out)
}

/// Rows of the Markdown table shown before the rest is counted.
const MAX_RIGHE_MD: usize = 100;

/// Markdown: verdict, summary, one table of differences.
pub fn md(out: &mut dyn Write, r: &Riconciliazione, report: &str, dati: &str) -> io::Result<()> {
    let verdetto = if r.differences.is_empty() {
        "the data agree with the report"
    } else {
        "the data differ from the report"
    };
    writeln!(out, "## Reconciliation: {}\n", verdetto)?;
    writeln!(
        out,
        "`{}` against `{}`: {}\n",
        markdown(report),
        markdown(dati),
        markdown(&sommario(r))
    )?;
    if r.differences.is_empty() {
        return Ok(());
    }
    writeln!(out, "| kind | chapter or sum | where | what differs |")?;
    writeln!(out, "|---|---|---|---|")?;
    for d in r.differences.iter().take(MAX_RIGHE_MD) {
        writeln!(
            out,
            "| {} | {} | {} | {} |",
            genere(d.kind),
            markdown(&soggetto(d)),
            markdown(&dove(d, report, dati)),
            markdown(&dettagli(d).join("; "))
        )?;
    }
    if r.differences.len() > MAX_RIGHE_MD {
        writeln!(
            out,
            "\n{} more difference(s) not shown",
            r.differences.len() - MAX_RIGHE_MD
        )?;
    }
    Ok(())
}
