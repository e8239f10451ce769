//! The inputs of a run: folders walked for reports, then every input
//! checked on a thread pool, the results in input order.

use std::io::{self, IsTerminal};
use std::path::{Path, PathBuf};

use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;

use crate::config::RuleSet;

use super::args::CheckArgs;
use super::read::{controlla_in_flusso, Letto, Problema};

/// The report files named on the command line: files as given, folders
/// walked (sorted, hidden entries skipped) for `*.txt` files.
pub fn espandi(args: &[String]) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    for a in args {
        let p = Path::new(a);
        if a != "-" && p.is_dir() {
            let before = out.len();
            cammina(p, &mut out).map_err(|e| {
                crate::tr!(
                    "io-cannot-read-folder",
                    folder = a.as_str(),
                    error = e.to_string()
                )
            })?;
            if out.len() == before {
                return Err(crate::tr!("io-empty-folder", folder = a.as_str()));
            }
        } else {
            out.push(a.clone());
        }
    }
    Ok(out)
}

/// Walk `dir` for `*.txt` files. Symbolic links to folders are not
/// followed (a link to a parent would loop forever); a name that is not
/// UTF-8 is an error, not a file skipped.
fn cammina(dir: &Path, out: &mut Vec<String>) -> io::Result<()> {
    let mut entries: Vec<(PathBuf, std::fs::FileType)> = std::fs::read_dir(dir)?
        .map(|e| e.and_then(|e| Ok((e.path(), e.file_type()?))))
        .collect::<io::Result<_>>()?;
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    for (p, tipo) in entries {
        let Some(nome) = p.file_name() else { continue };
        if nome.to_string_lossy().starts_with('.') {
            continue;
        }
        if tipo.is_dir() {
            cammina(&p, out)?;
        } else if (!tipo.is_symlink() || !p.is_dir()) && p.extension().is_some_and(|e| e == "txt") {
            let s = p.to_str().ok_or_else(|| {
                io::Error::other(format!(
                    "the file name {} is not UTF-8; rename it",
                    p.display()
                ))
            })?;
            out.push(s.to_string());
        }
    }
    Ok(())
}

/// Check every input on a pool of `jobs` threads (all cores when `None`),
/// with a progress bar on a terminal. Results come back in input order.
pub(super) fn controlla_tutti(
    paths: &[String],
    a: &CheckArgs,
    rules: &RuleSet,
) -> Result<Vec<Result<Letto, Problema>>, String> {
    let pb = if paths.len() > 1 && io::stderr().is_terminal() {
        let pb = ProgressBar::new(paths.len() as u64);
        pb.set_style(
            ProgressStyle::with_template("{bar:40} {pos}/{len} reports {elapsed} {wide_msg}")
                .map_err(|e| e.to_string())?,
        );
        pb
    } else {
        ProgressBar::hidden()
    };
    let lavoro = || {
        paths
            .par_iter()
            .map(|p| {
                let r = controlla_in_flusso(p, a.regole.come(rules, false));
                pb.set_message(p.clone());
                pb.inc(1);
                r
            })
            .collect::<Vec<_>>()
    };
    // More threads than files, or far more than cores, only cost.
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let out = match a.jobs.map(|n| fili(n, paths.len(), cores)) {
        // The process's pool, so that writing the output (laid out file by
        // file in parallel) keeps to `-j` too; a pool of its own when the
        // process already has one (the command run twice in one process).
        Some(n) => match rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global()
        {
            Ok(()) => lavoro(),
            Err(_) => rayon::ThreadPoolBuilder::new()
                .num_threads(n)
                .build()
                .map_err(|e| format!("cannot start {n} threads: {e}"))?
                .install(lavoro),
        },
        None => lavoro(),
    };
    pb.finish_and_clear();
    Ok(out)
}

/// Threads for `-j n`: at least one, at most one per file and four per
/// core (more only cost).
fn fili(n: usize, files: usize, cores: usize) -> usize {
    n.clamp(1, files.max(1).min(4 * cores))
}

#[cfg(test)]
mod tests {
    use super::fili;

    #[test]
    fn threads_are_bounded_by_files_and_cores() {
        assert_eq!(fili(100_000, 1, 2), 1);
        assert_eq!(fili(100_000, 200, 2), 8);
        assert_eq!(fili(3, 200, 2), 3);
        assert_eq!(fili(0, 200, 2), 1);
        assert_eq!(fili(5, 0, 2), 1);
    }
}
