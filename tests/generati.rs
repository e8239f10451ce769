//! Property tests on generated reports (quadra::sample::bilancio, rendered by
//! quadra::report_text): rendering then parsing gives back the document; a
//! clean document has no error or warning; each injected fault gives exactly
//! its findings, at their place; noise that does not change the meaning
//! (blank lines, CRLF, trailing blanks, other page breaks) changes no finding.

use proptest::prelude::*;

use quadra::config::RuleSet;
use quadra::diagnostic::Severity;
use quadra::finding::Finding;
use quadra::report_text::{forma, impagina, Opzioni};
use quadra::sample::bilancio::{genera, Generato, Parametri};
use quadra::sample::guasti::{inietta, span_atteso, Guasto, Occupati};
use quadra::vincoli::links::leggi;

fn parametri() -> impl Strategy<Value = Parametri> {
    (
        any::<u64>(),
        1..3usize,
        1..4usize,
        2..14usize,
        any::<bool>(),
        0..3usize,
        2015..2031u16,
    )
        .prop_map(
            |(seme, direzioni, settori, righe, capitale, narrativa, anno)| Parametri {
                seme,
                anno,
                direzioni,
                prima_direzione: 1,
                settori,
                righe,
                capitale,
                narrativa,
            },
        )
}

fn opzioni() -> impl Strategy<Value = Opzioni> {
    (prop::option::of(20..90usize), 40..90usize).prop_map(|(righe_per_pagina, a_capo)| Opzioni {
        righe_per_pagina,
        a_capo,
    })
}

/// Parse `testo` and check it with the generated link file: the findings.
fn check(testo: &str, g: &Generato) -> (quadra::ParseOutput, Vec<Finding>) {
    let p = quadra::parse(testo.as_bytes()).expect("a report");
    let legami = leggi(&g.testo_legami()).expect("the generated link file is valid");
    let rules = RuleSet::default_rules().unwrap();
    let f =
        quadra::rules::check_con_legami(&p.documento, &p.diagnostics, &rules, false, Some(&legami));
    (p, f)
}

fn non_info(f: &[Finding]) -> Vec<&Finding> {
    f.iter().filter(|x| x.severity != Severity::Info).collect()
}

proptest! {
    // 32 cases per property in the suite; PROPTEST_CASES=N for a longer run.
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(32),
        ..ProptestConfig::default()
    })]

    #[test]
    fn rendering_then_parsing_gives_the_document_back(p in parametri(), o in opzioni()) {
        let g = genera(&p);
        let testo = impagina(&g.documento, &o);
        let parsed = quadra::parse(testo.as_bytes()).expect("a report");
        prop_assert_eq!(parsed.diagnostics.len(), 0, "{:?}", parsed.diagnostics.first());
        prop_assert_eq!(forma(&parsed.documento), forma(&g.documento));
    }

    #[test]
    fn a_clean_generated_report_has_no_error_or_warning(p in parametri(), o in opzioni()) {
        let g = genera(&p);
        let (_, f) = check(&impagina(&g.documento, &o), &g);
        let bad: Vec<String> = non_info(&f).iter().map(|x| format!("{} {}", x.rule, x.message)).collect();
        prop_assert!(bad.is_empty(), "{bad:#?}");
    }

    #[test]
    fn injected_faults_give_exactly_their_findings_at_their_place(
        p in parametri(),
        o in opzioni(),
        quali in prop::collection::vec(0..Guasto::ALL.len(), 1..4),
        seme in any::<u64>(),
    ) {
        let mut g = genera(&p);
        let mut occupati = Occupati::default();
        let mut attesi = Vec::new();
        for (i, &q) in quali.iter().enumerate() {
            // A fault with no place left (all Settori taken, a group of one
            // row) is not injected.
            attesi.extend(inietta(&mut g, Guasto::ALL[q], seme.wrapping_add(i as u64), &mut occupati).into_iter().flatten());
        }
        let (parsed, f) = check(&impagina(&g.documento, &o), &g);
        let mut got: Vec<(String, Severity, quadra::span::Span)> =
            non_info(&f).iter().map(|x| (x.rule.clone(), x.severity, x.span)).collect();
        let mut want: Vec<(String, Severity, quadra::span::Span)> = attesi
            .iter()
            .map(|a| {
                let span = span_atteso(&parsed.documento, a).expect("the faulty item is in the document");
                (a.regola.to_string(), a.severita, span)
            })
            .collect();
        got.sort_by_key(|x| (x.0.clone(), x.2.start));
        want.sort_by_key(|x| (x.0.clone(), x.2.start));
        prop_assert_eq!(got, want, "{:?}", quali);
    }

    #[test]
    fn noise_that_keeps_the_meaning_keeps_the_findings(
        p in parametri(),
        seme in any::<u64>(),
        guasto in prop::option::of(0..Guasto::ALL.len()),
        pagina in prop::option::of(15..70usize),
    ) {
        let mut g = genera(&p);
        if let Some(i) = guasto {
            inietta(&mut g, Guasto::ALL[i], seme, &mut Occupati::default());
        }
        let base = impagina(&g.documento, &Opzioni::default());
        let spostata = impagina(&g.documento, &Opzioni { righe_per_pagina: pagina, ..Opzioni::default() });
        let firma = |t: &str| -> Vec<(String, Severity, String)> {
            let (_, f) = check(t, &g);
            let mut v: Vec<_> = f.iter().map(|x| (x.rule.clone(), x.severity, x.message.clone())).collect();
            v.sort();
            v
        };
        let attesa = firma(&base);
        // Blank lines doubled, CRLF, trailing blanks on every third line, other page breaks.
        let mut r = quadra::sample::vincoli::Lcg(seme | 1);
        let mut bianche = String::new();
        for l in base.split_inclusive('\n') {
            bianche.push_str(l);
            if l.trim().is_empty() || r.below(5) == 0 {
                bianche.push('\n');
            }
        }
        let crlf = base.replace('\n', "\r\n");
        let code: String = base
            .split_inclusive('\n')
            .enumerate()
            .map(|(i, l)| if i % 3 == 0 { l.replacen('\n', " \t \n", 1) } else { l.to_string() })
            .collect();
        for (nome, t) in [("blank lines", &bianche), ("crlf", &crlf), ("trailing blanks", &code), ("page breaks", &spostata)] {
            prop_assert_eq!(&firma(t), &attesa, "{}", nome);
        }
    }
}

