//! The CI workflow as a pipeline runs it: a baseline of accepted findings
//! (write, re-check, edit, stale entries, prune), batch checks of folders on
//! several threads, and `quadra diff` exit codes and formats.

use std::path::{Path, PathBuf};

mod common;
use common::{quadra_in, root, Run};

const REAL: &str = "reports/milano-2022-dir07-welfare-e-salute.txt";
/// What a check of `report.txt` in the test repository says first on
/// standard error: the configuration it used.
const STDERR_CONFIG: &str = "quadra: config: no quadra.toml in the report's folder or its parents (up to the repository root); built-in rules\n\
    quadra: links: rules/report.links.toml (found from the folder of report.txt)\n";
const LINKS: &str = "rules/milano-2022-dir07-welfare-e-salute.links.toml";

/// A fresh folder holding the real report as `report.txt` and its link file
/// as `rules/report.links.toml`, as a repository of reports would.
fn workspace(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("quadra-bl-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(d.join("rules")).unwrap();
    std::fs::copy(root().join(REAL), d.join("report.txt")).unwrap();
    std::fs::copy(root().join(LINKS), d.join("rules/report.links.toml")).unwrap();
    d
}

fn json(r: &Run) -> serde_json::Value {
    serde_json::from_str(&r.stdout).unwrap_or_else(|e| panic!("{e}: {}", r.stdout))
}

/// (rule, severity) of the errors and warnings of the first file.
fn shown(v: &serde_json::Value) -> Vec<(String, String)> {
    v["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["severity"] != "info")
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_string(),
                d["severity"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn entries(text: &str) -> usize {
    text.lines().filter(|l| *l == "[[accepted]]").count()
}

fn edit(dir: &Path, from: &str, to: &str) {
    let p = dir.join("report.txt");
    let t = std::fs::read_to_string(&p).unwrap();
    assert_eq!(t.matches(from).count(), 1, "{from}");
    std::fs::write(&p, t.replace(from, to)).unwrap();
}

#[test]
fn baseline_round_trip() {
    let d = workspace("round");
    // Without a baseline the real report fails: 3 errors, 42 warnings.
    let r = quadra_in(&d, &["check", "report.txt", "--format", "json"]);
    assert_eq!(r.code, 1);
    assert_eq!(
        json(&r)["summary"],
        serde_json::json!({"errors": 3, "warnings": 42, "infos": 76})
    );

    // Record them: every error and warning, none of the infos.
    let r = quadra_in(&d, &["check", "report.txt", "--write-baseline", "b.toml"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r
        .stderr
        .contains("recorded 45 finding(s) in b.toml; write a justification for each"));
    let text = std::fs::read_to_string(d.join("b.toml")).unwrap();
    assert_eq!(entries(&text), 45);
    assert!(text.contains("report = \"2022 DIR07\""));

    // The auditor justifies one; re-checking shows nothing new.
    let justified = text.replacen(
        "justification = \"\"",
        "justification = \"covered by avanzo vincolato\"",
        1,
    );
    std::fs::write(d.join("b.toml"), &justified).unwrap();
    let r = quadra_in(
        &d,
        &[
            "check",
            "report.txt",
            "--baseline",
            "b.toml",
            "--format",
            "json",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v = json(&r);
    assert_eq!(
        v["summary"],
        serde_json::json!({"errors": 0, "warnings": 0, "infos": 76})
    );
    assert_eq!(v["files"][0]["accepted"], 45);
    // The 44 entries not yet justified are counted, once.
    assert_eq!(
        r.stderr,
        format!(
            "{STDERR_CONFIG}quadra: warning: 44 entries of the baseline b.toml have an empty \
             justification (`--deny empty-justification` makes this an error)\n"
        )
    );

    // Lines moved (three blank lines at the top): still nothing new.
    let t = std::fs::read_to_string(d.join("report.txt")).unwrap();
    std::fs::write(d.join("report.txt"), format!("\n\n\n{t}")).unwrap();
    let r = quadra_in(&d, &["check", "report.txt", "--baseline", "b.toml"]);
    assert_eq!(r.code, 0, "{}", r.stdout);
    assert!(r.stdout.contains(
        "report.txt: 0 errors, 0 warnings, 76 infos; 45 accepted in the baseline (hidden)"
    ));

    // One amount mistyped: only what it changes shows.
    edit(&d, "ADULTI V10.609.040,00", "ADULTI V10.609.050,00");
    let r = quadra_in(
        &d,
        &[
            "check",
            "report.txt",
            "--baseline",
            "b.toml",
            "--format",
            "json",
        ],
    );
    assert_eq!(r.code, 1);
    let v = json(&r);
    assert_eq!(
        shown(&v),
        vec![
            // G4's unspent revenue moves too, but G4 is declared `low`:
            // an info now, and infos are not in baselines.
            ("total-mismatch".into(), "error".into()),
            ("vincolate-entrate".into(), "error".into()),
            ("vincolate-coverage".into(), "warning".into()),
        ]
    );
    // The one shown again carries what the baseline accepted.
    let helps: Vec<&str> = v["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d["help"].as_str())
        .filter(|h| h.contains("the baseline accepted this finding with other amounts"))
        .collect();
    assert_eq!(helps.len(), 1);
    // Amounts named by their column in words, the Italian way, never raw keys.
    assert_eq!(
        helps[0],
        "to close it in PREVISIONE 2022, declare 16.829.763,05 of outside funding (fondo \
         pluriennale vincolato, avanzo vincolato applicato) in the link file, or find the \
         earmarked revenue that finances this spending; the baseline accepted this finding with \
         other amounts (PREVISIONE 2022, difference: -16.829.773,05; PREVISIONE 2022, outside \
         funding: 0,00; PREVISIONE 2022, revenue: 117.728.790,00; PREVISIONE 2022, spending: \
         134.558.563,05); review it again"
    );
    assert_eq!(v["files"][0]["accepted"], 44);

    // Re-writing the baseline keeps the auditor's justification.
    let r = quadra_in(&d, &["check", "report.txt", "--write-baseline", "b.toml"]);
    assert_eq!(r.code, 0);
    let text = std::fs::read_to_string(d.join("b.toml")).unwrap();
    assert_eq!(entries(&text), 47);
    assert_eq!(text.matches("covered by avanzo vincolato").count(), 1);
}

#[test]
fn stale_entries_are_located_and_pruned() {
    let d = workspace("stale");
    let r = quadra_in(&d, &["check", "report.txt", "--write-baseline", "b.toml"]);
    assert_eq!(r.code, 0);
    let mut text = std::fs::read_to_string(d.join("b.toml")).unwrap();
    let lines_before = text.lines().count();
    text.push_str(
        "\n[[accepted]]\nrule = \"total-mismatch\"\nreport = \"2022 DIR07\"\nsubject = \"1.B|51|Totale gone\"\namounts = {}\njustification = \"fixed long ago\"\n",
    );
    // An entry for a report this run does not check is not stale.
    text.push_str(
        "\n[[accepted]]\nrule = \"total-mismatch\"\nreport = \"2022 DIR99\"\nsubject = \"x\"\njustification = \"\"\n",
    );
    std::fs::write(d.join("b.toml"), &text).unwrap();
    let r = quadra_in(&d, &["check", "report.txt", "--baseline", "b.toml"]);
    assert_eq!(r.code, 0);
    let at = format!("b.toml:{}:1", lines_before + 2);
    assert!(r.stderr.contains(&at), "{}", r.stderr);
    assert!(r.stderr.contains(
        "⚠ stale baseline entry: `total-mismatch` on `1.B|51|Totale gone` in report 2022 DIR07 matches no\n  │ finding"
    ), "{}", r.stderr);
    assert!(r
        .stderr
        .contains("quadra: 1 stale entry in the baseline b.toml (`--prune` removes them)"));
    assert!(!r.stderr.contains("DIR99"));

    let r = quadra_in(
        &d,
        &["check", "report.txt", "--baseline", "b.toml", "--prune"],
    );
    assert_eq!(r.code, 0);
    assert!(r.stderr.contains("removed 1 stale entry from b.toml"));
    let text = std::fs::read_to_string(d.join("b.toml")).unwrap();
    assert_eq!(entries(&text), 46);
    assert!(text.contains("DIR99"));
    let r = quadra_in(&d, &["check", "report.txt", "--baseline", "b.toml"]);
    assert_eq!(
        (r.code, r.stderr),
        (
            0,
            format!(
                "{STDERR_CONFIG}quadra: warning: 45 entries of the baseline b.toml have an empty \
                 justification (`--deny empty-justification` makes this an error)\n"
            )
        )
    );
}

#[test]
fn a_broken_baseline_is_located_and_nothing_is_checked() {
    let d = workspace("broken");
    std::fs::write(
        d.join("b.toml"),
        "version = 1\n[[accepted]]\nrule = \"r\"\nreport = 3\n",
    )
    .unwrap();
    let r = quadra_in(&d, &["check", "report.txt", "--baseline", "b.toml"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("b.toml:4:10"), "{}", r.stderr);
    assert!(r
        .stderr
        .contains("quadra: 2 problem(s) in the baseline b.toml; nothing was checked"));
    assert_eq!(r.stdout, "");
    let r = quadra_in(&d, &["check", "report.txt", "--prune"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("`--prune` needs `--baseline FILE`"));
}

#[test]
fn a_folder_is_checked_on_every_core_with_a_table_per_file() {
    let r = quadra_in(root(), &["check", "--no-config", "fixtures/rules"]);
    assert_eq!(r.code, 1);
    let table: Vec<&str> = r
        .stdout
        .lines()
        .skip_while(|l| !l.starts_with("file "))
        .collect();
    // Header, 38 files in name order, total.
    assert_eq!(table.len(), 40, "{}", r.stdout);
    assert_eq!(
        table[1],
        "fixtures/rules/all-zero.clean.txt                         0         0      0         0"
    );
    assert_eq!(
        table[2],
        "fixtures/rules/all-zero.txt                               0         0      1         0"
    );
    assert!(table[39].starts_with("total "));

    // One thread or two: the same bytes.
    let one = quadra_in(
        root(),
        &["check", "--no-config", "-j", "1", "fixtures/rules"],
    );
    assert_eq!(one.stdout, r.stdout);

    // Machine formats hold every file in one document; the table goes to
    // standard error for the log.
    let j = quadra_in(
        root(),
        &[
            "check",
            "--no-config",
            "--format",
            "json",
            "fixtures/rules",
            "fixtures/quirk-bom.txt",
        ],
    );
    let v = json(&j);
    assert_eq!(v["files"].as_array().unwrap().len(), 39);
    // After the configuration: not looked for, said once for the 39 files.
    let (config, tabella) = j.stderr.split_at(j.stderr.find("file ").unwrap_or(0));
    assert!(tabella.starts_with("file "), "{}", j.stderr);
    assert_eq!(config.lines().count(), 2, "{config}");
    assert!(config.starts_with("quadra: config: not looked for (--no-config); built-in rules\n"));
    let s = quadra_in(
        root(),
        &[
            "check",
            "--no-config",
            "--format",
            "sarif",
            "fixtures/rules",
        ],
    );
    let v: serde_json::Value = serde_json::from_str(&s.stdout).unwrap();
    assert_eq!(v["runs"].as_array().unwrap().len(), 1);
    let n = v["runs"][0]["results"].as_array().unwrap().len();
    let total: usize = table[39]
        .split_whitespace()
        .skip(1)
        .take(3)
        .map(|x| x.parse::<usize>().unwrap())
        .sum();
    assert_eq!(n, total);
}

#[test]
fn a_folder_without_reports_and_an_unreadable_file() {
    let d = std::env::temp_dir().join(format!("quadra-bl-{}-empty", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    let r = quadra_in(root(), &["check", d.to_str().unwrap()]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("holds no .txt report"), "{}", r.stderr);
    // A missing file among good ones: the others are checked, exit 2.
    let r = quadra_in(
        root(),
        &[
            "check",
            "--no-config",
            "fixtures/rules/all-zero.clean.txt",
            "no/such.txt",
        ],
    );
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("cannot read no/such.txt"));
    assert!(r.stdout.contains("fixtures/rules/all-zero.clean.txt"));
}

#[test]
fn diff_exit_codes_and_formats() {
    let d = workspace("diff");
    std::fs::copy(d.join("report.txt"), d.join("old.txt")).unwrap();
    std::fs::copy(
        d.join("rules/report.links.toml"),
        d.join("rules/old.links.toml"),
    )
    .unwrap();
    let r = quadra_in(&d, &["diff", "old.txt", "report.txt"]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    edit(&d, "ADULTI V10.609.040,00", "ADULTI V10.609.050,00");
    let r = quadra_in(&d, &["diff", "old.txt", "report.txt", "--format", "json"]);
    assert_eq!(r.code, 1);
    let v = json(&r);
    assert_eq!(
        v["summary"],
        serde_json::json!({
            "chapters_added": 0, "chapters_removed": 0, "chapters_changed": 1,
            "totals_changed": 0, "findings_introduced": 2, "findings_resolved": 0,
            "findings_changed": 3, "new_errors": 2
        })
    );
    assert_eq!(
        v["changes"][0]["amounts"],
        serde_json::json!([{"column": "previsione", "from": "10609040.00", "to": "10609050.00", "difference": "10.00"}])
    );
    // The reverse direction resolves them: exit 0.
    let r = quadra_in(&d, &["diff", "report.txt", "old.txt", "--format", "md"]);
    assert_eq!(r.code, 0);
    assert!(r.stdout.contains("✅ no new error finding"));
    let r = quadra_in(&d, &["diff", "old.txt", "missing.txt"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("cannot read missing.txt"));
}

#[test]
fn folder_walking_does_not_follow_links_to_folders_and_refuses_non_utf8_names() {
    let d = std::env::temp_dir().join(format!("quadra-bl-{}-walk", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(d.join("sub")).unwrap();
    std::fs::copy(
        root().join("fixtures/rules/all-zero.clean.txt"),
        d.join("sub/a.txt"),
    )
    .unwrap();
    // Two links back up: following them would never end.
    std::os::unix::fs::symlink("..", d.join("sub/up")).unwrap();
    std::os::unix::fs::symlink(".", d.join("sub/here")).unwrap();
    let r = quadra_in(&d, &["check", "--no-config", "sub"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, "sub/a.txt: 0 errors, 0 warnings, 0 infos\n");
    // A name that is not UTF-8 is an error, not a file skipped.
    use std::os::unix::ffi::OsStrExt;
    let bad = std::ffi::OsStr::from_bytes(b"r\xe9.txt");
    std::fs::copy(
        root().join("fixtures/rules/all-zero.clean.txt"),
        d.join("sub").join(bad),
    )
    .unwrap();
    let r = quadra_in(&d, &["check", "--no-config", "sub"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("is not UTF-8; rename it"), "{}", r.stderr);
}

#[test]
fn rewriting_a_baseline_keeps_the_entries_of_reports_not_checked() {
    let d = workspace("others");
    let t = std::fs::read_to_string(d.join("report.txt")).unwrap();
    std::fs::write(d.join("dir09.txt"), t.replace("DIR07", "DIR09")).unwrap();
    let r = quadra_in(
        &d,
        &[
            "check",
            "--no-config",
            "report.txt",
            "dir09.txt",
            "--write-baseline",
            "b.toml",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let text = std::fs::read_to_string(d.join("b.toml")).unwrap();
    assert_eq!(entries(&text), 90);
    std::fs::write(
        d.join("b.toml"),
        text.replace("justification = \"\"", "justification = \"seen\""),
    )
    .unwrap();
    let r = quadra_in(
        &d,
        &[
            "check",
            "--no-config",
            "report.txt",
            "--write-baseline",
            "b.toml",
        ],
    );
    assert_eq!(r.code, 0);
    let text = std::fs::read_to_string(d.join("b.toml")).unwrap();
    assert_eq!(entries(&text), 90);
    assert_eq!(text.matches("justification = \"seen\"").count(), 90);
    assert_eq!(text.matches("report = \"2022 DIR09\"").count(), 45);
}

#[test]
fn diff_checks_the_old_version_without_the_chapters_it_lacks() {
    // The new version adds chapter 3753 32 0 (a V chapter of a declared
    // group); the link file describes the new version.
    let d = workspace("diff-links");
    let t = std::fs::read_to_string(d.join("report.txt")).unwrap();
    let start = t.find("3753 32 01030211000").unwrap();
    let end = start + t[start..].find("\n3753 33 0").unwrap() + 1;
    std::fs::create_dir_all(d.join("old")).unwrap();
    std::fs::write(
        d.join("old/report.txt"),
        format!("{}{}", &t[..start], &t[end..]),
    )
    .unwrap();
    let r = quadra_in(
        &d,
        &["diff", "old/report.txt", "report.txt", "--format", "json"],
    );
    assert!(r.stderr.contains(
        "quadra: old/report.txt: 1 chapter(s) of the link file rules/report.links.toml are not V rows of this version; it is checked without them"
    ), "{}", r.stderr);
    assert_ne!(r.code, 2, "{}", r.stderr);
    let v = json(&r);
    assert_eq!(v["summary"]["chapters_added"], 1);
    assert_eq!(v["changes"][0]["key"], "3753 32 0");
}

/// The table a machine format prints on standard error for several files
/// counts what the filters keep and what the baseline accepted, file by
/// file, as the document says.
#[test]
fn the_batch_table_counts_kept_and_accepted_findings_as_the_document() {
    let d = std::env::temp_dir().join(format!("quadra-bl-{}-tabella", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    let reale =
        std::fs::read_to_string(root().join("reports/milano-2022-dir07-welfare-e-salute.txt"))
            .unwrap();
    std::fs::write(d.join("a.txt"), &reale).unwrap();
    std::fs::write(d.join("b.txt"), reale.replace("DIR07", "DIR08")).unwrap();
    let b = d.join("baseline.toml");
    let w = quadra_in(
        &d,
        &[
            "check",
            "--no-config",
            "--write-baseline",
            b.to_str().unwrap(),
            "a.txt",
        ],
    );
    assert_eq!(w.code, 0, "{}", w.stderr);
    let r = quadra_in(
        &d,
        &[
            "check",
            "--no-config",
            "--format",
            "json",
            "--min-severity",
            "warning",
            "--baseline",
            "baseline.toml",
            "a.txt",
            "b.txt",
        ],
    );
    let v = json(&r);
    let righe: Vec<Vec<&str>> = r
        .stderr
        .lines()
        .skip_while(|l| !l.starts_with("file "))
        .map(|l| l.split_whitespace().collect())
        .collect();
    assert_eq!(righe.len(), 4, "{}", r.stderr);
    for (i, nome) in ["a.txt", "b.txt"].iter().enumerate() {
        let f = &v["files"][i];
        let diag = f["diagnostics"].as_array().unwrap();
        let conta = |s: &str| {
            diag.iter()
                .filter(|x| x["severity"] == s)
                .count()
                .to_string()
        };
        let accettati = f["accepted"].as_u64().unwrap_or(0).to_string();
        assert_eq!(
            righe[i + 1],
            vec![
                *nome,
                &conta("error"),
                &conta("warning"),
                &conta("info"),
                &accettati
            ],
            "{}",
            r.stderr
        );
    }
    // The baseline was written from a.txt: its 45 accepted findings are
    // hidden there, b.txt (another Direzione) has none accepted.
    assert_eq!(righe[1][4], "45");
    assert_eq!(righe[2][4], "0");
    assert_eq!(righe[2][3], "0", "infos are below --min-severity warning");
    std::fs::remove_dir_all(&d).unwrap();
}
