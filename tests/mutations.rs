//! Mutation tests on the real report: each mutant changes one thing the way a
//! careless edit would (a row amount, a deleted row, a declared total, a
//! row's missione-programma, a V flag), and the check must report an error
//! at the right place. The mutants are generated from the parsed report, so
//! every row and every total is tried.

use quadra::ast::{Corpo, Importi, Report, SezioneId, Totale};
use quadra::config::RuleSet;
use quadra::diagnostic::Severity;
use quadra::finding::Finding;
use quadra::span::Span;

const REAL: &[u8] = include_bytes!("../reports/milano-2022-dir07-welfare-e-salute.txt");

fn report() -> Report {
    let mut p = quadra::parse(REAL).unwrap();
    assert!(p.diagnostics.is_empty());
    p.documento.reports.remove(0)
}

fn errors(text: &[u8], rules: &RuleSet) -> Vec<Finding> {
    let p = quadra::parse(text).unwrap();
    quadra::rules::check(&p.documento, &p.diagnostics, rules, false)
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .collect()
}

fn overlaps(a: Span, b: Span) -> bool {
    a.start < b.end && b.start < a.end
}

/// Replace `range` of the report with `with`.
fn splice(range: std::ops::Range<usize>, with: &str) -> Vec<u8> {
    let mut v = REAL[..range.start].to_vec();
    v.extend_from_slice(with.as_bytes());
    v.extend_from_slice(&REAL[range.end..]);
    v
}

/// Change the leading digit of the amount at `from`: one mistyped digit.
fn mistype(from: usize) -> Vec<u8> {
    let at = from
        + REAL[from..]
            .iter()
            .position(|b| b.is_ascii_digit())
            .unwrap();
    let d = REAL[at];
    let new = if d == b'9' { b'8' } else { d + 1 };
    splice(at..at + 1, &(new as char).to_string())
}

fn all_zero(i: &Importi) -> bool {
    i.columns().iter().all(|c| i.get(*c).unwrap().is_zero())
}

