//! Conditions compiled to 64-bit integers. A condition runs on every item
//! its rule selects, and in `Decimal` arithmetic that was most of the
//! row-predicate rules' time. Every number the rules meet is a 64-bit
//! mantissa at a small scale: amounts are cents, codes are whole, a
//! parameter has the scale it is written with. So [`Compilato::da`] gives
//! every number of the condition its scale once, when the rule file is
//! loaded; evaluation then adds, multiplies and compares mantissas, with
//! the factors that align their scales computed in advance.
//!
//! It answers only where integers give exactly what `Decimal` gives. A
//! division (which `Decimal` rounds), or a product whose scale passes
//! `Decimal`'s 28, leaves a condition uncompiled. At run time an amount
//! with more than two decimals or a mantissa past 64 bits, or a result that
//! would leave 64 bits, gives [`Lento`], and the caller evaluates that
//! item in `Decimal` ([`Expr::eval`]). Inside those bounds `Decimal` is
//! exact too, so both agree: a property test compares them on random
//! conditions and items.

use std::cmp::Ordering;

use super::expr::{Campo, Expr, Op};
use super::item::Item;
use crate::ast::Colonna;
use rust_decimal::Decimal;

/// The largest scale a `Decimal` holds.
const SCALA_MAX: u32 = 28;

/// The scale of amounts: cents.
const SCALA_IMPORTI: u32 = 2;

/// The integers cannot answer this item exactly: evaluate it in `Decimal`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lento;

/// A number, or missing (`None`), as a mantissa at its node's scale.
type N = Result<Option<i64>, Lento>;
/// A truth value, or missing (`None`).
type B = Result<Option<bool>, Lento>;

/// A number-valued node; its scale is fixed when compiled.
#[derive(Debug, Clone)]
enum Num {
    Costante(i64),
    /// An amount, in cents.
    Colonna(Colonna),
    /// A code (titolo, settore...), whole.
    Codice(Campo),
    Neg(Box<Num>),
    Abs(Box<Num>),
    /// `l * fl ± r * fr`: both sides brought to the larger scale.
    Somma {
        l: Box<Num>,
        fl: i64,
        r: Box<Num>,
        fr: i64,
        meno: bool,
    },
    Prodotto(Box<Num>, Box<Num>),
}

/// A truth-valued node.
#[derive(Debug, Clone)]
enum Cond {
    Costante(bool),
    Campo(Campo),
    Not(Box<Cond>),
    And(Box<Cond>, Box<Cond>),
    Or(Box<Cond>, Box<Cond>),
    /// `l * fl op r * fr`.
    Confronto {
        op: Op,
        l: Box<Num>,
        fl: i64,
        r: Box<Num>,
        fr: i64,
    },
    /// Two conditions compared (`=`, `!=`; any other operator is false).
    Logico(Op, Box<Cond>, Box<Cond>),
}

/// A condition compiled to integers.
#[derive(Debug, Clone)]
pub struct Compilato(Cond);

impl Compilato {
    /// Compile a type-checked condition; `None` when it needs `Decimal`
    /// (a division, a constant past 64 bits, a scale past 28).
    pub fn da(e: &Expr) -> Option<Compilato> {
        cond(e).map(Compilato)
    }

    /// Whether the condition holds on `it` (a missing value never holds);
    /// [`Lento`] where the answer needs `Decimal`.
    pub fn vale(&self, it: &Item<'_>) -> Result<bool, Lento> {
        Ok(valuta(&self.0, it)? == Some(true))
    }
}

fn numero(e: &Expr) -> Option<(Num, u32)> {
    Some(match e {
        Expr::Num(d) => (Num::Costante(i64::try_from(d.mantissa()).ok()?), d.scale()),
        Expr::Campo(Campo::Colonna(c)) => (Num::Colonna(*c), SCALA_IMPORTI),
        Expr::Campo(c) if !e_logico(e) => (Num::Codice(*c), 0),
        Expr::Neg(x) => {
            let (n, s) = numero(x)?;
            (Num::Neg(Box::new(n)), s)
        }
        Expr::Abs(x) => {
            let (n, s) = numero(x)?;
            (Num::Abs(Box::new(n)), s)
        }
        Expr::Bin(op @ (Op::Add | Op::Sub), l, r) => {
            let ((l, sl), (r, sr)) = (numero(l)?, numero(r)?);
            let (fl, fr, s) = fattori(sl, sr)?;
            let (l, r) = (Box::new(l), Box::new(r));
            let meno = *op == Op::Sub;
            (Num::Somma { l, fl, r, fr, meno }, s)
        }
        Expr::Bin(Op::Mul, l, r) => {
            let ((l, sl), (r, sr)) = (numero(l)?, numero(r)?);
            let s = sl + sr;
            if s > SCALA_MAX {
                return None;
            }
            (Num::Prodotto(Box::new(l), Box::new(r)), s)
        }
        _ => return None,
    })
}

