//! Message templates of TOML rules: text with `{name}` placeholders
//! (`"{key} {descrizione}: previsione {previsione}"`); `{{` and `}}` print a
//! brace. Names are checked when the rule file is loaded.

use std::fmt::Write;

use rust_decimal::Decimal;

use crate::amount::italiano;
use crate::lang::expr::{Campo, CAMPI};
use crate::lang::item::Item;

/// A value a template can print.
#[derive(Debug, Clone, PartialEq)]
pub enum Voce {
    /// A field of the item (amounts print the Italian way).
    Campo(Campo),
    /// The PEG key.
    Chiave,
    /// Description or label.
    Descrizione,
    /// Section code.
    Sezione,
    /// Missione-programma.
    MissioneProgramma,
    /// PDC code.
    Pdc,
    /// A rule parameter, by value.
    Parametro(Decimal),
    /// Aggregate comparisons: the group, the column and both sides.
    Aggregato(VoceAggregato),
}

/// Values only aggregate comparisons have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VoceAggregato {
    /// The group value (`12 04`, `2`...).
    Gruppo,
    /// The column name.
    Colonna,
    /// The left sum.
    Sinistra,
    /// The right sum.
    Destra,
    /// Left minus right.
    Differenza,
    /// The operator.
    Operatore,
}

/// Names of aggregate values.
pub const VOCI_AGGREGATO: &[(&str, VoceAggregato)] = &[
    ("group", VoceAggregato::Gruppo),
    ("column", VoceAggregato::Colonna),
    ("left", VoceAggregato::Sinistra),
    ("right", VoceAggregato::Destra),
    ("difference", VoceAggregato::Differenza),
    ("op", VoceAggregato::Operatore),
];

/// Item names a template can print besides the expression fields.
const VOCI_ITEM: &[(&str, Voce)] = &[
    ("key", Voce::Chiave),
    ("descrizione", Voce::Descrizione),
    ("section", Voce::Sezione),
    ("missione_programma", Voce::MissioneProgramma),
    ("pdc", Voce::Pdc),
];

/// A parsed template.
#[derive(Debug, Clone, PartialEq)]
pub struct Template(Vec<Pezzo>);

#[derive(Debug, Clone, PartialEq)]
enum Pezzo {
    Testo(String),
    Voce(Voce),
}

/// Error in a template: byte offsets into it, message, help.
pub type TemplateError = (usize, usize, String, String);

impl Template {
    /// Parse `src`. `item` allows item values, `aggregato` the aggregate ones;
    /// `params` resolves parameter names.
    pub fn parse(
        src: &str,
        item: bool,
        aggregato: bool,
        params: &dyn Fn(&str) -> Option<Decimal>,
    ) -> Result<Template, TemplateError> {
        let mut out = Vec::new();
        let mut lit = String::new();
        let mut chars = src.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            match c {
                '{' if chars.peek().map(|p| p.1) == Some('{') => {
                    chars.next();
                    lit.push('{');
                }
                '}' if chars.peek().map(|p| p.1) == Some('}') => {
                    chars.next();
                    lit.push('}');
                }
                '{' => {
                    let rest = &src[i + 1..];
                    let Some(close) = rest.find('}') else {
                        return Err((
                            i,
                            src.len(),
                            crate::tr!("tpl-unclosed"),
                            crate::tr!("tpl-unclosed-help"),
                        ));
                    };
                    let name = rest[..close].trim();
                    let (s, e) = (i, i + close + 2);
                    let voce = resolve(name, item, aggregato, params).ok_or_else(|| {
                        (
                            s,
                            e,
                            crate::tr!("tpl-unknown", name = name),
                            forse(name, item, aggregato),
                        )
                    })?;
                    if let Voce::Parametro(d) = voce {
                        // A parameter's value is known at load: written into
                        // the text once, not at every finding.
                        lit.push_str(&parametro(d));
                    } else {
                        if !lit.is_empty() {
                            out.push(Pezzo::Testo(std::mem::take(&mut lit)));
                        }
                        out.push(Pezzo::Voce(voce));
                    }
                    // Skip to just past the `}` (byte offsets: the name may
                    // hold multi-byte characters).
                    while chars.peek().is_some_and(|&(j, _)| j <= i + close + 1) {
                        chars.next();
                    }
                }
                '}' => {
                    return Err((
                        i,
                        i + 1,
                        crate::tr!("tpl-stray-close"),
                        crate::tr!("tpl-stray-close-help"),
                    ))
                }
                c => lit.push(c),
            }
        }
        if !lit.is_empty() {
            out.push(Pezzo::Testo(lit));
        }
        Ok(Template(out))
    }

    /// Render for an item (and the aggregate values, when there are some).
    pub fn render(&self, it: Option<&Item<'_>>, agg: Option<&ValoriAggregato>) -> String {
        if let [Pezzo::Testo(t)] = self.0.as_slice() {
            return t.clone();
        }
        let mut s = String::with_capacity(128);
        for p in &self.0 {
            match p {
                Pezzo::Testo(t) => s.push_str(t),
                Pezzo::Voce(v) => render_voce(&mut s, v, it, agg),
            }
        }
        s
    }
}

