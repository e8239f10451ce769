//! Tables of chapters (CSV open data, spreadsheet exports) read through a
//! mapping profile into the same [`Documento`] the report parser builds, so
//! that every rule about chapters runs on them unchanged.
//!
//! - [`profilo`]: the profile (TOML, two-phase validated) and the presets;
//! - [`testo`]: encoding, separator, where cells are;
//! - [`numeri`]: Italian and English amounts, the file's convention;
//! - [`valori`]: codes in their written forms;
//! - [`csv`]: the header, the year, the number form, then each record;
//! - `riga`: one record -> one chapter, or located diagnostics;
//! - [`foglio`]: spreadsheets (XLSX, XLS, ODS) as tab-separated text;
//! - [`modello`]: rows -> [`Documento`];
//! - [`applicabili`]: the rules a table cannot feed;
//! - [`messaggi`]: every sentence said to people.

pub mod applicabili;
pub mod csv;
pub mod foglio;
pub mod messaggi;
pub mod modello;
pub mod numeri;
pub mod profilo;
mod riga;
pub mod testo;
pub mod valori;

use std::path::Path;

pub use self::csv::Copertura;
pub use profilo::Profilo;

use crate::ast::Documento;
use crate::config::ConfigError;
use crate::diagnostic::ParseDiagnostic;
use crate::render::{render_stderr, Fonte, Located};

/// A table read into the model.
#[derive(Debug)]
pub struct Letta {
    /// The decoded text: spans index it, and findings are drawn from it.
    pub testo: String,
    /// The chapters as reports.
    pub documento: Documento,
    /// Located problems, in file order.
    pub diagnostiche: Vec<ParseDiagnostic>,
    /// What the table holds.
    pub copertura: Copertura,
    /// What was left out or read specially.
    pub note: Vec<String>,
    /// The profile used.
    pub profilo: String,
}

/// Extensions of the files read as tables.
pub const ESTENSIONI: &[&str] = &["csv", "tsv", "xlsx", "xlsm", "xls", "xlsb", "ods"];

/// True when `path` is a table quadra reads with a profile (see [`ESTENSIONI`]).
pub fn e_tabella(path: &str) -> bool {
    Path::new(path)
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ESTENSIONI.iter().any(|x| e.eq_ignore_ascii_case(x)))
}

/// The text of a table: a spreadsheet's sheet laid out as tab-separated
/// text (with the row and column it starts at), or the decoded CSV.
fn testo_di(bytes: &[u8], p: &Profilo) -> Result<(String, csv::Origine), String> {
    if foglio::e_foglio(bytes) {
        let f = foglio::in_testo(bytes, p.foglio.as_deref(), p.decimali)?;
        let o = csv::Origine {
            separatore: Some(b'\t'),
            riga0: f.riga0,
            col0: f.col0,
        };
        return Ok((f.testo, o));
    }
    let d = testo::decodifica(bytes, p.codifica).map_err(|e| messaggi::non_utf8(e.byte))?;
    Ok((d.testo, csv::Origine::default()))
}

/// The errors of a profile, rendered located in its text.
pub fn rendi_errori(nome: &str, testo: &str, errori: &[ConfigError]) -> String {
    let fonte = Fonte::new(nome, testo.as_bytes());
    let shown: Vec<Located<'_>> = errori
        .iter()
        .take(50)
        .map(|e| Located::config(e, &fonte))
        .collect();
    format!(
        "{}quadra: {} problem(s) in the profile {nome}; nothing was read\n",
        render_stderr(&shown),
        errori.len()
    )
}

/// The profile `--profile` names (a preset or a file), or, without one,
/// the first preset that recognises the table's header. `Err`: the text to
/// print (located profile errors, or why none applies).
pub fn scegli(arg: Option<&str>, bytes: &[u8]) -> Result<Profilo, String> {
    if let Some(arg) = arg {
        let (nome, testo) = profilo::carica(arg)?;
        let stem = Path::new(arg)
            .file_stem()
            .map_or(arg.to_string(), |s| s.to_string_lossy().into_owned());
        return profilo::leggi(&testo, &stem).map_err(|e| rendi_errori(&nome, &testo, &e));
    }
    for (n, t) in profilo::PRESET {
        let Ok(p) = profilo::leggi(t, n) else {
            continue;
        };
        let Ok((t, o)) = testo_di(bytes, &p) else {
            continue;
        };
        if csv::riconosce(&t, &p, &o) {
            return Ok(p);
        }
    }
    Err(messaggi::nessun_profilo())
}

/// Read a table with a profile. `Err`: nothing can be read, and why.
pub fn leggi(bytes: &[u8], p: &Profilo) -> Result<Letta, String> {
    let (testo, o) = testo_di(bytes, p)?;
    let lette = csv::leggi_da(&testo, p, &o)?;
    let documento = modello::documento(lette.righe);
    Ok(Letta {
        testo,
        documento,
        diagnostiche: lette.diagnostiche,
        copertura: lette.copertura,
        note: lette.note,
        profilo: p.nome.clone(),
    })
}

/// [`scegli`] then [`leggi`].
pub fn apri(arg: Option<&str>, bytes: &[u8]) -> Result<Letta, String> {
    let p = scegli(arg, bytes)?;
    leggi(bytes, &p)
}
