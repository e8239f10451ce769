//! Catalogue messages made only of text, quoted literals and variables,
//! laid out once per language. Most messages are such (`{ $column }: the
//! figure it is compared with`), and a finding asks for several: Fluent's
//! resolver (a scope, an error list, a value per placeable) cost about
//! 1,500 instructions a message, the copy of the pieces a tenth of that.
//! Messages with anything else (a selector, a function, a reference, an
//! escape) and calls whose arguments are not all text are left to Fluent; a
//! test holds both to the same text for every message of both catalogues.

use fluent_bundle::{FluentArgs, FluentValue};
use fluent_syntax::ast::{Expression, InlineExpression, Pattern, PatternElement};

/// Fluent stops resolving past this many placeables in one message; such a
/// message is left to Fluent, which says so.
const MAX_PLACEABLES: usize = 100;

/// A piece of a message: text as written, or a variable's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Pezzo<'c> {
    Testo(&'c str),
    Variabile(&'c str),
}

/// The pieces of `p`, if it holds only text and variables.
pub(super) fn pezzi<'c>(p: &'c Pattern<&'c str>) -> Option<Box<[Pezzo<'c>]>> {
    if p.elements.len() > MAX_PLACEABLES {
        return None;
    }
    p.elements
        .iter()
        .map(|e| match e {
            PatternElement::TextElement { value } => Some(Pezzo::Testo(value)),
            PatternElement::Placeable {
                expression: Expression::Inline(InlineExpression::VariableReference { id }),
            } => Some(Pezzo::Variabile(id.name)),
            // A quoted literal (`{" "}`, a blank Fluent would trim) is its
            // text, unless it has an escape to decode.
            PatternElement::Placeable {
                expression: Expression::Inline(InlineExpression::StringLiteral { value }),
            } if !value.contains('\\') => Some(Pezzo::Testo(value)),
            _ => None,
        })
        .collect()
}

/// The message with `args`, as Fluent writes it (no isolation marks, no
/// transform: the bundles set none), when every variable it names is given
/// as text; `None` otherwise.
pub(super) fn scrivi<'a>(pezzi: &[Pezzo<'a>], args: Option<&'a FluentArgs<'a>>) -> Option<String> {
    let testo = |p: &Pezzo<'a>| -> Option<&'a str> {
        match *p {
            Pezzo::Testo(t) => Some(t),
            Pezzo::Variabile(v) => match args?.get(v)? {
                FluentValue::String(x) => Some(x),
                _ => None,
            },
        }
    };
    // Measured first, so that the text is written into one allocation.
    let lunghezza = pezzi
        .iter()
        .map(|p| testo(p).map(str::len))
        .sum::<Option<usize>>()?;
    let mut s = String::with_capacity(lunghezza);
    for p in pezzi {
        s.push_str(testo(p)?);
    }
    Some(s)
}
