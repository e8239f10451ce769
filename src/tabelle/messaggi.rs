//! Every sentence the table reader and the reconciliation say to people,
//! in one place, so that they can move into the translation catalogue as
//! they are. Cells are named by their A1 reference and their header.

use std::fmt::Display;

/// `cell D5 (`STANZIAMENTO 2022`)`.
pub fn cella(a1: &str, header: &str) -> String {
    crate::tr!("table-cell", a1 = a1, header = header)
}

/// A cell that is not an amount.
pub fn non_importo(cella: &str, testo: &str) -> (String, String, String) {
    (
        crate::tr!("table-not-amount", cell = cella, text = testo),
        crate::tr!("table-not-amount-label"),
        crate::tr!("table-not-amount-help"),
    )
}

/// A cell both conventions read, differently.
pub fn ambiguo(cella: &str, testo: &str) -> (String, String, String) {
    (
        crate::tr!("table-ambiguous", cell = cella, text = testo),
        crate::tr!("table-ambiguous-label"),
        crate::tr!("table-ambiguous-help"),
    )
}

/// A cell written in the other convention than the file's.
pub fn altra_convenzione(cella: &str, testo: &str, virgola: bool) -> (String, String, String) {
    let id = if virgola {
        "table-other-form-comma"
    } else {
        "table-other-form-point"
    };
    (
        crate::tr!(id, cell = cella, text = testo),
        crate::tr!("table-other-form-label"),
        crate::tr!("table-other-form-help"),
    )
}

/// An amount too large for an exact decimal.
pub fn troppo(cella: &str, testo: &str) -> (String, String, String) {
    (
        crate::tr!("table-too-large", cell = cella, text = testo),
        crate::tr!("table-too-large-label"),
        crate::tr!("table-too-large-help"),
    )
}

/// An amount in a column the chapter's section does not have.
pub fn colonna_estranea(cella: &str, testo: &str, sezione: &str) -> (String, String, String) {
    (
        crate::tr!(
            "table-foreign-column",
            cell = cella,
            text = testo,
            section = sezione
        ),
        crate::tr!("table-foreign-column-label"),
        crate::tr!("table-foreign-column-help"),
    )
}

/// A code cell that is not the number it should be.
pub fn codice(cella: &str, testo: &str, cosa: &str) -> (String, String, String) {
    (
        crate::tr!("table-code", cell = cella, text = testo, what = cosa),
        crate::tr!("table-code-label", what = cosa),
        crate::tr!("table-code-help", what = cosa),
    )
}

/// A row with no PEG key.
pub fn senza_chiave(riga: u64) -> (String, String, String) {
    (
        crate::tr!("table-no-key", row = riga),
        crate::tr!("table-no-key-label"),
        crate::tr!("table-no-key-help"),
    )
}

/// A section cell that is not one of the tabular sections.
pub fn sezione(cella: &str, testo: &str) -> (String, String, String) {
    (
        crate::tr!("table-section", cell = cella, text = testo),
        crate::tr!("table-section-label"),
        crate::tr!("table-section-help"),
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
        crate::tr!(
            "table-kind",
            cell = cella,
            text = testo,
            entrate = entrate.join(", "),
            uscite = uscite.join(", ")
        ),
        crate::tr!("table-kind-label"),
        crate::tr!("table-kind-help"),
    )
}

/// A row whose section cannot be told (no titolo, no PDC).
pub fn senza_titolo(riga: u64) -> (String, String, String) {
    (
        crate::tr!("table-no-titolo", row = riga),
        crate::tr!("table-no-titolo-label"),
        crate::tr!("table-no-titolo-help"),
    )
}

/// A flag cell that is neither true nor false.
pub fn flag(cella: &str, testo: &str) -> (String, String, String) {
    (
        crate::tr!("table-flag", cell = cella, text = testo),
        crate::tr!("table-flag-label"),
        crate::tr!("table-flag-help"),
    )
}

/// A PDC cell that is not a PDC code.
pub fn pdc(cella: &str, testo: &str) -> (String, String, String) {
    (
        crate::tr!("table-pdc", cell = cella, text = testo),
        crate::tr!("table-pdc-label"),
        crate::tr!("table-pdc-help"),
    )
}

