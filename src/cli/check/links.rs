//! Link files: found beside the report, read, and validated against the
//! document (every error located in the TOML).

use std::path::{Path, PathBuf};

use crate::render::{render_stderr, Fonte, Located};
use crate::vincoli::links::{leggi, verifica, FileLegami};

use super::sources::MAX_CONFIG_ERRORS;

/// The link file of a report: `explicit`, or when `discover`
/// `<name>.links.toml` or `rules/<name>.links.toml` in the report's folder
/// or a parent, up to the repository root ([`crate::cli::dove`]).
pub fn trova_legami(report: &str, explicit: Option<&Path>, discover: bool) -> Option<PathBuf> {
    if let Some(p) = explicit {
        return Some(p.to_path_buf());
    }
    if !discover {
        return None;
    }
    crate::cli::dove::trova_legami(report)
}

/// A link file's name and text, read before anything is written (an output
/// file may be the link file itself).
pub struct TestoLegami {
    /// Where it was read.
    pub path: PathBuf,
    nome: String,
    pub(super) testo: String,
}

/// Find and read the report's link file. `Err(msg)`: unreadable (exit 2).
pub fn leggi_legami(
    report: &str,
    explicit: Option<&Path>,
    discover: bool,
) -> Result<Option<TestoLegami>, String> {
    let Some(path) = trova_legami(report, explicit, discover) else {
        return Ok(None);
    };
    let testo = std::fs::read_to_string(&path).map_err(|e| {
        crate::tr!(
            "io-cannot-read-links",
            file = path.display().to_string(),
            error = e.to_string()
        )
    })?;
    Ok(Some(TestoLegami {
        nome: path.display().to_string(),
        path,
        testo,
    }))
}

/// Check a link file's text against the document; `Err(text)`: the errors,
/// rendered located, to print before exiting with 2. With `tollerante`, the
/// chapters the document does not hold as V rows are left out first
/// ([`crate::vincoli::links::adatta`]), and how many is returned.
pub fn valida_legami_con(
    t: &TestoLegami,
    doc: &crate::ast::Documento,
    tollerante: bool,
) -> Result<(FileLegami, usize), String> {
    let errori = match leggi(&t.testo) {
        Ok(file) => {
            let (file, tolti) = if tollerante {
                crate::vincoli::links::adatta(&file, doc)
            } else {
                (file, 0)
            };
            let e = errori_documento(&file, doc);
            if e.is_empty() {
                return Ok((file, tolti));
            }
            e
        }
        Err(e) => e,
    };
    Err(rendi_errori_legami(t, errori))
}

/// [`valida_legami_con`], strict.
pub fn valida_legami(t: &TestoLegami, doc: &crate::ast::Documento) -> Result<FileLegami, String> {
    valida_legami_con(t, doc, false).map(|(f, _)| f)
}

/// Phase 2 of a link file: its chapters against every report of `doc`.
fn errori_documento(
    file: &FileLegami,
    doc: &crate::ast::Documento,
) -> Vec<crate::config::ConfigError> {
    let mut e = Vec::new();
    for r in &doc.reports {
        let its = crate::lang::item::items(r);
        e.extend(verifica(file, direzione(r), &its));
    }
    e.extend(errori_direzioni(file, &doc.reports));
    e
}

/// The Direzione code of a report, as link files name it.
pub(super) fn direzione(r: &crate::ast::Report) -> Option<&str> {
    r.direzione.as_ref().map(|d| d.codice.as_str())
}

/// The link file's groups for a Direzione none of `reports` is: they would
/// never be checked.
pub(super) fn errori_direzioni(
    file: &FileLegami,
    reports: &[crate::ast::Report],
) -> Vec<crate::config::ConfigError> {
    let dirs: Vec<Option<&str>> = reports.iter().map(direzione).collect();
    let mut e = Vec::new();
    for g in &file.gruppi {
        if let Some(d) = &g.direzione {
            if !dirs.contains(&Some(d.as_str())) {
                e.push(crate::config::ConfigError {
                    sorgente: 0,
                    span: g.span.clone(),
                    message: format!(
                        "group `{}` is for Direzione {d}, which the report does not hold",
                        g.nome
                    ),
                    help: "correct `direzione`, or remove it when the file holds one report".into(),
                });
            }
        }
    }
    e
}

pub(super) fn rendi_errori_legami(
    t: &TestoLegami,
    mut errori: Vec<crate::config::ConfigError>,
) -> String {
    errori.sort_by_key(|e| e.span.start);
    errori.dedup();
    let fonte = Fonte::new(&t.nome, t.testo.as_bytes());
    let shown: Vec<Located<'_>> = errori
        .iter()
        .take(MAX_CONFIG_ERRORS)
        .map(|e| Located::config(e, &fonte))
        .collect();
    format!(
        "{}quadra: {} problem(s) in the link file {}; nothing was checked\n",
        render_stderr(&shown),
        errori.len(),
        t.nome
    )
}
