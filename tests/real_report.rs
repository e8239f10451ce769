//! The real 2022 report of the Direzione Welfare e Salute is the oracle: the
//! grammar must read every row and every total of it, exactly. Counts are
//! checked against a scan of the raw text by a different method (plain string
//! rules, no grammar), and the declared totals against the amounts printed in
//! the text and against the sums of the rows they total.

use std::collections::BTreeMap;

use quadra::ast::{Corpo, Foglia, Importi, Report, SezioneId, Totale};
use quadra::export::ast_json;
use quadra::span::LineIndex;
use rust_decimal::Decimal;

const REPORT: &str = "reports/milano-2022-dir07-welfare-e-salute.txt";

fn load() -> (Vec<u8>, quadra::ParseOutput) {
    let bytes = std::fs::read(REPORT).expect("real report");
    let out = quadra::parse(&bytes).expect("the real report is a report");
    (bytes, out)
}

fn report(out: &quadra::ParseOutput) -> &Report {
    assert_eq!(out.documento.reports.len(), 1);
    &out.documento.reports[0]
}

#[test]
fn reads_with_zero_diagnostics() {
    let (_, out) = load();
    assert_eq!(out.diagnostics, vec![]);
    let r = report(&out);
    assert_eq!(r.anno, Some(2022));
    let d = r.direzione.as_ref().unwrap();
    assert_eq!(
        (d.codice.as_str(), d.nome.as_str()),
        ("DIR07", "DIREZIONE WELFARE E SALUTE")
    );
    let ids: Vec<_> = r.sezioni.iter().map(|s| s.id.code()).collect();
    assert_eq!(ids, ["1.A", "1.B", "1.C", "1.D", "2.A", "2.B", "2.C"]);
    assert_eq!(r.narrativa.len(), 7);
}

/// Split the raw text into sections by their header lines, by plain string rules.
fn raw_sections(text: &str) -> BTreeMap<&'static str, Vec<&str>> {
    let mut out: BTreeMap<&'static str, Vec<&str>> = BTreeMap::new();
    let mut cur: Option<&'static str> = None;
    for line in text.lines() {
        let t = line.trim();
        if let Some(id) = ["1.A", "1.B", "1.C", "1.D", "2.A", "2.B", "2.C"]
            .into_iter()
            .find(|id| t.starts_with(&format!("{id} ")))
        {
            cur = Some(id);
            continue;
        }
        if t == "MISSIONE" {
            cur = None;
        }
        if let Some(id) = cur {
            out.entry(id).or_default().push(t);
        }
    }
    out
}

/// A budget row starts with three numbers; current sections fuse the third
/// with the 10-digit PDC, so it has at least 11 digits.
fn raw_is_row_start(line: &str, capital: bool) -> bool {
    let mut words = line.split(' ');
    let (Some(a), Some(b), Some(c)) = (words.next(), words.next(), words.next()) else {
        return false;
    };
    let num = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_ascii_digit());
    if !(num(a) && num(b) && num(c)) {
        return false;
    }
    if capital {
        // Capital keys: a four-digit capitolo, then the description.
        a.len() == 4 && words.next().is_some_and(|w| !w.contains(','))
    } else {
        c.len() >= 11
    }
}

fn count_amount_ends(line: &str) -> usize {
    // Every amount ends in a comma and two digits; nothing else in the tables does.
    let b = line.as_bytes();
    (0..b.len().saturating_sub(2))
        .filter(|&i| b[i] == b',' && b[i + 1].is_ascii_digit() && b[i + 2].is_ascii_digit())
        .count()
}

fn totals(corpo: &Corpo) -> Vec<&Totale> {
    let mut v = Vec::new();
    match corpo {
        Corpo::Tabella(t) => {
            for s in &t.settori {
                for ti in &s.titoli {
                    for g in &ti.gruppi {
                        v.extend(&g.totale);
                    }
                    v.extend(&ti.totale);
                }
                v.extend(&s.totale);
            }
            v.extend(&t.totale);
        }
        Corpo::Vincolate(r) => v.extend(r.parti.iter().filter_map(|p| p.totale.as_ref())),
        Corpo::Missioni(m) => {
            v.extend(m.missioni.iter().filter_map(|x| x.totale.as_ref()));
            v.extend(&m.totale_direzione);
            v.extend(&m.totale_generale);
        }
    }
    v
}

