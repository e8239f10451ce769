//! The streaming check (`quadra::flusso`: parse, check and write one report
//! at a time) writes exactly the bytes of the whole-document path (parse
//! everything, check everything, then `output::json::write` /
//! `output::sarif::write`, `output::github::write`), on the real report, every fixture, generated
//! city-wide documents with faults in many reports, and garbage past the
//! parser's cap on diagnostics.

use std::path::{Path, PathBuf};

use quadra::config::RuleSet;
use quadra::diagnostic::Severity;
use quadra::finding::Finding;
use quadra::output::flusso::Flusso;
use quadra::output::{Esito, Formato};
use quadra::report_text::{impagina, Opzioni};
use quadra::sample::bilancio::{genera, Parametri};

/// The bytes of the whole-document path, with the findings `tenuto` keeps.
fn intero(
    path: &str,
    bytes: &[u8],
    rules: &RuleSet,
    f: Formato,
    tenuto: &dyn Fn(&Finding) -> bool,
) -> Option<Vec<u8>> {
    let o = quadra::parse(bytes).ok()?;
    let tutti = quadra::rules::check(&o.documento, &o.diagnostics, rules, false);
    let findings: Vec<Finding> = tutti.into_iter().filter(|x| tenuto(x)).collect();
    let index = quadra::span::LineIndex::new(bytes);
    let esiti = [Esito::new(path, bytes, &index, &findings)];
    let mut out = Vec::new();
    match f {
        Formato::Json => quadra::output::json::write(&mut out, &esiti),
        Formato::Github => quadra::output::github::write(&mut out, &esiti),
        _ => quadra::output::sarif::write(&mut out, &esiti, rules),
    }
    .unwrap();
    Some(out)
}

/// The bytes of the streaming path, and what it counted.
fn a_flusso(
    path: &str,
    rules: &RuleSet,
    f: Formato,
    tenuto: &dyn Fn(&Finding) -> bool,
) -> Option<(Vec<u8>, quadra::flusso::Riassunto)> {
    let ingresso = quadra::ingresso::Ingresso::apri(path).unwrap();
    let mut out = Vec::new();
    let mut flusso = Flusso::new(f, &mut out, path, rules, None)
        .unwrap()
        .unwrap();
    let r = quadra::flusso::controlla_e_scrivi(&ingresso, rules, false, tenuto, &mut flusso)
        .ok()?
        .unwrap();
    flusso.chiudi().unwrap();
    Some((out, r))
}

