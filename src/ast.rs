//! The typed syntax tree of a Report Commissioni. It mirrors the document: a
//! file holds one or more reports (one per Direzione), a report holds its seven
//! sections and its narrative pages. Every node carries the byte [`Span`] of the
//! text it was read from; [`crate::span::LineIndex::locate`] turns it into a
//! line and column.
//!
//! Names are the users' words (`capitolo`, `vincolato`, `missione`...), so that
//! an auditor reading the JSON recognises the document.

pub mod importi;
pub mod spans;

use serde::Serialize;

pub use importi::{Colonna, Importi, ImportiCapitale, ImportiCorrenti, SpanImporti};
pub use spans::Foglia;

use crate::codes::{ChiavePeg, MissioneProgramma, Pdc};
use crate::span::Span;

/// Version of the JSON shape of the AST printed by `quadra parse`. Bumped on
/// every incompatible change (README documents each version).
pub const AST_SCHEMA_VERSION: u32 = 2;

/// A budget row with the headings above it, as yielded by [`Report::righe`].
#[derive(Debug, Clone, Copy)]
pub struct RigaInContesto<'r> {
    /// The section.
    pub sezione: SezioneId,
    /// The Settore.
    pub settore: &'r Settore,
    /// The Titolo.
    pub titolo: &'r Titolo,
    /// The Tipologia / Macroaggregato.
    pub gruppo: &'r Gruppo,
    /// The row.
    pub riga: &'r Riga,
}

impl Report {
    /// Every budget row of the tabular sections, in document order, with its headings.
    pub fn righe(&self) -> impl Iterator<Item = RigaInContesto<'_>> {
        self.sezioni.iter().flat_map(|s| {
            let t = match &s.corpo {
                Corpo::Tabella(t) => Some(t),
                _ => None,
            };
            t.into_iter().flat_map(move |t| {
                t.settori.iter().flat_map(move |settore| {
                    settore.titoli.iter().flat_map(move |titolo| {
                        titolo.gruppi.iter().flat_map(move |gruppo| {
                            gruppo.righe.iter().map(move |riga| RigaInContesto {
                                sezione: s.id,
                                settore,
                                titolo,
                                gruppo,
                                riga,
                            })
                        })
                    })
                })
            })
        })
    }

    /// The section with this id, if the report has it.
    pub fn sezione(&self, id: SezioneId) -> Option<&Sezione> {
        self.sezioni.iter().find(|s| s.id == id)
    }
}

/// Everything read from one input file.
#[derive(Debug, Clone, Serialize)]
pub struct Documento {
    /// The reports, in file order (the city's full document is one per Direzione).
    pub reports: Vec<Report>,
}

/// One Direzione's report: the tabular sections and the narrative pages.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// From the first line of its first section to its last line.
    pub span: Span,
    /// The title line, e.g. `Bilancio di Previsione 2022 - REPORT COMMISSIONI -`.
    pub titolo: Option<Testo>,
    /// The budget year (`ANNO : 2022`), the year of the `previsione` column.
    pub anno: Option<u16>,
    /// The Direzione, read from the first tabular section (`DIR07   DIREZIONE WELFARE E SALUTE`).
    pub direzione: Option<Intestazione<String>>,
    /// Sections in document order (1.A, 1.B, 1.C, 1.D, 2.A, 2.B, 2.C).
    pub sezioni: Vec<Sezione>,
    /// The narrative pages after the tables.
    pub narrativa: Vec<BloccoNarrativo>,
    /// Lines recognised as page furniture (footers, repeated column headers,
    /// repeated titles) and set aside: listed so that nothing is dropped unseen.
    pub rumore: Vec<Rumore>,
}

/// A piece of text with its span; multi-line text is joined as the document
/// means it (wrapped table cells with one space, prose with newlines).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Testo {
    /// Where the text is.
    pub span: Span,
    /// The text.
    pub testo: String,
}

/// A heading line with a code and a name: Direzione (`DIR07`), Settore (`51`),
/// Titolo (`2`), Tipologia or Macroaggregato (`01`), Missione (`12`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Intestazione<C> {
    /// The heading line.
    pub span: Span,
    /// The code.
    pub codice: C,
    /// The name after the code, without the fused label (`TITOLO`, `TIPOLOGIA:`...).
    pub nome: String,
}

