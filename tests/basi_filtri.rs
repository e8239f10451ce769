//! Issue 15, items 2 and 4: findings carry their basis (the document's
//! figures, or a grouping of chapters with its confidence), a declared `low`
//! group is attenuated unless its link file says otherwise, one filter
//! (`--min-severity`, `--rule`, `--chapter`) applies to every format and to
//! the exit code, and the human output is grouped, summarised and wrapped.

mod common;

use std::io::Cursor;
use std::path::PathBuf;

use calamine::{open_workbook_auto_from_rs, Reader};
use common::{quadra_in, root, Run};
use serde_json::{json, Value};

const REPORT: &str = "reports/milano-2022-dir07-welfare-e-salute.txt";
const LINKS: &str = "rules/milano-2022-dir07-welfare-e-salute.links.toml";
const G2: &str = "name = \"G2 TRASFERIMENTI STATALI - DECRETO POVERTA' ESTREME\"\n";
const G3: &str = "name = \"G3 TRASFERIMENTI DA AMMINISTRAZIONI CENTRALI - PROGETTI UE\"\n";

fn quadra(args: &[&str]) -> Run {
    quadra_in(root(), args)
}

fn json_of(r: &Run) -> Value {
    serde_json::from_str(&r.stdout).unwrap_or_else(|e| panic!("{e}: {}", r.stdout))
}

fn diagnostics(v: &Value) -> Vec<Value> {
    v["files"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| f["diagnostics"].as_array().unwrap().clone())
        .collect()
}

