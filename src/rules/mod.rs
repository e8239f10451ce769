//! The rules. Each rule family is a module with a `check(ctx, rule, sink)`;
//! rules declared in TOML alone run through the two generic engines
//! ([`predicate`] and [`aggregate`]). Rules build findings; the
//! [`Sink`] decides their severity.

pub mod aggregate;
pub mod builtin;
pub mod codes;
pub mod def;
pub mod hints;
pub mod predicate;
pub mod totals;

use crate::ast::{Colonna, Documento, Report};
use crate::config::RuleSet;
use crate::diagnostic::ParseDiagnostic;
use crate::finding::Finding;
use crate::lang::item::{items, Item};
use crate::sink::Sink;

use def::CorpoRegola;

/// What a rule sees: one report and its items.
pub struct Ctx<'a> {
    /// The report.
    pub report: &'a Report,
    /// Its rows, summary rows and totals, in document order.
    pub items: Vec<Item<'a>>,
}

impl<'a> Ctx<'a> {
    /// Build the context of a report.
    pub fn new(report: &'a Report) -> Self {
        Ctx {
            report,
            items: items(report),
        }
    }

    /// A column's name for people: its header with the report's year
    /// (`PREVISIONE 2022`), or its JSON name when the year is unknown.
    pub fn colonna(&self, c: Colonna) -> String {
        match self.report.anno {
            Some(a) => c.header(a),
            None => c.name().to_string(),
        }
    }
}

/// Run every enabled rule on every report of a document; parse diagnostics
/// come first, as findings of their own code.
pub fn check(
    doc: &Documento,
    parse_diags: &[ParseDiagnostic],
    rules: &RuleSet,
    deny_warnings: bool,
) -> Vec<Finding> {
    let mut sink = Sink::new(rules, deny_warnings);
    for d in parse_diags {
        sink.push(Finding::from_parse(d));
    }
    for report in &doc.reports {
        let from = sink.len();
        let ctx = Ctx::new(report);
        for rule in rules.rules.iter().filter(|r| r.enabled) {
            match &rule.corpo {
                CorpoRegola::Builtin => {
                    if let Some(b) = builtin::BUILTIN.iter().find(|b| b.id == rule.id) {
                        (b.check)(&ctx, rule, &mut sink);
                    }
                }
                CorpoRegola::Predicato(p) => predicate::check(&ctx, rule, p, &mut sink),
                CorpoRegola::Aggregato(a) => aggregate::check(&ctx, rule, a, &mut sink),
            }
        }
        sink.corrobora(from);
    }
    sink.finish()
}
