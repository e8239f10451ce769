//! Root causes over cascades: a line of the report that could not be read
//! (an unreadable amount, a line the grammar does not know) leaves its row
//! out of every sum, so the total of its level and the summaries that cover
//! it disagree. Each such finding names the unread line as its likely cause
//! and says it follows from it; the missing-row cause is then not offered.

use crate::finding::{Finding, Related};
use crate::span::Span;

/// A parse diagnostic of the report: where, its code and its message.
#[derive(Debug, Clone)]
pub struct Illeggibile {
    /// The unread text.
    pub span: Span,
    /// Its code (`parse::malformed-amount`).
    pub codice: String,
    /// Its message.
    pub messaggio: String,
}

/// Name the unread lines `illeggibili` as the cause of the findings of one
/// report (`findings`) whose level holds them, and of those that differ by
/// the same amounts (the summaries covering the same row).
pub fn cascata(illeggibili: &[Illeggibile], findings: &mut [Finding]) {
    if illeggibili.is_empty() {
        return;
    }
    let dentro = |est: Option<Span>| {
        let est = est?;
        // The innermost unread line: the last one of the level.
        illeggibili
            .iter()
            .rposition(|d| est.start <= d.span.start && d.span.end <= est.end)
    };
    let per_livello: Vec<Option<usize>> = findings
        .iter()
        .map(|f| dentro(f.scarto.as_ref().and_then(|s| s.estensione)))
        .collect();
    // The summaries that differ by the same amounts follow from it too.
    // (By vector, the first unread line that explains it: a map, so many
    // broken totals stay linear.)
    let mut spiegati: rustc_hash::FxHashMap<
        &[(crate::ast::Colonna, rust_decimal::Decimal)],
        usize,
    > = Default::default();
    for (f, k) in findings.iter().zip(&per_livello) {
        if let (Some(s), Some(k)) = (f.scarto.as_ref(), k) {
            if !s.differenze.is_empty() {
                spiegati.entry(&s.differenze).or_insert(*k);
            }
        }
    }
    let spiegati: rustc_hash::FxHashMap<Vec<(crate::ast::Colonna, rust_decimal::Decimal)>, usize> =
        spiegati.into_iter().map(|(v, k)| (v.to_vec(), k)).collect();
    for (f, k) in findings.iter_mut().zip(per_livello) {
        let Some(s) = f.scarto.as_mut() else { continue };
        let k = k.or_else(|| spiegati.get(&s.differenze).copied());
        let Some(k) = k else { continue };
        s.spiegato = true;
        let d = &illeggibili[k];
        let message = crate::tr!("hint-parse-cause", code = &d.codice, message = &d.messaggio);
        if !f.related.iter().any(|r| r.span == d.span) {
            f.related.insert(
                0,
                Related {
                    span: d.span,
                    message: message.into(),
                },
            );
        }
    }
}
