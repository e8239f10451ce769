//! Output dispatch of `quadra check`: the chosen format to standard output
//! or `--output`.

use std::io::{self, IsTerminal, Write};

use crate::config::RuleSet;
use crate::output::{self, Esito, Formato, Stile};
use crate::render::use_colour;

use super::args::CheckArgs;
use super::read::Letto;

/// Write the findings of every checked input in the chosen format (with
/// what the run used, for JSON and SARIF), and the per-file table on
/// standard error for the machine formats.
pub(super) fn scrivi(
    a: &CheckArgs,
    paths: &[String],
    letti: &[Letto],
    rules: &RuleSet,
    filtro: &output::Filtro,
) -> Result<(), String> {
    let esiti: Vec<Esito<'_>> = letti
        .iter()
        .map(|l| Esito {
            accettati: l.accettati,
            non_applicabili: &l.non_applicabili,
            note: &l.note,
            ..Esito::new(&l.path, &l.bytes, &l.index, &l.findings)
        })
        .collect();
    let terminal = a.output.is_none() && io::stdout().is_terminal();
    let stile = Stile {
        colour: use_colour(terminal),
        width: a.width,
        verbose: a.verbose,
    };
    {
        let mut out = crate::cli::uscita(a.output.as_deref())?;
        let conf = || a.regole.configurazione(paths);
        match a.format {
            // What the run used, as a last top-level field / a property of the run.
            Formato::Json => {
                let mut coda = crate::cli::dove::Coda::new(&mut out);
                output::write_filtrato(a.format, &mut coda, &esiti, rules, stile, filtro)
                    .and_then(|_| coda.chiudi("configuration", &conf()?))
            }
            Formato::Sarif => {
                let mut buf = Vec::new();
                output::write_filtrato(a.format, &mut buf, &esiti, rules, stile, filtro).and_then(
                    |_| {
                        let mut log: serde_json::Value =
                            serde_json::from_slice(&buf).map_err(io::Error::other)?;
                        output::sarif::con_configurazione(&mut log, conf()?);
                        serde_json::to_writer_pretty(&mut out, &log).map_err(io::Error::other)?;
                        writeln!(out)
                    },
                )
            }
            _ => output::write_filtrato(a.format, &mut out, &esiti, rules, stile, filtro),
        }
        .and_then(|_| out.flush())
        .map_err(|e| crate::tr!("io-cannot-write-output", error = e.to_string()))?;
    }
    // Machine formats carry per-file data; people reading the log still get
    // the table.
    if a.format != Formato::Human && esiti.len() > 1 {
        let righe: Vec<(&str, crate::sink::Conteggi, usize)> = esiti
            .iter()
            .map(|e| {
                let mut c = crate::sink::Conteggi::default();
                for f in e.findings.iter().filter(|f| filtro.tiene(a.format, f)) {
                    c.add(f.severity);
                }
                (e.nome(), c, e.accettati)
            })
            .collect();
        crate::avvisa!("{}", output::human::tabella_di(&righe));
    }
    Ok(())
}
