//! The missing-row cause, measured: on 100 generated reports, one row with
//! amounts is deleted from each, and the finding that its group total no
//! longer adds up must name "a row of exactly these amounts is missing" with
//! the rows of that group as the related location. The test prints the rate
//! and holds a floor under it.

use quadra::ast::{Corpo, Documento, Gruppo};
use quadra::config::RuleSet;
use quadra::report_text::{impagina, Opzioni};
use quadra::sample::bilancio::{genera, Parametri};
use quadra::span::Span;
use quadra::vincoli::links::leggi;

/// Where a group is: section, Settore, Titolo, group (indices).
type Posto = (usize, usize, usize, usize);

fn gruppi(doc: &Documento) -> Vec<(Posto, &Gruppo)> {
    let mut out = Vec::new();
    for (si, s) in doc.reports[0].sezioni.iter().enumerate() {
        let Corpo::Tabella(t) = &s.corpo else {
            continue;
        };
        for (ki, k) in t.settori.iter().enumerate() {
            for (ti, tit) in k.titoli.iter().enumerate() {
                for (gi, g) in tit.gruppi.iter().enumerate() {
                    out.push(((si, ki, ti, gi), g));
                }
            }
        }
    }
    out
}

fn gruppo_mut(doc: &mut Documento, (si, ki, ti, gi): Posto) -> &mut Gruppo {
    match &mut doc.reports[0].sezioni[si].corpo {
        Corpo::Tabella(t) => &mut t.settori[ki].titoli[ti].gruppi[gi],
        _ => unreachable!("a table section"),
    }
}

/// Where the cause must point: the group's rows, or its total when none is left.
fn atteso(g: &Gruppo) -> Option<Span> {
    match (g.righe.first(), g.righe.last()) {
        (Some(a), Some(b)) => Some(a.span.join(b.span)),
        _ => g.totale.as_ref().map(|t| t.span),
    }
}

#[test]
fn a_deleted_row_is_named_as_missing_from_its_group() {
    let rules = RuleSet::default_rules().unwrap();
    let (mut provati, mut giusti, mut sbagliati) = (0, 0, 0);
    for seme in 0..100u64 {
        let p = Parametri {
            seme,
            anno: 2022,
            direzioni: 1,
            prima_direzione: 1,
            settori: 1 + (seme % 3) as usize,
            righe: 3 + (seme % 10) as usize,
            capitale: seme % 2 == 0,
            narrativa: 0,
        };
        let mut g = genera(&p);
        // Rows with an amount (an all-zero row changes no total), in groups
        // that print a total.
        let candidati: Vec<(Posto, usize)> = gruppi(&g.documento)
            .into_iter()
            .filter(|(_, gr)| gr.totale.is_some())
            .flat_map(|(posto, gr)| {
                gr.righe
                    .iter()
                    .enumerate()
                    .filter(|(_, r)| {
                        r.importi
                            .columns()
                            .iter()
                            .any(|c| !r.importi.get(*c).unwrap().is_zero())
                    })
                    .map(move |(i, _)| (posto, i))
                    .collect::<Vec<_>>()
            })
            .collect();
        let (posto, i) =
            candidati[(seme.wrapping_mul(2_654_435_761) % candidati.len() as u64) as usize];
        gruppo_mut(&mut g.documento, posto).righe.remove(i);
        let testo = impagina(
            &g.documento,
            &Opzioni {
                righe_per_pagina: Some(60),
                a_capo: 60,
            },
        );
        let parsed = quadra::parse(testo.as_bytes()).unwrap();
        assert!(
            parsed.diagnostics.is_empty(),
            "seed {seme}: {:?}",
            parsed.diagnostics[0]
        );
        let legami = leggi(&g.testo_legami()).unwrap();
        let found = quadra::rules::check_con_legami(
            &parsed.documento,
            &parsed.diagnostics,
            &rules,
            false,
            Some(&legami),
        );
        let dove = gruppi(&parsed.documento)
            .into_iter()
            .find(|(q, _)| *q == posto)
            .and_then(|(_, gr)| atteso(gr))
            .unwrap();
        let cause: Vec<Span> = found
            .iter()
            .flat_map(|f| &f.related)
            .filter(|r| {
                r.message
                    .contains("row of exactly these amounts is missing")
            })
            .map(|r| r.span)
            .collect();
        provati += 1;
        if cause.contains(&dove) {
            giusti += 1;
        }
        if cause.iter().any(|s| *s != dove) {
            sbagliati += 1;
        }
    }
    eprintln!(
        "missing-row cause: {giusti} of {provati} name the right group, {sbagliati} name another"
    );
    assert_eq!(provati, 100);
    assert!(giusti >= 95, "{giusti} of {provati}");
    assert_eq!(sbagliati, 0);
}
