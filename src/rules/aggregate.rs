//! The aggregate-comparison engine: the sum of the left selection (what the
//! document declares: a summary row, a total) against the sum of the right
//! selection (what it should equal) or a constant, per group and per column.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::def::{op_str, Aggregato, Lato, RuleDef};
use super::hints::{differenze, spiega, Differenza, Ruolo, Voce};
use super::Ctx;
use crate::amount::{italiano, somma};
use crate::ast::Colonna;
use crate::finding::{Finding, Scarto};
use crate::lang::expr::Op;
use crate::lang::item::{Gruppo, Item, Raggruppa};
use crate::lang::selector::Selettore;
use crate::lang::template::ValoriAggregato;
use crate::sink::Sink;
use crate::span::Span;

/// Findings per rule and report that get likely causes searched.
const MAX_SPIEGATI: usize = 50;

type Gruppi<'i, 'a> = BTreeMap<Gruppo, Vec<&'i Item<'a>>>;

fn raggruppa<'i, 'a>(ctx: &'i Ctx<'a>, a: &Aggregato, sel: &Selettore) -> Gruppi<'i, 'a> {
    let mut g: Gruppi<'i, 'a> = BTreeMap::new();
    let m = sel.maschera();
    for it in ctx.items.iter().filter(|it| m.seleziona(sel, it)) {
        let key = match a.group_by {
            None => Some(Gruppo::Tutto),
            Some(by) => by.chiave(it),
        };
        if let Some(k) = key {
            g.entry(k).or_default().push(it);
        }
    }
    g
}

/// Does `l op r` hold within `tol`? Arithmetic that leaves the range of
/// [`Decimal`] (only absurd tolerances or amounts get there) counts as
/// holding: the rule stays silent rather than invent a figure.
fn holds(op: Op, l: Decimal, r: Decimal, tol: Decimal) -> bool {
    match op {
        Op::Le => r.checked_add(tol).is_none_or(|r| l <= r),
        Op::Ge => l.checked_add(tol).is_none_or(|l| l >= r),
        Op::Lt => l < r,
        Op::Gt => l > r,
        _ => l.checked_sub(r).is_none_or(|d| d.abs() <= tol),
    }
}

/// Run one aggregate rule.
pub fn check(ctx: &Ctx<'_>, rule: &RuleDef, a: &Aggregato, sink: &mut Sink<'_>) {
    let tol = rule.param("tolerance");
    let left = raggruppa(ctx, a, &a.left);
    let right = match &a.right {
        Lato::Somma(sel) => raggruppa(ctx, a, sel),
        Lato::Costante(_) => BTreeMap::new(),
    };
    let mut gruppi: Vec<Gruppo> = left.keys().chain(right.keys()).copied().collect();
    gruppi.sort();
    gruppi.dedup();
    let vuoto = Vec::new();
    // Looking for likely causes scans the report: bounded, so that a report
    // with thousands of broken groups stays linear.
    let mut da_spiegare = MAX_SPIEGATI;
    for g in gruppi {
        let l = left.get(&g).unwrap_or(&vuoto);
        let r = right.get(&g).unwrap_or(&vuoto);
        let Some(primo) = l.first().or(r.first()) else {
            continue;
        };
        let colonne: &[Colonna] = if a.columns.is_empty() {
            primo.importi.columns()
        } else {
            &a.columns
        };
        let mut diverse = Vec::new();
        for &c in colonne {
            let Some(ls) = somma(l.iter().filter_map(|i| i.importo(c))) else {
                continue;
            };
            let rs = match &a.right {
                Lato::Costante(k) => Some(*k),
                Lato::Somma(_) => somma(r.iter().filter_map(|i| i.importo(c))),
            };
            let Some(rs) = rs else { continue };
            // A difference that cannot be represented cannot be reported.
            if !holds(a.op, ls, rs, tol) && ls.checked_sub(rs).is_some() {
                diverse.push((c, ls, rs));
            }
        }
        // The report's own year first, whatever the print order of the section.
        diverse.sort_by_key(|(c, ..)| *c);
        if diverse.is_empty() {
            continue;
        }
        let gruppo = g.to_string();
        // The rule's sentence for the first column that differs; the other
        // columns briefly, so that a row missing in all three columns reads
        // as one sentence, not three.
        let (c0, l0, r0) = diverse[0];
        let mut messaggio = a.message.render(
            None,
            Some(&ValoriAggregato {
                gruppo: gruppo.clone(),
                colonna: ctx.colonna(c0).to_string(),
                sinistra: l0,
                destra: r0,
                operatore: op_str(a.op),
            }),
        );
        for (c, ls, rs) in &diverse[1..] {
            messaggio.push_str(&crate::tr!(
                "agg-other-column",
                column = ctx.colonna(*c),
                left = italiano(*ls),
                right = italiano(*rs),
                difference = italiano(*ls - *rs)
            ));
        }
        let mut f = Finding::new(&rule.id, rule.severity, primo.span, messaggio);
        f.label = if l.is_empty() {
            crate::tr!("agg-label-no-counterpart")
        } else {
            crate::tr!("agg-label-declared", summary = &rule.summary)
        };
        f.help = match &a.help {
            Some(h) => {
                let (c, ls, rs) = diverse[0];
                h.render(
                    None,
                    Some(&ValoriAggregato {
                        gruppo: gruppo.clone(),
                        colonna: ctx.colonna(c).to_string(),
                        sinistra: ls,
                        destra: rs,
                        operatore: op_str(a.op),
                    }),
                )
            }
            None => crate::tr!("agg-help-default", id = &rule.id),
        };
        if l.len() == 1 && r.is_empty() {
            f.key = primo.chiave;
        }
        f.context.sezione = Some(primo.sezione);
        f.context.settore = primo.settore;
        f.context.soggetto = gruppo.clone();
        for (c, ls, rs) in &diverse {
            f.amounts
                .push((crate::finding::nome_importo(c.name(), "left"), *ls));
            f.amounts
                .push((crate::finding::nome_importo(c.name(), "right"), *rs));
            f.amounts.push((
                crate::finding::nome_importo(c.name(), "difference"),
                *ls - *rs,
            ));
        }
        if let (Lato::Somma(sel), true) = (&a.right, da_spiegare > 0) {
            da_spiegare -= 1;
            let diffs: Vec<Differenza> = diverse
                .iter()
                .map(|(c, ls, rs)| Differenza {
                    colonna: *c,
                    nome: ctx.colonna(*c).to_string(),
                    dichiarato: *ls,
                    calcolato: *rs,
                })
                .collect();
            let mut voci: Vec<Voce<'_>> = r
                .iter()
                .map(|i| Voce {
                    span: i.span,
                    importi: i.importi,
                    spans: i.spans,
                    ruolo: Ruolo::Sommato(perche_sommato(a, sel, i, g)),
                })
                .collect();
            voci.extend(vicini(ctx, a, sel, g));
            let dichiarato = (l.len() == 1).then(|| l[0].span_di(diverse[0].0));
            let spiegato = spiega(&mut f, colonne, &diffs, dichiarato, &voci);
            f.scarto = Some(Box::new(Scarto {
                differenze: differenze(&diffs),
                ambito: None,
                estensione: None,
                programma: (a.group_by == Some(Raggruppa::MissioneProgramma))
                    .then(|| gruppo.clone()),
                vincolate: sel.vincolato == Some(true),
                spiegato,
            }));
        }
        // The declared figures that disagree (of the first declared item).
        if let Some(d) = l.first() {
            let figure: Vec<(&str, Span)> = diverse
                .iter()
                .map(|(c, ..)| (ctx.colonna(*c), d.span_di(*c)))
                .collect();
            f.alle_cifre(d.span, &figure, "figure-also-differs");
        }
        if l.len() > 1 {
            f.related(
                l[l.len() - 1].span,
                crate::tr!("agg-last-declared", n = l.len()),
            );
        }
        // The rows summed, unless the primary location already is the row.
        match r.len() {
            0 => {}
            1 if r[0].span == primo.span => {}
            1 => f.related(r[0].span, crate::tr!("agg-only-summed")),
            n => {
                if r[0].span != primo.span {
                    f.related(r[0].span, crate::tr!("agg-first-summed", n = n));
                }
                f.related(r[n - 1].span, crate::tr!("agg-last-summed"));
            }
        }
        sink.push(f);
    }
}

