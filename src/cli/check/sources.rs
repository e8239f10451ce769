//! Where a run's rules and link files come from: the rule set loaded
//! (built-in rules, `quadra.toml`, `--rules`), what each input uses, said
//! on standard error, and how a report is checked ([`Come`]).

use std::io;
use std::path::{Path, PathBuf};

use crate::config::{load, RuleSet, Sorgente};
use crate::render::{render_stderr, Fonte, Located};

use super::args::{Deny, Regole};
use super::links::trova_legami;
use super::read::Come;

impl Regole {
    /// The rule set for a run over `inputs` (`None`: invalid rule files,
    /// or a link file missing under `--require-links`; errors printed, exit
    /// 2). Says on standard error which project file and rule files are
    /// used, and for each input which link file, or that its groups are
    /// inferred. The project file is the one of `progetto_da` (which must
    /// agree on it).
    pub fn carica(
        &self,
        inputs: &[String],
        progetto_da: &[String],
    ) -> Result<Option<RuleSet>, String> {
        let progetto = if self.no_config {
            None
        } else {
            crate::cli::dove::progetto(progetto_da)?
        };
        crate::avvisa!(
            "{}",
            crate::cli::dove::righe_regole(
                inputs,
                progetto.as_deref(),
                self.no_config,
                &self.rules
            )
        );
        let mut mancanti = false;
        // Not looked for: one line says it for every input.
        let un_solo = self.no_config && self.links.is_none() && !self.require_links;
        let inputs = if un_solo {
            &inputs[..inputs.len().min(1)]
        } else {
            inputs
        };
        for i in inputs {
            let (riga, trovato) =
                crate::cli::dove::riga_legami(i, self.links.as_deref(), !self.no_config);
            if self.require_links && !trovato {
                crate::avvisa!(
                    "{}",
                    crate::cli::dove::errore_legami_mancanti(i, !self.no_config)
                );
                mancanti = true;
            } else {
                crate::avvisaln!("quadra: {riga}");
            }
        }
        if mancanti {
            return Ok(None);
        }
        load_rules(&self.rules, progetto.as_deref())
    }

    /// What a run over `inputs` used, for the machine formats.
    pub(crate) fn configurazione(&self, inputs: &[String]) -> io::Result<serde_json::Value> {
        let progetto = if self.no_config {
            None
        } else {
            crate::cli::dove::progetto(inputs).map_err(io::Error::other)?
        };
        Ok(crate::cli::dove::configurazione(
            inputs,
            progetto.as_deref(),
            &self.rules,
            self.links.as_deref(),
            !self.no_config,
        ))
    }

    /// The files this run reads besides the built-in rules: the rule files
    /// in order, and the link file of `report` (if one is named or found).
    pub(crate) fn file_usati(&self, report: &str) -> (Vec<PathBuf>, Option<PathBuf>) {
        let mut regole: Vec<PathBuf> = Vec::new();
        if !self.no_config {
            regole.extend(crate::cli::dove::trova_progetto(report));
        }
        regole.extend(self.rules.iter().cloned());
        let legami = trova_legami(report, self.links.as_deref(), !self.no_config);
        (regole, legami)
    }

    /// How to check a report with `rules`.
    pub(crate) fn come<'a>(&'a self, rules: &'a RuleSet, tollerante: bool) -> Come<'a> {
        Come {
            rules,
            links: self.links.as_deref(),
            discover: !self.no_config,
            deny: self.deny.contains(&Deny::Warnings),
            tollerante,
            profilo: self.profile.as_deref(),
        }
    }
}

/// How many rule-file problems are drawn; the rest are counted.
pub(super) const MAX_CONFIG_ERRORS: usize = 50;

/// Read, merge and validate the rule files (the built-in ones, the project
/// file `progetto`, then `extra`); errors are printed located, and `None` is
/// returned (exit 2).
pub fn load_rules(extra: &[PathBuf], progetto: Option<&Path>) -> Result<Option<RuleSet>, String> {
    let mut sorgenti = vec![Sorgente::default_rules()];
    let mut paths: Vec<PathBuf> = Vec::new();
    paths.extend(progetto.map(Path::to_path_buf));
    paths.extend(extra.iter().cloned());
    for p in paths {
        let bytes = std::fs::read(&p).map_err(|e| {
            crate::tr!(
                "io-cannot-read-rules",
                file = p.display().to_string(),
                error = e.to_string()
            )
        })?;
        let testo = String::from_utf8(bytes).map_err(|e| {
            format!(
                "rules file {} is not UTF-8 text (byte {})",
                p.display(),
                e.utf8_error().valid_up_to()
            )
        })?;
        sorgenti.push(Sorgente {
            nome: p.display().to_string(),
            testo,
        });
    }
    match load(&sorgenti) {
        Ok(r) => Ok(Some(r)),
        Err(errors) => {
            let n = errors.len();
            let fonti: Vec<Fonte> = sorgenti
                .iter()
                .map(|s| Fonte::new(&s.nome, s.testo.as_bytes()))
                .collect();
            let shown: Vec<Located<'_>> = errors
                .iter()
                .take(MAX_CONFIG_ERRORS)
                .map(|e| Located::config(e, &fonti[e.sorgente]))
                .collect();
            crate::avvisa!("{}", render_stderr(&shown));
            if n > MAX_CONFIG_ERRORS {
                crate::avvisaln!(
                    "quadra: {}",
                    crate::tr!("cli-more-problems", n = n - MAX_CONFIG_ERRORS)
                );
            }
            crate::avvisaln!("quadra: {}", crate::tr!("cli-rule-problems", n = n));
            Ok(None)
        }
    }
}
