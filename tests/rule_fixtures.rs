//! One fixture pair per rule (fixtures/rules/): `<rule>.txt` triggers that
//! rule and no other, `<rule>.clean.txt` triggers nothing. The table is the
//! catalogue itself, so a rule without fixtures fails here. Each trigger's
//! JSON output is a reviewed snapshot; a few are also snapshotted as the
//! human text, at a fixed width and without colour.
//!
//! The `vincoli` family reads the earmarked groups of a whole report, which
//! these one-rule reports do not declare: they are checked with that family
//! off, and the family has its own fixtures (tests/vincoli.rs).

use std::path::Path;

use quadra::config::{load, RuleSet, Sorgente};
use quadra::finding::Finding;
use quadra::output::{self, Esito, Formato, Stile};
use quadra::span::LineIndex;

/// The default rules with the `vincoli` family off.
fn rules() -> RuleSet {
    let off: String = RuleSet::default_rules()
        .unwrap()
        .rules
        .iter()
        .filter(|r| r.family == "vincoli")
        .map(|r| format!("[rules.{}]\nenabled = false\n", r.id))
        .collect();
    load(&[
        Sorgente::default_rules(),
        Sorgente {
            nome: "no-vincoli.toml".into(),
            testo: off,
        },
    ])
    .unwrap()
}

fn check(path: &str) -> (Vec<u8>, Vec<Finding>) {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let p = quadra::parse(&bytes).unwrap_or_else(|e| panic!("{path}: {e}"));
    let rules = rules();
    let findings = quadra::rules::check(&p.documento, &p.diagnostics, &rules, false);
    (bytes, findings)
}

fn render(format: Formato, path: &str, bytes: &[u8], findings: &[Finding]) -> String {
    let index = LineIndex::new(bytes);
    let files = [Esito::new(path, bytes, &index, findings)];
    let mut out = Vec::new();
    let stile = Stile {
        colour: false,
        width: 100,
        verbose: false,
    };
    output::write(format, &mut out, &files, &rules(), stile).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn every_rule_has_a_trigger_that_fires_only_it_and_a_clean_twin() {
    let rules = rules();
    let mut counts = Vec::new();
    for r in rules.rules.iter().filter(|r| r.family != "vincoli") {
        let trigger = format!("fixtures/rules/{}.txt", r.id);
        let clean = format!("fixtures/rules/{}.clean.txt", r.id);
        assert!(Path::new(&trigger).is_file(), "no fixture {trigger}");
        let (bytes, findings) = check(&trigger);
        assert!(
            findings.iter().all(|f| f.rule == r.id),
            "{trigger}: other findings: {:?}",
            findings.iter().map(|f| &f.rule).collect::<Vec<_>>()
        );
        counts.push((r.id.as_str(), findings.len()));
        insta::with_settings!({ snapshot_suffix => r.id.as_str(), prepend_module_to_snapshot => false }, {
            insta::assert_snapshot!("rule", render(Formato::Json, &trigger, &bytes, &findings));
        });
        let (_, findings) = check(&clean);
        assert_eq!(findings, vec![], "{clean} is not clean");
    }
    assert_eq!(
        counts,
        [
            ("total-mismatch", 1),
            ("vincolate-entrate", 1),
            ("vincolate-spese", 1),
            ("missioni-correnti", 2),
            ("missioni-capitale", 2),
            ("direzione-equals-settori", 1),
            ("capitale-di-cui-somma", 1),
            ("capitale-di-cui-eccede", 1),
            ("pdc-titolo-mismatch", 1),
            ("pdc-gruppo-mismatch", 1),
            ("pdc-kind-entrate", 1),
            ("pdc-kind-spese", 1),
            ("missione-programma-unknown", 2),
            ("duplicate-peg-key", 1),
            ("non-ripetuto-with-forecast", 1),
            ("financed-without-v", 1),
            ("forecast-change", 1),
            ("low-execution", 1),
            ("all-zero", 1),
        ]
    );
}

#[test]
fn human_output_of_selected_rules() {
    for id in [
        "total-mismatch",
        "vincolate-entrate",
        "missioni-correnti",
        "duplicate-peg-key",
        "financed-without-v",
    ] {
        let path = format!("fixtures/rules/{id}.txt");
        let (bytes, findings) = check(&path);
        insta::with_settings!({ snapshot_suffix => id, prepend_module_to_snapshot => false }, {
            insta::assert_snapshot!("human", render(Formato::Human, &path, &bytes, &findings));
        });
    }
}