fn describe(fs: &[Finding]) -> String {
    fs.iter()
        .map(|f| {
            let rel: Vec<String> = f
                .related
                .iter()
                .map(|r| format!("    {:?} {}", r.span, r.message))
                .collect();
            format!(
                "{} at {:?}: {}\n{}",
                f.rule,
                f.span,
                f.message,
                rel.join("\n")
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_unmutated_report_has_no_errors() {
    assert_eq!(errors(REAL, &RuleSet::default_rules().unwrap()), vec![]);
}

#[test]
fn every_mistyped_row_amount_is_caught_at_its_total_and_suspects_include_the_row() {
    let rules = RuleSet::default_rules().unwrap();
    let r = report();
    let above = totals_above(&r);
    let mut named = 0;
    let mut only = 0;
    for (row, (span, totals)) in r.righe().zip(&above) {
        assert_eq!(row.riga.span, *span);
        let errs = errors(&mistype(row.riga.importi_span.start), &rules);
        // The mistyped figure is the row's first printed amount; the total
        // that no longer adds up is located at its own figure of that column.
        let (col, _) = row
            .riga
            .spans_importi
            .iter()
            .find(|(_, s)| s.start == row.riga.importi_span.start)
            .unwrap();
        let figure = totals[0].spans_importi.get(col).unwrap();
        assert!(
            errs.iter()
                .any(|f| f.rule == "total-mismatch" && f.span == figure),
            "{} {}: no total-mismatch at its total's figure\n{}",
            row.sezione.code(),
            row.riga.chiave,
            describe(&errs)
        );
        // When quadra names suspects of a one-digit slip, the culprit is
        // among them (it never points with certainty at the wrong row). A
        // slip is named when few rows could hold it, or when the checks that
        // cover the row (its total, 1.C for V rows, 1.D / 2.C for spending)
        // agree on at most three rows.
        for f in &errs {
            let suspects: Vec<Span> = f
                .related
                .iter()
                .filter(|x| x.message.contains("mistyped digit?"))
                .map(|x| x.span)
                .collect();
            assert!(
                suspects.is_empty() || suspects.iter().any(|s| overlaps(*s, row.riga.span)),
                "{} {}: {} names other rows\n{}",
                row.sezione.code(),
                row.riga.chiave,
                f.rule,
                describe(&errs)
            );
        }
        let is_named = errs.iter().any(|f| {
            f.related
                .iter()
                .any(|x| overlaps(x.span, row.riga.span) && x.message.contains("mistyped digit?"))
        });
        named += usize::from(is_named);
        // Named alone at its own total: the other checks ruled the rest out.
        let alone = errs.iter().any(|f| {
            f.rule == "total-mismatch" && f.span == figure && {
                let s: Vec<Span> = f
                    .related
                    .iter()
                    .filter(|x| x.message.contains("mistyped digit?"))
                    .map(|x| x.span)
                    .collect();
                s.len() == 1 && overlaps(s[0], row.riga.span)
            }
        });
        only += usize::from(alone);
    }
    eprintln!("digit slips: culprit named {named} of 366 times, alone at its total {only}");
    assert_eq!(above.len(), 366);
    assert_eq!(named, 252);
    assert_eq!(only, 142);
}

/// The declared totals over each row, innermost first.
fn totals_above(r: &Report) -> Vec<(Span, Vec<&Totale>)> {
    let mut out = Vec::new();
    for s in &r.sezioni {
        let Corpo::Tabella(t) = &s.corpo else {
            continue;
        };
        for settore in &t.settori {
            for titolo in &settore.titoli {
                for g in &titolo.gruppi {
                    let above: Vec<&Totale> =
                        [&g.totale, &titolo.totale, &settore.totale, &t.totale]
                            .into_iter()
                            .flatten()
                            .collect();
                    for row in &g.righe {
                        out.push((row.span, above.clone()));
                    }
                }
            }
        }
    }
    out
}

#[test]
fn every_deleted_row_is_caught_at_the_total_that_contained_it() {
    let rules = RuleSet::default_rules().unwrap();
    let r = report();
    let rows = totals_above(&r);
    assert_eq!(rows.len(), 366);
    let gruppo_di = gruppi_delle_righe(&r);
    let (mut righe, mut giusti, mut altrove) = (0, 0, 0);
    let tutte: Vec<_> = r.righe().collect();
    for ((row, above), riga) in rows.into_iter().zip(tutte) {
        assert_eq!(riga.riga.span, row);
        // Delete the row's lines and the line break after them.
        let end = row.end + REAL[row.end..].iter().take_while(|&&b| b == b'\n').count();
        let removed = end - row.start;
        let errs = errors(&splice(row.start..end, ""), &rules);
        // The innermost declared total, at its figure of the first column
        // (the report's year first) the row held an amount in; an all-zero
        // row changes no total.
        let imp = &riga.riga.importi;
        let Some(col) = imp
            .columns()
            .iter()
            .copied()
            .filter(|c| !imp.get(*c).unwrap().is_zero())
            .min()
        else {
            continue;
        };
        let figure = above[0].spans_importi.get(col).unwrap();
        let moved = Span::new(figure.start - removed, figure.end - removed);
        // The missing-row cause names the rows of the group the row was in
        // (in the mutant's offsets: the group's first row to its last).
        let sposta = |s: Span| {
            if s.start > row.start {
                Span::new(s.start - removed, s.end - removed)
            } else {
                s
            }
        };
        let resto: Vec<Span> = gruppo_di[&row]
            .iter()
            .filter(|s| **s != row)
            .map(|s| sposta(*s))
            .collect();
        let gruppo = match (resto.first(), resto.last()) {
            (Some(a), Some(b)) => a.join(*b),
            _ => sposta(above[0].span),
        };
        let cause: Vec<Span> = errs
            .iter()
            .flat_map(|f| &f.related)
            .filter(|x| {
                x.message
                    .contains("row of exactly these amounts is missing")
            })
            .map(|x| x.span)
            .collect();
        giusti += usize::from(cause.contains(&gruppo));
        altrove += usize::from(cause.iter().any(|s| *s != gruppo));
        righe += 1;
        assert!(
            errs.iter()
                .any(|f| f.rule == "total-mismatch" && f.span == moved),
            "row at {row:?}: no total-mismatch at the total's figure {moved:?}\n{}",
            describe(&errs)
        );
    }
    // Measured: how often the missing-row cause names the right group.
    eprintln!(
        "missing-row cause on the real report: {giusti} of {righe} rows, {altrove} elsewhere"
    );
    assert_eq!((righe, giusti, altrove), (366, 366, 0));
}

/// The rows of each row's group (by the row's span).
fn gruppi_delle_righe(r: &Report) -> std::collections::HashMap<Span, Vec<Span>> {
    let mut out = std::collections::HashMap::new();
    for s in &r.sezioni {
        let Corpo::Tabella(t) = &s.corpo else {
            continue;
        };
        for g in t
            .settori
            .iter()
            .flat_map(|k| &k.titoli)
            .flat_map(|t| &t.gruppi)
        {
            let spans: Vec<Span> = g.righe.iter().map(|x| x.span).collect();
            for x in &spans {
                out.insert(*x, spans.clone());
            }
        }
    }
    out
}

/// Every declared total of the report.
fn declared_totals(r: &Report) -> Vec<&Totale> {
    let mut out = Vec::new();
    for s in &r.sezioni {
        match &s.corpo {
            Corpo::Tabella(t) => {
                for settore in &t.settori {
                    for titolo in &settore.titoli {
                        out.extend(titolo.gruppi.iter().filter_map(|g| g.totale.as_ref()));
                        out.extend(titolo.totale.as_ref());
                    }
                    out.extend(settore.totale.as_ref());
                }
                out.extend(t.totale.as_ref());
            }
            Corpo::Vincolate(v) => out.extend(v.parti.iter().filter_map(|p| p.totale.as_ref())),
            Corpo::Missioni(m) => {
                out.extend(m.missioni.iter().filter_map(|x| x.totale.as_ref()));
                out.extend(m.totale_direzione.as_ref());
                out.extend(m.totale_generale.as_ref());
            }
        }
    }
    out
}

#[test]
fn every_changed_declared_total_is_caught_at_the_total() {
    let rules = RuleSet::default_rules().unwrap();
    let r = report();
    let totals = declared_totals(&r);
    assert_eq!(totals.len(), 74);
    for t in totals {
        // The first amount of the total (after its label).
        let text = &REAL[t.span.start..t.span.end];
        let first_amount = text
            .windows(2)
            .position(|w| w[0].is_ascii_digit() && w[1] == b',')
            .unwrap();
        let start = (t.span.start + first_amount.saturating_sub(14)).max(t.span.start);
        let errs = errors(&mistype(start), &rules);
        // The figure mistyped: the amount holding the first digit from `start`.
        let digit = start
            + REAL[start..]
                .iter()
                .position(|b| b.is_ascii_digit())
                .unwrap();
        let (_, figure) = t
            .spans_importi
            .iter()
            .find(|(_, s)| s.start <= digit && digit < s.end)
            .unwrap();
        assert!(
            errs.iter().any(|f| f.span == figure),
            "{}: no error at the total's figure {figure:?}\n{}",
            t.etichetta,
            describe(&errs)
        );
    }
}

#[test]
fn every_flipped_missione_programma_is_caught_at_the_row() {
    let rules = RuleSet::default_rules().unwrap();
    let r = report();
    let mut n = 0;
    for row in r.righe().filter(|x| x.sezione.is_spesa()) {
        if all_zero(&row.riga.importi) {
            continue;
        }
        let mp = row.riga.missione_programma.unwrap();
        // Another programma of the same missione that the report uses.
        let other = if mp.programma == 4 { "05" } else { "04" };
        let text = &REAL[row.riga.span.start..row.riga.span.end];
        let printed = mp.to_string();
        let at = row.riga.span.start
            + text
                .windows(5)
                .rposition(|w| w == printed.as_bytes())
                .unwrap();
        let mutant = splice(at + 3..at + 5, other);
        let errs = errors(&mutant, &rules);
        let rule = if row.sezione == SezioneId::SpeseCorrenti {
            "missioni-correnti"
        } else {
            "missioni-capitale"
        };
        assert!(
            errs.iter().any(|f| f.rule == rule
                && f.related
                    .iter()
                    .any(|x| overlaps(x.span, row.riga.span)
                        && x.message.starts_with("likely cause"))),
            "{}: {rule} does not name the row as likely cause\n{}",
            row.riga.chiave,
            describe(&errs)
        );
        n += 1;
    }
    assert_eq!(n, 274);
}

#[test]
fn every_added_or_removed_v_flag_is_caught_at_the_row() {
    let rules = RuleSet::default_rules().unwrap();
    let r = report();
    let mut n = 0;
    for row in r.righe().filter(|x| !x.sezione.is_capitale()) {
        if all_zero(&row.riga.importi) {
            continue;
        }
        let start = row.riga.importi_span.start;
        let mutant = if row.riga.vincolato {
            let v = REAL[..start].iter().rposition(|&b| b == b'V').unwrap();
            assert!(v >= row.riga.span.start);
            splice(v..v + 1, "")
        } else {
            splice(start..start, "V")
        };
        let errs = errors(&mutant, &rules);
        let rule = if row.sezione == SezioneId::SpeseCorrenti {
            "vincolate-spese"
        } else {
            "vincolate-entrate"
        };
        assert!(
            errs.iter().any(|f| f.rule == rule
                && f.related
                    .iter()
                    .any(|x| overlaps(x.span, row.riga.span) && x.message.contains("marked V"))),
            "{}: {rule} does not name the row's V flag\n{}",
            row.riga.chiave,
            describe(&errs)
        );
        n += 1;
    }
    assert_eq!(n, 332);
}

/// One figure of the real report changed by one digit, at `line:column`
/// (1-based, as every output prints them), and where findings must point:
/// the declared figure that no longer agrees, line and column, by rule.
struct Figura {
    what: &'static str,
    at: (usize, usize),
    expect: &'static [(&'static str, (usize, usize))],
}

const FIGURE: &[Figura] = &[
    Figura {
        what: "1.A row 27 1 0, PREVISIONE on the 4th line of the row",
        at: (22, 2),
        expect: &[("total-mismatch", (78, 1))],
    },
    Figura {
        what: "1.A row 38 15 1 on a single line, PREVISIONE 2021",
        at: (24, 81),
        expect: &[("total-mismatch", (78, 14))],
    },
    Figura {
        what: "1.A total wrapped over 7 lines, RENDICONTO on its last line",
        at: (94, 1),
        expect: &[("total-mismatch", (94, 1))],
    },
    Figura {
        what: "1.B total, the fifth column (PREVISIONE 2021 repeated)",
        at: (760, 74),
        expect: &[("total-mismatch", (760, 74))],
    },
    Figura {
        what: "1.C titolo row, PREVISIONE",
        at: (1841, 2),
        expect: &[
            ("total-mismatch", (1845, 1)),
            ("vincolate-entrate", (1841, 2)),
        ],
    },
    Figura {
        what: "1.D programma wrapped over 5 lines, PREVISIONE on the last",
        at: (1874, 15),
        expect: &[
            ("total-mismatch", (1884, 23)),
            ("missioni-correnti", (1874, 15)),
        ],
    },
    Figura {
        what: "1.D missione total, RENDICONTO on its 5th line",
        at: (1888, 1),
        expect: &[("total-mismatch", (1888, 1))],
    },
    Figura {
        what: "2.A row 4145 4 0 (11 lines), \"di cui\" crono obbligazioni",
        at: (1958, 17),
        expect: &[
            ("total-mismatch", (1992, 23)),
            ("capitale-di-cui-somma", (1958, 17)),
        ],
    },
    Figura {
        what: "2.C programma UFFICIO TECNICO, \"di cui\" altri nuovi stanziamenti",
        at: (2446, 17),
        expect: &[("missioni-capitale", (2446, 17))],
    },
    Figura {
        what: "2.C missione total, PREVISIONE 2021 on its 5th line",
        at: (2452, 5),
        expect: &[("total-mismatch", (2452, 5))],
    },
];

#[test]
fn every_kind_of_changed_figure_is_located_at_the_figure_line_and_column() {
    let rules = RuleSet::default_rules().unwrap();
    let index = quadra::span::LineIndex::new(REAL);
    for f in FIGURE {
        let start = index.line_start(REAL, f.at.0 - 1) + f.at.1 - 1;
        let mutant = mistype(start);
        let p = quadra::parse(&mutant[..]).unwrap();
        let found = quadra::rules::check(&p.documento, &p.diagnostics, &rules, false);
        let idx = quadra::span::LineIndex::new(&mutant);
        let at: Vec<(String, (usize, usize))> = found
            .iter()
            .filter(|x| x.severity >= Severity::Warning)
            .map(|x| {
                let l = idx.locate(&mutant, x.span);
                (x.rule.clone(), (l.line, l.column))
            })
            .collect();
        for (rule, pos) in f.expect {
            assert!(
                at.iter().any(|(r, p)| r == rule && p == pos),
                "{}: no {rule} at {pos:?}; found {at:?}",
                f.what
            );
        }
    }
}

#[test]
fn an_unreadable_amount_is_named_as_the_cause_of_the_total_it_breaks() {
    // `350.000,00` typed `350.000.00` on the row 241 12 1 (line 429).
    let at = REAL
        .windows(30)
        .position(|w| w.starts_with(b"350.000,00350.000,00 197.358,58"[..30].as_ref()))
        .unwrap();
    let mutant = splice(at..at + 10, "350.000.00");
    let rules = RuleSet::default_rules().unwrap();
    let p = quadra::parse(&mutant[..]).unwrap();
    let found = quadra::rules::check(&p.documento, &p.diagnostics, &rules, false);
    let idx = quadra::span::LineIndex::new(&mutant);
    let pos = |s: Span| {
        let l = idx.locate(&mutant, s);
        (l.line, l.column)
    };
    let errs: Vec<(&str, (usize, usize))> = found
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| (f.rule.as_str(), pos(f.span)))
        .collect();
    assert_eq!(
        errs,
        [
            ("parse::malformed-amount", (429, 44)),
            ("total-mismatch", (431, 1))
        ]
    );
    let total = found.iter().find(|f| f.rule == "total-mismatch").unwrap();
    // Its first likely cause is the unread line, and no missing row is offered.
    assert_eq!(pos(total.related[0].span), (429, 44));
    assert_eq!(
        total.related[0].message,
        "likely cause: this line could not be read (parse::malformed-amount: malformed amount \
         `350.000.00350.000,00`), so what it holds is in no sum; this finding follows from it"
    );
    assert!(!total
        .related
        .iter()
        .any(|r| r.message.contains("is missing")));
}