/// The seven sections of a Report Commissioni.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum SezioneId {
    /// 1.A ENTRATE CORRENTI.
    #[serde(rename = "1.A")]
    EntrateCorrenti,
    /// 1.B SPESE CORRENTI.
    #[serde(rename = "1.B")]
    SpeseCorrenti,
    /// 1.C RIEPILOGO ENTRATE e SPESE CORRENTI VINCOLATE.
    #[serde(rename = "1.C")]
    RiepilogoVincolate,
    /// 1.D RIEPILOGO SPESA CORRENTE per MISSIONE e PROGRAMMA.
    #[serde(rename = "1.D")]
    RiepilogoSpesaCorrente,
    /// 2.A ENTRATE IN CONTO CAPITALE.
    #[serde(rename = "2.A")]
    EntrateCapitale,
    /// 2.B SPESE IN CONTO CAPITALE.
    #[serde(rename = "2.B")]
    SpeseCapitale,
    /// 2.C RIEPILOGO SPESA IN CONTO CAPITALE per MISSIONE e PROGRAMMA.
    #[serde(rename = "2.C")]
    RiepilogoSpesaCapitale,
}

impl SezioneId {
    /// All sections in document order.
    pub const ALL: [SezioneId; 7] = [
        SezioneId::EntrateCorrenti,
        SezioneId::SpeseCorrenti,
        SezioneId::RiepilogoVincolate,
        SezioneId::RiepilogoSpesaCorrente,
        SezioneId::EntrateCapitale,
        SezioneId::SpeseCapitale,
        SezioneId::RiepilogoSpesaCapitale,
    ];

    /// The id as printed in the report (`1.A`).
    pub fn code(self) -> &'static str {
        match self {
            SezioneId::EntrateCorrenti => "1.A",
            SezioneId::SpeseCorrenti => "1.B",
            SezioneId::RiepilogoVincolate => "1.C",
            SezioneId::RiepilogoSpesaCorrente => "1.D",
            SezioneId::EntrateCapitale => "2.A",
            SezioneId::SpeseCapitale => "2.B",
            SezioneId::RiepilogoSpesaCapitale => "2.C",
        }
    }

    /// The full title as the report prints it (a wrapped title is complete only
    /// when it reads this way).
    pub fn title(self) -> &'static str {
        match self {
            SezioneId::EntrateCorrenti => "ENTRATE CORRENTI",
            SezioneId::SpeseCorrenti => "SPESE CORRENTI",
            SezioneId::RiepilogoVincolate => "RIEPILOGO ENTRATE e SPESE CORRENTI VINCOLATE",
            SezioneId::RiepilogoSpesaCorrente => {
                "RIEPILOGO SPESA CORRENTE per MISSIONE e PROGRAMMA"
            }
            SezioneId::EntrateCapitale => "ENTRATE IN CONTO CAPITALE",
            SezioneId::SpeseCapitale => "SPESE IN CONTO CAPITALE",
            SezioneId::RiepilogoSpesaCapitale => {
                "RIEPILOGO SPESA IN CONTO CAPITALE per MISSIONE e PROGRAMMA"
            }
        }
    }

    /// Parse `1.A` ... `2.C`.
    pub fn from_code(code: &str) -> Option<SezioneId> {
        SezioneId::ALL.into_iter().find(|s| s.code() == code)
    }

    /// True for the capital sections (2.x), whose amounts have the "di cui" columns.
    pub fn is_capitale(self) -> bool {
        matches!(
            self,
            SezioneId::EntrateCapitale
                | SezioneId::SpeseCapitale
                | SezioneId::RiepilogoSpesaCapitale
        )
    }

    /// True for spending sections, whose rows carry a missione-programma.
    pub fn is_spesa(self) -> bool {
        matches!(self, SezioneId::SpeseCorrenti | SezioneId::SpeseCapitale)
    }
}

/// One section: its header, year and body.
#[derive(Debug, Clone, Serialize)]
pub struct Sezione {
    /// Which section.
    pub id: SezioneId,
    /// From the header line to the section's last line.
    pub span: Span,
    /// The header line(s) (`1.A        ENTRATE CORRENTI`, wrapped titles included).
    pub intestazione: Testo,
    /// The `ANNO :` lines of the section, when printed.
    pub anno: Option<Anno>,
    /// The section's content.
    pub corpo: Corpo,
}

/// The `ANNO :` / `2022` lines under a section header.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Anno {
    /// Both lines.
    pub span: Span,
    /// The year.
    pub anno: u16,
}

/// The body of a section, by kind.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "tipo", rename_all = "snake_case")]
// A report has at most seven sections: boxing the larger body would save
// nothing worth an indirection.
#[allow(clippy::large_enum_variant)]
pub enum Corpo {
    /// 1.A, 1.B, 2.A, 2.B: rows under Direzione > Settore > Titolo > Tipologia/Macroaggregato.
    Tabella(Tabella),
    /// 1.C: V revenue and spending per titolo.
    Vincolate(RiepilogoVincolate),
    /// 1.D, 2.C: spending per missione and programma.
    Missioni(RiepilogoMissioni),
}

