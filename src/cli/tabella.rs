//! The hook that lets `check`, `diff` and `report` read a table of chapters
//! (`.csv`, or any input with `--profile`) instead of a report: the table
//! is read into the same model, the rules it cannot feed are switched off
//! and listed, and the link file is found and checked as for a report.

use super::check::{leggi_legami, valida_legami_con, Come, Letto, Problema};
use crate::span::LineIndex;
use crate::tabelle;

/// Read a table as [`super::check::apri`] reads a report.
pub(crate) fn apri(path: &str, bytes: &[u8], come: Come<'_>) -> Result<Letto, Problema> {
    let t = tabelle::apri(come.profilo, bytes).map_err(|m| {
        Problema::Input(if m.ends_with('\n') {
            m
        } else {
            format!("quadra: {path}: {}\n", crate::escape::terminale(&m))
        })
    })?;
    let na = tabelle::applicabili::non_applicabili(come.rules, &t.copertura);
    let regole = tabelle::applicabili::senza(come.rules, &na);
    let legami = match leggi_legami(path, come.links, come.discover)
        .map_err(|m| Problema::Legami(format!("quadra: {m}\n")))?
    {
        None => None,
        Some(l) => Some(
            valida_legami_con(&l, &t.documento, come.tollerante)
                .map_err(Problema::Legami)?
                .0,
        ),
    };
    let bytes = t.testo.into_bytes();
    let index = LineIndex::new(&bytes);
    Ok(Letto {
        path: path.to_string(),
        bytes,
        index,
        documento: t.documento,
        diagnostiche: t.diagnostiche,
        findings: Vec::new(),
        accettati: 0,
        legami,
        nota: None,
        regole: Some(regole),
        non_applicabili: na,
        note: t.note,
    })
}

/// What `quadra export` writes.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Formato {
    /// CSV in a dialect.
    Csv(crate::export::Dialetto),
    /// An XLSX workbook.
    Xlsx,
}

/// Write the chapters of `doc` (spans into `src`) in `f`.
pub(crate) fn scrivi(
    out: &mut dyn std::io::Write,
    f: Formato,
    src: &[u8],
    index: &LineIndex,
    doc: &crate::ast::Documento,
) -> std::io::Result<()> {
    match f {
        Formato::Csv(d) => crate::export::write_csv_dialetto(out, src, index, doc, d)
            .map_err(std::io::Error::other),
        Formato::Xlsx => {
            let b = crate::xlsx::capitoli(src, index, doc).map_err(std::io::Error::other)?;
            out.write_all(&b)
        }
    }
}

/// `quadra export TABLE`: the chapters of a table in the canonical CSV.
pub(crate) fn esporta(
    path: &str,
    profilo: Option<&str>,
    output: Option<std::path::PathBuf>,
    formato: Formato,
) -> Result<i32, String> {
    use std::io::Write;
    let bytes = super::read_input(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let t = match tabelle::apri(profilo, &bytes) {
        Ok(t) => t,
        Err(m) => {
            if m.ends_with('\n') {
                crate::avvisa!("{m}");
            } else {
                crate::avvisaln!("quadra: {path}: {}", crate::escape::terminale(&m));
            }
            return Ok(super::EXIT_USAGE);
        }
    };
    let index = LineIndex::new(t.testo.as_bytes());
    let mut out: Box<dyn Write> = match &output {
        Some(f) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(f).map_err(|e| format!("cannot write {}: {e}", f.display()))?,
        )),
        None => super::stdout(),
    };
    scrivi(&mut out, formato, t.testo.as_bytes(), &index, &t.documento)
        .map_err(|e| format!("cannot write output: {e}"))?;
    out.flush()
        .map_err(|e| format!("cannot write output: {e}"))?;
    let name = if path == "-" { "<stdin>" } else { path };
    if !t.diagnostiche.is_empty() {
        let source = crate::render::Fonte::new(name, t.testo.as_bytes());
        let located: Vec<_> = t
            .diagnostiche
            .iter()
            .map(|d| crate::render::Located::parse(d, &source))
            .collect();
        crate::avvisa!("{}", crate::render::render_stderr(&located));
    }
    for n in &t.note {
        crate::avvisaln!("quadra: {name}: {}", crate::escape::terminale(n));
    }
    let errors = t
        .diagnostiche
        .iter()
        .any(|d| d.severity == crate::diagnostic::Severity::Error);
    Ok(if errors {
        super::EXIT_FINDINGS
    } else {
        super::EXIT_OK
    })
}
