//! Likely causes narrowed by the checks that still agree. A row suspected
//! of one mistyped digit (by the total of its group) is ruled out when
//! another check that sums that row, in that column, agrees: a V row when
//! 1.C balances for its titolo, a spending row when 1.D / 2.C balances for
//! its missione-programma. Such a slip would have made that check differ by
//! the same correction too. Rows left suspected are named when they are few
//! enough (see [`super::hints::MAX_CAUSE`]).

use std::collections::HashMap;

use super::def::{CorpoRegola, Lato};
use super::hints::MAX_CAUSE;
use crate::ast::Colonna;
use crate::config::RuleSet;
use crate::finding::{Finding, Related, Sospetto};
use crate::lang::expr::Op;
use crate::lang::item::{Genere, Gruppo, Item};
use crate::span::Span;

/// Declared minus computed per column.
type Differenze = Vec<(Colonna, rust_decimal::Decimal)>;

fn base(c: Colonna) -> Colonna {
    match c {
        Colonna::PrevisionePrecedenteRipetuta => Colonna::PrevisionePrecedente,
        c => c,
    }
}

/// Narrow the suspects of the findings of one report (`findings`), whose
/// items are `items`.
pub fn restringi(rules: &RuleSet, items: &[Item<'_>], findings: &mut [Finding]) {
    if findings.iter().all(|f| f.sospetti.is_empty()) {
        return;
    }
    let righe: HashMap<Span, &Item<'_>> = items
        .iter()
        .filter(|i| i.genere == Genere::Riga)
        .map(|i| (i.span, i))
        .collect();
    // Per (rule, group): the corrections its finding would show, when it
    // has one (`None`: a finding without its difference as data, which
    // rules out nothing).
    let mut esiti: HashMap<(&str, String), Option<Differenze>> = HashMap::new();
    for f in findings.iter() {
        esiti.insert(
            (f.rule.as_str(), f.context.soggetto.clone()),
            f.scarto.as_ref().map(|s| s.differenze.clone()),
        );
    }
    let escluso = |s: &Sospetto| -> bool {
        let Some(it) = righe.get(&s.span) else {
            return false;
        };
        let col = base(s.colonna);
        rules.rules.iter().filter(|r| r.enabled).any(|r| {
            let CorpoRegola::Aggregato(a) = &r.corpo else {
                return false;
            };
            // Only an equality says the row's figure is right where it agrees.
            let (Lato::Somma(sel), Op::Eq) = (&a.right, a.op) else {
                return false;
            };
            if !sel.matches(it) || !(a.columns.is_empty() || a.columns.contains(&col)) {
                return false;
            }
            let g = match a.group_by {
                None => Some(Gruppo::Tutto),
                Some(by) => by.chiave(it),
            };
            let Some(g) = g else { return false };
            match esiti.get(&(r.id.as_str(), g.to_string())) {
                // The check agrees on the row's group: the slip is not there.
                None => true,
                // It differs, by another correction: not this slip either.
                Some(Some(d)) => !d.iter().any(|(c, x)| *c == col && *x == s.correzione),
                Some(None) => false,
            }
        })
    };
    let esclusi: Vec<Vec<bool>> = findings
        .iter()
        .map(|f| f.sospetti.iter().map(escluso).collect())
        .collect();
    for (f, esclusi) in findings.iter_mut().zip(esclusi) {
        if !esclusi.iter().any(|x| *x) {
            continue;
        }
        let (fuori, dentro): (Vec<_>, Vec<_>) = std::mem::take(&mut f.sospetti)
            .into_iter()
            .zip(esclusi)
            .partition(|(_, e)| *e);
        // The causes that named a ruled-out row go.
        f.related.retain(|r| {
            !fuori
                .iter()
                .any(|(s, _)| s.cifra == r.span && *s.messaggio == *r.message)
        });
        f.sospetti = dentro.into_iter().map(|(s, _)| s).collect();
        // Few enough left: name them, where they were not named.
        if f.sospetti.len() <= MAX_CAUSE {
            let mut at = 0;
            for s in &f.sospetti {
                if !f.related.iter().any(|r| r.span == s.cifra) {
                    f.related.insert(
                        at,
                        Related {
                            span: s.cifra,
                            message: crate::tr!("hint-narrowed", hint = &s.messaggio).into(),
                        },
                    );
                    at += 1;
                }
            }
        }
    }
}