/// A tabular section (1.A, 1.B, 2.A, 2.B).
#[derive(Debug, Clone, Serialize)]
pub struct Tabella {
    /// The Direzione heading.
    pub direzione: Option<Intestazione<String>>,
    /// The Settori (centri di responsabilità).
    pub settori: Vec<Settore>,
    /// `Totale DIR07`.
    pub totale: Option<Totale>,
}

/// A Settore (centro di responsabilità) with its titoli.
#[derive(Debug, Clone, Serialize)]
pub struct Settore {
    /// From the heading to the Settore total.
    pub span: Span,
    /// `51 AREA DIRITTI E INCLUSIONE`; `None` when rows came before any Settore heading.
    pub intestazione: Option<Intestazione<u32>>,
    /// The titoli.
    pub titoli: Vec<Titolo>,
    /// `Totale Settore 51`.
    pub totale: Option<Totale>,
}

/// A Titolo of the legal classification.
#[derive(Debug, Clone, Serialize)]
pub struct Titolo {
    /// From the heading to its last group.
    pub span: Span,
    /// `2 TRASFERIMENTI CORRENTITITOLO`; `None` when rows came before any Titolo heading.
    pub intestazione: Option<Intestazione<u8>>,
    /// Tipologie (revenue) or Macroaggregati (spending); in 2.B one group without heading.
    pub gruppi: Vec<Gruppo>,
    /// The Titolo total, where the report prints one (2.B).
    pub totale: Option<Totale>,
}

/// Kind of the group level under a Titolo.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TipoGruppo {
    /// Revenue: `01 TRASFERIMENTI CORRENTITIPOLOGIA:`.
    Tipologia,
    /// Spending: `03 ACQUISTO DI BENI E SERVIZIMACROAGGR:`.
    Macroaggregato,
    /// Rows straight under the Titolo (2.B prints no group level).
    Nessuno,
}

/// A Tipologia or Macroaggregato with its rows.
#[derive(Debug, Clone, Serialize)]
pub struct Gruppo {
    /// From the heading to the group total.
    pub span: Span,
    /// Which level this is.
    pub tipo: TipoGruppo,
    /// The heading; `None` for [`TipoGruppo::Nessuno`] or rows before any heading.
    pub intestazione: Option<Intestazione<u8>>,
    /// Budget rows, in document order.
    pub righe: Vec<Riga>,
    /// The group total.
    pub totale: Option<Totale>,
}

/// One budget row (a PEG chapter).
#[derive(Debug, Clone, Serialize)]
pub struct Riga {
    /// All lines of the row, wrapped description and amounts included.
    pub span: Span,
    /// Capitolo, articolo, sub-number.
    pub chiave: ChiavePeg,
    /// Where the key is printed.
    pub chiave_span: Span,
    /// The PDC code (current sections only; capital rows have none).
    pub pdc: Option<Pdc>,
    /// The description, wrapped lines joined with one space, markers removed.
    pub descrizione: String,
    /// `V`: earmarked.
    pub vincolato: bool,
    /// `(ART.NON RIPETUTO)`: article not repeated in the new year.
    pub non_ripetuto: bool,
    /// A leading `*` on the description.
    pub asterisco: bool,
    /// The amounts, in named columns.
    pub importi: Importi,
    /// Where the amounts are printed (first to last amount).
    pub importi_span: Span,
    /// Where each amount is printed.
    pub spans_importi: SpanImporti,
    /// Missione-programma (spending sections).
    pub missione_programma: Option<MissioneProgramma>,
}

/// Level of a declared total.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LivelloTotale {
    /// Tipologia or Macroaggregato.
    Gruppo,
    /// Titolo.
    Titolo,
    /// Settore.
    Settore,
    /// Direzione.
    Direzione,
    /// A Missione of 1.D / 2.C.
    Missione,
    /// The ENTRATE or SPESE part of 1.C.
    Parte,
    /// The closing total of a whole summary (`Totale SPESE IN CONTO CAPITALE` in 2.C).
    Sezione,
}

/// A declared total line, as printed.
#[derive(Debug, Clone, Serialize)]
pub struct Totale {
    /// All lines of the total, wrapped label included.
    pub span: Span,
    /// What it totals.
    pub livello: LivelloTotale,
    /// The label, wrapped lines joined (`Totale Settore 51`, `Totale ACQUISTO DI BENI E SERVIZI`).
    pub etichetta: String,
    /// The amounts in named columns.
    pub importi: Importi,
    /// The fifth amount of spending subtotals in 1.B, which repeats the prior-year forecast.
    pub previsione_precedente_ripetuta: Option<rust_decimal::Decimal>,
    /// Where each amount is printed (the fifth column of 1.B included).
    pub spans_importi: SpanImporti,
}

