//! The reconciliation for people (one line per difference), as JSON
//! (version 1) and as Markdown. Every sentence is here.

use std::io::{self, Write};

use serde::Serialize;

use super::{Differenza, Genere, Riconciliazione};
use crate::amount::italiano;
use crate::escape::{markdown, terminale};
use crate::lingua::{corrente, Lingua};

/// The text of catalogue message `id` in language `l`, with its arguments
/// (the line of a difference is also its baseline identity, in English).
macro_rules! t {
    ($l:expr, $id:expr $(, $k:ident = $v:expr)* $(,)?) => {{
        #[allow(unused_mut)]
        let mut args = ::fluent_bundle::FluentArgs::new();
        $( args.set(stringify!($k), $crate::lingua::Argomento::valore($v)); )*
        $crate::lingua::testo_in($l, $id, Some(&args))
    }};
}

/// Version of the JSON shape.
pub const JSON_VERSION: u32 = 1;

fn genere(l: Lingua, g: Genere) -> String {
    let id = match g {
        Genere::OnlyInReport => "reconcile-kind-only-in-report",
        Genere::OnlyInData => "reconcile-kind-only-in-data",
        Genere::Amounts => "reconcile-kind-amounts",
        Genere::Classification => "reconcile-kind-classification",
        Genere::Total => "reconcile-kind-total",
    };
    t!(l, id)
}

/// `12 chapters matched, 1 only in the report, ...`.
pub fn sommario(r: &Riconciliazione) -> String {
    t!(
        corrente(),
        "reconcile-summary",
        matched = r.matched,
        report = r.conta(Genere::OnlyInReport),
        data = r.conta(Genere::OnlyInData),
        amounts = r.conta(Genere::Amounts),
        classification = r.conta(Genere::Classification),
        totals = r.conta(Genere::Total),
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

fn soggetto(l: Lingua, d: &Differenza) -> String {
    let mut s = d.section.code().to_string();
    if let Some(dir) = &d.direzione {
        s = format!("{dir} {s}");
    }
    match &d.key {
        Some(k) => t!(
            l,
            "reconcile-subject-chapter",
            section = s,
            key = k.to_string(),
            subject = &d.subject
        ),
        None => format!("{s} {}", d.subject),
    }
}

fn dettagli(l: Lingua, d: &Differenza) -> Vec<String> {
    let mut v: Vec<String> = d
        .fields
        .iter()
        .map(|f| {
            t!(
                l,
                "reconcile-field",
                field = f.field.to_string(),
                report = f.report.to_string(),
                data = f.data.to_string()
            )
        })
        .collect();
    v.extend(d.amounts.iter().map(|a| {
        t!(
            l,
            "reconcile-amount",
            column = a.column.name(),
            report = italiano(a.report),
            data = italiano(a.data),
            difference = italiano(a.difference)
        )
    }));
    v
}

/// The line of one difference: kind, subject, where, what differs.
pub fn riga(d: &Differenza, report: &str, dati: &str) -> String {
    riga_in(corrente(), d, report, dati)
}

/// [`riga`] in language `l` (in English it is the difference's identity in
/// a baseline, as it was before the texts were translated).
pub fn riga_in(l: Lingua, d: &Differenza, report: &str, dati: &str) -> String {
    let det = dettagli(l, d);
    let line = format!(
        "{}: {} ({})",
        genere(l, d.kind),
        soggetto(l, d),
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
            "{}",
            t!(corrente(), "reconcile-accepted", n = r.accepted)
        )?;
    }
    if r.left_out > 0 {
        writeln!(
            out,
            "{}",
            t!(corrente(), "reconcile-left-out", n = r.left_out)
        )?;
    }
    let cols: Vec<&str> = r.columns.iter().map(|c| c.name()).collect();
    writeln!(
        out,
        "{}",
        t!(
            corrente(),
            "reconcile-compared",
            columns = cols.join(", "),
            fields = r.fields.join(", ")
        )
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
    let l = corrente();
    let verdetto = if r.differences.is_empty() {
        t!(l, "reconcile-md-agree")
    } else {
        t!(l, "reconcile-md-differ")
    };
    writeln!(out, "{}\n", t!(l, "reconcile-md-title", verdict = verdetto))?;
    writeln!(
        out,
        "{}\n",
        t!(
            l,
            "reconcile-md-against",
            report = markdown(report),
            data = markdown(dati),
            summary = markdown(&sommario(r))
        )
    )?;
    if r.differences.is_empty() {
        return Ok(());
    }
    writeln!(out, "{}", t!(l, "reconcile-md-header"))?;
    writeln!(out, "|---|---|---|---|")?;
    for d in r.differences.iter().take(MAX_RIGHE_MD) {
        writeln!(
            out,
            "| {} | {} | {} | {} |",
            genere(l, d.kind),
            markdown(&soggetto(l, d)),
            markdown(&dove(d, report, dati)),
            markdown(&dettagli(l, d).join("; "))
        )?;
    }
    if r.differences.len() > MAX_RIGHE_MD {
        writeln!(
            out,
            "\n{}",
            t!(
                l,
                "reconcile-md-more",
                n = r.differences.len() - MAX_RIGHE_MD
            )
        )?;
    }
    Ok(())
}
