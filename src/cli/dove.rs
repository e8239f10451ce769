//! Where a run's configuration comes from, decided from the report, never
//! from the current directory: the link file (`<name>.links.toml` or
//! `rules/<name>.links.toml`) and `quadra.toml` are looked for in the
//! report's own folder, then in each parent, up to the repository root (the
//! first folder holding `.git`) or the filesystem root. Standard input
//! (`-`) has no folder: the current directory stands for it, and the run
//! says so. Every run states on standard error what it used.

use std::path::{Path, PathBuf};

use crate::progetto::PROJECT_FILE;

/// The folders searched for `report`, nearest first: its folder (the
/// current directory for `-`), then each parent, the first one holding
/// `.git` being the last.
pub fn cartelle(report: &str) -> Vec<PathBuf> {
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let inizio = if report == "-" {
        cwd.clone()
    } else {
        let p = cwd.join(report);
        let d = if p.is_dir() {
            p
        } else {
            p.parent().map_or_else(|| cwd.clone(), Path::to_path_buf)
        };
        // `..` and symbolic links resolved, so that the parents are the real ones.
        d.canonicalize().unwrap_or(d)
    };
    let mut out = Vec::new();
    for d in inizio.ancestors() {
        out.push(d.to_path_buf());
        if d.join(".git").exists() {
            break;
        }
    }
    out
}

/// `p` as the user would write it: relative to the current directory when
/// it lies under it, else absolute.
pub fn mostra(p: &Path) -> PathBuf {
    let Ok(cwd) = std::env::current_dir() else {
        return p.to_path_buf();
    };
    let cwd = cwd.canonicalize().unwrap_or(cwd);
    match p.strip_prefix(&cwd) {
        Ok(r) if r.as_os_str().is_empty() => PathBuf::from("."),
        Ok(r) => r.to_path_buf(),
        Err(_) => p.to_path_buf(),
    }
}

/// The names a link file of `report` may have in each folder searched
/// (none for standard input, which has no name).
pub fn nomi_legami(report: &str) -> Option<[PathBuf; 2]> {
    if report == "-" {
        return None;
    }
    let stem = Path::new(report)
        .file_stem()?
        .to_string_lossy()
        .into_owned();
    let nome = format!("{stem}.links.toml");
    Some([PathBuf::from(&nome), Path::new("rules").join(nome)])
}

/// The link file found for `report` (no `--links`), shown as the user would
/// write it.
pub fn trova_legami(report: &str) -> Option<PathBuf> {
    let nomi = nomi_legami(report)?;
    cartelle(report)
        .iter()
        .flat_map(|d| nomi.iter().map(move |n| d.join(n)))
        .find(|p| p.is_file())
        .map(|p| mostra(&p))
}

/// The `quadra.toml` found for `report`, shown as the user would write it.
pub fn trova_progetto(report: &str) -> Option<PathBuf> {
    cartelle(report)
        .iter()
        .map(|d| d.join(PROJECT_FILE))
        .find(|p| p.is_file())
        .map(|p| mostra(&p))
}

/// The project file of a run over `inputs` (`--no-config`: none): the one
/// found for the first input, or the current directory's when there is no
/// input. `Err`: two inputs belong to different projects.
pub fn progetto(inputs: &[String]) -> Result<Option<PathBuf>, String> {
    let Some(primo) = inputs.first() else {
        return Ok(std::env::current_dir()
            .ok()
            .and_then(|d| crate::progetto::find_project_file(&d)));
    };
    let p = trova_progetto(primo);
    for altro in &inputs[1..] {
        let q = trova_progetto(altro);
        if q != p {
            let nome = |x: &Option<PathBuf>| {
                x.as_ref().map_or_else(
                    || crate::tr!("cfg15-no-project"),
                    |x| x.display().to_string(),
                )
            };
            return Err(crate::tr!(
                "cfg15-projects-differ",
                a = primo.as_str(),
                pa = nome(&p),
                b = altro.as_str(),
                pb = nome(&q)
            ));
        }
    }
    Ok(p)
}

/// What a report's link line says: the line (without `quadra: `), and
/// whether a link file is used.
pub fn riga_legami(report: &str, explicit: Option<&Path>, discover: bool) -> (String, bool) {
    let nome = if report == "-" { "<stdin>" } else { report };
    if let Some(p) = explicit {
        let file = p.display().to_string();
        return (crate::tr!("cfg15-links-given", file = file), true);
    }
    if !discover {
        return (crate::tr!("cfg15-links-off"), false);
    }
    if report == "-" {
        return (crate::tr!("cfg15-links-stdin"), false);
    }
    match trova_legami(report) {
        Some(p) => (
            crate::tr!(
                "cfg15-links-found",
                file = p.display().to_string(),
                report = nome
            ),
            true,
        ),
        None => (crate::tr!("cfg15-links-none", report = nome), false),
    }
}

/// The error of `--require-links` when `report` has no link file, with its
/// help line.
pub fn errore_legami_mancanti(report: &str, discover: bool) -> String {
    if !discover {
        return format!(
            "quadra: {}\n  {}\n",
            crate::tr!("cfg15-require-links-off"),
            crate::tr!("cfg15-require-links-stdin-help")
        );
    }
    let Some(nomi) = nomi_legami(report) else {
        return format!(
            "quadra: {}\n  {}\n",
            crate::tr!("cfg15-require-links-stdin"),
            crate::tr!("cfg15-require-links-stdin-help")
        );
    };
    let cartelle = cartelle(report);
    // Where to write one: the repository's rules/ when the search reached
    // the repository root, else beside the report.
    let proposto = match cartelle.last() {
        Some(r) if r.join(".git").exists() => r.join(&nomi[1]),
        _ => cartelle
            .first()
            .map_or_else(|| nomi[0].clone(), |d| d.join(&nomi[0])),
    };
    let dove = |d: Option<&PathBuf>| d.map(|d| mostra(d).display().to_string());
    format!(
        "quadra: {}\n  {}\n",
        crate::tr!(
            "cfg15-require-links",
            report = report,
            first = nomi[0].display().to_string(),
            second = nomi[1].display().to_string(),
            from = dove(cartelle.first()).unwrap_or_default(),
            to = dove(cartelle.last()).unwrap_or_default()
        ),
        crate::tr!(
            "cfg15-require-links-help",
            report = report,
            file = mostra(&proposto).display().to_string()
        )
    )
}

