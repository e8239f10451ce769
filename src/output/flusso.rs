//! JSON, SARIF and GitHub's workflow commands written a report at a time: the findings of each report
//! are written as soon as it is checked, then dropped, so that memory holds
//! one report's findings, never the file's. The bytes are exactly those of
//! [`super::json::write`] and [`super::sarif::write`] for the same file:
//! the frame around the findings (the document's start and end, the counts,
//! the rules table) is laid out by those writers themselves with no
//! findings, and the findings are set in at its place (a test compares the
//! two on reports, fixtures and generated documents).

use std::io::{self, Write};

use serde_json::Value;

use super::json::{self, PerBase};
use super::rientro;
use super::{sarif, Esito, Formato};
use crate::config::RuleSet;
use crate::finding::Finding;
use crate::sink::Conteggi;
use crate::span::LineIndex;

/// Where a finding's object stands: inside a file's `diagnostics` (JSON) or
/// the run's `results` (SARIF), eight spaces in.
const VOCE: &str = "        ";
/// The same, in levels of two spaces.
const LIVELLO: usize = 4;
/// Before the array's closing bracket, when it holds something.
const CHIUSA: &str = "\n      ";

/// A JSON or SARIF document of one file, written a report at a time.
pub struct Flusso<'w> {
    out: &'w mut dyn Write,
    path: String,
    /// SARIF: the rules' ids (a result's `ruleIndex`), the file's URI and
    /// the frame (laid out once: it does not depend on the findings).
    sarif: Option<(Vec<String>, String, (String, String))>,
    /// The frame's start has been written (at the first report: nothing is
    /// written for an input that is not a report).
    aperto: bool,
    /// GitHub workflow commands: a line per finding, no frame.
    github: bool,
    scritti: usize,
    summary: Conteggi,
    by_basis: PerBase,
}

/// The frame split where the findings go: what comes before the first and
/// after the last. `marcatore` is the empty array's key, indented as it
/// stands (`"diagnostics": []`), which no string of the document can hold:
/// a line break inside a JSON string is escaped.
fn dividi(cornice: &str, marcatore: &str) -> io::Result<(String, String)> {
    let at = cornice
        .find(marcatore)
        .ok_or_else(|| io::Error::other("the document's frame has no place for the findings"))?;
    // Keep `[` before, `]` after.
    let taglio = at + marcatore.len() - 1;
    Ok((cornice[..taglio].to_string(), cornice[taglio..].to_string()))
}

impl<'w> Flusso<'w> {
    /// A document in `formato` (JSON, SARIF or GitHub's workflow commands;
    /// `None` for the others) of
    /// the file `path`, checked with `rules`. SARIF carries the run's
    /// `configuration` among the run's properties, as `quadra check` adds it.
    pub fn new(
        formato: Formato,
        out: &'w mut dyn Write,
        path: &str,
        rules: &RuleSet,
        configurazione: Option<Value>,
    ) -> io::Result<Option<Flusso<'w>>> {
        let sarif = match formato {
            Formato::Json | Formato::Github => None,
            Formato::Sarif => {
                let (ids, table) = sarif::regole(rules);
                let mut log = sarif::log(table, Vec::new());
                if let Some(c) = configurazione {
                    sarif::con_configurazione(&mut log, c);
                }
                let cornice = serde_json::to_string_pretty(&log).map_err(io::Error::other)? + "\n";
                let cornice = dividi(&cornice, "\n      \"results\": []")?;
                Some((ids, sarif::uri(path), cornice))
            }
            _ => return Ok(None),
        };
        Ok(Some(Flusso {
            aperto: false,
            github: formato == Formato::Github,
            out,
            path: path.to_string(),
            sarif,
            scritti: 0,
            summary: Conteggi::default(),
            by_basis: PerBase::default(),
        }))
    }

    /// The JSON frame with these counts, split at the file's findings.
    fn cornice_json(&self) -> io::Result<(String, String)> {
        let index = LineIndex::vuoto();
        let esito = Esito::new(&self.path, &[], &index, &[]);
        let mut buf = Vec::new();
        json::write_con(&mut buf, &[esito], self.summary, self.by_basis)?;
        let testo = String::from_utf8(buf).map_err(io::Error::other)?;
        dividi(&testo, "\n      \"diagnostics\": []")
    }

    /// Write the frame's start, once.
    fn apri(&mut self) -> io::Result<()> {
        if !self.aperto {
            let inizio = match &self.sarif {
                Some((_, _, (inizio, _))) => inizio.clone(),
                None => self.cornice_json()?.0,
            };
            self.out.write_all(inizio.as_bytes())?;
            self.aperto = true;
        }
        Ok(())
    }

    /// Write the findings of the next report (already filtered), located
    /// in `bytes` with `index` (which must cover their spans).
    pub fn scrivi(
        &mut self,
        bytes: &[u8],
        index: &LineIndex,
        findings: &[Finding],
    ) -> io::Result<()> {
        if self.github {
            self.scritti += findings.len();
            let esito = Esito::new(&self.path, bytes, index, findings);
            return super::github::write(self.out, &[esito]);
        }
        self.apri()?;
        let esito = Esito::new(&self.path, bytes, index, findings);
        // Each finding laid out in a buffer, written with one call.
        let mut buf = Vec::with_capacity(4096);
        for x in findings {
            self.summary.add(x.severity);
            self.by_basis.add(x);
            buf.clear();
            buf.extend_from_slice(if self.scritti == 0 { b"\n" } else { b",\n" });
            buf.extend_from_slice(VOCE.as_bytes());
            match &self.sarif {
                None => rientro::scrivi(&mut buf, &json::diag(&esito, x), LIVELLO),
                Some((ids, uri, _)) => {
                    rientro::scrivi(&mut buf, &sarif::risultato(&esito, x, uri, ids), LIVELLO)
                }
            }
            .map_err(io::Error::other)?;
            self.out.write_all(&buf)?;
            self.scritti += 1;
        }
        Ok(())
    }

    /// Close the document: the frame's end, with the counts of every
    /// finding written.
    pub fn chiudi(mut self) -> io::Result<()> {
        if self.github {
            return Ok(());
        }
        self.apri()?;
        let fine = match self.sarif.take() {
            Some((_, _, (_, fine))) => fine,
            None => self.cornice_json()?.1,
        };
        if self.scritti > 0 {
            self.out.write_all(CHIUSA.as_bytes())?;
        }
        self.out.write_all(fine.as_bytes())
    }
}
