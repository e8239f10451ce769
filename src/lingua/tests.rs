//! The catalogue is complete: the same messages in both languages, with the
//! same placeholders, no syntax error, and every id the code asks for.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

use super::*;

type Chiavi = BTreeMap<String, BTreeSet<String>>;

fn variabili_inline(e: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match e {
        InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        InlineExpression::Placeable { expression } => variabili_expr(expression, out),
        InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                variabili_inline(a, out);
            }
            for a in &arguments.named {
                variabili_inline(&a.value, out);
            }
        }
        _ => {}
    }
}

fn variabili_expr(e: &Expression<&str>, out: &mut BTreeSet<String>) {
    match e {
        Expression::Inline(i) => variabili_inline(i, out),
        Expression::Select { selector, variants } => {
            variabili_inline(selector, out);
            for v in variants {
                variabili(&v.value, out);
            }
        }
    }
}

fn variabili(p: &Pattern<&str>, out: &mut BTreeSet<String>) {
    for el in &p.elements {
        if let PatternElement::Placeable { expression } = el {
            variabili_expr(expression, out);
        }
    }
}

/// Every message and attribute id of a catalogue with its placeholders.
fn chiavi(l: Lingua) -> Chiavi {
    let res = match fluent_syntax::parser::parse(l.catalogo()) {
        Ok(r) => r,
        Err((_, errs)) => panic!("{}: syntax errors {errs:?}", l.codice()),
    };
    let mut out = Chiavi::new();
    for e in &res.body {
        let Entry::Message(m) = e else { continue };
        let id = m.id.name.to_string();
        if let Some(v) = &m.value {
            let mut s = BTreeSet::new();
            variabili(v, &mut s);
            assert!(out.insert(id.clone(), s).is_none(), "{id} twice");
        }
        for a in &m.attributes {
            let mut s = BTreeSet::new();
            variabili(&a.value, &mut s);
            out.insert(format!("{id}.{}", a.id.name), s);
        }
    }
    out
}

#[test]
fn every_message_in_both_languages_with_the_same_placeholders() {
    let it = chiavi(Lingua::It);
    let en = chiavi(Lingua::En);
    let solo_it: Vec<_> = it.keys().filter(|k| !en.contains_key(*k)).collect();
    let solo_en: Vec<_> = en.keys().filter(|k| !it.contains_key(*k)).collect();
    assert!(solo_it.is_empty(), "only in Italian: {solo_it:?}");
    assert!(solo_en.is_empty(), "only in English: {solo_en:?}");
    for (k, v) in &it {
        assert_eq!(v, &en[k], "placeholders of {k}");
    }
    assert!(it.len() > 100, "{} messages", it.len());
}

/// Every id given to `tr!` and `msg!` in the sources names a message of the catalogue.
#[test]
fn every_id_the_code_asks_for_exists() {
    let it = chiavi(Lingua::It);
    let mut usati = BTreeSet::new();
    let mut stack = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("src")];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("src is readable").flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                let t = std::fs::read_to_string(&p).expect("a source file");
                // Ids given as arguments are plain literals with a prefix of their own.
                for (pat, salta) in [
                    ("tr!(\"", 5),
                    ("msg!(\"", 6),
                    ("\"parse-", 1),
                    ("\"agg-why-", 1),
                    ("\"total-detail-", 1),
                    ("\"cfg-", 1),
                ] {
                    for (i, _) in t.match_indices(pat) {
                        // `tr!` alone, not the end of `include_str!`.
                        let prima = t[..i].chars().next_back().unwrap_or(' ');
                        if prima.is_alphanumeric() || prima == '_' {
                            continue;
                        }
                        let rest = &t[i + salta..];
                        let id = &rest[..rest.find('"').unwrap_or(0)];
                        let id_vero = id.bytes().all(|b| {
                            b.is_ascii_lowercase() || b.is_ascii_digit() || b"-.".contains(&b)
                        });
                        if id_vero && !id.ends_with('-') {
                            usati.insert(id.to_string());
                        }
                    }
                }
            }
        }
    }
    let mancanti: Vec<_> = usati.iter().filter(|u| !it.contains_key(*u)).collect();
    assert!(mancanti.is_empty(), "not in the catalogue: {mancanti:?}");
    assert!(usati.len() > 50, "{} ids used", usati.len());
}

/// Every parse code has its description (`code-...`, in SARIF) in both languages.
#[test]
fn every_parse_code_is_described() {
    for l in Lingua::TUTTE {
        let k = chiavi(l);
        for c in crate::diagnostic::ParseCode::ALL {
            let id = format!("code-{}", c.as_str().trim_start_matches("parse::"));
            assert!(k.contains_key(&id), "{}: {id}", l.codice());
        }
    }
    // English: the same sentence as ParseCode::description.
    for c in crate::diagnostic::ParseCode::ALL {
        let id = format!("code-{}", c.as_str().trim_start_matches("parse::"));
        assert_eq!(testo_in(Lingua::En, &id, None), c.description());
    }
}

#[test]
fn plurals_and_arguments() {
    let mut a = FluentArgs::new();
    a.set("errors", 1);
    a.set("warnings", 2);
    a.set("infos", 0);
    assert_eq!(
        testo_in(Lingua::It, "check-summary-counts", Some(&a)),
        "1 errore, 2 avvertenze, 0 segnalazioni"
    );
    assert_eq!(
        testo_in(Lingua::En, "check-summary-counts", Some(&a)),
        "1 error, 2 warnings, 0 infos"
    );
    assert_eq!(
        testo_in(Lingua::It, "no-such-message", None),
        "no-such-message"
    );
}

#[test]
fn a_message_has_one_identity_in_every_language() {
    let t = crate::msg!("dup-key-message", key = "3763 20 2", section = "1.B");
    assert_eq!(t.identita, "dup-key-message|key=3763 20 2|section=1.B");
    let mut a = FluentArgs::new();
    a.set("key", "3763 20 2");
    a.set("section", "1.B");
    assert_ne!(
        testo_in(Lingua::It, "dup-key-message", Some(&a)),
        testo_in(Lingua::En, "dup-key-message", Some(&a))
    );
}

/// The laid-out messages write what Fluent writes, for every message and
/// attribute of both catalogues: with every variable given as text, as a
/// number (left to Fluent), and with none given.
#[test]
fn simple_messages_are_written_as_fluent_writes_them() {
    for l in Lingua::TUTTE {
        let mut veloci = 0;
        let chiavi = chiavi(l);
        for (id, vars) in &chiavi {
            let mut testi = FluentArgs::new();
            let mut numeri = FluentArgs::new();
            for (i, v) in vars.iter().enumerate() {
                testi.set(v.clone(), format!("«{v} é {i}»"));
                numeri.set(v.clone(), i + 1);
            }
            for args in [Some(&testi), Some(&numeri), None] {
                assert_eq!(
                    testo_in(l, id, args),
                    testo_fluent(l, id, args),
                    "{} {id}",
                    l.codice()
                );
            }
            if semplici_di(l)
                .get(id.as_str())
                .and_then(|p| semplici::scrivi(p, Some(&testi)))
                .is_some()
            {
                veloci += 1;
            }
        }
        // Most messages are text and variables: the test goes through the
        // laid-out path, not only through Fluent.
        assert!(veloci * 2 > chiavi.len(), "{} {veloci}", l.codice());
        assert_eq!(semplici_di(l).len(), veloci, "{}", l.codice());
    }
}
