//! Likely causes of a sum that does not agree: so that an auditor lands on
//! the wrong line, not only on the total. Each cause becomes a related
//! location labelled `likely cause: ...`.

use rust_decimal::Decimal;

use crate::amount::{italiano, un_errore_di_battitura};
use crate::finding::Finding;
use crate::span::Span;

/// One of the amounts that were summed (or could have been).
#[derive(Debug, Clone, Copy)]
pub struct Addendo {
    /// Where it is printed.
    pub span: Span,
    /// Its amount in the column compared.
    pub valore: Decimal,
}

/// How many likely causes a finding lists at most.
pub const MAX_CAUSE: usize = 3;

/// Add the likely causes of `dichiarato != calcolato` in `colonna` to `f`.
///
/// - `dichiarato_span`: the declared figure, which may itself be mistyped;
/// - `addendi`: what was summed, where one amount may be mistyped or wrong;
/// - `vicini`: items left out of the sum (or counted in it) by a flag or a
///   code, each with the message to show when its amount is the difference.
pub fn spiega(
    f: &mut Finding,
    colonna: &str,
    dichiarato: Decimal,
    calcolato: Decimal,
    dichiarato_span: Option<Span>,
    addendi: &[Addendo],
    vicini: &[(Addendo, String)],
) {
    let diff = dichiarato - calcolato;
    if diff.is_zero() {
        return;
    }
    let mut cause: Vec<(Span, String)> = Vec::new();
    for (a, why) in vicini {
        if a.valore == diff.abs() {
            cause.push((a.span, format!("likely cause: {why}")));
        }
    }
    for a in addendi {
        let giusto = a.valore + diff;
        if un_errore_di_battitura(a.valore, giusto) {
            cause.push((
                a.span,
                format!(
                    "likely cause: one mistyped digit? {colonna} {} here; with {} the figures agree",
                    italiano(a.valore),
                    italiano(giusto)
                ),
            ));
        }
    }
    if let Some(span) = dichiarato_span {
        if un_errore_di_battitura(dichiarato, calcolato) {
            cause.push((
                span,
                format!(
                    "likely cause: the declared {} differs from the sum {} in one digit: the total itself may be mistyped",
                    italiano(dichiarato),
                    italiano(calcolato)
                ),
            ));
        }
    }
    for a in addendi {
        if a.valore == diff.abs() {
            let verso = if diff.is_sign_negative() {
                "counted in the sum but not in the declared figure?"
            } else {
                "counted in the declared figure twice?"
            };
            cause.push((
                a.span,
                format!(
                    "likely cause: {colonna} here ({}) equals the difference: {verso}",
                    italiano(a.valore)
                ),
            ));
        }
    }
    let mut seen = Vec::new();
    for (span, msg) in cause {
        if seen.len() == MAX_CAUSE {
            break;
        }
        if !seen.contains(&span) {
            seen.push(span);
            f.related(span, msg);
        }
    }
}
