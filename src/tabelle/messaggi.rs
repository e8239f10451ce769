//! Every sentence the table reader and the reconciliation say to people,
//! in one place, so that they can move into the translation catalogue as
//! they are. Cells are named by their A1 reference and their header.

use std::fmt::Display;

/// `cell D5 (`STANZIAMENTO 2022`)`.
pub fn cella(a1: &str, header: &str) -> String {
    format!("cell {a1} (`{header}`)")
}

/// A cell that is not an amount.
pub fn non_importo(cella: &str, testo: &str) -> (String, String, String) {
    (
        format!("{cella}: `{testo}` is not an amount"),
        "not an amount".into(),
        "write the amount as 1.234,56 or 1234.56; an empty cell means no amount".into(),
    )
}

/// A cell both conventions read, differently.
pub fn ambiguo(cella: &str, testo: &str) -> (String, String, String) {
    (
        format!("{cella}: `{testo}` reads one way with a decimal comma and another with a decimal point, and no cell of the file settles which"),
        "ambiguous amount".into(),
        "set the profile key `decimal` to \",\" (1.234 is one thousand two hundred thirty-four) or \".\" (1.234 is one point two three four)".into(),
    )
}

/// A cell written in the other convention than the file's.
pub fn altra_convenzione(cella: &str, testo: &str, virgola: bool) -> (String, String, String) {
    let (qui, la) = if virgola {
        ("a decimal comma (1.234,56)", "decimal")
    } else {
        ("a decimal point (1,234.56)", "decimal")
    };
    (
        format!(
            "{cella}: `{testo}` is not written with {qui}, the number form of this file"
        ),
        "other number form".into(),
        format!(
            "correct the cell; the profile key `{la}` sets the form (\",\" or \".\"; \"auto\": the form most cells use)"
        ),
    )
}

/// An amount too large for an exact decimal.
pub fn troppo(cella: &str, testo: &str) -> (String, String, String) {
    (
        format!("{cella}: `{testo}` is too large to hold exactly"),
        "too large".into(),
        "amounts are exact decimals of at most 28 digits".into(),
    )
}

/// An amount in a column the chapter's section does not have.
pub fn colonna_estranea(cella: &str, testo: &str, sezione: &str) -> (String, String, String) {
    (
        format!(
            "{cella}: `{testo}` is an amount in a column the chapters of {sezione} do not have"
        ),
        "column not in this section".into(),
        "the \"di cui\" columns belong to capital chapters (2.A, 2.B); leave the cell empty".into(),
    )
}

/// A code cell that is not the number it should be.
pub fn codice(cella: &str, testo: &str, cosa: &str) -> (String, String, String) {
    (
        format!("{cella}: `{testo}` is not a {cosa}"),
        format!("not a {cosa}"),
        format!("write the {cosa} as a whole number"),
    )
}

/// A row with no PEG key.
pub fn senza_chiave(riga: u64) -> (String, String, String) {
    (
        format!("row {riga} has no PEG key: it is not read as a chapter"),
        "no PEG key".into(),
        "every chapter needs capitolo and articolo (or one `chiave` cell `3763 20 2`)".into(),
    )
}

/// A section cell that is not one of the tabular sections.
pub fn sezione(cella: &str, testo: &str) -> (String, String, String) {
    (
        format!("{cella}: `{testo}` is not a section with chapters"),
        "not a section".into(),
        "write 1.A, 1.B, 2.A or 2.B".into(),
    )
}

/// A revenue / spending cell with neither value.
pub fn tipo(
    cella: &str,
    testo: &str,
    entrate: &[String],
    uscite: &[String],
) -> (String, String, String) {
    (
        format!(
            "{cella}: `{testo}` is neither revenue ({}) nor spending ({})",
            entrate.join(", "),
            uscite.join(", ")
        ),
        "neither revenue nor spending".into(),
        "add the value to `kind.entrate` or `kind.uscite` in the profile".into(),
    )
}

/// A row whose section cannot be told (no titolo, no PDC).
pub fn senza_titolo(riga: u64) -> (String, String, String) {
    (
        format!("row {riga} has no titolo (nor a PDC to read it from): its section cannot be told"),
        "no titolo".into(),
        "fill the titolo or the PDC of the chapter".into(),
    )
}

/// A flag cell that is neither true nor false.
pub fn flag(cella: &str, testo: &str) -> (String, String, String) {
    (
        format!("{cella}: `{testo}` is neither true nor false"),
        "not a flag".into(),
        "write true / false (or a value listed in the profile's `true` / `false` keys)".into(),
    )
}

/// A PDC cell that is not a PDC code.
pub fn pdc(cella: &str, testo: &str) -> (String, String, String) {
    (
        format!("{cella}: `{testo}` is not a PDC code"),
        "not a PDC".into(),
        "write ten digits (1030215000), or the dotted form U.1.03.02.15.000 / 1.03.02.15".into(),
    )
}