/// True for the nodes that are truth values.
fn e_logico(e: &Expr) -> bool {
    match e {
        Expr::Bool(_) | Expr::Not(_) => true,
        Expr::Campo(c) => matches!(
            c,
            Campo::Vincolato | Campo::NonRipetuto | Campo::Asterisco | Campo::AllZero
        ),
        Expr::Bin(op, ..) => !matches!(op, Op::Add | Op::Sub | Op::Mul | Op::Div),
        _ => false,
    }
}

/// The factors that bring scales `a` and `b` to the larger one.
fn fattori(a: u32, b: u32) -> Option<(i64, i64, u32)> {
    let s = a.max(b);
    Some((10i64.checked_pow(s - a)?, 10i64.checked_pow(s - b)?, s))
}

fn cond(e: &Expr) -> Option<Cond> {
    let b = |e: &Expr| cond(e).map(Box::new);
    Some(match e {
        Expr::Bool(v) => Cond::Costante(*v),
        Expr::Campo(c) if e_logico(e) => Cond::Campo(*c),
        Expr::Not(x) => Cond::Not(b(x)?),
        Expr::Bin(Op::And, l, r) => Cond::And(b(l)?, b(r)?),
        Expr::Bin(Op::Or, l, r) => Cond::Or(b(l)?, b(r)?),
        Expr::Bin(op, l, r) if e_logico(l) && e_logico(r) => Cond::Logico(*op, b(l)?, b(r)?),
        Expr::Bin(op, l, r) if e_logico(e) && !e_logico(l) && !e_logico(r) => {
            let ((l, sl), (r, sr)) = (numero(l)?, numero(r)?);
            let (fl, fr, _) = fattori(sl, sr)?;
            let (l, r) = (Box::new(l), Box::new(r));
            Cond::Confronto {
                op: *op,
                l,
                fl,
                r,
                fr,
            }
        }
        _ => return None,
    })
}

/// An amount in cents.
fn centesimi(d: Decimal) -> Result<i64, Lento> {
    let m = i64::try_from(d.mantissa()).map_err(|_| Lento)?;
    match SCALA_IMPORTI.checked_sub(d.scale()) {
        Some(0) => Ok(m),
        Some(k) => m.checked_mul(10i64.pow(k)).ok_or(Lento),
        None => Err(Lento),
    }
}

fn codice<T: Into<i64>>(v: Option<T>) -> Option<i64> {
    v.map(Into::into)
}

fn scala(m: Option<i64>, f: i64) -> N {
    match m {
        Some(m) if f == 1 => Ok(Some(m)),
        Some(m) => m.checked_mul(f).map(Some).ok_or(Lento),
        None => Ok(None),
    }
}

fn num(n: &Num, it: &Item<'_>) -> N {
    Ok(match n {
        Num::Costante(m) => Some(*m),
        Num::Colonna(c) => match it.importo(*c) {
            Some(d) => Some(centesimi(d)?),
            None => None,
        },
        Num::Codice(c) => match c {
            Campo::Titolo => codice(it.titolo),
            Campo::Gruppo => codice(it.gruppo),
            Campo::Settore => codice(it.settore),
            Campo::PdcTitolo => codice(it.pdc.map(|p| p.titolo())),
            Campo::PdcGruppo => codice(it.pdc.map(|p| p.secondo_livello())),
            Campo::Missione => codice(it.missione),
            Campo::Programma => codice(it.missione_programma.map(|mp| mp.programma)),
            Campo::Capitolo => codice(it.chiave.map(|k| k.capitolo)),
            Campo::Articolo => codice(it.chiave.map(|k| k.articolo)),
            // Not a code: `numero` never compiles it here.
            _ => return Err(Lento),
        },
        Num::Neg(x) => match num(x, it)? {
            Some(m) => Some(m.checked_neg().ok_or(Lento)?),
            None => None,
        },
        Num::Abs(x) => match num(x, it)? {
            Some(m) => Some(m.checked_abs().ok_or(Lento)?),
            None => None,
        },
        Num::Somma { l, fl, r, fr, meno } => {
            let (a, b) = (scala(num(l, it)?, *fl)?, scala(num(r, it)?, *fr)?);
            match (a, b) {
                (Some(a), Some(b)) if *meno => Some(a.checked_sub(b).ok_or(Lento)?),
                (Some(a), Some(b)) => Some(a.checked_add(b).ok_or(Lento)?),
                _ => None,
            }
        }
        Num::Prodotto(l, r) => match (num(l, it)?, num(r, it)?) {
            (Some(a), Some(b)) => Some(a.checked_mul(b).ok_or(Lento)?),
            _ => None,
        },
    })
}

