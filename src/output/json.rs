//! The JSON format, version [`JSON_VERSION`]: one object with the files, their
//! diagnostics and a summary. README documents every field.

use std::io::{self, Write};

use rust_decimal::Decimal;
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use super::{rientro, totale, Esito};
use crate::amount::Macchina;
use crate::diagnostic::Severity;
use crate::sink::Conteggi;

/// Version of the JSON shape; bumped on every incompatible change.
pub const JSON_VERSION: u32 = 2;

#[derive(Serialize)]
struct File<'a> {
    path: &'a str,
    diagnostics: Vec<Diag<'a>>,
    /// Findings hidden by `--baseline` (absent when none).
    #[serde(skip_serializing_if = "is_zero")]
    accepted: usize,
    /// Rules a table cannot feed (absent for reports).
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    not_applicable: Vec<NonApplicabile<'a>>,
    /// What the table reader left out (absent for reports).
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    notes: &'a [String],
}

#[derive(Serialize)]
struct NonApplicabile<'a> {
    rule: &'a str,
    reason: &'a str,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

#[derive(Serialize)]
pub(super) struct Diag<'a> {
    rule: &'a str,
    severity: Severity,
    message: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    key: Option<crate::codes::ChiavePeg>,
    #[serde(serialize_with = "amounts")]
    amounts: &'a [(crate::finding::NomeImporto, Decimal)],
    related: Vec<Related<'a>>,
    label: &'a str,
    help: &'a str,
    fingerprint: String,
    /// `document` or `grouping` (version 2).
    basis: &'static str,
    /// For `grouping`: `{"source": "declared"|"inferred"|"none", "confidence": ...}`.
    #[serde(skip_serializing_if = "Option::is_none")]
    grouping: Option<serde_json::Value>,
}

/// The counts per basis (version 2), beside `summary`.
#[derive(Serialize, Default, Clone, Copy)]
pub(super) struct PerBase {
    document: Conteggi,
    grouping: Conteggi,
}

impl PerBase {
    /// Count one more finding.
    pub(super) fn add(&mut self, x: &crate::finding::Finding) {
        match x.base {
            crate::finding::Base::Documento => self.document.add(x.severity),
            crate::finding::Base::Raggruppamento { .. } => self.grouping.add(x.severity),
        }
    }
}

fn per_base(files: &[Esito<'_>]) -> PerBase {
    let mut pb = PerBase::default();
    for x in files.iter().flat_map(|f| f.findings) {
        pb.add(x);
    }
    pb
}

#[derive(Serialize)]
struct Related<'a> {
    line: usize,
    column: usize,
    message: &'a str,
}

/// Amounts as an object of decimal strings, in the rule's order.
fn amounts<S: Serializer>(
    v: &&[(crate::finding::NomeImporto, Decimal)],
    s: S,
) -> Result<S::Ok, S::Error> {
    let mut m = s.serialize_map(Some(v.len()))?;
    for (k, d) in v.iter() {
        m.serialize_entry(k, &Macchina(*d))?;
    }
    m.end()
}

