//! `quadra diff` between the real report and edited versions of it: each
//! edit (an amount, a row moved to another Settore, a V flag removed, a row
//! deleted, a row added) must give exactly the expected changes, keyed by
//! PEG key whatever lines moved, and the findings it introduces.

use quadra::amount::macchina;
use quadra::ast::{Report, SezioneId};
use quadra::config::RuleSet;
use quadra::diff::{confronta, print, CambioFinding, Versione};
use quadra::finding::Finding;
use quadra::span::LineIndex;

const REAL: &[u8] = include_bytes!("../reports/milano-2022-dir07-welfare-e-salute.txt");

fn report() -> Report {
    quadra::parse(REAL).unwrap().documento.reports.remove(0)
}

fn splice(text: &[u8], range: std::ops::Range<usize>, with: &[u8]) -> Vec<u8> {
    let mut v = text[..range.start].to_vec();
    v.extend_from_slice(with);
    v.extend_from_slice(&text[range.end..]);
    v
}

/// What `quadra diff` says, as plain lines: the changes, then the findings
/// introduced / resolved / changed (rule and severity), then the number of
/// new errors.
struct Esito {
    cambi: Vec<String>,
    findings: Vec<String>,
    nuovi_errori: usize,
    human: String,
    markdown: String,
}

fn diff(old: &[u8], new: &[u8]) -> Esito {
    let rules = RuleSet::default_rules().unwrap();
    let po = quadra::parse(old).unwrap();
    let pn = quadra::parse(new).unwrap();
    let fo = quadra::rules::check(&po.documento, &po.diagnostics, &rules, false);
    let fnew = quadra::rules::check(&pn.documento, &pn.diagnostics, &rules, false);
    let (io, inew) = (LineIndex::new(old), LineIndex::new(new));
    let vo = Versione {
        path: "old.txt",
        bytes: old,
        index: &io,
        doc: &po.documento,
        findings: &fo,
        salta: &[],
    };
    let vn = Versione {
        path: "new.txt",
        bytes: new,
        index: &inew,
        doc: &pn.documento,
        findings: &fnew,
        salta: &[],
    };
    let d = confronta(&vo, &vn);
    let cambi = d
        .cambi
        .iter()
        .map(|c| {
            let mut parts: Vec<String> = c
                .campi
                .iter()
                .map(|f| format!("{} {} -> {}", f.field, f.from, f.to))
                .collect();
            parts.extend(c.importi.iter().map(|x| {
                format!(
                    "{} {:?} -> {:?} ({})",
                    x.colonna.name(),
                    x.da.map(macchina),
                    x.a.map(macchina),
                    macchina(x.differenza())
                )
            }));
            format!(
                "{:?} {:?} {} {} [{}]",
                c.stato,
                c.oggetto,
                c.sezione.code(),
                c.chiave,
                parts.join("; ")
            )
        })
        .collect();
    let show = |f: &Finding| format!("{} {}", f.rule, f.severity.as_str());
    let findings = d
        .findings
        .iter()
        .map(|c| match *c {
            CambioFinding::Introdotto(j) => format!("introduced {}", show(&fnew[j])),
            CambioFinding::Risolto(i) => format!("resolved {}", show(&fo[i])),
            CambioFinding::Cambiato(_, j) => format!("changed {}", show(&fnew[j])),
        })
        .collect();
    let mut human = Vec::new();
    print::human(&mut human, &d, &vo, &vn).unwrap();
    let mut markdown = Vec::new();
    print::markdown(&mut markdown, &d, &vo, &vn).unwrap();
    Esito {
        cambi,
        findings,
        nuovi_errori: d.nuovi_errori(&vn),
        human: String::from_utf8(human).unwrap(),
        markdown: String::from_utf8(markdown).unwrap(),
    }
}

/// The report's lines from `span.start` to the end of the blank lines after it.
fn with_breaks(text: &[u8], span: quadra::span::Span) -> std::ops::Range<usize> {
    let end = span.end + text[span.end..].iter().take_while(|&&b| b == b'\n').count();
    span.start..end
}

#[test]
fn identical_versions_differ_in_nothing() {
    let e = diff(REAL, REAL);
    assert!(e.cambi.is_empty());
    assert!(e.findings.is_empty());
    assert_eq!(e.nuovi_errori, 0);
}

#[test]
fn lines_moved_by_blank_lines_are_no_change() {
    let new = splice(REAL, 0..0, b"\n\n\n");
    let e = diff(REAL, &new);
    assert_eq!(e.cambi, Vec::<String>::new());
    assert_eq!(e.findings, Vec::<String>::new());
}