fn cartella() -> PathBuf {
    let d = std::env::temp_dir().join(format!("quadra-flusso-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Both paths on one input, in both formats, unfiltered and filtered;
/// returns the number of findings written unfiltered.
fn confronta(path: &Path, rules: &RuleSet) -> Option<usize> {
    let bytes = std::fs::read(path).unwrap();
    let p = path.to_str().unwrap();
    let tutti = |_: &Finding| true;
    let gravi = |x: &Finding| x.severity >= Severity::Warning;
    let mut scritti = None;
    for f in [Formato::Json, Formato::Sarif, Formato::Github] {
        for (nome, tenuto) in [
            ("all", &tutti as &dyn Fn(&Finding) -> bool),
            ("warnings", &gravi),
        ] {
            let atteso = intero(p, &bytes, rules, f, tenuto);
            let avuto = a_flusso(p, rules, f, tenuto);
            match (atteso, avuto) {
                (None, None) => return None,
                (Some(a), Some((b, r))) => {
                    assert!(
                        a == b,
                        "{p} {f:?} {nome}: the streaming output differs\n{}",
                        prima_differenza(&a, &b)
                    );
                    if nome == "all" {
                        scritti = Some(r.scritti);
                    }
                }
                (a, b) => panic!(
                    "{p}: one path read a report, the other not ({} {})",
                    a.is_some(),
                    b.is_some()
                ),
            }
        }
    }
    scritti
}

fn prima_differenza(a: &[u8], b: &[u8]) -> String {
    let i = a
        .iter()
        .zip(b)
        .position(|(x, y)| x != y)
        .unwrap_or(a.len().min(b.len()));
    let da = i.saturating_sub(200);
    format!(
        "whole:  {}\nstream: {}",
        String::from_utf8_lossy(&a[da..(i + 200).min(a.len())]),
        String::from_utf8_lossy(&b[da..(i + 200).min(b.len())])
    )
}

fn file_txt(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            file_txt(&p, out);
        } else if p.extension().is_some_and(|x| x == "txt") {
            out.push(p);
        }
    }
}

#[test]
fn the_real_report_and_every_fixture_stream_as_they_check_whole() {
    let rules = RuleSet::default_rules().unwrap();
    let mut paths = vec![PathBuf::from(
        "reports/milano-2022-dir07-welfare-e-salute.txt",
    )];
    file_txt(Path::new("fixtures"), &mut paths);
    paths.sort();
    let mut letti = 0;
    for p in &paths {
        if confronta(p, &rules).is_some() {
            letti += 1;
        }
    }
    // Every fixture but the ones that are not reports at all.
    assert!(letti >= paths.len() - 3, "{letti} of {}", paths.len());
    let reale = confronta(
        Path::new("reports/milano-2022-dir07-welfare-e-salute.txt"),
        &rules,
    );
    assert_eq!(reale, Some(121));
}

/// A generated document of 30 Direzioni, with a digit changed every few
/// thousand bytes and some lines deleted: findings in most reports, causes
/// read across each report's findings.
#[test]
fn a_city_wide_document_with_faults_streams_as_it_checks_whole() {
    let p = Parametri {
        seme: 5,
        direzioni: 30,
        settori: 3,
        righe: 12,
        ..Parametri::default()
    };
    let opzioni = Opzioni {
        righe_per_pagina: Some(60),
        ..Opzioni::default()
    };
    let testo = impagina(&genera(&p).documento, &opzioni);
    let mut righe: Vec<String> = testo.lines().map(str::to_string).collect();
    let mut tolte = 0;
    for (i, r) in righe.iter_mut().enumerate() {
        if i % 97 == 13 {
            if let Some(k) = r.rfind(|c: char| c.is_ascii_digit() && c != '0') {
                r.replace_range(k..k + 1, "0");
            }
        }
        if i % 401 == 200 {
            r.clear();
            tolte += 1;
        }
    }
    assert!(tolte > 3);
    let path = cartella().join("citta.txt");
    std::fs::write(&path, righe.join("\n") + "\n").unwrap();
    let rules = RuleSet::default_rules().unwrap();
    let n = confronta(&path, &rules).unwrap();
    assert!(n > 100, "{n} findings");
}

/// Past the parser's cap on diagnostics the finding that counts the rest
/// is placed among the others, as in the whole document.
#[test]
fn garbage_past_the_diagnostic_cap_streams_as_it_checks_whole() {
    let reale = std::fs::read_to_string("reports/milano-2022-dir07-welfare-e-salute.txt").unwrap();
    let mut testo = String::new();
    for _ in 0..3 {
        for (i, r) in reale.lines().enumerate() {
            testo.push_str(r);
            testo.push('\n');
            if i % 2 == 1 {
                testo.push_str("@@ riga che nessuno capisce @@\n");
            }
        }
    }
    let path = cartella().join("spazzatura.txt");
    std::fs::write(&path, &testo).unwrap();
    let rules = RuleSet::default_rules().unwrap();
    let o = quadra::parse(testo.as_bytes()).unwrap();
    assert_eq!(o.diagnostics.len(), quadra::parse::MAX_DIAGNOSTICS + 1);
    assert_eq!(o.documento.reports.len(), 3);
    confronta(&path, &rules).unwrap();
}

/// With the real report's link file (declared vincolo groups), streamed
/// as `quadra check` streams it, the same bytes as the whole document
/// checked with the same groups.
#[test]
fn the_real_report_with_its_link_file_streams_as_it_checks_whole() {
    let path = "reports/milano-2022-dir07-welfare-e-salute.txt";
    let testo =
        std::fs::read_to_string("rules/milano-2022-dir07-welfare-e-salute.links.toml").unwrap();
    let legami = quadra::vincoli::links::leggi(&testo).unwrap();
    let rules = RuleSet::default_rules().unwrap();
    let bytes = std::fs::read(path).unwrap();
    let o = quadra::parse(&bytes).unwrap();
    let findings =
        quadra::rules::check_con_legami(&o.documento, &o.diagnostics, &rules, false, Some(&legami));
    let index = quadra::span::LineIndex::new(&bytes);
    let esiti = [Esito::new(path, &bytes, &index, &findings)];
    let mut atteso = Vec::new();
    quadra::output::json::write(&mut atteso, &esiti).unwrap();

    let ingresso = quadra::ingresso::Ingresso::apri(path).unwrap();
    let mut avuto = Vec::new();
    let mut flusso = Flusso::new(Formato::Json, &mut avuto, path, &rules, None)
        .unwrap()
        .unwrap();
    let mut visti = 0;
    let r = quadra::flusso::controlla_con_legami(
        &ingresso,
        &rules,
        false,
        Some(&legami),
        &mut |_, its| visti += its.len(),
        &|_| true,
        &mut flusso,
    )
    .unwrap()
    .unwrap();
    flusso.chiudi().unwrap();
    assert!(atteso == avuto, "{}", prima_differenza(&atteso, &avuto));
    assert_eq!(r.scritti, findings.len());
    assert!(visti > 300, "{visti} items shown to the link-file check");
}
