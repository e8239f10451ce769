//! Mapping profiles: which header of a table holds which field of the model.
//! A profile is TOML, read in two phases like the rule files: the spanned
//! TOML tree is walked key by key (unknown keys, wrong types), then the
//! fields are checked together (a PEG key, a section, at least one amount).
//! Every error points into the profile. The built-in presets are TOML files
//! under `profili/`, compiled in.

use std::ops::Range;

use toml::de::{DeTable, DeValue};

use super::numeri::Decimali;
use super::testo::Codifica;
use crate::ast::Colonna;
use crate::config::raw::{unknown_key, wrong_type, Val};
use crate::config::read::Lettore;
use crate::config::{ConfigError, Sorgente};

/// The built-in presets: name and TOML text.
pub const PRESET: &[(&str, &str)] = &[
    ("quadra", include_str!("../../profili/quadra.toml")),
    (
        "milano-ds397",
        include_str!("../../profili/milano-ds397.toml"),
    ),
];

/// A field of the model a column can fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Campo {
    /// Which report of the file (the `report` column of the export).
    Report,
    /// The budget year.
    Anno,
    /// Direzione code (`DIR07`).
    DirezioneCodice,
    /// Direzione name.
    DirezioneNome,
    /// Section code (`1.A` ... `2.B`).
    Sezione,
    /// Settore (centro di responsabilità) code.
    SettoreCodice,
    /// Settore name.
    SettoreNome,
    /// Titolo code.
    TitoloCodice,
    /// Titolo name.
    TitoloNome,
    /// `tipologia`, `macroaggregato` or empty.
    LivelloGruppo,
    /// Tipologia / Macroaggregato code.
    GruppoCodice,
    /// Tipologia / Macroaggregato name.
    GruppoNome,
    /// The PEG key in one cell (`3763 20 2`).
    Chiave,
    /// Capitolo.
    Capitolo,
    /// Articolo.
    Articolo,
    /// The third number of the PEG key.
    Numero,
    /// PDC code.
    Pdc,
    /// Description.
    Descrizione,
    /// V flag.
    Vincolato,
    /// `(ART.NON RIPETUTO)`.
    NonRipetuto,
    /// Leading `*`.
    Asterisco,
    /// Missione code.
    Missione,
    /// Programma code.
    Programma,
    /// Missione-programma in one cell (`12 04`).
    MissioneProgramma,
    /// An amount column.
    Importo(Colonna),
}

/// Field names as profiles write them under `[columns]`.
pub const CAMPI: &[(&str, Campo)] = &[
    ("report", Campo::Report),
    ("anno", Campo::Anno),
    ("direzione_codice", Campo::DirezioneCodice),
    ("direzione_nome", Campo::DirezioneNome),
    ("sezione", Campo::Sezione),
    ("settore_codice", Campo::SettoreCodice),
    ("settore_nome", Campo::SettoreNome),
    ("titolo_codice", Campo::TitoloCodice),
    ("titolo_nome", Campo::TitoloNome),
    ("livello_gruppo", Campo::LivelloGruppo),
    ("gruppo_codice", Campo::GruppoCodice),
    ("gruppo_nome", Campo::GruppoNome),
    ("chiave", Campo::Chiave),
    ("capitolo", Campo::Capitolo),
    ("articolo", Campo::Articolo),
    ("numero", Campo::Numero),
    ("pdc", Campo::Pdc),
    ("descrizione", Campo::Descrizione),
    ("vincolato", Campo::Vincolato),
    ("non_ripetuto", Campo::NonRipetuto),
    ("asterisco", Campo::Asterisco),
    ("missione", Campo::Missione),
    ("programma", Campo::Programma),
    ("missione_programma", Campo::MissioneProgramma),
    ("previsione", Campo::Importo(Colonna::Previsione)),
    (
        "previsione_precedente",
        Campo::Importo(Colonna::PrevisionePrecedente),
    ),
    (
        "rendiconto_precedente",
        Campo::Importo(Colonna::RendicontoPrecedente),
    ),
    (
        "crono_anni_precedenti",
        Campo::Importo(Colonna::CronoAnniPrecedenti),
    ),
    (
        "altri_nuovi_stanziamenti",
        Campo::Importo(Colonna::AltriNuoviStanziamenti),
    ),
    (
        "programma_triennale_lp",
        Campo::Importo(Colonna::ProgrammaTriennaleLp),
    ),
];

impl Campo {
    /// The name under `[columns]`.
    pub fn nome(self) -> &'static str {
        CAMPI
            .iter()
            .find(|(_, c)| *c == self)
            .map_or("?", |(n, _)| n)
    }
}