#[test]
fn a_changed_amount() {
    // 38 15 6 (1.A, V): PREVISIONE 2022 10.609.040,00 -> 10.609.050,00.
    let at = memchr_find(REAL, b"V10.609.040,00");
    let new = splice(REAL, at..at + 14, b"V10.609.050,00");
    let e = diff(REAL, &new);
    assert_eq!(
        e.cambi,
        vec![
            "Changed Chapter 1.A 38 15 6 [previsione Some(\"10609040.00\") -> Some(\"10609050.00\") (10.00)]"
        ]
    );
    // Without the link file the vincolo group rests on inferred links, so
    // its finding is an info.
    assert_eq!(
        e.findings,
        vec![
            "changed vincolo-unbalanced info",
            "changed forecast-change info",
            "introduced total-mismatch error",
            "introduced vincolate-entrate error",
            "changed vincolate-coverage warning",
        ]
    );
    assert_eq!(e.nuovi_errori, 2);
    insta::assert_snapshot!("diff_amount_human", e.human);
    insta::assert_snapshot!("diff_amount_markdown", e.markdown);
}

#[test]
fn a_row_moved_to_another_settore() {
    // A 1.B row moved into another Settore under the same titolo and
    // macroaggregato: only its settore changes.
    let r = report();
    let rows: Vec<_> = r
        .righe()
        .filter(|x| x.sezione == SezioneId::SpeseCorrenti)
        .collect();
    let from = rows[0];
    let to = rows
        .iter()
        .find(|x| {
            code(&x.settore.intestazione) != code(&from.settore.intestazione)
                && code(&x.titolo.intestazione) == code(&from.titolo.intestazione)
                && code(&x.gruppo.intestazione) == code(&from.gruppo.intestazione)
        })
        .expect("a row of another Settore with the same headings");
    let cut = with_breaks(REAL, from.riga.span);
    let moved = REAL[cut.clone()].to_vec();
    assert!(to.riga.span.start > cut.end);
    let mut new = splice(REAL, to.riga.span.start..to.riga.span.start, &moved);
    new.drain(cut);
    let e = diff(REAL, &new);
    assert_eq!(
        e.cambi,
        vec![format!(
            "Changed Chapter 1.B {} [settore {} -> {}]",
            from.riga.chiave,
            code(&from.settore.intestazione),
            code(&to.settore.intestazione)
        )]
    );
    // The macroaggregato totals it left and joined no longer equal their
    // rows (totals above sum the totals below, so they still agree).
    assert_eq!(
        e.findings,
        vec![
            "introduced total-mismatch error",
            "introduced total-mismatch error",
        ]
    );
    assert_eq!(e.nuovi_errori, 2);
}

#[test]
fn a_v_flag_removed() {
    let r = report();
    let row = r
        .righe()
        .find(|x| x.sezione == SezioneId::SpeseCorrenti && x.riga.vincolato)
        .unwrap();
    let start = row.riga.importi_span.start;
    let v = REAL[..start].iter().rposition(|&b| b == b'V').unwrap();
    let new = splice(REAL, v..v + 1, b"");
    let e = diff(REAL, &new);
    assert_eq!(
        e.cambi,
        vec![format!(
            "Changed Chapter 1.B {} [vincolato true -> false]",
            row.riga.chiave
        )]
    );
    assert!(e
        .findings
        .contains(&"introduced vincolate-spese error".to_string()));
    assert!(e.nuovi_errori >= 1);
}

#[test]
fn a_row_deleted() {
    let r = report();
    let row = r
        .righe()
        .find(|x| x.sezione == SezioneId::SpeseCorrenti)
        .unwrap();
    let new = splice(REAL, with_breaks(REAL, row.riga.span), b"");
    let e = diff(REAL, &new);
    let i = &row.riga.importi;
    let amounts: Vec<String> = i
        .columns()
        .iter()
        .map(|c| {
            let a = i.get(*c).unwrap();
            let minus = macchina(rust_decimal::Decimal::ZERO - a);
            format!("{} Some({:?}) -> None ({minus})", c.name(), macchina(a))
        })
        .collect();
    assert_eq!(
        e.cambi,
        vec![format!(
            "Removed Chapter 1.B {} [{}]",
            row.riga.chiave,
            amounts.join("; ")
        )]
    );
    assert!(e.findings.iter().all(|f| f.starts_with("introduced")
        || f.starts_with("changed")
        || f.starts_with("resolved")));
    assert!(e
        .findings
        .contains(&"introduced total-mismatch error".to_string()));
    // The deleted chapter is named under the total it breaks, under the 1.C
    // and 1.D checks that differ by the same amounts, and under the report's
    // V coverage that moves by them (the chapter is V).
    let named = format!(
        "likely cause: the old version's chapter {} `{}` has exactly these amounts, and the new one lacks it: it was deleted",
        row.riga.chiave, row.riga.descrizione
    );
    let lines: Vec<&str> = e.human.lines().filter(|l| l.contains(&named)).collect();
    assert_eq!(lines.len(), 4, "{}", e.human);
    // The Markdown rows of those findings say it too.
    assert_eq!(
        e.markdown
            .lines()
            .filter(|l| l.contains("has exactly these amounts, and the new one lacks it"))
            .count(),
        4,
        "{}",
        e.markdown
    );
}

