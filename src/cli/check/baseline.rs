//! `--baseline`, `--write-baseline`, `--prune`: reading and writing the
//! baseline, hiding what it accepts, and its policy (`--deny
//! empty-justification`, `--deny stale`).

use std::path::Path;

use crate::baseline::{self, Baseline, Confronto};
use crate::diagnostic::Severity;
use crate::render::{render_stderr, Fonte, Located};

use super::read::Letto;
use super::sources::MAX_CONFIG_ERRORS;

/// Read a baseline file; errors are printed located (then exit 2).
pub(crate) fn leggi_baseline(path: &Path) -> Result<Result<(Baseline, String), ()>, String> {
    let testo = std::fs::read_to_string(path).map_err(|e| {
        crate::tr!(
            "io-cannot-read-baseline",
            file = path.display().to_string(),
            error = e.to_string()
        )
    })?;
    match baseline::leggi(&testo) {
        Ok(b) => Ok(Ok((b, testo))),
        Err(errori) => {
            let fonte = Fonte::new(&path.display().to_string(), testo.as_bytes());
            let shown: Vec<Located<'_>> = errori
                .iter()
                .take(MAX_CONFIG_ERRORS)
                .map(|e| Located::config(e, &fonte))
                .collect();
            crate::avvisa!("{}", render_stderr(&shown));
            crate::avvisaln!(
                "quadra: {}",
                crate::tr!(
                    "cli-baseline-problems",
                    n = errori.len(),
                    file = path.display().to_string()
                )
            );
            Ok(Err(()))
        }
    }
}

/// Record the findings as a baseline at `path`, keeping the justifications
/// of a baseline already there.
pub(super) fn scrivi_baseline(
    path: &Path,
    letti: &[Letto],
) -> Result<Result<Baseline, ()>, String> {
    let old = if path.exists() {
        match leggi_baseline(path)? {
            Ok((b, _)) => Some(b),
            Err(()) => return Ok(Err(())),
        }
    } else {
        None
    };
    let nuove: Vec<baseline::Voce> = letti
        .iter()
        .flat_map(|l| {
            l.findings
                .iter()
                .filter(|f| baseline::da_registrare(f))
                .map(|f| baseline::voce(f, &l.documento, &l.bytes))
        })
        .collect();
    let visti: std::collections::HashSet<String> = letti
        .iter()
        .flat_map(|l| {
            l.documento
                .reports
                .iter()
                .map(|r| baseline::identita_report(&l.documento, r.span))
        })
        .collect();
    let voci = baseline::unisci(old.as_ref(), nuove, &visti);
    std::fs::write(path, baseline::scrivi(&voci)).map_err(|e| {
        crate::tr!(
            "io-cannot-write-baseline",
            file = path.display().to_string(),
            error = e.to_string()
        )
    })?;
    crate::avvisaln!(
        "quadra: {}",
        crate::tr!(
            "cli-baseline-recorded",
            n = voci.len(),
            file = path.display().to_string()
        )
    );
    Ok(Ok(Baseline { voci }))
}

/// What the baseline policy (`--deny empty-justification`, `--deny stale`)
/// asks of a baseline given with `--baseline`.
#[derive(Clone, Copy, Default)]
pub(super) struct Politica {
    /// Entries with an empty justification are errors.
    pub(super) giustificate: bool,
    /// Stale entries are errors.
    pub(super) stale: bool,
}

