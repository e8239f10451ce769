//! The streaming check (`parse_each_con` and `rules::Controllo`, what `quadra
//! check` runs) gives exactly what the whole-document path gives (`parse`
//! and `rules::check`): the same reports, the same diagnostics, the same
//! findings in the same order, on every fixture, the real report, and
//! generated documents of many reports with injected faults.

use quadra::config::RuleSet;
use quadra::finding::Finding;
use quadra::report_text::{impagina, Opzioni};
use quadra::sample::bilancio::{genera, Parametri};
use quadra::sample::guasti::{inietta, Guasto, Occupati};

/// Reports read by `parse_each`, and the streaming check's findings.
fn in_flusso(bytes: &[u8], rules: &RuleSet) -> Option<(String, Vec<Finding>)> {
    let mut c = quadra::rules::Controllo::new(rules, false, None);
    let mut reports = Vec::new();
    let diags = quadra::parse::parse_each_con(bytes, |r, d| {
        c.letture(d);
        let its = quadra::lang::item::items(&r);
        c.report(&r, &its);
        reports.push(r);
    })
    .ok()?;
    for d in &diags {
        c.parse_diagnostic(d);
    }
    let testo = format!("{:?}\n{:?}", reports, diags);
    Some((testo, c.finish()))
}

/// The same, on the whole document at once.
fn intero(bytes: &[u8], rules: &RuleSet) -> Option<(String, Vec<Finding>)> {
    let p = quadra::parse(bytes).ok()?;
    let f = quadra::rules::check(&p.documento, &p.diagnostics, rules, false);
    Some((format!("{:?}\n{:?}", p.documento.reports, p.diagnostics), f))
}

fn inputs() -> Vec<(String, Vec<u8>)> {
    let mut v = Vec::new();
    for dir in ["fixtures", "fixtures/rules", "fixtures/vincoli", "reports"] {
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt" || e == "bin"))
            .collect();
        files.sort();
        for p in files {
            v.push((p.display().to_string(), std::fs::read(&p).unwrap()));
        }
    }
    // Several reports, each with a fault of its own (findings in many of them).
    for (seme, guasto) in [
        (3, Guasto::ImportoRiga),
        (5, Guasto::TotaleDichiarato),
        (9, Guasto::RigaTolta),
        (17, Guasto::FlagV),
        (13, Guasto::CodicePdc),
    ] {
        let p = Parametri {
            seme,
            direzioni: 4,
            ..Parametri::default()
        };
        let mut g = genera(&p);
        let mut occupati = Occupati::default();
        for _ in 0..3 {
            let _ = inietta(&mut g, guasto, seme, &mut occupati);
        }
        let testo = impagina(&g.documento, &Opzioni::default());
        v.push((format!("generated {seme} {guasto:?}"), testo.into_bytes()));
    }
    v
}

#[test]
fn streaming_and_whole_document_checks_agree() {
    let rules = RuleSet::default_rules().unwrap();
    let inputs = inputs();
    let mut reports_with_findings = 0;
    for (nome, bytes) in &inputs {
        let a = in_flusso(bytes, &rules);
        let b = intero(bytes, &rules);
        assert_eq!(
            a.is_some(),
            b.is_some(),
            "{nome}: one path refused the input"
        );
        let (Some((ra, fa)), Some((rb, fb))) = (a, b) else {
            continue;
        };
        assert_eq!(ra, rb, "{nome}: reports or diagnostics differ");
        assert_eq!(fa, fb, "{nome}: findings differ");
        reports_with_findings += usize::from(!fa.is_empty());
    }
    // Not vacuous: nearly every input has findings to compare.
    assert!(inputs.len() >= 80, "{}", inputs.len());
    eprintln!(
        "{} inputs, {reports_with_findings} with findings",
        inputs.len()
    );
    assert!(reports_with_findings >= 50, "{reports_with_findings}");
}
