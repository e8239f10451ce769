//! Amounts in named columns. Current sections (1.A-1.D) have three columns,
//! capital sections (2.A-2.C) six; the years of the columns come from the
//! report (`anno` for `previsione`, `anno - 1` for the others).

use rust_decimal::Decimal;
use serde::Serialize;

use crate::span::Span;

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
    /// Every column, the report's own year first (the order of [`Ord`]).
    pub const TUTTE: [Colonna; 7] = [
        Colonna::Previsione,
        Colonna::PrevisionePrecedente,
        Colonna::RendicontoPrecedente,
        Colonna::CronoAnniPrecedenti,
        Colonna::AltriNuoviStanziamenti,
        Colonna::ProgrammaTriennaleLp,
        Colonna::PrevisionePrecedenteRipetuta,
    ];

    /// The place of the column in [`Colonna::TUTTE`].
    pub fn indice(self) -> usize {
        match self {
            Colonna::Previsione => 0,
            Colonna::PrevisionePrecedente => 1,
            Colonna::RendicontoPrecedente => 2,
            Colonna::CronoAnniPrecedenti => 3,
            Colonna::AltriNuoviStanziamenti => 4,
            Colonna::ProgrammaTriennaleLp => 5,
            Colonna::PrevisionePrecedenteRipetuta => 6,
        }
    }

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

    /// The column's name for people: its [`Colonna::header`] when the
    /// report's year is known, else its JSON name.
    pub fn titolo(self, anno: Option<u16>) -> String {
        match anno {
            Some(a) => self.header(a),
            None => self.name().to_string(),
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

/// Where each amount of a row, summary row or total is printed: one span per
/// column, so a finding about a column can point at the figure itself (which
/// may sit on a wrapped line below the record's first line).
///
/// Kept compact (64 bytes a record): the first amount's offset, then each
/// column's start and length relative to it; a zero length is a column the
/// record does not print. In JSON, an object from column name to
/// `[start, end]`, holding the columns the record prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SpanImporti {
    base: usize,
    rel: [(u32, u32); 7],
}

impl SpanImporti {
    /// No amount located (generated trees, hand-built items).
    pub const VUOTO: SpanImporti = SpanImporti {
        base: 0,
        rel: [(0, 0); 7],
    };

    fn slot(c: Colonna) -> usize {
        c.indice()
    }

    fn decode(&self, (da, lung): (u32, u32)) -> Option<Span> {
        (lung > 0).then(|| {
            let start = self.base + da as usize;
            Span::new(start, start + lung as usize)
        })
    }

    /// Where the amount of `c` is printed, if the record prints it.
    pub fn get(&self, c: Colonna) -> Option<Span> {
        self.decode(self.rel[Self::slot(c)])
    }

    /// Record where the amount of `c` is printed. The amounts of a record are
    /// set in text order; a span that cannot be kept (before the first one, or
    /// more than 4 GiB away from it) is left out, and findings fall back to
    /// the record's span.
    pub fn set(&mut self, c: Colonna, span: Span) {
        if self.rel.iter().all(|r| r.1 == 0) {
            self.base = span.start;
        }
        let (Some(da), Ok(lung)) = (
            span.start
                .checked_sub(self.base)
                .and_then(|d| u32::try_from(d).ok()),
            u32::try_from(span.len()),
        ) else {
            return;
        };
        self.rel[Self::slot(c)] = (da, lung);
    }

    /// The columns with a span, and their spans.
    pub fn iter(&self) -> impl Iterator<Item = (Colonna, Span)> + '_ {
        // The slots are in the order of `Colonna::TUTTE`.
        Colonna::TUTTE
            .iter()
            .zip(&self.rel)
            .filter_map(|(c, r)| self.decode(*r).map(|s| (*c, s)))
    }
}

impl Serialize for SpanImporti {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(self.iter().count()))?;
        for (c, span) in self.iter() {
            m.serialize_entry(c.name(), &span)?;
        }
        m.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_of_amounts_round_trip_and_absent_columns_stay_absent() {
        let mut s = SpanImporti::default();
        s.set(Colonna::PrevisionePrecedente, Span::new(1000, 1012));
        s.set(Colonna::Previsione, Span::new(1012, 1025));
        s.set(
            Colonna::RendicontoPrecedente,
            Span::new(5_000_000_000, 5_000_000_013),
        );
        assert_eq!(
            s.get(Colonna::PrevisionePrecedente),
            Some(Span::new(1000, 1012))
        );
        assert_eq!(s.get(Colonna::Previsione), Some(Span::new(1012, 1025)));
        // More than 4 GiB after the first amount: not kept.
        assert_eq!(s.get(Colonna::RendicontoPrecedente), None);
        assert_eq!(s.get(Colonna::CronoAnniPrecedenti), None);
        // Before the first amount: not kept either.
        s.set(Colonna::ProgrammaTriennaleLp, Span::new(10, 20));
        assert_eq!(s.get(Colonna::ProgrammaTriennaleLp), None);
        let cols: Vec<Colonna> = s.iter().map(|(c, _)| c).collect();
        assert_eq!(cols, [Colonna::Previsione, Colonna::PrevisionePrecedente]);
        assert_eq!(std::mem::size_of::<SpanImporti>(), 64);
        // The slots follow `Colonna::TUTTE`, which follows the columns' order.
        for (i, c) in Colonna::TUTTE.iter().enumerate() {
            assert_eq!(SpanImporti::slot(*c), i);
        }
        assert!(Colonna::TUTTE.windows(2).all(|w| w[0] < w[1]));
    }
}