mod common;

/// `quadra check REPORT --links LINKS` in `dir`: exit code and JSON summary.
fn controlla(dir: &std::path::Path, report: &str, links: &str) -> (i32, serde_json::Value) {
    let (code, out, _) = quadra(
        dir,
        &[
            "check",
            "--no-config",
            "--links",
            links,
            "--format",
            "json",
            report,
        ],
    );
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    (code, v["summary"].clone())
}

fn quadra(dir: &std::path::Path, args: &[&str]) -> (i32, String, String) {
    let r = common::quadra_in(dir, args);
    (r.code, r.stdout, r.stderr)
}

#[test]
fn quadra_generate_writes_a_clean_report_and_says_what_a_fault_must_cause() {
    let d = std::env::temp_dir().join(format!("quadra-gen-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    let (code, _, err) = quadra(
        &d,
        &[
            "generate",
            "--seed",
            "5",
            "--settori",
            "2",
            "--page",
            "50",
            "-o",
            "g.txt",
            "--links",
            "g.links.toml",
        ],
    );
    assert_eq!((code, err.as_str()), (0, ""));
    let (code, summary) = controlla(&d, "g.txt", "g.links.toml");
    assert_eq!(code, 0);
    assert_eq!(summary["errors"], 0);
    assert_eq!(summary["warnings"], 0);
    let (code, _, err) = quadra(
        &d,
        &[
            "generate",
            "--seed",
            "5",
            "--settori",
            "2",
            "--fault",
            "total",
            "-o",
            "f.txt",
            "--links",
            "f.links.toml",
        ],
    );
    assert_eq!(code, 0);
    assert_eq!(
        err.matches("quadra: fault total: expect error total-mismatch at report 1, section ")
            .count(),
        2,
        "{err}"
    );
    let (code, summary) = controlla(&d, "f.txt", "f.links.toml");
    assert_eq!(code, 1);
    assert_eq!(summary["errors"], 2);
    assert_eq!(summary["warnings"], 0);
}

#[test]
fn quadra_generate_refuses_what_it_cannot_write_readably_or_at_all() {
    let d = std::env::temp_dir();
    // The grammar reads years in column headers as 19xx / 20xx.
    let (code, _, err) = quadra(&d, &["generate", "--year", "2100"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("2100 is not in 1901..=2099"), "{err}");
    // Bounded size: no option makes it eat the machine's memory.
    let (code, out, err) = quadra(
        &d,
        &[
            "generate",
            "--direzioni",
            "10000",
            "--settori",
            "500",
            "--rows",
            "10000",
        ],
    );
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(
        err.contains("is more than 20000000; generate a document in parts"),
        "{err}"
    );
    let (code, _, _) = quadra(&d, &["generate", "--direzioni", "18446744073709551615"]);
    assert_eq!(code, 2);
}

#[test]
fn several_faults_never_meet() {
    let d = std::env::temp_dir().join(format!("quadra-gen-multi-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    // Seed 2 once put both faults on the same row, which cancelled out.
    let (code, _, err) = quadra(
        &d,
        &[
            "generate",
            "--seed",
            "2",
            "--fault",
            "amount",
            "--fault",
            "total",
            "-o",
            "m.txt",
            "--links",
            "m.links.toml",
        ],
    );
    assert_eq!(code, 0);
    assert_eq!(
        err.matches("expect error total-mismatch").count(),
        3,
        "{err}"
    );
    let (code, summary) = controlla(&d, "m.txt", "m.links.toml");
    assert_eq!(code, 1);
    assert_eq!(summary["errors"], 3);
}
