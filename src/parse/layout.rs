//! The order in which amounts appear in the text, per section and kind of
//! line. The PDF extraction does not follow the printed column headers in the
//! capital sections, and totals of different levels differ from rows, so the
//! order is data, checked against the real report by the tests.

use crate::ast::{Colonna, LivelloTotale, SezioneId};

use Colonna::*;

/// 1.A, 1.B, 1.C rows and most of their totals: forecast, prior forecast, prior actual.
const CORRENTI: &[Colonna] = &[Previsione, PrevisionePrecedente, RendicontoPrecedente];
/// 1.B Macroaggregato totals: a fifth column repeats the prior forecast.
const SPESE_CORRENTI_GRUPPO: &[Colonna] = &[
    Previsione,
    PrevisionePrecedente,
    RendicontoPrecedente,
    PrevisionePrecedenteRipetuta,
];
/// 1.D: prior forecast first, as its header says.
const MISSIONI_CORRENTI: &[Colonna] = &[PrevisionePrecedente, Previsione, RendicontoPrecedente];
/// 2.A rows and totals, 2.B rows and Titolo totals.
const CAPITALE: &[Colonna] = &[
    PrevisionePrecedente,
    Previsione,
    CronoAnniPrecedenti,
    AltriNuoviStanziamenti,
    ProgrammaTriennaleLp,
    RendicontoPrecedente,
];
/// 2.B Settore and Direzione totals, and all of 2.C: the prior forecast moves last.
const CAPITALE_PREC_IN_FONDO: &[Colonna] = &[
    Previsione,
    CronoAnniPrecedenti,
    AltriNuoviStanziamenti,
    ProgrammaTriennaleLp,
    RendicontoPrecedente,
    PrevisionePrecedente,
];

/// Column order of a row of `id`.
pub fn riga(id: SezioneId) -> &'static [Colonna] {
    match id {
        SezioneId::EntrateCorrenti | SezioneId::SpeseCorrenti | SezioneId::RiepilogoVincolate => {
            CORRENTI
        }
        SezioneId::RiepilogoSpesaCorrente => MISSIONI_CORRENTI,
        SezioneId::EntrateCapitale | SezioneId::SpeseCapitale => CAPITALE,
        SezioneId::RiepilogoSpesaCapitale => CAPITALE_PREC_IN_FONDO,
    }
}

/// Column order of a total of `id` at `livello`.
pub fn totale(id: SezioneId, livello: LivelloTotale) -> &'static [Colonna] {
    match (id, livello) {
        (SezioneId::SpeseCorrenti, LivelloTotale::Gruppo) => SPESE_CORRENTI_GRUPPO,
        (SezioneId::SpeseCapitale, LivelloTotale::Settore | LivelloTotale::Direzione) => {
            CAPITALE_PREC_IN_FONDO
        }
        _ => riga(id),
    }
}

/// Where the missione-programma sits in a spending row: after this many amounts.
pub fn missione_programma_after(id: SezioneId) -> Option<usize> {
    match id {
        SezioneId::SpeseCorrenti => Some(2),
        SezioneId::SpeseCapitale => Some(5),
        _ => None,
    }
}
