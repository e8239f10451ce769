//! The row-predicate engine: every item picked by the rule's selector where
//! its condition holds is a finding, with the rule's message template filled
//! in from the item.

use super::def::{Predicato, RuleDef};
use super::Ctx;
use crate::ast::Colonna;
use crate::finding::Finding;
use crate::lang::item::Item;
use crate::sink::Sink;
use rust_decimal::Decimal;

/// Run one row-predicate rule.
pub fn check(ctx: &Ctx<'_>, rule: &RuleDef, p: &Predicato, sink: &mut Sink<'_>) {
    let m = p.select.maschera();
    for it in ctx.items {
        if m.seleziona(&p.select, it) && p.when.as_ref().is_none_or(|w| w.holds(it)) {
            sink.push(finding(ctx, rule, p, it));
        }
    }
}

fn finding(ctx: &Ctx<'_>, rule: &RuleDef, p: &Predicato, it: &Item<'_>) -> Finding {
    let mut message = p.message.render(Some(it), None);
    if let Some((a, b)) = p.variazione {
        message.push_str(&variazione(ctx, it, a, b));
    }
    let mut f = Finding::new(&rule.id, rule.severity, it.span, message);
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

/// ` (+225,0% on PREVISIONE 2021)`: the change from column `b` to column
/// `a` in per cent, one decimal; ` (PREVISIONE 2021 is 0,00: no percentage)`
/// when `b` is zero; nothing when the item lacks a column.
fn variazione(ctx: &Ctx<'_>, it: &Item<'_>, a: Colonna, b: Colonna) -> String {
    let (Some(va), Some(vb)) = (it.importo(a), it.importo(b)) else {
        return String::new();
    };
    let base = ctx.colonna(b);
    match percentuale(va, vb) {
        Some(p) => crate::tr!("rule-change-percent", percent = p, base = base),
        None => crate::tr!("rule-change-zero", base = base),
    }
}

/// `+225,0%`: (a - b) / b in per cent, rounded half away from zero to one
/// decimal, Italian comma; `None` when `b` is zero (or the result overflows).
pub fn percentuale(a: Decimal, b: Decimal) -> Option<String> {
    if b.is_zero() {
        return None;
    }
    let p = a
        .checked_sub(b)?
        .checked_mul(Decimal::ONE_HUNDRED)?
        .checked_div(b.abs())?;
    let mut r = p
        .round_dp_with_strategy(1, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
        .abs();
    r.rescale(1);
    let segno = if p.is_sign_negative() && !r.is_zero() {
        "-"
    } else if r.is_zero() {
        ""
    } else {
        "+"
    };
    Some(format!("{segno}{}%", r.to_string().replace('.', ",")))
}

#[cfg(test)]
mod tests {
    use super::percentuale;
    use rust_decimal::Decimal;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn percentage_of_change_is_exact_and_rounded_to_one_decimal() {
        assert_eq!(
            percentuale(d("3900180.00"), d("1200000.00")).unwrap(),
            "+225,0%"
        );
        assert_eq!(
            percentuale(d("1234240.00"), d("3500000.00")).unwrap(),
            "-64,7%"
        );
        assert_eq!(percentuale(d("0.00"), d("3570600.00")).unwrap(), "-100,0%");
        assert_eq!(percentuale(d("100.05"), d("100")).unwrap(), "+0,1%");
        assert_eq!(percentuale(d("100.04"), d("100")).unwrap(), "0,0%");
        assert_eq!(percentuale(d("1170000.00"), d("0.00")), None);
    }
}