fn amounts_of(i: &Importi) -> Vec<Decimal> {
    i.columns().iter().filter_map(|c| i.get(*c)).collect()
}

fn rows_amounts(corpo: &Corpo) -> (usize, usize) {
    // (rows, amounts in rows)
    match corpo {
        Corpo::Tabella(t) => {
            let rows: Vec<_> = t
                .settori
                .iter()
                .flat_map(|s| &s.titoli)
                .flat_map(|t| &t.gruppi)
                .flat_map(|g| &g.righe)
                .collect();
            (
                rows.len(),
                rows.iter().map(|r| amounts_of(&r.importi).len()).sum(),
            )
        }
        Corpo::Vincolate(r) => {
            let rows: Vec<_> = r.parti.iter().flat_map(|p| &p.righe).collect();
            (
                rows.len(),
                rows.iter().map(|r| amounts_of(&r.importi).len()).sum(),
            )
        }
        Corpo::Missioni(m) => {
            let rows: Vec<_> = m.missioni.iter().flat_map(|x| &x.programmi).collect();
            (
                rows.len(),
                rows.iter().map(|r| amounts_of(&r.importi).len()).sum(),
            )
        }
    }
}

#[test]
fn counts_match_an_independent_scan_of_the_text() {
    let (bytes, out) = load();
    let text = std::str::from_utf8(&bytes).unwrap();
    let raw = raw_sections(text);
    let r = report(&out);
    let mut seen = Vec::new();
    for s in &r.sezioni {
        let lines = &raw[s.id.code()];
        let raw_rows = lines
            .iter()
            .filter(|l| raw_is_row_start(l, s.id.is_capitale()))
            .count();
        let raw_totals = lines.iter().filter(|l| l.contains("Totale")).count();
        let raw_amounts: usize = lines.iter().map(|l| count_amount_ends(l)).sum();
        let (rows, row_amounts) = rows_amounts(&s.corpo);
        let tots = totals(&s.corpo);
        let total_amounts: usize = tots
            .iter()
            .map(|t| {
                amounts_of(&t.importi).len()
                    + usize::from(t.previsione_precedente_ripetuta.is_some())
            })
            .sum();
        if matches!(s.corpo, Corpo::Tabella(_)) {
            assert_eq!(rows, raw_rows, "rows of {}", s.id.code());
        }
        assert_eq!(tots.len(), raw_totals, "totals of {}", s.id.code());
        assert_eq!(
            row_amounts + total_amounts,
            raw_amounts,
            "amounts of {}",
            s.id.code()
        );
        seen.push((s.id.code(), rows, tots.len(), row_amounts + total_amounts));
    }
    // The exact figures, so that a change in either method is noticed.
    assert_eq!(
        seen,
        [
            ("1.A", 83, 21, 312),
            ("1.B", 249, 24, 836),
            ("1.C", 3, 2, 15),
            ("1.D", 6, 2, 24),
            ("2.A", 9, 9, 108),
            ("2.B", 25, 11, 216),
            ("2.C", 8, 5, 78),
        ]
    );
}

fn sum_into(acc: &mut BTreeMap<&'static str, Decimal>, i: &Importi) {
    for c in i.columns() {
        *acc.entry(c.name()).or_default() += i.get(*c).unwrap();
    }
}

fn assert_total(t: &Totale, sums: &BTreeMap<&'static str, Decimal>, what: &str) {
    for c in t.importi.columns() {
        assert_eq!(
            t.importi.get(*c).unwrap(),
            sums.get(c.name()).copied().unwrap_or_default(),
            "{what}: column {} of `{}`",
            c.name(),
            t.etichetta
        );
    }
}

