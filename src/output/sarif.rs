//! SARIF 2.1.0: the rules table from the catalogue (and the parse codes),
//! one result per finding with its region and related locations, and
//! `partialFingerprints` keyed on rule + PEG key (or section and subject), not
//! on line numbers, so that a finding keeps its identity when lines move.

use std::io::{self, Write};

use serde_json::{json, Value};

use super::Esito;
use crate::amount::macchina;
use crate::config::RuleSet;
use crate::diagnostic::{ParseCode, Severity};
use crate::finding::Finding;
use crate::span::Location;

/// The key of quadra's entry in `partialFingerprints`.
pub const FINGERPRINT_KEY: &str = "quadraFinding/v1";

/// A stable hash (FNV-1a, 64 bits, hex) of the finding's identity.
pub fn fingerprint(f: &Finding) -> String {
    /// FNV-1a over the text as it is written.
    struct Fnv(u64);
    impl std::fmt::Write for Fnv {
        fn write_str(&mut self, s: &str) -> std::fmt::Result {
            for b in s.bytes() {
                self.0 ^= u64::from(b);
                self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
            }
            Ok(())
        }
    }
    let mut h = Fnv(0xcbf2_9ce4_8422_2325);
    let _ = f.scrivi_identita(&mut h);
    // Sixteen hexadecimal digits, as `{:016x}` prints them.
    let mut s = String::with_capacity(16);
    s.extend(
        (0..16)
            .rev()
            .map(|i| char::from(b"0123456789abcdef"[((h.0 >> (4 * i)) & 0xf) as usize])),
    );
    s
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A relative path as a URI reference: forward slashes, unsafe bytes %-encoded.
pub(super) fn uri(path: &str) -> String {
    if path == "-" {
        return "stdin".into();
    }
    let mut out = String::new();
    for b in path.replace('\\', "/").bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn region(l: Location) -> Value {
    json!({
        "startLine": l.line,
        "startColumn": l.column,
        "endLine": l.end_line,
        "endColumn": l.end_column.max(if l.end_line == l.line { l.column } else { 1 }),
    })
}

/// Write the SARIF log.
pub fn write(out: &mut dyn Write, files: &[Esito<'_>], rules: &RuleSet) -> io::Result<()> {
    let (ids, table) = regole(rules);
    let mut results = Vec::new();
    for f in files {
        let uri = uri(f.path);
        for x in f.findings {
            results.push(risultato(f, x, &uri, &ids));
        }
    }
    serde_json::to_writer_pretty(&mut *out, &log(table, results)).map_err(io::Error::other)?;
    writeln!(out)
}

/// The rules table of the run (the rule set's, then the parse codes), and
/// the id of each entry (a result's `ruleIndex` is its place there).
pub(super) fn regole(rules: &RuleSet) -> (Vec<String>, Vec<Value>) {
    let mut ids: Vec<String> = Vec::new();
    let mut table: Vec<Value> = Vec::new();
    for r in &rules.rules {
        ids.push(r.id.clone());
        table.push(json!({
            "id": r.id,
            "name": r.id,
            "shortDescription": { "text": r.summary },
            "fullDescription": { "text": r.what.trim() },
            "help": { "text": crate::tr!("sarif-help", what = r.what.trim(), why = r.why.trim(), example = r.example.trim_end()) },
            "defaultConfiguration": { "level": level(r.severity), "enabled": r.enabled },
            "properties": { "family": r.family, "kind": r.kind() },
        }));
    }
    for c in ParseCode::ALL {
        ids.push(c.as_str().to_string());
        table.push(json!({
            "id": c.as_str(),
            "name": c.as_str(),
            "shortDescription": { "text": crate::lingua::testo(&format!("code-{}", c.as_str().trim_start_matches("parse::")), None) },
            "defaultConfiguration": { "level": level(c.severity()) },
            "properties": { "family": "parse" },
        }));
    }
    (ids, table)
}

/// One result: a finding of the file `f`, whose URI is `uri`.
pub(super) fn risultato(f: &Esito<'_>, x: &Finding, uri: &str, ids: &[String]) -> Value {
    let loc = |span| {
        json!({
            "artifactLocation": { "uri": uri },
            "region": region(f.locate(span)),
        })
    };
    let related: Vec<Value> = x
        .related
        .iter()
        .enumerate()
        .map(|(i, r)| json!({ "id": i, "physicalLocation": loc(r.span), "message": { "text": r.message } }))
        .collect();
    let amounts: serde_json::Map<String, Value> = x
        .amounts
        .iter()
        .map(|(k, v)| (k.to_string(), Value::String(macchina(*v))))
        .collect();
    let mut result = json!({
        "ruleId": x.rule,
        "level": level(x.severity),
        "message": { "text": format!("{}\n{}", x.message, x.help) },
        "locations": [ { "physicalLocation": loc(x.span) } ],
        "partialFingerprints": { FINGERPRINT_KEY: fingerprint(x) },
        "properties": { "amounts": amounts, "key": x.key.map(|k| k.to_string()), "basis": x.base.name() },
    });
    if let Some(g) = x.base.raggruppamento_json() {
        result["properties"]["grouping"] = g;
    }
    if let Some(i) = ids.iter().position(|id| *id == x.rule) {
        result["ruleIndex"] = json!(i);
    }
    if !related.is_empty() {
        result["relatedLocations"] = Value::Array(related);
    }
    result
}

/// Set what the run used (`quadra check`'s configuration) among the
/// run's properties.
pub fn con_configurazione(log: &mut Value, configurazione: Value) {
    if let Some(run) = log.pointer_mut("/runs/0") {
        run["properties"]["configuration"] = configurazione;
    }
}

/// The log of one run with these rules and results.
pub(super) fn log(table: Vec<Value>, results: Vec<Value>) -> Value {
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "quadra",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": table,
            }},
            "columnKind": "unicodeCodePoints",
            // The language of every message text (rule ids, fingerprints and
            // the structure do not depend on it).
            "language": crate::lingua::corrente().codice(),
            "results": results,
        }],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(uri("reports/a b.txt"), "reports/a%20b.txt");
        assert_eq!(uri("-"), "stdin");
        assert_eq!(uri("dir\\x.txt"), "dir/x.txt");
    }
}
