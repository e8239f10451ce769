//! One flat view of everything with amounts in a report: budget rows, summary
//! rows (1.C titoli, 1.D / 2.C programmi) and declared totals. Selectors and
//! expressions of TOML rules read items, never the tree, so the rule language
//! does not change when the tree grows.

use std::fmt;

use rust_decimal::Decimal;

use crate::ast::{Colonna, Corpo, Importi, LivelloTotale, Report, SezioneId, SpanImporti, Totale};
use crate::codes::{ChiavePeg, MissioneProgramma, Pdc};
use crate::span::Span;

/// What kind of thing an item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Genere {
    /// A budget row (PEG chapter) of 1.A, 1.B, 2.A, 2.B.
    Riga,
    /// A row of a summary section: a titolo of 1.C, a programma of 1.D / 2.C.
    Riepilogo,
    /// A declared total.
    Totale,
}

impl Genere {
    /// The name used in rule files (`row`, `summary`, `total`).
    pub fn name(self) -> &'static str {
        match self {
            Genere::Riga => "row",
            Genere::Riepilogo => "summary",
            Genere::Totale => "total",
        }
    }

    /// Every kind, for error messages.
    pub const ALL: [Genere; 3] = [Genere::Riga, Genere::Riepilogo, Genere::Totale];
}

/// The part of section 1.C.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Parte {
    /// ENTRATE CORRENTI.
    Entrate,
    /// SPESE CORRENTI.
    Spese,
}

impl Parte {
    /// The name used in rule files.
    pub fn name(self) -> &'static str {
        match self {
            Parte::Entrate => "entrate",
            Parte::Spese => "spese",
        }
    }
}

/// A row or total with the headings above it.
#[derive(Debug, Clone)]
pub struct Item<'a> {
    /// Kind.
    pub genere: Genere,
    /// Section.
    pub sezione: SezioneId,
    /// The item's lines.
    pub span: Span,
    /// Amounts.
    pub importi: &'a Importi,
    /// Where each amount is printed.
    pub spans: &'a SpanImporti,
    /// The fifth amount of 1.B subtotals.
    pub ripetuta: Option<Decimal>,
    /// Settore code (rows and totals inside a Settore).
    pub settore: Option<u32>,
    /// Titolo code: the heading above a row, the titolo of a 1.C row.
    pub titolo: Option<u8>,
    /// Tipologia / Macroaggregato code of the heading above.
    pub gruppo: Option<u8>,
    /// Missione-programma (spending rows, 1.D / 2.C programmi).
    pub missione_programma: Option<MissioneProgramma>,
    /// Missione code (1.D / 2.C programmi and missione totals).
    pub missione: Option<u8>,
    /// The part of 1.C.
    pub parte: Option<Parte>,
    /// The level of a total.
    pub livello: Option<LivelloTotale>,
    /// Description of a row, label of a total.
    pub testo: &'a str,
    /// The PEG key of a budget row.
    pub chiave: Option<ChiavePeg>,
    /// The PDC of a budget row.
    pub pdc: Option<Pdc>,
    /// V flag.
    pub vincolato: bool,
    /// `(ART.NON RIPETUTO)`.
    pub non_ripetuto: bool,
    /// Leading `*`.
    pub asterisco: bool,
}

impl Item<'_> {
    /// The PEG key as printed (`3763 20 2`), or an empty string for items without one.
    pub fn chiave_testo(&self) -> String {
        self.chiave.map(|k| k.to_string()).unwrap_or_default()
    }

    /// Where the amount of a column is printed, else the item's own span:
    /// the primary location of a finding about that column.
    pub fn span_di(&self, c: Colonna) -> Span {
        self.spans.get(c).unwrap_or(self.span)
    }

    /// The amount of a column; the fifth column of 1.B subtotals included.
    pub fn importo(&self, c: Colonna) -> Option<Decimal> {
        match c {
            Colonna::PrevisionePrecedenteRipetuta => self.ripetuta,
            _ => self.importi.get(c),
        }
    }
}

/// A value items can be grouped by in an aggregate comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Raggruppa {
    /// The section.
    Sezione,
    /// The Settore.
    Settore,
    /// The titolo.
    Titolo,
    /// Tipologia / Macroaggregato.
    Gruppo,
    /// Missione.
    Missione,
    /// Missione-programma.
    MissioneProgramma,
}

