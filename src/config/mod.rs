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
use std::path::{Path, PathBuf};

use def::RuleDef;

/// The default rule set, compiled into the binary.
pub const DEFAULT_RULES: &str = include_str!("../../rules/default.toml");

/// The name the default rule set is reported under.
pub const DEFAULT_RULES_NAME: &str = "<built-in rules/default.toml>";

/// The project configuration file looked for in the current directory and its parents.
pub const PROJECT_FILE: &str = "quadra.toml";

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

/// The `quadra.toml` in `dir` or the nearest parent that has one.
pub fn find_project_file(dir: &Path) -> Option<PathBuf> {
    dir.ancestors()
        .map(|d| d.join(PROJECT_FILE))
        .find(|p| p.is_file())
}

/// Names similar to `name` among `known` (for "did you mean" help lines).
pub fn simili<'a>(name: &str, known: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let mut v: Vec<(usize, &str)> = known
        .into_iter()
        .map(|k| (distanza(name, k), k))
        .filter(|(d, k)| *d <= 2.max(k.len() / 4))
        .collect();
    v.sort();
    v.into_iter().take(3).map(|(_, k)| k).collect()
}

/// The one name of `known` to suggest for `name` ("did you mean"), if any:
/// the closest of [`simili`], for names of three characters or more (any
/// one-character name is one edit from every other).
pub fn piu_simile<'a>(name: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    if name.chars().count() < 3 {
        return None;
    }
    simili(name, known).first().copied()
}

/// Levenshtein distance on characters.
fn distanza(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != *cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_names() {
        assert_eq!(
            simili("total-mismach", ["total-mismatch", "all-zero"]),
            ["total-mismatch"]
        );
        assert!(simili("zzz", ["total-mismatch"]).is_empty());
    }
}
