//! `quadra check` and `quadra rules` as a user and a CI pipeline meet them:
//! exit codes, every output format, configuration files, located errors.

use std::path::Path;

mod common;
use common::{quadra_in, Run};

const REPORT: &str = "reports/milano-2022-dir07-welfare-e-salute.txt";

fn quadra(args: &[&str]) -> Run {
    quadra_in(Path::new(env!("CARGO_MANIFEST_DIR")), args)
}

fn json(r: &Run) -> serde_json::Value {
    serde_json::from_str(&r.stdout).unwrap_or_else(|e| panic!("{e}: {}", r.stdout))
}

fn rules_of(v: &serde_json::Value) -> Vec<String> {
    v["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap().to_string())
        .collect()
}

fn count(v: &serde_json::Value, rule: &str, severity: &str) -> usize {
    v["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == rule && d["severity"] == severity)
        .count()
}

#[test]
fn the_real_report_without_its_link_file_has_no_errors() {
    // Inferred vincolo groups only: what rests on them is a warning at most.
    let r = quadra(&["check", REPORT, "--no-config"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stderr,
        "quadra: config: not looked for (--no-config); built-in rules\n\
         quadra: links: not looked for (--no-config); vincolo groups are inferred\n"
    );
    assert!(r
        .stdout
        .ends_with(&format!("{REPORT}: 0 errors, 45 warnings, 76 infos\n")));
    let v = json(&quadra(&[
        "check",
        REPORT,
        "--no-config",
        "--format",
        "json",
    ]));
    assert_eq!(count(&v, "forecast-change", "info"), 42);
    assert_eq!(count(&v, "low-execution", "info"), 25);
    assert_eq!(count(&v, "vincolo-unbalanced", "warning"), 10);
    assert_eq!(count(&v, "vincolo-unbalanced", "info"), 8);
    assert_eq!(count(&v, "vincolo-unmatched-revenue", "warning"), 10);
    assert_eq!(count(&v, "vincolo-unmatched-spending", "warning"), 23);
    assert_eq!(count(&v, "vincolo-flag-mismatch", "warning"), 1);
    assert_eq!(count(&v, "vincolate-coverage", "warning"), 1);
    assert_eq!(count(&v, "vincolate-coverage", "info"), 1);
    assert_eq!(rules_of(&v).len(), 121);
    assert_eq!(
        v["summary"],
        serde_json::json!({"errors": 0, "warnings": 45, "infos": 76})
    );
}

#[test]
fn the_real_report_with_its_reviewed_link_file() {
    // Run from the repository root: rules/<report>.links.toml is found.
    let v = json(&quadra(&["check", REPORT, "--format", "json"]));
    // 8 of the 11 groups that do not balance are declared `low`: their
    // findings are one severity step lower, as on inferred groups.
    assert_eq!(
        v["summary"],
        serde_json::json!({"errors": 3, "warnings": 42, "infos": 76})
    );
    assert_eq!(count(&v, "vincolo-unbalanced", "error"), 3);
    assert_eq!(count(&v, "vincolo-unbalanced", "warning"), 9);
    assert_eq!(count(&v, "vincolo-unbalanced", "info"), 8);
    assert_eq!(count(&v, "vincolo-unmatched-revenue", "warning"), 9);
    assert_eq!(count(&v, "vincolo-unmatched-spending", "warning"), 22);
    assert_eq!(quadra(&["check", REPORT]).code, 1);
    insta::assert_snapshot!(
        "real_report_with_link_file",
        quadra(&["check", REPORT, "--format", "json"]).stdout
    );
    // The same file given explicitly.
    let w = json(&quadra(&[
        "check",
        REPORT,
        "--no-config",
        "--links",
        "rules/milano-2022-dir07-welfare-e-salute.links.toml",
        "--format",
        "json",
    ]));
    assert_eq!(w["summary"], v["summary"]);
}

#[test]
fn the_full_check_of_the_real_report() {
    let r = quadra(&["check", REPORT, "--no-config", "--format", "json"]);
    insta::assert_snapshot!(r.stdout);
}

/// The schema of ../shared/schemas, vendored unchanged in tests/data. Its two
/// `language` patterns have a stray `]` (`...[a-zA-Z]{2}]?$`) that ECMAScript
/// reads as a literal but the validator's regex engine rejects; those two
/// patterns are replaced here by what they mean, and nothing else is touched.
fn sarif_validator() -> jsonschema::Validator {
    const BROKEN: &str = "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$";
    fn fix(v: &mut serde_json::Value, n: &mut usize) {
        match v {
            serde_json::Value::String(s) if s == BROKEN => {
                *s = "^[a-zA-Z]{2}$|^[a-zA-Z]{2}-[a-zA-Z]{2}$".into();
                *n += 1;
            }
            serde_json::Value::Array(a) => a.iter_mut().for_each(|x| fix(x, n)),
            serde_json::Value::Object(o) => o.values_mut().for_each(|x| fix(x, n)),
            _ => {}
        }
    }
    let mut schema: serde_json::Value =
        serde_json::from_str(include_str!("data/sarif-schema-2.1.0.json")).unwrap();
    let mut n = 0;
    fix(&mut schema, &mut n);
    assert_eq!(n, 2);
    // This copy keeps the log's own schema under `definitions/Root` and has
    // no top-level constraint of its own: validate against Root.
    assert!(schema.get("type").is_none() && schema.get("properties").is_none());
    schema["$ref"] = "#/definitions/Root".into();
    jsonschema::validator_for(&schema).unwrap()
}

#[test]
fn sarif_output_is_valid_against_the_official_schema() {
    let validator = sarif_validator();
    // The validator does reject what is not SARIF.
    assert!(!validator.is_valid(&serde_json::json!({"version": "2.1.0"})));
    assert!(
        !validator.is_valid(&serde_json::json!({"version": "2.1.0", "runs": [{"results": []}]}))
    );
    for args in [
        vec![REPORT],
        vec![
            "fixtures/rules/total-mismatch.txt",
            "fixtures/rules/missioni-correnti.txt",
        ],
        vec!["fixtures/broken-malformed-amount.txt"],
        vec!["fixtures/rules/total-mismatch.clean.txt"],
    ] {
        let mut a = vec!["check", "--no-config", "--format", "sarif"];
        a.extend(args.iter().copied());
        let r = quadra(&a);
        let v = json(&r);
        let errors: Vec<String> = validator.iter_errors(&v).map(|e| e.to_string()).collect();
        assert_eq!(errors, Vec::<String>::new(), "{args:?}");
        assert_eq!(v["version"], "2.1.0");
        let rules = v["runs"][0]["tool"]["driver"]["rules"].as_array().unwrap();
        assert_eq!(rules.len(), 24 + 13, "the catalogue and the parse codes");
    }
}

#[test]
fn sarif_fingerprints_survive_moved_lines() {
    let dir = tempdir("fingerprints");
    let text = std::fs::read_to_string("fixtures/rules/vincolate-spese.txt").unwrap();
    std::fs::write(dir.join("a.txt"), &text).unwrap();
    std::fs::write(dir.join("b.txt"), format!("\n\n\n{text}")).unwrap();
    let get = |f: &str| {
        let v = json(&quadra_in(
            &dir,
            &["check", "--no-config", "--format", "sarif", f],
        ));
        let r = &v["runs"][0]["results"][0];
        (
            r["partialFingerprints"]["quadraFinding/v1"].clone(),
            r["locations"][0]["physicalLocation"]["region"]["startLine"].clone(),
        )
    };
    let (fa, la) = get("a.txt");
    let (fb, lb) = get("b.txt");
    assert_eq!(fa, fb);
    assert_eq!(lb.as_u64().unwrap(), la.as_u64().unwrap() + 3);
}

#[test]
fn github_format_prints_one_annotation_per_finding() {
    let r = quadra(&[
        "check",
        "--no-config",
        "--format",
        "github",
        "fixtures/rules/total-mismatch.txt",
        "fixtures/rules/financed-without-v.txt",
    ]);
    assert_eq!(r.code, 1);
    insta::assert_snapshot!(r.stdout);
}

#[test]
fn deny_warnings_turns_warnings_into_errors() {
    let f = "fixtures/rules/financed-without-v.txt";
    let r = quadra(&["check", "--no-config", "--format", "json", f]);
    assert_eq!(r.code, 0);
    assert_eq!(json(&r)["summary"]["warnings"], 1);
    let r = quadra(&[
        "check",
        "--no-config",
        "--format",
        "json",
        "--deny",
        "warnings",
        f,
    ]);
    assert_eq!(r.code, 1);
    let v = json(&r);
    assert_eq!(
        v["summary"],
        serde_json::json!({"errors": 1, "warnings": 0, "infos": 0})
    );
    assert_eq!(v["files"][0]["diagnostics"][0]["severity"], "error");
}

#[test]
fn output_file_and_exit_codes() {
    let dir = tempdir("output");
    let out = dir.join("out.json");
    let r = quadra(&[
        "check",
        "--no-config",
        "--format",
        "json",
        "-o",
        out.to_str().unwrap(),
        "fixtures/rules/total-mismatch.txt",
    ]);
    assert_eq!((r.code, r.stdout.as_str()), (1, ""));
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    assert_eq!(v["summary"]["errors"], 1);
    // Parse errors are findings too, and fail the check.
    let r = quadra(&[
        "check",
        "--no-config",
        "--format",
        "json",
        "fixtures/broken-malformed-amount.txt",
    ]);
    assert_eq!(r.code, 1);
    assert!(rules_of(&json(&r)).contains(&"parse::malformed-amount".to_string()));
    // Not a report, missing file, bad flag: usage errors.
    assert_eq!(
        quadra(&["check", "--no-config", "fixtures/notareport-prose.txt"]).code,
        2
    );
    let r = quadra(&["check", "--no-config", "no/such/file.txt"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("cannot read no/such/file.txt"),
        "{}",
        r.stderr
    );
    assert_eq!(quadra(&["check", "--deny", "everything", REPORT]).code, 2);
    assert_eq!(quadra(&["check"]).code, 2);
}

fn tempdir(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("quadra-cli-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn an_invalid_rule_file_is_located_and_exits_two() {
    let dir = tempdir("badrules");
    std::fs::write(
        dir.join("strict.toml"),
        "[rules.total-mismatch]\nseverity = \"warning\"\nparams = { tolerance = -0.5 }\n\n[rules.forecast-chnage]\nenabled = false\n",
    )
    .unwrap();
    let report = Path::new(env!("CARGO_MANIFEST_DIR")).join(REPORT);
    let r = quadra_in(
        &dir,
        &["check", "--rules", "strict.toml", report.to_str().unwrap()],
    );
    assert_eq!(r.code, 2);
    assert_eq!(r.stdout, "");
    // The link file is found from the report's folder, not from the
    // current directory; it is shown absolute as it lies outside it.
    insta::assert_snapshot!(r.stderr.replace(env!("CARGO_MANIFEST_DIR"), "[root]"));
}

#[test]
fn quadra_toml_is_found_in_a_parent_and_later_files_win() {
    let dir = tempdir("project");
    let sub = dir.join("budget/2022");
    std::fs::create_dir_all(&sub).unwrap();
    std::fs::write(
        dir.join("quadra.toml"),
        "[rules.forecast-change]\nenabled = false\n\n[rules.low-execution]\nseverity = \"warning\"\n",
    )
    .unwrap();
    std::fs::write(
        sub.join("ci.toml"),
        "[rules.low-execution]\nseverity = \"error\"\n",
    )
    .unwrap();
    // The project file is looked for from the report's folder: the report
    // lies in the project, the run starts in another folder.
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join(REPORT),
        sub.join("r.txt"),
    )
    .unwrap();
    let report = sub.join("r.txt");
    let report = report.to_str().unwrap();
    let ci = sub.join("ci.toml");
    let ci = ci.to_str().unwrap();
    let sub = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    // quadra.toml: forecast-change off (its 42 infos gone), low-execution a
    // warning (25 more warnings besides the 45 of the vincoli rules).
    let r = quadra_in(&sub, &["check", "--format", "json", report]);
    assert_eq!(r.code, 0);
    assert_eq!(
        json(&r)["summary"],
        serde_json::json!({"errors": 0, "warnings": 70, "infos": 9})
    );
    let project = dir.canonicalize().unwrap().join("quadra.toml");
    assert!(
        r.stderr
            .starts_with(&format!("quadra: config: {}\n", project.display())),
        "{}",
        r.stderr
    );
    let r = quadra_in(&sub, &["check", "--format", "json", "--rules", ci, report]);
    assert_eq!(r.code, 1);
    assert_eq!(
        json(&r)["summary"],
        serde_json::json!({"errors": 25, "warnings": 45, "infos": 9})
    );
    let r = quadra_in(&sub, &["check", "--format", "json", "--no-config", report]);
    assert_eq!(
        json(&r)["summary"],
        serde_json::json!({"errors": 0, "warnings": 45, "infos": 76})
    );
}

#[test]
fn rules_lists_the_catalogue_and_explains_a_rule() {
    let r = quadra(&["rules", "--no-config"]);
    assert_eq!(r.code, 0);
    insta::assert_snapshot!("rules_list", r.stdout);
    let r = quadra(&["rules", "--no-config", "explain", "total-mismatch"]);
    assert_eq!(r.code, 0);
    insta::assert_snapshot!("rules_explain", r.stdout);
    let r = quadra(&["rules", "--no-config", "explain", "total-mismach"]);
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr,
        "quadra: config: not looked for (--no-config); built-in rules\n\
         quadra: no rule `total-mismach` (did you mean `total-mismatch`?); `quadra rules` lists them\n"
    );
}
