//! Reading a profile: phase 1 walks the spanned TOML key by key (unknown
//! keys with "did you mean", wrong types, placeholders), phase 2 checks the
//! fields together. Every error is located in the profile's text.

use std::ops::Range;

use toml::de::{DeTable, DeValue};

use super::{Campo, Filtro, Modello, Profilo, Tipo, CAMPI};
use crate::config::raw::{unknown_key, wrong_type, Val};
use crate::config::read::Lettore;
use crate::config::{ConfigError, Sorgente};
use crate::tabelle::numeri::Decimali;
use crate::tabelle::testo::Codifica;

const TOP: &[&str] = &[
    "version",
    "name",
    "description",
    "decimal",
    "separator",
    "encoding",
    "year",
    "sheet",
    "true",
    "false",
    "columns",
    "kind",
    "filter",
];

fn modello(l: &mut Lettore<'_>, v: Val<'_>, chiave: String) -> Option<Modello> {
    let s = l.string(v)?;
    let mut anno = None;
    if let Some(open) = s.find('{') {
        let close = s[open..].find('}').map(|c| open + c);
        let Some(close) = close else {
            l.err(
                v.src,
                l.inside(v, s, open, s.len()),
                "unclosed `{` in a header",
                "write `{anno}`, `{anno-1}` or `{anno+1}` for the year in the header",
            );
            return None;
        };
        let k = match s[open + 1..close].replace(' ', "").as_str() {
            "anno" => Some(0),
            t => t
                .strip_prefix("anno")
                .and_then(|r| r.parse::<i32>().ok())
                .filter(|k| k.abs() <= 9),
        };
        let Some(k) = k else {
            l.err(
                v.src,
                l.inside(v, s, open, close + 1),
                format!("unknown placeholder `{}`", &s[open..=close]),
                "the only placeholder is the budget year: `{anno}`, `{anno-1}`, `{anno+1}`",
            );
            return None;
        };
        if s[close + 1..].contains('{') {
            l.err(
                v.src,
                v.span(),
                "a header can name one year only",
                "write one `{anno...}` placeholder",
            );
            return None;
        }
        anno = Some((s[..open].to_string(), k, s[close + 1..].to_string()));
    }
    Some(Modello {
        testo: s.to_string(),
        span: v.span(),
        chiave,
        anno,
    })
}

/// A string naming one of `options`; the help quotes each option, since
/// some are punctuation (`","`).
fn scegli<T: Copy>(
    l: &mut Lettore<'_>,
    v: Val<'_>,
    options: &[(&str, T)],
    what: &str,
) -> Option<T> {
    let n = l.string(v)?;
    if let Some((_, t)) = options.iter().find(|(name, _)| *name == n) {
        return Some(*t);
    }
    let names: Vec<String> = options
        .iter()
        .map(|(name, _)| format!("{name:?}"))
        .collect();
    l.err(
        v.src,
        v.span(),
        format!("unknown {what} `{n}`"),
        format!("write one of {}", names.join(", ")),
    );
    None
}

fn stringhe(l: &mut Lettore<'_>, v: Val<'_>) -> Option<Vec<String>> {
    l.list(v, |l, x| l.string(x).map(str::to_string))
}