#[test]
fn a_row_added() {
    // A copy of a 1.B row under a PEG key the report does not use.
    let r = report();
    let row = r
        .righe()
        .find(|x| x.sezione == SezioneId::SpeseCorrenti)
        .unwrap();
    let cut = with_breaks(REAL, row.riga.span);
    let mut copy = REAL[cut.clone()].to_vec();
    // The key is printed fused with the PDC: replace the key alone.
    let k = row.riga.chiave_span.start;
    let key = row.riga.chiave.to_string();
    assert_eq!(&REAL[k..k + key.len()], key.as_bytes());
    copy.splice(
        k - cut.start..k - cut.start + key.len(),
        b"9999 1 1".iter().copied(),
    );
    let new = splice(REAL, cut.end..cut.end, &copy);
    let e = diff(REAL, &new);
    let i = &row.riga.importi;
    let amounts: Vec<String> = i
        .columns()
        .iter()
        .map(|c| {
            let a = i.get(*c).unwrap();
            format!(
                "{} None -> Some({:?}) ({})",
                c.name(),
                macchina(a),
                macchina(a)
            )
        })
        .collect();
    assert_eq!(
        e.cambi,
        vec![format!(
            "Added Chapter 1.B 9999 1 1 [{}]",
            amounts.join("; ")
        )]
    );
    assert!(e
        .findings
        .contains(&"introduced total-mismatch error".to_string()));
}

#[test]
fn a_changed_declared_total_is_a_total_change() {
    // The first Tipologia total of 1.A: its PREVISIONE (the first amount
    // printed on it) goes up by 1,00.
    use quadra::amount::italiano;
    use quadra::ast::Colonna;
    let r = report();
    let quadra::ast::Corpo::Tabella(t) = &r.sezioni[0].corpo else {
        panic!("1.A is a table")
    };
    let tot = t.settori[0].titoli[0].gruppi[0].totale.as_ref().unwrap();
    let prev = tot.importi.get(Colonna::Previsione).unwrap();
    let printed = italiano(prev);
    let at = tot.span.start + memchr_find(&REAL[tot.span.start..tot.span.end], printed.as_bytes());
    let bumped = italiano(prev + rust_decimal::Decimal::ONE);
    let new = splice(REAL, at..at + printed.len(), bumped.as_bytes());
    let e = diff(REAL, &new);
    assert_eq!(
        e.cambi,
        vec![format!(
            "Changed Total 1.A {} [settore 51] [titolo 2] [gruppo 1] [previsione Some({:?}) -> Some({:?}) (1.00)]",
            tot.etichetta,
            macchina(prev),
            macchina(prev + rust_decimal::Decimal::ONE)
        )]
    );
    // The total no longer equals its rows, and the Titolo total above it
    // (which sums the totals below) no longer equals its parts.
    assert_eq!(
        e.findings,
        vec![
            "introduced total-mismatch error",
            "introduced total-mismatch error"
        ]
    );
}

#[test]
fn removed_findings_are_resolved() {
    // The other way round: the edited version is the old one.
    let at = memchr_find(REAL, b"V10.609.040,00");
    let old = splice(REAL, at..at + 14, b"V10.609.050,00");
    let e = diff(&old, REAL);
    assert_eq!(
        e.findings,
        vec![
            "changed vincolo-unbalanced info",
            "changed forecast-change info",
            "changed vincolate-coverage warning",
            "resolved total-mismatch error",
            "resolved vincolate-entrate error",
        ]
    );
    assert_eq!(e.nuovi_errori, 0);
}

fn code<C: Copy + ToString>(h: &Option<quadra::ast::Intestazione<C>>) -> String {
    h.as_ref().map(|h| h.codice.to_string()).unwrap_or_default()
}

fn memchr_find(hay: &[u8], needle: &[u8]) -> usize {
    hay.windows(needle.len())
        .position(|w| w == needle)
        .expect("needle in the report")
}

