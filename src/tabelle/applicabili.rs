//! Which rules a table can feed. A table declares no totals and no summary
//! sections, and may lack columns (no V flag, no PDC, no rendiconto); a rule
//! that reads what is not there would find nothing, or find everything
//! (a forecast compared with a missing prior year). Such rules are switched
//! off for the table and listed, with the reason, in the summary.

use super::csv::Copertura;
use super::messaggi::perche;
use super::profilo::Campo;
use crate::ast::Colonna;
use crate::config::RuleSet;
use crate::lang::expr::{Campo as CampoExpr, Expr};
use crate::lang::item::Genere;
use crate::lang::selector::Selettore;
use crate::rules::def::{CorpoRegola, Lato};

/// The enabled rules the table cannot feed, with the reason, in catalogue order.
pub fn non_applicabili(rules: &RuleSet, c: &Copertura) -> Vec<(String, &'static str)> {
    rules
        .rules
        .iter()
        .filter(|r| r.enabled)
        .filter_map(|r| {
            let why = match &r.corpo {
                CorpoRegola::Builtin => builtin(&r.id, c),
                CorpoRegola::Predicato(p) => {
                    selettore(&p.select, c).or_else(|| p.when.as_ref().and_then(|e| expr(e, c)))
                }
                CorpoRegola::Aggregato(a) => {
                    let right = match &a.right {
                        Lato::Somma(s) => selettore(s, c),
                        Lato::Costante(_) => None,
                    };
                    selettore(&a.left, c)
                        .or(right)
                        .or_else(|| a.columns.iter().find_map(|&k| colonna(k, c)))
                }
            };
            why.map(|w| (r.id.clone(), w))
        })
        .collect()
}

/// `rules` with the rules of `na` switched off.
pub fn senza(rules: &RuleSet, na: &[(String, &'static str)]) -> RuleSet {
    let mut r = rules.clone();
    for rule in &mut r.rules {
        if na.iter().any(|(id, _)| *id == rule.id) {
            rule.enabled = false;
        }
    }
    r
}

fn mp(c: &Copertura) -> bool {
    c.ha(Campo::MissioneProgramma) || c.ha(Campo::Missione)
}

fn builtin(id: &str, c: &Copertura) -> Option<&'static str> {
    match id {
        "total-mismatch" => Some(perche::TOTALI),
        "missione-programma-unknown" if !mp(c) => Some(perche::MISSIONE),
        "vincolo-unbalanced"
        | "vincolo-unmatched-revenue"
        | "vincolo-unmatched-spending"
        | "vincolo-flag-mismatch"
        | "vincolate-coverage"
            if !c.ha(Campo::Vincolato) =>
        {
            Some(perche::VINCOLATO)
        }
        _ => None,
    }
}

fn selettore(s: &Selettore, c: &Copertura) -> Option<&'static str> {
    if !s.generi.is_empty() && !s.generi.contains(&Genere::Riga) {
        return Some(if s.generi.contains(&Genere::Riepilogo) {
            perche::RIEPILOGHI
        } else {
            perche::TOTALI
        });
    }
    if s.vincolato.is_some() && !c.ha(Campo::Vincolato) {
        return Some(perche::VINCOLATO);
    }
    if s.pdc.is_some() && !c.ha(Campo::Pdc) {
        return Some(perche::PDC);
    }
    if s.missione_programma.is_some() && !mp(c) {
        return Some(perche::MISSIONE);
    }
    if !s.settori.is_empty() && !c.ha(Campo::SettoreCodice) {
        return Some(perche::SETTORE);
    }
    if (!s.titoli.is_empty() || !s.gruppi.is_empty()) && !c.ha(Campo::TitoloCodice) {
        return Some(perche::TITOLO);
    }
    None
}

fn colonna(k: Colonna, c: &Copertura) -> Option<&'static str> {
    if c.ha_colonna(k) {
        return None;
    }
    Some(match k {
        Colonna::Previsione => perche::PREVISIONE,
        Colonna::PrevisionePrecedente => perche::PREVISIONE_PRECEDENTE,
        Colonna::RendicontoPrecedente => perche::RENDICONTO,
        Colonna::CronoAnniPrecedenti
        | Colonna::AltriNuoviStanziamenti
        | Colonna::ProgrammaTriennaleLp => perche::DI_CUI,
        Colonna::PrevisionePrecedenteRipetuta => perche::TOTALI,
    })
}

fn expr(e: &Expr, c: &Copertura) -> Option<&'static str> {
    match e {
        Expr::Num(_) | Expr::Bool(_) => None,
        Expr::Campo(k) => match k {
            CampoExpr::Colonna(col) => colonna(*col, c),
            CampoExpr::Vincolato if !c.ha(Campo::Vincolato) => Some(perche::VINCOLATO),
            CampoExpr::Titolo | CampoExpr::Gruppo if !c.ha(Campo::TitoloCodice) => {
                Some(perche::TITOLO)
            }
            CampoExpr::Gruppo if !c.ha(Campo::GruppoCodice) => Some(perche::TITOLO),
            CampoExpr::PdcTitolo | CampoExpr::PdcGruppo if !c.ha(Campo::Pdc) => Some(perche::PDC),
            CampoExpr::Missione | CampoExpr::Programma if !mp(c) => Some(perche::MISSIONE),
            CampoExpr::Settore if !c.ha(Campo::SettoreCodice) => Some(perche::SETTORE),
            _ => None,
        },
        Expr::Neg(x) | Expr::Not(x) | Expr::Abs(x) => expr(x, c),
        Expr::Bin(_, a, b) => expr(a, c).or_else(|| expr(b, c)),
    }
}
