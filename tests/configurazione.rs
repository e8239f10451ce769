//! Where a run's configuration comes from (the report's folder and its
//! parents, never the current directory), what every run says about it on
//! standard error, `--require-links`, and a quiet, conventional command
//! line: a closed pipe, readable fault descriptions.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

mod common;
use common::{quadra_in, root, Run};

const REPORT: &str = "reports/milano-2022-dir07-welfare-e-salute.txt";
const LINKS: &str = "rules/milano-2022-dir07-welfare-e-salute.links.toml";

fn tempdir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("quadra-cfg-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d.canonicalize().unwrap()
}

fn last_line(s: &str) -> &str {
    s.lines().last().unwrap_or("")
}

/// Run with `input` on standard input.
fn quadra_stdin(dir: &Path, args: &[&str], input: &[u8]) -> Run {
    let mut c = Command::new(env!("CARGO_BIN_EXE_quadra"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // quadra may refuse before it reads (`--require-links`): the pipe is then closed.
    let _ = c.stdin.take().unwrap().write_all(input);
    let out = c.wait_with_output().unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

#[test]
fn the_link_file_is_found_from_the_report_not_from_the_current_directory() {
    let elsewhere = tempdir("elsewhere");
    // A project file in the current directory is not the report's: ignored.
    std::fs::write(
        elsewhere.join("quadra.toml"),
        "[rules.total-mismatch]\nenabled = false\n",
    )
    .unwrap();
    let report = root().canonicalize().unwrap().join(REPORT);
    let report = report.to_str().unwrap();
    let from_root = quadra_in(root(), &["check", REPORT]);
    let from_elsewhere = quadra_in(&elsewhere, &["check", report]);
    assert_eq!(from_root.code, 1);
    assert_eq!(from_elsewhere.code, 1);
    assert_eq!(
        last_line(&from_root.stdout),
        format!("{REPORT}: 3 errors, 42 warnings, 76 infos")
    );
    assert_eq!(
        last_line(&from_elsewhere.stdout),
        format!("{report}: 3 errors, 42 warnings, 76 infos")
    );
    assert_eq!(
        from_root.stderr,
        format!(
            "quadra: config: no quadra.toml in the report's folder or its parents (up to the repository root); built-in rules\n\
             quadra: links: {LINKS} (found from the folder of {REPORT})\n"
        )
    );
    let links = root().canonicalize().unwrap().join(LINKS);
    assert_eq!(
        from_elsewhere.stderr,
        format!(
            "quadra: config: no quadra.toml in the report's folder or its parents (up to the repository root); built-in rules\n\
             quadra: links: {} (found from the folder of {report})\n",
            links.display()
        )
    );
    // A link file beside the report is found too, before rules/.
    let beside = tempdir("beside");
    std::fs::create_dir_all(beside.join("reports")).unwrap();
    std::fs::copy(root().join(REPORT), beside.join("reports/r.txt")).unwrap();
    std::fs::copy(root().join(LINKS), beside.join("reports/r.links.toml")).unwrap();
    let r = quadra_in(
        &elsewhere,
        &["check", beside.join("reports/r.txt").to_str().unwrap()],
    );
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains(&format!(
            "quadra: links: {} (found from the folder of ",
            beside.join("reports/r.links.toml").display()
        )),
        "{}",
        r.stderr
    );
    assert!(last_line(&r.stdout).ends_with("r.txt: 3 errors, 42 warnings, 76 infos"));
}

#[test]
fn standard_input_looks_in_the_current_directory_and_says_so() {
    let bytes = std::fs::read(root().join(REPORT)).unwrap();
    let r = quadra_stdin(root(), &["check", "-"], &bytes);
    assert_eq!(r.code, 0);
    assert_eq!(
        last_line(&r.stdout),
        "<stdin>: 0 errors, 45 warnings, 76 infos"
    );
    let cwd = root().display().to_string();
    assert_eq!(
        r.stderr,
        format!(
            "quadra: standard input has no folder: quadra.toml is looked for from the current directory {cwd}\n\
             quadra: config: no quadra.toml in the report's folder or its parents (up to the repository root); built-in rules\n\
             quadra: links: standard input has no name, so no link file is looked for (give --links FILE); vincolo groups are inferred\n"
        )
    );
    // With --links, standard input is checked as the file is.
    let r = quadra_stdin(root(), &["check", "-", "--links", LINKS], &bytes);
    assert_eq!(r.code, 1);
    assert_eq!(
        last_line(&r.stdout),
        "<stdin>: 3 errors, 42 warnings, 76 infos"
    );
    assert!(r
        .stderr
        .contains(&format!("quadra: links: {LINKS} (given with --links)\n")));
    // The project file of the current directory applies to standard input.
    let d = tempdir("stdin-project");
    std::fs::write(
        d.join("quadra.toml"),
        "[rules.forecast-change]\nenabled = false\n",
    )
    .unwrap();
    let r = quadra_stdin(&d, &["check", "-"], &bytes);
    assert_eq!(r.code, 0);
    assert_eq!(
        last_line(&r.stdout),
        "<stdin>: 0 errors, 45 warnings, 34 infos"
    );
    assert!(
        r.stderr.contains("\nquadra: config: quadra.toml\n"),
        "{}",
        r.stderr
    );
}

#[test]
fn require_links_makes_a_missing_link_file_an_error() {
    let d = tempdir("require");
    std::fs::copy(root().join(REPORT), d.join("r.txt")).unwrap();
    let r = quadra_in(&d, &["check", "r.txt", "--require-links"]);
    assert_eq!(r.code, 2);
    assert_eq!(r.stdout, "");
    assert_eq!(
        r.stderr,
        "quadra: config: no quadra.toml in the report's folder or its parents (up to the repository root); built-in rules\n\
         quadra: no link file for r.txt (looked for r.links.toml and rules/r.links.toml from . up to /), and --require-links is given\n  \
         help: write one (`quadra links suggest r.txt -o r.links.toml`, then review it), or name it with --links FILE\n"
    );
    // Found, or given: checked as usual.
    std::fs::create_dir_all(d.join("rules")).unwrap();
    std::fs::copy(root().join(LINKS), d.join("rules/r.links.toml")).unwrap();
    let r = quadra_in(&d, &["check", "r.txt", "--require-links"]);
    assert_eq!(r.code, 1);
    assert_eq!(
        last_line(&r.stdout),
        "r.txt: 3 errors, 42 warnings, 76 infos"
    );
    let r = quadra_in(root(), &["check", REPORT, "--require-links"]);
    assert_eq!(r.code, 1);
    let r = quadra_in(root(), &["check", REPORT, "--require-links", "--no-config"]);
    assert_eq!(r.code, 2);
    assert!(r
        .stderr
        .contains("quadra: --no-config looks for no link file, and --require-links is given\n"));
    let bytes = std::fs::read(root().join(REPORT)).unwrap();
    let r = quadra_stdin(root(), &["check", "-", "--require-links"], &bytes);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains(
        "quadra: standard input has no name, so no link file can be found for it, and --require-links is given\n  help: name the link file with --links FILE\n"
    ));
    // In Italian too.
    let r = quadra_in(
        &d,
        &[
            "--lang",
            "it",
            "check",
            "r.txt",
            "--require-links",
            "--no-config",
        ],
    );
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains(
        "quadra: --no-config non cerca alcun file di collegamento, ed è dato --require-links\n  nota: indicare il file di collegamento con --links FILE\n"
    ), "{}", r.stderr);
}

