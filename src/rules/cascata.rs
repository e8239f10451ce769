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
    let spiegati: Vec<(Vec<(crate::ast::Colonna, rust_decimal::Decimal)>, usize)> = findings
        .iter()
        .zip(&per_livello)
        .filter_map(|(f, k)| Some((f.scarto.as_ref()?.differenze.clone(), (*k)?)))
        .collect();
    for (f, k) in findings.iter_mut().zip(per_livello) {
        let Some(s) = f.scarto.as_mut() else { continue };
        let k = k.or_else(|| {
            spiegati
                .iter()
                .find(|(v, _)| !v.is_empty() && *v == s.differenze)
                .map(|(_, k)| *k)
        });
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
