//! One input read, parsed and checked: [`Letto`], or why not ([`Problema`]).

use std::path::Path;

use crate::ast::Documento;
use crate::cli::read_input;
use crate::config::RuleSet;
use crate::finding::Finding;
use crate::parse::parse;
use crate::render::{render_stderr, Fonte, Located};
use crate::span::LineIndex;
use crate::vincoli::links::{leggi, verifica, FileLegami};

use super::links::{
    direzione, errori_direzioni, leggi_legami, rendi_errori_legami, valida_legami_con,
};

/// One report read, parsed and checked.
pub(crate) struct Letto {
    pub path: String,
    pub bytes: Vec<u8>,
    pub index: LineIndex,
    /// The reports read. After [`controlla_in_flusso`] only their identity
    /// (span, title, year, Direzione: what baselines key findings by), their
    /// trees having been dropped once checked.
    pub documento: Documento,
    /// What the parser said (also among `findings` once checked).
    pub diagnostiche: Vec<crate::diagnostic::ParseDiagnostic>,
    pub findings: Vec<Finding>,
    pub accettati: usize,
    /// The link file's groups, when it has one.
    pub legami: Option<FileLegami>,
    /// Said about the link file when it was cut to fit (see [`Come::tollerante`]).
    pub nota: Option<String>,
    /// A table's own rule set: the rules it cannot feed switched off.
    pub regole: Option<RuleSet>,
    /// Those rules and why (tables only).
    pub non_applicabili: Vec<(String, &'static str)>,
    /// What the table reader left out or read specially (tables only).
    pub note: Vec<String>,
}

/// Why an input was not checked; the text is printed in input order.
pub(crate) enum Problema {
    /// Unreadable, or not a report: the others are still checked (exit 2).
    Input(String),
    /// Its link file is invalid: nothing is reported (exit 2).
    Legami(String),
}

/// How to check a report: rules, link file, `--deny warnings`.
#[derive(Clone, Copy)]
pub(crate) struct Come<'a> {
    pub rules: &'a RuleSet,
    pub links: Option<&'a Path>,
    pub discover: bool,
    pub deny: bool,
    /// Leave out the link file's chapters the report does not hold as V
    /// rows, with a note, instead of refusing the file (`diff`'s old version).
    pub tollerante: bool,
    /// `--profile`: read the input as a table of chapters.
    pub profilo: Option<&'a str>,
}

/// Read, parse and check one report (on a worker thread).
pub(crate) fn controlla(path: &str, come: Come<'_>) -> Result<Letto, Problema> {
    let mut l = apri(path, come)?;
    l.findings = crate::rules::check_con_legami(
        &l.documento,
        &l.diagnostiche,
        l.regole.as_ref().unwrap_or(come.rules),
        come.deny,
        l.legami.as_ref(),
    );
    Ok(l)
}

