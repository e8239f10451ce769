//! Texts of rule files given per language: `message = "..."` for every
//! language, or `message.it = "..."` and `message.en = "..."` (the same as
//! `message = { it = "...", en = "..." }`). The built-in `rules/default.toml`
//! gives both for every rule. Texts are resolved once, at load, to the
//! language of the run; templates are parsed in every language first, so a
//! placeholder missing from one of them is a located error whatever the run's
//! language.

use toml::de::DeValue;

use super::raw::{unknown_key, wrong_type, Val};
use super::read::Lettore;
use crate::lingua::{Lingua, Localizzato};

/// The forms of a text, one per language, each with the value it was read
/// from (for located errors). `None` after reporting a located error.
pub(super) fn forme<'d>(
    l: &mut Lettore<'_>,
    v: Val<'d>,
) -> Option<Localizzato<(&'d str, Val<'d>)>> {
    let t = match v.v.get_ref() {
        DeValue::String(s) => {
            let s: &str = s.as_ref();
            return Some(Localizzato {
                forme: [(s, v), (s, v)],
            });
        }
        DeValue::Table(t) => t,
        other => {
            l.errors.push(wrong_type(
                v.src,
                v.span(),
                "a string, or a table of languages (`it`, `en`)",
                other,
            ));
            return None;
        }
    };
    let codici: Vec<&str> = Lingua::TUTTE.iter().map(|l| l.codice()).collect();
    let mut trovate: [Option<(&'d str, Val<'d>)>; 2] = [None, None];
    let mut ok = true;
    for (k, x) in t.iter() {
        let nome: &str = k.get_ref();
        let x = Val { src: v.src, v: x };
        match Lingua::da_codice(nome) {
            Some(lingua) => {
                let i = Lingua::TUTTE.iter().position(|t| *t == lingua).unwrap_or(0);
                match l.string(x) {
                    Some(s) => trovate[i] = Some((s, x)),
                    None => ok = false,
                }
            }
            None => {
                l.errors.push(unknown_key(
                    v.src,
                    k.span(),
                    nome,
                    &codici,
                    "as a language of a text",
                ));
                ok = false;
            }
        }
    }
    if !ok {
        return None;
    }
    match trovate {
        [Some(it), Some(en)] => Some(Localizzato { forme: [it, en] }),
        [it, _] => {
            let manca = if it.is_none() { "it" } else { "en" };
            l.err(
                v.src,
                v.span(),
                format!("this text has no `{manca}` form"),
                "give every language (`.it = \"...\"` and `.en = \"...\"`), or one plain string for both",
            );
            None
        }
    }
}

/// The text in the run's language (a located error when it is malformed).
pub(super) fn testo(l: &mut Lettore<'_>, v: Val<'_>) -> Option<String> {
    forme(l, v).map(|f| f.get().0.to_string())
}

/// The placeholder names of a template that parsed (`{{` and `}}` are braces).
pub(super) fn segnaposto(s: &str) -> std::collections::BTreeSet<String> {
    let mut out = std::collections::BTreeSet::new();
    let mut rest = s;
    while let Some(i) = rest.find(['{', '}']) {
        let after = &rest[i + 1..];
        if after.starts_with(&rest[i..=i]) {
            rest = &after[1..];
            continue;
        }
        if rest[i..].starts_with('}') {
            rest = after;
            continue;
        }
        let Some(close) = after.find('}') else { break };
        out.insert(after[..close].trim().to_string());
        rest = &after[close + 1..];
    }
    out
}

/// A located error for every placeholder one language's form prints and
/// another's does not; true when they agree.
pub(super) fn stessi_segnaposto(l: &mut Lettore<'_>, forme: &Localizzato<(&str, Val<'_>)>) -> bool {
    let nomi: Vec<_> = forme.forme.iter().map(|(s, _)| segnaposto(s)).collect();
    let mut ok = true;
    for (i, lingua) in Lingua::TUTTE.iter().enumerate() {
        for (j, altra) in Lingua::TUTTE.iter().enumerate() {
            for n in nomi[j].difference(&nomi[i]) {
                let v = forme.forme[i].1;
                l.err(
                    v.src,
                    v.span(),
                    format!(
                        "the `{}` form lacks the placeholder `{{{n}}}` of the `{}` form",
                        lingua.codice(),
                        altra.codice()
                    ),
                    "every language's form prints the same values: add the placeholder, or drop it from the other form",
                );
                ok = false;
            }
        }
    }
    ok
}
