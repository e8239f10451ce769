//! quadra in Italian: the language chosen by `--lang`, `quadra.toml` or the
//! locale; reviewed Italian snapshots of `check` on the real report; rule
//! ids, JSON keys, fingerprints, SARIF and baselines that do not depend on
//! the language.

use std::path::{Path, PathBuf};
use std::process::Command;

mod common;
use common::{quadra_in, root, Run};

const REPORT: &str = "reports/milano-2022-dir07-welfare-e-salute.txt";

fn quadra(args: &[&str]) -> Run {
    quadra_in(root(), args)
}

/// Run with these locale variables (and no others).
fn quadra_env(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut c = Command::new(env!("CARGO_BIN_EXE_quadra"));
    c.args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG");
    for (k, v) in env {
        c.env(k, v);
    }
    let out = c.output().expect("quadra runs");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn workspace(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("quadra-it-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn json(r: &Run) -> serde_json::Value {
    serde_json::from_str(&r.stdout).unwrap_or_else(|e| panic!("{e}: {}", r.stdout))
}

fn last_line(s: &str) -> &str {
    s.lines().last().unwrap_or("")
}

#[test]
fn check_of_the_real_report_in_italian() {
    let r = quadra(&["--lang", "it", "check", REPORT]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(
        last_line(&r.stdout),
        "reports/milano-2022-dir07-welfare-e-salute.txt: 3 errori, 42 avvertenze, 76 segnalazioni"
    );
    insta::assert_snapshot!(r.stdout);
}

#[test]
fn check_of_the_real_report_in_italian_json() {
    let r = quadra(&["check", REPORT, "--format", "json", "--lang", "it"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    insta::assert_snapshot!(r.stdout);
}

/// The audit report in Italian, a working paper: record of the check (date
/// fixed by SOURCE_DATE_EPOCH, hashes), checks performed, largest findings,
/// findings, vincoli, missioni, accepted findings, notes and signature.
#[test]
fn report_of_the_real_report_in_italian_markdown() {
    let out = Command::new(env!("CARGO_BIN_EXE_quadra"))
        .args(["--lang", "it", "report", REPORT, "--format", "md"])
        .current_dir(root())
        .env("SOURCE_DATE_EPOCH", "1669852800")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.starts_with(
        "# Carta di lavoro del revisore: reports/milano-2022-dir07-welfare-e-salute.txt\n\n\
         Controllato con quadra 0.1.0 · 3 errori, 42 avvertenze, 76 segnalazioni\n"
    ));
    assert!(md.contains("| Data del controllo | 01/12/2022 |\n"));
    // The built-in rule set's hash changes with every edit of rules/default.toml.
    let h = quadra::rapporto::carta::sha256(quadra::config::DEFAULT_RULES.as_bytes());
    assert_eq!(md.matches(&h).count(), 1);
    let md = md.replace(&h, "[SHA-256 of rules/default.toml]");
    insta::assert_snapshot!(md);
}

/// In the HTML page, amounts are named by their column, never by their code name.
#[test]
fn report_html_names_amounts_by_column() {
    let r = quadra(&["--lang", "it", "report", REPORT]);
    assert_eq!(r.code, 1);
    assert_eq!(
        r.stdout
            .matches("<tr><td>PREVISIONE 2021, entrate</td>")
            .count(),
        5
    );
    assert_eq!(
        r.stdout
            .matches("<tr><td>PREVISIONE 2022, dichiarato</td>")
            .count(),
        0
    );
    assert!(!r.stdout.contains("previsione_precedente_revenue"));
    assert!(r.stdout.starts_with("<!DOCTYPE html>\n<html lang=\"it\">"));
}

/// The JSON of both languages differs only in the texts people read.
#[test]
fn json_keys_rules_and_fingerprints_do_not_depend_on_the_language() {
    let it = json(&quadra(&[
        "--lang", "it", "check", REPORT, "--format", "json",
    ]));
    let en = json(&quadra(&[
        "--lang", "en", "check", REPORT, "--format", "json",
    ]));
    let testi = |mut v: serde_json::Value| {
        for d in v["files"][0]["diagnostics"].as_array_mut().unwrap() {
            for k in ["message", "label", "help"] {
                d[k] = serde_json::Value::Null;
            }
            for r in d["related"].as_array_mut().unwrap() {
                r["message"] = serde_json::Value::Null;
            }
        }
        v
    };
    let (di, de) = (
        &it["files"][0]["diagnostics"],
        &en["files"][0]["diagnostics"],
    );
    assert_eq!(di.as_array().unwrap().len(), 121);
    assert_ne!(di[0]["message"], de[0]["message"]);
    assert_eq!(testi(it), testi(en));
}

#[test]
fn sarif_says_its_language_and_keeps_its_fingerprints() {
    let run = |l: &str| {
        json(&quadra(&[
            "--lang", l, "check", REPORT, "--format", "sarif",
        ]))
    };
    let (it, en) = (run("it"), run("en"));
    assert_eq!(it["runs"][0]["language"], "it");
    assert_eq!(en["runs"][0]["language"], "en");
    let ids = |v: &serde_json::Value| -> Vec<(String, String)> {
        v["runs"][0]["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                (
                    r["ruleId"].as_str().unwrap().to_string(),
                    r["partialFingerprints"]["quadraFinding/v1"]
                        .as_str()
                        .unwrap()
                        .to_string(),
                )
            })
            .collect()
    };
    assert_eq!(ids(&it).len(), 121);
    assert_eq!(ids(&it), ids(&en));
}

#[test]
fn the_language_comes_from_the_flag_then_quadra_toml_then_the_locale() {
    let d = workspace("choice");
    std::fs::copy(root().join(REPORT), d.join("r.txt")).unwrap();
    let summary = |r: &Run| last_line(&r.stdout).to_string();
    let it = "r.txt: 0 errori, 45 avvertenze, 76 segnalazioni";
    let en = "r.txt: 0 errors, 45 warnings, 76 infos";
    let check = ["check", "r.txt"];
    // No project file: the locale, POSIX order, `it*` is Italian.
    assert_eq!(summary(&quadra_env(&d, &check, &[])), en);
    assert_eq!(
        summary(&quadra_env(&d, &check, &[("LANG", "it_IT.UTF-8")])),
        it
    );
    let c_first = [("LC_ALL", "C"), ("LANG", "it_IT.UTF-8")];
    assert_eq!(summary(&quadra_env(&d, &check, &c_first)), en);
    let messages = [("LC_MESSAGES", "it_CH"), ("LANG", "en_GB")];
    assert_eq!(summary(&quadra_env(&d, &check, &messages)), it);
    // The flag wins over the locale.
    let flag_en = ["--lang", "en", "check", "r.txt"];
    assert_eq!(summary(&quadra_env(&d, &flag_en, &[("LANG", "it_IT")])), en);
    // The project file wins over the locale; --no-config ignores it; the flag wins over it.
    std::fs::write(d.join("quadra.toml"), "lang = \"it\"\n").unwrap();
    assert_eq!(summary(&quadra_env(&d, &check, &[("LANG", "en_US")])), it);
    let no_config = ["check", "r.txt", "--no-config"];
    assert_eq!(summary(&quadra_env(&d, &no_config, &[])), en);
    assert_eq!(summary(&quadra_env(&d, &flag_en, &[])), en);
    // A language quadra does not speak is a located error of the project file.
    std::fs::write(d.join("quadra.toml"), "lang = \"fr\"\n").unwrap();
    let r = quadra_env(&d, &check, &[]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("unknown language"), "{}", r.stderr);
    assert!(r.stderr.contains("quadra.toml:1:8]"), "{}", r.stderr);
}

/// A baseline written in one language hides the same findings in the other,
/// parse problems (findings without amounts, matched by their message's
/// identity) included.
#[test]
fn a_baseline_written_in_one_language_matches_in_the_other() {
    let d = workspace("baseline");
    std::fs::copy(root().join(REPORT), d.join("r.txt")).unwrap();
    std::fs::copy(
        root().join("fixtures/broken-malformed-amount.txt"),
        d.join("rotto.txt"),
    )
    .unwrap();
    for (scrive, legge, atteso) in [
        (
            "en",
            "it",
            "r.txt: 0 errori, 0 avvertenze, 76 segnalazioni; 45 rilievi accettati nella linea di base (nascosti)",
        ),
        (
            "it",
            "en",
            "r.txt: 0 errors, 0 warnings, 76 infos; 45 accepted in the baseline (hidden)",
        ),
    ] {
        let w = quadra_in(
            &d,
            &["--lang", scrive, "check", "r.txt", "--no-config", "--write-baseline", "b.toml"],
        );
        assert_eq!(w.code, 0, "{}", w.stderr);
        let r = quadra_in(
            &d,
            &["--lang", legge, "check", "r.txt", "--no-config", "--baseline", "b.toml"],
        );
        assert_eq!(r.code, 0, "{}", r.stderr);
        assert_eq!(last_line(&r.stdout), atteso);
        // The audit report lists the 45 accepted findings with their justifications.
        let md = quadra_in(
            &d,
            &["--lang", legge, "report", "r.txt", "--no-config", "--baseline", "b.toml", "--format", "md"],
        );
        let dopo = md.stdout.split("| Justification |").nth(1).unwrap_or_default().to_string()
            + md.stdout.split("| Motivazione |").nth(1).unwrap_or_default();
        let righe = dopo.lines().skip(2).take_while(|l| l.starts_with("| `")).count();
        assert_eq!(righe, 45, "{}", md.stdout);
        // Parse problems have no amounts: their identity is matched.
        let w = quadra_in(
            &d,
            &["--lang", scrive, "check", "rotto.txt", "--no-config", "--write-baseline", "p.toml"],
        );
        assert_eq!(w.code, 0, "{}", w.stderr);
        let testo = std::fs::read_to_string(d.join("p.toml")).unwrap();
        assert!(
            testo.contains("identity = \"parse-malformed|text=1.23,4\"\n"),
            "{testo}"
        );
        let r = quadra_in(
            &d,
            &["--lang", legge, "check", "rotto.txt", "--no-config", "--baseline", "p.toml"],
        );
        assert_eq!(r.code, 0, "{}", r.stdout);
        assert!(!r.stdout.contains("malformed"), "{}", r.stdout);
        assert!(!r.stdout.contains("malformato"), "{}", r.stdout);
    }
}

/// A rule file gives its texts per language; a placeholder one language
/// lacks is a located error, whatever the language of the run.
#[test]
fn rule_texts_per_language_and_their_placeholders() {
    let d = workspace("rules");
    std::fs::copy(root().join(REPORT), d.join("r.txt")).unwrap();
    let regola = "[rules.grandi]\n\
        kind = \"row-predicate\"\n\
        severity = \"warning\"\n\
        summary.it = \"capitoli grandi\"\n\
        summary.en = \"big chapters\"\n\
        params = { soglia = 30_000_000 }\n\
        select = { section = \"1.B\" }\n\
        when = \"previsione >= soglia\"\n\
        message.it = \"capitolo {key}: previsione {previsione} (soglia {soglia})\"\n\
        message.en = \"chapter {key}: forecast {previsione} (threshold {soglia})\"\n";
    std::fs::write(d.join("r.toml"), regola).unwrap();
    let run = |l: &str| {
        json(&quadra_in(
            &d,
            &[
                "--lang",
                l,
                "check",
                "r.txt",
                "--no-config",
                "--rules",
                "r.toml",
                "--format",
                "json",
            ],
        ))
    };
    let primo = |v: &serde_json::Value, campo: &str| {
        v["files"][0]["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["rule"] == "grandi")
            .map(|x| x[campo].as_str().unwrap().to_string())
            .unwrap()
    };
    let (it, en) = (run("it"), run("en"));
    assert_eq!(
        primo(&it, "message"),
        "capitolo 3613 6 0: previsione 31.000.000,00 (soglia 30.000.000)"
    );
    assert_eq!(primo(&it, "label"), "capitoli grandi");
    assert_eq!(
        primo(&en, "message"),
        "chapter 3613 6 0: forecast 31.000.000,00 (threshold 30.000.000)"
    );
    assert_eq!(primo(&en, "label"), "big chapters");

    let manca = regola.replace(" (soglia {soglia})", "");
    std::fs::write(d.join("r.toml"), manca).unwrap();
    for l in ["it", "en"] {
        let r = quadra_in(&d, &["--lang", l, "check", "r.txt", "--rules", "r.toml"]);
        assert_eq!(r.code, 2, "{}", r.stdout);
        assert!(
            r.stderr
                .contains("the `it` form lacks the placeholder `{soglia}` of the `en` form"),
            "{}",
            r.stderr
        );
        assert!(r.stderr.contains("r.toml:9:14"), "{}", r.stderr);
    }
    let solo = regola.replace("summary.en = \"big chapters\"\n", "");
    std::fs::write(d.join("r.toml"), solo).unwrap();
    let r = quadra_in(&d, &["check", "r.txt", "--rules", "r.toml"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("this text has no `en` form"),
        "{}",
        r.stderr
    );
}
