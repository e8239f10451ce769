//! Mapping profiles: which header of a table holds which field of the model.
//! A profile is TOML, read in two phases like the rule files: the spanned
//! TOML tree is walked key by key (unknown keys, wrong types), then the
//! fields are checked together (a PEG key, a section, at least one amount).
//! Every error points into the profile. The built-in presets are TOML files
//! under `profili/`, compiled in.

mod leggi;

use std::ops::Range;

pub use leggi::leggi;

use super::numeri::Decimali;
use super::testo::Codifica;
use crate::ast::Colonna;

/// The built-in presets: name and TOML text.
pub const PRESET: &[(&str, &str)] = &[
    ("quadra", include_str!("../../../profili/quadra.toml")),
    (
        "milano-ds397",
        include_str!("../../../profili/milano-ds397.toml"),
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
