//! Rule files: the embedded `rules/default.toml`, a project `quadra.toml`
//! and `--rules FILE`s, merged in that order and validated in two phases
//! (as cargo-deny does): [`raw`] reads each file keeping every span and merges
//! them; [`validate`] turns the merged entries into [`RuleDef`]s. Every error
//! points into the TOML file where the offending key or value is written.
//!
//! Merging: a file that gives a rule's `kind` defines the rule anew; a file
//! that names an existing rule without `kind` adjusts it key by key
//! (`severity`, `enabled`, `params.tolerance`, `scope.section`...).

pub mod def;
mod lingue;
pub(crate) mod raw;
pub(crate) mod read;
mod validate;

use std::ops::Range;

use def::RuleDef;

/// The default rule set, compiled into the binary.
pub const DEFAULT_RULES: &str = include_str!("../../rules/default.toml");

/// The name the default rule set is reported under.
pub const DEFAULT_RULES_NAME: &str = "<built-in rules/default.toml>";

/// The project configuration file looked for in the current directory and its parents.
pub use crate::progetto::{find_project_file, PROJECT_FILE};
pub use crate::simili::{piu_simile, simili};

/// A rule file's text and the name to report it under.
#[derive(Debug, Clone)]
pub struct Sorgente {
    /// Path as given, or [`DEFAULT_RULES_NAME`].
    pub nome: String,
    /// The TOML text.
    pub testo: String,
}

impl Sorgente {
    /// The embedded default rule set.
    pub fn default_rules() -> Sorgente {
        Sorgente {
            nome: DEFAULT_RULES_NAME.to_string(),
            testo: DEFAULT_RULES.to_string(),
        }
    }
}

/// A located problem in a rule file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    /// Index of the file in the list given to [`load`].
    pub sorgente: usize,
    /// Byte range in that file.
    pub span: Range<usize>,
    /// What is wrong.
    pub message: String,
    /// What was expected.
    pub help: String,
}

/// The validated rule set, in catalogue order.
#[derive(Debug, Clone)]
pub struct RuleSet {
    /// Every rule, enabled or not.
    pub rules: Vec<RuleDef>,
}

impl RuleSet {
    /// The rule with this id.
    pub fn get(&self, id: &str) -> Option<&RuleDef> {
        self.rules.iter().find(|r| r.id == id)
    }

    /// The default rule set alone.
    pub fn default_rules() -> Result<RuleSet, Vec<ConfigError>> {
        load(&[Sorgente::default_rules()])
    }
}

/// Merge and validate rule files, earlier first. All errors are returned,
/// sorted by file and position.
pub fn load(sorgenti: &[Sorgente]) -> Result<RuleSet, Vec<ConfigError>> {
    let mut errors = Vec::new();
    let docs: Vec<_> = sorgenti
        .iter()
        .enumerate()
        .filter_map(|(i, s)| raw::parse(i, &s.testo, &mut errors))
        .collect();
    let voci = raw::merge(&docs, &mut errors);
    let rules = validate::validate(&voci, sorgenti, &mut errors);
    if errors.is_empty() {
        Ok(RuleSet { rules })
    } else {
        errors.sort_by_key(|e| (e.sorgente, e.span.start));
        errors.dedup();
        Err(errors)
    }
}
