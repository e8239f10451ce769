//! No input makes quadra panic, hang or grow without bound: truncations of
//! the real report at many points, byte-level mutations, garbage, amounts at
//! the edge of the decimal range, and broken rule files. Every parsed input
//! is also checked with the default rules and printed in every format.

use quadra::config::{load, RuleSet, Sorgente};
use quadra::output::{self, Esito, Formato, Stile};
use quadra::parse::MAX_DIAGNOSTICS;
use quadra::span::LineIndex;

const REPORT: &str = "reports/milano-2022-dir07-welfare-e-salute.txt";

/// A small deterministic generator (no dependency, same cases every run).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
}

/// Broken variants of a text file: truncations and a few bytes replaced by
/// TOML punctuation, alternately; deterministic.
fn varianti(bytes: &[u8], seed: u64, n: usize) -> Vec<Vec<u8>> {
    let mut rng = Lcg(seed);
    (0..n)
        .map(|i| {
            if i % 2 == 0 {
                bytes[..(rng.next() as usize) % bytes.len()].to_vec()
            } else {
                let mut m = bytes.to_vec();
                for _ in 0..5 {
                    let at = (rng.next() as usize) % m.len();
                    m[at] = b"=[]{}\"'#,.0 9"[(rng.next() % 13) as usize];
                }
                m
            }
        })
        .collect()
}

fn check(bytes: &[u8]) {
    match quadra::parse(bytes) {
        Ok(out) => {
            assert!(out.diagnostics.len() <= MAX_DIAGNOSTICS + 1);
            let rules = RuleSet::default_rules().unwrap();
            let findings = quadra::rules::check(&out.documento, &out.diagnostics, &rules, true);
            let index = LineIndex::new(bytes);
            let files = [Esito::new("mutant.txt", bytes, &index, &findings)];
            for f in [
                Formato::Human,
                Formato::Json,
                Formato::Sarif,
                Formato::Github,
            ] {
                let mut sink = Vec::new();
                let stile = Stile {
                    colour: false,
                    width: 80,
                    verbose: false,
                };
                output::write(f, &mut sink, &files, &rules, stile).unwrap();
                assert!(!sink.is_empty());
            }
        }
        Err(e) => assert!(!e.to_string().is_empty()),
    }
}

#[test]
fn truncated_reports_never_panic() {
    let bytes = std::fs::read(REPORT).unwrap();
    let step = bytes.len() / 150;
    for cut in (0..bytes.len()).step_by(step) {
        check(&bytes[..cut]);
    }
    // A cut in the middle of a wrapped row, before its amounts: located.
    let text = std::str::from_utf8(&bytes).unwrap();
    let cut = text.find("L'IMMIGRAZIONE").unwrap();
    let out = quadra::parse(&bytes[..cut]).unwrap();
    let codes: Vec<_> = out.diagnostics.iter().map(|d| d.code.as_str()).collect();
    assert_eq!(codes, ["parse::missing-amounts"]);
}

#[test]
fn mutated_reports_never_panic() {
    let bytes = std::fs::read(REPORT).unwrap();
    let mut rng = Lcg(7);
    for _ in 0..60 {
        let mut m = bytes[..60_000].to_vec();
        for _ in 0..20 {
            let at = (rng.next() as usize) % m.len();
            m[at] = (rng.next() % 256) as u8;
        }
        check(&m);
    }
}

#[test]
fn garbage_is_bounded() {
    let mut rng = Lcg(42);
    let garbage: Vec<u8> = (0..200_000).map(|_| (rng.next() % 256) as u8).collect();
    check(&garbage);
    // Text that looks like a report header, then endless junk lines: the
    // diagnostics stop at the bound.
    let mut s = String::from("1.A        ENTRATE CORRENTI\n");
    for i in 0..5000 {
        s.push_str(&format!("junk line {i} ???\n"));
    }
    let out = quadra::parse(s.as_bytes()).unwrap();
    assert_eq!(out.diagnostics.len(), MAX_DIAGNOSTICS + 1);
    assert_eq!(
        out.diagnostics.last().unwrap().code.as_str(),
        "parse::too-many-diagnostics"
    );
    assert!(out
        .diagnostics
        .last()
        .unwrap()
        .message
        .starts_with("4001 more problems"));
}

