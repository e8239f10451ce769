//! The rule catalogue: ids unique and kebab-case, every built-in declared in
//! rules/default.toml and every `kind = "builtin"` implemented, every rule
//! explained, the classification table shipped and valid.

use std::collections::HashSet;

use quadra::config::RuleSet;
use quadra::diagnostic::ParseCode;
use quadra::rules::builtin::BUILTIN;
use quadra::rules::def::{CorpoRegola, FAMIGLIE};

fn default_rules() -> RuleSet {
    RuleSet::default_rules().expect("rules/default.toml is valid")
}

#[test]
fn default_rule_ids_are_unique_kebab_case_and_distinct_from_parse_codes() {
    let rules = default_rules();
    let ids: Vec<&str> = rules.rules.iter().map(|r| r.id.as_str()).collect();
    let unique: HashSet<&str> = ids.iter().copied().collect();
    assert_eq!(unique.len(), ids.len(), "duplicate ids in {ids:?}");
    assert_eq!(ids.len(), 24);
    for id in &ids {
        assert!(
            id.split('-').all(|w| !w.is_empty()
                && w.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())),
            "{id} is not kebab-case"
        );
        assert!(ParseCode::ALL.iter().all(|c| c.as_str() != *id));
    }
}

#[test]
fn every_builtin_is_declared_and_every_declared_builtin_exists() {
    let rules = default_rules();
    let declared: HashSet<&str> = rules
        .rules
        .iter()
        .filter(|r| matches!(r.corpo, CorpoRegola::Builtin))
        .map(|r| r.id.as_str())
        .collect();
    let implemented: HashSet<&str> = BUILTIN.iter().map(|b| b.id).collect();
    assert_eq!(implemented.len(), BUILTIN.len(), "duplicate built-in ids");
    assert_eq!(declared, implemented);
    for b in BUILTIN {
        let r = rules.get(b.id).unwrap();
        for p in b.params {
            assert!(r.params.iter().any(|(n, _)| n == p), "{} lacks {p}", b.id);
        }
    }
}

#[test]
fn every_rule_is_explained_in_the_three_sections() {
    for r in &default_rules().rules {
        assert!(!r.summary.is_empty(), "{}", r.id);
        assert!(!r.what.trim().is_empty(), "{} has no `what`", r.id);
        assert!(!r.why.trim().is_empty(), "{} has no `why`", r.id);
        assert!(!r.example.trim().is_empty(), "{} has no `example`", r.id);
        assert!(FAMIGLIE.iter().any(|(f, _)| *f == r.family), "{}", r.id);
        assert!(r.enabled);
    }
}

#[test]
fn the_families_of_the_issue_are_all_populated() {
    let rules = default_rules();
    let count = |f: &str| rules.rules.iter().filter(|r| r.family == f).count();
    assert_eq!(
        [
            count("totals"),
            count("cross-section"),
            count("codes"),
            count("markers"),
            count("review"),
            count("vincoli")
        ],
        [1, 7, 6, 2, 3, 5]
    );
    // Where a rule can be declared in TOML alone, it is.
    let builtin = rules
        .rules
        .iter()
        .filter(|r| matches!(r.corpo, CorpoRegola::Builtin))
        .count();
    assert_eq!(builtin, 8);
}
