//! A validated rule: what `rules/default.toml` and the project's rule files
//! declare about it once merged. Built by [`crate::config`], read by the rule
//! engines (and by the sink through its own `sink::Politica`).

use rust_decimal::Decimal;

use crate::ast::{Colonna, SezioneId};
use crate::diagnostic::Severity;
use crate::lang::expr::{Expr, Op};
use crate::lang::item::Raggruppa;
use crate::lang::selector::{Glob, Selettore};
use crate::lang::template::Template;

/// Rule families, as in `quadra rules`.
pub const FAMIGLIE: &[(&str, &str)] = &[
    ("totals", "declared totals equal the sum of what they total"),
    (
        "cross-section",
        "summary sections agree with the detail sections",
    ),
    ("codes", "PDC, missione-programma and PEG keys are valid"),
    ("markers", "row markers agree with the row's content"),
    ("review", "review aids for finance staff"),
    ("vincoli", "earmarked revenue and the spending it finances"),
    ("custom", "rules of your own"),
];

/// One rule of the catalogue, merged and validated.
#[derive(Debug, Clone)]
pub struct RuleDef {
    /// Stable kebab-case id.
    pub id: String,
    /// Family (one of [`FAMIGLIE`]).
    pub family: String,
    /// One line on what the rule checks.
    pub summary: String,
    /// Explanation: what it checks.
    pub what: String,
    /// Explanation: why it matters to an auditor.
    pub why: String,
    /// Explanation: an example.
    pub example: String,
    /// Severity of its findings.
    pub severity: Severity,
    /// False when configuration switched it off.
    pub enabled: bool,
    /// Parameters, with their values after configuration.
    pub params: Vec<(String, Decimal)>,
    /// Where the rule applies.
    pub scope: Ambito,
    /// What it does.
    pub corpo: CorpoRegola,
}

impl RuleDef {
    /// A parameter's value (zero when the rule has no such parameter, which
    /// validation rules out for the parameters an engine reads).
    pub fn param(&self, name: &str) -> Decimal {
        self.params
            .iter()
            .find(|(n, _)| n == name)
            .map_or(Decimal::ZERO, |(_, v)| *v)
    }

    /// The kind as written in rule files.
    pub fn kind(&self) -> &'static str {
        match self.corpo {
            CorpoRegola::Builtin => "builtin",
            CorpoRegola::Predicato(_) => "row-predicate",
            CorpoRegola::Aggregato(_) => "aggregate",
        }
    }
}

/// Where a rule applies: findings outside are dropped by the sink.
#[derive(Debug, Clone, Default)]
pub struct Ambito {
    /// Sections (empty: all).
    pub sezioni: Vec<SezioneId>,
    /// Settori (empty: all).
    pub settori: Vec<u32>,
    /// PEG key pattern.
    pub chiave: Option<Glob>,
}

/// The logic of a rule.
#[derive(Debug, Clone)]
pub enum CorpoRegola {
    /// Implemented in Rust (`src/rules/<family>.rs`).
    Builtin,
    /// Declared in TOML: every selected item where the condition holds.
    Predicato(Box<Predicato>),
    /// Declared in TOML: two sums compared.
    Aggregato(Box<Aggregato>),
}

/// A row-predicate rule.
#[derive(Debug, Clone)]
pub struct Predicato {
    /// Which items.
    pub select: Selettore,
    /// The condition (`None`: every selected item is a finding).
    pub when: Option<Expr>,
    /// The condition compiled to integers, where it compiles (see
    /// [`crate::lang::interi`]); `when` stays the reference.
    pub compilato: Option<crate::lang::interi::Compilato>,
    /// The message.
    pub message: Template,
    /// The help line.
    pub help: Option<Template>,
    /// `change = ["previsione", "previsione_precedente"]`: the percentage
    /// of change from the second column to the first, added to the message.
    pub variazione: Option<(crate::ast::Colonna, crate::ast::Colonna)>,
}

/// One side of an aggregate comparison.
#[derive(Debug, Clone)]
pub enum Lato {
    /// The sum of the selected items.
    Somma(Box<Selettore>),
    /// A constant.
    Costante(Decimal),
}

/// An aggregate-comparison rule.
#[derive(Debug, Clone)]
pub struct Aggregato {
    /// The declared side (a summary, a total).
    pub left: Selettore,
    /// What it must compare with.
    pub right: Lato,
    /// Compare per group instead of in one sum.
    pub group_by: Option<Raggruppa>,
    /// Columns compared (empty: every column the items have).
    pub columns: Vec<Colonna>,
    /// The comparison.
    pub op: Op,
    /// The message.
    pub message: Template,
    /// The help line.
    pub help: Option<Template>,
}

/// The operators an aggregate can use, as written.
pub const OPERATORI: &[(&str, Op)] = &[
    ("=", Op::Eq),
    ("==", Op::Eq),
    ("<=", Op::Le),
    (">=", Op::Ge),
    ("<", Op::Lt),
    (">", Op::Gt),
];

/// The written form of an operator.
pub fn op_str(op: Op) -> &'static str {
    OPERATORI
        .iter()
        .find(|(_, o)| *o == op)
        .map_or("=", |(s, _)| s)
}