/// The same three-valued logic as [`Expr::eval`].
fn valuta(c: &Cond, it: &Item<'_>) -> B {
    Ok(match c {
        Cond::Costante(b) => Some(*b),
        Cond::Campo(c) => Some(match c {
            Campo::Vincolato => it.vincolato,
            Campo::NonRipetuto => it.non_ripetuto,
            Campo::Asterisco => it.asterisco,
            Campo::AllZero => it
                .importi
                .columns()
                .iter()
                .all(|c| it.importi.get(*c).is_none_or(|v| v.is_zero())),
            // Not a flag: `cond` never compiles it here.
            _ => return Err(Lento),
        }),
        Cond::Not(x) => valuta(x, it)?.map(|b| !b),
        Cond::And(l, r) => match valuta(l, it)? {
            Some(false) => Some(false),
            a => match (a, valuta(r, it)?) {
                (_, Some(false)) => Some(false),
                (Some(true), Some(true)) => Some(true),
                _ => None,
            },
        },
        Cond::Or(l, r) => match valuta(l, it)? {
            Some(true) => Some(true),
            a => match (a, valuta(r, it)?) {
                (_, Some(true)) => Some(true),
                (Some(false), Some(false)) => Some(false),
                _ => None,
            },
        },
        Cond::Confronto { op, l, fl, r, fr } => {
            match (scala(num(l, it)?, *fl)?, scala(num(r, it)?, *fr)?) {
                (Some(a), Some(b)) => Some(confronta(*op, a.cmp(&b))),
                _ => None,
            }
        }
        Cond::Logico(op, l, r) => match (valuta(l, it)?, valuta(r, it)?) {
            (Some(x), Some(y)) => Some(match op {
                Op::Eq => x == y,
                Op::Ne => x != y,
                _ => false,
            }),
            _ => None,
        },
    })
}