/// A header as the profile writes it, with `{anno}`, `{anno-1}`, `{anno+1}`
/// standing for years counted from the budget year.
#[derive(Debug, Clone)]
pub struct Modello {
    /// As written.
    pub testo: String,
    /// Where in the profile.
    pub span: Range<usize>,
    /// The profile key (`columns.previsione`), for messages.
    pub chiave: String,
    /// Text before the year, the year offset and the text after; `None`: no year.
    anno: Option<(String, i32, String)>,
}

/// Header comparison: spaces trimmed and collapsed, case ignored (portals
/// change the case of headers between releases).
pub fn normalizza(h: &str) -> String {
    h.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

impl Modello {
    /// True when the header names a year.
    pub fn ha_anno(&self) -> bool {
        self.anno.is_some()
    }

    /// The header text for budget year `anno`.
    pub fn per_anno(&self, anno: Option<u16>) -> Option<String> {
        match (&self.anno, anno) {
            (None, _) => Some(normalizza(&self.testo)),
            (Some((pre, k, post)), Some(a)) => {
                Some(normalizza(&format!("{pre}{}{post}", i32::from(a) + k)))
            }
            (Some(_), None) => None,
        }
    }

    /// The budget year a header implies (`STANZIAMENTO 2023` for
    /// `STANZIAMENTO {anno}` is 2023; for `RENDICONTO {anno-1}` 2024).
    pub fn anno_di(&self, header: &str) -> Option<u16> {
        let (_, k, _) = self.anno.as_ref()?;
        let h = normalizza(header);
        let b = h.as_bytes();
        // Try each four-digit run as the year: the header must then read
        // exactly as the pattern does for that year.
        (0..b.len().saturating_sub(3)).find_map(|i| {
            if !b[i..i + 4].iter().all(u8::is_ascii_digit) {
                return None;
            }
            let y: i32 = h.get(i..i + 4)?.parse().ok()?;
            let a = u16::try_from(y - k).ok()?;
            (self.per_anno(Some(a)).as_deref() == Some(h.as_str())).then_some(a)
        })
    }
}

/// How the rows say revenue from spending, when there is no `sezione` column.
#[derive(Debug, Clone)]
pub struct Tipo {
    /// The column.
    pub colonna: Modello,
    /// Values meaning revenue.
    pub entrate: Vec<String>,
    /// Values meaning spending.
    pub uscite: Vec<String>,
}

/// Rows kept: the cell of `colonna` is (or, with `escludi`, is not) one of `valori`.
#[derive(Debug, Clone)]
pub struct Filtro {
    /// The column.
    pub colonna: Modello,
    /// The values.
    pub valori: Vec<String>,
    /// Keep rows whose cell is not one of the values.
    pub escludi: bool,
}

/// A validated profile.
#[derive(Debug, Clone)]
pub struct Profilo {
    /// Its name (the preset's, the `name` key, or the file name).
    pub nome: String,
    /// The decimal convention.
    pub decimali: Decimali,
    /// The separator; `None`: detected from the header line.
    pub separatore: Option<u8>,
    /// The encoding.
    pub codifica: Codifica,
    /// The budget year, when the profile fixes it.
    pub anno: Option<u16>,
    /// Field -> header.
    pub colonne: Vec<(Campo, Modello)>,
    /// Revenue / spending discrimination.
    pub tipo: Option<Tipo>,
    /// Row filters.
    pub filtri: Vec<Filtro>,
    /// Cell values meaning true for flags (compared without case).
    pub vero: Vec<String>,
    /// Cell values meaning false.
    pub falso: Vec<String>,
    /// The sheet of a spreadsheet to read (default: the first).
    pub foglio: Option<String>,
}

impl Profilo {
    /// The header of a field, if mapped.
    pub fn colonna(&self, c: Campo) -> Option<&Modello> {
        self.colonne.iter().find(|(k, _)| *k == c).map(|(_, m)| m)
    }
}

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

/// Resolve `--profile NAME|FILE`: a preset name, else a file path. The
/// profile's text and the name to report errors under come back with it.
pub fn carica(arg: &str) -> Result<(String, String), String> {
    if let Some((n, t)) = PRESET.iter().find(|(n, _)| *n == arg) {
        return Ok((format!("<built-in profile {n}>"), t.to_string()));
    }
    match std::fs::read_to_string(arg) {
        Ok(t) => Ok((arg.to_string(), t)),
        Err(e) => Err(super::messaggi::profilo_illeggibile(arg, &e)),
    }
}

#[cfg(test)]
mod tests {
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
