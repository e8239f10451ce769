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
        let via: Vec<Span> = f
            .sospetti
            .iter()
            .zip(&esclusi)
            .filter(|(_, e)| **e)
            .map(|(s, _)| s.cifra)
            .collect();
        let messaggi: Vec<&str> = f
            .sospetti
            .iter()
            .zip(&esclusi)
            .filter(|(_, e)| **e)
            .map(|(s, _)| s.messaggio.as_str())
            .collect();
        let prima = f.related.len();
        let messaggi: Vec<String> = messaggi.into_iter().map(str::to_string).collect();
        f.related
            .retain(|r| !(via.contains(&r.span) && messaggi.iter().any(|m| *m == *r.message)));
        let tolti = prima - f.related.len();
        let mut k = 0;
        f.sospetti.retain(|_| {
            k += 1;
            !esclusi[k - 1]
        });
        // Few enough left: name them, where they were not named.
        if f.sospetti.len() <= MAX_CAUSE && (tolti > 0 || !f.sospetti.is_empty()) {
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