#[test]
fn reports_of_different_projects_are_not_checked_together() {
    let a = tempdir("project-a");
    std::fs::write(a.join("quadra.toml"), "").unwrap();
    std::fs::copy(root().join(REPORT), a.join("r.txt")).unwrap();
    let r = quadra_in(
        root(),
        &["check", a.join("r.txt").to_str().unwrap(), REPORT],
    );
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr,
        format!(
            "quadra: {} ({}) and {REPORT} (no quadra.toml) belong to different projects: check them in separate runs\n",
            a.join("r.txt").display(),
            a.join("quadra.toml").display()
        )
    );
}

#[test]
fn a_closed_pipe_ends_the_run_quietly_with_its_exit_status() {
    for (args, code) in [
        (vec!["check", REPORT], 1),
        (vec!["check", REPORT, "--no-config"], 0),
        (vec!["check", REPORT, "--format", "json"], 1),
        (vec!["parse", REPORT], 0),
        (vec!["export", REPORT], 0),
        (vec!["rules"], 0),
        (vec!["generate", "--direzioni", "50"], 0),
    ] {
        let mut c = Command::new(env!("CARGO_BIN_EXE_quadra"))
            .args(&args)
            .current_dir(root())
            .env("NO_COLOR", "1")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut out = BufReader::new(c.stdout.take().unwrap());
        let mut first = String::new();
        out.read_line(&mut first).unwrap();
        assert!(!first.is_empty(), "{args:?}");
        // The reader goes away after one line, as `| head -1` does.
        drop(out);
        let end = c.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&end.stderr);
        assert_eq!(end.status.code(), Some(code), "{args:?}: {stderr}");
        assert!(!stderr.contains("Broken pipe"), "{args:?}: {stderr}");
        assert!(!stderr.contains("cannot write"), "{args:?}: {stderr}");
    }
}

