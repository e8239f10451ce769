//! The README's CI example, run: its `run:` steps are read from README.md
//! (the YAML block under "In CI") and run with bash, as GitHub Actions runs
//! them, in a scratch git repository whose branch adds, changes and deletes
//! a report against `origin/main`.

use std::path::{Path, PathBuf};
use std::process::Command;

mod common;
use common::root;

const REPORT: &str = "reports/milano-2022-dir07-welfare-e-salute.txt";

/// One step of the workflow: its `name`, `if` and `run` (`run` unindented).
#[derive(Debug, Default)]
struct Step {
    name: String,
    id: String,
    cond: String,
    run: String,
}

/// The YAML block of the README's "In CI" section.
fn workflow() -> String {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let section = &readme[readme.find("## In CI").expect("an In CI section")..];
    let start = section.find("```yaml\n").expect("a yaml block") + "```yaml\n".len();
    let end = section[start..].find("```").unwrap();
    section[start..start + end].to_string()
}

/// The steps, read the way the README writes them (`      - key: value`,
/// `        key: value`, `run: |` then a block indented further).
fn steps(yaml: &str) -> Vec<Step> {
    let mut out: Vec<Step> = Vec::new();
    let mut block: Option<usize> = None;
    for line in yaml.lines() {
        let indent = line.len() - line.trim_start().len();
        if let Some(i) = block {
            if line.trim().is_empty() || indent >= i {
                let s = out.last_mut().unwrap();
                s.run.push_str(line.get(i..).unwrap_or(""));
                s.run.push('\n');
                continue;
            }
            block = None;
        }
        let body = if let Some(b) = line.strip_prefix("      - ") {
            out.push(Step::default());
            b
        } else if let Some(b) = line.strip_prefix("        ") {
            if out.is_empty() {
                continue;
            }
            b
        } else {
            continue;
        };
        let Some((key, value)) = body.split_once(':') else {
            continue;
        };
        let value = value.trim();
        let s = out.last_mut().unwrap();
        match key {
            "name" => s.name = value.to_string(),
            "id" => s.id = value.to_string(),
            "if" => s.cond = value.to_string(),
            "run" if value == "|" => block = Some(10),
            "run" => s.run = format!("{value}\n"),
            _ => {}
        }
    }
    out
}

fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .args([
            "-c",
            "user.name=quadra test",
            "-c",
            "user.email=test@example.org",
            "-c",
            "commit.gpgsign=false",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A repository of reports on `main` (a, b, c and the baseline), and the
/// branch `change` checked out: b changed, c deleted, d (another report) added.
fn repository() -> PathBuf {
    let d = std::env::temp_dir().join(format!("quadra-readme-ci-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(d.join("reports")).unwrap();
    git(&d, &["init", "-q", "-b", "main"]);
    let real = std::fs::read_to_string(root().join(REPORT)).unwrap();
    for n in ["a", "b", "c"] {
        std::fs::write(d.join(format!("reports/{n}.txt")), &real).unwrap();
    }
    let r = common::quadra_in(
        &d,
        &[
            "check",
            "reports/a.txt",
            "--write-baseline",
            "quadra-baseline.toml",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.ends_with(
            "reports/a.txt: 0 errors, 0 warnings, 76 infos; 45 accepted in the baseline (hidden)\n"
        ),
        "{}",
        r.stdout
    );
    git(&d, &["add", "-A"]);
    git(&d, &["commit", "-q", "-m", "base"]);
    git(&d, &["update-ref", "refs/remotes/origin/main", "main"]);
    git(&d, &["checkout", "-q", "-b", "change"]);
    // One amount mistyped in b: a total no longer adds up (a new error).
    let changed = real.replacen("ADULTI V10.609.040,00", "ADULTI V10.609.050,00", 1);
    assert_ne!(changed, real);
    std::fs::write(d.join("reports/b.txt"), changed).unwrap();
    std::fs::remove_file(d.join("reports/c.txt")).unwrap();
    // A report of its own (a copy of c would be a rename of it, which git
    // lists under the new name alone).
    let r = common::quadra_in(&d, &["generate", "--seed", "3", "-o", "reports/d.txt"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    git(&d, &["add", "-A"]);
    git(&d, &["commit", "-q", "-m", "change"]);
    d
}

#[test]
fn the_readme_ci_steps_check_added_and_changed_reports_and_skip_deleted_ones() {
    let d = repository();
    // `quadra` on the PATH is the binary under test.
    let bin = d.join(".bin");
    std::fs::create_dir_all(&bin).unwrap();
    std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_quadra"), bin.join("quadra")).unwrap();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let output = d.join(".github-output");
    std::fs::write(&output, "").unwrap();

    let steps = steps(&workflow());
    let names: Vec<&str> = steps.iter().map(|s| s.name.as_str()).collect();
    assert!(names.contains(&"changed reports"), "{names:?}");
    let mut files = String::new();
    let mut codes: Vec<(String, i32)> = Vec::new();
    for s in &steps {
        // The install step is the workflow's business, not the shell's.
        if s.run.is_empty() || s.run.contains("cargo install") {
            continue;
        }
        if s.cond.contains("steps.changed.outputs.files != ''") && files.trim().is_empty() {
            continue;
        }
        let script = s
            .run
            .replace("${{ github.base_ref }}", "main")
            .replace("${{ steps.changed.outputs.files }}", &files);
        assert!(!script.contains("${{"), "an expression left: {script}");
        // GitHub's `run` shell: bash --noprofile --norc -eo pipefail.
        let out = Command::new("bash")
            .args(["--noprofile", "--norc", "-eo", "pipefail", "-c", &script])
            .current_dir(&d)
            .env("PATH", &path)
            .env("GITHUB_OUTPUT", &output)
            .env("NO_COLOR", "1")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        assert!(!stderr.contains("cannot read"), "{}: {stderr}", s.name);
        codes.push((s.name.clone(), out.status.code().unwrap_or(-1)));
        if s.id == "changed" {
            let o = std::fs::read_to_string(&output).unwrap();
            files = o
                .lines()
                .filter_map(|l| l.strip_prefix("files="))
                .next_back()
                .unwrap_or("")
                .to_string();
        }
    }
    // The deleted report is not listed: only what is there to check.
    assert_eq!(files, "reports/b.txt reports/d.txt ");
    assert_eq!(
        codes,
        vec![
            ("changed reports".to_string(), 0),
            // b's mistyped amount is a new error: the job fails, as it should.
            ("check (new findings fail)".to_string(), 1),
            ("diff against the base branch".to_string(), 0),
        ]
    );
    let sarif = std::fs::read_to_string(d.join("quadra.sarif")).unwrap();
    let v: serde_json::Value = serde_json::from_str(&sarif).unwrap();
    assert_eq!(v["version"], "2.1.0");
    assert!(sarif.contains("reports/b.txt") && sarif.contains("reports/d.txt"));
    assert!(!sarif.contains("reports/c.txt"));
    // Only b has an old version to compare with.
    let md = std::fs::read_to_string(d.join("diff.md")).unwrap();
    assert!(md.contains("38 15 6"), "{md}");
    assert!(!md.contains("d.txt"), "{md}");
    assert!(!d.join("base/d.txt").exists());
    assert!(d.join("base/b.txt").exists());
    std::fs::remove_dir_all(&d).unwrap();
}

#[test]
fn the_workflow_block_is_read_whole() {
    let s = steps(&workflow());
    let changed = s.iter().find(|s| s.id == "changed").unwrap();
    assert_eq!(changed.run.lines().count(), 3, "{}", changed.run);
    assert!(changed
        .run
        .lines()
        .any(|l| l.starts_with("files=$(git diff") && l.contains("--diff-filter=d")));
    let diff = s
        .iter()
        .find(|s| s.name == "diff against the base branch")
        .unwrap();
    assert!(diff.run.starts_with("mkdir -p base\n"), "{}", diff.run);
    assert!(diff.run.trim_end().ends_with("done"), "{}", diff.run);
}
