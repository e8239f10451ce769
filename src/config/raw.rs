//! Phase 1: read each rule file into a spanned TOML tree, check its top level,
//! and merge the rule entries of all files.

use std::collections::BTreeMap;
use std::ops::Range;

use toml::de::{DeTable, DeValue};
use toml::Spanned;

use super::{simili, ConfigError};

/// One parsed rule file.
pub(super) struct Doc<'a> {
    src: usize,
    table: Spanned<DeTable<'a>>,
}

/// A value and the file it comes from.
#[derive(Clone, Copy)]
pub(crate) struct Val<'d> {
    /// File index.
    pub src: usize,
    /// The value with its span.
    pub v: &'d Spanned<DeValue<'d>>,
}

impl Val<'_> {
    /// The value's span.
    pub fn span(&self) -> Range<usize> {
        self.v.span()
    }
}

/// A key and its value.
#[derive(Clone)]
pub(super) struct Chiave<'d> {
    /// Span of the key.
    pub key_span: Range<usize>,
    /// The value.
    pub val: Val<'d>,
}

/// A rule entry merged across files.
pub(super) struct Voce<'d> {
    /// The rule id.
    pub id: String,
    /// File and span of the id in the file that defined the rule.
    pub src: usize,
    /// Span of the id there.
    pub id_span: Range<usize>,
    /// Keys other than `params` and `scope`.
    pub keys: BTreeMap<String, Chiave<'d>>,
    /// Parameters given in the defining file (their set is fixed there).
    pub declared_params: Vec<String>,
    /// Parameters, merged.
    pub params: BTreeMap<String, Chiave<'d>>,
    /// Scope criteria, merged.
    pub scope: BTreeMap<String, Chiave<'d>>,
}

/// The error every place uses for a value of the wrong TOML type.
pub(crate) fn wrong_type(
    src: usize,
    span: Range<usize>,
    what: &str,
    got: &DeValue<'_>,
) -> ConfigError {
    let what = tipo(what);
    ConfigError {
        sorgente: src,
        span,
        message: crate::tr!("cfg-expected", what = &what, found = got.type_str()),
        help: crate::tr!("cfg-write-here", what = &what),
    }
}

/// A type the code names in English (`a string`), in the reader's language;
/// a phrase the catalogue does not hold (`[[group]]` tables) stays as it is.
fn tipo(what: &str) -> String {
    let id = match what {
        "a number" => "cfg-type-number",
        "a string" => "cfg-type-string",
        "a table of rules" => "cfg-type-rules",
        "a table" => "cfg-type-table",
        "an integer" => "cfg-type-integer",
        "true or false" => "cfg-type-boolean",
        "a string, or a table of languages (`it`, `en`)" => "cfg-type-text",
        "a table (`[rules.<id>]`)" => "cfg-type-rule-table",
        _ => return what.to_string(),
    };
    crate::lingua::testo(id, None)
}

/// A place the code names in English (`at the top of a rule file`), in the
/// reader's language when the catalogue holds it.
fn luogo(place: &str) -> String {
    match place {
        "at the top of a rule file" => crate::tr!("cfg-place-top"),
        "at the top of a baseline" => crate::tr!("cfg-place-top-of", what = "baseline"),
        "at the top of a link file" => crate::tr!("cfg-place-top-of", what = "link-file"),
        _ => place.to_string(),
    }
}

/// Parse one file; a syntax error is reported at its span.
pub(super) fn parse<'a>(
    src: usize,
    text: &'a str,
    errors: &mut Vec<ConfigError>,
) -> Option<Doc<'a>> {
    match DeTable::parse(text) {
        Ok(table) => Some(Doc { src, table }),
        Err(e) => {
            let span = e.span().unwrap_or(0..0);
            errors.push(ConfigError {
                sorgente: src,
                span,
                message: crate::tr!("cfg-invalid-toml", error = e.message().trim()),
                help: crate::tr!("cfg-rule-file-help"),
            });
            None
        }
    }
}

const TOP_KEYS: &[&str] = &["version", "lang", "rules"];