#[test]
fn a_closed_pipe_on_standard_error_too_ends_the_run_with_its_exit_status() {
    // `2>&1 | head -1`: the first line read, then both streams are a closed pipe.
    for (args, code) in [
        ("check reports/milano-2022-dir07-welfare-e-salute.txt", "1"),
        ("check reports fixtures/rules --no-config", "1"),
        ("check no/such/file.txt", "2"),
    ] {
        let out = Command::new("bash")
            .args([
                "-c",
                &format!(
                    "\"$QUADRA\" {args} 2>&1 | head -1 >/dev/null; echo \"${{PIPESTATUS[0]}}\""
                ),
            ])
            .current_dir(root())
            .env("QUADRA", env!("CARGO_BIN_EXE_quadra"))
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), code, "{args}");
    }
}

#[test]
fn generated_faults_are_described_in_words() {
    let r = quadra_in(
        root(),
        &[
            "generate",
            "--fault",
            "code",
            "--fault",
            "total",
            "-o",
            "/dev/null",
        ],
    );
    assert_eq!(r.code, 0);
    assert_eq!(
        r.stderr,
        "quadra: fault code: expect error pdc-titolo-mismatch at report 1, section 1.A, chapter 1064 22 0\n\
         quadra: fault total: expect error total-mismatch at report 1, section 1.A, Settore 57, total of group 05\n\
         quadra: fault total: expect error total-mismatch at report 1, section 1.A, total of Settore 57\n"
    );
    let r = quadra_in(
        root(),
        &[
            "--lang",
            "it",
            "generate",
            "--fault",
            "code",
            "--fault",
            "v-flag",
            "-o",
            "/dev/null",
        ],
    );
    assert_eq!(
        r.stderr,
        "quadra: guasto code: atteso errore pdc-titolo-mismatch in report 1, sezione 1.A, capitolo 1064 22 0\n\
         quadra: guasto v-flag: non c'è posto per esso in questo report\n"
    );
}

