//! `quadra check`: parse each report, run the rules, print the findings.
//! One concern per file: [`args`] (argument types), [`sources`] (rule and
//! link files used), [`links`] (link-file reading and validation), [`read`]
//! (one input read, parsed, checked), [`batch`] (folders walked, inputs
//! checked in parallel), [`baseline`] (baseline handling), [`dispatch`]
//! (output dispatch), [`flusso`] (one report file streamed in JSON or SARIF).

mod args;
mod baseline;
mod batch;
mod dispatch;
mod flusso;
mod links;
mod read;
mod sources;

use crate::cli::{EXIT_FINDINGS, EXIT_OK, EXIT_USAGE};
use crate::diagnostic::Severity;
use crate::output;

use args::MinSeverity;
use baseline::{applica_baseline, scrivi_baseline, Politica};
use batch::controlla_tutti;

pub use args::{CheckArgs, Deny, Regole};
pub(crate) use baseline::leggi_baseline;
pub use batch::espandi;
pub use links::{leggi_legami, valida_legami, valida_legami_con};
pub(crate) use read::{apri, controlla, Come, Letto, Problema};
pub use sources::load_rules;

/// Run `quadra check`.
pub fn run(a: CheckArgs) -> Result<i32, String> {
    if a.prune && a.baseline.is_none() {
        return Err("`--prune` needs `--baseline FILE`".into());
    }
    let paths = espandi(&a.reports)?;
    let Some(rules) = a.regole.carica(&paths, &paths)? else {
        return Ok(EXIT_USAGE);
    };
    let filtro = output::Filtro::new(
        a.min_severity.map(MinSeverity::severity),
        &a.rule,
        &a.chapter,
    );
    let ignote = filtro.regole_ignote(&rules);
    for (id, simile) in &ignote {
        let hint = simile
            .map(|s| crate::tr!("rules-did-you-mean", id = s))
            .unwrap_or_default();
        eprintln!(
            "quadra: {}",
            crate::tr!("check-unknown-rule-filter", id = id, hint = hint)
        );
    }
    let invalidi = filtro.capitoli_invalidi();
    for k in &invalidi {
        eprintln!(
            "quadra: {}",
            crate::tr!("check-bad-chapter-filter", key = k)
        );
    }
    if !ignote.is_empty() || !invalidi.is_empty() {
        return Ok(EXIT_USAGE);
    }
    let baseline_letta = match &a.baseline {
        Some(p) => match leggi_baseline(p)? {
            Ok(b) => Some(b),
            Err(()) => return Ok(EXIT_USAGE),
        },
        None => None,
    };
    // One report file in a machine format: written as it is checked.
    if let Some(codice) = flusso::prova(&a, &paths, &rules, &filtro)? {
        return Ok(codice);
    }
    let mut usage = false;
    let mut letti = Vec::new();
    let mut legami_invalidi = false;
    for r in controlla_tutti(&paths, &a, &rules)? {
        match r {
            Ok(l) => letti.push(l),
            Err(Problema::Input(t)) => {
                crate::avvisa!("{t}");
                usage = true;
            }
            Err(Problema::Legami(t)) => {
                crate::avvisa!("{t}");
                legami_invalidi = true;
            }
        }
    }
    if legami_invalidi {
        return Ok(EXIT_USAGE);
    }
    let mut politica_rotta = false;
    if let Some(w) = &a.write_baseline {
        match scrivi_baseline(w, &letti)? {
            Ok(b) => {
                applica_baseline(&b, None, w, false, Politica::default(), &mut letti)?;
            }
            Err(()) => return Ok(EXIT_USAGE),
        }
    } else if let (Some((b, testo)), Some(p)) = (&baseline_letta, &a.baseline) {
        let politica = Politica {
            giustificate: a.regole.deny.contains(&Deny::EmptyJustification),
            stale: a.regole.deny.contains(&Deny::Stale),
        };
        politica_rotta = applica_baseline(b, Some(testo), p, a.prune, politica, &mut letti)?;
    }
    dispatch::scrivi(&a, &paths, &letti, &rules, &filtro)?;
    // Only what the filters show counts: `--rule X` gates on X alone.
    let errors = letti
        .iter()
        .flat_map(|l| &l.findings)
        .any(|f| f.severity == Severity::Error && filtro.tiene(a.format, f));
    // The process ends here: freeing every document one allocation at a
    // time would be a sequential tail after the parallel work.
    std::mem::forget(letti);
    Ok(if usage {
        EXIT_USAGE
    } else if errors || politica_rotta {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    })
}