/// The values of one aggregate comparison, for its message.
#[derive(Debug, Clone)]
pub struct ValoriAggregato {
    /// Group value, printed.
    pub gruppo: String,
    /// Column, as printed in the report's header (`PREVISIONE 2022`).
    pub colonna: String,
    /// Left sum.
    pub sinistra: Decimal,
    /// Right sum.
    pub destra: Decimal,
    /// Operator as written.
    pub operatore: &'static str,
}

fn resolve(
    name: &str,
    item: bool,
    aggregato: bool,
    params: &dyn Fn(&str) -> Option<Decimal>,
) -> Option<Voce> {
    if aggregato {
        if let Some((_, v)) = VOCI_AGGREGATO.iter().find(|(n, _)| *n == name) {
            return Some(Voce::Aggregato(*v));
        }
    }
    if item {
        if let Some((_, v)) = VOCI_ITEM.iter().find(|(n, _)| *n == name) {
            return Some(v.clone());
        }
        if let Some((_, c)) = CAMPI.iter().find(|(n, _)| *n == name) {
            return Some(Voce::Campo(*c));
        }
    }
    params(name).map(Voce::Parametro)
}

/// The help for an unknown placeholder: the closest known name first
/// ("did you mean `{descrizione}`?"), then every name the template can use.
fn forse(name: &str, item: bool, aggregato: bool) -> String {
    let mut noti: Vec<&str> = Vec::new();
    if aggregato {
        noti.extend(VOCI_AGGREGATO.iter().map(|(n, _)| *n));
    }
    if item {
        noti.extend(VOCI_ITEM.iter().map(|(n, _)| *n));
        noti.extend(CAMPI.iter().map(|(n, _)| *n));
    }
    let tutti = crate::tr!("tpl-can-use", names = names(item, aggregato));
    match crate::simili::piu_simile(name, noti) {
        Some(s) => crate::tr!("cfg15-tpl-did-you-mean", name = s, rest = tutti),
        None => tutti,
    }
}

fn names(item: bool, aggregato: bool) -> String {
    let mut v: Vec<&str> = Vec::new();
    if aggregato {
        v.extend(VOCI_AGGREGATO.iter().map(|(n, _)| *n));
    }
    if item {
        v.extend(VOCI_ITEM.iter().map(|(n, _)| *n));
        v.extend(CAMPI.iter().map(|(n, _)| *n));
    }
    let parametri = crate::tr!("tpl-params");
    v.push(&parametri);
    v.join(", ")
}

/// A parameter as people read it: `1.000.000` for whole amounts, `0,01`
/// otherwise.
fn parametro(d: Decimal) -> String {
    let d = d.normalize();
    if d.fract().is_zero() {
        let s = italiano(d);
        s.trim_end_matches(",00").to_string()
    } else {
        d.to_string().replace('.', ",")
    }
}