/// Read and validate a profile's text (`nome`: the name to use when the
/// file gives none). All errors are returned, located.
pub fn leggi(testo: &str, nome: &str) -> Result<Profilo, Vec<ConfigError>> {
    let table = DeTable::parse(testo).map_err(|e| {
        vec![ConfigError {
            sorgente: 0,
            span: e.span().unwrap_or(0..0),
            message: format!("invalid TOML: {}", e.message().trim()),
            help:
                "a profile is TOML: `version = 1`, then `[columns]` of `field = \"HEADER\"` lines"
                    .into(),
        }]
    })?;
    let sorgenti = [Sorgente {
        nome: String::new(),
        testo: testo.to_string(),
    }];
    let mut errors = Vec::new();
    let mut l = Lettore {
        errors: &mut errors,
        sorgenti: &sorgenti,
    };
    let mut p = Profilo {
        nome: nome.to_string(),
        decimali: Decimali::Auto,
        separatore: None,
        codifica: Codifica::Auto,
        anno: None,
        colonne: Vec::new(),
        tipo: None,
        filtri: Vec::new(),
        vero: ["true", "v", "s", "si", "sì", "1", "x", "yes"]
            .map(String::from)
            .to_vec(),
        falso: ["false", "", "n", "no", "0"].map(String::from).to_vec(),
        foglio: None,
    };
    let mut columns_span = 0..0;
    let mut version = false;
    let mut entries: Vec<_> = table.get_ref().iter().collect();
    entries.sort_by_key(|(k, _)| k.span().start);
    for (k, v) in entries {
        let key: &str = k.get_ref();
        let v = Val { src: 0, v };
        match key {
            "version" => {
                version = true;
                if l.numero(v, 1, "version").is_some_and(|n| n != 1) {
                    l.err(
                        0,
                        v.span(),
                        "unsupported profile version",
                        "this quadra reads `version = 1`",
                    );
                }
            }
            "name" => {
                if let Some(s) = l.string(v) {
                    p.nome = s.to_string();
                }
            }
            "sheet" => {
                if let Some(s) = l.string(v) {
                    p.foglio = Some(s.to_string());
                }
            }
            "description" => {
                l.string(v);
            }
            "decimal" => {
                let opts = [
                    (",", Decimali::Virgola),
                    (".", Decimali::Punto),
                    ("auto", Decimali::Auto),
                ];
                if let Some(d) = scegli(&mut l, v, &opts, "decimal separator") {
                    p.decimali = d;
                }
            }
            "separator" => {
                let opts = [
                    (";", Some(b';')),
                    (",", Some(b',')),
                    ("tab", Some(b'\t')),
                    ("\t", Some(b'\t')),
                    ("auto", None),
                ];
                if let Some(s) = scegli(&mut l, v, &opts, "separator") {
                    p.separatore = s;
                }
            }
            "encoding" => {
                let opts = [
                    ("utf-8", Codifica::Utf8),
                    ("windows-1252", Codifica::Windows1252),
                    ("auto", Codifica::Auto),
                ];
                if let Some(c) = scegli(&mut l, v, &opts, "encoding") {
                    p.codifica = c;
                }
            }
            "year" => {
                if let Some(n) = l.numero(v, 9999, "year") {
                    p.anno = u16::try_from(n).ok();
                }
            }
            "true" | "false" => {
                if let Some(vals) = stringhe(&mut l, v) {
                    let vals = vals.iter().map(|s| s.trim().to_lowercase()).collect();
                    if key == "true" {
                        p.vero = vals
                    } else {
                        p.falso = vals
                    }
                }
            }
            "columns" => {
                columns_span = k.span();
                if let Some(t) = l.table(v) {
                    let mut cols: Vec<_> = t.iter().collect();
                    cols.sort_by_key(|(k, _)| k.span().start);
                    for (ck, cv) in cols {
                        let name: &str = ck.get_ref();
                        let Some((_, campo)) = CAMPI.iter().find(|(n, _)| *n == name) else {
                            let names: Vec<&str> = CAMPI.iter().map(|(n, _)| *n).collect();
                            l.errors.push(unknown_key(
                                0,
                                ck.span(),
                                name,
                                &names,
                                "under [columns]",
                            ));
                            continue;
                        };
                        if let Some(m) =
                            modello(&mut l, Val { src: 0, v: cv }, format!("columns.{name}"))
                        {
                            p.colonne.push((*campo, m));
                        }
                    }
                }
            }
            "kind" => p.tipo = tipo(&mut l, v),
            "filter" => match v.v.get_ref() {
                DeValue::Array(a) => {
                    for (i, f) in a.iter().enumerate() {
                        if let Some(f) = filtro(&mut l, Val { src: 0, v: f }, i) {
                            p.filtri.push(f);
                        }
                    }
                }
                other => l
                    .errors
                    .push(wrong_type(0, v.span(), "`[[filter]]` tables", other)),
            },
            _ => l.errors.push(unknown_key(
                0,
                k.span(),
                key,
                TOP,
                "at the top of a profile",
            )),
        }
    }
    if !version {
        l.err(
            0,
            0..0,
            "the profile has no `version`",
            "write `version = 1` on the first line",
        );
    }
    if errors.is_empty() {
        convalida(&p, columns_span, &mut errors);
    }
    if errors.is_empty() {
        Ok(p)
    } else {
        errors.sort_by_key(|e| e.span.start);
        Err(errors)
    }
}

