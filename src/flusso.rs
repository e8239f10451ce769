//! The streaming check: an input parsed, checked and written one report
//! (Direzione) at a time, so that memory holds one report's tree and its
//! findings, and of the input the part being read ([`Ingresso`] gives the
//! pages of what is written back), whatever the size of the file. What is
//! written is exactly what checking the whole document and writing its
//! findings gives (`tests/flusso.rs` compares the bytes).
//!
//! parse ([`crate::parse::parse_each_con`]) -> items -> rules
//! ([`Controllo`], report by report) -> the findings ready
//! ([`Controllo::pronti`]) -> located ([`LineIndex::estendi`]) -> written
//! ([`Flusso`]) -> pages given back ([`Ingresso::rilascia`]).

use std::io;

use crate::ast::Report;
use crate::config::RuleSet;
use crate::finding::Finding;
use crate::ingresso::Ingresso;
use crate::lang::item::Item;
use crate::output::flusso::Flusso;
use crate::parse::NotAReport;
use crate::rules::Controllo;
use crate::span::LineIndex;
use crate::vincoli::links::FileLegami;

/// What a streaming check found, beside what it wrote.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Riassunto {
    /// Reports read.
    pub reports: usize,
    /// Parse diagnostics (bounded by [`crate::parse::MAX_DIAGNOSTICS`], plus the one that counts the rest).
    pub diagnostiche: usize,
    /// Findings written (those `tenuto` kept).
    pub scritti: usize,
    /// Findings left out by `tenuto`.
    pub esclusi: usize,
    /// Some finding written is an error.
    pub errori: bool,
}

/// Parse and check `ingresso` with `rules` (and `--deny warnings`), and
/// write to `flusso`, report after report, the findings `tenuto` keeps (the
/// filters of `quadra check`). The document is not closed
/// ([`Flusso::chiudi`]): the caller may add to it. Fails as
/// [`crate::parse::parse`] does when the input is not a report at all; then
/// nothing has been written.
pub fn controlla_e_scrivi(
    ingresso: &Ingresso,
    rules: &RuleSet,
    deny_warnings: bool,
    tenuto: &dyn Fn(&Finding) -> bool,
    flusso: &mut Flusso<'_>,
) -> Result<io::Result<Riassunto>, NotAReport> {
    controlla_con_legami(
        ingresso,
        rules,
        deny_warnings,
        None,
        &mut |_, _| {},
        tenuto,
        flusso,
    )
}

/// [`controlla_e_scrivi`] with the vincolo groups of a link file, and
/// `ogni_report` shown each report and its items before its rules run (to
/// check the link file against it, say).
pub fn controlla_con_legami(
    ingresso: &Ingresso,
    rules: &RuleSet,
    deny_warnings: bool,
    legami: Option<&FileLegami>,
    ogni_report: &mut dyn FnMut(&Report, &[Item<'_>]),
    tenuto: &dyn Fn(&Finding) -> bool,
    flusso: &mut Flusso<'_>,
) -> Result<io::Result<Riassunto>, NotAReport> {
    let bytes = ingresso.bytes();
    let mut controllo = Controllo::new(rules, deny_warnings, legami);
    let mut index = LineIndex::vuoto();
    let mut r = Riassunto::default();
    let mut errore: Option<io::Error> = None;
    let mut ultimo: Option<(usize, String)> = None;
    let mut scrivi = |pronti: Vec<Finding>, index: &mut LineIndex, r: &mut Riassunto| {
        debug_assert!(
            match (&ultimo, pronti.first()) {
                (Some((s, rule)), Some(f)) => (f.span.start, &f.rule) >= (*s, rule),
                _ => true,
            },
            "a finding given after the ones written starts before them"
        );
        if let Some(f) = pronti.last() {
            ultimo = Some((f.span.start, f.rule.clone()));
        }
        let (tenuti, esclusi): (Vec<Finding>, Vec<Finding>) =
            pronti.into_iter().partition(|f| tenuto(f));
        r.esclusi += esclusi.len();
        r.scritti += tenuti.len();
        r.errori |= tenuti
            .iter()
            .any(|f| f.severity == crate::diagnostic::Severity::Error);
        // The index must reach every span written.
        let fino = tenuti
            .iter()
            .flat_map(|f| std::iter::once(f.span).chain(f.related.iter().map(|x| x.span)))
            .map(|s| s.end)
            .max()
            .unwrap_or(0);
        index.estendi(bytes, fino.saturating_add(1));
        if errore.is_none() {
            if let Err(e) = flusso.scrivi(bytes, index, &tenuti) {
                errore = Some(e);
            }
        }
    };
    let diagnostiche = crate::parse::parse_each_con(bytes, |report, d| {
        r.reports += 1;
        controllo.letture(d);
        let its = crate::lang::item::items(&report);
        ogni_report(&report, &its);
        controllo.report(&report, &its);
        drop(its);
        let fine = report.span.end;
        drop(report);
        let pronti = controllo.pronti(fine, d);
        // Indexed up to the report's end while its pages are in memory:
        // the index never reads a page given back.
        index.estendi(bytes, fine);
        scrivi(pronti, &mut index, &mut r);
        // What is still to be written starts past here.
        index.dimentica(Controllo::fin_dove(fine, d));
        // The parser is past this report: its pages are not needed again.
        ingresso.rilascia(fine);
    })?;
    r.diagnostiche = diagnostiche.len();
    let resto = controllo.resto(&diagnostiche);
    scrivi(resto, &mut index, &mut r);
    Ok(match errore {
        Some(e) => Err(e),
        None => Ok(r),
    })
}