fn tmp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("quadra-basi-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// The reviewed link file with `extra` written after the name of a group.
fn links_with(dir: &std::path::Path, after: &str, extra: &str) -> PathBuf {
    let t = std::fs::read_to_string(root().join(LINKS)).unwrap();
    assert!(t.contains(after));
    let p = dir.join("links.toml");
    std::fs::write(&p, t.replacen(after, &format!("{after}{extra}"), 1)).unwrap();
    p
}

#[test]
fn json_says_the_basis_of_every_finding_and_counts_them_apart() {
    let v = json_of(&quadra(&["check", REPORT, "--format", "json"]));
    assert_eq!(v["version"], 2);
    assert_eq!(
        v["summary"],
        json!({"errors": 3, "warnings": 42, "infos": 76})
    );
    assert_eq!(
        v["by_basis"],
        json!({"document": {"errors": 0, "warnings": 2, "infos": 68},
            "grouping": {"errors": 3, "warnings": 40, "infos": 8}})
    );
    let d = diagnostics(&v);
    let of = |rule: &str| -> Vec<&Value> { d.iter().filter(|x| x["rule"] == rule).collect() };
    for x in of("forecast-change")
        .into_iter()
        .chain(of("vincolate-coverage"))
        .chain(of("vincolo-flag-mismatch"))
    {
        assert_eq!(x["basis"], "document", "{x}");
        assert!(x.get("grouping").is_none(), "{x}");
    }
    let unmatched = of("vincolo-unmatched-spending");
    assert_eq!(unmatched.len(), 22);
    for x in unmatched {
        assert_eq!(x["basis"], "grouping");
        assert_eq!(x["grouping"], json!({"source": "none", "confidence": null}));
    }
    // G2, declared `low`: attenuated one step (over: error -> warning).
    let g2: Vec<&Value> = of("vincolo-unbalanced")
        .into_iter()
        .filter(|x| x["line"] == 24)
        .collect();
    assert_eq!(g2.len(), 2);
    assert_eq!(g2[0]["severity"], "warning");
    assert_eq!(g2[1]["severity"], "info");
    for x in &g2 {
        assert_eq!(x["basis"], "grouping");
        assert_eq!(
            x["grouping"],
            json!({"source": "declared", "confidence": "low"})
        );
        assert!(x["message"]
            .as_str()
            .unwrap()
            .ends_with("[group declared with confidence low: one severity step lower]"));
    }
    // Related locations name every amount by its column.
    assert_eq!(
        g2[0]["related"][0]["message"],
        "revenue 38 15 9 (PREVISIONE 2022 8.346.600,00, PREVISIONE 2021 2.100.000,00, RENDICONTO 2021 170.401,22)"
    );
    // Parse diagnostics rest on the document.
    let p = json_of(&quadra(&[
        "check",
        "--no-config",
        "fixtures/broken-malformed-amount.txt",
        "--format",
        "json",
    ]));
    let pd = diagnostics(&p);
    let parse: Vec<&Value> = pd
        .iter()
        .filter(|x| x["rule"].as_str().unwrap().starts_with("parse::"))
        .collect();
    assert_eq!(parse.len(), 1);
    assert_eq!(parse[0]["rule"], "parse::malformed-amount");
    assert_eq!(parse[0]["basis"], "document");
}

#[test]
fn inferred_groups_say_so_in_their_basis() {
    let v = json_of(&quadra(&[
        "check",
        REPORT,
        "--no-config",
        "--format",
        "json",
    ]));
    let d = diagnostics(&v);
    let unb: Vec<&Value> = d
        .iter()
        .filter(|x| x["rule"] == "vincolo-unbalanced")
        .collect();
    assert_eq!(unb.len(), 18);
    assert!(unb.iter().all(|x| x["grouping"]["source"] == "inferred"));
    assert!(unb.iter().all(
        |x| ["high", "medium", "low"].contains(&x["grouping"]["confidence"].as_str().unwrap())
    ));
    assert_eq!(
        v["by_basis"]["document"],
        json!({"errors": 0, "warnings": 2, "infos": 68})
    );
}

#[test]
fn sarif_and_github_carry_the_basis() {
    let s = json_of(&quadra(&["check", REPORT, "--format", "sarif"]));
    let results = s["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 121);
    let grouping = results
        .iter()
        .filter(|r| r["properties"]["basis"] == "grouping")
        .count();
    assert_eq!(grouping, 51);
    let first = results
        .iter()
        .find(|r| r["ruleId"] == "vincolo-unbalanced")
        .unwrap();
    assert_eq!(
        first["properties"]["grouping"],
        json!({"source": "declared", "confidence": "low"})
    );
    let g = quadra(&["check", REPORT, "--format", "github"]);
    let lines: Vec<&str> = g.stdout.lines().collect();
    assert_eq!(
        lines
            .iter()
            .filter(|l| l.contains(",title=vincolo-unbalanced (grouping)::"))
            .count(),
        12
    );
    assert_eq!(
        lines
            .iter()
            .filter(|l| l.contains(",title=vincolate-coverage::"))
            .count(),
        1
    );
}

#[test]
fn human_summary_counts_facts_apart_from_hypotheses() {
    let r = quadra(&["check", REPORT]);
    assert_eq!(r.code, 1);
    assert!(
        r.stdout.ends_with(&format!(
            "{REPORT}: of the errors and warnings, 2 on the document's\n  figures (facts), 43 on vincolo groupings (hypotheses)\n{REPORT}: 3 errors, 42 warnings, 76 infos\n"
        )),
        "{}",
        &r.stdout[r.stdout.len() - 300..]
    );
    let it = quadra(&["--lang", "it", "check", REPORT, "--width", "200"]);
    assert!(it.stdout.ends_with(&format!(
        "{REPORT}: degli errori e delle avvertenze, 2 sulle cifre del documento (fatti), 43 sui raggruppamenti dei vincoli (ipotesi)\n{REPORT}: 3 errori, 42 avvertenze, 76 segnalazioni\n"
    )), "{}", &it.stdout[it.stdout.len() - 300..]);
    // Nothing on a grouping: no such line.
    let t = quadra(&["check", "--no-config", "fixtures/rules/total-mismatch.txt"]);
    assert!(
        t.stdout
            .ends_with("\nfixtures/rules/total-mismatch.txt: 1 error, 0 warnings, 0 infos\n"),
        "{}",
        t.stdout
    );
    assert!(!t.stdout.contains("(facts)"));
}

#[test]
fn links_show_keeps_the_declared_confidence() {
    let r = quadra(&["links", "show", REPORT]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains(
        "\nG2 TRASFERIMENTI STATALI - DECRETO POVERTA' ESTREME (confidence declared, low: findings one severity step lower)\n"
    ), "{}", r.stdout);
    assert!(r.stdout.contains(
        "\nG1 TRASFERIMENTI DA AMMINISTRAZIONI CENTRALI PER L'IMMIGRAZIONE (confidence declared, high)\n"
    ));
    let v = json_of(&quadra(&["links", "show", REPORT, "--format", "json"]));
    let groups = v["reports"][0]["groups"].as_array().unwrap();
    let g2 = groups
        .iter()
        .find(|g| g["name"] == "G2 TRASFERIMENTI STATALI - DECRETO POVERTA' ESTREME")
        .unwrap();
    assert_eq!(g2["confidence"], "declared");
    assert_eq!(g2["declared_confidence"], "low");
    assert_eq!(g2["attenuated"], true);
    let count = |c: &str| {
        groups
            .iter()
            .filter(|g| g["declared_confidence"] == c)
            .count()
    };
    assert_eq!((count("high"), count("medium"), count("low")), (18, 5, 12));
    assert_eq!(
        groups.iter().filter(|g| g["attenuated"] == true).count(),
        12
    );
    // Inferred groups: no declared confidence.
    let w = json_of(&quadra(&[
        "links",
        "show",
        REPORT,
        "--no-config",
        "--format",
        "json",
    ]));
    assert!(w["reports"][0]["groups"]
        .as_array()
        .unwrap()
        .iter()
        .all(|g| g["declared_confidence"].is_null() && g["attenuated"] == true));
    let it = quadra(&["--lang", "it", "links", "show", REPORT]);
    assert!(it.stdout.contains(
        "\nG2 TRASFERIMENTI STATALI - DECRETO POVERTA' ESTREME (attendibilità dichiarata, bassa: rilievi di un livello di gravità più basso)\n"
    ), "{}", it.stdout);
}

#[test]
fn the_link_file_overrides_the_attenuation() {
    let dir = tmp("override");
    let summary = |links: &PathBuf| {
        let r = quadra(&[
            "check",
            REPORT,
            "--links",
            links.to_str().unwrap(),
            "--format",
            "json",
        ]);
        let v = json_of(&r);
        (
            v["summary"]["errors"].as_u64().unwrap(),
            v["summary"]["warnings"].as_u64().unwrap(),
            v["summary"]["infos"].as_u64().unwrap(),
            r.code,
        )
    };
    // G2 is `low`: `attenuate = false` gives its findings the rule's severity.
    let keep = links_with(&dir, G2, "attenuate = false\n");
    assert_eq!(summary(&keep), (4, 42, 75, 1));
    // G3 is `medium`: `attenuate = true` lowers them like a low group's.
    let lower = links_with(&dir, G3, "attenuate = true\n");
    assert_eq!(summary(&lower), (2, 43, 76, 1));
    // A wrong value is a located error, nothing is checked.
    let bad = links_with(&dir, G3, "attenuate = \"no\"\n");
    let r = quadra(&["check", REPORT, "--links", bad.to_str().unwrap()]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("true or false"), "{}", r.stderr);
    // A confidence that is not one is a located error too.
    let t = std::fs::read_to_string(root().join(LINKS)).unwrap();
    let bad = dir.join("bad.toml");
    std::fs::write(
        &bad,
        t.replacen("confidence = \"medium\"", "confidence = \"sure\"", 1),
    )
    .unwrap();
    let r = quadra(&["check", REPORT, "--links", bad.to_str().unwrap()]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("`sure` is not a confidence"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("bad.toml:"), "{}", r.stderr);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn filters_apply_to_every_format_and_to_the_exit_code() {
    let dir = tmp("filters");
    // --rule: only that rule, in every format; the exit code gates on it.
    let only = ["--rule", "forecast-change"];
    let run = |fmt: &str, extra: &[&str]| {
        let mut a = vec!["check", REPORT, "--format", fmt];
        a.extend(extra);
        quadra(&a)
    };
    let j = run("json", &only);
    assert_eq!(j.code, 0);
    let d = diagnostics(&json_of(&j));
    assert_eq!(d.len(), 42);
    assert!(d.iter().all(|x| x["rule"] == "forecast-change"));
    let s = json_of(&run("sarif", &only));
    assert_eq!(s["runs"][0]["results"].as_array().unwrap().len(), 42);
    // GitHub shows warnings and above unless told otherwise.
    assert_eq!(run("github", &only).stdout, "");
    let g = run(
        "github",
        &["--rule", "forecast-change", "--min-severity", "info"],
    );
    assert_eq!(g.stdout.lines().count(), 42);
    assert!(g.stdout.lines().all(|l| l.starts_with("::notice ")));
    let h = run("human", &["--rule", "forecast-change", "--width", "200"]);
    assert_eq!(h.code, 0);
    assert!(
        h.stdout.ends_with(&format!(
            "{REPORT}: 0 errors, 0 warnings, 42 infos; 79 not shown (filters)\n"
        )),
        "{}",
        h.stdout
    );
    let x = dir.join("f.xlsx");
    let r = run(
        "xlsx",
        &["--rule", "forecast-change", "-o", x.to_str().unwrap()],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let mut wb = open_workbook_auto_from_rs(Cursor::new(std::fs::read(&x).unwrap())).unwrap();
    assert_eq!(wb.worksheet_range("rilievi").unwrap().height(), 1 + 42);

    // --min-severity error: the three errors only; exit 1.
    let e = run("json", &["--min-severity", "error"]);
    assert_eq!(e.code, 1);
    let d = diagnostics(&json_of(&e));
    assert_eq!(d.len(), 3);
    assert!(d.iter().all(|x| x["severity"] == "error"));
    assert_eq!(
        json_of(&run("sarif", &["--min-severity", "error"]))["runs"][0]["results"]
            .as_array()
            .unwrap()
            .len(),
        3
    );
    assert_eq!(
        run("github", &["--min-severity", "error"])
            .stdout
            .lines()
            .count(),
        3
    );
    assert_eq!(run("github", &[]).stdout.lines().count(), 45);
    // --rule of a rule with errors fails; --rule without fails nothing.
    assert_eq!(run("human", &["--rule", "vincolo-unbalanced"]).code, 1);
    assert_eq!(run("human", &["--rule", "vincolo-unmatched-*"]).code, 0);
    assert_eq!(
        diagnostics(&json_of(&run("json", &["--rule", "vincolo-unmatched-*"]))).len(),
        31
    );

    // A misspelt --rule is a usage error, not a silent pass.
    let t = run("human", &["--rule", "total-mismatc"]);
    assert_eq!(t.code, 2);
    assert_eq!(t.stdout, "");
    // After the lines that say which configuration the run found.
    assert!(
        t.stderr.ends_with(
            "\nquadra: `--rule total-mismatc` matches no rule and no parse code (did you mean `total-mismatch`?); `quadra rules` lists them\n"
        ),
        "{}",
        t.stderr
    );
    assert_eq!(run("json", &["--rule", "parse::*"]).code, 0);
    assert_eq!(run("json", &["--rule", "nothing-*"]).code, 2);

    let t = run("human", &["--chapter", "3763-20-2"]);
    assert_eq!(t.code, 2);
    assert!(
        t.stderr.ends_with(
            "\nquadra: `--chapter 3763-20-2` is not a PEG key: write capitolo, articolo and sub-number (\"3763 20 2\"), or a glob (\"3763 *\")\n"
        ),
        "{}",
        t.stderr
    );
    assert_eq!(run("human", &["--chapter", ""]).code, 2);

    // --chapter: the chapter's own findings and those of its group.
    let c = json_of(&run("json", &["--chapter", "3763  46 0"]));
    let d = diagnostics(&c);
    assert_eq!(d.len(), 2);
    assert!(d
        .iter()
        .all(|x| x["rule"] == "vincolo-unbalanced" && x["line"] == 24));
    let c = json_of(&run("json", &["--chapter", "27 1 0"]));
    let rules: Vec<&str> = diagnostics(&c)
        .iter()
        .map(|x| x["rule"].as_str().unwrap().to_string())
        .map(|s| &*Box::leak(s.into_boxed_str()))
        .collect();
    assert_eq!(rules, ["forecast-change", "low-execution"]);
    assert_eq!(
        json_of(&run("sarif", &["--chapter", "27 1 0"]))["runs"][0]["results"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    let gh = run(
        "github",
        &["--chapter", "38 15 1", "--min-severity", "info"],
    );
    assert_eq!(gh.stdout.lines().count(), 2);
    assert!(gh.stdout.starts_with("::warning "));
    // Several filters at once must all hold.
    let both = json_of(&run(
        "json",
        &["--chapter", "3763 *", "--rule", "low-execution"],
    ));
    let d = diagnostics(&both);
    assert!(!d.is_empty());
    assert!(d
        .iter()
        .all(|x| x["rule"] == "low-execution" && x["key"].as_str().unwrap().starts_with("3763 ")));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn several_files_keep_their_filtered_table() {
    let r = quadra(&[
        "check",
        "--no-config",
        "--min-severity",
        "error",
        "fixtures/rules/total-mismatch.txt",
        "fixtures/rules/financed-without-v.txt",
    ]);
    assert_eq!(r.code, 1);
    let table: Vec<&str> = r.stdout.lines().rev().take(3).collect();
    assert_eq!(
        table[0].split_whitespace().collect::<Vec<_>>(),
        ["total", "1", "0", "0", "0"]
    );
}

#[test]
fn human_output_is_grouped_summarised_and_wrapped() {
    let r = quadra(&["check", REPORT]);
    let out = &r.stdout;
    // Severity, then rule.
    let heads: Vec<&str> = out
        .lines()
        .filter(|l| {
            l.starts_with("Errors:") || l.starts_with("Warnings:") || l.starts_with("Review aids")
        })
        .collect();
    assert_eq!(
        heads,
        [
            format!("Errors: 3 ({REPORT})"),
            format!("Warnings: 42 ({REPORT})"),
            format!("Review aids (info): 76 ({REPORT})")
        ]
    );
    assert!(out.contains("\nforecast-change: 42\n"));
    assert!(out.contains("\n  … and 37 more (--verbose shows all)\n"));
    assert!(out
        .contains("\nvincolo-unmatched-spending: 22 (vincolo groupings: hypotheses to confirm)\n"));
    // Every line but the quoted lines of the report (and miette's rules
    // under them) fits the width.
    let quoted = |l: &str| {
        let t = l.trim_start();
        t.starts_with('·')
            || t.split_once('│')
                .is_some_and(|(n, _)| n.trim().parse::<u32>().is_ok())
    };
    for l in out.lines().filter(|l| !quoted(l)) {
        assert!(l.chars().count() <= 100, "{l}");
    }
    // Labels are wrapped too: on this report, with its errors' lines of
    // the report shorter than the width, nothing is wider.
    for l in out.lines() {
        assert!(l.chars().count() <= 100, "{l}");
    }
    assert!(out.contains("    · ╰──┤ revenue 38 15 4 (PREVISIONE 2022 1.995.110,00, PREVISIONE 2021 2.045.000,00,\n    ·    │ RENDICONTO 2021 467.660,95)\n"));
    // Each severity fits a screen or two: errors in full (3 here), warnings
    // and review aids one line each, the 5 largest of each rule.
    let at = |h: &str| out.lines().position(|l| l.starts_with(h)).unwrap();
    let (e, w, i) = (at("Errors:"), at("Warnings:"), at("Review aids"));
    assert!(w - e < 120, "errors: {} lines", w - e);
    assert!(i - w < 80, "warnings: {} lines", i - w);
    assert!(
        out.lines().count() - i < 80,
        "infos: {} lines",
        out.lines().count() - i
    );
    assert!(out
        .contains("\nvincolo-unmatched-spending: 22 (vincolo groupings: hypotheses to confirm)\n"));
    assert!(out.contains("\n  … and 17 more (--verbose shows all)\n"));
    assert!(out.contains("; 5 more related locations: --verbose shows them"));
    // --verbose: every review aid and every related location.
    let v = quadra(&["check", REPORT, "--verbose"]);
    assert!(!v.stdout.contains("--verbose shows"));
    assert!(
        v.stdout.lines().count() > 1400,
        "{}",
        v.stdout.lines().count()
    );
    // Warnings in full with --verbose: miette's warning mark on each.
    assert_eq!(v.stdout.matches("\n  ⚠ ").count(), 42);
    assert_eq!(out.matches("\n  ⚠ ").count(), 0);
    assert_eq!(out.matches("\n  × ").count(), 3);
    insta::assert_snapshot!("grouped_human_output_of_the_real_report", out);
}

#[test]
fn review_aids_show_the_percentage_of_change() {
    let j = json_of(&quadra(&[
        "check",
        REPORT,
        "--rule",
        "forecast-change",
        "--rule",
        "low-execution",
        "--chapter",
        "27 1 0",
        "--format",
        "json",
    ]));
    let d = diagnostics(&j);
    assert_eq!(d[0]["message"], "chapter 27 1 0 `TRASFERIMENTI DA AMMINISTRAZIONI CENTRALI PER L'IMMIGRAZIONE`: forecast 1.234.240,00, the year before 3.500.000,00 (-64,7% on PREVISIONE 2021)");
    assert_eq!(d[1]["message"], "chapter 27 1 0 `TRASFERIMENTI DA AMMINISTRAZIONI CENTRALI PER L'IMMIGRAZIONE`: actual 1.605.958,38 against a forecast of 3.500.000,00 (-54,1% on PREVISIONE 2021)");
    // A year before of zero: no percentage, said so.
    let z = json_of(&quadra(&[
        "check",
        REPORT,
        "--rule",
        "forecast-change",
        "--chapter",
        "38 15 22",
        "--format",
        "json",
    ]));
    assert_eq!(diagnostics(&z)[0]["message"], "chapter 38 15 22 `TRASFERIMENTI DA AMMINISTRAZIONI CENTRALI`: forecast 1.170.000,00, the year before 0,00 (PREVISIONE 2021 is 0,00: no percentage)");
    let it = json_of(&quadra(&[
        "--lang",
        "it",
        "check",
        REPORT,
        "--rule",
        "forecast-change",
        "--chapter",
        "27 1 0",
        "--format",
        "json",
    ]));
    assert!(diagnostics(&it)[0]["message"]
        .as_str()
        .unwrap()
        .ends_with(" (-64,7% rispetto a PREVISIONE 2021)"));
    // Every forecast-change finding has its percentage.
    let all = json_of(&quadra(&[
        "check",
        REPORT,
        "--rule",
        "forecast-change",
        "--format",
        "json",
    ]));
    let d = diagnostics(&all);
    assert_eq!(d.len(), 42);
    assert!(d.iter().all(|x| {
        let m = x["message"].as_str().unwrap();
        m.ends_with("% on PREVISIONE 2021)") || m.ends_with("is 0,00: no percentage)")
    }));
}

#[test]
fn a_rule_file_change_key_is_validated() {
    let dir = tmp("change");
    let p = dir.join("r.toml");
    std::fs::write(
        &p,
        "[rules.forecast-change]\nchange = [\"previsione\", \"previsione_prima\"]\n",
    )
    .unwrap();
    let r = quadra(&["check", REPORT, "--rules", p.to_str().unwrap()]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("`previsione_prima` is not an amount column"),
        "{}",
        r.stderr
    );
    std::fs::write(&p, "[rules.forecast-change]\nchange = [\"previsione\"]\n").unwrap();
    let r = quadra(&["check", REPORT, "--rules", p.to_str().unwrap()]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("`change` names two amount columns"),
        "{}",
        r.stderr
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_total_label_is_a_complete_sentence() {
    let v = json_of(&quadra(&[
        "check",
        "--no-config",
        "fixtures/rules/total-mismatch.txt",
        "--format",
        "json",
    ]));
    let d = diagnostics(&v);
    let t = d.iter().find(|x| x["rule"] == "total-mismatch").unwrap();
    let label = t["label"].as_str().unwrap();
    // The figure it stands under and what the items sum to, both named.
    assert_eq!(
        label,
        "declared total (PREVISIONE 2022 3.600,00; the 2 items it totals sum to 3.500,00)"
    );
}