/// A missione-programma that is not one.
pub fn missione_programma(cella: &str, testo: &str) -> (String, String, String) {
    (
        crate::tr!("table-mp", cell = cella, text = testo),
        crate::tr!("table-mp-label"),
        crate::tr!("table-mp-help"),
    )
}

/// A row with another number of cells than the header.
pub fn celle_contate(riga: u64, n: usize, header: usize) -> (String, String, String) {
    (
        crate::tr!("table-cells", row = riga, n = n, header = header),
        crate::tr!("table-cells-label"),
        crate::tr!("table-cells-help"),
    )
}

/// Too many problems.
pub fn troppi(n: usize) -> String {
    crate::tr!("table-too-many", n = n)
}

/// The profile could not be read.
pub fn profilo_illeggibile(arg: &str, e: &dyn Display) -> String {
    let presets: Vec<&str> = super::profilo::PRESET.iter().map(|(n, _)| *n).collect();
    crate::tr!(
        "table-profile-unreadable",
        arg = arg,
        presets = presets.join(", "),
        error = e.to_string()
    )
}

/// A field the profile maps whose header is not in the table.
pub fn header_mancante(chiave: &str, header: &str) -> String {
    crate::tr!("table-note-missing-header", header = header, key = chiave)
}

/// A required field whose header is not in the table: nothing can be read.
pub fn header_obbligatorio(chiave: &str, header: &str, profilo: &str) -> String {
    crate::tr!(
        "table-header-required",
        header = header,
        profile = profilo,
        key = chiave
    )
}

/// No year in the headers.
pub fn senza_anno(chiave: &str, header: &str) -> String {
    crate::tr!("table-no-year", header = header, key = chiave)
}

/// Rows left out by filters.
pub fn filtrate(n: usize) -> String {
    crate::tr!("table-note-filtered", n = n)
}

/// Rows whose titolo no section of a Report Commissioni holds.
pub fn fuori_sezione(n: usize, titoli: &str) -> String {
    crate::tr!("table-note-out-of-section", n = n, titoli = titoli)
}

/// Empty amount cells, per header.
pub fn vuote(n: usize, header: &str) -> String {
    crate::tr!("table-note-empty", n = n, header = header)
}

/// A spreadsheet calamine cannot open.
pub fn foglio_illeggibile(e: &dyn Display) -> String {
    crate::tr!("table-sheet-unreadable", error = e.to_string())
}

/// The profile names a sheet the workbook does not have.
pub fn foglio_mancante(nome: &str, fogli: &[String]) -> String {
    crate::tr!(
        "table-sheet-missing",
        name = nome,
        sheets = fogli.join(", ")
    )
}

/// The table is empty.
pub fn vuota() -> String {
    crate::tr!("table-empty")
}

/// The file is not UTF-8 though the profile says so.
pub fn non_utf8(byte: usize) -> String {
    crate::tr!("table-not-utf8", byte = byte)
}

/// No profile given and none recognises the header.
pub fn nessun_profilo() -> String {
    crate::tr!("table-no-profile")
}

/// The rules a table cannot feed, for the summary.
pub fn non_applicabili(n: &[(String, &'static str)]) -> String {
    let list: Vec<String> = n
        .iter()
        .map(|(id, why)| format!("{id} ({})", perche::testo(why)))
        .collect();
    crate::tr!("table-not-applicable", rules = list.join(", "))
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

    /// A reason (one of the constants above, which JSON gives as they
    /// are) in the current language.
    pub fn testo(why: &str) -> String {
        match why {
            TOTALI => crate::tr!("table-why-totals"),
            RIEPILOGHI => crate::tr!("table-why-summaries"),
            VINCOLATO => crate::tr!("table-why-vincolato"),
            PDC => crate::tr!("table-why-pdc"),
            TITOLO => crate::tr!("table-why-titolo"),
            MISSIONE => crate::tr!("table-why-missione"),
            PREVISIONE_PRECEDENTE => crate::tr!("table-why-previous-forecast"),
            RENDICONTO => crate::tr!("table-why-rendiconto"),
            DI_CUI => crate::tr!("table-why-di-cui"),
            PREVISIONE => crate::tr!("table-why-forecast"),
            SETTORE => crate::tr!("table-why-settore"),
            other => other.to_string(),
        }
    }
}
