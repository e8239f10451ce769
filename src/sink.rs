//! The one place where a finding's fate is decided: the rule's configured
//! severity, its scope, and `--deny warnings`. Rules never set severities
//! themselves (as in cargo-deny).

use std::collections::HashMap;

use crate::config::RuleSet;
use crate::diagnostic::Severity;
use crate::finding::Finding;
use crate::rules::def::RuleDef;

/// Collects the findings of one file.
pub struct Sink<'r> {
    rules: HashMap<&'r str, &'r RuleDef>,
    deny_warnings: bool,
    findings: Vec<Finding>,
}

/// Counts by severity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Conteggi {
    /// Error findings.
    pub errors: usize,
    /// Warning findings.
    pub warnings: usize,
    /// Info findings.
    pub infos: usize,
}

impl Conteggi {
    /// Count a list of findings.
    pub fn of(findings: &[Finding]) -> Conteggi {
        let mut c = Conteggi::default();
        for f in findings {
            c.add(f.severity);
        }
        c
    }

    /// Count one more.
    pub fn add(&mut self, s: Severity) {
        match s {
            Severity::Error => self.errors += 1,
            Severity::Warning => self.warnings += 1,
            Severity::Info => self.infos += 1,
        }
    }

    /// Sum of two counts.
    pub fn plus(self, o: Conteggi) -> Conteggi {
        Conteggi {
            errors: self.errors + o.errors,
            warnings: self.warnings + o.warnings,
            infos: self.infos + o.infos,
        }
    }
}

impl<'r> Sink<'r> {
    /// A sink for this rule set.
    pub fn new(rules: &'r RuleSet, deny_warnings: bool) -> Self {
        Sink {
            rules: rules.rules.iter().map(|r| (r.id.as_str(), r)).collect(),
            deny_warnings,
            findings: Vec::new(),
        }
    }

    /// Take a finding: drop it when its rule is off or it is out of the rule's
    /// scope, else give it the configured severity. Findings of codes that are
    /// not rules (parse diagnostics) keep their own severity.
    pub fn push(&mut self, mut f: Finding) {
        if let Some(rule) = self.rules.get(f.rule.as_str()) {
            if !rule.enabled || !in_scope(rule, &f) {
                return;
            }
            f.severity = rule.severity;
        }
        if self.deny_warnings && f.severity == Severity::Warning {
            f.severity = Severity::Error;
        }
        self.findings.push(f);
    }

    /// The findings, ordered by position, then rule.
    pub fn finish(mut self) -> Vec<Finding> {
        self.findings
            .sort_by(|a, b| (a.span.start, &a.rule).cmp(&(b.span.start, &b.rule)));
        self.findings
    }
}

fn in_scope(rule: &RuleDef, f: &Finding) -> bool {
    let s = &rule.scope;
    (s.sezioni.is_empty() || f.context.sezione.is_some_and(|x| s.sezioni.contains(&x)))
        && (s.settori.is_empty() || f.context.settore.is_some_and(|x| s.settori.contains(&x)))
        && s.chiave
            .as_ref()
            .is_none_or(|g| f.key.is_some_and(|k| g.matches(&k.to_string())))
}
