//! A likely cause across checks: a row missing from the report (or deleted
//! from it). A deleted row leaves its group total declaring more than its
//! rows sum to, by exactly the row's amounts in every column, while the
//! levels above (which sum declared totals) still agree; the summaries that
//! cover the row (1.C for a V row, 1.D / 2.C for its missione-programma)
//! then differ by the same amounts. When the difference vectors of several
//! findings of one report are equal and positive, each of them says so,
//! naming the group (with its rows as the related location), the programma
//! and the V flag where a summary's check agrees on the same amounts.

use rust_decimal::Decimal;

use crate::amount::italiano;
use crate::ast::{Colonna, Report};
use crate::finding::{Finding, Related};

/// Declared minus computed, per column that differs.
type Vettore = Vec<(Colonna, Decimal)>;

/// Add the missing-row cause to the findings of one report (`findings`).
pub fn riga_mancante(report: &Report, findings: &mut [Finding]) {
    let vettore = |f: &Finding| -> Option<Vettore> {
        let s = f.scarto.as_ref()?;
        // A slip of one digit may explain a one-column difference as well:
        // both hypotheses are listed, for the auditor to weigh.
        (!s.spiegato
            && !s.differenze.is_empty()
            && s.differenze
                .iter()
                .all(|(_, d)| d.is_sign_positive() && !d.is_zero()))
        .then(|| s.differenze.clone())
    };
    // Findings grouped by equal vectors, in order of first appearance; one
    // pass with a map, so a report with many broken totals stays linear.
    let mut gruppi: Vec<(Vettore, Vec<usize>)> = Vec::new();
    let mut dove: rustc_hash::FxHashMap<Vettore, usize> = Default::default();
    for (j, f) in findings.iter().enumerate() {
        let Some(v) = vettore(f) else { continue };
        match dove.get(&v) {
            Some(&g) => gruppi[g].1.push(j),
            None => {
                dove.insert(v.clone(), gruppi.len());
                gruppi.push((v, vec![j]));
            }
        }
    }
    for (v, stessi) in &gruppi {
        // The innermost group whose rows were summed: where the row is missing.
        let Some((span, cosa, settore)) = stessi
            .iter()
            .filter_map(|&j| {
                let f = &findings[j];
                let (span, cosa) = f.scarto.as_ref()?.ambito.clone()?;
                Some((span, cosa, f.context.settore))
            })
            .min_by_key(|(span, ..)| span.len())
        else {
            continue;
        };
        let programma = stessi
            .iter()
            .find_map(|&j| findings[j].scarto.as_ref()?.programma.clone());
        let vincolata = stessi
            .iter()
            .any(|&j| findings[j].scarto.as_ref().is_some_and(|s| s.vincolate));
        let importi: Vec<String> = v
            .iter()
            .map(|(c, d)| {
                let nome = match report.anno {
                    Some(a) => c.header(a),
                    None => c.name().to_string(),
                };
                format!("{nome} {}", italiano(*d))
            })
            .collect();
        let messaggio = crate::tr!(
            "hint-missing-row",
            amounts = importi.join(", "),
            place = cosa,
            settore = settore.map_or("none".to_string(), |s| s.to_string()),
            programma = programma.unwrap_or_else(|| "none".to_string()),
            v = if vincolata { "yes" } else { "no" }
        );
        for &j in stessi {
            let f = &mut findings[j];
            if f.related
                .iter()
                .any(|r| r.span == span && r.message == messaggio)
            {
                continue;
            }
            // First among the causes, unless one mistyped digit explains a
            // one-column difference as well: then after the slips (whose
            // causes stand at the suspected amounts, or at the declared
            // figure itself, the primary location).
            let primario = f.span;
            let sospetti: Vec<crate::span::Span> = f.sospetti.iter().map(|s| s.cifra).collect();
            let dopo = if v.len() == 1 {
                f.related
                    .iter()
                    .rposition(|x| x.span == primario || sospetti.contains(&x.span))
                    .map_or(0, |k| k + 1)
            } else {
                0
            };
            f.related.insert(
                dopo,
                Related {
                    span,
                    message: messaggio.clone().into(),
                },
            );
        }
    }
}