/// Say how many entries of the checked reports have an empty
/// justification: a warning, or located errors under `--deny
/// empty-justification`. Returns whether the policy was broken.
fn giustificazioni(confronto: &Confronto<'_>, testo: &str, path: &Path, nega: bool) -> bool {
    let vuote = confronto.vuote();
    if vuote.is_empty() {
        return false;
    }
    let file = path.display().to_string();
    if !nega {
        crate::avvisaln!(
            "quadra: {}",
            crate::tr!("cfg15-baseline-unjustified", n = vuote.len(), file = file)
        );
        return false;
    }
    let errori: Vec<crate::config::ConfigError> = vuote
        .iter()
        .map(|v| crate::config::ConfigError {
            sorgente: 0,
            span: riga_giustificazione(testo, v.span.clone()),
            message: crate::tr!(
                "cfg15-baseline-empty",
                rule = &v.id.rule,
                subject = &v.id.subject,
                report = &v.id.report
            ),
            help: crate::tr!("cfg15-baseline-empty-help"),
        })
        .collect();
    let fonte = Fonte::new(&file, testo.as_bytes());
    let shown: Vec<Located<'_>> = errori
        .iter()
        .take(MAX_CONFIG_ERRORS)
        .map(|e| Located::config(e, &fonte).come("baseline::empty-justification", Severity::Error))
        .collect();
    crate::avvisa!("{}", render_stderr(&shown));
    if errori.len() > MAX_CONFIG_ERRORS {
        crate::avvisaln!(
            "quadra: {}",
            crate::tr!("cli-more-problems", n = errori.len() - MAX_CONFIG_ERRORS)
        );
    }
    crate::avvisaln!(
        "quadra: {}",
        crate::tr!("cfg15-baseline-denied-empty", n = errori.len(), file = file)
    );
    true
}

/// Where an entry's `justification` line is in the baseline text (the
/// entry's own span when it has none).
fn riga_giustificazione(testo: &str, entry: std::ops::Range<usize>) -> std::ops::Range<usize> {
    // The entry's span may be its `[[accepted]]` header alone: its keys
    // run to the next table header.
    let Some(t) = testo.get(entry.start..) else {
        return entry;
    };
    let mut at = 0;
    for (i, riga) in t.split_inclusive('\n').enumerate() {
        let chiave = riga.trim_start();
        if i > 0 && chiave.starts_with('[') {
            break;
        }
        if chiave.starts_with("justification") {
            let inizio = entry.start + at + (riga.len() - chiave.len());
            return inizio..entry.start + at + riga.trim_end().len();
        }
        at += riga.len();
    }
    entry
}

/// Hide what the baseline accepts; report stale entries (or prune them).
/// Returns whether the baseline policy was broken (exit 1).
pub(super) fn applica_baseline(
    b: &Baseline,
    testo: Option<&str>,
    path: &Path,
    prune: bool,
    politica: Politica,
    letti: &mut [Letto],
) -> Result<bool, String> {
    let mut confronto = Confronto::new(b);
    for l in letti.iter_mut() {
        l.accettati = confronto
            .applica(&mut l.findings, &l.documento, &l.bytes)
            .nascosti;
    }
    let rotta = testo.is_some_and(|t| giustificazioni(&confronto, t, path, politica.giustificate));
    let stale = confronto.stale_errors();
    if stale.is_empty() {
        return Ok(rotta);
    }
    if prune {
        let tenute: Vec<baseline::Voce> = confronto.tenute().into_iter().cloned().collect();
        std::fs::write(path, baseline::scrivi(&tenute)).map_err(|e| {
            crate::tr!(
                "io-cannot-write-baseline",
                file = path.display().to_string(),
                error = e.to_string()
            )
        })?;
        crate::avvisaln!(
            "quadra: {}",
            crate::tr!(
                "cli-baseline-removed",
                n = stale.len(),
                file = path.display().to_string()
            )
        );
    } else if let Some(testo) = testo {
        let fonte = Fonte::new(&path.display().to_string(), testo.as_bytes());
        let gravita = if politica.stale {
            Severity::Error
        } else {
            Severity::Warning
        };
        let shown: Vec<Located<'_>> = stale
            .iter()
            .map(|e| Located::config(e, &fonte).come("baseline::stale", gravita))
            .collect();
        crate::avvisa!("{}", render_stderr(&shown));
        crate::avvisaln!(
            "quadra: {}",
            crate::tr!(
                "cli-baseline-stale",
                n = stale.len(),
                file = path.display().to_string()
            )
        );
        if politica.stale {
            crate::avvisaln!(
                "quadra: {}",
                crate::tr!(
                    "cfg15-baseline-denied-stale",
                    n = stale.len(),
                    file = path.display().to_string()
                )
            );
            return Ok(true);
        }
    }
    Ok(rotta)
}