fn render_voce(s: &mut String, v: &Voce, it: Option<&Item<'_>>, agg: Option<&ValoriAggregato>) {
    use crate::lang::expr::{Expr, Valore};
    match (v, it, agg) {
        (Voce::Parametro(d), ..) => s.push_str(&parametro(*d)),
        (Voce::Aggregato(a), _, Some(g)) => match a {
            VoceAggregato::Gruppo => s.push_str(&g.gruppo),
            VoceAggregato::Colonna => s.push_str(&g.colonna),
            VoceAggregato::Sinistra => s.push_str(&italiano(g.sinistra)),
            VoceAggregato::Destra => s.push_str(&italiano(g.destra)),
            VoceAggregato::Differenza => match g.sinistra.checked_sub(g.destra) {
                Some(d) => s.push_str(&italiano(d)),
                None => s.push('-'),
            },
            VoceAggregato::Operatore => s.push_str(g.operatore),
        },
        (Voce::Campo(c), Some(it), _) => match Expr::Campo(*c).eval(it) {
            Valore::Num(n) if matches!(c, Campo::Colonna(_)) => s.push_str(&italiano(n)),
            // Two-digit codes print as the report prints them (`05`).
            Valore::Num(n)
                if matches!(
                    c,
                    Campo::Gruppo | Campo::PdcGruppo | Campo::Missione | Campo::Programma
                ) =>
            {
                let _ = write!(s, "{n:0>2}");
            }
            Valore::Num(n) => {
                let _ = write!(s, "{n}");
            }
            Valore::Bool(b) => s.push_str(&if b {
                crate::tr!("tpl-yes")
            } else {
                crate::tr!("tpl-no")
            }),
            Valore::Mancante => s.push('-'),
        },
        (Voce::Chiave, Some(it), _) => match it.chiave {
            Some(k) => {
                let _ = write!(s, "{k}");
            }
            None => s.push('-'),
        },
        (Voce::Descrizione, Some(it), _) => s.push_str(it.testo),
        (Voce::Sezione, Some(it), _) => s.push_str(it.sezione.code()),
        (Voce::MissioneProgramma, Some(it), _) => match it.missione_programma {
            Some(mp) => {
                let _ = write!(s, "{mp}");
            }
            None => s.push('-'),
        },
        (Voce::Pdc, Some(it), _) => match it.pdc {
            Some(p) => {
                let _ = write!(s, "{p}");
            }
            None => s.push('-'),
        },
        _ => s.push('-'),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn none(_: &str) -> Option<Decimal> {
        None
    }

    #[test]
    fn rejects_unknown_and_unclosed_placeholders() {
        let e = Template::parse("row {kee} here", true, false, &none).unwrap_err();
        assert_eq!((e.0, e.1), (4, 9));
        assert_eq!(e.2, "unknown placeholder `{kee}`");
        let e = Template::parse("x {key", true, false, &none).unwrap_err();
        assert_eq!(e.0, 2);
        assert!(Template::parse("{left}", true, false, &none).is_err());
        assert!(Template::parse("{left} {{ok}}", false, true, &none).is_ok());
        // A placeholder name padded with a multi-byte blank: nothing after it is lost.
        let t = Template::parse("{\u{3000}left}ABC", false, true, &none).unwrap();
        assert_eq!(t.0.len(), 2);
        assert_eq!(t.0[1], Pezzo::Testo("ABC".into()));
    }

    /// Parameters are written into the text at load, as they render.
    #[test]
    fn parameters_are_part_of_the_text() {
        let p = |n: &str| match n {
            "percent" => Some(Decimal::new(50, 0)),
            "absolute" => Some(Decimal::new(100000000, 2)),
            "quota" => Some(Decimal::new(125, 1)),
            _ => None,
        };
        let t = Template::parse(
            "at least {percent}% and {absolute}, {quota}",
            true,
            false,
            &p,
        )
        .unwrap();
        assert_eq!(
            t.0,
            [Pezzo::Testo("at least 50% and 1.000.000, 12,5".into())]
        );
        assert_eq!(t.render(None, None), "at least 50% and 1.000.000, 12,5");
        let t = Template::parse("{key}: {percent}%", true, false, &p).unwrap();
        assert_eq!(t.0[1], Pezzo::Testo(": 50%".into()));
    }
}
