//! Phase 2: merged rule entries -> validated [`RuleDef`]s. Every problem is a
//! located [`ConfigError`]; a rule with errors is left out and loading fails.

use regex::RegexBuilder;
use rust_decimal::Decimal;
use toml::de::DeTable;

use super::def::{Aggregato, Ambito, CorpoRegola, Lato, Predicato, RuleDef, FAMIGLIE, OPERATORI};
use super::lingue;
use super::raw::{unknown_key, Chiave, Val, Voce};
use super::read::Lettore;
use super::{ConfigError, Sorgente};
use crate::ast::{Colonna, LivelloTotale, SezioneId};
use crate::catalogo::INTEGRATE;
use crate::diagnostic::Severity;
use crate::lang::expr::parse_condition;
use crate::lang::item::{Genere, Parte, Raggruppa};
use crate::lang::selector::{Glob, Selettore};
use crate::lang::template::Template;

/// The largest parameter a rule file may set: far above any budget figure,
/// far below where sums of amounts and parameters could overflow.
const MAX_PARAM: i64 = 1_000_000_000_000_000;

const COMMON: &[&str] = &["enabled", "severity", "params", "scope"];
const DEFINITION: &[&str] = &["kind", "family", "summary", "what", "why", "example"];
const PREDICATE: &[&str] = &["select", "when", "message", "help", "change"];
const AGGREGATE: &[&str] = &[
    "left", "right", "group_by", "columns", "op", "message", "help",
];
const KINDS: &[&str] = &["builtin", "row-predicate", "aggregate"];
const SCOPE: &[&str] = &["section", "settore", "key"];
const SELECTOR: &[&str] = &[
    "item",
    "section",
    "settore",
    "titolo",
    "gruppo",
    "level",
    "part",
    "key",
    "missione_programma",
    "pdc",
    "description",
    "vincolato",
    "non_ripetuto",
    "asterisco",
];
const LEVELS: &[(&str, LivelloTotale)] = &[
    ("gruppo", LivelloTotale::Gruppo),
    ("titolo", LivelloTotale::Titolo),
    ("settore", LivelloTotale::Settore),
    ("direzione", LivelloTotale::Direzione),
    ("missione", LivelloTotale::Missione),
    ("parte", LivelloTotale::Parte),
    ("sezione", LivelloTotale::Sezione),
];
const COLUMNS: &[Colonna] = &Colonna::TUTTE;

