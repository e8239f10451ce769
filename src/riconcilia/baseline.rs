//! Differences as findings, so that the baseline files of `check` accept
//! them: the rule is the kind (`reconcile-amounts`...), the subject the
//! section and PEG key (or the Settore / Direzione of a sum), the report
//! its year and Direzione, the amounts those of the report, the data and
//! the difference. An accepted difference with other amounts shows again.

use super::{Differenza, Genere};
use crate::diagnostic::Severity;
use crate::finding::{Contesto, Finding};

/// The rule id of a kind of difference.
pub fn regola(g: Genere) -> &'static str {
    match g {
        Genere::OnlyInReport => "reconcile-only-in-report",
        Genere::OnlyInData => "reconcile-only-in-data",
        Genere::Amounts => "reconcile-amounts",
        Genere::Classification => "reconcile-classification",
        Genere::Total => "reconcile-total",
    }
}

/// The finding of a difference; `messaggio` is its line for people.
pub fn finding(d: &Differenza, messaggio: crate::lingua::Testo) -> Finding {
    let mut f = Finding::new(regola(d.kind), Severity::Error, d.report_span, messaggio);
    f.key = d.key;
    f.context = Contesto {
        sezione: Some(d.section),
        settore: None,
        soggetto: if d.key.is_some() {
            String::new()
        } else {
            d.subject.clone()
        },
    };
    for a in &d.amounts {
        let c = a.column.name();
        f.amounts
            .push((crate::finding::nome_importo(c, "report"), a.report));
        f.amounts
            .push((crate::finding::nome_importo(c, "data"), a.data));
        f.amounts
            .push((crate::finding::nome_importo(c, "difference"), a.difference));
    }
    f
}
