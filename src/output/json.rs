//! The JSON format, version [`JSON_VERSION`]: one object with the files, their
//! diagnostics and a summary. README documents every field.

use std::io::{self, Write};

use rust_decimal::Decimal;
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use super::{totale, Esito};
use crate::amount::macchina;
use crate::diagnostic::Severity;
use crate::sink::Conteggi;

/// Version of the JSON shape; bumped on every incompatible change.
pub const JSON_VERSION: u32 = 1;

#[derive(Serialize)]
struct Doc<'a> {
    version: u32,
    files: Vec<File<'a>>,
    summary: Conteggi,
}

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
struct Diag<'a> {
    rule: &'a str,
    severity: Severity,
    message: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    key: Option<String>,
    #[serde(serialize_with = "amounts")]
    amounts: &'a [(String, Decimal)],
    related: Vec<Related<'a>>,
    label: &'a str,
    help: &'a str,
    fingerprint: String,
}

#[derive(Serialize)]
struct Related<'a> {
    line: usize,
    column: usize,
    message: &'a str,
}

/// Amounts as an object of decimal strings, in the rule's order.
fn amounts<S: Serializer>(v: &&[(String, Decimal)], s: S) -> Result<S::Ok, S::Error> {
    let mut m = s.serialize_map(Some(v.len()))?;
    for (k, d) in v.iter() {
        m.serialize_entry(k, &macchina(*d))?;
    }
    m.end()
}

/// Write the JSON document.
pub fn write(out: &mut dyn Write, files: &[Esito<'_>]) -> io::Result<()> {
    let doc = Doc {
        version: JSON_VERSION,
        files: files
            .iter()
            .map(|f| File {
                path: f.path,
                accepted: f.accettati,
                not_applicable: f
                    .non_applicabili
                    .iter()
                    .map(|(rule, reason)| NonApplicabile { rule, reason })
                    .collect(),
                notes: f.note,
                diagnostics: f
                    .findings
                    .iter()
                    .map(|x| {
                        let loc = f.locate(x.span);
                        Diag {
                            rule: &x.rule,
                            severity: x.severity,
                            message: &x.message,
                            line: loc.line,
                            column: loc.column,
                            end_line: loc.end_line,
                            end_column: loc.end_column,
                            key: x.key.map(|k| k.to_string()),
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
                        }
                    })
                    .collect(),
            })
            .collect(),
        summary: totale(files),
    };
    serde_json::to_writer_pretty(&mut *out, &doc).map_err(io::Error::other)?;
    writeln!(out)
}
