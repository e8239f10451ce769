//! Rule files: invalid ones are reported with file, line, column and a help
//! line; valid ones override the defaults and declare new rules in TOML alone.

use quadra::ast::{Colonna, SezioneId};
use quadra::config::{load, ConfigError, RuleSet, Sorgente};
use quadra::diagnostic::Severity;
use quadra::span::{LineIndex, Span};
use rust_decimal::Decimal;

const REAL: &[u8] = include_bytes!("../reports/milano-2022-dir07-welfare-e-salute.txt");

fn with(custom: &str) -> Result<RuleSet, Vec<ConfigError>> {
    load(&[
        Sorgente::default_rules(),
        Sorgente {
            nome: "custom.toml".into(),
            testo: custom.into(),
        },
    ])
}

/// Errors as `file:line:column: message (help)`, located by the one
/// span-to-location function.
fn errors(custom: &str) -> String {
    let errs = with(custom).expect_err("the rule file should be rejected");
    errs.iter()
        .map(|e| {
            assert_eq!(e.sorgente, 1, "error in the defaults: {e:?}");
            let l = LineIndex::new(custom.as_bytes())
                .locate(custom.as_bytes(), Span::new(e.span.start, e.span.end));
            format!(
                "custom.toml:{}:{}-{}:{}: {}\n    help: {}",
                l.line, l.column, l.end_line, l.end_column, e.message, e.help
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

const BAD: &[(&str, &str)] = &[
    ("syntax", "[rules.total-mismatch\nseverity = \"warning\"\n"),
    ("unknown-top-key", "verison = 1\n"),
    ("unsupported-version", "version = 2\n"),
    ("unknown-rule-id", "[rules.total-mismatc]\nseverity = \"warning\"\n"),
    ("invalid-rule-id", "[rules.My_Rule]\nkind = \"row-predicate\"\n"),
    ("wrong-type", "[rules.total-mismatch]\nseverity = 3\n"),
    ("unknown-severity", "[rules.total-mismatch]\nseverity = \"fatal\"\n"),
    ("unknown-key", "[rules.total-mismatch]\nseverty = \"info\"\n"),
    ("negative-parameter", "[rules.total-mismatch]\nparams = { tolerance = -1 }\n"),
    ("unknown-parameter", "[rules.forecast-change]\nparams = { percentage = 10 }\n"),
    (
        "parameter-too-large",
        "[rules.direzione-equals-settori]\nop = \">=\"\nparams = { tolerance = 79228162514264337593543950335 }\n",
    ),
    ("float-with-exponent", "[rules.total-mismatch]\nparams = { tolerance = 1e3 }\n"),
    ("unknown-scope-key", "[rules.all-zero]\nscope = { sezione = \"1.B\" }\n"),
    ("unknown-section", "[rules.all-zero]\nscope = { section = \"1.E\" }\n"),
    (
        "bad-condition",
        "[rules.big]\nkind = \"row-predicate\"\nsummary = \"big\"\nseverity = \"info\"\nselect = { section = \"1.B\" }\nwhen = \"previsione > soglia\"\nmessage = \"{key}\"\n",
    ),
    (
        "condition-type-error",
        "[rules.big]\nkind = \"row-predicate\"\nsummary = \"big\"\nseverity = \"info\"\nselect = { section = \"1.B\" }\nwhen = \"vincolato and previsione\"\nmessage = \"{key}\"\n",
    ),
    (
        "unknown-placeholder",
        "[rules.big]\nkind = \"row-predicate\"\nsummary = \"big\"\nseverity = \"info\"\nselect = { section = \"1.B\" }\nmessage = \"{key} costs {prevision}\"\n",
    ),
    (
        "bad-regex",
        "[rules.big]\nkind = \"row-predicate\"\nsummary = \"big\"\nseverity = \"info\"\nselect = { description = \"FIN(\" }\nmessage = \"{key}\"\n",
    ),
    (
        "unknown-selector-key",
        "[rules.big]\nkind = \"row-predicate\"\nsummary = \"big\"\nseverity = \"info\"\nselect = { sections = \"1.B\" }\nmessage = \"{key}\"\n",
    ),
    (
        "missing-select-and-message",
        "[rules.big]\nkind = \"row-predicate\"\nsummary = \"big\"\nseverity = \"info\"\n",
    ),
    (
        "aggregate-errors",
        "[rules.agg]\nkind = \"aggregate\"\nsummary = \"agg\"\nseverity = \"error\"\nleft = { section = \"1.C\" }\nright = { value = 0, section = \"1.A\" }\ngroup_by = \"capitolo\"\nop = \"~\"\ncolumns = [\"previsione\", \"prevision\"]\nmessage = \"{left} {key}\"\n",
    ),
    (
        "predicate-key-in-builtin",
        "[rules.total-mismatch]\nwhen = \"previsione > 0\"\n",
    ),
    (
        "unknown-builtin",
        "[rules.my-check]\nkind = \"builtin\"\nsummary = \"mine\"\nseverity = \"error\"\n",
    ),
    ("unknown-kind", "[rules.my-check]\nkind = \"regex\"\n"),
];

#[test]
fn invalid_rule_files_are_located() {
    let mut out = String::new();
    for (name, text) in BAD {
        out.push_str(&format!("## {name}\n{}\n\n", errors(text)));
    }
    insta::assert_snapshot!(out);
}

#[test]
fn overrides_change_severity_enabled_and_parameters() {
    let r = with(
        "[rules.total-mismatch]\nseverity = \"warning\"\nparams = { tolerance = 0.01 }\n\n[rules.all-zero]\nenabled = false\n",
    )
    .unwrap();
    let t = r.get("total-mismatch").unwrap();
    assert_eq!(t.severity, Severity::Warning);
    assert_eq!(t.param("tolerance"), Decimal::new(1, 2));
    assert!(!r.get("all-zero").unwrap().enabled);
    // Untouched rules keep their defaults.
    assert_eq!(r.get("vincolate-spese").unwrap().severity, Severity::Error);
    assert_eq!(r.rules.len(), 24);
}

#[test]
fn a_later_file_overrides_an_earlier_one() {
    let r = load(&[
        Sorgente::default_rules(),
        Sorgente {
            nome: "a.toml".into(),
            testo: "[rules.forecast-change]\nseverity = \"warning\"\nparams = { percent = 10 }\n"
                .into(),
        },
        Sorgente {
            nome: "b.toml".into(),
            testo: "[rules.forecast-change]\nseverity = \"error\"\n".into(),
        },
    ])
    .unwrap();
    let f = r.get("forecast-change").unwrap();
    assert_eq!(f.severity, Severity::Error);
    assert_eq!(f.param("percent"), Decimal::from(10));
    assert_eq!(f.param("absolute"), Decimal::from(1_000_000));
}

fn check(rules: &RuleSet) -> Vec<quadra::finding::Finding> {
    let p = quadra::parse(REAL).unwrap();
    quadra::rules::check(&p.documento, &p.diagnostics, rules, false)
}

#[test]
fn a_row_predicate_declared_in_toml_alone_finds_exactly_the_rows_it_describes() {
    let r = with(
        r#"
[rules.big-chapters]
kind = "row-predicate"
family = "custom"
severity = "warning"
summary = "chapters of ten million or more"
params = { soglia = 10_000_000 }
select = { section = "1.B", vincolato = true }
when = "previsione >= soglia"
message = "{key} {descrizione}: {previsione} (threshold {soglia})"
"#,
    )
    .unwrap();
    let found: Vec<_> = check(&r)
        .into_iter()
        .filter(|f| f.rule == "big-chapters")
        .collect();
    // Expected independently: the V rows of 1.B with a forecast of 10M or more.
    let p = quadra::parse(REAL).unwrap();
    let expected: Vec<String> = p.documento.reports[0]
        .righe()
        .filter(|r| r.sezione == SezioneId::SpeseCorrenti && r.riga.vincolato)
        .filter(|r| r.riga.importi.get(Colonna::Previsione).unwrap() >= Decimal::from(10_000_000))
        .map(|r| r.riga.chiave.to_string())
        .collect();
    assert!(!expected.is_empty());
    let keys: Vec<String> = found.iter().map(|f| f.key.unwrap().to_string()).collect();
    assert_eq!(keys, expected);
    assert!(found.iter().all(|f| f.severity == Severity::Warning));
    assert!(
        found[0].message.ends_with("(threshold 10.000.000)"),
        "{}",
        found[0].message
    );
}

#[test]
fn an_aggregate_declared_in_toml_alone_compares_two_selections() {
    // Earmarked spending may not exceed earmarked revenue: in the real 2022
    // report it does, by 16.829.773,05 in the forecast.
    let r = with(
        r#"
[rules.v-spending-within-v-revenue]
kind = "aggregate"
summary = "earmarked spending within earmarked revenue"
severity = "warning"
left = { section = "1.B", vincolato = true }
right = { section = "1.A", vincolato = true }
op = "<="
columns = ["previsione"]
message = "V spending {left} exceeds V revenue {right} by {difference}"
"#,
    )
    .unwrap();
    let found: Vec<_> = check(&r)
        .into_iter()
        .filter(|f| f.rule == "v-spending-within-v-revenue")
        .collect();
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0].message,
        "V spending 134.558.563,05 exceeds V revenue 117.728.790,00 by 16.829.773,05"
    );
    assert_eq!(
        found[0].amounts,
        vec![
            ("previsione_left".into(), "134558563.05".parse().unwrap()),
            ("previsione_right".into(), "117728790.00".parse().unwrap()),
            (
                "previsione_difference".into(),
                "16829773.05".parse().unwrap()
            ),
        ]
    );
}

#[test]
fn scope_limits_a_rule_to_sections_settori_and_keys() {
    let all = check(&RuleSet::default_rules().unwrap());
    let count =
        |fs: &[quadra::finding::Finding], id: &str| fs.iter().filter(|f| f.rule == id).count();
    let n = count(&all, "forecast-change");
    let r = with("[rules.forecast-change]\nscope = { section = \"1.A\" }\n").unwrap();
    let scoped = check(&r);
    let in_1a = all
        .iter()
        .filter(|f| {
            f.rule == "forecast-change" && f.context.sezione == Some(SezioneId::EntrateCorrenti)
        })
        .count();
    assert!(in_1a > 0 && in_1a < n);
    assert_eq!(count(&scoped, "forecast-change"), in_1a);
    let r = with("[rules.forecast-change]\nscope = { key = \"38 15 *\" }\n").unwrap();
    let keyed = check(&r);
    assert!(keyed
        .iter()
        .filter(|f| f.rule == "forecast-change")
        .all(|f| f.key.unwrap().to_string().starts_with("38 15 ")));
    assert!(count(&keyed, "forecast-change") > 0);
    let r = with("[rules.forecast-change]\nscope = { settore = [999] }\n").unwrap();
    assert_eq!(count(&check(&r), "forecast-change"), 0);
}

#[test]
fn the_rule_files_in_the_readme_are_valid() {
    let readme = include_str!("../README.md");
    let blocks: Vec<&str> = readme
        .split("```toml\n")
        .skip(1)
        .map(|b| b.split("```").next().unwrap())
        .collect();
    // The baseline example is a baseline, not a rule file.
    let (baselines, blocks): (Vec<&str>, Vec<&str>) =
        blocks.into_iter().partition(|b| b.contains("[[accepted]]"));
    assert_eq!(blocks.len(), 4);
    assert_eq!(baselines.len(), 1);
    let b = quadra::baseline::leggi(baselines[0]).expect("README baseline is valid");
    assert_eq!(b.voci.len(), 1);
    assert_eq!(b.voci[0].id.subject, "1.C||uncovered");
    for b in blocks {
        if let Err(e) = with(b) {
            panic!("README rule file is invalid: {e:?}\n{b}");
        }
    }
}

#[test]
fn the_review_aids_on_the_real_report_are_exactly_the_rows_their_definition_describes() {
    let p = quadra::parse(REAL).unwrap();
    let found = check(&RuleSet::default_rules().unwrap());
    let keys = |id: &str| -> Vec<String> {
        found
            .iter()
            .filter(|f| f.rule == id)
            .map(|f| f.key.unwrap().to_string())
            .collect()
    };
    let d = |s: &str| s.parse::<Decimal>().unwrap();
    let rows: Vec<_> = p.documento.reports[0].righe().collect();
    let col = |r: &quadra::ast::RigaInContesto<'_>, c: Colonna| r.riga.importi.get(c).unwrap();
    // forecast-change: |change| >= 1.000.000 and >= 50 % of the prior forecast.
    let expected: Vec<String> = rows
        .iter()
        .filter(|r| {
            let (now, before) = (
                col(r, Colonna::Previsione),
                col(r, Colonna::PrevisionePrecedente),
            );
            let change = (now - before).abs();
            change >= d("1000000") && change * d("100") >= d("50") * before
        })
        .map(|r| r.riga.chiave.to_string())
        .collect();
    assert_eq!(expected.len(), 42);
    assert_eq!(keys("forecast-change"), expected);
    // low-execution: prior forecast >= 1.000.000 and actual below half of it.
    let expected: Vec<String> = rows
        .iter()
        .filter(|r| {
            let (before, actual) = (
                col(r, Colonna::PrevisionePrecedente),
                col(r, Colonna::RendicontoPrecedente),
            );
            before >= d("1000000") && actual * d("100") < d("50") * before
        })
        .map(|r| r.riga.chiave.to_string())
        .collect();
    assert_eq!(expected.len(), 25);
    assert_eq!(keys("low-execution"), expected);
    assert_eq!(keys("all-zero"), Vec::<String>::new());
}