/// True for a kebab-case id: lowercase words of letters and digits joined by `-`.
pub(super) fn is_kebab(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|w| {
            !w.is_empty()
                && w.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
        && id.as_bytes()[0].is_ascii_lowercase()
}

/// Merge the rule entries of all files, in order.
pub(super) fn merge<'d>(docs: &'d [Doc<'d>], errors: &mut Vec<ConfigError>) -> Vec<Voce<'d>> {
    let mut voci: Vec<Voce<'d>> = Vec::new();
    for doc in docs {
        let src = doc.src;
        let top = doc.table.get_ref();
        let mut entries: Vec<_> = top.iter().collect();
        entries.sort_by_key(|(k, _)| k.span().start);
        for (k, v) in entries {
            let key: &str = k.get_ref();
            match key {
                "version" => match v.get_ref() {
                    DeValue::Integer(i) if i.as_str() == "1" && i.radix() == 10 => {}
                    DeValue::Integer(_) => errors.push(ConfigError {
                        sorgente: src,
                        span: v.span(),
                        message: crate::tr!("cfg-unsupported-version"),
                        help: crate::tr!("cfg-version-help"),
                    }),
                    other => errors.push(wrong_type(src, v.span(), "an integer", other)),
                },
                // The language of the run (read before the rules: `lingua::scegli`).
                "lang" => match v.get_ref() {
                    DeValue::String(l) if crate::lingua::Lingua::da_codice(l).is_some() => {}
                    DeValue::String(_) => errors.push(ConfigError {
                        sorgente: src,
                        span: v.span(),
                        message: "unknown language".into(),
                        help: "quadra speaks `lang = \"it\"` and `lang = \"en\"`".into(),
                    }),
                    other => errors.push(wrong_type(src, v.span(), "a string", other)),
                },
                "rules" => match v.get_ref() {
                    DeValue::Table(t) => merge_rules(src, t, &mut voci, errors),
                    other => errors.push(wrong_type(src, v.span(), "a table of rules", other)),
                },
                _ => errors.push(unknown_key(
                    src,
                    k.span(),
                    key,
                    TOP_KEYS,
                    "at the top of a rule file",
                )),
            }
        }
    }
    voci
}

/// The error for a key that is not allowed where it is.
pub(crate) fn unknown_key(
    src: usize,
    span: Range<usize>,
    key: &str,
    allowed: &[&str],
    place: &str,
) -> ConfigError {
    let sim = simili(key, allowed.iter().copied());
    let (place, keys) = (luogo(place), allowed.join(", "));
    let help = match sim.first() {
        None => crate::tr!("cfg-allowed", place = place, keys = keys),
        Some(s) => crate::tr!(
            "cfg-did-you-mean-allowed",
            similar = *s,
            place = place,
            keys = keys
        ),
    };
    ConfigError {
        sorgente: src,
        span,
        message: crate::tr!("cfg-unknown-key", key = key),
        help,
    }
}

fn merge_rules<'d>(
    src: usize,
    rules: &'d DeTable<'d>,
    voci: &mut Vec<Voce<'d>>,
    errors: &mut Vec<ConfigError>,
) {
    let mut entries: Vec<_> = rules.iter().collect();
    entries.sort_by_key(|(k, _)| k.span().start);
    for (k, v) in entries {
        let id: &str = k.get_ref();
        if !is_kebab(id) {
            errors.push(ConfigError {
                sorgente: src,
                span: k.span(),
                message: crate::tr!("cfg-invalid-rule-id", id = id),
                help: crate::tr!("cfg-rule-id-help"),
            });
            continue;
        }
        let DeValue::Table(t) = v.get_ref() else {
            errors.push(wrong_type(
                src,
                v.span(),
                "a table (`[rules.<id>]`)",
                v.get_ref(),
            ));
            continue;
        };
        let defines = t.iter().any(|(k, _)| k.get_ref() == "kind");
        let pos = voci.iter().position(|x| x.id == id);
        let voce = match (pos, defines) {
            (Some(p), false) => &mut voci[p],
            (p, true) => {
                let nuova = Voce {
                    id: id.to_string(),
                    src,
                    id_span: k.span(),
                    keys: BTreeMap::new(),
                    declared_params: Vec::new(),
                    params: BTreeMap::new(),
                    scope: BTreeMap::new(),
                };
                match p {
                    Some(p) => {
                        voci[p] = nuova;
                        &mut voci[p]
                    }
                    None => {
                        voci.push(nuova);
                        voci.last_mut().expect("just pushed")
                    }
                }
            }
            (None, false) => {
                let sim = simili(id, voci.iter().map(|v| v.id.as_str()));
                let mut help = String::new();
                if let Some(s) = sim.first() {
                    help.push_str(&crate::tr!("cfg-did-you-mean", similar = *s));
                }
                help.push_str(&crate::tr!("cfg-unknown-rule-help"));
                errors.push(ConfigError {
                    sorgente: src,
                    span: k.span(),
                    message: crate::tr!("cfg-unknown-rule", id = id),
                    help,
                });
                continue;
            }
        };
        for (key, val) in t.iter() {
            let name: &str = key.get_ref();
            let entry = Chiave {
                key_span: key.span(),
                val: Val { src, v: val },
            };
            match name {
                "params" | "scope" => {
                    let DeValue::Table(sub) = val.get_ref() else {
                        errors.push(wrong_type(src, val.span(), "a table", val.get_ref()));
                        continue;
                    };
                    for (sk, sv) in sub.iter() {
                        let sname: String = sk.get_ref().to_string();
                        let e = Chiave {
                            key_span: sk.span(),
                            val: Val { src, v: sv },
                        };
                        if name == "params" {
                            if defines {
                                voce.declared_params.push(sname.clone());
                            }
                            voce.params.insert(sname, e);
                        } else {
                            voce.scope.insert(sname, e);
                        }
                    }
                }
                _ => {
                    voce.keys.insert(name.to_string(), entry);
                }
            }
        }
    }
}