/// Write the JSON document. The files' objects are laid out a few at a
/// time in parallel (a batch's output was a fifth of its time, all on one
/// thread) and written in order into the document, whose frame is written
/// here as serde lays it out (a test compares the bytes with the document
/// laid out whole). A lone file goes straight to `out`, never held whole.
pub fn write(out: &mut dyn Write, files: &[Esito<'_>]) -> io::Result<()> {
    write_con(out, files, totale(files), per_base(files))
}

/// [`write`] with the counts given: the streaming writer lays out the frame
/// of a file whose findings it writes itself ([`super::flusso`]).
pub(super) fn write_con(
    out: &mut dyn Write,
    files: &[Esito<'_>],
    summary: Conteggi,
    by_basis: PerBase,
) -> io::Result<()> {
    use rayon::prelude::*;
    write!(out, "{{\n  \"version\": {JSON_VERSION},\n  \"files\": ")?;
    if files.is_empty() {
        out.write_all(b"[]")?;
    } else {
        out.write_all(b"[")?;
        let mut primo = true;
        for gruppo in files.chunks(rayon::current_num_threads().max(1) * 2) {
            let parti: Vec<Option<Vec<u8>>> = if gruppo.len() == 1 {
                vec![None]
            } else {
                gruppo
                    .par_iter()
                    .map(|f| {
                        let mut v = Vec::new();
                        rientro::scrivi(&mut v, &file(f), FILE_LIVELLO).map(|()| Some(v))
                    })
                    .collect::<Result<_, _>>()
                    .map_err(io::Error::other)?
            };
            for (f, parte) in gruppo.iter().zip(parti) {
                out.write_all(if primo { b"\n" } else { b",\n" })?;
                primo = false;
                out.write_all(FILE_INDENT.as_bytes())?;
                match parte {
                    Some(t) => out.write_all(&t)?,
                    None => {
                        // serde_json writes a few bytes at a time: buffered.
                        let mut b = io::BufWriter::with_capacity(64 * 1024, &mut *out);
                        rientro::scrivi(&mut b, &file(f), FILE_LIVELLO)
                            .map_err(io::Error::other)?;
                        b.flush()?;
                    }
                }
            }
        }
        out.write_all(b"\n  ]")?;
    }
    out.write_all(b",\n  \"summary\": ")?;
    rientro::scrivi(&mut *out, &summary, 1).map_err(io::Error::other)?;
    out.write_all(b",\n  \"by_basis\": ")?;
    rientro::scrivi(&mut *out, &by_basis, 1).map_err(io::Error::other)?;
    out.write_all(b"\n}\n")
}

/// Where a file's object stands in the document: inside `files`, inside the
/// top object, two spaces a level.
const FILE_INDENT: &str = "    ";
/// The same, in levels.
const FILE_LIVELLO: usize = 2;

/// One finding's object.
pub(super) fn diag<'a>(f: &Esito<'a>, x: &'a crate::finding::Finding) -> Diag<'a> {
    let loc = f.locate(x.span);
    Diag {
        rule: &x.rule,
        severity: x.severity,
        message: &x.message,
        line: loc.line,
        column: loc.column,
        end_line: loc.end_line,
        end_column: loc.end_column,
        key: x.key,
        amounts: &x.amounts,
        related: x
            .related
            .iter()
            .map(|r| {
                let l = f.locate(r.span);
                Related {
                    line: l.line,
                    column: l.column,
                    message: &r.message,
                }
            })
            .collect(),
        label: &x.label,
        help: &x.help,
        fingerprint: super::sarif::fingerprint(x),
        basis: x.base.name(),
        grouping: x.base.raggruppamento_json(),
    }
}

/// One file's object.
fn file<'a>(f: &'a Esito<'a>) -> File<'a> {
    File {
        path: f.path,
        accepted: f.accettati,
        not_applicable: f
            .non_applicabili
            .iter()
            .map(|(rule, reason)| NonApplicabile { rule, reason })
            .collect(),
        notes: f.note,
        diagnostics: f.findings.iter().map(|x| diag(f, x)).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The document as serde lays it out whole, with the files' objects
    /// typed: what [`write`] must equal byte for byte.
    fn intero(files: &[Esito<'_>]) -> String {
        #[derive(Serialize)]
        struct Intero<'a> {
            version: u32,
            files: Vec<File<'a>>,
            summary: Conteggi,
            by_basis: PerBase,
        }
        let doc = Intero {
            version: JSON_VERSION,
            files: files.iter().map(file).collect(),
            summary: totale(files),
            by_basis: per_base(files),
        };
        serde_json::to_string_pretty(&doc).unwrap() + "\n"
    }

    #[test]
    fn files_laid_out_apart_give_the_document_laid_out_whole() {
        let rules = crate::config::RuleSet::default_rules().unwrap();
        let mut letti = Vec::new();
        for p in [
            "reports/milano-2022-dir07-welfare-e-salute.txt",
            "fixtures/broken-malformed-amount.txt",
            "fixtures/quirk-multi-report.txt",
            "fixtures/rules/all-zero.clean.txt",
        ] {
            let bytes = std::fs::read(p).unwrap();
            let o = crate::parse(&bytes).unwrap();
            let f = crate::rules::check(&o.documento, &o.diagnostics, &rules, false);
            let index = crate::span::LineIndex::new(&bytes);
            letti.push((p, bytes, index, f));
        }
        let esiti: Vec<Esito<'_>> = letti
            .iter()
            .map(|(p, b, i, f)| Esito::new(p, b, i, f))
            .collect();
        let trovati: usize = letti.iter().map(|l| l.3.len()).sum();
        assert!(trovati > 121, "{trovati}");
        for n in 0..=esiti.len() {
            let mut out = Vec::new();
            write(&mut out, &esiti[..n]).unwrap();
            assert_eq!(
                String::from_utf8(out).unwrap(),
                intero(&esiti[..n]),
                "{n} files"
            );
        }
    }
}