/// Who an item is, for the catalogue's `agg-who`: its PEG key, or `none`
/// and its text.
fn chi(it: &Item<'_>) -> (String, String) {
    (
        it.chiave.map_or("none".to_string(), |k| k.to_string()),
        it.testo.to_string(),
    )
}

/// Why a summed item might not belong in the sum.
fn perche_sommato(a: &Aggregato, sel: &Selettore, it: &Item<'_>, g: Gruppo) -> String {
    let (key, text) = chi(it);
    let id = match (sel.vincolato, a.group_by) {
        (Some(true), _) => "agg-why-v",
        (Some(false), _) => "agg-why-not-v",
        (None, Some(_)) => "agg-why-group",
        (None, None) => "agg-why-difference",
    };
    crate::tr!(id, key = key, text = text, group = g.to_string())
}

/// Items that a wrong flag or code left out of the sum: selected but for the
/// V flag, or selected but in another group.
fn vicini<'a>(ctx: &Ctx<'a>, a: &Aggregato, sel: &Selettore, g: Gruppo) -> Vec<Voce<'a>> {
    let mut out = Vec::new();
    let relaxed = sel.senza_vincolo();
    for it in ctx.items {
        let in_group = a.group_by.is_none_or(|by| by.chiave(it) == Some(g));
        let ruolo =
            if sel.vincolato.is_some() && in_group && relaxed.matches(it) && !sel.matches(it) {
                let (key, text) = chi(it);
                let id = if it.vincolato {
                    "agg-why-v"
                } else {
                    "agg-why-not-v"
                };
                crate::tr!(id, key = key, text = text)
            } else if let (Some(by), false) = (a.group_by, in_group) {
                match by.chiave(it) {
                    Some(other) if sel.matches(it) => {
                        let (key, text) = chi(it);
                        crate::tr!(
                            "agg-near-group",
                            key = key,
                            text = text,
                            other = other.to_string(),
                            group = g.to_string()
                        )
                    }
                    _ => continue,
                }
            } else {
                continue;
            };
        out.push(Voce {
            span: it.span,
            importi: it.importi,
            spans: it.spans,
            ruolo: Ruolo::Escluso(ruolo),
        });
    }
    out
}
