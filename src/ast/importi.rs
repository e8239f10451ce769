//! Amounts in named columns. Current sections (1.A-1.D) have three columns,
//! capital sections (2.A-2.C) six; the years of the columns come from the
//! report (`anno` for `previsione`, `anno - 1` for the others).

use rust_decimal::Decimal;
use serde::Serialize;

/// A named amount column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Colonna {
    /// PREVISIONE of the report's year.
    Previsione,
    /// PREVISIONE of the year before.
    PrevisionePrecedente,
    /// RENDICONTO (actual) of the year before.
    RendicontoPrecedente,
    /// di cui: CRONO OBBLIGAZIONI ANNI PRECEDENTI (capital).
    CronoAnniPrecedenti,
    /// di cui: ALTRI NUOVI STANZIAMENTI (capital).
    AltriNuoviStanziamenti,
    /// di cui: PROGRAMMA TRIENNALE LAVORI PUBBLICI (capital).
    ProgrammaTriennaleLp,
    /// The fifth amount of 1.B subtotals, repeating PREVISIONE of the year before.
    PrevisionePrecedenteRipetuta,
}

impl Colonna {
    /// The snake_case name used in JSON and CSV.
    pub fn name(self) -> &'static str {
        match self {
            Colonna::Previsione => "previsione",
            Colonna::PrevisionePrecedente => "previsione_precedente",
            Colonna::RendicontoPrecedente => "rendiconto_precedente",
            Colonna::CronoAnniPrecedenti => "crono_anni_precedenti",
            Colonna::AltriNuoviStanziamenti => "altri_nuovi_stanziamenti",
            Colonna::ProgrammaTriennaleLp => "programma_triennale_lp",
            Colonna::PrevisionePrecedenteRipetuta => "previsione_precedente_ripetuta",
        }
    }

    /// The column header as the report prints it, with the year resolved from
    /// the report's own year (never hard-coded).
    pub fn header(self, anno: u16) -> String {
        let prec = anno.saturating_sub(1);
        match self {
            Colonna::Previsione => format!("PREVISIONE {anno}"),
            Colonna::PrevisionePrecedente | Colonna::PrevisionePrecedenteRipetuta => {
                format!("PREVISIONE {prec}")
            }
            Colonna::RendicontoPrecedente => format!("RENDICONTO {prec}"),
            Colonna::CronoAnniPrecedenti => "di cui: CRONO OBBLIGAZIONI ANNI PRECEDENTI".into(),
            Colonna::AltriNuoviStanziamenti => "di cui: ALTRI NUOVI STANZIAMENTI".into(),
            Colonna::ProgrammaTriennaleLp => "di cui: PROGRAMMA TRIENNALE LAVORI PUBBLICI".into(),
        }
    }
}

/// The three columns of current sections.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
pub struct ImportiCorrenti {
    /// PREVISIONE of the year.
    pub previsione: Decimal,
    /// PREVISIONE of the year before.
    pub previsione_precedente: Decimal,
    /// RENDICONTO of the year before.
    pub rendiconto_precedente: Decimal,
}

/// The six columns of capital sections.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
pub struct ImportiCapitale {
    /// PREVISIONE of the year before.
    pub previsione_precedente: Decimal,
    /// PREVISIONE of the year.
    pub previsione: Decimal,
    /// di cui: crono obbligazioni anni precedenti.
    pub crono_anni_precedenti: Decimal,
    /// di cui: altri nuovi stanziamenti.
    pub altri_nuovi_stanziamenti: Decimal,
    /// di cui: programma triennale lavori pubblici.
    pub programma_triennale_lp: Decimal,
    /// RENDICONTO of the year before.
    pub rendiconto_precedente: Decimal,
}

/// Amounts of a row or total, in the shape of its section.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(untagged)]
pub enum Importi {
    /// 1.A, 1.B, 1.C, 1.D.
    Correnti(ImportiCorrenti),
    /// 2.A, 2.B, 2.C.
    Capitale(ImportiCapitale),
}

impl Importi {
    /// The value of one column, if this shape has it.
    pub fn get(&self, col: Colonna) -> Option<Decimal> {
        match (self, col) {
            (Importi::Correnti(c), Colonna::Previsione) => Some(c.previsione),
            (Importi::Correnti(c), Colonna::PrevisionePrecedente) => Some(c.previsione_precedente),
            (Importi::Correnti(c), Colonna::RendicontoPrecedente) => Some(c.rendiconto_precedente),
            (Importi::Capitale(c), Colonna::Previsione) => Some(c.previsione),
            (Importi::Capitale(c), Colonna::PrevisionePrecedente) => Some(c.previsione_precedente),
            (Importi::Capitale(c), Colonna::RendicontoPrecedente) => Some(c.rendiconto_precedente),
            (Importi::Capitale(c), Colonna::CronoAnniPrecedenti) => Some(c.crono_anni_precedenti),
            (Importi::Capitale(c), Colonna::AltriNuoviStanziamenti) => {
                Some(c.altri_nuovi_stanziamenti)
            }
            (Importi::Capitale(c), Colonna::ProgrammaTriennaleLp) => Some(c.programma_triennale_lp),
            _ => None,
        }
    }

    /// Set one column; false when this shape has no such column.
    pub fn set(&mut self, col: Colonna, v: Decimal) -> bool {
        let slot = match (self, col) {
            (Importi::Correnti(c), Colonna::Previsione) => &mut c.previsione,
            (Importi::Correnti(c), Colonna::PrevisionePrecedente) => &mut c.previsione_precedente,
            (Importi::Correnti(c), Colonna::RendicontoPrecedente) => &mut c.rendiconto_precedente,
            (Importi::Capitale(c), Colonna::Previsione) => &mut c.previsione,
            (Importi::Capitale(c), Colonna::PrevisionePrecedente) => &mut c.previsione_precedente,
            (Importi::Capitale(c), Colonna::RendicontoPrecedente) => &mut c.rendiconto_precedente,
            (Importi::Capitale(c), Colonna::CronoAnniPrecedenti) => &mut c.crono_anni_precedenti,
            (Importi::Capitale(c), Colonna::AltriNuoviStanziamenti) => {
                &mut c.altri_nuovi_stanziamenti
            }
            (Importi::Capitale(c), Colonna::ProgrammaTriennaleLp) => &mut c.programma_triennale_lp,
            _ => return false,
        };
        *slot = v;
        true
    }

    /// The columns this shape has, in a fixed order.
    pub fn columns(&self) -> &'static [Colonna] {
        match self {
            Importi::Correnti(_) => &[
                Colonna::Previsione,
                Colonna::PrevisionePrecedente,
                Colonna::RendicontoPrecedente,
            ],
            Importi::Capitale(_) => &[
                Colonna::PrevisionePrecedente,
                Colonna::Previsione,
                Colonna::CronoAnniPrecedenti,
                Colonna::AltriNuoviStanziamenti,
                Colonna::ProgrammaTriennaleLp,
                Colonna::RendicontoPrecedente,
            ],
        }
    }
}
