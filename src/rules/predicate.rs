//! The row-predicate engine: every item picked by the rule's selector where
//! its condition holds is a finding, with the rule's message template filled
//! in from the item.

use super::def::{Predicato, RuleDef};
use super::Ctx;
use crate::finding::Finding;
use crate::lang::item::Item;
use crate::sink::Sink;

/// Run one row-predicate rule.
pub fn check(ctx: &Ctx<'_>, rule: &RuleDef, p: &Predicato, sink: &mut Sink<'_>) {
    for it in ctx.items {
        if p.select.matches(it) && p.when.as_ref().is_none_or(|w| w.holds(it)) {
            sink.push(finding(ctx, rule, p, it));
        }
    }
}

fn finding(ctx: &Ctx<'_>, rule: &RuleDef, p: &Predicato, it: &Item<'_>) -> Finding {
    let mut f = Finding::new(
        &rule.id,
        rule.severity,
        it.span,
        p.message.render(Some(it), None),
    );
    f.label = rule.summary.clone();
    f.help = match &p.help {
        Some(h) => h.render(Some(it), None),
        None => crate::tr!("rule-help-default", id = &rule.id),
    };
    f.key = it.chiave;
    for &c in it.importi.columns() {
        if let Some(v) = it.importo(c) {
            f.amounts
                .push((crate::finding::NomeImporto::Borrowed(c.name()), v));
        }
    }
    // The figures that make the condition hold (of an `or`, the side that does).
    if let Some(w) = &p.when {
        let figure: Vec<(String, crate::span::Span)> = w
            .colonne_decisive(it)
            .into_iter()
            .filter(|c| it.spans.get(*c).is_some())
            .map(|c| (ctx.colonna(c), it.span_di(c)))
            .collect();
        f.alle_cifre(it.span, &figure, "figure-compared");
    }
    f.context.sezione = Some(it.sezione);
    f.context.settore = it.settore;
    f.context.soggetto = it.testo.to_string();
    f
}