/// A folder holding the real report as `r.txt`, its link file and a
/// baseline of its 45 errors and warnings, none justified.
fn with_baseline(name: &str) -> PathBuf {
    let d = tempdir(name);
    std::fs::create_dir_all(d.join("rules")).unwrap();
    std::fs::copy(root().join(REPORT), d.join("r.txt")).unwrap();
    std::fs::copy(root().join(LINKS), d.join("rules/r.links.toml")).unwrap();
    let r = quadra_in(&d, &["check", "r.txt", "--write-baseline", "b.toml"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    d
}

#[test]
fn baseline_entries_without_a_justification_are_counted_or_denied() {
    let d = with_baseline("deny-empty");
    let summary = "r.txt: 0 errors, 0 warnings, 76 infos; 45 accepted in the baseline (hidden)";
    // By default: hidden, and counted in a warning; exit 0.
    let r = quadra_in(&d, &["check", "r.txt", "--baseline", "b.toml"]);
    assert_eq!(r.code, 0);
    assert_eq!(last_line(&r.stdout), summary);
    assert!(r.stderr.ends_with(
        "quadra: warning: 45 entries of the baseline b.toml have an empty justification (`--deny empty-justification` makes this an error)\n"
    ), "{}", r.stderr);
    // Denied: each entry is a located error of the baseline file; exit 1.
    let r = quadra_in(
        &d,
        &[
            "check",
            "r.txt",
            "--baseline",
            "b.toml",
            "--deny",
            "empty-justification",
        ],
    );
    assert_eq!(r.code, 1);
    assert_eq!(last_line(&r.stdout), summary);
    assert_eq!(
        r.stderr.matches("baseline::empty-justification").count(),
        45
    );
    assert!(r.stderr.contains("b.toml:13:1]"), "{}", r.stderr);
    // All 45 are shown (the list is cut at 50).
    assert!(!r.stderr.contains("more problem(s) not shown"));
    assert!(r.stderr.ends_with(
        "quadra: 45 entries of the baseline b.toml without a justification, and --deny empty-justification is given\n"
    ), "{}", r.stderr);
    // Justified (all but one): one error left; all: exit 0, no warning.
    let text = std::fs::read_to_string(d.join("b.toml")).unwrap();
    let text = text.replace(
        "justification = \"\"",
        "justification = \"delibera 12/2022\"",
    );
    let one_blank = text.replacen(
        "justification = \"delibera 12/2022\"",
        "justification = \"  \"",
        1,
    );
    std::fs::write(d.join("b.toml"), &one_blank).unwrap();
    let r = quadra_in(
        &d,
        &[
            "check",
            "r.txt",
            "--baseline",
            "b.toml",
            "--deny",
            "empty-justification",
        ],
    );
    assert_eq!(r.code, 1);
    assert_eq!(r.stderr.matches("baseline::empty-justification").count(), 1);
    std::fs::write(d.join("b.toml"), &text).unwrap();
    let r = quadra_in(
        &d,
        &[
            "check",
            "r.txt",
            "--baseline",
            "b.toml",
            "--deny",
            "empty-justification,stale",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(!r.stderr.contains("justification"), "{}", r.stderr);
    // In Italian.
    std::fs::write(d.join("b.toml"), &one_blank).unwrap();
    let r = quadra_in(
        &d,
        &["--lang", "it", "check", "r.txt", "--baseline", "b.toml"],
    );
    assert!(r.stderr.ends_with(
        "quadra: avvertenza: 1 voce della linea di base b.toml ha la motivazione vuota (`--deny empty-justification` ne fa un errore)\n"
    ), "{}", r.stderr);
}

#[test]
fn stale_baseline_entries_warn_or_are_denied() {
    let d = with_baseline("deny-stale");
    let mut text = std::fs::read_to_string(d.join("b.toml")).unwrap();
    text = text.replace("justification = \"\"", "justification = \"ok\"");
    text.push_str(
        "\n[[accepted]]\nrule = \"total-mismatch\"\nreport = \"2022 DIR07\"\nsubject = \"1.B|51|gone\"\njustification = \"ok\"\n",
    );
    std::fs::write(d.join("b.toml"), &text).unwrap();
    let r = quadra_in(&d, &["check", "r.txt", "--baseline", "b.toml"]);
    assert_eq!(r.code, 0);
    assert!(r.stderr.contains("⚠ stale baseline entry"), "{}", r.stderr);
    let r = quadra_in(
        &d,
        &["check", "r.txt", "--baseline", "b.toml", "--deny", "stale"],
    );
    assert_eq!(r.code, 1);
    assert!(
        r.stderr
            .contains("× stale baseline entry: `total-mismatch` on `1.B|51|gone`"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .ends_with("quadra: 1 stale entry in the baseline b.toml, and --deny stale is given\n"),
        "{}",
        r.stderr
    );
    // `--deny warnings` alone leaves stale entries a warning.
    let r = quadra_in(
        &d,
        &[
            "check",
            "r.txt",
            "--baseline",
            "b.toml",
            "--deny",
            "warnings",
        ],
    );
    assert_eq!(r.code, 0);
    // Pruned, nothing stale is left to deny.
    let r = quadra_in(
        &d,
        &[
            "check",
            "r.txt",
            "--baseline",
            "b.toml",
            "--prune",
            "--deny",
            "stale",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = quadra_in(
        &d,
        &["check", "r.txt", "--baseline", "b.toml", "--deny", "stale"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
}

#[test]
fn a_pdf_is_told_what_text_quadra_reads() {
    let d = tempdir("pdf");
    let mut pdf = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n".to_vec();
    pdf.extend_from_slice(&[0, 1, 2, 3]);
    std::fs::write(d.join("report.pdf"), &pdf).unwrap();
    let r = quadra_in(&d, &["check", "report.pdf", "--no-config"]);
    assert_eq!(r.code, 2);
    assert_eq!(r.stdout, "");
    assert!(
        r.stderr
            .contains("× the file is a PDF, not the text of the report"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("report.pdf:1:1]"), "{}", r.stderr);
    assert!(r.stderr.contains("a PDF starts here"), "{}", r.stderr);
    let help: String = r
        .stderr
        .split_once("help: ")
        .unwrap()
        .1
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(help.starts_with(
        "quadra reads the report's text as extracted from its PDF in reading order, as the sample \
         reports/milano-2022-dir07-welfare-e-salute.txt was made: one text line per line"
    ), "{help}");
    assert!(!r.stderr.contains("pdftotext"), "{}", r.stderr);
    let r = quadra_in(&d, &["--lang", "it", "parse", "report.pdf"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("× il file è un PDF, non il testo del report"),
        "{}",
        r.stderr
    );
}

#[test]
fn misspelled_placeholders_fields_and_columns_get_a_did_you_mean() {
    let d = tempdir("did-you-mean");
    std::fs::write(
        d.join("x.toml"),
        "[rules.grandi]\nkind = \"row-predicate\"\nseverity = \"warning\"\nsummary = \"big\"\n\
         select = { section = \"1.B\" }\nwhen = \"prevsione >= 10\"\nmessage = \"{key} {descrzione}\"\n\n\
         [rules.somma]\nkind = \"aggregate\"\nsummary = \"sum\"\nseverity = \"warning\"\n\
         left = { section = \"1.B\", vincolato = true }\nright = { section = \"1.A\", vincolato = true }\n\
         op = \"<=\"\ncolumns = [\"previsone\"]\nmessage = \"{lefft}\"\n",
    )
    .unwrap();
    let r = quadra_in(&d, &["rules", "--rules", "x.toml"]);
    assert_eq!(r.code, 2);
    let helps: Vec<String> = r
        .stderr
        .split("  help: ")
        .skip(1)
        .map(|h| {
            let h = h.split("\nconfig::").next().unwrap();
            let h = h.split("\nquadra:").next().unwrap();
            h.split_whitespace().collect::<Vec<_>>().join(" ")
        })
        .collect();
    assert_eq!(helps.len(), 4, "{}", r.stderr);
    assert!(
        helps[0].starts_with("did you mean `previsione`? a condition can use"),
        "{}",
        helps[0]
    );
    assert!(
        helps[1]
            .starts_with("did you mean `{descrizione}`? this template can use: key, descrizione,"),
        "{}",
        helps[1]
    );
    assert!(
        helps[2].starts_with("did you mean `previsione`? columns: previsione,"),
        "{}",
        helps[2]
    );
    assert!(
        helps[3].starts_with("did you mean `{left}`? this template can use: group, column, left,"),
        "{}",
        helps[3]
    );
    assert!(r.stderr.contains("x.toml:7:18]"), "{}", r.stderr);
    // Nothing close: the list alone.
    std::fs::write(
        d.join("y.toml"),
        "[rules.grandi]\nkind = \"row-predicate\"\nseverity = \"warning\"\nsummary = \"big\"\n\
         when = \"previsione >= 10\"\nmessage = \"{zzzzzzzz}\"\n",
    )
    .unwrap();
    let r = quadra_in(&d, &["--lang", "it", "rules", "--rules", "y.toml"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("nota: questo modello può usare: key,"),
        "{}",
        r.stderr
    );
    std::fs::write(
        d.join("y.toml"),
        "[rules.grandi]\nkind = \"row-predicate\"\nseverity = \"warning\"\nsummary = \"big\"\n\
         when = \"previsione >= 10\"\nmessage = \"{descrzione}\"\n",
    )
    .unwrap();
    let r = quadra_in(&d, &["--lang", "it", "rules", "--rules", "y.toml"]);
    assert!(
        r.stderr
            .contains("nota: forse `{descrizione}`? questo modello può usare:"),
        "{}",
        r.stderr
    );
}

#[test]
fn report_takes_a_folder_one_page_per_report_and_an_index() {
    let d = tempdir("report-folder");
    let src = d.join("reports");
    std::fs::create_dir_all(src.join("old")).unwrap();
    std::fs::copy(root().join(REPORT), src.join("a.txt")).unwrap();
    std::fs::copy(
        root().join("fixtures/rules/total-mismatch.txt"),
        src.join("old/b.txt"),
    )
    .unwrap();
    std::fs::copy(
        root().join("fixtures/rules/all-zero.clean.txt"),
        src.join("old/a.txt"),
    )
    .unwrap();
    let r = quadra_in(&d, &["report", "reports", "-o", "out", "--no-config"]);
    // The real report has no error without its link file; total-mismatch.txt has one.
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(r.stdout, "");
    assert!(
        r.stderr
            .ends_with("quadra: wrote 3 pages and index.html in out\n"),
        "{}",
        r.stderr
    );
    let mut files: Vec<String> = std::fs::read_dir(d.join("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    // Two reports named a.txt: the second page is numbered.
    assert_eq!(files, ["a-2.html", "a.html", "b.html", "index.html"]);
    let index = std::fs::read_to_string(d.join("out/index.html")).unwrap();
    assert!(index.contains("<title>quadra: audit reports of 3 files</title>"));
    assert!(index.contains("<tr><td><a href=\"a.html\">reports/a.txt</a></td><td class=\"n\">0</td><td class=\"n\">45</td><td class=\"n\">76</td><td class=\"n\">0</td></tr>"), "{index}");
    assert!(
        index.contains("<a href=\"a-2.html\">reports/old/a.txt</a>"),
        "{index}"
    );
    assert!(
        index.contains("<a href=\"b.html\">reports/old/b.txt</a></td><td class=\"n\">1</td>"),
        "{index}"
    );
    let a = std::fs::read_to_string(d.join("out/a.html")).unwrap();
    assert!(a.starts_with("<!DOCTYPE html>"));
    assert!(a.contains("reports/a.txt"));
    // Markdown to one document, pages one after another.
    let r = quadra_in(&d, &["report", "reports", "--format", "md", "--no-config"]);
    assert_eq!(r.code, 1);
    assert_eq!(r.stdout.matches("\n---\n\n# ").count(), 2, "{}", r.stdout);
    assert!(
        r.stdout.starts_with("# Audit report: reports/a.txt\n"),
        "{}",
        &r.stdout[..80]
    );
    // HTML needs a folder; XLSX takes one report.
    let r = quadra_in(&d, &["report", "reports", "-o", "all.html", "--no-config"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .starts_with("quadra: several reports make several pages: give -o DIR"),
        "{}",
        r.stderr
    );
    let r = quadra_in(
        &d,
        &[
            "report",
            "reports",
            "--format",
            "xlsx",
            "-o",
            "x",
            "--no-config",
        ],
    );
    assert_eq!(r.code, 2);
    // One file: one page, as before.
    let r = quadra_in(
        &d,
        &["report", "reports/a.txt", "--format", "md", "--no-config"],
    );
    assert_eq!(r.code, 0);
    assert!(!r.stdout.contains("\n---\n\n# "));
}

#[test]
fn json_and_sarif_say_which_files_the_run_used() {
    let d = tempdir("machine");
    std::fs::create_dir_all(d.join("reports")).unwrap();
    std::fs::create_dir_all(d.join("rules")).unwrap();
    std::fs::copy(root().join(REPORT), d.join("reports/a.txt")).unwrap();
    std::fs::copy(root().join(REPORT), d.join("reports/b.txt")).unwrap();
    std::fs::copy(root().join(LINKS), d.join("rules/a.links.toml")).unwrap();
    std::fs::write(d.join("quadra.toml"), "[rules.all-zero]\nenabled = false\n").unwrap();
    std::fs::write(d.join("ci.toml"), "").unwrap();
    let expected = serde_json::json!({
        "config": "quadra.toml",
        "rules": ["built-in", "quadra.toml", "ci.toml"],
        "links": [
            { "path": "reports/a.txt", "links": "rules/a.links.toml", "how": "found" },
            { "path": "reports/b.txt", "links": null, "how": "none" },
        ],
    });
    let args = ["check", "reports", "--rules", "ci.toml", "--format"];
    let r = quadra_in(&d, &[&args[..], &["json"]].concat());
    assert_eq!(r.code, 1);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["configuration"], expected);
    // The last field of the document, after the summary.
    let keys: Vec<&String> = v.as_object().unwrap().keys().collect();
    assert!(
        r.stdout.trim_end().ends_with("]\n  }\n}"),
        "{}",
        &r.stdout[r.stdout.len() - 60..]
    );
    assert!(keys.contains(&&"configuration".to_string()));
    let r = quadra_in(&d, &[&args[..], &["sarif"]].concat());
    assert_eq!(r.code, 1);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["runs"][0]["properties"]["configuration"], expected);
    assert_eq!(v["runs"][0]["tool"]["driver"]["name"], "quadra");
    // Given with --links; not looked for with --no-config.
    let r = quadra_in(
        &d,
        &[
            "check",
            "reports/b.txt",
            "--links",
            "rules/a.links.toml",
            "--format",
            "json",
        ],
    );
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(
        v["configuration"]["links"],
        serde_json::json!([{ "path": "reports/b.txt", "links": "rules/a.links.toml", "how": "given" }])
    );
    let r = quadra_in(
        &d,
        &["check", "reports/b.txt", "--no-config", "--format", "json"],
    );
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(
        v["configuration"],
        serde_json::json!({
            "config": null,
            "rules": ["built-in"],
            "links": [{ "path": "reports/b.txt", "links": null, "how": "not-looked-for" }],
        })
    );
}

#[test]
fn a_misspelled_table_column_gets_a_did_you_mean() {
    let d = tempdir("table-column");
    let t = std::fs::read_to_string(root().join("fixtures/tabelle/milano-ds397.csv")).unwrap();
    let (header, rest) = t.split_once('\n').unwrap();
    let header = header
        .replace("CAPITOLO", "CAPITOLLO")
        .replace("Centro di responsabilità", "Centro di responsabilita");
    std::fs::write(d.join("t.csv"), format!("{header}\n{rest}")).unwrap();
    let r = quadra_in(
        &d,
        &["check", "t.csv", "--no-config", "--profile", "milano-ds397"],
    );
    assert_eq!(r.code, 2);
    assert!(r.stderr.ends_with(
        "quadra: t.csv: the table has no column `capitolo` (profile `milano-ds397`, key `columns.capitolo`), which it needs to read chapters (did you mean the column `CAPITOLLO`?)\n"
    ), "{}", r.stderr);
    // An optional column: said, with the close one, and the table is read.
    let header = header.replace("CAPITOLLO", "CAPITOLO");
    std::fs::write(d.join("t.csv"), format!("{header}\n{rest}")).unwrap();
    let r = quadra_in(
        &d,
        &["check", "t.csv", "--no-config", "--profile", "milano-ds397"],
    );
    assert_ne!(r.code, 2, "{}", r.stderr);
    assert!(r.stdout.contains(
        "t.csv: column `centro di responsabilità` (profile key `columns.settore_nome`) is not in the table's header; that field is left empty (did you mean the column `Centro di responsabilita`?)"
    ), "{}", r.stdout);
}

#[test]
fn the_audit_report_records_the_link_file_found_from_the_report() {
    let elsewhere = tempdir("report-elsewhere");
    let report = root().canonicalize().unwrap().join(REPORT);
    let links = root().canonicalize().unwrap().join(LINKS);
    let r = quadra_in(
        &elsewhere,
        &["report", report.to_str().unwrap(), "--format", "md"],
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    let line = r
        .stdout
        .lines()
        .find(|l| l.starts_with("| Link file |"))
        .unwrap();
    assert!(
        line.starts_with(&format!("| Link file | {} (SHA-256 ", links.display())),
        "{line}"
    );
    // Without one: the groups are said to be inferred.
    let d = tempdir("report-no-links");
    std::fs::copy(root().join(REPORT), d.join("r.txt")).unwrap();
    let r = quadra_in(
        &elsewhere,
        &[
            "report",
            d.join("r.txt").to_str().unwrap(),
            "--format",
            "md",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let line = r
        .stdout
        .lines()
        .find(|l| l.starts_with("| Link file |"))
        .unwrap();
    assert_eq!(line, "| Link file | vincoli inferred, no link file |");
}
