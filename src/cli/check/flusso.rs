//! `quadra check` streamed: one report file in JSON or SARIF is parsed,
//! checked and written a report at a time ([`crate::flusso`]), so that
//! memory does not grow with the file. The bytes written and the exit code
//! are those of the whole-document path, which stays for every other case:
//! several inputs (the batch table), tables, the human and other formats
//! (grouped over the whole file), a baseline (matched over the whole file,
//! stale entries known at the end), a link file (checked against every
//! report before anything is printed), standard input.

use std::io::Write;

use crate::cli::{EXIT_FINDINGS, EXIT_OK};
use crate::config::RuleSet;
use crate::ingresso::Ingresso;
use crate::output::flusso::Flusso;
use crate::output::{Filtro, Formato};

use super::args::CheckArgs;
use super::links::leggi_legami;

/// Run the check streamed when it can be; `None`: it cannot, and the
/// whole-document path runs (as it does for an input that turns out not
/// to be a report, so that what is said about it is said once, the same).
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
    if !matches!(a.format, Formato::Json | Formato::Sarif)
        || a.baseline.is_some()
        || a.write_baseline.is_some()
        || path == "-"
        || come.profilo.is_some()
        || crate::tabelle::e_tabella(path)
        || !matches!(leggi_legami(path, come.links, come.discover), Ok(None))
    {
        return Ok(None);
    }
    let Ok(ingresso) = Ingresso::apri(path) else {
        return Ok(None);
    };
    let scrittura = |e: std::io::Error| crate::tr!("io-cannot-write-output", error = e.to_string());
    let conf = a.regole.configurazione(paths).map_err(scrittura)?;
    let tenuto = |f: &crate::finding::Finding| filtro.tiene(a.format, f);
    let mut out = crate::cli::uscita(a.output.as_deref())?;
    let esito = if a.format == Formato::Json {
        // What the run used, as the document's last field.
        let mut coda = crate::cli::dove::Coda::new(&mut out);
        let mut flusso = Flusso::new(a.format, &mut coda, path, rules, None)
            .map_err(scrittura)?
            .expect("JSON streams");
        match crate::flusso::controlla_e_scrivi(&ingresso, rules, come.deny, &tenuto, &mut flusso) {
            Err(_) => return Ok(None),
            Ok(r) => {
                let r = r.map_err(scrittura)?;
                flusso.chiudi().map_err(scrittura)?;
                coda.chiudi("configuration", &conf).map_err(scrittura)?;
                r
            }
        }
    } else {
        let mut flusso = Flusso::new(a.format, &mut out, path, rules, Some(conf))
            .map_err(scrittura)?
            .expect("SARIF streams");
        match crate::flusso::controlla_e_scrivi(&ingresso, rules, come.deny, &tenuto, &mut flusso) {
            Err(_) => return Ok(None),
            Ok(r) => {
                let r = r.map_err(scrittura)?;
                flusso.chiudi().map_err(scrittura)?;
                r
            }
        }
    };
    out.flush().map_err(scrittura)?;
    Ok(Some(if esito.errori { EXIT_FINDINGS } else { EXIT_OK }))
}