impl Raggruppa {
    /// Every grouping, with its name in rule files.
    pub const ALL: [(Raggruppa, &'static str); 6] = [
        (Raggruppa::Sezione, "section"),
        (Raggruppa::Settore, "settore"),
        (Raggruppa::Titolo, "titolo"),
        (Raggruppa::Gruppo, "gruppo"),
        (Raggruppa::Missione, "missione"),
        (Raggruppa::MissioneProgramma, "missione_programma"),
    ];

    /// The group of an item; `None` when the item has no such value.
    pub fn chiave(self, it: &Item<'_>) -> Option<Gruppo> {
        Some(match self {
            Raggruppa::Sezione => Gruppo::Sezione(it.sezione),
            Raggruppa::Settore => Gruppo::Numero(it.settore?),
            Raggruppa::Titolo => Gruppo::Numero(it.titolo?.into()),
            Raggruppa::Gruppo => Gruppo::Numero(it.gruppo?.into()),
            Raggruppa::Missione => Gruppo::Numero(it.missione?.into()),
            Raggruppa::MissioneProgramma => Gruppo::Mp(it.missione_programma?),
        })
    }
}

/// The value of a group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Gruppo {
    /// No grouping: the whole selection.
    Tutto,
    /// A section.
    Sezione(SezioneId),
    /// A numeric code.
    Numero(u32),
    /// A missione-programma.
    Mp(MissioneProgramma),
}

impl fmt::Display for Gruppo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Gruppo::Tutto => Ok(()),
            Gruppo::Sezione(s) => f.write_str(s.code()),
            Gruppo::Numero(n) => write!(f, "{n}"),
            Gruppo::Mp(mp) => write!(f, "{mp}"),
        }
    }
}

/// Every item of a report, in document order.
pub fn items(report: &Report) -> Vec<Item<'_>> {
    let mut out = Vec::with_capacity(quanti(report));
    for s in &report.sezioni {
        let base = |genere, span, importi, testo| base(genere, s.id, span, importi, testo);
        let totale = |t| totale(s.id, t);
        match &s.corpo {
            Corpo::Tabella(tab) => {
                for settore in &tab.settori {
                    let sc = settore.intestazione.as_ref().map(|i| i.codice);
                    for titolo in &settore.titoli {
                        let tc = titolo.intestazione.as_ref().map(|i| i.codice);
                        for gruppo in &titolo.gruppi {
                            let gc = gruppo.intestazione.as_ref().map(|i| i.codice);
                            for r in &gruppo.righe {
                                let mut it =
                                    base(Genere::Riga, r.span, &r.importi, r.descrizione.as_str());
                                it.settore = sc;
                                it.titolo = tc.or(r.pdc.map(|p| p.titolo()));
                                it.gruppo = gc;
                                it.missione_programma = r.missione_programma;
                                it.missione = r.missione_programma.map(|mp| mp.missione);
                                it.chiave = Some(r.chiave);
                                it.pdc = r.pdc;
                                it.vincolato = r.vincolato;
                                it.non_ripetuto = r.non_ripetuto;
                                it.asterisco = r.asterisco;
                                it.spans = &r.spans_importi;
                                out.push(it);
                            }
                            if let Some(t) = &gruppo.totale {
                                let mut it = totale(t);
                                (it.settore, it.titolo, it.gruppo) = (sc, tc, gc);
                                out.push(it);
                            }
                        }
                        if let Some(t) = &titolo.totale {
                            let mut it = totale(t);
                            (it.settore, it.titolo) = (sc, tc);
                            out.push(it);
                        }
                    }
                    if let Some(t) = &settore.totale {
                        let mut it = totale(t);
                        it.settore = sc;
                        out.push(it);
                    }
                }
                if let Some(t) = &tab.totale {
                    out.push(totale(t));
                }
            }
            Corpo::Vincolate(v) => {
                for (i, p) in v.parti.iter().enumerate() {
                    let parte = parte_di(p.intestazione.as_ref().map(|t| t.testo.as_str()), i);
                    for r in &p.righe {
                        let mut it = base(
                            Genere::Riepilogo,
                            r.span,
                            &r.importi,
                            r.descrizione.as_str(),
                        );
                        it.parte = Some(parte);
                        it.titolo = Some(r.titolo);
                        it.vincolato = r.vincolato;
                        it.spans = &r.spans_importi;
                        out.push(it);
                    }
                    if let Some(t) = &p.totale {
                        let mut it = totale(t);
                        it.parte = Some(parte);
                        out.push(it);
                    }
                }
            }
            Corpo::Missioni(m) => {
                for mis in &m.missioni {
                    let mc = mis.intestazione.as_ref().map(|i| i.codice);
                    for r in &mis.programmi {
                        let mut it = base(
                            Genere::Riepilogo,
                            r.span,
                            &r.importi,
                            r.descrizione.as_str(),
                        );
                        it.missione_programma = r.missione_programma;
                        it.missione = mc.or(r.missione_programma.map(|mp| mp.missione));
                        it.spans = &r.spans_importi;
                        out.push(it);
                    }
                    if let Some(t) = &mis.totale {
                        let mut it = totale(t);
                        it.missione = mc;
                        out.push(it);
                    }
                }
                for t in [&m.totale_direzione, &m.totale_generale]
                    .into_iter()
                    .flatten()
                {
                    out.push(totale(t));
                }
            }
        }
    }
    out
}