/// Read, parse and check one report file a report (Direzione) at a time:
/// each report's tree is checked as soon as it is read, then dropped, so
/// that memory holds the input, one report's tree and the findings, however
/// many reports the file holds. What `check` prints is exactly what
/// [`controlla`] gives; the link file is checked strictly (never
/// [`Come::tollerante`]).
pub(crate) fn controlla_in_flusso(path: &str, come: Come<'_>) -> Result<Letto, Problema> {
    // A table of chapters is read whole, through its profile.
    if come.profilo.is_some() || crate::tabelle::e_tabella(path) {
        return controlla(path, come);
    }
    let bytes = read_input(path).map_err(|e| {
        Problema::Input(format!(
            "quadra: {}\n",
            crate::tr!("io-cannot-read", file = path, error = e.to_string())
        ))
    })?;
    // The link file is needed while the reports are read; its problems are
    // said after the report's own, as when the whole document is read first.
    let testo = leggi_legami(path, come.links, come.discover);
    let file = match &testo {
        Ok(Some(t)) => Some(leggi(&t.testo)),
        _ => None,
    };
    let valido = file.as_ref().and_then(|f| f.as_ref().ok());
    let mut controllo = crate::rules::Controllo::new(come.rules, come.deny, valido);
    let mut errori = Vec::new();
    let mut scheletri = Vec::new();
    let letto = crate::parse::parse_each_con(&bytes, |r, d| {
        controllo.letture(d);
        let its = crate::lang::item::items(&r);
        if let Some(f) = valido {
            errori.extend(verifica(f, direzione(&r), &its));
        }
        // Once the link file is known to be wrong nothing is reported.
        if errori.is_empty() {
            controllo.report(&r, &its);
        }
        drop(its);
        scheletri.push(scheletro(r));
    });
    let diagnostiche = match letto {
        Ok(d) => d,
        Err(e) => {
            let name = if path == "-" { "<stdin>" } else { path };
            let source = Fonte::new(name, &bytes);
            return Err(Problema::Input(render_stderr(&[Located::not_a_report(
                &e, &source,
            )])));
        }
    };
    for d in &diagnostiche {
        controllo.parse_diagnostic(d);
    }
    let findings = controllo.finish();
    let testo = testo.map_err(|m| Problema::Legami(format!("quadra: {m}\n")))?;
    let legami = match (testo, file) {
        (Some(t), Some(Err(e))) => return Err(Problema::Legami(rendi_errori_legami(&t, e))),
        (Some(t), Some(Ok(f))) => {
            errori.extend(errori_direzioni(&f, &scheletri));
            if !errori.is_empty() {
                return Err(Problema::Legami(rendi_errori_legami(&t, errori)));
            }
            Some(f)
        }
        _ => None,
    };
    let index = LineIndex::new(&bytes);
    Ok(Letto {
        path: path.to_string(),
        bytes,
        index,
        documento: Documento { reports: scheletri },
        diagnostiche,
        findings,
        accettati: 0,
        legami,
        nota: None,
        regole: None,
        non_applicabili: Vec::new(),
        note: Vec::new(),
    })
}

/// What is kept of a checked report: its identity, without its tree.
fn scheletro(r: crate::ast::Report) -> crate::ast::Report {
    crate::ast::Report {
        span: r.span,
        titolo: r.titolo,
        anno: r.anno,
        direzione: r.direzione,
        sezioni: Vec::new(),
        narrativa: Vec::new(),
        rumore: Vec::new(),
    }
}

/// Read and parse one report and its link file; no rule has run yet.
pub(crate) fn apri(path: &str, come: Come<'_>) -> Result<Letto, Problema> {
    let bytes = read_input(path).map_err(|e| {
        Problema::Input(format!(
            "quadra: {}\n",
            crate::tr!("io-cannot-read", file = path, error = e.to_string())
        ))
    })?;
    if come.profilo.is_some() || crate::tabelle::e_tabella(path) {
        return crate::cli::tabella::apri(path, &bytes, come);
    }
    let p = match parse(&bytes) {
        Ok(p) => p,
        Err(e) => {
            let name = if path == "-" { "<stdin>" } else { path };
            let source = Fonte::new(name, &bytes);
            return Err(Problema::Input(render_stderr(&[Located::not_a_report(
                &e, &source,
            )])));
        }
    };
    let mut nota = None;
    let legami = match leggi_legami(path, come.links, come.discover)
        .map_err(|m| Problema::Legami(format!("quadra: {m}\n")))?
    {
        None => None,
        Some(t) => {
            let (file, tolti) =
                valida_legami_con(&t, &p.documento, come.tollerante).map_err(Problema::Legami)?;
            if tolti > 0 {
                nota = Some(format!(
                    "quadra: {path}: {tolti} chapter(s) of the link file {} are not V rows of this version; it is checked without them\n",
                    t.path.display()
                ));
            }
            Some(file)
        }
    };
    let index = LineIndex::new(&bytes);
    Ok(Letto {
        path: path.to_string(),
        bytes,
        index,
        documento: p.documento,
        diagnostiche: p.diagnostics,
        findings: Vec::new(),
        accettati: 0,
        legami,
        nota,
        regole: None,
        non_applicabili: Vec::new(),
        note: Vec::new(),
    })
}
