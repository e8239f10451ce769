//! Choosing the language: `--lang`, else `lang = "it"` in the project's
//! `quadra.toml`, else the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`, the first
//! one set and not empty, as POSIX orders them), else English.

use std::path::Path;

use super::Lingua;

/// The language a locale value names: `it`, `it_IT.UTF-8`, `it-CH` are
/// Italian; `C`, `POSIX`, `en_GB.UTF-8` and the rest are English.
pub fn da_locale(valore: &str) -> Lingua {
    let lingua = valore
        .split(['_', '-', '.', '@'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    if lingua == "it" {
        Lingua::It
    } else {
        Lingua::En
    }
}

/// The `lang` of the `quadra.toml` in `dir` or its nearest parent that has
/// one, if it says one quadra speaks. A file that cannot be read or is not
/// TOML says nothing here: `check` reports it, located, when it loads the rules.
pub fn lingua_del_progetto(dir: &Path) -> Option<Lingua> {
    lingua_del_file(&crate::progetto::find_project_file(dir)?)
}

/// The `lang` of the project file at `path`, if it says one quadra speaks.
pub fn lingua_del_file(path: &Path) -> Option<Lingua> {
    let text = std::fs::read_to_string(path).ok()?;
    let table: toml::Table = toml::from_str(&text).ok()?;
    Lingua::da_codice(table.get("lang")?.as_str()?)
}

/// The language to speak: the flag, else the project file's, else the first
/// locale variable set (`env` looks one up), else English.
pub fn scegli(
    flag: Option<Lingua>,
    progetto: Option<Lingua>,
    env: impl Fn(&str) -> Option<String>,
) -> Lingua {
    if let Some(l) = flag.or(progetto) {
        return l;
    }
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .filter_map(env)
        .find(|v| !v.is_empty())
        .map_or(Lingua::En, |v| da_locale(&v))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |k| {
            vars.iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn the_flag_wins_then_the_project_then_the_locale() {
        let it = [("LANG", "it_IT.UTF-8")];
        assert_eq!(
            scegli(Some(Lingua::En), Some(Lingua::It), env(&it)),
            Lingua::En
        );
        assert_eq!(scegli(None, Some(Lingua::En), env(&it)), Lingua::En);
        assert_eq!(scegli(None, None, env(&it)), Lingua::It);
        assert_eq!(scegli(None, None, env(&[])), Lingua::En);
    }

    #[test]
    fn locale_variables_in_posix_order() {
        let v = [("LC_ALL", "C"), ("LC_MESSAGES", "it_IT"), ("LANG", "it_IT")];
        assert_eq!(scegli(None, None, env(&v)), Lingua::En);
        let v = [("LC_ALL", ""), ("LC_MESSAGES", "it_IT"), ("LANG", "en_US")];
        assert_eq!(scegli(None, None, env(&v)), Lingua::It);
        let v = [("LANG", "en_US.UTF-8")];
        assert_eq!(scegli(None, None, env(&v)), Lingua::En);
    }

    #[test]
    fn locale_values() {
        assert_eq!(da_locale("it"), Lingua::It);
        assert_eq!(da_locale("it_CH.UTF-8"), Lingua::It);
        assert_eq!(da_locale("IT-it"), Lingua::It);
        assert_eq!(da_locale("C.UTF-8"), Lingua::En);
        assert_eq!(da_locale("italian"), Lingua::En);
        assert_eq!(da_locale(""), Lingua::En);
    }
}