/// How many items [`items`] gives at most: every row, and a total at every
/// level that can have one. The vector is sized once: grown by doubling it
/// was copied about twice over, for every report.
fn quanti(report: &Report) -> usize {
    report
        .sezioni
        .iter()
        .map(|s| match &s.corpo {
            Corpo::Tabella(tab) => {
                let settori = tab.settori.iter().map(|settore| {
                    let titoli = settore.titoli.iter().map(|titolo| {
                        let gruppi = titolo.gruppi.iter().map(|g| g.righe.len() + 1);
                        gruppi.sum::<usize>() + 1
                    });
                    titoli.sum::<usize>() + 1
                });
                settori.sum::<usize>() + 1
            }
            Corpo::Vincolate(v) => v.parti.iter().map(|p| p.righe.len() + 1).sum(),
            Corpo::Missioni(m) => {
                m.missioni
                    .iter()
                    .map(|mis| mis.programmi.len() + 1)
                    .sum::<usize>()
                    + 2
            }
        })
        .sum()
}

/// An item with only its kind, section, span, amounts and text set (the
/// headings, codes and flags empty), for [`items`] and for tests that build
/// items by hand.
pub fn base<'a>(
    genere: Genere,
    sezione: SezioneId,
    span: Span,
    importi: &'a Importi,
    testo: &'a str,
) -> Item<'a> {
    Item {
        genere,
        sezione,
        span,
        importi,
        spans: &SpanImporti::VUOTO,
        ripetuta: None,
        settore: None,
        titolo: None,
        gruppo: None,
        missione_programma: None,
        missione: None,
        parte: None,
        livello: None,
        testo,
        chiave: None,
        pdc: None,
        vincolato: false,
        non_ripetuto: false,
        asterisco: false,
    }
}

fn totale(sezione: SezioneId, t: &Totale) -> Item<'_> {
    let mut it = base(
        Genere::Totale,
        sezione,
        t.span,
        &t.importi,
        t.etichetta.as_str(),
    );
    it.livello = Some(t.livello);
    it.ripetuta = t.previsione_precedente_ripetuta;
    it.spans = &t.spans_importi;
    it
}

/// Which part of 1.C a part is: from its heading, else from its position.
fn parte_di(intestazione: Option<&str>, posizione: usize) -> Parte {
    match intestazione {
        Some(t) if t.contains("SPESE") => Parte::Spese,
        Some(t) if t.contains("ENTRATE") => Parte::Entrate,
        _ if posizione == 0 => Parte::Entrate,
        _ => Parte::Spese,
    }
}

#[cfg(test)]
mod tests {
    /// The size [`super::items`] reserves holds every item of the real
    /// report, and is close to their count (levels without a total are
    /// the difference).
    #[test]
    fn the_reserved_size_holds_every_item() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let reale =
            std::fs::read(root.join("reports/milano-2022-dir07-welfare-e-salute.txt")).unwrap();
        let out = crate::parse(&reale).unwrap();
        let r = &out.documento.reports[0];
        let n = super::items(r).len();
        assert!(
            n <= super::quanti(r),
            "{n} items, {} reserved",
            super::quanti(r)
        );
        assert_eq!((n, super::quanti(r)), (457, 484));
    }
}