fn confronta(op: Op, o: Ordering) -> bool {
    match op {
        Op::Eq => o == Ordering::Equal,
        Op::Ne => o != Ordering::Equal,
        Op::Lt => o == Ordering::Less,
        Op::Le => o != Ordering::Greater,
        Op::Gt => o == Ordering::Greater,
        Op::Ge => o != Ordering::Less,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ast::{Colonna, Importi, ImportiCapitale, ImportiCorrenti, SezioneId};
    use crate::lang::expr::Valore;
    use crate::lang::item::{base, Genere};
    use proptest::prelude::*;

    /// Numbers of every kind the engine meets: cents, codes, parameters
    /// with other scales, and mantissas near and past 64 bits.
    fn decimale() -> impl Strategy<Value = Decimal> {
        prop_oneof![
            (-1_000_000i64..1_000_000).prop_map(|m| Decimal::new(m, 2)),
            (any::<i64>(), 0u32..5).prop_map(|(m, s)| Decimal::new(m, s)),
            (-100i64..100, 0u32..5).prop_map(|(m, s)| Decimal::new(m, s)),
            (any::<i128>(), 0u32..29).prop_map(|(m, s)| {
                Decimal::try_from_i128_with_scale(m % (1i128 << 96), s).unwrap()
            }),
            Just(Decimal::new(i64::MIN, 2)),
            Just(-Decimal::ZERO),
        ]
    }

    fn numerico() -> impl Strategy<Value = Expr> {
        let foglia = prop_oneof![
            decimale().prop_map(Expr::Num),
            prop::sample::select(vec![
                Campo::Colonna(Colonna::Previsione),
                Campo::Colonna(Colonna::PrevisionePrecedente),
                Campo::Colonna(Colonna::RendicontoPrecedente),
                Campo::Colonna(Colonna::CronoAnniPrecedenti),
                Campo::Titolo,
                Campo::PdcTitolo,
                Campo::Capitolo,
            ])
            .prop_map(Expr::Campo),
        ];
        foglia.prop_recursive(4, 16, 2, |inner| {
            prop_oneof![
                inner.clone().prop_map(|e| Expr::Neg(Box::new(e))),
                inner.clone().prop_map(|e| Expr::Abs(Box::new(e))),
                (
                    prop::sample::select(vec![Op::Add, Op::Sub, Op::Mul, Op::Div]),
                    inner.clone(),
                    inner
                )
                    .prop_map(|(op, l, r)| Expr::Bin(op, Box::new(l), Box::new(r))),
            ]
        })
    }

    fn condizione() -> impl Strategy<Value = Expr> {
        let confronto = (
            prop::sample::select(vec![Op::Eq, Op::Ne, Op::Lt, Op::Le, Op::Gt, Op::Ge]),
            numerico(),
            numerico(),
        )
            .prop_map(|(op, l, r)| Expr::Bin(op, Box::new(l), Box::new(r)));
        let foglia = prop_oneof![
            confronto,
            any::<bool>().prop_map(Expr::Bool),
            prop::sample::select(vec![Campo::Vincolato, Campo::AllZero]).prop_map(Expr::Campo),
        ];
        foglia.prop_recursive(3, 12, 2, |inner| {
            prop_oneof![
                inner.clone().prop_map(|e| Expr::Not(Box::new(e))),
                (
                    prop::sample::select(vec![Op::And, Op::Or, Op::Eq, Op::Ne]),
                    inner.clone(),
                    inner
                )
                    .prop_map(|(op, l, r)| Expr::Bin(op, Box::new(l), Box::new(r))),
            ]
        })
    }

    /// Wherever the integers answer, they answer what `Decimal` does; and
    /// they answer on the conditions and amounts of real rules.
    #[test]
    fn integers_agree_with_decimals() {
        let importi = (
            any::<bool>(),
            prop::collection::vec(decimale(), 6),
            prop::option::of(0u8..10),
            any::<bool>(),
        );
        let (risposte, casi) = (std::cell::Cell::new(0u32), std::cell::Cell::new(0u32));
        proptest!(ProptestConfig::with_cases(20_000), |(e in condizione(), (capitale, v, titolo, vinc) in importi)| {
            let importi = if capitale {
                Importi::Capitale(ImportiCapitale {
                    previsione_precedente: v[0], previsione: v[1], crono_anni_precedenti: v[2],
                    altri_nuovi_stanziamenti: v[3], programma_triennale_lp: v[4], rendiconto_precedente: v[5],
                })
            } else {
                Importi::Correnti(ImportiCorrenti {
                    previsione: v[0], previsione_precedente: v[1], rendiconto_precedente: v[2],
                })
            };
            let mut it = base(Genere::Riga, SezioneId::EntrateCorrenti, crate::span::Span::default(), &importi, "");
            it.titolo = titolo;
            it.vincolato = vinc;
            casi.set(casi.get() + 1);
            if let Some(Ok(b)) = Compilato::da(&e).map(|c| c.vale(&it)) {
                risposte.set(risposte.get() + 1);
                prop_assert_eq!(b, e.eval(&it) == Valore::Bool(true), "{:?}", e);
            }
        });
        let (risposte, casi) = (risposte.get(), casi.get());
        assert!(
            risposte * 2 > casi,
            "the integers answered {risposte} of {casi}"
        );
        // The default rules' conditions on amounts in cents: always answered.
        let p = |n: &str| match n {
            "absolute" => Some(Decimal::new(100_000, 0)),
            "percent" => Some(Decimal::new(50, 0)),
            "minimum" => Some(Decimal::new(5, 1)),
            _ => None,
        };
        let importi = Importi::Correnti(ImportiCorrenti {
            previsione: Decimal::new(390_018_000, 2),
            previsione_precedente: Decimal::new(120_000_000, 2),
            rendiconto_precedente: Decimal::new(1, 2),
        });
        let it = base(
            Genere::Riga,
            SezioneId::EntrateCorrenti,
            crate::span::Span::default(),
            &importi,
            "",
        );
        for (c, atteso) in [
            ("abs(previsione - previsione_precedente) >= absolute and abs(previsione - previsione_precedente) * 100 >= percent * previsione_precedente", true),
            ("previsione_precedente >= minimum and rendiconto_precedente * 100 < percent * previsione_precedente", true),
            ("previsione != 0", true),
            ("pdc_titolo > 3", false),
            ("all_zero", false),
        ] {
            let e = crate::lang::expr::parse_condition(c, &p).unwrap();
            let compilato = Compilato::da(&e).expect("compiled");
            assert_eq!(compilato.vale(&it), Ok(atteso), "{c}");
        }
    }
}