#[test]
fn repeated_keys_pair_by_amounts_first() {
    // v1 holds a 1.B row twice under one key, the copy with another
    // PREVISIONE; v2 drops the first. What was removed is the first, not
    // "the first changed, the second removed".
    let r = report();
    let row = r
        .righe()
        .find(|x| x.sezione == SezioneId::SpeseCorrenti)
        .unwrap();
    let cut = with_breaks(REAL, row.riga.span);
    let prev = macchina_it(
        row.riga
            .importi
            .get(quadra::ast::Colonna::Previsione)
            .unwrap(),
    );
    let original = String::from_utf8(REAL[cut.clone()].to_vec()).unwrap();
    // The first amount printed is the PREVISIONE.
    assert!(original.contains(&prev), "{original}");
    let copy = original.replacen(&prev, "777.777,77", 1);
    let v1 = splice(REAL, cut.end..cut.end, copy.as_bytes());
    let v2 = splice(&v1, cut.clone(), b"");
    let e = diff(&v1, &v2);
    assert_eq!(e.cambi.len(), 1, "{:?}", e.cambi);
    assert!(
        e.cambi[0].starts_with(&format!(
            "Removed Chapter 1.B {} [previsione Some",
            row.riga.chiave
        )),
        "{}",
        e.cambi[0]
    );
    assert!(!e.cambi[0].contains("777777.77"), "{}", e.cambi[0]);
}

fn macchina_it(d: rust_decimal::Decimal) -> String {
    quadra::amount::italiano(d)
}

#[test]
fn control_characters_in_a_report_never_reach_the_terminal() {
    let at = memchr_find(REAL, b"PROGETTO SAI - ADULTI V10.609.040,00");
    let new = splice(REAL, at..at + 12, b"PROGETTO \x1b]0;PWN\x07");
    let e = diff(REAL, &new);
    assert!(e.human.contains("description"), "{}", e.human);
    assert!(!e.human.contains('\u{1b}'), "{}", e.human);
    assert!(!e.human.contains('\u{7}'));
    assert!(e.human.contains("PROGETTO \u{fffd}]0;PWN\u{fffd}"));
}

#[test]
fn a_document_holding_a_direzione_twice_differs_from_itself_in_nothing() {
    let twice = [REAL, REAL].concat();
    let e = diff(&twice, &twice);
    assert_eq!(e.cambi, Vec::<String>::new());
    assert_eq!(e.findings, Vec::<String>::new());
}

#[test]
fn reports_held_byte_for_byte_are_skipped_with_the_same_result() {
    // Two Direzioni; the change is in the second. Skipping the identical
    // first report (neither checked nor compared) must say exactly what the
    // full comparison says.
    let due = |t: &[u8]| {
        let s = String::from_utf8(t.to_vec()).unwrap();
        format!("{s}{}", s.replace("DIR07", "DIR08")).into_bytes()
    };
    let old = due(REAL);
    let mut new = old.clone();
    let at = REAL.len() + memchr_find(&old[REAL.len()..], b"V10.609.040,00");
    new.splice(at..at + 14, b"V10.609.050,00".iter().copied());
    let full = diff(&old, &new);
    let rules = RuleSet::default_rules().unwrap();
    let (po, pn) = (quadra::parse(&old).unwrap(), quadra::parse(&new).unwrap());
    let (so, sn) = quadra::diff::uguali(&po.documento, &old, &pn.documento, &new);
    assert_eq!(
        (so.clone(), sn.clone()),
        (vec![true, false], vec![true, false])
    );
    let fo =
        quadra::rules::check_scelti(&po.documento, &po.diagnostics, &rules, false, None, &|i| {
            !so[i]
        });
    let fnew =
        quadra::rules::check_scelti(&pn.documento, &pn.diagnostics, &rules, false, None, &|i| {
            !sn[i]
        });
    let (io, inew) = (LineIndex::new(&old), LineIndex::new(&new));
    let vo = Versione {
        path: "old.txt",
        bytes: &old,
        index: &io,
        doc: &po.documento,
        findings: &fo,
        salta: &so,
    };
    let vn = Versione {
        path: "new.txt",
        bytes: &new,
        index: &inew,
        doc: &pn.documento,
        findings: &fnew,
        salta: &sn,
    };
    let d = confronta(&vo, &vn);
    let mut human = Vec::new();
    print::human(&mut human, &d, &vo, &vn).unwrap();
    assert_eq!(String::from_utf8(human).unwrap(), full.human);
    assert_eq!(d.cambi.len(), 1);
    assert_eq!(d.nuovi_errori(&vn), full.nuovi_errori);
}
