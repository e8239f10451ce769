//! `quadra check` streamed: one report file in JSON, SARIF or GitHub
//! format is parsed, checked and written a report at a time
//! ([`crate::flusso`]), so that memory does not grow with the file. The
//! bytes written and the exit code are those of the whole-document path,
//! which stays for every other case: several inputs (the batch table),
//! tables, the human and XLSX formats (laid out over the whole file), a
//! baseline (matched over the whole file, stale entries known at the end),
//! standard input. With a link file the document is written to a spool
//! file first and copied out once every report has been checked against
//! the link file: a link file that turns out wrong prints nothing but its
//! errors (the whole-document path is run again to say them, as it does).

use std::io::{self, Seek, Write};

use crate::ast::Report;
use crate::cli::{EXIT_FINDINGS, EXIT_OK};
use crate::config::RuleSet;
use crate::flusso::Riassunto;
use crate::ingresso::Ingresso;
use crate::lang::item::Item;
use crate::output::flusso::Flusso;
use crate::output::{Filtro, Formato};
use crate::vincoli::links::{leggi, verifica, FileLegami};

use super::args::CheckArgs;
use super::links::{direzione, errori_direzioni, leggi_legami};

/// Run the check streamed when it can be; `None`: it cannot, and the
/// whole-document path runs (as it does for an input that turns out not
/// to be a report, or whose link file does not fit it, so that what is
/// said about it is said once, the same).
pub(super) fn prova(
    a: &CheckArgs,
    paths: &[String],
    rules: &RuleSet,
    filtro: &Filtro,
) -> Result<Option<i32>, String> {
    let [path] = paths else {
        return Ok(None);
    };
    let come = a.regole.come(rules, false);
    if !matches!(a.format, Formato::Json | Formato::Sarif | Formato::Github)
        || a.baseline.is_some()
        || a.write_baseline.is_some()
        || path == "-"
        || come.profilo.is_some()
        || crate::tabelle::e_tabella(path)
        // A pipe or a device cannot be read twice: should the run fall
        // back, the whole-document path must still find the bytes.
        || !std::fs::metadata(path).is_ok_and(|m| m.is_file())
    {
        return Ok(None);
    }
    let legami = match leggi_legami(path, come.links, come.discover) {
        Ok(None) => None,
        Ok(Some(t)) => match leggi(&t.testo) {
            Ok(f) => Some(f),
            Err(_) => return Ok(None),
        },
        Err(_) => return Ok(None),
    };
    let Ok(ingresso) = Ingresso::apri(path) else {
        return Ok(None);
    };
    let scrittura = |e: io::Error| crate::tr!("io-cannot-write-output", error = e.to_string());
    let conf = match a.format {
        Formato::Github => None,
        _ => Some(a.regole.configurazione(paths).map_err(scrittura)?),
    };
    let esito = match &legami {
        None => {
            // An input that turns out not to be a report falls back to the
            // whole path, which writes its (empty) document here too.
            let mut out = crate::cli::uscita(a.output.as_deref())?;
            let e = scrivi(a, path, rules, filtro, &ingresso, None, conf, &mut out)?;
            out.flush().map_err(scrittura)?;
            e
        }
        Some(f) => {
            let mut spool = tempfile::tempfile().map_err(scrittura)?;
            let esito = {
                let mut w = io::BufWriter::new(&mut spool);
                let e = scrivi(a, path, rules, filtro, &ingresso, Some(f), conf, &mut w)?;
                w.flush().map_err(scrittura)?;
                e
            };
            // The output is opened only once the link file fits: a wrong
            // one leaves `--output`'s file as it was, as the whole path does.
            if esito.is_some() {
                let mut out = crate::cli::uscita(a.output.as_deref())?;
                spool.rewind().map_err(scrittura)?;
                io::copy(&mut spool, &mut out).map_err(scrittura)?;
                out.flush().map_err(scrittura)?;
            }
            esito
        }
    };
    let Some(r) = esito else {
        return Ok(None);
    };
    Ok(Some(if r.errori { EXIT_FINDINGS } else { EXIT_OK }))
}

/// The document written to `out`; `None` when the input is not a report
/// or the link file does not fit it (nothing worth keeping was written).
#[allow(clippy::too_many_arguments)]
fn scrivi(
    a: &CheckArgs,
    path: &str,
    rules: &RuleSet,
    filtro: &Filtro,
    ingresso: &Ingresso,
    legami: Option<&FileLegami>,
    conf: Option<serde_json::Value>,
    out: &mut dyn Write,
) -> Result<Option<Riassunto>, String> {
    let scrittura = |e: io::Error| crate::tr!("io-cannot-write-output", error = e.to_string());
    let deny = a.regole.come(rules, false).deny;
    let tenuto = |f: &crate::finding::Finding| filtro.tiene(a.format, f);
    // The link file checked against each report as it is read, and at the
    // end against the Direzioni read (what is kept of each report).
    let mut errori = 0usize;
    let mut scheletri: Vec<Report> = Vec::new();
    let mut ogni = |r: &Report, its: &[Item<'_>]| {
        if let Some(f) = legami {
            errori += verifica(f, direzione(r), its).len();
            scheletri.push(Report {
                span: r.span,
                titolo: r.titolo.clone(),
                anno: r.anno,
                direzione: r.direzione.clone(),
                sezioni: Vec::new(),
                narrativa: Vec::new(),
                rumore: Vec::new(),
            });
        }
    };
    let mut coda = None;
    let (dove, sarif_conf): (&mut dyn Write, _) = if a.format == Formato::Json {
        // What the run used, as the document's last field.
        (coda.insert(crate::cli::dove::Coda::new(out)), None)
    } else {
        (out, conf.clone())
    };
    let mut flusso = Flusso::new(a.format, dove, path, rules, sarif_conf)
        .map_err(scrittura)?
        .expect("JSON, SARIF and GitHub stream");
    let r = match crate::flusso::controlla_con_legami(
        ingresso,
        rules,
        deny,
        legami,
        &mut ogni,
        &tenuto,
        &mut flusso,
    ) {
        Err(_) => return Ok(None),
        Ok(r) => r.map_err(scrittura)?,
    };
    flusso.chiudi().map_err(scrittura)?;
    if let (Some(coda), Some(conf)) = (coda, &conf) {
        coda.chiudi("configuration", conf).map_err(scrittura)?;
    }
    if let Some(f) = legami {
        errori += errori_direzioni(f, &scheletri).len();
        if errori > 0 {
            return Ok(None);
        }
    }
    Ok(Some(r))
}