/// Validate every merged entry.
pub(super) fn validate(
    voci: &[Voce<'_>],
    sorgenti: &[Sorgente],
    errors: &mut Vec<ConfigError>,
) -> Vec<RuleDef> {
    let mut l = Lettore { errors, sorgenti };
    voci.iter().filter_map(|v| rule(&mut l, v)).collect()
}

fn rule(l: &mut Lettore<'_>, v: &Voce<'_>) -> Option<RuleDef> {
    let before = l.errors.len();
    let get = |k: &str| v.keys.get(k).map(|c| c.val);
    // `kind` is present: merge only creates entries from a defining file.
    let kind_val = get("kind")?;
    let kind = l.string(kind_val)?;
    let specific: &[&str] = match kind {
        "builtin" => &[],
        "row-predicate" => PREDICATE,
        "aggregate" => AGGREGATE,
        other => {
            l.err(
                kind_val.src,
                kind_val.span(),
                crate::tr!("cfg-unknown-kind", kind = other),
                crate::tr!("cfg-kinds", kinds = KINDS.join(", ")),
            );
            return None;
        }
    };
    let allowed: Vec<&str> = COMMON
        .iter()
        .chain(DEFINITION)
        .chain(specific)
        .copied()
        .collect();
    for (name, c) in &v.keys {
        if allowed.contains(&name.as_str()) {
            continue;
        }
        let other = [("row-predicate", PREDICATE), ("aggregate", AGGREGATE)]
            .into_iter()
            .find(|(_, keys)| keys.contains(&name.as_str()));
        match other {
            Some((k, _)) => l.err(
                c.val.src,
                c.key_span.clone(),
                crate::tr!(
                    "cfg-key-of-other-kind",
                    key = name,
                    other = k,
                    id = &v.id,
                    kind = kind
                ),
                crate::tr!("cfg-kind-takes", kind = kind, keys = allowed.join(", ")),
            ),
            None => {
                let place = crate::tr!("cfg-place-in-rule", kind = kind);
                l.errors.push(unknown_key(
                    c.val.src,
                    c.key_span.clone(),
                    name,
                    &allowed,
                    &place,
                ));
            }
        }
    }
    let text = |l: &mut Lettore<'_>, k: &str| get(k).and_then(|x| lingue::testo(l, x));
    let family = match get("family") {
        Some(f) => {
            let name = l.string(f)?.to_string();
            if !FAMIGLIE.iter().any(|(n, _)| *n == name) {
                let names: Vec<&str> = FAMIGLIE.iter().map(|(n, _)| *n).collect();
                l.err(
                    f.src,
                    f.span(),
                    crate::tr!("cfg-unknown-family", family = &name),
                    crate::tr!("cfg-families", families = names.join(", ")),
                );
            }
            name
        }
        None => "custom".to_string(),
    };
    let summary = match get("summary") {
        Some(s) => lingue::testo(l, s)?,
        None => {
            l.err(
                v.src,
                v.id_span.clone(),
                crate::tr!("cfg-no-summary", id = &v.id),
                crate::tr!("cfg-no-summary-help"),
            );
            String::new()
        }
    };
    let severity = match get("severity") {
        Some(s) => severity(l, s),
        None => {
            l.err(
                v.src,
                v.id_span.clone(),
                crate::tr!("cfg-no-severity", id = &v.id),
                crate::tr!("cfg-no-severity-help"),
            );
            None
        }
    };
    let enabled = get("enabled").and_then(|e| l.boolean(e)).unwrap_or(true);

    // Parameters: only those the defining file declared, non-negative amounts.
    let mut params = Vec::new();
    for (name, c) in &v.params {
        if !v.declared_params.contains(name) {
            let help = if v.declared_params.is_empty() {
                crate::tr!("cfg-takes-no-params", id = &v.id)
            } else {
                crate::tr!(
                    "cfg-has-params",
                    id = &v.id,
                    params = v.declared_params.join(", ")
                )
            };
            l.err(
                c.val.src,
                c.key_span.clone(),
                crate::tr!("cfg-no-such-param", id = &v.id, name = name),
                help,
            );
            continue;
        }
        if let Some(d) = l.decimal(c.val) {
            if d.is_sign_negative() && !d.is_zero() {
                l.err(
                    c.val.src,
                    c.val.span(),
                    crate::tr!("cfg-param-negative", name = name),
                    crate::tr!("cfg-param-negative-help"),
                );
            } else if d > Decimal::from(MAX_PARAM) {
                l.err(
                    c.val.src,
                    c.val.span(),
                    crate::tr!("cfg-param-large", name = name),
                    crate::tr!("cfg-param-large-help"),
                );
            } else {
                params.push((name.clone(), d));
            }
        }
    }
    let param = |n: &str| params.iter().find(|(p, _)| p == n).map(|(_, d)| *d);

    let scope = ambito(l, &v.scope);
    let corpo = match kind {
        "builtin" => {
            match INTEGRATE.iter().find(|b| b.id == v.id) {
                None => {
                    let ids: Vec<&str> = INTEGRATE.iter().map(|b| b.id).collect();
                    l.err(
                        kind_val.src,
                        kind_val.span(),
                        crate::tr!("cfg-no-builtin", id = &v.id),
                        crate::tr!("cfg-builtins", ids = ids.join(", ")),
                    );
                }
                Some(b) => {
                    for p in b.params {
                        if !v.declared_params.iter().any(|d| d == p) {
                            l.err(
                                v.src,
                                v.id_span.clone(),
                                crate::tr!("cfg-builtin-needs", id = &v.id, name = *p),
                                format!("add `params = {{ {p} = 0 }}`"),
                            );
                        }
                    }
                }
            }
            Some(CorpoRegola::Builtin)
        }
        "row-predicate" => predicato(l, v, &param),
        _ => aggregato(l, v, &param),
    };
    let rule = RuleDef {
        id: v.id.clone(),
        family,
        summary,
        what: text(l, "what").unwrap_or_default(),
        why: text(l, "why").unwrap_or_default(),
        example: text(l, "example").unwrap_or_default(),
        severity: severity?,
        enabled,
        params: params.clone(),
        scope: scope?,
        corpo: corpo?,
    };
    (l.errors.len() == before).then_some(rule)
}

fn severity(l: &mut Lettore<'_>, v: Val<'_>) -> Option<Severity> {
    match l.string(v)? {
        "error" => Some(Severity::Error),
        "warning" => Some(Severity::Warning),
        "info" => Some(Severity::Info),
        other => {
            l.err(
                v.src,
                v.span(),
                crate::tr!("cfg-unknown-severity", severity = other),
                crate::tr!("cfg-severity-help"),
            );
            None
        }
    }
}

fn sezione(l: &mut Lettore<'_>, v: Val<'_>) -> Option<SezioneId> {
    let s = l.string(v)?;
    SezioneId::from_code(s).or_else(|| {
        l.err(
            v.src,
            v.span(),
            crate::tr!("cfg-unknown-section", section = s),
            crate::tr!("cfg-sections-help"),
        );
        None
    })
}

fn glob(l: &mut Lettore<'_>, v: Val<'_>) -> Option<Glob> {
    l.string(v).map(|s| Glob(s.to_string()))
}

fn ambito(
    l: &mut Lettore<'_>,
    scope: &std::collections::BTreeMap<String, Chiave<'_>>,
) -> Option<Ambito> {
    let mut a = Ambito::default();
    let mut ok = true;
    for (k, c) in scope {
        let v = c.val;
        match k.as_str() {
            "section" => match l.list(v, sezione) {
                Some(s) => a.sezioni = s,
                None => ok = false,
            },
            "settore" => match l.list(v, |l, x| l.numero(x, 999_999, "cfg-what-settore")) {
                Some(s) => a.settori = s,
                None => ok = false,
            },
            "key" => match glob(l, v) {
                Some(g) => a.chiave = Some(g),
                None => ok = false,
            },
            other => {
                l.errors.push(unknown_key(
                    v.src,
                    c.key_span.clone(),
                    other,
                    SCOPE,
                    "in `scope`",
                ));
                ok = false;
            }
        }
    }
    ok.then_some(a)
}

fn selettore(l: &mut Lettore<'_>, v: Val<'_>, extra: &[&str]) -> Option<Selettore> {
    let t: &DeTable<'_> = l.table(v)?;
    let mut s = Selettore {
        generi: vec![Genere::Riga],
        ..Selettore::default()
    };
    let mut ok = true;
    let allowed: Vec<&str> = SELECTOR.iter().chain(extra).copied().collect();
    for (k, x) in t.iter() {
        let key: &str = k.get_ref();
        let x = Val { src: v.src, v: x };
        let done = match key {
            "item" => l
                .list(x, |l, y| {
                    let n = l.string(y)?;
                    Genere::ALL.into_iter().find(|g| g.name() == n).or_else(|| {
                        l.err(
                            y.src,
                            y.span(),
                            crate::tr!("cfg-unknown-item", item = n),
                            crate::tr!("cfg-items-help"),
                        );
                        None
                    })
                })
                .map(|g| s.generi = g),
            "section" => l.list(x, sezione).map(|v| s.sezioni = v),
            "settore" => l
                .list(x, |l, y| l.numero(y, 999_999, "cfg-what-settore"))
                .map(|v| s.settori = v),
            "titolo" => l
                .list(x, |l, y| l.numero(y, 9, "cfg-what-titolo").map(|n| n as u8))
                .map(|v| s.titoli = v),
            "gruppo" => l
                .list(x, |l, y| {
                    l.numero(y, 99, "cfg-what-gruppo").map(|n| n as u8)
                })
                .map(|v| s.gruppi = v),
            "level" => l
                .list(x, |l, y| {
                    l.scelta(y, LEVELS, "cfg-unknown-level", "cfg-levels")
                })
                .map(|v| s.livelli = v),
            "part" => l
                .string(x)
                .and_then(|n| match n {
                    "entrate" => Some(Parte::Entrate),
                    "spese" => Some(Parte::Spese),
                    _ => {
                        l.err(
                            x.src,
                            x.span(),
                            crate::tr!("cfg-unknown-part", part = n),
                            crate::tr!("cfg-parts-help"),
                        );
                        None
                    }
                })
                .map(|p| s.parte = Some(p)),
            "key" => glob(l, x).map(|g| s.chiave = Some(g)),
            "missione_programma" => glob(l, x).map(|g| s.missione_programma = Some(g)),
            "pdc" => glob(l, x).map(|g| s.pdc = Some(g)),
            "description" => {
                l.string(x)
                    .and_then(|p| match RegexBuilder::new(p).size_limit(1 << 20).build() {
                        Ok(r) => {
                            s.descrizione = Some(r);
                            Some(())
                        }
                        Err(e) => {
                            // The regex error is a drawing over several lines; its
                            // last line says what is wrong.
                            let text = e.to_string();
                            let why = text
                                .lines()
                                .last()
                                .unwrap_or("")
                                .trim_start_matches("error: ")
                                .to_string();
                            l.err(
                                x.src,
                                x.span(),
                                format!("invalid description pattern: {why}"),
                                "a regular expression in Rust regex syntax, e.g. '(?i)FINANZIAT'",
                            );
                            None
                        }
                    })
            }
            "vincolato" => l.boolean(x).map(|b| s.vincolato = Some(b)),
            "non_ripetuto" => l.boolean(x).map(|b| s.non_ripetuto = Some(b)),
            "asterisco" => l.boolean(x).map(|b| s.asterisco = Some(b)),
            _ if extra.contains(&key) => Some(()),
            other => {
                l.errors.push(unknown_key(
                    v.src,
                    k.span(),
                    other,
                    &allowed,
                    "in a selector",
                ));
                None
            }
        };
        ok &= done.is_some();
    }
    ok.then_some(s)
}

fn template(
    l: &mut Lettore<'_>,
    v: Val<'_>,
    item: bool,
    aggregato: bool,
    param: &dyn Fn(&str) -> Option<Decimal>,
) -> Option<Template> {
    // Every language's form is parsed and checked, whatever the run's language.
    let forme = lingue::forme(l, v)?;
    let mut parsed = Vec::with_capacity(2);
    for &(s, v) in &forme.forme {
        match Template::parse(s, item, aggregato, param) {
            Ok(t) => parsed.push(t),
            Err((a, b, m, h)) => {
                let span = l.inside(v, s, a, b);
                l.err(v.src, span, m, h);
                return None;
            }
        }
    }
    if !lingue::stessi_segnaposto(l, &forme) {
        return None;
    }
    let scelta = forme.get().0;
    let i = forme.forme.iter().position(|f| f.0 == scelta).unwrap_or(0);
    parsed.into_iter().nth(i)
}

fn required<'d>(l: &mut Lettore<'_>, v: &Voce<'d>, key: &str, help: &str) -> Option<Val<'d>> {
    let got = v.keys.get(key).map(|c| c.val);
    if got.is_none() {
        l.err(
            v.src,
            v.id_span.clone(),
            crate::tr!("cfg-missing-key", id = &v.id, key = key),
            help,
        );
    }
    got
}

/// The `message` (required) and `help` templates of a rule: item values
/// for row predicates, aggregate values for aggregates.
fn messaggi(
    l: &mut Lettore<'_>,
    v: &Voce<'_>,
    aggregato: bool,
    param: &dyn Fn(&str) -> Option<Decimal>,
    esempio: &str,
) -> (Option<Template>, Option<Option<Template>>) {
    let message = required(l, v, "message", esempio)
        .and_then(|m| template(l, m, !aggregato, aggregato, param));
    let help = match v.keys.get("help") {
        Some(c) => template(l, c.val, !aggregato, aggregato, param).map(Some),
        None => Some(None),
    };
    (message, help)
}

fn predicato(
    l: &mut Lettore<'_>,
    v: &Voce<'_>,
    param: &dyn Fn(&str) -> Option<Decimal>,
) -> Option<CorpoRegola> {
    let select = required(
        l,
        v,
        "select",
        "add `select = { section = \"1.B\" }` (which rows the rule looks at)",
    )
    .and_then(|s| selettore(l, s, &[]));
    let when = match v.keys.get("when") {
        Some(c) => {
            let s = l.string(c.val)?;
            match parse_condition(s, param) {
                Ok(e) => Some(Some(e)),
                Err(e) => {
                    let span = l.inside(c.val, s, e.start, e.end);
                    l.err(c.val.src, span, e.message, e.help);
                    None
                }
            }
        }
        None => Some(None),
    };
    let (message, help) = messaggi(
        l,
        v,
        false,
        param,
        "add `message = \"{key} {descrizione}: ...\"`",
    );
    let variazione = match v.keys.get("change") {
        Some(c) => variazione(l, c.val),
        None => Some(None),
    };
    let when = when?;
    Some(CorpoRegola::Predicato(Box::new(Predicato {
        select: select?,
        compilato: when.as_ref().and_then(crate::lang::interi::Compilato::da),
        when,
        message: message?,
        help: help?,
        variazione: variazione?,
    })))
}

/// `change = ["previsione", "previsione_precedente"]`: two amount columns,
/// the changed one and the one it changed from.
fn variazione(
    l: &mut Lettore<'_>,
    v: Val<'_>,
) -> Option<Option<(crate::ast::Colonna, crate::ast::Colonna)>> {
    use crate::lang::expr::{Campo, CAMPI};
    let colonne = l.list(v, |l, x| {
        let s = l.string(x)?;
        let c = CAMPI.iter().find_map(|(n, c)| match c {
            Campo::Colonna(col) if *n == s => Some(*col),
            _ => None,
        });
        if c.is_none() {
            l.err(
                x.src,
                x.span(),
                crate::tr!("cfg-change-column", text = s),
                crate::tr!("cfg-change-help"),
            );
        }
        c
    })?;
    match colonne.as_slice() {
        [a, b] => Some(Some((*a, *b))),
        _ => {
            l.err(
                v.src,
                v.span(),
                crate::tr!("cfg-change-two"),
                crate::tr!("cfg-change-help"),
            );
            None
        }
    }
}

fn aggregato(
    l: &mut Lettore<'_>,
    v: &Voce<'_>,
    param: &dyn Fn(&str) -> Option<Decimal>,
) -> Option<CorpoRegola> {
    let left = required(
        l,
        v,
        "left",
        "add `left = { item = \"total\", section = \"1.C\" }` (the declared side)",
    )
    .and_then(|s| selettore(l, s, &[]));
    let right = required(
        l,
        v,
        "right",
        "add `right = { section = \"1.A\" }` or `right = { value = 0 }`",
    )
    .and_then(|r| {
        let t = l.table(r)?;
        match t.get("value") {
            Some(x) if t.len() == 1 => l.decimal(Val { src: r.src, v: x }).map(Lato::Costante),
            Some(_) => {
                l.err(
                    r.src,
                    r.span(),
                    crate::tr!("cfg-value-constant"),
                    crate::tr!("cfg-value-constant-help"),
                );
                None
            }
            None => selettore(l, r, &[]).map(|s| Lato::Somma(Box::new(s))),
        }
    });
    let gruppi: Vec<(&str, Raggruppa)> = Raggruppa::ALL.iter().map(|(g, n)| (*n, *g)).collect();
    let group_by = match v.keys.get("group_by") {
        Some(c) => l
            .scelta(c.val, &gruppi, "cfg-cannot-group", "cfg-group-by")
            .map(Some),
        None => Some(None),
    };
    let colonne: Vec<(&str, Colonna)> = COLUMNS.iter().map(|c| (c.name(), *c)).collect();
    let columns = match v.keys.get("columns") {
        Some(c) => l.list(c.val, |l, x| {
            l.scelta(x, &colonne, "cfg-unknown-column", "cfg-columns")
        }),
        None => Some(Vec::new()),
    };
    let op = match v.keys.get("op") {
        Some(c) => l.scelta(c.val, OPERATORI, "cfg-unknown-operator", "cfg-operators"),
        None => Some(crate::lang::expr::Op::Eq),
    };
    let (message, help) = messaggi(
        l,
        v,
        true,
        param,
        "add `message = \"{left} {op} {right} in {column}\"`",
    );
    Some(CorpoRegola::Aggregato(Box::new(Aggregato {
        left: left?,
        right: right?,
        group_by: group_by?,
        columns: columns?,
        op: op?,
        message: message?,
        help: help?,
    })))
}