/// A missione-programma that is not one.
pub fn missione_programma(cella: &str, testo: &str) -> (String, String, String) {
    (
        format!("{cella}: `{testo}` is not a missione-programma"),
        "not a missione-programma".into(),
        "write `12 04` (missione and programma, two digits each)".into(),
    )
}

/// A row with another number of cells than the header.
pub fn celle_contate(riga: u64, n: usize, header: usize) -> (String, String, String) {
    (
        format!("row {riga} has {n} cell(s) where the header has {header}"),
        "cells out of line".into(),
        "a separator inside a cell must be quoted (\"a;b\"); the missing cells are read as empty"
            .into(),
    )
}

/// Too many problems.
pub fn troppi(n: usize) -> String {
    format!("more than {n} problems in the table: the rest are not listed")
}

/// The profile could not be read.
pub fn profilo_illeggibile(arg: &str, e: &dyn Display) -> String {
    let presets: Vec<&str> = super::profilo::PRESET.iter().map(|(n, _)| *n).collect();
    format!(
        "`{arg}` is neither a built-in profile ({}) nor a readable file: {e}",
        presets.join(", ")
    )
}

/// A field the profile maps whose header is not in the table.
pub fn header_mancante(chiave: &str, header: &str) -> String {
    format!("column `{header}` (profile key `{chiave}`) is not in the table's header; that field is left empty")
}

/// A required field whose header is not in the table: nothing can be read.
pub fn header_obbligatorio(chiave: &str, header: &str, profilo: &str) -> String {
    format!("the table has no column `{header}` (profile `{profilo}`, key `{chiave}`), which it needs to read chapters")
}

/// No year in the headers.
pub fn senza_anno(chiave: &str, header: &str) -> String {
    format!("no column of the header matches `{header}` (profile key `{chiave}`) for any year; set `year = <yyyy>` in the profile")
}

/// Rows left out by filters.
pub fn filtrate(n: usize) -> String {
    format!("{n} row(s) left out by the profile's filters")
}

/// Rows whose titolo no section of a Report Commissioni holds.
pub fn fuori_sezione(n: usize, titoli: &str) -> String {
    format!("{n} row(s) of titoli no section of the report holds, left out ({titoli})")
}

/// Empty amount cells, per header.
pub fn vuote(n: usize, header: &str) -> String {
    format!("{n} empty cell(s) of `{header}`: no amount (0,00 in the model, not a written 0)")
}

/// A spreadsheet calamine cannot open.
pub fn foglio_illeggibile(e: &dyn Display) -> String {
    format!("the spreadsheet cannot be read: {e}")
}

/// The profile names a sheet the workbook does not have.
pub fn foglio_mancante(nome: &str, fogli: &[String]) -> String {
    format!(
        "the workbook has no sheet `{nome}` (profile key `sheet`); its sheets: {}",
        fogli.join(", ")
    )
}

/// The table is empty.
pub const VUOTA: &str = "the table is empty: not even a header row";

/// The file is not UTF-8 though the profile says so.
pub fn non_utf8(byte: usize) -> String {
    format!("byte {byte} is not UTF-8 text, but the profile says `encoding = \"utf-8\"`; set `encoding = \"windows-1252\"` or `\"auto\"`")
}

/// No profile given and none recognises the header.
pub const NESSUN_PROFILO: &str =
    "no built-in profile recognises the table's header; give one with --profile NAME|FILE";

/// The rules a table cannot feed, for the summary.
pub fn non_applicabili(n: &[(String, &'static str)]) -> String {
    let list: Vec<String> = n.iter().map(|(id, why)| format!("{id} ({why})")).collect();
    format!("not applicable to this table: {}", list.join(", "))
}

/// The lines a checked table adds under the summary: the rules not
/// applicable, then the reader's notes.
pub fn riepilogo(na: &[(String, &'static str)], note: &[String]) -> Vec<String> {
    let mut v = Vec::new();
    if !na.is_empty() {
        v.push(non_applicabili(na));
    }
    v.extend(note.iter().cloned());
    v
}

/// Why a rule is not applicable.
pub mod perche {
    /// No declared totals.
    pub const TOTALI: &str = "no declared totals";
    /// No 1.C / 1.D / 2.C.
    pub const RIEPILOGHI: &str = "no summary sections 1.C / 1.D / 2.C";
    /// No V flag.
    pub const VINCOLATO: &str = "no V flag column";
    /// No PDC.
    pub const PDC: &str = "no PDC column";
    /// No titolo / gruppo heading.
    pub const TITOLO: &str = "no titolo / tipologia / macroaggregato column";
    /// No missione-programma.
    pub const MISSIONE: &str = "no missione-programma column";
    /// No previsione of the year before.
    pub const PREVISIONE_PRECEDENTE: &str = "no forecast of the year before";
    /// No rendiconto.
    pub const RENDICONTO: &str = "no rendiconto column";
    /// No "di cui" columns.
    pub const DI_CUI: &str = "no \"di cui\" columns";
    /// No previsione.
    pub const PREVISIONE: &str = "no forecast column";
    /// No Settore.
    pub const SETTORE: &str = "no Settore column";
}
