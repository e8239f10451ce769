//! Family `vincoli`: earmarked money. Each rule reads the vincolo graph of
//! the report ([`Ctx::grafo`]): declared groups from the link file first, then
//! links inferred from evidence. A finding that rests on an inferred group is
//! reported one severity step lower than the rule's, and says so.

use rust_decimal::Decimal;

use super::def::RuleDef;
use super::Ctx;
use crate::amount::{italiano, somma};
use crate::ast::{Colonna, SezioneId};
use crate::finding::{Base, Finding, Origine};
use crate::lang::item::{Genere, Item};
use crate::sink::Sink;
use crate::vincoli::{importi, ChiaveImporti, Fiducia, Gruppo, COLONNE};

/// Rule id.
pub const UNBALANCED: &str = crate::catalogo::UNBALANCED.id;
/// Rule id.
pub const UNMATCHED_REVENUE: &str = crate::catalogo::UNMATCHED_REVENUE.id;
/// Rule id.
pub const UNMATCHED_SPENDING: &str = crate::catalogo::UNMATCHED_SPENDING.id;
/// Rule id.
pub const FLAG_MISMATCH: &str = crate::catalogo::FLAG_MISMATCH.id;
/// Rule id.
pub const COVERAGE: &str = crate::catalogo::COVERAGE.id;

/// How many chapters of a group are drawn as related locations.
const MAX_RELATED: usize = 30;

/// Columns where spending exceeds revenue (or the reverse): column, revenue,
/// spending, spending minus revenue.
fn colonne_diverse(
    g: &Gruppo<'_>,
    eccesso_spesa: bool,
) -> Vec<(Colonna, Decimal, Decimal, Decimal)> {
    g.totali
        .iter()
        .filter_map(|&(c, e, s)| {
            let (e, s) = (e?, s?);
            let d = s.checked_sub(e)?;
            let rilevante = if eccesso_spesa {
                d > Decimal::ZERO
            } else {
                d < Decimal::ZERO
            };
            rilevante.then_some((c, e, s, d))
        })
        .collect()
}