fn tipo(l: &mut Lettore<'_>, v: Val<'_>) -> Option<Tipo> {
    let t = l.table(v)?;
    let (mut colonna, mut entrate, mut uscite) = (None, Vec::new(), Vec::new());
    for (k, x) in t.iter() {
        let x = Val { src: 0, v: x };
        let name: &str = k.get_ref();
        match name {
            "column" => colonna = modello(l, x, "kind.column".into()),
            "entrate" => entrate = stringhe(l, x)?,
            "uscite" => uscite = stringhe(l, x)?,
            other => l.errors.push(unknown_key(
                0,
                k.span(),
                other,
                &["column", "entrate", "uscite"],
                "under [kind]",
            )),
        }
    }
    if colonna.is_none() || entrate.is_empty() || uscite.is_empty() {
        l.err(
            0,
            v.span(),
            "[kind] needs `column`, `entrate` and `uscite`",
            "e.g. `column = \"TIPO\"`, `entrate = [\"E\"]`, `uscite = [\"U\"]`",
        );
        return None;
    }
    Some(Tipo {
        colonna: colonna?,
        entrate,
        uscite,
    })
}

fn filtro(l: &mut Lettore<'_>, v: Val<'_>, i: usize) -> Option<Filtro> {
    let t = l.table(v)?;
    let (mut colonna, mut valori, mut escludi) = (None, None, false);
    for (k, x) in t.iter() {
        let x = Val { src: 0, v: x };
        let name: &str = k.get_ref();
        match name {
            "column" => colonna = modello(l, x, format!("filter[{i}].column")),
            "equals" => valori = stringhe(l, x),
            "not" => {
                valori = stringhe(l, x);
                escludi = true;
            }
            other => l.errors.push(unknown_key(
                0,
                k.span(),
                other,
                &["column", "equals", "not"],
                "in a [[filter]]",
            )),
        }
    }
    match (colonna, valori) {
        (Some(colonna), Some(valori)) => Some(Filtro {
            colonna,
            valori,
            escludi,
        }),
        _ => {
            l.err(
                0,
                v.span(),
                "a [[filter]] needs `column` and `equals` (or `not`)",
                "e.g. `column = \"DIR\"`, `equals = [\"DIR07\"]`",
            );
            None
        }
    }
}

