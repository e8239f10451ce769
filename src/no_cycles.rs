//! The modules' rooms: `config -> rules -> sink` has no way back. Read from
//! the sources, so a new `use` that closes the circle fails here.

use std::path::{Path, PathBuf};

/// The code lines (comments left out) of a file or of every file under a folder.
fn righe(p: &Path) -> Vec<(PathBuf, String)> {
    if p.is_dir() {
        let mut v = Vec::new();
        for e in std::fs::read_dir(p).unwrap() {
            v.extend(righe(&e.unwrap().path()));
        }
        return v;
    }
    let text = std::fs::read_to_string(p).unwrap();
    text.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .map(|l| (p.to_path_buf(), l.to_string()))
        .collect()
}

fn nomina(p: &str, vietati: &[&str]) -> Vec<String> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    righe(&src.join(p))
        .into_iter()
        .filter(|(_, l)| vietati.iter().any(|v| l.contains(v)))
        .map(|(f, l)| format!("{}: {l}", f.display()))
        .collect()
}

/// config -> rules -> sink has no way back: config names neither rules
/// nor the sink, the sink names neither config nor rules, and the
/// catalogue of built-in ids names nothing of the crate.
#[test]
fn config_rules_and_sink_form_no_cycle() {
    let config = nomina("config", &["crate::rules", "crate::sink"]);
    assert_eq!(config, Vec::<String>::new());
    let sink = nomina("sink.rs", &["crate::config", "crate::rules"]);
    assert_eq!(sink, Vec::<String>::new());
    let catalogo = nomina("catalogo.rs", &["crate::", "super::"]);
    assert_eq!(catalogo, Vec::<String>::new());
    assert!(righe(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src/config")).len() > 1000);
}

/// The rule language and the choice of language sit below the
/// configuration: they name nothing of it (the "did you mean" helper and
/// the project file are leaves of their own), and the leaves name nothing.
#[test]
fn the_rule_language_and_the_languages_sit_below_the_configuration() {
    let lang = nomina("lang", &["crate::config", "crate::rules", "crate::sink"]);
    assert_eq!(lang, Vec::<String>::new());
    let lingua = nomina("lingua", &["crate::config", "crate::rules", "crate::sink"]);
    assert_eq!(lingua, Vec::<String>::new());
    let diagnostic = nomina("diagnostic.rs", &["crate::config", "crate::rules"]);
    assert_eq!(diagnostic, Vec::<String>::new());
    for foglia in ["simili.rs", "progetto.rs"] {
        assert_eq!(nomina(foglia, &["crate::"]), Vec::<String>::new());
    }
}
