//! Evidence as an auditor reads it: the parsed values of the rows and totals
//! a finding points to (PEG key, description, amount per column), not the
//! raw fused text of the report; amount names with their column headers.

use std::collections::HashMap;

use crate::amount::italiano;
use crate::ast::{Colonna, Documento};
use crate::codes::ChiavePeg;
use crate::lang::item::items;
use crate::span::Span;

/// Every column, for naming amounts.
const TUTTE: [Colonna; 7] = [
    Colonna::PrevisionePrecedenteRipetuta,
    Colonna::PrevisionePrecedente,
    Colonna::RendicontoPrecedente,
    Colonna::Previsione,
    Colonna::CronoAnniPrecedenti,
    Colonna::AltriNuoviStanziamenti,
    Colonna::ProgrammaTriennaleLp,
];

/// The items of a document by the start of their span.
pub struct Evidenze {
    per_inizio: HashMap<usize, (Option<ChiavePeg>, String)>,
    /// Report spans and years, to name columns.
    anni: Vec<(Span, Option<u16>)>,
}

impl Evidenze {
    /// Index every row, summary row and total of `doc`.
    pub fn di(doc: &Documento) -> Evidenze {
        let mut per_inizio = HashMap::new();
        let mut anni = Vec::new();
        for r in &doc.reports {
            anni.push((r.span, r.anno));
            for it in items(r) {
                let mut t = match it.chiave {
                    Some(k) => format!("{k} {}", it.testo),
                    None => it.testo.to_string(),
                };
                for &c in it.importi.columns() {
                    if let Some(v) = it.importo(c) {
                        t.push_str(&format!(" · {} {}", intestazione(c, r.anno), italiano(v)));
                    }
                }
                per_inizio.entry(it.span.start).or_insert((it.chiave, t));
            }
        }
        Evidenze { per_inizio, anni }
    }

    /// The parsed values of the item at `span`, if one starts there.
    pub fn testo(&self, span: Span) -> Option<&str> {
        self.per_inizio.get(&span.start).map(|(_, t)| t.as_str())
    }

    /// The PEG keys of the rows at `spans`, in order, without repeats.
    pub fn chiavi(&self, spans: impl IntoIterator<Item = Span>) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for s in spans {
            if let Some((Some(k), _)) = self.per_inizio.get(&s.start) {
                let k = k.to_string();
                if !out.contains(&k) {
                    out.push(k);
                }
            }
        }
        out
    }

    /// A finding's chapter, or the chapters of the rows it points to (a
    /// vincolo group names its chapters), joined by commas.
    pub fn capitoli(&self, f: &crate::finding::Finding) -> Option<String> {
        match f.key {
            Some(k) => Some(k.to_string()),
            None => {
                let ks =
                    self.chiavi(std::iter::once(f.span).chain(f.related.iter().map(|r| r.span)));
                (!ks.is_empty()).then(|| ks.join(", "))
            }
        }
    }

    /// The year of the report holding `span`.
    pub fn anno(&self, span: Span) -> Option<u16> {
        self.anni
            .iter()
            .find(|(r, _)| r.start <= span.start && span.start <= r.end)
            .and_then(|(_, a)| *a)
    }
}

fn intestazione(c: Colonna, anno: Option<u16>) -> String {
    anno.map_or(c.name().to_string(), |a| c.header(a))
}

/// An amount's name as the reader wants it: `previsione_precedente_revenue`
/// is `PREVISIONE 2021, entrate` (`PREVISIONE 2021, revenue` in English).
pub fn nome_importo(nome: &str, anno: Option<u16>) -> String {
    for c in TUTTE {
        let Some(resto) = nome.strip_prefix(c.name()) else {
            continue;
        };
        if resto.is_empty() {
            return intestazione(c, anno);
        }
        if let Some(parte) = resto.strip_prefix('_') {
            return crate::tr!(
                "report-amount-name",
                column = intestazione(c, anno),
                part = parte
            );
        }
    }
    nome.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amount_names_carry_their_column() {
        assert_eq!(
            nome_importo("previsione_precedente_revenue", Some(2022)),
            "PREVISIONE 2021, revenue"
        );
        assert_eq!(
            nome_importo("previsione_declared", Some(2022)),
            "PREVISIONE 2022, declared"
        );
        assert_eq!(
            nome_importo("rendiconto_precedente", Some(2022)),
            "RENDICONTO 2021"
        );
        assert_eq!(
            nome_importo("previsione_precedente_ripetuta_difference", Some(2022)),
            "PREVISIONE 2021, difference"
        );
        assert_eq!(nome_importo("altro", Some(2022)), "altro");
    }
}