/// A chapter's amounts, each named by its column as the report heads it
/// (`PREVISIONE 2022 1.995.110,00, PREVISIONE 2021 2.045.000,00, ...`).
fn importi_nominati(ctx: &Ctx<'_>, it: &Item<'_>) -> String {
    COLONNE
        .iter()
        .map(|c| {
            format!(
                "{} {}",
                ctx.colonna(*c),
                italiano(it.importo(*c).unwrap_or_default())
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// `vincolo-unbalanced`: a group whose spending exceeds its revenue (at the
/// rule's severity) or whose revenue exceeds its spending (one step lower).
pub fn check_unbalanced(ctx: &Ctx<'_>, rule: &RuleDef, sink: &mut Sink<'_>) {
    let gs = ctx.gruppi();
    for g in &gs.gruppi {
        for eccesso_spesa in [true, false] {
            let diverse = colonne_diverse(g, eccesso_spesa);
            if diverse.is_empty() {
                continue;
            }
            let primo = g.entrate.first().or(g.spese.first()).copied();
            let Some(primo) = primo else { continue };
            let dettagli: Vec<String> = diverse
                .iter()
                .map(|(c, e, s, d)| {
                    crate::tr!(
                        "unbalanced-detail",
                        column = ctx.colonna(*c),
                        revenue = italiano(*e),
                        spending = italiano(*s),
                        over = if eccesso_spesa { "yes" } else { "no" },
                        difference = italiano(d.abs())
                    )
                })
                .collect();
            let nome = g.nome.as_deref().unwrap_or(primo.testo);
            let (cosa, label) = if eccesso_spesa {
                (
                    crate::tr!("unbalanced-over"),
                    crate::tr!("unbalanced-over-label"),
                )
            } else {
                (
                    crate::tr!("unbalanced-under"),
                    crate::tr!("unbalanced-under-label"),
                )
            };
            let inferito = g.fiducia != Fiducia::Dichiarata;
            let mut message = crate::tr!(
                "unbalanced-message",
                key = primo.chiave_testo(),
                name = nome,
                revenue = g.entrate.len(),
                spending = g.spese.len(),
                what = cosa,
                details = dettagli.join("; ")
            );
            if inferito {
                message.push_str(&crate::tr!(
                    "unbalanced-inferred",
                    confidence = crate::tr!("confidence", level = g.fiducia.name())
                ));
            } else if let Some(d) = g.fiducia_dichiarata {
                message.push_str(&crate::tr!(
                    "unbalanced-declared",
                    confidence = crate::tr!("confidence", level = d.name()),
                    attenuated = if g.attenuato { "yes" } else { "no" }
                ));
            }
            let mut f = Finding::new(&rule.id, rule.severity, primo.span, message);
            f.label = label;
            f.help = if eccesso_spesa {
                crate::tr!("unbalanced-help-over")
            } else {
                crate::tr!("unbalanced-help-under")
            };
            f.attenuazione = u8::from(!eccesso_spesa) + u8::from(g.attenuato);
            f.base = Base::Raggruppamento {
                origine: if inferito {
                    Origine::Inferito
                } else {
                    Origine::Dichiarato
                },
                fiducia: if inferito {
                    Some(g.fiducia)
                } else {
                    g.fiducia_dichiarata
                },
            };
            f.capitoli = g
                .entrate
                .iter()
                .chain(&g.spese)
                .filter_map(|it| it.chiave)
                .collect();
            for (c, e, s, d) in &diverse {
                f.amounts
                    .push((crate::finding::nome_importo(c.name(), "revenue"), *e));
                f.amounts
                    .push((crate::finding::nome_importo(c.name(), "spending"), *s));
                f.amounts
                    .push((crate::finding::nome_importo(c.name(), "difference"), -*d));
            }
            f.context.sezione = Some(primo.sezione);
            f.context.settore = primo.settore;
            f.context.soggetto = format!(
                "{} {}",
                primo.chiave_testo(),
                if eccesso_spesa { "over" } else { "under" }
            );
            let tutti: Vec<(&Item<'_>, &str)> = g
                .entrate
                .iter()
                .map(|it| (*it, "revenue"))
                .chain(g.spese.iter().map(|it| (*it, "spending")))
                .collect();
            for (it, lato) in tutti.iter().skip(1).take(MAX_RELATED) {
                let imp = importi_nominati(ctx, it);
                f.related(
                    it.span,
                    crate::tr!(
                        "unbalanced-related",
                        side = *lato,
                        key = it.chiave_testo(),
                        amounts = imp
                    ),
                );
            }
            if tutti.len() > MAX_RELATED + 1 {
                f.help.push_str(&crate::tr!(
                    "unbalanced-more",
                    n = tutti.len() - MAX_RELATED - 1
                ));
            }
            sink.push(f);
        }
    }
}

fn unmatched(ctx: &Ctx<'_>, rule: &RuleDef, sink: &mut Sink<'_>, entrate: bool) {
    let gs = ctx.gruppi();
    let lista = if entrate {
        &gs.entrate_sole
    } else {
        &gs.spese_sole
    };
    for it in lista {
        let imp = importi_nominati(ctx, it);
        let (lato, help) = if entrate {
            ("revenue", crate::tr!("unmatched-help-revenue"))
        } else {
            ("spending", crate::tr!("unmatched-help-spending"))
        };
        let mut f = Finding::new(
            &rule.id,
            rule.severity,
            it.span,
            crate::msg!(
                "unmatched-message",
                side = lato,
                key = it.chiave_testo(),
                text = it.testo,
                amounts = imp
            ),
        );
        f.label = crate::tr!("unmatched-label", side = lato);
        f.base = Base::Raggruppamento {
            origine: Origine::Nessuno,
            fiducia: None,
        };
        f.help = help;
        f.key = it.chiave;
        for c in COLONNE {
            f.amounts.push((
                crate::finding::NomeImporto::Borrowed(c.name()),
                it.importo(c).unwrap_or_default(),
            ));
        }
        f.context.sezione = Some(it.sezione);
        f.context.settore = it.settore;
        sink.push(f);
    }
}

/// `vincolo-unmatched-revenue`: a V revenue chapter in no group.
pub fn check_unmatched_revenue(ctx: &Ctx<'_>, rule: &RuleDef, sink: &mut Sink<'_>) {
    unmatched(ctx, rule, sink, true);
}

/// `vincolo-unmatched-spending`: a V spending chapter in no group.
pub fn check_unmatched_spending(ctx: &Ctx<'_>, rule: &RuleDef, sink: &mut Sink<'_>) {
    unmatched(ctx, rule, sink, false);
}

/// `vincolo-flag-mismatch`: a chapter without the V flag whose amounts are
/// identical, in every column, to a V chapter on the other side.
pub fn check_flag_mismatch(ctx: &Ctx<'_>, rule: &RuleDef, sink: &mut Sink<'_>) {
    use rustc_hash::FxHashMap as HashMap;
    let righe = |s: SezioneId| {
        ctx.items
            .iter()
            .filter(move |i| i.genere == Genere::Riga && i.sezione == s)
    };
    for (lato_v, lato_altro, sez_v, sez_altro) in [
        (
            "spending",
            "revenue",
            SezioneId::SpeseCorrenti,
            SezioneId::EntrateCorrenti,
        ),
        (
            "revenue",
            "spending",
            SezioneId::EntrateCorrenti,
            SezioneId::SpeseCorrenti,
        ),
    ] {
        // The first V chapter with each set of amounts (the one a finding
        // names): a map to one item, no vector per key.
        let mut per_importi: HashMap<ChiaveImporti, &Item<'_>> = HashMap::default();
        for it in righe(sez_v).filter(|i| i.vincolato) {
            let a = importi(it);
            if a.iter().any(|x| !x.is_zero()) {
                per_importi.entry(ChiaveImporti::di(a)).or_insert(it);
            }
        }
        for it in righe(sez_altro).filter(|i| !i.vincolato) {
            let Some(&v) = per_importi.get(&ChiaveImporti::di(importi(it))) else {
                continue;
            };
            let mut f = Finding::new(
                &rule.id,
                rule.severity,
                it.span,
                crate::msg!(
                    "flag-message",
                    side = lato_altro,
                    key = it.chiave_testo(),
                    text = it.testo,
                    vside = lato_v,
                    vkey = v.chiave_testo(),
                    amounts = importi_nominati(ctx, it)
                ),
            );
            f.label = crate::tr!("flag-label");
            f.help = crate::tr!("flag-help");
            f.key = it.chiave;
            for c in COLONNE {
                f.amounts.push((
                    crate::finding::NomeImporto::Borrowed(c.name()),
                    it.importo(c).unwrap_or_default(),
                ));
            }
            f.related(
                v.span,
                crate::tr!("flag-related", vside = lato_v, vkey = v.chiave_testo()),
            );
            f.context.sezione = Some(it.sezione);
            f.context.settore = it.settore;
            sink.push(f);
        }
    }
}

/// `vincolate-coverage`: all V spending against all V revenue plus the
/// outside funding declared in the link file, per column.
pub fn check_coverage(ctx: &Ctx<'_>, rule: &RuleDef, sink: &mut Sink<'_>) {
    let v = |s: SezioneId, c: Colonna| {
        somma(
            ctx.items
                .iter()
                .filter(|i| i.genere == Genere::Riga && i.sezione == s && i.vincolato)
                .filter_map(|i| i.importo(c)),
        )
    };
    let gs = ctx.gruppi();
    let mut scoperte = Vec::new();
    let mut avanzi = Vec::new();
    for (k, c) in COLONNE.iter().enumerate() {
        let fuori = somma(
            gs.gruppi
                .iter()
                .flat_map(|g| g.esterni.iter().map(move |e| e.importi[k])),
        );
        let (Some(e), Some(s), Some(fuori)) = (
            v(SezioneId::EntrateCorrenti, *c),
            v(SezioneId::SpeseCorrenti, *c),
            fuori,
        ) else {
            continue;
        };
        let Some(coperto) = e.checked_add(fuori) else {
            continue;
        };
        let Some(d) = s.checked_sub(coperto) else {
            continue;
        };
        if d > Decimal::ZERO {
            scoperte.push((*c, e, fuori, s, d));
        } else if d < Decimal::ZERO {
            avanzi.push((*c, e, fuori, s, d));
        }
    }
    // Where the report states its earmarked totals: 1.C, else the first V row.
    let totale_spese = ctx.items.iter().find(|i| {
        i.sezione == SezioneId::RiepilogoVincolate
            && i.genere == Genere::Totale
            && i.parte == Some(crate::lang::item::Parte::Spese)
    });
    let primo_v = ctx
        .items
        .iter()
        .find(|i| i.genere == Genere::Riga && i.vincolato);
    let Some(dove) = totale_spese.or(primo_v) else {
        return;
    };
    for (righe, scoperto) in [(scoperte, true), (avanzi, false)] {
        if righe.is_empty() {
            continue;
        }
        let dettagli: Vec<String> = righe
            .iter()
            .map(|(c, e, fuori, s, d)| {
                crate::tr!(
                    "coverage-detail",
                    column = ctx.colonna(*c),
                    spending = italiano(*s),
                    revenue = italiano(*e),
                    outside = italiano(*fuori),
                    over = if scoperto { "yes" } else { "no" },
                    difference = italiano(d.abs())
                )
            })
            .collect();
        let message = if scoperto {
            crate::tr!("coverage-over-message", details = dettagli.join("; "))
        } else {
            crate::tr!("coverage-under-message", details = dettagli.join("; "))
        };
        let mut f = Finding::new(&rule.id, rule.severity, dove.span, message);
        f.label = crate::tr!("coverage-label");
        f.help = if scoperto {
            let (_, _, _, _, d) = righe[0];
            crate::tr!(
                "coverage-help-over",
                column = ctx.colonna(righe[0].0),
                amount = italiano(d)
            )
        } else {
            crate::tr!("coverage-help-under")
        };
        f.attenuazione = u8::from(!scoperto);
        for (c, e, fuori, s, d) in &righe {
            f.amounts
                .push((crate::finding::nome_importo(c.name(), "revenue"), *e));
            f.amounts
                .push((crate::finding::nome_importo(c.name(), "outside"), *fuori));
            f.amounts
                .push((crate::finding::nome_importo(c.name(), "spending"), *s));
            f.amounts
                .push((crate::finding::nome_importo(c.name(), "difference"), -*d));
        }
        f.context.sezione = Some(dove.sezione);
        f.context.soggetto = if scoperto {
            "uncovered".into()
        } else {
            "unspent".into()
        };
        sink.push(f);
    }
}
