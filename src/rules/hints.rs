//! Likely causes of figures that do not agree, so that an auditor lands on
//! the wrong line, not only on the total. Each cause becomes a related
//! location labelled `likely cause: ...`:
//!
//! - a row whose amounts are exactly the difference in every column compared
//!   (counted where it should not be, or left out where it should be: by its
//!   V flag, its missione-programma, or a missing row);
//! - a row where one mistyped digit explains the difference (listed when at
//!   most [`MAX_CAUSE`] rows could; otherwise kept as a suspect, and
//!   [`crate::sink::Sink::corrobora`] names it when other checks suspect the
//!   same row of the same slip);
//! - the declared figure itself, when it differs from the sum in one digit.

use rust_decimal::Decimal;

use crate::amount::{italiano, un_errore_di_battitura};
use crate::ast::{Colonna, Importi, SpanImporti};
use crate::finding::{Finding, Sospetto};
use crate::span::Span;

pub use crate::finding::MAX_CAUSE;

/// A column where the declared figure and the computed one differ.
#[derive(Debug, Clone)]
pub struct Differenza {
    /// The column.
    pub colonna: Colonna,
    /// Its name for people (`PREVISIONE 2022`).
    pub nome: String,
    /// What the document declares.
    pub dichiarato: Decimal,
    /// What the rows sum to.
    pub calcolato: Decimal,
}

impl Differenza {
    /// Declared minus computed (the rules only build differences that fit).
    fn diff(&self) -> Decimal {
        self.dichiarato
            .checked_sub(self.calcolato)
            .unwrap_or(Decimal::ZERO)
    }
}

/// A row (or lower total) that may explain the difference.
#[derive(Debug, Clone)]
pub struct Voce<'a> {
    /// Where it is.
    pub span: Span,
    /// Its amounts.
    pub importi: &'a Importi,
    /// Where each of its amounts is printed.
    pub spans: &'a SpanImporti,
    /// Its part in the comparison.
    pub ruolo: Ruolo,
}

/// Whether an item was summed, and what to say if it explains the difference.
#[derive(Debug, Clone)]
pub enum Ruolo {
    /// In the computed sum; the text says why it might not belong there.
    Sommato(String),
    /// Left out of the sum; the text says why it might belong there.
    Escluso(String),
}

fn valore(importi: &Importi, c: Colonna) -> Decimal {
    let c = match c {
        Colonna::PrevisionePrecedenteRipetuta => Colonna::PrevisionePrecedente,
        c => c,
    };
    importi.get(c).unwrap_or(Decimal::ZERO)
}

/// Add the likely causes of the differences `diffs` (over the compared
/// columns `colonne`) to `f`. `dichiarato_span` is where the declared figure
/// of the one differing column is printed (when there is one declared figure).
/// True when a whole row explains the difference.
pub fn spiega(
    f: &mut Finding,
    colonne: &[Colonna],
    diffs: &[Differenza],
    dichiarato_span: Option<Span>,
    voci: &[Voce<'_>],
) -> bool {
    if diffs.is_empty() {
        return false;
    }
    let diff_of = |c: Colonna| {
        diffs
            .iter()
            .find(|d| d.colonna == c)
            .map_or(Decimal::ZERO, Differenza::diff)
    };
    // The whole row explains it when, in every column compared, its amount
    // is the difference (and zero where the figures agree).
    let spiega_tutto = |v: &Voce<'_>, segno: Decimal| {
        colonne
            .iter()
            .all(|&c| valore(v.importi, c) == diff_of(c) * segno)
            && diffs
                .iter()
                .any(|d| !valore(v.importi, d.colonna).is_zero())
    };
    let mut cause: Vec<(Span, String)> = Vec::new();
    for v in voci {
        match &v.ruolo {
            Ruolo::Sommato(why) if spiega_tutto(v, Decimal::NEGATIVE_ONE) => {
                cause.push((v.span, crate::tr!("hint-cause", why = why)));
            }
            Ruolo::Escluso(why) if spiega_tutto(v, Decimal::ONE) => {
                cause.push((v.span, crate::tr!("hint-cause", why = why)));
            }
            _ => {}
        }
    }
    let riga_intera = !cause.is_empty();
    if let [d] = diffs {
        let mut sospetti = Vec::new();
        for v in voci {
            let Ruolo::Sommato(_) = v.ruolo else { continue };
            let printed = valore(v.importi, d.colonna);
            let Some(giusto) = printed.checked_add(d.diff()) else {
                continue;
            };
            if un_errore_di_battitura(printed, giusto) {
                let colonna = match d.colonna {
                    Colonna::PrevisionePrecedenteRipetuta => Colonna::PrevisionePrecedente,
                    c => c,
                };
                sospetti.push(Sospetto {
                    span: v.span,
                    cifra: v.spans.get(colonna).unwrap_or(v.span),
                    colonna: d.colonna,
                    correzione: d.diff(),
                    messaggio: crate::tr!(
                        "hint-digit",
                        column = &d.nome,
                        printed = italiano(printed),
                        right = italiano(giusto)
                    ),
                });
            }
        }
        if sospetti.len() <= MAX_CAUSE {
            cause.extend(sospetti.iter().map(|s| (s.cifra, s.messaggio.clone())));
        }
        f.sospetti.extend(sospetti);
        if let Some(span) = dichiarato_span {
            if un_errore_di_battitura(d.dichiarato, d.calcolato) {
                cause.push((
                    span,
                    crate::tr!(
                        "hint-declared-digit",
                        declared = italiano(d.dichiarato),
                        computed = italiano(d.calcolato)
                    ),
                ));
            }
        }
    }
    let mut seen: Vec<Span> = f.related.iter().map(|r| r.span).collect();
    let mut added = 0;
    for (span, msg) in cause {
        if added == MAX_CAUSE {
            break;
        }
        if !seen.contains(&span) {
            seen.push(span);
            f.related(span, msg);
            added += 1;
        }
    }
    riga_intera
}

/// The difference vector of a comparison (declared minus computed per
/// column), the 1.B fifth column left out.
pub fn differenze(diffs: &[Differenza]) -> Vec<(Colonna, Decimal)> {
    diffs
        .iter()
        .filter(|d| d.colonna != Colonna::PrevisionePrecedenteRipetuta)
        .map(|d| (d.colonna, d.diff()))
        .collect()
}