/// Phase 2: the fields together.
fn convalida(p: &Profilo, columns_span: Range<usize>, errors: &mut Vec<ConfigError>) {
    let has = |c: Campo| p.colonna(c).is_some();
    let mut err = |span: Range<usize>, m: &str, h: &str| {
        errors.push(ConfigError {
            sorgente: 0,
            span,
            message: m.into(),
            help: h.into(),
        })
    };
    let chiave = has(Campo::Chiave) || (has(Campo::Capitolo) && has(Campo::Articolo));
    if !chiave {
        err(
            columns_span.clone(),
            "the profile maps no PEG key",
            "map `chiave` (one cell `3763 20 2`), or `capitolo` and `articolo` (and `numero`)",
        );
    }
    if !has(Campo::Sezione) {
        match &p.tipo {
            None => err(columns_span.clone(), "the profile says neither the section nor revenue / spending", "map `sezione` (`1.A` ... `2.B`), or add a `[kind]` table (`column = \"TIPO\"`, `entrate`, `uscite`)"),
            Some(t) if !has(Campo::TitoloCodice) && !has(Campo::Pdc) => err(t.colonna.span.clone(), "with [kind], the titolo decides current or capital, and the profile maps neither `titolo_codice` nor `pdc`", "map `titolo_codice` or `pdc` under [columns]"),
            Some(_) => {}
        }
    }
    if !p
        .colonne
        .iter()
        .any(|(c, _)| matches!(c, Campo::Importo(_)))
    {
        err(
            columns_span.clone(),
            "the profile maps no amount column",
            "map at least `previsione` (e.g. `previsione = \"STANZIAMENTO {anno}\"`)",
        );
    }
    if let Some((_, m)) = p.colonne.iter().find(|(_, m)| m.ha_anno()) {
        if let Some(a) = p.colonna(Campo::Anno) {
            err(
                a.span.clone(),
                "the year comes both from a column and from headers",
                &format!(
                    "remove `columns.anno`, or write `{}` without `{{anno}}`",
                    m.chiave
                ),
            );
        }
    }
    for (a, b) in [
        (Campo::Chiave, Campo::Capitolo),
        (Campo::MissioneProgramma, Campo::Missione),
    ] {
        if let (Some(_), Some(m)) = (p.colonna(a), p.colonna(b)) {
            err(
                m.span.clone(),
                &format!("`{}` and `{}` both give the same field", a.nome(), b.nome()),
                "map one of them",
            );
        }
    }
    if has(Campo::Missione) != has(Campo::Programma) {
        let m = p.colonna(Campo::Missione).or(p.colonna(Campo::Programma));
        err(
            m.map_or(columns_span, |m| m.span.clone()),
            "`missione` and `programma` go together",
            "map both, or `missione_programma` for one cell `12 04`",
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::PRESET;
    use super::*;

    #[test]
    fn presets_are_valid() {
        for (n, t) in PRESET {
            let p = leggi(t, n).unwrap_or_else(|e| panic!("{n}: {e:?}"));
            assert_eq!(p.nome, *n);
        }
    }

    #[test]
    fn year_placeholders_resolve_both_ways() {
        let mut e = Vec::new();
        let s = [Sorgente {
            nome: String::new(),
            testo: String::new(),
        }];
        let mut l = Lettore {
            errors: &mut e,
            sorgenti: &s,
        };
        let t = DeTable::parse("a = \"RENDICONTO {anno-1}\"").unwrap();
        let v = t.get_ref().get("a").unwrap();
        let m = modello(&mut l, Val { src: 0, v }, "a".into()).unwrap();
        assert_eq!(m.per_anno(Some(2022)).as_deref(), Some("rendiconto 2021"));
        assert_eq!(m.anno_di("RENDICONTO  2021"), Some(2022));
        assert_eq!(m.anno_di("RENDICONTO DI CASSA 2021"), None);
        assert_eq!(m.per_anno(None), None);
    }

    #[test]
    fn errors_are_located_in_the_profile() {
        let t = "version = 1\n[columns]\ncapitolo = \"CAP\"\narticolo = \"ART\"\nprevisone = \"X\"\nsezione = \"S\"\n";
        let e = leggi(t, "x").unwrap_err();
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].message, "unknown key `previsone`");
        assert_eq!(&t[e[0].span.clone()], "previsone");
        assert!(
            e[0].help.starts_with("did you mean `previsione`?"),
            "{}",
            e[0].help
        );
        let t = "version = 1\n[columns]\ncapitolo = \"CAP\"\nprevisione = \"S {anni}\"\n";
        let e = leggi(t, "x").unwrap_err();
        assert_eq!(e[0].message, "unknown placeholder `{anni}`");
        assert_eq!(&t[e[0].span.clone()], "{anni}");
        let t = "version = 1\n[columns]\ncapitolo = \"CAP\"\nprevisione = \"S\"\n";
        let e: Vec<String> = leggi(t, "x")
            .unwrap_err()
            .into_iter()
            .map(|e| e.message)
            .collect();
        assert_eq!(
            e,
            [
                "the profile maps no PEG key",
                "the profile says neither the section nor revenue / spending"
            ]
        );
    }
}
