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
    let vale = |it: &Item<'_>| match (&p.when, &p.compilato) {
        (None, _) => true,
        (Some(w), Some(c)) => c.vale(it).unwrap_or_else(|_| w.holds(it)),
        (Some(w), None) => w.holds(it),
    };
    for it in ctx.items {
        if m.seleziona(&p.select, it) && vale(it) {
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
        let figure: Vec<(&str, crate::span::Span)> = w
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
    if let Some(p) = percentuale_in_centesimi(a, b) {
        return Some(p);
    }
    percentuale_decimale(a, b)
}

/// [`percentuale`] in integers, for amounts in whole cents below 10^22:
/// the tenths of a per cent are `2000 (a - b) / |b|` halved and rounded away
/// from zero. `Decimal` divides to 28 significant digits before rounding to
/// one decimal; below 10^22 cents that first rounding is closer than any
/// quotient comes to a midpoint other than one it sits on (a quotient of
/// cents is at least 1 / (20 |b|) from any other midpoint), so both round
/// alike (a property test compares them).
fn percentuale_in_centesimi(a: Decimal, b: Decimal) -> Option<String> {
    const LIMITE: i128 = 10i128.pow(22);
    let cents = |d: Decimal| -> Option<i128> {
        let m = d.mantissa();
        let c = match d.scale() {
            0 => m * 100,
            1 => m * 10,
            2 => m,
            _ => return None,
        };
        (c.abs() < LIMITE).then_some(c)
    };
    let (a, b) = (cents(a)?, cents(b)?);
    // Twice the tenths, so that the half is an integer test.
    let num = (a - b) * 2000;
    let den = b.abs();
    // q is twice the tenths, rounded down: odd when at least half a tenth
    // is left over, which rounds away from zero.
    let q = num.abs() / den;
    let decimi = q / 2 + q % 2;
    let segno = if decimi == 0 {
        ""
    } else if num < 0 {
        "-"
    } else {
        "+"
    };
    // `{segno}{units},{tenth}%`, digits written by hand (a finding asks
    // for one, and `format!` cost several times the digits).
    let mut buf = [0u8; 48];
    buf[45..].copy_from_slice(&[b',', b'0' + (decimi % 10) as u8, b'%']);
    let da = crate::amount::cifre_fino(decimi.unsigned_abs() / 10, &mut buf, 45);
    let mut s = String::with_capacity(segno.len() + buf.len() - da);
    s.push_str(segno);
    // Digits, `,` and `%` are ASCII.
    s.push_str(std::str::from_utf8(&buf[da..]).unwrap_or_default());
    Some(s)
}

/// [`percentuale`] in `Decimal` arithmetic, for any amounts.
fn percentuale_decimale(a: Decimal, b: Decimal) -> Option<String> {
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

    /// The integer path gives what `Decimal` arithmetic gives, near the
    /// midpoints (a change of exactly 0,05%) and anywhere else.
    #[test]
    fn integers_and_decimals_agree_on_percentages() {
        use proptest::prelude::*;
        let cents = prop_oneof![
            -10_000i64..10_000,
            any::<i64>(),
            (1i64..1_000_000).prop_map(|b| b * 20),
        ];
        proptest!(ProptestConfig::with_cases(50_000), |(a in cents.clone(), b in cents, scala in 0u32..3)| {
            let (x, y) = (Decimal::new(a, scala), Decimal::new(b, scala));
            prop_assume!(!y.is_zero());
            prop_assert_eq!(super::percentuale_in_centesimi(x, y), super::percentuale_decimale(x, y));
        });
        // Exact midpoints: +0,05% rounds up, -0,05% down.
        assert_eq!(percentuale(d("100.05"), d("100.00")).unwrap(), "+0,1%");
        assert_eq!(percentuale(d("99.95"), d("100.00")).unwrap(), "-0,1%");
        assert_eq!(percentuale(d("100.04"), d("100.00")).unwrap(), "0,0%");
    }
}