#[test]
fn amounts_at_the_edge_of_the_decimal_range_do_not_overflow_the_sums() {
    // The largest amount the grammar accepts, on every row and total: every
    // sum overflows, and the rules stay silent on those figures instead of
    // panicking.
    let text = std::fs::read_to_string("fixtures/rules/total-mismatch.txt").unwrap();
    let huge = "79.228.162.514.264.337.593.543.950,33";
    let mut out = String::new();
    for line in text.lines() {
        let mut l = line.to_string();
        for a in ["2.500,00", "1.000,00", "2.600,00", "3.600,00"] {
            l = l.replace(a, huge);
        }
        out.push_str(&l);
        out.push('\n');
    }
    assert!(out.contains(huge));
    check(out.as_bytes());
}

#[test]
fn a_difference_beyond_the_decimal_range_is_not_reported_and_does_not_panic() {
    // 100 rows of the largest amount and a negative declared total: the sum
    // overflows, and so would declared minus computed.
    let bytes = std::fs::read("fixtures/edge-amount-overflow.txt").unwrap();
    check(&bytes);
    let p = quadra::parse(&bytes).unwrap();
    assert_eq!(p.diagnostics, vec![]);
}

#[test]
fn a_lone_carriage_return_is_located_alike_in_every_format() {
    let bytes = std::fs::read("fixtures/quirk-lone-cr.txt").unwrap();
    let p = quadra::parse(&bytes).unwrap();
    let rules = RuleSet::default_rules().unwrap();
    let findings = quadra::rules::check(&p.documento, &p.diagnostics, &rules, false);
    assert_eq!(findings.len(), 1);
    let index = LineIndex::new(&bytes);
    let line = index.locate(&bytes, findings[0].span).line;
    assert_eq!(line, 23);
    let files = [Esito::new("cr.txt", &bytes, &index, &findings)];
    let mut human = Vec::new();
    let stile = Stile {
        colour: false,
        width: 100,
        verbose: false,
    };
    output::write(Formato::Human, &mut human, &files, &rules, stile).unwrap();
    let human = String::from_utf8(human).unwrap();
    assert!(human.contains("[cr.txt:23:1]"), "{human}");
}

#[test]
fn broken_rule_files_never_panic() {
    let text = quadra::config::DEFAULT_RULES;
    let mut rejected = 0;
    for candidate in varianti(text.as_bytes(), 11, 120) {
        let testo = String::from_utf8_lossy(&candidate).into_owned();
        let custom = Sorgente {
            nome: "broken.toml".into(),
            testo,
        };
        // As the only file (it redefines rules) and as an override.
        for set in [
            vec![custom.clone()],
            vec![Sorgente::default_rules(), custom],
        ] {
            if let Err(errors) = load(&set) {
                rejected += 1;
                for e in errors {
                    assert!(!e.message.is_empty() && !e.help.is_empty());
                    assert!(e.span.end <= set[e.sorgente].testo.len());
                }
            }
        }
    }
    assert!(rejected > 100, "{rejected}");
}

#[test]
fn broken_link_files_never_panic() {
    let text =
        std::fs::read_to_string("rules/milano-2022-dir07-welfare-e-salute.links.toml").unwrap();
    let report = std::fs::read(REPORT).unwrap();
    let p = quadra::parse(&report).unwrap();
    let its = quadra::lang::item::items(&p.documento.reports[0]);
    let mut rejected = 0;
    for candidate in varianti(text.as_bytes(), 23, 150) {
        let testo = String::from_utf8_lossy(&candidate).into_owned();
        match quadra::vincoli::links::leggi(&testo) {
            Err(errors) => {
                rejected += 1;
                assert!(errors
                    .iter()
                    .all(|e| e.span.end <= testo.len() && !e.help.is_empty()));
            }
            Ok(file) => {
                let errors = quadra::vincoli::links::verifica(&file, Some("DIR07"), &its);
                if errors.is_empty() {
                    // Valid: the graph, its groups and the rules run on it.
                    let rules = RuleSet::default_rules().unwrap();
                    let f = quadra::rules::check_con_legami(
                        &p.documento,
                        &[],
                        &rules,
                        false,
                        Some(&file),
                    );
                    assert!(!f.is_empty());
                } else {
                    rejected += 1;
                }
            }
        }
    }
    assert!(rejected > 100, "{rejected}");
}