/// Every declared total equals the sum of what it totals, in every column:
/// this proves each amount landed in the right column, since a swapped
/// column would break the sums.
#[test]
fn every_declared_total_equals_the_sum_of_its_rows() {
    let (_, out) = load();
    let r = report(&out);
    let mut checked = 0;
    let mut by_mp: BTreeMap<(SezioneId, u8, u8), BTreeMap<&'static str, Decimal>> = BTreeMap::new();
    for s in &r.sezioni {
        let Corpo::Tabella(t) = &s.corpo else {
            continue;
        };
        let mut dir = BTreeMap::new();
        for st in &t.settori {
            let mut set = BTreeMap::new();
            for ti in &st.titoli {
                let mut tit = BTreeMap::new();
                for g in &ti.gruppi {
                    let mut gr = BTreeMap::new();
                    for row in &g.righe {
                        sum_into(&mut gr, &row.importi);
                        sum_into(&mut tit, &row.importi);
                        sum_into(&mut set, &row.importi);
                        sum_into(&mut dir, &row.importi);
                        if let Some(mp) = row.missione_programma {
                            sum_into(
                                by_mp.entry((s.id, mp.missione, mp.programma)).or_default(),
                                &row.importi,
                            );
                        }
                    }
                    if let Some(tot) = &g.totale {
                        assert_total(tot, &gr, s.id.code());
                        if let Some(rep) = tot.previsione_precedente_ripetuta {
                            assert_eq!(rep, gr["previsione_precedente"]);
                        }
                        checked += 1;
                    }
                }
                if let Some(tot) = &ti.totale {
                    assert_total(tot, &tit, s.id.code());
                    checked += 1;
                }
            }
            assert_total(st.totale.as_ref().unwrap(), &set, s.id.code());
            checked += 1;
        }
        assert_total(t.totale.as_ref().unwrap(), &dir, s.id.code());
        checked += 1;
    }
    assert_eq!(checked, 65);

    // 1.D and 2.C programma rows equal 1.B and 2.B grouped by missione-programma.
    for (id, from) in [
        (SezioneId::RiepilogoSpesaCorrente, SezioneId::SpeseCorrenti),
        (SezioneId::RiepilogoSpesaCapitale, SezioneId::SpeseCapitale),
    ] {
        let Corpo::Missioni(m) = &r.sezione(id).unwrap().corpo else {
            panic!("{id:?} is a summary")
        };
        let mut rows = 0;
        for p in m.missioni.iter().flat_map(|x| &x.programmi) {
            let mp = p.missione_programma.unwrap();
            let mut one = BTreeMap::new();
            sum_into(&mut one, &p.importi);
            assert_eq!(one, by_mp[&(from, mp.missione, mp.programma)], "{mp}");
            rows += 1;
        }
        let groups = by_mp.keys().filter(|k| k.0 == from).count();
        assert_eq!(
            rows, groups,
            "every missione-programma of {from:?} is summarised"
        );
    }
}

#[test]
fn every_nonblank_line_belongs_to_exactly_one_leaf() {
    let (bytes, out) = load();
    let leaves = out.documento.leaves();
    let index = LineIndex::new(&bytes);
    let mut owner: BTreeMap<usize, Vec<Foglia>> = BTreeMap::new();
    for (kind, span) in &leaves {
        let loc = index.locate(&bytes, *span);
        for line in loc.line..=loc.end_line {
            owner.entry(line).or_default().push(*kind);
        }
    }
    let text = std::str::from_utf8(&bytes).unwrap();
    let mut nonblank = 0;
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        nonblank += 1;
        let kinds = owner.get(&(i + 1)).cloned().unwrap_or_default();
        assert_eq!(
            kinds.len(),
            1,
            "line {} `{}` belongs to {:?}",
            i + 1,
            line,
            kinds
        );
    }
    assert_eq!(nonblank, 2278);
}

#[test]
fn ast_json_snapshot() {
    let (bytes, out) = load();
    let index = LineIndex::new(&bytes);
    let doc = ast_json(REPORT, &bytes, &index, &out.documento, &out.diagnostics);
    insta::assert_json_snapshot!("real_report_ast", doc);
}