/// Section 1.C: earmarked revenue and spending per titolo.
#[derive(Debug, Clone, Serialize)]
pub struct RiepilogoVincolate {
    /// The ENTRATE CORRENTI part, then the SPESE CORRENTI part.
    pub parti: Vec<ParteVincolate>,
}

/// One part (ENTRATE CORRENTI or SPESE CORRENTI) of 1.C.
#[derive(Debug, Clone, Serialize)]
pub struct ParteVincolate {
    /// From the part heading to its total.
    pub span: Span,
    /// `ENTRATE CORRENTI` / `SPESE CORRENTI`.
    pub intestazione: Option<Testo>,
    /// The Direzione name line.
    pub direzione: Option<Testo>,
    /// One row per titolo.
    pub righe: Vec<RigaTitolo>,
    /// `Totale ENTRATE` / `Totale SPESE`.
    pub totale: Option<Totale>,
}

/// A 1.C row: the V amounts of one titolo.
#[derive(Debug, Clone, Serialize)]
pub struct RigaTitolo {
    /// The row's lines.
    pub span: Span,
    /// The `V` flag printed before the amounts.
    pub vincolato: bool,
    /// The titolo code.
    pub titolo: u8,
    /// The titolo description.
    pub descrizione: String,
    /// Amounts.
    pub importi: Importi,
    /// Where each amount is printed.
    pub spans_importi: SpanImporti,
}

/// Sections 1.D and 2.C: spending per missione and programma.
#[derive(Debug, Clone, Serialize)]
pub struct RiepilogoMissioni {
    /// `SPESE CORRENTI` (1.D) or `SPESE IN CONTO CAPITALE TITOLO 2` (2.C).
    pub intestazione: Option<Testo>,
    /// The Direzione name line.
    pub direzione: Option<Testo>,
    /// The missioni.
    pub missioni: Vec<Missione>,
    /// The Direzione total.
    pub totale_direzione: Option<Totale>,
    /// The closing total of the summary (2.C: `Totale SPESE IN CONTO CAPITALE`).
    pub totale_generale: Option<Totale>,
}

/// A missione with its programmi.
#[derive(Debug, Clone, Serialize)]
pub struct Missione {
    /// From the heading to the missione total.
    pub span: Span,
    /// `12 DIRITTI SOCIALI, POLITICHE SOCIALI E FAMIGLIA`.
    pub intestazione: Option<Intestazione<u8>>,
    /// One row per programma.
    pub programmi: Vec<RigaProgramma>,
    /// The missione total.
    pub totale: Option<Totale>,
}

/// A programma row of 1.D / 2.C.
#[derive(Debug, Clone, Serialize)]
pub struct RigaProgramma {
    /// The row's lines.
    pub span: Span,
    /// Programma code as printed.
    pub programma: u8,
    /// Missione (from the heading) and programma.
    pub missione_programma: Option<MissioneProgramma>,
    /// The programma description.
    pub descrizione: String,
    /// Amounts.
    pub importi: Importi,
    /// Where each amount is printed.
    pub spans_importi: SpanImporti,
}

/// One narrative page group: missione, strategic objective, operational
/// programme, Direzione and the description of aims.
#[derive(Debug, Clone, Serialize)]
pub struct BloccoNarrativo {
    /// From `MISSIONE` to the line before the next block.
    pub span: Span,
    /// Text under `MISSIONE`.
    pub missione: Option<Testo>,
    /// Text under `OBIETTIVO STRATEGICO`.
    pub obiettivo_strategico: Option<Testo>,
    /// Text under `PROGRAMMA OPERATIVO`.
    pub programma_operativo: Option<Testo>,
    /// Text under `DIREZIONE`.
    pub direzione: Option<Testo>,
    /// Text under `DESCRIZIONE DELLE FINALITA'`, lines kept as lines.
    pub finalita: Option<Testo>,
}

/// Page furniture that was recognised and set aside.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Rumore {
    /// The line.
    pub span: Span,
    /// What it is.
    pub tipo: TipoRumore,
}

/// Kinds of page furniture.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TipoRumore {
    /// `Bilancio di Previsione 2022 - REPORT COMMISSIONI -` (repeated before sections).
    TitoloReport,
    /// `Bilancio di Previsione 2022 - ENTRATE CORRENTI pag. 4`.
    PiePagina,
    /// Column headers, whole or in fragments (`PEGPDC DESCRIZIONE PEG VINC...`, `Miss.-`).
    IntestazioneColonne,
}