/// The lines a run over `inputs` prints first on standard error: the
/// project file (or none, or not looked for), the rule files given, and for
/// standard input where the configuration is looked for.
pub fn righe_regole(
    inputs: &[String],
    progetto: Option<&Path>,
    no_config: bool,
    extra: &[PathBuf],
) -> String {
    let mut s = String::new();
    if inputs.iter().any(|i| i == "-") {
        let dir = std::env::current_dir()
            .map(|d| d.display().to_string())
            .unwrap_or_default();
        s.push_str(&format!(
            "quadra: {}\n",
            crate::tr!("cfg15-stdin-cwd", dir = dir)
        ));
    }
    let config = match (no_config, progetto) {
        (true, _) => crate::tr!("cfg15-config-off"),
        (false, Some(p)) => crate::tr!("cfg15-config", file = p.display().to_string()),
        (false, None) if inputs.is_empty() => crate::tr!("cfg15-config-none-cwd"),
        (false, None) => crate::tr!("cfg15-config-none"),
    };
    s.push_str(&format!("quadra: {config}\n"));
    if !extra.is_empty() {
        let files = extra
            .iter()
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>()
            .join(", ");
        s.push_str(&format!(
            "quadra: {}\n",
            crate::tr!("cfg15-rules", files = files)
        ));
    }
    s
}

/// What a run used, for the machine formats (JSON `configuration`, SARIF
/// `runs[0].properties.configuration`): the project file, the rule files in
/// order, and each input's link file and how it was had (`given`, `found`,
/// `none`, `not-looked-for`, `stdin`).
pub fn configurazione(
    inputs: &[String],
    progetto: Option<&Path>,
    extra: &[PathBuf],
    explicit: Option<&Path>,
    discover: bool,
) -> serde_json::Value {
    let mut regole = vec![serde_json::Value::from("built-in")];
    regole.extend(progetto.map(|p| serde_json::Value::from(p.display().to_string())));
    regole.extend(
        extra
            .iter()
            .map(|p| serde_json::Value::from(p.display().to_string())),
    );
    let legami: Vec<serde_json::Value> = inputs
        .iter()
        .map(|i| {
            let (file, come) = match (explicit, discover, i.as_str()) {
                (Some(p), _, _) => (Some(p.display().to_string()), "given"),
                (None, false, _) => (None, "not-looked-for"),
                (None, true, "-") => (None, "stdin"),
                (None, true, _) => match trova_legami(i) {
                    Some(p) => (Some(p.display().to_string()), "found"),
                    None => (None, "none"),
                },
            };
            serde_json::json!({ "path": i, "links": file, "how": come })
        })
        .collect();
    serde_json::json!({
        "config": progetto.map(|p| p.display().to_string()),
        "rules": regole,
        "links": legami,
    })
}

/// A writer that holds back the last bytes written, so that a field can be
/// added before the closing `}` of a JSON document laid out as
/// `{\n  ...\n}\n` (the JSON output of `check`), without holding the
/// document.
pub struct Coda<'w> {
    dentro: &'w mut dyn std::io::Write,
    tenuti: Vec<u8>,
}

/// The end of the document [`Coda`] adds a field before.
const FINE: &[u8] = b"\n}\n";

impl<'w> Coda<'w> {
    /// Hold back the end of what is written to `dentro`.
    pub fn new(dentro: &'w mut dyn std::io::Write) -> Self {
        Coda {
            dentro,
            tenuti: Vec::new(),
        }
    }

    /// Write `"name": value` as the document's last top-level field (two
    /// spaces of indent, as the document has), then its end.
    pub fn chiudi(self, nome: &str, valore: &serde_json::Value) -> std::io::Result<()> {
        if self.tenuti != FINE {
            return self.dentro.write_all(&self.tenuti);
        }
        let testo = serde_json::to_string_pretty(valore).map_err(std::io::Error::other)?;
        write!(
            self.dentro,
            ",\n  {}: {}\n}}\n",
            serde_json::Value::from(nome),
            testo.replace('\n', "\n  ")
        )
    }
}

impl std::io::Write for Coda<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.tenuti.extend_from_slice(buf);
        if self.tenuti.len() > FINE.len() {
            let via = self.tenuti.len() - FINE.len();
            self.dentro.write_all(&self.tenuti[..via])?;
            self.tenuti.drain(..via);
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.dentro.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_search_stops_at_the_repository_root() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"))
            .canonicalize()
            .unwrap();
        let report = root.join("reports/milano-2022-dir07-welfare-e-salute.txt");
        let c = cartelle(report.to_str().unwrap());
        assert_eq!(c[..2], [root.join("reports"), root.clone()]);
        if root.join(".git").exists() {
            assert_eq!(c.len(), 2);
        }
        assert_eq!(
            nomi_legami("a/b/x.txt").unwrap(),
            [
                PathBuf::from("x.links.toml"),
                PathBuf::from("rules/x.links.toml")
            ]
        );
    }
}
